"""A damaged, foreign or unusable prompt memo is ignored: the line is computed as usual, never a traceback.

The memo is only a shortcut, so whatever is found in its place (bytes that are not text, a memo
cut short, one of another format or another streak version, a folder) means the normal path.
"""

import os
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TextIO

import pytest

from helpers import STREAK_SCRIPT, Run
from streak.core.phrases import short_line
from streak.core.rules.status import compute_status
from streak.storage import prompt_memo
from streak.storage.store import Store

MARK = "remembered line"


@pytest.fixture(autouse=True)
def settled_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Remember a state as soon as it is read (the settle time is tested in tests/cli/test_prompt_memo.py)."""
    monkeypatch.setattr(prompt_memo, "SETTLE_NS", 0)


def good_memo_marked(streak: Callable[..., Run]) -> str:
    """A memo streak wrote for the data file as it is, with its line swapped for MARK; returns its text."""
    assert streak("checkin", "--date", "2026-11-16").status == 0
    assert streak("status", "--short").status == 0
    memo = Path(prompt_memo.memo_path())
    lines = memo.read_text(encoding="utf-8").split("\n")
    text = "\n".join(line.rsplit("\t", 1)[0] + "\t" + MARK if "\t" in line else line for line in lines)
    memo.write_text(text, encoding="utf-8")
    assert streak("status", "--short").out == MARK + "\n"  # as written, the memo answers
    return text


DAMAGE = {
    "bytes that are not UTF-8": lambda text: b"\xff\xfe" + text.encode()[2:],
    "empty": lambda text: b"",
    "cut short before its last line": lambda text: text.encode()[: text.index("\nend")],
    "cut short inside its line": lambda text: text.encode()[: text.index(MARK) + 4],
    "another memo format": lambda text: text.replace("streak prompt memo 1", "streak prompt memo 2").encode(),
    "another streak version": lambda text: text.replace("('0.1.0', ", "('9.9.9', ").encode(),
    "NUL bytes": lambda text: text.replace(MARK, MARK[:3] + "\x00" + MARK[4:]).encode(),
    "an extra field": lambda text: text.replace(MARK, MARK + "\tmore").encode(),
    "far too long": lambda text: text.replace("\nend", "\n" + "x" * 70_000 + "\nend").encode(),
}


@pytest.mark.parametrize("damage", DAMAGE, ids=list(DAMAGE))
def test_a_damaged_or_foreign_memo_is_ignored(streak, db: Path, damage: str) -> None:  # noqa: ANN001
    text = good_memo_marked(streak)
    assert "('0.1.0', " in text  # what "another streak version" rewrites is there to rewrite
    Path(prompt_memo.memo_path()).write_bytes(DAMAGE[damage](text))
    run = streak("status", "--short")
    assert (run.status, run.err) == (0, "")
    assert run.out == short_line(compute_status(Store(str(db)).load(), date(2026, 11, 21))) + "\n"
    assert MARK not in run.out


def test_a_folder_in_the_memos_place_is_ignored_and_left(streak, db: Path) -> None:  # noqa: ANN001
    memo = Path(prompt_memo.memo_path())
    memo.mkdir(parents=True)
    assert streak("checkin", "--date", "2026-11-16").status == 0
    for _ in range(2):
        run = streak("status", "--short")
        assert (run.status, run.err) == (0, "") and run.out.startswith("legs 0w")
    assert memo.is_dir()
    assert not [name for name in os.listdir(memo.parent) if name.endswith(".tmp")]  # no temporary file left


def test_a_memo_folder_that_cannot_be_made_costs_the_prompt_nothing(
    streak, db: Path, tmp_path: Path, monkeypatch
) -> None:  # noqa: ANN001
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the state folder would go\n")
    monkeypatch.setenv("XDG_STATE_HOME", str(blocker))
    assert streak("checkin", "--date", "2026-11-16").status == 0
    run = streak("status", "--short")
    assert (run.status, run.err) == (0, "") and run.out.startswith("legs 0w")


def remember_as_a_process(db: Path) -> None:
    """Run the installed entry point once as its own process, so the memo holds today's line as a shell prompt sees it."""
    code = (
        "import sys; from streak.storage import prompt_memo; prompt_memo.SETTLE_NS = 0; "
        "from streak.cli.main import main; sys.argv = ['streak', '--db', sys.argv[1], 'status', '--short']; "
        "raise SystemExit(main())"
    )
    result = subprocess.run([sys.executable, "-c", code, str(db)], capture_output=True, timeout=120, check=False)
    assert result.returncode == 0 and result.stdout.startswith(b"legs"), result


# The modules are listed as the process ends, by either way out: a command's process leaves through
# os._exit, skipping the interpreter's teardown (`process` in cli/main.py), unless that would not be safe.
PROMPT_AND_MODULES = """
import os, sys
from streak.cli.main import process

def listed(status):
    print('loaded: ' + ' '.join(sorted(sys.modules)), file=sys.stderr, flush=True)
    return status

exit_now = os._exit
os._exit = lambda status: exit_now(listed(status))
sys.argv = ['streak', '--db', sys.argv[1], 'status', '--short']
raise SystemExit(listed(process()))
"""


def prompt_as_a_process(db: Path, stdout: int | TextIO = subprocess.PIPE) -> tuple[int, str, list[str], set[str]]:
    """The entry point as a shell prompt runs it: exit status, stdout, stderr's lines, and every module it loaded."""
    result = subprocess.run(
        [sys.executable, "-c", PROMPT_AND_MODULES, str(db)], stdout=stdout, stderr=subprocess.PIPE, text=True,
        timeout=120, check=False,
    )  # fmt: skip
    *said, loaded = result.stderr.splitlines()
    assert loaded.startswith("loaded: "), result.stderr
    return result.returncode, result.stdout or "", said, set(loaded.split()[1:])


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="/dev/full is Linux's")
def test_a_remembered_line_that_cannot_be_written_is_one_line_and_exit_2(db: Path) -> None:
    assert subprocess.run([STREAK_SCRIPT, "--db", str(db), "checkin"], capture_output=True, check=False).returncode == 0
    remember_as_a_process(db)
    with open("/dev/full", "w") as full:
        status, _, said, loaded = prompt_as_a_process(db, full)
    assert "streak.cli.run" not in loaded  # answered from the memo
    assert status == 2
    assert said == ["streak: the output could not be written (No space left on device); nothing was changed"]


def test_a_remembered_line_loads_neither_argparse_nor_the_data_file_reader(db: Path) -> None:
    """The prompt's fast path: what a shell prompt pays for is the interpreter and a few small modules."""
    assert subprocess.run([STREAK_SCRIPT, "--db", str(db), "checkin"], capture_output=True, check=False).returncode == 0
    computed = prompt_as_a_process(db)[3]  # nothing remembered yet (the file is fresh): the normal path
    assert "streak.cli.run" in computed and "argparse" not in computed  # which reads this line by hand too
    remember_as_a_process(db)
    status, out, said, loaded = prompt_as_a_process(db)
    assert (status, said) == (0, []) and out.startswith("legs")
    assert "streak.storage.prompt_memo" in loaded
    heavy = {"argparse", "json", "datetime", "typing", "re", "streak.cli.run", "streak.storage.store", "platformdirs"}
    assert not loaded & heavy
