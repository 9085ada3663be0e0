"""A command's process ends without the interpreter's teardown, and loses nothing by it.

`streak` leaves through os._exit once a command has answered (`process` in cli/main.py): the output must
still arrive whole through a pipe, every exit status and refusal line must be as before, and the
data file must be complete. The app's process, and output that cannot be flushed, end the ordinary way.
"""

import io
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

posix_only = pytest.mark.skipif(os.name != "posix", reason="closing a child's standard streams is POSIX's")

import streak.cli.main as entry
from helpers import STREAK_SCRIPT, TODAY, run_streak
from streak.core.history.model import History, Session
from streak.storage.store import Store

# The entry point as the installed script runs it, with a handler that only the interpreter's
# teardown would run: it shows whether the process ended through os._exit.
WITH_TEARDOWN_SPY = """
import atexit, sys
atexit.register(lambda: print("teardown ran", file=sys.stderr, flush=True))
from streak.cli.main import process
sys.argv = ["streak", *sys.argv[1:]]
raise SystemExit(process())
"""


def as_a_process(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", WITH_TEARDOWN_SPY, *args], capture_output=True, text=True, timeout=120, check=False
    )


def long_history(db: Path, sessions: int) -> None:
    """`sessions` sessions with notes, twice a week back from the pinned today."""
    monday = TODAY - timedelta(days=TODAY.weekday() + 7)
    days = sorted(monday - timedelta(weeks=n // 2, days=3 * (n % 2)) for n in range(sessions))
    history = History(tuple(Session(day, f"session {n}: squats and lunges") for n, day in enumerate(days)))
    Store(str(db)).update(lambda _: (history, None))


def test_a_command_ends_without_the_teardown_and_its_output_arrives_whole(db: Path) -> None:
    long_history(db, 1500)  # `export` and a long `history` write far more than a pipe holds at once
    for command in (["status"], ["export"], ["export", "--format", "csv"], ["history", "--weeks", "800", "--json"]):
        ended = as_a_process("--db", str(db), *command)
        assert (ended.returncode, ended.stderr) == (0, ""), ended
        ordinary = run_streak("--db", str(db), *command)
        assert ended.stdout == ordinary.out and ordinary.status == 0
    assert len(as_a_process("--db", str(db), "export").stdout) > 65536


def test_refusals_keep_their_status_and_their_one_line(db: Path) -> None:
    assert as_a_process("--db", str(db), "checkin", "--date", "2026-11-16").returncode == 0
    again = as_a_process("--db", str(db), "checkin", "--date", "2026-11-16")
    assert again.returncode == 1
    assert again.stderr.startswith("streak: ") and again.stderr.count("\n") == 1 and "teardown" not in again.stderr
    bad = as_a_process("--db", str(db), "goal", "9")
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "teardown" not in bad.stderr


def test_a_check_in_is_whole_in_the_file_when_its_process_has_ended(db: Path) -> None:
    for day in ("2026-11-02", "2026-11-05", "2026-11-09"):
        assert as_a_process("--db", str(db), "checkin", "--date", day, "--note", "legs").returncode == 0
    sessions = Store(str(db)).load().sessions
    assert [(s.day, s.note) for s in sessions] == [(date(2026, 11, d), "legs") for d in (2, 5, 9)]


def test_the_remembered_prompt_ends_the_same_way(db: Path) -> None:
    assert run_streak("--db", str(db), "checkin", "--date", "2026-11-16").status == 0
    first, second = (as_a_process("--db", str(db), "status", "--short") for _ in range(2))
    assert first.returncode == second.returncode == 0
    assert first.stdout == second.stdout and first.stdout.startswith("legs")
    assert "teardown" not in first.stderr + second.stderr


INTERRUPTED_RUN = """
import sys
import streak.cli.run

def interrupted(*args, **options):
    raise KeyboardInterrupt

streak.cli.run.run = interrupted
from streak.cli.main import process
raise SystemExit(process())
"""


def test_an_interrupted_run_still_ends_in_one_line_and_130() -> None:
    ended = subprocess.run(
        [sys.executable, "-c", INTERRUPTED_RUN, "status"], capture_output=True, text=True, timeout=120, check=False
    )
    assert (ended.returncode, ended.stderr, ended.stdout) == (130, entry.INTERRUPTED + "\n", "")


def test_the_app_process_ends_the_ordinary_way(monkeypatch: pytest.MonkeyPatch) -> None:
    """Textual restores the terminal and may leave threads: after the app, the interpreter's own exit runs."""
    exits = []
    monkeypatch.setattr("os._exit", exits.append)
    monkeypatch.setitem(sys.modules, "streak.ui.launch", sys.modules.get("streak.ui.launch") or object())
    entry._exit_at_once(0)
    assert exits == []


def test_output_that_cannot_be_flushed_ends_the_ordinary_way(monkeypatch: pytest.MonkeyPatch) -> None:
    """Python's own exit then reports it, as before: os._exit would drop it without a word."""

    class Unflushable(io.StringIO):
        def flush(self) -> None:
            raise OSError(28, "No space left on device")

    exits = []
    monkeypatch.setattr("os._exit", exits.append)
    monkeypatch.delitem(sys.modules, "streak.ui.launch", raising=False)
    monkeypatch.setattr(sys, "stdout", Unflushable())
    entry._exit_at_once(0)
    assert exits == []
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    entry._exit_at_once(3)
    assert exits == [3]


def closing(*descriptors: int):  # noqa: ANN201
    """A preexec_fn that starts the process without those standard streams, as `>&-` and `2>&-` do."""
    return lambda: [os.close(descriptor) for descriptor in descriptors]


def run_without(
    descriptors: tuple[int, ...], *args: str, stderr_to: object = subprocess.PIPE
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(STREAK_SCRIPT), *args], stdout=subprocess.PIPE, stderr=stderr_to, text=True, timeout=120, check=False,
        preexec_fn=closing(*descriptors),
    )  # fmt: skip


@posix_only
def test_a_reading_command_with_stdout_closed_says_so_and_exits_2(db: Path) -> None:
    assert run_streak("--db", str(db), "checkin", "--date", "2026-11-16").status == 0
    before = db.read_bytes()
    for command in (["status"], ["status", "--short"], ["history"], ["status", "--json"]):
        ended = run_without((1,), "--db", str(db), *command)
        assert ended.returncode == 2, (command, ended)
        assert ended.stderr == "streak: the output could not be written (Bad file descriptor); nothing was changed\n"
    assert db.read_bytes() == before


@posix_only
def test_a_check_in_with_stdout_closed_is_saved_and_says_so(db: Path) -> None:
    ended = run_without((1,), "--db", str(db), "checkin", "--date", "2026-11-16")
    assert ended.returncode == 0, ended
    assert ended.stderr == "streak: the change was saved, but its output could not be written (Bad file descriptor)\n"
    assert [s.day for s in Store(str(db)).load().sessions] == [date(2026, 11, 16)]


@posix_only
@pytest.mark.parametrize("stderr", ["closed", "full"])
def test_refusals_keep_their_exit_status_when_stderr_cannot_take_the_line(db: Path, stderr: str) -> None:
    """The status is all a script sees of a refusal whose line had nowhere to go (SPEC.md's exit statuses)."""
    assert run_streak("--db", str(db), "checkin", "--date", "2026-11-16").status == 0
    cases = [
        (["checkin", "--date", "2026-11-16"], 1),  # already checked in
        (["goal", "9"], 2),
        (["frob"], 2),
        (["import", str(db.parent / "no such file.json")], 2),
        (["checkin", "--date", "2030-01-01"], 2),
    ]
    with open("/dev/full", "w") as full:
        for command, status in cases:
            if stderr == "closed":
                ended = run_without((2,), "--db", str(db), *command)
            else:
                ended = run_without((), "--db", str(db), *command, stderr_to=full)
            assert (ended.returncode, ended.stdout) == (status, ""), (command, ended)
    db.write_text("{ damaged")
    ended = run_without((2,), "--db", str(db), "status")
    assert (ended.returncode, ended.stdout) == (3, "")
