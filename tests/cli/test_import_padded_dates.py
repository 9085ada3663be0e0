"""A date in an imported file is exactly YYYY-MM-DD (SPEC.md): a padded one is refused, as the oidia reader refuses it."""

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from helpers import Run, one_line_error


def streak_export(streak: Callable[..., Run], tmp_path: Path) -> str:
    """A real export of one session, its date then padded with a space."""
    assert streak("checkin", "--date", "2026-11-16", "--note", "legs").status == 0
    exported = json.loads(streak("export").out)
    exported["sessions"][0]["date"] = " " + exported["sessions"][0]["date"]
    return json.dumps(exported)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("padded.csv", "date,note\n 2026-03-05,squats\n"),
        ("trailing.csv", "date,note\n2026-03-05 ,squats\n"),
        ("lifts.csv", "date,exercise,sets,reps,weight,unit\n 2026-03-09,Back squat,5,5,100,kg\n"),
    ],
)
def test_a_padded_date_in_a_csv_is_refused_in_one_line(
    streak: Callable[..., Run], db: Path, tmp_path: Path, name: str, text: str
) -> None:
    assert streak("checkin", "--date", "2026-11-16").status == 0
    before = db.read_bytes()
    source = tmp_path / name
    source.write_text(text)
    run = streak("import", str(source))
    one_line_error(run, 2, "is not a date")
    assert db.read_bytes() == before


def test_a_padded_date_in_a_streak_export_is_refused_in_one_line(
    streak: Callable[..., Run], db: Path, tmp_path: Path
) -> None:
    source = tmp_path / "export.json"
    source.write_text(streak_export(streak, tmp_path))
    before = db.read_bytes()
    one_line_error(streak("import", str(source)), 2, "is not a date")
    assert db.read_bytes() == before
