"""Ten years of daily Loop Habit Tracker data import whole, in both of Loop's formats.

How long it takes (issue 13: under a second) is measured by tests/benchmark.py, which runs the
same import from the same files; a test run on a shared machine is no place to time it.
"""

import json
from pathlib import Path

import pytest

from foreign_files import ten_years_of_loop, write_loop_db, write_loop_zip
from helpers import TODAY


@pytest.mark.parametrize("kind", ["db", "zip"])
def test_ten_years_of_daily_loop_data_import_whole(streak, tmp_path: Path, kind: str) -> None:  # noqa: ANN001
    """3,650 days of five habits: the one picked comes in whole, a session a day."""
    habits = ten_years_of_loop(TODAY)
    if kind == "db":
        source = write_loop_db(tmp_path / "Loop Habits Backup.db", habits)
    else:
        source = write_loop_zip(tmp_path / "Loop Habits CSV.zip", habits)
    run = streak("import", str(source), "--habit", "leg day", "--json")
    assert json.loads(run.out) == {"imported": 3650, "skipped": 0}
