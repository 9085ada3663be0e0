"""Apply a change of history to the data file's tables through TinyDB, touching only what differs.

Documents that did not change are left exactly as they are, so keys written by a newer minor
version of streak survive. Imported only by the commands that write: TinyDB costs ~12 ms.
"""

from typing import Any

from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Document, Table

from streak.core.model import GoalChange, History, Session
from streak.storage.documents import GOALS, SESSIONS, SETTINGS, TIPS, Tables


class _TablesInMemory(Storage):
    """A TinyDB storage over tables already read; the Store alone decides when they reach the disk."""

    def __init__(self, tables: Tables) -> None:
        self.tables = tables

    def read(self) -> Tables:
        return self.tables

    def write(self, data: Tables) -> None:
        self.tables = data


def _database(tables: Tables) -> TinyDB:
    return TinyDB(tables, storage=_TablesInMemory)


def set_backups_kept(tables: Tables, kept: int) -> Tables:
    """The tables, keeping the newest `kept` daily backups from now on."""
    db = _database(tables)
    db.table(SETTINGS).upsert(Document({"backups_kept": kept}, doc_id=1))
    return db.storage.read()


def _session_document(session: Session) -> dict[str, Any]:
    return {"date": session.day.isoformat(), "note": session.note}


def _goal_document(change: GoalChange) -> dict[str, Any]:
    return {"from": change.since.isoformat(), "goal": change.goal}


def _sync(table: Table, key: str, old: dict[str, dict[str, Any]], new: dict[str, dict[str, Any]]) -> None:
    """Make `table` hold `new` where it held `old` (both keyed by `key`), leaving other documents alone."""
    if old:  # something was removed or changed: find those documents' ids
        ids = {document[key]: document.doc_id for document in table if document.get(key) in old}
        gone = [ids[name] for name in old.keys() - new.keys()]
        if gone:
            table.remove(doc_ids=gone)
        for name in old.keys() & new.keys():
            table.update(new[name], doc_ids=[ids[name]])
    added = [fields for name, fields in new.items() if name not in old]
    if added:
        table.insert_multiple(added)


def _only_in(these: tuple[Any, ...], those: tuple[Any, ...]) -> list[Any]:
    """The values in `these` that are not in `those`.

    Edits build the new history from the old one's values, so identity tells unchanged values
    apart without hashing thousands of sessions; a value rebuilt equal merely reads as a
    change, which rewrites its document with the same fields.
    """
    known = set(map(id, those))
    return [value for value in these if id(value) not in known]


def write_history(tables: Tables, old: History, new: History) -> Tables:
    """The tables with what changed from `old` to `new` recorded; unchanged documents are not even looked at."""
    db = _database(tables)
    if old.sessions != new.sessions:
        _sync(
            db.table(SESSIONS),
            "date",
            {s.day.isoformat(): _session_document(s) for s in _only_in(old.sessions, new.sessions)},
            {s.day.isoformat(): _session_document(s) for s in _only_in(new.sessions, old.sessions)},
        )
    if old.goal_changes != new.goal_changes:
        _sync(
            db.table(GOALS),
            "from",
            {c.since.isoformat(): _goal_document(c) for c in set(old.goal_changes) - set(new.goal_changes)},
            {c.since.isoformat(): _goal_document(c) for c in set(new.goal_changes) - set(old.goal_changes)},
        )
    if new.week_start_day != old.week_start_day:
        db.table(SETTINGS).upsert(Document({"week_start": new.week_start_day}, doc_id=1))
    if new.shown_tips != old.shown_tips:
        db.table(TIPS).upsert(Document({"shown": list(new.shown_tips)}, doc_id=1))
    return db.storage.read()
