"""Tell which tracker wrote a file from its content, never its name."""

import re

SQLITE_MAGIC = b"SQLite format 3\x00"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")  # a zip with entries, an empty zip
HARSH_LINE = re.compile(r"\d{4}-\d{2}-\d{2} : ")


def is_sqlite(data: bytes) -> bool:
    """An SQLite database file, as Loop's backups are."""
    return data.startswith(SQLITE_MAGIC)


def is_zip(data: bytes) -> bool:
    """A zip archive, as Loop's CSV export is."""
    return data.startswith(ZIP_MAGICS)


def detect_format(data: bytes) -> str:
    """`loop` (an SQLite database or a zip), `oidia` (a JSON list), `harsh` (its log lines) or `streak`."""
    if is_sqlite(data) or is_zip(data):
        return "loop"
    text = data[:4096].decode("utf-8", errors="replace").removeprefix("\ufeff")
    stripped = text.lstrip()
    if stripped.startswith("["):
        return "oidia"
    if not stripped.startswith("{"):
        first = next((line for line in text.split("\n") if line.strip() and not line.startswith("#")), "")
        if HARSH_LINE.match(first):
            return "harsh"
    return "streak"
