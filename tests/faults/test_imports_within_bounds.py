"""Issue 21, items 3, 4 and 6: what an import reads is bounded, never a traceback, never a hang, never a wrong habit.

Each case was exit 1 with a traceback (Python's int-digits limit, RecursionError), a wait without
end (a FIFO), a file left beside a Loop backup, or a message of megabytes; each is now one line.
"""

import json
import os
import sqlite3
import zipfile
from pathlib import Path

import pytest

import streak.storage.exchange.files as exchange_files
from foreign_files import YES_MANUAL, LoopHabit, loop_csv_files, loop_timestamp, write_loop_db
from helpers import refused

HUGE = "9" * 5000
LEG_DAY = LoopHabit("Leg day", {"2026-11-16": (YES_MANUAL, ""), "2026-11-18": (YES_MANUAL, "")})
posix_only = pytest.mark.skipif(os.name != "posix", reason="FIFOs as POSIX has them")


def loop_zip_with(tmp_path: Path, change) -> Path:  # noqa: ANN001
    """Loop's CSV export of one habit, its files passed through `change` ({path: text} -> {path: text})."""
    path = tmp_path / "Loop Habits CSV 2026-11-21.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in change(loop_csv_files([LEG_DAY])).items():
            archive.writestr(name, text)
    return path


def huge_position(files: dict[str, str]) -> dict[str, str]:
    files["Habits.csv"] = files["Habits.csv"].replace("\n001,", f"\n{HUGE},")
    return files


def huge_folder_number(files: dict[str, str]) -> dict[str, str]:
    return {name.replace("001 Leg day/", f"{HUGE} Leg day/"): text for name, text in files.items()}


def huge_checkmark_value(files: dict[str, str]) -> dict[str, str]:
    name = "001 Leg day/Checkmarks.csv"
    files[name] = files[name].replace("YES_MANUAL", HUGE, 1)
    return files


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (huge_position, ["Habits.csv line 2", "5,000 digits long"]),
        (huge_folder_number, ["habit folder's number", "5,000 digits long"]),
        (huge_checkmark_value, ["Checkmarks.csv line", "5,000 digits long"]),
    ],
    ids=["Habits.csv position", "habit folder", "Checkmarks.csv value"],
)
def test_a_5000_digit_number_in_a_loop_zip_is_one_line_and_exit_2(streak, tmp_path: Path, change, words) -> None:  # noqa: ANN001
    run = streak("import", str(loop_zip_with(tmp_path, change)))
    refused(run, 2, *words)
    assert len(run.err) < 400


def test_a_5000_digit_habit_number_is_no_such_habit(streak, tmp_path: Path) -> None:  # noqa: ANN001
    source = loop_zip_with(tmp_path, lambda files: files)
    run = streak("import", str(source), "--habit", "#" + HUGE)
    refused(run, 2, "no habit #999", "#1 Leg day")
    assert len(run.err) < 400


def test_an_oidia_file_nested_200000_levels_is_one_line(streak, tmp_path: Path) -> None:  # noqa: ANN001
    source = tmp_path / "streaks.json"
    source.write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    refused(streak("import", str(source)), 2, "nested too deeply", "oidia")
    refused(streak("import", str(source), "--from", "oidia"), 2, "nested too deeply")


def test_an_oidia_count_thousands_of_digits_long_is_one_line(streak, tmp_path: Path) -> None:  # noqa: ANN001
    source = tmp_path / "streaks.json"
    source.write_text('[{"title": "Legs", "days": {"2026-11-16": ' + HUGE + "}}]", encoding="utf-8")
    run = streak("import", str(source))
    refused(run, 2, "thousands of digits long")
    assert "int_max_str_digits" not in run.err


def test_brackets_inside_strings_do_not_count_as_nesting(streak, tmp_path: Path) -> None:  # noqa: ANN001
    source = tmp_path / "streaks.json"
    title = '[[[[{{{{\\"\\\\' * 40  # brackets, escaped quotes and backslashes, all inside one title
    source.write_text('[{"title": "' + title + '", "days": {"2026-11-16": 1}}]', encoding="utf-8")
    assert json.loads(streak("import", str(source), "--json").out) == {"imported": 1, "skipped": 0}


@posix_only
def test_importing_a_fifo_is_refused_at_once(cli, tmp_path: Path) -> None:  # noqa: ANN001
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    refused(cli("import", str(fifo)), 2, "named pipe", "not a regular file")  # cli times out after 120 s


@posix_only
def test_a_loop_folder_whose_habits_csv_is_a_fifo_is_refused_at_once(cli, tmp_path: Path) -> None:  # noqa: ANN001
    folder = tmp_path / "Loop export"
    folder.mkdir()
    os.mkfifo(folder / "Habits.csv")
    refused(cli("import", str(folder)), 2, "Habits.csv", "named pipe")


def wal_mode_backup(folder: Path) -> Path:
    """A Loop backup in WAL mode whose last repetition is still in its -wal file, as a copy taken mid-write leaves it."""
    live = folder / "live"
    live.mkdir()
    path = write_loop_db(live / "Loop Habits Backup.db", [LEG_DAY])
    connection = sqlite3.connect(path)
    connection.execute("pragma journal_mode=wal")
    connection.execute("pragma wal_autocheckpoint=0")
    connection.execute(
        "insert into Repetitions (habit, timestamp, value, notes) values (1, ?, 2, 'only in the wal')",
        (loop_timestamp("2026-11-20"),),
    )
    connection.commit()
    backup = folder / "backup"
    backup.mkdir()
    for suffix in ("", "-wal"):
        (backup / f"Loop Habits Backup.db{suffix}").write_bytes((live / f"Loop Habits Backup.db{suffix}").read_bytes())
    connection.close()
    return backup / "Loop Habits Backup.db"


@pytest.mark.parametrize("with_wal", [True, False])
def test_a_wal_mode_loop_backup_is_read_leaving_its_folder_as_it_was(streak, tmp_path: Path, with_wal: bool) -> None:  # noqa: ANN001
    backup = wal_mode_backup(tmp_path)
    if not with_wal:
        (backup.parent / (backup.name + "-wal")).unlink()
    before = sorted(os.listdir(backup.parent))
    backup.parent.chmod(0o555)
    try:
        run = streak("import", str(backup), "--dry-run", "--json")
    finally:
        backup.parent.chmod(0o755)
    assert run.status == 0, run
    assert json.loads(run.out)["imported"] == (3 if with_wal else 2)  # the -wal's repetition counts when it is there
    assert sorted(os.listdir(backup.parent)) == before  # no -shm, no -journal beside it


def loop_db_with_null_habit_ids(path: Path) -> Path:
    """Habits and Repetitions without primary keys: a habit whose id is NULL, and repetitions of no habit."""
    connection = sqlite3.connect(path)
    connection.executescript(
        "create table Habits (id integer, name text, position integer, type integer);"
        "create table Repetitions (id integer, habit integer, timestamp integer, value integer, notes text);"
    )
    connection.execute("insert into Habits values (null, 'Leg day', 0, 0)")
    connection.execute("insert into Habits values (7, 'Read', 1, 0)")
    for day in ("2026-11-16", "2026-11-17"):
        connection.execute("insert into Repetitions values (null, null, ?, 2, null)", (loop_timestamp(day),))
    connection.execute("insert into Repetitions values (null, 7, ?, 2, null)", (loop_timestamp("2026-11-18"),))
    connection.commit()
    connection.close()
    return path


def test_repetitions_of_no_habit_never_land_in_a_habit_whose_id_is_null(streak, tmp_path: Path) -> None:  # noqa: ANN001
    source = loop_db_with_null_habit_ids(tmp_path / "Loop Habits Backup.db")
    assert json.loads(streak("import", str(source), "--habit", "#1", "--json").out) == {"imported": 0, "skipped": 0}
    assert json.loads(streak("import", str(source), "--habit", "#2", "--json").out) == {"imported": 1, "skipped": 0}


def test_a_loop_database_of_50000_habits_is_refused_in_a_readable_line(streak, tmp_path: Path) -> None:  # noqa: ANN001
    path = tmp_path / "Loop Habits Backup.db"
    connection = sqlite3.connect(path)
    connection.executescript(
        "create table Habits (id integer primary key, name text, position integer, type integer);"
        "create table Repetitions (id integer primary key, habit integer, timestamp integer, value integer, notes text);"
    )
    connection.executemany(
        "insert into Habits values (?, ?, ?, 0)", ((n, f"Habit {n} " + "x" * 200, n) for n in range(50_000))
    )
    connection.commit()
    connection.close()
    run = streak("import", str(path))
    refused(run, 2, "50000 habits", "#1 Habit 0", "and 49,990 more")
    assert len(run.err) < 1500
    run = streak("import", str(path), "--habit", "nothing")
    refused(run, 2, "no habit called 'nothing'", "and 49,990 more")
    assert len(run.err) < 1500


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["history", "--weeks", HUGE], ["--weeks must be a whole number from 1 to 5200", "9999…"]),
        (["goal", HUGE], ["the weekly goal must be a whole number from 1 to 7"]),
        (["backup", "--keep", HUGE], ["--keep must be a whole number from 1 to 365"]),
        (["history", "--weeks", "0" * 5000 + "99999"], ["--weeks must be a whole number from 1 to 5200"]),
    ],
)
def test_a_5000_digit_number_argument_gets_the_usual_range_message(streak, args: list[str], words: list[str]) -> None:  # noqa: ANN001
    run = streak(*args)
    refused(run, 2, *words)
    assert "invalid" not in run.err and len(run.err) < 300


def test_a_number_argument_with_leading_zeros_still_counts(streak) -> None:  # noqa: ANN001
    assert len(json.loads(streak("history", "--weeks", "0" * 5000 + "3", "--json").out)) == 3


def test_a_harsh_comment_holding_a_line_separator_is_named_on_its_own_line(streak, tmp_path: Path) -> None:  # noqa: ANN001
    source = tmp_path / "log"
    source.write_text(
        "2026-11-16 : Legs : y : squats : \n2026-11-17 : Legs : y : heavy\u2028day : \n", encoding="utf-8"
    )
    refused(streak("import", str(source)), 2, "line 2:", "line or paragraph separator", "\\u2028")


def test_a_harsh_log_splits_lines_only_at_line_feeds(streak, tmp_path: Path) -> None:  # noqa: ANN001
    """A form feed or U+0085 is no line end to harsh: the line holding one is refused by its own number."""
    source = tmp_path / "log"
    source.write_text("2026-11-16 : Legs : y : a\x0cb : \n", encoding="utf-8")
    refused(streak("import", str(source), "--from", "harsh"), 2, "line 1:", "control character")


def test_lifts_of_an_empty_exercise_name_is_refused(streak) -> None:  # noqa: ANN001
    assert streak("checkin", "--date", "2026-11-16", "--lift", "back squat 5x5 100kg").status == 0
    refused(streak("lifts", "--exercise", ""), 2, "--exercise needs")
    refused(streak("lifts", "--exercise", "  "), 2, "--exercise needs")


def test_an_import_whose_history_would_not_export_again_is_refused(
    streak,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,  # noqa: ANN001
) -> None:
    """The file is within the limit, but the JSON export of what it makes is not: nothing is imported."""
    monkeypatch.setattr(exchange_files, "MAX_EXCHANGE_BYTES", 20_000)
    rows = "".join(
        f"2026-{month:02d}-{day:02d},Back squat,5,5,100,kg\n" for month in range(1, 11) for day in range(1, 29)
    )
    source = tmp_path / "lifts.csv"
    source.write_text("date,exercise,sets,reps,weight,unit\n" + rows, encoding="utf-8")
    assert len(source.read_bytes()) < 20_000
    refused(streak("import", str(source), "--dry-run"), 2, "export would be", "nothing was imported")
    refused(streak("import", str(source)), 2, "export would be", "nothing was imported")
    assert json.loads(streak("status", "--json").out)["total_sessions"] == 0
    small = tmp_path / "few.csv"
    small.write_text(
        "date,exercise,sets,reps,weight,unit\n" + "".join(rows.splitlines(keepends=True)[:10]), encoding="utf-8"
    )
    assert streak("import", str(small)).status == 0
    assert streak("export").status == 0
