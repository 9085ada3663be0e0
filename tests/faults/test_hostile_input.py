"""Issue 10, input: extreme dates, foreign encodings, deep nesting, escapes in notes, usage errors, import limits.

Each case runs the installed `streak` script as a real process; the bytes on disk are checked after.
"""

import csv
import io
import json
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest

from helpers import TODAY, Run, refused
from streak.core.exchange.export import neutralise_formula, read_export, restore_formula, to_csv
from streak.core.history.model import History, Session
from streak.storage.exchange.files import MAX_EXCHANGE_BYTES
from streak.storage.store import Store

YESTERDAY = (date.today() - timedelta(days=1)).isoformat()


def write_history(db: Path, *sessions: tuple[str, str | None]) -> bytes:
    """A data file holding these sessions exactly as given (notes too), as a hand-edited file might."""
    history = History(tuple(Session(date.fromisoformat(day), note) for day, note in sessions))
    Store(str(db)).update(lambda old: (history, None))
    return db.read_bytes()


# 6: supported years


@pytest.mark.parametrize(
    "command",
    [
        ["checkin", "--date", "0001-01-01"],
        ["goal", "3", "--from", "0001-01-01"],
        ["status", "--as-of", "9999-12-31"],
        ["remove", "1899-12-31"],
    ],
)
def test_dates_outside_the_supported_years_are_bad_input(cli, db: Path, command: list[str]) -> None:  # noqa: ANN001
    """Exit 2 naming the supported years; the file untouched."""
    before = write_history(db, ("2024-04-01", None))
    refused(cli(*command), 2, "1900 to 9998")
    assert db.read_bytes() == before


def test_the_edges_of_the_supported_years_work_in_every_command(cli, db: Path, tmp_path: Path) -> None:  # noqa: ANN001
    """1900-01-01 and 9998-12-31, under either first weekday; an import row from 1899 refuses the file."""
    assert cli("checkin", "--date", "1900-01-01").status == 0
    assert cli("goal", "--week-start", "sunday").status == 0
    assert cli("goal", "3", "--from", "9998-12-31").status == 0
    assert json.loads(cli("status", "--as-of", "9998-12-31", "--json").out)["goal"] == 3
    assert cli("history", "--weeks", "5200").status == 0
    old = tmp_path / "old.csv"
    old.write_text("date,note\n1899-12-31,\n", encoding="utf-8")
    refused(cli("import", str(old)), 2, "line 2", "1900 to 9998")


# 7: encodings


def test_a_note_with_bytes_that_are_not_text_is_refused(cli, db: Path) -> None:  # noqa: ANN001
    """`--note $'squats \\xff'`: exit 2 showing the byte, nothing stored, export still works."""
    write_history(db, ("2024-04-01", "lunges"))
    before = db.read_bytes()
    refused(cli("checkin", "--note", b"squats \xff"), 2, "squats \\xff", "not utf-8 text")
    assert db.read_bytes() == before
    assert cli("export").status == 0


@pytest.mark.parametrize("encoding", ["ascii", "latin-1", "cp1252"])
def test_output_never_crashes_whatever_the_terminal_encoding(cli, db: Path, encoding: str) -> None:  # noqa: ANN001
    """Check-in, status, badges and history print ●, ★ and notes in any encoding; what cannot show is replaced."""
    environment = {"PYTHONIOENCODING": encoding}
    run = cli("checkin", "--date", YESTERDAY, "--note", "squats ● été", env=environment)
    assert run.status == 0 and "Traceback" not in run.err, run
    for command in (["status"], ["badges"], ["history"], ["tip"], ["goal"], ["backup"]):
        shown = cli(*command, env=environment)
        assert shown.status == 0 and shown.err == "", shown
    exported = cli("export", env=environment)
    assert json.loads(exported.out)["sessions"][0]["note"] == "squats ● été"  # an export is UTF-8 bytes, always


def test_bytes_that_are_not_utf8_name_loop_files_only_when_the_kind_was_guessed(cli, db: Path, tmp_path: Path) -> None:  # noqa: ANN001
    """Bytes like nothing streak reads might have been meant as a Loop file; a harsh log in latin-1 is just not UTF-8."""
    noise = tmp_path / "Loop Habits Backup.db"
    noise.write_bytes(bytes(range(256)))
    refused(
        cli("import", str(noise)), 2, "neither UTF-8 text (byte 128 is not) nor a Loop Habit Tracker database or zip"
    )
    log = tmp_path / "legs.log"
    log.write_bytes("2026-11-02 : Leg day : y : très dur\n".encode("latin-1"))
    for command in (["import", str(log)], ["import", str(log), "--from", "harsh"]):
        run = cli(*command)
        refused(run, 2, "it is not UTF-8 text (byte 29 is not); a text file in another encoding needs saving as UTF-8")
        assert "Loop" not in run.err


def test_a_non_utf8_import_on_standard_input_is_refused_like_a_file(cli, db: Path) -> None:  # noqa: ANN001
    """Latin-1 bytes piped in: exit 2 naming standard input, nothing imported."""
    before = write_history(db, ("2024-04-01", None))
    refused(cli("import", "-", stdin="date,note\n2024-04-02,jambes très lourdes\n".encode("latin-1")), 2, "UTF-8")
    assert db.read_bytes() == before
    run = cli("import", "-", "--json", stdin="date,note\n2024-04-02,jambes très lourdes\n".encode())
    assert json.loads(run.out) == {"imported": 1, "skipped": 0}


# 8: deep nesting


def test_a_deeply_nested_import_is_bad_input(cli, db: Path, tmp_path: Path) -> None:  # noqa: ANN001
    """100,000 levels of JSON: exit 2, the data file untouched."""
    before = write_history(db, ("2024-04-01", None))
    nested = tmp_path / "nested.json"
    deep = "[" * 100_000 + "]" * 100_000
    nested.write_text('{"format": "streak-export", "sessions": ' + deep + "}", encoding="utf-8")
    refused(cli("import", str(nested)), 2, "nested too deeply")
    assert db.read_bytes() == before


def test_a_deeply_nested_data_file_is_a_data_file_problem(cli, db: Path) -> None:  # noqa: ANN001
    """100,000 levels in the data file: exit 3 for reading and writing, the bytes untouched."""
    content = b'{"meta": {"1": {"schema": 1}}, "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    db.write_bytes(content)
    refused(cli("status"), 3, "nested too deeply")
    refused(cli("checkin"), 3, "nested too deeply")
    assert db.read_bytes() == content


# 13: escapes in notes


@pytest.mark.parametrize(
    ("note", "words"),
    [
        ("red \x1b[31m", ["control character", "\\x1b"]),
        ("next\x85line", ["control character", "\\x85"]),
        ("\u202eevil", ["bidirectional", "\\u202e"]),
        ("isolate \u2066x\u2069", ["bidirectional", "\\u2066"]),
        ("one\u2028two", ["separator", "\\u2028"]),
    ],
)
def test_notes_with_escapes_bidi_overrides_or_separators_are_refused(
    cli, db: Path, note: str, words: list[str]
) -> None:  # noqa: ANN001
    """Exit 2 naming the character as an escape; nothing written; the terminal never sees it raw."""
    refused(cli("checkin", "--date", YESTERDAY, "--note", note), 2, *words)
    assert not db.exists()


ESCAPING_NOTES = [("2024-04-01", "red \x1b[31mALERT\x1b[0m"), ("2024-04-02", "\u202eevil"), ("2024-04-03", "a\u2028b")]


@pytest.mark.parametrize("export_format", ["json", "csv"])
def test_escapes_a_file_holds_are_exported_visibly_and_import_again(
    cli, db: Path, tmp_path: Path, export_format: str
) -> None:  # noqa: ANN001
    """No raw escape reaches the terminal; the export shows them as \\x1b or \\u202e and imports into a new file."""
    write_history(db, *ESCAPING_NOTES)
    run = cli("export", "--format", export_format)
    assert run.status == 0
    for raw in ("\x1b", "\u202e", "\u2028"):
        assert raw not in run.out
    assert "\\x1b[31mALERT" in run.out and "\\u202eevil" in run.out
    exported = tmp_path / f"export.{export_format}"
    exported.write_text(run.out, encoding="utf-8")
    copy = tmp_path / "copy.json"
    assert json.loads(cli("--db", str(copy), "import", str(exported), "--json").out)["imported"] == 3


FORMULAS = ['=HYPERLINK("http://evil","x")', "+1+2", "-5 reps felt light", "@SUM(A1)", "'=already quoted", "'plain"]


def test_csv_export_neutralises_formulas_and_import_undoes_it_exactly(cli, db: Path, tmp_path: Path) -> None:  # noqa: ANN001
    """No cell starts with = + - or @; importing the CSV gives back every note exactly."""
    for offset, note in enumerate(FORMULAS):
        assert cli("checkin", "--date", f"2024-04-{offset + 1:02d}", "--note", note).status == 0
    exported = cli("export", "--format", "csv").out
    cells = [row[1] for row in csv.reader(io.StringIO(exported))][1:]
    assert all(cell[0] not in "=+-@" for cell in cells)
    source = tmp_path / "sheet.csv"
    source.write_text(exported, encoding="utf-8")
    copy = tmp_path / "copy.json"
    assert cli("--db", str(copy), "import", str(source)).status == 0
    assert [session.note for session in Store(str(copy)).load().sessions] == FORMULAS


@pytest.mark.parametrize("note", FORMULAS + ["''+", "'", "=", "plain", "'-'"])
def test_neutralising_a_formula_is_undone_exactly(note: str) -> None:
    """restore_formula(neutralise_formula(x)) is x, and nothing neutralised starts a formula."""
    assert restore_formula(neutralise_formula(note)) == note
    assert neutralise_formula(note)[:1] not in ("=", "+", "-", "@")


def test_a_csv_cell_a_spreadsheet_saved_without_the_apostrophe_still_imports() -> None:
    """A spreadsheet may drop the apostrophe on saving: the note comes back as typed."""
    imported = read_export("date,note\n2024-04-01,=1+1\n2024-04-02,'=1+1\n", date(2024, 5, 1))
    assert [session.note for session in imported.sessions] == ["=1+1", "=1+1"]
    assert to_csv(History(imported.sessions)).splitlines()[1] == "2024-04-01,'=1+1"


# 15: usage errors are one line pointing at --help


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["chekin"], ["invalid choice", "see streak --help"]),
        (["status", "--colour"], ["unrecognized arguments: --colour", "see streak status --help"]),
        (
            ["rest", "2026-01-05", "2026-01-11", "2026-01-18"],
            ["unrecognized arguments: 2026-01-18", "see streak rest --help"],
        ),
        (["edit", "2026-11-16", "--json"], ["unrecognized arguments: --json", "see streak edit --help"]),
        (["--colour"], ["unrecognized arguments: --colour", "see streak --help"]),
        (["import"], ["required: FILE", "see streak import --help"]),
        (["checkin", "--date"], ["expected one argument", "see streak checkin --help"]),
        (["goal", "--week-start", "friday"], ["invalid choice", "see streak goal --help"]),
        (["history", "--weeks", "0"], ["--weeks", "see streak history --help"]),
    ],
)
def test_usage_errors_are_one_line_pointing_at_help(cli, args: list[str], words: list[str]) -> None:  # noqa: ANN001
    """No usage block: one line naming the problem and where help is, exit 2."""
    run = cli(*args)
    refused(run, 2, *words)
    assert "usage:" not in run.err


# 17: one size limit, also for standard input; export never writes what import refuses


def test_standard_input_over_the_size_limit_is_refused(cli, db: Path) -> None:  # noqa: ANN001
    """Piping more than the limit into `import -` is exit 2, like a file that size."""
    before = write_history(db, ("2024-04-01", None))
    huge = b"date,note\n" + b"2024-04-02,x\n" * (MAX_EXCHANGE_BYTES // 13 + 1)
    refused(cli("import", "-", stdin=huge), 2, "standard input", "larger than 20 MB")
    assert db.read_bytes() == before


def test_export_refuses_to_write_what_import_would_refuse(cli, db: Path, tmp_path: Path) -> None:  # noqa: ANN001
    """A history whose export would pass the limit: exit 2, no file written, nothing on stdout."""
    note = "x" * 500  # a CSV row of 512 bytes
    sessions = [(f"{date(1900, 1, 1) + timedelta(days=n)}", note) for n in range(MAX_EXCHANGE_BYTES // 512 + 10)]
    write_history(db, *sessions)
    target = tmp_path / "too-big.csv"
    refused(cli("export", "--format", "csv", "--output", str(target)), 2, "20 MB", "import")
    assert not target.exists()
    run = cli("export")
    refused(run, 2, "20 MB")
    assert run.out == ""


# 18: malformed CSV quotes and export versions


def test_an_unterminated_csv_quote_is_named_with_its_line(cli, db: Path, tmp_path: Path) -> None:  # noqa: ANN001
    """Not 'a control character': the quote that never closes, and the line it opens on."""
    source = tmp_path / "open.csv"
    source.write_text('date,note\n2024-04-01,fine\n2024-04-02,"squats\n2024-04-03,more\n', encoding="utf-8")
    run = cli("import", str(source))
    refused(run, 2, "line 3", "quote", "never closed")
    assert "control character" not in run.err


@pytest.mark.parametrize("version", [-5, 0, "1", 1.5, True, None])
def test_an_export_whose_version_no_streak_writes_is_refused(cli, db: Path, tmp_path: Path, version: object) -> None:  # noqa: ANN001
    """Versions start at 1 and are whole numbers."""
    source = tmp_path / "odd.json"
    source.write_text(json.dumps({"format": "streak-export", "version": version, "sessions": []}), encoding="utf-8")
    refused(cli("import", str(source)), 2, "version")


# Second hostile pass: what an import or a data file holds that no streak wrote


def export_with_rest(tmp_path: Path, first: str, last: str) -> Path:
    source = tmp_path / "rest.json"
    document = {"format": "streak-export", "version": 2, "sessions": [], "rest_periods": [{"from": first, "to": last}]}
    source.write_text(json.dumps(document), encoding="utf-8")
    return source


def test_an_imported_rest_period_reaching_past_52_weeks_ahead_is_refused_whole(
    streak, db: Path, tmp_path: Path
) -> None:  # noqa: ANN001
    """As `streak rest` holds it: otherwise one file could make every week rest, past what any command can clear."""
    assert streak("checkin", "--date", "2026-11-16").status == 0
    before = db.read_bytes()
    run = streak("import", str(export_with_rest(tmp_path, "1900-01-01", "9998-12-31")))
    refused(run, 2, "rest period 1 ends 9998-12-31, more than 52 weeks ahead")
    assert db.read_bytes() == before
    limit = (TODAY + timedelta(weeks=52)).isoformat()  # the furthest `streak rest` reaches, today pinned
    assert streak("import", str(export_with_rest(tmp_path, "2027-01-04", limit))).status == 0
    assert json.loads(streak("history", "--json").out)  # the file still opens


def test_a_number_thousands_of_digits_long_is_named_plainly(cli, db: Path, tmp_path: Path) -> None:  # noqa: ANN001
    """Not Python's advice about sys.set_int_max_str_digits."""
    source = tmp_path / "huge.json"
    source.write_text('{"format": "streak-export", "version": 2, "sessions": [], "x": ' + "9" * 5000 + "}")
    refused(cli("import", str(source)), 2, "a number thousands of digits long")
    db.write_text('{"meta": {"1": {"app": "streak", "schema": 2, "minor": 0}}, "x": ' + "9" * 5000 + "}")
    run = cli("status")
    refused(run, 3, "a number thousands of digits long")
    assert "set_int_max_str_digits" not in run.err


def test_a_csv_field_over_the_csv_limit_is_named_as_too_long(cli, db: Path, tmp_path: Path) -> None:  # noqa: ANN001
    source = tmp_path / "long.csv"
    source.write_text("date,note\n2026-10-01," + "a" * 140_000 + "\n", encoding="utf-8")
    refused(cli("import", str(source)), 2, "line 2", "a field is over 128 KB long")
    habit = tmp_path / "loop" / "001 Leg day"
    habit.mkdir(parents=True)
    (tmp_path / "loop" / "Habits.csv").write_text("Position,Name\n001,Leg day\n", encoding="utf-8")
    (habit / "Checkmarks.csv").write_text("Date,Value,Notes\n2026-10-01,2," + "a" * 140_000 + "\n", encoding="utf-8")
    refused(cli("import", str(tmp_path / "loop")), 2, "Checkmarks.csv line 2", "a field is over 128 KB long")
    assert not db.exists()


def test_restoring_a_backup_named_by_an_empty_name_is_refused(cli, db: Path) -> None:  # noqa: ANN001
    assert cli("checkin", "--date", "2026-11-16").status == 0
    before = db.read_bytes()
    refused(cli("restore", ""), 2, "name the backup")
    assert db.read_bytes() == before


def test_an_empty_export_output_is_refused_not_printed(streak: Callable[..., Run]) -> None:
    """`--output "$FILE"` with FILE unset: one line and exit 2, not the export on the terminal."""
    assert streak("checkin", "--date", "2026-11-16").status == 0
    run = streak("export", "--output", "")
    refused(run, 2, "--output needs the path of a file")
    assert run.out == ""


def test_export_output_dash_is_standard_output_not_a_file_named_dash(
    streak: Callable[..., Run], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--output -` as `import -` reads it: the terminal, as with no --output; no file called "-" appears."""
    assert streak("checkin", "--date", "2026-11-16").status == 0
    monkeypatch.chdir(tmp_path)
    for format in ("json", "csv", "lifts-csv"):
        dashed, plain = streak("export", "--format", format, "--output", "-"), streak("export", "--format", format)
        assert dashed.status == 0 and dashed == plain and dashed.out.startswith("{" if format == "json" else "date,")
    assert not (tmp_path / "-").exists()


def test_a_note_can_be_edited_beside_a_lift_whose_name_came_from_a_file_with_escapes(
    streak: Callable[..., Run], db: Path
) -> None:
    """Only what is typed is held to the rules: a recorded lift from a hand-edited file does not block the edit."""
    from streak.core.history.edits import add_session
    from streak.core.history.model import Lift
    from streak.storage.store import Store

    hostile = Lift("Squat\x1b[31m", 5, 5, 100.0, "kg")
    Store(str(db)).update(
        lambda history: (add_session(history, Session(date(2026, 11, 16), None, (hostile,)), TODAY), None)
    )
    assert streak("edit", "2026-11-16", "--note", "heavy").status == 0
    assert streak("edit", "2026-11-16", "--lift", "lunge 3x10 20").status == 0
    session = Store(str(db)).load().session_on(date(2026, 11, 16))
    assert session.note == "heavy" and session.lifts == (hostile, Lift("Lunge", 3, 10, 20.0, "kg"))
