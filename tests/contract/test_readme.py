"""The README's two set-up commands are the ones CI and new users actually run."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RUN = "python3 -m venv .venv && .venv/bin/pip install -q -e . && .venv/bin/streak"
TEST = "python3 -m venv .venv && .venv/bin/pip install -q -e '.[test]' && .venv/bin/python -m pytest"


def test_readme_shows_the_run_and_test_commands() -> None:
    """Both commands appear, exactly, as code lines near the top of the README."""
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    assert RUN in lines[:20] and TEST in lines[:20]


def test_ci_runs_the_readme_test_command() -> None:
    """`.ci/run` ends with the README's test command, word for word."""
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()
    assert script[-1] == TEST
