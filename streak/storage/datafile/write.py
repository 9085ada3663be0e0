"""Apply a change of history to the data file's tables, touching only what differs.

Documents that did not change are left exactly as they are, so keys written by a newer minor
version of streak survive. TinyDB's `Table` edits and removes documents. Adding documents at a
table's end and setting a one-document table (all a check-in does) are done on the plain
tables, exactly as `Table.insert_multiple` and `Table.upsert` do them, because importing TinyDB
(with the typing, re and json it brings) costs about half of Python's whole start; a contract
test holds the two to the same tables.
"""

from __future__ import annotations

from streak.core.history.identity import only_in
from streak.core.history.model import GoalChange, History, Removal, RestPeriod, Session, Settings, Stamp, record_key
from streak.core.named_tuple import NamedTuple
from streak.storage.datafile.read import GOALS, REMOVED, REST, SESSIONS, SETTINGS, TABLES, TIPS, Tables
from streak.storage.datafile.schema import META_TABLE
from streak.storage.datafile.tables_text import UnreadTable

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing on a check-in's path
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from tinydb.table import Table


def _tinydb_table(tables: Tables, name: str) -> Table:
    """TinyDB's `Table` over the tables in memory: what it changes stays there until the store writes the file."""
    from tinydb import TinyDB
    from tinydb.storages import MemoryStorage

    db = TinyDB(storage=MemoryStorage)
    db.storage.write(tables)  # the very dicts read: Table changes them in place, as the plain writes do
    return db.table(name)


def append_documents(tables: Tables, name: str, documents: list[dict[str, Any]]) -> None:
    """Add `documents` at the end of table `name` as `Table.insert_multiple` does: ids counting on from the largest."""
    table = tables.setdefault(name, {})
    if type(table) is UnreadTable:  # a long table known by its text: its ids are remembered, not read
        next_id = table.last_id + len(table.added) + 1
        table = table.added
    else:
        next_id = max(map(int, table), default=0) + 1
    for doc_id, document in enumerate(documents, next_id):
        table[str(doc_id)] = dict(document)


def set_single_document(tables: Tables, name: str, fields: dict[str, Any]) -> None:
    """Set `fields` on document 1 of table `name`, adding it at the end if missing, as `Table.upsert` of a `Document` with doc_id 1 does."""
    table = tables.setdefault(name, {})
    if "1" in table:
        table["1"].update(fields)
    else:
        table["1"] = dict(fields)


def set_backups_kept(tables: Tables, kept: int) -> Tables:
    """The tables, keeping the newest `kept` daily backups from now on."""
    set_single_document(tables, SETTINGS, {"backups_kept": kept})
    return tables


def _changed(stamp: Stamp | None) -> dict[str, str]:
    assert stamp is not None, "the store stamps every record before writing it"
    return {"changed": stamp.at, "by": stamp.machine}


def _session_document(session: Session) -> dict[str, Any]:
    """A session as its parts: `made` [id, tip] and `notes` [id, text] pairs, lifts [exercise, sets, reps, weight, unit, id]."""
    parts = session.parts
    assert parts is not None, "the store stamps every part before writing it"
    document: dict[str, Any] = {"date": session.day.isoformat()}
    if parts.checkins:
        document["made"] = [list(pair) for pair in parts.checkins]
    if parts.notes:
        document["notes"] = [list(pair) for pair in parts.notes]
    if parts.lifts:
        document["lifts"] = [[*lift, id] for id, lift in zip(parts.lift_ids, parts.lifts)]
    return document


def _goal_document(change: GoalChange) -> dict[str, Any]:
    return {"from": change.since.isoformat(), "goal": change.goal} | _changed(change.changed)


def _rest_document(period: RestPeriod) -> dict[str, Any]:
    return {"from": period.first.isoformat(), "to": period.last.isoformat()} | _changed(period.changed)


def _removal_document(removal: Removal) -> dict[str, Any]:
    return {"kind": removal.kind, "key": removal.key} | _changed(removal.changed)


def _settings_document(settings: Settings) -> dict[str, Any]:
    return {
        "week_start": settings.week_start_day,
        "units": settings.units,
        "changed": {
            "week_start": _changed(settings.week_start_changed),
            "units": _changed(settings.units_changed),
        },
    }


def _document_key(document: dict[str, Any]) -> str:
    """The key a stored document is found by; the same text `record_key` gives its record."""
    if "kind" in document:
        return f"{document.get('kind')}:{document.get('key')}"
    if "to" in document:
        return f"{document.get('from')}/{document.get('to')}"
    return str(document.get("date", document.get("from")))


def _removal_key(removal: Removal) -> str:
    return f"{removal.kind}:{removal.key}"


def _sync(
    tables: Tables,
    name: str,
    old: tuple[Any, ...],
    new: tuple[Any, ...],
    key: Callable[[Any], str],
    document: Callable[[Any], dict[str, Any]],
) -> bool:
    """Make table `name` hold `new` where it held `old`, leaving documents of unchanged records alone.

    True if a document was removed or changed; False if the table is as it was or only gained
    documents, which are added after all the others.
    """
    if old == new:
        return False
    gone = {key(record) for record in only_in(old, new)}
    changed = {key(record): document(record) for record in only_in(new, old)}
    if not gone:
        if changed:
            append_documents(tables, name, list(changed.values()))
        return False
    table = _tinydb_table(tables, name)  # something was removed or changed: find those documents' ids
    ids = {_document_key(doc): doc.doc_id for doc in table}
    removed = [ids[found] for found in gone - changed.keys() if found in ids]
    if removed:
        table.remove(doc_ids=removed)
    replaced = {found: changed.pop(found) for found in gone & changed.keys()}
    if replaced:  # one update for them all: TinyDB copies the whole table on each
        table.update(_replacing(replaced), doc_ids=[ids[found] for found in replaced])
    if changed:
        table.insert_multiple(changed.values())
    return True


OPTIONAL_FIELDS = ("made", "notes", "lifts", "note", "tip", "changed", "by")  # written only when they hold something


def _replacing(replaced: dict[str, dict[str, Any]]) -> Callable[[dict[str, Any]], None]:
    """An update that writes each document's new fields (found by its key) and drops our optional fields it no longer has.

    Keys a newer minor version added stay, as they do on untouched documents.
    """

    def update(document: dict[str, Any]) -> None:
        fields = replaced[_document_key(document)]
        for name in OPTIONAL_FIELDS:
            document.pop(name, None)
        document.update(fields)

    return update


class Written(NamedTuple):
    """The tables after a change, and the names of those in which a document was removed or changed.

    Every other table is as it was read or only gained documents at its end, so the store can
    write those back from the text it read.
    """

    tables: Tables
    rewritten: frozenset[str]


def write_history(tables: Tables, old: History, new: History) -> Written:
    """The tables with what changed from `old` to `new` recorded; unchanged documents are not even looked at."""
    tables_of = (
        (SESSIONS, old.sessions, new.sessions, record_key, _session_document),
        (GOALS, old.goal_changes, new.goal_changes, record_key, _goal_document),
        (REST, old.rest_periods, new.rest_periods, record_key, _rest_document),
        (REMOVED, old.removals, new.removals, _removal_key, _removal_document),
    )
    rewritten = {name for name, *records in tables_of if _sync(tables, name, *records)}
    if new.settings != old.settings:
        set_single_document(tables, SETTINGS, _settings_document(new.settings))
        rewritten.add(SETTINGS)
    if new.shown_tips != old.shown_tips:
        set_single_document(tables, TIPS, {"shown": list(new.shown_tips)})
        rewritten.add(TIPS)
    return Written(tables, frozenset(rewritten))


_SETTINGS_WRITTEN = {"week_start", "units", "changed", "backups_kept"}
_FIELDS_WRITTEN = {
    "date",
    "made",
    "notes",
    "note",
    "lifts",
    "tip",
    "from",
    "to",
    "goal",
    "kind",
    "key",
    "changed",
    "by",
}


def keep_unknown_fields(tables: Tables, source: Tables) -> None:
    """Give the merged `tables` what a newer minor version wrote in `source`, a conflict copy merged into them.

    A record whose change time and machine match the copy's is that very version of it, so keys
    of its this version does not know are copied over, as they would stay on a record left
    untouched; so are settings keys ours lacks, and whole tables ours does not have. A table both
    have that this version does not know stays as ours holds it (the copy is kept in backups/).
    """
    for name in (SESSIONS, GOALS, REST, REMOVED):
        # a copy's damaged record (a change time that is a list, say) matches none of ours: skipped
        theirs = {_version_key(doc): doc for doc in _documents(source, name) if _hashable_version(doc)}
        for doc in _documents(tables, name) if theirs else ():
            their_doc = theirs.get(_version_key(doc)) if _hashable_version(doc) else None
            if their_doc is None:
                continue
            for field, value in their_doc.items():
                if field not in _FIELDS_WRITTEN and field not in doc:
                    doc[field] = value
    their_settings = next(iter(_documents(source, SETTINGS)), None)
    if their_settings is not None:
        unknown = {field: value for field, value in their_settings.items() if field not in _SETTINGS_WRITTEN}
        if unknown:
            ours = tables.setdefault(SETTINGS, {}).setdefault("1", {})
            for field, value in unknown.items():
                ours.setdefault(field, value)
    for name, table in source.items():
        if name not in tables and name not in (*TABLES, META_TABLE):
            tables[name] = table


def _documents(tables: Tables, name: str) -> list[dict[str, Any]]:
    table = tables.get(name)
    return [doc for doc in table.values() if isinstance(doc, dict)] if isinstance(table, dict) else []


def _hashable_version(document: dict[str, Any]) -> bool:
    return all(type(document.get(field)) in (str, type(None)) for field in ("changed", "by"))


def _version_key(document: dict[str, Any]) -> tuple[str, Any, Any]:
    return (_document_key(document), document.get("changed"), document.get("by"))
