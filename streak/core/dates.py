"""Strict calendar dates and weeks that start on Monday or Sunday."""

from datetime import date, timedelta

from streak.core.errors import InputError

MONDAY = "monday"
SUNDAY = "sunday"
WEEK_START_DAYS = (MONDAY, SUNDAY)

ONE_WEEK = timedelta(days=7)
# Every date typed must lie in these years: far enough from date.min and date.max that a week
# around any of them (a Sunday before 1 January, the week after the last day) is still a date.
MIN_YEAR = 1900
MAX_YEAR = 9998


class DateError(InputError):
    """A date the user typed that is not exactly YYYY-MM-DD, not a real day, or outside the supported years."""


def _iso_shaped(text: str) -> bool:
    """Whether `text` is ten ASCII characters laid out as YYYY-MM-DD (the calendar is checked apart)."""
    digits = text[:4] + text[5:7] + text[8:]
    return len(text) == 10 and text[4] == "-" and text[7] == "-" and digits.isascii() and digits.isdigit()


def parse_date(text: str) -> date:
    """Read exactly `YYYY-MM-DD`; `date.fromisoformat` alone would also take `20261121` and `2026-W47-6`."""
    if not _iso_shaped(text):
        raise DateError(f"{text!r} is not a date: write it as YYYY-MM-DD, e.g. 2026-11-21")
    if not MIN_YEAR <= int(text[:4]) <= MAX_YEAR:
        raise DateError(f"{text} is outside the years streak supports, {MIN_YEAR} to {MAX_YEAR}")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise DateError(f"{text} is not a day on the calendar") from None


WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
DAY_FORMS = "YYYY-MM-DD (e.g. 2026-11-21), today, yesterday or a weekday (mon … sun)"


def parse_day(text: str, today: date) -> date:
    """A day where a check-in, edit or remove takes one: YYYY-MM-DD, `today`, `yesterday`, or a weekday name.

    A weekday (`mon` … `sun`, or spelled out) is the latest such day, today included, so never a future day.
    """
    word = text.lower()
    if word == "today":
        return today
    if word == "yesterday":
        return today - timedelta(days=1)
    for index, name in enumerate(WEEKDAY_NAMES):
        if word in (name, name[:3]):
            return today - timedelta(days=(today.weekday() - index) % 7)
    if not _iso_shaped(text):
        raise DateError(f"{text!r} is not a day: write {DAY_FORMS}")
    return parse_date(text)


def check_week_start_day(name: str) -> str:
    """Accept `monday` or `sunday` as the first weekday."""
    if name not in WEEK_START_DAYS:
        raise InputError(f"the first weekday must be monday or sunday, not {name!r}")
    return name


def week_start(day: date, week_start_day: str) -> date:
    """The first day of the week holding `day`."""
    offset = day.weekday() if week_start_day == MONDAY else (day.weekday() + 1) % 7
    return day - timedelta(days=offset)
