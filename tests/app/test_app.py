"""The terminal app driven by real key presses at 80x24, with today pinned and the tip choice seeded."""

from datetime import timedelta
from pathlib import Path

import pytest
from textual import events

from app_driver import make_app, notifications, seed, text_of
from helpers import TODAY, days_and_notes
from streak.core.history.model import History, Session
from streak.storage.store import Store
from streak.ui.dialogs.checkin import CheckInDialog, ConfirmDialog
from streak.ui.views.badges import BadgesScreen
from streak.ui.views.goal import GoalScreen
from streak.ui.views.history import HistoryScreen
from streak.ui.views.keys import KeysScreen
from streak.ui.views.lifts import LiftsScreen
from streak.ui.views.problem import DataProblemScreen
from streak.ui.views.today import TodayScreen
from streak.ui.widgets.badge_list import BadgeRow
from streak.ui.widgets.heatmap import HeatMap


async def test_check_in_without_a_note(db: Path) -> None:
    """c then enter records today, shows the tip with its source and toasts the first badge."""
    app = make_app(db)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        assert "Not checked in yet today" in text_of(app, "#done")
        await pilot.press("c")
        assert isinstance(app.screen, CheckInDialog)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert "Leg day done today" in text_of(app, "#done")
        assert "1 of 2 sessions" in text_of(app, "#week-count")
        assert text_of(app, "#tip-source").startswith("Source: ")
        assert days_and_notes(Store(str(db)).load()) == [(TODAY, None)]
        assert "New badge: First Step: Check in your first leg day." in notifications(app)


async def test_check_in_with_a_note(db: Path) -> None:
    """What is typed in the dialog is kept as the session's note."""
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c", *"split squats 3x8", "enter")
        await pilot.pause()
    assert days_and_notes(Store(str(db)).load()) == [(TODAY, "split squats 3x8")]


async def test_escape_cancels_the_check_in(db: Path) -> None:
    """Nothing is recorded when the dialog is cancelled."""
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c", *"maybe", "escape")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
    assert not db.exists()


async def test_second_check_in_is_refused_kindly(db: Path) -> None:
    """Today already done: a warning toast, no dialog, and the file stays as it was."""
    seed(db, TODAY.isoformat())
    before = db.read_bytes()
    app = make_app(db)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert any("already checked in" in n for n in notifications(app))
    assert db.read_bytes() == before


async def test_check_in_made_elsewhere_while_the_dialog_is_open_is_refused(db: Path) -> None:
    """The store is re-read under the lock: a check-in from another terminal wins, and the app says so."""
    app = make_app(db)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("c")
        seed(db, TODAY.isoformat())  # `streak checkin` in another terminal
        await pilot.press("enter")
        await pilot.pause()
        assert any("already checked in" in n for n in notifications(app))
        assert "Leg day done today" in text_of(app, "#done")
    assert len(Store(str(db)).load().sessions) == 1


async def test_coming_back_to_the_terminal_shows_changes_made_elsewhere(db: Path) -> None:
    """When the terminal regains focus the view is read afresh."""
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        seed(db, TODAY.isoformat())
        app.post_message(events.AppFocus())
        await pilot.pause()
        assert "Leg day done today" in text_of(app, "#done")


async def test_today_shows_streaks_and_the_week_against_the_goal(db: Path) -> None:
    """Streak cards, dots for the week and the nudge come from the stored history."""
    seed(db, "2026-11-02", "2026-11-04", "2026-11-09", "2026-11-11", "2026-11-17", goal=3)
    app = make_app(db)
    async with app.run_test(size=(80, 24)):
        assert app.screen.query_one("#current-digits").value == "2"
        assert app.screen.query_one("#best-digits").value == "2"
        assert "● ○ ○" in text_of(app, "#week-dots")
        assert "1 of 3 sessions" in text_of(app, "#week-count")
        assert "2 more sessions needed by Sunday" in text_of(app, "#nudge")
        assert "Tue 17 Nov 2026 (4 days ago)" in text_of(app, "#last")


@pytest.mark.parametrize(
    ("key", "screen"),
    [("h", HistoryScreen), ("l", LiftsScreen), ("b", BadgesScreen), ("g", GoalScreen), ("t", TodayScreen)],
)
async def test_each_view_has_its_key(db: Path, key: str, screen: type) -> None:
    """t, h, l, b and g switch between the five views."""
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("g" if key == "t" else "t", key)
        await pilot.pause()
        assert isinstance(app.screen, screen)


async def test_q_quits(db: Path) -> None:
    """q leaves the app with status 0."""
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h", "q")
    assert app.return_code == 0


async def test_question_mark_shows_every_key(db: Path) -> None:
    """? opens the keys screen and closes it again."""
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, KeysScreen)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)


async def test_command_palette_offers_the_footer_keys(db: Path) -> None:
    """Every key in the footer is also a palette command, named after the same binding."""
    app = make_app(db)
    async with app.run_test(size=(80, 24)):
        titles = [command.title for command in app.get_system_commands(app.screen)]
        for title in ("Check in (c)", "Today (t)", "History (h)", "Badges (b)", "Goal (g)", "Quit (q)"):
            assert title in titles


async def test_history_adds_a_session_on_a_past_day(db: Path) -> None:
    """Arrow keys pick a day on the heat map; a opens the check-in dialog and enter records it, like `checkin --date`."""
    app = make_app(db)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("h")
        await pilot.pause()
        await pilot.press("left", "up", "a")
        await pilot.pause()
        assert isinstance(app.screen, CheckInDialog)
        await pilot.press("enter")
        await pilot.pause()
        assert "Fri 13 Nov 2026: leg day" in text_of(app, "#selected")
        assert any(n.startswith("Added leg day on Fri 13 Nov 2026") for n in notifications(app))
    assert days_and_notes(Store(str(db)).load()) == [(TODAY - timedelta(days=8), None)]


async def test_history_cannot_go_past_today(db: Path) -> None:
    """The cursor stops at today, so no future session can be added."""
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        await pilot.press("right", "down", "down")
        assert app.screen.query_one(HeatMap).cursor == TODAY


async def test_history_removes_a_session_after_confirmation(db: Path) -> None:
    """x asks first; n keeps the session, y removes it."""
    seed(db, "2026-11-20")
    app = make_app(db)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("h")
        await pilot.pause()
        await pilot.press("up", "x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert len(Store(str(db)).load().sessions) == 1
        await pilot.press("x", "y")
        await pilot.pause()
        assert any("Removed the session on Fri 20 Nov 2026" in n for n in notifications(app))
        assert "no session" in text_of(app, "#selected")
    assert Store(str(db)).load().sessions == ()


async def test_history_shows_escapes_a_hand_edited_note_holds_as_visible_text(db: Path) -> None:
    """A note with a terminal escape and a bidi override (issue 10, item 13) is shown escaped, never raw."""
    note = "\x1b[2Jgone \u202eevil"
    Store(str(db)).update(lambda history: (History((Session(TODAY - timedelta(days=1), note),)), None))
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        await pilot.press("up")
        await pilot.pause()
        shown = text_of(app, "#selected")
        assert '"\\x1b[2Jgone \\u202eevil"' in shown
        assert "\x1b" not in shown and "\u202e" not in shown


async def test_history_lists_every_week(db: Path) -> None:
    """The week list runs from this week back past the heat map to the first session."""
    seed(db, "2025-06-02", "2026-11-17")
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        table = app.screen.query_one("#weeks")
        assert table.row_count == 77  # 2 Jun 2025 to 16 Nov 2026
        assert table.get_row_at(0)[0] == "Mon 16 Nov 2026"


async def test_badges_show_dates_and_progress(db: Path) -> None:
    """Earned badges come first with their date; the rest show progress."""
    seed(db, "2026-11-16", "2026-11-18")
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("b")
        await pilot.pause()
        rows = list(app.screen.query(BadgeRow))
        assert len(rows) == 18
        assert [row.state.badge.id for row in rows[:2]] == ["first-session", "twice-in-a-week"]
        assert "2 of 18 badges earned" in text_of(app, "#badge-count")
        labels = [str(label.render()) for label in rows[2].query("Label")]
        assert "▰▰▱▱▱▱▱▱▱▱" in labels and "2 of 10 sessions" in labels


async def test_goal_change_shows_on_today(db: Path) -> None:
    """Choosing 3 and saving stores the goal from this week on; Today then counts against 3."""
    app = make_app(db)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("g", "3")
        await pilot.pause()
        assert "Unsaved" in text_of(app, "#pending")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        assert "0 of 3 sessions" in text_of(app, "#week-count")
    history = Store(str(db)).load()
    assert [(c.since, c.goal) for c in history.goal_changes] == [(TODAY, 3)]


async def test_goal_arrows_stay_within_one_to_seven_and_escape_undoes(db: Path) -> None:
    """→ and ← change the goal between 1 and 7; escape goes back to the saved one."""
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("g", *["right"] * 9)
        assert app.screen.goal == 7
        await pilot.press(*["left"] * 9)
        assert app.screen.goal == 1
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.goal == 2
    assert not db.exists()


async def test_week_start_switch_is_saved(db: Path) -> None:
    """w switches the first weekday; enter saves it for the whole history."""
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("g", "w", "enter")
        await pilot.pause()
    assert Store(str(db)).load().week_start_day == "sunday"


async def test_a_corrupt_file_shows_the_problem_and_exits_3_untouched(db: Path) -> None:
    """The app names the file, offers nothing else, and quits with status 3."""
    db.parent.mkdir(parents=True, exist_ok=True)
    db.write_bytes(b'{"meta": {"1": {"schema"')
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, DataProblemScreen)
        assert str(db) in text_of(app, "#problem-message")
        await pilot.press("h", "c")
        assert isinstance(app.screen, DataProblemScreen)
        await pilot.press("q")
    assert app.return_code == 3
    assert db.read_bytes() == b'{"meta": {"1": {"schema"'


async def test_the_problem_screen_shows_escapes_in_a_file_name_as_visible_text(tmp_path: Path) -> None:
    """A data file whose name holds an escape sequence is named with the escape made visible."""
    db = tmp_path / "legs\x1b[2J.json"
    db.write_bytes(b"{damaged")
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        message = text_of(app, "#problem-message")
        assert "legs\\x1b[2J.json" in message and "\x1b" not in message
        await pilot.press("q")
    assert app.return_code == 3


async def test_a_newer_file_shows_the_problem(db: Path) -> None:
    """A file from a newer streak is refused in the app too."""
    db.parent.mkdir(parents=True, exist_ok=True)
    db.write_text('{"meta": {"1": {"schema": 9}}}', encoding="utf-8")
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "newer streak" in text_of(app, "#problem-message")
