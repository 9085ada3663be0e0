"""Merge the conflict copies a sync tool left beside the data file into it, each checked like typed input first.

`Store.merge_conflict_copies` calls this; it works through the store's own locked reading and
writing, so the data file keeps one owner. A copy is first stat'ed: one over MAX_COPY_BYTES is not
read at all (a stray video renamed by a sync tool must not cost a command its memory). A copy that
is read is held to the rules of typed input (`streak.core.sync.check`): what breaks one is left
out of the merge and named, and the copy still moves into backups/ whole.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime

from streak.core.history.model import History
from streak.storage.errors import DataFileError, SaveFailed
from streak.storage.sync.conflicts import ConflictCopy
from streak.storage.sync.copy_reports import CopyReport, merged_line

TYPE_CHECKING = False  # as typing.TYPE_CHECKING: typing's ~13 ms is not worth a Protocol at run time
if TYPE_CHECKING:
    from contextlib import AbstractContextManager
    from typing import Protocol

    from streak.core.sync.check import LeftOut
    from streak.storage.datafile.raw import Opened
    from streak.storage.datafile.schema import Tables

    class MergingStore(Protocol):
        """What merging conflict copies needs of the store (`streak.storage.store.Store`), which calls it."""

        path: str

        def now(self) -> datetime: ...
        def locked(self) -> AbstractContextManager[None]: ...
        def why_unwritable(self) -> str | None: ...
        def read_for_change(self) -> tuple[bytes | None, Opened]: ...
        def save_merged(self, tables: Tables, raw: bytes | None) -> None: ...
        def keep_conflict_copy(self, path: str) -> None: ...


MAX_COPY_BYTES = 20 * 1024 * 1024  # a data file of 100 years of daily sessions with 20 lifts each is ~15 MB


class _Taken:
    """One copy that was read and merged: the history before and after it, what was left out, how far ahead its clock."""

    def __init__(self, copy: ConflictCopy, before: History, after: History, left_out: tuple[LeftOut, ...]) -> None:
        self.copy, self.before, self.after, self.left_out = copy, before, after, left_out
        self.clock_ahead = ""


def merge_conflict_copies(store: MergingStore, copies: list[ConflictCopy]) -> list[CopyReport]:
    """Merge the conflict copies `find_conflict_copies` found beside the store's data file, then move each into backups/.

    Under the lock: the day's backup,
    then the merged file written atomically, then each merged copy moved; a crash in between
    leaves the copy in place, and merging it again changes nothing. A copy that cannot be read,
    or is too large to, is left where it is and reported; only a problem with the data file itself raises.
    """
    today = store.now().date()
    reports: list[CopyReport] = []
    readable = []
    for copy in copies:
        too_large = _too_large(copy)
        if too_large:
            reports.append(_left(copy, too_large, today))
        else:
            readable.append(copy)
    if not readable:
        return reports
    unwritable = store.why_unwritable()
    if unwritable:  # the data file can still be read as it is: say why the copy waits, and go on
        return reports + [_left(copy, unwritable, today) for copy in readable]
    return reports + _merge_under_lock(store, readable)


def _merge_under_lock(store: MergingStore, copies: list[ConflictCopy]) -> list[CopyReport]:
    from streak.core.sync.check import checked_copy, clock_ahead, how_far
    from streak.core.sync.merge import merge_histories
    from streak.storage.datafile.write import keep_unknown_fields, write_history

    now = store.now()
    today = now.date()
    reports: list[CopyReport] = []
    taken: list[_Taken] = []
    copied_tables: list[Tables] = []
    with store.locked():
        raw, opened = store.read_for_change()
        merged = opened.history
        for copy in copies:
            try:
                their_tables, theirs, unreadable = _copy_history(store, copy)
            except FileNotFoundError:
                if os.path.lexists(copy.path):
                    reports.append(_left(copy, "it is a link to a file that does not exist", today))
                continue  # or another streak merged it a moment ago
            except (OSError, DataFileError) as error:
                reports.append(_left(copy, error.strerror if isinstance(error, OSError) else str(error), today))
                continue
            checked = checked_copy(theirs, today)
            left_out = (*unreadable, *checked.left_out)
            taken.append(_Taken(copy, merged, merge_histories(merged, checked.history), left_out))
            ahead = clock_ahead(theirs, now.astimezone(UTC))
            if ahead is not None:
                taken[-1].clock_ahead = how_far(ahead)
            merged = taken[-1].after
            copied_tables.append(their_tables)
        if merged != opened.history or (opened.migrated and taken):
            written = write_history(opened.tables, opened.history, merged).tables
            for their_tables in copied_tables:
                keep_unknown_fields(written, their_tables)
            try:
                store.save_merged(written, raw)
            except SaveFailed as failed:  # the data file is as it was and still usable
                return reports + [
                    _left(one.copy, f"the merged file could not be saved: {failed.reason}", today) for one in taken
                ]
        for one in taken:  # only now: until the merged file is safely written, the copy stays
            try:
                store.keep_conflict_copy(one.copy.path)
                moved = None
            except OSError as error:
                moved = error.strerror or "it could not be moved"
            line = merged_line(one.copy, one.before, one.after, today, moved, one.left_out, one.clock_ahead)
            reports.append(CopyReport(one.copy, True, line))
    return reports


def _too_large(copy: ConflictCopy) -> str | None:
    """Why the copy is not read, when one stat shows it is larger than any data file streak writes; else None."""
    try:
        size = os.stat(copy.path).st_size
    except OSError:
        return None  # reading it says what is wrong, or it went away (merged by another streak)
    if size <= MAX_COPY_BYTES:
        return None
    return (
        f"it is {_size(size)}, larger than the {_size(MAX_COPY_BYTES)} a streak data file can reach, so it was not read"
    )


def _size(size: int) -> str:
    if size >= 1024**3:
        return f"{size / 1024**3:.1f} GB"
    return f"{size / 1024**2:.0f} MB"


def _copy_history(store: MergingStore, copy: ConflictCopy) -> tuple[Tables, History, list[LeftOut]]:
    """The tables and history a conflict copy holds, less what the reader refuses (named); DataFileError says why it cannot be used at all."""
    from streak.storage.datafile.raw import parse_tables, read_regular_file
    from streak.storage.datafile.salvage import salvaged_history
    from streak.storage.datafile.schema import NewerDataFile, upgrade

    data = read_regular_file(copy.path, limit=MAX_COPY_BYTES)
    try:
        tables = parse_tables(data)[0]
        upgrade(tables)
        return (tables, *salvaged_history(tables))
    except NewerDataFile as error:
        raise NewerDataFile(f"it {error}") from None


def _left(copy: ConflictCopy, reason: str, today: date) -> CopyReport:
    return CopyReport(
        copy, False, f"could not merge {copy.described(today)} ({copy.name}): {reason}; it was left where it is"
    )
