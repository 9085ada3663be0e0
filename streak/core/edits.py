"""Changes to a history, each a pure function from the old history to the new one."""

from bisect import insort
from datetime import date

from streak.core.dates import check_week_start_day
from streak.core.errors import InputError, Refused
from streak.core.goals import with_goal
from streak.core.model import History, Session, session_day


def check_not_future(day: date, today: date, what: str = "a session") -> date:
    """Sessions can only be recorded for days that have happened."""
    if day > today:
        raise InputError(f"{day.isoformat()} is in the future: {what} can only be on {today.isoformat()} or earlier")
    return day


def add_session(history: History, session: Session, today: date) -> History:
    """The history with one more session; a day holds at most one."""
    check_not_future(session.day, today)
    if history.session_on(session.day):
        raise Refused(f"{session.day.isoformat()} is already checked in; one session a day is counted")
    sessions = list(history.sessions)
    insort(sessions, session, key=session_day)
    return history._replace(sessions=tuple(sessions))


def remove_session(history: History, day: date) -> History:
    """The history without the session on `day`."""
    if not history.session_on(day):
        raise Refused(f"there is no session on {day.isoformat()} to remove")
    return history._replace(sessions=tuple(session for session in history.sessions if session.day != day))


def set_goal(history: History, since: date, goal: int) -> History:
    """The history with `goal` sessions a week from the week holding `since` on."""
    return history._replace(goal_changes=with_goal(history.goal_changes, since, goal, history.week_start_day))


def set_week_start_day(history: History, name: str) -> History:
    """The history with weeks starting on `name` (monday or sunday), for every week past and future."""
    return history._replace(week_start_day=check_week_start_day(name))
