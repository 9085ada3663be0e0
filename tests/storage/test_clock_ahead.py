"""Hybrid logical clock stamps: a change made after a merge outranks everything merged, however far ahead the other clock ran."""

import shutil
from datetime import date, datetime
from pathlib import Path

from streak.core.history import edits
from streak.core.history.model import ORIGINAL, History, Session, Stamp
from streak.core.history.stamps import latest_stamp, next_stamp
from streak.storage.store import Store

D = date.fromisoformat
HERE_NOW = datetime(2026, 11, 21, 18, 30)
FAST_NOW = datetime(2029, 11, 21, 18, 30)  # a machine whose clock runs three years ahead


def change(store: Store, edit) -> None:  # noqa: ANN001
    store.update(lambda history: (edit(history), None))


def test_a_stamp_is_the_clock_or_one_millisecond_after_the_latest_in_the_file() -> None:
    """Behind the file's latest stamp, the clock is not used; ahead of it, it is."""
    latest = Stamp("2029-11-21T18:30:00.999Z", "fast")
    assert next_stamp(HERE_NOW, "here", latest).at == "2029-11-21T18:30:01.000Z"
    assert next_stamp(FAST_NOW.replace(year=2030), "here", latest).at.startswith("2030-")
    assert next_stamp(HERE_NOW, "here", ORIGINAL).machine == "here"
    assert latest_stamp(History()) == ORIGINAL


def test_fixes_made_after_merging_a_fast_machines_copy_survive_its_later_copies(tmp_path: Path) -> None:
    """A note fix and a removal made here after the merge outrank the fast machine's older versions in every later copy."""
    ours, theirs = tmp_path / "here" / "streak.json", tmp_path / "fast" / "streak.json"
    ours.parent.mkdir()
    theirs.parent.mkdir()
    here = Store(str(ours), now=lambda: HERE_NOW, machine="here")
    fast = Store(str(theirs), now=lambda: FAST_NOW, machine="fast")
    change(fast, lambda h: edits.add_session(h, Session(D("2026-11-16"), "sqauts"), D("2026-11-21")))
    change(fast, lambda h: edits.add_session(h, Session(D("2026-11-18"), "by mistake"), D("2026-11-21")))

    def merge_their_copy(number: int) -> None:
        shutil.copyfile(theirs, ours.parent / f"streak.sync-conflict-20261121-18300{number}-FAST.json")
        assert [report.merged for report in here.merge_conflict_copies()] == [True]

    merge_their_copy(0)
    change(here, lambda h: edits.replace_session(h, h.session_on(D("2026-11-16"))._replace(note="squats")))
    change(here, lambda h: edits.remove_session(h, D("2026-11-18")))
    for number, day in enumerate(("2026-11-19", "2026-11-20"), start=1):
        change(fast, lambda h: edits.add_session(h, Session(D(day)), D("2026-11-21")))  # noqa: B023
        merge_their_copy(number)
        history = here.load()
        assert [(s.day, s.note) for s in history.sessions] == [
            (D("2026-11-16"), "squats"),
            *((D(d), None) for d in ("2026-11-19", "2026-11-20")[:number]),
        ]
