"""Change stamps: the latest one in a history, and the next one a change gets (a hybrid logical clock)."""

from datetime import UTC, date, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from streak.core.history.edits import add_session, replace_session
from streak.core.history.model import History, Lift, Session, Stamp
from streak.core.history.stamps import latest_stamp, next_stamp, stamp_text, stamped

moments = st.datetimes(datetime(1971, 1, 1), datetime(9990, 12, 31), timezones=st.just(UTC))


@given(moments, moments)
def test_the_next_stamp_is_the_clock_or_one_millisecond_after_the_latest(now: datetime, latest: datetime) -> None:
    """Read back from its own text, as strptime reads it: never behind the file's latest stamp, never behind the clock."""
    stamp = next_stamp(now, "b", Stamp(stamp_text(latest), "a"))
    later = datetime.strptime(stamp_text(latest), "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC) + timedelta(
        milliseconds=1
    )
    assert stamp.at == max(stamp_text(now), stamp_text(later))


def test_a_stamp_streak_did_not_write_does_not_move_the_clock() -> None:
    assert (
        next_stamp(datetime(2026, 11, 21, 9, tzinfo=UTC), "b", Stamp("someday", "a")).at == "2026-11-21T09:00:00.000Z"
    )


def test_the_latest_stamp_is_found_among_check_ins_notes_and_lifts_alike() -> None:
    history = History()
    for n, day in enumerate((date(2026, 11, 16), date(2026, 11, 19))):
        history = stamped(
            add_session(history, Session(day, "squats"), date(2026, 11, 21)), Stamp(f"2026-11-2{n}T10:00:00.000Z", "m")
        )
    assert latest_stamp(history) == Stamp("2026-11-21T10:00:00.000Z", "m")
    session = history.sessions[0]
    lifted = session._replace(lifts=(Lift("Back squat", 5, 5, 100, "kg"),))
    history = stamped(replace_session(history, lifted), Stamp("2026-11-22T08:00:00.000Z", "n"))
    assert latest_stamp(history) == Stamp("2026-11-22T08:00:00.000Z", "n")
    assert latest_stamp(History()) == Stamp("1970-01-01T00:00:00.000Z", "")
