"""The values a leg-day history is made of.

Named tuples rather than dataclasses: they are just as immutable, and the `dataclasses`
import (it pulls in `inspect`) would cost the shell-prompt commands about 7 ms.

Goal changes, rest periods and removals carry `changed`, the moment and machine of their last
change, so that copies of one history made on two machines can be merged (see `streak.core.sync.merge`).
A session is a set of parts each made once and never changed (its check-ins, note versions and
lifts, see `Parts`), each with an id holding the stamp of the change that made it. The rules never
set stamps or ids: an edit leaves them None on what it creates, and the store stamps them as it saves.
"""

from bisect import bisect_left
from datetime import date
from operator import attrgetter

from streak.core.dates import MONDAY
from streak.core.errors import InputError
from streak.core.named_tuple import NamedTuple
from streak.core.text import describe_unsafe, first_unsafe

DEFAULT_GOAL = 2
MIN_GOAL = 1
MAX_GOAL = 7
MAX_NOTE_LENGTH = 500
KILOGRAMS = "kg"
POUNDS = "lb"
UNITS = (KILOGRAMS, POUNDS)
POUND_KG = 0.45359237  # exactly, by the international agreement of 1959


class Stamp(NamedTuple):
    """When a record was last changed (UTC, ISO 8601 with milliseconds, so it sorts as text) and on which machine."""

    at: str
    machine: str


# What records from a file older than change times are stamped with: any real change wins over it.
ORIGINAL = Stamp("1970-01-01T00:00:00.000Z", "")


class Lift(NamedTuple):
    """One exercise done for SETSxREPS at a weight in its unit (0 for bodyweight); see `streak.core.lifts.lift`."""

    exercise: str
    sets: int
    reps: int
    weight: float
    unit: str


PartId = str  # "AT|MACHINE|INDEX": the stamp of the change that made a part, and its place among that change's parts
NOTE_JOIN = " / "  # between note versions written without seeing each other


class Parts(NamedTuple):
    """What a session is made of, each part with its id (None until the store stamps it), in the order made.

    `checkins` pair each check-in of the day with the tip it showed (two machines may both check in),
    `notes` each surviving version of the note with its text; `lifts` are the lifts, `lift_ids` their
    ids, side by side (a long log holds thousands: the session's own `lifts` is this very tuple).
    """

    checkins: tuple[tuple[PartId | None, str | None], ...] = ()
    notes: tuple[tuple[PartId | None, str], ...] = ()
    lift_ids: tuple[PartId | None, ...] = ()
    lifts: tuple[Lift, ...] = ()

    def ids(self) -> list[PartId]:
        """Every stamped part's id: what a removal of the whole session names."""
        return [id for id, _ in (*self.checkins, *self.notes) if id is not None] + [
            id for id in self.lift_ids if id is not None
        ]

    def lift_parts(self) -> tuple[tuple[PartId | None, Lift], ...]:
        """Each lift with its id, in the order made."""
        return tuple(zip(self.lift_ids, self.lifts))


class PartsNotRead(Exception):
    """A session's parts were looked at, but were not read: the store then reads the history whole and starts again."""


class UnreadParts:
    """The parts of a session read for its view alone: `status` or a change over a long history's snapshot.

    Most of those need only what the rules read (the day, note, lifts and tip), and building every
    part of thousands of sessions costs them more than anything else they do. Nothing may read,
    stamp or write such parts: any look at them raises PartsNotRead, before a byte is written.
    """

    __slots__ = ()

    def __getattr__(self, name: str) -> None:
        raise PartsNotRead(name)

    def __repr__(self) -> str:
        return "UNREAD_PARTS"


UNREAD_PARTS = UnreadParts()


class Session(NamedTuple):
    """One leg-day workout on a local calendar date, with its note, its lifts and the tip shown for it.

    `note`, `lifts` and `tip` are the view the rules and screens read: the surviving note versions
    joined, the surviving lifts in the order made, the first check-in's tip. `parts` is what they are
    made of (None on a session just typed: it is made of new parts, see `parts_of`; UNREAD_PARTS on
    one read without them).
    """

    day: date
    note: str | None = None
    lifts: tuple[Lift, ...] = ()  # in the order entered
    tip: str | None = None
    parts: "Parts | UnreadParts | None" = None


def parts_of(session: Session) -> Parts:
    """The parts `session` is made of: its own, or for a session just typed, new (unstamped) parts of its view."""
    if session.parts is not None:
        return session.parts
    return Parts(
        ((None, session.tip),),
        ((None, session.note),) if session.note else (),
        (None,) * len(session.lifts),
        session.lifts,
    )


def session_from_parts(day: date, parts: Parts) -> Session | None:
    """The session those parts make, or None when no part is left: a day holds a session while any part survives."""
    if not (parts.checkins or parts.notes or parts.lifts):
        return None
    note = NOTE_JOIN.join(text for _, text in parts.notes) or None
    tip = next((tip for _, tip in parts.checkins if tip is not None), None)
    return Session(day, note, parts.lifts, tip, parts)


session_day = attrgetter("day")  # the sort key of sessions


class GoalChange(NamedTuple):
    """A weekly goal that holds from the week of `since` until the week of the next change."""

    since: date
    goal: int
    changed: Stamp | None = None


goal_since = attrgetter("since")  # the sort key of goal changes


class RestPeriod(NamedTuple):
    """Days planned off, `first` to `last` inclusive: every week touching them is a rest week."""

    first: date
    last: date
    changed: Stamp | None = None


class Removal(NamedTuple):
    """A record that was deleted, and when: a merge must not bring back an older copy of it.

    `kind` is "part", "goal" or "rest"; `key` is that record's key as text (see `record_key`): for a
    part of a session its id; for a goal change its day; for rest, the days `first/last` it took out
    of rest. Files from before sessions had parts may hold kind "session", keyed by day: it removes
    that day's parts made before it.
    """

    kind: str
    key: str
    changed: Stamp | None = None


class Settings(NamedTuple):
    """The choices that hold for the whole history, each with when it was last changed."""

    week_start_day: str = MONDAY
    units: str = KILOGRAMS
    week_start_changed: Stamp | None = ORIGINAL
    units_changed: Stamp | None = ORIGINAL


class History(NamedTuple):
    """Everything a person has recorded, plus where they are in the tip cycle.

    `sessions` are sorted by day with at most one a day; `goal_changes` are sorted by `since`,
    `rest_periods` by `first`.
    """

    sessions: tuple[Session, ...] = ()
    goal_changes: tuple[GoalChange, ...] = ()
    settings: Settings = Settings()
    shown_tips: tuple[str, ...] = ()
    rest_periods: tuple[RestPeriod, ...] = ()
    removals: tuple[Removal, ...] = ()

    @property
    def week_start_day(self) -> str:
        """The first day of every week: monday or sunday."""
        return self.settings.week_start_day

    @property
    def units(self) -> str:
        """The unit a lift's weight is in when it names none."""
        return self.settings.units

    def is_empty(self) -> bool:
        """True before anything was recorded: no session, goal change or rest period."""
        return not self.sessions and not self.goal_changes and not self.rest_periods

    def session_on(self, day: date) -> Session | None:
        """The session recorded on `day`, if any."""
        index = bisect_left(self.sessions, day, key=session_day)
        if index < len(self.sessions) and self.sessions[index].day == day:
            return self.sessions[index]
        return None


def record_key(record: Session | GoalChange | RestPeriod) -> str:
    """The key a record is merged and removed by: its day, its from-date, or its first and last day."""
    if type(record) is RestPeriod:
        return f"{record.first.isoformat()}/{record.last.isoformat()}"
    return record[0].isoformat()


def check_goal(goal: int) -> int:
    """A weekly goal is a whole number of sessions from 1 to 7."""
    if not MIN_GOAL <= goal <= MAX_GOAL:
        raise InputError(f"the weekly goal must be from {MIN_GOAL} to {MAX_GOAL} sessions, not {goal}")
    return goal


def check_units(units: str) -> str:
    """Weights are in kg or lb."""
    if units not in UNITS:
        raise InputError(f"units must be kg or lb, not {units!r}")
    return units


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
