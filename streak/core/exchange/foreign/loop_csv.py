"""Loop Habit Tracker's CSV export, from its zip or unpacked: `Habits.csv` and one `NNN Name/Checkmarks.csv` a habit.

As Loop writes it (HabitsCSVExporter.kt, HabitList.writeCSV): `Habits.csv` has a header row
`Position,Name,Type,Question,...` (older versions without `Type`) and one row a habit, its
position as `001`. Each exported habit gets a folder named `%03d` of that position, a space and
its name stripped of all but letters, digits, spaces and `._-`; its `Checkmarks.csv` holds
`Date,Value,Notes` rows, newest first, values by name (older Loop: no header, `date,code`).
"""

import csv
import io
import re
from collections.abc import Mapping
from datetime import date

from streak.core.dates import parse_date
from streak.core.errors import InputError
from streak.core.exchange.export import csv_problem
from streak.core.exchange.foreign.habits import Habit, Habits, habit_number, sessions_of, shown_name
from streak.core.exchange.foreign.loop_values import SKIP, UNKNOWN, is_session, value_of
from streak.core.history.model import Session
from streak.core.named_tuple import NamedTuple

TRACKER = "Loop Habit Tracker"
HABITS_FILE = "Habits.csv"
CHECKMARKS_FILE = "Checkmarks.csv"
HABIT_FOLDER = re.compile(r"(\d+) ?(.*)")
CHECKMARKS_HEADER = ["date", "value", "notes"]


class _HabitRow(NamedTuple):
    """A habit's full name and whether it is numerical (None when Habits.csv does not say)."""

    name: str
    numerical: bool | None


def read_loop_csv(files: Mapping[str, str]) -> Habits:
    """The habits of a Loop CSV export, from the text of `Habits.csv` and of each `NNN Name/Checkmarks.csv`."""
    if HABITS_FILE not in files:
        raise InputError("it has no Habits.csv, so it is not a Loop Habit Tracker CSV export")
    rows = _habit_rows(files[HABITS_FILE])
    habits = []
    for path in files:
        folder, _, name = path.rpartition("/")
        match = HABIT_FOLDER.fullmatch(folder)
        if name != CHECKMARKS_FILE or not match:
            continue
        number = habit_number(match[1], "the habit folder's number")
        row = rows.get(number, _HabitRow(match[2], None))  # the folder's name lacks punctuation: prefer Habits.csv's
        habits.append(Habit(row.name, number, _sessions(files[path], row.numerical, path)))
    return Habits(TRACKER, tuple(sorted(habits, key=lambda habit: habit.number)))


def _habit_rows(text: str) -> dict[int, _HabitRow]:
    rows = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""))
    try:
        header = [cell.strip().lower() for cell in next(rows, [])]
        if header[:2] != ["position", "name"]:
            raise InputError("Habits.csv does not start with Loop's header row Position,Name,...")
        type_column = header.index("type") if "type" in header else None
        habits = {}
        for row in rows:
            if not any(cell.strip() for cell in row):
                continue
            where = f"Habits.csv line {rows.line_num}"
            if len(row) != len(header):
                raise InputError(f"{where}: expected {len(header)} fields but found {len(row)}")
            position = row[0].strip()
            if not (position.isascii() and position.isdigit()):
                raise InputError(f"{where}: the position '{shown_name(position)}' is not a number")
            kind = row[type_column].strip() if type_column is not None else ""
            numerical = {"NUMERICAL": True, "YES_NO": False}.get(kind)
            habits[habit_number(position, f"{where}: the position")] = _HabitRow(row[1], numerical)
    except csv.Error as error:
        raise InputError(f"Habits.csv line {rows.line_num}: {csv_problem(error)}") from None
    return habits


def _sessions(text: str, numerical: bool | None, path: str) -> tuple[Session, ...]:
    """The sessions of one `Checkmarks.csv`; any row that does not parse refuses the whole file."""
    entries: list[tuple[date, int, str]] = []
    rows = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""))
    first = True
    try:
        for row in rows:
            if not any(cell.strip() for cell in row):
                continue
            if first and [cell.strip().lower() for cell in row] == CHECKMARKS_HEADER:
                first = False
                continue
            first = False
            where = f"{path} line {rows.line_num}"
            if len(row) not in (2, 3):
                raise InputError(f"{where}: expected Date,Value,Notes but found {len(row)} fields")
            try:
                entries.append((parse_date(row[0].strip()), value_of(row[1]), row[2] if len(row) == 3 else ""))
            except InputError as error:
                raise InputError(f"{where}: {error}") from None
    except csv.Error as error:
        raise InputError(f"{path} line {rows.line_num}: {csv_problem(error)}") from None
    if numerical is None:  # only a numerical habit can hold a value outside Loop's five codes
        numerical = any(not UNKNOWN <= value <= SKIP for _, value, _ in entries)
    notes: dict[date, str | None] = {}
    for day, value, note in entries:
        if is_session(value, numerical):
            notes.setdefault(day, note or None)
    return sessions_of(notes)
