"""Read the data file's TinyDB tables into the core's values, checking every document on the way.

This walks the JSON tables as TinyDB stores them rather than through TinyDB itself: `Table`
iteration wraps each document in a new `Document` (a third of `streak status` on a long
history), and importing TinyDB costs about 12 ms that reading does not need. Changes are made in
`write.py`. Anything of the wrong shape or type raises CorruptDataFile
naming the record, so nothing damaged gets as far as the rules.
"""

from __future__ import annotations

from datetime import date
from itertools import chain, islice, repeat
from operator import attrgetter, itemgetter

from streak.core.dates import WEEK_START_DAYS
from streak.core.history.model import (
    MAX_GOAL,
    MIN_GOAL,
    NOTE_JOIN,
    ORIGINAL,
    UNITS,
    GoalChange,
    History,
    Lift,
    Parts,
    Removal,
    RestPeriod,
    Session,
    Settings,
    Stamp,
)
from streak.core.lifts.limits import MAX_REPS, MAX_SETS, MAX_WEIGHT, MIN_REPS, MIN_SETS, MIN_WEIGHT
from streak.storage.errors import CorruptDataFile

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing (~13 ms) on the shell prompt's path
if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Any

SESSIONS = "sessions"
GOALS = "goals"
REST = "rest"
REMOVED = "removed"
SETTINGS = "settings"
TIPS = "tips"
TABLES = (SESSIONS, GOALS, REST, REMOVED, SETTINGS, TIPS)
REMOVAL_KINDS = ("part", "session", "goal", "rest")
MAX_DOCUMENT_ID_DIGITS = 18  # far past any count of documents, and within what int() reads without complaint
MAX_ID_LENGTH = 200  # a part id: a stamp (24), a machine id (up to 100), a day and an index
DEFAULT_BACKUPS_KEPT = 7
MIN_BACKUPS_KEPT, MAX_BACKUPS_KEPT = 1, 365  # from one a day to a year of them
FIRST_YEAR, LAST_YEAR = "1900", "9998"  # the years streak supports, as they sort in a date's text

Tables = dict[str, "Any"]  # quoted: `Any` is imported for type checkers only
_new = tuple.__new__  # builds a named tuple without its Python-level __new__: 10,000 sessions in 3 ms, not 5

_FIRST_CHARACTER = itemgetter(0)


def _table(tables: Tables, name: str) -> dict[str, Any]:
    """A table as TinyDB stores it: document ids (plain decimal numbers) to documents (objects).

    An id with a leading zero is refused: TinyDB reads "01" as document 1, so a change through it
    would merge two documents into one and lose the other.
    """
    table = tables.get(name, {})
    # Each check runs in C over the whole table (ten thousand sessions): every key ASCII digits.
    keys = "".join(table) if isinstance(table, dict) else None
    if keys is None or "" in table or not (keys.isascii() and (keys.isdigit() or not keys)):
        raise CorruptDataFile(f"its {name} table is damaged")
    if table and (
        max(map(len, table)) > MAX_DOCUMENT_ID_DIGITS
        or ("0" in set(map(_FIRST_CHARACTER, table)) and any(len(key) > 1 and key[0] == "0" for key in table))
    ):
        raise CorruptDataFile(f"its {name} table has a document id that is not a plain number")
    if set(map(type, table.values())) - {dict}:
        raise CorruptDataFile(f"its {name} table holds a record that is not an object")
    return table


def _day(text: Any) -> date:
    """A date exactly as streak writes it, YYYY-MM-DD within the supported years; ValueError otherwise."""
    if type(text) is not str or len(text) != 10 or text[4] != "-" or text[7] != "-":
        raise ValueError(text)
    if not FIRST_YEAR <= text[:4] <= LAST_YEAR:
        raise ValueError(text)
    return date.fromisoformat(text)


def _stamp(doc: dict[str, Any], cache: dict[tuple[str, str], Stamp]) -> Stamp:
    """When a record last changed; records written before change times were kept count as the oldest."""
    at, by = doc.get("changed"), doc.get("by", "")
    if at is None and type(by) is str:
        cache[(at, by)] = ORIGINAL
        return ORIGINAL
    if type(at) is not str or type(by) is not str or len(at) > 40 or len(by) > 100 or _past_last_year(at):
        raise ValueError(at)
    key = (at, by)
    stamp = cache.get(key)
    if stamp is None:  # many records share a change time (a migration, an import): share the value too
        stamp = cache[key] = _new(Stamp, key)
    return stamp


_NUMBER_TYPES = {int, float}
_LIST_OR_NONE = {list, type(None)}
_LIFT_LENGTH = 6  # [exercise, sets, reps, weight, unit, part id]: compact, since a long log holds thousands


def _check_ids(ids: Any) -> None:
    if set(map(type, ids)) - {str} or (ids and (max(map(len, ids)) > MAX_ID_LENGTH or _past_last_year(max(ids)))):
        raise ValueError("a part id of the wrong shape")


def _past_last_year(stamp_text: str) -> bool:
    """Whether a change time (or a part id, which opens with one) lies past the supported years.

    A change is stamped after the latest time in the file, so one this far ahead (a clock set to
    9999, in a synced copy or a hand edit) would leave no time to stamp the next change with. Only
    the greatest id need be looked at: the next stamp is taken from it.
    """
    year = stamp_text[:4]
    return year.isdigit() and year > LAST_YEAR


def _lifts_column(column: list[Any]) -> tuple[list[tuple[Lift, ...]], list[tuple[str, ...]]]:
    """Every session's lifts with their part ids, each field checked, a field at a time over the whole log.

    A ten-year log holds thousands of lifts, and `status` reads them all: set, min, max and sum
    over each field run in C, where a check per lift would cost several ms. The lifts are built
    in one go from the checked fields and then dealt back to their sessions, again in C.
    """
    if set(map(type, column)) - _LIST_OR_NONE:
        raise ValueError("lifts that are not a list")
    rows = list(chain.from_iterable(filter(None, column)))
    if not rows:
        return [()] * len(column), [()] * len(column)
    if set(map(type, rows)) != {list} or set(map(len, rows)) != {_LIFT_LENGTH}:
        raise ValueError("a lift of the wrong shape")
    exercises, sets, reps, weights, units, ids = zip(*rows)
    total = sum(weights) if set(map(type, weights)) <= _NUMBER_TYPES else None
    if (
        set(map(type, exercises)) != {str}
        or "" in exercises
        or set(map(type, sets)) | set(map(type, reps)) != {int}
        or not (MIN_SETS <= min(sets) and max(sets) <= MAX_SETS and MIN_REPS <= min(reps) and max(reps) <= MAX_REPS)
        or total is None
        or total != total  # a NaN weight, which min and max can pass over
        or not (MIN_WEIGHT <= min(weights) and max(weights) <= MAX_WEIGHT)
        or set(units) - set(UNITS)
    ):
        raise ValueError("a lift of the wrong shape")
    _check_ids(ids)
    counts = [len(value) if value else 0 for value in column]
    lifts = map(_new, repeat(Lift), zip(exercises, sets, reps, weights, units))
    return _dealt(lifts, counts), _dealt(iter(ids), counts)


def _dealt(items: Iterator[Any], counts: list[int]) -> list[tuple[Any, ...]]:
    """`items` dealt out in order: the first `counts[0]` of them as one tuple, the next `counts[1]`, and so on."""
    return list(map(tuple, map(islice, repeat(items), counts)))


def _pairs_column(column: list[Any], values: set[type]) -> list[tuple[tuple[str, Any], ...]]:
    """Check-ins ([id, tip]) or note versions ([id, text]) of every session, checked a column at a time."""
    if set(map(type, column)) - _LIST_OR_NONE:
        raise ValueError("parts that are not a list")
    present = list(filter(None, column))
    rows = list(chain.from_iterable(present))
    if rows:
        if set(map(type, rows)) != {list} or set(map(len, rows)) != {2}:
            raise ValueError("a part of the wrong shape")
        ids, texts = zip(*rows)
        _check_ids(ids)
        if set(map(type, texts)) - values:
            raise ValueError("a part of the wrong type")
    if set(map(len, present)) == {1}:  # the usual: one check-in, one version of the note
        pairs = map(tuple, rows)
        if len(present) == len(column):
            return list(zip(pairs))  # one pair in every session: each its own 1-tuple, made in C
        return [(next(pairs),) if value else () for value in column]
    return [tuple(map(tuple, value)) if value else () for value in column]


def _optional_text(value: Any) -> str | None:
    if value is not None and type(value) is not str:
        raise ValueError(value)
    return value


def _records(table: dict[str, Any], what: str, build: Any) -> list[Any]:
    """Every document of `table` through `build`, naming the first one that does not fit."""
    cache: dict[tuple[str, str], Stamp] = {}
    records = []
    for key, doc in table.items():
        try:
            records.append(build(doc, cache))
        except (KeyError, TypeError, ValueError, AttributeError, OverflowError):
            raise CorruptDataFile(f"{what} {key} is damaged ({_first_bad_field(doc, build, cache)})") from None
    return records


def _first_bad_field(doc: dict[str, Any], build: Any, cache: dict[tuple[str, str], Stamp]) -> str:
    """Which field of a damaged document is at fault, for the error message."""
    for field in doc:
        try:
            build({k: v for k, v in doc.items() if k != field}, cache)
        except (KeyError, TypeError, ValueError, AttributeError, OverflowError):
            continue
        return f"its {field} is not valid"
    return "a field is missing or not valid"


def _session(doc: dict[str, Any], cache: dict[tuple[str, str], Stamp]) -> Session:
    return _sessions_of([doc])[0]


def _sessions_of(docs: list[dict[str, Any]]) -> list[Session]:
    """Every session of `docs`, checked field by field a column at a time; ValueError and the like on damage.

    `status` reads every session on every run, so each check runs over a whole column (a
    comprehension or a set of types) rather than as calls per field per document: 10,000
    sessions in a few ms.
    """
    texts = [doc["date"] for doc in docs]
    if {type(text) for text in texts} - {str}:
        raise ValueError("a date of the wrong type")
    if texts and not all(len(text) == 10 and text[4:8:3] == "--" for text in texts):
        raise ValueError("a date not written YYYY-MM-DD")
    if texts and not (FIRST_YEAR <= min(texts)[:4] and max(texts)[:4] <= LAST_YEAR):
        raise ValueError("a year outside those supported")
    checkins = _pairs_column([doc.get("made") for doc in docs], {str, type(None)})
    notes = _pairs_column([doc.get("notes") for doc in docs], {str})
    lifts, lift_ids = _lifts_column([doc.get("lifts") for doc in docs])
    if not all(map(any, zip(checkins, notes, lifts))):
        raise ValueError("a session with no parts")
    # The usual session: one check-in, no note or one version of it.
    tips = [
        made[0][1] if len(made) == 1 else next((tip for _, tip in made if tip is not None), None) for made in checkins
    ]
    join = NOTE_JOIN.join
    texts_of_notes = [
        (noted[0][1] if len(noted) == 1 else join(note for _, note in noted)) if noted else None for noted in notes
    ]
    days = map(date.fromisoformat, texts)
    parts = map(_new, repeat(Parts), zip(checkins, notes, lift_ids, lifts))
    return list(map(_new, repeat(Session), zip(days, texts_of_notes, lifts, tips, parts)))


def _sessions(table: dict[str, Any]) -> list[Session]:
    """Every session; any damage goes through `_records`, which names the damaged session."""
    try:
        return _sessions_of(list(table.values()))
    except (KeyError, TypeError, ValueError, AttributeError, OverflowError):
        return _records(table, "session", _session)  # raises, naming the damaged session


def _goal_change(doc: dict[str, Any], cache: dict[tuple[str, str], Stamp]) -> GoalChange:
    goal = doc["goal"]
    if type(goal) is not int or not MIN_GOAL <= goal <= MAX_GOAL:
        raise ValueError(goal)
    return GoalChange(_day(doc["from"]), goal, _stamp(doc, cache))


def _rest_period(doc: dict[str, Any], cache: dict[tuple[str, str], Stamp]) -> RestPeriod:
    first, last = _day(doc["from"]), _day(doc["to"])
    if last < first:
        raise ValueError(doc)
    return RestPeriod(first, last, _stamp(doc, cache))


def _removal(doc: dict[str, Any], cache: dict[tuple[str, str], Stamp]) -> Removal:
    kind, key = doc["kind"], doc["key"]
    if kind not in REMOVAL_KINDS or type(key) is not str or len(key) > (MAX_ID_LENGTH if kind == "part" else 21):
        raise ValueError(doc)
    return Removal(kind, key, _stamp(doc, cache))


def _unique(records: list[Any], key: Any, what: str) -> tuple[Any, ...]:
    records.sort(key=key)
    if len({key(record) for record in records}) != len(records):
        raise CorruptDataFile(f"it holds two {what}")
    return tuple(records)


def _single(table: dict[str, Any]) -> dict[str, Any]:
    return table.get("1", {})


def _settings(doc: dict[str, Any]) -> Settings:
    week_start_day = doc.get("week_start", WEEK_START_DAYS[0])
    if week_start_day not in WEEK_START_DAYS:
        raise CorruptDataFile("its first weekday setting is neither monday nor sunday")
    units = doc.get("units", UNITS[0])
    if units not in UNITS:
        raise CorruptDataFile("its units setting is neither kg nor lb")
    changed = doc.get("changed", {})
    try:
        cache: dict[tuple[str, str], Stamp] = {}
        stamps = [_stamp(changed.get(name) or {}, cache) for name in ("week_start", "units")]
    except (TypeError, ValueError, AttributeError):
        raise CorruptDataFile("its settings' change times are damaged") from None
    return Settings(week_start_day, units, *stamps)


def history_from(tables: Tables) -> History:
    """The history the file's tables hold; raises CorruptDataFile naming the first damage found."""
    raw = {name: _table(tables, name) for name in TABLES}
    shown = _single(raw[TIPS]).get("shown", [])
    if type(shown) is not list or not all(type(id) is str for id in shown):
        raise CorruptDataFile("its tip cycle is damaged")
    backups_kept(tables)
    return History(
        sessions=_unique(_sessions(raw[SESSIONS]), attrgetter("day"), "sessions on one day"),
        goal_changes=_unique(_records(raw[GOALS], "goal change", _goal_change), attrgetter("since"), "goal changes from one day"),
        settings=_settings(_single(raw[SETTINGS])),
        shown_tips=tuple(shown),
        rest_periods=_unique(_records(raw[REST], "rest period", _rest_period), attrgetter("first", "last"), "equal rest periods"),
        removals=_unique(_records(raw[REMOVED], "removal", _removal), attrgetter("kind", "key"), "removals of one record"),
    )  # fmt: skip


def backups_kept(tables: Tables) -> int:
    """How many daily backups to keep."""
    kept = _single(_table(tables, SETTINGS)).get("backups_kept", DEFAULT_BACKUPS_KEPT)
    if type(kept) is not int or not MIN_BACKUPS_KEPT <= kept <= MAX_BACKUPS_KEPT:
        raise CorruptDataFile("its backups setting is damaged")
    return kept
