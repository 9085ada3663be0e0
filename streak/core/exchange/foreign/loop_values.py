"""Loop Habit Tracker's entry values, and which of them are a leg-day session.

Loop stores one integer a day (Entry.kt): 2 YES_MANUAL, 1 YES_AUTO (filled in by the habit's
frequency, not done), 0 NO, 3 SKIP, -1 UNKNOWN; a numerical habit stores its amount times 1000.
Its CSV export writes the five codes by name and any other value as the integer.
"""

from datetime import date, timedelta

from streak.core.errors import InputError
from streak.core.text import show_safely

YES_MANUAL, YES_AUTO, NO, SKIP, UNKNOWN = 2, 1, 0, 3, -1
CODES = {"YES_MANUAL": YES_MANUAL, "YES_AUTO": YES_AUTO, "NO": NO, "SKIP": SKIP, "UNKNOWN": UNKNOWN}
MAX_VALUE_DIGITS = 19  # Loop keeps values as 64-bit integers
MS_PER_DAY = 86_400_000
EPOCH = date(1970, 1, 1)
FIRST_DAY, LAST_DAY = date(1900, 1, 1), date(9998, 12, 31)


def is_session(value: int, numerical: bool) -> bool:
    """YES_MANUAL, or for a numerical habit an amount above 0; YES_AUTO, SKIP, NO and UNKNOWN never are."""
    if value == YES_MANUAL:
        return True
    return numerical and value > 0 and value not in (YES_AUTO, SKIP)


def value_of(text: str) -> int:
    """A value as Loop's CSV writes it: a code's name or an integer."""
    text = text.strip()
    if text in CODES:
        return CODES[text]
    digits = text.removeprefix("-")
    if not (digits.isascii() and digits.isdigit()):
        raise InputError(
            f"{show_safely(text)!r} is not a Loop value (YES_MANUAL, YES_AUTO, NO, SKIP, UNKNOWN or a number)"
        )
    if len(digits.lstrip("0")) > MAX_VALUE_DIGITS:  # int() would refuse past 4,300 digits, with a traceback
        raise InputError(f"the value {digits[:12]}… is {len(digits):,} digits long, more than Loop's values ever are")
    return int(text)


def day_of_timestamp(milliseconds: int) -> date:
    """The day of a Loop timestamp: milliseconds since 1970 at UTC midnight of that day."""
    days = milliseconds // MS_PER_DAY
    if not (FIRST_DAY - EPOCH).days <= days <= (LAST_DAY - EPOCH).days:
        raise InputError(f"timestamp {milliseconds} is not a day between 1900 and 9998")
    return EPOCH + timedelta(days=days)
