"""History: a heat map of the last 52 weeks and every week as a list; past days can be added or removed."""

from datetime import date, timedelta

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.events import DescendantFocus
from textual.widgets import DataTable, Static

from streak.core.dates import MONDAY, week_start
from streak.core.errors import InputError, Refused
from streak.core.history.edits import remove_session, replace_session
from streak.core.history.model import History, Session
from streak.core.lifts.lift import format_lifts
from streak.core.phrases import RECORD, WEEKDAYS, earned, goal_dots, plural, short_day, week_days
from streak.core.rules.checkin import check_in
from streak.core.rules.week_states import WeekState, week_states
from streak.core.rules.weeks import days_until
from streak.core.text import show_safely
from streak.ui.dialogs.checkin import CheckInDialog, CheckInEntry, ConfirmDialog, EditSessionDialog
from streak.ui.views.base import StoreScreen
from streak.ui.widgets.footer import KeysFooter
from streak.ui.widgets.heatmap import MET_MARK, REST_CELL, SESSION_CELL, WEEKS_SHOWN, HeatMap, HeatMapData
from streak.ui.widgets.view_bar import ViewBar

MARKS = f"{SESSION_CELL} leg day {REST_CELL} none  wk: {MET_MARK} met ↻ repaired ❄ frozen z rest"
LEGEND = f"{MARKS}  ←→↑↓ move  tab: list"
LIST_LEGEND = f"{MARKS}  ↑↓ week  enter: map"


DAYS_WIDTH = 27  # what 80 columns leave the Days column: all seven weekdays, "Mon Tue … Sun"

STATE_LABELS = {
    "met": "✔ met",
    "open": "this week",
    "rest": "z rest",
    "frozen": "❄ frozen",
    "repaired": "↻ repaired",
    "missed": "✗ missed",
    "none": "",
}


class HistoryScreen(StoreScreen):
    """The year at a glance, and every week since the first session."""

    CSS_PATH = "history.tcss"
    BINDINGS = [
        Binding("a", "add", "Add", tooltip="Add a session on the selected day"),
        Binding("e", "edit", "Edit", tooltip="Change the selected day's note or lifts"),
        Binding("x,delete", "remove", "Remove", key_display="x", tooltip="Delete the session on the selected day"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.history = History()
        self.weeks: dict[date, WeekState] = {}
        self._selected: date | None = None  # the heat map's day, or a day of a week older than the heat map

    def compose(self) -> ComposeResult:
        yield ViewBar("history")
        yield HeatMap(HeatMapData(self.today, MONDAY), id="heatmap")
        yield Static(LEGEND, id="legend")
        yield Static(id="selected", markup=False)
        yield DataTable(id="weeks", cursor_type="row", zebra_stripes=True)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one(HeatMap).border_title = f"Last {WEEKS_SHOWN} weeks"
        table = self.query_one("#weeks", DataTable)
        table.add_columns("Week of", "Sessions", "Goal", "Streak", "Days")

    def show_history(self, history: History) -> None:
        self.history = history
        today = self.today
        days = days_until(history, today)
        heat_start = week_start(today, history.week_start_day) - timedelta(weeks=WEEKS_SHOWN - 1)
        first = min(days[0], heat_start) if days else heat_start
        weeks = week_states(history, today, first)
        self.query_one(HeatMap).show(
            HeatMapData(today, history.week_start_day, frozenset(days), {week.start: week.state for week in weeks})
        )
        self.weeks = {week.start: week for week in weeks}
        self._fill_table(weeks[::-1])
        self._describe(self.selected_day)

    def _fill_table(self, weeks: list[WeekState]) -> None:
        table = self.query_one("#weeks", DataTable)
        row = table.cursor_row
        kept = table.coordinate_to_cell_key((row, 0)).row_key.value if table.row_count else None
        table.clear()
        for week in weeks:
            days = ", ".join(week_days(week.start, week.days))
            if len(days) > DAYS_WIDTH:  # a busy week: the weekdays alone, as its start is in the first column
                days = " ".join(WEEKDAYS[day.weekday()][:3] for day in week.days)
            table.add_row(
                short_day(week.start),
                f"{goal_dots(len(week.days), week.goal)} {len(week.days)}",
                str(week.goal),
                STATE_LABELS[week.state] + (" +❄" if week.earned_freeze else ""),
                days,
                key=week.start.isoformat(),
            )
        starts = [week.start.isoformat() for week in weeks]
        table.move_cursor(row=starts.index(kept) if kept in starts else min(row, len(weeks) - 1))  # the same week

    @on(HeatMap.CursorMoved)
    def _cursor_moved(self, message: HeatMap.CursorMoved) -> None:
        self._selected = message.day
        self._describe(message.day)

    @on(DescendantFocus, "#heatmap")
    def _back_on_the_heatmap(self) -> None:
        """Back on the heat map, its cursor is the selected day again, even after an older week in the list."""
        self._selected = self.query_one(HeatMap).cursor
        self._describe(self.selected_day)
        self.query_one("#legend", Static).update(LEGEND)

    @on(DescendantFocus, "#weeks")
    def _on_the_list(self) -> None:
        """On the list, its highlighted week is the selected day's."""
        self.query_one("#legend", Static).update(LIST_LEGEND)
        key = week_start(self.selected_day, self.history.week_start_day).isoformat()
        table = self.query_one("#weeks", DataTable)
        if key in table.rows:
            table.move_cursor(row=table.get_row_index(key))

    @on(DataTable.RowHighlighted, "#weeks")
    def _week_highlighted(self, message: DataTable.RowHighlighted) -> None:
        """Moving over the week list selects that week's last session (or its last day so far), so a, e and x act on it.

        A day already selected within the week stays selected: tabbing to the list changes nothing.
        """
        if not message.data_table.has_focus:
            return  # the list being filled again, not a person moving over it
        week = self.weeks.get(date.fromisoformat(str(message.row_key.value)))
        if week is None or week.start <= self.selected_day < week.start + timedelta(days=7):
            return
        day = week.days[-1] if week.days else min(week.start + timedelta(days=6), self.today)
        self._selected = day
        self._describe(day)
        heatmap = self.query_one(HeatMap)
        if day >= heatmap.data.first_day:
            heatmap.cursor = day

    @on(DataTable.RowSelected, "#weeks")
    def _week_chosen(self, message: DataTable.RowSelected) -> None:
        """Enter on a week goes back to the heat map on the day selected in that week (its last day if none is)."""
        start = date.fromisoformat(str(message.row_key.value))
        heatmap = self.query_one(HeatMap)
        if start >= heatmap.data.first_day:
            chosen = start <= self.selected_day < start + timedelta(days=7)
            heatmap.cursor = self.selected_day if chosen else min(start + timedelta(days=6), self.today)
            heatmap.focus()

    def _describe(self, day: date) -> None:
        session = self.history.session_on(day)
        if session is None:
            text = f"{short_day(day)}: no session. Press a to add one."
        else:
            # A hand-edited file or a synced copy may hold escapes in a note or an exercise's name.
            note = f' "{show_safely(session.note)}"' if session.note else ""
            lifts = f" {show_safely(format_lifts(session.lifts))}." if session.lifts else ""
            text = f"{short_day(day)}: leg day{note}.{lifts} e edits, x removes."
        self.query_one("#selected", Static).update(text)

    @property
    def selected_day(self) -> date:
        return self._selected or self.query_one(HeatMap).cursor or self.today

    def action_add(self) -> None:
        """Open the check-in dialog for the selected day, as `c` does for today."""
        day = self.selected_day
        if day > self.today:
            self.notify("That day has not happened yet.", severity="warning")
            return
        if self.history.session_on(day):
            other_day = " or enter to choose another day on the map" if self.query_one("#weeks").has_focus else ""
            self.notify(f"{short_day(day)} is already checked in: press e to edit it{other_day}.", severity="warning")
            return
        dialog = CheckInDialog(day, self.history, cursor_blink=self.session.cursor_blink)
        self.app.push_screen(dialog, lambda entry: self._add(day, entry))

    def _add(self, day: date, entry: CheckInEntry | None) -> None:
        """Record the session the dialog confirmed, as `streak checkin --date` would."""
        if entry is None:
            return
        today, pick = self.today, self.session.pick
        try:
            result = self.change(lambda history: check_in(history, Session(day, entry.note, entry.lifts), today, pick))
        except (Refused, InputError) as error:
            self.reload()  # the file as it is now: the day may have been checked in elsewhere while the dialog was open
            if self.history.session_on(day) is None:
                self.notify(str(error), title="Not added", severity="warning", markup=False)
                return
            # Say what was typed, so it can be added to that day's session with e rather than lost unawares.
            typed = f' Your note was "{show_safely(entry.note)}".' if entry.note else ""
            if entry.lifts:
                typed += f" Your lifts were {show_safely(format_lifts(entry.lifts))}."
            self.notify(
                f"{short_day(day)} was checked in elsewhere while the dialog was open: press e to edit it.{typed}",
                title="Not added",
                severity="warning",
                markup=False,
                timeout=20,
            )
            return
        if result is None:
            return
        self.notify(
            f"{result.tip.text}\nSource: {result.tip.source}",
            title=f"Added leg day on {short_day(day)}",
            markup=False,
            timeout=10,
        )
        for item in earned(result.records, [state.badge for state in result.new_badges], result.units):
            detail = f"{item.detail[:1].upper()}{item.detail[1:]}." if item.kind == RECORD else item.detail
            self.notify(detail, title=item.title, markup=False)

    def action_edit(self) -> None:
        """Open the recorded session of the selected day in the check-in dialog, to change its note or lifts."""
        day = self.selected_day
        session = self.history.session_on(day)
        if session is None:
            self.notify(f"There is no session on {short_day(day)} to edit: press a to add one.", severity="warning")
            return
        dialog = EditSessionDialog(session, self.history, cursor_blink=self.session.cursor_blink)
        self.app.push_screen(dialog, lambda entry: self._edit(session, entry))

    def _edit(self, session: Session, entry: CheckInEntry | None) -> None:
        if entry is None:
            return
        edited = session._replace(note=entry.note, lifts=entry.lifts)
        try:
            done = self.change(lambda history: (replace_session(history, edited), True))
        except Refused as error:
            self.notify(str(error), title="Not changed", severity="warning", markup=False)
            return
        if done:
            self.notify(f"The session on {short_day(session.day)} is updated.", title="Saved")

    def action_remove(self) -> None:
        """Ask, then delete the session on the selected day."""
        day = self.selected_day
        session = self.history.session_on(day)
        if session is None:
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

        self.app.push_screen(ConfirmDialog(f"Remove the leg day on {short_day(day)}{_going_with(session)}?"), answered)


def _going_with(session: Session) -> str:
    """`, with its note and 3 lifts`: what a removal takes along, so nobody loses a note unawares."""
    parts = (["its note"] if session.note else []) + ([plural(len(session.lifts), "lift")] if session.lifts else [])
    return f", with {' and '.join(parts)}" if parts else ""
