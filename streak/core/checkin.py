"""A check-in: the new session, the badges it earns and the tip that fits the moment."""

from bisect import bisect_left
from datetime import date
from typing import NamedTuple

from streak.core.badges import COMEBACK_GAP_DAYS, BadgeState
from streak.core.edits import add_session
from streak.core.figures import Status, badges_before, compute_status
from streak.core.model import History, Session
from streak.core.tips import (
    COMEBACK,
    FIRST_SESSION,
    NEW_BADGE,
    SECOND_IN_WEEK,
    STREAK_MILESTONE,
    Pick,
    Tip,
    after_showing,
    catalogue,
    choose_tip,
)


class CheckIn(NamedTuple):
    """What a check-in did: the session, badges earned by it, the tip to show and the status as of today."""

    session: Session
    new_badges: tuple[BadgeState, ...]
    tip: Tip
    status: Status


def moments_of(status: Status, day: date, new_badges: list[BadgeState]) -> list[str]:
    """The moments a check-in on `day` marks, strongest first, given the status just after it."""
    moments = []
    days = [d for week in status.weeks for d in week.days]
    index = bisect_left(days, day)
    if status.total_sessions == 1:
        moments.append(FIRST_SESSION)
    elif index > 0 and (day - days[index - 1]).days >= COMEBACK_GAP_DAYS:
        moments.append(COMEBACK)
    if any(state.badge.kind == "streak" for state in new_badges):
        moments.append(STREAK_MILESTONE)
    week = next(week for week in reversed(status.weeks) if week.start <= day)
    if len(week.days) == 2:
        moments.append(SECOND_IN_WEEK)
    if new_badges:
        moments.append(NEW_BADGE)
    return moments


def check_in(history: History, session: Session, today: date, pick: Pick) -> tuple[History, CheckIn]:
    """Record `session` and choose its tip; raises Refused or InputError and changes nothing if it cannot."""
    recorded = add_session(history, session, today)
    status = compute_status(recorded, today)
    earned_before = {state.badge.id for state in badges_before(status, session.day) if state.earned}
    new_badges = [state for state in status.earned_badges if state.badge.id not in earned_before]
    tips = catalogue()
    tip = choose_tip(tips, history.shown_tips, moments_of(status, session.day, new_badges), pick)
    recorded = recorded._replace(shown_tips=after_showing(tips, history.shown_tips, tip))
    return recorded, CheckIn(session, tuple(new_badges), tip, status)
