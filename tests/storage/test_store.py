"""The data file on a real disk: round trips, refusals that change nothing, versions, backups and restore."""

import json
import os
import time
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from helpers import days_and_notes
from streak.core.errors import InputError
from streak.core.history.edits import add_session, set_goal, set_week_start_day
from streak.core.history.model import History, Session
from streak.storage.datafile import schema
from streak.storage.datafile.lock import exclusive_lock
from streak.storage.datafile.schema import NewerDataFile
from streak.storage.errors import CorruptDataFile, DataFileError, LockTimeout
from streak.storage.store import Store

D = date.fromisoformat
TODAY = D("2026-11-21")


class Clock:
    """A settable `now` for backups."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def add(day: str, note: str | None = None):  # noqa: ANN201
    """A change that checks in on `day`."""
    return lambda history: (add_session(history, Session(D(day), note), TODAY), None)


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2026, 11, 21, 9, 0, 0))


@pytest.fixture
def store(db: Path, clock: Clock) -> Store:
    return Store(str(db), now=clock, lock_timeout=0.3, machine="machine-a")


def test_a_missing_file_is_an_empty_history_and_is_not_created_by_reading(store: Store, db: Path) -> None:
    """Reading never creates anything on disk."""
    assert store.load() == History()
    assert not db.exists()


def test_changes_round_trip_through_the_file(store: Store, db: Path) -> None:
    """Sessions with notes, goal changes and the first weekday come back exactly as saved."""
    store.update(add("2026-11-17", "front squats, 5x5"))
    store.update(add("2026-11-19"))
    store.update(lambda h: (set_goal(set_week_start_day(h, "sunday"), D("2026-11-18"), 3), None))
    again = Store(str(db)).load()
    assert days_and_notes(again) == [(D("2026-11-17"), "front squats, 5x5"), (D("2026-11-19"), None)]
    assert [(c.since, c.goal) for c in again.goal_changes] == [(D("2026-11-18"), 3)]
    assert again.week_start_day == "sunday"


def test_the_file_is_tinydb_json_with_a_schema_version(store: Store, db: Path) -> None:
    """The file is plain JSON a person (or TinyDB) can read, stamped with its schema."""
    store.update(add("2026-11-17"))
    tables = json.loads(db.read_text(encoding="utf-8"))
    assert tables["meta"]["1"]["schema"] == schema.SCHEMA
    assert list(tables["sessions"].values()) == [
        {"date": "2026-11-17", "made": [["2026-11-21T09:00:00.000Z|machine-a|000", None]]}
    ]  # the session is its parts: here one check-in, with its id (stamp, machine, index) and no tip


def test_a_refused_change_leaves_the_file_byte_identical(store: Store, db: Path) -> None:
    """When the change raises, nothing is written: not the file, not a backup."""
    store.update(add("2026-11-17"))
    before = db.read_bytes()
    with pytest.raises(Exception, match="already checked in"):
        store.update(add("2026-11-17"))
    assert db.read_bytes() == before
    assert not store.backups.all()


def test_an_unchanged_history_is_not_rewritten(store: Store, db: Path) -> None:
    """A change that changes nothing does not touch the file."""
    store.update(add("2026-11-17"))
    stamp = db.stat().st_mtime_ns
    store.update(lambda history: (history, None))
    assert db.stat().st_mtime_ns == stamp


def test_keys_from_a_newer_minor_version_are_kept(store: Store, db: Path) -> None:
    """A newer minor version's extra table, fields and version number survive our writes."""
    db.parent.mkdir(parents=True, exist_ok=True)
    db.write_text(
        json.dumps(
            {
                "meta": {"1": {"app": "streak", "schema": schema.SCHEMA, "minor": 4}},
                "sessions": {
                    "1": {"date": "2026-11-16", "made": [["2026-11-16T09:00:00.000Z|a|000", None]], "mood": "strong"}
                },
                "settings": {"1": {"week_start": "monday", "theme": "dark"}},
                "achievements": {"1": {"anything": [1, 2, 3]}},
            }
        ),
        encoding="utf-8",
    )
    store.update(add("2026-11-18"))
    store.update(lambda h: (set_week_start_day(h, "sunday"), None))
    tables = json.loads(db.read_text(encoding="utf-8"))
    assert tables["meta"]["1"]["minor"] == 4
    assert tables["sessions"]["1"]["mood"] == "strong"
    assert tables["settings"]["1"]["theme"] == "dark"
    assert tables["settings"]["1"]["week_start"] == "sunday"
    assert tables["achievements"] == {"1": {"anything": [1, 2, 3]}}


CORRUPT_FILES = {
    "empty": b"",
    "whitespace": b"  \n",
    "truncated": b'{"meta": {"1": {"schema": 1}}, "sessions": {"1": {"date": "2026-11',
    "stale tail": b'{"meta": {"1": {"schema": 1}}}ns": {"1": {"date": "2026-11-17"}}}',
    "not json": b"date,note\n2026-11-17,\n",
    "a list": b"[]",
    "plain tinydb": b'{"_default": {}}',
    "bad version": b'{"meta": {"1": {"schema": "one"}}}',
    "impossible date": b'{"meta": {"1": {"schema": 1}}, "sessions": {"1": {"date": "2026-02-30"}}}',
    "two sessions a day": b'{"meta": {"1": {"schema": 1}}, "sessions": {"1": {"date": "2026-11-17"}, "2": {"date": "2026-11-17"}}}',
    "note not text": b'{"meta": {"1": {"schema": 1}}, "sessions": {"1": {"date": "2026-11-17", "note": 5}}}',
    "goal of nine": b'{"meta": {"1": {"schema": 1}}, "goals": {"1": {"from": "2026-11-17", "goal": 9}}}',
    "table a list": b'{"meta": {"1": {"schema": 1}}, "sessions": []}',
    "bad doc id": b'{"meta": {"1": {"schema": 1}}, "sessions": {"x": {"date": "2026-11-17"}}}',
    # TinyDB reads "01" as document 1: a change through it would merge the two and lose one.
    "doc ids 1 and 01": b'{"meta": {"1": {"schema": 1}}, "sessions": {"1": {"date": "2026-11-02"}, "01": {"date": "2026-11-16"}}}',
    "doc id 01 in settings": b'{"meta": {"1": {"schema": 1}}, "settings": {"01": {"week_start": "sunday"}}}',
    "doc id of 5,000 digits": b'{"meta": {"1": {"schema": 1}}, "sessions": {"'
    + b"9" * 5000
    + b'": {"date": "2026-11-17"}}}',
    "bad weekday": b'{"meta": {"1": {"schema": 1}}, "settings": {"1": {"week_start": "friday"}}}',
    "not utf-8": b'{"meta": {"1": {"schema": 1}}, "sessions": {"1": {"date": "2026-11-17", "note": "\xff\xfe"}}}',
}
_SQUAT = {"exercise": "Squat", "sets": 5, "reps": 5, "weight": 100, "unit": "kg"}
for name, damage in {
    "lift weight NaN": {"weight": float("nan")},
    "lift weight infinite": {"weight": float("inf")},
    "lift weight negative": {"weight": -1},
    "lift sets true": {"sets": True},
    "lift reps zero": {"reps": 0},
    "lift no exercise": {"exercise": ""},
    "lift unit stone": {"unit": "st"},
    "lift missing unit": {"unit": None},
}.items():
    damaged = {key: value for key, value in (_SQUAT | damage).items() if value is not None}
    sessions = {  # the damaged lift comes after good ones, in the file's second session
        "1": {"date": "2026-11-16", "lifts": [_SQUAT]},
        "2": {"date": "2026-11-17", "lifts": [_SQUAT, damaged]},
    }
    CORRUPT_FILES[name] = json.dumps({"meta": {"1": {"schema": 2}}, "sessions": sessions}).encode()
CORRUPT_FILES["lifts not a list"] = (
    b'{"meta": {"1": {"schema": 2}}, "sessions": {"1": {"date": "2026-11-17", "lifts": {}}}}'
)
CORRUPT_FILES["lift not an object"] = (
    b'{"meta": {"1": {"schema": 2}}, "sessions": {"1": {"date": "2026-11-17", "lifts": ["Squat"]}}}'
)


@pytest.mark.parametrize("content", CORRUPT_FILES.values(), ids=CORRUPT_FILES.keys())
def test_a_corrupt_file_is_refused_and_never_written(store: Store, db: Path, content: bytes) -> None:
    """Reading and changing both refuse, naming the file, and the bytes on disk stay exactly as they were."""
    db.parent.mkdir(parents=True, exist_ok=True)
    db.write_bytes(content)
    with pytest.raises(CorruptDataFile, match=str(db)):
        store.load()
    with pytest.raises(CorruptDataFile):
        store.update(add("2026-11-18"))
    assert db.read_bytes() == content
    assert not store.backups.all()


def test_a_file_from_a_newer_schema_is_refused_and_never_written(store: Store, db: Path) -> None:
    """A newer major version is not ours to rewrite: the message says to upgrade."""
    db.parent.mkdir(parents=True, exist_ok=True)
    content = b'{"meta": {"1": {"schema": 4, "minor": 0}}, "sessions": {}}'
    db.write_bytes(content)
    with pytest.raises(NewerDataFile, match="upgrade streak"):
        store.load()
    with pytest.raises(NewerDataFile):
        store.update(add("2026-11-18"))
    assert db.read_bytes() == content


def test_an_older_schema_is_migrated_and_the_old_file_kept(
    store: Store, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opening a schema-3 file once schema 4 exists migrates it on the next change, after backing it up."""

    def rename_notes(tables: schema.Tables) -> None:
        for document in tables.get("sessions", {}).values():
            document["comments"] = document.pop("notes", None)

    store.update(add("2026-11-16", "old"))
    old_bytes = db.read_bytes()
    monkeypatch.setattr(schema, "SCHEMA", 4)
    monkeypatch.setitem(schema.MIGRATIONS, 3, rename_notes)
    assert store.load().sessions[0].note is None  # schema 4 calls them "comments"; the read is in memory only
    assert db.read_bytes() == old_bytes
    store.update(add("2026-11-18"))
    tables = json.loads(db.read_text(encoding="utf-8"))
    assert tables["meta"]["1"]["schema"] == 4
    assert tables["sessions"]["1"]["comments"][0][1] == "old"
    assert [backup.path for backup in store.backups.all() if Path(backup.path).read_bytes() == old_bytes]


def test_first_write_of_a_day_backs_up_the_previous_file(store: Store, db: Path, clock: Clock) -> None:
    """One backup a day, holding the file as it was before that day's first change."""
    store.update(add("2026-11-16"))
    assert store.backups.all() == []  # nothing existed to back up
    first = db.read_bytes()
    store.update(add("2026-11-17"))
    store.update(add("2026-11-18"))
    backups = store.backups.all()
    assert len(backups) == 1
    assert Path(backups[0].path).read_bytes() == first
    clock.now += timedelta(days=1)
    store.update(add("2026-11-19"))
    assert len(store.backups.all()) == 2


def test_backups_keep_the_newest_seven_by_default_and_the_count_is_configurable(store: Store, clock: Clock) -> None:
    """Old backups are pruned; `backups_kept` changes how many stay."""
    store.update(add("2026-01-01"))
    for offset in range(1, 11):
        clock.now += timedelta(days=1)
        store.update(add((D("2026-01-01") + timedelta(days=offset)).isoformat()))
    backups = store.backups.all()
    assert len(backups) == 7
    assert backups[0].taken == clock.now
    store.set_backups_kept(3)
    clock.now += timedelta(days=1)
    store.update(add("2026-02-01"))
    assert len(store.backups.all()) == 3
    with pytest.raises(InputError):
        store.set_backups_kept(0)


def test_restore_puts_a_backup_back_and_keeps_the_current_file(store: Store, db: Path, clock: Clock) -> None:
    """Restoring round-trips: the backup's bytes become the file, and the file before it becomes a backup."""
    store.update(add("2026-11-16"))
    clock.now += timedelta(days=1)
    store.update(add("2026-11-17"))
    current = db.read_bytes()
    clock.now += timedelta(minutes=5)
    restored = store.restore()
    assert [s.day for s in store.load().sessions] == [D("2026-11-16")]
    assert Path(restored.path).read_bytes() == db.read_bytes()
    assert any(Path(b.path).read_bytes() == current for b in store.backups.all())


def test_restore_by_name_and_unknown_names(store: Store, clock: Clock) -> None:
    """A backup can be named with or without .json; an unknown name is bad input."""
    store.update(add("2026-11-16"))
    clock.now += timedelta(days=1)
    store.update(add("2026-11-17"))
    name = store.backups.all()[0].name
    assert store.restore(name.removesuffix(".json")).name == name
    with pytest.raises(InputError, match="no backup called"):
        store.restore("streak-1999-01-01-000000")


def test_restore_rescues_a_corrupt_file_and_keeps_its_bytes(store: Store, db: Path, clock: Clock) -> None:
    """Even a corrupt file is kept as a backup before a restore replaces it."""
    store.update(add("2026-11-16"))
    clock.now += timedelta(days=1)
    store.update(add("2026-11-17"))
    db.write_bytes(b'{"meta": {"1": {"sch')
    problem = store.describe_problem(pytest.raises(CorruptDataFile, store.load).value)
    assert "streak --db" in problem and "restore" in problem
    clock.now += timedelta(minutes=1)
    store.restore()
    assert [s.day for s in store.load().sessions] == [D("2026-11-16")]
    assert any(Path(b.path).read_bytes() == b'{"meta": {"1": {"sch' for b in store.backups.all())


def test_newest_good_backup_skips_damaged_ones(store: Store, clock: Clock) -> None:
    """A damaged backup is listed as unreadable and never offered for restore."""
    store.update(add("2026-11-16"))
    clock.now += timedelta(days=1)
    store.update(add("2026-11-17"))
    good = store.backups.all()[0]
    clock.now += timedelta(days=1)
    bad = store.backups.save(b"not json", clock.now)
    assert store.newest_good_backup() == good
    assert [state.sessions for state in store.backup_states()] == [None, 1]
    assert bad.name in [state.backup.name for state in store.backup_states()]


def test_a_held_lock_times_out_without_touching_the_file(store: Store, db: Path) -> None:
    """While another process holds the lock, a change waits, then gives up with a clear error."""
    store.update(add("2026-11-16"))
    before = db.read_bytes()
    with exclusive_lock(str(db) + ".lock", 1, "busy"):
        with pytest.raises(LockTimeout, match="in use by another streak"):
            store.update(add("2026-11-17"))
    assert db.read_bytes() == before
    store.update(add("2026-11-17"))  # the lock is free again


@pytest.mark.parametrize(
    "failure",
    [OSError(28, "No space left on device"), PermissionError(13, "Permission denied")],
    ids=["disk full", "read-only"],
)
def test_a_failed_write_leaves_the_old_file_and_no_temporary(
    store: Store, db: Path, monkeypatch: pytest.MonkeyPatch, failure: OSError
) -> None:
    """A full disk or a read-only folder is a data-file error; the old file is intact and no temp file lingers."""
    store.update(add("2026-11-16"))
    store.update(add("2026-11-17"))  # takes today's backup, so the next write is the data file's alone
    before = db.read_bytes()

    def fail(*args: object) -> None:
        raise failure

    monkeypatch.setattr("streak.storage.datafile.atomic.os.write", fail)
    with pytest.raises(DataFileError, match="could not be saved"):
        store.update(add("2026-11-18"))
    assert db.read_bytes() == before
    assert sorted(os.listdir(db.parent)) == ["backups", "streak.json", "streak.json.lock"]


def test_an_interrupted_replace_leaves_the_old_file(store: Store, db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Stopped between writing the temporary file and renaming it, the old file is what remains."""
    store.update(add("2026-11-16"))
    before = db.read_bytes()

    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("streak.storage.datafile.atomic.os.replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        store.update(add("2026-11-17"))
    assert db.read_bytes() == before
    assert days_and_notes(Store(str(db)).load()) == [(D("2026-11-16"), None)]


def test_a_session_that_is_not_an_object_is_refused(store: Store, db: Path) -> None:
    """A session stored as a bare string is damage, reported as such."""
    db.parent.mkdir(parents=True, exist_ok=True)
    db.write_bytes(b'{"meta": {"1": {"schema": 1}}, "sessions": {"1": "2026-11-17"}}')
    with pytest.raises(CorruptDataFile, match="sessions table holds a record that is not an object"):
        store.load()


FILE_FROM_0_1_0 = Path(__file__).parent / "data" / "schema1-written-by-0.1.0.json"


def test_a_file_written_by_streak_0_1_0_is_migrated_without_losing_a_record(store: Store, db: Path) -> None:
    """The schema-1 file of the first release reads the same, and the first change writes schema 3 after a backup."""
    db.parent.mkdir(parents=True, exist_ok=True)
    original = FILE_FROM_0_1_0.read_bytes()
    db.write_bytes(original)
    before = store.load()
    assert len(before.sessions) == 11 and before.sessions[0].note == 'squats, 5x5 "heavy" é'
    assert [(c.since.isoformat(), c.goal) for c in before.goal_changes] == [("2026-10-01", 2), ("2026-11-09", 3)]
    assert store.backups_kept() == 5
    assert db.read_bytes() == original  # reading never writes
    store.update(add("2026-11-20", "after the upgrade"))
    tables = json.loads(db.read_text(encoding="utf-8"))
    assert tables["meta"]["1"]["schema"] == schema.SCHEMA == 3
    old_session = next(doc for doc in tables["sessions"].values() if doc["date"] == "2026-10-05")
    # its check-in part is stamped the oldest time there is, and named by its day too: all schema-1 records share that time
    assert old_session["made"][0][0] == "1970-01-01T00:00:00.000Z||2026-10-05.000"
    after = store.load()
    assert days_and_notes(after)[:-1] == days_and_notes(before)
    assert [(c.since, c.goal) for c in after.goal_changes] == [(c.since, c.goal) for c in before.goal_changes]
    assert after.shown_tips == before.shown_tips
    assert [b for b in store.backups.all() if Path(b.path).read_bytes() == original]


def test_the_fingerprint_moves_with_every_change_and_only_then(store: Store, db: Path) -> None:
    """Missing, written, written by another Store, a conflict copy beside it: each looks different; reading does not."""
    missing = store.fingerprint()
    assert missing[:3] == (0, 0, 0)  # no file yet (its folder exists)
    store.update(add("2026-11-16"))
    written = store.fingerprint()
    assert written != missing
    store.load()
    assert store.fingerprint() == written
    Store(str(db)).update(add("2026-11-19"))
    again = store.fingerprint()
    assert again != written  # a new file (inode) on every write
    time.sleep(0.05)  # a folder's modification time moves in clock ticks of a few milliseconds
    (db.parent / "streak.sync-conflict-20261120-101530-ABCD2FG.json").write_bytes(db.read_bytes())
    assert store.fingerprint() != again
