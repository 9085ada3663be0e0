"""A history cut into calendar weeks, each with its goal and its sessions."""

from bisect import bisect_left, bisect_right
from datetime import date, timedelta
from operator import attrgetter

from streak.core.dates import ONE_WEEK, week_start
from streak.core.history.goals import GoalTimeline
from streak.core.history.model import History, RestPeriod
from streak.core.named_tuple import NamedTuple


class Week(NamedTuple):
    """One calendar week: its first day, the goal that held for it and the days trained in it."""

    start: date
    goal: int
    days: tuple[date, ...]

    @property
    def met(self) -> bool:
        """A week is met when it holds at least as many sessions as its goal."""
        return len(self.days) >= self.goal


_new_week = tuple.__new__  # skips the named tuple's Python-level __new__; a long history has thousands of weeks


def days_until(history: History, as_of: date) -> list[date]:
    """The session days on or before `as_of`, oldest first."""
    days = [session.day for session in history.sessions]
    return days[: bisect_right(days, as_of)]


def weeks_between(history: History, days: list[date], first: date, last: date) -> list[Week]:
    """Every week from the one holding `first` to the one holding `last`, empty weeks included.

    `days` must be sorted; days outside the range are ignored. Each week finds its days by
    bisection, so the cost follows the number of weeks, not of sessions.
    """
    timeline = GoalTimeline(history.goal_changes, history.week_start_day)
    week = week_start(first, history.week_start_day)
    end = week_start(last, history.week_start_day)
    weeks = []
    index = bisect_left(days, week)
    held = tuple(days)  # a tuple's slice is the week's tuple itself: no list made and copied per week
    goal, change = timeline.goal_for(week), timeline.next_change(week)
    while week <= end:
        if change is not None and week >= change:
            goal, change = timeline.goal_for(week), timeline.next_change(week)
        following = week + ONE_WEEK
        stop = bisect_left(held, following, index)
        weeks.append(_new_week(Week, (week, goal, held[index:stop])))
        week, index = following, stop
    return weeks


def weeks_until(history: History, days: list[date], as_of: date) -> list[Week]:
    """The weeks from the first session's week to the week holding `as_of`."""
    return weeks_between(history, days, days[0] if days else as_of, as_of)


def current_run(flags: list[bool]) -> int:
    """Consecutive true weeks ending at the last one, where the last (in progress) week can extend the run but never break it."""
    run = 0
    for flag in reversed(flags[:-1]):
        if not flag:
            break
        run += 1
    return run + 1 if flags and flags[-1] else run


class RestCalendar:
    """Answers "is this a rest week?" for weeks in order, in O(log periods) each."""

    def __init__(self, periods: tuple[RestPeriod, ...]) -> None:
        ordered = sorted(periods, key=attrgetter("first", "last"))
        self._firsts = [period.first for period in ordered]
        # The latest last day among the periods starting on or before each one: a week
        # touches some period iff the periods starting by its last day reach its first day.
        self._reach: list[date] = []
        for period in ordered:
            self._reach.append(max(period.last, self._reach[-1]) if self._reach else period.last)

    def is_rest_week(self, week: date) -> bool:
        """Whether any day of the week starting on `week` lies in a rest period."""
        index = bisect_right(self._firsts, week + ONE_WEEK - timedelta(days=1))
        return index > 0 and self._reach[index - 1] >= week
