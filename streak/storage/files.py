"""Files the user names on the command line: import files read whole, export files written atomically."""

import os
import sys

from streak.core.errors import InputError
from streak.storage.atomic import write_atomically

MAX_IMPORT_BYTES = 20 * 1024 * 1024  # about 200 years of daily sessions with long notes
MAX_IMPORT_MB = MAX_IMPORT_BYTES // (1024 * 1024)


def read_import_bytes(path: str) -> bytes:
    """The bytes of an import file; too large or unreadable is refused."""
    try:
        with open(path, "rb") as file:
            data = file.read(MAX_IMPORT_BYTES + 1)
    except OSError as error:
        raise InputError(f"{path} cannot be read ({error.strerror})") from None
    if len(data) > MAX_IMPORT_BYTES:
        raise InputError(f"{path} is larger than {MAX_IMPORT_MB} MB, too large to import")
    return data


def read_stdin_bytes() -> bytes:
    """What `streak import -` is given on standard input, within the same size limit as a file."""
    buffer = getattr(sys.stdin, "buffer", None)
    data = buffer.read(MAX_IMPORT_BYTES + 1) if buffer else sys.stdin.read(MAX_IMPORT_BYTES + 1).encode()
    if len(data) > MAX_IMPORT_BYTES:
        raise InputError(f"standard input holds more than {MAX_IMPORT_MB} MB, too much to import")
    return data


def import_text(data: bytes) -> str:
    """Import bytes as text; anything but UTF-8 is refused rather than guessed."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(f"it is not UTF-8 text (byte {error.start}); save it as UTF-8 and try again") from None


def write_export_file(path: str, text: str) -> None:
    """Write an export so that a crash never leaves half a file behind."""
    try:
        write_atomically(os.path.abspath(path), text.encode())
    except OSError as error:
        raise InputError(f"{path} cannot be written ({error.strerror})") from None
