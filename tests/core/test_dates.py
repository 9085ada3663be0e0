"""Dates are exactly YYYY-MM-DD, and weeks start on Monday or Sunday."""

from datetime import date

import pytest

from streak.core.dates import DateError, parse_date, week_start


@pytest.mark.parametrize("text", ["2026-11-21", "2024-02-29", "1900-01-01", "9998-12-31"])
def test_real_dates_are_read(text: str) -> None:
    """Any real calendar day of the supported years written as YYYY-MM-DD is accepted."""
    assert parse_date(text) == date.fromisoformat(text)


@pytest.mark.parametrize("text", ["0001-01-01", "1899-12-31", "9999-01-01", "9999-12-31", "0000-01-01"])
def test_days_outside_the_supported_years_are_refused(text: str) -> None:
    """Years 1900 to 9998 only: a week around any of them is still a date, so no figure overflows."""
    with pytest.raises(DateError, match="1900 to 9998"):
        parse_date(text)


@pytest.mark.parametrize(
    "text",
    ["20261121", "2026-W47-6", "2026-11-2", "2026/11/21", " 2026-11-21", "2026-11-21 ", "2026-11-21T00:00",
     "2026-13-01", "2025-02-29", "2026-00-10", "yesterday", "", "２０２６-１１-２１", "-026-11-21"],
)  # fmt: skip
def test_anything_else_is_refused(text: str) -> None:
    """Compact, week-based, padded, impossible and non-ASCII dates are all refused."""
    with pytest.raises(DateError):
        parse_date(text)


def test_refusal_says_how_to_write_a_date() -> None:
    """The message shows the format the user should use."""
    with pytest.raises(DateError, match="YYYY-MM-DD"):
        parse_date("21/11/2026")


@pytest.mark.parametrize(
    ("day", "monday_start", "sunday_start"),
    [
        ("2026-11-21", "2026-11-16", "2026-11-15"),  # Saturday
        ("2026-11-22", "2026-11-16", "2026-11-22"),  # Sunday: last day of a Monday week, first of a Sunday week
        ("2026-11-16", "2026-11-16", "2026-11-15"),  # Monday
        ("2027-01-01", "2026-12-28", "2026-12-27"),  # New Year's Day inside ISO week 53 of 2026
        ("2021-01-03", "2020-12-28", "2021-01-03"),  # a Sunday that starts the year
        ("2024-03-01", "2024-02-26", "2024-02-25"),  # across a leap day
    ],
)
def test_week_start(day: str, monday_start: str, sunday_start: str) -> None:
    """The week of a date starts on the configured first weekday, across months and years."""
    assert week_start(date.fromisoformat(day), "monday") == date.fromisoformat(monday_start)
    assert week_start(date.fromisoformat(day), "sunday") == date.fromisoformat(sunday_start)
