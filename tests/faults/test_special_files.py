"""Devices, pipes and full disks where streak expects plain files: one line and an exit status, never a hang or a traceback."""

import os
import subprocess
from datetime import date
from pathlib import Path
from typing import TextIO

import pytest

from helpers import STREAK_SCRIPT, refused, run_streak
from streak.core.history.model import History, Session
from streak.storage.errors import SaveFailed
from streak.storage.store import Store

posix_only = pytest.mark.skipif(os.name != "posix", reason="devices and FIFOs as POSIX has them")
COPY = "streak.sync-conflict-20261120-101010-ABCDEFG.json"


@posix_only
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_a_device_as_the_data_file_is_refused_at_once(device: str) -> None:
    refused(run_streak("--db", device, "status"), 3, device, "not a regular file")


@posix_only
def test_a_fifo_as_the_data_file_is_refused_without_waiting_for_a_writer(db: Path) -> None:
    os.mkfifo(db)
    refused(run_streak("--db", str(db), "status"), 3, "not a regular file")  # run_streak times out after 120 s


@posix_only
def test_a_fifo_named_as_a_conflict_copy_is_reported_and_left(cli, db: Path) -> None:  # noqa: ANN001
    assert cli("checkin", "--date", "2026-11-16").status == 0
    os.mkfifo(db.parent / COPY)
    prompt = cli("status", "--short")  # a prompt's line, with nothing on stderr (SPEC.md)
    assert prompt.status == 0 and prompt.out.startswith("legs") and prompt.err == ""
    run = cli("status")
    assert run.status == 0
    assert run.err.startswith("streak: could not merge the copy made by Syncthing") and "not a regular file" in run.err
    assert (db.parent / COPY).exists()


@posix_only
@pytest.mark.parametrize("command", [["status"], ["status", "--json"], ["status", "--short"], ["history"], ["export"]])
def test_output_onto_a_full_disk_is_one_line_and_exit_2(db: Path, command: list[str]) -> None:
    assert run_streak("--db", str(db), "checkin", "--date", "2026-11-16").status == 0
    before = db.read_bytes()
    with open("/dev/full", "w") as full:
        run = run_streak_to(full, "--db", str(db), *command)
    assert run.returncode == 2, run
    assert run.stderr == "streak: the output could not be written (No space left on device); nothing was changed\n"
    assert db.read_bytes() == before


@posix_only
def test_a_check_in_whose_report_cannot_be_written_says_it_was_saved(db: Path) -> None:
    with open("/dev/full", "w") as full:
        run = run_streak_to(full, "--db", str(db), "checkin", "--date", "2026-11-16")
    assert run.returncode == 0, run
    assert run.stderr == "streak: the change was saved, but its output could not be written (No space left on device)\n"
    refused(run_streak("--db", str(db), "checkin", "--date", "2026-11-16"), 1, "already")


def run_streak_to(stdout: TextIO, *args: str) -> subprocess.CompletedProcess[str]:
    """The installed `streak` with its standard output on `stdout`."""
    return subprocess.run(
        [str(STREAK_SCRIPT), *args], stdout=stdout, stderr=subprocess.PIPE, text=True, timeout=120, check=False
    )


def test_a_backup_that_cannot_be_written_is_blamed_on_the_backups_folder(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store(str(db))
    store.update(lambda history: (History((Session(date(2026, 11, 16)),)), None))
    before = db.read_bytes()

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(store.backups, "save", refuse)
    monkeypatch.setattr(store.backups, "taken_on", lambda day: False)
    with pytest.raises(SaveFailed) as failed:
        store.update(lambda history: (History(()), None))
    message = str(failed.value)
    assert message.startswith(f"the day's backup could not be written in {db.parent / 'backups'} (Permission denied)")
    assert "streak.json was left as it was" in message
    assert db.read_bytes() == before


@posix_only
def test_a_conflict_copy_that_links_to_nothing_is_reported_not_passed_over(cli, db: Path) -> None:  # noqa: ANN001
    assert cli("checkin", "--date", "2026-11-16").status == 0
    (db.parent / COPY).symlink_to(db.parent / "gone.json")
    run = cli("status")
    assert run.status == 0
    assert "could not merge" in run.err and "a link to a file that does not exist" in run.err
    assert (db.parent / COPY).is_symlink()
