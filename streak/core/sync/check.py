"""A synced copy checked like typed input before it is merged: what breaks a rule is left out and named.

A conflict copy was written by another machine, perhaps by an older or a hand-edited streak, so it is
held to the rules a person's typing is held to. Without this, a copy holding 32 lifts on a day or a
weight of 100.005 kg would merge silently, after which `edit` on that day is refused and `export`
writes a file `import` refuses. Each record or part of one that breaks a rule (a session, a note,
a lift, a goal change, a rest period) is left out on its own; the rest of the copy still merges.
"""

from datetime import date, datetime, timedelta

from streak.core.dates import MAX_YEAR, MIN_YEAR
from streak.core.errors import InputError
from streak.core.history.model import (
    MAX_GOAL,
    MAX_NOTE_LENGTH,
    MIN_GOAL,
    History,
    Lift,
    PartId,
    Session,
    parts_of,
    session_from_parts,
)
from streak.core.history.stamps import latest_stamp
from streak.core.lifts.lift import MAX_LIFTS, check_lift
from streak.core.named_tuple import NamedTuple
from streak.core.phrases import plural
from streak.core.text import describe_unsafe, first_unsafe

CLOCK_AHEAD_ALLOWED = timedelta(days=1)  # clocks drift and time zones confuse; a day ahead is worth a word
_OUTSIDE_YEARS = f"outside the years {MIN_YEAR} to {MAX_YEAR}"


class LeftOut(NamedTuple):
    """One thing left out of a copy: what it is (`session`, `check-in`, `note`, `lift`, `goal change`, `rest period`,
    `removal`, `setting`, `record`, `table`), its day when it has one that reads, and why."""

    what: str
    day: date | None  # None for a record whose day could not be read
    why: str


class CheckedCopy(NamedTuple):
    """A copy's history less what breaks a rule of typed input, and each thing left out, in the copy's order."""

    history: History
    left_out: tuple[LeftOut, ...]


def checked_copy(history: History, today: date) -> CheckedCopy:
    """`history` with every session, note, lift, goal change and rest period that typed input could not make left out."""
    problems: list[LeftOut] = []
    sessions = tuple(
        kept for kept in (_checked_session(session, today, problems) for session in history.sessions) if kept
    )
    goal_changes = []
    for change in history.goal_changes:
        if not _supported(change.since):
            problems.append(LeftOut("goal change", change.since, _OUTSIDE_YEARS))
        elif not MIN_GOAL <= change.goal <= MAX_GOAL:
            problems.append(
                LeftOut("goal change", change.since, f"a goal of {change.goal}, not {MIN_GOAL} to {MAX_GOAL}")
            )
        else:
            goal_changes.append(change)
    rest_periods = []
    for period in history.rest_periods:
        if _supported(period.first) and _supported(period.last):
            rest_periods.append(period)
        else:
            problems.append(LeftOut("rest period", period.first, _OUTSIDE_YEARS))
    checked = history._replace(sessions=sessions, goal_changes=tuple(goal_changes), rest_periods=tuple(rest_periods))
    return CheckedCopy(checked if problems else history, tuple(problems))


def _checked_session(session: Session, today: date, problems: list[LeftOut]) -> Session | None:
    """The session less its parts that break a rule; None when its day itself does (outside the years, or future)."""
    day = session.day
    if not _supported(day):
        problems.append(LeftOut("session", day, _OUTSIDE_YEARS))
        return None
    if day > today:
        problems.append(LeftOut("session", day, "a day after today"))
        return None
    parts = parts_of(session)
    notes = []
    for id, text in parts.notes:  # each version is held to the rules of a typed note; their join may run longer
        if len(text.strip()) > MAX_NOTE_LENGTH:
            problems.append(LeftOut("note", day, f"over {MAX_NOTE_LENGTH} characters"))
        elif first_unsafe(text) is not None:
            problems.append(LeftOut("note", day, f"it holds {_unsafe_kind(text)}"))
        else:
            notes.append((id, text))
    lifts: list[tuple[PartId | None, Lift]] = []
    for id, lift in parts.lift_parts():
        problem = lift_problem(lift)
        if problem:
            problems.append(LeftOut("lift", day, problem))
        elif len(lifts) == MAX_LIFTS:
            problems.append(LeftOut("lift", day, f"a session holds at most {MAX_LIFTS} lifts"))
        else:
            lifts.append((id, lift))
    if len(notes) == len(parts.notes) and len(lifts) == len(parts.lifts):
        return session
    kept = parts._replace(
        notes=tuple(notes), lift_ids=tuple(id for id, _ in lifts), lifts=tuple(lift for _, lift in lifts)
    )
    return session_from_parts(day, kept)


def lift_problem(lift: Lift) -> str | None:
    """What is wrong with a lift by the rules of typed input, in a few words; None when nothing is."""
    try:
        exercise = str(lift.exercise)
        unsafe = first_unsafe(exercise)
        if unsafe is not None:
            return f"its exercise name holds {_unsafe_kind(exercise)}"
        check_lift(lift)
    except InputError as problem:
        return str(problem)
    except (TypeError, ValueError, AttributeError, OverflowError):  # a field of the wrong type or size, by hand
        return "it is not a lift streak can read"
    return None


def _unsafe_kind(text: str) -> str:
    """`a control character (\\x1b: ...)`: the first unsafe character's kind, shown safely."""
    return describe_unsafe(first_unsafe(text) or "")


def _supported(day: date) -> bool:
    return MIN_YEAR <= day.year <= MAX_YEAR


def clock_ahead(history: History, now: datetime) -> timedelta | None:
    """How far the latest change time in `history` lies ahead of `now` (UTC), when that is more than a day; else None.

    A copy stamped years ahead is merged all the same (SPEC.md): this is only so the merge line can say
    the other machine's clock was wrong.
    """
    latest = latest_stamp(history).at
    try:
        moment = datetime.fromisoformat(latest.removesuffix("Z") + "+00:00")
    except ValueError:
        return None
    ahead = moment - now
    return ahead if ahead > CLOCK_AHEAD_ALLOWED else None


def how_far(ahead: timedelta) -> str:
    """`3 years`, `5 months`, `2 days`: a clock's lead in the largest unit that says it in whole numbers."""
    days = ahead.days
    if days >= 730:
        return plural(days // 365, "year")
    if days >= 60:
        return plural(days // 30, "month")
    if days >= 14:
        return plural(days // 7, "week")
    if days >= 2:
        return plural(days, "day")
    return plural(max(1, int(ahead.total_seconds()) // 3600), "hour")
