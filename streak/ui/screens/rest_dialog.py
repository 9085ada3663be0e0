"""Ask for the days of a rest period, and show what resting (or not) then does to the streak before saving."""

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Static

from streak.core.dates import parse_date
from streak.core.errors import InputError
from streak.core.model import History
from streak.core.phrases import short_day, streak_effect
from streak.core.rest import add_rest, check_rest_range, clear_rest


class RestDialog(ModalScreen[tuple[date, date] | None]):
    """Type `FROM [TO]` as YYYY-MM-DD; enter saves (the days are widened to whole weeks), escape cancels."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [
        Binding("enter", "confirm", "Save", tooltip="Save these rest weeks"),
        Binding("escape", "cancel", "Cancel", tooltip="Close without changing anything"),
    ]

    def __init__(self, history: History, today: date, *, clear: bool) -> None:
        super().__init__()
        self.history = history
        self.today = today
        self.clear = clear

    def compose(self) -> ComposeResult:
        title = "Take weeks out of rest" if self.clear else "Plan rest weeks (a holiday, an illness)"
        with Vertical(id="dialog"):
            yield Static(title, id="dialog-title")
            yield Input(placeholder="FROM [TO], e.g. 2026-12-21 2027-01-03", id="days")
            yield Static("", id="dialog-hint", markup=False)
        yield Footer(compact=True)

    def _read(self) -> tuple[date, date]:
        words = self.query_one(Input).value.split()
        if not 1 <= len(words) <= 2:
            raise InputError("type the first day off, and the last if it differs, as YYYY-MM-DD")
        first = parse_date(words[0])
        last = parse_date(words[-1])
        return check_rest_range(first, last, self.today, self.history.week_start_day)

    @on(Input.Changed)
    def _preview(self) -> None:
        hint = self.query_one("#dialog-hint", Static)
        try:
            start, end = self._read()
        except InputError as error:
            hint.update(str(error).capitalize() if self.query_one(Input).value.strip() else "")
            return
        edit = clear_rest if self.clear else add_rest
        effect = streak_effect(self.history, edit(self.history, start, end), self.today)
        hint.update(
            f"{short_day(start)} to {short_day(end)}. "
            + (f"Saving this: {effect}" if effect else "The streak stays as it is.")
        )

    @on(Input.Submitted)
    def action_confirm(self) -> None:
        try:
            self.dismiss(self._read())
        except InputError as error:
            self.query_one("#dialog-hint", Static).update(str(error).capitalize())

    def action_cancel(self) -> None:
        self.dismiss(None)
