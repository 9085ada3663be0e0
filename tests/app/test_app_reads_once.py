"""A check-in in the app reads the data file once and lists its folder once, however many times the view redraws."""

import os
from collections import Counter
from pathlib import Path

import pytest

import streak.storage.store
from app_driver import make_app, seed, text_of
from helpers import TODAY
from streak.core.history.model import Lift
from streak.storage.store import Store
from streak.ui.dialogs.checkin import CheckInDialog


@pytest.fixture
def trips(db: Path, monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """Counts reads of the data file ("read") and listings of its folder ("listed"), however they are reached."""
    counted: Counter[str] = Counter()
    data_file, folder = os.path.realpath(db), os.path.realpath(db.parent)
    read, listdir = streak.storage.store.read_regular_file, os.listdir

    def counting_read(path: str) -> bytes:
        counted["read"] += os.path.realpath(path) == data_file
        return read(path)

    def counting_listdir(path: str = ".") -> list[str]:
        counted["listed"] += os.path.realpath(path) == folder
        return listdir(path)

    monkeypatch.setattr(streak.storage.store, "read_regular_file", counting_read)
    monkeypatch.setattr(os, "listdir", counting_listdir)
    return counted


async def test_a_check_in_with_a_note_and_a_lift_reads_the_file_once(db: Path, trips: Counter[str]) -> None:
    """From c to the tip on Today: one read of the data file (under the lock, to change it) and one listing."""
    seed(db, "2026-11-16")
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Not checked in yet today" in text_of(app, "#done")
        trips.clear()
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CheckInDialog)
        await pilot.press(*"felt strong", "tab", *"back squat 5x5 100kg", "enter", "enter")
        await pilot.pause()
        assert "Leg day done today" in text_of(app, "#done")
        assert text_of(app, "#tip-source").startswith("Source: ")
    assert trips == Counter(read=1, listed=1)
    session = Store(str(db)).load().session_on(TODAY)
    assert session is not None and session.note == "felt strong"
    assert session.lifts == (Lift("Back squat", 5, 5, 100.0, "kg"),)


async def test_switching_views_reads_nothing_while_the_file_stays_as_it_was(db: Path, trips: Counter[str]) -> None:
    """History and back to Today show what was read; a change made elsewhere is read again when a view is shown."""
    seed(db, "2026-11-16")
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        trips.clear()
        await pilot.press("h", "t")
        await pilot.pause()
        assert trips["read"] == 0
        seed(db, "2026-11-18")  # another terminal checks in
        trips.clear()
        await pilot.press("h", "t")
        await pilot.pause()
        assert trips["read"] == 1
        assert "2 of 2 sessions" in text_of(app, "#week-count")
