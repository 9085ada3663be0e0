"""The open app notices what changes without it: the data file (another terminal, a sync tool) and the day."""

import os
import random
import shutil
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest

from app_driver import notifications, seed, text_of, until
from helpers import TODAY, Run
from streak.core.history.edits import add_session
from streak.core.history.model import Session
from streak.core.tips.choice import tip_by_id
from streak.storage.store import Store
from streak.ui.app import StreakApp, build_app
from streak.ui.dialogs.checkin import CheckInDialog
from streak.ui.views.goal import GoalScreen
from streak.ui.views.problem import DataProblemScreen
from streak.ui.views.today import TodayScreen
from streak.ui.widgets.tip_panel import WAITING

LOOK_SECONDS = 0.05  # looks this often in these tests (the app's own default is every second)
SYNCTHING = "streak.sync-conflict-20261120-101530-ABCD2FG.json"


def watching_app(db: Path, today: Callable[[], date] = lambda: TODAY) -> StreakApp:
    """The app over `db` with the clock pinned (or moved by the test) and looking again every LOOK_SECONDS."""
    return build_app(str(db), today=today, pick=random.Random(0).choice, cursor_blink=False, watch_seconds=LOOK_SECONDS)


async def test_a_check_in_from_another_terminal_shows_by_itself(db: Path, streak: Callable[..., Run]) -> None:
    """`streak checkin` elsewhere: Today says it is done, with the tip it chose, and c says already done."""
    app = watching_app(db)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        assert "Not checked in yet today" in text_of(app, "#done")
        run = streak("checkin", "--note", "from the other terminal")
        assert run.status == 0
        await until(pilot, lambda: "Leg day done today" in text_of(app, "#done"))
        assert "1 of 2 sessions" in text_of(app, "#week-count")
        chosen = tip_by_id(Store(str(db)).load().session_on(TODAY).tip)
        assert text_of(app, "#tip-text") == chosen.text  # the tip the command line showed
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert "Already done: Today is already checked in. See you next leg day!" in notifications(app)


async def test_nothing_is_read_again_while_the_file_stays_as_it_was(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Looking costs two stats: the file is not read, nor the view redrawn, until something changed."""
    seed(db, "2026-11-16")
    app = watching_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        looks, reads = [], []
        fingerprint, load = Store.fingerprint, Store.load
        monkeypatch.setattr(Store, "fingerprint", lambda self: looks.append(1) or fingerprint(self))
        monkeypatch.setattr(Store, "load", lambda self: reads.append(1) or load(self))
        await until(pilot, lambda: len(looks) >= 3)
        assert reads == []
        seed(db, "2026-11-19")
        await until(pilot, lambda: reads != [])
        assert "2 of 2 sessions" in text_of(app, "#week-count")


async def test_the_day_turning_while_open_redraws_today(db: Path) -> None:
    """At midnight Today starts the new day: not checked in yet, the tip box waiting, and c opens the dialog."""
    clock = [TODAY]
    app = watching_app(db, today=lambda: clock[0])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c", "enter")
        await pilot.pause()
        assert "Leg day done today, Sat 21 Nov 2026." in text_of(app, "#done")
        assert text_of(app, "#tip-text") != WAITING
        clock[0] = TODAY + timedelta(days=1)
        await until(pilot, lambda: "Not checked in yet today, Sun 22 Nov 2026." in text_of(app, "#done"))
        assert text_of(app, "#tip-text") == WAITING and text_of(app, "#tip-source") == ""
        assert "Sat 21 Nov 2026 (yesterday)" in text_of(app, "#last")
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CheckInDialog)


async def test_a_new_week_at_midnight_starts_the_count_again(db: Path) -> None:
    """From Sunday to Monday the week's dots start again from none."""
    seed(db, "2026-11-16", "2026-11-19")
    clock = [date(2026, 11, 22)]
    app = watching_app(db, today=lambda: clock[0])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert text_of(app, "#week-count") == "2 of 2 sessions"
        clock[0] = date(2026, 11, 23)
        await until(pilot, lambda: text_of(app, "#week-count") == "0 of 2 sessions")


async def test_the_view_on_screen_is_the_one_redrawn(db: Path, streak: Callable[..., Run]) -> None:
    """On Badges, a check-in elsewhere shows as the badge it earned."""
    app = watching_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("b")
        await pilot.pause()
        assert text_of(app, "#badge-count").startswith("0 of 18")
        assert streak("checkin").status == 0
        await until(pilot, lambda: text_of(app, "#badge-count").startswith("1 of 18"))


async def test_an_unsaved_goal_survives_a_change_made_elsewhere(db: Path, streak: Callable[..., Run]) -> None:
    """A goal chosen on the Goal view but not saved stays when the file changes (or t, g); escape undoes it."""
    app = watching_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("g", "3")
        await pilot.pause()
        shown = app.session.last_read
        assert streak("checkin").status == 0
        await until(pilot, lambda: app.session.last_read != shown)
        screen = app.screen
        assert isinstance(screen, GoalScreen) and screen.goal == 3
        assert "Unsaved: 3 sessions a week" in text_of(app, "#pending")
        await pilot.press("t", "g")  # another view and back
        await pilot.pause()
        assert app.screen is screen and screen.goal == 3
        await pilot.press("escape")
        await pilot.pause()
        assert screen.goal == 2 and "Saved: 2 sessions a week" in text_of(app, "#pending")


async def test_a_conflict_copy_landing_beside_the_file_is_merged(db: Path) -> None:
    """A sync tool's conflict copy changes only the folder; the app notices it and merges it."""
    seed(db, "2026-11-16")
    app = watching_app(db)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        assert text_of(app, "#week-count") == "1 of 2 sessions"
        copy = db.parent / SYNCTHING
        building = db.parent.parent / SYNCTHING  # outside the folder until whole, as sync tools rename into place
        shutil.copyfile(db, building)
        Store(str(building), machine="laptop").update(
            lambda h: (add_session(h, Session(date(2026, 11, 18)), TODAY), None)
        )
        os.replace(building, copy)
        await until(pilot, lambda: text_of(app, "#week-count") == "2 of 2 sessions")
        # The toast is a message the app handles after the redraw: under load it lands a frame later.
        await until(pilot, lambda: any(line.startswith("Synced copy: Merged 1 session") for line in notifications(app)))
    assert not copy.exists()


async def test_a_file_damaged_while_open_shows_the_problem(db: Path) -> None:
    """A data file that stops being readable while the app is open gets the problem screen, once."""
    seed(db, "2026-11-16")
    app = watching_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        db.write_text("{ not json")
        await until(pilot, lambda: isinstance(app.screen, DataProblemScreen))
        await pilot.pause(LOOK_SECONDS * 4)
        assert len(app.screen_stack) == 2


async def test_tests_can_switch_the_looking_off(db: Path) -> None:
    """With watch_seconds=None nothing looks again by itself: a change shows only when the view reads."""
    app = build_app(str(db), today=lambda: TODAY, cursor_blink=False, watch_seconds=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        seed(db, TODAY.isoformat())
        await pilot.pause(LOOK_SECONDS * 4)
        assert "Not checked in yet today" in text_of(app, "#done")
        app.look_again()
        await pilot.pause()
        assert "Leg day done today" in text_of(app, "#done")


async def test_looking_again_while_the_app_starts_or_stops_is_harmless(db: Path) -> None:
    """The watch timer may tick with no screen yet, or after the last one closed: nothing to redraw, no crash."""
    seed(db, "2026-11-16")
    app = watching_app(db)
    app.look_again()  # before run: no screen on the stack
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, TodayScreen))
        seed(db, "2026-11-18")
        app.look_again()
        await until(pilot, lambda: text_of(app, "#week-count").startswith("2 of"))
    app.look_again()  # after exit
