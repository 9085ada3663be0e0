"""`streak import` from Loop Habit Tracker, harsh and oidia, through the real entry point, on files in their layouts."""

import io
import json
import zipfile
from pathlib import Path

import pytest

from foreign_files import (
    NO,
    SKIP,
    UNKNOWN,
    YES_AUTO,
    YES_MANUAL,
    LoopHabit,
    harsh_line,
    oidia_json,
    write_loop_db,
    write_loop_folder,
    write_loop_zip,
)
from helpers import Run

LEGS = LoopHabit(
    "Leg day: squats & lunges!",
    {
        "2026-11-02": (YES_MANUAL, 'front squats, "heavy" 5x5'),
        "2026-11-03": (YES_AUTO, "auto-filled by the frequency"),
        "2026-11-04": (NO, "sick"),
        "2026-11-05": (SKIP, "travelling"),
        "2026-11-06": (UNKNOWN, ""),
        "2026-11-09": (YES_MANUAL, ""),
        "2026-11-12": (YES_MANUAL, "lunges,\nstep-ups"),
    },
)
READ = LoopHabit("Read", {"2026-11-01": (YES_MANUAL, "a book"), "2026-11-09": (YES_MANUAL, "")})
SQUATS = LoopHabit("Squats", {"2026-11-10": (25000, "25 reps"), "2026-11-11": (0, ""), "2026-11-13": (SKIP, "")}, True)
LEG_SESSIONS = [
    {"date": "2026-11-02", "note": 'front squats, "heavy" 5x5'},
    {"date": "2026-11-09", "note": None},
    {"date": "2026-11-12", "note": "lunges, step-ups"},
]


def one_line_error(run: Run, *words: str) -> None:
    """Exit 2, nothing on stdout, one `streak:` line on stderr with the words, no traceback."""
    assert run.status == 2, run
    assert run.out == ""
    assert len(run.err.strip().splitlines()) == 1 and "Traceback" not in run.err, run.err
    assert run.err.startswith("streak: ") and all(word in run.err for word in words), run.err


def sessions(streak) -> list[dict]:  # noqa: ANN001
    return json.loads(streak("export").out)["sessions"]


def loop_file(kind: str, tmp_path: Path, habits: list[LoopHabit]) -> Path:
    """Loop's export or backup of `habits`, as `kind`: zip, folder, old-zip, db, value-db or old-db."""
    if kind.endswith("zip"):
        return write_loop_zip(tmp_path / "Loop Habits CSV 2026-11-21.zip", habits, old=kind == "old-zip")
    if kind == "folder":
        return write_loop_folder(tmp_path / "Loop Habits CSV 2026-11-21", habits)
    schema = {"db": "new", "value-db": "value", "old-db": "old"}[kind]
    return write_loop_db(tmp_path / "Loop Habits Backup 2026-11-21 183000.db", habits, schema=schema)


# Loop Habit Tracker


@pytest.mark.parametrize("kind", ["zip", "folder", "db"])
def test_loop_yes_manual_days_come_in_with_their_notes(streak, tmp_path: Path, kind: str) -> None:  # noqa: ANN001
    """Only YES_MANUAL is a session (not YES_AUTO, NO, SKIP, UNKNOWN); notes keep commas and quotes."""
    source = loop_file(kind, tmp_path, [LEGS])
    run = streak("import", str(source))
    assert run.status == 0, run
    assert (
        run.out
        == 'Imported 3 sessions of "Leg day: squats & lunges!" (#1 in Loop Habit Tracker); skipped 0 already present.\n'
    )
    assert sessions(streak) == LEG_SESSIONS


@pytest.mark.parametrize(("kind", "notes"), [("old-zip", False), ("old-db", False), ("value-db", False)])
def test_loop_files_from_older_versions(streak, tmp_path: Path, kind: str, notes: bool) -> None:  # noqa: ANN001
    """Older Loop's headerless CSV of codes, and databases from before the value column and before notes."""
    source = loop_file(kind, tmp_path, [LEGS, SQUATS] if kind != "old-db" else [LEGS])
    assert streak("import", str(source), "--habit", "#1").status == 0
    assert [s["date"] for s in sessions(streak)] == ["2026-11-02", "2026-11-09", "2026-11-12"]
    assert all(s["note"] is None for s in sessions(streak))


@pytest.mark.parametrize("kind", ["zip", "old-zip", "folder", "db", "value-db"])
def test_loop_numerical_habit_counts_days_above_zero(streak, tmp_path: Path, kind: str) -> None:  # noqa: ANN001
    """A numerical habit's day is a session when its amount (x1000) is above 0; 0 and SKIP are not."""
    source = loop_file(kind, tmp_path, [READ, SQUATS])
    assert json.loads(streak("import", str(source), "--habit", "squats", "--json").out) == {"imported": 1, "skipped": 0}
    assert [s["date"] for s in sessions(streak)] == ["2026-11-10"]


@pytest.mark.parametrize("kind", ["zip", "folder", "db"])
def test_loop_several_habits_need_a_choice(streak, db: Path, tmp_path: Path, kind: str) -> None:  # noqa: ANN001
    """Without --habit, a file of several habits is refused with one line listing them as #N Name."""
    streak("checkin", "--date", "2026-11-20")
    before = db.read_bytes()
    source = loop_file(kind, tmp_path, [READ, LEGS, SQUATS])
    one_line_error(
        streak("import", str(source)), "3 habits", "--habit", "#1 Read, #2 Leg day: squats & lunges!, #3 Squats"
    )
    assert db.read_bytes() == before


@pytest.mark.parametrize("kind", ["zip", "folder", "db"])
def test_loop_habit_picked_by_name_without_case_or_by_number(streak, tmp_path: Path, kind: str) -> None:  # noqa: ANN001
    """--habit matches the name without case; '#N' is the file's numbering (folder 001 and position 0 are #1)."""
    source = loop_file(kind, tmp_path, [READ, LEGS])
    assert streak("import", str(source), "--habit", "LEG DAY: SQUATS & LUNGES!").status == 0
    assert len(sessions(streak)) == 3
    run = streak("import", str(source), "--habit", "#1")
    assert run.out == 'Imported 1 session of "Read" (#1 in Loop Habit Tracker); skipped 1 already present.\n'


@pytest.mark.parametrize("kind", ["zip", "folder", "db"])
def test_loop_two_habits_sharing_a_name_are_told_apart_by_number(streak, db: Path, tmp_path: Path, kind: str) -> None:  # noqa: ANN001
    """A name two habits share is refused, the message giving each one's number; the number then picks it."""
    twin = LoopHabit("legs", {"2026-11-16": (YES_MANUAL, "the other one")})
    source = loop_file(kind, tmp_path, [READ, LEGS._replace(name="Legs"), twin])
    one_line_error(streak("import", str(source), "--habit", "legs"), "2 of its habits", "--habit '#2' or --habit '#3'")
    assert not db.exists()
    assert streak("import", str(source), "--habit", "#3").status == 0
    assert sessions(streak) == [{"date": "2026-11-16", "note": "the other one"}]


@pytest.mark.parametrize("kind", ["zip", "db"])
def test_loop_habit_without_sessions_imports_nothing(streak, tmp_path: Path, kind: str) -> None:  # noqa: ANN001
    """A habit with no YES_MANUAL day is not an error: nothing comes in."""
    source = loop_file(kind, tmp_path, [LoopHabit("Legs", {"2026-11-02": (NO, "")})])
    run = streak("import", str(source), "--json")
    assert run.status == 0 and json.loads(run.out) == {"imported": 0, "skipped": 0}


def test_loop_zip_is_told_by_content_not_name(streak, tmp_path: Path) -> None:  # noqa: ANN001
    """A Loop zip named like a CSV and a Loop database named like a JSON file are still read as Loop's."""
    zipped = write_loop_zip(tmp_path / "legs.csv", [LEGS])
    database = write_loop_db(tmp_path / "legs.json", [LEGS])
    assert streak("import", str(zipped)).status == 0
    assert json.loads(streak("import", str(database), "--json").out) == {"imported": 0, "skipped": 3}


def test_loop_zip_zipped_again_inside_a_folder(streak, tmp_path: Path) -> None:  # noqa: ANN001
    """An unpacked export zipped again (one folder deep, with macOS's __MACOSX beside it) still reads."""
    folder = write_loop_folder(tmp_path / "Loop Habits CSV 2026-11-21", [LEGS])
    target = tmp_path / "again.zip"
    with zipfile.ZipFile(target, "w") as archive:
        for path in sorted(folder.rglob("*")):
            archive.write(path, path.relative_to(tmp_path))
        archive.writestr("__MACOSX/Loop Habits CSV 2026-11-21/._Habits.csv", b"\x00\x05\x16\x07")
    assert streak("import", str(target)).status == 0
    assert sessions(streak) == LEG_SESSIONS


# dry run


@pytest.mark.parametrize("kind", ["zip", "db"])
def test_dry_run_shows_what_would_come_in_and_changes_nothing(streak, db: Path, tmp_path: Path, kind: str) -> None:  # noqa: ANN001
    """--dry-run: how many sessions, the first and last of them, how many skipped; the data file is untouched."""
    streak("checkin", "--date", "2026-11-09")
    before = db.read_bytes()
    source = loop_file(kind, tmp_path, [LEGS])
    run = streak("import", str(source), "--dry-run")
    assert run.status == 0
    assert run.out == (
        'Would import 2 sessions of "Leg day: squats & lunges!" (#1 in Loop Habit Tracker), Mon 2 Nov 2026 to'
        " Thu 12 Nov 2026; would skip 1 already present. Nothing was changed.\n"
    )
    assert json.loads(streak("import", str(source), "--dry-run", "--json").out) == {"imported": 2, "skipped": 1}
    assert db.read_bytes() == before


def test_dry_run_of_a_streak_csv(streak, db: Path, tmp_path: Path) -> None:  # noqa: ANN001
    """A streak export can be previewed too, and nothing is written."""
    source = tmp_path / "legs.csv"
    source.write_text("date,note\n2026-11-10,ok\n", encoding="utf-8")
    assert streak("import", str(source), "--dry-run").out == (
        "Would import 1 session, Tue 10 Nov 2026; would skip 0 already present. Nothing was changed.\n"
    )
    assert not db.exists()


# harsh


HARSH_LOG = (
    "# harsh log: date : habit : y/n/s : comment : amount\n"
    + harsh_line("2026-11-02", "Leg day", "y", "squats, 5x5", "100")
    + harsh_line("2026-11-03", "Leg day", "y", "logged by mistake")
    + harsh_line("2026-11-03", "Leg day", "n", "rest")  # a later line wins: no session
    + harsh_line("2026-11-04", "Leg day", "s", "skipped")
    + "\n"
    + harsh_line("2026-11-05", "Leg day", "n")
    + harsh_line("2026-11-05", "Leg day", "y", "moved from Thursday")  # later wins: a session
    + "2026-11-06 : Leg day : y\n"  # the short form
    + harsh_line("2026-11-06", "Read", "y", "a book", "30")
)


def test_harsh_log_later_line_wins_and_comments_become_notes(streak, tmp_path: Path) -> None:  # noqa: ANN001
    """y is a session, n and s are not; # lines are skipped; the last line for a day and habit counts."""
    log = tmp_path / "log"
    log.write_text(HARSH_LOG, encoding="utf-8")
    one_line_error(streak("import", str(log)), "#1 Leg day, #2 Read")
    run = streak("import", str(log), "--habit", "leg day")
    assert run.out == 'Imported 3 sessions of "Leg day" (#1 in harsh); skipped 0 already present.\n'
    assert sessions(streak) == [
        {"date": "2026-11-02", "note": "squats, 5x5"},
        {"date": "2026-11-05", "note": "moved from Thursday"},
        {"date": "2026-11-06", "note": None},
    ]


def test_harsh_log_with_windows_line_ends_and_one_habit(streak, tmp_path: Path) -> None:  # noqa: ANN001
    """A log of one habit needs no --habit; CRLF line ends are fine."""
    log = tmp_path / "log"
    log.write_bytes(b"2026-11-02 : Legs : y :  : \r\n2026-11-03 : Legs : s :  : \r\n")
    assert json.loads(streak("import", str(log), "--json").out) == {"imported": 1, "skipped": 0}


# oidia


def test_oidia_days_with_a_count_are_sessions(streak, tmp_path: Path) -> None:  # noqa: ANN001
    """Each day with a count above 0 is one session, whatever the count; streaks are numbered in file order."""
    source = tmp_path / "streaks.json"
    source.write_text(
        oidia_json([("Stretch", {"2026-11-01": 1}), ("Leg day", {"2026-11-02": 1, "2026-11-04": 3, "2026-11-05": 0})]),
        encoding="utf-8",
    )
    one_line_error(streak("import", str(source)), "#1 Stretch, #2 Leg day")
    run = streak("import", str(source), "--habit", "#2")
    assert run.out == 'Imported 2 sessions of "Leg day" (#2 in oidia); skipped 0 already present.\n'
    assert sessions(streak) == [{"date": "2026-11-02", "note": None}, {"date": "2026-11-04", "note": None}]


# refusals: exit 2, one line, the data file byte for byte as it was


def _corrupt_zip(tmp_path: Path) -> Path:
    good = write_loop_zip(tmp_path / "good.zip", [LEGS]).read_bytes()
    path = tmp_path / "Loop Habits CSV 2026-11-21.zip"
    path.write_bytes(good[:60] + b"\x00" * 40 + good[100:])
    return path


def _zip_without_habits(tmp_path: Path) -> Path:
    path = tmp_path / "other.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("notes.txt", "hello")
    return path


def _foreign_db(tmp_path: Path) -> Path:
    import sqlite3

    path = tmp_path / "other.db"
    connection = sqlite3.connect(path)
    connection.execute("create table Things (id integer primary key)")
    connection.close()
    return path


def _db_with_bad_row(tmp_path: Path) -> Path:
    import sqlite3

    path = write_loop_db(tmp_path / "bad.db", [LEGS, READ])
    connection = sqlite3.connect(path)
    connection.execute("insert into Repetitions (habit, timestamp, value) values (2, 'yesterday', 2)")
    connection.commit()
    connection.close()
    return path


def _csv_with_bad_row(tmp_path: Path) -> Path:
    folder = write_loop_folder(tmp_path / "export", [LEGS, READ])
    with (folder / "002 Read" / "Checkmarks.csv").open("a", encoding="utf-8") as file:
        file.write("21/11/2026,YES_MANUAL,\n")
    return folder


def _csv_with_bad_value(tmp_path: Path) -> Path:
    folder = write_loop_folder(tmp_path / "export", [LEGS, READ])
    with (folder / "002 Read" / "Checkmarks.csv").open("a", encoding="utf-8") as file:
        file.write("2026-10-01,MAYBE,\n")
    return folder


def _future_session(tmp_path: Path) -> Path:
    return write_loop_db(tmp_path / "future.db", [LoopHabit("Legs", {"2026-11-22": (YES_MANUAL, "")})])


def _text(name: str, content: str):  # noqa: ANN202
    def make(tmp_path: Path) -> Path:
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
        return path

    return make


REFUSALS = {
    "corrupt zip": (_corrupt_zip, [], "not a readable zip"),
    "zip without Habits.csv": (_zip_without_habits, [], "no Habits.csv"),
    "database without Loop's tables": (_foreign_db, [], "not a Loop Habit Tracker backup"),
    "bad database row in another habit": (_db_with_bad_row, ["--habit", "#1"], "Repetitions row"),
    "bad date in another habit's CSV": (_csv_with_bad_row, ["--habit", "#1"], "002 Read/Checkmarks.csv line 4"),
    "bad Loop value": (_csv_with_bad_value, ["--habit", "#1"], "MAYBE"),
    "future session": (_future_session, [], "in the future"),
    "unknown habit": (_future_session, ["--habit", "Squats"], "no habit called 'Squats'", "#1 Legs"),
    "unknown number": (_future_session, ["--habit", "#4"], "no habit #4"),
    "harsh line without outcome": (_text("log", "2026-11-02 : Legs\n"), [], "line 1"),
    "harsh outcome": (_text("log", "2026-11-02 : Legs : yes\n"), [], "line 1", "'yes'"),
    "harsh bad date in another habit": (
        _text("log", "2026-11-02 : Legs : y\n2026-13-01 : Read : y\n"),
        ["--habit", "legs"],
        "line 2",
    ),
    "harsh bad amount": (_text("log", "2026-11-02 : Legs : y : ok : lots\n"), [], "'lots'"),
    "oidia not a list": (_text("streaks.json", '{"title": "Legs"}'), ["--from", "oidia"], "not an oidia"),
    "oidia bad day": (_text("streaks.json", '[{"title": "Legs", "days": {"02/11/2026": 1}}]'), [], "streak 1"),
    "oidia count": (_text("streaks.json", '[{"title": "Legs", "days": {"2026-11-02": "1"}}]'), [], "whole number"),
    "--habit on a streak export": (_text("legs.csv", "date,note\n2026-11-02,\n"), ["--habit", "legs"], "--habit"),
    "--from loop on text": (_text("log", "2026-11-02 : Legs : y\n"), ["--from", "loop"], "Loop Habit Tracker"),
    "--from harsh on oidia": (_text("streaks.json", "[]"), ["--from", "harsh"], "line 1"),
    "folder that is not Loop's": (lambda folder: folder, [], "no Habits.csv"),
}


@pytest.mark.parametrize(("make", "options", "words"), [(v[0], v[1], v[2:]) for v in REFUSALS.values()], ids=REFUSALS)
def test_refusals_import_nothing(
    streak, db: Path, tmp_path: Path, make, options: list[str], words: tuple[str, ...]
) -> None:  # noqa: ANN001
    """Exit 2 with one line naming the file and the problem; the data file is byte-identical."""
    streak("checkin", "--date", "2026-11-20")
    before = db.read_bytes()
    folder = tmp_path / "files"
    folder.mkdir()
    source = make(folder)
    one_line_error(streak("import", str(source), *options), "was not imported", *words)
    assert db.read_bytes() == before


def test_harsh_log_from_standard_input(streak, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    """`streak import -` reads standard input and tells a harsh log by its lines."""
    monkeypatch.setattr("sys.stdin", io.StringIO(harsh_line("2026-11-02", "Legs", "y", "squats")))
    assert streak("import", "-").out == 'Imported 1 session of "Legs" (#1 in harsh); skipped 0 already present.\n'


def test_a_loop_database_on_standard_input_is_refused(streak, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    """A database needs its path (SQLite opens files); the message says so."""
    data = write_loop_db(tmp_path / "loop.db", [LEGS]).read_bytes()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data), encoding="latin-1"))
    one_line_error(streak("import", "-"), "standard input was not imported", "give its path")


def test_import_never_loads_textual(tmp_path: Path) -> None:
    """`streak import` of a Loop zip runs without Textual or Rich, in a process of its own."""
    import subprocess
    import sys

    source = write_loop_zip(tmp_path / "loop.zip", [LEGS])
    code = (
        "import sys\nfrom streak.cli.main import main\n"
        "status = main(['--db', sys.argv[2], 'import', sys.argv[1]])\n"
        "print(status, 'textual' in sys.modules or 'rich' in sys.modules, file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(source), str(tmp_path / "s.json")], capture_output=True, text=True, check=False
    )
    assert result.stderr.strip().splitlines()[-1] == "0 False"


def test_a_loop_backup_in_wal_mode_is_read_without_files_made_beside_it(streak, tmp_path: Path) -> None:  # noqa: ANN001
    """Importing reads a person's backup; it leaves its folder exactly as it was."""
    import sqlite3

    folder = tmp_path / "downloads"
    folder.mkdir()
    source = loop_file("db", folder, [LEGS])
    connection = sqlite3.connect(source)
    assert connection.execute("pragma journal_mode=wal").fetchone() == ("wal",)
    connection.close()  # the last connection checkpoints and removes -wal and -shm
    assert streak("import", str(source)).status == 0
    assert [path.name for path in folder.iterdir()] == [source.name]
    assert sessions(streak) == LEG_SESSIONS
