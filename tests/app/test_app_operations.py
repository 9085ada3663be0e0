"""The app saves operations on the file as it is when saving, never the snapshot it showed: changes made meanwhile stay."""

from datetime import timedelta
from pathlib import Path

from app_driver import make_app
from helpers import TODAY
from streak.cli.main import main
from streak.core.history.edits import add_session
from streak.core.history.model import Session
from streak.storage.store import Store
from streak.ui.dialogs.checkin import EditSessionDialog
from streak.ui.views.goal import GoalScreen

YESTERDAY = TODAY - timedelta(days=1)


def command_line(db: Path, *args: str) -> None:
    """The command line run from another terminal while the app is open."""
    assert main(["--db", str(db), *args], today=TODAY) == 0


async def test_saving_an_edited_note_keeps_the_lifts_the_command_line_added_meanwhile(db: Path) -> None:
    """The Edit dialog is open while `streak edit DAY --lift ... --lift ...` runs: the note changes, those lifts stay."""
    Store(str(db)).update(lambda h: (add_session(h, Session(YESTERDAY, "squats"), TODAY), None))
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h", "up", "e")
        await pilot.pause()
        assert isinstance(app.screen, EditSessionDialog)
        command_line(db, "edit", YESTERDAY.isoformat(), "--lift", "back squat 5x5 100kg", "--lift", "RDL 3x8 60")
        await pilot.press(*", heavy", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, EditSessionDialog)
    session = Store(str(db)).load().session_on(YESTERDAY)
    assert session.note == "squats, heavy"
    assert [lift.exercise for lift in session.lifts] == ["Back squat", "Romanian deadlift"]


async def test_saving_a_goal_keeps_the_units_and_first_weekday_the_command_line_set_meanwhile(db: Path) -> None:
    """A goal chosen but not saved while `settings --units lb` and `goal --week-start sunday` run: saving keeps lb and Sunday."""
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("g", "4")
        await pilot.pause()
        assert isinstance(app.screen, GoalScreen) and app.screen.goal == 4
        command_line(db, "settings", "--units", "lb")
        command_line(db, "goal", "--week-start", "sunday")
        await pilot.press("enter")
        await pilot.pause()
    history = Store(str(db)).load()
    assert (history.units, history.week_start_day) == ("lb", "sunday")
    assert [change.goal for change in history.goal_changes] == [4]
