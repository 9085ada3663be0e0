"""What the commands print: the JSON documents SPEC.md fixes, and plain text for people."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from streak.core.badges import BadgeState
from streak.core.figures import Status
from streak.core.model import DEFAULT_GOAL, History
from streak.core.phrases import days_ago, goal_dots, plural, short_day, streak_phrase, week_nudge, weekday_and_day
from streak.core.weeks import Week

if TYPE_CHECKING:  # the check-in and tip modules load only for the commands that use them
    from streak.core.checkin import CheckIn
    from streak.core.tips import Tip
    from streak.storage.store import BackupState


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def badge_json(state: BadgeState) -> dict[str, Any]:
    """An earned badge as status and check-in list it."""
    return {"id": state.badge.id, "name": state.badge.name, "earned_on": _iso(state.earned_on)}


def badge_detail_json(state: BadgeState) -> dict[str, Any]:
    """Any badge with its description and progress, as `badges --json` lists it."""
    return {
        "id": state.badge.id,
        "name": state.badge.name,
        "description": state.badge.description,
        "earned_on": _iso(state.earned_on),
        "progress": {"current": state.current, "target": state.badge.target},
    }


def status_json(status: Status) -> dict[str, Any]:
    """Exactly the keys of SPEC.md's status object."""
    return {
        "as_of": status.as_of.isoformat(),
        "week_start": status.week_start.isoformat(),
        "goal": status.goal,
        "week_sessions": status.week_sessions,
        "current_streak": status.current_streak,
        "best_streak": status.best_streak,
        "total_sessions": status.total_sessions,
        "last_session": _iso(status.last_session),
        "days_since_last": status.days_since_last,
        "avg_per_week_4": status.avg_per_week_4,
        "badges": [badge_json(state) for state in status.earned_badges],
    }


def tip_json(tip: Tip) -> dict[str, str]:
    """A tip as `{"id", "text", "source"}`."""
    return {"id": tip.id, "text": tip.text, "source": tip.source}


def checkin_json(result: CheckIn) -> dict[str, Any]:
    """The check-in document: the date, new badges, the tip and the status as of today."""
    return {
        "date": result.session.day.isoformat(),
        "new_badges": [badge_json(state) for state in result.new_badges],
        "tip": tip_json(result.tip),
        "status": status_json(result.status),
    }


def week_json(week: Week) -> dict[str, Any]:
    """One week of `history --json`."""
    return {
        "week_start": week.start.isoformat(),
        "goal": week.goal,
        "sessions": [day.isoformat() for day in week.days],
        "met": week.met,
    }


def goal_json(history: History, goal: int) -> dict[str, Any]:
    """The goal for the current week, the first weekday and every change."""
    return {
        "goal": goal,
        "week_start_day": history.week_start_day,
        "changes": [{"from": change.since.isoformat(), "goal": change.goal} for change in history.goal_changes],
    }


def status_text(status: Status) -> str:
    """The status for people, one figure a line."""
    week = f"{goal_dots(status.week_sessions, status.goal)}  {status.week_sessions} of {status.goal}"
    last = "none yet"
    if status.last_session:
        last = f"{short_day(status.last_session)}, {days_ago(status.days_since_last)}"
    earned = status.earned_badges
    badges = ", ".join(state.badge.name for state in earned) if earned else "none yet"
    return "\n".join(
        [
            f"Leg day as of {short_day(status.as_of)}",
            f"  This week  {week} ({week_nudge(status)})",
            f"  Streak     {streak_phrase(status)}",
            f"  Last       {last}",
            f"  Sessions   {status.total_sessions} in all, {status.avg_per_week_4:g} a week over the last 4 weeks",
            f"  Badges     {badges}",
        ]
    )


def tip_text(tip: Tip) -> str:
    """A tip and, on its own line, its source."""
    return f"Tip: {tip.text}\n     Source: {tip.source}"


def checkin_text(result: CheckIn) -> str:
    """What a check-in did, the streak it leaves, new badges and the tip."""
    status = result.status
    lines = [
        f"Checked in leg day on {short_day(result.session.day)}."
        + (f' Note: "{result.session.note}"' if result.session.note else ""),
        f"Streak: {streak_phrase(status)}. This week {goal_dots(status.week_sessions, status.goal)} "
        f"{status.week_sessions} of {status.goal}: {week_nudge(status)}.",
    ]
    lines += [f"New badge: {state.badge.name}! {state.badge.description}" for state in result.new_badges]
    lines += ["", tip_text(result.tip)]
    return "\n".join(lines)


def history_text(weeks: list[Week]) -> str:
    """Weeks newest first: start, dots against the goal, met or not, and the session days."""
    lines = []
    for week in weeks:
        mark = "met" if week.met else "   "
        days = ", ".join(weekday_and_day(day) for day in week.days) or "-"
        lines.append(f"{week.start.isoformat()}  {goal_dots(len(week.days), week.goal):<7} {mark}  {days}")
    return "\n".join(["week of      sessions      days", *lines])


def badges_text(states: list[BadgeState]) -> str:
    """Every badge: earned ones with their date, the others with progress."""
    lines = []
    for state in states:
        badge = state.badge
        if state.earned_on:
            lines.append(f"  ★ {badge.name:<20} earned {state.earned_on.isoformat()}  {badge.description}")
        else:
            progress = f"{state.current}/{badge.target}"
            lines.append(f"  · {badge.name:<20} {progress:>17}  {badge.description}")
    earned = sum(1 for state in states if state.earned_on)
    return "\n".join([f"Badges: {earned} of {len(states)} earned", *lines])


def goal_text(history: History, goal: int) -> str:
    """The current goal, the first weekday and the changes so far."""
    lines = [f"Weekly goal: {plural(goal, 'session')} a week; weeks start on {history.week_start_day.capitalize()}."]
    if history.goal_changes:
        lines.append("Changes:")
        lines += [f"  from {c.since.isoformat()}: {plural(c.goal, 'session')}" for c in history.goal_changes]
    else:
        lines.append(f"No changes yet: the default of {DEFAULT_GOAL} a week holds.")
    return "\n".join(lines)


def backup_json(state: BackupState, *, shared: bool) -> dict[str, Any]:
    """One backup as `backup --json` lists it; `shared`: named the older way, perhaps another file's."""
    return {
        "name": state.backup.name,
        "taken": state.backup.taken.isoformat(),
        "sessions": state.sessions,
        "in_future": state.in_future,
        "shared": shared,
    }


def backups_text(
    path: str, kept: int, states: list[BackupState], shared: list[BackupState], sharers: list[str]
) -> str:
    """The backups of `path`, newest first; then older-style ones that may be one of `sharers`' instead."""
    lines = [f"Backups of {path} (the newest {kept} are kept), newest first:"]
    lines += [backup_line(state) for state in states]
    if not states:
        lines.append("  none yet: one is taken before the first change of each day")
    if shared:
        owners = ", ".join(sharers)
        lines.append(f"Named the older way, so perhaps {owners}'s instead (restore one by name if it is this file's):")
        lines += [backup_line(state) for state in shared]
    return "\n".join(lines)


def backup_line(state: BackupState) -> str:
    """One backup in the `backup` listing, warning when the clock put it in the future."""
    held = "unreadable" if state.sessions is None else plural(state.sessions, "session")
    warning = "  (dated in the future: the clock was wrong when it was taken)" if state.in_future else ""
    return f"  {state.backup.name}  {held}{warning}"
