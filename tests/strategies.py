"""Hypothesis strategies shared by the property tests: whole histories with goals, rest and an as-of day."""

from datetime import date, timedelta
from functools import cache

from hypothesis import strategies as st

from streak.core.history.model import GoalChange, History, RestPeriod, Session, Settings

# Mondays to build histories from: ordinary years, ISO week 53 at the end of 2015, 2020 and 2026, the earliest year.
ORIGINS = (date(2026, 6, 1), date(2020, 9, 7), date(2015, 10, 5), date(1900, 1, 1))


def ref_week_start(day: date, week_start_day: str) -> date:
    """Step back one day at a time until the configured first weekday."""
    first = 0 if week_start_day == "monday" else 6  # date.weekday(): Monday 0 ... Sunday 6
    while day.weekday() != first:
        day -= timedelta(days=1)
    return day


# Every strategy a draw needs is built once, here or by a cached builder keyed on what was drawn
# before it: one built afresh inside every draw is validated again each time, which cost a tenth of
# these tests' time. The draws, and so the examples, are the same.
_ORIGINS = st.sampled_from(ORIGINS)
_FIRST_WEEKDAYS = st.sampled_from(["monday", "sunday"])
_KEEN = st.booleans()
# Sessions a week: a keen history rarely misses, so long streaks and both freezes come up.
_SESSIONS_A_WEEK = {
    True: st.sampled_from([0, 2, 2, 3, 3, 3, 4]),
    False: st.sampled_from([0, 1, 1, 2, 2, 2, 3, 3, 4, 5, 7]),
}
_WEEKDAY_ORDERS = st.permutations(range(7))
_KEPT_UNDER = {day: st.sampled_from([day, day, "monday", "sunday"]) for day in ("monday", "sunday")}
_GOALS = st.sampled_from([1, 1, 2, 3, 3, 4, 5, 6, 7])
_REST_LENGTHS = st.integers(0, 30)


@cache
def _weeks(max_weeks: int) -> st.SearchStrategy[int]:
    return st.integers(1, max_weeks)


@cache
def _goal_changes(span: int) -> st.SearchStrategy[list[tuple[int, int]]]:
    """Up to four (day offset, goal) pairs, from a week before the history to a week after it."""
    return st.lists(st.tuples(st.integers(-7, span + 7), _GOALS), max_size=4)


@cache
def _rest_periods(span: int) -> st.SearchStrategy[list[tuple[int, int, bool]]]:
    """Up to three (day offset, length, widened) rest periods over the same days."""
    return st.lists(st.tuples(st.integers(-7, span + 7), _REST_LENGTHS, st.booleans()), max_size=3)


@cache
def _as_of_offsets(span: int) -> st.SearchStrategy[int]:
    return st.integers(-10, span + 20)


@st.composite
def histories(draw: st.DrawFn, max_weeks: int = 40) -> tuple[History, date]:
    """A history of up to `max_weeks` weeks and an as-of day in or around it.

    Sessions are drawn week by week (0 to 7 of them, mostly near common goals), goal changes at
    most one a week under the first weekday in force when they were set (sometimes the other one,
    as after a switch of the first weekday), rest periods of any length, widened or not.
    """
    origin = draw(_ORIGINS)
    week_start_day = draw(_FIRST_WEEKDAYS)
    weeks = draw(_weeks(max_weeks))
    span = weeks * 7
    sessions_a_week = _SESSIONS_A_WEEK[draw(_KEEN)]
    session_days: set[date] = set()
    for week in range(weeks):
        count = draw(sessions_a_week)
        weekdays = draw(_WEEKDAY_ORDERS)[:count]
        session_days.update(origin + timedelta(weeks=week, days=d) for d in weekdays)
    kept_under = draw(_KEPT_UNDER[week_start_day])
    changes: dict[date, GoalChange] = {}
    for offset, goal in draw(_goal_changes(span)):
        since = origin + timedelta(days=offset)
        changes[ref_week_start(since, kept_under)] = GoalChange(since, goal)  # setting again replaces that week's
    periods = []
    for offset, length, widen in draw(_rest_periods(span)):
        first = origin + timedelta(days=offset)
        last = first + timedelta(days=length)
        if widen:
            first, last = ref_week_start(first, week_start_day), ref_week_start(last, week_start_day) + timedelta(6)
        periods.append(RestPeriod(first, last))
    history = History(
        sessions=tuple(Session(day) for day in sorted(session_days)),
        goal_changes=tuple(sorted(changes.values(), key=lambda c: c.since)),
        settings=Settings(week_start_day=week_start_day),
        rest_periods=tuple(sorted(periods, key=lambda p: (p.first, p.last))),
    )
    as_of = origin + timedelta(days=draw(_as_of_offsets(span)))
    return history, as_of
