"""History: a heat map of the last 52 weeks and every week as a list; past days can be added or removed."""

from datetime import date, timedelta

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Static

from streak.core.checkin import check_in
from streak.core.dates import week_start
from streak.core.edits import remove_session
from streak.core.errors import InputError, Refused
from streak.core.model import History, Session
from streak.core.phrases import goal_dots, short_day, weekday_and_day
from streak.core.text import show_safely
from streak.core.weeks import Week, days_until, weeks_between
from streak.ui.screens.base import StoreScreen
from streak.ui.screens.dialogs import ConfirmDialog
from streak.ui.widgets.heatmap import MET_MARK, REST_CELL, SESSION_CELL, WEEKS_SHOWN, HeatMap, HeatMapData
from streak.ui.widgets.view_bar import ViewBar

LEGEND = f"{SESSION_CELL} leg day   {REST_CELL} rest day   {MET_MARK} goal met   ←→ a week  ↑↓ a day   tab: week list"


class HistoryScreen(StoreScreen):
    """The year at a glance, and every week since the first session."""

    CSS_PATH = "history.tcss"
    BINDINGS = [
        Binding("a", "add", "Add", tooltip="Record a leg day on the selected past day"),
        Binding("x,delete", "remove", "Remove", key_display="x", tooltip="Delete the session on the selected day"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.history = History()

    def compose(self) -> ComposeResult:
        yield ViewBar("history")
        yield HeatMap(HeatMapData(self.today, "monday"), id="heatmap")
        yield Static(LEGEND, id="legend")
        yield Static(id="selected", markup=False)
        yield DataTable(id="weeks", cursor_type="row", zebra_stripes=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(HeatMap).border_title = f"Last {WEEKS_SHOWN} weeks"
        table = self.query_one("#weeks", DataTable)
        table.add_columns("Week of", "Sessions", "Goal", "Met", "Days")

    def show_history(self, history: History) -> None:
        self.history = history
        today = self.today
        days = days_until(history, today)
        heat_start = week_start(today, history.week_start_day) - timedelta(weeks=WEEKS_SHOWN - 1)
        first = min(days[0], heat_start) if days else heat_start
        weeks = weeks_between(history, days, first, today)
        self.query_one(HeatMap).show(
            HeatMapData(
                today,
                history.week_start_day,
                frozenset(days),
                frozenset(week.start for week in weeks if week.met),
            )
        )
        self._fill_table(weeks[::-1])
        self._describe(self.query_one(HeatMap).cursor or today)

    def _fill_table(self, weeks: list[Week]) -> None:
        table = self.query_one("#weeks", DataTable)
        row = table.cursor_row
        table.clear()
        for week in weeks:
            days = ", ".join(weekday_and_day(day) for day in week.days)
            table.add_row(
                short_day(week.start),
                f"{goal_dots(len(week.days), week.goal)} {len(week.days)}",
                str(week.goal),
                "✔" if week.met else "",
                days,
                key=week.start.isoformat(),
            )
        table.move_cursor(row=min(row, len(weeks) - 1))

    @on(HeatMap.CursorMoved)
    def _cursor_moved(self, message: HeatMap.CursorMoved) -> None:
        self._describe(message.day)

    @on(DataTable.RowSelected, "#weeks")
    def _week_chosen(self, message: DataTable.RowSelected) -> None:
        """Enter on a week moves the heat map to that week's last day (or today)."""
        start = date.fromisoformat(str(message.row_key.value))
        heatmap = self.query_one(HeatMap)
        if start >= heatmap.data.first_day:
            heatmap.cursor = min(start + timedelta(days=6), self.today)
            heatmap.focus()

    def _describe(self, day: date) -> None:
        session = self.history.session_on(day)
        if session is None:
            text = f"{short_day(day)}: rest day. Press a to add a session."
        else:
            note = f' "{show_safely(session.note)}"' if session.note else ""  # a hand-edited file may hold escapes
            text = f"{short_day(day)}: leg day{note}. Press x to remove it."
        self.query_one("#selected", Static).update(text)

    @property
    def selected_day(self) -> date:
        return self.query_one(HeatMap).cursor or self.today

    def action_add(self) -> None:
        """Record a session on the selected day, as `streak checkin --date` would."""
        day, today = self.selected_day, self.today
        try:
            result = self.change(lambda history: check_in(history, Session(day), today, self.streak_app.pick))
        except (Refused, InputError) as error:
            self.notify(str(error), title="Not added", severity="warning", markup=False)
            return
        if result is None:
            return
        self.notify(
            f"{result.tip.text}\nSource: {result.tip.source}",
            title=f"Added leg day on {short_day(day)}",
            markup=False,
            timeout=10,
        )
        for state in result.new_badges:
            self.notify(state.badge.description, title=f"New badge: {state.badge.name}", markup=False)

    def action_remove(self) -> None:
        """Ask, then delete the session on the selected day."""
        day = self.selected_day
        if self.history.session_on(day) is None:
            self.notify(f"There is no session on {short_day(day)} to remove.", severity="warning")
            return

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                done = self.change(lambda history: (remove_session(history, day), True))
            except Refused as error:
                self.notify(str(error), title="Not removed", severity="warning", markup=False)
                return
            if done:
                self.notify(f"Removed the session on {short_day(day)}.", title="Removed")

        self.app.push_screen(ConfirmDialog(f"Remove the leg day on {short_day(day)}?"), answered)
