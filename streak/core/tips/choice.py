"""The tip catalogue as values, and which tip fits the moment without repeating one too soon."""

from collections.abc import Callable, Collection, Sequence
from functools import cache
from typing import NamedTuple

from streak.core.tips.catalogue import ROWS, SOURCES

# Tags that mark a moment of the check-in; checkin.moments_of lists a check-in's moments, strongest first.
FIRST_SESSION = "start"
COMEBACK = "comeback"
STREAK_MILESTONE = "consistency"
NEW_BADGE = "progress"
SECOND_IN_WEEK = "frequency"
REPAIRED = COMEBACK  # a repaired streak: the advice on easing back in fits
AT_RISK = SECOND_IN_WEEK  # a check-in that saves a streak at stake: frequency over intensity
PERSONAL_RECORD = NEW_BADGE  # progressive overload: beat last time by a little


class Tip(NamedTuple):
    """One short, sourced piece of advice on why and how to train legs."""

    id: str
    text: str
    source: str
    tags: tuple[str, ...]


Pick = Callable[[Sequence[Tip]], Tip]


@cache
def catalogue() -> tuple[Tip, ...]:
    """Every tip, in catalogue order."""
    return tuple(Tip(id, text, SOURCES[id.split("-", 1)[0]], tags) for id, tags, text in ROWS)


def tip_by_id(id: str) -> Tip | None:
    """The tip with this id, if the catalogue still has it."""
    return next((tip for tip in catalogue() if tip.id == id), None)


def unseen(tips: Sequence[Tip], shown: Collection[str]) -> list[Tip]:
    """The tips not yet shown in this cycle; all of them once the cycle is complete."""
    remaining = [tip for tip in tips if tip.id not in shown]
    return remaining or list(tips)


def choose_tip(tips: Sequence[Tip], shown: Collection[str], moments: Sequence[str], pick: Pick) -> Tip:
    """An unseen tip for the first moment that has one, else any unseen tip; `pick` makes the choice among equals."""
    candidates = unseen(tips, shown)
    for moment in moments:
        fitting = [tip for tip in candidates if moment in tip.tags]
        if fitting:
            return pick(fitting)
    return pick(candidates)


def after_showing(tips: Sequence[Tip], shown: Sequence[str], tip: Tip) -> tuple[str, ...]:
    """The cycle after `tip` was shown: it starts over once every tip has had its turn."""
    known = {each.id for each in tips}
    still_shown = tuple(id for id in shown if id in known)
    if len(set(still_shown)) >= len(known):
        still_shown = ()
    return (*still_shown, tip.id)
