"""Issue 10, item 12: Ctrl-C at any moment ends in one line and exit status 130, with real SIGINTs to real processes."""

import os
import random
import signal
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

import streak
from helpers import STREAK_SCRIPT
from streak.cli.main import INTERRUPTED, main
from streak.core.history.model import History, Session
from streak.storage.datafile.lock import exclusive_lock
from streak.storage.store import Store

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.name != "posix", reason="SIGINT is POSIX"),
]

PACKAGE = str(Path(streak.__file__).parent) + os.sep


def seed(db: Path) -> None:
    """A data file holding one session."""
    Store(str(db)).update(lambda history: (History((Session(date(2023, 5, 1)),)), None))


def _ctrl_c_as_in_a_terminal() -> None:
    """Run in the child before streak starts: Ctrl-C does what it does in a terminal.

    A shell without job control starts background commands (a CI runner, `cmd &`) with SIGINT
    ignored, and Python then never turns it into KeyboardInterrupt; a person's terminal does not.
    """
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def interrupted(command: list[str], after: float) -> subprocess.CompletedProcess[str]:
    """Start `command`, send it SIGINT after `after` seconds, and wait for it."""
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=_ctrl_c_as_in_a_terminal
    )
    time.sleep(after)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=60)
    return subprocess.CompletedProcess(command, process.returncode, out, err)


def status_under_import_hook(db: Path, find_spec_body: str) -> subprocess.CompletedProcess[str]:
    """`streak --db DB status` in a process whose first import finder runs `find_spec_body` for every import."""
    code = (
        "import sys\n"
        "class Interrupt:\n"
        "    armed = False\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        f"{find_spec_body}"
        "sys.meta_path.insert(0, Interrupt())\n"
        "from streak.cli.main import main\n"
        "sys.exit(main())\n"
    )
    return subprocess.run(
        [sys.executable, "-c", code, "--db", str(db), "status"], capture_output=True, text=True, check=False
    )


def ran_streak_code(stderr: str) -> bool:
    """Whether a traceback passes through streak's own code, its packages' bodies included.

    Only frame lines count: the import machinery's own messages may name streak's folders
    (`KeyError: '.../streak/cli'` while it looks for `streak.cli.main`) without any of its code running.
    """
    return any(line.lstrip().startswith(f'File "{PACKAGE}') for line in stderr.splitlines())


def test_ctrl_c_at_random_moments_is_one_line_and_exit_130(db: Path) -> None:
    """From streak's first line to its last, an interrupt is exit 130 and one line; the file always opens.

    An interrupt inside Python's own start-up (site, the installed script's `import re`) comes
    before any streak code runs, so Python may still print its traceback there; never from streak.
    """
    seed(db)
    chooser = random.Random(20261122)
    started = time.monotonic()
    subprocess.run([str(STREAK_SCRIPT), "--db", str(db), "status"], capture_output=True, check=False)
    window = (time.monotonic() - started) * 1.2  # interrupts spread over a whole run on this machine, and past it
    outcomes = {"finished": 0, "interrupted": 0, "before streak": 0}
    for trial in range(50):
        command = ["checkin", "--date", f"2024-01-{trial % 28 + 1:02d}"] if trial % 2 else ["status"]
        result = interrupted([str(STREAK_SCRIPT), "--db", str(db), *command], chooser.uniform(0.0, window))
        assert not ran_streak_code(result.stderr), result.stderr  # no traceback ever passes through streak's code
        if result.returncode == 130:
            assert result.stderr == INTERRUPTED + "\n"
            outcomes["interrupted"] += 1
        elif "Traceback" in result.stderr or result.returncode == -signal.SIGINT:
            outcomes["before streak"] += 1
        else:
            assert result.returncode in (0, 1), result  # done, or a second check-in on one day refused
            outcomes["finished"] += 1
        Store(str(db)).load()
    assert outcomes["interrupted"] >= 5, outcomes


def test_ctrl_c_while_python_runs_streaks_package_bodies_is_one_line(db: Path) -> None:
    """A real SIGINT while Python loads the package `streak.cli`, before `main` exists: exit 130, one line.

    The installed script holds it until `main` takes it back; before, this printed a traceback.
    """
    seed(db)
    script = str(STREAK_SCRIPT)
    code = (
        "import os, runpy, signal, sys\n"
        "class Interrupt:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'streak.cli': os.kill(os.getpid(), signal.SIGINT)\n"
        "sys.meta_path.insert(0, Interrupt())\n"
        f"sys.argv = [{script!r}, '--db', {str(db)!r}, 'status']\n"
        f"runpy.run_path({script!r}, run_name='__main__')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=False,
        preexec_fn=_ctrl_c_as_in_a_terminal,
    )
    assert (result.returncode, result.stdout, result.stderr) == (130, "", INTERRUPTED + "\n")


def test_ctrl_c_while_streak_is_still_importing_is_one_line(db: Path) -> None:
    """An interrupt raised inside streak's own imports (made certain here by an import hook) is exit 130, one line."""
    hook = "        if name == 'streak.storage.store': raise KeyboardInterrupt\n"
    result = status_under_import_hook(db, hook)
    assert (result.returncode, result.stderr) == (130, INTERRUPTED + "\n")


def test_ctrl_c_during_a_long_import_changes_nothing(db: Path, tmp_path: Path) -> None:
    """Interrupted while reading a large CSV: exit 130, one line, the data file byte for byte."""
    seed(db)
    before = db.read_bytes()
    source = tmp_path / "big.csv"
    first = date(1900, 1, 1)  # a day a row, as an import takes no day twice: 18 MB, over a second to read
    rows = "".join(f"{first + timedelta(days=n)},{'x' * 380}\n" for n in range((date(2026, 11, 1) - first).days))
    source.write_text("date,note\n" + rows, encoding="utf-8")
    result = interrupted([str(STREAK_SCRIPT), "--db", str(db), "import", str(source)], 0.6)
    assert (result.returncode, result.stderr) == (130, INTERRUPTED + "\n")
    assert db.read_bytes() == before


def test_ctrl_c_while_waiting_for_the_lock_is_one_line(db: Path) -> None:
    """Waiting on another streak's lock, Ctrl-C stops the wait: exit 130, one line, the lock holder undisturbed."""
    seed(db)
    before = db.read_bytes()
    with exclusive_lock(str(db) + ".lock", 1, "busy"):
        result = interrupted([str(STREAK_SCRIPT), "--db", str(db), "checkin"], 1.0)
    assert (result.returncode, result.stderr) == (130, INTERRUPTED + "\n")
    assert db.read_bytes() == before


def test_python_dash_m_streak_is_covered_too(db: Path) -> None:
    """`python -m streak` goes through the same entry point."""
    seed(db)
    with exclusive_lock(str(db) + ".lock", 1, "busy"):
        result = interrupted([sys.executable, "-m", "streak", "--db", str(db), "checkin"], 1.0)
    assert (result.returncode, result.stderr) == (130, INTERRUPTED + "\n")


class _InterruptsWhileMade:
    """A descriptor whose class is interrupted as it is made, as a Ctrl-C can land in cached_property's __set_name__."""

    def __set_name__(self, owner: type, name: str) -> None:
        raise KeyboardInterrupt


def test_an_interrupt_wrapped_while_a_module_makes_a_class_is_still_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Python 3.11 hands such an interrupt on as a RuntimeError: still exit 130 and the one line."""
    import streak.cli.run

    def loading(*args: object, **kwargs: object) -> int:
        type("Loading", (), {"cached": _InterruptsWhileMade()})
        return 0

    monkeypatch.setattr(streak.cli.run, "run", loading)
    assert main(["status"]) == 130
    assert capsys.readouterr().err == INTERRUPTED + "\n"


def test_a_runtime_error_that_no_interrupt_set_off_is_not_hidden(monkeypatch: pytest.MonkeyPatch) -> None:
    import streak.cli.run

    def broken(*args: object, **kwargs: object) -> int:
        raise RuntimeError("a bug, which must show")

    monkeypatch.setattr(streak.cli.run, "run", broken)
    with pytest.raises(RuntimeError, match="a bug"):
        main(["status"])


def test_ctrl_c_during_the_entry_modules_first_import_is_one_line(db: Path) -> None:
    """The first import streak's code makes (issue 21: `import gc` at the top of cli/main.py) is inside main's guard.

    An import hook interrupts the first module asked for once `streak.cli.main` has loaded, whatever
    it is: before the fix that was main.py's own `import gc`, which ran where nothing caught it.
    """
    hook = (
        "        if name == 'streak.cli.main': Interrupt.armed = True\n"
        "        elif Interrupt.armed and not name.startswith('streak.cli.main'): raise KeyboardInterrupt\n"
    )
    result = status_under_import_hook(db, hook)
    assert (result.returncode, result.stderr) == (130, INTERRUPTED + "\n")
