"""Files made in exactly the layouts other trackers write, for the import tests.

Loop Habit Tracker, from its source: the CSV export's `Habits.csv` (HabitList.writeCSV), habit
folders `%03d Name` with `Checkmarks.csv` (HabitsCSVExporter), values by name (Entry.formattedValue);
the backup database's tables as its migrations leave them (09, 11, 16, 22, 25, 26). harsh's log
lines as WriteHabitLog writes them; oidia's streaks.json as StreakLine.as_dict and Streaks.save do.
"""

import csv
import io
import json
import re
import sqlite3
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path
from typing import NamedTuple

YES_MANUAL, YES_AUTO, NO, SKIP, UNKNOWN = 2, 1, 0, 3, -1
NAMES = {YES_MANUAL: "YES_MANUAL", YES_AUTO: "YES_AUTO", NO: "NO", SKIP: "SKIP", UNKNOWN: "UNKNOWN"}


class LoopHabit(NamedTuple):
    """A Loop habit: its name, entries {day: (value, note)}, and whether it is numerical (values x1000)."""

    name: str
    entries: dict[str, tuple[int, str]]
    numerical: bool = False


def _csv_line(*cells: str) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(cells)
    return buffer.getvalue()


def loop_folder_name(position: int, name: str) -> str:
    """`%03d` of the habit's place, a space, and its name kept to letters, digits, spaces and `._-`."""
    sane = re.sub(r"[^ a-zA-Z0-9._-]+", "", name)[:100]
    return f"{position:03d} {sane.strip()}"


def loop_csv_files(habits: list[LoopHabit], *, old: bool = False) -> dict[str, str]:
    """{path in the export: text}, as Loop writes it today (or, with `old`, as older versions did: no Type, no header, codes)."""
    if old:
        files = {
            "Habits.csv": _csv_line(
                "Position", "Name", "Question", "Description", "NumRepetitions", "Interval", "Color"
            )
        }
    else:
        header = ("Position", "Name", "Type", "Question", "Description", "FrequencyNumerator", "FrequencyDenominator",
                  "Color", "Unit", "Target Type", "Target Value", "Archived?")  # fmt: skip
        files = {"Habits.csv": _csv_line(*header)}
    for position, habit in enumerate(habits, 1):
        if old:
            files["Habits.csv"] += _csv_line(
                f"{position:03d}", habit.name, "Did you train legs?", "", "1", "1", "#FF8F00"
            )
        else:
            numbers = ("reps", "AT_LEAST", "10.0") if habit.numerical else ("", "", "")
            kind = "NUMERICAL" if habit.numerical else "YES_NO"
            files["Habits.csv"] += _csv_line(
                f"{position:03d}", habit.name, kind, "Did you train legs?", "", "1", "1", "#FF8F00", *numbers, "false"
            )
        folder = loop_folder_name(position, habit.name)
        rows = sorted(habit.entries.items(), reverse=True)  # newest first
        if old:
            text = "".join(f"{day},{value}\n" for day, (value, _) in rows)
        else:
            text = _csv_line("Date", "Value", "Notes")
            text += "".join(_csv_line(day, NAMES.get(value, str(value)), note) for day, (value, note) in rows)
        files[f"{folder}/Scores.csv"] = "Date,Score\n" + "".join(f"{day},0.5000\n" for day, _ in rows)
        files[f"{folder}/Checkmarks.csv"] = text
    files["Scores.csv"] = "Date," + "".join(f"{h.name}," for h in habits) + "\n"
    files["Checkmarks.csv"] = "Date," + "".join(f"{h.name}," for h in habits) + "\n"
    return files


def write_loop_zip(path: Path, habits: list[LoopHabit], *, old: bool = False) -> Path:
    """`Loop Habits CSV YYYY-MM-DD.zip` holding the export's files, in the order Loop adds them."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in loop_csv_files(habits, old=old).items():
            archive.writestr(name, text)
    return path


def write_loop_folder(folder: Path, habits: list[LoopHabit], *, old: bool = False) -> Path:
    """The export's zip unpacked into `folder`."""
    for name, text in loop_csv_files(habits, old=old).items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


# Loop's database at three ages: before migration 16 (no value), 22-24 (value, no notes), 26 (today's).
OLD_SCHEMA = """
create table Habits (id integer primary key autoincrement, archived integer, color integer, description text,
    freq_den integer, freq_num integer, skip_days integer, skip_days_list integer, highlight integer, name text,
    position integer, reminder_hour integer, reminder_min integer, reminder_days integer not null default 127);
create table Checkmarks (id integer primary key autoincrement, habit integer references habits(id),
    timestamp integer, value integer);
create table Repetitions (id integer primary key autoincrement, habit integer references habits(id), timestamp integer);
create table Streak (id integer primary key autoincrement, end integer, habit integer references habits(id),
    length integer, start integer);
create table Score (id integer primary key autoincrement, habit integer references habits(id), score real,
    timestamp integer);
create index idx_repetitions_habit_timestamp on Repetitions(habit, timestamp);
pragma user_version = 15;
"""
VALUE_SCHEMA = """
create table Habits (id integer primary key autoincrement, archived integer, color integer, description text,
    freq_den integer, freq_num integer, skip_days integer, skip_days_list integer, highlight integer, name text,
    position integer, reminder_hour integer, reminder_min integer, reminder_days integer not null default 127,
    type integer not null default 0, target_type integer not null default 0, target_value real not null default 0,
    unit text not null default "", question text, uuid text);
create table Repetitions (id integer primary key autoincrement, habit integer not null references habits(id),
    timestamp integer not null, value integer not null);
create unique index idx_repetitions_habit_timestamp on Repetitions(habit, timestamp);
create table Events (id integer primary key autoincrement, timestamp integer, message text, server_id integer);
pragma user_version = 24;
"""
NEW_SCHEMA = """
create table HabitGroups (id integer primary key, archived integer, color integer, description text not null default "",
    highlight integer, name text, position integer, reminder_days integer not null default 127, reminder_hour integer,
    reminder_min integer, question text not null default "", uuid text);
create table Habits (id integer primary key, archived integer, color integer, description text, freq_den integer,
    freq_num integer, highlight integer, name text, position integer, reminder_hour integer, reminder_min integer,
    reminder_days integer not null default 127, type integer not null default 0, target_type integer not null default 0,
    target_value real not null default 0, unit text not null default "", question text, uuid text,
    group_uuid text references habitgroups(uuid), group_id integer references habitgroups(id));
create table Repetitions (id integer primary key autoincrement, habit integer not null references habits(id),
    timestamp integer not null, value integer not null, notes text);
create unique index idx_repetitions_habit_timestamp on Repetitions(habit, timestamp);
create table Events (id integer primary key autoincrement, timestamp integer, message text, server_id integer);
create table SharedIds (name text primary key, next_id integer not null);
pragma user_version = 26;
"""
SCHEMAS = {"old": OLD_SCHEMA, "value": VALUE_SCHEMA, "new": NEW_SCHEMA}


def loop_timestamp(day: str) -> int:
    """Milliseconds since 1970 at UTC midnight of the day, as Loop stores it."""
    return int(datetime.combine(date.fromisoformat(day), datetime.min.time(), UTC).timestamp() * 1000)


def write_loop_db(path: Path, habits: list[LoopHabit], *, schema: str = "new") -> Path:
    """`Loop Habits Backup YYYY-MM-DD HHMMSS.db`: habits at positions 0, 1, ... and their repetitions.

    In the old schema only the repetitions stand (every row a check), so only YES_MANUAL entries are written.
    """
    connection = sqlite3.connect(path)
    connection.executescript(SCHEMAS[schema])
    for position, habit in enumerate(habits):
        columns = "name, position, archived, color, freq_num, freq_den, description, highlight"
        values = [habit.name, position, 0, 8, 1, 1, "", 0]
        if schema != "old":
            columns += ", type, question, uuid"
            values += [1 if habit.numerical else 0, "Did you train legs?", f"{position:032x}"]
        habit_id = connection.execute(
            f"insert into Habits ({columns}) values ({', '.join('?' * len(values))})", values
        ).lastrowid
        for day, (value, note) in habit.entries.items():
            stamp = loop_timestamp(day)
            if schema == "old":
                if value == YES_MANUAL:
                    connection.execute("insert into Repetitions (habit, timestamp) values (?, ?)", (habit_id, stamp))
            elif schema == "value":
                connection.execute(
                    "insert into Repetitions (habit, timestamp, value) values (?, ?, ?)", (habit_id, stamp, value)
                )
            else:
                connection.execute(
                    "insert into Repetitions (habit, timestamp, value, notes) values (?, ?, ?, ?)",
                    (habit_id, stamp, value, note),
                )
    connection.commit()
    connection.close()
    return path


def harsh_line(day: str, habit: str, outcome: str, comment: str = "", amount: str = "") -> str:
    """One line as harsh writes it: all five fields, ` : ` between them."""
    return f"{day} : {habit} : {outcome} : {comment} : {amount}\n"


def oidia_json(streaks: list[tuple[str, dict[str, int]]]) -> str:
    """oidia's streaks.json: a list of {title, days} indented by 4, days with counts above 0 only."""
    return json.dumps([{"title": title, "days": days} for title, days in streaks], indent=4)


def ten_years_of_loop(today: date, habits: int = 5) -> list[LoopHabit]:
    """Ten years (3,650 days) of daily Loop data for several habits: the first trained every day, with notes.

    The others mix YES_MANUAL, YES_AUTO, NO and SKIP, so every row is read and most are not sessions.
    """
    days = [date.fromordinal(today.toordinal() - back).isoformat() for back in range(3650)]
    every_day = LoopHabit("Leg day", {day: (YES_MANUAL, "back squats 5x5, lunges") for day in days})
    codes = (YES_MANUAL, YES_AUTO, NO, SKIP)
    others = [
        LoopHabit(f"Habit {n}", {day: (codes[(i + n) % 4], "") for i, day in enumerate(days)})
        for n in range(2, habits + 1)
    ]
    return [every_day, *others]
