"""The heat map widget draws one cell a day, one column a week, and marks met weeks."""

from datetime import date, timedelta

from textual.app import App, ComposeResult

from streak.ui.widgets.heatmap import MET_MARK, REST_CELL, SESSION_CELL, HeatMap, HeatMapData

TODAY = date(2026, 11, 21)  # Saturday
D = date.fromisoformat


class HeatMapApp(App[None]):
    def __init__(self, data: HeatMapData) -> None:
        super().__init__()
        self.data = data

    def compose(self) -> ComposeResult:
        yield HeatMap(self.data)


async def rendered(data: HeatMapData) -> list[str]:
    app = HeatMapApp(data)
    async with app.run_test(size=(80, 12)):
        return app.query_one(HeatMap).render().plain.splitlines()


def cell(lines: list[str], data: HeatMapData, day: date) -> str:
    """The character drawn for `day`: row 1 + days into the week, column 4 + weeks since the first."""
    offset = (day - data.first_day).days
    return lines[1 + offset % 7][4 + offset // 7]


async def test_fifty_two_weeks_of_seven_days_plus_months_and_met_rows() -> None:
    """Nine lines: months, seven weekdays, met; each 52 weeks wide after a 4-column label."""
    lines = await rendered(HeatMapData(TODAY, "monday"))
    assert len(lines) == 9
    assert lines[1].startswith("Mon ") and lines[7].startswith("Sun ") and lines[8].startswith("wk  ")
    assert all(len(line) == 56 for line in lines[1:7])


async def test_session_days_rest_days_and_the_future() -> None:
    """Trained days are filled, other past days dotted, and days after today left blank."""
    data = HeatMapData(TODAY, "monday", frozenset({D("2026-11-17"), D("2025-11-24")}))
    lines = await rendered(data)
    assert data.first_day == D("2025-11-24")
    assert cell(lines, data, D("2026-11-17")) == SESSION_CELL
    assert cell(lines, data, D("2025-11-24")) == SESSION_CELL
    assert cell(lines, data, D("2026-11-18")) == REST_CELL
    assert cell(lines, data, D("2026-11-22")) == " "


async def test_met_weeks_are_marked_under_their_column() -> None:
    """A ▲ sits under each week that met its goal, and nowhere else."""
    data = HeatMapData(TODAY, "monday", week_states={D("2026-11-09"): "met", D("2026-11-02"): "missed"})
    lines = await rendered(data)
    assert lines[8][4:].rstrip() == " " * 50 + MET_MARK


async def test_repaired_frozen_and_rest_weeks_each_have_their_own_mark() -> None:
    """A repaired, a frozen and a rest week are told apart from a met one in the week row."""
    states = {D("2026-10-19"): "rest", D("2026-10-26"): "frozen", D("2026-11-02"): "repaired", D("2026-11-09"): "met"}
    lines = await rendered(HeatMapData(TODAY, "monday", week_states=states))
    assert lines[8][4:].rstrip() == " " * 47 + "z❄↻" + MET_MARK


async def test_month_labels_sit_above_the_week_holding_the_first() -> None:
    """Dec starts above the week holding 1 December 2025."""
    data = HeatMapData(TODAY, "monday")
    lines = await rendered(data)
    column = 4 + (D("2025-12-01") - data.first_day).days // 7
    assert lines[0][column : column + 3] == "Dec"
    assert "Nov" in lines[0]


async def test_sunday_weeks_start_each_column_on_sunday() -> None:
    """With Sunday weeks the first row is Sunday and the current column ends on Saturday, today."""
    data = HeatMapData(TODAY, "sunday", frozenset({TODAY}))
    lines = await rendered(data)
    assert lines[1].startswith("Sun ")
    assert lines[7][-1] == SESSION_CELL


async def test_cursor_moves_by_day_and_week_and_stays_in_range() -> None:
    """Arrows move a day or a week; the cursor never leaves the 52 weeks or passes today."""
    app = HeatMapApp(HeatMapData(TODAY, "monday"))
    async with app.run_test(size=(80, 12)) as pilot:
        heatmap = app.query_one(HeatMap)
        heatmap.focus()
        await pilot.press("left", "up")
        assert heatmap.cursor == TODAY - timedelta(days=8)
        await pilot.press("right", "right", "down")
        assert heatmap.cursor == TODAY
        await pilot.press(*["left"] * 60, "up")
        assert heatmap.cursor == heatmap.data.first_day
