"""Imports tell what they bring: lifts joining days already present, goal changes and rest weeks coming along."""

import json
from pathlib import Path

from helpers import refused

LIFTS_CSV = "date,exercise,sets,reps,weight,unit\n"


def lifts_csv(path: Path, *rows: str) -> Path:
    """A lifts-csv file with the given rows under its header."""
    path.write_text(LIFTS_CSV + "".join(f"{row}\n" for row in rows), encoding="utf-8")
    return path


def lifts_on(streak, day: str) -> list[str]:  # noqa: ANN001
    """Every lift on `day`, as `exercise SETSxREPS WEIGHTunit`, from `lifts --exercise` of each exercise."""
    found = []
    for summary in json.loads(streak("lifts", "--json").out):
        for lift in json.loads(streak("lifts", "--exercise", summary["exercise"], "--json").out):
            if lift["date"] == day:
                found.append(f"{summary['exercise']} {lift['sets']}x{lift['reps']} {lift['weight']}{lift['unit']}")
    return sorted(found)


def test_a_lifts_csv_adds_its_lifts_to_days_already_present(streak, tmp_path: Path) -> None:  # noqa: ANN001
    """A day already checked in gains the file's lifts it lacks; equal lifts are matched as often as they occur."""
    assert streak("checkin", "--date", "2026-11-16", "--lift", "back squat 5x5 100kg").status == 0
    source = lifts_csv(
        tmp_path / "lifts.csv",
        "2026-11-16,Back Squat,5,5,100,kg",  # already there (names compare without case)
        "2026-11-16,back squat,5,5,100,kg",  # a second equal set: not there yet
        "2026-11-16,RDL,3,8,60,kg",
        "2026-11-18,walking lunge,3,12,0,kg",
    )
    run = streak("import", str(source))
    assert run.status == 0, run
    assert run.out == "Imported 1 session; skipped 1 already present. 3 lifts were added.\n"
    assert lifts_on(streak, "2026-11-16") == [
        "Back squat 5x5 100kg",
        "Back squat 5x5 100kg",
        "Romanian deadlift 3x8 60kg",
    ]
    assert lifts_on(streak, "2026-11-18") == ["Walking lunge 3x12 0kg"]


def test_importing_one_lifts_csv_twice_changes_nothing(streak, tmp_path: Path, db: Path) -> None:  # noqa: ANN001
    """The second import of the same file adds no lift and leaves the data file byte for byte as it was."""
    assert streak("checkin", "--date", "2026-11-16").status == 0
    source = lifts_csv(tmp_path / "lifts.csv", "2026-11-16,back squat,5,5,100,kg", "2026-11-16,back squat,5,5,100,kg")
    first = json.loads(streak("import", str(source), "--json").out)
    assert first == {"imported": 0, "skipped": 1, "lifts_added": 2}
    before = db.read_bytes()
    dry = streak("import", str(source), "--dry-run")
    assert (
        dry.out
        == "Would import 0 sessions; would skip 1 already present. 0 lifts would be added. Nothing was changed.\n"
    )
    again = json.loads(streak("import", str(source), "--json").out)
    assert again == {"imported": 0, "skipped": 1, "lifts_added": 0}
    assert db.read_bytes() == before


def test_a_dry_run_counts_the_lifts_it_would_add_and_adds_none(streak, tmp_path: Path) -> None:  # noqa: ANN001
    """--dry-run --json says how many lifts would join, and the day keeps only its own."""
    assert streak("checkin", "--date", "2026-11-16", "--lift", "RDL 3x8 60").status == 0
    source = lifts_csv(tmp_path / "lifts.csv", "2026-11-16,RDL,3,8,60,kg", "2026-11-16,goblet squat,3,10,24,kg")
    preview = json.loads(streak("import", str(source), "--dry-run", "--json").out)
    assert preview == {"imported": 0, "skipped": 1, "lifts_added": 1}
    assert lifts_on(streak, "2026-11-16") == ["Romanian deadlift 3x8 60kg"]


def test_a_lifts_csv_that_would_overfill_a_day_is_refused_whole(streak, tmp_path: Path) -> None:  # noqa: ANN001
    """A day holding 20 lifts cannot take one more: the import is refused in one line and nothing changes."""
    lifts = [arg for k in range(20) for arg in ("--lift", f"back squat 1x{k + 1} 100")]
    assert streak("checkin", "--date", "2026-11-16", *lifts).status == 0
    source = lifts_csv(tmp_path / "lifts.csv", "2026-11-16,RDL,3,8,60,kg", "2026-11-18,RDL,3,8,60,kg")
    refused(streak("import", str(source)), 2, "2026-11-16", "20 lifts")
    assert json.loads(streak("status", "--json").out)["total_sessions"] == 1


def test_a_json_export_says_which_goal_changes_and_rest_weeks_come_along(streak, tmp_path: Path, db: Path) -> None:  # noqa: ANN001
    """The dry run and the report name how many goal changes and rest weeks an export brings; a csv says nothing of them."""
    assert streak("checkin", "--date", "2026-11-09").status == 0
    assert streak("goal", "3", "--from", "2026-11-16").status == 0
    assert streak("rest", "2026-11-30", "2026-12-10").status == 0
    export = tmp_path / "export.json"
    assert streak("export", "--output", str(export)).status == 0
    db.unlink()
    assert streak("checkin", "--date", "2026-11-09").status == 0
    dry = streak("import", str(export), "--dry-run")
    assert dry.out == (
        "Would import 0 sessions; would skip 1 already present. 1 goal change and 2 rest weeks would come along,"
        " for weeks that had none. Nothing was changed.\n"
    )
    done = streak("import", str(export))
    assert done.out == (
        "Imported 0 sessions; skipped 1 already present. 1 goal change and 2 rest weeks came along,"
        " for weeks that had none.\n"
    )
    assert json.loads(streak("goal", "--json").out)["goal"] == 3
    again = streak("import", str(export))
    assert again.out == "Imported 0 sessions; skipped 1 already present.\n"  # nothing more comes along


def test_the_json_of_a_plain_import_keeps_its_two_keys(streak, tmp_path: Path) -> None:  # noqa: ANN001
    """A `date,note` csv reports exactly imported and skipped: lifts_added belongs to a lifts-csv."""
    source = tmp_path / "days.csv"
    source.write_text("date,note\n2026-11-16,heavy\n", encoding="utf-8")
    assert json.loads(streak("import", str(source), "--json").out) == {"imported": 1, "skipped": 0}
