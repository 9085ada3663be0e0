"""Daily copies of the data file in a `backups` folder beside it, newest kept, oldest pruned."""

import os
import re
from datetime import datetime
from typing import NamedTuple

from streak.storage.atomic import move_durably, write_atomically

FOLDER_NAME = "backups"
STAMP = "%Y-%m-%d-%H%M%S"


class Backup(NamedTuple):
    """One backup file: its name in the backups folder, its full path and when it was taken."""

    name: str
    path: str
    stamp: str

    @property
    def taken(self) -> datetime:
        """When the backup was taken."""
        return datetime.strptime(self.stamp, STAMP)


class Backups:
    """The backups of one data file: `<folder>/backups/<stem>-YYYY-MM-DD-HHMMSS.json`."""

    def __init__(self, data_path: str) -> None:
        folder, name = os.path.split(data_path)
        self.folder = os.path.join(folder, FOLDER_NAME)
        self.stem = name.rsplit(".", 1)[0] if "." in name else name
        self._pattern = re.compile(re.escape(self.stem) + r"-(\d{4}-\d\d-\d\d-\d{6})(?:-\d+)?\.json")

    def all(self) -> list[Backup]:
        """Every backup, newest first."""
        try:
            names = os.listdir(self.folder)
        except FileNotFoundError:
            return []
        backups = []
        for name in names:
            match = self._pattern.fullmatch(name)
            if match:
                backups.append(Backup(name, os.path.join(self.folder, name), match[1]))
        # Without ".json", an earlier name is a prefix of its same-second sibling ("...-2"), so it sorts first.
        backups.sort(key=lambda backup: backup.name[: -len(".json")], reverse=True)
        return backups

    def find(self, name: str) -> Backup | None:
        """The backup called `name` (with or without `.json`)."""
        wanted = name if name.endswith(".json") else name + ".json"
        return next((backup for backup in self.all() if backup.name == wanted), None)

    def taken_on(self, day: str) -> bool:
        """Whether a backup was already taken on `day` (YYYY-MM-DD)."""
        return any(backup.stamp.startswith(day) for backup in self.all())

    def save(self, data: bytes, now: datetime) -> Backup:
        """Keep `data` as a new backup taken at `now`."""
        os.makedirs(self.folder, mode=0o700, exist_ok=True)
        stamp = now.strftime(STAMP)
        base = f"{self.stem}-{stamp}"
        name, count = f"{base}.json", 1
        while os.path.exists(os.path.join(self.folder, name)):
            count += 1
            name = f"{base}-{count}.json"
        backup = Backup(name, os.path.join(self.folder, name), stamp)
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

    def prune(self, keep: int) -> None:
        """Delete all but the newest `keep` backups."""
        for backup in self.all()[keep:]:
            try:
                os.remove(backup.path)
            except OSError:
                pass  # an old backup that will not go is no reason to refuse today's change
