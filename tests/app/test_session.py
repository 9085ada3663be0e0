"""The app's session over the data file, without Textual: what it reads, what a change hands back, what it tells."""

import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from helpers import TODAY
from streak.core.history.edits import add_session
from streak.core.history.model import History, Session
from streak.storage.store import Store
from streak.ui.session import AppSession

SYNCTHING = "streak.sync-conflict-20261120-101530-ABCD2FG.json"


class Screen:
    """Stands in for the app: keeps what the session asked it to show."""

    def __init__(self) -> None:
        self.told: list[tuple[str, bool]] = []
        self.problems: list[str] = []


@pytest.fixture
def screen() -> Screen:
    return Screen()


@pytest.fixture
def session(db: Path, screen: Screen) -> AppSession:
    return AppSession(
        Store(str(db)),
        today=lambda: TODAY,
        pick=lambda tips: tips[0],
        cursor_blink=False,
        tell=lambda line, merged: screen.told.append((line, merged)),
        show_problem=screen.problems.append,
    )


def adding(day: str) -> Callable[[History], tuple[History, None]]:
    return lambda history: (add_session(history, Session(date.fromisoformat(day)), TODAY), None)


def test_the_history_is_read_again_only_when_the_file_changed(db: Path, session: AppSession) -> None:
    """Asked twice, the session reads once; a change by another process makes it read again."""
    first = session.current()
    assert first is not None and session.current() is first
    Store(str(db)).update(adding("2026-11-16"))
    assert session.is_stale()
    again = session.current()
    assert again is not first and again is not None and [s.day for s in again.sessions] == [date(2026, 11, 16)]


def test_a_change_hands_back_what_the_file_now_holds(db: Path, session: AppSession) -> None:
    """The history a change returns equals a fresh read of the file, and asking again reads nothing."""
    changed = session.change(adding("2026-11-18"))
    assert changed is not None
    history, result = changed
    assert result is None and history == Store(str(db)).load()
    assert not session.is_stale() and session.current() is history


def test_a_corrupt_file_is_shown_once_as_one_line(db: Path, session: AppSession, screen: Screen) -> None:
    """The problem is put on the screen once, naming the file; later reads give nothing and add nothing."""
    db.write_text("{ not json")
    assert session.current() is None
    assert session.read() is None
    assert len(screen.problems) == 1 and str(db) in screen.problems[0] and "\n" not in screen.problems[0]
    assert session.data_problem == screen.problems[0]


def test_a_conflict_copy_is_merged_and_told(db: Path, session: AppSession, screen: Screen) -> None:
    """A synced copy holding another day is merged before the read, and the person is told so."""
    Store(str(db)).update(adding("2026-11-16"))
    Store(str(db.parent / SYNCTHING), machine="laptop").update(adding("2026-11-18"))
    history = session.current()
    assert history is not None and [s.day for s in history.sessions] == [date(2026, 11, 16), date(2026, 11, 18)]
    assert len(screen.told) == 1 and screen.told[0][1] is True and screen.told[0][0].startswith("Merged 1 session")


def test_an_unreadable_conflict_copy_is_told_once(db: Path, session: AppSession, screen: Screen) -> None:
    """A copy that cannot be merged stays where it is, and saying so once is enough."""
    (db.parent / SYNCTHING).write_text("{ damaged")
    session.read()
    session.read()
    assert len(screen.told) == 1 and screen.told[0][1] is False
    assert (db.parent / SYNCTHING).exists()


def test_the_session_loads_no_textual() -> None:
    """The session is plain Python: importing it brings in neither Textual nor Rich."""
    code = "import sys, streak.ui.session; print([m for m in ('textual', 'rich') if m in sys.modules])"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
