"""Habits read from another tracker's file, and picking the one to import by name or by number."""

from datetime import date
from typing import NamedTuple

from streak.core.errors import InputError
from streak.core.exchange.export import Imported
from streak.core.history.edits import check_not_future
from streak.core.history.model import Session, clean_note


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


def one_line(text: str) -> str:
    """Line breaks and tabs become single spaces, so a name or note fits on one line."""
    return " ".join(text.split())


def listing(habits: Habits) -> str:
    """`#1 Meditate, #2 Leg day`: every habit with the number that picks it."""
    return ", ".join(f"#{habit.number} {one_line(habit.name)}" for habit in habits.habits)


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
        found = [habit for habit in habits.habits if habit.number == int(wanted[1:])]
        if not found:
            raise InputError(f"it has no habit {wanted}; its habits are {listing(habits)}")
        return found[0]
    found = [habit for habit in habits.habits if habit.name.strip().casefold() == wanted.casefold()]
    if not found:
        raise InputError(f"it has no habit called {wanted!r}; its habits are {listing(habits)}")
    if len(found) > 1:
        numbers = " or ".join(field.number.format(habit.number) for habit in found)
        raise InputError(f"{len(found)} of its habits are called {wanted!r}; pick one by its number: {numbers}")
    return found[0]


def describe(habit: Habit, habits: Habits) -> str:
    """`"Leg day" (#2 in Loop Habit Tracker)`: which habit of which tracker an import takes."""
    return f'"{one_line(habit.name)}" (#{habit.number} in {habits.tracker})'


def habit_import(habit: Habit, today: date) -> Imported:
    """The habit's sessions as an import: days not in the future, notes on one line and within streak's limits."""
    sessions = []
    for session in habit.sessions:
        try:
            check_not_future(session.day, today)
        except InputError as error:
            raise InputError(f"{one_line(habit.name)}: {error}") from None
        try:
            note = clean_note(one_line(session.note)) if session.note else None
        except InputError as error:
            raise InputError(f"{one_line(habit.name)}, {session.day.isoformat()}: {error}") from None
        sessions.append(Session(session.day, note))
    return Imported(tuple(sessions), (), None)


def sessions_of(notes_by_day: dict[date, str | None]) -> tuple[Session, ...]:
    """Sessions sorted by day from a {day: note} map, the shape every reader collects."""
    return tuple(Session(day, notes_by_day[day]) for day in sorted(notes_by_day))
