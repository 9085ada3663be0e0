"""The badges: which exist, which a history has earned (and on which session), and progress toward the rest.

Badges are derived from the history every time, never stored, so removing a session can take one away.
"""

from collections.abc import Callable
from datetime import date
from typing import NamedTuple

from streak.core.weeks import Week, current_run

COMEBACK_GAP_DAYS = 14


class Badge(NamedTuple):
    """A badge anyone can earn: `kind` names the rule and `target` its number."""

    id: str
    name: str
    description: str
    kind: str
    target: int


class BadgeState(NamedTuple):
    """A badge as one history stands: earned on a day (or not yet) and how far along it is."""

    badge: Badge
    earned_on: date | None
    current: int

    @property
    def earned(self) -> bool:
        """Whether the badge is earned."""
        return self.earned_on is not None


def _badge(id: str, name: str, description: str, kind: str, target: int) -> Badge:
    return Badge(id, name, description, kind, target)


BADGES: tuple[Badge, ...] = (
    _badge("first-session", "First Step", "Check in your first leg day.", "sessions", 1),
    _badge("sessions-10", "Ten Down", "Check in 10 leg days.", "sessions", 10),
    _badge("sessions-25", "Quarter Century", "Check in 25 leg days.", "sessions", 25),
    _badge("sessions-50", "Half Century", "Check in 50 leg days.", "sessions", 50),
    _badge("sessions-100", "Centurion", "Check in 100 leg days.", "sessions", 100),
    _badge("twice-in-a-week", "Double Up", "Train legs twice in one week.", "twice-in-a-week", 2),
    _badge("twice-weekly-4", "Twice-Weekly Month", "Train legs twice a week, 4 weeks in a row.", "twice-weekly", 4),
    _badge("twice-weekly-12", "Twice-Weekly Season", "Train legs twice a week, 12 weeks in a row.", "twice-weekly", 12),
    _badge("streak-4", "Four-Week Streak", "Meet your weekly goal 4 weeks in a row.", "streak", 4),
    _badge("streak-8", "Eight-Week Streak", "Meet your weekly goal 8 weeks in a row.", "streak", 8),
    _badge("streak-12", "Quarter Unbroken", "Meet your weekly goal 12 weeks in a row.", "streak", 12),
    _badge("streak-26", "Half-Year Hero", "Meet your weekly goal 26 weeks in a row.", "streak", 26),
    _badge("streak-52", "Year of Legs", "Meet your weekly goal 52 weeks in a row.", "streak", 52),
    _badge("comeback", "Comeback", "Return to leg day after 14 or more days away.", "comeback", 1),
)

BADGES_BY_ID = {badge.id: badge for badge in BADGES}


def _first_run_of(weeks: list[Week], holds: list[bool], length: int, deciding: Callable[[Week], int]) -> date | None:
    """The day of the deciding (nth) session in the last week of the first run of `length` holding weeks."""
    run = 0
    for week, flag in zip(weeks, holds):
        run = run + 1 if flag else 0
        if run == length:
            return week.days[deciding(week) - 1]
    return None


def _second(week: Week) -> int:
    return 2


def _goal_th(week: Week) -> int:
    return week.goal


def badge_states(days: list[date], weeks: list[Week]) -> list[BadgeState]:
    """Every badge, as the sessions `days` (sorted) and their `weeks` (consecutive, up to the current one) stand."""
    met = [week.met for week in weeks]
    twice = [len(week.days) >= 2 for week in weeks]
    comeback = next((b for a, b in zip(days, days[1:]) if (b - a).days >= COMEBACK_GAP_DAYS), None)
    busiest_week = max((len(week.days) for week in weeks), default=0)
    now = {
        "sessions": len(days),
        "twice-in-a-week": busiest_week,
        "twice-weekly": current_run(twice),
        "streak": current_run(met),
        "comeback": 1 if comeback else 0,
    }
    states = []
    for badge in BADGES:
        if badge.kind == "sessions":
            earned_on = days[badge.target - 1] if len(days) >= badge.target else None
        elif badge.kind == "twice-in-a-week":
            earned_on = _first_run_of(weeks, twice, 1, _second)
        elif badge.kind == "twice-weekly":
            earned_on = _first_run_of(weeks, twice, badge.target, _second)
        elif badge.kind == "streak":
            earned_on = _first_run_of(weeks, met, badge.target, _goal_th)
        else:
            earned_on = comeback
        current = badge.target if earned_on else min(now[badge.kind], badge.target)
        states.append(BadgeState(badge, earned_on, current))
    return states


def earned(states: list[BadgeState]) -> list[BadgeState]:
    """The earned badges, ordered by the day they were earned, then by id."""
    return sorted((state for state in states if state.earned), key=lambda state: (state.earned_on, state.badge.id))
