"""The status figures of a history as it stood at the end of one day, in one pass over its weeks."""

from datetime import date
from typing import NamedTuple

from streak.core.badges import BadgeState, badge_states, earned
from streak.core.model import History
from streak.core.weeks import Week, current_run, days_until, longest_run, weeks_until

AVERAGE_WEEKS = 4


class Status(NamedTuple):
    """Where a person stands on `as_of`: the figures SPEC.md defines, plus every badge's state."""

    as_of: date
    week_start: date
    goal: int
    week_sessions: int
    current_streak: int
    best_streak: int
    total_sessions: int
    last_session: date | None
    days_since_last: int | None
    avg_per_week_4: float
    badges: tuple[BadgeState, ...]
    weeks: tuple[Week, ...]

    @property
    def earned_badges(self) -> list[BadgeState]:
        """The earned badges, by the day they were earned, then by id."""
        return earned(list(self.badges))


def compute_status(history: History, as_of: date) -> Status:
    """Every figure as the history stood at the end of `as_of`; later sessions are ignored."""
    days = days_until(history, as_of)
    weeks = weeks_until(history, days, as_of)
    met = [len(week.days) >= week.goal for week in weeks]
    this_week = weeks[-1]
    last = days[-1] if days else None
    previous = weeks[-1 - AVERAGE_WEEKS : -1]
    return Status(
        as_of=as_of,
        week_start=this_week.start,
        goal=this_week.goal,
        week_sessions=len(this_week.days),
        current_streak=current_run(met),
        best_streak=longest_run(met),
        total_sessions=len(days),
        last_session=last,
        days_since_last=(as_of - last).days if last else None,
        avg_per_week_4=round(sum(len(week.days) for week in previous) / AVERAGE_WEEKS, 2),
        badges=tuple(badge_states(days, weeks)),
        weeks=tuple(weeks),
    )


def badges_before(status: Status, day: date) -> list[BadgeState]:
    """The badges as they stood before the session on `day`, which `status` counts, was recorded.

    Only that day's week differs, so a check-in reuses the weeks it has just computed instead of
    computing the whole history a second time.
    """
    weeks = list(status.weeks)
    index = (day - weeks[0].start).days // 7
    weeks[index] = weeks[index]._replace(days=tuple(d for d in weeks[index].days if d != day))
    return badge_states([d for week in weeks for d in week.days], weeks)
