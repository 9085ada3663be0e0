"""Shown when the data file cannot be used: says why, then quits with status 3 without touching the file."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Static

from streak.core.errors import ExitStatus
from streak.ui.widgets.footer import KeysFooter


class DataProblemScreen(Screen[None]):
    """A full-screen message about the data file; any listed key quits."""

    CSS_PATH = "problem.tcss"
    BINDINGS = [
        Binding("q,escape,enter", "leave", "Quit", key_display="q", priority=True),
    ]

    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message

    def compose(self) -> ComposeResult:
        with Vertical(id="problem"):
            yield Static("streak cannot open your data file", id="problem-title")
            yield Static(self.message, id="problem-message", markup=False)
            yield Static("Nothing was changed. Press q to quit.", id="problem-hint")
        yield KeysFooter()

    def action_leave(self) -> None:
        """Quit with status 3; the launcher then prints the same line the command line would."""
        self.app.exit(result=self.message, return_code=ExitStatus.DATA_FILE)
