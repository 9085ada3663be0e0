"""A conflict copy read part by part: whatever the reader would refuse is left out and named, the rest is kept.

The data file itself is read strictly (`read.history_from`): one damaged record makes it unusable,
so that nothing is ever written over what streak cannot read. A conflict copy is another matter:
it is another machine's work, and SPEC.md has a part that breaks a rule left out of the merge and
named, not the whole copy refused. So when a copy does not read strictly, each record and each
part of a session is put through the reader's own checks on its own: what passes is what the
reader makes of it, and what does not is named as a `LeftOut`. Of two records the reader would
not have side by side (two sessions on a day, two goal changes from a day), one is kept; damaged
settings give way to this file's own, a setting at a time.
"""

from __future__ import annotations

from datetime import date
from operator import attrgetter

from streak.core.history.model import MAX_GOAL, MIN_GOAL, History, Lift, Settings
from streak.core.sync.check import LeftOut, lift_problem
from streak.core.text import show_safely
from streak.storage.datafile.read import (
    GOALS,
    LAST_YEAR,
    REMOVED,
    REST,
    SESSIONS,
    SETTINGS,
    TIPS,
    _day,
    _goal_change,
    _lifts_column,
    _pairs_column,
    _past_last_year,
    _removal,
    _rest_period,
    _sessions_of,
    _settings,
    _single,
    history_from,
)
from streak.storage.errors import CorruptDataFile

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from typing import Any

    from streak.storage.datafile.schema import Tables

_UNREADABLE = (KeyError, TypeError, ValueError, AttributeError, OverflowError, IndexError)
_SHOWN_LENGTH = 30  # of a damaged date in the merge line


def salvaged_history(tables: Tables) -> tuple[History, list[LeftOut]]:
    """The history a conflict copy's tables hold, less each record or part the reader refuses, and what those were."""
    try:
        return history_from(tables), []
    except CorruptDataFile:
        pass
    left: list[LeftOut] = []
    sessions = [kept for kept in map(lambda doc: _session(doc, left), _documents(tables, SESSIONS, left)) if kept]
    goal_changes = _records(tables, GOALS, "goal change", _goal_change, "from", left)
    rest_periods = _records(tables, REST, "rest period", _rest_period, "from", left)
    removals = _records(tables, REMOVED, "removal", _removal, None, left)
    settings = _salvaged_settings(tables, left)
    shown = _object(_single(_object(tables.get(TIPS, {})))).get("shown", [])
    if type(shown) is not list or not all(type(tip) is str for tip in shown):
        shown = []  # the tips shown lately, not anyone's training: no need to name it
    history = History(
        sessions=tuple(_one_of_each(sessions, attrgetter("day"), "session", "the same day", left)),
        goal_changes=tuple(_one_of_each(goal_changes, attrgetter("since"), "goal change", "the same day", left)),
        settings=settings,
        shown_tips=tuple(shown),
        rest_periods=tuple(
            _one_of_each(rest_periods, attrgetter("first", "last"), "rest period", "the same days", left)
        ),
        removals=tuple(_one_of_each(removals, attrgetter("kind", "key"), "removal", "the same record", left)),
    )
    return history, left


# Each setting's value and change time, as places in Settings, and its name in a merge line.
_SETTING_FIELDS = {"week_start": (0, 2, "first weekday"), "units": (1, 3, "units")}


def _salvaged_settings(tables: Tables, left: list[LeftOut]) -> Settings:
    """The copy's settings, each one that is damaged left at its oldest, so that this file's own wins the merge."""
    doc = _single(_object(tables.get(SETTINGS, {})))
    try:
        return _settings(doc)
    except (CorruptDataFile, TypeError, ValueError, AttributeError):
        pass
    if type(doc) is not dict:
        left.append(LeftOut("setting", None, "the copy's settings are damaged"))
        return Settings()
    fields = list(Settings())  # as old as a setting can be
    changed = _object(doc.get("changed"))
    for name, (value_at, stamp_at, shown) in _SETTING_FIELDS.items():
        if name not in doc:
            continue
        alone = {name: doc[name], "changed": {name: changed[name]} if name in changed else {}}
        try:
            read = _settings(alone)
        except (CorruptDataFile, TypeError, ValueError, AttributeError):
            left.append(LeftOut("setting", None, f"the copy's {shown} setting is damaged"))
            continue
        fields[value_at], fields[stamp_at] = read[value_at], read[stamp_at]
    return Settings(*fields)


def _object(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _documents(tables: Tables, name: str, left: list[LeftOut]) -> list[dict[str, Any]]:
    table = tables.get(name, {})
    if not isinstance(table, dict):
        left.append(LeftOut("table", None, f"its {name} table is not a table of records"))
        return []
    documents = [doc for doc in table.values() if isinstance(doc, dict)]
    left.extend([LeftOut("record", None, f"in the {name} table, but not an object")] * (len(table) - len(documents)))
    return documents


def _session(doc: dict[str, Any], left: list[LeftOut]) -> Any:
    """The session `doc` holds, less each check-in, note version and lift the reader refuses; None without a day or parts."""
    text = doc.get("date")
    try:
        day = _day(text)
    except (ValueError, TypeError):
        left.append(LeftOut("session", None, f"its date {_shown(text)} is not a day streak reads"))
        return None
    kept = {"date": text}
    for field, what, check in (
        ("made", "check-in", lambda part: _pairs_column([[part]], {str, type(None)})),
        ("notes", "note", lambda part: _pairs_column([[part]], {str})),
        ("lifts", "lift", lambda part: _lifts_column([[part]])),
    ):
        parts = doc.get(field)
        if parts is None:
            continue
        if type(parts) is not list:
            left.append(LeftOut(what, day, "not a list streak can read"))
            continue
        readable = []
        for part in parts:
            try:
                check(part)
                readable.append(part)
            except _UNREADABLE:
                left.append(LeftOut(what, day, _why_not(what, part)))
        if readable:
            kept[field] = readable
    try:
        return _sessions_of([kept])[0]
    except _UNREADABLE:
        left.append(LeftOut("session", day, "nothing in it is readable"))
        return None


def _why_not(what: str, part: Any) -> str:
    """Why a part was refused, as closely as can be told: for a lift of the right shape, the rule it breaks."""
    if type(part) is list and len(part) in (2, 6):
        id = part[0] if len(part) == 2 else part[5]
        if type(id) is str and _past_last_year(id):
            return f"stamped after the year {LAST_YEAR}, by a clock that ran that far ahead"
        if len(part) == 6:
            problem = lift_problem(Lift(*part[:5]))
            if problem:
                return problem
    return f"not a {what} streak can read"


def _records(tables: Tables, name: str, what: str, build: Any, day_field: str | None, left: list[LeftOut]) -> list[Any]:
    records = []
    cache: dict[Any, Any] = {}
    for doc in _documents(tables, name, left):
        try:
            records.append(build(doc, cache))
        except _UNREADABLE:
            left.append(LeftOut(what, _day_or_none(doc.get(day_field)) if day_field else None, _record_problem(doc)))
    return records


def _record_problem(doc: dict[str, Any]) -> str:
    goal = doc.get("goal")
    if type(goal) is int and not MIN_GOAL <= goal <= MAX_GOAL:
        return f"a goal of {goal}, not {MIN_GOAL} to {MAX_GOAL}"
    return "not one streak can read"


def _day_or_none(text: Any) -> date | None:
    try:
        return _day(text)
    except (ValueError, TypeError):
        return None


def _one_of_each(records: list[Any], key: Any, what: str, alike: str, left: list[LeftOut]) -> list[Any]:
    """`records` in order of `key`, one of any that share one (the reader refuses a file holding two).

    Of records with change times the later-made is kept, as a merge would; of sessions, the first.
    """
    records = sorted(records, key=lambda record: (key(record), getattr(record, "changed", None) or ("", "")))
    kept: list[Any] = []
    for record in records:
        if kept and key(kept[-1]) == key(record):
            later = hasattr(record, "changed")
            left_out, kept[-1] = (kept[-1], record) if later else (record, kept[-1])
            day = left_out[0] if isinstance(left_out[0], date) else None
            left.append(LeftOut(what, day, f"another for {alike} was {'made later' if later else 'kept'}"))
        else:
            kept.append(record)
    return kept


def _shown(value: Any) -> str:
    text = value if type(value) is str else repr(value)
    return f'"{show_safely(text[:_SHOWN_LENGTH])}"'
