"""Badges: every badge with what earns it; earned ones with their date, the rest with progress."""

from textual.app import ComposeResult
from textual.widgets import Static

from streak.core.history.model import History
from streak.core.rules.badges import in_order
from streak.core.rules.status import compute_status
from streak.ui.views.base import StoreScreen
from streak.ui.widgets.badge_list import BadgeList
from streak.ui.widgets.footer import KeysFooter
from streak.ui.widgets.view_bar import ViewBar


class BadgesScreen(StoreScreen):
    """All badges: the earned ones first, in the order they were earned, then the rest (as `in_order` puts them)."""

    CSS_PATH = "badges.tcss"
    # From this width what earns a badge fits beside its columns; below it goes on a second line.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (116, "-wide")]

    def compose(self) -> ComposeResult:
        yield ViewBar("badges")
        yield Static(id="badge-count")
        yield BadgeList(id="badges")
        yield KeysFooter()

    def show_history(self, history: History) -> None:
        states = compute_status(history, self.today).badges
        earned = sum(1 for state in states if state.earned)
        self.query_one("#badge-count", Static).update(f"{earned} of {len(states)} badges earned")
        self.query_one(BadgeList).states = tuple(in_order(list(states)))
