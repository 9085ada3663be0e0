"""The shell prompt's memo: the last `status --short` line, trusted while nothing it was computed from has changed.

`streak status --short` runs before every shell prompt, yet the data file rarely changes between
two prompts. So the line is remembered under a key of everything it depends on: the data file's
identity and stamp (device, inode, size, modification and change times), the same of its folder
(whose stamp moves when a sync tool drops a conflict copy beside the file), today's date,
streak's version and the output's encoding. A prompt whose key is equal prints the line without
reading the file, the way git trusts an index entry whose file's stat is unchanged.

Like git, it distrusts stamps too new to tell apart from a change made in the same tick of the
file system's clock: a state is remembered only once everything it was read from is a few
seconds old. Any doubt (no memo, a damaged or foreign one, another key) means the line is
computed as usual. The memo lives in this machine's user state folder, never the synced one,
is replaced atomically, and holds the lines of the last few data files. It imports nothing
beyond what Python has loaded before any of streak (`codecs`, `os`, `stat`,
`time`): the prompt reads it first.
"""

import codecs
import os
import stat
import time

from streak import __version__
from streak.storage.paths import user_state_dir

# A folder of its own: on macOS and Windows the state folder is the data folder, whose stamp
# the key holds, so a memo written straight into it would change the key it was written under.
MEMO_FOLDER = "prompt"
MEMO_NAME = "memo"
HEADER = "streak prompt memo 1"
END = "end"  # the last line: a memo cut short (a full disk, a crash) has none and is ignored
ENTRIES_KEPT = 8  # data files remembered at once: --db in one terminal, the default in another
MEMO_MOST_CHARACTERS = 64 * 1024  # far above eight entries: a longer file is no memo streak wrote
# A stamp this close to the moment the key was taken might be shared by a change made in the
# same clock tick (and a file system's clock may be coarse, or run a little apart from ours).
SETTLE_NS = 3_000_000_000


class PromptKey:
    """Everything a prompt line depends on, taken before the data file is read."""

    __slots__ = ("identity", "fields", "taken_ns", "newest_ns")

    def __init__(self, identity: str, fields: str, taken_ns: int, newest_ns: int) -> None:
        self.identity = identity  # which data file: its real path, as one line
        self.fields = fields  # everything else, as one line
        self.taken_ns = taken_ns  # when the key was taken
        self.newest_ns = newest_ns  # the newest of the file's and its folder's times


def memo_path() -> str:
    """Where the memo lives: this machine's user state folder."""
    return os.path.join(user_state_dir(), MEMO_FOLDER, MEMO_NAME)


def prompt_key(data_path: str, today: str, encoding: str | None) -> PromptKey | None:
    """The key of the prompt line for the data file at `data_path` (its real path, links resolved) on `today`.

    None when there is no regular data file to key on: a missing one (nothing worth remembering),
    or a device, pipe or folder in its place (whose refusal must be said every time).
    """
    taken_ns = time.time_ns()
    try:
        file = os.stat(data_path)
        folder = os.stat(os.path.dirname(data_path) or ".")
    except (OSError, ValueError):  # ValueError: a path holding a NUL
        return None
    if not stat.S_ISREG(file.st_mode):
        return None
    fields = (__version__, _encoding_name(encoding), today, _stamp(file), _stamp(folder))
    newest_ns = max(file.st_mtime_ns, file.st_ctime_ns, folder.st_mtime_ns, folder.st_ctime_ns)
    # repr writes any character that could break a line (a tab or newline in a path) as an escape
    return PromptKey(repr(data_path), repr(fields), taken_ns, newest_ns)


def _encoding_name(encoding: str | None) -> str:
    """One name for each encoding (`UTF-8`, `utf8` and `utf-8` are one), or "" when the output has none."""
    try:
        return codecs.lookup(encoding).name if encoding else ""
    except LookupError:
        return encoding or ""


def _stamp(info: os.stat_result) -> tuple[int, int, int, int, int]:
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


def recall(key: PromptKey) -> str | None:
    """The line remembered under `key`, or None."""
    for identity, fields, line in _entries() or ():
        if identity == key.identity and fields == key.fields:
            return line
    return None


def remember(key: PromptKey, line: str) -> None:
    """Keep `line` under `key` for the next prompt, unless the state it came from is too fresh to be told apart.

    The memo is only a shortcut: when it cannot be written, the next prompt computes its line.
    """
    if key.newest_ns > key.taken_ns - SETTLE_NS or any(mark in line for mark in "\t\n\r"):
        return
    others = [entry for entry in _entries() or () if entry[0] != key.identity]
    entries = [(key.identity, key.fields, line), *others[: ENTRIES_KEPT - 1]]
    text = "\n".join([HEADER, *("\t".join(entry) for entry in entries), END, ""])
    path = memo_path()
    temporary = os.path.join(os.path.dirname(path), f".{MEMO_NAME}.{os.getpid()}.tmp")  # one per process
    try:
        os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)  # the state folder's parents too
        with open(temporary, "w", encoding="utf-8", newline="") as memo:
            memo.write(text)
        os.replace(temporary, path)
    except (OSError, UnicodeError):
        try:
            os.remove(temporary)
        except OSError:
            pass


def _entries() -> list[tuple[str, str, str]] | None:
    """The memo's entries (identity, fields, line), or None when there is no memo streak can trust."""
    try:
        with open(memo_path(), encoding="utf-8", newline="") as memo:
            text = memo.read(MEMO_MOST_CHARACTERS + 1)
    except (OSError, UnicodeError, ValueError):
        return None
    lines = text.split("\n")
    if len(text) > MEMO_MOST_CHARACTERS or len(lines) < 3 or lines[0] != HEADER or lines[-2:] != [END, ""]:
        return None
    entries = []
    for entry in lines[1:-2]:
        parts = entry.split("\t")
        if len(parts) != 3 or "\x00" in entry:
            return None
        entries.append((parts[0], parts[1], parts[2]))
    return entries
