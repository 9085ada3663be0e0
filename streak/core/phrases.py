"""Short English phrases about a status, shared by the command line and the app so both say the same."""

from collections.abc import Sequence
from datetime import date, timedelta

from streak.core.dates import week_start
from streak.core.history.model import MAX_GOAL, POUND_KG, GoalChange, History
from streak.core.named_tuple import NamedTuple
from streak.core.rules.badges import COMEBACK_GAP_DAYS, Badge, BadgeState
from streak.core.rules.status import Status, compute_status
from streak.core.rules.walk import FROZEN, MET, MISSED, REPAIRED, REST
from streak.core.rules.warning import at_stake, week_target
from streak.core.rules.xp import COMEBACK_XP, threshold
from streak.core.text import show_safely

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing (~13 ms) on the shell prompt's path
if TYPE_CHECKING:
    from streak.core.lifts.records import Record
    from streak.core.rules.checkin import CheckIn

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def plural(count: int, word: str) -> str:
    """`1 week`, `3 weeks`."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def short_day(day: date) -> str:
    """`Sat 21 Nov 2026`, in English whatever the locale."""
    return f"{WEEKDAYS[day.weekday()][:3]} {day.day} {MONTHS[day.month - 1]} {day.year}"


def weekday_and_day(day: date) -> str:
    """`Mon 2`: a session day within its week."""
    return f"{WEEKDAYS[day.weekday()][:3]} {day.day}"


def week_days(start: date, days: tuple[date, ...] | list[date]) -> list[str]:
    """Session days of the week from `start`: `Mon 16`; `Wed 30 Sep`, `Sat 3 Oct` when it spans two months."""
    spans = start.month != (start + timedelta(days=6)).month
    return [f"{weekday_and_day(day)} {MONTHS[day.month - 1]}" if spans else weekday_and_day(day) for day in days]


def goal_change(change: GoalChange, week_start_day: str) -> str:
    """`from Mon 30 Nov 2026: 3 sessions a week`: a change dated by the first day of the week it counts from."""
    return f"from {short_day(week_start(change.since, week_start_day))}: {plural(change.goal, 'session')} a week"


def in_units(kg: float | None, units: str) -> str:
    """A weight held in kilograms, shown in the units setting: `116.7 kg`, `257.2 lb`, or `bodyweight`."""
    if kg is None:
        return "bodyweight"
    return f"{kg / POUND_KG if units == 'lb' else kg:,.1f} {units}"


def goal_dots(done: int, goal: int) -> str:
    """The week against its goal as dots: ●●○ is 2 of 3; sessions beyond the goal add more filled dots."""
    return "●" * done + "○" * max(goal - done, 0)


def days_ago(days: int | None) -> str:
    """`today`, `yesterday`, `5 days ago`, or `never` when there is no session."""
    if days is None:
        return "never"
    return {0: "today", 1: "yesterday"}.get(days, f"{days} days ago")


def week_end(status: Status) -> str:
    """The name of this week's last day: `Sunday`, or `Saturday` for Sunday weeks."""
    return WEEKDAYS[(status.week_start.weekday() + 6) % 7]


def _deadline(status: Status, *, short: bool = False) -> str:
    """`by Sunday` (`by Sun`), or `today` on the week's last day."""
    if status.as_of == status.week_start + timedelta(days=6):
        return "today"
    return f"by {week_end(status)[:3] if short else week_end(status)}"


def _first_free_day(status: Status) -> str:
    return "today" if status.last_session != status.as_of else "tomorrow"


def _what_still_counts(status: Status) -> str:
    """When the goal is out of reach: what keeps the streak, in words that are true for this history."""
    if status.freezes:
        return "a banked freeze will cover the week"
    if status.current_streak and status.next_goal < MAX_GOAL:
        return "one session over the goal next week will repair the streak"
    if status.current_streak:  # a repair would take 8 sessions: more than a week has days
        return "the streak ends with this week, and next week is a fresh start"
    return "next week is a fresh start"


def _cover(status: Status) -> str:
    """A banked freeze that covers the week if its goal is not met, told beside what is needed (a rest week says so first)."""
    return ", or a freeze covers this week" if status.freezes else ""


def week_nudge(status: Status) -> str:
    """How the week stands against its goal, in plain words that are always possible."""
    needed, left, by = status.sessions_needed, status.days_left, _deadline(status)
    if status.total_sessions == 0:
        return _first_steps(status)
    if status.repair is not None and status.repair.sessions_needed:
        more = status.repair.sessions_needed
        if more <= left:
            verbs = "repairs last week and brings" if more == 1 else "repair last week and bring"
            return f"{plural(more, 'more session')} {by} {verbs} back your {status.repair.streak}-week streak"
    if needed == 0:
        if status.week_sessions == status.goal and status.freezes < 2 and left > 0 and not status.repair:
            return "goal met this week; one more banks a streak freeze"
        return "goal met this week"
    if status.rest_week and needed > left:  # the week was never asked for: no goal is "out of reach" in it
        return "rest week: nothing is needed, and the streak waits for next week"
    if needed > left:
        return f"the goal of {status.goal} is out of reach this week; {_what_still_counts(status)}"
    if status.rest_week:
        return f"rest week: nothing is needed, and sessions still count ({needed} more would meet the goal)"
    if needed == left == 1:
        return f"1 more session needed {_first_free_day(status)}, the last day of the week{_cover(status)}"
    if needed == left:
        return f"{needed} more sessions needed {by}: one every day from {_first_free_day(status)}{_cover(status)}"
    return f"{plural(needed, 'more session')} needed {by}{_cover(status)}"


def _first_steps(status: Status) -> str:
    """For a history with no session yet: how to begin, never that something is out of reach."""
    begin = "no leg day yet: check in your first to begin"
    if status.sessions_needed <= status.days_left:
        return f"{begin}, and {plural(status.goal, 'session')} {_deadline(status)} start a streak this week"
    return f"{begin}; your streak starts with the first week of {plural(status.goal, 'session')}"


def _fresh_start(status: Status) -> str:
    """When a new streak can begin, in words that agree with this week's nudge."""
    if status.sessions_needed > status.days_left:
        return "a fresh streak starts next week"
    if status.rest_week:  # nothing is needed this week, though meeting the goal would still count
        return "the streak starts afresh with the next week that meets its goal"
    return "a fresh streak starts this week"


def streak_news(status: Status) -> str | None:
    """What happened to the streak last week, when it was more than a plain met week; None otherwise."""
    states = status.walk.states
    if len(states) < 2:
        return None
    last_week = states[-2]
    if status.repair is not None:
        broke = f"Last week fell short and broke your {status.repair.streak}-week streak"
        if status.goal >= MAX_GOAL:  # a repair takes one session over the goal: 8 do not fit in a week
            return f"{broke}; with a goal of {MAX_GOAL} no week can hold a repair, so {_fresh_start(status)}."
        if status.repair.sessions_needed > status.days_left:
            return f"{broke}. Too few days are left to repair it; {_fresh_start(status)}."
        return f"{broke}, but this week can still repair it."  # the nudge says how many sessions that takes
    if last_week == FROZEN and not status.week_sessions:  # told until the week's first session, not all week
        return "A streak freeze covered last week: your streak lives on."
    if last_week == REST and status.walk.runs[-2]:  # with no streak going, nothing waited
        return "Last week was a rest week: the streak waited for you."
    away = status.days_since_last or 0
    if away >= COMEBACK_GAP_DAYS and last_week == MISSED:  # a long absence, told as one, not as one missed week
        best = f" Your best stays {plural(status.best_streak, 'week')}." if status.best_streak else ""
        return (
            f"You have been away {away} days, so {_fresh_start(status)}; your next session is a comeback"
            f" (+{COMEBACK_XP} XP).{best}"
        )
    if last_week == MISSED and status.best_streak:  # with no streak ever, a missed week is no news
        return f"Last week was missed, so {_fresh_start(status)}. Your best stays {plural(status.best_streak, 'week')}."
    if last_week == REPAIRED and states[-1] == MET and status.walk.repairing[-1]:
        return "Streak repaired: last week's miss no longer counts against you."
    return None


def short_line(status: Status) -> str:
    """One line of at most 40 characters for a shell prompt: the streak, the week, and what is at stake."""
    head = f"legs {status.current_streak}w"
    if status.freezes:
        head += f" ❄{status.freezes}"
    target = week_target(status)
    dots = goal_dots(status.week_sessions, target)
    if status.total_sessions == 0 and status.sessions_needed > status.days_left:  # nothing to lose yet
        return f"{head} {dots} no leg day yet"
    if status.repair is not None and target > status.goal:  # a repair takes one over the goal
        return f"{head} {dots} {status.repair.sessions_needed} to repair {_deadline(status, short=True)}"
    if status.sessions_needed == 0:
        return f"{head} ✔"
    if status.rest_week:
        return f"{head} {dots} rest"
    if status.sessions_needed > status.days_left:
        return f"{head} {dots} out of reach"
    alarm = "!" if at_stake(status) else ""
    return f"{head} {dots} {status.sessions_needed} {_deadline(status, short=True)}{alarm}"


def streak_phrase(status: Status) -> str:
    """`3 weeks (best 7, 1 freeze banked)`."""
    banked = f", {plural(status.freezes, 'freeze')} banked" if status.freezes else ""
    return f"{plural(status.current_streak, 'week')} (best {status.best_streak}{banked})"


XP_BAR_WIDTH = 10


def xp_bar(status: Status) -> str:
    """`▰▰▰▱▱▱▱▱▱▱`: how far through the current level, in ten cells."""
    start = threshold(status.level)
    span = threshold(status.level + 1) - start
    filled = min(XP_BAR_WIDTH, (status.xp - start) * XP_BAR_WIDTH // span) if span else 0
    return "▰" * filled + "▱" * (XP_BAR_WIDTH - filled)


def level_phrase(status: Status) -> str:
    """`5, 1,290 XP (210 to level 6)`."""
    return f"{status.level}, {status.xp:,} XP ({status.xp_to_next:,} to level {status.level + 1})"


PROGRESS_UNITS = {
    "sessions": "sessions",
    "twice-in-a-week": "sessions in one week",
    "twice-weekly": "weeks in a row",
    "streak": "weeks of streak",
    "freeze": "freezes",
    "repair": "repairs",
    "pr": "personal records",
    "comeback": "comebacks",
}


def badge_progress(state: BadgeState) -> str:
    """`earned Wed 18 Nov 2026`, or progress such as `3 of 4 weeks in a row`."""
    if state.earned_on:
        return f"earned {short_day(state.earned_on)}"
    return f"{state.current} of {state.badge.target} {PROGRESS_UNITS[state.badge.kind]}"


def streak_effect(before: History, after: History, today: date) -> str | None:
    """What a change of goal, first weekday or rest does to the current and best streak; None if nothing.

    Only what moves is named: `your current streak goes from 0 to 2 weeks.`
    """
    old, new = compute_status(before, today), compute_status(after, today)
    changes = []
    if old.current_streak != new.current_streak:
        changes.append(f"your current streak goes from {old.current_streak} to {plural(new.current_streak, 'week')}")
    if old.best_streak != new.best_streak:
        changes.append(f"your best streak from {old.best_streak} to {plural(new.best_streak, 'week')}")
    if not changes:
        return None
    if len(changes) == 1 and changes[0].startswith("your best"):
        changes[0] = changes[0].replace("streak from", "streak goes from")
    return " and ".join(changes) + "."


COMEBACK, REPAIR, RECORD, BADGE, LEVEL = "comeback", "repair", "record", "badge", "level"


class Earned(NamedTuple):
    """One thing a check-in earned, in the words every place uses; each place lays them out its own way.

    `▲ Back squat record` (mark and name) on Today; a title over a sentence in a notification;
    one line of both on the command line. `before` is a record's previous best (`100.0 kg`).
    """

    kind: str
    mark: str
    name: str
    title: str
    detail: str
    before: str = ""


def earned(
    records: Sequence["Record"],
    badges: Sequence[Badge],
    units: str,
    *,
    repaired_streak: int | None = None,
    level: Status | None = None,
    away_days: int | None = None,
) -> list[Earned]:
    """What a check-in earned, in this order: a comeback, a repaired streak, personal records, badges, a new level.

    `away_days` are the days since the session before, for a comeback; `repaired_streak` is the streak a
    repair brought back; `level` the status that reached a new level.
    """
    items = []
    if away_days is not None:
        items.append(
            Earned(
                COMEBACK, "↺", "comeback", f"Welcome back after {away_days} days", f"+{COMEBACK_XP} XP for the comeback"
            )
        )
    if repaired_streak is not None:
        items.append(
            Earned(
                REPAIR,
                "↻",
                "streak repaired",
                "Streak repaired",
                f"last week's miss is forgiven, {plural(repaired_streak, 'week')} and counting",
            )
        )
    items += [
        Earned(
            RECORD,
            "▲",
            f"{show_safely(record.exercise)} record",  # the name may have come from a file
            f"Personal record: {show_safely(record.exercise)}",
            f"estimated one-rep max {in_units(record.e1rm_kg, units)}",
            in_units(record.previous_kg, units),
        )
        for record in records
    ]
    items += [Earned(BADGE, "★", badge.name, f"New badge: {badge.name}", badge.description) for badge in badges]
    if level is not None:
        items.append(
            Earned(
                LEVEL, "⬆", f"level {level.level}", "Level up!", f"You reached level {level.level} ({level.xp:,} XP)"
            )
        )
    return items


def earned_by(result: "CheckIn") -> list[Earned]:
    """Everything `result`'s check-in earned, as `earned` words it."""
    return earned(
        result.records,
        [state.badge for state in result.new_badges],
        result.units,
        repaired_streak=result.status.current_streak if result.repaired else None,
        level=result.status if result.levelled_up else None,
        away_days=result.away_days,
    )
