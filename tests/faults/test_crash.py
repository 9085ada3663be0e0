"""The data file survives real processes being killed mid-write, racing each other, and waiting on a lock."""

import json
import os
import random
import signal
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from streak.core.history.model import History, Session
from streak.storage.store import Store

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.name != "posix", reason="SIGKILL and fork timing are POSIX"),
]

BASE_DAYS = [date(2000, 1, 1) + timedelta(days=2 * i) for i in range(3000)]


def streak_process(db: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "streak", "--db", str(db), *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


@pytest.fixture
def big_store(db: Path) -> Store:
    """A data file holding 3,000 sessions, about sixteen years of leg days."""
    store = Store(str(db))
    store.update(lambda history: (History(tuple(Session(day, "squats") for day in BASE_DAYS)), None))
    return store


def test_check_ins_killed_at_random_moments_never_lose_data(big_store: Store, db: Path) -> None:
    """SIGKILL at random points: the file always opens, every acknowledged check-in and every old session is there."""
    chooser = random.Random(20261121)
    started = time.monotonic()
    streak_process(db, "checkin", "--date", "2019-12-31").communicate()
    window = (time.monotonic() - started) * 1.3  # kills spread over a whole check-in on this machine, and past it
    acknowledged: list[date] = []
    killed = 0
    for trial in range(40):
        day = date(2020, 1, 1) + timedelta(days=trial)
        process = streak_process(db, "checkin", "--date", day.isoformat())
        time.sleep(chooser.uniform(0.0, window))
        process.send_signal(signal.SIGKILL)
        process.communicate()
        if process.returncode == 0:
            acknowledged.append(day)
        else:
            killed += 1
        recorded = {session.day for session in Store(str(db)).load().sessions}
        assert set(BASE_DAYS) <= recorded
        assert set(acknowledged) <= recorded
    assert killed >= 5 and acknowledged, "the kills should land both before and after completion"


def test_killed_between_temp_file_and_rename_the_old_file_is_intact(big_store: Store, db: Path) -> None:
    """A process killed right before `os.replace` leaves the previous file byte for byte."""
    before = db.read_bytes()
    code = (
        "import os, signal, sys\n"
        "import streak.storage.datafile.atomic as atomic\n"
        "real_replace = os.replace\n"
        "def replace(source, target):\n"
        "    if target == sys.argv[2]: os.kill(os.getpid(), signal.SIGKILL)\n"
        "    real_replace(source, target)\n"
        "atomic.os.replace = replace\n"
        "from streak.cli.main import main\n"
        "main(sys.argv[1:])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, "--db", str(db), "checkin", "--date", "2021-06-01"],
        capture_output=True,
        check=False,
    )
    assert result.returncode == -signal.SIGKILL
    assert (db.parent / ".streak.json.tmp").exists(), "the kill should come after the temporary file was written"
    assert db.read_bytes() == before
    assert streak_process(db, "checkin", "--date", "2021-06-01").wait() == 0
    assert date(2021, 6, 1) in {s.day for s in Store(str(db)).load().sessions}


def test_simultaneous_check_ins_are_all_kept(db: Path) -> None:
    """Eight processes checking in different days at once: the lock serialises them and none is lost."""
    days = [date(2026, 11, 1) + timedelta(days=i) for i in range(8)]
    processes = [streak_process(db, "checkin", "--date", day.isoformat(), "--json") for day in days]
    results = [process.communicate() for process in processes]
    assert [process.returncode for process in processes] == [0] * 8, results
    assert [s.day for s in Store(str(db)).load().sessions] == days
    assert len({json.loads(out)["tip"]["id"] for out, _ in results}) == 8  # the tip cycle is shared too


def test_a_lock_held_for_over_ten_seconds_exits_3_and_is_not_broken(db: Path) -> None:
    """The command waits 10 s, then exits 3 with one line; the holder keeps its lock and the file is untouched."""
    Store(str(db)).update(lambda history: (History((Session(date(2026, 11, 16)),)), None))
    before = db.read_bytes()
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time\nfrom streak.storage.datafile.lock import exclusive_lock\n"
         "with exclusive_lock(sys.argv[1], 1, 'x'):\n    print('held', flush=True); time.sleep(30)", str(db) + ".lock"],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "held"
        started = time.monotonic()
        waiter = subprocess.run(
            [sys.executable, "-m", "streak", "--db", str(db), "checkin", "--date", "2026-11-17"],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        waited = time.monotonic() - started
        assert waiter.returncode == 3
        assert waiter.stderr.count("\n") == 1 and "in use by another streak" in waiter.stderr
        assert 10 <= waited < 20
        assert holder.poll() is None
        assert db.read_bytes() == before
    finally:
        holder.kill()
        holder.wait()
