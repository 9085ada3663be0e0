"""`.ci/run` keeps the snapshot report of a failed run, says where, and still exits with pytest's status."""

import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def ci_with_tests_that(tmp_path: Path, outcome: str) -> subprocess.CompletedProcess[str]:
    """Run a copy of `.ci/run` whose last line, the test command, is `outcome` instead (no venv, no pytest)."""
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8").rstrip().splitlines()
    (tmp_path / ".ci").mkdir()
    (tmp_path / ".ci" / "run").write_text("\n".join([*script[:-1], outcome]) + "\n", encoding="utf-8")
    return subprocess.run(["bash", str(tmp_path / ".ci" / "run")], capture_output=True, text=True, check=False)


def test_a_failed_snapshot_leaves_its_report_in_ci_reports(tmp_path: Path) -> None:
    """pytest's status 1 comes out of CI; the report moves to .ci/reports/ and stderr gives its path."""
    result = ci_with_tests_that(tmp_path, "echo '<html>diff</html>' > snapshot_report.html; exit 1")
    kept = tmp_path / ".ci" / "reports" / "snapshot_report.html"
    assert result.returncode == 1
    assert kept.read_text(encoding="utf-8") == "<html>diff</html>\n"
    assert str(kept) in result.stderr


@pytest.mark.parametrize(("outcome", "status"), [("true", 0), ("exit 2", 2)])
def test_without_a_report_ci_only_passes_on_the_status(tmp_path: Path, outcome: str, status: int) -> None:
    """A pass, or a failure no snapshot caused, keeps nothing and says nothing of a report."""
    (tmp_path / "snapshot_report.html").write_text("from an earlier run", encoding="utf-8")
    result = ci_with_tests_that(tmp_path, outcome)
    assert result.returncode == status
    assert not (tmp_path / ".ci" / "reports").exists() and not (tmp_path / "snapshot_report.html").exists()
    assert "report" not in result.stderr
