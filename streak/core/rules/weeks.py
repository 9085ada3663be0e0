"""A history cut into calendar weeks, each with its goal and its sessions."""

from bisect import bisect_left, bisect_right
from datetime import date, timedelta
from functools import partial
from itertools import islice, repeat
from operator import attrgetter, itemgetter

from streak.core.dates import ONE_WEEK, week_start
from streak.core.history.goals import GoalTimeline
from streak.core.history.model import History, RestPeriod, session_day
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
# A week's fields as functions, for map() over thousands of weeks
week_first_day, week_goal, week_days = itemgetter(0), itemgetter(1), itemgetter(2)


def days_until(history: History, as_of: date) -> list[date]:
    """The session days on or before `as_of`, oldest first."""
    days = list(map(session_day, history.sessions))
    return days[: bisect_right(days, as_of)]


def weeks_between(history: History, days: list[date], first: date, last: date) -> list[Week]:
    """Every week from the one holding `first` to the one holding `last`, empty weeks included.

    `days` must be sorted; days outside the range are ignored. A century of weekly training is
    5,000 weeks, so each step is taken for all the weeks at once in C (their first days, where
    their days begin, their slices, their goals) rather than in a Python loop per week.
    """
    first_week = week_start(first, history.week_start_day).toordinal()
    last_week = week_start(last, history.week_start_day).toordinal()
    week_ordinals = range(first_week, last_week + 8, 7)  # each week's first day, and the day after the last week
    starts = list(map(date.fromordinal, week_ordinals[:-1]))
    if not starts:
        return []
    held = tuple(days)  # a tuple's slice is the week's tuple itself: no list made and copied per week
    # Where each week's days begin, found among the days' ordinals: numbers compare several times faster than dates.
    bounds = list(map(partial(bisect_left, list(map(date.toordinal, days))), week_ordinals))
    week_days = map(held.__getitem__, map(slice, bounds, islice(bounds, 1, None)))
    goals = GoalTimeline(history.goal_changes, history.week_start_day).goals_for(starts)
    return list(map(_new_week, repeat(Week), zip(starts, goals, week_days)))


def weeks_until(history: History, days: list[date], as_of: date) -> list[Week]:
    """The weeks from the first session's week to the week holding `as_of`."""
    return weeks_between(history, days, days[0] if days else as_of, as_of)


def current_run(flags: list[bool]) -> int:
    """Consecutive true weeks ending at the last one, where the last (in progress) week can extend the run but never break it."""
    if not flags:
        return 0
    before = bytes(flags[:-1])  # one byte a week, searched in C: a perfect decade is 500 weeks to count
    run = len(before) - 1 - before.rfind(0)
    return run + 1 if flags[-1] else run


def sessions_in(weeks: list[Week]) -> list[int]:
    """How many sessions each week holds."""
    return list(map(len, map(week_days, weeks)))


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
