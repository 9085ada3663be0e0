"""The architecture holds: a pure core, and a command line that never loads Textual."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def run_python(code: str, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, cwd=ROOT, check=False
    )


def test_import_contracts_are_kept() -> None:
    """import-linter: a pure core; cli beside ui, above storage, above core; and the layers inside core, storage and ui."""
    result = subprocess.run([str(BIN / "lint-imports")], capture_output=True, text=True, cwd=ROOT, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "6 kept, 0 broken" in result.stdout


@pytest.mark.parametrize("command", [["status"], ["status", "--json"], ["history"], ["badges"], ["checkin"]])
def test_command_line_never_imports_textual(tmp_path: Path, command: list[str]) -> None:
    """The shell-prompt commands load neither Textual nor Rich, nor the import readers, nor even TinyDB."""
    code = (
        "import sys, json\n"
        "from streak.cli.main import main\n"
        "status = main(sys.argv[1:])\n"
        "heavy = ['textual', 'rich', 'platformdirs', 'dataclasses', 'tempfile', 'tinydb', 'sqlite3', 'zipfile',"
        " 'streak.core.exchange.foreign.habits']\n"
        "print(json.dumps([status, [m for m in heavy if m in sys.modules]]), file=sys.stderr)\n"
    )
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path)}
    status, loaded = json.loads(run_python(code, *command, env=env).stderr.strip().splitlines()[-1])
    assert status == 0
    assert "textual" not in loaded and "rich" not in loaded
    if sys.platform.startswith("linux"):
        assert loaded == []


def test_core_imports_only_the_standard_library() -> None:
    """Importing every core module pulls in no third-party package."""
    code = (
        "import sys, pkgutil, importlib, streak.core\n"
        "for m in pkgutil.iter_modules(streak.core.__path__): importlib.import_module('streak.core.' + m.name)\n"
        "print(sorted({n.split('.')[0] for n in sys.modules} & {'textual', 'rich', 'tinydb', 'platformdirs'}))\n"
    )
    assert run_python(code).stdout.strip() == "[]"


def test_python_dash_m_streak_runs_the_command_line(tmp_path: Path) -> None:
    """`python -m streak` is the same program as `streak`."""
    result = subprocess.run(
        [sys.executable, "-m", "streak", "--db", str(tmp_path / "s.json"), "status", "--json"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0 and json.loads(result.stdout)["total_sessions"] == 0


def test_installed_streak_script_reports_errors_without_a_traceback(tmp_path: Path) -> None:
    """The console script exits 2 on a bad date with one line on stderr."""
    script = BIN / ("streak.exe" if os.name == "nt" else "streak")
    result = subprocess.run(
        [str(script), "--db", str(tmp_path / "s.json"), "checkin", "--date", "tomorrow"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "YYYY-MM-DD" in result.stderr
