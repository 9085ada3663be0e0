"""Badges: every badge with what earns it; earned ones with their date, the rest with progress."""

from textual.app import ComposeResult
from textual.widgets import Footer, Static

from streak.core.figures import compute_status
from streak.core.model import History
from streak.ui.screens.base import StoreScreen
from streak.ui.widgets.badge_list import BadgeList
from streak.ui.widgets.view_bar import ViewBar


class BadgesScreen(StoreScreen):
    """All badges: the earned ones first, in the order they were earned, then the rest."""

    CSS_PATH = "badges.tcss"

    def compose(self) -> ComposeResult:
        yield ViewBar("badges")
        yield Static(id="badge-count")
        yield BadgeList(id="badges")
        yield Footer(compact=True)

    def show_history(self, history: History) -> None:
        status = compute_status(history, self.today)
        earned = status.earned_badges
        locked = [state for state in status.badges if not state.earned]
        self.query_one("#badge-count", Static).update(f"{len(earned)} of {len(status.badges)} badges earned")
        self.query_one(BadgeList).states = (*earned, *locked)
