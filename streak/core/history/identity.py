"""Which records an edit left as the very same values: what need not be stamped or written again.

Edits build a new history from the old one's values, so the records an edit did not touch are
the same objects, in the same order, at both ends; a check-in on a ten-year log changes one
session among ten thousand. Comparing objects pairwise in C finds those ends without hashing or
allocating anything per record.
"""

from __future__ import annotations

from itertools import compress, count
from operator import is_not

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing on a check-in's path
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any


def _same_for(these: Sequence[Any], those: Sequence[Any], reverse: bool) -> int:
    """How many values, from the start (or the end), are the very same objects in both."""
    pairs = map(is_not, reversed(these), reversed(those)) if reverse else map(is_not, these, those)
    return next(compress(count(), pairs), min(len(these), len(those)))


def shared_ends(these: Sequence[Any], those: Sequence[Any]) -> tuple[int, int]:
    """How many values at the start and, after those, at the end of both are the very same objects."""
    head = _same_for(these, those, reverse=False)
    tail = min(_same_for(these, those, reverse=True), len(these) - head, len(those) - head)
    return head, tail


def only_in(these: Sequence[Any], those: Sequence[Any]) -> list[Any]:
    """The values of `these` that are not the very objects in `those`.

    A value rebuilt equal merely counts as not in `those`: what is then written or stamped again
    holds the same fields.
    """
    head, tail = shared_ends(these, those)
    known = set(map(id, those[head : len(those) - tail]))
    return [value for value in these[head : len(these) - tail] if id(value) not in known]
