"""What became of each conflict copy a merge met, in the one line a person reads (stderr, or a notification)."""

from datetime import date

from streak.core.dates import week_start
from streak.core.history.model import History
from streak.core.named_tuple import NamedTuple
from streak.storage.sync.conflicts import ConflictCopy

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing (~13 ms) on the shell prompt's path
if TYPE_CHECKING:
    from streak.core.sync.check import LeftOut

LEFT_OUT_NAMED = 3  # kinds of thing left out named in the line; the rest are counted


class CopyReport(NamedTuple):
    """What became of one conflict copy: merged (and moved into backups/) or left where it was, in one line."""

    copy: ConflictCopy
    merged: bool
    line: str


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def merged_line(
    copy: ConflictCopy,
    before: History,
    after: History,
    today: date,
    not_moved: str | None = None,
    left_out: "tuple[LeftOut, ...]" = (),
    clock_ahead: str = "",
) -> str:
    """`merged 3 sessions and 1 removal from the copy made by Syncthing on 20 Nov (now in backups/)`.

    `not_moved` is why the copy could not be moved into backups/, if it could not; `left_out`, what
    of it broke a rule of typed input and was not merged; `clock_ahead`, how far ahead of this
    machine's clock its changes were stamped (`3 years`), when more than a day.
    """
    parts = _what_changed(before, after)
    where = copy.described(today)
    if not_moved:
        kept = f"; it stays beside the data file ({not_moved} when moving it into backups/), and merging it again changes nothing"
    else:
        kept = " (now in backups/)"
    if left_out:
        kept += f"; left out, as typed input could not hold them: {_left_out(left_out, today)}"
    if clock_ahead:
        kept += f"; its clock was {clock_ahead} ahead"
    if not parts:
        return f"merged {where}: nothing in it was new{kept}"
    return f"merged {_listed(parts)} from {where}{kept}"


def _listed(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _left_out(left_out: "tuple[LeftOut, ...]", today: date) -> str:
    """`12 lifts on 19 Nov (a session holds at most 20 lifts) and 1 note on 18 Nov (...)`, alike things counted once."""
    counts: dict[tuple[str, date | None, str], int] = {}
    for thing in left_out:
        counts[thing] = counts.get(thing, 0) + 1
    named = [
        f"{_plural(count, what)}{f' on {_day(day, today)}' if day else ''} ({why})"
        for (what, day, why), count in counts.items()
    ]
    if len(named) > LEFT_OUT_NAMED:
        rest = sum(list(counts.values())[LEFT_OUT_NAMED:])
        named = named[:LEFT_OUT_NAMED] + [f"{rest} more"]
    return _listed(named)


def _day(day: date, today: date) -> str:
    from streak.core.phrases import MONTHS

    year = "" if day.year == today.year else f" {day.year}"
    return f"{day.day} {MONTHS[day.month - 1]}{year}"


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
