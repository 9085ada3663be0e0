"""Every badge as a row of a table: name, progress bar, date earned or progress, and what earns it."""

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.reactive import reactive
from textual.widgets import Label

from streak.core.phrases import badge_progress
from streak.core.rules.badges import BadgeState

BAR_WIDTH = 10


def progress_bar(current: int, target: int) -> str:
    """`▰▰▰▱▱▱▱▱▱▱`: how far along, in ten cells."""
    filled = min(BAR_WIDTH, current * BAR_WIDTH // target)
    return "▰" * filled + "▱" * (BAR_WIDTH - filled)


class BadgeRow(Vertical):
    """One badge, earned or locked: its columns on one line, what earns it beside them or, when narrow, below."""

    DEFAULT_CSS = """
    BadgeRow {
        height: auto;
    }
    BadgeRow > Horizontal {
        width: auto;
        height: 1;
    }
    """

    def __init__(self, state: BadgeState) -> None:
        super().__init__(classes="-earned" if state.earned else "-locked")
        self.state = state

    def compose(self) -> ComposeResult:
        state = self.state
        with Horizontal(classes="badge-columns"):
            yield Label(f"{'★' if state.earned else '☆'} {state.badge.name}", classes="badge-name", markup=False)
            yield Label(progress_bar(state.current, state.badge.target), classes="badge-bar", markup=False)
            yield Label(badge_progress(state), classes="badge-status", markup=False)
        yield Label(state.badge.description, classes="badge-description", markup=False)


class BadgeHeader(Vertical):
    """The table's column names, laid out as a BadgeRow is."""

    DEFAULT_CSS = """
    BadgeHeader {
        height: auto;
    }
    BadgeHeader > Horizontal {
        width: auto;
        height: 1;
    }
    """

    def compose(self) -> ComposeResult:
        with Horizontal(classes="badge-columns"):
            yield Label("Badge", classes="badge-name badge-heading")
            yield Label("Progress", classes="badge-bar badge-heading")
            yield Label("Earned or progress", classes="badge-status badge-heading")
        yield Label("What earns it", classes="badge-description badge-heading")


class BadgeList(VerticalScroll, can_focus=True):
    """The badges its screen hands it, in that order, under a header; arrow keys and page keys scroll."""

    states: reactive[tuple[BadgeState, ...]] = reactive((), recompose=True)

    def compose(self) -> ComposeResult:
        yield BadgeHeader()
        for state in self.states:
            yield BadgeRow(state)
