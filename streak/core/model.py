"""The values a leg-day history is made of.

Named tuples rather than dataclasses: they are just as immutable, and the `dataclasses`
import (it pulls in `inspect`) would cost the shell-prompt commands about 7 ms.
"""

from bisect import bisect_left
from datetime import date
from operator import attrgetter
from typing import NamedTuple

from streak.core.dates import MONDAY
from streak.core.errors import InputError
from streak.core.text import describe_unsafe, first_unsafe

DEFAULT_GOAL = 2
MIN_GOAL = 1
MAX_GOAL = 7
MAX_NOTE_LENGTH = 500


class Session(NamedTuple):
    """One leg-day workout on a local calendar date."""

    day: date
    note: str | None = None


session_day = attrgetter("day")  # the sort key of sessions


class GoalChange(NamedTuple):
    """A weekly goal that holds from the week of `since` until the week of the next change."""

    since: date
    goal: int


class History(NamedTuple):
    """Everything a person has recorded, plus where they are in the tip cycle.

    `sessions` are sorted by day with at most one a day; `goal_changes` are sorted by `since`.
    """

    sessions: tuple[Session, ...] = ()
    goal_changes: tuple[GoalChange, ...] = ()
    week_start_day: str = MONDAY
    shown_tips: tuple[str, ...] = ()

    def is_empty(self) -> bool:
        """True before anything was recorded: no session and no goal change."""
        return not self.sessions and not self.goal_changes

    def session_on(self, day: date) -> Session | None:
        """The session recorded on `day`, if any."""
        index = bisect_left(self.sessions, day, key=session_day)
        if index < len(self.sessions) and self.sessions[index].day == day:
            return self.sessions[index]
        return None


def check_goal(goal: int) -> int:
    """A weekly goal is a whole number of sessions from 1 to 7."""
    if not MIN_GOAL <= goal <= MAX_GOAL:
        raise InputError(f"the weekly goal must be from {MIN_GOAL} to {MAX_GOAL} sessions, not {goal}")
    return goal


def clean_note(note: str | None) -> str | None:
    """Trim a note and refuse what would not survive a terminal or a CSV row intact."""
    if note is None:
        return None
    note = note.strip()
    if len(note) > MAX_NOTE_LENGTH:
        raise InputError(f"the note is {len(note)} characters long; keep it to {MAX_NOTE_LENGTH}")
    unsafe = first_unsafe(note)
    if unsafe is not None:
        raise InputError(f"the note holds {describe_unsafe(unsafe)}; write it as plain text on one line")
    return note or None
