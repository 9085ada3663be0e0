"""The tip catalogue as values, and which tip a check-in gets: its moment's own, or a general one, in cycles.

Each tip group (the general tips, and each moment's tips) has a cycle of its own: a tip is not
shown again until every tip of its group has been shown. The cycles need no storage of their
own: a moment's tips are shown only at that moment, so the group's ids among the shown ids
(`History.shown_tips`) are exactly that group's cycle so far.
"""

from collections.abc import Callable, Collection, Sequence
from functools import cache

from streak.core.named_tuple import NamedTuple
from streak.core.tips.catalogue import GENERAL_ROWS, MOMENT_ROWS, MOMENTS, SOURCES

FIRST_SESSION, COMEBACK, REPAIR, PERSONAL_RECORD, STREAK_BADGE, FREQUENCY = MOMENTS


class Tip(NamedTuple):
    """One short, sourced piece of advice on why and how to train legs; `moment` is None for a general tip."""

    id: str
    text: str
    source: str
    tags: tuple[str, ...]
    moment: str | None = None


Pick = Callable[[Sequence[Tip]], Tip]


@cache
def catalogue() -> tuple[Tip, ...]:
    """Every tip: the general tips, then each moment's, strongest moment first."""
    rows = [(None, row) for row in GENERAL_ROWS]
    rows += [(moment, row) for moment in MOMENTS for row in MOMENT_ROWS[moment]]
    return tuple(Tip(id, text, SOURCES[id.split("-", 1)[0]], tags, moment) for moment, (id, tags, text) in rows)


def tip_by_id(id: str) -> Tip | None:
    """The tip with this id, if the catalogue still has it."""
    return next((tip for tip in catalogue() if tip.id == id), None)


def strongest(moments: Collection[str]) -> str | None:
    """The strongest of `moments` in SPEC.md's order, or None when the check-in marks none."""
    return next((moment for moment in MOMENTS if moment in moments), None)


def group_of(tips: Sequence[Tip], moment: str | None) -> list[Tip]:
    """The tips shown at `moment`: that moment's own, or the general tips for None."""
    return [tip for tip in tips if tip.moment == moment]


def unseen(tips: Sequence[Tip], shown: Collection[str]) -> list[Tip]:
    """The tips not yet shown in this cycle; all of them once the cycle is complete."""
    remaining = [tip for tip in tips if tip.id not in shown]
    return remaining or list(tips)


def choose_tip(tips: Sequence[Tip], shown: Collection[str], moment: str | None, pick: Pick) -> Tip:
    """An unseen tip of `moment`'s group (the general tips for None); `pick` makes the choice among equals.

    A moment without tips of its own (none in today's catalogue) falls back to the general tips.
    """
    group = group_of(tips, moment) or group_of(tips, None)
    return pick(unseen(group, shown))


def after_showing(tips: Sequence[Tip], shown: Sequence[str], tip: Tip) -> tuple[str, ...]:
    """The shown ids after `tip` was shown: its group's cycle starts over once each of its tips has had its turn.

    Ids the catalogue no longer holds are forgotten; the other groups' cycles are left as they were.
    """
    known = {each.id for each in tips}
    group = {each.id for each in group_of(tips, tip.moment)}
    still_shown = tuple(id for id in shown if id in known)
    if group <= set(still_shown):
        still_shown = tuple(id for id in still_shown if id not in group)
    return (*still_shown, tip.id)
