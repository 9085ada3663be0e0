"""The training log in the app, driven by key presses: lifts in the check-in dialog, records, History's add and edit, the Lifts view."""

from datetime import timedelta
from pathlib import Path

from app_driver import fill, footer_text, listed_lifts, make_app, notifications, screen_lines, seed, text_of
from helpers import TODAY
from streak.core.history.model import Lift
from streak.storage.store import Store
from streak.ui.dialogs.checkin import CheckInDialog
from streak.ui.views.lifts import LiftsScreen


async def test_lifts_typed_in_the_check_in_dialog_are_recorded(db: Path) -> None:
    """A lift typed on the lift line is checked, added with enter, and saved with the session by a second enter."""
    app = make_app(db)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("c", *"heavy day", "tab", *"back squat 5x5 100kg", "enter")
        await pilot.pause()
        assert listed_lifts(app) == ["• Back squat 5x5 100kg"]
        await pilot.press(*"RDL 3x8 60", "enter", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, CheckInDialog)
    session = Store(str(db)).load().session_on(TODAY)
    assert session is not None and session.note == "heavy day"
    assert session.lifts == (Lift("Back squat", 5, 5, 100.0, "kg"), Lift("Romanian deadlift", 3, 8, 60.0, "kg"))


async def test_a_malformed_lift_is_named_before_it_can_be_added(db: Path) -> None:
    """`squat 5x` shows what is wrong, enter keeps the dialog open, and nothing is stored."""
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c", "tab", *"squat 5x")
        await pilot.pause()
        assert "SETSxREPS" in text_of(app, "#dialog-error")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CheckInDialog)
    assert not db.exists()


async def test_exercise_names_are_completed_from_the_catalogue(db: Path) -> None:
    """Typing `bulg` suggests Bulgarian split squat; right takes the suggestion."""
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c", "tab", *"bulg")
        await pilot.pause()
        await pilot.press("right")
        assert app.screen.query_one("#lift").value == "Bulgarian split squat"


async def test_a_heavier_lift_is_announced_as_a_personal_record(db: Path) -> None:
    """Beating last week's squat e1RM pops a personal-record notification and the First PR badge."""
    app = make_app(db)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("h", "up", "up", "up", "up", "up", "up", "up", "a", "tab")
        await fill(pilot, "#lift", "back squat 5x5 100")
        await pilot.press("enter", "enter", "t", "c", "tab")
        await fill(pilot, "#lift", "back squat 5x5 110")
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert any("Back squat record" in n for n in notifications(app))
        assert any("Personal Best" in n for n in notifications(app))


async def test_history_add_opens_the_check_in_dialog_for_the_selected_day(db: Path) -> None:
    """a on a past day opens the same dialog as c; the note typed goes into the note, not to the keys."""
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h", "up", "a")
        await pilot.pause()
        assert isinstance(app.screen, CheckInDialog)
        await pilot.press(*"goblet squats", "enter")
        await pilot.pause()
    session = Store(str(db)).load().session_on(TODAY - timedelta(days=1))
    assert session is not None and session.note == "goblet squats"


async def test_history_edit_changes_a_recorded_note(db: Path) -> None:
    """e on a day with a session opens it in the dialog; the edited note is saved."""
    seed(db, (TODAY - timedelta(days=1)).isoformat())
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h", "up", "e")
        await pilot.pause()
        assert "Edit the session" in text_of(app, "#dialog-title")
        await pilot.press(*"lunges", "enter")
        await pilot.pause()
    assert Store(str(db)).load().session_on(TODAY - timedelta(days=1)).note == "lunges"


async def test_lifts_view_lists_exercises_and_draws_progress(db: Path) -> None:
    """l shows each exercise's best e1RM and the sparkline of the highlighted one."""
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c", "tab")
        await fill(pilot, "#lift", "back squat 5x5 100")
        await pilot.press("enter", "enter")
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, LiftsScreen)
        assert "116.7 kg" in str(app.screen.query_one("#exercises").get_row_at(0))
        assert text_of(app, "#progress-title") == (
            "Back squat: estimated one-rep max 116.7 kg on Sat 21 Nov 2026; its progress line starts with the second session"
        )
        assert not app.screen.query_one("#progress").display  # one point draws no line
        assert "volume: 2,500.0 kg" in text_of(app, "#volume")


async def test_lifts_view_draws_the_line_from_the_second_session_and_names_its_keys(db: Path) -> None:
    """Two squat sessions draw the sparkline from the first to the last; the footer names the arrows."""
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h", "up", "a", "tab")
        await fill(pilot, "#lift", "back squat 5x5 100")
        await pilot.press("enter", "enter", "t", "c", "tab")
        await fill(pilot, "#lift", "back squat 5x5 105")
        await pilot.press("enter", "enter", "l")
        await pilot.pause()
        assert text_of(app, "#progress-title") == (
            "Back squat: estimated one-rep max over 2 sessions, 116.7 kg on Fri 20 Nov 2026 to 122.5 kg on Sat 21 Nov 2026"
        )
        assert app.screen.query_one("#progress").display
        assert footer_text(app).startswith("↑↓ Exercise  thlbg Views")
        await pilot.press("?")
        await pilot.pause()
        keys = "\n".join(screen_lines(app))
        assert "Keys: Lifts" in keys and "↑↓      Exercise     Choose the exercise" in keys


async def test_lifts_view_without_lifts_draws_no_line(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        assert text_of(app, "#volume").startswith("No lifts yet.")
        assert not app.screen.query_one("#progress").display
        assert footer_text(app).startswith("thlbg Views")
