"""Read the data file's TinyDB tables into the core's values, checking every document on the way.

This walks the JSON tables as TinyDB stores them rather than through TinyDB itself: `Table`
iteration wraps each document in a new `Document` (a third of `streak status` on a long
history), and importing TinyDB costs about 12 ms that reading does not need. Changes go
through TinyDB, in `writes`.
"""

from datetime import date
from operator import itemgetter
from typing import Any

from streak.core.dates import WEEK_START_DAYS
from streak.core.model import MAX_GOAL, MIN_GOAL, GoalChange, History, Session
from streak.storage.errors import CorruptDataFile

SESSIONS = "sessions"
GOALS = "goals"
SETTINGS = "settings"
TIPS = "tips"
TABLES = (SESSIONS, GOALS, SETTINGS, TIPS)
DEFAULT_BACKUPS_KEPT = 7

Tables = dict[str, Any]
_new = tuple.__new__  # builds a named tuple without its Python-level __new__: 10,000 sessions in 3 ms, not 5


def _table(tables: Tables, name: str) -> dict[str, Any]:
    """A table as TinyDB stores it: document ids (digits) to documents (objects)."""
    table = tables.get(name, {})
    if not isinstance(table, dict) or not all(map(str.isdigit, table)):
        raise CorruptDataFile(f"its {name} table is damaged")
    if name != SESSIONS and not all(isinstance(doc, dict) for doc in table.values()):
        raise CorruptDataFile(f"its {name} table is damaged")  # sessions are checked as they are read
    return table


def _sessions(table: dict[str, Any]) -> tuple[Session, ...]:
    parse = date.fromisoformat
    try:
        sessions = [_new(Session, (parse(doc["date"]), doc.get("note"))) for doc in table.values()]
    except (KeyError, TypeError, ValueError, AttributeError):
        raise CorruptDataFile(f"session {_first_bad_date(table, 'date')} has no valid date") from None
    if not all(type(note) is str for _, note in sessions if note is not None):
        raise CorruptDataFile("a session's note is not text")
    sessions.sort(key=itemgetter(0))
    if len({day for day, _ in sessions}) != len(sessions):
        raise CorruptDataFile("it holds two sessions on one day")
    return tuple(sessions)


def _first_bad_date(table: dict[str, Any], field: str) -> str:
    """The id of the first document whose date does not parse, for the error message."""
    for key, doc in table.items():
        try:
            date.fromisoformat(doc[field])
            doc.get("note")
        except (KeyError, TypeError, ValueError, AttributeError):
            return key
    return "?"


def _goal_changes(table: dict[str, Any]) -> tuple[GoalChange, ...]:
    changes = []
    for key, doc in table.items():
        goal = doc.get("goal")
        if type(goal) is not int or not MIN_GOAL <= goal <= MAX_GOAL:
            raise CorruptDataFile(f"goal change {key} has no goal from {MIN_GOAL} to {MAX_GOAL}")
        try:
            changes.append(GoalChange(date.fromisoformat(doc["from"]), goal))
        except (KeyError, TypeError, ValueError):
            raise CorruptDataFile(f"goal change {key} has no valid from date") from None
    changes.sort()
    if len({change.since for change in changes}) != len(changes):
        raise CorruptDataFile("it holds two goal changes from one day")
    return tuple(changes)


def _single(table: dict[str, Any]) -> dict[str, Any]:
    return table.get("1", {})


def history_from(tables: Tables) -> History:
    """The history the file's tables hold; raises CorruptDataFile naming the first damage found."""
    raw = {name: _table(tables, name) for name in TABLES}
    week_start_day = _single(raw[SETTINGS]).get("week_start", WEEK_START_DAYS[0])
    if week_start_day not in WEEK_START_DAYS:
        raise CorruptDataFile("its first weekday setting is neither monday nor sunday")
    shown = _single(raw[TIPS]).get("shown", [])
    if not isinstance(shown, list) or not all(type(id) is str for id in shown):
        raise CorruptDataFile("its tip cycle is damaged")
    backups_kept(tables)
    return History(_sessions(raw[SESSIONS]), _goal_changes(raw[GOALS]), week_start_day, tuple(shown))


def backups_kept(tables: Tables) -> int:
    """How many daily backups to keep."""
    kept = _single(_table(tables, SETTINGS)).get("backups_kept", DEFAULT_BACKUPS_KEPT)
    if type(kept) is not int or kept < 1:
        raise CorruptDataFile("its backups setting is damaged")
    return kept
