"""Rest weeks: planned time off (a holiday, an illness) that neither breaks nor extends the streak.

Rest is kept day by day as a history of assertions: a `RestPeriod` says "these days rest" and a
rest `Removal` (its key the days `first/last`) says "these days do not", each as of its change
time. `streak rest` and `streak rest --clear` each lay one assertion over the whole range they
name (widened to whole weeks), newest on top: what it covers of older periods and removals is cut
away, and what lies outside keeps its own change time. So rest periods never overlap, a day
rests exactly when it lies in one, and copies from two machines merge day by day: on each day the
later assertion wins (see `streak.core.sync.merge`). A week is a rest week when any of its days rests,
so a later switch of the first weekday can make a period touch two weeks at each end, as SPEC.md says.
"""

from datetime import date, timedelta
from operator import attrgetter

from streak.core.dates import week_start
from streak.core.errors import InputError
from streak.core.history.model import History, Removal, RestPeriod, Stamp

MAX_WEEKS_AHEAD = 52
MAX_WEEKS_AT_ONCE = 26
REST = "rest"  # the kind of a rest Removal
_span = attrgetter("first", "last")  # the sort key of rest periods
_ONE_DAY = timedelta(days=1)


def widened(first: date, last: date, week_start_day: str) -> tuple[date, date]:
    """`first`..`last` stretched to the first day of its first week and the last day of its last week."""
    return week_start(first, week_start_day), week_start(last, week_start_day) + timedelta(days=6)


def check_rest_range(first: date, last: date, today: date, week_start_day: str) -> tuple[date, date]:
    """The widened range, if it is one that `streak rest` takes."""
    if last < first:
        raise InputError(f"the rest period ends ({last.isoformat()}) before it starts ({first.isoformat()})")
    if last > today + timedelta(weeks=MAX_WEEKS_AHEAD):
        raise InputError(f"{last.isoformat()} is more than {MAX_WEEKS_AHEAD} weeks ahead; plan rest closer to now")
    start, end = widened(first, last, week_start_day)
    weeks = ((end - start).days + 1) // 7
    if weeks > MAX_WEEKS_AT_ONCE:
        raise InputError(f"that is {weeks} weeks; one command covers at most {MAX_WEEKS_AT_ONCE} weeks of rest")
    return start, end


def cleared_days(removal: Removal) -> tuple[date, date] | None:
    """The days a rest removal says do not rest, from its key `first/last`; None if the key is not such a range."""
    first, _, last = removal.key.partition("/")
    try:
        days = date.fromisoformat(first), date.fromisoformat(last)
    except ValueError:
        return None
    return days if days[0] <= days[1] < date.max else None


def rest_removal(first: date, last: date, changed: Stamp | None = None) -> Removal:
    """The removal saying that `first`..`last` do not rest."""
    return Removal(REST, f"{first.isoformat()}/{last.isoformat()}", changed)


def add_rest(history: History, first: date, last: date) -> History:
    """The history with every week holding `first`..`last` a rest week (unchanged if those days all rest already)."""
    start, end = widened(first, last, history.week_start_day)
    if _all_resting(history.rest_periods, start, end):
        return history
    return _overlay(history, start, end, RestPeriod(start, end))


def clear_rest(history: History, first: date, last: date) -> History:
    """The history with `first`..`last` (widened to weeks) taken out of every rest period."""
    start, end = widened(first, last, history.week_start_day)
    if not any(period.first <= end and period.last >= start for period in history.rest_periods):
        return history
    return _overlay(history, start, end, rest_removal(start, end))


def _all_resting(periods: tuple[RestPeriod, ...], start: date, end: date) -> bool:
    reached = start - _ONE_DAY  # every day up to here rests
    for period in sorted(periods, key=_span):
        if period.first > reached + _ONE_DAY:
            break
        reached = max(reached, period.last)
    return reached >= end


def _overlay(history: History, start: date, end: date, newest: RestPeriod | Removal) -> History:
    """The history with `newest` laid over `start`..`end`: older rest records keep only the days outside it."""
    periods = [
        piece for period in history.rest_periods for piece in _outside(period, period.first, period.last, start, end)
    ]
    removals = []
    for removal in history.removals:
        days = cleared_days(removal) if removal.kind == REST else None
        if days is None:
            removals.append(removal)
        else:
            removals.extend(_outside(removal, *days, start, end))
    if type(newest) is RestPeriod:
        periods.append(newest)
    else:
        removals.append(newest)
    return history._replace(
        rest_periods=tuple(sorted(periods, key=_span)),
        removals=tuple(sorted(removals, key=attrgetter("kind", "key"))),
    )


def _outside(record: RestPeriod | Removal, first: date, last: date, start: date, end: date) -> list:
    """The parts of `record` (spanning `first`..`last`) outside `start`..`end`, each keeping its change time."""
    if last < start or first > end:
        return [record]
    pieces = []
    if first < start:
        pieces.append(_spanning(record, first, start - _ONE_DAY))
    if last > end:
        pieces.append(_spanning(record, end + _ONE_DAY, last))
    return pieces


def _spanning(record: RestPeriod | Removal, first: date, last: date) -> RestPeriod | Removal:
    if type(record) is RestPeriod:
        return record._replace(first=first, last=last)
    return rest_removal(first, last, record.changed)


def rest_spans(periods: tuple[RestPeriod, ...]) -> list[tuple[date, date]]:
    """The rest periods as a person reads them: periods that touch or overlap joined into one span."""
    spans: list[tuple[date, date]] = []
    for period in sorted(periods, key=_span):
        if spans and period.first <= spans[-1][1] + _ONE_DAY:
            spans[-1] = (spans[-1][0], max(spans[-1][1], period.last))
        else:
            spans.append((period.first, period.last))
    return spans
