"""Changes to a history, each a pure function from the old history to the new one.

What an edit creates has no change time yet (`changed` or its part id is None): the store stamps
it on saving. A deletion leaves a `Removal`, so that merging an older copy cannot bring it back.
A session is edited as an operation on its parts: an edit removes the parts its maker saw and
replaced, and adds new ones, so parts another machine or window added meanwhile stay.
"""

from bisect import insort
from collections.abc import Iterable
from datetime import date

from streak.core.dates import check_week_start_day
from streak.core.errors import InputError, Refused
from streak.core.history.goals import with_goal
from streak.core.history.model import (
    NOTE_JOIN,
    GoalChange,
    History,
    Removal,
    RestPeriod,
    Session,
    check_units,
    parts_of,
    record_key,
    session_day,
    session_from_parts,
)

PART = "part"


def check_not_future(day: date, today: date, what: str = "a session") -> date:
    """Sessions can only be recorded for days that have happened."""
    if day > today:
        raise InputError(f"{day.isoformat()} is in the future: {what} can only be on {today.isoformat()} or earlier")
    return day


def with_removals(history: History, kind: str, gone: Iterable[Session | GoalChange | RestPeriod]) -> History:
    """The history remembering that `gone` records of `kind` were deleted (a fresh removal replaces an older one)."""
    keys = {record_key(record) for record in gone}
    if not keys:
        return history
    kept = tuple(
        removal for removal in history.removals if (removal.kind, removal.key) not in {(kind, k) for k in keys}
    )
    return history._replace(removals=kept + tuple(Removal(kind, key) for key in sorted(keys)))


def _forget_removal(history: History, kind: str, key: str) -> History:
    """A record made again after its removal: the removal no longer stands."""
    if not any(removal.kind == kind and removal.key == key for removal in history.removals):
        return history
    return history._replace(removals=tuple(r for r in history.removals if not (r.kind == kind and r.key == key)))


def add_session(history: History, session: Session, today: date) -> History:
    """The history with one more session, made of new parts; a day holds at most one."""
    check_not_future(session.day, today)
    if history.session_on(session.day):
        raise Refused(f"{session.day.isoformat()} is already checked in; one session a day is counted")
    sessions = list(history.sessions)
    insort(sessions, session._replace(parts=parts_of(session._replace(parts=None))), key=session_day)
    return history._replace(sessions=tuple(sessions))


def _with_session(history: History, day: date, session: Session | None) -> History:
    """The history with the session on `day` (which exists) replaced by `session`, or taken out if None."""
    sessions = tuple(kept for kept in (session if s.day == day else s for s in history.sessions) if kept is not None)
    return history._replace(sessions=sessions)


def without_parts(history: History, ids: Iterable[str]) -> History:
    """The history remembering that the parts `ids` were removed: merging a copy that holds them cannot bring them back."""
    known = {removal.key for removal in history.removals if removal.kind == PART}
    fresh = sorted(set(ids) - known)
    if not fresh:
        return history
    removals = sorted((*history.removals, *(Removal(PART, id) for id in fresh)), key=lambda r: (r.kind, r.key))
    return history._replace(removals=tuple(removals))


def replace_session(history: History, edited: Session) -> History:
    """The history with the edit `edited` made to the session on its day, applied as an operation on its parts.

    `edited.parts` are the parts its maker saw (the session as shown; for a session typed afresh,
    the one in `history`). A changed note removes the note versions seen and adds the new one; a
    lift seen and no longer in `edited.lifts` is removed, a lift in it not seen is added. Parts in
    `history` the maker never saw (another window's, another machine's) stay.
    """
    current = history.session_on(edited.day)
    if current is None:
        raise Refused(f"there is no session on {edited.day.isoformat()} to edit")
    seen = edited.parts if edited.parts is not None else parts_of(current)
    gone: set[str | None] = set()
    new_notes: tuple = ()
    if edited.note != (NOTE_JOIN.join(text for _, text in seen.notes) or None):
        gone.update(id for id, _ in seen.notes)
        new_notes = ((None, edited.note),) if edited.note else ()
    wanted = list(edited.lifts)
    for id, lift in seen.lift_parts():
        if lift in wanted:
            wanted.remove(lift)  # still there: kept as the part it is
        else:
            gone.add(id)
    parts = parts_of(current)
    lifts = [lift for lift in parts.lift_parts() if lift[0] not in gone] + [(None, lift) for lift in wanted]
    changed = parts._replace(
        notes=tuple(note for note in parts.notes if note[0] not in gone) + new_notes,
        lift_ids=tuple(id for id, _ in lifts),
        lifts=tuple(lift for _, lift in lifts),
    )
    if changed == parts:
        return history
    session = session_from_parts(edited.day, changed)
    return without_parts(_with_session(history, edited.day, session), (id for id in gone if id is not None))


def remove_session(history: History, day: date) -> History:
    """The history without the session on `day`: every part of it is removed."""
    session = history.session_on(day)
    if not session:
        raise Refused(f"there is no session on {day.isoformat()} to remove")
    return without_parts(_with_session(history, day, None), parts_of(session).ids())


def set_goal(history: History, since: date, goal: int) -> History:
    """The history with `goal` sessions a week from the week holding `since` on."""
    changes = with_goal(history.goal_changes, since, goal, history.week_start_day)
    replaced = [change for change in history.goal_changes if change not in changes and change.since != since]
    new = history._replace(goal_changes=changes)
    return _forget_removal(with_removals(new, "goal", replaced), "goal", since.isoformat())


def set_week_start_day(history: History, name: str) -> History:
    """The history with weeks starting on `name` (monday or sunday), for every week past and future."""
    if check_week_start_day(name) == history.week_start_day:
        return history
    return history._replace(settings=history.settings._replace(week_start_day=name, week_start_changed=None))


def set_units(history: History, units: str) -> History:
    """The history with lift weights that name no unit read in `units`."""
    if check_units(units) == history.units:
        return history
    return history._replace(settings=history.settings._replace(units=units, units_changed=None))
