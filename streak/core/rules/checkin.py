"""A check-in: the new session, the badges it earns and the tip that fits the moment."""

from bisect import bisect_left
from datetime import date
from itertools import compress

from streak.core.history.edits import add_session
from streak.core.history.model import History, Session, session_day
from streak.core.lifts.lift import exercise_key
from streak.core.lifts.records import Record, best_e1rms, records_of
from streak.core.named_tuple import NamedTuple
from streak.core.rules.badges import COMEBACK_GAP_DAYS, BadgeState
from streak.core.rules.status import Status, Tally, compute_status, status_from, tally
from streak.core.rules.walk import REPAIRED, walk_after
from streak.core.rules.weeks import week_first_day
from streak.core.tips.choice import (
    COMEBACK,
    FIRST_SESSION,
    FREQUENCY,
    PERSONAL_RECORD,
    REPAIR,
    STREAK_BADGE,
    Pick,
    Tip,
    after_showing,
    catalogue,
    choose_tip,
    strongest,
)


class CheckIn(NamedTuple):
    """What a check-in did: the session, badges earned by it, the tip to show and the status as of today.

    `before` is the status as of today just before the check-in, so a level gained or a streak
    saved can be told; `records` are the personal records the session set, shown in `units`.
    """

    session: Session
    new_badges: tuple[BadgeState, ...]
    tip: Tip
    status: Status
    before: Status
    records: tuple[Record, ...] = ()
    units: str = "kg"  # the person's units, to show the records in
    away_days: int | None = None  # the days since the session before, when this check-in is a comeback
    # Whether this check-in repaired a missed week: the walk now marks one repaired that it did not
    # before. A repair no longer pending is not enough: a day filled in behind can instead earn a
    # freeze that covers the missed week, which the history then shows as frozen, not repaired.
    repaired: bool = False

    @property
    def levelled_up(self) -> bool:
        """Whether this check-in reached a new level."""
        return self.status.level > self.before.level


def moments_of(
    status: Status,
    before: Status,
    day: date,
    new_badges: list[BadgeState],
    records: int,
    comeback: bool,
    repaired: bool,
) -> list[str]:
    """The moments a check-in on `day` marks, strongest first, given the status just before and after it.

    `comeback`: the session before came 14 or more days earlier; `repaired`: a missed week was repaired.
    """
    moments = []
    if status.total_sessions == 1:
        moments.append(FIRST_SESSION)
    elif comeback:
        moments.append(COMEBACK)
    if repaired:
        moments.append(REPAIR)
    if records:
        moments.append(PERSONAL_RECORD)
    if any(state.badge.kind == "streak" for state in new_badges):
        moments.append(STREAK_BADGE)
    week = next(week for week in reversed(status.weeks) if week.start <= day)
    if (before.at_risk and not status.at_risk) or len(week.days) == 2:
        moments.append(FREQUENCY)
    return moments


def repaired_weeks(status: Status) -> set[date]:
    """The first days of the weeks that a repair saved, as the walk behind `status` left them."""
    return set(compress(map(week_first_day, status.weeks), map(REPAIRED.__eq__, status.walk.states)))


def records_set_by(history: History, session: Session) -> list[Record]:
    """The personal records `session` sets against every session before its day.

    Only the bests of the session's own exercises are looked for: one pass over the earlier lifts.
    """
    if not session.lifts:
        return []
    earlier = [(s.day, s.lifts) for s in history.sessions if s.lifts and s.day < session.day]
    return records_of(session.lifts, best_e1rms(earlier, {exercise_key(lift.exercise) for lift in session.lifts}))


def check_in(history: History, session: Session, today: date, pick: Pick) -> tuple[History, CheckIn]:
    """Record `session` and choose its tip; raises Refused or InputError and changes nothing if it cannot."""
    recorded = add_session(history, session, today)
    records = records_set_by(history, session)
    away = comeback_gap(history, session.day)
    if history.sessions and history.sessions[-1].day > session.day:  # a day filled in behind later ones
        status, before = compute_status(recorded, today), compute_status(history, today)
    else:  # the usual check-in, the newest day: its records come after every earlier one
        tallied = tally(history, today)
        before = status_from(tallied, today)
        after = (
            with_day(tallied, session.day, len(records), away is not None)
            if history.sessions
            else tally(recorded, today)
        )
        status = status_from(after, today)
    earned_before = {state.badge.id for state in before.badges if state.earned}
    new_badges = [state for state in status.earned_badges if state.badge.id not in earned_before]
    tips = catalogue()
    repaired = bool(repaired_weeks(status) - repaired_weeks(before))
    moments = moments_of(status, before, session.day, new_badges, len(records), away is not None, repaired)
    tip = choose_tip(tips, history.shown_tips, strongest(moments), pick)
    stored = session._replace(tip=tip.id)
    sessions = list(recorded.sessions)
    sessions[bisect_left(sessions, session.day, key=session_day)] = stored
    recorded = recorded._replace(sessions=tuple(sessions), shown_tips=after_showing(tips, history.shown_tips, tip))
    result = CheckIn(stored, tuple(new_badges), tip, status, before, tuple(records), history.units, away, repaired)
    return recorded, result


def with_day(tallied: Tally, day: date, records: int, comeback: bool) -> Tally:
    """`tallied` with a session on `day`, after every other, setting `records` personal records (and a comeback).

    The weeks of a long history number thousands, and a check-in's differ from those before it in
    the one holding `day` only, so the status after it is worked out from them rather than from scratch.
    """
    weeks = tallied.weeks
    index = (day - weeks[0].start).days // 7
    changed = list(weeks)
    week = changed[index]
    changed[index] = week._replace(days=(*week.days, day))
    return tallied._replace(
        days=[*tallied.days, day],
        weeks=changed,
        walked=walk_after(tallied.walked, changed, tallied.rest, index),
        comebacks=[*tallied.comebacks, day] if comeback else tallied.comebacks,
        records=tallied.records + [day] * records,
    )


def comeback_gap(history: History, day: date) -> int | None:
    """The days between `day` and the session before it, when they make a session on `day` a comeback (14 or more)."""
    index = bisect_left(history.sessions, day, key=session_day)  # the sessions before `day`
    gap = (day - history.sessions[index - 1].day).days if index else 0
    return gap if gap >= COMEBACK_GAP_DAYS else None
