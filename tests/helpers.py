"""What many tests share that is not a fixture: the pinned today, running streak, and reading a history.

A plain module, so tests import it by name instead of importing conftest.py or each other.
"""

import os
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path
from typing import NamedTuple

from streak.core.history.model import GoalChange, History, RestPeriod, Session, Settings
from streak.core.tips.choice import Tip

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
