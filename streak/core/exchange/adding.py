"""Adding an import's days to a history: only days it lacks, and goal changes and rest for weeks that have none."""

from typing import NamedTuple

from streak.core.dates import week_start
from streak.core.exchange.export import Imported
from streak.core.history.model import History, goal_since, session_day


class Added(NamedTuple):
    """How many sessions an import added, and how many it skipped as already present."""

    imported: int
    skipped: int


def add_imported(history: History, imported: Imported) -> tuple[History, Added]:
    """Add what `imported` holds that `history` lacks; settings come along only into an empty history."""
    settings = history.settings
    if history.is_empty() and imported.week_start_day and imported.week_start_day != settings.week_start_day:
        settings = settings._replace(week_start_day=imported.week_start_day, week_start_changed=None)
    if history.is_empty() and imported.units and imported.units != settings.units:
        settings = settings._replace(units=imported.units, units_changed=None)
    week_start_day = settings.week_start_day
    present = {session.day for session in history.sessions}
    added = []
    for session in imported.sessions:
        if session.day not in present:
            present.add(session.day)
            added.append(session)
    # "Weeks that have none" are the weeks without a change (or rest) in the history being merged
    # into; an export's own changes all come along, so exporting and importing into an empty file is exact.
    weeks_with_change = {week_start(change.since, week_start_day) for change in history.goal_changes}
    changes = set(history.goal_changes)
    changes.update(c for c in imported.goal_changes if week_start(c.since, week_start_day) not in weeks_with_change)
    periods = list(history.rest_periods)
    for period in imported.rest_periods:
        if not any(p.first <= period.last and p.last >= period.first for p in history.rest_periods):
            periods.append(period)
    merged = history._replace(
        sessions=tuple(sorted((*history.sessions, *added), key=session_day)),
        goal_changes=tuple(sorted(changes, key=goal_since)),
        rest_periods=tuple(sorted(periods, key=lambda p: (p.first, p.last))),
        settings=settings,
    )
    return merged, Added(len(added), len(imported.sessions) - len(added))
