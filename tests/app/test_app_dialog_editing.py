"""The check-in dialog as an editor: a recorded note is never replaced by the first key, lifts come back out, and it fits 80x24."""

from datetime import date, timedelta
from pathlib import Path

from textual.widgets import OptionList

from app_driver import fill, footer_text, listed_lifts, make_app, notifications, screen_lines, seed, text_of
from helpers import TODAY
from streak.core.history.edits import add_session, set_units
from streak.core.history.model import Lift, Session
from streak.storage.store import Store
from streak.ui.dialogs.checkin import CheckInDialog, EditSessionDialog

YESTERDAY = TODAY - timedelta(days=1)


def record(db: Path, day: date, note: str | None, *lifts: Lift) -> None:
    Store(str(db)).update(lambda history: (add_session(history, Session(day, note, lifts), TODAY), None))


async def test_editing_a_note_types_after_it_instead_of_replacing_it(db: Path) -> None:
    """e opens the note with the cursor at its end; typing adds to it, and going back to the field selects nothing."""
    record(db, YESTERDAY, "squats")
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h", "up", "e")
        await pilot.pause()
        assert isinstance(app.screen, EditSessionDialog)
        await pilot.press(*" and lunges", "tab", "shift+tab", "!", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, CheckInDialog)
    assert Store(str(db)).load().session_on(YESTERDAY).note == "squats and lunges!"


async def test_the_edit_dialog_says_save_not_check_in(db: Path) -> None:
    record(db, YESTERDAY, "squats")
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h", "up", "e")
        await pilot.pause()
        footer = footer_text(app)
        assert "Save" in footer and "Check in" not in footer
        assert "check in" not in text_of(app, "#dialog-hint")


async def test_a_lift_can_be_taken_back_out_before_checking_in(db: Path) -> None:
    """Tab onto the list of lifts, choose one with the arrows and delete it; the rest are checked in."""
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c", "tab")
        await fill(pilot, "#lift", "back squat 5x5 100")
        await pilot.press("enter")
        await fill(pilot, "#lift", "lunge 3x10 20")
        await pilot.press("enter", "tab")
        await pilot.pause()
        assert app.screen.focused is app.screen.query_one("#lift-list", OptionList)
        assert "Remove lift" in footer_text(app)
        assert "del: take it out" in text_of(app, "#dialog-hint")
        await pilot.press("up", "delete")
        await pilot.pause()
        assert listed_lifts(app) == ["• Lunge 3x10 20kg"]
        await pilot.press("enter")
        await pilot.pause()
    assert Store(str(db)).load().session_on(TODAY).lifts == (Lift("Lunge", 3, 10, 20.0, "kg"),)


async def test_an_edited_session_can_lose_all_its_lifts(db: Path) -> None:
    """Deleting the last lift hands the focus back to the lift line; saving keeps the note and no lifts."""
    record(db, YESTERDAY, "heavy", Lift("Back squat", 5, 5, 100.0, "kg"))
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h", "up", "e", "tab", "tab", "backspace")
        await pilot.pause()
        assert listed_lifts(app) == []
        assert app.screen.focused is app.screen.query_one("#lift")
        await pilot.press("enter")
        await pilot.pause()
    session = Store(str(db)).load().session_on(YESTERDAY)
    assert session.note == "heavy" and session.lifts == ()


async def test_twenty_lifts_still_fit_in_80x24(db: Path) -> None:
    """The list scrolls: the dialog's last line and the footer stay on the screen."""
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c", "tab")
        for reps in range(1, 21):
            await fill(pilot, "#lift", f"back squat 1x{reps} 60")
            await pilot.press("enter")
        await pilot.pause()
        assert len(listed_lifts(app)) == 20
        await fill(pilot, "#lift", "leg press 30x0 heavy")  # the longest kind of message: three problems at once
        await pilot.pause()
        assert text_of(app, "#dialog-error").startswith("Sets must be from 1 to 20, not 30, and reps")
        assert "write a lift as" not in text_of(app, "#dialog-error")  # the problem alone, in three lines at most
        dialog = app.screen.query_one("#dialog")
        assert dialog.region.y >= 0 and dialog.region.bottom <= 23
        assert app.screen.query_one("#dialog-hint").region.bottom <= dialog.region.bottom
        assert dialog.max_scroll_y == 0  # all of it shows, with no scroll bar


async def test_the_dialog_estimates_in_pounds_when_units_are_lb(db: Path) -> None:
    Store(str(db)).update(lambda history: (set_units(history, "lb"), None))
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c", "tab", *"back squat 5x5 225")
        await pilot.pause()
        assert text_of(app, "#dialog-error") == "✓ Back squat 5x5 225lb, estimated one-rep max 262.5 lb (enter adds it)"


async def test_with_the_week_list_focused_edit_acts_on_the_highlighted_week(db: Path) -> None:
    """Moving down the week list selects that week's session; e edits it, not the heat map's day."""
    last_week = TODAY - timedelta(days=7)
    seed(db, TODAY.isoformat())
    record(db, last_week, "last week")
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h", "tab", "down")
        await pilot.pause()
        assert text_of(app, "#selected").startswith("Sat 14 Nov 2026: leg day")
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, EditSessionDialog)
        assert app.screen.day == last_week


async def test_a_week_older_than_the_heat_map_can_still_be_edited(db: Path) -> None:
    long_ago = TODAY - timedelta(weeks=60)
    record(db, long_ago, "long ago")
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h", "tab", "ctrl+end")
        await pilot.pause()
        assert "leg day" in text_of(app, "#selected")
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, EditSessionDialog) and app.screen.day == long_ago
        await pilot.press("escape", "ctrl+home")  # back up to this week, which the heat map shows too
        await pilot.pause()
        assert text_of(app, "#selected").startswith("Sat 21 Nov 2026")
        await pilot.press("ctrl+end", "shift+tab")
        await pilot.pause()
        assert text_of(app, "#selected").startswith("Sat 21 Nov 2026")  # the heat map's day again


async def test_the_legend_names_the_keys_of_the_part_in_focus(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        assert text_of(app, "#legend").endswith("←→↑↓ move  tab: list")
        await pilot.press("tab")
        await pilot.pause()
        assert text_of(app, "#legend").endswith("↑↓ week  enter: map")
        await pilot.press("shift+tab")
        await pilot.pause()
        assert text_of(app, "#legend").endswith("tab: list")


async def test_enter_on_the_list_goes_back_to_the_map_on_the_day_selected_there(db: Path) -> None:
    """Enter on a week keeps the selected day (the one picked on the map, or the week's last session), not its Sunday."""
    seed(db, "2026-11-12", "2026-11-18", "2026-11-20")
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h", "up", "up", "up", "tab", "enter")  # Wed 18 Nov on the map, to the list and back
        await pilot.pause()
        assert text_of(app, "#selected").startswith("Wed 18 Nov 2026: leg day")
        await pilot.press("tab", "down", "enter")  # the week before: its last session, Thu 12 Nov
        await pilot.pause()
        assert text_of(app, "#selected").startswith("Thu 12 Nov 2026: leg day")
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, EditSessionDialog) and app.screen.day == date(2026, 11, 12)


async def test_adding_a_day_checked_in_elsewhere_meanwhile_says_so_and_what_was_typed(db: Path) -> None:
    """The day gets a session from another window while the add dialog is open: the toast says so in the app's
    words and repeats the note and lift typed, and the file keeps the other window's session as it was."""
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h", "up", "up", "a")  # Thu 19 Nov
        await pilot.pause()
        await fill(pilot, "#note", "app note")
        await pilot.press("tab")
        await fill(pilot, "#lift", "goblet squat 3x12 24")
        await pilot.press("enter")  # the lift goes on the list
        await pilot.pause()
        record(db, date(2026, 11, 19), "from the command line")
        await pilot.press("enter")
        await pilot.pause()
        assert notifications(app)[-1] == (
            "Not added: Thu 19 Nov 2026 was checked in elsewhere while the dialog was open: press e to edit it."
            ' Your note was "app note". Your lifts were Goblet squat 3x12 24kg.'
        )
        assert text_of(app, "#selected").startswith('Thu 19 Nov 2026: leg day "from the command line"')
    assert Store(str(db)).load().session_on(date(2026, 11, 19)).note == "from the command line"


async def test_removing_says_what_goes_with_the_session(db: Path) -> None:
    """x asks about the note and lifts too, so nobody loses a note unawares."""
    record(db, YESTERDAY, "heavy", Lift("Back squat", 5, 5, 100.0, "kg"), Lift("Lunge", 3, 10, 20.0, "kg"))
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h", "up", "x")
        await pilot.pause()
        assert text_of(app, "#dialog-title") == "Remove the leg day on Fri 20 Nov 2026, with its note and 2 lifts?"
        await pilot.press("n")
        await pilot.pause()
    assert Store(str(db)).load().session_on(YESTERDAY) is not None


async def test_tabbing_to_the_list_keeps_the_selected_day_and_highlights_its_week(db: Path) -> None:
    """A day picked on the heat map stays selected on the list, whose highlight moves to that day's week."""
    seed(db, "2026-11-02", "2026-11-04", "2026-11-18")
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h", "left", "left", "up", "tab")  # Fri 6 Nov, no session
        await pilot.pause()
        assert text_of(app, "#selected").startswith("Fri 6 Nov 2026: no session")
        table = app.screen.query_one("#weeks")
        assert table.coordinate_to_cell_key((table.cursor_row, 0)).row_key.value == "2026-11-02"
        await pilot.press("up")
        await pilot.pause()
        assert text_of(app, "#selected").startswith("Sun 15 Nov 2026: no session")  # a week without: its last day
        await pilot.press("up")
        await pilot.pause()
        assert text_of(app, "#selected").startswith("Wed 18 Nov 2026: leg day")


async def test_a_record_is_announced_in_pounds_when_units_are_lb(db: Path) -> None:
    """Added from History, each record is told on its own, in the person's units."""
    Store(str(db)).update(lambda history: (set_units(history, "lb"), None))
    record(db, YESTERDAY - timedelta(days=1), None, Lift("Back squat", 5, 5, 200.0, "lb"))
    app = make_app(db)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("h", "up", "a", "tab")
        await fill(pilot, "#lift", "back squat 5x5 225")
        await pilot.press("enter", "enter")
        await pilot.pause()
        messages = [notification.message for notification in app._notifications]
        assert "Estimated one-rep max 262.5 lb." in messages, messages


async def test_a_busy_week_fits_the_week_list_at_80_columns(db: Path) -> None:
    """Six sessions in a week are listed by weekday alone, so the Days column is not cut off."""
    seed(db, "2026-11-09", "2026-11-10", "2026-11-11", "2026-11-12", "2026-11-13", "2026-11-14", "2026-11-16")
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        lines = screen_lines(app)
        assert any("✔ met +❄   Mon Tue Wed Thu Fri Sat " in line for line in lines), "\n".join(lines)
        assert any("this week  Mon 16 " in line for line in lines)  # a quiet week keeps its dates
        assert app.screen.query_one("#weeks").max_scroll_x == 0
