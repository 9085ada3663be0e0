"""Ask for the days of a rest period, say whether saving plans or clears rest and what that does to the streak."""

from datetime import date, timedelta
from typing import NamedTuple

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from streak.core.dates import parse_date
from streak.core.errors import InputError
from streak.core.history.model import History
from streak.core.history.rest import add_rest, check_rest_range, clear_rest, rest_spans
from streak.core.phrases import short_day, streak_effect
from streak.core.rules.weeks import RestCalendar
from streak.ui.dialogs.in_turn import TakesKeysInTurn
from streak.ui.widgets.footer import KeysFooter, enter_confirms


class RestChange(NamedTuple):
    """Whole weeks from `first` to `last`, to become rest weeks or, if they all are already, to stop being ones."""

    first: date
    last: date
    clear: bool

    def apply(self, history: History) -> History:
        """`history` with this change made."""
        return (clear_rest if self.clear else add_rest)(history, self.first, self.last)


class RestDialog(TakesKeysInTurn, ModalScreen[RestChange | None]):
    """Type `FROM [TO]` as YYYY-MM-DD; enter saves (the days are widened to whole weeks), escape cancels.

    Weeks that are all rest weeks already are taken out of rest instead, so one key both plans and clears.
    """

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [
        enter_confirms("Save", "Save this change of rest weeks"),
        Binding("escape", "cancel", "Cancel", tooltip="Close without changing anything"),
    ]

    def __init__(self, history: History, today: date) -> None:
        super().__init__()
        self.history = history
        self.today = today

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static("Rest weeks: plan time off (a holiday, an illness), or clear it", id="dialog-title")
            yield Input(placeholder="FROM [TO], e.g. 2026-12-21 2027-01-03", id="days")
            yield Static(self._how(), id="dialog-hint", markup=False)
        yield KeysFooter()

    def _how(self) -> str:
        """Before anything is typed: how the days are taken, and how rest already planned is cleared."""
        latest = [span for span in rest_spans(self.history.rest_periods) if span[1] >= self.today][:2]  # the next two
        if not latest:
            return "The days are widened to the whole weeks that hold them."
        planned = "; ".join(f"{short_day(first)} to {short_day(last)}" for first, last in latest)
        return f"Planned: {planned}. Type days that are rest already to take them out of rest."

    def _read(self) -> RestChange:
        words = self.query_one(Input).value.split()
        if not 1 <= len(words) <= 2:
            raise InputError("type the first day off, and the last if it differs, as YYYY-MM-DD")
        start, end = check_rest_range(
            parse_date(words[0]), parse_date(words[-1]), self.today, self.history.week_start_day
        )
        calendar = RestCalendar(self.history.rest_periods)
        weeks = [start + timedelta(weeks=n) for n in range(((end - start).days + 1) // 7)]
        return RestChange(start, end, all(calendar.is_rest_week(week) for week in weeks))

    @on(Input.Changed)
    def _preview(self) -> None:
        hint = self.query_one("#dialog-hint", Static)
        try:
            change = self._read()
        except InputError as error:
            hint.update(str(error).capitalize() if self.query_one(Input).value.strip() else self._how())
            return
        what = "Takes out of rest" if change.clear else "Plans as rest"
        effect = streak_effect(self.history, change.apply(self.history), self.today)
        hint.update(
            f"{what}: {short_day(change.first)} to {short_day(change.last)}. "
            + (f"Saving this: {effect}" if effect else "The streak stays as it is.")
        )

    def action_confirm(self) -> None:
        try:
            self.dismiss(self._read())
        except InputError as error:
            self.query_one("#dialog-hint", Static).update(str(error).capitalize())

    def action_cancel(self) -> None:
        self.dismiss(None)
