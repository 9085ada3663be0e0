"""What the command line prints for people: goal changes by their week, history with months and notes, badges."""

import json


def test_goal_change_is_listed_from_the_week_it_counts_from(streak) -> None:  # noqa: ANN001
    """`goal 3 --from` a Tuesday is listed from that week's Monday, as the app lists it; JSON keeps the day given."""
    assert streak("goal", "3", "--from", "2026-12-01").status == 0
    text = streak("goal").out
    assert "from Mon 30 Nov 2026: 3 sessions a week" in text
    assert "2026-12-01" not in text
    assert json.loads(streak("goal", "--json").out)["changes"] == [{"from": "2026-12-01", "goal": 3}]
