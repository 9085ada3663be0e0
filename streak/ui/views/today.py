"""Today: has today been checked in, the week against its goal, the streaks, and the check-in itself."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Digits, Static

from streak.core.errors import InputError, Refused
from streak.core.history.model import History, Session
from streak.core.phrases import (
    BADGE,
    COMEBACK,
    RECORD,
    Earned,
    at_stake,
    days_ago,
    earned,
    earned_by,
    goal_dots,
    plural,
    short_day,
    streak_news,
    week_nudge,
    week_target,
    xp_bar,
)
from streak.core.rules.status import Status, compute_status
from streak.ui.views.base import StoreScreen
from streak.ui.widgets.footer import KeysFooter
from streak.ui.widgets.tip_panel import TipPanel
from streak.ui.widgets.view_bar import ViewBar

if TYPE_CHECKING:
    from streak.core.rules.checkin import CheckIn
    from streak.ui.dialogs.checkin import CheckInEntry


TIGHT_SAVES = 3  # the blank lines that today.tcss's -tight takes out


class TodayScreen(StoreScreen):
    """The first screen: today's check-in and where the streak stands."""

    BINDINGS = [Binding("c", "check_in", "Check in", tooltip="Check in today, with an optional note and lifts")]

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
            yield Static(id="news", markup=False)
            yield Static(id="level", markup=False)
            yield Static(id="last", markup=False)
            yield TipPanel(id="tip")
        yield KeysFooter()

    def on_mount(self) -> None:
        # Text grown past the box changes the box's virtual size; the tip box, sized to its text,
        # changes its own as a tip comes and goes; a terminal resize reaches on_resize.
        self.watch(self.query_one("#today"), "virtual_size", self._fit, init=False)
        self.watch(self.query_one(TipPanel), "virtual_size", self._fit, init=False)
        self.query_one("#current").border_title = "Current streak"
        self.query_one("#best").border_title = "Best streak"
        self.query_one("#week").border_title = "This week"

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        """Close up the blank lines between the parts when the day's text would push the tip box off the screen."""
        box = self.query_one("#today")
        spare = box.content_region.bottom - self.query_one(TipPanel).region.bottom
        if not box.has_class("-tight") and spare < 0:
            box.add_class("-tight")
        elif box.has_class("-tight") and spare >= TIGHT_SAVES:
            box.remove_class("-tight")

    def show_history(self, history: History) -> None:
        status = compute_status(history, self.today)
        self.show_status(status)
        session = history.session_on(self.today)
        if session is None:
            self.query_one(TipPanel).wait()  # the day has turned while open, or the session was removed elsewhere
        elif session.tip:
            # Today's tip, and what the check-in earned, stay on Today all day, through restarts.
            # The tips and the training log's records load only then: not before a first frame without them.
            from streak.core.rules.checkin import records_set_by
            from streak.core.tips.choice import tip_by_id

            tip = tip_by_id(session.tip)
            if tip is not None:
                badges = [state.badge for state in status.earned_badges if state.earned_on == self.today]
                records = records_set_by(history, session)
                self.query_one(TipPanel).show(tip, earned_today(earned(records, badges, history.units)))

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
        unit = "week" if status.current_streak == 1 else "weeks"
        if status.freezes:
            unit += f"  ❄ {plural(status.freezes, 'freeze')}"
        self.query_one("#current-unit", Static).update(unit)
        self.query_one("#best-unit", Static).update("week" if status.best_streak == 1 else "weeks")
        # A week that can repair the last is played for one over the goal: the card counts to that, as the prompt line does.
        target = week_target(status)
        self.query_one("#week-dots", Static).update(" ".join(goal_dots(status.week_sessions, target)))
        kind = " to repair" if target > status.goal else " sessions, rest" if status.rest_week else " sessions"
        self.query_one("#week-count", Static).update(f"{status.week_sessions} of {target}{kind}")
        met = status.week_sessions >= status.goal
        self.query_one("#week").set_class(met, "-met")
        self.query_one("#nudge").set_class(met, "-met")
        nudge = week_nudge(status)
        self.query_one("#nudge", Static).update(nudge[0].upper() + nudge[1:] + ".")
        news = self.query_one("#news", Static)
        lately = streak_news(status)
        if at_stake(status):
            warning = f"⚠ Your {status.current_streak}-week streak is at stake: meet this week's goal to keep it."
            lately = f"{warning} {lately}" if lately else warning
        news.update(lately or "")
        news.set_class(at_stake(status), "-at-risk")
        news.display = bool(lately)
        self.query_one("#level", Static).update(
            f"Level {status.level}  {xp_bar(status)}  {status.xp:,} XP, {status.xp_to_next:,} to level {status.level + 1}"
        )
        last = "no leg day recorded yet"
        if status.last_session:
            last = f"{short_day(status.last_session)} ({days_ago(status.days_since_last)})"
        self.query_one("#last", Static).update(
            f"Last leg day  {last}    Total  {plural(status.total_sessions, 'session')}"
        )

    def action_check_in(self) -> None:
        """Open the check-in dialog, unless today is already done."""
        history = self.session.current()
        if history is None:
            return
        if history.session_on(self.today):
            self.notify("Today is already checked in. See you next leg day!", title="Already done", severity="warning")
            return
        from streak.ui.dialogs.checkin import CheckInDialog  # Input and its validators load on first use

        dialog = CheckInDialog(self.today, history, cursor_blink=self.session.cursor_blink)
        self.app.push_screen(dialog, self._record)

    def _record(self, entry: CheckInEntry | None) -> None:
        """Record the session the dialog confirmed (None means it was cancelled)."""
        if entry is None:
            return
        from streak.core.rules.checkin import check_in

        session = Session(self.today, entry.note, entry.lifts)
        try:
            result = self.change(lambda history: check_in(history, session, self.today, self.session.pick))
        except (Refused, InputError) as error:
            self.notify(str(error), title="Not checked in", severity="warning", markup=False)
            return
        if result is not None:
            self.celebrate(result)

    def celebrate(self, result: CheckIn) -> None:
        """Show the tip with what the check-in earned, and one notification small enough to sit above the cards."""
        items = earned_by(result)
        self.query_one(TipPanel).show(
            result.tip, earned_today([item for item in items if item.kind in (RECORD, BADGE)])
        )
        only = items[0] if len(items) == 1 else None
        if items and items[0].kind == COMEBACK:  # a comeback is the news, whatever else came with it
            rest = "".join(f", {item.mark} {item.name}" for item in items[1:])
            self.notify(items[0].detail + rest, title=items[0].title, markup=False)
        elif only is not None and only.kind == BADGE:
            self.notify(only.detail, title=only.title, markup=False)
        elif only is not None and only.kind == RECORD:
            self.notify(
                f"{only.detail[:1].upper()}{only.detail[1:]}, up from {only.before}.", title=only.title, markup=False
            )
        elif items:
            labels = [f"{item.mark} {item.name}" for item in items]
            self.notify(", ".join(labels[1:]), title=labels[0][:1].upper() + labels[0][1:], markup=False)


def earned_today(items: list[Earned]) -> str:
    """` ★ Double Up  ▲ Back squat record `: what a check-in earned, for the tip box's bottom border."""
    return f" {'  '.join(f'{item.mark} {item.name}' for item in items)} " if items else ""
