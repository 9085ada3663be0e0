"""Helpers for driving the app in tests: build it over a seeded data file and read what the screen shows."""

import random
from datetime import date
from pathlib import Path

from textual.widgets import Static

from conftest import TODAY
from streak.core.history.edits import add_session, set_goal
from streak.core.history.model import Session
from streak.storage.store import Store
from streak.ui.app import StreakApp, build_app


def make_app(db: Path) -> StreakApp:
    """The app over `db` with today pinned, the tip choice seeded, and no looking at the file by itself."""
    return build_app(str(db), today=lambda: TODAY, pick=random.Random(0).choice, cursor_blink=False, watch_seconds=None)


def seed(db: Path, *days: str, goal: int | None = None, since: date = TODAY) -> None:
    """Put sessions (and a goal from the week of `since`) in the data file before the app opens."""

    def change(history):  # noqa: ANN001, ANN202
        for day in days:
            history = add_session(history, Session(date.fromisoformat(day)), TODAY)
        if goal:
            history = set_goal(history, since, goal)
        return history, None

    Store(str(db)).update(change)


def screen_lines(app: StreakApp) -> list[str]:
    """The text on the terminal, one string a row, as a person would read it."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def text_of(app: StreakApp, selector: str) -> str:
    """What the Static matching `selector` on the current screen says."""
    return str(app.screen.query_one(selector, Static).render())


def footer_text(app: StreakApp) -> str:
    """The footer's keys, as the last row of the terminal shows them."""
    return screen_lines(app)[-1]
