"""Merging copies of one history, over random changes made apart on two to four machines.

A scenario is a common ancestor (a few changes on one machine) copied to two to four machines,
then a run of changes, each made on one copy with the same core functions the commands use and
stamped as the store stamps it (a hybrid logical clock over the machine's own clock, which on
the last machine runs years ahead), with syncs between copies along the way. The copies are
then merged in every order.

Sessions are sets of parts: the laws for them are that every part made and not removed by a
removal that named it is in the merge, and no part a removal named ever is. Goal changes, rest
and settings keep "the later-made change wins", and for them the merge is compared with replay.

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
The replayed and merged histories are compared on each goal change's from-date and goal; the days
that rest; the first weekday, the units and the tips shown. Change times and removals are
bookkeeping and are left out.
"""

from datetime import UTC, date, datetime, timedelta
from functools import cache, reduce
from itertools import permutations
from typing import Any, NamedTuple

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from streak.core.errors import InputError, Refused
from streak.core.history import edits
from streak.core.history.model import History, Removal, Session, Stamp
from streak.core.history.rest import add_rest, clear_rest, cleared_days
from streak.core.history.stamps import latest_stamp, next_stamp, stamped
from streak.core.lifts.lift import Lift
from streak.core.sync.merge import merge_histories

TODAY = date(2026, 11, 21)
EPOCH = datetime(2026, 11, 1, tzinfo=UTC)
WINDOW = 42  # six weeks: changes made apart keep landing on the same days, weeks and rest periods

recent_days = st.integers(0, WINDOW).map(lambda n: TODAY - timedelta(days=n))
any_days = st.integers(-14, WINDOW).map(lambda n: TODAY - timedelta(days=n))
notes = st.sampled_from([None, "squats", "lunges", "tired legs"])
lifts = st.sampled_from([(), (Lift("Back squat", 5, 5, 100, "kg"),), (Lift("Romanian deadlift", 3, 8, 60, "kg"),)])


@cache  # built once: a strategy made afresh inside every draw is validated again each time (a third of the cost)
def operations(goal_days: st.SearchStrategy[date]) -> st.SearchStrategy[tuple[Any, ...]]:
    """One change a person can make: what it is and its arguments."""
    return st.one_of(
        st.tuples(st.just("checkin"), recent_days, notes, lifts),
        st.tuples(st.just("edit"), recent_days, notes),
        st.tuples(st.just("lift"), recent_days, lifts),
        st.tuples(st.just("clear-lifts"), recent_days),
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
        if kind in ("lift", "clear-lifts"):
            session = history.session_on(args[0])
            added = session.lifts + args[1] if kind == "lift" and session else ()
            return edits.replace_session(history, session._replace(lifts=added)) if session else history
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


AHEAD = timedelta(days=3 * 365)  # how far the fast machine's clock runs ahead


def clock(tick: int, machine: str) -> datetime:
    """Machine `machine`'s clock `tick` milliseconds after the epoch; the fast machine's reads three years ahead."""
    return EPOCH + timedelta(milliseconds=tick) + (AHEAD if machine == "fast" else timedelta())


def stamp(tick: int, machine: str) -> Stamp:
    """The stamp a clock alone would give a change made `tick` milliseconds after the epoch on `machine`."""
    return next_stamp(clock(tick, machine), machine, Stamp("", ""))


class Change(NamedTuple):
    """A change that changed its copy: when, what, the copy's first weekday then, and the session it left."""

    stamp: Stamp
    operation: tuple[Any, ...]
    week_start_day: str
    session: Session | None
    seen: Stamp | None = None  # the latest stamp in the copy it changed


class Scenario(NamedTuple):
    """The common ancestor, each machine's copy after its changes, and every change that changed a copy."""

    ancestor: History
    copies: list[History]
    changes: list[Change]


def make(
    history: History, operation: tuple[Any, ...], when: Stamp, changes: list[Change], hlc: bool = False
) -> History:
    """One change on one copy, stamped as `Store.update` stamps it (with `hlc`, never behind the copy's latest stamp)."""
    changed = apply(history, operation)
    if changed == history:
        return history
    if hlc:
        when = next_stamp(
            datetime.strptime(when.at, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC), when.machine, latest_stamp(history)
        )
    unchanged_read = changed
    changed = stamped(changed, when)
    assert stamped(unchanged_read, when, read=history) == changed  # as the store stamps: passing over what it read
    day = operation[1] if operation[0] in ("checkin", "edit") else None
    session = changed.session_on(day) if day else None
    changes.append(Change(when, operation, history.week_start_day, session, latest_stamp(history)))
    return changed


@cache
def changes_apart(goal_days: st.SearchStrategy[date], count: int, fast: bool) -> st.SearchStrategy[list[Any]]:
    """Four to thirty changes, each on one of `count` copies; with `fast`, syncs between copies among them."""
    operation = operations(goal_days)
    step = st.one_of(operation, st.tuples(st.just("sync"), st.integers(0, count - 1))) if fast else operation
    return st.lists(st.tuples(st.integers(0, count - 1), step), min_size=4, max_size=30)


MOMENTS = st.integers(0, 4)
TIED_MACHINES = st.sampled_from(["m0", "m1"])


@cache
def ancestor_changes(goal_days: st.SearchStrategy[date]) -> st.SearchStrategy[list[Any]]:
    return st.lists(operations(goal_days), max_size=8)


@st.composite
def scenarios(
    draw: st.DrawFn, goal_days: st.SearchStrategy[date] = ALL_GOAL_DAYS, ties: bool = False, fast: bool = False
) -> Scenario:
    """A common ancestor and two to four copies changed apart.

    Without `ties` every change has its own moment, later than the one before; with `ties`,
    moments come from a handful, repeat across machines and need not increase. With `fast`,
    the last machine's clock runs years ahead, stamps are hybrid logical clocks, and copies
    sync with each other along the way.
    """
    moments = MOMENTS if ties else None
    changes: list[Change] = []
    ancestor, tick = History(), 0
    for step in draw(ancestor_changes(goal_days)):
        tick += 1
        ancestor = make(ancestor, step, stamp(draw(moments) if ties else tick, "origin"), changes)
    changes.clear()  # the ancestor is where replay starts
    count = draw(st.integers(2, 4 if fast else 3))
    copies = [ancestor] * count
    for machine, step in draw(changes_apart(goal_days, count, fast)):
        tick += 1
        if step[0] == "sync":
            copies[machine] = merge_histories(copies[machine], copies[step[1]])
            continue
        name = draw(TIED_MACHINES) if ties else ("fast" if fast and machine == count - 1 else f"m{machine}")
        when = stamp(10 + draw(moments) if ties else tick, name)
        copies[machine] = make(copies[machine], step, when, changes, hlc=fast)
    return Scenario(ancestor, copies, changes)


def every_merge(copies: list[History]) -> list[History]:
    """The copies merged in every order and every grouping."""
    if len(copies) == 2:
        a, b = copies
        return [merge_histories(a, b), merge_histories(b, a)]
    results = []
    if len(copies) == 3:
        for a, b, c in permutations(copies):
            results += [merge_histories(merge_histories(a, b), c), merge_histories(a, merge_histories(b, c))]
        return results
    a, b, c, d = copies  # four: each copy first and last once, and every pairing (24 orders would cost too much)
    for order in ((a, b, c, d), (b, c, d, a), (c, d, a, b), (d, a, b, c), (d, c, b, a)):
        results.append(reduce(merge_histories, order))
    for (w, x), (y, z) in (((a, b), (c, d)), ((a, c), (b, d)), ((a, d), (b, c))):
        results.append(merge_histories(merge_histories(w, x), merge_histories(y, z)))
    return results


def replay(scenario: Scenario) -> History:
    """Every change that changed its copy, applied to the ancestor in the order of the change times (see above)."""
    history = scenario.ancestor
    for change in sorted(scenario.changes, key=lambda change: change.stamp):
        kind, *args = change.operation
        if kind in ("checkin", "edit", "lift", "clear-lifts", "remove"):
            continue  # sessions are sets of parts: see the part laws below
        if kind in ("rest", "unrest"):
            as_then = history._replace(settings=history.settings._replace(week_start_day=change.week_start_day))
            history = apply(as_then, change.operation)._replace(settings=history.settings)
        else:
            history = apply(history, change.operation)
    return history


def rest_days(history: History) -> set[date]:
    return {p.first + timedelta(days=n) for p in history.rest_periods for n in range((p.last - p.first).days + 1)}


def recorded(history: History) -> tuple[object, ...]:
    """What a person recorded (see above) besides sessions, leaving out change times and removals."""
    return (
        [(c.since, c.goal) for c in history.goal_changes],
        rest_days(history),
        history.week_start_day,
        history.units,
        set(history.shown_tips),
    )


CHECKS = settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])


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


def _part_ids(history: History) -> set[str]:
    return {id for session in history.sessions for id in session.parts.ids()}


def _removed_parts(histories: list[History]) -> set[str]:
    return {removal.key for removal in _removals(histories) if removal.kind == "part"}


@CHECKS
@given(scenarios(ties=True))
def test_a_removal_is_never_undone_by_an_older_copy(scenario: Scenario) -> None:
    """Whatever a copy removed stays removed: no part a removal named, no goal or rest undone by an older change."""
    merged = reduce(merge_histories, [scenario.ancestor, *scenario.copies])
    assert not _part_ids(merged) & _removed_parts(scenario.copies)
    for removal in _removals(scenario.copies):
        if removal.kind == "goal":
            for change in merged.goal_changes:
                if block(change.since) == block(date.fromisoformat(removal.key)):
                    assert change.changed >= removal.changed
        elif removal.kind == "rest":
            first, last = cleared_days(removal)
            for period in merged.rest_periods:
                if period.first <= last and period.last >= first:
                    assert period.changed >= removal.changed


@CHECKS
@given(scenarios(fast=True))
def test_every_part_not_removed_is_in_the_merge_even_with_a_clock_years_ahead(scenario: Scenario) -> None:
    """The merge holds exactly the parts any copy made less those any removal named; a session is its parts' view."""
    merged, *others = every_merge(scenario.copies)
    assert all(other == merged for other in others) and merge_histories(merged, merged) == merged
    made = set().union(*map(_part_ids, scenario.copies))
    assert _part_ids(merged) == made - _removed_parts(scenario.copies)
    for session in merged.sessions:
        parts = session.parts
        assert session.lifts == parts.lifts and len(parts.lift_ids) == len(parts.lifts)
        assert session.note == (" / ".join(text for _, text in parts.notes) or None)
        assert [id for id, _ in parts.notes] == sorted(id for id, _ in parts.notes)  # in the order made


@CHECKS
@given(scenarios(fast=True))
def test_a_change_made_after_a_merge_outranks_everything_merged(scenario: Scenario) -> None:
    """Hybrid logical clocks: a change is later than all its copy held, so no copy's older value, however fast its clock, overrides it."""
    assert all(change.stamp > change.seen for change in scenario.changes)
    merged = every_merge(scenario.copies)[0]
    for kind, value in (("units", merged.units), ("weekday", merged.week_start_day)):
        made = [change for change in scenario.changes if change.operation[0] == kind]
        if made:
            assert value == max(made, key=lambda change: change.stamp).operation[1]


@CHECKS
@given(scenarios(ties=True))
def test_nothing_either_side_recorded_is_lost(scenario: Scenario) -> None:
    """Each part, goal change, rest day and setting of each copy is in the merge, or a removal or a later change took it."""
    merged = every_merge(scenario.copies)[0]
    removals = _removals(scenario.copies)
    assert _part_ids(merged) >= set().union(*map(_part_ids, scenario.copies)) - _removed_parts(scenario.copies)
    for copy in scenario.copies:
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
