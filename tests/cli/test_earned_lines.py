"""The command line lays out a check-in's earnings from the words phrases.earned gives, one line each."""

from helpers import TODAY
from streak.cli.render import earned_line
from streak.core.history.model import History
from streak.core.lifts.records import Record
from streak.core.phrases import earned
from streak.core.rules.badges import BADGES
from streak.core.rules.status import compute_status


def test_the_command_line_prints_each_as_one_line() -> None:
    """The command line's lines are made of the same words."""
    first_step = next(badge for badge in BADGES if badge.id == "first-session")
    level = compute_status(History(), TODAY)._replace(level=3, xp=1305)
    items = earned([Record("Back squat", 105.0, 100.0)], [first_step], "lb", repaired_streak=1, level=level)
    assert [earned_line(item) for item in items] == [
        "Streak repaired: last week's miss is forgiven, 1 week and counting.",
        "New personal record: Back squat, estimated one-rep max 231.5 lb (was 220.5 lb)!",
        f"New badge: {first_step.name}! {first_step.description}",
        "Level up! You reached level 3 (1,305 XP).",
    ]
