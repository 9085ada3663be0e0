"""The tip shown after a check-in, with the article it comes from."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

if TYPE_CHECKING:
    from streak.core.tips.choice import Tip

WAITING = "Check in (press c) to read a tip on why leg day matters."


class TipPanel(Vertical):
    """A boxed tip and its source, or a hint before the first check-in."""

    DEFAULT_CSS = """
    TipPanel {
        height: auto;
    }
    """

    def compose(self) -> ComposeResult:
        yield Static(WAITING, id="tip-text", markup=False)
        yield Static("", id="tip-source", markup=False)

    def on_mount(self) -> None:
        self.border_title = "Tip"

    def show(self, tip: Tip, earned: str = "") -> None:
        """Show `tip` and its source, and along the bottom border what today's check-in earned."""
        self.border_subtitle = earned
        self.query_one("#tip-text", Static).update(tip.text)
        self.query_one("#tip-source", Static).update(f"Source: {tip.source}")
        self.add_class("-shown")

    def wait(self) -> None:
        """Back to the hint, if a tip is showing: a new day has begun, or today's session was removed."""
        if self.has_class("-shown"):
            self.border_subtitle = ""
            self.query_one("#tip-text", Static).update(WAITING)
            self.query_one("#tip-source", Static).update("")
            self.remove_class("-shown")
