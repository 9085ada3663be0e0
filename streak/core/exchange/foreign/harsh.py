"""harsh's log file: `YYYY-MM-DD : Habit : y|n|s [: comment [: amount]]`, one outcome a line.

As harsh reads it (internal/storage/log.go): fields are split on ` : `, a line starting with `#`
is a comment, and a later line for the same day and habit replaces an earlier one. `y` is a
session; its comment becomes the note. Habits are numbered in the order they first appear.
"""

from datetime import date

from streak.core.dates import parse_date
from streak.core.errors import InputError
from streak.core.exchange.foreign.habits import Habit, Habits, sessions_of
from streak.core.history.model import Session
from streak.core.text import describe_unsafe, first_unsafe

TRACKER = "harsh"
SEPARATOR = " : "
OUTCOMES = ("y", "n", "s")


def read_harsh(text: str) -> Habits:
    """Every habit in a harsh log with the days whose last outcome is `y`."""
    outcomes: dict[str, dict[date, tuple[str, str]]] = {}  # habit -> day -> (outcome, comment), first-seen order
    for number, line in enumerate(text_lines(text.removeprefix("\ufeff")), 1):
        if not line.strip() or line.startswith("#"):
            continue
        try:
            _check_one_line(line)
            habit, day, outcome, comment = _entry(line)
        except InputError as error:
            raise InputError(f"line {number}: {error}") from None
        outcomes.setdefault(habit, {})[day] = (outcome, comment)
    habits = (Habit(name, number, _sessions(days)) for number, (name, days) in enumerate(outcomes.items(), 1))
    return Habits(TRACKER, tuple(habits))


def text_lines(text: str) -> list[str]:
    """The lines of a text file, split at `\\n` (a `\\r` before it dropped) and nowhere else.

    str.splitlines also splits at U+2028, U+0085, form feeds and more, which harsh (like every
    tool that writes line by line) never treats as line ends: a comment holding one came out as
    two lines, the second refused for its fields, naming the wrong line and the wrong problem.
    """
    return [line.removesuffix("\r") for line in text.split("\n")]


def _check_one_line(line: str) -> None:
    """A line holding a control (a tab aside), a line separator or a bidi control is refused for it, by name."""
    unsafe = first_unsafe(line.replace("\t", " "))
    if unsafe is not None:
        raise InputError(f"it holds {describe_unsafe(unsafe)}; a harsh line is plain text")


def _sessions(days: dict[date, tuple[str, str]]) -> tuple[Session, ...]:
    return sessions_of({day: comment or None for day, (outcome, comment) in days.items() if outcome == "y"})


def _entry(line: str) -> tuple[str, date, str, str]:
    fields = line.split(SEPARATOR)
    if not 3 <= len(fields) <= 5:
        found = f"{len(fields)} field" + ("" if len(fields) == 1 else "s")
        raise InputError(f"expected `YYYY-MM-DD : Habit : y|n|s [: comment [: amount]]` but found {found}")
    day = parse_date(fields[0].strip())
    habit = fields[1].strip()
    outcome = fields[2].strip()
    if not habit:
        raise InputError("the habit name is empty")
    if outcome not in OUTCOMES:
        raise InputError(f"the outcome {outcome!r} is not y, n or s")
    if len(fields) == 5 and fields[4].strip():
        try:
            float(fields[4])
        except ValueError:
            raise InputError(f"the amount {fields[4].strip()!r} is not a number") from None
    return habit, day, outcome, fields[3].strip() if len(fields) > 3 else ""
