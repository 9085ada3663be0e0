"""Map TinyDB documents to the core's values and back; TinyDB documents never leave this module.

Reading checks every document, so a damaged file is refused before anything is built on it.
Writing changes only the documents that differ, which keeps keys written by a newer minor
version of streak intact.
"""

from datetime import date
from typing import Any

from tinydb import TinyDB
from tinydb.table import Document, Table

from streak.core.dates import WEEK_START_DAYS
from streak.core.model import MAX_GOAL, MAX_NOTE_LENGTH, MIN_GOAL, GoalChange, History, Session
from streak.storage.errors import CorruptDataFile

SESSIONS = "sessions"
GOALS = "goals"
SETTINGS = "settings"
TIPS = "tips"
DEFAULT_BACKUPS_KEPT = 7


def _date(value: Any, where: str) -> date:
    if type(value) is not str or len(value) != 10:
        raise CorruptDataFile(f"{where} has no valid date")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CorruptDataFile(f"{where} has an impossible date {value!r}") from None


def _sessions(table: Table) -> tuple[Session, ...]:
    sessions = []
    for document in table:
        where = f"session {document.doc_id}"
        note = document.get("note")
        if note is not None and (type(note) is not str or len(note) > MAX_NOTE_LENGTH):
            raise CorruptDataFile(f"{where} has a damaged note")
        sessions.append(Session(_date(document.get("date"), where), note))
    sessions.sort(key=lambda session: session.day)
    for earlier, later in zip(sessions, sessions[1:]):
        if earlier.day == later.day:
            raise CorruptDataFile(f"it holds two sessions on {later.day.isoformat()}")
    return tuple(sessions)


def _goal_changes(table: Table) -> tuple[GoalChange, ...]:
    changes = []
    for document in table:
        where = f"goal change {document.doc_id}"
        goal = document.get("goal")
        if type(goal) is not int or not MIN_GOAL <= goal <= MAX_GOAL:
            raise CorruptDataFile(f"{where} has no goal from {MIN_GOAL} to {MAX_GOAL}")
        changes.append(GoalChange(_date(document.get("from"), where), goal))
    changes.sort()
    for earlier, later in zip(changes, changes[1:]):
        if earlier.since == later.since:
            raise CorruptDataFile(f"it holds two goal changes from {later.since.isoformat()}")
    return tuple(changes)


def _single(table: Table) -> dict[str, Any]:
    document = table.get(doc_id=1)
    return dict(document) if document else {}


def history_from(db: TinyDB) -> History:
    """The history the file holds; raises CorruptDataFile naming the first damaged document."""
    tables = db.storage.read() or {}
    for name in (SESSIONS, GOALS, SETTINGS, TIPS):
        raw = tables.get(name, {})
        if not isinstance(raw, dict) or not all(key.isdigit() and isinstance(doc, dict) for key, doc in raw.items()):
            raise CorruptDataFile(f"its {name} table is damaged")
    settings = _single(db.table(SETTINGS))
    week_start_day = settings.get("week_start", WEEK_START_DAYS[0])
    if week_start_day not in WEEK_START_DAYS:
        raise CorruptDataFile("its first weekday setting is neither monday nor sunday")
    shown = _single(db.table(TIPS)).get("shown", [])
    if not isinstance(shown, list) or not all(type(id) is str for id in shown):
        raise CorruptDataFile("its tip cycle is damaged")
    return History(_sessions(db.table(SESSIONS)), _goal_changes(db.table(GOALS)), week_start_day, tuple(shown))


def backups_kept(db: TinyDB) -> int:
    """How many daily backups to keep."""
    kept = _single(db.table(SETTINGS)).get("backups_kept", DEFAULT_BACKUPS_KEPT)
    if type(kept) is not int or kept < 1:
        raise CorruptDataFile("its backups setting is damaged")
    return kept


def set_backups_kept(db: TinyDB, kept: int) -> None:
    """Keep the newest `kept` daily backups from now on."""
    db.table(SETTINGS).upsert(Document({"backups_kept": kept}, doc_id=1))


def _session_documents(history: History) -> dict[str, dict[str, Any]]:
    return {s.day.isoformat(): {"date": s.day.isoformat(), "note": s.note} for s in history.sessions}


def _goal_documents(history: History) -> dict[str, dict[str, Any]]:
    return {c.since.isoformat(): {"from": c.since.isoformat(), "goal": c.goal} for c in history.goal_changes}


def _sync(table: Table, key: str, old: dict[str, dict[str, Any]], new: dict[str, dict[str, Any]]) -> None:
    """Make `table` hold `new` instead of `old`, touching only the documents that differ."""
    if old == new:
        return
    ids = {document[key]: document.doc_id for document in table}
    gone = [ids[name] for name in old.keys() - new.keys()]
    if gone:
        table.remove(doc_ids=gone)
    for name, fields in new.items():
        if name in old and old[name] != fields:
            table.update(fields, doc_ids=[ids[name]])
    added = [fields for name, fields in new.items() if name not in old]
    if added:
        table.insert_multiple(added)


def write_history(db: TinyDB, old: History, new: History) -> None:
    """Record in `db` what changed from `old` to `new`."""
    _sync(db.table(SESSIONS), "date", _session_documents(old), _session_documents(new))
    _sync(db.table(GOALS), "from", _goal_documents(old), _goal_documents(new))
    if new.week_start_day != old.week_start_day:
        db.table(SETTINGS).upsert(Document({"week_start": new.week_start_day}, doc_id=1))
    if new.shown_tips != old.shown_tips:
        db.table(TIPS).upsert(Document({"shown": list(new.shown_tips)}, doc_id=1))
