"""The training log through the real command line: recording lifts, records, the log, edits and both export formats."""

import json
from pathlib import Path

import pytest

from helpers import Run


def refused(run: Run, status: int, *words: str) -> None:
    """One line on stderr naming the problem, nothing on stdout, no traceback."""
    assert run.status == status, run
    assert run.out == "" and "Traceback" not in run.err
    assert len(run.err.strip().splitlines()) == 1 and all(word in run.err for word in words), run.err


def test_a_heavier_squat_is_a_personal_record_with_its_badge(streak) -> None:  # noqa: ANN001
    """The second squat session beats the first's e1RM: checkin --json lists the record and First PR."""
    assert streak("checkin", "--date", "2026-11-16", "--lift", "back squat 5x5 100kg").status == 0
    document = json.loads(streak("checkin", "--date", "2026-11-18", "--lift", "squat 5x5 105", "--json").out)
    assert document["prs"] == [{"exercise": "Back squat", "e1rm_kg": 122.5, "previous_kg": 116.67}]
    assert "first-pr" in [badge["id"] for badge in document["new_badges"]]
    assert document["tip"]["moment"] == "personal-record"  # progressive overload, after a record


def test_the_first_session_of_an_exercise_sets_a_baseline_not_a_record(streak) -> None:  # noqa: ANN001
    """Nothing to beat yet: no record, no badge."""
    document = json.loads(streak("checkin", "--lift", "RDL 3x8 60", "--json").out)
    assert document["prs"] == []


@pytest.mark.parametrize(
    ("lift", "words"),
    [
        ("squat 5x", ["SETSxREPS", "back squat 5x5 100kg"]),
        ("squat 0x5", ["squat 0x5"]),
        ("squat 5x5 -20", ["EXERCISE SETSxREPS"]),
        ("squat 5x5 5000kg", ["1000"]),
        ("squat 5x5 100st", ["EXERCISE SETSxREPS"]),
    ],
)
def test_a_malformed_lift_is_refused_and_nothing_is_stored(streak, db: Path, lift: str, words: list[str]) -> None:  # noqa: ANN001
    """Exit 2 with the expected form, and the data file byte for byte as it was."""
    assert streak("checkin", "--date", "2026-11-16").status == 0
    before = db.read_bytes()
    refused(streak("checkin", "--date", "2026-11-18", "--lift", lift), 2, *words)
    assert db.read_bytes() == before


def test_more_than_twenty_lifts_are_refused(streak, db: Path) -> None:  # noqa: ANN001
    """A session holds at most 20 lifts."""
    lifts = [arg for _ in range(21) for arg in ("--lift", "calf raise 3x15")]
    refused(streak("checkin", *lifts), 2, "20")
    assert not db.exists()


def test_edit_adds_and_clears_lifts_and_changes_the_note(streak) -> None:  # noqa: ANN001
    """edit --note, --lift and --clear-lifts change the recorded session, as export shows."""
    streak("checkin", "--date", "2026-11-16", "--lift", "leg press 3x10 140")
    assert streak("edit", "2026-11-16", "--note", "felt strong", "--lift", "calf raise 3x15 40lb").status == 0
    session = json.loads(streak("export").out)["sessions"][0]
    assert session["note"] == "felt strong"
    assert [lift["exercise"] for lift in session["lifts"]] == ["Leg press", "Calf raise"]
    assert streak("edit", "2026-11-16", "--clear-lifts").status == 0
    assert "lifts" not in json.loads(streak("export").out)["sessions"][0]
    refused(streak("edit", "2026-11-17", "--note", "x"), 1, "no session")
    refused(streak("edit", "2026-11-16"), 2, "nothing to change")


def test_lifts_json_lists_best_last_and_records(streak) -> None:  # noqa: ANN001
    """Sorted by exercise; best is the highest e1RM, last the latest lift; --exercise marks the record lift."""
    streak("checkin", "--date", "2026-11-09", "--lift", "back squat 5x5 100", "--lift", "walking lunge 3x12")
    streak("checkin", "--date", "2026-11-12", "--lift", "back squat 3x3 120", "--lift", "back squat 5x5 90")
    summary = json.loads(streak("lifts", "--json").out)
    assert [row["exercise"] for row in summary] == ["Back squat", "Walking lunge"]
    squat = summary[0]
    assert (squat["sessions"], squat["prs"]) == (2, 1)
    assert squat["best"] == {"date": "2026-11-12", "sets": 3, "reps": 3, "weight": 120, "unit": "kg", "e1rm_kg": 132.0}
    assert squat["last"]["weight"] == 90
    assert summary[1]["best"] is None and summary[1]["last"]["e1rm_kg"] is None
    log = json.loads(streak("lifts", "--exercise", "SQUAT", "--json").out)
    assert [(entry["date"], entry["weight"], entry["pr"]) for entry in log] == [
        ("2026-11-12", 120, True), ("2026-11-12", 90, False), ("2026-11-09", 100, False),
    ]  # fmt: skip
    refused(streak("lifts", "--exercise", "nordic curl"), 2, "nordic curl")


def test_lifts_round_trip_through_both_export_formats(streak, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    """JSON and lifts-csv exports of a log import into a new file as the same lifts."""
    from streak.cli.main import main

    streak("checkin", "--date", "2026-11-09", "--lift", "back squat 5x5 100", "--lift", "RDL 3x8 132.5lb")
    streak("checkin", "--date", "2026-11-12", "--note", "short one", "--lift", "goblet squat 3x10 24.5")
    for fmt in ("json", "lifts-csv"):
        exported = tmp_path / f"export.{fmt}"
        assert streak("export", "--format", fmt, "--output", str(exported)).status == 0
        copy = tmp_path / f"copy-{fmt}.json"
        capsys.readouterr()
        assert main(["--db", str(copy), "import", str(exported), "--json"]) == 0
        assert json.loads(capsys.readouterr().out) == {"imported": 2, "skipped": 0}
        capsys.readouterr()
        main(["--db", str(copy), "export", "--format", "lifts-csv"])
        assert capsys.readouterr().out == streak("export", "--format", "lifts-csv").out


def test_units_setting_reads_bare_weights_in_pounds(streak) -> None:  # noqa: ANN001
    """After settings --units lb, a weight with no unit is in pounds."""
    assert json.loads(streak("settings", "--units", "lb", "--json").out)["units"] == "lb"
    streak("checkin", "--lift", "back squat 5x5 225")
    lift = json.loads(streak("export").out)["sessions"][0]["lifts"][0]
    assert (lift["weight"], lift["unit"]) == (225, "lb")
