"""What the app's views say: one date style, goal changes by the week they count from, badges in one order."""

import json
import re
from datetime import date
from pathlib import Path

import pytest

from app_driver import make_app, screen_lines, seed
from streak.ui.widgets.badge_list import BadgeRow
from streak.ui.widgets.view_bar import ViewBar

ISO_DATE = re.compile(r"\d{4}-\d\d-\d\d")
D = date.fromisoformat


@pytest.mark.parametrize("view", ["t", "h", "b", "g"])
async def test_every_view_writes_dates_one_way(db: Path, view: str) -> None:
    """Dates read like "Wed 18 Nov 2026" everywhere in the app, never as ISO dates."""
    seed(db, "2026-11-16", "2026-11-18", goal=3, since=D("2026-11-18"))
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(view)
        await pilot.pause()
        text = "\n".join(screen_lines(app))
        assert not ISO_DATE.search(text), text
        assert re.search(r"(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2} 20\d\d", text)


async def test_goal_view_dates_a_change_by_its_week(db: Path) -> None:
    """A goal set from a Wednesday is listed from that week's Monday, the day it counts from."""
    seed(db, goal=3, since=D("2026-11-18"))
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("g")
        await pilot.pause()
        text = "\n".join(screen_lines(app))
        assert "from Mon 16 Nov 2026: 3 sessions a week" in text


async def test_badges_come_in_the_same_order_as_on_the_command_line(db: Path, streak) -> None:  # noqa: ANN001
    """The Badges view and `streak badges` (text and JSON) list the badges in one order."""
    seed(db, "2026-10-26", "2026-10-28", "2026-11-02", "2026-11-04", "2026-11-09", "2026-11-11", "2026-11-16")
    cli_ids = [badge["id"] for badge in json.loads(streak("badges", "--json").out)]
    cli_text = streak("badges").out
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("b")
        await pilot.pause()
        rows = list(app.screen.query(BadgeRow))
    assert [row.state.badge.id for row in rows] == cli_ids
    assert cli_ids[:3] == ["first-session", "twice-in-a-week", "sessions-10"]  # earned by date, then the rest
    places = [cli_text.index(f" {row.state.badge.name} ") for row in rows]
    assert places == sorted(places)


@pytest.mark.parametrize("width", [80, 100, 120, 160, 200])
async def test_badges_line_up_as_a_table(db: Path, width: int) -> None:
    """Bars and dates sit in one column each, near the names; what earns a badge is a column once it fits."""
    seed(db, "2026-11-16", "2026-11-18")
    app = make_app(db)
    async with app.run_test(size=(width, 40)) as pilot:
        await pilot.press("b")
        await pilot.pause()
        screen = app.screen
        for column in (".badge-name", ".badge-bar", ".badge-status", ".badge-description"):
            assert len({label.region.x for label in screen.query(column) if label.region.area}) == 1, column
        name, status = screen.query(".badge-name").first(), screen.query(".badge-status").first()
        assert status.region.x - name.region.x <= 40
        rows = [row for row in screen.query(BadgeRow) if row.region.area]
        assert rows and all(row.region.height == (1 if width >= 120 else 2) for row in rows)
        text = "\n".join(screen_lines(app))
        assert "Keep a streak of 52 weeks." in text  # never cut short


async def test_history_week_list_names_months_across_a_month_end(db: Path) -> None:
    """In the week list a week that spans two months gives each day its month."""
    seed(db, "2026-09-30", "2026-10-03", "2026-11-17")
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        table = app.screen.query_one("#weeks")
        days = {str(table.get_row_at(row)[0]): str(table.get_row_at(row)[-1]) for row in range(table.row_count)}
        assert days["Mon 28 Sep 2026"] == "Wed 30 Sep, Sat 3 Oct"
        assert days["Mon 16 Nov 2026"] == "Tue 17"


@pytest.mark.parametrize(("name", "mode"), [("History", "history"), ("Lifts", "lifts"), ("b Badges", "badges")])
async def test_clicking_a_view_in_the_top_bar_opens_it(db: Path, name: str, mode: str) -> None:
    """The bar along the top reads like tabs, and works like them: a click on a view's name or key opens it."""
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert await pilot.click(ViewBar, offset=(screen_lines(app)[0].index(name) + 1, 0))
        await pilot.pause()
        assert app.current_mode == mode
        await pilot.click(ViewBar, offset=(2, 0))  # the app's name: nothing
        await pilot.pause()
        assert app.current_mode == mode
