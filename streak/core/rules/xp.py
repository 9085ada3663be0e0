"""XP and levels: points for every session, for coming back, for a growing streak and for badges."""

from itertools import compress, repeat

from streak.core.named_tuple import NamedTuple
from streak.core.rules.walk import MET, Walk

SESSION_XP = 10
COMEBACK_XP = 20
STREAK_XP_PER_WEEK = 5
STREAK_XP_WEEKS_CAP = 10
BADGE_XP = 50
LEVEL_STEP = 50


class Level(NamedTuple):
    """The level an XP total reaches, and the XP still needed for the next one."""

    level: int
    xp_to_next: int


def xp_total(sessions: int, comebacks: int, walked: Walk, badges: int) -> int:
    """SPEC.md's sum: 10 a session, 20 more a comeback, 5 × min(streak, 10) a met week, 50 a badge."""
    met_runs = compress(walked.runs, map(MET.__eq__, walked.states))
    streak_bonus = STREAK_XP_PER_WEEK * sum(map(min, met_runs, repeat(STREAK_XP_WEEKS_CAP)))
    return SESSION_XP * sessions + COMEBACK_XP * comebacks + streak_bonus + BADGE_XP * badges


def threshold(level: int) -> int:
    """The XP a level starts at: 0, 100, 300, 600, 1,000, ... (50 × L × (L − 1))."""
    return LEVEL_STEP * level * (level - 1)


def level_of(xp: int) -> Level:
    """The largest level whose threshold `xp` reaches, and how far the next one is."""
    level = 1
    while threshold(level + 1) <= xp:
        level += 1
    return Level(level, threshold(level + 1) - xp)
