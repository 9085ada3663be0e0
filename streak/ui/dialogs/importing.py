"""Ask which file to import (and which habit, for a file of several); the caller's loader checks it first."""

from collections.abc import Callable
from typing import Generic, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from streak.core.errors import InputError
from streak.core.text import show_safely
from streak.ui.dialogs.in_turn import MOVES_ON_AT_ONCE, TakesKeysInTurn
from streak.ui.widgets.footer import KeysFooter, enter_confirms

Loaded = TypeVar("Loaded")


class ImportDialog(TakesKeysInTurn, ModalScreen[Loaded | None], Generic[Loaded]):
    """A path and an optional habit; enter hands them to `load`, whose result closes the dialog (escape: None).

    When `load` refuses the file, its reason shows under the inputs and the dialog stays open.
    """

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [
        enter_confirms("Read the file", "Read the file and show what importing it would do"),
        Binding("escape", "cancel", "Cancel", tooltip="Close without importing"),
        *MOVES_ON_AT_ONCE,
    ]

    def __init__(self, load: Callable[[str, str | None], Loaded], *, cursor_blink: bool = True) -> None:
        super().__init__()
        self.load = load
        self.cursor_blink = cursor_blink

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static("Import sessions from a file", id="dialog-title")
            yield Static("A streak export, Loop Habit Tracker (zip, folder or .db), a harsh log or oidia streaks.json")
            yield Input(placeholder="Path of the file or folder", id="path")
            yield Input(placeholder="Habit name or #N (only for a file of several habits)", id="habit")
            yield Static("", id="dialog-error", markup=False)
        yield KeysFooter()

    def on_mount(self) -> None:
        for field in self.query(Input):
            field.cursor_blink = self.cursor_blink

    def action_confirm(self) -> None:
        """Read the file through `load`; close with its result, or show why it cannot be imported."""
        path = self.query_one("#path", Input).value.strip()
        habit = self.query_one("#habit", Input).value.strip() or None
        if not path:
            self.query_one("#dialog-error", Static).update("Type the path of the file to import.")
            return
        try:
            loaded = self.load(path, habit)
        except InputError as error:  # it quotes the file: names and paths from outside, shown with escapes visible
            self.query_one("#dialog-error", Static).update(show_safely(str(error)))
            return
        self.dismiss(loaded)

    def action_cancel(self) -> None:
        self.dismiss(None)
