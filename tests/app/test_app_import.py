"""The app's Import command, from the command palette through the dry run to the import, by key presses."""

from pathlib import Path

from textual.widgets import Static

from app_driver import fill, make_app, open_import, read_in_import, screen_lines
from foreign_files import YES_AUTO, YES_MANUAL, LoopHabit, write_loop_zip
from helpers import TODAY, days_and_notes
from streak.storage.store import Store
from streak.ui.dialogs.checkin import ConfirmDialog
from streak.ui.dialogs.importing import ImportDialog
from streak.ui.views.today import TodayScreen

LEGS = LoopHabit(
    "Leg day", {"2026-11-02": (YES_MANUAL, "squats"), "2026-11-03": (YES_AUTO, ""), "2026-11-16": (YES_MANUAL, "")}
)
READ = LoopHabit("Read", {"2026-11-01": (YES_MANUAL, "")})


async def test_import_from_the_palette_shows_the_dry_run_then_imports(db: Path, tmp_path: Path) -> None:
    """Path and habit typed in the dialog, the dry run shown in the question, y imports and Today updates."""
    source = write_loop_zip(tmp_path / "loop.zip", [READ, LEGS])
    app = make_app(db)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_import(pilot)
        assert isinstance(app.screen, ImportDialog)
        assert screen_lines(app)[-1].startswith("enter Read the file  esc Cancel")
        await fill(pilot, "#path", str(source))
        await pilot.press("tab", *"leg day", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        question = str(app.screen.query_one("#dialog-title", Static).render())
        assert question.startswith('Would import 2 sessions of "Leg day" (#2 in Loop Habit Tracker), Mon 2 Nov 2026')
        assert question.endswith("Import them?")
        assert not db.exists()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert "Mon 16 Nov 2026" in str(app.screen.query_one("#last", Static).render())
        assert any("Imported 2 sessions" in n.message for n in app._notifications)
    assert days_and_notes(Store(str(db)).load()) == [(TODAY.replace(day=2), "squats"), (TODAY.replace(day=16), None)]


async def test_import_dialog_shows_why_a_file_cannot_be_imported(db: Path, tmp_path: Path) -> None:
    """A file of several habits without a habit named stays in the dialog with the habits listed; n imports nothing."""
    source = write_loop_zip(tmp_path / "loop.zip", [READ, LEGS])
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await read_in_import(pilot, source)
        assert isinstance(app.screen, ImportDialog)
        error = str(app.screen.query_one("#dialog-error", Static).render())
        assert error.endswith("it holds 2 habits; type one's name or #N in the Habit field: #1 Read, #2 Leg day")
        assert "--habit" not in error  # the app has no flags to name
        await pilot.press("tab", *"#2", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
    assert not db.exists()


async def test_palette_offers_import(db: Path) -> None:
    """Import is a palette command on every view."""
    app = make_app(db)
    async with app.run_test(size=(80, 24)):
        assert "Import" in [command.title for command in app.get_system_commands(app.screen)]


async def test_two_habits_of_one_name_are_told_apart_by_the_number_typed_in_the_field(db: Path, tmp_path: Path) -> None:
    source = write_loop_zip(tmp_path / "loop.zip", [LEGS, READ, LEGS])
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await read_in_import(pilot, source, habit="Leg day")
        error = str(app.screen.query_one("#dialog-error", Static).render())
        assert error.endswith("2 of its habits are called 'Leg day'; pick one by its number: #1 or #3")


async def test_importing_a_file_already_imported_says_nothing_is_new(db: Path, tmp_path: Path) -> None:
    source = write_loop_zip(tmp_path / "loop.zip", [LEGS])
    app = make_app(db)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        for _ in range(2):
            await read_in_import(pilot, source)
            await pilot.press("y")
            await pilot.pause()
        assert list(app._notifications)[-1].message == "Nothing was changed: all 2 of its sessions are here already."


async def test_a_file_of_random_bytes_is_named_as_neither_text_nor_a_loop_file(db: Path, tmp_path: Path) -> None:
    source = tmp_path / "Loop Habits Backup.db"
    source.write_bytes(bytes(range(256)) * 4)
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await read_in_import(pilot, source)
        error = str(app.screen.query_one("#dialog-error", Static).render())
        assert "neither UTF-8 text (byte 128 is not) nor a Loop Habit Tracker database or zip" in error


async def test_an_export_bringing_only_a_goal_change_is_still_offered(db: Path, tmp_path: Path) -> None:
    """No new session, but a goal change for a week without one: the import is asked about, not turned away."""
    source = tmp_path / "goal.json"
    source.write_text(
        '{"format": "streak-export", "version": 2, "sessions": [],'
        ' "goal_changes": [{"from": "2026-11-16", "goal": 3}]}',
        encoding="utf-8",
    )
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await read_in_import(pilot, source)
        assert isinstance(app.screen, ConfirmDialog)
        assert "1 goal change would come along" in str(app.screen.query_one("#dialog-title", Static).render())
        await pilot.press("y")
        await pilot.pause()
    assert [change.goal for change in Store(str(db)).load().goal_changes] == [3]
