"""What became of each conflict copy a merge met, in the one line a person reads (stderr, or a notification)."""

from datetime import date
from typing import NamedTuple

from streak.core.dates import week_start
from streak.core.history.model import History
from streak.storage.sync.conflicts import ConflictCopy


class CopyReport(NamedTuple):
    """What became of one conflict copy: merged (and moved into backups/) or left where it was, in one line."""

    copy: ConflictCopy
    merged: bool
    line: str


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def merged_line(copy: ConflictCopy, before: History, after: History, today: date, not_moved: str | None = None) -> str:
    """`merged 3 sessions and 1 removal from the copy made by Syncthing on 20 Nov (now in backups/)`.

    `not_moved` is why the copy could not be moved into backups/, if it could not.
    """
    parts = _what_changed(before, after)
    where = copy.described(today)
    if not_moved:
        kept = f"; it stays beside the data file ({not_moved} when moving it into backups/), and merging it again changes nothing"
    else:
        kept = " (now in backups/)"
    if not parts:
        return f"merged {where}: nothing in it was new{kept}"
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return f"merged {listed} from {where}{kept}"


def _what_changed(before: History, after: History) -> list[str]:
    """What a merge brought in, counted the way a person would: sessions, removals, goal changes, rest weeks, settings."""
    old = {s.day: (s.note, s.lifts, s.tip) for s in before.sessions}
    new = {s.day: (s.note, s.lifts, s.tip) for s in after.sessions}
    sessions = sum(1 for day, held in new.items() if old.get(day) != held)
    removals = sum(1 for day in old if day not in new)
    old_goals = {(c.since, c.goal) for c in before.goal_changes}
    new_goals = {(c.since, c.goal) for c in after.goal_changes}
    goals = len({since for since, _ in old_goals ^ new_goals})
    rest = len(_rest_weeks(before, after.week_start_day) ^ _rest_weeks(after, after.week_start_day))
    parts = []
    if sessions:
        parts.append(_plural(sessions, "session"))
    if removals:
        parts.append(_plural(removals, "removal"))
    if goals:
        parts.append(_plural(goals, "goal change"))
    if rest:
        parts.append(_plural(rest, "rest week"))
    if before.week_start_day != after.week_start_day:
        parts.append(f"weeks starting on {after.week_start_day.capitalize()}")
    if before.units != after.units:
        parts.append(f"weights in {after.units}")
    return parts


def _rest_weeks(history: History, week_start_day: str) -> set[date]:
    weeks = set()
    for period in history.rest_periods:
        week = week_start(period.first, week_start_day)
        while week <= period.last:
            weeks.add(week)
            week = date.fromordinal(week.toordinal() + 7)
    return weeks
