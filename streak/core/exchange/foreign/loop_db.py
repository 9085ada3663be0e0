"""Loop Habit Tracker's backup database, as rows read from its `Habits` and `Repetitions` tables.

Old databases (before Loop's migration 16) have no `value` column: every repetition is a check,
which is the default (2, YES_MANUAL) that migration gave the rows it kept. `notes` came with
migration 25. Timestamps are milliseconds at UTC midnight of the day.
"""

from collections.abc import Iterable
from datetime import date
from typing import Any

from streak.core.errors import InputError
from streak.core.exchange.foreign.habits import Habit, Habits, sessions_of
from streak.core.exchange.foreign.loop_values import day_of_timestamp, is_session

TRACKER = "Loop Habit Tracker"
NUMERICAL = 1  # Habits.type: 0 yes-or-no, 1 numerical

HabitRow = tuple[Any, Any, Any, Any]  # id, name, position, type
RepetitionRow = tuple[Any, Any, Any, Any, Any]  # id, habit, timestamp, value, notes


def read_loop_rows(habit_rows: Iterable[HabitRow], repetition_rows: Iterable[RepetitionRow]) -> Habits:
    """The habits in Loop's order (by position: position 0 is #1) with their sessions.

    Rows Loop's own migrations delete (no habit, no timestamp, a habit that is gone) are left out;
    any other row that is not what Loop writes refuses the whole database. A habit whose id is
    NULL (never in a database Loop made) keeps its number but no repetitions: a repetition of no
    habit, whose habit is NULL too, must not land in it.
    """
    ordered = sorted(habit_rows, key=lambda row: (row[2] if isinstance(row[2], int) else 0, _sortable(row[0])))
    numerical = {row[0]: row[3] == NUMERICAL for row in ordered if row[0] is not None}
    notes: dict[Any, dict[date, str | None]] = {row[0]: {} for row in ordered if row[0] is not None}
    for row_id, habit, timestamp, value, note in repetition_rows:
        if habit is None or habit not in notes or timestamp is None:
            continue
        where = f"Repetitions row {row_id}"
        if type(timestamp) is not int or type(value) is not int:
            raise InputError(f"{where}: the timestamp and value must be whole numbers")
        if note is not None and not isinstance(note, str):
            raise InputError(f"{where}: the note is not text")
        try:
            day = day_of_timestamp(timestamp)
        except InputError as error:
            raise InputError(f"{where}: {error}") from None
        if is_session(value, numerical[habit]):
            notes[habit].setdefault(day, note or None)
    habits = (
        Habit(row[1] if isinstance(row[1], str) else "", number, sessions_of(notes.get(row[0], {})))
        for number, row in enumerate(ordered, 1)
    )
    return Habits(TRACKER, tuple(habits))


def _sortable(habit_id: Any) -> tuple[int, Any]:
    """A habit id as a sort key: NULL ids (and any not a number) after the numbered ones, never compared with them."""
    return (0, habit_id) if isinstance(habit_id, int) else (1, 0)
