"""Short English phrases about a status, shared by the command line and the app so both say the same."""

from datetime import date, timedelta

from streak.core.badges import BadgeState
from streak.core.dates import week_start
from streak.core.figures import Status
from streak.core.model import GoalChange

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def plural(count: int, word: str) -> str:
    """`1 week`, `3 weeks`."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def short_day(day: date) -> str:
    """`Sat 21 Nov 2026`, in English whatever the locale."""
    return f"{WEEKDAYS[day.weekday()][:3]} {day.day} {MONTHS[day.month - 1]} {day.year}"


def weekday_and_day(day: date) -> str:
    """`Mon 2`: a session day within its week."""
    return f"{WEEKDAYS[day.weekday()][:3]} {day.day}"


def week_days(start: date, days: tuple[date, ...] | list[date]) -> list[str]:
    """Session days of the week from `start`: `Mon 16`; `Wed 30 Sep`, `Sat 3 Oct` when it spans two months."""
    spans = start.month != (start + timedelta(days=6)).month
    return [f"{weekday_and_day(day)} {MONTHS[day.month - 1]}" if spans else weekday_and_day(day) for day in days]


def goal_change(change: GoalChange, week_start_day: str) -> str:
    """`from Mon 30 Nov 2026: 3 sessions a week`: a change dated by the first day of the week it counts from."""
    return f"from {short_day(week_start(change.since, week_start_day))}: {plural(change.goal, 'session')} a week"


def goal_dots(done: int, goal: int) -> str:
    """The week against its goal as dots: ●●○ is 2 of 3; sessions beyond the goal add more filled dots."""
    return "●" * done + "○" * max(goal - done, 0)


def days_ago(days: int | None) -> str:
    """`today`, `yesterday`, `5 days ago`, or `never` when there is no session."""
    if days is None:
        return "never"
    return {0: "today", 1: "yesterday"}.get(days, f"{days} days ago")


def week_nudge(status: Status) -> str:
    """How the week stands against its goal, from the status's day to the end of the week."""
    needed = status.goal - status.week_sessions
    if needed <= 0:
        return "goal met this week"
    last_day = status.week_start.toordinal() + 6
    days_left = last_day - status.as_of.toordinal() + 1
    by = WEEKDAYS[date.fromordinal(last_day).weekday()]
    if needed > days_left:
        return f"{plural(needed, 'more session')} needed, more than the days left this week"
    if needed == days_left:
        return f"{plural(needed, 'more session')} needed by {by}: one every day from today"
    return f"{plural(needed, 'more session')} needed by {by}"


def streak_phrase(status: Status) -> str:
    """`3 weeks (best 7)`."""
    return f"{plural(status.current_streak, 'week')} (best {status.best_streak})"


PROGRESS_UNITS = {
    "sessions": "sessions",
    "twice-in-a-week": "sessions in one week",
    "twice-weekly": "weeks in a row",
    "streak": "weeks in a row",
    "comeback": "comebacks",
}


def badge_progress(state: BadgeState) -> str:
    """`earned Wed 18 Nov 2026`, or progress such as `3 of 4 weeks in a row`."""
    if state.earned_on:
        return f"earned {short_day(state.earned_on)}"
    return f"{state.current} of {state.badge.target} {PROGRESS_UNITS[state.badge.kind]}"
