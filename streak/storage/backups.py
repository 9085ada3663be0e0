"""Copies of the data file in a `backups` folder beside it, taken before the first change of each day.

A backup is named after the data file's whole name, a sequence number, the time by the clock and
the short id of the machine that took it: `streak.json.0007.2026-11-21-093000.3fa9c2d1.json`. In a
synced folder `backups/` is synced too, so each machine numbers, orders and prunes only its own:
within one machine the sequence number alone orders backups (a clock that was wrong once would
otherwise make a stale backup look newest); between machines only their clocks can. Every machine
lists, and can restore, every machine's backups.

Backups named before machine ids (`streak.json.0007.2026-11-21-093000.json`) count as this
machine's, older than every one it numbers now; those named the way still earlier versions named
them, after the name without its extension (`streak-2026-11-21-093000.json`), as older still, and
as this file's only when no other file beside it has that stem: `legs.json` and `legs.txt` once
shared one set, and neither may take the other's.
"""

import heapq
import os
from collections.abc import Callable
from datetime import datetime
from functools import cached_property
from operator import attrgetter

from streak.core.named_tuple import NamedTuple
from streak.storage.datafile.atomic import move_durably, write_atomically
from streak.storage.errors import DataFileError

FOLDER_NAME = "backups"
STAMP = "%Y-%m-%d-%H%M%S"
_STAMP_LENGTH = len("2026-11-21-093000")
_MAX_MACHINE_LENGTH = 16


class BackupsUnusable(DataFileError):
    """The backups folder cannot be listed or written, so no backup can be found or taken."""


class Backup(NamedTuple):
    """One backup file: its name, its full path, when the clock said it was taken, its place in the sequence, its machine.

    `sequence` is 0 for a backup named the older way, before numbering; `machine` is "" for one
    named before machine ids.
    """

    name: str
    path: str
    taken: datetime
    sequence: int
    machine: str = ""

    def order(self) -> tuple[int, int, int | str]:
        """Sorts one machine's backups older before newer: by number, after those named before machine ids (by
        number), after every older-style one (by name)."""
        if not self.sequence:
            return (0, 0, self.name.removesuffix(".json"))
        return (1, 0, self.sequence) if not self.machine else (1, 1, self.sequence)


def short_machine_id(machine: str) -> str:
    """The part of a machine id that backup names carry: its first 8 letters and digits."""
    return "".join(char for char in machine if char.isascii() and char.isalnum())[:8] or "machine"


def _stamp_time(stamp: str) -> datetime | None:
    """The time a stamp names, or None for one like 2026-02-30 (no strptime: it costs ~2 ms to import)."""
    fields = (stamp[:4], stamp[5:7], stamp[8:10], stamp[11:13], stamp[13:15], stamp[15:17])
    try:
        return datetime(*map(int, fields))
    except ValueError:
        return None


def _is_stamp(text: str) -> bool:
    """Whether `text` reads YYYY-MM-DD-HHMMSS, each a decimal digit (any script's, as int reads them)."""
    return (
        len(text) == _STAMP_LENGTH
        and text[4] == text[7] == text[10] == "-"
        and (text[:4] + text[5:7] + text[8:10] + text[11:]).isdecimal()
    )


def _numbered_fields(name: str, data_name: str) -> tuple[str, str, str] | None:
    """Number, stamp and machine of a backup named `<data name>.<number>.<stamp>[.<machine>].json`, or None.

    Read by hand rather than by a regular expression: `re` (with the enum it imports) would cost
    the day's first check-in about 7 ms.
    """
    if not (name.startswith(data_name + ".") and name.endswith(".json")):
        return None
    fields = name[len(data_name) + 1 : -len(".json")].split(".")
    if len(fields) not in (2, 3):
        return None
    sequence, stamp, machine = fields if len(fields) == 3 else (*fields, "")
    if not (sequence.isdecimal() and _is_stamp(stamp)):
        return None
    if len(fields) == 3 and not (machine.isascii() and machine.isalnum() and len(machine) <= _MAX_MACHINE_LENGTH):
        return None
    return sequence, stamp, machine


def _older_stamp(name: str, stem: str) -> str | None:
    """The stamp of a backup named the older way, `<stem>-<stamp>[-<n>].json`, or None."""
    if not (name.startswith(stem + "-") and name.endswith(".json")):
        return None
    rest = name[len(stem) + 1 : -len(".json")]
    stamp, extra = rest[:_STAMP_LENGTH], rest[_STAMP_LENGTH:]
    if not _is_stamp(stamp) or (extra and not (extra[0] == "-" and extra[1:].isdecimal())):
        return None
    return stamp


def _stem(name: str) -> str:
    return name.rsplit(".", 1)[0] if "." in name else name


class Backups:
    """The backups of one data file."""

    def __init__(self, data_path: str, machine: Callable[[], str] = lambda: "") -> None:
        self.data_folder, self.data_name = os.path.split(data_path)
        self.folder = os.path.join(self.data_folder, FOLDER_NAME)
        self.stem = _stem(self.data_name)
        self._machine = machine  # asked only when backups are listed or taken: most commands never do

    @cached_property
    def machine(self) -> str:
        """This machine's short id, as its backups' names carry it."""
        return short_machine_id(self._machine())

    def all(self) -> list[Backup]:
        """Every machine's backups of this file, newest first: each machine's in its own order, machines by the clock."""
        numbered, older = self._scan()
        if older and self.stem_sharers():
            older = []
        by_machine: dict[str, list[Backup]] = {}
        for backup in numbered:
            by_machine.setdefault(backup.machine or self.machine, []).append(backup)
        for backups in by_machine.values():
            backups.sort(key=Backup.order, reverse=True)
        merged = heapq.merge(*by_machine.values(), key=attrgetter("taken"), reverse=True)
        return [*merged, *sorted(older, key=Backup.order, reverse=True)]

    def own(self) -> list[Backup]:
        """This machine's backups of this file, newest first; those named before machine ids count as its own."""
        return [backup for backup in self.all() if backup.machine in ("", self.machine)]

    def shared(self) -> list[Backup]:
        """Backups named the older way that another file with this file's stem may own, newest first."""
        older = self._scan()[1]
        if not older or not self.stem_sharers():
            return []
        return sorted(older, key=Backup.order, reverse=True)

    def stem_sharers(self) -> list[str]:
        """Other files beside the data file whose older-style backups would carry the same names."""
        try:
            names = os.listdir(self.data_folder or ".")
        except OSError:
            return []
        own = {self.data_name, self.data_name + ".lock", FOLDER_NAME}
        return sorted(name for name in names if _stem(name) == self.stem and name not in own and name[0] != ".")

    def find(self, name: str) -> Backup | None:
        """The backup called `name` (with or without `.json`), this file's or one it may share."""
        wanted = name if name.endswith(".json") else name + ".json"
        return next((backup for backup in self.all() + self.shared() if backup.name == wanted), None)

    def taken_on(self, day: str) -> bool:
        """Whether this machine already took a backup on `day` (YYYY-MM-DD) by the clock."""
        return any(backup.taken.date().isoformat() == day for backup in self.own())

    def save(self, data: bytes, now: datetime, source: str | None = None) -> Backup:
        """Keep `data` as the next backup in the sequence, stamped with `now`.

        `source` is a file holding exactly `data` that is about to be replaced by a rename (the data
        file, under its lock): the backup is then a hard link to it, which costs no copy and no
        flush, since its bytes are on disk already. Where links are not to be had, it is a copy.
        """
        self._make_folder()
        own = (backup.sequence for backup in self._scan()[0] if backup.machine == self.machine)
        sequence = max(own, default=0) + 1
        now = now.replace(microsecond=0)
        stamp = now.strftime(STAMP)
        while os.path.lexists(os.path.join(self.folder, self._name(sequence, stamp))):
            sequence += 1
        name = self._name(sequence, stamp)
        backup = Backup(name, os.path.join(self.folder, name), now, sequence, self.machine)
        if source is not None:
            try:
                os.link(source, backup.path)
                return backup
            except OSError:
                pass  # a file system without hard links (or another owner's file): copy instead
        write_atomically(backup.path, data)
        return backup

    def keep_conflict_copy(self, path: str) -> str:
        """Move a merged conflict copy into the folder under its own name (numbered if taken); its new path.

        Its name does not look like a daily backup's, so it is neither listed nor pruned with them.
        """
        os.makedirs(self.folder, mode=0o700, exist_ok=True)
        name = os.path.basename(path)
        stem, dot, extension = name.rpartition(".")
        target, count = os.path.join(self.folder, name), 1
        while os.path.exists(target):
            count += 1
            target = os.path.join(self.folder, f"{stem}-{count}{dot}{extension}" if stem else f"{name}-{count}")
        move_durably(path, target)
        return target

    def prune(self, keep: int, just_taken: Backup | None = None) -> None:
        """Delete all but this machine's newest `keep` backups; the one just taken always stays, other machines' too."""
        for backup in self.own()[keep:]:
            if just_taken is not None and backup.name == just_taken.name:
                continue
            try:
                os.remove(backup.path)
            except OSError:
                pass  # an old backup that will not go is no reason to refuse today's change

    def _name(self, sequence: int, stamp: str) -> str:
        return f"{self.data_name}.{sequence:04d}.{stamp}.{self.machine}.json"

    def _scan(self) -> tuple[list[Backup], list[Backup]]:
        """This file's numbered backups and older-style ones with its stem; a name with an impossible time is none."""
        numbered, older = [], []
        for name in self._names():
            if fields := _numbered_fields(name, self.data_name):
                taken, sequence, machine, found = _stamp_time(fields[1]), int(fields[0]), fields[2], numbered
            elif stamp := _older_stamp(name, self.stem):
                taken, sequence, machine, found = _stamp_time(stamp), 0, "", older
            else:
                continue
            if taken is not None:
                found.append(Backup(name, os.path.join(self.folder, name), taken, sequence, machine))
        return numbered, older

    def _names(self) -> list[str]:
        try:
            return os.listdir(self.folder)
        except FileNotFoundError:
            return []
        except NotADirectoryError:
            raise self._not_a_folder() from None
        except OSError as error:
            raise BackupsUnusable(f"the backups folder {self.folder} cannot be read ({error.strerror})") from None

    def _make_folder(self) -> None:
        try:
            os.makedirs(self.folder, mode=0o700, exist_ok=True)
        except FileExistsError:
            raise self._not_a_folder() from None
        except OSError as error:
            raise BackupsUnusable(f"the backups folder {self.folder} cannot be made ({error.strerror})") from None

    def _not_a_folder(self) -> BackupsUnusable:
        return BackupsUnusable(f"{self.folder} is a file, not the backups folder; move it away so backups can be kept")
