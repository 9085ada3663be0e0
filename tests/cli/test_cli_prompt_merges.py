"""A merge made by `status --short` (whose stderr a prompt throws away) is told once, by the next other command or the app."""

import json
import random
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from helpers import NOW, TODAY, Run
from streak.cli.main import main
from streak.core.history import edits
from streak.core.history.model import Session
from streak.storage.store import Store
from streak.storage.sync.machine import state_dir
from streak.ui.app import build_app

COPY = "streak.sync-conflict-20261120-101530-ABCD2FG.json"
MERGED = "streak: merged 1 session from the copy made by Syncthing on 20 Nov (now in backups/)"


def conflict_copy(db: Path, day: str = "2026-11-18") -> Path:
    """A conflict copy beside the data file holding one session the data file lacks."""
    if not db.exists():
        Store(str(db), machine="desktop", now=lambda: NOW).update(
            lambda h: (edits.add_session(h, Session(TODAY.replace(day=16)), TODAY), None)
        )
    copy = db.parent / COPY
    shutil.copyfile(db, copy)
    Store(str(copy), machine="laptop", now=lambda: NOW).update(
        lambda h: (edits.add_session(h, Session(TODAY.fromisoformat(day)), TODAY), None)
    )
    return copy


def test_the_prompt_merges_silently_and_the_next_command_tells_it_once(db: Path, streak: Callable[..., Run]) -> None:
    """status --short prints its line and nothing on stderr; the next command says what it merged, once."""
    copy = conflict_copy(db)
    prompt = streak("status", "--short")
    assert prompt.status == 0 and prompt.err == "" and prompt.out.strip()
    assert not copy.exists() and len(Store(str(db)).load().sessions) == 2
    assert streak("status", "--short").err == ""
    told = streak("history", "--json")
    assert told.status == 0 and json.loads(told.out)
    assert told.err == f"{MERGED} (while your prompt updated)\n"
    assert streak("status").err == ""


def test_what_waits_is_kept_in_this_machines_state_folder_not_the_synced_one(
    db: Path, streak: Callable[..., Run]
) -> None:
    """Nothing new appears beside the data file (another machine would read it there); the state folder holds it."""
    conflict_copy(db)
    beside = set(db.parent.iterdir())
    assert streak("status", "--short").status == 0
    assert set(db.parent.iterdir()) - beside == set()
    kept = Path(state_dir(), "merged-while-prompting.json")
    assert json.loads(kept.read_text()) == {str(db): [MERGED.removeprefix("streak: ")]}
    streak("badges")
    assert not kept.exists()


def test_two_prompt_merges_are_both_told_and_another_data_files_are_not(
    db: Path, streak: Callable[..., Run], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Lines pile up until told; a command on another data file tells none of them."""
    conflict_copy(db, "2026-11-18")
    streak("status", "--short")
    conflict_copy(db, "2026-11-19")
    streak("status", "--short")
    capsys.readouterr()
    assert main(["--db", str(tmp_path / "other.json"), "status"], today=TODAY, now=NOW) == 0
    assert capsys.readouterr().err == ""
    told = streak("status").err.splitlines()
    assert len(told) == 2 and all(line.endswith("(while your prompt updated)") for line in told)


async def test_the_app_tells_a_merge_the_prompt_made(db: Path, streak: Callable[..., Run]) -> None:
    """Opening the app after the prompt merged: one notification, marked as made while the prompt updated."""
    conflict_copy(db)
    streak("status", "--short")
    app = build_app(str(db), today=lambda: TODAY, pick=random.Random(0).choice, cursor_blink=False, watch_seconds=None)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        told = [f"{n.title}: {n.message}" for n in app._notifications]
    assert told == [
        "Synced copy: Merged 1 session from the copy made by Syncthing on 20 Nov (now in backups/)"
        " (while your prompt updated)."
    ]
    assert streak("status").err == ""
