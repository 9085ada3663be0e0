"""The badges: which exist, which a history has earned (and on which session), and progress toward the rest.

Badges are derived from the history every time, never stored, so removing a session can take one away.
"""

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


def _first_runs(holds: list[bool], lengths: set[int]) -> dict[int, int]:
    """For each run length wanted, the index of the week that first completes a run that long."""
    found: dict[int, int] = {}
    run = 0
    for index, flag in enumerate(holds):
        run = run + 1 if flag else 0
        if run in lengths and run not in found:
            found[run] = index
    return found


def _first_comeback(weeks: list[Week]) -> date | None:
    """The first session 14 or more days after the one before it.

    Such a gap always leaves a whole empty week, so only a week's first session after an
    empty week can be one: this walks weeks, not sessions.
    """
    previous: date | None = None
    after_empty_week = False
    for week in weeks:
        if not week.days:
            after_empty_week = True
            continue
        first = week.days[0]
        if previous and after_empty_week and (first - previous).days >= COMEBACK_GAP_DAYS:
            return first
        previous, after_empty_week = week.days[-1], False
    return None


def badge_states(days: list[date], weeks: list[Week]) -> list[BadgeState]:
    """Every badge, as the sessions `days` (sorted) and their `weeks` (consecutive, up to the current one) stand.

    One pass over the weeks per kind of run, whatever the number of badges of that kind.
    """
    met = [len(week.days) >= week.goal for week in weeks]
    twice = [len(week.days) >= 2 for week in weeks]
    streak_runs = _first_runs(met, {badge.target for badge in BADGES if badge.kind == "streak"})
    twice_runs = _first_runs(twice, {1} | {badge.target for badge in BADGES if badge.kind == "twice-weekly"})
    comeback = _first_comeback(weeks)
    now = {
        "sessions": len(days),
        "twice-in-a-week": max((len(week.days) for week in weeks), default=0),
        "twice-weekly": current_run(twice),
        "streak": current_run(met),
        "comeback": 1 if comeback else 0,
    }
    states = []
    for badge in BADGES:
        earned_on: date | None = None
        if badge.kind == "sessions":
            earned_on = days[badge.target - 1] if len(days) >= badge.target else None
        elif badge.kind in ("twice-in-a-week", "twice-weekly"):
            run = 1 if badge.kind == "twice-in-a-week" else badge.target
            if run in twice_runs:
                earned_on = weeks[twice_runs[run]].days[1]  # that week's second session
        elif badge.kind == "streak":
            if badge.target in streak_runs:
                week = weeks[streak_runs[badge.target]]
                earned_on = week.days[week.goal - 1]  # the session that met that week's goal
        else:
            earned_on = comeback
        current = badge.target if earned_on else min(now[badge.kind], badge.target)
        states.append(BadgeState(badge, earned_on, current))
    return states


def earned(states: list[BadgeState]) -> list[BadgeState]:
    """The earned badges, ordered by the day they were earned, then by id."""
    return sorted((state for state in states if state.earned), key=lambda state: (state.earned_on, state.badge.id))


def in_order(states: list[BadgeState]) -> list[BadgeState]:
    """Every badge in the one order all lists use: the earned ones as `earned` has them, then the rest as catalogued."""
    return [*earned(states), *(state for state in states if not state.earned)]
