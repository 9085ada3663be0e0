"""Merging copies of one history, over random changes made apart on two or three machines.

A scenario is a common ancestor (a few changes on one machine) copied to two or three machines,
then a run of changes, each made on one copy with the same core functions the commands use and
stamped as the store stamps it. The copies are then merged in every order.

**Replay**, as these tests mean it: one history, starting from the ancestor, receives every change
that changed its own copy (a refused or no-op change recorded nothing, so there is nothing to
replay), one at a time in the order of their change times, each through the same core function:
- a check-in or an edit puts the session as its copy stored it on that day: `add_session` when the
  day is free, `replace_session` when it holds a session (SPEC.md: "the later change wins");
- a removal is `remove_session`, or nothing when the day holds no session any more;
- a goal, rest, first weekday or units change is `set_goal`, `add_rest`, `clear_rest`,
  `set_week_start_day` or `set_units` with the same arguments; rest ranges are widened under the
  first weekday their copy had when the change was made, as that copy widened them;
- a tip shown adds its id to the tips shown.
The replayed and merged histories are compared on what a person recorded: each session's day,
note and lifts; each goal change's from-date and goal; the days that rest; the first weekday,
the units and the tips shown. Change times and removals are bookkeeping and are left out.
"""

from datetime import UTC, date, datetime, timedelta
from functools import reduce
from itertools import permutations
from typing import Any, NamedTuple

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from streak.core.errors import InputError, Refused
from streak.core.history import edits
from streak.core.history.model import History, Removal, Session, Stamp
from streak.core.history.rest import add_rest, clear_rest, cleared_days
from streak.core.history.stamps import stamped
from streak.core.lifts.lift import Lift
from streak.core.sync.merge import merge_histories

TODAY = date(2026, 11, 21)
EPOCH = datetime(2026, 11, 1, tzinfo=UTC)
WINDOW = 42  # six weeks: changes made apart keep landing on the same days, weeks and rest periods

recent_days = st.integers(0, WINDOW).map(lambda n: TODAY - timedelta(days=n))
any_days = st.integers(-14, WINDOW).map(lambda n: TODAY - timedelta(days=n))
notes = st.sampled_from([None, "squats", "lunges", "tired legs"])
lifts = st.sampled_from([(), (Lift("Back squat", 5, 5, 100, "kg"),), (Lift("Romanian deadlift", 3, 8, 60, "kg"),)])


def operations(goal_days: st.SearchStrategy[date]) -> st.SearchStrategy[tuple[Any, ...]]:
    """One change a person can make: what it is and its arguments."""
    return st.one_of(
        st.tuples(st.just("checkin"), recent_days, notes, lifts),
        st.tuples(st.just("edit"), recent_days, notes),
        st.tuples(st.just("remove"), recent_days),
        st.tuples(st.just("goal"), goal_days, st.integers(1, 7)),
        st.tuples(st.just("rest"), any_days, st.integers(0, 16)),
        st.tuples(st.just("unrest"), any_days, st.integers(0, 9)),
        st.tuples(st.just("weekday"), st.sampled_from(["monday", "sunday"])),
        st.tuples(st.just("units"), st.sampled_from(["kg", "lb"])),
        st.tuples(st.just("tip"), st.sampled_from(["legs-1", "legs-2", "squat-3", "rest-4"])),
    )


ALL_GOAL_DAYS = any_days
# Two goal changes on a Sunday and a day beside it share a week under one first weekday only, and
# the merge keeps both (see streak.core.sync.merge); replay, like a single machine, would keep one.
WEEKDAY_GOAL_DAYS = any_days.filter(lambda day: day.weekday() != 6)


def apply(history: History, operation: tuple[Any, ...]) -> History:
    """`history` after one change made through the core, as a command makes it; unchanged if refused."""
    kind, *args = operation
    try:
        if kind == "checkin":
            day, note, lifted = args
            return edits.add_session(history, Session(day, note, lifted), TODAY)
        if kind == "edit":
            day, note = args
            session = history.session_on(day)
            return edits.replace_session(history, session._replace(note=note)) if session else history
        if kind == "remove":
            return edits.remove_session(history, args[0])
        if kind == "goal":
            return edits.set_goal(history, *args)
        if kind in ("rest", "unrest"):
            first, length = args
            return (add_rest if kind == "rest" else clear_rest)(history, first, first + timedelta(days=length))
        if kind == "weekday":
            return edits.set_week_start_day(history, args[0])
        if kind == "units":
            return edits.set_units(history, args[0])
        if args[0] in history.shown_tips:
            return history
        return history._replace(shown_tips=(*history.shown_tips, args[0]))
    except (Refused, InputError):
        return history


def stamp(tick: int, machine: str) -> Stamp:
    """The stamp the store gives a change made `tick` milliseconds after the epoch on `machine`."""
    moment = EPOCH + timedelta(milliseconds=tick)
    return Stamp(moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z", machine)


class Change(NamedTuple):
    """A change that changed its copy: when, what, the copy's first weekday then, and the session it left."""

    stamp: Stamp
    operation: tuple[Any, ...]
    week_start_day: str
    session: Session | None


class Scenario(NamedTuple):
    """The common ancestor, each machine's copy after its changes, and every change that changed a copy."""

    ancestor: History
    copies: list[History]
    changes: list[Change]


def make(history: History, operation: tuple[Any, ...], when: Stamp, changes: list[Change]) -> History:
    """One change on one copy, stamped as `Store.update` stamps it, and noted if it changed the copy."""
    changed = apply(history, operation)
    if changed == history:
        return history
    changed = stamped(changed, when)
    day = operation[1] if operation[0] in ("checkin", "edit") else None
    changes.append(Change(when, operation, history.week_start_day, changed.session_on(day) if day else None))
    return changed


@st.composite
def scenarios(draw: st.DrawFn, goal_days: st.SearchStrategy[date] = ALL_GOAL_DAYS, ties: bool = False) -> Scenario:
    """A common ancestor and two or three copies changed apart.

    Without `ties` every change has its own moment, later than the one before; with `ties`,
    moments come from a handful, repeat across machines and need not increase.
    """
    operation = operations(goal_days)
    moments = st.integers(0, 4) if ties else None
    changes: list[Change] = []
    ancestor, tick = History(), 0
    for step in draw(st.lists(operation, max_size=8)):
        tick += 1
        ancestor = make(ancestor, step, stamp(draw(moments) if ties else tick, "origin"), changes)
    changes.clear()  # the ancestor is where replay starts
    count = draw(st.integers(2, 3))
    copies = [ancestor] * count
    for machine, step in draw(st.lists(st.tuples(st.integers(0, count - 1), operation), min_size=4, max_size=30)):
        tick += 1
        name = draw(st.sampled_from(["m0", "m1"])) if ties else f"m{machine}"
        copies[machine] = make(copies[machine], step, stamp(10 + draw(moments) if ties else tick, name), changes)
    return Scenario(ancestor, copies, changes)


def every_merge(copies: list[History]) -> list[History]:
    """The copies merged in every order and every grouping."""
    if len(copies) == 2:
        a, b = copies
        return [merge_histories(a, b), merge_histories(b, a)]
    results = []
    for a, b, c in permutations(copies):
        results += [merge_histories(merge_histories(a, b), c), merge_histories(a, merge_histories(b, c))]
    return results


def replay(scenario: Scenario) -> History:
    """Every change that changed its copy, applied to the ancestor in the order of the change times (see above)."""
    history = scenario.ancestor
    for change in sorted(scenario.changes, key=lambda change: change.stamp):
        kind, *args = change.operation
        if kind in ("checkin", "edit"):
            session = change.session._replace(changed=None)
            if history.session_on(session.day):
                history = edits.replace_session(history, session)
            else:
                history = edits.add_session(history, session, TODAY)
        elif kind == "remove":
            history = edits.remove_session(history, args[0]) if history.session_on(args[0]) else history
        elif kind in ("rest", "unrest"):
            as_then = history._replace(settings=history.settings._replace(week_start_day=change.week_start_day))
            history = apply(as_then, change.operation)._replace(settings=history.settings)
        else:
            history = apply(history, change.operation)
    return history


def rest_days(history: History) -> set[date]:
    return {p.first + timedelta(days=n) for p in history.rest_periods for n in range((p.last - p.first).days + 1)}


def recorded(history: History) -> tuple[object, ...]:
    """What a person recorded (see above), leaving out change times and removals."""
    return (
        [(s.day, s.note, s.lifts) for s in history.sessions],
        [(c.since, c.goal) for c in history.goal_changes],
        rest_days(history),
        history.week_start_day,
        history.units,
        set(history.shown_tips),
    )


CHECKS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@CHECKS
@given(scenarios(ties=True))
def test_merging_is_order_free_and_idempotent_even_on_equal_change_times(scenario: Scenario) -> None:
    """In every order and grouping the copies merge to one history; merging it with itself or any copy again changes nothing."""
    merged, *others = every_merge(scenario.copies)
    assert all(other == merged for other in others)
    assert merge_histories(merged, merged) == merged
    for copy in [scenario.ancestor, *scenario.copies]:
        assert merge_histories(merged, copy) == merged
        assert merge_histories(copy, merge_histories(copy, merged)) == merged


@CHECKS
@given(scenarios())
def test_merging_in_any_order_gives_the_same_history(scenario: Scenario) -> None:
    """Distinct, increasing change times: every order and grouping agrees, value for value."""
    merged, *others = every_merge(scenario.copies)
    assert all(other == merged for other in others)
    assert merge_histories(merge_histories(merged, scenario.copies[0]), scenario.copies[-1]) == merged


@CHECKS
@given(scenarios(goal_days=WEEKDAY_GOAL_DAYS))
def test_the_merge_equals_replaying_every_change_in_time_order(scenario: Scenario) -> None:
    """What the merged copies hold is what one machine would hold after every change, in time order."""
    merged = every_merge(scenario.copies)[0]
    assert recorded(merged) == recorded(replay(scenario))


def block(day: date) -> date:
    """The days whose goal changes compete in a merge: Monday to Saturday of one week, or one Sunday alone."""
    return day if day.weekday() == 6 else day - timedelta(days=day.weekday())


def _removals(histories: list[History]) -> list[Removal]:
    return [removal for history in histories for removal in history.removals]


@CHECKS
@given(scenarios(ties=True))
def test_a_removal_is_never_undone_by_an_older_copy(scenario: Scenario) -> None:
    """Whatever a copy removed stays removed unless a change made at or after the removal brings it back."""
    merged = reduce(merge_histories, [scenario.ancestor, *scenario.copies])
    for removal in _removals(scenario.copies):
        if removal.kind == "session":
            session = merged.session_on(date.fromisoformat(removal.key))
            assert session is None or session.changed >= removal.changed
        elif removal.kind == "goal":
            for change in merged.goal_changes:
                if block(change.since) == block(date.fromisoformat(removal.key)):
                    assert change.changed >= removal.changed
        else:
            first, last = cleared_days(removal)
            for period in merged.rest_periods:
                if period.first <= last and period.last >= first:
                    assert period.changed >= removal.changed


@CHECKS
@given(scenarios(ties=True))
def test_nothing_either_side_recorded_is_lost(scenario: Scenario) -> None:
    """Each record of each copy is in the merge as it was or as changed later, or a later removal took it."""
    merged = every_merge(scenario.copies)[0]
    removals = _removals(scenario.copies)
    for copy in scenario.copies:
        for session in copy.sessions:
            kept = merged.session_on(session.day)
            removed = [r for r in removals if r.kind == "session" and r.key == session.day.isoformat()]
            assert (kept and kept.changed >= session.changed) or any(r.changed > session.changed for r in removed)
        for change in copy.goal_changes:
            kept = [c for c in merged.goal_changes if c.since == change.since]
            assert (kept and kept[0].changed >= change.changed) or _superseded_in_block(change, merged, removals)
        merged_rest = rest_days(merged)
        for period in copy.rest_periods:
            for day in _days(period.first, period.last):
                if day not in merged_rest:
                    assert any(
                        r.kind == "rest"
                        and r.changed > period.changed
                        and cleared_days(r)[0] <= day <= cleared_days(r)[1]
                        for r in removals
                    )
        assert set(copy.shown_tips) <= set(merged.shown_tips)
        assert merged.settings.week_start_changed >= copy.settings.week_start_changed
        assert merged.settings.units_changed >= copy.settings.units_changed


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def _superseded_in_block(change: Any, merged: History, removals: list[Removal]) -> bool:
    """A goal change gone from the merge went to a later change or removal in its block."""
    later_changes = [
        c for c in merged.goal_changes if block(c.since) == block(change.since) and c.changed >= change.changed
    ]
    later_removals = [
        r for r in removals
        if r.kind == "goal" and block(date.fromisoformat(r.key)) == block(change.since) and r.changed > change.changed
    ]  # fmt: skip
    return bool(later_changes or later_removals)
