"""Weeks as the history view shows them: each with its sessions, goal, streak state and rest mark."""

from datetime import date

from streak.core.history.model import History
from streak.core.named_tuple import NamedTuple
from streak.core.rules.status import Status, compute_status
from streak.core.rules.walk import NONE
from streak.core.rules.weeks import RestCalendar, days_until, weeks_between


class WeekState(NamedTuple):
    """One calendar week and what the streak walk made of it."""

    start: date
    goal: int
    days: tuple[date, ...]
    state: str
    earned_freeze: bool
    rest: bool


def week_states(history: History, as_of: date, first: date, status: Status | None = None) -> list[WeekState]:
    """Every week from the one holding `first` to the one holding `as_of`, oldest first.

    Weeks before the first session's week have the state none. Pass `status` (as of `as_of`) if
    it is already computed, so the history is not walked twice.
    """
    status = status or compute_status(history, as_of)
    walked = status.walk
    by_start = {week.start: index for index, week in enumerate(status.weeks)}
    rest = RestCalendar(history.rest_periods)
    weeks = weeks_between(history, days_until(history, as_of), first, as_of)
    shown = []
    for week in weeks:
        index = by_start.get(week.start)
        state, earned = (walked.states[index], walked.earned_freeze[index]) if index is not None else (NONE, False)
        shown.append(WeekState(week.start, week.goal, week.days, state, earned, rest.is_rest_week(week.start)))
    return shown
