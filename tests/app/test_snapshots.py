"""Each view at 80x24 over a fixed year of history (`app`, in conftest.py), today pinned, a fixed tip: against the SVGs."""

from datetime import date, timedelta
from pathlib import Path

from app_driver import pinned_app
from helpers import TODAY
from streak.core.history.edits import add_session
from streak.core.history.model import Session
from streak.storage.store import Store

SIZE = (80, 24)


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
    return pinned_app(db)


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
    app = pinned_app(db)
    assert snap_compare(app, press=["l"], terminal_size=SIZE)
