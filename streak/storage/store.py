"""The data file: read it whole, change it under an exclusive lock, write it back atomically.

Every change is a pure function from the old history to the new one, applied while the lock
is held to what is on disk at that moment, so two processes never lose each other's work.
A file that cannot be trusted (corrupt, newer, unreadable) is never written, nor one its owner
made read-only. A data path that is a symlink is resolved once, at the start: the real file is
read, locked, backed up and replaced, and the link stays a link.
"""

from __future__ import annotations

import os
import stat
from datetime import datetime
from functools import cached_property

from streak.core.errors import InputError
from streak.core.history.model import History, PartsNotRead, Stamp
from streak.core.named_tuple import NamedTuple
from streak.storage.datafile.raw import Opened, parse_tables, read_regular_file
from streak.storage.datafile.read import MAX_BACKUPS_KEPT, MIN_BACKUPS_KEPT, SESSIONS, backups_kept, history_from
from streak.storage.datafile.schema import META_TABLE, NewerDataFile, Tables, fresh_tables, stamp_version, upgrade
from streak.storage.datafile.snapshot import digest_of, recall, remember, tables_of, worth_keeping
from streak.storage.datafile.tables_text import TableTexts, UnreadTable, tables_bytes
from streak.storage.errors import CorruptDataFile, DataFileError, SaveFailed
from streak.storage.paths import DataPath

# What the last read or change of a long history made, held to the end of the process: a command's
# process ends with os._exit (see `streak.cli.main`), which takes all of it at once, where freeing
# a ten-thousand-session history object by object as the command returns costs milliseconds.
_last_read: list[object] = []

# The shell prompt's `streak status` only reads: what only writing, backups or the merge of a conflict
# copy need (the backups module with its `re`, the atomic writer, the sync modules) is imported where
# it is used, and typing's names are for type checkers only (importing typing costs ~13 ms).
TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from collections.abc import Callable
    from contextlib import AbstractContextManager
    from typing import Generic, TypeVar

    from streak.storage.backups import Backup, Backups
    from streak.storage.datafile.write import Written
    from streak.storage.sync.copy_reports import CopyReport

    Result = TypeVar("Result")

    class Applied(NamedTuple, Generic[Result]):
        """As below, generic in the change's result for type checkers (a NamedTuple cannot be Generic at run time here)."""

        history: History
        result: Result
        fingerprint: tuple[int, ...]

else:

    class Applied(NamedTuple):
        """What a change left: the history now in the file, the change's own result, and the file's fingerprint after it.

        The fingerprint is taken under the lock, so a later write by anyone else shows as a different one.
        """

        history: History
        result: object
        fingerprint: tuple[int, ...]


LOCK_TIMEOUT_SECONDS = 10.0


class _Made(NamedTuple):
    """A change made under the lock: what it was made to, the history before and after it, its result, and what to write."""

    opened: Opened
    old: History
    new: History
    result: object
    written: Written | None  # None: nothing changed, nothing to write


class BackupState(NamedTuple):
    """A backup, its number of sessions (None if it cannot be read) and whether the time in its name lies ahead."""

    backup: Backup
    sessions: int | None
    in_future: bool


class MissingFolder(InputError):
    """The folder a data path names does not exist: most likely a mistyped --db or STREAK_DB."""


class ReadOnlyDataFile(DataFileError):
    """The data file's owner made it read-only; streak reads it but never replaces it."""


class Store:
    """One streak data file, with its lock file and its backups folder beside it.

    Only the default data file gets its folders made; a path the person named must lie in a
    folder that exists. A bare path (as tests and tools give) gets its folder made, and is named
    with --db wherever a command to paste is printed.
    """

    def __init__(
        self,
        path: str | DataPath,
        *,
        lock_timeout: float = LOCK_TIMEOUT_SECONDS,
        now: Callable[[], datetime] = datetime.now,
        machine: str | None = None,
    ) -> None:
        self.location = path if isinstance(path, DataPath) else DataPath(path, "--db")
        self.create_folder = self.location.is_default or not isinstance(path, DataPath)
        self.given_path = os.path.abspath(self.location.path)
        self.path = os.path.realpath(self.location.path)
        self.lock_timeout = lock_timeout
        self._now = now
        self._machine = machine
        self.saved = False  # whether this Store has replaced the data file: a change was made

    @cached_property
    def backups(self) -> Backups:
        """The backups beside the data file: made when first needed, as reading the file never needs them."""
        from streak.storage.backups import Backups

        return Backups(self.path, machine=self._machine_id)

    def load(self, hurried: bool = False, parts: bool = True) -> History:
        """The history as it is on disk now; an empty one if the file does not exist yet.

        A long history read in full is kept as a snapshot of its bytes, for every read of the same
        bytes until the next change (see `streak.storage.datafile.snapshot`); a `hurried` reader
        (the shell prompt) keeps one only of a very long history. A reader that only works out
        figures passes `parts=False`: from a snapshot, the sessions' parts are then left unread.
        """
        raw = self._read_bytes()
        if raw is None or not worth_keeping(raw):
            return self._open(raw).history
        digest = digest_of(raw)
        remembered = recall(digest, parts)
        if remembered is not None:
            _last_read[:] = [remembered]
            return remembered.history
        opened = self._open(raw)
        if not opened.migrated and worth_keeping(raw, hurried):
            remember(digest, opened.history, opened.tables, opened.texts)
        _last_read[:] = [opened]
        return opened.history

    def fingerprint(self) -> tuple[int, ...]:
        """What changes whenever the data file might have, for the price of two stats and no reading.

        The file's inode, size and modification time (every write replaces the file, so a new inode),
        then the same of its folder, whose modification time moves when a sync tool drops a conflict
        copy beside the file. Zeros stand for what does not exist (yet).
        """
        return _stat_key(self.path) + _stat_key(os.path.dirname(self.path))

    def update(self, change: Callable[[History], tuple[History, Result]]) -> Result:
        """Apply `change` to the history on disk and save the result, all under the lock; the change's result.

        If `change` raises, or returns the history unchanged, the file is not touched. `change` must
        be a function of the history alone: over a long history's snapshot it is first given the
        sessions without their parts, and if it changes a session or looks into its parts, it is
        made again on the history read whole.
        """
        return self._change(change, report=False).result

    def apply(self, change: Callable[[History], tuple[History, Result]]) -> Applied[Result]:
        """As `update`, and say what the file holds afterwards, so a caller that shows it need not read it again."""
        return self._change(change, report=True)

    def _change(self, change: Callable[[History], tuple[History, Result]], *, report: bool) -> Applied[Result]:
        """Apply `change` under the lock; with `report`, also what the file then holds and its fingerprint.

        Without `report` those are not worked out: a command prints only the result, and turning the
        tables written back into a history costs milliseconds on a long one.
        """
        with self._locked():
            seen = self.fingerprint() if report else ()  # before reading: a sync tool takes no lock, and may write
            raw = self._read_bytes()
            made = None
            remembered = self._remembered(raw) if raw is not None and worth_keeping(raw) and not report else None
            if remembered is not None:
                try:
                    made = self._made(change, remembered)
                except PartsNotRead:
                    pass  # it looked into a session's parts: made again below, on the history read whole
            made = made or self._made(change, self._open(raw))
            opened, old, new, result, written = made
            held = old
            if written is not None:
                # Tables the change left alone go back as the text read; a migrated file, changed
                # throughout, is written afresh (after a backup of the old one).
                texts = None if opened.migrated else opened.texts
                self._save(written.tables, raw, opened.migrated, texts, written.rewritten)
                if report:
                    held = history_from(written.tables)  # exactly what the next read would find
                    seen = self.fingerprint()
            _last_read[:] = [opened, new]
            return Applied(held, result, seen)

    def _made(self, change: Callable[[History], tuple[History, Result]], opened: Opened) -> _Made | None:
        """`change` made to what `opened` holds, stamped, and the tables to write (None if nothing changed).

        None instead when the sessions table was left unread and the change edits or removes a
        session: its document must be found, so the file is to be read whole.
        """
        old = opened.history
        new, result = change(old)
        if type(opened.tables.get(SESSIONS)) is UnreadTable:
            from streak.core.history.identity import only_in

            if only_in(old.sessions, new.sessions):
                return None
        if new == old and not opened.migrated:
            return _Made(opened, old, new, result, None)
        from streak.core.history.stamps import stamped
        from streak.storage.datafile.write import write_history  # only commands that write load it

        new = stamped(new, self._stamp(old, opened.latest), read=old)
        return _Made(opened, old, new, result, write_history(opened.tables, old, new))

    def merge_conflict_copies(self) -> list[CopyReport]:
        """Merge every conflict copy a sync tool left beside the data file into it (see `streak.storage.sync.copies`)."""
        from streak.storage.sync.conflicts import find_conflict_copies

        copies = find_conflict_copies(self.path)
        if not copies:
            return []
        # Only now: the merge's modules cost every shell prompt a few ms, and copies are rare.
        from streak.storage.sync.copies import merge_conflict_copies

        return merge_conflict_copies(self, copies)

    # What merging conflict copies needs of the store: its clock, its lock, and its checked reading and writing.

    def now(self) -> datetime:
        """This moment by the store's clock (tests pin it)."""
        return self._now()

    def locked(self) -> AbstractContextManager[None]:
        """The data file's exclusive lock, held for a read-change-write."""
        return self._locked()

    def why_unwritable(self) -> str | None:
        """Why the data file could not be replaced now (read-only, or in a folder that cannot be written), or None."""
        return self._why_unwritable()

    def read_for_change(self) -> tuple[bytes | None, Opened]:
        """Under the lock: the data file's bytes (None if it does not exist yet) and what they hold."""
        raw = self._read_bytes()
        return raw, self._open(raw)

    def keep_conflict_copy(self, path: str) -> None:
        """Move a merged conflict copy into backups/, whole; OSError if it cannot be moved."""
        self.backups.keep_conflict_copy(path)

    def save_merged(self, tables: Tables, raw: bytes | None) -> None:
        """Under the lock: write merged tables over the file that held `raw`, after a backup of it."""
        self._save(tables, raw, keep_backup=True)

    def _stamp(self, history: History, latest: Stamp | None = None) -> Stamp:
        """What a change to `history` is stamped with: a hybrid logical clock, never behind the file's latest stamp.

        `latest` is that stamp, when known already.
        """
        from streak.core.history.stamps import NoLaterStamp, latest_stamp, next_stamp

        try:
            return next_stamp(self._now(), self._machine_id(), latest or latest_stamp(history))
        except NoLaterStamp as error:
            raise _unusable(
                self.path,
                f"its latest change time, {error}, is the last the supported years hold (a clock ran that far "
                "ahead), so no change can be stamped after it",
            ) from None

    def _machine_id(self) -> str:
        """The machine this store works on: as given (tests, two machines in one process), else this one's own id."""
        from streak.storage.sync.machine import machine_id

        return self._machine or machine_id()

    def backup_states(self) -> list[BackupState]:
        """Every backup of this file, newest first, with the number of sessions it holds."""
        return self._states(self.backups.all())

    def shared_backup_states(self) -> list[BackupState]:
        """Backups named the older way that may belong to another file with this file's stem."""
        return self._states(self.backups.shared())

    def _states(self, backups: list[Backup]) -> list[BackupState]:
        now = self._now()
        states = []
        for backup in backups:
            try:
                sessions = len(self._open(read_regular_file(backup.path), backup.path).history.sessions)
            except (OSError, DataFileError):
                sessions = None
            states.append(BackupState(backup, sessions, backup.taken > now))
        return states

    def newest_good_backup(self) -> Backup | None:
        """This machine's newest backup that opens cleanly (its own order no clock can fool); else any machine's."""
        own = self.backups.own()
        everyone = self.backups.all()
        good = (backup for backup in (*own, *everyone) if self._opens(backup))
        return next(good, None)

    def _opens(self, backup: Backup) -> bool:
        try:
            self._open(read_regular_file(backup.path), backup.path)
        except (OSError, DataFileError):
            return False
        return True

    def own_files(self) -> list[tuple[str, str]]:
        """Every file streak keeps for this data file, with what it is: nothing else may be written over them."""
        from streak.storage.backups import BackupsUnusable

        files = [(self.path, f"streak's data file {self.path}"), (self._lock_path(), "the data file's lock")]
        try:
            backups = self.backups.all() + self.backups.shared()
        except BackupsUnusable:
            backups = []  # an unreadable backups folder cannot be written into either
        return files + [(backup.path, f"the backup {backup.name}") for backup in backups]

    def restore(self, name: str | None = None) -> Backup:
        """Put a backup (by default the newest good one) in place; the current file is kept as a backup first."""
        from streak.storage.datafile.atomic import write_atomically  # writing only: a prompt's read skips it

        with self._locked():
            if name == "":
                raise InputError(
                    "name the backup to restore (streak backup lists them), or give no name for the newest good one"
                )
            backup = self.backups.find(name) if name else self.newest_good_backup()
            if backup is None:
                raise InputError(
                    f"there is no backup called {name}" if name else "there is no usable backup to restore"
                )
            try:
                data = read_regular_file(backup.path)
            except OSError as error:
                raise DataFileError(f"backup {backup.path} cannot be read ({error.strerror})") from None
            restored_tables = self._open(data, backup.path).tables
            current = self._read_bytes_raw()
            self._check_writable()
            try:
                if current is not None:
                    taken = self.backups.save(current, self._now())
                    self.backups.prune(backups_kept(restored_tables), taken)  # the current file may be corrupt
                write_atomically(self.path, data)
            except OSError as error:
                raise self._write_failed(error) from None
            self.saved = True
            return backup

    def set_backups_kept(self, kept: int) -> None:
        """Keep this machine's newest `kept` daily backups, from now on and at once (the day's backup, if taken now, stays)."""
        if not MIN_BACKUPS_KEPT <= kept <= MAX_BACKUPS_KEPT:
            raise InputError(f"keep from {MIN_BACKUPS_KEPT} to {MAX_BACKUPS_KEPT} backups, not {kept}")
        with self._locked():
            raw = self._read_bytes()
            tables = self._open(raw).tables
            from streak.storage.datafile.write import set_backups_kept

            self._save(set_backups_kept(tables, kept), raw, keep_backup=False)
            try:
                self.backups.prune(kept)  # _save pruned if it took the day's backup; otherwise nothing had
            except OSError:
                pass  # the setting is saved; an old backup that will not go is pruned next time

    def backups_kept(self) -> int:
        """How many daily backups are kept."""
        return backups_kept(self._open(self._read_bytes()).tables)

    # The rest is how the file is read, checked and written.

    def _lock_path(self) -> str:
        return self.path + ".lock"

    def _locked(self) -> AbstractContextManager[None]:
        self._check_not_dangling()
        self.check_folder()
        self._check_not_a_folder()
        if self.create_folder:
            try:
                os.makedirs(os.path.dirname(self.path), mode=0o700, exist_ok=True)
            except OSError as error:
                raise DataFileError(f"the folder for {self.path} cannot be created ({error.strerror})") from None
        # The lock, like stamps and the machine id, is only for changes: reading commands skip importing them.
        from streak.storage.datafile.lock import exclusive_lock

        return exclusive_lock(self._lock_path(), self.lock_timeout, f"{self.path} is in use by another streak")

    def check_folder(self) -> None:
        """Unless this is the default data file, the folder named must exist: a missing one is a mistyped path."""
        folder = os.path.dirname(self.given_path)
        if not self.create_folder and not os.path.isdir(folder):
            if os.path.lexists(folder):  # `--db streak.json/x`: the data file taken for a folder
                raise MissingFolder(f"{folder} is a file, not a folder; check the path")
            raise MissingFolder(f"the folder {folder} does not exist; check the path, or create the folder first")

    def _check_not_a_folder(self) -> None:
        """A data path naming a folder (or `/`) is refused before its `.lock` is made beside it, where it would stay."""
        if os.path.isdir(self.path):
            raise DataFileError(f"{self.path} cannot be read: it is a folder; name a file in it, such as streak.json")

    def _check_not_dangling(self) -> None:
        """A link to nothing is a broken set-up, never an empty history to start afresh in."""
        if os.path.islink(self.given_path) and not os.path.exists(self.given_path):
            raise DataFileError(
                f"{self.given_path} is a link to {self.path}, which does not exist; fix the link or use the real file"
            )

    def _why_unwritable(self) -> str | None:
        """Why the data file could not be replaced now (read-only, or in a folder that cannot be written), or None."""
        try:
            self._check_writable()
        except ReadOnlyDataFile:
            return f"{self.path} is read-only"
        folder = os.path.dirname(self.path)
        if os.path.isdir(folder) and not os.access(folder, os.W_OK):
            return f"the folder {folder} cannot be written"
        return None

    def _check_writable(self) -> None:
        """A data file its owner made read-only stays as it is: streak refuses to replace it."""
        try:
            mode = os.stat(self.path).st_mode
        except FileNotFoundError:
            return
        if not mode & stat.S_IWUSR:
            raise ReadOnlyDataFile(f"{self.path} is read-only, so it was left as it was; make it writable to change it")

    def _read_bytes_raw(self) -> bytes | None:
        try:
            return read_regular_file(self.path)
        except FileNotFoundError:
            self._check_not_dangling()
            return None

    def _read_bytes(self) -> bytes | None:
        try:
            return self._read_bytes_raw()
        except OSError as error:
            raise DataFileError(f"{self.path} cannot be read: {error.strerror}") from None

    def _remembered(self, raw: bytes) -> Opened | None:
        """What `raw` holds, from its snapshot: the sessions without their parts, and their table left as text; None without one."""
        remembered = recall(digest_of(raw), parts=False)
        laid_out = None if remembered is None else tables_of(raw, remembered, SESSIONS)
        return (
            None if laid_out is None else Opened(laid_out[0], remembered.history, False, laid_out[1], remembered.latest)
        )

    def _open(self, raw: bytes | None, path: str | None = None) -> Opened:
        """The file's tables, its history, whether it was migrated from an older schema, and its tables' texts."""
        if raw is None:
            tables = fresh_tables()
            return Opened(tables, history_from(tables), False, {})
        try:
            tables, texts = parse_tables(raw)
            migrated = upgrade(tables)
            history = history_from(tables)
        except NewerDataFile as error:
            raise NewerDataFile(f"{path or self.path} {error}") from None
        except CorruptDataFile as error:
            raise _unusable(path or self.path, str(error)) from None
        return Opened(tables, history, migrated, texts)

    def _save(
        self,
        tables: Tables,
        raw: bytes | None,
        keep_backup: bool,
        texts: TableTexts | None = None,
        rewritten: frozenset[str] = frozenset(),
    ) -> None:
        """Write `tables`, reusing `texts` (as read from `raw`) for the tables not in `rewritten`; none without texts."""
        from streak.storage.datafile.atomic import write_atomically  # writing only: a prompt's read skips it

        stamp_version(tables)
        data = tables_bytes(tables, texts or {}, None if texts is None else rewritten | {META_TABLE}, raw or b"")
        self._check_writable()
        if raw is not None:
            now = self._now()
            try:
                if keep_backup or not self.backups.taken_on(now.date().isoformat()):
                    taken = self.backups.save(
                        raw, now, source=self.path
                    )  # `raw` is what the file holds: we hold the lock
                    self.backups.prune(backups_kept(tables), taken)
            except OSError as error:
                raise SaveFailed(
                    f"the day's backup could not be written in {self.backups.folder} ({error.strerror})",
                    f"{self.path} was left as it was, since streak writes nothing before the backup is safe",
                ) from None
        try:
            write_atomically(self.path, data)
        except OSError as error:
            raise self._write_failed(error) from None
        self.saved = True

    def _write_failed(self, error: OSError) -> SaveFailed:
        return SaveFailed(f"{self.path} could not be saved ({error.strerror})", "it was left as it was")

    def describe_problem(self, error: DataFileError) -> str:
        """One line for the user: what is wrong with the file and, where it helps, how to restore a backup."""
        if type(error) is not CorruptDataFile:
            return str(error)
        from streak.storage.backups import BackupsUnusable  # only a damaged file is offered a backup

        try:
            backup = self.newest_good_backup()
        except BackupsUnusable as unusable:
            return f"{error}; it was left untouched, and no backup can be offered: {unusable}"
        if backup is None:
            return f"{error}; it was left untouched, and there is no backup to restore"
        return (
            f"{error}; it was left untouched. The newest good backup is {backup.name}: {self.restore_command(backup)}"
        )

    def restore_command(self, backup: Backup) -> str:
        """The exact command that restores `backup` over this data file, quoted to paste into a shell as it is."""
        from shlex import quote  # only needed on this rare path

        if self.location.is_default:
            return f"streak restore {quote(backup.name)}"
        return f"streak --db {quote(self.given_path)} restore {quote(backup.name)}"


def _unusable(path: str, why: str) -> CorruptDataFile:
    """The damaged-file refusal, naming the file and what is wrong with it."""
    return CorruptDataFile(f"{path} is not a usable streak data file: {why}")


def _stat_key(path: str) -> tuple[int, int, int]:
    try:
        info = os.stat(path)
    except OSError:
        return (0, 0, 0)
    return (info.st_ino, info.st_size, info.st_mtime_ns)
