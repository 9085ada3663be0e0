"""Issue 10's fuzz test: any argument list, any damaged data file, and streak still answers like a tool should.

Whatever the input: the exit status is 0, 1, 2 or 3; there is no traceback; a non-zero status
comes with exactly one line on stderr; and a non-zero status leaves the data file byte for byte.
Most examples run in-process through `main` (fast); a few run the installed script.

A few hundred examples run in the normal suite. For a long run:
    .venv/bin/python -m pytest tests/faults/test_fuzz.py --hypothesis-profile=fuzz-long
"""

import json
import os
import re
import tempfile
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from fuzzing import FUZZ, NOW, REAL_PROCESS_EXAMPLES, TODAY, check, inside
from helpers import run_streak
from streak.cli.main import main
from streak.core.exchange.export import to_csv, to_json
from streak.core.history.edits import add_session, set_goal, set_week_start_day
from streak.core.history.model import History, Session
from streak.storage.store import Store


def _valid_files() -> tuple[bytes, bytes, History]:
    """A data file as streak writes it (notes, goal changes, Sunday weeks, a tip cycle), a backup, and its history."""
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "streak.json")
        first = Session(date(2026, 10, 5), "front squats 5x5")
        Store(path, now=lambda: datetime(2026, 11, 1, 9)).update(lambda old: (add_session(old, first, TODAY), None))
        backup = Path(path).read_bytes()

        def more(history):  # noqa: ANN001, ANN202
            for day, note in (("2026-10-07", 'lunges, "heavy"'), ("2026-11-16", None), ("2026-11-18", "été ●")):
                history = add_session(history, Session(date.fromisoformat(day), note), TODAY)
            history = set_goal(set_week_start_day(history, "sunday"), date(2026, 10, 1), 3)
            return history._replace(shown_tips=("tip-1", "tip-2")), None

        Store(path, now=lambda: datetime(2026, 11, 20, 9)).update(more)
        return Path(path).read_bytes(), backup, Store(path).load()


VALID, BACKUP, HISTORY = _valid_files()
KNOWN_KEYS = ["meta", "schema", "minor", "app", "sessions", "goals", "settings", "tips", "date", "note", "from",
              "goal", "week_start", "shown", "backups_kept", "1", "2", "x", ""]  # fmt: skip
# Real arguments hold no NUL, and here no path separator (so nothing is written outside the example's
# own folder); the only lone surrogates they can hold are Python's for bytes that did not decode.
UNDECODED_BYTES = st.sampled_from([chr(code) for code in range(0xDC80, 0xDD00)])
ARG_CHARACTERS = st.characters(exclude_categories=("Cs",), exclude_characters="/\\\x00") | UNDECODED_BYTES
ARG_TEXT = st.text(ARG_CHARACTERS, max_size=24)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(KNOWN_KEYS), inner, max_size=3),
    max_leaves=8,
)
_YEARS = re.compile(rb"(?<!\d)(\d{4})-\d\d-\d\d")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every key path into a JSON document."""
    children = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, child in children:
        yield (*prefix, key)
        yield from _paths(child, (*prefix, key))


def _parent(document: Any, path: tuple[Any, ...]) -> Any:
    for key in path[:-1]:
        document = document[key]
    return document


# What data_files draws from, built once: a strategy built inside every draw is validated again each time.
DAMAGE = st.sampled_from(["none", "missing", "truncated", "flipped", "renamed", "retyped", "noise"])
NOISE = st.binary(max_size=200)
CUT_AT = st.integers(0, len(VALID) - 1)
FLIPS = st.integers(1, 4)
BYTES = st.integers(0, 255)
KEY_PATHS = st.sampled_from(list(_paths(json.loads(VALID))))
NEW_KEYS = st.sampled_from(KNOWN_KEYS) | st.text(max_size=6)


@st.composite
def data_files(draw: st.DrawFn) -> bytes | None:
    """A data file that streak wrote, then damaged: truncated, bytes flipped, keys renamed or values retyped."""
    damage = draw(DAMAGE)
    if damage == "missing":
        return None
    if damage == "noise":
        return draw(NOISE)
    raw = bytearray(VALID)
    if damage == "truncated":
        return bytes(raw[: draw(CUT_AT)])
    if damage == "flipped":
        for _ in range(draw(FLIPS)):
            raw[draw(CUT_AT)] = draw(BYTES)
        return bytes(raw)
    if damage == "none":
        return bytes(raw)
    document = json.loads(raw)
    path = draw(KEY_PATHS)
    parent = _parent(document, path)
    if damage == "renamed" and isinstance(parent, dict):
        parent[draw(NEW_KEYS)] = parent.pop(path[-1])
    else:
        parent[path[-1]] = draw(JSON_VALUES)
    return json.dumps(document).encode()


def _damaged(good: bytes) -> st.SearchStrategy[bytes]:
    """`good`, or `good` cut short or with bytes flipped, or any bytes at all."""
    flipped = st.tuples(st.integers(0, len(good) - 1), st.integers(0, 255)).map(
        lambda flip: good[: flip[0]] + bytes([flip[1]]) + good[flip[0] + 1 :]
    )
    return st.just(good) | st.integers(0, len(good)).map(lambda end: good[:end]) | flipped | st.binary(max_size=120)


IMPORT_FILES = _damaged(to_json(HISTORY).encode()) | _damaged(to_csv(HISTORY).encode())
READING_AND_WRITING = [
    ["status"], ["status", "--json", "--as-of", "2026-10-10"], ["checkin"], ["checkin", "--date", "2026-11-17"],
    ["goal"], ["goal", "4", "--from", "2026-11-02"], ["goal", "--week-start", "monday"], ["history", "--weeks", "9"],
    ["badges", "--json"], ["remove", "2026-11-16"], ["export"], ["export", "--format", "csv", "--output", "out.csv"],
    ["import", "import.data"], ["import", "-"], ["tip"], ["backup"], ["backup", "--json", "--keep", "2"], ["restore"],
]  # fmt: skip


def _get(node: Any, *keys: str) -> Any:
    for key in keys:
        node = node.get(key) if isinstance(node, dict) else None
    return node


def _keys(tables: dict[str, Any], name: str) -> list[str]:
    table = tables.get(name)
    return list(table) if isinstance(table, dict) else []


COMMANDS = ["checkin", "status", "goal", "history", "badges", "remove", "export", "import", "tip", "backup", "restore"]
OPTIONS = ["--date", "--note", "--as-of", "--from", "--week-start", "--weeks", "--format", "--output", "--json",
           "--all", "--keep", "--db", "-h", "--version", "--", "-"]  # fmt: skip
DATES = st.sampled_from(
    ["2026-11-21", "2026-11-16", "2026-10-05", "2026-11-22", "1900-01-01", "9998-12-31", "0001-01-01",
     "9999-12-31", "1899-12-31", "2026-02-30", "20261121", "2026-W47-6", "today", ""]
) | st.dates(date(1800, 1, 1), date(9999, 12, 31)).map(date.isoformat)  # fmt: skip
WORDS = st.sampled_from(["monday", "sunday", "friday", "json", "csv", "3", "0", "8", "-1", "5200", "99999"])
FILES = st.sampled_from(["streak.json", "streak.json.lock", "backups", "import.data", "missing.json", "out.txt", "."])


FIRST_WORDS = st.sampled_from(COMMANDS) | ARG_TEXT.filter(lambda text: not text.startswith("-"))
VALUES = st.one_of(DATES, WORDS, FILES, ARG_TEXT, st.integers(-10, 10**6).map(str))
CHUNKS = st.lists(
    st.tuples(st.sampled_from(OPTIONS), VALUES).map(list)
    | (st.sampled_from(OPTIONS) | VALUES).map(lambda token: [token]),
    max_size=4,
)  # an option and its value, or an option or value alone


@st.composite
def argument_lists(draw: st.DrawFn) -> list[str]:
    """A command (or a word that is none) followed by any mix of options, dates, numbers, paths and text."""
    first = draw(FIRST_WORDS)
    chunks = draw(CHUNKS)
    return [first, *(token for chunk in chunks for token in chunk)]


def _surroundings(folder: Path, raw: bytes | None, import_file: bytes) -> Path:
    """The example's data file (if any), one good backup of it, and a file to import."""
    db = folder / "streak.json"
    if raw is not None:
        db.write_bytes(raw)
    (folder / "backups").mkdir()
    (folder / "backups" / "streak.json.0001.2026-11-01-090000.json").write_bytes(BACKUP)
    (folder / "import.data").write_bytes(import_file)
    return db


@FUZZ
@given(argv=argument_lists(), raw=data_files(), import_file=IMPORT_FILES, stdin=IMPORT_FILES)
def test_any_argument_list_on_any_data_file(
    argv: list[str], raw: bytes | None, import_file: bytes, stdin: bytes
) -> None:
    """Random argument lists over valid and damaged data files, run in-process through `main`."""
    _run_in_process(argv, raw, import_file, stdin)


@FUZZ
@given(argv=st.sampled_from(READING_AND_WRITING), raw=data_files(), import_file=IMPORT_FILES, stdin=IMPORT_FILES)
def test_every_command_on_any_damaged_data_file(
    argv: list[str], raw: bytes | None, import_file: bytes, stdin: bytes
) -> None:
    """Well-formed commands that read and write, over data files damaged every way, in-process."""
    _run_in_process(argv, raw, import_file, stdin)


def _run_in_process(argv: list[str], raw: bytes | None, import_file: bytes, stdin: bytes) -> None:
    """One example through `main`, in its own folder, then the four promises checked."""
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        db = _surroundings(folder, raw, import_file)
        with inside(folder, stdin) as (_, err):
            status = main(["--db", str(db), *argv], today=TODAY, now=NOW)
        check(status, err.getvalue(), raw, db)


@settings(FUZZ, max_examples=REAL_PROCESS_EXAMPLES)
@given(argv=argument_lists(), raw=data_files(), import_file=IMPORT_FILES)
def test_the_installed_script_keeps_the_same_promises(argv: list[str], raw: bytes | None, import_file: bytes) -> None:
    """A few examples through the real `streak` script: real argv bytes, real streams, real exit status."""
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        db = _surroundings(folder, raw, import_file)
        arguments = [os.fsencode(arg) for arg in ["--db", str(db), *argv]]  # lone surrogates become the raw bytes
        run = run_streak(*arguments, stdin=b"", cwd=folder)
        check(run.status, run.err, raw, db)
