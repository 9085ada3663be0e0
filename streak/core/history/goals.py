"""The weekly goal over time: changes hold from their week on, until the week of the next one."""

from bisect import bisect_left, bisect_right
from datetime import date

from streak.core.dates import week_start
from streak.core.history.model import DEFAULT_GOAL, GoalChange, check_goal, goal_since


def with_goal(changes: tuple[GoalChange, ...], since: date, goal: int, week_start_day: str) -> tuple[GoalChange, ...]:
    """The changes after setting `goal` from the week holding `since`; a change already in that week is replaced."""
    check_goal(goal)
    week = week_start(since, week_start_day)
    if any(change.since == since and change.goal == goal for change in changes):
        return changes  # already so: keep the record and its change time
    kept = [change for change in changes if week_start(change.since, week_start_day) != week]
    return tuple(sorted([*kept, GoalChange(since, goal)], key=goal_since))


class GoalTimeline:
    """Answers "what was the goal for this week?" for any week, in O(log changes)."""

    def __init__(self, changes: tuple[GoalChange, ...], week_start_day: str) -> None:
        ordered = sorted(changes, key=goal_since)
        # week_start is monotone in the date, so these weeks are sorted too; among changes
        # sharing a week, the later `since` sits further right and wins.
        self._weeks = [week_start(change.since, week_start_day) for change in ordered]
        self._goals = [change.goal for change in ordered]

    def goal_for(self, week: date) -> int:
        """The goal for the week starting on `week`."""
        index = bisect_right(self._weeks, week)
        return self._goals[index - 1] if index else DEFAULT_GOAL

    def goals_for(self, weeks: list[date]) -> list[int]:
        """The goal of each of `weeks` (sorted), filled in a stretch per change rather than looked up per week."""
        goals: list[int] = []
        goal, filled = DEFAULT_GOAL, 0
        for change_week, change_goal in zip(self._weeks, self._goals):
            reach = bisect_left(weeks, change_week)  # the weeks before this change keep the goal before it
            goals += [goal] * (reach - filled)
            goal, filled = change_goal, reach  # changes are sorted, so `reach` never goes back
        goals += [goal] * (len(weeks) - filled)
        return goals
