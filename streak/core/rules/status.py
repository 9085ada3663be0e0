"""The status figures of a history as it stood at the end of one day, from one walk over its weeks."""

from datetime import date
from operator import ge, itemgetter

from streak.core.dates import ONE_WEEK
from streak.core.history.goals import GoalTimeline
from streak.core.history.model import History
from streak.core.named_tuple import NamedTuple
from streak.core.rules.badges import RECORDS_COUNTED, BadgeState, badge_states, comeback_days, earned
from streak.core.rules.walk import Walk, walk
from streak.core.rules.weeks import RestCalendar, Week, current_run, days_until, sessions_in, week_goal, weeks_until
from streak.core.rules.xp import level_of, xp_total

AVERAGE_WEEKS = 4
_lifts_of = itemgetter(2)  # Session.lifts, for map()


class Repair(NamedTuple):
    """A missed week that the current week can still repair: the streak it broke and what repairing takes."""

    week_start: date
    streak: int
    sessions_needed: int


class Status(NamedTuple):
    """Where a person stands on `as_of`: the figures SPEC.md defines, every badge's state, and the walk behind them."""

    as_of: date
    week_start: date
    goal: int
    week_sessions: int
    sessions_needed: int
    days_left: int
    rest_week: bool
    at_risk: bool
    current_streak: int
    best_streak: int
    perfect_streak: int
    freezes: int
    repair: Repair | None
    total_sessions: int
    last_session: date | None
    days_since_last: int | None
    avg_per_week_4: float
    xp: int
    level: int
    xp_to_next: int
    badges: tuple[BadgeState, ...]
    weeks: tuple[Week, ...]
    walk: Walk
    next_goal: int  # the goal of the week after W: what a repair next week would take, less one

    @property
    def earned_badges(self) -> list[BadgeState]:
        """The earned badges, by the day they were earned, then by id."""
        return earned(list(self.badges))


class Tally(NamedTuple):
    """What the figures of a day are worked out from: the days trained, their weeks, the walk over them, the comebacks
    and personal records among them, and the goal of the week after. A check-in's is the one before it with its
    day added (`rules.checkin.with_day`): a long history's weeks need not be cut and walked again."""

    days: list[date]
    weeks: list[Week]
    rest: RestCalendar
    walked: Walk
    comebacks: list[date]
    records: list[date]
    next_goal: int


def compute_status(history: History, as_of: date) -> Status:
    """Every figure as the history stood at the end of `as_of`; later sessions are ignored."""
    return status_from(tally(history, as_of), as_of)


def tally(history: History, as_of: date) -> Tally:
    """What the figures of `history` at the end of `as_of` are worked out from."""
    days = days_until(history, as_of)
    weeks = weeks_until(history, days, as_of)
    rest = RestCalendar(history.rest_periods)
    next_goal = GoalTimeline(history.goal_changes, history.week_start_day).goal_for(weeks[-1].start + ONE_WEEK)
    return Tally(days, weeks, rest, walk(weeks, rest), comeback_days(days), record_days(history, as_of), next_goal)


def status_from(tallied: Tally, as_of: date) -> Status:
    """The figures a tally makes on `as_of`."""
    days, weeks, rest, walked, comebacks, records, next_goal = tallied
    badges = badge_states(days, weeks, walked, records, comebacks)
    return _status(as_of, days, weeks, walked, rest, badges, next_goal, len(comebacks))


def record_days(history: History, as_of: date) -> list[date]:
    """The day of each personal record up to `as_of`, one entry per record, as far as the record badges count."""
    if not any(map(_lifts_of, history.sessions)):
        return []  # the usual case for a history without lifts: nothing to import or scan, checked in C
    logged = [(session.day, session.lifts) for session in history.sessions if session.lifts and session.day <= as_of]
    from streak.core.lifts.records import first_record_days

    return first_record_days(logged, RECORDS_COUNTED)


def _status(
    as_of: date,
    days: list[date],
    weeks: list[Week],
    walked: Walk,
    rest: RestCalendar,
    badges: list[BadgeState],
    next_goal: int,
    comebacks: int,
) -> Status:
    this_week = weeks[-1]
    sessions, goal = len(this_week.days), this_week.goal
    needed = max(0, goal - sessions)
    last = days[-1] if days else None
    rest_week = rest.is_rest_week(this_week.start)
    days_left = (this_week.start.toordinal() + 6 - as_of.toordinal()) + 1 - (last == as_of)
    repair = None
    if walked.pending is not None and walked.pending_week is not None:
        repair = Repair(walked.pending_week, walked.pending, max(0, goal + 1 - sessions))
    previous = weeks[-1 - AVERAGE_WEEKS : -1]
    earned_count = sum(1 for state in badges if state.earned)
    xp = xp_total(len(days), comebacks, walked, earned_count) if days else 0
    level = level_of(xp)
    return Status(
        as_of=as_of,
        week_start=this_week.start,
        goal=goal,
        week_sessions=sessions,
        sessions_needed=needed,
        days_left=days_left,
        rest_week=rest_week,
        at_risk=needed > 0 and not rest_week and walked.freezes == 0 and walked.run > 0,
        current_streak=walked.run,
        best_streak=walked.best,
        perfect_streak=current_run(list(map(ge, sessions_in(weeks), map(week_goal, weeks)))) if days else 0,
        freezes=walked.freezes,
        repair=repair,
        total_sessions=len(days),
        last_session=last,
        days_since_last=(as_of - last).days if last else None,
        avg_per_week_4=round(sum(len(week.days) for week in previous) / AVERAGE_WEEKS, 2),
        xp=xp,
        level=level.level,
        xp_to_next=level.xp_to_next,
        badges=tuple(badges),
        weeks=tuple(weeks),
        walk=walked,
        next_goal=next_goal,
    )
