"""Issue 21, item 5: a data path that is refused leaves nothing behind, not even the lock file beside it."""

import os
from pathlib import Path

import pytest

from helpers import TODAY, Run, refused
from streak.cli.main import main


def run_with_db(db: str, capsys: pytest.CaptureFixture[str], *args: str) -> Run:
    """`streak --db DB ARGS...` in-process, with today pinned."""
    capsys.readouterr()
    status = main(["--db", db, *args], today=TODAY)
    captured = capsys.readouterr()
    return Run(status, captured.out, captured.err)


@pytest.mark.parametrize("command", [["checkin"], ["goal", "3"], ["rest", "2026-11-16"], ["status"]])
@pytest.mark.parametrize("trailing_slash", ["", "/"])
def test_db_naming_a_folder_is_exit_3_and_makes_no_lock_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str], trailing_slash: str
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    run = run_with_db(str(folder) + trailing_slash, capsys, *command)
    refused(run, 3, "folder")
    assert sorted(os.listdir(tmp_path)) == ["data"]  # no data.lock beside it
    assert os.listdir(folder) == []  # and nothing inside it


@pytest.mark.skipif(os.name != "posix" or os.path.exists("/.lock"), reason="needs / and no /.lock there already")
def test_db_naming_the_root_folder_leaves_no_lock_there(capsys: pytest.CaptureFixture[str]) -> None:
    refused(run_with_db("/", capsys, "checkin"), 3, "folder")
    assert not os.path.exists("/.lock")
