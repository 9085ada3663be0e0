"""What many tests share that is not a fixture: the pinned today, running streak, and reading a history.

A plain module, so tests import it by name instead of importing conftest.py or each other.
"""

import os
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path
from typing import NamedTuple

from streak.core.history.edits import add_session
from streak.core.history.model import GoalChange, History, RestPeriod, Session, Settings
from streak.core.history.rest import add_rest
from streak.core.tips.choice import Pick, Tip, after_showing, choose_tip

TODAY = date(2026, 11, 21)  # a Saturday
NOW = datetime(2026, 11, 21, 18, 30, 0)

# The tip the snapshot apps show after a check-in: a literal here, not read from the catalogue,
# so editing the catalogue never rewrites a screen snapshot (the README shows some of them).
FIXED_TIP = Tip(
    "test-fixed",
    "Put at least one heavy compound lift, a squat or a deadlift, into every week: it trains "
    "your legs and builds a base for the rest of your program.",
    "Five Reasons Not to Skip Leg Day (Muscle & Strength)",
    ("strength", "growth"),
)


def fixed_tip(_options: object) -> Tip:
    """A `pick` for the app that always chooses FIXED_TIP, whatever the catalogue offers."""
    return FIXED_TIP


class Run(NamedTuple):
    """What one `streak` command did."""

    status: int
    out: str
    err: str


STREAK_SCRIPT = Path(sys.executable).parent / ("streak.exe" if os.name == "nt" else "streak")


def run_streak(
    *args: str | bytes, stdin: bytes | None = None, env: dict[str, str] | None = None, cwd: Path | None = None
) -> Run:
    """Run the installed `streak` script as its own process (real argv bytes, real streams, real exit status)."""
    result = subprocess.run(
        [str(STREAK_SCRIPT), *args],
        input=stdin,
        capture_output=True,
        env={**os.environ, **(env or {})},
        cwd=cwd,
        timeout=120,
        check=False,
    )
    return Run(
        result.returncode,
        result.stdout.decode("utf-8", "backslashreplace"),
        result.stderr.decode("utf-8", "backslashreplace"),
    )


def refused(run: Run, status: int, *words: str) -> None:
    """A refusal as SPEC.md words it: the status, exactly one `streak` line on stderr naming the problem, no traceback."""
    assert run.status == status, run
    assert "Traceback" not in run.err, run.err
    lines = run.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("streak"), run.err
    assert all(word in lines[0] for word in words), run.err


def one_line_error(run: Run, status: int, *words: str) -> None:
    """A refusal: the status, nothing on stdout, one `streak:` line on stderr naming the problem, no traceback."""
    assert run.status == status, run
    assert run.out == ""
    assert "Traceback" not in run.err
    last = run.err.strip().splitlines()[-1]
    assert last.startswith("streak") and all(word in last for word in words), run.err


def days(*texts: str) -> tuple[date, ...]:
    """Dates from ISO strings."""
    return tuple(date.fromisoformat(text) for text in texts)


def history_of(
    *texts: str,
    goals: dict[str, int] | None = None,
    week_start_day: str = "monday",
    rest: tuple[tuple[str, str], ...] = (),
) -> History:
    """A history with sessions on the given days, goal changes {from: goal} and rest periods (first, last)."""
    changes = tuple(sorted(GoalChange(date.fromisoformat(k), v) for k, v in (goals or {}).items()))
    return History(
        sessions=tuple(Session(day) for day in sorted(days(*texts))),
        goal_changes=changes,
        settings=Settings(week_start_day=week_start_day),
        rest_periods=tuple(RestPeriod(*days(first, last)) for first, last in rest),
    )


def days_and_notes(history: History) -> list[tuple[date, str | None]]:
    """The sessions of a history as (day, note), leaving out when and where each was recorded."""
    return [(session.day, session.note) for session in history.sessions]


def content_of(history: History) -> tuple[object, ...]:
    """What a person recorded, leaving out change times, removals and the tip cycle: what an export carries."""
    return (
        [(s.day, s.note, s.lifts) for s in history.sessions],
        [(c.since, c.goal) for c in history.goal_changes],
        history.week_start_day,
        history.units,
    )


class Moment(NamedTuple):
    """A history the game's signals are tested on: days checked in, and days whose weeks are rested."""

    days: tuple[str, ...]
    rested: tuple[str, ...] = ()


# The moments of the game that tests/cli/test_game_signals.py and tests/app/test_app_signals.py both
# check, so the command line and the app are held to the very same histories (the default goal, 2 a week).
FOUR_WEEK_STREAK = Moment(
    ("2026-10-19", "2026-10-21", "2026-10-26", "2026-10-28", "2026-11-02", "2026-11-04", "2026-11-09", "2026-11-11")
)  # four weeks met, nothing yet in the week of 16 Nov
FREEZE_BANKED = Moment(("2026-11-09", "2026-11-10", "2026-11-11", "2026-11-17"))  # 3 of 2 banks a freeze; then 1 of 2
MISSED_WEEK = Moment(
    ("2026-10-26", "2026-10-28", "2026-11-02", "2026-11-04")
)  # the week of 9 Nov missed: 16 Nov repairs
RESTING = Moment(("2026-11-09", "2026-11-11"), rested=("2026-11-16",))  # a week met, then the week of 16 Nov rested
AWAY_39_DAYS = Moment(("2026-10-06", "2026-10-13"))  # the last session 39 days before TODAY


def moment_history(moment: Moment) -> History:
    """`moment` as streak's own edits record it: each day checked in, then each rested week planned."""
    history = History()
    for day in days(*moment.days):
        history = add_session(history, Session(day), TODAY)
    for day in days(*moment.rested):
        history = add_rest(history, day, day)
    return history


def shown_in_turn(
    tips: tuple[Tip, ...], shown: tuple[str, ...], moment: str | None, pick: Pick, times: int
) -> tuple[list[str], tuple[str, ...]]:
    """Choose and record a tip for `moment` `times` times over: the ids chosen, in turn, and the tips shown after."""
    seen = []
    for _ in range(times):
        tip = choose_tip(tips, shown, moment, pick)
        seen.append(tip.id)
        shown = after_showing(tips, shown, tip)
    return seen, shown
