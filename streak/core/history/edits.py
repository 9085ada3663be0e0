"""Changes to a history, each a pure function from the old history to the new one.

What an edit creates has no change time yet (`changed` is None): the store stamps it on saving.
A deletion leaves a `Removal`, so that merging an older copy of the history cannot bring it back.
"""

from bisect import insort
from collections.abc import Iterable
from datetime import date

from streak.core.dates import check_week_start_day
from streak.core.errors import InputError, Refused
from streak.core.history.goals import with_goal
from streak.core.history.model import (
    GoalChange,
    History,
    Removal,
    RestPeriod,
    Session,
    check_units,
    record_key,
    session_day,
)


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
    """The history with one more session; a day holds at most one."""
    check_not_future(session.day, today)
    if history.session_on(session.day):
        raise Refused(f"{session.day.isoformat()} is already checked in; one session a day is counted")
    sessions = list(history.sessions)
    insort(sessions, session._replace(changed=None), key=session_day)
    return _forget_removal(history._replace(sessions=tuple(sessions)), "session", session.day.isoformat())


def replace_session(history: History, session: Session) -> History:
    """The history with the session on `session.day` replaced by `session` (an edit of its note or lifts)."""
    if not history.session_on(session.day):
        raise Refused(f"there is no session on {session.day.isoformat()} to edit")
    fresh = session._replace(changed=None)
    return history._replace(sessions=tuple(fresh if s.day == session.day else s for s in history.sessions))


def remove_session(history: History, day: date) -> History:
    """The history without the session on `day`."""
    session = history.session_on(day)
    if not session:
        raise Refused(f"there is no session on {day.isoformat()} to remove")
    kept = history._replace(sessions=tuple(s for s in history.sessions if s.day != day))
    return with_removals(kept, "session", [session])


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
