"""The game's signals on the command line: the warning only when time is short, what covers a week, and the moment as it is."""

import json
from datetime import date

import pytest

from helpers import AWAY_39_DAYS, FOUR_WEEK_STREAK, FREEZE_BANKED, MISSED_WEEK, RESTING, Moment


def checked_in(streak, *days: str) -> None:  # noqa: ANN001
    """Check in on each day (today pinned to 2026-11-21, so every day given is in the past or today)."""
    for day in days:
        assert streak("checkin", "--date", day).status == 0, day


def lived(streak, moment: Moment) -> None:  # noqa: ANN001
    """Record `moment` as a person would: `checkin` on each of its days, then `rest` for each rested week."""
    checked_in(streak, *moment.days)
    for day in moment.rested:
        assert streak("rest", day).status == 0, day


def short(streak, as_of: str) -> str:  # noqa: ANN001
    """`status --short --as-of` without its newline."""
    return streak("status", "--short", "--as-of", as_of).out.rstrip("\n")


@pytest.mark.parametrize(
    ("as_of", "line", "warned"),
    [
        ("2026-11-16", "legs 4w ○○ 2 by Sun", False),  # Monday: seven days for two sessions, nothing to fear yet
        ("2026-11-19", "legs 4w ○○ 2 by Sun", False),  # Thursday: four days, two to spare
        ("2026-11-20", "legs 4w ○○ 2 by Sun!", True),  # Friday: three days, one to spare
        ("2026-11-21", "legs 4w ○○ 2 by Sun!", True),  # Saturday: one every day from now
        ("2026-11-22", "legs 4w ○○ out of reach", False),  # Sunday: past saving, so no call to save it
    ],
)
def test_the_warning_shows_only_with_at_most_a_day_to_spare(streak, as_of: str, line: str, warned: bool) -> None:  # noqa: ANN001
    """A 4-week streak, no freeze, nothing yet this week: `!` and At stake only from Friday, and at_risk all week."""
    lived(streak, FOUR_WEEK_STREAK)
    assert short(streak, as_of) == line
    text = streak("status", "--as-of", as_of).out
    assert ("At stake" in text) == warned, text
    assert json.loads(streak("status", "--json", "--as-of", as_of).out)["at_risk"] is True  # its meaning is kept


def test_the_calm_line_on_a_monday_says_only_what_is_needed(streak) -> None:  # noqa: ANN001
    """Monday of an at-risk week: the week's line asks for two by Sunday and nothing sounds an alarm."""
    lived(streak, FOUR_WEEK_STREAK)
    text = streak("status", "--as-of", "2026-11-16").out
    assert "  This week  ○○  0 of 2: 2 more sessions needed by Sunday\n" in text
    assert "⚠" not in text and "stake" not in text


def test_a_banked_freeze_is_named_beside_what_is_needed(streak) -> None:  # noqa: ANN001
    """Last day of a week with 1 of 2 and a freeze banked: the line says the freeze covers the week if need be."""
    lived(streak, FREEZE_BANKED)
    status = json.loads(streak("status", "--json", "--as-of", "2026-11-22").out)
    assert (status["freezes"], status["sessions_needed"], status["at_risk"]) == (1, 1, False)
    text = streak("status", "--as-of", "2026-11-22").out
    assert (
        "  This week  ●○  1 of 2: 1 more session needed today, the last day of the week, or a freeze covers this week\n"
        in text
    )
    assert short(streak, "2026-11-22") == "legs 1w ❄1 ●○ 1 today"


def test_a_brand_new_history_says_how_to_begin_and_nothing_is_out_of_reach(streak) -> None:  # noqa: ANN001
    """No session yet, on a Sunday: the prompt and status say how to begin, never that the goal is out of reach."""
    assert short(streak, "2026-11-22") == "legs 0w ○○ no leg day yet"
    text = streak("status", "--as-of", "2026-11-22").out
    assert "no leg day yet: check in your first to begin; your streak starts with the first week of 2 sessions" in text
    assert "out of reach" not in text
    midweek = streak("status", "--as-of", "2026-11-18").out
    assert "no leg day yet: check in your first to begin, and 2 sessions by Sunday start a streak this week" in midweek


def test_the_last_day_of_a_rest_week_is_not_out_of_reach(streak) -> None:  # noqa: ANN001
    """A rest week says nothing is needed on its Sunday as on its Monday: the goal is never "out of reach" in it."""
    lived(streak, RESTING)
    monday = streak("status", "--as-of", "2026-11-16").out
    sunday = streak("status", "--as-of", "2026-11-22").out
    assert "rest week: nothing is needed" in monday
    assert "rest week: nothing is needed, and the streak waits for next week" in sunday
    assert "out of reach" not in sunday
    assert short(streak, "2026-11-22") == "legs 1w ○○ rest"


@pytest.mark.parametrize(("last", "away"), [("2026-10-13", 39), ("2025-02-27", 632)])
def test_a_long_absence_is_told_as_one_with_the_comeback_xp(streak, last: str, away: int) -> None:  # noqa: ANN001
    """39 days (or 632, an old log imported) away: status tells the absence and the comeback's +20 XP, not one missed week."""
    previous = (date.fromisoformat(last) - date(2026, 10, 6)).days  # a met week before the last session's
    checked_in(streak, "2026-10-06" if previous > 0 else "2025-02-24", last)
    text = streak("status").out
    assert f"You have been away {away} days, so a fresh streak starts this week;" in text, text
    assert "your next session is a comeback (+20 XP)." in text
    assert "Last week was missed" not in text


def test_a_comeback_check_in_welcomes_the_person_back_with_its_xp(streak) -> None:  # noqa: ANN001
    """A session 39 days after the last says welcome back and the 20 XP it earned, and the XP adds up to it."""
    lived(streak, AWAY_39_DAYS)
    before = json.loads(streak("status", "--json").out)["xp"]
    run = streak("checkin")
    assert run.status == 0
    assert "Welcome back after 39 days away: +20 XP for the comeback.\n" in run.out
    after = json.loads(streak("status", "--json").out)
    assert after["xp"] - before == 10 + 20 + 50  # the session, the comeback, and the Comeback badge
    filled_in = streak("checkin", "--date", "2026-10-14")  # the day after a session: no comeback
    assert filled_in.status == 0 and "Welcome back" not in filled_in.out


def test_a_repair_week_is_counted_one_way_everywhere(streak) -> None:  # noqa: ANN001
    """The Monday after a miss: status, the prompt and a check-in all count the week to goal + 1."""
    lived(streak, MISSED_WEEK)
    assert short(streak, "2026-11-16") == "legs 0w ○○○ 3 to repair by Sun"
    text = streak("status", "--as-of", "2026-11-16").out
    assert "  This week  ○○○  0 of 3: 3 more sessions by Sunday repair last week" in text
    run = streak("checkin", "--date", "2026-11-16", today=date(2026, 11, 16))
    assert "This week ●○○ 1 of 3: 2 more sessions by Sunday repair last week" in run.out
