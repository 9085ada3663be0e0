"""Schema versions of the data file, and the migrations that bring older files up to date.

A file records `schema` (major) and `minor`. A newer minor only adds keys, which this version
keeps untouched; a newer major is refused, since writing it back could lose what it means.
"""

from __future__ import annotations

from streak.core.history.model import ORIGINAL
from streak.storage.errors import CorruptDataFile, DataFileError

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing (~13 ms) on the shell prompt's path
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

SCHEMA = 3
MINOR = 0
META_TABLE = "meta"

Tables = dict[str, "Any"]  # quoted: `Any` is imported for type checkers only


def _add_change_times(tables: Tables) -> None:
    """Schema 1 to 2: every record gets a change time (the oldest there is), for merging synced copies.

    Schema 2 also brings lifts on sessions and the `rest` and `removed` tables; a schema-1 file
    has none of them, so nothing else needs converting.
    """
    for name in ("sessions", "goals"):
        table = tables.get(name)
        if isinstance(table, dict):
            for document in table.values():
                if isinstance(document, dict):
                    document.setdefault("changed", ORIGINAL.at)
                    document.setdefault("by", "")


def _sessions_as_parts(tables: Tables) -> None:
    """Schema 2 to 3: each session becomes its parts (check-in, note, lifts), each with an id made of its change time.

    The ids hold the day too (`AT|BY|DAY.NNN`): schema-1 sessions all share the oldest change time,
    and an id must name one part only. Two machines migrating the same session give it the same ids,
    so their copies still merge. Lifts become compact lists. A document without a day is left as it
    is, and a damaged lift too, for the reader to name: a conflict copy, read part by part, then
    loses that lift alone, not the session's note with it.
    """
    table = tables.get("sessions")
    if not isinstance(table, dict):
        return
    for key, document in table.items():
        try:
            table[key] = _session_parts(document)
        except (AttributeError, KeyError, TypeError, ValueError):
            continue


def _session_parts(document: dict[str, Any]) -> dict[str, Any]:
    at = document.get("changed") or ORIGINAL.at
    base = f"{at}|{document.get('by') or ''}|{document['date']}."
    kept = {name: value for name, value in document.items() if name not in _SCHEMA_2_SESSION_FIELDS}
    parts: dict[str, Any] = {"date": document["date"], "made": [[base + "000", document.get("tip")]]}
    if document.get("note"):
        parts["notes"] = [[base + "001", document["note"]]]
    lifts = document.get("lifts", [])
    if not isinstance(lifts, list):
        parts["lifts"] = lifts  # as it is, for the reader to name; the check-in and note still become parts
    elif lifts:
        parts["lifts"] = [_lift_part(lift, base + f"{index:03d}") for index, lift in enumerate(lifts, start=2)]
    return kept | parts


def _lift_part(lift: Any, id: str) -> Any:
    """A schema-2 lift as a compact list; one of another shape is left as it is, for the reader to name."""
    try:
        return [lift["exercise"], lift["sets"], lift["reps"], lift["weight"], lift["unit"], id]
    except (KeyError, TypeError, IndexError):
        return lift


_SCHEMA_2_SESSION_FIELDS = {"date", "note", "lifts", "tip", "changed", "by"}

# MIGRATIONS[n] turns a schema-n file into a schema-(n+1) one, in place. Schema 1 is the first.
MIGRATIONS: dict[int, Callable[[Tables], None]] = {1: _add_change_times, 2: _sessions_as_parts}


class NewerDataFile(DataFileError):
    """The file was written by a newer streak whose data this version does not understand."""


def meta_of(tables: Tables) -> dict[str, Any]:
    """The file's single meta document."""
    meta_table = tables.get(META_TABLE)
    if not isinstance(meta_table, dict) or not isinstance(meta_table.get("1"), dict):
        raise CorruptDataFile("it has no streak version record")
    return meta_table["1"]


def version_of(tables: Tables) -> tuple[int, int]:
    """The (schema, minor) version a file was written with."""
    meta = meta_of(tables)
    schema, minor = meta.get("schema"), meta.get("minor", 0)
    if type(schema) is not int or type(minor) is not int or schema < 1 or minor < 0:
        raise CorruptDataFile("its version record is damaged")
    return schema, minor


def upgrade(tables: Tables) -> bool:
    """Bring `tables` to the current schema in place; True if a migration ran."""
    schema, _ = version_of(tables)
    if schema > SCHEMA:
        raise NewerDataFile(
            f"was written by a newer streak (data schema {schema}; this one reads {SCHEMA}): upgrade streak to use it"
        )
    migrated = schema < SCHEMA
    while schema < SCHEMA:
        MIGRATIONS[schema](tables)
        schema += 1
        tables[META_TABLE]["1"].update(schema=schema, minor=0)
    return migrated


def stamp_version(tables: Tables) -> None:
    """Mark `tables` as written by this version, without lowering a newer minor version it came with."""
    meta = meta_of(tables)
    meta.update(schema=SCHEMA, minor=max(MINOR, meta.get("minor", 0)))


def fresh_tables() -> Tables:
    """The tables of a new, empty data file."""
    return {META_TABLE: {"1": {"app": "streak", "schema": SCHEMA, "minor": MINOR}}}
