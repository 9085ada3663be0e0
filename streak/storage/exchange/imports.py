"""Read what `streak import` is pointed at, told apart by content: a streak export, Loop Habit Tracker's CSV
export (zip or folder) or backup database, a harsh log, or an oidia streaks.json. Nothing read is changed.
"""

import os
from datetime import date

from streak.core.errors import InputError
from streak.core.exchange.export import Imported, read_export
from streak.core.exchange.foreign.detect import detect_format, is_sqlite, is_zip
from streak.core.exchange.foreign.habits import COMMAND_LINE, HabitField, Habits, describe, habit_import, pick_habit
from streak.core.named_tuple import NamedTuple
from streak.storage.exchange.files import import_text, read_import_bytes, read_stdin_bytes

STDIN = "-"


class Incoming(NamedTuple):
    """What an import would bring in, and which habit of which tracker it comes from (None for a streak export)."""

    imported: Imported
    habit: str | None


def read_import(
    path: str,
    today: date,
    *,
    source: str | None = None,
    habit: str | None = None,
    field: HabitField = COMMAND_LINE,
) -> Incoming:
    """Read `path` (a file, a folder, or - for standard input) as `source`, or as its content shows.

    From another tracker, `habit` picks the habit by name or `#N`; a file of one habit needs none.
    `field` is where the person types it, for the messages that say how.
    Anything wrong is an InputError naming the file and what was wrong with it.
    """
    folder = path != STDIN and os.path.isdir(path)
    if folder:
        data = b""
    else:
        data = read_stdin_bytes() if path == STDIN else read_import_bytes(path)
    try:
        kind = source or ("loop" if folder else detect_format(data))
        if kind == "streak":
            if folder:
                raise InputError("it is a folder, and a streak export is one JSON or CSV file")
            if habit is not None:
                raise InputError(
                    f"{field.name} picks a habit from Loop Habit Tracker, harsh or oidia; a streak export has none"
                )
            return Incoming(read_export(import_text(data, detected=source is None), today), None)
        habits = _read_habits(kind, path, data, folder)
        chosen = pick_habit(habits, habit, field)
        return Incoming(habit_import(chosen, today), describe(chosen, habits))
    except InputError as error:
        raise InputError(f"{'standard input' if path == STDIN else path} was not imported: {error}") from None


def _read_habits(kind: str, path: str, data: bytes, folder: bool) -> Habits:
    """Hand the file to its tracker's reader; each is imported only when a file of its kind comes along."""
    if kind == "loop":
        from streak.storage.exchange import loop_files

        if folder:
            from streak.core.exchange.foreign.loop_csv import read_loop_csv

            return read_loop_csv(loop_files.loop_csv_from_folder(path))
        if is_zip(data):
            from streak.core.exchange.foreign.loop_csv import read_loop_csv

            return read_loop_csv(loop_files.loop_csv_from_zip(data))
        if is_sqlite(data):
            if path == STDIN:
                raise InputError("a Loop Habit Tracker database is read from its file: give its path, not -")
            from streak.core.exchange.foreign.loop_db import read_loop_rows

            return read_loop_rows(*loop_files.loop_db_rows(path))
        raise InputError("Loop Habit Tracker's files are its CSV export (a zip or its folder) or its backup (.db)")
    if folder:
        raise InputError("it is a folder, and only Loop Habit Tracker's CSV export comes as a folder")
    if kind == "harsh":
        from streak.core.exchange.foreign.harsh import read_harsh

        return read_harsh(import_text(data))
    from streak.core.exchange.foreign.oidia import read_oidia

    return read_oidia(import_text(data))
