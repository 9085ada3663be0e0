"""What the commands print: the JSON documents SPEC.md fixes, and plain text for people."""

from __future__ import annotations

from datetime import date

from streak.core.history.model import DEFAULT_GOAL, History, Lift
from streak.core.phrases import (
    BADGE,
    COMEBACK,
    RECORD,
    REPAIR,
    Earned,
    at_stake,
    badge_progress,
    days_ago,
    earned_by,
    goal_change,
    goal_dots,
    in_units,
    level_phrase,
    plural,
    short_day,
    streak_news,
    streak_phrase,
    week_days,
    week_nudge,
    week_target,
)
from streak.core.rules.badges import BadgeState
from streak.core.rules.status import Repair, Status

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing (~13 ms with re, enum, contextlib)
if TYPE_CHECKING:  # the check-in, lift and tip modules load only for the commands that use them
    from collections.abc import Sequence
    from typing import Any

    from streak.core.lifts.log import ExerciseSummary, LoggedLift
    from streak.core.rules.checkin import CheckIn
    from streak.core.rules.week_states import WeekState
    from streak.core.tips.choice import Tip
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


def repair_json(repair: Repair | None) -> dict[str, Any] | None:
    """The repair still possible this week, or None."""
    if repair is None:
        return None
    return {
        "week_start": repair.week_start.isoformat(),
        "streak": repair.streak,
        "sessions_needed": repair.sessions_needed,
    }


def status_json(status: Status) -> dict[str, Any]:
    """Exactly the keys of SPEC.md's status object, in its order."""
    return {
        "as_of": status.as_of.isoformat(),
        "week_start": status.week_start.isoformat(),
        "goal": status.goal,
        "week_sessions": status.week_sessions,
        "sessions_needed": status.sessions_needed,
        "days_left": status.days_left,
        "rest_week": status.rest_week,
        "at_risk": status.at_risk,
        "current_streak": status.current_streak,
        "best_streak": status.best_streak,
        "perfect_streak": status.perfect_streak,
        "freezes": status.freezes,
        "repair": repair_json(status.repair),
        "total_sessions": status.total_sessions,
        "last_session": _iso(status.last_session),
        "days_since_last": status.days_since_last,
        "avg_per_week_4": status.avg_per_week_4,
        "xp": status.xp,
        "level": status.level,
        "xp_to_next": status.xp_to_next,
        "badges": [badge_json(state) for state in status.earned_badges],
    }


def tip_json(tip: Tip) -> dict[str, str | None]:
    """A tip as `{"id", "text", "source", "moment"}`: the moment it is written for, or null for a general tip."""
    return {"id": tip.id, "text": tip.text, "source": tip.source, "moment": tip.moment}


def checkin_json(result: CheckIn) -> dict[str, Any]:
    """The check-in document: the date, new badges, personal records, the tip and the status as of today."""
    from streak.core.lifts.lift import round_kg

    return {
        "date": result.session.day.isoformat(),
        "new_badges": [badge_json(state) for state in result.new_badges],
        "prs": [
            {"exercise": r.exercise, "e1rm_kg": round_kg(r.e1rm_kg), "previous_kg": round_kg(r.previous_kg)}
            for r in result.records
        ],
        "tip": tip_json(result.tip),
        "status": status_json(result.status),
    }


def _dated_lift_json(day: date, lift: Lift) -> dict[str, Any]:
    from streak.core.exchange.export import weight_json
    from streak.core.lifts.lift import e1rm_kg, round_kg

    e1rm = e1rm_kg(lift)
    return {
        "date": day.isoformat(),
        "sets": lift.sets,
        "reps": lift.reps,
        "weight": weight_json(lift.weight),
        "unit": lift.unit,
        "e1rm_kg": None if e1rm is None else round_kg(e1rm),
    }


def exercise_summary_json(summary: ExerciseSummary) -> dict[str, Any]:
    """One exercise of `lifts --json`."""
    return {
        "exercise": summary.exercise,
        "sessions": summary.sessions,
        "best": _dated_lift_json(*summary.best) if summary.best else None,
        "last": _dated_lift_json(*summary.last),
        "prs": summary.prs,
    }


def logged_lift_json(entry: LoggedLift) -> dict[str, Any]:
    """One lift of `lifts --exercise NAME --json`."""
    return _dated_lift_json(entry.day, entry.lift) | {"pr": entry.pr}


def lifts_text(summaries: list[ExerciseSummary], units: str) -> str:
    """Each exercise: sessions, best estimated one-rep max (in the units setting), last lift, records."""
    from streak.core.lifts.lift import e1rm_kg, format_lift

    if not summaries:
        return "No lifts recorded yet: add them with streak checkin --lift 'back squat 5x5 100kg'."
    width = max(len("exercise"), *(len(s.exercise) for s in summaries))
    lines = [f"{'exercise':<{width}}  sessions  {'best e1RM':>12}  {'PRs':>3}  last"]
    for s in summaries:
        best = in_units(e1rm_kg(s.best.lift) if s.best else None, units)
        last = f"{format_lift(s.last.lift).removeprefix(s.last.lift.exercise).strip() or 'bodyweight'} on {short_day(s.last.day)}"
        lines.append(f"{s.exercise:<{width}}  {s.sessions:>8}  {best:>12}  {s.prs:>3}  {last}")
    return "\n".join(lines)


def exercise_log_text(entries: list[LoggedLift], units: str) -> str:
    """Every lift of one exercise, newest first, records marked."""
    from streak.core.lifts.lift import e1rm_kg, format_lift

    lines = [f"{entries[0].lift.exercise}, newest first (★ a personal record):"]
    for entry in entries:
        mark = "★" if entry.pr else " "
        lift = format_lift(entry.lift).removeprefix(entry.lift.exercise).strip() or "bodyweight"
        lines.append(f"  {mark} {short_day(entry.day):<16} {lift:<16} e1RM {in_units(e1rm_kg(entry.lift), units)}")
    return "\n".join(lines)


def week_json(week: WeekState) -> dict[str, Any]:
    """One week of `history --json`."""
    return {
        "week_start": week.start.isoformat(),
        "goal": week.goal,
        "sessions": [day.isoformat() for day in week.days],
        "met": len(week.days) >= week.goal,
        "state": week.state,
        "earned_freeze": week.earned_freeze,
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
    target = week_target(status)  # goal + 1 in a week that can still repair the last, as the prompt line counts
    week = f"{goal_dots(status.week_sessions, target)}  {status.week_sessions} of {target}"
    nudge = week_nudge(status)
    if status.rest_week and "rest week" not in nudge:
        week += " (rest week)"
    last = "none yet"
    if status.last_session:
        last = f"{short_day(status.last_session)}, {days_ago(status.days_since_last)}"
    earned = status.earned_badges
    badges = ", ".join(state.badge.name for state in earned) if earned else "none yet"
    lines = [
        f"Leg day as of {short_day(status.as_of)}",
        f"  This week  {week}: {nudge}",
        f"  Streak     {streak_phrase(status)}",
    ]
    news = streak_news(status)
    if at_stake(status):
        lines.append(f"  At stake   your {status.current_streak}-week streak ends unless you meet the goal")
    if news:
        lines.append(f"  Lately     {news}")
    lines += [
        f"  Level      {level_phrase(status)}",
        f"  Last       {last}",
        f"  Sessions   {status.total_sessions} in all, {status.avg_per_week_4:g} a week over the last 4 weeks",
        f"  Badges     {badges}",
    ]
    return "\n".join(lines)


def tip_text(tip: Tip) -> str:
    """A tip and, on its own line, its source."""
    return f"Tip: {tip.text}\n     Source: {tip.source}"


# When each group of tips is shown, as `tip --all` heads it.
TIP_GROUP_HEADINGS = {
    None: "After any other check-in",
    "first-session": "After the first session ever",
    "comeback": "After a comeback (14 or more days since the session before)",
    "repair": "After a check-in that repairs the streak",
    "personal-record": "After a personal record",
    "streak-badge": "After a streak badge is earned",
    "frequency": "After a check-in that saves a streak at stake, or a week's second session",
}


def all_tips_text(tips: Sequence[Tip]) -> str:
    """Every tip under a heading saying when its group is shown, general tips first."""
    blocks = []
    for moment, heading in TIP_GROUP_HEADINGS.items():
        group = [tip for tip in tips if tip.moment == moment]
        if group:
            blocks.append("\n\n".join([f"{heading}:", *(tip_text(tip) for tip in group)]))
    return "\n\n\n".join(blocks)


def checkin_text(result: CheckIn) -> str:
    """What a check-in did, the streak it leaves, new badges and the tip."""
    status = result.status
    lines = [
        f"Checked in leg day on {short_day(result.session.day)}."
        + (f' Note: "{result.session.note}"' if result.session.note else ""),
        f"Streak: {streak_phrase(status)}. This week {goal_dots(status.week_sessions, week_target(status))} "
        f"{status.week_sessions} of {week_target(status)}: {week_nudge(status)}.",
    ]
    if result.session.lifts:
        from streak.core.lifts.lift import format_lifts

        lines.append(f"Lifts: {format_lifts(result.session.lifts)}.")
    # Records lead here, before a repair: the line that says what the lifts did sits under the lifts.
    items = sorted(earned_by(result), key=lambda item: item.kind != RECORD)
    lines += [earned_line(item) for item in items]
    lines += ["", tip_text(result.tip)]
    return "\n".join(lines)


def earned_line(item: Earned) -> str:
    """One thing a check-in earned, laid out as the command line prints it: `New badge: First Step! Check in ...`."""
    if item.kind == RECORD:
        return f"New {item.title[:1].lower()}{item.title[1:]}, {item.detail} (was {item.before})!"
    if item.kind == BADGE:
        return f"{item.title}! {item.detail}"
    if item.kind == COMEBACK:
        return f"{item.title} away: {item.detail}."
    return f"{item.title}: {item.detail}." if item.kind == REPAIR else f"{item.title} {item.detail}."


STATE_MARKS = {
    "met": "met",
    "open": "so far",
    "rest": "rest",
    "frozen": "frozen",
    "repaired": "repaired",
    "missed": "missed",
    "none": "",
}


def history_text(weeks: list[WeekState], notes: dict[date, str]) -> str:
    """Weeks newest first, in aligned columns with each week's streak state, each note on a line of its own."""
    header = f"{'Week of':<15}  {'Sessions':<15}  {'Streak':<15}  Days"
    indent = " " * header.index("Days")
    lines = [header]
    for week in weeks:
        days = week_days(week.start, week.days)
        sessions = f"{goal_dots(len(week.days), week.goal)} {len(week.days)} of {week.goal}"
        state = STATE_MARKS[week.state] + (" +freeze" if week.earned_freeze else "")
        lines.append(f"{short_day(week.start):<15}  {sessions:<15}  {state:<15}  {', '.join(days) or '-'}".rstrip())
        lines += [f"{indent}{day}: {notes[date_]}" for day, date_ in zip(days, week.days) if date_ in notes]
    return "\n".join(lines)


def badges_text(states: list[BadgeState]) -> str:
    """Every badge in aligned columns: name, the day it was earned or the progress, and what earns it."""
    lines = []
    for state in states:
        mark = "★" if state.earned else "☆"
        lines.append(f"  {mark} {state.badge.name:<20}  {badge_progress(state):<27}  {state.badge.description}")
    earned = sum(1 for state in states if state.earned)
    return "\n".join([f"Badges: {earned} of {len(states)} earned", *lines])


def goal_text(history: History, goal: int) -> str:
    """The current goal, the first weekday and the changes so far."""
    lines = [f"Weekly goal: {plural(goal, 'session')} a week; weeks start on {history.week_start_day.capitalize()}."]
    if history.goal_changes:
        lines.append("Changes:")
        lines += [f"  {goal_change(change, history.week_start_day)}" for change in history.goal_changes]
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


def backups_text(path: str, kept: int, states: list[BackupState], shared: list[BackupState], sharers: list[str]) -> str:
    """The backups of `path`, newest first; then older-style ones that may be one of `sharers`' instead."""
    lines = [f"Backups of {path} (each machine keeps its own newest {kept}), newest first:"]
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
