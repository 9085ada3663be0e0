"""When the game warns that a streak is at stake: one rule for Today, `status` and `status --short` alike."""

from streak.core.rules.status import Status

SPARE_DAYS = 1  # warn only while the goal can still be met with at most this many days to spare


def at_stake(status: Status) -> bool:
    """Whether to warn: the streak ends unless the goal is met, the goal can still be met, and time is short.

    SPEC.md's rule: `at_risk` and 0 <= days_left − sessions_needed <= 1. On the other at-risk days the
    week's line says what is needed, calmly, so the warning keeps its weight when it does show.
    """
    return status.at_risk and 0 <= status.days_left - status.sessions_needed <= SPARE_DAYS


def week_target(status: Status) -> int:
    """The sessions this week is played for: the goal, or goal + 1 while a repair of last week still fits in it."""
    if status.repair is not None and status.repair.sessions_needed <= status.days_left:
        return status.goal + 1
    return status.goal
