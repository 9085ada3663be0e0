"""Personal records: a session whose best e1RM in an exercise beats that exercise's best in every earlier one.

A record needs a best to beat: the first session with a weighted lift of an exercise sets its
baseline (bodyweight sessions before it set none), and bodyweight lifts never make one. Bests are
kept per `exercise_key`, so every name of an exercise counts as one. Everything is one pass: the
status of every command reads the records, so the loops here stay lean (plain tuples, cached keys).
"""

from collections.abc import Container, Iterable, Iterator, Mapping, Sequence
from datetime import date
from itertools import islice

from streak.core.lifts.lift import Lift, e1rm_kg, exercise_key
from streak.core.named_tuple import NamedTuple

LiftSessions = Iterable[tuple[date, Sequence[Lift]]]  # (day, lifts as entered), oldest first

# One exercise within one session: (its first lift's name, its best e1RM or None when every lift
# of it is bodyweight, the first lift with that e1RM or None, the last lift of it entered).
SessionTop = tuple[str, float | None, Lift | None, Lift]


class Record(NamedTuple):
    """An exercise whose best e1RM in a session beats its best before: what a check-in reports."""

    exercise: str
    e1rm_kg: float
    previous_kg: float


class PR(NamedTuple):
    """A personal record, on the day of the session that set it."""

    day: date
    exercise: str
    e1rm_kg: float
    previous_kg: float


def session_tops(lifts: Iterable[Lift]) -> dict[str, SessionTop]:
    """Each exercise of a session, by `exercise_key`, in the order first entered."""
    tops: dict[str, SessionTop] = {}
    for lift in lifts:
        key = exercise_key(lift.exercise)
        e1rm = e1rm_kg(lift)
        top = tops.get(key)
        if top is None:
            tops[key] = (lift.exercise, e1rm, None if e1rm is None else lift, lift)
        elif e1rm is not None and (top[1] is None or e1rm > top[1]):
            tops[key] = (top[0], e1rm, lift, lift)
        else:
            tops[key] = (*top[:3], lift)
    return tops


def best_e1rms(sessions: LiftSessions, only: Container[str] | None = None) -> dict[str, float]:
    """Each exercise's best e1RM, by `exercise_key` (only those keys in `only`, when given).

    Exercises only ever done at bodyweight have none. The best of every session's best is the best
    of every lift, so this runs over the lifts directly, without `session_tops`.
    """
    best: dict[str, float] = {}
    for _, lifts in sessions:
        for lift in lifts:
            key = exercise_key(lift.exercise)
            if only is not None and key not in only:
                continue
            e1rm, previous = e1rm_kg(lift), best.get(key)
            if e1rm is not None and (previous is None or e1rm > previous):
                best[key] = e1rm
    return best


def records_of(session_lifts: Iterable[Lift], best_before: Mapping[str, float]) -> list[Record]:
    """The records one session's lifts set, given the bests before it from `best_e1rms`."""
    records = []
    for key, (exercise, e1rm, _, _) in session_tops(session_lifts).items():
        previous = best_before.get(key)
        if e1rm is not None and previous is not None and e1rm > previous:
            records.append(Record(exercise, e1rm, previous))
    return records


def records_and_bests(sessions: LiftSessions) -> tuple[list[PR], dict[str, float]]:
    """Every personal record, and each exercise's best e1RM after them all, in one pass.

    The records come in session order and, within a session, in the order each exercise was first entered.
    """
    best: dict[str, float] = {}
    return list(_records(sessions, best)), best


def first_record_days(sessions: LiftSessions, count: int) -> list[date]:
    """The days of the first `count` personal records, or of all if there are fewer.

    The record badges look no further than their largest target, so `status` stops scanning there.
    """
    return [record.day for record in islice(_records(sessions, {}), count)]


def _records(sessions: LiftSessions, best: dict[str, float]) -> Iterator[PR]:
    """Each personal record as the scan reaches it, keeping `best` up to date as it goes."""
    for day, lifts in sessions:
        for key, (exercise, e1rm, _, _) in session_tops(lifts).items():
            previous = best.get(key)
            if e1rm is not None and (previous is None or e1rm > previous):
                best[key] = e1rm
                if previous is not None:
                    yield PR(day, exercise, e1rm, previous)
