"""Shown instead of a clipped layout when the terminal is smaller than the app needs."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.geometry import Size
from textual.screen import ModalScreen
from textual.widgets import Static


class TooSmallScreen(ModalScreen[None]):
    """Says how large the terminal must be; the app removes it once the terminal is large enough."""

    CSS_PATH = "too_small.tcss"
    BINDINGS = [Binding("q,ctrl+q", "app.quit", "Quit", priority=True)]

    def __init__(self, size: Size, needed: Size) -> None:
        super().__init__()
        self.terminal = size
        self.needed = needed

    def compose(self) -> ComposeResult:
        with Vertical(id="too-small"):
            yield Static(id="too-small-size", markup=False)
            yield Static("Make the window larger or the font smaller.", id="too-small-advice")
            yield Static("streak carries on as soon as it fits; q quits.", id="too-small-hint")

    def on_mount(self) -> None:
        self.show_size(self.terminal)

    def show_size(self, size: Size) -> None:
        """Say what the terminal measures now against what streak needs."""
        self.terminal = size
        needed = self.needed
        self.query_one("#too-small-size", Static).update(
            f"streak needs at least {needed.width}×{needed.height}; this terminal is {size.width}×{size.height}."
        )
