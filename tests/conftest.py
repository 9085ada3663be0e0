"""Shared fixtures: a pinned today, a data file in a temporary folder, and the real CLI entry point."""

import os
import subprocess
import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import NamedTuple

import pytest
from hypothesis import settings

from streak.cli.main import main
from streak.core.history.model import GoalChange, History, RestPeriod, Session, Settings

# `pytest --hypothesis-profile=fuzz-long`: every property test, the fuzz tests above all, runs far longer.
settings.register_profile("fuzz-long", max_examples=20_000, deadline=None)

TODAY = date(2026, 11, 21)  # a Saturday
NOW = datetime(2026, 11, 21, 18, 30, 0)


class Run(NamedTuple):
    """What one `streak` command did."""

    status: int
    out: str
    err: str


@pytest.fixture(autouse=True)
def isolated_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test may read or write the real user's data file, nor its prompt memo."""
    monkeypatch.delenv("STREAK_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))  # the prompt's memo
    monkeypatch.setenv("HOME", str(tmp_path / "home"))


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A data file path in a fresh, existing folder (the file itself does not exist yet)."""
    (tmp_path / "data").mkdir()
    return tmp_path / "data" / "streak.json"


@pytest.fixture
def streak(db: Path, capsys: pytest.CaptureFixture[str]) -> Callable[..., Run]:
    """Run `streak --db <db> ARGS...` through the real entry point with today pinned to 2026-11-21."""

    def run(*args: str, today: date = TODAY, now: datetime = NOW) -> Run:
        capsys.readouterr()
        status = main(["--db", str(db), *args], today=today, now=now)
        captured = capsys.readouterr()
        return Run(status, captured.out, captured.err)

    return run


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


@pytest.fixture
def cli(db: Path) -> Callable[..., Run]:
    """Run `streak --db <db> ARGS...` as a real process, through the installed script."""

    def run(*args: str | bytes, **options: object) -> Run:
        return run_streak("--db", str(db), *args, **options)  # type: ignore[arg-type]

    return run


def refused(run: Run, status: int, *words: str) -> None:
    """A refusal as SPEC.md words it: the status, exactly one `streak` line on stderr naming the problem, no traceback."""
    assert run.status == status, run
    assert "Traceback" not in run.err, run.err
    lines = run.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("streak"), run.err
    assert all(word in lines[0] for word in words), run.err


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
