"""Shared fixtures: a data file in a temporary folder, and the real CLI entry point with today pinned.

Helpers that are not fixtures live in helpers.py, app_driver.py, strategies.py and foreign_files.py:
tests import those, never conftest.py or one another.
"""

import compileall
import os
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import settings

import streak as streak_package
from helpers import NOW, TODAY, Run, run_streak
from streak.cli.main import main

# `pytest --hypothesis-profile=fuzz-long`: every property test, the fuzz tests above all, runs far longer.
settings.register_profile("fuzz-long", max_examples=20_000, deadline=None)


def pytest_configure(config: pytest.Config) -> None:
    """Compile streak's bytecode once, before any worker starts.

    The suite starts `streak` as a real process several hundred times. The project is installed
    editable, so on a fresh clone nothing is compiled, and where PYTHONDONTWRITEBYTECODE is set (as
    on the CI machine) no process would ever write the bytecode: each one would compile every
    module it loads from source again, doubling its start-up. compileall writes it whatever that
    variable says, and every process after reads it.
    """
    if not hasattr(config, "workerinput"):  # the process that starts the workers, not each worker
        compileall.compile_dir(Path(streak_package.__file__).parent, quiet=1)


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """`-n auto`: two test processes per core, not one.

    About a third of the suite's time is spent waiting on real processes (the CLI run as a
    subprocess, two Syncthing instances settling, the 10 s lock time-out SPEC.md fixes, processes
    killed at random moments), and a core with one test process would sit idle through each wait.
    Measured on 2 shared cores, pytest's own time: 2 processes 3:36, 3 3:19, 4 2:54 to 3:15, 6 4:23
    (beyond two a core, each process's start-up and the contention cost more than the waits they
    fill). PYTEST_XDIST_AUTO_NUM_WORKERS still decides when set.
    """
    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS"):
        return int(os.environ["PYTEST_XDIST_AUTO_NUM_WORKERS"])
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return 2 * cores


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests marked `early` run first: each waits long on real processes, and started last it would be all that runs."""
    items.sort(key=lambda item: item.get_closest_marker("early") is None)  # stable: the rest keep their order


@pytest.fixture(autouse=True)
def isolated_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test may read or write the real user's data file, nor its prompt memo."""
    monkeypatch.delenv("STREAK_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))  # the prompt's memo
    monkeypatch.setenv("HOME", str(tmp_path / "home"))


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A data file path in a fresh, existing folder (the file itself does not exist yet)."""
    (tmp_path / "data").mkdir()
    return tmp_path / "data" / "streak.json"


@pytest.fixture
def streak(db: Path, capsys: pytest.CaptureFixture[str]) -> Callable[..., Run]:
    """Run `streak --db <db> ARGS...` through the real entry point with today pinned to 2026-11-21."""

    def run(*args: str, today: date = TODAY, now: datetime = NOW) -> Run:
        capsys.readouterr()
        status = main(["--db", str(db), *args], today=today, now=now)
        captured = capsys.readouterr()
        return Run(status, captured.out, captured.err)

    return run


@pytest.fixture
def cli(db: Path) -> Callable[..., Run]:
    """Run `streak --db <db> ARGS...` as a real process, through the installed script."""

    def run(*args: str | bytes, **options: object) -> Run:
        return run_streak("--db", str(db), *args, **options)  # type: ignore[arg-type]

    return run
