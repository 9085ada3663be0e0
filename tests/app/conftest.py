"""The snapshots' `app`: a fixed year of history, written once per test process and copied for each test."""

import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest

from app_driver import pinned_app
from helpers import TODAY
from streak.core.history.edits import add_session, set_goal
from streak.core.history.model import Session
from streak.storage.store import Store


def a_year_of_leg_days() -> list[date]:
    """Mondays and Thursdays for a year, with a two-week holiday, some third sessions and this week's one."""
    days = []
    monday = date(2025, 11, 24)
    for week in range(51):
        start = monday + timedelta(weeks=week)
        if week in (20, 21):
            continue
        days += [start, start + timedelta(days=3)]
        if week % 5 == 0:
            days.append(start + timedelta(days=5))
    return [*days, date(2026, 11, 17)]


@pytest.fixture(scope="session")
def a_year_of_history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data file holding the fixed year and a goal of 3 from August; built once, only ever copied."""

    def change(history):  # noqa: ANN001, ANN202
        for day in a_year_of_leg_days():
            history = add_session(history, Session(day), TODAY)
        return set_goal(history, date(2026, 8, 3), 3), None

    path = tmp_path_factory.mktemp("a-year") / "streak.json"
    Store(str(path)).update(change)
    return path


@pytest.fixture
def app(db: Path, a_year_of_history: Path):  # noqa: ANN201
    """The app over a fresh copy of the fixed year, today pinned and the tip after a check-in fixed."""
    shutil.copyfile(a_year_of_history, db)
    return pinned_app(db)
