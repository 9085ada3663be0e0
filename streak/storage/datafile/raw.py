"""A data file's bytes and their parse: plain files only, never a device or pipe, and JSON that is a table of tables.

Shared by the store (its data file and backups) and the merge of conflict copies.
"""

import errno
import os
import stat

from streak.core.history.model import History, Stamp
from streak.core.named_tuple import NamedTuple
from streak.storage.datafile.schema import Tables
from streak.storage.datafile.tables_text import TableTexts, read_tables
from streak.storage.errors import CorruptDataFile


class Opened(NamedTuple):
    """A data file as read: its tables, its history, whether it was migrated, and its tables' texts."""

    tables: Tables
    history: History
    migrated: bool
    texts: TableTexts
    latest: Stamp | None = None  # the history's latest change time, when known without a look at every part


def read_regular_file(path: str, limit: int | None = None) -> bytes:
    """A data file's bytes; a device, pipe or socket in its place is refused, never waited on or read without end.

    Opening without blocking lets a pipe be refused at once instead of waiting for a writer;
    on a regular file the flag changes nothing. A file over `limit` bytes is refused unread.
    """
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with open(descriptor, "rb") as file:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise NotARegularFile(errno.EINVAL, "it is not a regular file but a device, pipe or folder")
        if limit is None:
            return file.read()
        data = file.read(limit + 1)  # a file that grew past the limit since it was stat'ed is not read on
        if len(data) > limit:
            raise NotARegularFile(errno.EFBIG, f"it is larger than the {limit // 1024**2} MB a data file can reach")
        return data


class NotARegularFile(OSError):
    """What streak reads as a data file, a backup or a conflict copy must be a plain file."""


def parse_tables(raw: bytes) -> tuple[Tables, TableTexts]:
    """A data file's tables and their texts; CorruptDataFile says why they cannot be read."""
    try:
        tables, texts = read_tables(raw)
    except ValueError as error:
        # Imported here, not above, so that reading a sound file never loads json (and `re`, ~9 ms with
        # it): only json's own reading, the slow path for a file that did not read, raises to here.
        from json import JSONDecodeError

        if isinstance(error, (JSONDecodeError, UnicodeDecodeError)):
            raise CorruptDataFile(f"it is not valid JSON ({error})" if raw.strip() else "it is empty") from None
        # Python's limit on the digits of one integer, which streak never comes near
        raise CorruptDataFile("it holds a number thousands of digits long, which streak never writes") from None
    except RecursionError:
        raise CorruptDataFile("it is nested too deeply to be a streak data file") from None
    if not isinstance(tables, dict):
        raise CorruptDataFile("it is not a streak data file")
    return tables, texts
