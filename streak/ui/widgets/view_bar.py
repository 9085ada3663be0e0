"""The bar along the top: the app's name and its five views, each with its key, the current one lit."""

from rich.text import Text
from textual.widget import Widget

VIEWS = (
    ("today", "t", "Today"),
    ("history", "h", "History"),
    ("lifts", "l", "Lifts"),
    ("badges", "b", "Badges"),
    ("goal", "g", "Goal"),
)


class ViewBar(Widget):
    """Shows where you are and how to get elsewhere; the keys themselves are the app's bindings."""

    COMPONENT_CLASSES = {"view-bar--title", "view-bar--current", "view-bar--other", "view-bar--key"}

    DEFAULT_CSS = """
    ViewBar {
        height: 1;
    }
    """

    def __init__(self, current: str) -> None:
        super().__init__()
        self.current = current

    def render(self) -> Text:
        text = Text(" streak ", self.get_component_rich_style("view-bar--title"), no_wrap=True)
        key_style = self.get_component_rich_style("view-bar--key")
        for mode, key, label in VIEWS:
            style = self.get_component_rich_style("view-bar--current" if mode == self.current else "view-bar--other")
            text.append("  ")
            text.append(f" {key} ", key_style + style)
            text.append(f"{label} ", style)
        return text
