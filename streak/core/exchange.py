"""Export a history as JSON or CSV, read such a file back, and merge it into a history.

Reading is all-or-nothing: the first bad row refuses the whole file with a line naming it.
Everything streak accepts as a note survives export and import exactly. A note holding
characters streak refuses (only a hand-edited data file can) is exported with them written as
visible escapes, so no export carries a terminal escape sequence and every export imports again.
"""

import csv
import io
import json
import re
from datetime import date
from typing import Any, NamedTuple

from streak.core.dates import WEEK_START_DAYS, parse_date, week_start
from streak.core.edits import check_not_future
from streak.core.errors import InputError
from streak.core.model import GoalChange, History, Session, check_goal, clean_note
from streak.core.text import show_safely

EXPORT_FORMAT = "streak-export"
EXPORT_VERSION = 1
CSV_HEADER = ["date", "note"]

# A spreadsheet runs a cell starting with = + - or @ as a formula. Such a note is written with a
# leading apostrophe, which spreadsheets show as text; so that import can tell an added apostrophe
# from one the note began with, notes that already start with apostrophes before one of those get
# one more. Import takes exactly one off wherever apostrophes lead up to a formula character.
_FORMULA_START = re.compile(r"'*[=+\-@]")
_NEUTRALISED_FORMULA = re.compile(r"'+[=+\-@]")


class Imported(NamedTuple):
    """What an export file holds: sessions in file order, goal changes, and the first weekday if it says."""

    sessions: tuple[Session, ...]
    goal_changes: tuple[GoalChange, ...]
    week_start_day: str | None


def to_json(history: History) -> str:
    """Everything needed to restore the history: sessions with notes, goal changes and settings."""
    document = {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "settings": {"week_start": history.week_start_day},
        "goal_changes": [{"from": c.since.isoformat(), "goal": c.goal} for c in history.goal_changes],
        "sessions": [{"date": s.day.isoformat(), "note": _exported_note(s.note)} for s in history.sessions],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def to_csv(history: History) -> str:
    """A `date,note` header, then one session a row, oldest first; no cell is a spreadsheet formula."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    writer.writerows(
        (session.day.isoformat(), neutralise_formula(_exported_note(session.note) or ""))
        for session in history.sessions
    )
    return buffer.getvalue()


def _exported_note(note: str | None) -> str | None:
    return show_safely(note) if note else note


def neutralise_formula(cell: str) -> str:
    """The cell as a spreadsheet shows it as text, never runs it; `restore_formula` undoes it exactly."""
    return "'" + cell if _FORMULA_START.match(cell) else cell


def restore_formula(cell: str) -> str:
    """The cell `neutralise_formula` was given."""
    return cell[1:] if _NEUTRALISED_FORMULA.match(cell) else cell


def read_export(text: str, today: date) -> Imported:
    """Read a JSON export or a CSV; raises InputError naming the first thing wrong."""
    text = text.removeprefix("\ufeff")
    if text.lstrip().startswith("{"):
        return _read_json(text, today)
    return _read_csv(text, today)


def _session(day_text: Any, note: Any, where: str, today: date) -> Session:
    if not isinstance(day_text, str):
        raise InputError(f"{where}: the date is missing")
    if note is not None and not isinstance(note, str):
        raise InputError(f"{where}: the note is not text")
    try:
        day = check_not_future(parse_date(day_text.strip()), today)
        return Session(day, clean_note(note))
    except InputError as error:
        raise InputError(f"{where}: {error}") from None


def _read_csv(text: str, today: date) -> Imported:
    rows = csv.reader(io.StringIO(text, newline=""), strict=True)
    header = _next_row(rows)
    if header is None or [cell.strip().lower() for cell in header[1]] not in (CSV_HEADER, CSV_HEADER[:1]):
        raise InputError("it is neither a streak JSON export nor a CSV whose first row is date,note")
    sessions = []
    while (numbered := _next_row(rows)) is not None:
        line, row = numbered
        if not any(cell.strip() for cell in row):
            continue
        where = f"line {line}"
        if len(row) > 2:
            raise InputError(f"{where}: expected date,note but found {len(row)} fields")
        note = restore_formula(row[1]) if len(row) > 1 else None
        if note and ("\n" in note or "\r" in note):
            raise InputError(f"{where}: the note runs over several lines inside quotes; write it on one line")
        sessions.append(_session(row[0], note, where, today))
    return Imported(tuple(sessions), (), None)


def _next_row(rows: Any) -> tuple[int, list[str]] | None:
    """The next CSV row with the line it starts on; a malformed quote is named with its line."""
    line = rows.line_num + 1
    try:
        row = next(rows, None)
    except csv.Error as error:
        if "unexpected end of data" in str(error):  # strict mode's word for a quote still open at the end
            raise InputError(f"line {line}: a quote opened on this line is never closed") from None
        raise InputError(f"line {rows.line_num}: {error}") from None
    return None if row is None else (line, row)


def _read_json(text: str, today: date) -> Imported:
    try:
        document = json.loads(text)
    except ValueError as error:
        raise InputError(f"it is not valid JSON ({error})") from None
    except RecursionError:
        raise InputError("it is nested too deeply to be a streak export") from None
    if not isinstance(document, dict) or document.get("format") != EXPORT_FORMAT:
        raise InputError("it is JSON but not a streak export")
    _check_version(document.get("version"))
    sessions = document.get("sessions", [])
    changes = document.get("goal_changes", [])
    settings = document.get("settings", {})
    if not (isinstance(sessions, list) and isinstance(changes, list) and isinstance(settings, dict)):
        raise InputError("its sessions, goal_changes or settings are damaged")
    goal_changes = tuple(_json_goal_change(entry, index) for index, entry in enumerate(changes, 1))
    if len({change.since for change in goal_changes}) != len(goal_changes):
        raise InputError("it has two goal changes from the same day")
    return Imported(
        tuple(_json_session(entry, index, today) for index, entry in enumerate(sessions, 1)),
        goal_changes,
        _json_week_start(settings),
    )


def _check_version(version: Any) -> None:
    if type(version) is not int:
        raise InputError(f"its version {version!r} is not a whole number; no streak wrote it")
    if version < 1:
        raise InputError(f"it says it is a version {version} export, but versions start at 1; no streak wrote it")
    if version > EXPORT_VERSION:
        raise InputError(f"it is a version {version} export, which this streak cannot read; upgrade streak")


def _json_session(entry: Any, index: int, today: date) -> Session:
    if not isinstance(entry, dict):
        raise InputError(f"session {index} is not an object with a date")
    return _session(entry.get("date"), entry.get("note"), f"session {index}", today)


def _json_goal_change(entry: Any, index: int) -> GoalChange:
    where = f"goal change {index}"
    if not isinstance(entry, dict) or not isinstance(entry.get("from"), str) or type(entry.get("goal")) is not int:
        raise InputError(f"{where} needs a from date and a whole-number goal")
    try:
        return GoalChange(parse_date(entry["from"]), check_goal(entry["goal"]))
    except InputError as error:
        raise InputError(f"{where}: {error}") from None


def _json_week_start(settings: dict[str, Any]) -> str | None:
    name = settings.get("week_start")
    if name is not None and name not in WEEK_START_DAYS:
        raise InputError(f"its first weekday {name!r} is neither monday nor sunday")
    return name


class MergeResult(NamedTuple):
    """How many sessions an import added, and how many it skipped as already present."""

    imported: int
    skipped: int


def merge(history: History, imported: Imported) -> tuple[History, MergeResult]:
    """Add what `imported` holds that `history` lacks; settings come along only into an empty history."""
    week_start_day = history.week_start_day
    if history.is_empty() and imported.week_start_day:
        week_start_day = imported.week_start_day
    present = {session.day for session in history.sessions}
    added = []
    for session in imported.sessions:
        if session.day not in present:
            present.add(session.day)
            added.append(session)
    # "Weeks that have none" are the weeks without a change in the history being merged into; an
    # export's own changes all come along, so exporting and importing into an empty file is exact.
    weeks_with_change = {week_start(change.since, week_start_day) for change in history.goal_changes}
    changes = set(history.goal_changes)
    changes.update(c for c in imported.goal_changes if week_start(c.since, week_start_day) not in weeks_with_change)
    merged = history._replace(
        sessions=tuple(sorted((*history.sessions, *added), key=lambda session: session.day)),
        goal_changes=tuple(sorted(changes)),
        week_start_day=week_start_day,
    )
    return merged, MergeResult(len(added), len(imported.sessions) - len(added))
