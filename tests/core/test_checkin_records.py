"""A check-in's records and figures, read from the log once, agree with computing them from scratch."""

import random
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from streak.core.history.model import History, Lift, Session
from streak.core.rules.checkin import check_in, records_set_by
from streak.core.rules.status import compute_status
from tests.strategies import histories

TODAY = date(2026, 11, 21)
EXERCISES = ("Back squat", "Romanian deadlift", "Walking lunge")

lifts = st.lists(
    st.builds(
        Lift,
        st.sampled_from(EXERCISES),
        st.integers(1, 5),
        st.integers(1, 12),
        st.sampled_from([0.0, 40.0, 60.0, 62.5, 80.0, 100.0, 135.0]),
        st.sampled_from(["kg", "lb"]),
    ),
    max_size=3,
).map(tuple)


DAYS_BACK = st.sets(st.integers(1, 120), max_size=30)  # built once, not in every draw


@st.composite
def logs(draw: st.DrawFn) -> History:
    """A few months of sessions, each with up to three lifts."""
    offsets = sorted(draw(DAYS_BACK))
    return History(tuple(Session(TODAY - timedelta(days=n), None, draw(lifts)) for n in reversed(offsets)))


@settings(max_examples=150, deadline=None)
@given(logs(), lifts, st.integers(0, 130))
def test_records_and_status_of_a_check_in_match_a_fresh_computation(history: History, new: tuple, back: int) -> None:
    """Whether the day is the newest or filled in behind, the records and badges are those of a full recount."""
    day = TODAY - timedelta(days=back)
    if history.session_on(day):
        return
    session = Session(day, None, new)
    recorded, result = check_in(history, session, TODAY, random.Random(0).choice)
    assert list(result.records) == records_set_by(history, session)
    assert result.status == compute_status(recorded, TODAY)
    assert result.before == compute_status(history, TODAY)


@settings(max_examples=200, deadline=None)
@given(histories(max_weeks=30), st.integers(0, 20))
def test_the_status_after_a_check_in_is_a_full_recount_whatever_the_weeks(drawn: tuple, later: int) -> None:
    """The weeks after a check-in are those before it with the day added: under goal changes, Sunday weeks and rest."""
    history, as_of = drawn
    last = history.sessions[-1].day if history.sessions else as_of - timedelta(days=later)
    day = min(last + timedelta(days=1 + later), as_of)
    if history.session_on(day) or (history.sessions and day <= last):
        return
    recorded, result = check_in(history, Session(day), as_of, random.Random(0).choice)
    assert result.status == compute_status(recorded, as_of)
    assert result.before == compute_status(history, as_of)
