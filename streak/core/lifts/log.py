"""The training log as the `lifts` command and the Lifts view show it, each figure in one pass."""

from datetime import date

from streak.core.dates import week_start
from streak.core.lifts.lift import Lift, canonical_exercise, e1rm_kg, exercise_key, volume_kg
from streak.core.lifts.records import LiftSessions, session_tops
from streak.core.named_tuple import NamedTuple


class DatedLift(NamedTuple):
    """A lift with the day of its session."""

    day: date
    lift: Lift


class ExerciseSummary(NamedTuple):
    """One exercise over the whole log: a row of `lifts`."""

    exercise: str  # the catalogue's name, else the name first typed
    sessions: int  # sessions holding it, bodyweight ones included
    best: DatedLift | None  # the highest e1RM, the earliest if tied; None when always bodyweight
    last: DatedLift  # the last lift of it entered in the latest session holding it
    prs: int  # sessions that set a personal record in it


class LoggedLift(NamedTuple):
    """A lift of one exercise in `lifts --exercise`; `pr` marks the lift that made its session a record."""

    day: date
    lift: Lift
    pr: bool


def exercise_summaries(sessions: LiftSessions) -> list[ExerciseSummary]:
    """Every exercise in the log, sorted by name without case."""
    summaries: dict[str, ExerciseSummary] = {}
    bests: dict[str, float] = {}
    for day, lifts in sessions:
        for key, (exercise, e1rm, best_lift, last_lift) in session_tops(lifts).items():
            last = DatedLift(day, last_lift)
            summary = summaries.get(key) or ExerciseSummary(canonical_exercise(exercise), 0, None, last, 0)
            best, prs, previous = summary.best, summary.prs, bests.get(key)
            if e1rm is not None and (previous is None or e1rm > previous):
                best, bests[key], prs = DatedLift(day, best_lift), e1rm, prs + (previous is not None)
            summaries[key] = ExerciseSummary(summary.exercise, summary.sessions + 1, best, last, prs)
    return [summaries[key] for key in sorted(summaries)]


def exercise_log(sessions: LiftSessions, exercise: str) -> list[LoggedLift]:
    """Every lift of one exercise (any of its names), newest session first, in the order entered within one."""
    key = exercise_key(exercise)
    best: float | None = None
    logged: list[list[LoggedLift]] = []
    for day, lifts in sessions:
        mine = [lift for lift in lifts if exercise_key(lift.exercise) == key]
        e1rms = [e1rm_kg(lift) for lift in mine]
        top = max((e1rm for e1rm in e1rms if e1rm is not None), default=None)
        record_at = e1rms.index(top) if top is not None and best is not None and top > best else None
        if mine:
            logged.append([LoggedLift(day, lift, at == record_at) for at, lift in enumerate(mine)])
        if top is not None and (best is None or top > best):
            best = top
    return [entry for session in reversed(logged) for entry in session]


def e1rm_series(sessions: LiftSessions, exercise: str) -> list[tuple[date, float]]:
    """The best e1RM of each session with a weighted lift of one exercise, oldest first, for a sparkline."""
    key = exercise_key(exercise)
    series = []
    for day, lifts in sessions:
        top = session_tops(lifts).get(key)
        if top is not None and top[1] is not None:
            series.append((day, top[1]))
    return series


def week_volume_kg(sessions: LiftSessions, day: date, week_start_day: str) -> float:
    """The volume in kg (sets × reps × weight) of the week holding `day`."""
    week = week_start(day, week_start_day)
    return volume_kg(
        lift for session_day, lifts in sessions if week_start(session_day, week_start_day) == week for lift in lifts
    )
