"""A synced copy is held to the rules of typed input: what breaks one is left out, named, and the rest kept."""

from datetime import date, datetime, timedelta

from streak.core.history.model import GoalChange, History, Lift, Parts, RestPeriod, Session, Stamp, session_from_parts
from streak.core.history.stamps import part_id
from streak.core.sync.check import LeftOut, checked_copy, clock_ahead, how_far

D = date.fromisoformat
TODAY = D("2026-11-21")
SQUAT = Lift("back squat", 5, 5, 100.0, "kg")


def lifts_kept(history: History, day: str) -> tuple[Lift, ...]:
    session = history.session_on(D(day))
    assert session is not None
    return session.lifts


def test_a_clean_copy_comes_back_as_it_was() -> None:
    """Nothing typed input could make is touched: the very same history, nothing named."""
    history = History(
        (Session(D("2026-11-16"), "heavy day", (SQUAT,) * 20),),
        (GoalChange(D("2026-11-16"), 3),),
        rest_periods=(RestPeriod(D("2026-12-01"), D("2026-12-07")),),
    )
    assert checked_copy(history, TODAY) == (history, ())


def test_lifts_past_twenty_on_a_day_are_left_out_and_the_first_twenty_kept() -> None:
    """32 lifts on a day: the session keeps the first 20 in the order entered; 12 are named."""
    lifts = tuple(Lift("back squat", 5, 5, float(60 + n), "kg") for n in range(32))
    checked = checked_copy(History((Session(D("2026-11-19"), "big", lifts),)), TODAY)
    assert lifts_kept(checked.history, "2026-11-19") == lifts[:20]
    assert checked.left_out == (LeftOut("lift", D("2026-11-19"), "a session holds at most 20 lifts"),) * 12
    assert checked.history.sessions[0].note == "big"


def test_a_lift_out_of_range_is_left_out_and_the_others_of_its_session_kept() -> None:
    """100.005 kg (three decimals), an 80-character name, 21 sets: each left out on its own, with why."""
    bad = (
        Lift("back squat", 5, 5, 100.005, "kg"),
        Lift("x" * 80, 3, 8, 60.0, "kg"),
        Lift("lunge", 21, 8, 0.0, "kg"),
    )
    checked = checked_copy(History((Session(D("2026-11-19"), None, (SQUAT, *bad)),)), TODAY)
    assert lifts_kept(checked.history, "2026-11-19") == (SQUAT,)
    assert [thing.why for thing in checked.left_out] == [
        "the weight 100.005 has more than 2 decimals",
        "the exercise name is 80 characters long; keep it to 60",
        "sets must be from 1 to 20, not 21",
    ]


def test_an_exercise_name_with_an_escape_or_a_bidi_control_is_left_out() -> None:
    """A name that would move the cursor or read backwards never reaches the history."""
    lifts = (Lift("squat\x1b[2J", 5, 5, 100.0, "kg"), Lift("squat\u202e", 5, 5, 100.0, "kg"), SQUAT)
    checked = checked_copy(History((Session(D("2026-11-19"), None, lifts),)), TODAY)
    assert lifts_kept(checked.history, "2026-11-19") == (SQUAT,)
    assert "control character" in checked.left_out[0].why and "bidirectional" in checked.left_out[1].why


def test_a_note_with_a_control_character_or_over_500_characters_is_left_out_and_the_session_kept() -> None:
    """The session and its lifts stay; only the note goes."""
    history = History(
        (
            Session(D("2026-11-18"), "ok\x07", (SQUAT,)),
            Session(D("2026-11-19"), "n" * 501),
            Session(D("2026-11-20"), "fine"),
        ),
    )
    checked = checked_copy(history, TODAY)
    assert [(s.day, s.note, s.lifts) for s in checked.history.sessions] == [
        (D("2026-11-18"), None, (SQUAT,)),
        (D("2026-11-19"), None, ()),
        (D("2026-11-20"), "fine", ()),
    ]
    assert [(thing.what, thing.day) for thing in checked.left_out] == [
        ("note", D("2026-11-18")),
        ("note", D("2026-11-19")),
    ]
    assert checked.left_out[1].why == "over 500 characters"


def test_a_session_after_today_or_outside_the_supported_years_is_left_out() -> None:
    """Days a check-in could never record; the days beside them stay."""
    history = History((Session(D("1899-12-31")), Session(D("2026-11-21")), Session(D("2026-11-22"))))
    checked = checked_copy(history, TODAY)
    assert [s.day for s in checked.history.sessions] == [D("2026-11-21")]
    assert checked.left_out == (
        LeftOut("session", D("1899-12-31"), "outside the years 1900 to 9998"),
        LeftOut("session", D("2026-11-22"), "a day after today"),
    )


def test_a_goal_outside_one_to_seven_is_left_out_but_a_future_goal_change_is_kept() -> None:
    """Goal changes may be set from a future date; a goal of 9 could never be typed."""
    changes = (GoalChange(D("2026-11-16"), 9), GoalChange(D("2027-01-04"), 3))
    checked = checked_copy(History(goal_changes=changes), TODAY)
    assert checked.history.goal_changes == (changes[1],)
    assert checked.left_out == (LeftOut("goal change", D("2026-11-16"), "a goal of 9, not 1 to 7"),)


def stamped_at(moment: str) -> History:
    """A history whose one session was checked in at `moment` (its check-in part carries the stamp)."""
    parts = Parts(checkins=((part_id(Stamp(moment, "laptop"), 0), None),))
    return History((session_from_parts(D("2026-11-20"), parts),))


def test_a_clock_more_than_a_day_ahead_is_measured() -> None:
    """Stamps three years ahead of this machine's clock: three years; a few hours ahead: nothing to say."""
    now = datetime.fromisoformat("2026-11-21T18:30:00+00:00")
    assert how_far(clock_ahead(stamped_at("2029-11-22T09:00:00.000Z"), now)) == "3 years"
    assert how_far(clock_ahead(stamped_at("2026-11-26T09:00:00.000Z"), now)) == "4 days"
    assert clock_ahead(stamped_at("2026-11-22T09:00:00.000Z"), now) is None
    assert clock_ahead(stamped_at("2026-11-20T09:00:00.000Z"), now) is None
    assert clock_ahead(History(), now) is None


def test_how_far_uses_the_largest_whole_unit() -> None:
    assert [how_far(timedelta(days=n)) for n in (1, 2, 20, 90, 800)] == [
        "24 hours",
        "2 days",
        "2 weeks",
        "3 months",
        "2 years",
    ]
