"""Today: has today been checked in, the week against its goal, the streaks, and the check-in itself."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Digits, Footer, Static

from streak.core.errors import InputError, Refused
from streak.core.figures import Status, compute_status
from streak.core.model import History, Session
from streak.core.phrases import days_ago, goal_dots, plural, short_day, week_nudge
from streak.ui.screens.base import StoreScreen
from streak.ui.widgets.tip_panel import TipPanel
from streak.ui.widgets.view_bar import ViewBar

if TYPE_CHECKING:
    from streak.core.checkin import CheckIn


class TodayScreen(StoreScreen):
    """The first screen: today's check-in and where the streak stands."""

    BINDINGS = [Binding("c", "check_in", "Check in", tooltip="Check in today's leg day, with an optional note")]

    def compose(self) -> ComposeResult:
        yield ViewBar("today")
        with Vertical(id="today"):
            yield Static(id="done", markup=False)
            with Horizontal(id="cards"):
                with Vertical(id="current", classes="card"):
                    yield Digits("0", id="current-digits")
                    yield Static("weeks", id="current-unit")
                with Vertical(id="best", classes="card"):
                    yield Digits("0", id="best-digits")
                    yield Static("weeks", id="best-unit")
                with Vertical(id="week", classes="card"):
                    yield Static(id="week-dots")
                    yield Static(id="week-count")
            yield Static(id="nudge", markup=False)
            yield Static(id="last", markup=False)
            yield TipPanel(id="tip")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#current").border_title = "Current streak"
        self.query_one("#best").border_title = "Best streak"
        self.query_one("#week").border_title = "This week"

    def show_history(self, history: History) -> None:
        self.show_status(compute_status(history, self.today))

    def show_status(self, status: Status) -> None:
        """Fill every figure from one computed status."""
        done = status.last_session == status.as_of
        self.query_one("#done", Static).update(
            f"✔ Leg day done today, {short_day(status.as_of)}."
            if done
            else f"Not checked in yet today, {short_day(status.as_of)}. Press c when your leg day is done."
        )
        # Classes go on the widgets they style: toggling one on the screen restyles every widget.
        self.query_one("#done").set_class(done, "-done")
        self.query_one("#current-digits", Digits).update(str(status.current_streak))
        self.query_one("#best-digits", Digits).update(str(status.best_streak))
        self.query_one("#current-unit", Static).update("week" if status.current_streak == 1 else "weeks")
        self.query_one("#best-unit", Static).update("week" if status.best_streak == 1 else "weeks")
        self.query_one("#week-dots", Static).update(" ".join(goal_dots(status.week_sessions, status.goal)))
        self.query_one("#week-count", Static).update(f"{status.week_sessions} of {status.goal} sessions")
        met = status.week_sessions >= status.goal
        self.query_one("#week").set_class(met, "-met")
        self.query_one("#nudge").set_class(met, "-met")
        nudge = week_nudge(status)
        self.query_one("#nudge", Static).update(nudge[0].upper() + nudge[1:] + ".")
        last = "no leg day recorded yet"
        if status.last_session:
            last = f"{short_day(status.last_session)} ({days_ago(status.days_since_last)})"
        self.query_one("#last", Static).update(
            f"Last leg day  {last}    Total  {plural(status.total_sessions, 'session')}"
        )

    def action_check_in(self) -> None:
        """Open the check-in dialog, unless today is already done."""
        history = self.read()
        if history is None:
            return
        if history.session_on(self.today):
            self.notify("Today is already checked in. See you next leg day!", title="Already done", severity="warning")
            return
        from streak.ui.screens.dialogs import CheckInDialog  # Input and its validators load on first use

        self.app.push_screen(CheckInDialog(self.today, cursor_blink=self.streak_app.cursor_blink), self._record)

    def _record(self, note: str | None) -> None:
        """Record the session the dialog confirmed (None means it was cancelled)."""
        if note is None:
            return
        from streak.core.checkin import check_in

        session = Session(self.today, note or None)
        try:
            result = self.change(lambda history: check_in(history, session, self.today, self.streak_app.pick))
        except (Refused, InputError) as error:
            self.notify(str(error), title="Not checked in", severity="warning", markup=False)
            return
        if result is not None:
            self.celebrate(result)

    def celebrate(self, result: CheckIn) -> None:
        """Show the tip on the screen and the new badges in one notification, small enough to sit above the cards."""
        self.query_one(TipPanel).show(result.tip)
        badges = [state.badge for state in result.new_badges]
        if len(badges) == 1:
            self.notify(badges[0].description, title=f"New badge: {badges[0].name}", markup=False)
        elif badges:
            self.notify("\n".join(f"★ {badge.name}" for badge in badges), title="New badges", markup=False)
