"""Hypothesis strategies shared by the property tests: whole histories with goals, rest and an as-of day."""

from datetime import date, timedelta

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


@st.composite
def histories(draw: st.DrawFn, max_weeks: int = 40) -> tuple[History, date]:
    """A history of up to `max_weeks` weeks and an as-of day in or around it.

    Sessions are drawn week by week (0 to 7 of them, mostly near common goals), goal changes at
    most one a week under the first weekday in force when they were set (sometimes the other one,
    as after a switch of the first weekday), rest periods of any length, widened or not.
    """
    origin = draw(st.sampled_from(ORIGINS))
    week_start_day = draw(st.sampled_from(["monday", "sunday"]))
    weeks = draw(st.integers(1, max_weeks))
    span = weeks * 7
    keen = draw(st.booleans())  # a keen history rarely misses, so long streaks and both freezes come up
    counts = [0, 2, 2, 3, 3, 3, 4] if keen else [0, 1, 1, 2, 2, 2, 3, 3, 4, 5, 7]
    session_days: set[date] = set()
    for week in range(weeks):
        count = draw(st.sampled_from(counts))
        weekdays = draw(st.permutations(range(7)))[:count]
        session_days.update(origin + timedelta(weeks=week, days=d) for d in weekdays)
    offsets = st.integers(-7, span + 7)
    kept_under = draw(st.sampled_from([week_start_day, week_start_day, "monday", "sunday"]))
    changes: dict[date, GoalChange] = {}
    for offset, goal in draw(st.lists(st.tuples(offsets, st.sampled_from([1, 1, 2, 3, 3, 4, 5, 6, 7])), max_size=4)):
        since = origin + timedelta(days=offset)
        changes[ref_week_start(since, kept_under)] = GoalChange(since, goal)  # setting again replaces that week's
    periods = []
    for offset, length, widen in draw(st.lists(st.tuples(offsets, st.integers(0, 30), st.booleans()), max_size=3)):
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
    as_of = origin + timedelta(days=draw(st.integers(-10, span + 20)))
    return history, as_of
