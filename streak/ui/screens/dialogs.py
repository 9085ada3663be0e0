"""Small dialogs that return a value to the screen that opened them."""

from datetime import date
from typing import NamedTuple

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Static

from streak.core.errors import InputError
from streak.core.lifts import check_lifts, e1rm_kg, exercise_candidates, format_lift, known_exercises, parse_lift
from streak.core.model import MAX_NOTE_LENGTH, History, Lift, Session, clean_note
from streak.core.phrases import short_day
from streak.ui.widgets.footer import KeysFooter


class CheckInEntry(NamedTuple):
    """What the check-in dialog hands back: the note (None for none) and the lifts, in the order added."""

    note: str | None
    lifts: tuple[Lift, ...]


class CheckInDialog(ModalScreen[CheckInEntry | None]):
    """Ask for an optional note and lifts; enter on an empty lift line confirms, escape cancels (None).

    A lift typed on the lift line is checked as it is typed, its exercise name completed from the
    catalogue and the person's own log (→ takes the suggestion); enter adds it to the session.
    """

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [
        # A priority binding, so the footer shows it over the focused Input's own (hidden) enter.
        Binding(
            "enter",
            "confirm",
            "Check in",
            key_display="enter",
            tooltip="Record the session, with its note and lifts",
            priority=True,
        ),
        Binding("escape", "cancel", "Cancel", tooltip="Close without checking in"),
    ]

    def __init__(
        self,
        day: date,
        history: History,
        *,
        session: Session | None = None,
        cursor_blink: bool = True,
    ) -> None:
        super().__init__()
        self.day = day
        self.history = history
        self.editing = session
        self.lifts: list[Lift] = list(session.lifts) if session else []
        self.cursor_blink = cursor_blink

    def compose(self) -> ComposeResult:
        verb = "Edit the session of" if self.editing else "Check in leg day for"
        known = known_exercises(self.history)
        with Vertical(id="dialog"):
            yield Static(f"{verb} {short_day(self.day)}", id="dialog-title")
            note = Input(
                self.editing.note or "" if self.editing else "",
                placeholder="Note (optional): how did it go?",
                max_length=MAX_NOTE_LENGTH,
                id="note",
            )
            lift = Input(
                placeholder="Lift (optional): back squat 5x5 100kg, then enter",
                suggester=SuggestFromList(exercise_candidates(known), case_sensitive=False),
                id="lift",
            )
            for field in (note, lift):
                field.cursor_blink = self.cursor_blink
                yield field
            yield Static("", id="lift-list", markup=False)
            yield Static("", id="dialog-error", markup=False)
            yield Static("tab: next field   enter on an empty lift line: check in", id="dialog-hint")
        yield KeysFooter()

    def on_mount(self) -> None:
        self._show_lifts()

    def _show_lifts(self) -> None:
        listed = self.query_one("#lift-list", Static)
        listed.update("\n".join(f"• {format_lift(lift)}" for lift in self.lifts))
        listed.display = bool(self.lifts)

    def _error(self, text: str) -> None:
        self.query_one("#dialog-error", Static).update(text[:1].upper() + text[1:])

    @on(Input.Changed, "#lift")
    def _check_lift(self, event: Input.Changed) -> None:
        """Say what is wrong with a lift while it is typed, before enter can take it."""
        text = event.value.strip()
        if not text:
            self._error("")
            return
        try:
            lift = parse_lift(text, self.history.units, known_exercises(self.history))
        except InputError as error:
            self._error(str(error))
            return
        e1rm = e1rm_kg(lift)
        self.query_one("#dialog-error", Static).update(
            f"✓ {format_lift(lift)}" + (f", estimated one-rep max {e1rm:.1f} kg" if e1rm else "")
        )

    def action_confirm(self) -> None:
        """Add the lift being typed, if any; otherwise check the note and hand everything back."""
        lift_field = self.query_one("#lift", Input)
        if lift_field.value.strip():
            try:
                lift = parse_lift(lift_field.value, self.history.units, known_exercises(self.history))
                check_lifts([*self.lifts, lift])
            except InputError as error:
                self._error(str(error))
                return
            self.lifts.append(lift)
            lift_field.value = ""
            self._error("")
            self._show_lifts()
            lift_field.focus()
            return
        try:
            note = clean_note(self.query_one("#note", Input).value)
        except InputError as error:
            self._error(str(error))
            return
        self.dismiss(CheckInEntry(note, tuple(self.lifts)))

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmDialog(ModalScreen[bool]):
    """A yes-or-no question; y or enter says yes, n or escape says no."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [
        Binding("y,enter", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(self.question, id="dialog-title", markup=False)
            yield Static("y: yes    n: no", id="dialog-hint")
        yield KeysFooter()

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
