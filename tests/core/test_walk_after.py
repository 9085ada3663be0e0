"""A check-in's walk takes up from the weeks before the one it changed, and ends exactly where a walk from the start does."""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from streak.core.history.model import RestPeriod
from streak.core.rules.walk import walk, walk_after
from streak.core.rules.weeks import RestCalendar, Week

FIRST_WEEK = date(2024, 12, 30)  # a Monday, so the weeks cross a year's end
WEEK_SHAPES = st.lists(st.tuples(st.integers(1, 4), st.integers(0, 5)), min_size=1, max_size=40)


def weeks_of(shapes: list[tuple[int, int]]) -> list[Week]:
    """A week for each (goal, sessions), the first always holding a session as a walk's first week does."""
    weeks = []
    for index, (goal, sessions) in enumerate(shapes):
        start = FIRST_WEEK + timedelta(weeks=index)
        days = tuple(start + timedelta(days=day) for day in range(max(sessions, 1 if index == 0 else 0)))
        weeks.append(Week(start, goal, days))
    return weeks


@settings(max_examples=400, deadline=None)
@given(WEEK_SHAPES, st.data())
def test_a_walk_taken_up_at_a_changed_week_is_the_whole_walk(shapes: list, data: st.DataObject) -> None:
    """Missed weeks then repaired or not, freezes earned and spent, rest weeks: from any week on, any change."""
    first = data.draw(st.integers(0, len(shapes) - 1))
    changed = shapes[:first] + data.draw(st.lists(st.tuples(st.integers(1, 4), st.integers(0, 5)),
                                                  min_size=len(shapes) - first, max_size=len(shapes) - first))  # fmt: skip
    rested = data.draw(st.lists(st.integers(0, len(shapes) - 1), max_size=3))
    rest = RestCalendar(
        tuple(
            RestPeriod(FIRST_WEEK + timedelta(weeks=w, days=2), FIRST_WEEK + timedelta(weeks=w, days=3)) for w in rested
        )
    )
    before, after = weeks_of(shapes), weeks_of(changed)
    assert walk_after(walk(before, rest), after, rest, first) == walk(after, rest)


def test_a_repair_the_changed_week_made_is_walked_again() -> None:
    """Week 3 repaired the missed week 2 with three sessions; taken back to two, week 2 is missed again."""
    rest = RestCalendar(())
    repaired = weeks_of([(2, 2), (2, 2), (2, 0), (2, 3), (2, 0)])
    before = walk(repaired, rest)
    assert before.states[2] == "repaired"
    undone = weeks_of([(2, 2), (2, 2), (2, 0), (2, 2), (2, 0)])
    after = walk_after(before, undone, rest, 3)
    assert after.states[2] == "missed" and after == walk(undone, rest)
