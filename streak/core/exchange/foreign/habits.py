"""Habits read from another tracker's file, and picking the one to import by name or by number."""

from datetime import date

from streak.core.errors import InputError
from streak.core.exchange.export import Imported
from streak.core.history.edits import check_not_future
from streak.core.history.model import Session, clean_note
from streak.core.named_tuple import NamedTuple
from streak.core.text import show_safely


class Habit(NamedTuple):
    """One habit as another tracker keeps it: its name, its number as the file numbers it, its sessions.

    `sessions` are sorted by day, one a day, with notes as the tracker wrote them (not yet cleaned).
    """

    name: str
    number: int
    sessions: tuple[Session, ...]


class Habits(NamedTuple):
    """Every habit one file holds, in the file's order, and the tracker that wrote it."""

    tracker: str
    habits: tuple[Habit, ...]


MAX_NUMBER_DIGITS = 9  # no file numbers a billion habits; int() refuses past 4,300 digits with a traceback
LISTED = 10  # habits a message names before "and N more", so a file of 50,000 still gets a line a person reads
SHOWN_NAME_LENGTH = 60


def one_line(text: str) -> str:
    """Line breaks and tabs become single spaces, so a name or note fits on one line."""
    return " ".join(text.split())


def shown_name(name: str, limit: int = SHOWN_NAME_LENGTH) -> str:
    """A name from a file as a message shows it: on one line, escapes and bidi controls visible, cut at `limit`."""
    shown = show_safely(one_line(name))
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def habit_number(digits: str, what: str) -> int:
    """A habit's number as a file writes it, refused (not a traceback) when too long to be one."""
    if len(digits.lstrip("0")) > MAX_NUMBER_DIGITS:
        raise InputError(f"{what} {digits[:12]}… is {len(digits):,} digits long, too long to number a habit")
    return int(digits)


def listing(habits: Habits) -> str:
    """`#1 Meditate, #2 Leg day`: the habits with the numbers that pick them, the first ten and how many more."""
    named = ", ".join(f"#{habit.number} {shown_name(habit.name)}" for habit in habits.habits[:LISTED])
    more = len(habits.habits) - LISTED
    return named + (f" and {more:,} more" if more > 0 else "")


class HabitField(NamedTuple):
    """How a person names the habit to import: a flag on the command line, or a field in the app."""

    name: str  # what the person types the habit into
    several: str  # the way to pick one of several habits
    number: str  # a habit's number written as it is typed there, `{}` for the number


COMMAND_LINE = HabitField("--habit", "pick one with --habit NAME or --habit '#N'", "--habit '#{}'")
APP_FIELD = HabitField("the Habit field", "type one's name or #N in the Habit field", "#{}")


def pick_habit(habits: Habits, wanted: str | None, field: HabitField = COMMAND_LINE) -> Habit:
    """The habit `wanted` names (without case) or numbers (`#N`); without it, the file's only habit."""
    if not habits.habits:
        raise InputError(f"it holds no {habits.tracker} habits")
    if wanted is None:
        if len(habits.habits) == 1:
            return habits.habits[0]
        raise InputError(f"it holds {len(habits.habits)} habits; {field.several}: {listing(habits)}")
    wanted = wanted.strip()
    if wanted.startswith("#") and wanted[1:].isascii() and wanted[1:].isdigit():
        digits = wanted[1:]
        number = int(digits) if len(digits.lstrip("0")) <= MAX_NUMBER_DIGITS else None
        found = [habit for habit in habits.habits if habit.number == number]
        if not found:
            raise InputError(f"it has no habit {shown_name(wanted, 20)}; its habits are {listing(habits)}")
        return found[0]
    found = [habit for habit in habits.habits if habit.name.strip().casefold() == wanted.casefold()]
    if not found:
        raise InputError(f"it has no habit called '{shown_name(wanted)}'; its habits are {listing(habits)}")
    if len(found) > 1:
        numbers = " or ".join(field.number.format(habit.number) for habit in found[:LISTED])
        more = f" (and {len(found) - LISTED:,} more)" if len(found) > LISTED else ""
        raise InputError(
            f"{len(found):,} of its habits are called '{shown_name(wanted)}'; pick one by its number: {numbers}{more}"
        )
    return found[0]


def describe(habit: Habit, habits: Habits) -> str:
    """`"Leg day" (#2 in Loop Habit Tracker)`: which habit of which tracker an import takes."""
    return f'"{shown_name(habit.name)}" (#{habit.number} in {habits.tracker})'


def habit_import(habit: Habit, today: date) -> Imported:
    """The habit's sessions as an import: days not in the future, notes on one line and within streak's limits."""
    sessions = []
    for session in habit.sessions:
        try:
            check_not_future(session.day, today)
        except InputError as error:
            raise InputError(f"{shown_name(habit.name)}: {error}") from None
        try:
            note = clean_note(one_line(session.note)) if session.note else None
        except InputError as error:
            raise InputError(f"{shown_name(habit.name)}, {session.day.isoformat()}: {error}") from None
        sessions.append(Session(session.day, note))
    return Imported(tuple(sessions), (), None)


def sessions_of(notes_by_day: dict[date, str | None]) -> tuple[Session, ...]:
    """Sessions sorted by day from a {day: note} map, the shape every reader collects."""
    return tuple(Session(day, notes_by_day[day]) for day in sorted(notes_by_day))
