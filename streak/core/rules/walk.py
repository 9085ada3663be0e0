"""The streak walk: every week from the first session's to the current one gets a state, in one pass.

This is SPEC.md's "Figures and the streak" step by step; every figure, badge and XP amount
reads its result rather than walking the weeks again.
"""

from collections.abc import Sequence
from datetime import date
from itertools import islice

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
    return _walk_on(weeks, rest, 0, _Walked([], [], [], [], 0, 0, 0, None, -1))


def walk_after(walked: Walk, weeks: Sequence[Week], rest: RestCalendar, first: int) -> Walk:
    """The walk over `weeks`, where `walked` went over weeks that were the same before week `first`.

    A check-in changes one week, nearly always the current one, of thousands: the weeks before it
    keep their states, and the walk takes up from the values they left it with. Week `first` is
    walked again, so a repair it made of the week before is undone first, and that week's missed
    streak is pending again.
    """
    if first == 0 or not weeks[0].days:
        return walk(weeks, rest)
    states, earned = list(walked.states[:first]), list(walked.earned_freeze[:first])
    runs = list(walked.runs[:first])
    if states[-1] == REPAIRED:
        states[-1] = MISSED
    pending = runs[-2] if states[-1] == MISSED and first >= 2 and runs[-2] else None
    # Freezes change only when one is earned (marked) or spent (a frozen week).
    freezes = sum(earned) - states.count(FROZEN)
    taken_up = _Walked(
        states, earned, list(walked.repairing[:first]), runs, runs[-1], max(runs), freezes, pending, first - 1
    )
    return _walk_on(weeks, rest, first, taken_up)


class _Walked(NamedTuple):
    """The walk so far: each week's state and what it did, and the running values after the last of them."""

    states: list[str]
    earned: list[bool]
    repairing: list[bool]
    runs: list[int]
    run: int
    best: int
    freezes: int
    pending: int | None
    pending_index: int


def _walk_on(weeks: Sequence[Week], rest: RestCalendar, first: int, so_far: _Walked) -> Walk:
    """Walk `weeks` from week `first` on, taking up from `so_far`, the walk over the weeks before it."""
    states, earned, repairing, runs, run, best, freezes, pending, pending_index = so_far
    last = len(weeks) - 1
    # The loop below runs once a week of the history (5,000 times for a century): its lookups are
    # made once, here, rather than on every turn.
    is_rest_week = rest.is_rest_week
    for index, (start, goal, days) in enumerate(islice(weeks, first, None), first):
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
