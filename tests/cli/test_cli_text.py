"""What the command line prints for people: goal changes by their week, history with months and notes, badges."""

import json


def test_goal_change_is_listed_from_the_week_it_counts_from(streak) -> None:  # noqa: ANN001
    """`goal 3 --from` a Tuesday is listed from that week's Monday, as the app lists it; JSON keeps the day given."""
    assert streak("goal", "3", "--from", "2026-12-01").status == 0
    text = streak("goal").out
    assert "from Mon 30 Nov 2026: 3 sessions a week" in text
    assert "2026-12-01" not in text
    assert json.loads(streak("goal", "--json").out)["changes"] == [{"from": "2026-12-01", "goal": 3}]


def test_history_header_sits_over_its_columns(streak) -> None:  # noqa: ANN001
    """Each column name starts where that column's values start, on every line."""
    for day in ("2026-11-02", "2026-11-04", "2026-11-17"):
        streak("checkin", "--date", day)
    header, *rows = streak("history", "--weeks", "4").out.splitlines()
    sessions, state, days = header.index("Sessions"), header.index("Streak"), header.index("Days")
    assert header.startswith("Week of ")
    assert rows[0].startswith("Mon 16 Nov 2026")
    for row in rows:
        assert row[sessions] in "●○" and row[sessions - 1] == " "
        assert row[state - 2 : state] == "  " and row[state:days].strip() in ("met", "so far", "missed", "")
        assert row[days - 2 : days] == "  " and row[days] != " "


def test_history_days_name_their_month_when_a_week_spans_two(streak) -> None:  # noqa: ANN001
    """Wed 30 Sep and Sat 3 Oct are told apart from days of one month; weeks within a month stay short."""
    for day in ("2026-09-30", "2026-10-03", "2026-10-06"):
        streak("checkin", "--date", day)
    text = streak("history", "--weeks", "9").out
    assert "Wed 30 Sep, Sat 3 Oct" in text
    assert any(line.endswith("  Tue 6") for line in text.splitlines())


def test_history_shows_notes(streak) -> None:  # noqa: ANN001
    """Each session's note is on its own line under its week, beginning where the days do."""
    streak("checkin", "--date", "2026-11-17", "--note", "front squats 5x5")
    streak("checkin", "--date", "2026-11-19")
    header, week, note, *_ = streak("history", "--weeks", "2").out.splitlines()
    assert week.endswith("Tue 17, Thu 19")
    assert note == " " * header.index("Days") + "Tue 17: front squats 5x5"
