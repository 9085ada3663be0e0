"""A year of leg days as a calendar heat map: one cell a day, one column a week, each week's streak state marked."""

from collections.abc import Mapping
from datetime import date, timedelta
from types import MappingProxyType
from typing import NamedTuple

from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from streak.core.dates import week_start
from streak.core.phrases import MONTHS, WEEKDAYS

WEEKS_SHOWN = 52
LABEL_WIDTH = 4
MONTH_LABEL = 3  # `Jan`
MONTH_OVERHANG = MONTH_LABEL - 1  # the current month's name may start above the last week and run past it
SESSION_CELL = "■"
REST_CELL = "·"
MET_MARK = "▲"
# What the row under the days shows for each week's streak state; weeks in other states stay blank.
WEEK_MARKS = {"met": MET_MARK, "repaired": "↻", "frozen": "❄", "rest": "z"}
MOVE = Binding.Group("Move", compact=True)


class HeatMapData(NamedTuple):
    """What the heat map shows: the days trained and each week's streak state (by its first day), up to `today`."""

    today: date
    week_start_day: str
    session_days: frozenset[date] = frozenset()
    week_states: Mapping[date, str] = MappingProxyType({})

    @property
    def first_day(self) -> date:
        """The first day of the oldest week shown."""
        return week_start(self.today, self.week_start_day) - timedelta(weeks=WEEKS_SHOWN - 1)


class HeatMap(Widget, can_focus=True):
    """The last 52 weeks, oldest on the left; the arrow keys move a cursor over the days."""

    BINDINGS = [
        Binding("left", "move(-7)", "Week back", key_display="←", tooltip="The same day a week earlier", group=MOVE),
        Binding("right", "move(7)", "Week on", key_display="→", tooltip="The same day a week later", group=MOVE),
        Binding("up", "move(-1)", "Day back", key_display="↑", tooltip="The day before", group=MOVE),
        Binding("down", "move(1)", "Day on", key_display="↓", tooltip="The day after", group=MOVE),
    ]

    COMPONENT_CLASSES = {
        "heatmap--label",
        "heatmap--session",
        "heatmap--rest",
        "heatmap--met",
        "heatmap--cursor",
    }

    DEFAULT_CSS = """
    HeatMap {
        width: auto;
        height: auto;
    }
    """

    cursor: reactive[date | None] = reactive(None)

    class CursorMoved(Message):
        """The cursor is on a new day."""

        def __init__(self, day: date) -> None:
            super().__init__()
            self.day = day

    def __init__(self, data: HeatMapData, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.data = data
        self.set_reactive(HeatMap.cursor, data.today)

    def show(self, data: HeatMapData) -> None:
        """Draw new data, keeping the cursor where it was if that day is still shown."""
        self.data = data
        if self.cursor is None or not data.first_day <= self.cursor <= data.today:
            self.cursor = data.today
        self.refresh(layout=True)

    def watch_cursor(self, day: date | None) -> None:
        if day is not None:
            self.post_message(self.CursorMoved(day))

    def action_move(self, days: int) -> None:
        """Move the cursor, staying between the oldest day shown and today."""
        if self.cursor is not None:
            self.cursor = min(max(self.cursor + timedelta(days=days), self.data.first_day), self.data.today)

    def get_content_width(self, container: object, viewport: object) -> int:
        return LABEL_WIDTH + WEEKS_SHOWN + MONTH_OVERHANG

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        return 9

    def render(self) -> Text:
        label = self.get_component_rich_style("heatmap--label")
        session = self.get_component_rich_style("heatmap--session")
        rest = self.get_component_rich_style("heatmap--rest")
        met = self.get_component_rich_style("heatmap--met")
        cursor = self.get_component_rich_style("heatmap--cursor") if self.has_focus else Style(reverse=True)
        first, data = self.data.first_day, self.data
        text = Text(no_wrap=True)
        text.append(self._month_row(first) + "\n", label)
        for row in range(7):
            day_name = WEEKDAYS[(first + timedelta(days=row)).weekday()][:3]
            text.append(f"{day_name} " if row % 2 == 0 else " " * LABEL_WIDTH, label)
            for column in range(WEEKS_SHOWN):
                day = first + timedelta(weeks=column, days=row)
                if day > data.today:
                    text.append(" ")
                    continue
                trained = day in data.session_days
                style = session if trained else rest
                if day == self.cursor:
                    style = style + cursor
                text.append(SESSION_CELL if trained else REST_CELL, style)
            text.append("\n")
        text.append("wk  ", label)
        for column in range(WEEKS_SHOWN):
            state = data.week_states.get(first + timedelta(weeks=column), "")
            text.append(WEEK_MARKS.get(state, " "), met)
        return text

    def _month_row(self, first: date) -> str:
        """The row above the map: each month's name above the column holding its 1st, every month shown named.

        The current month's name may run up to two columns past the last week (MONTH_OVERHANG); the
        oldest month, begun before the map, is named above its first weeks, reaching into the weekday
        labels' margin when its weeks are too few to hold the name and a space.
        """
        width = LABEL_WIDTH + WEEKS_SHOWN + MONTH_OVERHANG
        starts = []
        for column in range(WEEKS_SHOWN):
            week = first + timedelta(weeks=column)
            first_of_month = next(
                (week + timedelta(days=d) for d in range(7) if (week + timedelta(days=d)).day == 1), None
            )
            if first_of_month and first_of_month <= self.data.today:  # a month yet to come is not shown
                starts.append((LABEL_WIDTH + column, first_of_month.month))
        if first.day != 1:  # the oldest month's 1st is before the map
            room = starts[0][0] - MONTH_LABEL - 1 if starts else LABEL_WIDTH
            if room >= 0:
                starts.insert(0, (min(LABEL_WIDTH, room), first.month))
        row = [" "] * width
        free_from = 0
        for position, month in starts:
            if position >= free_from and position + MONTH_LABEL <= width:
                row[position : position + MONTH_LABEL] = MONTHS[month - 1]
                free_from = position + MONTH_LABEL + 1
        return "".join(row)
