"""Lifts: what a session's training log holds."""

from typing import NamedTuple


class Lift(NamedTuple):
    """One exercise in a session: sets of reps at a weight (0 for bodyweight) in kg or lb, as entered."""

    exercise: str
    sets: int
    reps: int
    weight: float
    unit: str
