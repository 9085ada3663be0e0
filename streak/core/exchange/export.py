"""Export a history as JSON or CSV, read such a file back, and merge it into a history.

Reading is all-or-nothing: the first bad row refuses the whole file with a line naming it.
Everything streak accepts as a note or an exercise name survives export and import exactly. One
holding characters streak refuses (only a hand-edited data file or a synced copy can) is exported
with them written as visible escapes, so no export carries a terminal escape sequence and every
export imports again.
"""

import csv
import io
import json
import re
from datetime import date, timedelta
from typing import Any

from streak.core.dates import WEEK_START_DAYS, parse_date
from streak.core.errors import InputError
from streak.core.exchange.json_text import load_json
from streak.core.history.edits import check_not_future
from streak.core.history.model import (
    MAX_NOTE_LENGTH,
    UNITS,
    GoalChange,
    History,
    Lift,
    RestPeriod,
    Session,
    check_goal,
    clean_note,
)
from streak.core.history.rest import MAX_WEEKS_AHEAD
from streak.core.lifts.lift import MAX_EXERCISE_LENGTH, check_lift, check_lifts, tidy_exercise
from streak.core.named_tuple import NamedTuple
from streak.core.text import show_safely

EXPORT_FORMAT = "streak-export"
EXPORT_VERSION = 2  # 2 added lifts, rest periods and the units setting
CSV_HEADER = ["date", "note"]
LIFTS_CSV_HEADER = ["date", "exercise", "sets", "reps", "weight", "unit"]

# A spreadsheet runs a cell starting with = + - or @ as a formula. Such a note is written with a
# leading apostrophe, which spreadsheets show as text; so that import can tell an added apostrophe
# from one the note began with, notes that already start with apostrophes before one of those get
# one more. Import takes exactly one off wherever apostrophes lead up to a formula character.
_FORMULA_START = re.compile(r"'*[=+\-@]")
_NEUTRALISED_FORMULA = re.compile(r"'+[=+\-@]")


class Imported(NamedTuple):
    """What an export file holds: sessions in file order, goal changes, rest periods, and settings if it says."""

    sessions: tuple[Session, ...]
    goal_changes: tuple[GoalChange, ...]
    week_start_day: str | None
    rest_periods: tuple[RestPeriod, ...] = ()
    units: str | None = None
    lifts_only: bool = False  # a lifts-csv: its lifts also join sessions already present


def weight_json(weight: float) -> float | int:
    """A weight as entered: `100`, not `100.0`."""
    return int(weight) if weight == int(weight) else weight


def lift_json(lift: Lift) -> dict[str, Any]:
    """A lift as exports write it."""
    return {
        "exercise": exported_exercise(lift.exercise),
        "sets": lift.sets,
        "reps": lift.reps,
        "weight": weight_json(lift.weight),
        "unit": lift.unit,
    }


def _session_json(session: Session) -> dict[str, Any]:
    document: dict[str, Any] = {"date": session.day.isoformat(), "note": _exported_note(session.note)}
    if session.lifts:
        document["lifts"] = [lift_json(lift) for lift in session.lifts]
    return document


def to_json(history: History) -> str:
    """Everything needed to restore the history: sessions with notes and lifts, goal changes, rest periods, settings."""
    document = {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "settings": {"week_start": history.week_start_day, "units": history.units},
        "goal_changes": [{"from": c.since.isoformat(), "goal": c.goal} for c in history.goal_changes],
        "rest_periods": [{"from": p.first.isoformat(), "to": p.last.isoformat()} for p in history.rest_periods],
        "sessions": [_session_json(s) for s in history.sessions],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _csv(header: list[str], rows: Any) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def to_csv(history: History) -> str:
    """A `date,note` header, then one session a row, oldest first; no cell is a spreadsheet formula."""
    return _csv(
        CSV_HEADER,
        (
            (session.day.isoformat(), neutralise_formula(_exported_note(session.note) or ""))
            for session in history.sessions
        ),
    )


def to_lifts_csv(history: History) -> str:
    """A `date,exercise,sets,reps,weight,unit` header, then one lift a row, oldest session first."""
    return _csv(
        LIFTS_CSV_HEADER,
        (
            (
                s.day.isoformat(),
                neutralise_formula(exported_exercise(lift.exercise)),
                lift.sets,
                lift.reps,
                weight_json(lift.weight),
                lift.unit,
            )
            for s in history.sessions
            for lift in s.lifts
        ),
    )


def _exported_note(note: str | None) -> str | None:
    return show_safely(note) if note else note


def exported_exercise(name: str) -> str:
    """An exercise's name as exports write it, in a form import takes back.

    Every name streak was typed survives exactly. One that only a hand-edited file or a synced copy
    can hold, with an escape or a bidi control, is written with those as visible escapes (`\\x1b`),
    as notes are, and cut to the longest name import takes if the escapes made it longer.
    """
    shown = tidy_exercise(show_safely(name))
    return shown if len(shown) <= MAX_EXERCISE_LENGTH else shown[: MAX_EXERCISE_LENGTH - 1] + "…"


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


def _day(day_text: Any, where: str, today: date) -> date:
    if not isinstance(day_text, str):
        raise InputError(f"{where}: the date is missing")
    try:
        # exactly as written, never stripped: SPEC holds a file's dates to ten characters
        return check_not_future(parse_date(day_text), today)
    except InputError as error:
        raise InputError(f"{where}: {error}") from None


def _session(day_text: Any, note: Any, where: str, today: date, lifts: tuple[Lift, ...] = ()) -> Session:
    if note is not None and not isinstance(note, str):
        raise InputError(f"{where}: the note is not text")
    day = _day(day_text, where, today)
    try:
        return Session(day, clean_note(note), lifts)
    except InputError as error:
        raise InputError(f"{where}: {error}") from None


def _read_csv(text: str, today: date) -> Imported:
    rows = csv.reader(io.StringIO(text, newline=""), strict=True)
    header = _next_row(rows)
    names = [cell.strip().lower() for cell in header[1]] if header else None
    if names == LIFTS_CSV_HEADER:
        return _read_lifts_csv(rows, today)
    if names not in (CSV_HEADER, CSV_HEADER[:1]):
        raise InputError(
            "it is neither a streak JSON export nor a CSV whose first row is date,note or " + ",".join(LIFTS_CSV_HEADER)
        )
    sessions, first_seen = [], {}
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
        session = _session(row[0], note, where, today)
        _check_first_of_its_day(session.day, where, first_seen.setdefault(session.day, where))
        sessions.append(session)
    return Imported(tuple(sessions), (), None)


def _check_first_of_its_day(day: date, where: str, first: str) -> None:
    """A day holds one session: a second one in the file would be dropped unseen, note and all, so it is refused."""
    if first != where:
        raise InputError(f"{where}: {day.isoformat()} is already on {first}, and a day holds one session")


def csv_problem(error: csv.Error) -> str:
    """What a CSV reader's error means for the person importing, in their words rather than the csv module's."""
    if "field larger than field limit" in str(error):
        return f"a field is over {csv.field_size_limit() // 1024} KB long, far longer than a note can be ({MAX_NOTE_LENGTH} characters)"
    return str(error)


def _next_row(rows: Any) -> tuple[int, list[str]] | None:
    """The next CSV row with the line it starts on; a malformed quote is named with its line."""
    line = rows.line_num + 1
    try:
        row = next(rows, None)
    except csv.Error as error:
        if "unexpected end of data" in str(error):  # strict mode's word for a quote still open at the end
            raise InputError(f"line {line}: a quote opened on this line is never closed") from None
        raise InputError(f"line {rows.line_num}: {csv_problem(error)}") from None
    return None if row is None else (line, row)


def _read_lifts_csv(rows: Any, today: date) -> Imported:
    """One lift a row; the rows of one date make one session, its lifts in row order."""
    by_day: dict[date, list[Lift]] = {}
    while (numbered := _next_row(rows)) is not None:
        line, row = numbered
        if not any(cell.strip() for cell in row):
            continue
        where = f"line {line}"
        if len(row) != len(LIFTS_CSV_HEADER):
            raise InputError(f"{where}: expected {','.join(LIFTS_CSV_HEADER)} but found {len(row)} fields")
        fields = [restore_formula(row[1]), *row[2:]]
        by_day.setdefault(_day(row[0], where, today), []).append(_lift(fields, where))
    sessions = []
    for day, lifts in by_day.items():
        try:
            sessions.append(Session(day, None, check_lifts(lifts)))
        except InputError as error:
            raise InputError(f"{day.isoformat()}: {error}") from None
    return Imported(tuple(sessions), (), None, lifts_only=True)


def _lift(fields: Any, where: str) -> Lift:
    """A lift from its fields (a CSV row's or a JSON object's), checked as a typed one would be."""
    exercise, sets, reps, weight, unit = fields
    try:
        numbers = [_number(value) for value in (sets, reps, weight)]
        if numbers[0] != int(numbers[0]) or numbers[1] != int(numbers[1]):
            raise ValueError
        if not isinstance(exercise, str) or unit not in UNITS:
            raise ValueError
        return check_lift(Lift(exercise, int(numbers[0]), int(numbers[1]), float(numbers[2]), unit))
    except (ValueError, TypeError, OverflowError):
        raise InputError(f"{where}: a lift needs an exercise, whole sets and reps, a weight and kg or lb") from None
    except InputError as error:
        raise InputError(f"{where}: {error}") from None


def _number(value: Any) -> float:
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, str):
        value = value.strip()
        if not value or not value.replace(".", "", 1).isdigit() or not value.isascii():
            raise ValueError(value)
    if not isinstance(value, (int, float, str)):
        raise ValueError(value)
    return float(value)


def _read_json(text: str, today: date) -> Imported:
    document = load_json(text, "a streak export")
    if not isinstance(document, dict) or document.get("format") != EXPORT_FORMAT:
        raise InputError("it is JSON but not a streak export")
    _check_version(document.get("version"))
    sessions = document.get("sessions", [])
    changes = document.get("goal_changes", [])
    periods = document.get("rest_periods", [])
    settings = document.get("settings", {})
    if not all(isinstance(part, list) for part in (sessions, changes, periods)) or not isinstance(settings, dict):
        raise InputError("its sessions, goal_changes, rest_periods or settings are damaged")
    goal_changes = tuple(_json_goal_change(entry, index) for index, entry in enumerate(changes, 1))
    if len({change.since for change in goal_changes}) != len(goal_changes):
        raise InputError("it has two goal changes from the same day")
    imported_sessions, first_seen = [], {}
    for index, entry in enumerate(sessions, 1):
        session, where = _json_session(entry, index, today), f"session {index}"
        _check_first_of_its_day(session.day, where, first_seen.setdefault(session.day, where))
        imported_sessions.append(session)
    return Imported(
        tuple(imported_sessions),
        goal_changes,
        _json_week_start(settings),
        tuple(_json_rest_period(entry, index, today) for index, entry in enumerate(periods, 1)),
        _json_units(settings),
    )


def _check_version(version: Any) -> None:
    if type(version) is not int:
        raise InputError(f"its version {version!r} is not a whole number; no streak wrote it")
    if version < 1:
        raise InputError(f"it says it is a version {version} export, but versions start at 1; no streak wrote it")
    if version > EXPORT_VERSION:
        raise InputError(f"it is a version {version} export, which this streak cannot read; upgrade streak")


def _json_session(entry: Any, index: int, today: date) -> Session:
    where = f"session {index}"
    if not isinstance(entry, dict):
        raise InputError(f"{where} is not an object with a date")
    lifts = entry.get("lifts", [])
    if not isinstance(lifts, list) or not all(isinstance(lift, dict) for lift in lifts):
        raise InputError(f"{where}: its lifts are damaged")
    keys = LIFTS_CSV_HEADER[1:]
    parsed = tuple(_lift([lift.get(key) for key in keys], f"{where}, lift {n}") for n, lift in enumerate(lifts, 1))
    try:
        parsed = check_lifts(parsed)
    except InputError as error:
        raise InputError(f"{where}: {error}") from None
    return _session(entry.get("date"), entry.get("note"), where, today, parsed)


def _json_goal_change(entry: Any, index: int) -> GoalChange:
    where = f"goal change {index}"
    if not isinstance(entry, dict) or not isinstance(entry.get("from"), str) or type(entry.get("goal")) is not int:
        raise InputError(f"{where} needs a from date and a whole-number goal")
    try:
        return GoalChange(parse_date(entry["from"]), check_goal(entry["goal"]))
    except InputError as error:
        raise InputError(f"{where}: {error}") from None


def _json_rest_period(entry: Any, index: int, today: date) -> RestPeriod:
    where = f"rest period {index}"
    if not isinstance(entry, dict) or not isinstance(entry.get("from"), str) or not isinstance(entry.get("to"), str):
        raise InputError(f"{where} needs a from and a to date")
    try:
        first, last = parse_date(entry["from"]), parse_date(entry["to"])
    except InputError as error:
        raise InputError(f"{where}: {error}") from None
    if last < first:
        raise InputError(f"{where} ends before it starts")
    if last > today + timedelta(weeks=MAX_WEEKS_AHEAD):  # as `streak rest` holds it, so no history holds more
        raise InputError(
            f"{where} ends {last.isoformat()}, more than {MAX_WEEKS_AHEAD} weeks ahead; no streak wrote it"
        )
    return RestPeriod(first, last)


def _json_week_start(settings: dict[str, Any]) -> str | None:
    name = settings.get("week_start")
    if name is not None and name not in WEEK_START_DAYS:
        raise InputError(f"its first weekday {name!r} is neither monday nor sunday")
    return name


def _json_units(settings: dict[str, Any]) -> str | None:
    units = settings.get("units")
    if units is not None and units not in UNITS:
        raise InputError(f"its units {units!r} are neither kg nor lb")
    return units
