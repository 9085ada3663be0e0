"""Two machines, one synced data file, real processes: diverge, leave a conflict copy, merge, and survive SIGKILL.

Each machine is its own state folder (XDG_STATE_HOME), so each stamps its changes with its own
machine id, exactly as two computers would. The command line has no `edit` command, so edits go
through `Store(machine=...)`, as the app makes them.
"""

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from streak.core.history import edits
from streak.core.history.model import History, Session
from streak.core.history.rest import rest_spans
from streak.core.sync.merge import merge_histories
from streak.storage.store import Store

pytestmark = pytest.mark.skipif(os.name != "posix", reason="machine folders and SIGKILL are POSIX")

MONDAY = date.today() - timedelta(days=date.today().weekday(), weeks=5)  # five weeks ago: every day below is past


def day(offset: int) -> str:
    return (MONDAY + timedelta(days=offset)).isoformat()


def streak(machine: Path, db: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    """`streak --db DB ARGS` as a separate process on `machine` (its own state folder, so its own machine id)."""
    env = {**os.environ, "XDG_STATE_HOME": str(machine), "HOME": str(machine)}
    result = subprocess.run(
        [sys.executable, "-m", "streak", "--db", str(db), *args], capture_output=True, text=True, env=env, check=False
    )
    if check:
        assert result.returncode == 0, result.stderr
    return result


def edit_note(db: Path, machine: str, offset: int, note: str) -> None:
    """An edit of one session's note, made on `machine` (the command line has no edit command)."""
    session = Session(MONDAY + timedelta(days=offset), note)
    Store(str(db), machine=machine).update(lambda history: (edits.replace_session(history, session), None))


@pytest.fixture(scope="module")
def diverged(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A desktop's and a laptop's data files, copies of one file, changed apart in this order (see the test)."""
    root = tmp_path_factory.mktemp("machines")
    desktop, laptop = root / "desktop-state", root / "laptop-state"
    mine, theirs = root / "desktop" / "streak.json", root / "laptop" / "streak.json"
    mine.parent.mkdir()
    for args in (("checkin", "--date", day(0), "--note", "a"), ("checkin", "--date", day(2)),
                 ("checkin", "--date", day(7)), ("goal", "3", "--from", day(0)), ("rest", day(14), day(21))):  # fmt: skip
        streak(desktop, mine, *args)
    theirs.parent.mkdir()
    shutil.copyfile(mine, theirs)  # the sync tool's copy on the laptop

    streak(desktop, mine, "checkin", "--date", day(16), "--note", "desk")
    streak(desktop, mine, "remove", day(2))
    edit_note(mine, "desktop", 7, "desk edit")
    streak(desktop, mine, "goal", "2", "--from", day(28))
    edit_note(mine, "desktop", 0, "a, edited on the desktop")
    streak(laptop, theirs, "checkin", "--date", day(17), "--note", "laptop")
    edit_note(theirs, "laptop", 2, "b, edited on the laptop")  # after the desktop removed it: it comes back
    streak(laptop, theirs, "remove", day(7))  # it never saw the desktop's note, which keeps the day
    streak(laptop, theirs, "goal", "4", "--from", day(30))  # the same week as the desktop's, made later
    streak(laptop, theirs, "rest", "--clear", day(21))
    streak(laptop, theirs, "settings", "--units", "lb")
    streak(desktop, mine, "rest", day(35))
    return root


EXPECTED_SESSIONS = [
    (0, "a, edited on the desktop"), (2, "b, edited on the laptop"), (7, "desk edit"), (16, "desk"), (17, "laptop"),
]  # fmt: skip
EXPECTED_GOALS = [(0, 3), (30, 4)]


def exported(machine: Path, db: Path) -> dict:
    return json.loads(streak(machine, db, "export").stdout)


def check_merged(root: Path, db: Path) -> None:
    """Every change both machines made while apart is there once, as the later change left it."""
    document = exported(root / "desktop-state", db)
    assert [(s["date"], s["note"]) for s in document["sessions"]] == [(day(n), note) for n, note in EXPECTED_SESSIONS]
    assert [(c["from"], c["goal"]) for c in document["goal_changes"]] == [(day(n), g) for n, g in EXPECTED_GOALS]
    spans = rest_spans(Store(str(db)).load().rest_periods)
    assert [(a.isoformat(), b.isoformat()) for a, b in spans] == [(day(14), day(20)), (day(35), day(41))]
    settings = json.loads(streak(root / "desktop-state", db, "settings", "--json").stdout)
    assert settings["units"] == "lb"


@pytest.mark.parametrize(
    ("name", "tool"),
    [
        ("streak.sync-conflict-{compact}-181512-LAPTOP7.json", "Syncthing"),
        ("streak (Ann's conflicted copy {dashed}).json", "Dropbox"),
        ("streak (conflicted copy {dashed} 181512).json", "Nextcloud"),
    ],
)
def test_two_machines_changes_all_appear_once_after_the_conflict_copy_is_merged(
    diverged: Path, tmp_path: Path, name: str, tool: str
) -> None:
    """Check-ins, edits, removals, goal changes, rest weeks and a setting made apart, merged by any command."""
    made = MONDAY + timedelta(days=33)
    copy_name = name.format(compact=made.strftime("%Y%m%d"), dashed=made.isoformat())
    folder = tmp_path / "Sync"
    folder.mkdir()
    db = folder / "streak.json"
    shutil.copyfile(diverged / "desktop" / "streak.json", db)
    shutil.copyfile(diverged / "laptop" / "streak.json", folder / copy_name)
    result = streak(diverged / "desktop-state", db, "badges", "--json")
    when = f"{made.day} {made.strftime('%b')}" + ("" if made.year == date.today().year else f" {made.year}")
    assert result.stderr == (
        f"streak: merged 3 sessions, 2 goal changes, 1 rest week and weights in lb "
        f"from the copy made by {tool} on {when} (now in backups/)\n"
    )
    assert json.loads(result.stdout)
    assert not (folder / copy_name).exists() and (folder / "backups" / copy_name).exists()
    check_merged(diverged, db)


def test_merging_either_way_round_gives_the_same_history(diverged: Path, tmp_path: Path) -> None:
    """The laptop's file with the desktop's as its conflict copy merges to the very same history."""
    histories = []
    for keep, other in (("desktop", "laptop"), ("laptop", "desktop")):
        folder = tmp_path / keep
        folder.mkdir()
        shutil.copyfile(diverged / keep / "streak.json", folder / "streak.json")
        shutil.copyfile(diverged / other / "streak.json", folder / "streak.sync-conflict-20261120-181512-ABCDEFG.json")
        streak(diverged / f"{keep}-state", folder / "streak.json", "status")
        check_merged(diverged, folder / "streak.json")
        histories.append(Store(str(folder / "streak.json")).load())
    assert histories[0] == histories[1]


def test_an_unreadable_copy_never_blocks_the_data_file(diverged: Path, tmp_path: Path) -> None:
    """A half-synced, garbled copy: every command works as before, says so in one line, and leaves it there."""
    db = tmp_path / "streak.json"
    shutil.copyfile(diverged / "desktop" / "streak.json", db)
    copy = tmp_path / "streak.sync-conflict-20261120-181512-ABCDEFG.json"
    copy.write_bytes((diverged / "laptop" / "streak.json").read_bytes()[:200])
    for args in (("status", "--json"), ("checkin", "--date", day(20), "--json"), ("export",)):
        result = streak(diverged / "desktop-state", db, *args)
        assert json.loads(result.stdout)
        assert (
            result.stderr.count("\n") == 1 and "could not merge the copy made by Syncthing on 20 Nov" in result.stderr
        )
    assert copy.exists() and len(copy.read_bytes()) == 200


def test_another_files_copy_is_never_merged(diverged: Path, tmp_path: Path) -> None:
    """A conflict copy of another file in the same folder (say, another person's streak) is left alone."""
    db = tmp_path / "streak.json"
    shutil.copyfile(diverged / "desktop" / "streak.json", db)
    other = tmp_path / "anna.sync-conflict-20261120-181512-ABCDEFG.json"
    shutil.copyfile(diverged / "laptop" / "streak.json", other)
    result = streak(diverged / "desktop-state", db, "status")
    assert result.stderr == "" and other.exists()
    assert exported(diverged / "desktop-state", db) == exported(
        diverged / "desktop-state", diverged / "desktop" / "streak.json"
    )


# ------------------------------------------------------------------ crashes

BIG = [date(2000, 1, 3) + timedelta(days=2 * n) for n in range(3000)]


@pytest.fixture
def big_conflict(tmp_path: Path) -> tuple[Path, Path, bytes, bytes, History]:
    """A 3,000-session data file and a conflict copy that changed a tenth of it, and what merging them gives."""
    db = tmp_path / "streak.json"
    copy = tmp_path / "streak (conflicted copy 2026-11-20 181512).json"
    Store(str(db), machine="desktop").update(
        lambda h: (History(tuple(Session(d, "squats") for d in BIG)), None)
    )  # fmt: skip
    shutil.copyfile(db, copy)

    def apart(history: History, machine: int) -> History:
        for n, d in enumerate(BIG[machine::10]):
            if n % 3 == 0:
                history = edits.remove_session(history, d)
            else:
                history = edits.replace_session(history, Session(d, f"machine {machine}"))
        return edits.add_session(history, Session(date(2026, 11, 2 + machine)), date(2026, 11, 21))

    Store(str(db), machine="desktop").update(lambda h: (apart(h, 0), None))
    Store(str(copy), machine="laptop").update(lambda h: (apart(h, 1), None))
    expected = merge_histories(Store(str(db)).load(), Store(str(copy)).load())
    shutil.rmtree(tmp_path / "backups")
    return db, copy, db.read_bytes(), copy.read_bytes(), expected


def _state_is_whole(db: Path, copy: Path, old: bytes, expected: History) -> str:
    """Either the old file with the copy still there, or the merged file (with the copy moved or, harmlessly, not)."""
    loaded = Store(str(db)).load()
    moved = (db.parent / "backups" / copy.name).exists()
    assert copy.exists() is not moved
    if moved:
        assert loaded == expected, "the copy was moved before the merged file was written"
        return "merged and moved"
    if db.read_bytes() == old:
        return "untouched"
    assert loaded == expected
    return "merged, copy still there"


@pytest.mark.slow
def test_merging_killed_at_random_moments_never_loses_data(
    big_conflict: tuple[Path, Path, bytes, bytes, History],
) -> None:
    """SIGKILL anywhere in a merge: the file always opens, holding either the old history or the whole merge."""
    db, copy, old, copy_bytes, expected = big_conflict
    command = [sys.executable, "-m", "streak", "--db", str(db), "status"]

    def start_again() -> None:
        db.write_bytes(old)
        copy.write_bytes(copy_bytes)
        shutil.rmtree(db.parent / "backups", ignore_errors=True)
        for leftover in db.parent.glob(".*.tmp"):
            leftover.unlink()

    started = time.monotonic()
    subprocess.run(command, capture_output=True, check=True)
    window = (time.monotonic() - started) * 1.3  # kills spread over a whole merge on this machine, and past it
    start_again()
    chooser = random.Random(20261120)
    seen: dict[str, int] = {}
    for kill in range(90):
        if kill >= 30 and seen.get("untouched") and seen.get("merged and moved"):
            break
        if kill and kill % 10 == 0:
            # The machine's load moves while the test runs (CI once saw 30 kills all land before the
            # merge): ten kills without one outcome stretch or shrink the window until both are seen.
            if not seen.get("merged and moved"):
                window *= 1.5
            elif not seen.get("untouched"):
                window /= 1.5
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(chooser.uniform(0.0, window))
        process.send_signal(signal.SIGKILL)
        process.wait()
        state = _state_is_whole(db, copy, old, expected)
        seen[state] = seen.get(state, 0) + 1
        start_again()
    assert seen.get("untouched") and seen.get("merged and moved"), seen
    assert streak(db.parent, db, "status").returncode == 0
    assert Store(str(db)).load() == expected


def test_killed_after_writing_before_moving_the_copy_merging_again_is_harmless(
    big_conflict: tuple[Path, Path, bytes, bytes, History],
) -> None:
    """The one in-between state: the merged file written, the copy not yet moved. The next command merges it to no effect."""
    db, copy, old, _, expected = big_conflict
    code = (
        "import os, signal, sys\n"
        "import streak.storage.datafile.atomic as atomic\n"
        "def rename(source, target):\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
        "atomic.os.rename = rename\n"
        "from streak.cli.main import main\n"
        "main(sys.argv[1:])\n"
    )
    killed = subprocess.run([sys.executable, "-c", code, "--db", str(db), "status"], capture_output=True, check=False)
    assert killed.returncode == -signal.SIGKILL
    assert copy.exists() and Store(str(db)).load() == expected
    merged_bytes = db.read_bytes()
    again = streak(db.parent, db, "status")
    assert "nothing in it was new" in again.stderr
    assert Store(str(db)).load() == expected and not copy.exists()
    assert db.read_bytes() == merged_bytes or Store(str(db)).load() == expected
    assert old != merged_bytes
