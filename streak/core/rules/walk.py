"""The streak walk: every week from the first session's to the current one gets a state, in one pass.

This is SPEC.md's "Figures and the streak" step by step; every figure, badge and XP amount
reads its result rather than walking the weeks again.
"""

from collections.abc import Sequence
from datetime import date

from streak.core.named_tuple import NamedTuple
from streak.core.rules.weeks import RestCalendar, Week

MET = "met"
OPEN = "open"
REST = "rest"
FROZEN = "frozen"
REPAIRED = "repaired"
MISSED = "missed"
NONE = "none"
MAX_FREEZES = 2


class Walk(NamedTuple):
    """Each week's state and what it did, and the running values after the last (current) week.

    The per-week tuples line up with the weeks walked. `repairing[i]` marks a week that repaired
    the missed week before it; `runs[i]` is the streak after week i. `pending` is the streak a
    missed last week broke while the current week may still repair it, `pending_week` that week.
    """

    states: tuple[str, ...]
    earned_freeze: tuple[bool, ...]
    repairing: tuple[bool, ...]
    runs: tuple[int, ...]
    run: int
    best: int
    freezes: int
    pending: int | None
    pending_week: date | None


def walk(weeks: Sequence[Week], rest: RestCalendar) -> Walk:
    """Walk `weeks` (consecutive, the first holding the first session, the last the current week)."""
    count = len(weeks)
    if not count or not weeks[0].days:
        return Walk((NONE,) * count, (False,) * count, (False,) * count, (0,) * count, 0, 0, 0, None, None)
    states: list[str] = []
    earned: list[bool] = []
    repairing: list[bool] = []
    runs: list[int] = []
    run = best = freezes = 0
    pending: int | None = None
    pending_index = -1
    last = count - 1
    # The loop below runs once a week of the history (5,000 times for a century): its lookups are
    # made once, here, rather than on every turn.
    is_rest_week = rest.is_rest_week
    for index, (start, goal, days) in enumerate(weeks):
        sessions = len(days)
        state, earns, repairs = "", False, False
        if pending is not None:
            if sessions > goal:
                states[pending_index] = REPAIRED
                run, pending, state, repairs = pending + 1, None, MET, True
            elif index != last:
                pending = None
        if repairs:
            pass  # met by repairing the week before, and earns no freeze on top
        elif sessions >= goal:
            state, run = MET, run + 1
            if sessions > goal and freezes < MAX_FREEZES:
                freezes, earns = freezes + 1, True
        elif index == last:
            state = OPEN
        elif is_rest_week(start):
            state = REST
        elif freezes:
            state, freezes = FROZEN, freezes - 1
        else:
            state = MISSED
            if run:
                pending, pending_index = run, index
            run = 0
        states.append(state)
        earned.append(earns)
        repairing.append(repairs)
        runs.append(run)
        if run > best:
            best = run
    pending_week = weeks[pending_index].start if pending is not None else None
    return Walk(tuple(states), tuple(earned), tuple(repairing), tuple(runs), run, best, freezes, pending, pending_week)
