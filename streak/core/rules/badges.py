"""The badges: which exist, which a history has earned (and on which session), and progress toward the rest.

Badges are derived from the history every time, never stored, so removing a session can take one away.
"""

from collections.abc import Sequence
from datetime import date
from itertools import compress, islice, repeat
from operator import ge, sub

from streak.core.named_tuple import NamedTuple
from streak.core.rules.walk import Walk
from streak.core.rules.weeks import Week, current_run, sessions_in

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
    _badge("streak-4", "Four-Week Streak", "Keep a streak of 4 weeks.", "streak", 4),
    _badge("streak-8", "Eight-Week Streak", "Keep a streak of 8 weeks.", "streak", 8),
    _badge("streak-12", "Quarter Unbroken", "Keep a streak of 12 weeks.", "streak", 12),
    _badge("streak-26", "Half-Year Hero", "Keep a streak of 26 weeks.", "streak", 26),
    _badge("streak-52", "Year of Legs", "Keep a streak of 52 weeks.", "streak", 52),
    _badge("first-freeze", "Money in the Bank", "Beat your weekly goal by one: bank a freeze.", "freeze", 1),
    _badge("first-repair", "Back on Track", "Repair a missed week: goal + 1 the week after.", "repair", 1),
    _badge("first-pr", "Personal Best", "Set your first personal record in a lift.", "pr", 1),
    _badge("prs-10", "Record Breaker", "Set 10 personal records.", "pr", 10),
    _badge("comeback", "Comeback", "Return to leg day after 14 or more days away.", "comeback", 1),
)
RECORDS_COUNTED = max(badge.target for badge in BADGES if badge.kind == "pr")  # no badge looks at more records


def _first_runs(holds: list[bool], lengths: set[int]) -> dict[int, int]:
    """For each run length wanted, the index of the week that first completes a run that long."""
    weeks = bytes(holds)  # one byte a week, searched in C: a long history has thousands of weeks
    found = {length: weeks.find(b"\x01" * length) + length - 1 for length in lengths}
    return {length: index for length, index in found.items() if index >= length - 1}


def comeback_days(days: list[date]) -> list[date]:
    """Every session that comes 14 or more days after the one before it (a comeback, each time)."""
    ordinals = list(map(date.toordinal, days))
    gaps = map(sub, islice(ordinals, 1, None), ordinals)
    return list(compress(islice(days, 1, None), map(ge, gaps, repeat(COMEBACK_GAP_DAYS))))


def _first_index(flags: Sequence[bool]) -> int | None:
    return flags.index(True) if True in flags else None


def badge_states(
    days: list[date],
    weeks: list[Week],
    walked: Walk,
    record_days: Sequence[date],
    comebacks: list[date],
) -> list[BadgeState]:
    """Every badge, as the sessions `days` (sorted), their `weeks` and the streak walk over them stand.

    `record_days` holds a day for each personal record, in order (a session with records in two
    exercises appears twice), at least the first RECORDS_COUNTED of them; `comebacks` is
    `comeback_days(days)`. One pass over the weeks per kind of run, whatever the number of badges.
    """
    sessions = sessions_in(weeks)
    twice = list(map(ge, sessions, repeat(2)))
    twice_runs = _first_runs(twice, {1} | {badge.target for badge in BADGES if badge.kind == "twice-weekly"})
    freeze_week = _first_index(walked.earned_freeze)
    repair_week = _first_index(walked.repairing)
    now = {
        "sessions": len(days),
        "twice-in-a-week": max(sessions, default=0),
        "twice-weekly": current_run(twice),
        "streak": walked.run,
        "freeze": 0 if freeze_week is None else 1,
        "repair": 0 if repair_week is None else 1,
        "pr": len(record_days),
        "comeback": min(len(comebacks), 1),
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
            earned_on = _streak_reached(weeks, walked, badge.target)
        elif badge.kind == "freeze" and freeze_week is not None:
            earned_on = _session_over_goal(weeks[freeze_week])
        elif badge.kind == "repair" and repair_week is not None:
            earned_on = _session_over_goal(weeks[repair_week])
        elif badge.kind == "pr":
            earned_on = record_days[badge.target - 1] if len(record_days) >= badge.target else None
        elif badge.kind == "comeback":
            earned_on = comebacks[0] if comebacks else None
        current = badge.target if earned_on else min(now[badge.kind], badge.target)
        states.append(BadgeState(badge, earned_on, current))
    return states


def _session_over_goal(week: Week) -> date:
    """The (goal + 1)-th session of a week: the one that earned its freeze or made its repair."""
    return week.days[week.goal]


def _streak_reached(weeks: list[Week], walked: Walk, target: int) -> date | None:
    """The session that first made the streak `target` weeks or more.

    The streak only grows in met weeks: by the goal-th session, or the (goal + 1)-th of a repairing week.
    """
    index = _first_index(list(map(ge, walked.runs, repeat(target))))
    if index is None:
        return None
    week = weeks[index]
    return _session_over_goal(week) if walked.repairing[index] else week.days[week.goal - 1]


def earned(states: list[BadgeState]) -> list[BadgeState]:
    """The earned badges, ordered by the day they were earned, then by id."""
    return sorted((state for state in states if state.earned), key=lambda state: (state.earned_on, state.badge.id))


def in_order(states: list[BadgeState]) -> list[BadgeState]:
    """Every badge in the one order all lists use: the earned ones as `earned` has them, then the rest as catalogued."""
    return [*earned(states), *(state for state in states if not state.earned)]
