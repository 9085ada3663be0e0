"""What the fuzz tests share: the example budget, running `main` in a folder, and the promises every run keeps."""

import contextlib
import io
import os
import sys
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

from hypothesis import HealthCheck, event, settings

TODAY = date(2026, 11, 21)
NOW = datetime(2026, 11, 21, 18, 30)

IN_PROCESS_EXAMPLES = max(300, settings().max_examples)
REAL_PROCESS_EXAMPLES = max(12, settings().max_examples // 100)
FUZZ = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    max_examples=IN_PROCESS_EXAMPLES,
)


@contextlib.contextmanager
def inside(folder: Path, stdin: bytes) -> Iterator[tuple[io.StringIO, io.StringIO]]:
    """Run in `folder` (where any relative path lands) with `stdin` as standard input; capture both outputs."""
    out, err = io.StringIO(), io.StringIO()
    old_stdin, old_cwd = sys.stdin, os.getcwd()
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin))
    os.chdir(folder)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            yield out, err
    finally:
        os.chdir(old_cwd)
        sys.stdin = old_stdin


def check(status: int, err: str, before: bytes | None, db: Path) -> None:
    """The four promises of issue 10's fuzz test."""
    event(f"exit status {status}")
    assert status in (0, 1, 2, 3), (status, err)
    assert "Traceback" not in err, err
    if status != 0:
        assert len(err.splitlines()) == 1 and err.startswith("streak"), err
        assert (db.read_bytes() if db.exists() else None) == before
