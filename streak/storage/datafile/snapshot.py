"""A long history as last read, kept on this machine so the next read of the very same bytes skips the JSON.

Reading a ten-year log means parsing every session's JSON and checking every field, and nearly
every read finds the file as the last one did: a check-in is followed by prompts, `status` and
the app until the next check-in. So a history of some size, once read in full and found sound, is
kept as a snapshot (Python's `marshal` of its values, a column at a time) under the digest of the
file's bytes. A read that finds a snapshot of the same digest, streak version and Python takes the
history from it: keyed by the content itself, a snapshot cannot be stale, whatever changed the
file or its stamps. It also keeps where each table's text lies in the file, so that a check-in,
which only adds a session, can write the file without parsing the sessions table at all.

Snapshots live in this machine's state folder, never in the synced one, and are written
atomically; any doubt (none, damaged, another version) means reading the file as usual.
"""

from __future__ import annotations

import marshal
import os
import sys
from datetime import date
from itertools import chain, islice, repeat

from streak import __version__
from streak.core.history.model import (
    UNREAD_PARTS,
    GoalChange,
    History,
    Lift,
    Parts,
    Removal,
    RestPeriod,
    Session,
    Settings,
    Stamp,
)
from streak.core.named_tuple import NamedTuple
from streak.storage.datafile.tables_text import Tables, TableText, TableTexts, UnreadTable, scan_value
from streak.storage.paths import user_state_dir

try:  # C, and a fraction of a ms to import where hashlib (with OpenSSL) costs several
    from _blake2 import blake2b
except ImportError:  # a Python without the module: hashlib finds another
    from hashlib import blake2b

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing on the shell prompt's path
if TYPE_CHECKING:
    from typing import Any

FOLDER = "snapshots"
FORMAT = b"streak snapshot 4\n"  # changed with any change to what the blob holds, so no older layout is misread
# After FORMAT: the view's CRC-32 and length, the view (the key, the layout and the sessions as the
# rules see them), then the parts' CRC-32 and the parts (their ids), read only by a reader that needs them.
_VIEW_HEAD = 12
KEPT = 4  # data files remembered at once: --db in one terminal, the default in another
SMALLEST = 64 * 1024  # about 350 sessions: below this, parsing the JSON costs less than a snapshot saves
# A reader in a hurry (the shell prompt, just after a change) keeps one only from here, about 5,000
# sessions: keeping one costs about half of reading the file, which a prompt is slowed by for a
# gain that comes later, to `status`, the app and the next check-in.
SMALLEST_IN_A_HURRY = 1024 * 1024
LARGEST = 256 * 1024 * 1024  # far beyond any history's snapshot: a longer file is no snapshot streak wrote


def _code_stamp() -> tuple[int, ...]:
    """The size and modification time of the code that makes, migrates and reads a history: any change to it,
    released or not (an editable install), makes every snapshot kept before it another version's."""
    from streak.core.history import model
    from streak.storage.datafile import read, schema

    stamps: list[int] = []
    for module in (model, read, schema, sys.modules[__name__]):
        try:
            info = os.stat(module.__file__ or "")
            stamps += (info.st_size, info.st_mtime_ns)
        except (OSError, TypeError):
            stamps.append(-1)
    return tuple(stamps)


# marshal's format is each Python's own, and the code that reads a history may change in place.
_KEY = (__version__, sys.implementation.cache_tag, marshal.version, _code_stamp())
_new = tuple.__new__  # a named tuple without its Python-level __new__, as the reader builds them


class Remembered(NamedTuple):
    """What a snapshot gives back: the history, and where the file's tables lie in its text (see `tables_of`)."""

    history: History
    layout: list[tuple[str, int, int, int, int]]  # each table's name, span in the file, documents and largest id
    latest: Stamp  # the history's latest change time, which the next change is stamped after


def worth_keeping(raw: bytes, hurried: bool = False) -> bool:
    """Whether a data file of these bytes is long enough for a snapshot to pay (for a reader in a hurry, to pay at once)."""
    return len(raw) >= (SMALLEST_IN_A_HURRY if hurried else SMALLEST)


def digest_of(raw: bytes) -> str:
    """What a snapshot of `raw` is kept under: the digest of the very bytes."""
    return blake2b(raw, digest_size=20).hexdigest()


def _path(digest: str) -> str:
    return os.path.join(user_state_dir(), FOLDER, digest)


def recall(digest: str, parts: bool = True) -> Remembered | None:
    """The history held in the bytes of `digest` (see `digest_of`), from their snapshot; None if there is none to trust.

    Without `parts`, its sessions are read as the rules see them, their parts left unread (UNREAD_PARTS):
    for a reader that only works figures out, or a change the store makes again on the history read
    whole should it look into a session's parts (see `Store._change`).
    """
    path = _path(digest)
    try:
        with open(path, "rb") as file:
            head = file.read(len(FORMAT) + _VIEW_HEAD)
            if not head.startswith(FORMAT) or len(head) != len(FORMAT) + _VIEW_HEAD:
                return None
            view_check, view_length = int.from_bytes(head[-12:-8], "big"), int.from_bytes(head[-8:], "big")
            if view_length > LARGEST:
                return None
            view = file.read(view_length)
            rest = file.read(LARGEST + 1) if parts else b""
        import zlib  # only with a snapshot to check: its import is small, but the prompt's memo needs none of this

        if len(view) != view_length or zlib.crc32(view) != view_check:
            return None
        key, found, layout, latest, columns = marshal.loads(view)
        if key != _KEY or found != digest:
            return None
        if parts:
            blob = memoryview(rest)[4:]  # no copy of megabytes
            if len(rest) > LARGEST or int.from_bytes(rest[:4], "big") != zlib.crc32(blob):
                return None
            history = _history(columns, marshal.loads(blob))
        else:
            history = _history(columns, None)
    except (OSError, ValueError, EOFError, TypeError, KeyError, IndexError, OverflowError, UnicodeError):
        return None  # no snapshot, or one damaged in a way its check missed: the file is read as usual
    try:
        os.utime(path)  # used now: pruning removes the snapshots unused longest
    except OSError:
        pass  # a state folder that cannot be written still serves its snapshots
    return Remembered(history, layout, _new(Stamp, latest))


def remember(digest: str, history: History, tables: Tables, texts: TableTexts) -> None:
    """Keep `history` and the layout of `tables` as the snapshot of the bytes of `digest`, if every table's text is known.

    Only a shortcut: when it cannot be written, the next read parses the file.
    """
    if set(tables) - set(texts) or not all(type(table) is dict for table in tables.values()):
        return  # a layout the reader kept no text of: nothing a change could reuse
    layout = [(name, *texts[name], _last_id(table)) for name, table in tables.items()]
    from streak.core.history.stamps import latest_stamp  # a scan of every part id: paid once here, not at each change

    view_columns, parts_columns = _columns(history)
    view = marshal.dumps((_KEY, digest, layout, tuple(latest_stamp(history)), view_columns))
    parts = marshal.dumps(parts_columns)
    import zlib

    path = _path(digest)
    folder = os.path.dirname(path)
    temporary = os.path.join(folder, f".{os.getpid()}.tmp")  # one per process
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
        # readable by its owner alone, as the data file is: it holds the same notes
        with open(
            os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600), "wb"
        ) as file:
            file.write(FORMAT + zlib.crc32(view).to_bytes(4, "big") + len(view).to_bytes(8, "big") + view)
            file.write(zlib.crc32(parts).to_bytes(4, "big") + parts)
        os.replace(temporary, path)
        _prune(folder, path)
    except OSError:
        try:
            os.remove(temporary)
        except OSError:
            pass


def _last_id(table: dict) -> int:
    """The largest document id, or -1 for a table keyed otherwise (one only a newer streak knows, say), never left unread."""
    keys = "".join(table)
    return max(map(int, table), default=0) if keys.isascii() and (keys.isdigit() or not keys) else -1


def _prune(folder: str, kept: str) -> None:
    """Remove all but the few snapshots used last: one for each data file in use, not one for each version of it."""
    entries = [entry for entry in os.scandir(folder) if entry.is_file() and not entry.name.startswith(".")]
    entries.sort(key=lambda entry: entry.stat().st_mtime_ns, reverse=True)
    for entry in entries[KEPT:]:
        if entry.path != kept:
            os.remove(entry.path)


def tables_of(raw: bytes, remembered: Remembered, unread: str) -> tuple[Tables, TableTexts] | None:
    """The tables of `raw` and their texts, as the reader finds them, but table `unread` left as its text; None if they do not fit."""
    tables: Tables = {}
    texts: TableTexts = {}
    try:
        for name, start, end, count, last_id in remembered.layout:
            texts[name] = TableText(start, end, count)
            if name == unread and count and last_id >= 0:
                tables[name] = UnreadTable(count, last_id, {})
                continue
            text = raw[start:end].decode("ascii")  # the reader keeps texts of ASCII files alone
            value, length = scan_value(text, 0)
            if length != len(text) or type(value) is not dict or len(value) != count:
                return None
            tables[name] = value
    except (ValueError, TypeError, IndexError, StopIteration, RecursionError, SystemError):
        return None
    return tables, texts


# A history as marshal can hold it: tuples, lists, strings and numbers, dates as ordinals, each
# kind of record as one list of its fields, sessions as columns: first their view, then their parts.


def _columns(history: History) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    sessions = history.sessions
    parts = [session.parts or Parts() for session in sessions]
    view = (
        [session.day.toordinal() for session in sessions],
        [session.note for session in sessions],
        [session.tip for session in sessions],
        [len(part.lifts) for part in parts],
        list(map(tuple, chain.from_iterable(part.lifts for part in parts))),
        [(change.since.toordinal(), change.goal, _stamp_fields(change.changed)) for change in history.goal_changes],
        [(rest.first.toordinal(), rest.last.toordinal(), _stamp_fields(rest.changed)) for rest in history.rest_periods],
        [(removal.kind, removal.key, _stamp_fields(removal.changed)) for removal in history.removals],
        (*history.settings[:2], *map(_stamp_fields, history.settings[2:])),
        history.shown_tips,
    )
    return view, ([part.checkins for part in parts], [part.notes for part in parts], [part.lift_ids for part in parts])


def _stamp_fields(stamp: Stamp | None) -> tuple[str, str] | None:
    return None if stamp is None else tuple(stamp)


def _stamp(fields: tuple[str, str] | None) -> Stamp | None:
    return None if fields is None else _new(Stamp, fields)


def _history(view: tuple[Any, ...], parts: tuple[Any, ...] | None) -> History:
    """The history of a snapshot's columns; without `parts`, its sessions' parts unread."""
    days, notes, tips, lift_counts, lift_rows, goals, rests, removals, settings, shown = view
    if not len(days) == len(notes) == len(tips) == len(lift_counts):
        raise ValueError("columns that do not line up")
    if lift_rows:
        lifts = map(_new, repeat(Lift), lift_rows)
        lifts_of = list(map(tuple, map(islice, repeat(lifts), lift_counts)))
    else:  # a log without lifts: one empty tuple for every session
        lifts_of = [()] * len(lift_counts)
    if parts is None:
        made_of: Any = repeat(UNREAD_PARTS)
    else:
        checkins, note_parts, lift_ids = parts
        if not len(checkins) == len(note_parts) == len(lift_ids) == len(days):
            raise ValueError("parts that do not line up with the sessions")
        made_of = map(_new, repeat(Parts), zip(checkins, note_parts, lift_ids, lifts_of))
    sessions = map(_new, repeat(Session), zip(map(date.fromordinal, days), notes, lifts_of, tips, made_of))
    week_start, units, week_start_changed, units_changed = settings
    return History(
        sessions=tuple(sessions),
        goal_changes=tuple(GoalChange(date.fromordinal(day), goal, _stamp(stamp)) for day, goal, stamp in goals),
        settings=Settings(week_start, units, _stamp(week_start_changed), _stamp(units_changed)),
        shown_tips=tuple(shown),
        rest_periods=tuple(
            RestPeriod(date.fromordinal(a), date.fromordinal(b), _stamp(stamp)) for a, b, stamp in rests
        ),
        removals=tuple(Removal(kind, key, _stamp(stamp)) for kind, key, stamp in removals),
    )
