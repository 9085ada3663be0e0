"""Files the user names on the command line: import files read whole, export files written safely.

One size limit holds both ways: an import (from a path or standard input) larger than it is
refused, and export refuses to write more than it, so whatever export writes imports again.
"""

import errno
import os
import stat
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, BinaryIO

from streak.core.errors import InputError
from streak.storage.datafile.atomic import write_atomically

if TYPE_CHECKING:
    from streak.core.history.model import History

MAX_EXCHANGE_BYTES = 20 * 1024 * 1024  # about 200 years of daily sessions with long notes
STANDARD_INPUT = "standard input"


def read_import_bytes(path: str) -> bytes:
    """The bytes of an import file; too large, unreadable or not a regular file is refused."""
    try:
        data = read_regular_file(path, MAX_EXCHANGE_BYTES + 1)
    except OSError as error:
        raise InputError(f"{path} cannot be read ({error.strerror})") from None
    return _within_limit(data, path)


def read_regular_file(path: str, limit: int) -> bytes:
    """Up to `limit` bytes of the regular file at `path`; anything else raises OSError at once, never waits.

    A FIFO opened for reading blocks until a writer comes, which may be never; opening without
    blocking and looking at what was opened refuses it (and a device, a socket) straight away.
    """
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with open(descriptor, "rb") as file:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            raise NotARegularFile(errno.EINVAL, f"it is {_kind(mode)}, not a regular file", path)
        return file.read(limit)


class NotARegularFile(OSError):
    """An import names a pipe, a device or a socket: streak reads files, and standard input with -."""


def read_stdin_bytes(stream: BinaryIO | None = None) -> bytes:
    """What `streak import -` is given on standard input, held to the same rules as a file."""
    if stream is None and sys.stdin is None:
        raise InputError(f"there is no {STANDARD_INPUT} to import from")
    try:
        if stream is None and getattr(sys.stdin, "buffer", None) is None:  # a text-only stream (tests, embedders)
            data = sys.stdin.read(MAX_EXCHANGE_BYTES + 1).encode()
        else:
            data = (stream or sys.stdin.buffer).read(MAX_EXCHANGE_BYTES + 1)
    except (OSError, ValueError) as error:
        raise InputError(f"{STANDARD_INPUT} cannot be read ({getattr(error, 'strerror', None) or error})") from None
    return _within_limit(data, STANDARD_INPUT)


def _within_limit(data: bytes, name: str) -> bytes:
    if len(data) > MAX_EXCHANGE_BYTES:
        raise InputError(f"{name} is larger than {_megabytes(MAX_EXCHANGE_BYTES)}, too large to import")
    return data


def import_text(data: bytes, *, detected: bool = False) -> str:
    """Import bytes as text; anything but UTF-8 is refused rather than guessed.

    `detected`: the file's kind was guessed from its content, so it may be a Loop file that is not one.
    """
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        what = f"UTF-8 text (byte {error.start} is not)"
        problem = f"neither {what} nor a Loop Habit Tracker database or zip" if detected else f"not {what}"
        raise InputError(f"it is {problem}; a text file in another encoding needs saving as UTF-8 first") from None


def check_export_size(data: bytes) -> None:
    """Refuse to write an export that `import` would refuse as too large."""
    if len(data) > MAX_EXCHANGE_BYTES:
        raise InputError(
            f"the export would be {_megabytes(len(data))}, more than the {_megabytes(MAX_EXCHANGE_BYTES)} "
            "streak can import again; nothing was written"
        )


def check_still_exports(history: "History") -> None:
    """Refuse an import after which the history could not be exported and imported again.

    A file's size does not bound what it makes: an 18.5 MB lifts-csv makes a history whose JSON
    export (every lift with its field names) is 96.6 MB, which `export` then refuses. So the import
    is held to what it makes: the whole history's JSON export, the largest format, within the limit.
    """
    from streak.core.exchange.export import to_json

    size = len(to_json(history).encode())
    if size > MAX_EXCHANGE_BYTES:
        raise InputError(
            f"with it the history's export would be {_megabytes(size)}, more than the "
            f"{_megabytes(MAX_EXCHANGE_BYTES)} streak can export and import again; nothing was imported"
        )


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB" if size % (1024 * 1024) == 0 else f"{size / (1024 * 1024):.1f} MB"


def write_export_file(path: str, data: bytes, protected: Iterable[tuple[str, str]]) -> None:
    """Write an export to `path`, never over one of streak's own files (`protected`: path and what it is).

    A symlink is written through (the link stays a link); a FIFO or character device such as
    /dev/stdout is written into, never replaced; a regular file is replaced atomically, keeping
    its permissions, so a crash never leaves half a file behind.
    """
    check_export_size(data)
    _refuse_streak_files(path, protected)
    try:
        target = os.stat(path)
    except FileNotFoundError:
        target = None
    except OSError as error:
        raise InputError(f"{path} cannot be written ({error.strerror})") from None
    try:
        if target is None or stat.S_ISREG(target.st_mode):
            _replace_regular_file(path, data, target)
        elif stat.S_ISFIFO(target.st_mode) or stat.S_ISCHR(target.st_mode):
            _write_into(path, data)
        else:
            raise InputError(f"{path} is {_kind(target.st_mode)}, not a file an export can be written to")
    except OSError as error:
        raise InputError(f"{path} cannot be written ({error.strerror})") from None


def refuse_stream_onto(stream: object, protected: Iterable[tuple[str, str]]) -> None:
    """Refuse to write to a stream that is one of streak's own files (as `streak export >> streak.json` makes it)."""
    try:
        written = os.fstat(stream.fileno())  # type: ignore[attr-defined]
    except (AttributeError, OSError, ValueError):
        return  # not a file at all
    for own, what in protected:
        try:
            if os.path.samestat(written, os.stat(own)):
                raise InputError(f"standard output is {what}; export to another file")
        except OSError:
            continue


def _refuse_streak_files(path: str, protected: Iterable[tuple[str, str]]) -> None:
    """An export must never land on the data file, its lock or a backup, whatever name or link leads there."""
    real = os.path.realpath(path)
    for own, what in protected:
        if real == os.path.realpath(own) or _same_file(path, own):
            raise InputError(f"{path} is {what}; export to another file")


def _same_file(path: str, other: str) -> bool:
    try:
        return os.path.samefile(path, other)
    except OSError:  # either does not exist (yet)
        return False


def _replace_regular_file(path: str, data: bytes, target: os.stat_result | None) -> None:
    if target is not None and not target.st_mode & stat.S_IWUSR:
        raise InputError(f"{path} is read-only; make it writable or export to another file")
    write_atomically(os.path.realpath(path), data)


def _write_into(path: str, data: bytes) -> None:
    """Write to a pipe or a device in place: replacing it would put a plain file where it was."""
    descriptor = os.open(path, os.O_WRONLY | getattr(os, "O_BINARY", 0))
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(descriptor, view) :]
    finally:
        os.close(descriptor)


def _kind(mode: int) -> str:
    kinds = {
        stat.S_ISDIR: "a folder",
        stat.S_ISBLK: "a block device",
        stat.S_ISSOCK: "a socket",
        stat.S_ISFIFO: "a named pipe",
        stat.S_ISCHR: "a character device",
    }
    return next((name for test, name in kinds.items() if test(mode)), "a special file")
