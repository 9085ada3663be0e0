"""The app's frame at real terminal sizes: footers, dialogs, the keys screen, the palette, sizes and toasts."""

from pathlib import Path

import pytest

from app_driver import make_app, screen_lines

FOOTERS = {
    "t": "c Check in  thbg Views  ? Keys  q Quit",
    "h": "←→↑↓ Move  a Add  x Remove  thbg Views  ? Keys  q Quit",
    "b": "thbg Views  ? Keys  q Quit",
    "g": "←→ Goal  w Weekday  enter Save  esc Undo  thbg Views  ? Keys  q Quit",
}


@pytest.mark.parametrize("view", FOOTERS)
async def test_footer_labels_stand_apart(db: Path, view: str) -> None:
    """Every footer item, a group's label included, is two spaces from the next: no "Movea Add"."""
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(view)
        await pilot.pause()
        footer = screen_lines(app)[-1]
        assert footer.startswith(FOOTERS[view] + " ")
        assert footer.rstrip().endswith("^p palette")


async def test_check_in_dialog_footer_says_enter_confirms(db: Path) -> None:
    """The dialog's footer names both ways out: enter checks in, escape cancels."""
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        assert screen_lines(app)[-1].startswith("enter Check in  esc Cancel ")
