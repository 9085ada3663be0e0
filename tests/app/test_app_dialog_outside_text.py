"""The edit dialog over a note streak did not type: one from a hand-edited file or a synced copy.

Such a note may hold escape sequences (shown as visible escapes, never sent to the terminal) or be
over 500 characters (two machines' versions joined). Left as it is, it is saved as it is; only a
note typed in the dialog is held to the rules.
"""

from datetime import timedelta
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input

from app_driver import fill, make_app
from helpers import TODAY
from streak.core.history.edits import add_session
from streak.core.history.model import Lift, Session
from streak.core.text import show_safely
from streak.storage.store import Store
from streak.ui.dialogs.checkin import EditSessionDialog

YESTERDAY = TODAY - timedelta(days=1)
HOSTILE_NOTE = "\x1b]0;PWNED\x07\x1b[2J\x1b[31mRED\u202eevil"


def record(db: Path, note: str | None, *lifts: Lift) -> None:
    """Yesterday's session as a file brought it, not as a person typed it."""
    Store(str(db)).update(lambda history: (add_session(history, Session(YESTERDAY, note, lifts), TODAY), None))


async def open_editor(pilot: Pilot) -> Input:
    """History, yesterday, e: the edit dialog over that session; its note field."""
    await pilot.press("h", "up", "e")
    await pilot.pause()
    assert isinstance(pilot.app.screen, EditSessionDialog)
    return pilot.app.screen.query_one("#note", Input)


async def add_lift_and_save(pilot: Pilot, lift: str) -> None:
    """Type a lift on the lift line, add it, and save the session with the note as the field holds it."""
    await pilot.press("tab")
    await fill(pilot, "#lift", lift)
    await pilot.press("enter", "enter")
    await pilot.pause()
    assert not isinstance(pilot.app.screen, EditSessionDialog)


async def test_a_note_with_escapes_is_shown_escaped_and_saved_as_it_was(db: Path) -> None:
    record(db, HOSTILE_NOTE)
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        shown = (await open_editor(pilot)).value
        assert shown == show_safely(HOSTILE_NOTE)
        assert "\x1b" not in shown and "\u202e" not in shown and "\\x1b" in shown
        await add_lift_and_save(pilot, "back squat 5x5 100")
    session = Store(str(db)).load().session_on(YESTERDAY)
    assert session.note == HOSTILE_NOTE  # untouched: saving the lift did not rewrite it
    assert session.lifts == (Lift("Back squat", 5, 5, 100.0, "kg"),)


async def test_a_changed_note_with_escapes_is_saved_as_the_visible_text(db: Path) -> None:
    """Typed over, the note is what the person sees and typed: the escapes as plain text, never the raw characters."""
    record(db, "\x1b[31mred")
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h", "up", "e", *" squats", "enter")
        await pilot.pause()
    assert Store(str(db)).load().session_on(YESTERDAY).note == "\\x1b[31mred squats"


async def test_a_joined_note_over_500_characters_is_kept_whole_when_a_lift_is_added(db: Path) -> None:
    """SPEC: a note over 500 characters after a join is kept whole; only typed notes are held to 500."""
    joined = "a" * 300 + " / " + "b" * 300
    record(db, joined)
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        assert (await open_editor(pilot)).value == joined
        await add_lift_and_save(pilot, "squat 3x5 85")
    session = Store(str(db)).load().session_on(YESTERDAY)
    assert session.note == joined and [lift.exercise for lift in session.lifts] == ["Back squat"]


async def test_a_lift_can_be_added_beside_one_whose_name_came_from_a_file_with_escapes(db: Path) -> None:
    hostile = Lift("Squat\x1b[31m", 5, 5, 100.0, "kg")
    record(db, "legs", hostile)
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_editor(pilot)
        await add_lift_and_save(pilot, "lunge 3x10 20")
    assert Store(str(db)).load().session_on(YESTERDAY).lifts == (hostile, Lift("Lunge", 3, 10, 20.0, "kg"))
