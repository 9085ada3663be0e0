"""Issue 21, items 1-3 in the app: text from outside the keyboard shows with visible escapes, never raw; a likely
typo in an exercise name is offered its close name; a hostile import file is named in the Import dialog.

"No raw escape" is checked on what the app renders: every strip the compositor draws for the
80x24 screen, and the text of the notifications, which is what reaches the terminal.
"""

import zipfile
from datetime import date
from pathlib import Path

from textual.widgets import Input, Static

from app_driver import make_app, read_in_import, screen_lines, text_of, until
from foreign_files import YES_MANUAL, LoopHabit, loop_csv_files
from helpers import TODAY
from streak.core.history.model import History, Lift, Session
from streak.storage.store import Store
from streak.ui.dialogs.checkin import CheckInDialog
from streak.ui.dialogs.importing import ImportDialog
from streak.ui.views.lifts import LiftsScreen

TITLE_CHANGE = "\x1b]0;pwned\x07"
RAW = ("\x1b", "\x07", "\x9b", "\u202e")


def assert_no_raw_controls(app) -> None:  # noqa: ANN001
    """Nothing the app draws or notifies holds an escape, a BEL, a C1 control or a bidi override."""
    drawn = "\n".join(screen_lines(app)) + "\n".join(n.message + n.title for n in app._notifications)
    assert not any(char in drawn for char in RAW), drawn


def hand_edit(db: Path) -> None:
    """A session today whose lifts name exercises no one could type (a hand edit or a synced copy)."""
    lifts = (Lift(f"squat{TITLE_CHANGE}", 5, 5, 100.0, "kg"), Lift("lunge\u202eevil", 3, 8, 40.0, "kg"))
    Store(str(db)).update(lambda history: (History((Session(TODAY, None, lifts),)), None))


async def test_the_lifts_view_shows_outside_exercise_names_with_visible_escapes(db: Path) -> None:
    hand_edit(db)
    app = make_app(db)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("l")
        await until(pilot, lambda: isinstance(app.screen, LiftsScreen) and "lunge" in "\n".join(screen_lines(app)))
        screen = "\n".join(screen_lines(app))
        # The long name is shortened to fit 80 columns, its escapes still visible as text.
        assert "lunge\\u202eevil" in screen and "squat\\x1b]0;pwned\\x…" in screen
        await pilot.press("down")
        await pilot.pause()
        assert text_of(app, "#progress-title").startswith("squat\\x1b]0;pwned\\x07: estimated one-rep max")
        assert_no_raw_controls(app)


async def test_the_history_view_describes_such_a_session_with_visible_escapes(db: Path) -> None:
    hand_edit(db)
    app = make_app(db)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("h")
        await pilot.pause()
        assert "squat\\x1b]0;pwned\\x07 5x5 100kg; lunge\\u202eevil 3x8 40kg" in text_of(app, "#selected")
        assert_no_raw_controls(app)


async def test_an_unreadable_conflict_copy_is_named_with_visible_escapes(db: Path) -> None:
    Store(str(db)).update(lambda history: (History((Session(date(2026, 11, 16)),)), None))
    copy = db.parent / f"streak ({TITLE_CHANGE}'s conflicted copy 2026-11-20).json"
    copy.write_text("{not json", encoding="utf-8")
    app = make_app(db)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        messages = [n.message for n in app._notifications if n.title == "Synced copy"]
        assert len(messages) == 1 and "\\x1b]0;pwned\\x07" in messages[0], messages
        assert_no_raw_controls(app)
    assert copy.exists()  # left in place, as SPEC.md says of a copy that cannot be read


def loop_zip(path: Path, habits: list[LoopHabit], change=lambda files: files) -> Path:  # noqa: ANN001
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in change(loop_csv_files(habits)).items():
            archive.writestr(name, text)
    return path


async def read_in_import_dialog(app, pilot, path: Path, habit: str = "") -> str:  # noqa: ANN001
    """Open ctrl+p Import, fill in the path and habit, press enter: what the dialog's problem line says."""
    await read_in_import(pilot, path, habit)
    assert isinstance(app.screen, ImportDialog)  # still open, the app still up
    return str(app.screen.query_one("#dialog-error", Static).render())


async def test_the_import_dialog_lists_loop_habit_names_with_visible_escapes(db: Path, tmp_path: Path) -> None:
    habits = [
        LoopHabit(f"Legs{TITLE_CHANGE}", {"2026-11-16": (YES_MANUAL, "")}),
        LoopHabit("Read\u202e", {"2026-11-16": (YES_MANUAL, "")}),
    ]
    source = loop_zip(tmp_path / "loop.zip", habits)
    app = make_app(db)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        error = await read_in_import_dialog(app, pilot, source)
        assert error.endswith("#1 Legs\\x1b]0;pwned\\x07, #2 Read\\u202e")
        assert_no_raw_controls(app)


async def test_a_5000_digit_habit_number_and_a_deeply_nested_file_are_named_in_the_dialog(
    db: Path, tmp_path: Path
) -> None:
    source = loop_zip(tmp_path / "loop.zip", [LoopHabit("Leg day", {"2026-11-16": (YES_MANUAL, "")})])
    nested = tmp_path / "streaks.json"
    nested.write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    app = make_app(db)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        error = await read_in_import_dialog(app, pilot, source, "#" + "9" * 5000)
        assert "no habit #999" in error and "#1 Leg day" in error and len(error) < 400
        await pilot.press("escape")
        error = await read_in_import_dialog(app, pilot, nested)
        assert "nested too deeply" in error
    assert not db.exists()


async def test_the_check_in_dialog_offers_the_close_name_and_tab_accepts_it(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("c", "tab", *"front sqat 5x5 80")
        await pilot.pause()
        assert isinstance(app.screen, CheckInDialog)
        assert (
            text_of(app, "#dialog-error")
            == "New exercise front sqat: did you mean Front squat? tab accepts, enter keeps it"
        )
        await pilot.press("tab")
        await pilot.pause()
        assert app.screen.query_one("#lift", Input).value == "Front squat 5x5 80kg"
        assert text_of(app, "#dialog-error").startswith("✓ Front squat 5x5 80kg")
        await pilot.press("enter", "enter")
        await pilot.pause()
    session = Store(str(db)).load().session_on(TODAY)
    assert session is not None and session.lifts == (Lift("Front squat", 5, 5, 80.0, "kg"),)


async def test_enter_keeps_a_new_name_as_typed_in_the_dialog(db: Path) -> None:
    """The dialog only offers: a new exercise close to a known one may be meant."""
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c", "tab", *"front sqat 5x5 80", "enter", "enter")
        await pilot.pause()
    session = Store(str(db)).load().session_on(TODAY)
    assert session is not None and [lift.exercise for lift in session.lifts] == ["front sqat"]
