"""Lifts read back into the sessions that hold them, whatever the number each session holds.

The reader builds every lift of the file in one go and deals them back to their sessions by
count (storage/datafile/read.py): a count off by one would move a lift to the next day's session.
"""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from streak.core.history.model import History, Lift, Session, Stamp
from streak.core.history.stamps import stamped
from streak.storage.datafile.read import history_from
from streak.storage.datafile.schema import fresh_tables
from streak.storage.datafile.write import write_history

LIFTS = st.builds(
    Lift,
    st.sampled_from(["Back squat", "Romanian deadlift", "Sled push", "Walking lunge"]),
    st.integers(1, 10),
    st.integers(1, 30),
    st.sampled_from([0, 20.5, 60.0, 100.0, 142.5]),
    st.sampled_from(["kg", "lb"]),
)
# A session holds no lift, one or several, and some days none of the sessions around it do.
SESSIONS = st.lists(st.tuples(st.integers(1, 4), st.none() | st.text(max_size=5), st.lists(LIFTS, max_size=5)))
STAMP = Stamp("2026-12-03T18:00:00.000Z", "machine-a")


def history_of(drawn: list[tuple[int, str | None, list[Lift]]]) -> History:
    day, sessions = date(2024, 1, 1), []
    for gap, note, lifts in drawn:
        day += timedelta(days=gap)
        sessions.append(Session(day, note or None, tuple(lifts)))
    return History(tuple(sessions))


@settings(max_examples=200, deadline=None)
@given(SESSIONS)
def test_each_session_reads_back_its_own_lifts_with_their_ids(drawn: list) -> None:  # type: ignore[type-arg]
    history = stamped(history_of(drawn), STAMP)
    read = history_from(write_history(fresh_tables(), History(), history).tables)
    assert [(s.day, s.note, s.lifts) for s in read.sessions] == [(s.day, s.note, s.lifts) for s in history.sessions]
    assert [s.parts.lift_ids for s in read.sessions] == [s.parts.lift_ids for s in history.sessions]
    assert all(len(s.parts.lift_ids) == len(s.lifts) and s.parts.lifts is s.lifts for s in read.sessions)


def test_a_log_whose_lifts_sit_on_some_days_only() -> None:
    squat, lunge = Lift("Back squat", 5, 5, 100.0, "kg"), Lift("Walking lunge", 3, 12, 0, "kg")
    history = stamped(
        History(
            (
                Session(date(2026, 11, 2)),
                Session(date(2026, 11, 5), lifts=(squat, lunge, squat)),
                Session(date(2026, 11, 9)),
                Session(date(2026, 11, 12), lifts=(lunge,)),
            )
        ),
        STAMP,
    )
    read = history_from(write_history(fresh_tables(), History(), history).tables)
    assert [s.lifts for s in read.sessions] == [(), (squat, lunge, squat), (), (lunge,)]
