"""The merge rules one case at a time: sessions, removals, goal changes, rest, settings, tips and ties."""

from datetime import date

import pytest

from streak.core.history import edits
from streak.core.history.model import ORIGINAL, GoalChange, History, Lift, Removal, Session, Settings, Stamp
from streak.core.history.rest import add_rest, clear_rest, rest_spans
from streak.core.history.stamps import stamped
from streak.core.sync.merge import merge_histories

D = date.fromisoformat
TODAY = D("2026-11-21")


def at(tick: int, machine: str = "laptop") -> Stamp:
    return Stamp(f"2026-11-21T10:00:00.{tick:03d}Z", machine)


def change(history: History, edit, tick: int, machine: str = "laptop") -> History:  # noqa: ANN001
    """`edit` applied and stamped, as the store saves a change made at `tick` on `machine`."""
    return stamped(edit(history), at(tick, machine))


BASE = change(History(), lambda h: edits.add_session(h, Session(D("2026-11-16"), "squats"), TODAY), 1)


def test_sessions_from_both_sides_are_kept() -> None:
    """Check-ins on different days on two machines all appear once."""
    laptop = change(BASE, lambda h: edits.add_session(h, Session(D("2026-11-18")), TODAY), 2, "laptop")
    desktop = change(BASE, lambda h: edits.add_session(h, Session(D("2026-11-19")), TODAY), 3, "desktop")
    assert [s.day for s in merge_histories(laptop, desktop).sessions] == [
        D("2026-11-16"),
        D("2026-11-18"),
        D("2026-11-19"),
    ]


def test_notes_written_apart_on_one_day_are_joined_in_the_order_made() -> None:
    """Two edits of one note made without seeing each other: both are kept, joined with " / ", whichever side is which."""
    laptop = change(BASE, lambda h: edits.replace_session(h, Session(D("2026-11-16"), "front squats")), 3, "laptop")
    desktop = change(BASE, lambda h: edits.replace_session(h, Session(D("2026-11-16"), "lunges")), 2, "desktop")
    assert merge_histories(laptop, desktop).session_on(D("2026-11-16")).note == "lunges / front squats"
    assert merge_histories(desktop, laptop) == merge_histories(laptop, desktop)


def test_check_ins_on_one_day_on_two_machines_keep_both_sides_lifts() -> None:
    """The same day checked in apart, even in the same millisecond: one session holding every lift of both."""
    squat, lunge = Lift("Back squat", 5, 5, 100.0, "kg"), Lift("Lunge", 3, 10, 0.0, "kg")
    a = change(History(), lambda h: edits.add_session(h, Session(D("2026-11-16"), "a", (squat,)), TODAY), 5, "aaa")
    b = change(History(), lambda h: edits.add_session(h, Session(D("2026-11-16"), "b", (lunge,)), TODAY), 5, "bbb")
    merged = merge_histories(a, b)
    assert merged == merge_histories(b, a) and len(merged.sessions) == 1
    assert (merged.sessions[0].note, merged.sessions[0].lifts) == ("a / b", (squat, lunge))


def test_a_removal_takes_only_the_parts_its_maker_saw() -> None:
    """Removed on one machine; a note written on another before or after, unseen, keeps the day (without the check-in)."""
    removed = change(BASE, lambda h: edits.remove_session(h, D("2026-11-16")), 3, "laptop")
    for tick in (2, 4):
        edited = change(BASE, lambda h: edits.replace_session(h, Session(D("2026-11-16"), "x")), tick, "desktop")
        merged = merge_histories(removed, edited)
        assert [(s.day, s.note) for s in merged.sessions] == [(D("2026-11-16"), "x")]
        assert merged == merge_histories(edited, removed)
    seen_and_removed = change(merge_histories(removed, edited), lambda h: edits.remove_session(h, D("2026-11-16")), 6)
    assert merge_histories(seen_and_removed, edited).sessions == ()


def test_an_older_copy_never_brings_back_a_removed_session() -> None:
    """The copy from before the removal still holds the session; the merge does not."""
    removed = change(BASE, lambda h: edits.remove_session(h, D("2026-11-16")), 2)
    assert merge_histories(BASE, removed).sessions == () and merge_histories(removed, BASE).sessions == ()


def test_a_whole_day_removal_from_before_parts_removes_the_parts_made_before_it() -> None:
    """A schema-2 removal of a day: parts made before it go, parts made at the same moment or later stay."""
    older = change(History(), lambda h: edits.add_session(h, Session(D("2026-11-16"), "old"), TODAY), 4)
    same = change(History(), lambda h: edits.add_session(h, Session(D("2026-11-16"), "same"), TODAY), 5)
    day_removed = History(removals=(Removal("session", "2026-11-16", at(5)),))
    assert merge_histories(older, day_removed).sessions == ()
    assert merge_histories(same, day_removed).sessions == same.sessions


def test_goal_changes_in_one_week_keep_the_later_made() -> None:
    """Monday's change made later wins over Wednesday's made earlier, though Wednesday is the later from-date."""
    laptop = change(BASE, lambda h: edits.set_goal(h, D("2026-11-18"), 3), 2, "laptop")
    desktop = change(BASE, lambda h: edits.set_goal(h, D("2026-11-16"), 4), 3, "desktop")
    assert merge_histories(laptop, desktop).goal_changes == (GoalChange(D("2026-11-16"), 4, at(3, "desktop")),)


def test_goal_changes_in_different_weeks_are_both_kept() -> None:
    """A change per week from each side: the union."""
    laptop = change(BASE, lambda h: edits.set_goal(h, D("2026-11-09"), 3), 2, "laptop")
    desktop = change(BASE, lambda h: edits.set_goal(h, D("2026-11-16"), 4), 3, "desktop")
    assert [(c.since, c.goal) for c in merge_histories(laptop, desktop).goal_changes] == [
        (D("2026-11-09"), 3),
        (D("2026-11-16"), 4),
    ]


def test_a_sunday_goal_change_and_one_beside_it_are_both_kept() -> None:
    """They share a week under one first weekday only, so the merge keeps both and the later from-date rules that week."""
    laptop = change(BASE, lambda h: edits.set_goal(h, D("2026-11-22"), 3), 2, "laptop")  # a Sunday
    desktop = change(BASE, lambda h: edits.set_goal(h, D("2026-11-21"), 4), 3, "desktop")  # the Saturday before
    assert [c.since for c in merge_histories(laptop, desktop).goal_changes] == [D("2026-11-21"), D("2026-11-22")]


def test_rest_weeks_cleared_on_each_side_both_stay_cleared() -> None:
    """A three-week rest: one machine clears the first week, the other the last; only the middle week rests."""
    resting = change(BASE, lambda h: add_rest(h, D("2026-11-02"), D("2026-11-22")), 2)
    laptop = change(resting, lambda h: clear_rest(h, D("2026-11-02"), D("2026-11-02")), 3, "laptop")
    desktop = change(resting, lambda h: clear_rest(h, D("2026-11-22"), D("2026-11-22")), 4, "desktop")
    merged = merge_histories(laptop, desktop)
    assert rest_spans(merged.rest_periods) == [(D("2026-11-09"), D("2026-11-15"))]
    assert {r.key for r in merged.removals} == {"2026-11-02/2026-11-08", "2026-11-16/2026-11-22"}


def test_rest_added_after_a_clear_rests_again_and_added_before_does_not() -> None:
    """Each day follows the latest word on it."""
    resting = change(BASE, lambda h: add_rest(h, D("2026-11-02"), D("2026-11-02")), 2)
    cleared = change(resting, lambda h: clear_rest(h, D("2026-11-02"), D("2026-11-02")), 3)
    for tick, rests in ((2, False), (4, True)):
        added = change(BASE, lambda h: add_rest(h, D("2026-11-04"), D("2026-11-04")), tick, "desktop")
        assert bool(merge_histories(cleared, added).rest_periods) is rests


def test_rest_commands_lay_their_whole_range_over_older_rest() -> None:
    """Adding next to a rest period keeps both (joined only for display); clearing a week splits a period."""
    history = change(History(), lambda h: add_rest(h, D("2026-11-02"), D("2026-11-08")), 1)
    history = change(history, lambda h: add_rest(h, D("2026-11-09"), D("2026-11-15")), 2)
    assert [(p.first, p.last, p.changed) for p in history.rest_periods] == [
        (D("2026-11-02"), D("2026-11-08"), at(1)), (D("2026-11-09"), D("2026-11-15"), at(2)),
    ]  # fmt: skip
    assert rest_spans(history.rest_periods) == [(D("2026-11-02"), D("2026-11-15"))]
    assert add_rest(history, D("2026-11-10"), D("2026-11-10")) is history  # resting already
    cleared = change(history, lambda h: clear_rest(h, D("2026-11-03"), D("2026-11-10")), 3)
    assert cleared.rest_periods == () and [r.key for r in cleared.removals] == ["2026-11-02/2026-11-15"]
    assert clear_rest(cleared, D("2026-11-03"), D("2026-11-03")) is cleared  # nothing rests there


def test_settings_merge_field_by_field() -> None:
    """The first weekday from one side and the units from the other, each changed later there."""
    laptop = change(BASE, lambda h: edits.set_week_start_day(h, "sunday"), 2, "laptop")
    desktop = change(BASE, lambda h: edits.set_units(h, "lb"), 3, "desktop")
    merged = merge_histories(laptop, desktop)
    assert (merged.week_start_day, merged.units) == ("sunday", "lb") and merge_histories(desktop, laptop) == merged


def test_settings_both_untouched_since_schema_1_settle_alike() -> None:
    """Two migrated copies that disagree with equal (original) change times settle on the same value either way."""
    monday, sunday = History(settings=Settings("monday")), History(settings=Settings("sunday"))
    assert merge_histories(monday, sunday) == merge_histories(sunday, monday)
    assert Settings().week_start_changed == ORIGINAL


def test_tips_shown_are_the_union_in_a_fixed_order() -> None:
    """Both sides' tips count as shown; the order does not depend on which side is which."""
    a, b = History(shown_tips=("t-2", "t-1")), History(shown_tips=("t-3", "t-1"))
    assert merge_histories(a, b).shown_tips == ("t-1", "t-2", "t-3") == merge_histories(b, a).shown_tips


@pytest.mark.parametrize("kind", ["session", "goal", "rest", "lift"])
def test_removals_the_merge_cannot_read_are_kept_as_they_are(kind: str) -> None:
    """A removal whose key is not a day (or range) for its kind stays, the latest per key; it removes nothing."""
    odd = History(BASE.sessions, removals=(Removal(kind, "not-a-day", at(9)),))
    merged = merge_histories(odd, BASE)
    assert merged.removals == odd.removals and merged.sessions == BASE.sessions
    assert merge_histories(merged, merged) == merged


def test_a_later_switch_of_the_first_weekday_cannot_make_the_goal_merge_depend_on_order() -> None:
    """Why a Sunday change is not settled by the merged first weekday.

    Weeks start on Sunday; one machine sets a goal from Sunday 15th, another from Monday 16th (the
    same Sunday week), a third switches weeks to Monday (then they are different weeks). Settled by
    the merged first weekday, merging the first two before the third would drop Sunday's change,
    and merging the last two first would keep it. Kept both ways, every order agrees.
    """
    sunday_weeks = change(BASE, lambda h: edits.set_week_start_day(h, "sunday"), 2)
    a = change(sunday_weeks, lambda h: edits.set_goal(h, D("2026-11-15"), 3), 3, "a")
    b = change(sunday_weeks, lambda h: edits.set_goal(h, D("2026-11-16"), 4), 4, "b")
    c = change(sunday_weeks, lambda h: edits.set_week_start_day(h, "monday"), 5, "c")
    results = {
        merge_histories(merge_histories(a, b), c),
        merge_histories(a, merge_histories(b, c)),
        merge_histories(merge_histories(c, a), b),
        merge_histories(b, merge_histories(c, a)),
    }
    assert len(results) == 1
    assert [g.since for g in results.pop().goal_changes] == [D("2026-11-15"), D("2026-11-16")]
