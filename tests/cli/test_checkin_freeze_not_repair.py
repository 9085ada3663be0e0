"""A check-in is called a repair only when it repairs a week: a freeze it earns that covers the miss is not one."""

from collections.abc import Callable
from datetime import date

from helpers import Run

TODAY = date(2026, 12, 3)  # a Thursday: the week of 23 November was missed, and the week of 16 November frozen


def test_a_filled_in_day_whose_freeze_covers_the_miss_is_not_called_a_repair(streak: Callable[..., Run]) -> None:
    for day in ("2026-11-02", "2026-11-04", "2026-11-10", "2026-11-12", "2026-11-13"):
        assert streak("checkin", "--date", day, today=TODAY).status == 0
    run = streak("checkin", "--date", "2026-11-03", today=TODAY)
    assert run.status == 0
    assert "repaired" not in run.out.lower()
    weeks = streak("history", "--weeks", "6", today=TODAY).out
    assert "repaired" not in weeks and "frozen" in weeks


def test_a_repair_is_still_told(streak: Callable[..., Run]) -> None:
    """Last week missed after a two-week streak: goal + 1 this week repairs it, and the check-in says so."""
    for day in ("2026-11-09", "2026-11-11", "2026-11-16", "2026-11-18", "2026-11-30", "2026-12-01"):
        assert streak("checkin", "--date", day, today=TODAY).status == 0
    run = streak("checkin", "--date", "2026-12-02", today=TODAY)
    assert run.status == 0 and "Streak repaired" in run.out, run.out
