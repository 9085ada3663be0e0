"""Keys that reach the app in one read (typed ahead over a slow link, or sent by a script) land where they would typed one by one."""

from pathlib import Path

from textual import events
from textual.keys import _character_to_key
from textual.widgets import Static

from app_driver import make_app, open_import
from foreign_files import YES_MANUAL, LoopHabit, write_loop_zip
from streak.core.history.model import Lift
from streak.storage.store import Store
from streak.ui.dialogs.checkin import CheckInDialog, ConfirmDialog

KEY_NAMES = {"tab", "shift+tab", "enter"}
LEGS = LoopHabit("Leg day", {"2026-11-02": (YES_MANUAL, "squats"), "2026-11-16": (YES_MANUAL, "")})
READ = LoopHabit("Read", {"2026-11-01": (YES_MANUAL, "")})


def _arrive_at_once(app, *typed: str) -> None:  # noqa: ANN001
    """Send every key as the driver does for one read of the terminal: all queued before any is handled.

    Each of `typed` is a key's name (tab, shift+tab, enter) or text typed a character at a time.
    """
    keys = [(part, None) if part in KEY_NAMES else (None, part) for part in typed]
    for name, text in keys:
        for character in [None] if name else list(text):
            key = name or (character if character.isalnum() else _character_to_key(character))
            event = events.Key(key, character)
            event.set_sender(app)
            app._driver.send_message(event)


async def test_a_note_a_tab_and_a_lift_in_one_read_fill_in_both_fields(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        assert isinstance(app.screen, CheckInDialog)
        _arrive_at_once(app, "heavy", "tab", "squat 5x5 100", "enter", "enter")
        await pilot.pause()
        await pilot.pause()
    [session] = Store(str(db)).load().sessions
    assert session.note == "heavy"
    assert session.lifts == (Lift("Back squat", 5, 5, 100.0, "kg"),)


async def test_a_note_and_enter_in_one_read_keep_the_note(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        _arrive_at_once(app, "heavy", "enter")
        await pilot.pause()
        await pilot.pause()
    [session] = Store(str(db)).load().sessions
    assert session.note == "heavy"


async def test_a_close_name_offered_for_keys_typed_ahead_is_taken_by_tab(db: Path) -> None:
    """The line decides on its offer once it has taken the keys before the tab."""
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        _arrive_at_once(app, "tab", "back sqat 5x5 100", "tab", "enter", "enter")
        await pilot.pause()
        await pilot.pause()
    [session] = Store(str(db)).load().sessions
    assert session.lifts == (Lift("Back squat", 5, 5, 100.0, "kg"),)


async def test_shift_tab_typed_ahead_goes_back_before_the_keys_after_it(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c", "tab")
        _arrive_at_once(app, "back squat 5x5 100", "shift+tab", "light", "enter", "enter")
        await pilot.pause()
        await pilot.pause()
    [session] = Store(str(db)).load().sessions
    assert (session.note, session.lifts) == ("light", (Lift("Back squat", 5, 5, 100.0, "kg"),))


async def test_a_path_a_tab_and_a_habit_in_one_read_go_to_their_fields(db: Path, tmp_path: Path) -> None:
    source = write_loop_zip(tmp_path / "loop.zip", [READ, LEGS])
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_import(pilot)
        _arrive_at_once(app, str(source), "tab", "leg day", "enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog), app.screen
        assert str(app.screen.query_one("#dialog-title", Static).render()).startswith(
            'Would import 2 sessions of "Leg day"'
        )
