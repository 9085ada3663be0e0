"""Conflict copies beside the data file: which names count, one listing, and what merging one does to the files."""

import json
import os
import random
import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from textual import events
from textual.widgets import Static

from helpers import NOW, TODAY, Run
from streak.core.history import edits
from streak.core.history.model import Session
from streak.storage.store import Store
from streak.storage.sync import conflicts
from streak.storage.sync.conflicts import find_conflict_copies, split_name
from streak.ui.app import build_app

D = date.fromisoformat
SYNCTHING = "streak.sync-conflict-20261120-101530-ABCD2FG.json"
DROPBOX = "streak (Ann Lee's conflicted copy 2026-11-20).json"
NEXTCLOUD = "streak (conflicted copy 2026-11-20 101530).json"


@pytest.mark.parametrize(
    ("name", "tool", "made"),
    [
        (SYNCTHING, "Syncthing", "2026-11-20"),
        ("streak.sync-conflict-20261120-101530.json", "Syncthing", "2026-11-20"),  # before 0.14: no device
        (DROPBOX, "Dropbox", "2026-11-20"),
        ("streak (Pierre's MacBook Pro's conflicted copy 2026-11-20).json", "Dropbox", "2026-11-20"),
        ("streak (Ann's conflicted copy 2026-11-20 (1)).json", "Dropbox", "2026-11-20"),
        ("streak (Ann's Conflicted Copy).json", "Dropbox", None),
        (NEXTCLOUD, "Nextcloud", "2026-11-20"),
        ("streak (conflicted copy ann 2026-11-20 101530).json", "Nextcloud", "2026-11-20"),
        ("streak_conflict-20261120-101530.json", "Nextcloud", "2026-11-20"),
        ("streak.sync-conflict-20261399-101530-ABCD2FG.json", "Syncthing", None),  # no such day: still a copy
    ],
)
def test_each_tools_conflict_copy_of_the_data_file_is_found(tmp_path: Path, name: str, tool: str, made: str) -> None:
    """The name each tool gives a conflict copy of streak.json, with the day it was made when the name says."""
    (tmp_path / "streak.json").write_text("{}")
    (tmp_path / name).write_text("{}")
    [copy] = find_conflict_copies(str(tmp_path / "streak.json"))
    assert (copy.name, copy.tool, copy.made) == (name, tool, made and D(made))
    assert copy.path == str(tmp_path / name)


@pytest.mark.parametrize(
    "name",
    [
        "other.sync-conflict-20261120-101530-ABCD2FG.json",  # another file's copy
        "streaks.sync-conflict-20261120-101530-ABCD2FG.json",
        "streak.sync-conflict-20261120-101530-ABCD2FG.csv",  # another extension
        "streak.json.sync-conflict-20261120-101530-ABCD2FG.lock",  # the lock file's copy
        "other (Ann's conflicted copy 2026-11-20).json",
        "streak (conflicted).json",
        "streak.json",
        "streak-2026-11-20-101530.json",  # a backup's name
        ".streak.json.tmp",
    ],
)
def test_names_that_are_not_this_files_conflict_copies_are_ignored(tmp_path: Path, name: str) -> None:
    """Only copies of this data file's own name count."""
    (tmp_path / name).write_text("{}")
    assert find_conflict_copies(str(tmp_path / "streak.json")) == []


def test_copies_in_other_folders_are_not_looked_for(tmp_path: Path) -> None:
    """A conflict copy inside backups/ (or anywhere else) is not beside the data file."""
    (tmp_path / "backups").mkdir()
    (tmp_path / "backups" / SYNCTHING).write_text("{}")
    assert find_conflict_copies(str(tmp_path / "streak.json")) == []


@pytest.mark.parametrize(
    ("name", "copy"),
    [
        ("streak", "streak.sync-conflict-20261120-101530-ABCD2FG"),
        ("my.legs.json", "my.legs (conflicted copy 2026-11-20 101530).json"),
        ("legs [2026].db", "legs [2026] (Ann's conflicted copy 2026-11-20).db"),
    ],
)
def test_any_data_file_name_is_cut_at_its_last_dot(tmp_path: Path, name: str, copy: str) -> None:
    """Names without an extension, with several dots or with characters special to patterns."""
    (tmp_path / copy).write_text("{}")
    assert [c.name for c in find_conflict_copies(str(tmp_path / name))] == [copy]
    assert split_name(".streak") == (".streak", "")


def test_a_missing_folder_has_no_copies(tmp_path: Path) -> None:
    """Before the first check-in the folder may not exist: nothing to merge, no error."""
    assert find_conflict_copies(str(tmp_path / "nowhere" / "streak.json")) == []


def test_status_without_copies_costs_one_listing_and_no_lock(
    db: Path, streak: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Looking for conflict copies is one os.listdir of the data file's folder; with none, nothing else happens."""
    assert streak("checkin", "--date", "2026-11-16").status == 0
    os.remove(str(db) + ".lock")
    listed: list[str] = []
    real_listdir = os.listdir

    def listdir(path: str = ".") -> list[str]:
        listed.append(path)
        return real_listdir(path)

    monkeypatch.setattr(conflicts.os, "listdir", listdir)
    monkeypatch.setattr(os, "scandir", lambda *args: pytest.fail("scandir"))
    assert streak("status", "--json").status == 0
    assert listed == [str(db.parent)]
    assert not os.path.exists(str(db) + ".lock")


def _diverged(db: Path) -> Path:
    """The data file with a session on the 16th, and a copy of it from another machine that also has the 18th.

    Both stamped by the pinned clock the commands run with, so neither clock looks ahead.
    """
    Store(str(db), machine="desktop", now=lambda: NOW).update(
        lambda h: (edits.add_session(h, Session(D("2026-11-16"), "desk"), TODAY), None)
    )
    copy = db.parent / SYNCTHING
    shutil.copyfile(db, copy)
    Store(str(copy), machine="laptop", now=lambda: NOW).update(
        lambda h: (edits.add_session(h, Session(D("2026-11-18")), TODAY), None)
    )
    return copy


def test_a_merged_copy_moves_into_backups_after_the_days_backup(db: Path, streak: Callable[..., Run]) -> None:
    """One line on stderr, JSON alone on stdout; the old file is backed up and the copy kept in backups/."""
    copy = _diverged(db)
    before = db.read_bytes()
    shutil.rmtree(db.parent / "backups", ignore_errors=True)
    run = streak("status", "--json")
    assert run.status == 0 and json.loads(run.out)["total_sessions"] == 2
    assert run.err == "streak: merged 1 session from the copy made by Syncthing on 20 Nov (now in backups/)\n"
    assert not copy.exists() and (db.parent / "backups" / SYNCTHING).exists()
    backups = sorted(p.name for p in (db.parent / "backups").iterdir() if p.name != SYNCTHING)
    assert len(backups) == 1 and (db.parent / "backups" / backups[0]).read_bytes() == before
    assert streak("status").err == ""  # merged once: nothing left to say


def test_merging_a_copy_again_changes_nothing(db: Path, streak: Callable[..., Run]) -> None:
    """The same copy put back beside the file (say, a crash before it moved): merged again, the file stays the same."""
    copy = _diverged(db)
    saved = copy.read_bytes()
    streak("status")
    merged = Store(str(db)).load()
    copy.write_bytes(saved)
    run = streak("status")
    assert "nothing in it was new" in run.err
    assert Store(str(db)).load() == merged
    assert (db.parent / "backups" / SYNCTHING.replace(".json", "-2.json")).exists()


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (b"{not json", "it is not valid JSON"),
        (b"", "it is empty"),
        (b'{"meta": {"1": {"schema": 99}}}', "was written by a newer streak"),
    ],
)
def test_an_unreadable_copy_is_left_in_place_and_reported(
    db: Path, streak: Callable[..., Run], content: bytes, why: str
) -> None:
    """The command still works (exit 0, one line on stderr each time); the copy and the data file are untouched."""
    assert streak("checkin", "--date", "2026-11-16").status == 0
    copy = db.parent / DROPBOX
    copy.write_bytes(content)
    before = db.read_bytes()
    for _ in range(2):
        run = streak("history", "--json")
        assert run.status == 0 and json.loads(run.out)
        [line] = run.err.splitlines()
        assert line.startswith(f"streak: could not merge the copy made by Dropbox on 20 Nov ({DROPBOX}): ")
        assert why in line and line.endswith("; it was left where it is")
    assert copy.read_bytes() == content and db.read_bytes() == before


def test_an_unreadable_copy_does_not_stop_a_good_one(db: Path, streak: Callable[..., Run]) -> None:
    """Two copies: the good one is merged and moved, the bad one stays and is reported."""
    good = _diverged(db)
    (db.parent / NEXTCLOUD).write_text("garbage")
    run = streak("status")
    assert run.status == 0 and len(run.err.splitlines()) == 2
    assert not good.exists() and (db.parent / NEXTCLOUD).exists()
    assert [s.day for s in Store(str(db)).load().sessions] == [D("2026-11-16"), D("2026-11-18")]


def test_a_copy_of_another_files_name_is_ignored(db: Path, streak: Callable[..., Run]) -> None:
    """A valid data file named as another file's conflict copy is never merged."""
    copy = _diverged(db)
    other = db.parent / copy.name.replace("streak.", "legs.", 1)
    copy.rename(other)
    run = streak("status", "--json")
    assert run.err == "" and json.loads(run.out)["total_sessions"] == 1 and other.exists()


def test_a_corrupt_data_file_is_still_exit_3_with_a_copy_beside_it(db: Path, streak: Callable[..., Run]) -> None:
    """Exit 3 is for the data file itself: it is left untouched, and so is the copy."""
    copy = _diverged(db)
    db.write_text("{broken")
    run = streak("status")
    assert run.status == 3 and "not a usable streak data file" in run.err
    assert copy.exists() and db.read_text() == "{broken"


def test_a_copy_of_an_older_schema_is_merged(db: Path, streak: Callable[..., Run]) -> None:
    """A machine still on streak 0.1.0 left a schema-1 copy: its sessions come in as the oldest changes."""
    assert streak("checkin", "--date", "2026-11-16").status == 0
    old = Path(__file__).parent / "data" / "schema1-written-by-0.1.0.json"
    shutil.copyfile(old, db.parent / NEXTCLOUD)
    expected = {s.day for s in Store(str(old)).load().sessions} | {D("2026-11-16")}
    assert "from the copy made by Nextcloud on 20 Nov" in streak("status").err
    assert {s.day for s in Store(str(db)).load().sessions} == expected


def test_a_copy_that_cannot_be_moved_is_merged_and_says_so(
    db: Path, streak: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The merged file is written first; a copy that will not move stays, and the line says merging it again is harmless."""
    copy = _diverged(db)

    def refuse(source: str, target: str) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("streak.storage.backups.move_durably", refuse)
    run = streak("status")
    assert run.status == 0 and "Permission denied" in run.err and "merging it again changes nothing" in run.err
    assert copy.exists() and len(Store(str(db)).load().sessions) == 2


def test_the_year_is_named_when_the_copy_is_from_another_year() -> None:
    """`on 30 Dec 2025` rather than `on 30 Dec` once the year has turned."""
    copy = conflicts.ConflictCopy("x", "x", "Syncthing", D("2025-12-30"))
    assert copy.described(D("2026-01-02")) == "the copy made by Syncthing on 30 Dec 2025"
    assert conflicts.ConflictCopy("x", "x", "Dropbox", None).described(TODAY) == "the copy made by Dropbox"


async def test_the_app_merges_a_copy_when_it_starts_and_notifies(db: Path) -> None:
    """Opening the app merges the copy before the first screen reads, and says so in a notification."""
    copy = _diverged(db)
    app = build_app(str(db), today=lambda: TODAY, pick=random.Random(0).choice, cursor_blink=False, watch_seconds=None)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        told = [f"{n.title}: {n.message}" for n in app._notifications]
        assert "Synced copy: Merged 1 session from the copy made by Syncthing on 20 Nov (now in backups/)." in told
        assert str(app.screen.query_one("#week-count", Static).render()) == "2 of 2 sessions"
    assert not copy.exists() and len(Store(str(db)).load().sessions) == 2


async def test_the_app_merges_a_copy_that_arrives_while_it_is_open(db: Path) -> None:
    """Coming back to the terminal the app looks again; an unreadable copy is told once, not at every look."""
    app = build_app(str(db), today=lambda: TODAY, pick=random.Random(0).choice, cursor_blink=False, watch_seconds=None)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        copy = _diverged(db)
        (db.parent / DROPBOX).write_text("garbage")
        for _ in range(2):
            app.post_message(events.AppFocus())
            await pilot.pause()
        told = [n.message for n in app._notifications]
        assert sum("Merged 1 session" in line for line in told) == 1
        assert sum("Could not merge the copy made by Dropbox" in line for line in told) == 1
        assert str(app.screen.query_one("#week-count", Static).render()) == "2 of 2 sessions"
    assert not copy.exists() and (db.parent / DROPBOX).exists()
