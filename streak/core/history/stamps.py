"""Change times: hybrid logical clock stamps, given by the store to what an edit created, so synced copies merge.

A change is stamped max(this machine's clock now, the latest stamp in the file it changes + 1 ms):
so a change made after a merge is later than everything merged, even when another machine's
clock ran years ahead, and stamps in one file only ever grow.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from itertools import chain
from operator import attrgetter, itemgetter

from streak.core.dates import MAX_YEAR
from streak.core.history.identity import shared_ends
from streak.core.history.model import ORIGINAL, History, PartId, Parts, Session, Stamp, UnreadParts

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing on a check-in's path
if TYPE_CHECKING:
    from collections.abc import Iterator

_ONE_MS = timedelta(milliseconds=1)
_ID = itemgetter(0)  # of a check-in's or a note's (id, value) pair
_PARTS = attrgetter("parts")
_CHECKINS, _NOTES, _LIFT_IDS = attrgetter("checkins"), attrgetter("notes"), attrgetter("lift_ids")


def _part_ids(parts: list[Parts]) -> Iterator[PartId | None]:
    """Every part's id (None where not stamped yet) in `parts`, gathered by itertools in C: a long log holds tens of thousands."""
    return chain(
        map(_ID, chain.from_iterable(map(_CHECKINS, parts))),
        map(_ID, chain.from_iterable(map(_NOTES, parts))),
        chain.from_iterable(map(_LIFT_IDS, parts)),
    )


def stamp_text(moment: datetime) -> str:
    """A UTC moment as a stamp's text, `2026-11-21T18:30:00.000Z`: ISO 8601 to the millisecond, so it sorts as text."""
    moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def _moment(text: str) -> datetime | None:
    try:
        if len(text) == 24 and text[10] == "T" and text[19] == "." and text[23] == "Z" and text[:4].isdigit():
            # As streak writes them: fromisoformat reads these alike, and strptime would cost a check-in
            # ~5 ms to import _strptime and compile its patterns (Python 3.11 reads the trailing Z).
            return datetime.fromisoformat(text)
        return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
    except ValueError:
        return None  # a stamp streak did not write: it cannot be counted on to move the clock


def latest_stamp(history: History) -> Stamp:
    """The latest change time anywhere in `history` (ORIGINAL when nothing was ever stamped)."""
    stamps = [ORIGINAL, history.settings.week_start_changed, history.settings.units_changed]
    for records in (history.goal_changes, history.rest_periods, history.removals):
        stamps.extend(record.changed for record in records)
    # A part's id starts with its stamp's fixed-width time, so the greatest id holds the latest time.
    # A part not stamped yet (None) and a session just typed (no parts yet) hold none.
    parts = list(filter(None, map(_PARTS, history.sessions)))
    latest_id = max(filter(None, _part_ids(parts)), default=None)
    if latest_id is not None:
        stamps.append(part_time(latest_id))
    return max(stamp for stamp in stamps if stamp is not None)


def part_id(stamp: Stamp, index: int) -> str:
    """The id of the `index`th part a change stamped `stamp` made: unique, and sorting in the order made."""
    return f"{stamp.at}|{stamp.machine}|{index:03d}"


def part_time(id: str) -> Stamp:
    """The stamp of the change that made the part `id`."""
    at, _, rest = id.partition("|")
    return Stamp(at, rest.rpartition("|")[0])


class NoLaterStamp(ValueError):
    """The file's latest change time is the last the supported years hold: no change can be stamped after it."""


def next_stamp(now: datetime, machine: str, latest: Stamp) -> Stamp:
    """The stamp of a change made at `now` on `machine` to a file whose latest stamp is `latest`.

    Raises NoLaterStamp when `latest` is the last millisecond of the supported years (a clock that
    ran that far ahead): a stamp after it would be one no streak reads.
    """
    at = stamp_text(now)
    previous = _moment(latest.at)
    if previous is not None and at <= latest.at:
        try:
            moved = previous + _ONE_MS
        except OverflowError:
            moved = None
        if moved is None or moved.year > MAX_YEAR:
            raise NoLaterStamp(latest.at)
        at = stamp_text(moved)
    return Stamp(at, machine)


def stamped(history: History, stamp: Stamp, read: History | None = None) -> History:
    """`history` with every record that has no change time yet given `stamp`; records already stamped are kept as they are.

    `read` is the history as read from the file, if `history` was made from it: its sessions, all
    stamped, are then passed over without a look (a check-in on a ten-year log changes one).
    """
    settings = history.settings
    if settings.week_start_changed is None or settings.units_changed is None:
        settings = settings._replace(
            week_start_changed=settings.week_start_changed or stamp, units_changed=settings.units_changed or stamp
        )
    return history._replace(
        sessions=_stamp_sessions(history.sessions, stamp, read.sessions if read else ()),
        goal_changes=_stamp_all(history.goal_changes, stamp),
        rest_periods=_stamp_all(history.rest_periods, stamp),
        removals=_stamp_all(history.removals, stamp),
        settings=settings,
    )


def _stamp_all(records: tuple, stamp: Stamp) -> tuple:
    if all(record.changed is not None for record in records):
        return records  # the usual case: keep the very same tuple, so the writer sees nothing changed
    return tuple(record if record.changed is not None else record._replace(changed=stamp) for record in records)


def _stamp_sessions(sessions: tuple[Session, ...], stamp: Stamp, read: tuple[Session, ...]) -> tuple[Session, ...]:
    """Sessions with every new part given its id; sessions with none are kept as the very same values.

    An import may bring thousands of new sessions at once, so their parts are built directly.
    """
    prefix = part_id(stamp, 0)[:-3]
    made = 0
    result = list(sessions)
    new = tuple.__new__
    head, tail = shared_ends(sessions, read)  # the very sessions read hold ids already: not looked into
    for place in range(head, len(sessions) - tail):
        session = sessions[place]
        parts = session.parts
        if parts is None:
            day, note, lifts, tip, _ = session
            checkins = ((f"{prefix}{made:03d}", tip),)
            notes = ((f"{prefix}{made + 1:03d}", note),) if note else ()
            made += 1 + len(notes)
            lift_ids = tuple(f"{prefix}{made + n:03d}" for n in range(len(lifts)))
            made += len(lifts)
            result[place] = new(Session, (day, note, lifts, tip, new(Parts, (checkins, notes, lift_ids, lifts))))
            continue
        if type(parts) is UnreadParts:
            continue  # a session as read from the file, between two new ones: every part of it has its id
        if None not in parts.lift_ids and all(map(_ID, parts.checkins)) and all(map(_ID, parts.notes)):
            continue  # every part has its id (ids are never empty): the very same session
        fields = []
        for kind in (parts.checkins, parts.notes, parts.lift_parts()):
            stamped_kind = []
            for part, value in kind:
                if part is None:
                    part, made = f"{prefix}{made:03d}", made + 1
                stamped_kind.append((part, value))
            fields.append(tuple(stamped_kind))
        checkins, notes, lifted = fields
        new_parts = Parts(checkins, notes, tuple(part for part, _ in lifted), parts.lifts)
        result[place] = session._replace(parts=new_parts)
    return tuple(result) if made else sessions
