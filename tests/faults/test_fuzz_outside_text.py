"""Issue 21, item 7: the fuzz test's promises for text from outside the keyboard.

Lift text and exercise names as typed, Loop zips with any field changed, and conflict copies
with any name: the exit status is 0, 1, 2 or 3, no traceback, a refusal is one line and leaves the
data file byte for byte, and nothing streak prints holds a raw control, line separator or bidi
control. Stored exercise names hold none either, and are already tidied.
"""

import csv
import io
import tempfile
import warnings
import zipfile
from functools import cache
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from foreign_files import YES_MANUAL, LoopHabit, loop_csv_files
from fuzzing import FUZZ, NOW, TODAY, check, inside
from streak.cli.main import main
from streak.core.lifts.lift import close_exercise, exercise_key, tidy_exercise
from streak.core.text import first_unsafe
from streak.storage.store import Store

# Letters and spaces, with the characters this issue is about mixed in: controls, C1, bidi
# controls, line separators, zero-width characters, combining accents and lookalikes.
TRICKY = "\x00\x07\t\n\r\x1b\x7f\x85\x9b\u200b\u200c\u200d\u2060\ufeff\u2028\u2029\u202a\u202e\u2066\u2069\u0301é×xX"
NAME_CHARACTERS = (
    st.sampled_from("abcdefghijklmnopqrstuvwxyz ABCRDL-'=+@")
    | st.sampled_from(TRICKY)
    | st.characters(exclude_categories=("Cs",))
)
EXERCISE_NAMES = st.text(NAME_CHARACTERS, max_size=70) | st.sampled_from(
    ["front sqat", "Front squat", "RDL", "fornt squat", "nordic", "Cafe\u0301 squat", "squat\u202e", ""]
)
NUMBERS = st.sampled_from(["0", "1", "5", "20", "21", "100", "101", "9" * 30, "9" * 5000, "05", "-1", "1.5", ""])
WEIGHTS = st.sampled_from(["", "100", "62.5kg", "225lb", "1000", "1000.01", "0", "-5", "1e3", "100 kg", "9" * 5000])


TIMES = st.sampled_from(["x", "X", "×", " x "])


@st.composite
def lift_texts(draw: st.DrawFn) -> str:
    """`EXERCISE SETSxREPS WEIGHT`, each part drawn from valid, out-of-range and hostile values."""
    return f"{draw(EXERCISE_NAMES)} {draw(NUMBERS)}{draw(TIMES)}{draw(NUMBERS)} {draw(WEIGHTS)}"


def _nothing_raw(*texts: str) -> None:
    for text in texts:
        for line in text.split("\n"):
            assert first_unsafe(line) is None, line


def _stored_names_are_clean(db: Path) -> None:
    if not db.exists():
        return
    for session in Store(str(db)).load().sessions:
        for lift in session.lifts:
            assert first_unsafe(lift.exercise) is None and tidy_exercise(lift.exercise) == lift.exercise, lift


def _run(folder: Path, db: Path, argv: list[str]) -> tuple[int, str, str]:
    with inside(folder, b"") as (out, err):
        status = main(["--db", str(db), *argv], today=TODAY, now=NOW)
    return status, out.getvalue(), err.getvalue()


@FUZZ
@given(
    lifts=st.lists(lift_texts() | st.text(NAME_CHARACTERS, max_size=30), min_size=1, max_size=3),
    new=st.booleans(),
    edit=st.booleans(),
)
def test_any_lift_text_checks_in_cleanly_or_is_refused_in_one_line(lifts: list[str], new: bool, edit: bool) -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        db = folder / "streak.json"
        assert _run(folder, db, ["checkin", "--date", "2026-11-16", "--lift", "Front squat 5x5 100"])[0] == 0
        before = db.read_bytes()
        flags = ["--new-exercise"] if new else []
        command = ["edit", "2026-11-16"] if edit else ["checkin", "--date", "2026-11-18"]
        status, out, err = _run(folder, db, [*command, *flags, *(f"--lift={lift}" for lift in lifts)])
        check(status, err, before, db)
        _nothing_raw(out, err)
        _stored_names_are_clean(db)
        for exercise in lifts[:1]:
            status, out, err = _run(folder, db, ["lifts", f"--exercise={exercise}", "--json"])
            check(status, err, db.read_bytes(), db)
            _nothing_raw(out, err)


@FUZZ
@given(name=EXERCISE_NAMES, known=st.lists(EXERCISE_NAMES, max_size=4))
def test_exercise_names_tidy_once_and_closeness_never_fails(name: str, known: list[str]) -> None:
    tidied = tidy_exercise(name)
    assert tidy_exercise(tidied) == tidied
    assert exercise_key(name) == exercise_key(tidied)
    close = close_exercise(name, known)
    assert close is None or exercise_key(close) != exercise_key(name)


LOOP_FIELDS = st.text(NAME_CHARACTERS, max_size=20) | NUMBERS | st.sampled_from(["YES_MANUAL", "NO", "2026-11-16"])
# What loop_zips draws from, built once: a strategy built inside every draw is validated again each time.
HABIT_NAMES = st.text(NAME_CHARACTERS, min_size=1, max_size=12)
CHANGES = st.integers(1, 3)
FOLDER_NAME_ENDS = st.text(NAME_CHARACTERS, max_size=8).filter(lambda text: "/" not in text)


@cache
def index_in(count: int) -> st.SearchStrategy[int]:
    """An index into a row, or a table, of `count` cells or rows."""
    return st.integers(0, count - 1)


@st.composite
def loop_zips(draw: st.DrawFn) -> bytes:
    """Loop's CSV export of two habits, with cells of Habits.csv or a Checkmarks.csv, or a folder's name, replaced."""
    habits = [
        LoopHabit(draw(HABIT_NAMES), {"2026-11-16": (YES_MANUAL, "squats")}),
        LoopHabit("Read", {"2026-11-15": (YES_MANUAL, "")}),
    ]
    files = loop_csv_files(habits)
    for _ in range(draw(CHANGES)):
        # The files' names hold the drawn habit name, so this one strategy is built here.
        target = draw(st.sampled_from(sorted(name for name in files if name.endswith(".csv"))))
        rows = list(csv.reader(io.StringIO(files[target], newline="")))
        if rows:
            row = draw(index_in(len(rows)))
            if rows[row]:
                rows[row][draw(index_in(len(rows[row])))] = draw(LOOP_FIELDS)
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerows(rows)
        files[target] = buffer.getvalue()
    if draw(st.booleans()):
        folder = next(name.split("/")[0] for name in files if name.endswith("/Checkmarks.csv"))
        renamed = draw(NUMBERS) + " " + draw(FOLDER_NAME_ENDS)
        files = {name.replace(folder + "/", renamed + "/", 1): text for name, text in files.items()}
    archive = io.BytesIO()
    # A renamed folder can take the name of another, so an archive may hold one name twice: a zip a
    # person could be sent, kept as hostile input, without zipfile's warning about writing it.
    with zipfile.ZipFile(archive, "w") as zipped, warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        for name, text in files.items():
            zipped.writestr(name, text.encode("utf-8", "surrogatepass"))
    return archive.getvalue()


@FUZZ
@given(zipped=loop_zips(), habit=st.none() | LOOP_FIELDS | NUMBERS.map(lambda number: "#" + number))
def test_any_loop_zip_imports_or_is_refused_in_one_line(zipped: bytes, habit: str | None) -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        db = folder / "streak.json"
        (folder / "loop.zip").write_bytes(zipped)
        status, out, err = _run(folder, db, ["import", "loop.zip", *(["--habit", habit] if habit is not None else [])])
        check(status, err, None, db)
        _nothing_raw(out, err)


COPY_MIDDLES = st.text(NAME_CHARACTERS.filter(lambda char: char not in "/()\x00"), max_size=16)


@FUZZ
@given(
    middle=COPY_MIDDLES,
    content=st.sampled_from([b"{not json", b"", b"\xff\xfe", b'{"meta": 1}']) | st.binary(max_size=40),
    command=st.sampled_from([["status"], ["status", "--short"], ["checkin", "--date", "2026-11-17"], ["history"]]),
)
def test_any_conflict_copy_name_is_reported_in_one_safe_line(middle: str, content: bytes, command: list[str]) -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        db = folder / "streak.json"
        assert _run(folder, db, ["checkin", "--date", "2026-11-16"])[0] == 0
        copy = folder / f"streak ({middle}conflicted copy 2026-11-20).json"
        try:
            copy.write_bytes(content)
        except (OSError, UnicodeEncodeError):
            return  # a name this file system cannot hold
        status, out, err = _run(folder, db, command)
        check(status, err, None if status == 0 else db.read_bytes(), db)
        _nothing_raw(out, err)
