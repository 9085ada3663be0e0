"""What a newer minor version of streak wrote survives this one's edits and merges (schema.py's promise).

A newer minor only adds keys; a person running two versions on synced machines must not lose
them because the older one touched a record, or merged a conflict copy the newer one left.
"""

import json
from pathlib import Path

COPY = "streak.sync-conflict-20261120-101010-ABCDEFG.json"


def newer_file(cli, db: Path) -> dict:  # noqa: ANN001
    """A file with one session of two lifts, then given what a minor-5 streak would add."""
    assert cli("checkin", "--date", "2026-10-01", "--lift", "back squat 5x5 100kg", "--lift", "lunge 3x10").status == 0
    tables = json.loads(db.read_text())
    tables["meta"]["1"]["minor"] = 5
    session = tables["sessions"]["1"]
    session["mood"] = "great"
    tables["future_table"] = {"1": {"x": 1}}
    db.write_text(json.dumps(tables))
    return tables


def test_editing_a_note_keeps_the_newer_keys_of_its_session(cli, db: Path) -> None:  # noqa: ANN001
    newer_file(cli, db)
    assert cli("edit", "2026-10-01", "--note", "heavy day").status == 0
    tables = json.loads(db.read_text())
    session = tables["sessions"]["1"]
    assert [text for _, text in session["notes"]] == ["heavy day"] and session["mood"] == "great"
    assert tables["future_table"] == {"1": {"x": 1}} and tables["meta"]["1"]["minor"] == 5


def test_adding_a_lift_keeps_the_lifts_already_there_and_the_sessions_newer_keys(cli, db: Path) -> None:  # noqa: ANN001
    newer_file(cli, db)
    assert cli("edit", "2026-10-01", "--lift", "RDL 3x8 60").status == 0
    session = json.loads(db.read_text())["sessions"]["1"]
    assert [lift[0] for lift in session["lifts"]] == ["Back squat", "Lunge", "Romanian deadlift"]
    assert session["mood"] == "great"


def test_a_merged_conflict_copy_brings_its_newer_keys_along(cli, db: Path) -> None:  # noqa: ANN001
    tables = newer_file(cli, db)
    copy = json.loads(json.dumps(tables))
    copy["sessions"]["2"] = {
        "date": "2026-10-02",
        "made": [["2026-11-20T10:00:00.000Z|0123456789abcdef|000", None]],
        "lifts": [["Back squat", 5, 5, 90, "kg", "2026-11-20T10:00:00.000Z|0123456789abcdef|001"]],
        "rpe": 9,
    }
    copy["settings"] = {"1": {"theme": "dark"}}
    copy["future_table"] = {"1": {"y": 2}}  # both have it: this version cannot know how to merge it
    copy["other_table"] = {"1": {"z": 3}}
    (db.parent / COPY).write_text(json.dumps(copy))

    run = cli("status")

    assert run.status == 0 and "merged 1 session" in run.err
    merged = json.loads(db.read_text())
    added = next(doc for doc in merged["sessions"].values() if doc["date"] == "2026-10-02")
    assert added["rpe"] == 9 and added["lifts"][0][:5] == ["Back squat", 5, 5, 90, "kg"]
    assert merged["sessions"]["1"]["mood"] == "great"
    assert merged["settings"]["1"]["theme"] == "dark"
    assert merged["other_table"] == {"1": {"z": 3}}
    assert merged["future_table"] == {"1": {"x": 1}}  # ours, with the copy itself kept in backups/
    assert (db.parent / "backups" / COPY).exists()


def test_merging_into_a_read_only_data_file_leaves_the_copy_and_still_shows_the_status(cli, db: Path) -> None:  # noqa: ANN001
    assert cli("checkin", "--date", "2026-11-16").status == 0
    copy = db.parent / COPY
    copy.write_bytes(db.read_bytes())
    assert cli("--db", str(copy), "checkin", "--date", "2026-11-17").status == 0
    db.chmod(0o444)
    before = db.read_bytes()

    prompt = cli("status", "--short")  # a prompt's line, and nothing on stderr (SPEC.md)
    assert prompt.status == 0 and prompt.out.startswith("legs") and prompt.err == ""
    run = cli("status")

    assert run.status == 0
    assert "could not merge the copy made by Syncthing on 20 Nov" in run.err and "is read-only" in run.err
    assert copy.exists() and db.read_bytes() == before
    change = cli("checkin", "--date", "2026-11-18")  # a change still says why it cannot be made
    assert change.status == 3 and change.err.splitlines()[-1].endswith(
        "read-only, so it was left as it was; make it writable to change it"
    )
    assert db.read_bytes() == before
