"""The app's frame at real terminal sizes: footers, dialogs, the keys screen, the palette, sizes and toasts."""

from pathlib import Path

import pytest
from textual.geometry import Size
from textual.screen import Screen

from app_driver import make_app, screen_lines
from streak.ui.screens.keys import KeyRow, KeysScreen

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


def view_sizes(screen: Screen) -> list[Size]:
    """The size of every widget of a view except the footer, which redraws as bindings change."""
    return [widget.size for widget in screen.query("*").exclude("Footer, Footer *")]


@pytest.mark.parametrize("view", ["t", "h", "b", "g"])
async def test_keys_screen_is_readable_at_80x24(db: Path, view: str) -> None:
    """? lists every key of the view with what it does, one line each, over the view without squeezing it."""
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(view)
        await pilot.pause()
        underneath = app.screen
        sizes = view_sizes(underneath)
        shown = [b.binding for b in underneath.active_bindings.values() if b.binding.show and b.enabled]
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, KeysScreen)
        lines = "\n".join(screen_lines(app))
        for binding in shown:
            assert binding.description in lines
            assert (binding.tooltip or binding.description) in lines  # whole, on one line
        box = app.screen.query_one("#keys")
        assert box.max_scroll_y == 0  # all of it fits at 80x24
        assert view_sizes(underneath) == sizes
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is underneath


async def test_keys_screen_scrolls_with_the_keyboard(db: Path) -> None:
    """A list longer than the terminal is scrolled with end, home and the page keys: no key is out of reach."""
    rows = [KeyRow(f"k{n}", f"Key {n}", f"What key {n} does", n > 20) for n in range(40)]
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(KeysScreen("Test", rows))
        await pilot.pause()
        assert not any("What key 39 does" in line for line in screen_lines(app))
        await pilot.press("end")
        await pilot.pause()
        assert any("What key 39 does" in line for line in screen_lines(app))
        await pilot.press("pageup", "home")
        await pilot.pause()
        assert any("What key 0 does" in line for line in screen_lines(app))


async def test_palette_lists_each_command_once(db: Path) -> None:
    """The command palette offers Keys and Quit once each (the footer's), and no title twice."""
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        for view in ("t", "h", "g"):
            await pilot.press(view)
            await pilot.pause()
            titles = [command.title for command in app.get_system_commands(app.screen)]
            assert len(titles) == len(set(titles))
            assert [title for title in titles if title.startswith("Keys")] == ["Keys (?)"]
            assert [title for title in titles if title.startswith("Quit")] == ["Quit (q)"]
