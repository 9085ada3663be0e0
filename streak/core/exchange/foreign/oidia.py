"""oidia's `streaks.json`: `[{"title": ..., "days": {"YYYY-MM-DD": count}}]`, a list in the app's order.

As oidia saves it (StreakLine.as_dict): a day is kept only while its count is above 0; any
count above 0 is one session. Streaks are numbered in the file's order, the first #1.
"""

from typing import Any

from streak.core.dates import parse_date
from streak.core.errors import InputError
from streak.core.exchange.foreign.habits import Habit, Habits, sessions_of
from streak.core.exchange.json_text import load_json

TRACKER = "oidia"


def read_oidia(text: str) -> Habits:
    """Every streak in an oidia file with the days whose count is above 0."""
    document = load_json(text.removeprefix("\ufeff"), "an oidia streaks.json")
    if not isinstance(document, list):
        raise InputError("it is JSON but not an oidia streaks.json (a list of streaks)")
    return Habits(TRACKER, tuple(_streak(entry, number) for number, entry in enumerate(document, 1)))


def _streak(entry: Any, number: int) -> Habit:
    where = f"streak {number}"
    if (
        not isinstance(entry, dict)
        or not isinstance(entry.get("title"), str)
        or not isinstance(entry.get("days"), dict)
    ):
        raise InputError(f"{where} is not an object with a title and days")
    days = {}
    for text, count in entry["days"].items():
        if type(count) is not int:
            raise InputError(f"{where}, {text}: the count {count!r} is not a whole number")
        try:
            day = parse_date(text)
        except InputError as error:
            raise InputError(f"{where}: {error}") from None
        if count > 0:
            days[day] = None
    return Habit(entry["title"], number, sessions_of(days))
