"""Ten years of daily Loop Habit Tracker data imports in well under a second (measured loosely, in process).

The budget is on this process's CPU time, not the wall clock: the suite runs in parallel on shared
machines, where the wall clock also counts the time other processes had the core.
"""

import json
import time
from pathlib import Path

import pytest

from foreign_files import ten_years_of_loop, write_loop_db, write_loop_zip
from helpers import TODAY

BUDGET_SECONDS = 1.0


@pytest.mark.parametrize("kind", ["db", "zip"])
def test_ten_years_of_daily_loop_data_import_in_under_a_second(streak, tmp_path: Path, kind: str) -> None:  # noqa: ANN001
    """3,650 days of five habits: reading, picking, merging and writing the data file take under a second."""
    habits = ten_years_of_loop(TODAY)
    if kind == "db":
        source = write_loop_db(tmp_path / "Loop Habits Backup.db", habits)
    else:
        source = write_loop_zip(tmp_path / "Loop Habits CSV.zip", habits)
    started = time.process_time()
    run = streak("import", str(source), "--habit", "leg day", "--json")
    elapsed = time.process_time() - started
    assert json.loads(run.out) == {"imported": 3650, "skipped": 0}
    assert elapsed < BUDGET_SECONDS, f"{elapsed:.2f} s"
