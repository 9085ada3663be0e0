"""The game's signals in the app at 80x24: Today tells the moment as it is, and every screen shows what it takes."""

import random
from datetime import date, timedelta
from pathlib import Path

from textual.app import App, ComposeResult

from app_driver import screen_lines, text_of, warning
from helpers import AWAY_39_DAYS, FOUR_WEEK_STREAK, FREEZE_BANKED, MISSED_WEEK, RESTING, TODAY, Moment, moment_history
from streak.core.history.edits import add_session
from streak.core.history.model import Lift, Session
from streak.storage.store import Store
from streak.ui.app import StreakApp, build_app
from streak.ui.widgets.heatmap import HeatMap, HeatMapData

D = date.fromisoformat
SIZE = (80, 24)


def app_on(db: Path, day: date) -> StreakApp:
    """The app over `db` with today pinned to `day`."""
    return build_app(str(db), today=lambda: day, pick=random.Random(0).choice, cursor_blink=False, watch_seconds=None)


def lived(db: Path, moment: Moment) -> None:
    """Write `moment`'s history to the data file before the app opens."""
    Store(str(db)).update(lambda _: (moment_history(moment), None))


async def test_today_warns_only_with_at_most_a_day_to_spare(db: Path) -> None:
    """A 4-week streak with nothing yet this week: calm on Monday ("2 more by Sunday"), the ⚠ from Friday."""
    lived(db, FOUR_WEEK_STREAK)
    for day, warned in (("2026-11-16", False), ("2026-11-19", False), ("2026-11-20", True), ("2026-11-21", True)):
        app = app_on(db, D(day))
        async with app.run_test(size=SIZE):
            assert bool(warning(app)) == warned, (day, warning(app))
            assert text_of(app, "#nudge") == "2 more sessions needed by Sunday." or day == "2026-11-21"


async def test_today_names_a_banked_freeze_on_the_last_day(db: Path) -> None:
    """Sunday, 1 of 2, a freeze banked: Today says the freeze covers the week, on the line that says what is needed."""
    lived(db, FREEZE_BANKED)
    app = app_on(db, D("2026-11-22"))
    async with app.run_test(size=SIZE):
        nudge = text_of(app, "#nudge")
        assert nudge == "1 more session needed today, the last day of the week, or a freeze covers this week.", nudge
        assert not warning(app)


async def test_today_counts_a_repair_week_to_one_over_the_goal(db: Path) -> None:
    """The Monday after a miss: the week card shows three dots and `0 of 3 to repair`, as the prompt line does."""
    lived(db, MISSED_WEEK)
    app = app_on(db, D("2026-11-16"))
    async with app.run_test(size=SIZE):
        assert text_of(app, "#week-dots") == "○ ○ ○"
        assert text_of(app, "#week-count") == "0 of 3 to repair"
        assert "repair last week and bring back your 2-week streak" in text_of(app, "#nudge")


async def test_today_tells_a_newcomer_how_to_begin_even_on_a_sunday(db: Path) -> None:
    """No session yet, on a Sunday: how to begin, and nothing is called out of reach."""
    app = app_on(db, D("2026-11-22"))
    async with app.run_test(size=SIZE):
        screen = "\n".join(screen_lines(app))
        assert "No leg day yet: check in your first to begin" in screen
        assert "out of reach" not in screen


async def test_a_rest_weeks_sunday_is_calm_on_today(db: Path) -> None:
    """After six days of "nothing is needed", the rest week's Sunday does not turn to "out of reach"."""
    lived(db, RESTING)
    app = app_on(db, D("2026-11-22"))
    async with app.run_test(size=SIZE):
        assert text_of(app, "#nudge") == "Rest week: nothing is needed, and the streak waits for next week."
        assert "out of reach" not in "\n".join(screen_lines(app))


async def test_today_welcomes_a_comeback_with_its_xp(db: Path) -> None:
    """39 days away: Today says so before, and the check-in's notification welcomes the person back with +20 XP."""
    lived(db, AWAY_39_DAYS)
    app = app_on(db, TODAY)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        assert "You have been away 39 days" in text_of(app, "#news")
        await pilot.press("c", "enter")
        await pilot.pause()
        toasts = [(n.title, n.message) for n in app._notifications]
        assert any(title == "Welcome back after 39 days" and "+20 XP" in message for title, message in toasts), toasts


async def test_the_lifts_table_fits_80_columns_with_a_long_name(db: Path) -> None:
    """A 41-character exercise beside a bodyweight row: every header is whole, the name is shortened with …."""
    long_name = "single-leg Romanian deadlift on a deficit"

    def change(history):  # noqa: ANN001, ANN202
        heavy = Lift(long_name, 3, 10, 999.75, "lb")
        history = add_session(
            history, Session(D("2026-11-16"), lifts=(heavy, Lift("walking lunge", 3, 12, 0, "kg"))), TODAY
        )
        return add_session(history, Session(D("2026-11-18"), lifts=(heavy,)), TODAY), None

    Store(str(db)).update(change)
    app = app_on(db, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l")
        await pilot.pause()
        lines = screen_lines(app)
        header = next(line for line in lines if "Exercise" in line)
        assert header.split() == ["Exercise", "Best", "e1RM", "Last", "lift", "PRs", "Sessions"], header
        assert any("single-leg Rom…" in line and "3x10 999.75lb, Wed 18 Nov 2026" in line for line in lines), lines
        assert any("Walking lunge" in line and "bodyweight" in line for line in lines)


class MapApp(App[None]):
    """Just the heat map, to read its month row."""

    def __init__(self, data: HeatMapData) -> None:
        super().__init__()
        self.data = data

    def compose(self) -> ComposeResult:
        yield HeatMap(self.data)


async def test_the_heat_map_names_the_current_month_in_december() -> None:
    """On 3 December the month row runs from last December to this one: every month named once, Dec last."""
    data = HeatMapData(D("2026-12-03"), "monday")
    app = MapApp(data)
    async with app.run_test(size=SIZE):
        months = app.query_one(HeatMap).render().plain.splitlines()[0].split()
    assert months == ["Dec", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


async def test_the_heat_map_names_every_month_through_the_year() -> None:
    """Whatever the day, each month the map shows is named, the current one included."""
    for offset in range(0, 365, 9):
        today = D("2026-01-01") + timedelta(days=offset)
        data = HeatMapData(today, "monday")
        app = MapApp(data)
        async with app.run_test(size=SIZE):
            months = app.query_one(HeatMap).render().plain.splitlines()[0].split()
        shown = []
        for day in (data.first_day + timedelta(days=k) for k in range((today - data.first_day).days + 1)):
            name = day.strftime("%b")
            if not shown or shown[-1] != name:
                shown.append(name)
        assert months[-1] == today.strftime("%b"), (today, months)
        assert months in (shown, shown[1:]), (today, months, shown)  # the oldest may have too few days to name
