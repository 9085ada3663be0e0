"""Each view at 80x24 with a fixed year of history and today pinned, compared with the committed SVG."""

import random
from datetime import date, timedelta
from pathlib import Path

import pytest

from conftest import TODAY
from streak.core.history.edits import add_session, set_goal
from streak.core.history.model import Session
from streak.storage.store import Store
from streak.ui.app import build_app

SIZE = (80, 24)


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


@pytest.fixture
def app(db: Path):  # noqa: ANN201
    """The app over the fixed history, a goal of 3 from August, and a seeded tip choice."""

    def change(history):  # noqa: ANN001, ANN202
        for day in a_year_of_leg_days():
            history = add_session(history, Session(day), TODAY)
        return set_goal(history, date(2026, 8, 3), 3), None

    Store(str(db)).update(change)
    return build_app(str(db), today=lambda: TODAY, pick=random.Random(1).choice, cursor_blink=False, watch_seconds=None)


def test_today(snap_compare, app) -> None:  # noqa: ANN001
    """Today before checking in: not done yet, streak cards, one of three this week."""
    assert snap_compare(app, terminal_size=SIZE)


def test_today_after_check_in(snap_compare, app) -> None:  # noqa: ANN001
    """Today after c, a note and enter: done, two of three, and the tip with its source."""
    assert snap_compare(app, press=["c", *"goblet squats", "enter"], terminal_size=SIZE)


def test_check_in_dialog(snap_compare, app) -> None:  # noqa: ANN001
    """The check-in dialog with a note being typed."""
    assert snap_compare(app, press=["c", *"lunges"], terminal_size=SIZE)


def test_history(snap_compare, app) -> None:  # noqa: ANN001
    """The heat map of 52 weeks with met weeks marked, and the week list."""
    assert snap_compare(app, press=["h"], terminal_size=SIZE)


def test_badges(snap_compare, app) -> None:  # noqa: ANN001
    """Earned badges with dates, then the locked ones with progress bars."""
    assert snap_compare(app, press=["b"], terminal_size=SIZE)


def test_goal_with_unsaved_change(snap_compare, app) -> None:  # noqa: ANN001
    """The goal view after choosing 4, before saving."""
    assert snap_compare(app, press=["g", "4"], terminal_size=SIZE)


def app_over(db: Path, *days: str, rest: tuple[str, str] | None = None):  # noqa: ANN201
    """The app over a small history written through the store, with today pinned to Saturday 21 November."""
    from streak.core.history.rest import add_rest

    def change(history):  # noqa: ANN001, ANN202
        for day in days:
            history = add_session(history, Session(date.fromisoformat(day)), TODAY)
        if rest:
            history = add_rest(history, *map(date.fromisoformat, rest))
        return history, None

    Store(str(db)).update(change)
    return build_app(str(db), today=lambda: TODAY, pick=random.Random(1).choice, cursor_blink=False, watch_seconds=None)


def test_today_at_risk(snap_compare, db: Path) -> None:
    """Saturday, one session short, no freeze: Today warns that the three-week streak is at stake."""
    app = app_over(db, "2026-10-26", "2026-10-28", "2026-11-02", "2026-11-04", "2026-11-09", "2026-11-11", "2026-11-16")
    assert snap_compare(app, terminal_size=SIZE)


def test_today_with_a_repair_open(snap_compare, db: Path) -> None:
    """Last week was missed: Today says the streak it broke and that one session over the goal repairs it."""
    app = app_over(db, "2026-10-26", "2026-10-28", "2026-11-02", "2026-11-04", "2026-11-16", "2026-11-18")
    assert snap_compare(app, terminal_size=SIZE)


def test_today_after_a_freeze_was_used(snap_compare, db: Path) -> None:
    """A banked freeze covered last week: Today says the streak lives on, until this week's first session."""
    app = app_over(db, "2026-10-26", "2026-10-28", "2026-10-30", "2026-11-02", "2026-11-04")
    assert snap_compare(app, terminal_size=SIZE)


def test_today_level_up_after_check_in(snap_compare, db: Path) -> None:
    """The check-in that repairs the streak also earns badges and a level: each is announced."""
    app = app_over(db, "2026-10-26", "2026-10-28", "2026-11-02", "2026-11-04", "2026-11-16", "2026-11-18")
    assert snap_compare(app, press=["c", "enter"], terminal_size=SIZE)


def test_lifts_view(snap_compare, db: Path) -> None:
    """The Lifts view: each exercise's best e1RM, last lift and records, and the squat's progress."""
    from streak.core.lifts.lift import parse_lift

    def change(history):  # noqa: ANN001, ANN202
        for week in range(8):
            monday = date(2026, 9, 28) + timedelta(weeks=week)
            lifts = (
                parse_lift(f"back squat 5x5 {90 + 2.5 * week}"),
                parse_lift("RDL 3x8 70"),
                parse_lift("walking lunge 3x12"),
            )
            history = add_session(history, Session(monday, None, lifts), TODAY)
        return history, None

    Store(str(db)).update(change)
    app = build_app(str(db), today=lambda: TODAY, pick=random.Random(1).choice, cursor_blink=False, watch_seconds=None)
    assert snap_compare(app, press=["l"], terminal_size=SIZE)
