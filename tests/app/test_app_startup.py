"""What keeps the first screen early: no parser, Today as the default screen, its footer in the first frame, no collector."""

import gc
import subprocess
import sys
from pathlib import Path

import pytest
from textual.widgets import Static

import streak.cli.main as cli
import streak.cli.parser as cli_parser
import streak.ui.app
import streak.ui.launch
from app_driver import make_app, screen_lines, seed
from streak.storage.paths import DataPath
from streak.ui.app import StreakApp
from streak.ui.launch import launch
from streak.ui.views.today import TodayScreen
from streak.ui.widgets.footer import KeysFooter


async def test_today_is_the_first_screen_and_its_own_view(db: Path) -> None:
    """The app opens on Today, in the today mode, and t comes back to that same screen from another view."""
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        today = app.screen
        assert isinstance(today, TodayScreen)
        assert app.current_mode == "today"
        await pilot.press("b", "t")
        await pilot.pause()
        assert app.screen is today


async def test_first_screen_does_not_restyle_the_whole_app(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Opening on Today never re-parses the whole stylesheet (Textual does for every first-time mode)."""
    refreshed = []
    refresh_css = StreakApp.refresh_css
    monkeypatch.setattr(
        StreakApp, "refresh_css", lambda self, animate=True: refreshed.append(1) or refresh_css(self, animate)
    )
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
    assert refreshed == []


async def test_the_footer_is_in_the_first_frame(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Today's footer shows its keys in the frame the app is ready with, not a repaint later, and mounts no widget per key."""
    at_ready = []
    on_ready = StreakApp.on_ready
    monkeypatch.setattr(StreakApp, "on_ready", lambda self: at_ready.append(screen_lines(self)[-1]) or on_ready(self))
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not app.screen.query_one(KeysFooter).children
    assert at_ready[0].startswith("c Check in  thlbg Views  ? Keys  q Quit")


async def test_no_widget_is_styled_twice_on_the_way_to_the_first_frame(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each widget is styled as it mounts, and that is all: no footer key restyles itself, no restyle of the whole view."""
    seed(db, "2026-11-16")
    restyled = []
    update_styles = StreakApp.update_styles
    monkeypatch.setattr(
        StreakApp,
        "update_styles",
        lambda self, node, animate=True: restyled.append(type(node).__name__) or update_styles(self, node, animate),
    )
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "1 of 2 sessions" in str(app.screen.query_one("#week-count", Static).render())
    assert restyled == []


async def test_the_collector_runs_again_once_the_first_frame_is_up(db: Path) -> None:
    """Held off while starting (see launch), the garbage collector is switched back on when the app is ready."""
    gc.disable()
    try:
        app = make_app(db)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert gc.isenabled()
    finally:
        gc.enable()


def test_launch_starts_the_app_with_the_collector_held_off(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """launch switches the collector off for the start-up, and back on however the app ends."""

    class Started:
        return_code = 0

        def run(self) -> None:
            self.collecting = gc.isenabled()

    started = Started()
    monkeypatch.setattr(streak.ui.app, "build_app", lambda path, **options: started)
    try:
        assert launch(DataPath(str(db), "--db")) == 0
        assert started.collecting is False
        assert gc.isenabled()
    finally:
        gc.enable()


def test_streak_alone_opens_the_app_without_building_the_parser(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`streak` opens the app on $STREAK_DB without the command line's parser; `streak --db PATH` on PATH."""
    opened = []
    monkeypatch.setattr(streak.ui.launch, "launch", lambda path, **options: opened.append(path) or 0)
    monkeypatch.setenv("STREAK_DB", str(db))
    parse = cli_parser.build_parser
    monkeypatch.setattr(cli_parser, "build_parser", lambda today, only=None: pytest.fail("the parser was built"))
    monkeypatch.setattr(sys, "argv", ["streak"])
    assert cli.main() == 0
    assert cli.main([]) == 0
    monkeypatch.setattr(cli_parser, "build_parser", parse)
    other = tmp_path / "other.json"
    assert cli.main(["--db", str(other)]) == 0
    assert opened == [DataPath(str(db), "STREAK_DB"), DataPath(str(db), "STREAK_DB"), DataPath(str(other), "--db")]


FIRST_SCREEN = """
import asyncio, sys
from streak.ui.app import build_app

async def first_screen():
    async with build_app(sys.argv[1], watch_seconds=None).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
    print(" ".join(sorted(sys.modules)))

asyncio.run(first_screen())
"""


def test_the_first_screen_loads_only_what_it_shows(db: Path) -> None:
    """Opening on Today (not checked in) loads no other view or dialog, no tips, no training log, no TinyDB."""
    seed(db, "2026-11-16")
    run = subprocess.run([sys.executable, "-c", FIRST_SCREEN, str(db)], capture_output=True, text=True, check=True)
    loaded = set(run.stdout.split())
    assert "streak.ui.views.today" in loaded
    later = {
        "streak.ui.views.history",
        "streak.ui.views.lifts",
        "streak.ui.views.badges",
        "streak.ui.views.goal",
        "streak.ui.dialogs.checkin",
        "streak.ui.views.keys",
        "streak.core.rules.checkin",
        "streak.core.tips.choice",
        "streak.core.lifts.lift",
        "streak.storage.datafile.write",
        "tinydb",
    }
    assert loaded & later == set()
