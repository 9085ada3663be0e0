"""The data file's JSON, read keeping each table's text, and written reusing the text of tables that did not change.

A check-in adds one session to a file that may hold ten years of them, and encoding every
session again was the largest part of a check-in on a long log. So a table the change left
alone goes back as the very text that was read, and a table that only gained documents as
that text with the new documents added before its closing brace. Anything unusual about the
file's layout, and any table the change rewrote, is simply encoded afresh.
"""

from __future__ import annotations

from _json import encode_basestring_ascii, make_encoder, make_scanner, scanstring
from itertools import islice

from streak.core.named_tuple import NamedTuple

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing (~13 ms with re, enum, contextlib)
if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any

Tables = dict[str, "Any"]  # quoted: `Any` is imported for type checkers only

_WHITESPACE = " \t\n\r"  # all JSON allows between tokens


class _AsJsonLoads:
    """What json.JSONDecoder() hands its C scanner, so a value reads exactly as `json.loads` reads it.

    The scanner is taken from `_json` (the C half of the json module) rather than through `json`,
    whose Python half imports `re` (about 9 ms with what it brings): `status` reads without it.
    A file that does not read here is read again by `json` itself, which names what is wrong.
    """

    strict = True
    object_hook = object_pairs_hook = None
    parse_float, parse_int = float, int
    parse_constant = {"-Infinity": float("-inf"), "Infinity": float("inf"), "NaN": float("nan")}.__getitem__


scan_value = make_scanner(_AsJsonLoads)  # (text, index) to (value, end), as json.loads reads the value there


class TableText(NamedTuple):
    """Where a table's text lies in the file's bytes, and how many documents that text holds.

    Kept as a span rather than a copy: a ten-year sessions table is megabytes, and a check-in
    writes it back straight from the bytes it read.
    """

    start: int
    end: int
    count: int


class UnreadTable(NamedTuple):
    """A table left as the file's text, which a change may only add documents to.

    `count` documents are in the text, with ids up to `last_id`; `added` holds the documents a
    change adds after them (see `write.append_documents` and `tables_text.tables_bytes`).
    """

    count: int
    last_id: int
    added: dict


TableTexts = dict[str, TableText]


def read_tables(raw: bytes) -> tuple[Tables, TableTexts]:
    """The file's tables, as `json.loads` reads them, and where the text of each table that is an object lies.

    When the file is not laid out as one JSON object of tables (or not as streak writes it, UTF-8
    opening with "{"), `json.loads` reads it (and raises what a malformed file deserves) and no
    texts are kept, so everything is encoded afresh. So are the tables of a file holding other
    characters than ASCII (as streak writes none), whose characters and bytes would not line up.
    """
    try:
        if raw[:1] != b"{":  # json.detect_encoding would find another encoding, or a byte-order mark
            raise ValueError("not as streak writes it")
        tables, texts = _scan(raw.decode("utf-8", "surrogatepass"))
        return tables, texts if raw.isascii() else {}
    except (ValueError, IndexError, StopIteration, RecursionError, SystemError):
        # SystemError: on Python 3.11 the C scanner finds json.decoder's error class only if json
        # is already imported, and otherwise fails without one (a truncated file, say).
        import json  # the slow path, only for a file streak did not write this way

        return json.loads(raw), {}


def _skip(text: str, at: int) -> int:
    while text[at] in _WHITESPACE:
        at += 1
    return at


def _scan(text: str) -> tuple[Tables, TableTexts]:
    """The top-level object by hand, each value by json's own C scanner, so each value's span is known."""
    tables: Tables = {}
    texts: TableTexts = {}
    at = _skip(text, 0)
    if text[at] != "{":
        raise ValueError("not an object")
    at = _skip(text, at + 1)
    if text[at] == "}":
        at += 1
    else:
        while True:
            if text[at] != '"':
                raise ValueError("not a name")
            name, at = scanstring(text, at + 1)
            at = _skip(text, at)
            if text[at] != ":":
                raise ValueError("no colon")
            start = _skip(text, at + 1)
            value, at = scan_value(text, start)
            tables[name] = value  # a name written twice: the last wins, as with json.loads
            if type(value) is dict:
                texts[name] = TableText(start, at, len(value))
            else:
                texts.pop(name, None)
            at = _skip(text, at)
            if text[at] == "}":
                at += 1
                break
            if text[at] != ",":
                raise ValueError("no comma")
            at = _skip(text, at + 1)
    if text[at:].strip(_WHITESPACE):
        raise ValueError("extra data")
    return tables, texts


def _not_json(value: object) -> object:
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _c_encoder() -> Any:
    """json's C encoder, as `json.dumps(value, separators=(",", ":"), check_circular=False)` makes it; None if it cannot be had.

    Taken from `_json` for the reason the scanner is: `json` imports `re` and more (about 10 ms),
    and a check-in's whole write encodes one session. An interpreter whose `_json` takes other
    arguments gets `json.dumps` itself.
    """
    try:
        return make_encoder(None, _not_json, encode_basestring_ascii, None, ":", ",", False, False, True)
    except TypeError:
        return None


_encode_c = _c_encoder()


def _encode(value: Any) -> str:
    """`value` as `json.dumps(value, separators=(",", ":"), check_circular=False)` writes it.

    Compact and ASCII-only (notes keep their accents as \\u escapes): the C encoder writes that
    about twice as fast.
    """
    if type(value) is str:
        return encode_basestring_ascii(value)
    if _encode_c is not None:
        return "".join(_encode_c(value, 0))
    from json import dumps

    return dumps(value, separators=(",", ":"), check_circular=False)


def tables_bytes(tables: Tables, texts: TableTexts, rewritten: frozenset[str] | None, raw: bytes = b"") -> bytes:
    """The file holding `tables`, reusing the `texts` read from `raw` for every table not in `rewritten` (None: all were).

    A table that is not rewritten either is exactly as read or only gained documents, which the
    store's writes add after every document already there; an `UnreadTable` holds only those.
    The reused texts are written straight from `raw`'s bytes, never copied into a string.
    """
    read = memoryview(raw)
    chunks: list[bytes | memoryview] = [b"{"]
    for name, table in tables.items():
        if len(chunks) > 1:
            chunks.append(b",")
        chunks.append(f"{_encode(name)}:".encode())
        if type(table) is UnreadTable:  # only gained documents, or the store would have read it
            kept, added = texts[name], _added(table.added.items())
            chunks += (read[kept.start : kept.end - 1], b",", added, b"}") if added else (read[kept.start : kept.end],)
            continue
        kept = None if rewritten is None or name in rewritten else texts.get(name)
        if kept is None or type(table) is not dict or len(table) < kept.count or kept.count == 0:
            chunks.append(_encode(table).encode("utf-8", "surrogatepass"))
        elif len(table) == kept.count:
            chunks.append(read[kept.start : kept.end])
        else:  # the old text ends with its closing brace
            added = _added(islice(table.items(), kept.count, None))
            chunks += (read[kept.start : kept.end - 1], b",", added, b"}")
    chunks.append(b"}")
    return b"".join(chunks)


def _added(documents: Iterable[tuple[str, Any]]) -> bytes:
    return ",".join(f"{_encode(key)}:{_encode(doc)}" for key, doc in documents).encode("utf-8", "surrogatepass")
