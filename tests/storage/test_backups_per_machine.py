"""Backups in a synced folder: each machine names, numbers and prunes its own; every machine lists and restores all.

Also issue 21: `backup --keep N` prunes at once, and `restore` prunes too, never the backup it just took.
"""

import json
import shutil
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

from helpers import Run
from streak.core.history import edits
from streak.core.history.model import Session
from streak.storage.backups import short_machine_id
from streak.storage.store import Store
from streak.storage.sync.machine import machine_id

FIRST = datetime(2026, 11, 1, 8)


def check_in_on_days(db: Path, machine: str, count: int, start: datetime = FIRST) -> None:
    """A check-in on each of `count` days from `start` on `machine`: each day's first change takes a backup."""
    for n in range(count):
        moment = start + timedelta(days=n)
        day = moment.date()
        Store(str(db), machine=machine, now=lambda moment=moment: moment).update(
            lambda h, day=day: (edits.add_session(h, Session(day), day), None)
        )


def names(db: Path) -> list[str]:
    return sorted(path.name for path in (db.parent / "backups").iterdir())


def test_each_machine_numbers_its_own_backups_and_names_carry_its_id(db: Path) -> None:
    """Two machines on one synced file each count from 0001; a name says whose it is."""
    check_in_on_days(db, "laptop01", 2)
    check_in_on_days(db, "desktop2", 2, FIRST + timedelta(days=5))
    assert names(db) == [
        "streak.json.0001.2026-11-02-080000.laptop01.json",
        "streak.json.0001.2026-11-06-080000.desktop2.json",
        "streak.json.0002.2026-11-07-080000.desktop2.json",
    ]
    assert short_machine_id("3fa9c2d1e5b70a44") == "3fa9c2d1"


def test_each_machine_prunes_only_its_own(db: Path) -> None:
    """Keeping 2: the laptop's eight backups go down to its newest two; the desktop's three all stay."""
    check_in_on_days(db, "desktop2", 4, FIRST - timedelta(days=20))
    Store(str(db), machine="laptop01", now=lambda: FIRST - timedelta(days=1)).set_backups_kept(2)
    check_in_on_days(db, "laptop01", 8)
    assert [name for name in names(db) if "laptop01" in name] == [
        "streak.json.0008.2026-11-07-080000.laptop01.json",
        "streak.json.0009.2026-11-08-080000.laptop01.json",
    ]
    assert len([name for name in names(db) if "desktop2" in name]) == 3


def test_every_machine_lists_and_restores_every_machines_backups(db: Path) -> None:
    """The laptop lists the desktop's backups beside its own, newest first by the clock, and restores one by name."""
    check_in_on_days(db, "desktop2", 2, FIRST)
    check_in_on_days(db, "laptop01", 2, FIRST + timedelta(days=3))
    laptop = Store(str(db), machine="laptop01", now=lambda: FIRST + timedelta(days=10))
    listed = [(state.backup.name, state.sessions) for state in laptop.backup_states()]
    assert listed == [
        ("streak.json.0002.2026-11-05-080000.laptop01.json", 3),
        ("streak.json.0001.2026-11-04-080000.laptop01.json", 2),
        ("streak.json.0001.2026-11-02-080000.desktop2.json", 1),
    ]
    assert laptop.restore("streak.json.0001.2026-11-02-080000.desktop2").name.endswith("desktop2.json")
    assert [s.day for s in laptop.load().sessions] == [date(2026, 11, 1)]


def test_without_a_name_restore_takes_this_machines_newest_even_when_another_clock_ran_ahead(db: Path) -> None:
    """A desktop whose clock said 2090 left a backup: the laptop's own newest is restored, not that one."""
    check_in_on_days(db, "laptop01", 3)
    check_in_on_days(db, "desktop2", 2, datetime(2090, 1, 1))
    laptop = Store(str(db), machine="laptop01", now=lambda: FIRST + timedelta(days=10))
    assert laptop.restore().name == "streak.json.0002.2026-11-03-080000.laptop01.json"
    assert len(laptop.load().sessions) == 2


def test_backups_named_before_machine_ids_are_listed_restored_and_counted_as_this_machines(db: Path) -> None:
    """`streak.json.0007.<time>.json` and `streak-<time>.json` stay usable, and are pruned first, as the oldest."""
    check_in_on_days(db, "laptop01", 2)
    folder = db.parent / "backups"
    [first, *_] = sorted(folder.iterdir())
    shutil.copyfile(first, folder / "streak.json.0007.2026-10-20-080000.json")
    shutil.copyfile(first, folder / "streak-2026-10-01-080000.json")
    laptop = Store(str(db), machine="laptop01", now=lambda: FIRST + timedelta(days=10))
    assert [backup.name for backup in laptop.backups.all()] == [
        "streak.json.0001.2026-11-02-080000.laptop01.json",
        "streak.json.0007.2026-10-20-080000.json",
        "streak-2026-10-01-080000.json",
    ]
    assert laptop.restore("streak.json.0007.2026-10-20-080000.json").sequence == 7
    assert laptop.restore("streak-2026-10-01-080000").sequence == 0  # each restore kept the file as it was
    laptop.set_backups_kept(3)
    assert names(db) == [
        "streak.json.0001.2026-11-02-080000.laptop01.json",
        "streak.json.0002.2026-11-11-080000.laptop01.json",
        "streak.json.0003.2026-11-11-080000.laptop01.json",
    ]


def test_backup_keep_prunes_at_once_to_this_machines_newest(db: Path, streak: Callable[..., Run]) -> None:
    """Issue 21: 13 backups on disk, `backup --keep 3`: three are left now, not at the next day's first change."""
    assert streak("backup", "--keep", "365").status == 0
    for n in range(13):
        moment = FIRST + timedelta(days=n)
        assert streak("checkin", "--date", moment.date().isoformat(), now=moment).status == 0
    other = db.parent / "backups" / "streak.json.0001.2026-10-01-080000.desktop2.json"
    shutil.copyfile(db, other)
    mine = short_machine_id(machine_id())
    assert len([name for name in names(db) if mine in name]) == 13
    same_day = FIRST + timedelta(days=12, hours=2)  # the day's backup is already taken: none is taken now
    assert streak("backup", "--keep", "3", now=same_day).status == 0
    listing = json.loads(streak("backup", "--json", now=same_day).out)
    assert [entry["name"][:16] for entry in listing] == [
        "streak.json.0013",
        "streak.json.0012",
        "streak.json.0011",
        "streak.json.0001",
    ]
    assert other.exists()


def test_restore_prunes_but_keeps_the_backup_it_just_took(db: Path, streak: Callable[..., Run]) -> None:
    """Issue 21: restore keeps the current file as a backup and then prunes to the kept count, as a change does."""
    assert streak("backup", "--keep", "2").status == 0
    for n in range(4):
        moment = FIRST + timedelta(days=n)
        assert streak("checkin", "--date", moment.date().isoformat(), now=moment).status == 0
    later = FIRST + timedelta(days=4)
    before = [entry["name"] for entry in json.loads(streak("backup", "--json", now=later).out)]
    assert len(before) == 2
    restored = streak("restore", before[1], now=later)
    assert restored.status == 0, restored.err
    after = [entry["name"] for entry in json.loads(streak("backup", "--json", now=later).out)]
    assert len(after) == 2 and after[0].startswith("streak.json.0005.2026-11-05-080000.")  # the file as it was
    assert after[1] == before[0]
