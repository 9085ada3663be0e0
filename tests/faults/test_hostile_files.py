"""Issue 10, files: exports that must not land on streak's own files, symlinks, backups, modes and folders.

Each case runs the installed `streak` script as a real process on real files.
"""

import json
import os
import shlex
import stat
import subprocess
import threading
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from helpers import STREAK_SCRIPT, refused, run_streak
from streak.core.history.edits import add_session, set_goal
from streak.core.history.model import Session
from streak.storage.backups import short_machine_id
from streak.storage.store import Store
from streak.storage.sync.machine import machine_id

pytestmark = pytest.mark.skipif(os.name != "posix", reason="symlinks, FIFOs, devices and modes are POSIX")

LATER = date.today() - timedelta(days=1)


def seed(path: Path, *days: str, now: datetime = datetime(2024, 5, 1, 9)) -> Store:
    """Check in on each day (one write a day, so each write after the first takes a backup), then set a goal."""
    store = Store(str(path), now=lambda: now)
    for offset, day in enumerate(days):
        at = now + timedelta(days=offset)
        Store(str(path), now=lambda at=at: at).update(
            lambda history, day=day: (add_session(history, Session(date.fromisoformat(day), "squats"), LATER), None)
        )
    Store(str(path), now=lambda: now + timedelta(days=len(days))).update(
        lambda history: (set_goal(history, date(2024, 4, 1), 3), None)
    )
    return store


def session_days(path: Path) -> list[str]:
    return [session.day.isoformat() for session in Store(str(path)).load().sessions]


# 1 and 5: export never replaces the data file, its lock, a backup, a device or a FIFO


def test_export_onto_the_data_file_its_lock_or_a_backup_is_refused(cli, db: Path, tmp_path: Path) -> None:  # noqa: ANN001
    """Exit 2 whatever path leads there (the name, a symlink, a hard link); every file stays byte for byte."""
    store = seed(db, "2024-04-01", "2024-04-03")
    backup = Path(store.backups.all()[0].path)
    (db.parent / "streak.json.lock").touch()
    link = tmp_path / "link.json"
    link.symlink_to(db)
    hard = tmp_path / "hard.json"
    os.link(db, hard)
    before = {path: path.read_bytes() for path in (db, backup, db.parent / "streak.json.lock")}
    targets = [db, link, hard, db.parent / "streak.json.lock", backup, db.parent / ".." / "data" / "streak.json"]
    for target in targets:
        for export_format in ("json", "csv"):
            refused(cli("export", "--format", export_format, "--output", str(target)), 2, str(target), "another file")
    assert {path: path.read_bytes() for path in before} == before
    assert link.is_symlink()
    assert json.loads(cli("goal", "--json").out)["changes"] == [{"from": "2024-04-01", "goal": 3}]


def test_export_to_standard_output_that_is_the_data_file_is_refused(db: Path) -> None:
    """`streak export >> streak.json` would append to the data file: refused, the file unchanged."""
    seed(db, "2024-04-01")
    before = db.read_bytes()
    with db.open("ab") as data_file:
        result = subprocess.run(
            [str(STREAK_SCRIPT), "--db", str(db), "export"], stdout=data_file, stderr=subprocess.PIPE, check=False
        )
    assert result.returncode == 2 and b"standard output is streak's data file" in result.stderr
    assert db.read_bytes() == before


def test_export_through_a_symlink_writes_its_target_and_keeps_the_link(cli, db: Path, tmp_path: Path) -> None:  # noqa: ANN001
    """The link stays a link; the file it points to holds the export."""
    seed(db, "2024-04-01")
    real = tmp_path / "exports" / "legs.json"
    real.parent.mkdir()
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "latest.json"
    link.symlink_to(real)
    assert cli("export", "--output", str(link)).status == 0
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert json.loads(real.read_text(encoding="utf-8"))["sessions"] == [{"date": "2024-04-01", "note": "squats"}]


def test_export_into_a_fifo_writes_into_it(cli, db: Path, tmp_path: Path) -> None:  # noqa: ANN001
    """A named pipe receives the export and is still a named pipe afterwards."""
    seed(db, "2024-04-01")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    run = cli("export", "--format", "csv", "--output", str(fifo))
    reader.join(timeout=30)
    assert run.status == 0, run
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert received == [b"date,note\n2024-04-01,squats\n"]


def test_export_onto_a_character_device_writes_into_it(cli, db: Path, tmp_path: Path) -> None:  # noqa: ANN001
    """A device such as /dev/null is written into, never replaced by a plain file."""
    seed(db, "2024-04-01")
    device = Path("/dev/null")
    if os.geteuid() == 0:  # as root a broken export would replace /dev/null itself: test on a private twin
        device = tmp_path / "null"
        os.mknod(device, stat.S_IFCHR | 0o666, os.stat("/dev/null").st_rdev)
    assert cli("export", "--output", str(device)).status == 0
    assert stat.S_ISCHR(os.lstat(device).st_mode)


def test_export_to_a_link_to_standard_output_writes_to_the_pipe(cli, db: Path, tmp_path: Path) -> None:  # noqa: ANN001
    """--output naming /dev/stdout (here through a link) sends the export down the pipe; the link stays."""
    seed(db, "2024-04-01")
    link = tmp_path / "out"
    link.symlink_to("/dev/stdout")
    run = cli("export", "--format", "csv", "--output", str(link))
    assert run.status == 0 and run.out == "date,note\n2024-04-01,squats\n"
    assert link.is_symlink()


def test_export_replaces_a_regular_file_keeping_its_mode(cli, db: Path, tmp_path: Path) -> None:  # noqa: ANN001
    """An existing export file is replaced whole and keeps its permissions; a read-only one is refused."""
    seed(db, "2024-04-01")
    target = tmp_path / "legs.csv"
    target.write_text("stale\n" * 1000, encoding="utf-8")
    target.chmod(0o640)
    assert cli("export", "--format", "csv", "--output", str(target)).status == 0
    assert target.read_text(encoding="utf-8") == "date,note\n2024-04-01,squats\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    target.chmod(0o444)
    refused(cli("export", "--output", str(target)), 2, "read-only")
    assert target.read_text(encoding="utf-8") == "date,note\n2024-04-01,squats\n"


# 2: a symlinked data file


def test_a_symlinked_data_file_is_read_locked_backed_up_and_replaced_through_the_link(db: Path, tmp_path: Path) -> None:
    """The real file changes, the link stays a link, and the lock and backups sit beside the real file."""
    real = tmp_path / "dotfiles" / "legs.json"
    real.parent.mkdir()
    seed(real, "2024-04-01")
    db.symlink_to(real)
    today = date.today().isoformat()
    assert run_streak("--db", str(db), "checkin", "--date", today).status == 0
    assert run_streak("--db", str(db), "remove", "2024-04-01").status == 0
    assert db.is_symlink() and os.readlink(db) == str(real)
    assert session_days(real) == [today]
    assert sorted(os.listdir(db.parent)) == ["streak.json"]
    assert "legs.json.lock" in os.listdir(real.parent)
    backups = os.listdir(real.parent / "backups")
    assert len(backups) == 2 and all(name.startswith("legs.json.") for name in backups)


def test_a_dangling_data_file_link_is_a_data_file_problem(cli, db: Path, tmp_path: Path) -> None:  # noqa: ANN001
    """Exit 3 naming where the link points, for reading and for writing; nothing is created."""
    target = tmp_path / "gone" / "legs.json"
    db.symlink_to(target)
    refused(cli("status"), 3, str(target), "does not exist")
    refused(cli("checkin"), 3, str(target))
    assert db.is_symlink() and not target.exists() and not target.parent.exists()


# 3 and 4: backups named after the whole file name, ordered by a sequence no clock can fool


def test_files_sharing_a_stem_keep_separate_backups(tmp_path: Path) -> None:
    """legs.json and legs.txt each list and restore only their own backups."""
    seed(tmp_path / "legs.txt", "2024-04-01", "2024-04-02")
    seed(tmp_path / "legs.json", "2024-04-10", "2024-04-11")
    json_backups = json.loads(run_streak("--db", str(tmp_path / "legs.json"), "backup", "--json").out)
    assert [entry["name"].startswith("legs.json.") for entry in json_backups] == [True, True]
    assert run_streak("--db", str(tmp_path / "legs.json"), "restore").status == 0
    assert session_days(tmp_path / "legs.json") == ["2024-04-10", "2024-04-11"]
    assert run_streak("--db", str(tmp_path / "legs.txt"), "restore").status == 0
    assert session_days(tmp_path / "legs.txt") == ["2024-04-01", "2024-04-02"]


def older_style_backup(folder: Path, name: str, *days: str) -> None:
    """A backup as earlier versions named it, holding sessions on `days`."""
    source = folder / "source.json"
    seed(source, *days)
    (folder / "backups").mkdir(exist_ok=True)
    (folder / "backups" / name).write_bytes(source.read_bytes())
    source.unlink()


def test_older_style_backups_still_count_unless_another_file_shares_the_stem(db: Path) -> None:
    """streak-*.json backups list and restore for streak.json alone; beside a streak.txt, only by name."""
    seed(db, "2024-04-01")
    for name in os.listdir(db.parent / "backups"):
        (db.parent / "backups" / name).unlink()
    older_style_backup(db.parent, "streak-2024-03-01-080000.json", "2024-02-26")
    listing = json.loads(run_streak("--db", str(db), "backup", "--json").out)
    assert [(entry["name"], entry["shared"]) for entry in listing] == [("streak-2024-03-01-080000.json", False)]
    (db.parent / "streak.txt").write_text("someone else's", encoding="utf-8")
    listing = json.loads(run_streak("--db", str(db), "backup", "--json").out)
    assert [(entry["name"], entry["shared"]) for entry in listing] == [("streak-2024-03-01-080000.json", True)]
    assert "perhaps streak.txt's" in run_streak("--db", str(db), "backup").out
    refused(run_streak("--db", str(db), "restore"), 2, "no usable backup")
    assert run_streak("--db", str(db), "restore", "streak-2024-03-01-080000").status == 0
    assert session_days(db) == ["2024-02-26"]


def test_backups_dated_in_the_future_never_push_out_todays(cli, db: Path) -> None:  # noqa: ANN001
    """A wrong clock once left 2090 backups; keeping one backup keeps the one just taken."""
    seed(db, "2024-04-01")
    older_style_backup(db.parent, "streak-2090-01-01-000000.json", "2024-02-26")
    (db.parent / "backups" / "streak.json.0002.2090-01-01-000000.json").write_bytes(db.read_bytes())
    assert cli("backup", "--keep", "1").status == 0  # today's first change: a backup is taken, then pruning
    names = [entry["name"] for entry in json.loads(cli("backup", "--json").out)]
    assert len(names) == 1 and names[0].startswith("streak.json.000") and ".2090" not in names[0]
    assert names[0].endswith(f".{short_machine_id(machine_id())}.json")  # today's, taken by this machine


def test_a_future_dated_backup_is_listed_with_a_warning_and_not_taken_as_newest(cli, db: Path) -> None:  # noqa: ANN001
    """Restore picks the backup taken last, not the one with the latest date in its name."""
    seed(db, "2024-04-01")
    older_style_backup(db.parent, "streak-2090-01-01-000000.json", "2024-02-26")
    assert cli("checkin", "--date", LATER.isoformat()).status == 0  # today's backup: the file before this check-in
    listing = json.loads(cli("backup", "--json").out)
    assert [(entry["name"][:16], entry["in_future"]) for entry in listing] == [
        ("streak.json.0002", False), ("streak.json.0001", False), ("streak-2090-01-0", True),
    ]  # fmt: skip
    assert "dated in the future" in cli("backup").out.splitlines()[3]
    assert cli("restore").status == 0
    assert session_days(db) == ["2024-04-01"]


# 10 and 11: a backups folder that is a file or cannot be read; impossible dates in names


@pytest.mark.parametrize("broken", ["plain file", "link loop"])
def test_a_backups_folder_that_cannot_be_used_is_one_line_and_exit_3(cli, db: Path, broken: str) -> None:  # noqa: ANN001
    """backup, restore, a change needing a backup and the damaged-file message: exit 3, one line, data file intact."""
    seed(db, "2024-04-01")
    before = db.read_bytes()
    backups = db.parent / "backups"
    for name in os.listdir(backups):
        (backups / name).unlink()
    backups.rmdir()
    if broken == "plain file":
        backups.write_text("not a folder", encoding="utf-8")
    else:
        backups.symlink_to(backups)  # unreadable even for root, unlike chmod 000
    refused(cli("backup"), 3, str(backups))
    refused(cli("restore"), 3, str(backups))
    refused(cli("checkin", "--date", LATER.isoformat()), 3, str(backups))
    assert db.read_bytes() == before
    db.write_bytes(b"{damaged")
    refused(cli("status"), 3, "not valid JSON", str(backups))
    assert db.read_bytes() == b"{damaged"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads a folder whatever its mode")
def test_an_unreadable_backups_folder_is_exit_3(cli, db: Path) -> None:  # noqa: ANN001
    """chmod 000 on backups/: listing it is a data-file problem, said in one line."""
    seed(db, "2024-04-01")
    (db.parent / "backups").chmod(0)
    try:
        refused(cli("backup"), 3, "cannot be read")
    finally:
        (db.parent / "backups").chmod(0o700)


def test_backup_names_with_impossible_times_are_not_backups(cli, db: Path) -> None:  # noqa: ANN001
    """A 30 February in a name is ignored by listing, restore and pruning alike."""
    seed(db, "2024-04-01")
    impossible = [
        "streak-2026-02-30-000000.json",
        "streak.json.0009.2026-13-01-000000.json",
        "streak-2026-01-01-256199.json",
    ]
    for name in impossible:
        (db.parent / "backups" / name).write_bytes(db.read_bytes())
    assert [entry["name"][:16] for entry in json.loads(cli("backup", "--json").out)] == ["streak.json.0001"]
    assert cli("backup").status == 0


# 14: the restore command for a damaged file pastes into a shell as it is


def test_the_printed_restore_command_works_for_names_with_spaces_and_quotes(tmp_path: Path) -> None:
    """The command in the message, run by a shell, restores the newest good backup."""
    folder = tmp_path / "my legs"
    folder.mkdir()
    data = folder / 'it\'s "legs" $HOME.json'
    seed(data, "2024-04-01", "2024-04-02")
    data.write_bytes(b"\x00damaged")
    problem = run_streak("--db", str(data), "status")
    refused(problem, 3, "restore")
    command = problem.err.strip().rsplit("good backup is ", 1)[1].split(": ", 1)[1]
    assert command.startswith("streak --db ")
    pasted = subprocess.run(["sh", "-c", shlex.quote(str(STREAK_SCRIPT)) + command.removeprefix("streak")], check=False)
    assert pasted.returncode == 0
    assert session_days(data) == ["2024-04-01", "2024-04-02"]


# 16: the file's mode is kept, and a read-only file is never replaced


@pytest.mark.parametrize("mode", [0o644, 0o640, 0o600])
def test_a_write_keeps_the_data_file_mode(cli, db: Path, mode: int) -> None:  # noqa: ANN001
    """A check-in replaces the file's content, not its permissions."""
    seed(db, "2024-04-01")
    db.chmod(mode)
    assert cli("checkin", "--date", LATER.isoformat()).status == 0
    assert stat.S_IMODE(db.stat().st_mode) == mode


def test_a_read_only_data_file_is_read_but_never_replaced(cli, db: Path) -> None:  # noqa: ANN001
    """0444: status works; check-in, goal and restore exit 3 saying read-only; bytes and mode unchanged."""
    seed(db, "2024-04-01", "2024-04-02")
    db.chmod(0o444)
    before = db.read_bytes()
    assert cli("status").status == 0
    for command in (["checkin", "--date", LATER.isoformat()], ["goal", "5"], ["restore"]):
        refused(cli(*command), 3, "read-only")
    assert db.read_bytes() == before and stat.S_IMODE(db.stat().st_mode) == 0o444


# 19: only the default location gets its folders made


def test_a_missing_folder_in_db_or_streak_db_is_bad_input(tmp_path: Path) -> None:
    """A mistyped path is exit 2 naming the missing folder, for commands and the app alike; nothing is created."""
    missing = tmp_path / "typo" / "deeper"
    refused(run_streak("--db", str(missing / "streak.json"), "checkin"), 2, str(missing), "--db")
    refused(run_streak("--db", str(missing / "streak.json")), 2, str(missing), "--db")  # the app would open
    refused(run_streak("status", env={"STREAK_DB": str(missing / "streak.json")}), 2, str(missing), "STREAK_DB")
    assert not (tmp_path / "typo").exists()


def test_a_data_file_named_as_a_folder_in_db_is_bad_input_saying_so(tmp_path: Path) -> None:
    """`--db streak.json/x`: the line says the data file is a file, not that a folder is missing; it is untouched."""
    data = tmp_path / "streak.json"
    assert run_streak("--db", str(data), "checkin", "--date", "2026-11-16").status == 0
    before = data.read_bytes()
    for command in (["checkin"], ["status"], []):
        run = run_streak("--db", str(data / "x.json"), *command)
        refused(run, 2, f"{data} is a file, not a folder", "--db")
    assert data.read_bytes() == before


def test_the_default_location_gets_its_folders_made(tmp_path: Path) -> None:
    """Without --db or STREAK_DB, the first check-in makes the user data folder."""
    xdg = tmp_path / "fresh" / "xdg"
    assert run_streak("checkin", env={"XDG_DATA_HOME": str(xdg)}).status == 0
    assert (xdg / "streak" / "streak.json").is_file()


# A damaged data file, read by a fresh process: in one, json is not yet imported, and on Python 3.11
# the C scanner then fails without its error class; pytest's own process always has json loaded.

CUT_INSIDE = {
    "a string": b'{"meta":{"1":{"app":"str',
    "a list": b'{"sessions":{"1":{"date":"2024-04-01","made":[["a",null]',
    "an object": b'{"sessions":{"1":{"date":"2024-04-01"',
    "a number": b'{"settings":{"1":{"backups_kept":7',
    "no delimiter": b'{"sessions":{"1":{"date":"2024-04-01" "made":[]}}}',
}


@pytest.mark.parametrize("damage", CUT_INSIDE.values(), ids=CUT_INSIDE.keys())
@pytest.mark.parametrize("command", [("status",), ("status", "--short"), ("checkin", "--date", "2024-04-02")])
def test_a_damaged_data_file_is_one_line_in_a_fresh_process(db: Path, damage: bytes, command: tuple[str, ...]) -> None:
    db.write_bytes(damage)
    refused(run_streak("--db", str(db), *command), 3, "not valid JSON")
    assert db.read_bytes() == damage
