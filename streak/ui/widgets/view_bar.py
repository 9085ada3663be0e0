"""The bar along the top: the app's name and its five views, each with its key, the current one lit."""

from rich.text import Text
from textual import events
from textual.widget import Widget

VIEWS = (
    ("today", "t", "Today"),
    ("history", "h", "History"),
    ("lifts", "l", "Lifts"),
    ("badges", "b", "Badges"),
    ("goal", "g", "Goal"),
)


class ViewBar(Widget):
    """Shows where you are and how to get elsewhere; the keys are the app's bindings, and a click on a view presses its key."""

    COMPONENT_CLASSES = {"view-bar--title", "view-bar--current", "view-bar--other", "view-bar--key"}

    DEFAULT_CSS = """
    ViewBar {
        height: 1;
    }
    """

    def __init__(self, current: str) -> None:
        super().__init__()
        self.current = current
        self._columns: list[tuple[int, int, str]] = []  # where each view's name was drawn, and its key

    def render(self) -> Text:
        self._columns = []
        text = Text(" streak ", self.get_component_rich_style("view-bar--title"), no_wrap=True)
        key_style = self.get_component_rich_style("view-bar--key")
        for mode, key, label in VIEWS:
            style = self.get_component_rich_style("view-bar--current" if mode == self.current else "view-bar--other")
            text.append("  ")
            start = text.cell_len
            text.append(f" {key} ", key_style + style)
            text.append(f"{label} ", style)
            self._columns.append((start, text.cell_len, key))
        return text

    def on_click(self, event: events.Click) -> None:
        """A click on a view's name presses its key, so it does what the key does (nothing over a data problem)."""
        key = next((key for start, end, key in self._columns if start <= event.x < end), None)
        if key is not None:
            self.app.simulate_key(key)
