"""Adding an import's days to a history: only days it lacks, and goal changes and rest for weeks that have none.

A lifts-csv is the exception for days already present: its lifts join the session there, less the
lifts the session already holds, so importing one twice changes nothing.
"""

from collections import Counter
from collections.abc import Iterable
from datetime import date

from streak.core.dates import ONE_WEEK, week_start
from streak.core.errors import InputError
from streak.core.exchange.export import Imported
from streak.core.history.model import (
    History,
    Lift,
    RestPeriod,
    Session,
    goal_since,
    parts_of,
    session_day,
    session_from_parts,
)
from streak.core.lifts.lift import check_lifts, exercise_key
from streak.core.named_tuple import NamedTuple


class Added(NamedTuple):
    """What an import added: sessions (and those skipped as already present), lifts, goal changes and rest weeks."""

    imported: int
    skipped: int
    lifts_added: int = 0
    goal_changes: int = 0
    rest_weeks: int = 0


def add_imported(history: History, imported: Imported) -> tuple[History, Added]:
    """Add what `imported` holds that `history` lacks; settings come along only into an empty history.

    Raises InputError (changing nothing) when a lifts-csv would take a session past its 20 lifts.
    """
    settings = history.settings
    if history.is_empty() and imported.week_start_day and imported.week_start_day != settings.week_start_day:
        settings = settings._replace(week_start_day=imported.week_start_day, week_start_changed=None)
    if history.is_empty() and imported.units and imported.units != settings.units:
        settings = settings._replace(units=imported.units, units_changed=None)
    week_start_day = settings.week_start_day
    present = {session.day: session for session in history.sessions}
    added: list[Session] = []
    grown: dict[date, Session] = {}
    lifts_added = 0
    for session in imported.sessions:
        if session.day not in present:
            present[session.day] = session
            added.append(session)
            lifts_added += len(session.lifts)
        elif imported.lifts_only and session.day not in grown:
            new = new_lifts(present[session.day].lifts, session.lifts)
            if new:
                grown[session.day] = _with_lifts(present[session.day], new)
                lifts_added += len(new)
    # "Weeks that have none" are the weeks without a change (or rest) in the history being merged
    # into; an export's own changes all come along, so exporting and importing into an empty file is exact.
    weeks_with_change = {week_start(change.since, week_start_day) for change in history.goal_changes}
    changes = set(history.goal_changes)
    changes.update(c for c in imported.goal_changes if week_start(c.since, week_start_day) not in weeks_with_change)
    periods = list(history.rest_periods)
    for period in imported.rest_periods:
        if not any(p.first <= period.last and p.last >= period.first for p in history.rest_periods):
            periods.append(period)
    kept = [grown.get(session.day, session) for session in history.sessions]
    merged = history._replace(
        sessions=tuple(sorted((*kept, *added), key=session_day)),
        goal_changes=tuple(sorted(changes, key=goal_since)),
        rest_periods=tuple(sorted(periods, key=lambda p: (p.first, p.last))),
        settings=settings,
    )
    new_rest = _rest_weeks(periods, week_start_day) - _rest_weeks(history.rest_periods, week_start_day)
    return merged, Added(
        len(added),
        len(imported.sessions) - len(added),
        lifts_added,
        len(changes) - len(set(history.goal_changes)),
        len(new_rest),
    )


def new_lifts(held: Iterable[Lift], incoming: Iterable[Lift]) -> list[Lift]:
    """The lifts of `incoming` not already in `held`: equal exercise (without case), sets, reps, weight and unit,
    counted as often as they occur, so two equal sets in the file match two on the day, not one."""
    unmatched = Counter(_lift_key(lift) for lift in held)
    new = []
    for lift in incoming:
        key = _lift_key(lift)
        if unmatched[key]:
            unmatched[key] -= 1
        else:
            new.append(lift)
    return new


def _lift_key(lift: Lift) -> tuple[str, int, int, float, str]:
    return (exercise_key(lift.exercise), lift.sets, lift.reps, lift.weight, lift.unit)


def _with_lifts(session: Session, lifts: list[Lift]) -> Session:
    """The session with `lifts` after its own, held to a session's limit of lifts; a fresh part to merge."""
    try:
        check_lifts(session.lifts + tuple(lifts))
    except InputError as error:
        raise InputError(f"{session.day.isoformat()}: {error}") from None
    parts = parts_of(session)  # the new lifts are new parts (stamped as the store saves), beside the day's own
    added = parts._replace(lift_ids=parts.lift_ids + (None,) * len(lifts), lifts=parts.lifts + tuple(lifts))
    return session_from_parts(session.day, added) or session


def _rest_weeks(periods: Iterable[RestPeriod], week_start_day: str) -> set[date]:
    """The first day of every week that `periods` make a rest week."""
    weeks: set[date] = set()
    for period in periods:
        start = week_start(period.first, week_start_day)
        while start <= period.last:
            weeks.add(start)
            start += ONE_WEEK
    return weeks
