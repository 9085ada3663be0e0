"""Back-filling: where a check-in or remove takes a day, today, yesterday and weekday names work besides YYYY-MM-DD."""

import json
from datetime import date
from pathlib import Path

import pytest

from helpers import TODAY, one_line_error
from streak.core.dates import DateError, parse_day

D = date.fromisoformat


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("today", "2026-11-21"), ("yesterday", "2026-11-20"), ("sat", "2026-11-21"), ("fri", "2026-11-20"),
        ("sun", "2026-11-15"), ("mon", "2026-11-16"), ("wed", "2026-11-18"), ("Monday", "2026-11-16"),
        ("MON", "2026-11-16"), ("Today", "2026-11-21"), ("2026-11-02", "2026-11-02"),
    ],
)  # fmt: skip
def test_day_words_name_the_latest_such_day(text: str, day: str) -> None:
    """With today a Saturday, sat is today, sun the Sunday before it and mon this week's Monday."""
    assert parse_day(text, TODAY) == D(day)


@pytest.mark.parametrize("text", ["tomorrow", "", "mo", "next mon", " mon", "2026/11/21", "20261121", "21-11-2026"])
def test_anything_else_names_the_accepted_forms(text: str) -> None:
    """Other words and other date layouts are refused with every accepted form in the message."""
    with pytest.raises(DateError, match="YYYY-MM-DD .*today, yesterday or a weekday \\(mon … sun\\)"):
        parse_day(text, TODAY)


def test_impossible_dates_still_say_so() -> None:
    """A well-formed date that is not on the calendar is refused as such."""
    with pytest.raises(DateError, match="not a day on the calendar"):
        parse_day("2026-02-30", TODAY)


def test_checkin_and_remove_take_day_words(streak) -> None:  # noqa: ANN001
    """checkin --date yesterday and --date mon record those days; remove mon deletes Monday's session."""
    assert streak("checkin", "--date", "yesterday").status == 0
    assert json.loads(streak("checkin", "--date", "mon", "--json").out)["date"] == "2026-11-16"
    assert streak("checkin", "--date", "today").status == 0
    history = json.loads(streak("history", "--weeks", "1", "--json").out)
    assert history[0]["sessions"] == ["2026-11-16", "2026-11-20", "2026-11-21"]
    assert streak("remove", "mon").out.startswith("Removed the session on Mon 16 Nov 2026")
    assert json.loads(streak("status", "--json").out)["week_sessions"] == 2


@pytest.mark.parametrize("args", [["checkin", "--date", "tomorrow"], ["remove", "someday"], ["checkin", "--date", "3"]])
def test_other_words_exit_2_and_change_nothing(streak, db: Path, args: list[str]) -> None:  # noqa: ANN001
    """Anything else is bad input: exit 2, one line naming every accepted form, the file untouched."""
    streak("checkin", "--date", "2026-11-02")
    before = db.read_bytes()
    one_line_error(streak(*args), 2, "YYYY-MM-DD", "today", "yesterday", "mon … sun")
    assert db.read_bytes() == before


@pytest.mark.parametrize("args", [["status", "--as-of", "yesterday"], ["goal", "3", "--from", "mon"]])
def test_as_of_and_from_take_dates_only(streak, args: list[str]) -> None:  # noqa: ANN001
    """--as-of and --from, which may lie in the future, stay YYYY-MM-DD only, as SPEC.md has them."""
    one_line_error(streak(*args), 2, "YYYY-MM-DD")
