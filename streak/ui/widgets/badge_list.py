"""Every badge as two lines: name and state (★ with the date, or a progress bar), then what earns it."""

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.reactive import reactive
from textual.widgets import Label

from streak.core.badges import BadgeState
from streak.core.phrases import badge_progress

BAR_WIDTH = 10


def progress_bar(current: int, target: int) -> str:
    """`▰▰▰▱▱▱▱▱▱▱`: how far along, in ten cells."""
    filled = min(BAR_WIDTH, current * BAR_WIDTH // target)
    return "▰" * filled + "▱" * (BAR_WIDTH - filled)


class BadgeRow(Vertical):
    """One badge, earned or locked."""

    DEFAULT_CSS = """
    BadgeRow {
        height: 2;
    }
    BadgeRow > Horizontal {
        height: 1;
    }
    """

    def __init__(self, state: BadgeState) -> None:
        super().__init__(classes="-earned" if state.earned else "-locked")
        self.state = state

    def compose(self) -> ComposeResult:
        state = self.state
        status = badge_progress(state)
        if not state.earned:
            status = f"{progress_bar(state.current, state.badge.target)}  {status}"
        with Horizontal():
            yield Label(f"{'★' if state.earned else '☆'} {state.badge.name}", classes="badge-name", markup=False)
            yield Label(status, classes="badge-status", markup=False)
        yield Label(f"  {state.badge.description}", classes="badge-description", markup=False)


class BadgeList(VerticalScroll, can_focus=True):
    """The badges its screen hands it, in that order; arrow keys and page keys scroll."""

    states: reactive[tuple[BadgeState, ...]] = reactive((), recompose=True)

    def compose(self) -> ComposeResult:
        for state in self.states:
            yield BadgeRow(state)
