"""Issue 23: `status --short` answers from its memo only while nothing its line depends on has changed.

Each test first shows the memo answering (its remembered line is swapped for a marker, and the
prompt prints the marker), then changes the data file one way, and shows the next line is the
fresh one, computed from the file. The memo's settle time (a state is remembered only once its
stamps are a few seconds old, so no later change can share them) is switched off here so tests
need not wait; each change is made a clock tick after the state remembered, as any real one is.
"""

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest

from app_driver import make_app
from helpers import NOW, STREAK_SCRIPT, TODAY, Run
from streak.cli.main import main
from streak.cli.prompt import NOT_SIMPLE, simple_prompt_db
from streak.core.phrases import short_line
from streak.core.rules.status import compute_status
from streak.storage import prompt_memo
from streak.storage.store import Store

MARK = "remembered line"
COPY = "streak.sync-conflict-20261120-101010-ABCDEFG.json"


@pytest.fixture(autouse=True)
def settled_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Remember a state as soon as it is read, instead of once it is a few seconds old."""
    monkeypatch.setattr(prompt_memo, "SETTLE_NS", 0)


def fresh_line(db: Path, today: date = TODAY) -> str:
    """The prompt line computed from what the file holds now, as the normal path computes it."""
    return short_line(compute_status(Store(str(db)).load(), today)) + "\n"


def mark_memo() -> None:
    """Swap every remembered line for MARK, keys untouched: a prompt that prints MARK answered from the memo."""
    memo = Path(prompt_memo.memo_path())
    lines = memo.read_text(encoding="utf-8").split("\n")
    marked = [line.rsplit("\t", 1)[0] + "\t" + MARK if "\t" in line else line for line in lines]
    memo.write_text("\n".join(marked), encoding="utf-8")


def remembered(streak: Callable[..., Run], today: date = TODAY) -> None:
    """Run the prompt so its line is remembered, and show the next prompt answers from the memo."""
    first = streak("status", "--short", today=today)
    assert first.status == 0 and first.out.startswith("legs"), first
    mark_memo()
    assert streak("status", "--short", today=today).out == MARK + "\n"
    time.sleep(0.05)  # the change below lands on a later tick of the file system's clock


def test_a_check_in_from_the_command_line_shows_at_the_next_prompt(streak, db: Path) -> None:  # noqa: ANN001
    assert streak("checkin", "--date", "2026-11-16").status == 0
    remembered(streak)
    assert streak("checkin", "--date", "2026-11-19").status == 0
    run = streak("status", "--short")
    assert run.out == fresh_line(db) and run.out != MARK + "\n"
    assert "✔" in run.out  # two sessions this week meet the default goal


async def test_a_check_in_from_the_app_shows_at_the_next_prompt(streak, db: Path) -> None:  # noqa: ANN001
    assert streak("checkin", "--date", "2026-11-16").status == 0
    remembered(streak)
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        await pilot.press("enter")
        await pilot.pause()
    assert [session.day for session in Store(str(db)).load().sessions] == [date(2026, 11, 16), TODAY]
    assert streak("status", "--short").out == fresh_line(db) == "legs 1w ✔\n"


def test_a_sync_tool_renaming_a_new_version_over_the_file_shows_at_the_next_prompt(streak, db: Path) -> None:  # noqa: ANN001
    assert streak("checkin", "--date", "2026-11-16").status == 0
    remembered(streak)
    # The other machine's version, received into a temporary file and renamed over the data file,
    # with the other machine's modification time, as Syncthing does.
    other = db.parent / "elsewhere" / "streak.json"
    other.parent.mkdir()
    shutil.copyfile(db, other)
    assert main(["--db", str(other), "checkin", "--date", "2026-11-19"], today=TODAY, now=NOW) == 0
    received = db.parent / ".syncthing.streak.json.tmp"
    shutil.copyfile(other, received)
    before = os.stat(db)
    os.utime(received, ns=(before.st_atime_ns, before.st_mtime_ns))
    os.replace(received, db)
    run = streak("status", "--short")
    assert run.out == fresh_line(db) == "legs 1w ✔\n"


def test_a_hand_edit_of_the_same_size_with_its_time_put_back_shows_at_the_next_prompt(streak, db: Path) -> None:  # noqa: ANN001
    assert streak("checkin", "--date", "2026-11-16").status == 0
    assert streak("checkin", "--date", "2026-11-17").status == 0
    remembered(streak)
    before = os.stat(db)
    edited = db.read_bytes().replace(b'"2026-11-17"', b'"2026-11-10"')  # Tuesday moved a week back
    assert len(edited) == before.st_size and edited != db.read_bytes()
    with open(db, "r+b") as file:  # in place: the same inode, the same size
        file.write(edited)
    os.utime(db, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = os.stat(db)
    assert (after.st_ino, after.st_size, after.st_mtime_ns) == (before.st_ino, before.st_size, before.st_mtime_ns)
    run = streak("status", "--short")
    assert run.out == fresh_line(db) and run.out != MARK + "\n"
    assert run.out != "legs 1w ✔\n"  # the week now holds one session, not two


def test_a_conflict_copy_appearing_is_merged_by_the_next_prompt(streak, db: Path) -> None:  # noqa: ANN001
    assert streak("checkin", "--date", "2026-11-16").status == 0
    other = db.parent / "elsewhere" / "streak.json"
    other.parent.mkdir()
    shutil.copyfile(db, other)
    assert main(["--db", str(other), "checkin", "--date", "2026-11-19"], today=TODAY, now=NOW) == 0
    remembered(streak)
    shutil.move(other, db.parent / COPY)
    run = streak("status", "--short")
    assert run.out == fresh_line(db) == "legs 1w ✔\n"  # the copy's session counts: it was merged
    assert not (db.parent / COPY).exists()
    # The merge is said, by this prompt or (SPEC.md: "while your prompt updated") by the next command.
    assert "merged" in run.err + streak("status").err


@pytest.mark.skipif(os.name != "posix", reason="FIFOs as POSIX has them")
def test_a_conflict_copy_that_cannot_be_merged_keeps_the_prompt_computing_and_is_told_by_commands(
    streak,
    db: Path,  # noqa: ANN001
) -> None:
    """The prompt stays silent (SPEC.md) but never answers from its memo past a copy; the next command tells it."""
    assert streak("checkin", "--date", "2026-11-16").status == 0
    remembered(streak)
    os.mkfifo(db.parent / COPY)
    for _ in range(2):
        run = streak("status", "--short")
        assert run.out == fresh_line(db) and run.err == ""
        assert "could not merge the copy made by Syncthing" in streak("status").err


def test_midnight_passing_shows_the_new_day_at_the_next_prompt(streak, db: Path) -> None:  # noqa: ANN001
    assert streak("checkin", "--date", "2026-11-16").status == 0
    remembered(streak)  # Saturday
    sunday = TODAY + timedelta(days=1)
    run = streak("status", "--short", today=sunday)
    assert run.out == fresh_line(db, sunday) and run.out != MARK + "\n"
    assert run.out != fresh_line(db, TODAY)  # the day left to train is not Saturday's


def test_a_restore_shows_at_the_next_prompt(streak, db: Path) -> None:  # noqa: ANN001
    assert streak("checkin", "--date", "2026-11-16").status == 0
    assert streak("checkin", "--date", "2026-11-19").status == 0  # the day's first change keeps a backup first
    remembered(streak)
    assert streak("restore").status == 0
    run = streak("status", "--short")
    assert run.out == fresh_line(db) and run.out != MARK + "\n"
    assert [session.day for session in Store(str(db)).load().sessions] == [date(2026, 11, 16)]


def test_a_state_read_within_the_settle_time_is_not_remembered(
    streak,  # noqa: ANN001
    db: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A file changed moments ago could change again within the same clock tick: its line is computed each time."""
    monkeypatch.setattr(prompt_memo, "SETTLE_NS", 3_000_000_000)
    assert streak("checkin", "--date", "2026-11-16").status == 0
    assert streak("status", "--short").out == fresh_line(db)
    assert not os.path.exists(prompt_memo.memo_path())


def test_each_data_file_keeps_its_own_line(streak, db: Path, tmp_path: Path) -> None:  # noqa: ANN001
    other = tmp_path / "other" / "streak.json"
    other.parent.mkdir()
    assert streak("checkin", "--date", "2026-11-16").status == 0
    assert main(["--db", str(other), "checkin", "--date", "2026-11-19"], today=TODAY, now=NOW) == 0
    assert main(["--db", str(other), "checkin", "--date", "2026-11-20"], today=TODAY, now=NOW) == 0
    assert streak("status", "--short").out == fresh_line(db)
    assert main(["--db", str(other), "status", "--short"], today=TODAY, now=NOW) == 0
    assert streak("status", "--short").out == fresh_line(db) != fresh_line(other)
    memo = Path(prompt_memo.memo_path()).read_text(encoding="utf-8")
    assert fresh_line(db).strip() in memo and fresh_line(other).strip() in memo


def test_the_memo_is_not_written_for_another_day_asked_for(streak, db: Path) -> None:  # noqa: ANN001
    """`--as-of` shows another day's line: it never stands in for today's."""
    assert streak("checkin", "--date", "2026-11-16").status == 0
    assert streak("status", "--short", "--as-of", "2026-11-29").status == 0
    assert not os.path.exists(prompt_memo.memo_path())
    assert streak("status", "--short").out == fresh_line(db)


SIMPLE_FORMS = [
    (["status", "--short"], None),
    (["--db", "x.json", "status", "--short"], "x.json"),
    (["--db=x.json", "status", "--short"], "x.json"),
    (["status", "--short", "--db", "x.json"], "x.json"),
    (["status", "--db=x.json", "--short"], "x.json"),
]


@pytest.mark.parametrize(("argv", "db"), SIMPLE_FORMS)
def test_the_simple_prompt_forms_are_read_by_hand(argv: list[str], db: str | None) -> None:
    assert simple_prompt_db(argv) == db


@pytest.mark.parametrize(
    "argv",
    [
        ["status"],
        ["status", "--short", "--as-of", "2026-11-20"],
        ["status", "--sh"],
        ["--short", "status"],
        ["status", "--short", "--short"],
        ["--db", "a.json", "--db", "b.json", "status", "--short"],
        ["--db=", "status", "--short"],
        ["status", "--short", "--db"],
        ["status", "--db", "--short"],
        ["status", "--short", "--db", "bad\udcff.json"],
        ["status", "--short", "--help"],
        ["history", "--short"],
    ],
)
def test_every_other_command_line_takes_the_normal_path(argv: list[str]) -> None:
    assert simple_prompt_db(argv) is NOT_SIMPLE


def test_the_memo_answers_each_simple_form_and_streak_db(
    streak,  # noqa: ANN001
    db: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert streak("checkin", "--date", "2026-11-16").status == 0
    remembered(streak)
    monkeypatch.chdir(db.parent)
    for argv in (["status", "--short", f"--db={db}"], ["--db", "streak.json", "status", "--short"]):
        capsys.readouterr()
        assert main(argv, today=TODAY, now=NOW) == 0
        assert capsys.readouterr().out == MARK + "\n"
    monkeypatch.setenv("STREAK_DB", str(db))
    capsys.readouterr()
    assert main(["status", "--short"], today=TODAY, now=NOW) == 0
    assert capsys.readouterr().out == MARK + "\n"


def test_the_memo_answers_when_the_state_folder_is_the_data_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """As on macOS and Windows, where platformdirs gives one folder for both: writing the memo changes no key."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-data"))  # the folder conftest gives XDG_DATA_HOME
    assert main(["checkin", "--date", "2026-11-16"], today=TODAY, now=NOW) == 0
    for _ in range(2):  # the first memo makes its own folder, which moves the data folder's stamp once
        assert main(["status", "--short"], today=TODAY, now=NOW) == 0
    mark_memo()
    capsys.readouterr()
    assert main(["status", "--short"], today=TODAY, now=NOW) == 0
    assert capsys.readouterr().out == MARK + "\n"


@pytest.mark.skipif(os.name != "posix", reason="symbolic links as POSIX has them")
def test_a_link_pointed_at_another_file_shows_that_file_at_the_next_prompt(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second, link = tmp_path / "first.json", tmp_path / "second.json", tmp_path / "streak.json"
    for path, day in ((first, "2026-11-16"), (second, "2026-11-09")):
        assert main(["--db", str(path), "checkin", "--date", day], today=TODAY, now=NOW) == 0
    link.symlink_to(first)

    def prompt() -> str:
        capsys.readouterr()
        assert main(["--db", str(link), "status", "--short"], today=TODAY, now=NOW) == 0
        return capsys.readouterr().out

    assert prompt() == fresh_line(first)
    mark_memo()
    assert prompt() == MARK + "\n"
    link.unlink()
    link.symlink_to(second)
    assert prompt() == fresh_line(second) != fresh_line(first)


def test_the_installed_command_answers_from_the_memo_loading_only_streaks_own_small_modules(streak, db: Path) -> None:  # noqa: ANN001
    """The prompt pays for every module it loads: the installed `streak` answering from its memo loads none of
    `re` (which pip's entry-point launcher imports), enum, typing, argparse, json, datetime or TinyDB."""
    assert streak("checkin", "--date", "2026-11-16").status == 0
    assert streak("status", "--short", today=date.today()).status == 0  # the real process runs on today's clock
    mark_memo()

    def loaded_by(*arguments: str) -> tuple[str, set[str]]:
        result = subprocess.run(
            [sys.executable, "-X", "importtime", *arguments], capture_output=True, text=True, check=False
        )  # fmt: skip
        names = {
            line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")
        }
        return result.stdout, names

    _, python_itself = loaded_by("-c", "pass")
    out, loaded = loaded_by(str(STREAK_SCRIPT), "--db", str(db), "status", "--short")
    assert out == MARK + "\n"
    added = loaded - python_itself
    assert "streak.storage.prompt_memo" in added
    assert added & {"re", "enum", "typing", "argparse", "json", "datetime", "tinydb", "platformdirs"} == set()
