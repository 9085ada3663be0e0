"""The conflict copies sync tools leave beside a data file, found with one listing of its folder.

When two machines change a file in a synced folder before they hear from each other, the tool
keeps one version under the file's name and the other under a new one beside it:

- Syncthing: `NAME.sync-conflict-YYYYMMDD-HHMMSS-DEVICE.EXT` (DEVICE, the first 7 characters of
  the device id, is missing in copies from versions before 0.14);
- Dropbox: `NAME (WHO's conflicted copy YYYY-MM-DD).EXT`, sometimes with a number after the date or
  ` (1)` after the bracket; WHO may hold brackets itself (`Ann (Laptop)`);
- Nextcloud: `NAME (conflicted copy [USER ]YYYY-MM-DD HHMMSS).EXT`, and from older clients
  `NAME_conflict-YYYYMMDD-HHMMSS.EXT`.

NAME and EXT are the data file's own name cut at its last dot, so copies of other files never
count. This module only finds them, at the cost of one listing; `streak.storage.sync.copies` merges them.
"""

from __future__ import annotations

import os
from datetime import date

from streak.core.named_tuple import NamedTuple

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from re import Pattern

SYNCTHING, DROPBOX, NEXTCLOUD = "Syncthing", "Dropbox", "Nextcloud"


class ConflictCopy(NamedTuple):
    """A conflict copy of the data file: where it is, which tool made it and on what day, if its name says."""

    path: str
    name: str
    tool: str
    made: date | None

    def described(self, today: date) -> str:
        """`the copy made by Syncthing on 20 Nov` (with the year when it is not this year's)."""
        from streak.core.phrases import MONTHS

        if self.made is None:
            return f"the copy made by {self.tool}"
        year = "" if self.made.year == today.year else f" {self.made.year}"
        return f"the copy made by {self.tool} on {self.made.day} {MONTHS[self.made.month - 1]}{year}"


def split_name(name: str) -> tuple[str, str]:
    """A file name cut at its last dot: `streak.json` is (`streak`, `.json`); `.streak` and `streak` have no extension."""
    dot = name.rfind(".")
    return (name[:dot], name[dot:]) if dot > 0 else (name, "")


def find_conflict_copies(data_path: str) -> list[ConflictCopy]:
    """The conflict copies of the data file at `data_path`, by name; one listing of its folder, nothing else read."""
    folder, name = os.path.split(data_path)
    try:
        names = os.listdir(folder or ".")
    except OSError:
        return []  # no folder yet, or one that cannot be listed: the data file's own errors say so
    stem, extension = split_name(name)
    candidates = [other for other in names if other.startswith(stem) and "onflict" in other and other != name]
    if not candidates:
        return []
    patterns = _patterns(stem, extension)
    copies = []
    for candidate in sorted(candidates):
        for tool, pattern in patterns:
            match = pattern.fullmatch(candidate)
            if match:
                copies.append(ConflictCopy(os.path.join(folder, candidate), candidate, tool, _day(match["day"])))
                break
    return copies


def _patterns(stem: str, extension: str) -> list[tuple[str, Pattern[str]]]:
    """Each tool's name for a conflict copy of `stem` + `extension`; Nextcloud's before Dropbox's looser one."""
    # Imported only for a name that looks like a conflict copy: `re` costs every shell prompt ~9 ms.
    import re

    s, e = re.escape(stem), re.escape(extension)
    return [
        (SYNCTHING, re.compile(rf"{s}\.sync-conflict-(?P<day>\d{{8}})-\d{{6}}(?:-[A-Za-z0-9]+)?{e}")),
        (NEXTCLOUD, re.compile(rf"{s} \(conflicted copy (?:[^()/]* )?(?P<day>\d{{4}}-\d\d-\d\d) \d{{6}}\){e}")),
        (NEXTCLOUD, re.compile(rf"{s}_conflict-(?P<day>\d{{8}})-\d{{6}}{e}")),
        (
            DROPBOX,
            re.compile(
                rf"{s} \({_BALANCED}*?(?i:conflicted copy)(?: (?P<day>\d{{4}}-\d\d-\d\d))?{_BALANCED}*\)(?: \(\d+\))?{e}"
            ),
        ),
    ]


# Text inside Dropbox's brackets: no slash, and brackets only in pairs (a device called `Ann (Laptop)`),
# so `legs (2) (Ann's conflicted copy).json`, a copy of `legs (2).json`, is not taken for `legs.json`'s.
_BALANCED = r"(?:[^()/]|\([^()/]*\))"


def _day(text: str | None) -> date | None:
    if not text:
        return None
    digits = text.replace("-", "")
    try:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return None
