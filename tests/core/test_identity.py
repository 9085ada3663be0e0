"""Finding what an edit left as the very same values, by their ends, agrees with looking up every value."""

from hypothesis import given
from hypothesis import strategies as st

from streak.core.history.identity import only_in, shared_ends


class Record:
    """A value compared by identity only, as the writer compares records."""


POOL = [Record() for _ in range(12)]
RECORDS = st.lists(st.sampled_from(POOL), unique=True, max_size=12)


@st.composite
def edited(draw: st.DrawFn) -> tuple[list[Record], list[Record]]:
    """A tuple of records and the same after edits: some added, removed or replaced anywhere, or reordered."""
    before = draw(RECORDS)
    after = list(before)
    for _ in range(draw(st.integers(0, 3))):
        fresh = Record()
        place = draw(st.integers(0, len(after)))
        kind = draw(st.sampled_from(["add", "remove", "replace", "shuffle"]))
        if kind == "add":
            after.insert(place, fresh)
        elif after and kind == "remove":
            del after[min(place, len(after) - 1)]
        elif after and kind == "replace":
            after[min(place, len(after) - 1)] = fresh
        elif kind == "shuffle":
            after = draw(st.permutations(after))
    return before, after


@given(edited())
def test_only_in_is_every_value_not_among_the_others(records: tuple[list[Record], list[Record]]) -> None:
    before, after = records
    assert only_in(tuple(after), tuple(before)) == [value for value in after if all(value is not old for old in before)]
    assert only_in(tuple(before), tuple(after)) == [value for value in before if all(value is not new for new in after)]


@given(edited())
def test_the_shared_ends_are_the_same_objects_and_never_overlap(records: tuple[list[Record], list[Record]]) -> None:
    before, after = records
    head, tail = shared_ends(after, before)
    assert head + tail <= min(len(before), len(after))
    assert all(a is b for a, b in zip(after[:head], before[:head], strict=True))
    assert all(a is b for a, b in zip(after[len(after) - tail :], before[len(before) - tail :], strict=True))


def test_a_check_in_among_ten_thousand_differs_in_one_place() -> None:
    sessions = tuple(Record() for _ in range(10_000))
    added = Record()
    after = (*sessions[:4000], added, *sessions[4000:])
    assert shared_ends(after, sessions) == (4000, 6000)
    assert only_in(after, sessions) == [added]
    assert only_in(sessions, after) == []
