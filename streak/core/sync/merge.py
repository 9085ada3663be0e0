"""Merge two copies of one history (a synced folder's conflict copy and the data file) into one.

Every record and every removal is something said about a key at a change time, and the merge keeps,
for each key, only the latest thing said. Keeping the latest of a set is a join: commutative,
associative and idempotent, so copies may meet in any order, any number of times, and agree.

- sessions: sets of parts (an observed-remove set, Shapiro et al. 2011). Each part (a check-in, a
  note version, a lift) is made once with its own id and never changed; a removal names the ids of
  the parts its maker saw. The merge keeps the union of both sides' parts less every part any
  removal names, so nothing either side added unseen by the other is lost, and nothing removed
  comes back. A day holds a session while any part of it survives. Removals of whole days from
  files before parts (kind "session") remove that day's parts made before them.
- goal changes: keyed by *block*, Monday to Saturday of one calendar week (each Sunday is a block
  of its own). Days of one block share a week whichever day weeks start on, so within a block the
  latest-made change or removal wins and the older changes go. A Sunday change and a change in the
  days beside it share a week under one first weekday only; letting the merged first weekday pick
  between them cannot be order-free (a third copy may switch the first weekday after the other two
  met), so both are kept, and that week follows the later from-date as after any switch (SPEC.md).
- rest: keyed by day. Rest periods say "these days rest", rest removals "these days do not" (see
  `streak.core.history.rest`); each day follows the latest range covering it, and the result is cut into
  the longest runs of days that follow the same change.
- settings: each field on its own, the later change wins. Tips shown: the union, sorted by id.

Equal change times are settled by the machine id (part of the stamp), then a record beats a removal
(keeping data is the safe side), then by content, so every machine settles them alike. Dropping a
removal that a later record supersedes (or a record that a later removal supersedes) is safe for
the same reason the merge is order-free: the survivor outranks everything the dropped one outranked,
so no later merge can tell that it was there.
"""

import heapq
from collections.abc import Callable, Iterable
from datetime import date, timedelta
from operator import attrgetter
from typing import Any

from streak.core.history.model import (
    ORIGINAL,
    GoalChange,
    History,
    Parts,
    Removal,
    RestPeriod,
    Session,
    Settings,
    parts_of,
    session_from_parts,
)
from streak.core.history.rest import REST, cleared_days, rest_removal
from streak.core.history.stamps import part_time

SESSION = "session"
PART = "part"
GOAL = "goal"
RECORD, REMOVAL = 1, 0  # a record outranks a removal made at the very same moment
_ONE_DAY = timedelta(days=1)
_SUNDAY = 6


def merge_histories(a: History, b: History) -> History:
    """The history holding everything `a` and `b` recorded, each record as last changed, minus what either removed later."""
    removals = [_stamped(removal) for removal in (*a.removals, *b.removals)]
    by_kind: dict[str, list[Removal]] = {SESSION: [], PART: [], GOAL: [], REST: []}
    others: list[Removal] = []
    for removal in removals:
        by_kind.get(removal.kind, others).append(removal)
    _, kept = _latest((), (*by_kind[SESSION], *by_kind[PART]), None, None, attrgetter("kind", "key"))
    sessions = _merged_sessions(a.sessions, b.sessions, kept)
    goals, goal_removals = _latest(
        (*a.goal_changes, *b.goal_changes), _readable(by_kind[GOAL], _goal_day, others),
        lambda g: _block(g.since), _goal_rank, lambda r: _block(_goal_day(r)),
    )  # fmt: skip
    periods, rest_removals = _latest_per_day(
        (*a.rest_periods, *b.rest_periods), _readable(by_kind[REST], cleared_days, others)
    )
    _, other_removals = _latest((), others, None, None, lambda r: (r.kind, r.key))
    return History(
        sessions=sessions,
        goal_changes=tuple(sorted(goals, key=attrgetter("since"))),
        settings=_settings(a.settings, b.settings),
        shown_tips=tuple(sorted(set(a.shown_tips).union(b.shown_tips))),
        rest_periods=tuple(periods),
        removals=tuple(sorted((*kept, *goal_removals, *rest_removals, *other_removals), key=attrgetter("kind", "key"))),
    )


def _stamped(record: Any) -> Any:
    """Records reach a merge stamped (from files); one that is not counts as the oldest, like a record of schema 1."""
    return record if record.changed is not None else record._replace(changed=ORIGINAL)


def _merged_sessions(a: tuple[Session, ...], b: tuple[Session, ...], removals: list[Removal]) -> tuple[Session, ...]:
    """Each day's parts from both sides, less the parts a removal names; a day both hold alike is kept as it is."""
    removed = {removal.key for removal in removals if removal.kind == PART}
    days_removed = {removal.key: removal.changed for removal in removals if removal.kind == SESSION}
    by_day: dict[Any, list[Session]] = {}
    for session in (*a, *b):
        by_day.setdefault(session.day, []).append(session)
    merged = []
    for day in sorted(by_day):
        versions = by_day[day]
        before = days_removed.get(day.isoformat())
        alike = len(versions) == 1 or versions[0] == versions[1]
        if alike and before is None and removed.isdisjoint(parts_of(versions[0]).ids()):
            merged.append(versions[0])  # the usual case: nothing to merge on this day
            continue
        kept = []
        for kind in ("checkins", "notes", "lift_parts"):
            chosen: dict[str, Any] = {}
            for version in versions:
                parts = parts_of(version)
                for id, value in parts.lift_parts() if kind == "lift_parts" else getattr(parts, kind):
                    if id in removed or (before is not None and part_time(id) < before):
                        continue
                    if id not in chosen or _value_rank(value) > _value_rank(chosen[id]):
                        chosen[id] = value  # one id, two values: only a hand-edited file; settled alike everywhere
            kept.append(tuple(sorted(chosen.items())))
        checkins, notes, lifted = kept
        lift_ids, lifts = (tuple(column) for column in zip(*lifted)) if lifted else ((), ())
        session = session_from_parts(day, Parts(checkins, notes, lift_ids, lifts))
        if session is not None:
            merged.append(versions[0] if session == versions[0] else session)
    return tuple(merged)


def _value_rank(value: Any) -> tuple:
    return (value is not None, value if value is not None else "")


def _goal_rank(change: GoalChange) -> tuple:
    return (change.changed, RECORD, change.since, change.goal)  # on a tie the later from-date, as the walk does


def _removal_rank(removal: Removal) -> tuple:
    return (removal.changed, REMOVAL, removal.key)


def _latest(
    records: Iterable[Any],
    removals: Iterable[Removal],
    record_key: Callable[[Any], Any] | None,
    record_rank: Callable[[Any], tuple] | None,
    removal_key: Callable[[Removal], Any],
) -> tuple[list[Any], list[Removal]]:
    """The latest record or removal for each key, split into the records and the removals that won.

    On equal ranks the first one met stays, so the merge keeps the data file's own values.
    """
    best: dict[Any, tuple[tuple, Any]] = {}
    for record in records:
        record = _stamped(record)
        _offer(best, record_key(record), record_rank(record), record)  # type: ignore[misc]
    for removal in removals:
        _offer(best, removal_key(removal), _removal_rank(removal), removal)
    won = [value for _, value in best.values()]
    return [v for v in won if type(v) is not Removal], [v for v in won if type(v) is Removal]


def _offer(best: dict[Any, tuple[tuple, Any]], key: Any, rank: tuple, value: Any) -> None:
    held = best.get(key)
    if held is None or rank > held[0]:
        best[key] = (rank, value)


def _readable(removals: list[Removal], read: Callable[[Removal], Any], unreadable: list[Removal]) -> list[Removal]:
    """The removals whose key `read` understands; the others join `unreadable`, merged by their key alone."""
    readable = []
    for removal in removals:
        (readable if read(removal) is not None else unreadable).append(removal)
    return readable


def _goal_day(removal: Removal) -> date | None:
    try:
        return date.fromisoformat(removal.key)
    except ValueError:
        return None


def _block(day: date) -> date:
    """Monday of the day's week for Monday to Saturday; a Sunday is its own block."""
    return day if day.weekday() == _SUNDAY else day - timedelta(days=day.weekday())


def _latest_per_day(periods: Iterable[RestPeriod], removals: list[Removal]) -> tuple[list[RestPeriod], list[Removal]]:
    """Rest day by day: each day follows the latest period or removal covering it, cut into runs of one change each."""
    events: list[tuple[date, date, tuple, RestPeriod | Removal]] = []
    for period in periods:
        period = _stamped(period)
        events.append((period.first, period.last, (period.changed, RECORD), period))
    for removal in removals:
        first, last = cleared_days(removal)  # type: ignore[misc]
        events.append((first, last, (removal.changed, REMOVAL), removal))
    priority = {index: place for place, index in enumerate(sorted(range(len(events)), key=lambda i: events[i][2]))}
    starting = sorted(range(len(events)), key=lambda i: events[i][0])
    points = sorted({event[0] for event in events} | {event[1] + _ONE_DAY for event in events})
    covering: list[tuple[int, int]] = []  # a heap of (-priority, event index): the latest event on top
    runs: list[list[Any]] = []  # [first, last, rank, an event of that rank]
    next_start = 0
    for point, following in zip(points, points[1:]):
        while next_start < len(starting) and events[starting[next_start]][0] == point:
            heapq.heappush(covering, (-priority[starting[next_start]], starting[next_start]))
            next_start += 1
        while covering and events[covering[0][1]][1] < point:
            heapq.heappop(covering)
        if not covering:
            continue
        _, _, rank, event = events[covering[0][1]]
        if runs and runs[-1][2] == rank and runs[-1][1] + _ONE_DAY == point:
            runs[-1][1] = following - _ONE_DAY
        else:
            runs.append([point, following - _ONE_DAY, rank, event])
    kept_periods, kept_removals = [], []
    for first, last, (changed, kind), event in runs:
        if kind == RECORD:
            same = type(event) is RestPeriod and (event.first, event.last) == (first, last)
            kept_periods.append(event if same else RestPeriod(first, last, changed))
        else:
            same = type(event) is Removal and cleared_days(event) == (first, last)
            kept_removals.append(event if same else rest_removal(first, last, changed))
    return kept_periods, kept_removals


def _settings(a: Settings, b: Settings) -> Settings:
    """Each setting as last changed; a tie on the change time goes to the greater value, the same on every machine."""
    week_start = max(
        (a.week_start_changed or ORIGINAL, a.week_start_day), (b.week_start_changed or ORIGINAL, b.week_start_day)
    )
    units = max((a.units_changed or ORIGINAL, a.units), (b.units_changed or ORIGINAL, b.units))
    merged = Settings(week_start[1], units[1], week_start[0], units[0])
    return a if merged == a else merged
