"""The data path is decided once, with what named it, and everything that names the file again follows from that."""

import re
from datetime import date, datetime
from pathlib import Path

import pytest

from helpers import TODAY
from streak.core.history.edits import add_session
from streak.core.history.model import Session
from streak.storage.errors import CorruptDataFile
from streak.storage.paths import DataPath, data_path, default_data_path
from streak.storage.store import MissingFolder, Store


@pytest.mark.parametrize(
    ("db", "environ", "expected"),
    [
        ("/given.json", {"STREAK_DB": "/env.json"}, DataPath("/given.json", "--db")),
        (None, {"STREAK_DB": "/env.json"}, DataPath("/env.json", "STREAK_DB")),
        (None, {"STREAK_DB": ""}, None),
        (None, {}, None),
    ],
)
def test_db_wins_over_streak_db_which_wins_over_the_default(
    db: str | None, environ: dict[str, str], expected: DataPath | None
) -> None:
    """--db, else a non-empty STREAK_DB, else the user data folder (None here); each says where it came from."""
    assert data_path(db, environ) == (expected or DataPath(default_data_path(), None))


def problem_after_damage(location: DataPath) -> str:
    """Check-ins on two days (so a backup exists), then the file damaged: the line a command would print."""
    clock = [datetime(2026, 11, 16, 8)]
    store = Store(location, now=lambda: clock[0])
    for day in (date(2026, 11, 16), date(2026, 11, 18)):
        clock[0] = datetime(day.year, day.month, day.day, 8)
        store.update(lambda history, day=day: (add_session(history, Session(day), TODAY), None))
    Path(location.path).write_bytes(b"\x00damaged")
    return store.describe_problem(pytest.raises(CorruptDataFile, store.load).value)


def test_the_default_file_is_restored_without_naming_it() -> None:
    """For the default data file, the restore command needs no --db."""
    problem = problem_after_damage(DataPath(default_data_path()))
    assert re.search(r": streak restore streak\.json\.0001\.2026-11-18-080000\.[0-9a-f]{8}\.json$", problem), problem


def test_a_file_named_by_streak_db_is_named_in_the_restore_command(db: Path) -> None:
    """A file STREAK_DB named may not be named the same way where the command is pasted: it says --db."""
    problem = problem_after_damage(DataPath(str(db), "STREAK_DB"))
    assert re.search(
        rf": streak --db {re.escape(str(db))} restore streak\.json\.0001\.2026-11-18-080000\.[0-9a-f]{{8}}\.json$",
        problem,
    ), problem


def test_only_the_default_data_file_gets_its_folder_made(tmp_path: Path) -> None:
    """A named path in a missing folder is refused; the default one has its folders made on the first change."""
    named = Store(DataPath(str(tmp_path / "missing" / "streak.json"), "--db"))
    with pytest.raises(MissingFolder):
        named.check_folder()
    default = Store(DataPath(default_data_path()))
    default.update(lambda history: (add_session(history, Session(TODAY), TODAY), None))
    assert Path(default_data_path()).exists()
