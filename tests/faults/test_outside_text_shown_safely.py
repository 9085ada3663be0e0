"""Issue 21, item 1: text from outside the keyboard (a data file, a synced copy, an imported file) never reaches
the terminal or an export raw, and every export of it imports again.

Exercise names with an escape, a C1 control or a bidi override can only come from a hand-edited
data file or a synced copy; the CLI shows them with visible escapes, and each export format writes
them in a form `import` takes back.
"""

import json
from datetime import date
from pathlib import Path

import pytest

from helpers import TODAY
from streak.core.history.model import History, Lift, Session
from streak.storage.store import Store

TITLE_CHANGE = "\x1b]0;pwned\x07"  # what set the terminal's title in the test
HOSTILE_NAMES = (
    f"squat{TITLE_CHANGE}",
    "deadlift\u202egnp.exe",  # a right-to-left override
    "lunge\x9b31m",  # a C1 control sequence introducer
    "hip\u2028thrust",  # a line separator
    "x" * 55 + "\x1b" * 10,  # escapes that make the exported name longer than import takes
)
RAW = ("\x1b", "\x07", "\x9b", "\u202e", "\u2028")


def hand_edited(db: Path) -> None:
    """A data file holding lifts whose exercise names no one could type, as a hand edit or a synced copy leaves them."""
    lifts = tuple(Lift(name, 3, 5, 100.0, "kg") for name in HOSTILE_NAMES)
    note = f"felt strong{TITLE_CHANGE}"
    Store(str(db)).update(lambda history: (History((Session(date(2026, 11, 16), note, lifts),)), None))


def test_the_command_line_shows_such_names_with_visible_escapes(streak, db: Path) -> None:  # noqa: ANN001
    hand_edited(db)
    for args in (["lifts"], ["lifts", "--json"], ["lifts", "--exercise", HOSTILE_NAMES[0]], ["history"]):
        run = streak(*args)
        assert run.status == 0, run
        assert not any(char in run.out + run.err for char in RAW), args
    assert "squat\\x1b]0;pwned\\x07" in streak("lifts").out


@pytest.mark.parametrize("export_format", ["json", "csv", "lifts-csv"])
def test_every_export_of_such_text_is_free_of_raw_controls_and_imports_again(
    streak,
    db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    export_format: str,  # noqa: ANN001
) -> None:
    hand_edited(db)
    exported = tmp_path / f"export.{export_format}"
    assert streak("export", "--format", export_format, "--output", str(exported)).status == 0
    text = exported.read_text(encoding="utf-8")
    assert not any(char in text for char in RAW)

    from streak.cli.main import main

    fresh = tmp_path / "fresh.json"
    capsys.readouterr()
    assert main(["--db", str(fresh), "import", str(exported)], today=TODAY) == 0, capsys.readouterr().err
    (session,) = Store(str(fresh)).load().sessions
    if export_format == "csv":
        assert session.note == "felt strong\\x1b]0;pwned\\x07"
        return
    names = [lift.exercise for lift in session.lifts]
    assert names[:4] == ["squat\\x1b]0;pwned\\x07", "deadlift\\u202egnp.exe", "lunge\\x9b31m", "hip\\u2028thrust"]
    assert len(names[4]) == 60 and names[4].endswith("…")
    # And the imported history exports and imports once more, unchanged.
    again = tmp_path / f"again.{export_format}"
    assert main(["--db", str(fresh), "export", "--format", export_format, "--output", str(again)], today=TODAY) == 0
    assert again.read_text(encoding="utf-8") == text


def test_a_json_export_of_typed_names_round_trips_exactly(streak, db: Path, tmp_path: Path) -> None:  # noqa: ANN001
    typed = ["Café squat 5x5 60", "Back squat 3x3 140kg", "=cable pull 3x10 20"]
    assert (
        streak("checkin", "--date", "2026-11-16", "--new-exercise", *(f"--lift={lift}" for lift in typed)).status == 0
    )
    exported = tmp_path / "export.json"
    assert streak("export", "--output", str(exported)).status == 0
    exercises = [lift["exercise"] for lift in json.loads(exported.read_text())["sessions"][0]["lifts"]]
    assert exercises == ["Café squat", "Back squat", "=cable pull"]
