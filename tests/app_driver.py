"""Helpers for driving the app in tests: build it over a seeded data file and read what the screen shows."""

import random
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from textual.command import CommandList
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static

from helpers import TODAY, fixed_tip
from streak.core.history.edits import add_session, set_goal
from streak.core.history.model import Session
from streak.storage.store import Store
from streak.ui.app import StreakApp, build_app


def make_app(db: Path) -> StreakApp:
    """The app over `db` with today pinned, the tip choice seeded, and no looking at the file by itself."""
    return build_app(str(db), today=lambda: TODAY, pick=random.Random(0).choice, cursor_blink=False, watch_seconds=None)


def pinned_app(db: Path) -> StreakApp:
    """The app over `db` as the snapshots see it: today pinned and every check-in showing the same fixed tip."""
    return build_app(str(db), today=lambda: TODAY, pick=fixed_tip, cursor_blink=False, watch_seconds=None)


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


def notifications(app: StreakApp) -> list[str]:
    """The toasts the app has raised, as `title: message`."""
    return [f"{n.title}: {n.message}" for n in app._notifications]


def listed_lifts(app: StreakApp) -> list[str]:
    """The lifts the check-in dialog lists under its lift line."""
    listed = app.screen.query_one("#lift-list", OptionList)
    return [str(listed.get_option_at_index(index).prompt) for index in range(listed.option_count)]


async def fill(pilot: Pilot, selector: str, text: str) -> None:
    """Put `text` in the focused Input `selector` in one step, for tests about what is entered, not how it is typed."""
    field = pilot.app.screen.query_one(selector, Input)
    assert pilot.app.focused is field, f"{selector} is not focused: {pilot.app.focused}"
    field.value = text
    field.cursor_position = len(text)
    await pilot.pause()


async def until(pilot: Pilot, holds: Callable[[], object], timeout: float = 10.0) -> None:
    """Let the app run until `holds()` is true; fail after `timeout` seconds instead of sleeping a fixed time."""
    deadline = time.monotonic() + timeout
    while not holds():
        assert time.monotonic() < deadline, f"still not true after {timeout} s: {holds}"
        await pilot.pause(0.01)


def first_offer(app: StreakApp) -> str:
    """The command the open palette would run on enter: its first match, or "" while it is still searching."""
    offers = app.screen.query_one(CommandList)
    return str(offers.get_option_at_index(0).prompt) if offers.option_count else ""


async def open_import(pilot: Pilot) -> None:
    """ctrl+p, type Import, enter: the palette's Import command opens the dialog."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*"Import")
    await until(pilot, lambda: first_offer(pilot.app).startswith("Import"))
    await pilot.press("enter")
    await pilot.pause()


async def read_in_import(pilot: Pilot, path: Path, habit: str = "") -> None:
    """Open the Import dialog, put `path` (and `habit`, if any, in its own field) in it, press enter: the file is read.

    What follows is on screen: the dry run's question, or the dialog still open naming its problem.
    """
    await open_import(pilot)
    await fill(pilot, "#path", str(path))
    if habit:
        await pilot.press("tab")
        await fill(pilot, "#habit", habit)
    await pilot.press("enter")
    await pilot.pause()


def warning(app: StreakApp) -> str:
    """Today's at-stake warning as shown, or "" when the news line shows none."""
    news = app.screen.query_one("#news")
    text = text_of(app, "#news") if news.display else ""
    return text if text.startswith("⚠") and news.has_class("-at-risk") else ""
