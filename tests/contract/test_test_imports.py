"""The tests stand alone: no test module imports conftest.py or another test module, only helper modules."""

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]


def imported_modules(path: Path) -> set[str]:
    """The top-level module name of every import in the file, however deeply nested the import statement."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_no_test_file_imports_a_test_module_or_conftest() -> None:
    """Shared helpers live in helpers.py, app_driver.py, strategies.py or foreign_files.py, fixtures in a conftest.py."""
    test_modules = {path.stem for path in TESTS.rglob("test_*.py")} | {"conftest"}
    offenders = {
        f"{path.relative_to(TESTS)} imports {name}"
        for path in TESTS.rglob("*.py")
        for name in imported_modules(path) & test_modules
    }
    assert not offenders, sorted(offenders)


def test_the_check_sees_an_import_of_a_test_module(tmp_path: Path) -> None:
    """The check reads imports inside functions too, so a helper imported late is still caught."""
    sample = tmp_path / "test_sample.py"
    sample.write_text("def test_x():\n    from conftest import TODAY\n    import test_cli\n", encoding="utf-8")
    assert imported_modules(sample) >= {"conftest", "test_cli"}
