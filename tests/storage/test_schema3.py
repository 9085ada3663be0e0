"""Schema 3: sessions stored as their parts, migrated from schema 2 and 1 after a backup, and read back alike."""

import json
import shutil
from datetime import date, datetime
from pathlib import Path

import pytest

from streak.core.history import edits
from streak.core.history.model import Lift
from streak.storage.datafile import schema
from streak.storage.datafile.schema import NewerDataFile
from streak.storage.store import Store

DATA = Path(__file__).parent / "data"
SCHEMA_2 = DATA / "schema2-written-before-parts.json"  # written by streak before sessions had parts
D = date.fromisoformat


def store_at(tmp_path: Path, source: Path, machine: str = "here") -> tuple[Store, Path]:
    db = tmp_path / "streak.json"
    shutil.copyfile(source, db)
    return Store(str(db), now=lambda: datetime(2026, 12, 4, 9, 0), machine=machine), db


def test_a_schema_2_file_reads_as_it_was_written(tmp_path: Path) -> None:
    """Notes, lifts, tips, the removal, goal, rest and units of the schema-2 file, exactly as the person typed them."""
    store, db = store_at(tmp_path, SCHEMA_2)
    history = store.load()
    assert [(s.day.isoformat(), s.note, len(s.lifts)) for s in history.sessions] == [
        ("2026-11-02", "squats", 2), ("2026-11-09", "lunges, tired", 1), ("2026-11-11", None, 1),
    ]  # fmt: skip
    assert history.sessions[0].lifts[1] == Lift("Romanian deadlift", 3, 8, 60.0, "kg")
    assert history.sessions[0].tip == "ac-whole-body" and history.units == "lb"
    assert [(c.since.isoformat(), c.goal) for c in history.goal_changes] == [("2026-11-09", 3)]
    assert db.read_bytes() == SCHEMA_2.read_bytes()  # reading never writes


def test_the_first_change_migrates_to_schema_3_after_a_backup_and_keeps_every_record(tmp_path: Path) -> None:
    """Lifts become compact lists with part ids; the old file is kept whole in backups/."""
    store, db = store_at(tmp_path, SCHEMA_2)
    before = store.load()
    store.update(lambda h: (edits.replace_session(h, h.session_on(D("2026-11-11"))._replace(note="press")), None))
    tables = json.loads(db.read_text(encoding="utf-8"))
    assert tables["meta"]["1"]["schema"] == schema.SCHEMA == 3
    first = next(doc for doc in tables["sessions"].values() if doc["date"] == "2026-11-02")
    assert first["lifts"][0][:5] == ["Back squat", 5, 5, 100.0, "kg"] and first["lifts"][0][5].endswith(
        "2026-11-02.002"
    )
    after = store.load()
    assert [(s.day, s.note, s.lifts, s.tip) for s in after.sessions] == [
        (s.day, "press" if s.day == D("2026-11-11") else s.note, s.lifts, s.tip) for s in before.sessions
    ]
    assert after.goal_changes == before.goal_changes and after.rest_periods == before.rest_periods
    assert [b for b in store.backups.all() if Path(b.path).read_bytes() == SCHEMA_2.read_bytes()]


def test_a_removed_day_in_a_schema_2_file_is_not_brought_back_by_an_older_copy(tmp_path: Path) -> None:
    """The schema-2 removal of 4 Nov still removes the session an older copy (from before it) holds."""
    store, db = store_at(tmp_path, SCHEMA_2)
    older = json.loads(SCHEMA_2.read_text(encoding="utf-8"))
    older["sessions"]["2"] = {"date": "2026-11-04", "note": "gone", "changed": "2026-12-03T09:26:00.000Z", "by": "x"}
    older["removed"] = {}
    (tmp_path / "streak.sync-conflict-20261203-092600-OLDCOPY.json").write_text(json.dumps(older), encoding="utf-8")
    assert [report.merged for report in store.merge_conflict_copies()] == [True]
    assert store.load().session_on(D("2026-11-04")) is None


def test_a_newer_major_is_still_refused(tmp_path: Path) -> None:
    store, db = store_at(tmp_path, SCHEMA_2)
    tables = json.loads(db.read_text(encoding="utf-8"))
    tables["meta"]["1"]["schema"] = schema.SCHEMA + 1
    db.write_text(json.dumps(tables), encoding="utf-8")
    with pytest.raises(NewerDataFile, match="upgrade streak"):
        store.load()


def test_two_machines_migrating_one_schema_2_file_give_its_parts_the_same_ids(tmp_path: Path) -> None:
    """So their migrated copies merge without doubling a lift or a note."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    a, _ = store_at(tmp_path / "a", SCHEMA_2)
    b, b_path = store_at(tmp_path / "b", SCHEMA_2)
    a.update(lambda h: (edits.set_units(h, "kg"), None))
    b.update(lambda h: (edits.set_goal(h, D("2026-11-16"), 4), None))
    shutil.copyfile(b_path, tmp_path / "a" / "streak.sync-conflict-20261204-090000-B.json")
    a.merge_conflict_copies()
    merged = a.load()
    assert [(s.note, len(s.lifts)) for s in merged.sessions] == [("squats", 2), ("lunges, tired", 1), (None, 1)]


def test_notes_joined_past_500_characters_are_kept_whole(tmp_path: Path) -> None:
    """Two 300-character notes written apart on one day: the joined note (603 characters) is kept, read back and exported."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    a, a_path = store_at(tmp_path / "a", SCHEMA_2, "laptop")
    b, b_path = store_at(tmp_path / "b", SCHEMA_2, "desktop")  # the same millisecond: the machine orders them
    a.update(lambda h: (edits.replace_session(h, h.session_on(D("2026-11-11"))._replace(note="a" * 300)), None))
    b.update(lambda h: (edits.replace_session(h, h.session_on(D("2026-11-11"))._replace(note="b" * 300)), None))
    shutil.copyfile(b_path, tmp_path / "a" / "streak.sync-conflict-20261204-090000-B.json")
    a.merge_conflict_copies()
    note = Store(str(a_path)).load().session_on(D("2026-11-11")).note
    assert note == "b" * 300 + " / " + "a" * 300


@pytest.mark.parametrize(
    "damage",
    [
        lambda session: session["lifts"][1].pop("unit"),  # a lift of another shape
        lambda session: session.update(lifts="5x5 at 100"),  # lifts that are no list
    ],
    ids=["a lift without its unit", "lifts that are no list"],
)
def test_a_damaged_lift_in_a_schema_2_copy_costs_the_lift_not_the_note(tmp_path: Path, damage) -> None:
    """The copy is migrated part by part: its session keeps its note and check-in, and the lift is named."""
    store, db = store_at(tmp_path, SCHEMA_2)
    store.update(lambda h: (edits.set_units(h, "kg"), None))  # this file migrated; the copy is still schema 2
    copy = json.loads(SCHEMA_2.read_text())
    first = copy["sessions"]["1"]
    first["note"], first["changed"] = "squats, then a heavy single", "2026-12-04T08:00:00.000Z"
    damage(first)
    (tmp_path / "streak.sync-conflict-20261204-090000-B.json").write_text(json.dumps(copy))
    [report] = store.merge_conflict_copies()
    merged = store.load()
    assert merged.sessions[0].note == "squats / squats, then a heavy single"  # both versions kept
    assert report.merged and "left out" in report.line, report.line
    assert "1 lift on 2 Nov" in report.line, report.line
