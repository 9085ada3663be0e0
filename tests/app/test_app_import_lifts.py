"""The app's Import of a lifts-csv: its lifts join a day already checked in, and a second import changes nothing."""

from pathlib import Path

from textual.widgets import Static

from app_driver import make_app, notifications, read_in_import, seed
from streak.storage.store import Store
from streak.ui.dialogs.checkin import ConfirmDialog


async def test_a_lifts_csv_into_a_day_present_adds_its_lifts_once(db: Path, tmp_path: Path) -> None:
    """The dry run counts the lifts that would join; yes adds them; the same file again is turned away as nothing new."""
    seed(db, "2026-11-16")
    source = tmp_path / "lifts.csv"
    source.write_text(
        "date,exercise,sets,reps,weight,unit\n2026-11-16,back squat,5,5,100,kg\n2026-11-16,RDL,3,8,60,kg\n",
        encoding="utf-8",
    )
    app = make_app(db)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await read_in_import(pilot, source)
        assert isinstance(app.screen, ConfirmDialog)
        question = str(app.screen.query_one("#dialog-title", Static).render())
        assert "would skip 1 already present. 2 lifts would be added." in question, question
        await pilot.press("y")
        await pilot.pause()
        assert "Imported: Imported 0 sessions; skipped 1 already present. 2 lifts were added." in notifications(app)
        lifts = Store(str(db)).load().sessions[0].lifts
        assert [(lift.exercise, lift.sets, lift.reps, lift.weight) for lift in lifts] == [
            ("back squat", 5, 5, 100),
            ("RDL", 3, 8, 60),
        ]
        await read_in_import(pilot, source)
        assert not isinstance(app.screen, ConfirmDialog)
        assert (
            "Nothing new to import: Nothing was changed: all 1 of its sessions and their lifts are here already."
            in notifications(app)
        )
    assert len(Store(str(db)).load().sessions[0].lifts) == 2
