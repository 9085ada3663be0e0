"""A history cut into calendar weeks, each with its goal and its sessions."""

from datetime import date
from typing import NamedTuple

from streak.core.dates import ONE_WEEK, week_start
from streak.core.goals import GoalTimeline
from streak.core.model import History


class Week(NamedTuple):
    """One calendar week: its first day, the goal that held for it and the days trained in it."""

    start: date
    goal: int
    days: tuple[date, ...]

    @property
    def met(self) -> bool:
        """A week is met when it holds at least as many sessions as its goal."""
        return len(self.days) >= self.goal


def days_until(history: History, as_of: date) -> list[date]:
    """The session days on or before `as_of`, oldest first."""
    return [session.day for session in history.sessions if session.day <= as_of]


def weeks_between(history: History, days: list[date], first: date, last: date) -> list[Week]:
    """Every week from the one holding `first` to the one holding `last`, empty weeks included.

    `days` must be sorted; days outside the range are ignored.
    """
    start_day = history.week_start_day
    by_week: dict[date, list[date]] = {}
    for day in days:
        by_week.setdefault(week_start(day, start_day), []).append(day)
    timeline = GoalTimeline(history.goal_changes, start_day)
    weeks = []
    week = week_start(first, start_day)
    end = week_start(last, start_day)
    while week <= end:
        weeks.append(Week(week, timeline.goal_for(week), tuple(by_week.get(week, ()))))
        week += ONE_WEEK
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


def longest_run(flags: list[bool]) -> int:
    """The longest run of consecutive true weeks."""
    best = run = 0
    for flag in flags:
        run = run + 1 if flag else 0
        best = max(best, run)
    return best
