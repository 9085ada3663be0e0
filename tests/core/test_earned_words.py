"""What a check-in earned is worded in one place; Today, History and the command line lay the same words out."""

from helpers import TODAY
from streak.core.history.model import History
from streak.core.lifts.records import Record
from streak.core.phrases import earned
from streak.core.rules.badges import BADGES
from streak.core.rules.status import compute_status


def test_each_kind_is_worded_and_ordered_repair_records_badges_level() -> None:
    """A repaired streak first, then records, badges and the level reached, each with its mark and title."""
    first_step = next(badge for badge in BADGES if badge.id == "first-session")
    level = compute_status(History(), TODAY)._replace(level=3, xp=305)
    items = earned([Record("Back squat", 105.0, 100.0)], [first_step], "kg", repaired_streak=3, level=level)
    assert [f"{item.mark} {item.name}" for item in items] == [
        "↻ streak repaired",
        "▲ Back squat record",
        f"★ {first_step.name}",
        "⬆ level 3",
    ]
    assert [item.title for item in items] == [
        "Streak repaired",
        "Personal record: Back squat",
        f"New badge: {first_step.name}",
        "Level up!",
    ]
