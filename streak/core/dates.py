"""Strict calendar dates and weeks that start on Monday or Sunday."""

from datetime import date, timedelta

from streak.core.errors import InputError

MONDAY = "monday"
SUNDAY = "sunday"
WEEK_START_DAYS = (MONDAY, SUNDAY)

ONE_WEEK = timedelta(days=7)


class DateError(InputError):
    """A date the user typed that is not exactly YYYY-MM-DD, or not a real day."""


def _iso_shaped(text: str) -> bool:
    """Whether `text` is ten ASCII characters laid out as YYYY-MM-DD (the calendar is checked apart)."""
    digits = text[:4] + text[5:7] + text[8:]
    return len(text) == 10 and text[4] == "-" and text[7] == "-" and digits.isascii() and digits.isdigit()


def parse_date(text: str) -> date:
    """Read exactly `YYYY-MM-DD`; `date.fromisoformat` alone would also take `20261121` and `2026-W47-6`."""
    if not _iso_shaped(text):
        raise DateError(f"{text!r} is not a date: write it as YYYY-MM-DD, e.g. 2026-11-21")
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
