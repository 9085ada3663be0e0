"""Rest weeks: planned time off (a holiday, an illness) that neither breaks nor extends the streak.

Rest periods are day ranges widened to whole weeks when they are set; a week is a rest week
when any of its days lies in a period, so a later switch of the first weekday can make a
period touch two weeks at each end, as SPEC.md says.
"""

from datetime import date, timedelta
from operator import attrgetter

from streak.core.dates import week_start
from streak.core.edits import with_removals
from streak.core.errors import InputError
from streak.core.model import History, RestPeriod

MAX_WEEKS_AHEAD = 52
MAX_WEEKS_AT_ONCE = 26
_span = attrgetter("first", "last")  # the sort key of rest periods


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


def add_rest(history: History, first: date, last: date) -> History:
    """The history with every week holding `first`..`last` a rest week; overlapping periods join into one."""
    start, end = widened(first, last, history.week_start_day)
    day = timedelta(days=1)
    touching = [p for p in history.rest_periods if p.first <= end + day and p.last >= start - day]
    if any(p.first <= start and p.last >= end for p in touching):
        return history  # already resting then
    start = min([start, *(p.first for p in touching)])
    end = max([end, *(p.last for p in touching)])
    kept = [p for p in history.rest_periods if p not in touching]
    new = history._replace(rest_periods=tuple(sorted([*kept, RestPeriod(start, end)], key=_span)))
    return with_removals(new, "rest", [p for p in touching if (p.first, p.last) != (start, end)])


def clear_rest(history: History, first: date, last: date) -> History:
    """The history with `first`..`last` (widened to weeks) taken out of every rest period."""
    start, end = widened(first, last, history.week_start_day)
    overlapping = [p for p in history.rest_periods if p.first <= end and p.last >= start]
    if not overlapping:
        return history
    pieces = []
    for period in overlapping:
        if period.first < start:
            pieces.append(RestPeriod(period.first, start - timedelta(days=1)))
        if period.last > end:
            pieces.append(RestPeriod(end + timedelta(days=1), period.last))
    kept = [p for p in history.rest_periods if p not in overlapping]
    new = history._replace(rest_periods=tuple(sorted([*kept, *pieces], key=_span)))
    return with_removals(new, "rest", overlapping)
