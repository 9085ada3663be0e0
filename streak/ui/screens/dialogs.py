"""Small dialogs that return a value to the screen that opened them."""

from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Static

from streak.core.errors import InputError
from streak.core.model import MAX_NOTE_LENGTH, clean_note
from streak.core.phrases import short_day


class CheckInDialog(ModalScreen[str | None]):
    """Ask for an optional note; enter confirms (with the note, "" for none), escape cancels (None)."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [
        # A priority binding, so the footer shows it over the focused Input's own (hidden) enter.
        Binding(
            "enter",
            "confirm",
            "Check in",
            key_display="enter",
            tooltip="Record the session, with the note if there is one",
            priority=True,
        ),
        Binding("escape", "cancel", "Cancel", tooltip="Close without checking in"),
    ]

    def __init__(self, day: date, *, cursor_blink: bool = True) -> None:
        super().__init__()
        self.day = day
        self.cursor_blink = cursor_blink

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(f"Check in leg day for {short_day(self.day)}", id="dialog-title")
            note = Input(placeholder="Note (optional): what did you train?", max_length=MAX_NOTE_LENGTH, id="note")
            note.cursor_blink = self.cursor_blink
            yield note
            yield Static("", id="dialog-error", markup=False)
        yield Footer(compact=True)

    def action_confirm(self) -> None:
        """Check the note, then hand it back."""
        try:
            note = clean_note(self.query_one(Input).value)
        except InputError as error:
            self.query_one("#dialog-error", Static).update(str(error).capitalize())
            return
        self.dismiss(note or "")

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
        yield Footer(compact=True)

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
