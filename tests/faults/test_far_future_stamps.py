"""A change time at the end of the calendar, from a clock set to 9999, never turns into a traceback.

A change is stamped just after the latest change time in the file (a hybrid logical clock), so a
stamp in 9999 would leave nothing to stamp the next change with: every change crashed. The reader
now treats a change time past the supported years like a date past them, so a synced copy holding
one is not merged, and a data file holding one gets the damaged-file line.
"""

import json
import shutil
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from helpers import Run
from streak.core.history.model import Stamp
from streak.core.history.stamps import NoLaterStamp, next_stamp
from streak.storage.store import Store

END_OF_CALENDAR = "9999-12-31T23:59:59.999Z"
COPY = "streak.sync-conflict-20261120-101530-ABCD2FG.json"


def with_stamp(path: Path, stamp: str) -> None:
    """Every part id and change time in the file moved to `stamp`, as a clock that far ahead would have made them."""
    text = path.read_text()
    tables = json.loads(text)
    for session in tables["sessions"].values():
        for field in ("made", "notes"):
            for part in session.get(field, []):
                part[0] = stamp + part[0][24:]
    path.write_text(json.dumps(tables))


@pytest.mark.parametrize("stamp", [END_OF_CALENDAR, "9999-01-01T00:00:00.000Z"])
def test_a_data_file_stamped_past_the_supported_years_is_refused_in_one_line(
    streak: Callable[..., Run], db: Path, stamp: str
) -> None:
    assert streak("checkin", "--date", "2026-11-16").status == 0
    with_stamp(db, stamp)
    before = db.read_bytes()
    for command in (["status"], ["checkin", "--date", "2026-11-18"], ["goal", "3"]):
        run = streak(*command)
        assert run.status == 3, (command, run)
        assert run.err.count("\n") == 1 and "is not a usable streak data file" in run.err and "Traceback" not in run.err
    assert db.read_bytes() == before


def test_a_synced_copy_stamped_in_9999_is_left_out_and_changes_go_on(streak: Callable[..., Run], db: Path) -> None:
    """The part stamped past the supported years is left out of the merge and named; the copy goes to backups/."""
    assert streak("checkin", "--date", "2026-11-16").status == 0
    copy = db.parent / COPY
    shutil.copyfile(db, copy)
    tables = json.loads(copy.read_text())
    tables["sessions"]["2"] = {"date": "2026-11-18", "made": [[f"{END_OF_CALENDAR}|aaaaaaaaaaaaaaaa|000", None]]}
    copy.write_text(json.dumps(tables))
    run = streak("status")
    assert run.status == 0
    assert run.err.count("\n") == 1 and not copy.exists()
    assert "left out, as typed input could not hold them: 1 check-in on 18 Nov (stamped after the year 9998" in run.err
    assert [s.day.isoformat() for s in Store(str(db)).load().sessions] == ["2026-11-16"]
    assert streak("checkin", "--date", "2026-11-19").status == 0  # stamped as ever: the copy's time never came in
    assert streak("goal", "3").status == 0


def test_no_stamp_after_the_last_millisecond_of_the_supported_years() -> None:
    latest = Stamp("9998-12-31T23:59:59.999Z", "far-ahead")
    with pytest.raises(NoLaterStamp):
        next_stamp(datetime(2026, 12, 3, 18, 0), "here", latest)
    one_before = Stamp("9998-12-31T23:59:59.998Z", "far-ahead")
    assert next_stamp(datetime(2026, 12, 3, 18, 0), "here", one_before) == Stamp("9998-12-31T23:59:59.999Z", "here")


def test_a_file_at_the_last_stampable_moment_refuses_a_change_in_one_line(streak: Callable[..., Run], db: Path) -> None:
    assert streak("checkin", "--date", "2026-11-16").status == 0
    with_stamp(db, "9998-12-31T23:59:59.999Z")
    assert streak("status").status == 0  # it reads: the years are supported
    before = db.read_bytes()
    run = streak("checkin", "--date", "2026-11-18")
    assert run.status == 3 and "no change can be stamped after it" in run.err and run.err.count("\n") == 1
    assert db.read_bytes() == before
