"""The weekly goal holds from the week of its change until the week of the next one."""

from datetime import date

import pytest

from streak.core.errors import InputError
from streak.core.history.goals import GoalTimeline, with_goal
from streak.core.history.model import GoalChange

D = date.fromisoformat


def test_default_goal_is_two_before_any_change() -> None:
    """With no change recorded, every week asks for two sessions."""
    assert GoalTimeline((), "monday").goal_for(D("2026-11-16")) == 2


def test_change_holds_from_its_week_on() -> None:
    """A goal set on a Wednesday already holds for that week's Monday, and for later weeks."""
    timeline = GoalTimeline((GoalChange(D("2026-11-04"), 3),), "monday")
    assert timeline.goal_for(D("2026-10-26")) == 2
    assert timeline.goal_for(D("2026-11-02")) == 3
    assert timeline.goal_for(D("2027-06-07")) == 3


def test_each_change_holds_until_the_next() -> None:
    """Three changes split the calendar into three spans, each with its own goal."""
    changes = (GoalChange(D("2026-01-05"), 1), GoalChange(D("2026-03-02"), 4), GoalChange(D("2026-06-01"), 2))
    timeline = GoalTimeline(changes, "monday")
    assert [
        timeline.goal_for(D(week)) for week in ("2025-12-29", "2026-01-05", "2026-02-23", "2026-03-02", "2026-06-01")
    ] == [2, 1, 1, 4, 2]


def test_setting_a_goal_twice_in_one_week_replaces_the_first() -> None:
    """Only one change is kept per week: the latest one set."""
    changes = with_goal((GoalChange(D("2026-11-16"), 3),), D("2026-11-20"), 5, "monday")
    assert changes == (GoalChange(D("2026-11-20"), 5),)


def test_sunday_weeks_decide_which_changes_share_a_week() -> None:
    """A Sunday and the following Monday share a week only when weeks start on Sunday."""
    first = (GoalChange(D("2026-11-15"), 3),)  # a Sunday
    assert len(with_goal(first, D("2026-11-16"), 4, "monday")) == 2
    assert with_goal(first, D("2026-11-16"), 4, "sunday") == (GoalChange(D("2026-11-16"), 4),)


def test_two_changes_in_one_week_after_switching_weekday_use_the_latest() -> None:
    """If switching the first weekday puts two changes in one week, the later from-date wins."""
    changes = (GoalChange(D("2026-11-15"), 3), GoalChange(D("2026-11-16"), 5))  # Sun, Mon
    assert GoalTimeline(changes, "sunday").goal_for(D("2026-11-15")) == 5
    assert GoalTimeline(changes, "monday").goal_for(D("2026-11-09")) == 3


@pytest.mark.parametrize("goal", [0, 8, -1, 100])
def test_goal_outside_one_to_seven_is_refused(goal: int) -> None:
    """A week has seven days, and a goal of zero would make every week met."""
    with pytest.raises(InputError, match="1 to 7"):
        with_goal((), D("2026-11-16"), goal, "monday")
