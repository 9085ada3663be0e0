"""The rules' column-at-a-time steps (weeks, runs, comebacks) against their plain one-at-a-time definitions.

A long history has thousands of weeks, so these steps work on whole lists in C. Each is held here
to the loop it replaced, on histories with goal changes, either first weekday and any as-of day.
"""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from streak.core.history.goals import GoalTimeline
from streak.core.history.model import DEFAULT_GOAL, GoalChange, History
from streak.core.rules.badges import _first_index, _first_runs, comeback_days
from streak.core.rules.weeks import Week, current_run, days_until, weeks_between
from tests.strategies import histories, ref_week_start

FLAGS = st.lists(st.booleans(), max_size=60)
WEEK_DAYS = st.lists(st.integers(0, 400), max_size=40).map(
    lambda offsets: sorted(date(2020, 12, 28) + timedelta(weeks=n) for n in set(offsets))
)
GOAL_CHANGES = st.lists(st.tuples(st.integers(-20, 3000), st.integers(1, 7)), max_size=5)


def reference_weeks(history: History, days: list[date], first: date, last: date) -> list[Week]:
    """One week at a time: its first day, its goal looked up alone, the days that fall in it."""
    timeline = GoalTimeline(history.goal_changes, history.week_start_day)
    week, end = ref_week_start(first, history.week_start_day), ref_week_start(last, history.week_start_day)
    weeks = []
    while week <= end:
        held = tuple(day for day in days if week <= day < week + timedelta(days=7))
        weeks.append(Week(week, timeline.goal_for(week), held))
        week += timedelta(days=7)
    return weeks


@settings(max_examples=300, deadline=None)
@given(histories(max_weeks=60), st.integers(-30, 30))
def test_weeks_match_a_week_by_week_walk(drawn: tuple[History, date], first_shift: int) -> None:
    history, as_of = drawn
    days = days_until(history, as_of)
    first = (days[0] if days else as_of) + timedelta(days=first_shift)  # days before it are ignored
    assert weeks_between(history, days, first, as_of) == reference_weeks(history, days, first, as_of)


def test_no_weeks_when_the_range_ends_before_it_starts() -> None:
    assert weeks_between(History(), [], date(2026, 1, 12), date(2026, 1, 4)) == []


@settings(max_examples=300, deadline=None)
@given(GOAL_CHANGES, WEEK_DAYS, st.sampled_from(["monday", "sunday"]))
def test_goals_for_many_weeks_match_one_at_a_time(
    changes: list[tuple[int, int]], weeks: list[date], week_start_day: str
) -> None:
    origin = date(2020, 12, 20)
    records = {origin + timedelta(days=offset): goal for offset, goal in changes}
    timeline = GoalTimeline(tuple(GoalChange(day, goal) for day, goal in sorted(records.items())), week_start_day)
    assert timeline.goals_for(weeks) == [timeline.goal_for(week) for week in weeks]


def test_goals_for_weeks_before_any_change_are_the_default() -> None:
    timeline = GoalTimeline((GoalChange(date(2026, 3, 4), 4),), "monday")
    weeks = [date(2026, 2, 23), date(2026, 3, 2), date(2026, 3, 9)]
    assert timeline.goals_for(weeks) == [DEFAULT_GOAL, 4, 4]


@given(FLAGS)
def test_current_run_matches_counting_back(flags: list[bool]) -> None:
    run = 0
    for flag in reversed(flags[:-1]):
        if not flag:
            break
        run += 1
    assert current_run(flags) == (run + 1 if flags and flags[-1] else run)


@given(FLAGS, st.sets(st.integers(1, 15), min_size=1, max_size=4))
def test_first_runs_match_counting_forward(flags: list[bool], lengths: set[int]) -> None:
    expected: dict[int, int] = {}
    run = 0
    for index, flag in enumerate(flags):
        run = run + 1 if flag else 0
        if run in lengths and run not in expected:
            expected[run] = index
    assert _first_runs(flags, lengths) == expected


@given(FLAGS)
def test_first_index_is_the_first_true(flags: list[bool]) -> None:
    assert _first_index(flags) == next((index for index, flag in enumerate(flags) if flag), None)


@given(st.sets(st.integers(0, 2000), max_size=50))
def test_comebacks_are_sessions_fourteen_or_more_days_after_the_last(offsets: set[int]) -> None:
    days = sorted(date(2025, 12, 25) + timedelta(days=n) for n in offsets)
    expected = [day for before, day in zip(days, days[1:]) if (day - before).days >= 14]
    assert comeback_days(days) == expected


def test_a_comeback_needs_fourteen_days_exactly() -> None:
    days = [date(2026, 12, 1), date(2026, 12, 14), date(2026, 12, 28)]
    assert comeback_days(days) == [date(2026, 12, 28)]
