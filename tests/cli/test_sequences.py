"""Any sequence of commands leaves a data file that opens, and whose export re-imports to the same state."""

import contextlib
import io
import json
import tempfile
from datetime import date, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import content_of
from streak.cli.main import main
from streak.storage.store import Store

TODAY = date(2026, 11, 21)
days = st.integers(min_value=0, max_value=120).map(lambda n: (TODAY - timedelta(days=n)).isoformat())
future_days = st.integers(min_value=-30, max_value=120).map(lambda n: (TODAY - timedelta(days=n)).isoformat())
notes = st.one_of(st.none(), st.text(st.characters(blacklist_categories=("Cs",)), max_size=40))

commands = st.one_of(
    st.tuples(st.just("checkin"), future_days, notes).map(
        lambda c: ["checkin", "--date", c[1], *(["--note", c[2]] if c[2] is not None else [])]
    ),
    st.tuples(st.just("remove"), days).map(list),
    st.tuples(st.integers(0, 8), future_days).map(lambda c: ["goal", str(c[0]), "--from", c[1]]),
    st.sampled_from([["goal", "--week-start", "sunday"], ["goal", "--week-start", "monday"]]),
    st.sampled_from([["status"], ["history", "--weeks", "3"], ["badges"], ["tip"]]),
)


def run(db: Path, *args: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(["--db", str(db), *args], today=TODAY)
    assert "Traceback" not in err.getvalue()
    return status, out.getvalue()


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(commands, max_size=25))
def test_any_command_sequence_keeps_a_file_that_round_trips(sequence: list[list[str]]) -> None:
    """Whatever was typed, in any order, the file opens and export -> import -> export is the identity."""
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "streak.json"
        for command in sequence:
            before = db.read_bytes() if db.exists() else None
            status, _ = run(db, *command)
            assert status in (0, 1, 2)
            if status != 0:
                assert (db.read_bytes() if db.exists() else None) == before  # a refusal changes nothing
        history = Store(str(db)).load()
        status, exported = run(db, "export")
        assert status == 0
        copy = Path(folder) / "copy.json"
        source = Path(folder) / "export.json"
        source.write_text(exported, encoding="utf-8")
        status, report = run(copy, "import", str(source), "--json")
        assert status == 0 and json.loads(report) == {"imported": len(history.sessions), "skipped": 0}
        restored = Store(str(copy)).load()
        assert content_of(restored) == content_of(history)
        assert run(copy, "export")[1] == exported
