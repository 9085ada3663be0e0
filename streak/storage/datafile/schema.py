"""Schema versions of the data file, and the migrations that bring older files up to date.

A file records `schema` (major) and `minor`. A newer minor only adds keys, which this version
keeps untouched; a newer major is refused, since writing it back could lose what it means.
"""

from collections.abc import Callable
from typing import Any

from streak.core.history.model import ORIGINAL
from streak.storage.errors import CorruptDataFile, DataFileError

SCHEMA = 2
MINOR = 0
META_TABLE = "meta"

Tables = dict[str, Any]


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


# MIGRATIONS[n] turns a schema-n file into a schema-(n+1) one, in place. Schema 1 is the first.
MIGRATIONS: dict[int, Callable[[Tables], None]] = {1: _add_change_times}


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
