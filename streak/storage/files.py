"""Files the user names on the command line: import files read whole, export files written atomically."""

import os

from streak.core.errors import InputError
from streak.storage.atomic import write_atomically

MAX_IMPORT_BYTES = 20 * 1024 * 1024  # about 200 years of daily sessions with long notes


def read_import_file(path: str) -> str:
    """The text of an import file; too large, unreadable or not UTF-8 is refused."""
    try:
        with open(path, "rb") as file:
            data = file.read(MAX_IMPORT_BYTES + 1)
    except OSError as error:
        raise InputError(f"{path} cannot be read ({error.strerror})") from None
    if len(data) > MAX_IMPORT_BYTES:
        raise InputError(f"{path} is larger than {MAX_IMPORT_BYTES // (1024 * 1024)} MB, too large for a streak export")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(f"{path} is not UTF-8 text (byte {error.start}); save it as UTF-8 and try again") from None


def write_export_file(path: str, text: str) -> None:
    """Write an export so that a crash never leaves half a file behind."""
    try:
        write_atomically(os.path.abspath(path), text.encode())
    except OSError as error:
        raise InputError(f"{path} cannot be written ({error.strerror})") from None
