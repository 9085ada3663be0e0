"""`streak status` and `streak checkin`, run from shell prompts, load no module they do not use: none of typing, enum, contextlib.

Each costs the prompt milliseconds (typing ~13 ms, with `re`, `enum` and `contextlib`), more than
reading a year of sessions. The core's named tuples come from streak.core.named_tuple, typing's
names are imported for type checkers only, and what only writes and conflict copies need loads
only when they happen.
"""

import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from helpers import Run

# Run in a fresh interpreter: `streak ARGS` with today pinned, then, on stderr, the modules loaded and,
# for every import statement that ran, which module ran it (relative imports resolved).
SPY = """
import builtins, sys
from datetime import date
edges = set()
real_import = builtins.__import__

def spy(name, globals=None, locals=None, fromlist=(), level=0):
    importer = (globals or {}).get("__name__", "")
    imported = name
    if level:
        package = (globals or {}).get("__package__") or ""
        base = package.rsplit(".", level - 1)[0] if level > 1 else package
        imported = f"{base}.{name}" if name else base
    edges.add((importer, imported))
    for item in fromlist or ():
        edges.add((importer, f"{imported}.{item}"))
    return real_import(name, globals, locals, fromlist, level)

builtins.__import__ = spy
from streak.cli.main import main
status = main(sys.argv[1:], today=date(2026, 11, 21))
builtins.__import__ = real_import
modules = sorted(sys.modules)
import json  # only now, not to count among what streak loaded
print(json.dumps({"status": status, "modules": modules, "edges": sorted(edges)}), file=sys.stderr)
"""

# typing (~13 ms) imports re, enum and contextlib; json and argparse import re (~9 ms with enum):
# nothing on the prompt's path needs any of them.
NEVER_LOADED = ("typing", "enum", "contextlib", "re", "json", "argparse")
# What printing JSON costs `status --json`: json's encoder, and the re and enum it imports.
PRINTING_JSON = ("json", "re", "enum")
STATUS_COMMANDS = [["status"], ["status", "--json"], ["status", "--short"]]


@pytest.fixture
def recorded(streak: Callable[..., Run]) -> None:
    """A history with every kind of record status reads: sessions with notes and lifts, a goal change, rest."""
    assert streak("checkin", "--date", "2026-11-02", "--note", "legs", "--lift", "back squat 5x5 100kg").status == 0
    assert streak("checkin", "--date", "2026-11-16", "--lift", "front squat 3x8 60").status == 0
    assert streak("checkin", "--date", "2026-11-18").status == 0
    assert streak("goal", "3", "--from", "2026-11-09").status == 0
    assert streak("rest", "2026-10-05", "2026-10-11").status == 0


def _status_run(db: Path, command: list[str]) -> dict[str, object]:
    """The modules `streak --db DB COMMAND` loaded, and which module imported which, in a fresh process."""
    result = subprocess.run(
        [sys.executable, "-c", SPY, "--db", str(db), *command], capture_output=True, text=True, check=False
    )
    report = json.loads(result.stderr.strip().splitlines()[-1])
    assert report["status"] == 0, result.stderr
    return report


def _brought_in_outside_the_command_line(edges: list[list[str]]) -> dict[str, str]:
    """Each module that some module outside streak.cli imports, directly or through the modules it imports.

    Mapped to the last streak module on the way to it: the one whose import to change. Imports made
    by the command line's own modules are not followed: the whole-process test below covers them.
    """
    imports: dict[str, set[str]] = {}
    for importer, imported in edges:
        imports.setdefault(importer, set()).add(imported)
    reached: dict[str, str] = {}
    for start in imports:
        if not start.startswith("streak.") or start.startswith("streak.cli"):
            continue
        stack = [start]
        while stack:
            module = stack.pop()
            culprit = module if module.startswith("streak.") else reached[module]
            for imported in imports.get(module, ()):
                if imported not in reached and not imported.startswith("streak.cli"):
                    reached[imported] = culprit
                    stack.append(imported)
    return reached


@pytest.mark.usefixtures("recorded")
@pytest.mark.parametrize("command", STATUS_COMMANDS, ids=" ".join)
def test_nothing_outside_the_command_line_brings_in_typing_re_or_json(db: Path, command: list[str]) -> None:
    """The core and storage modules `streak status` runs import none of typing, enum, contextlib, re, json or argparse.

    Followed through every import statement that ran, even of a module already loaded, so this
    holds whatever the command line itself imports.
    """
    reached = _brought_in_outside_the_command_line(_status_run(db, command)["edges"])  # type: ignore[arg-type]
    assert {name: reached[name] for name in NEVER_LOADED if name in reached} == {}


@pytest.mark.usefixtures("recorded")
def test_the_merge_modules_load_only_when_a_conflict_copy_is_there(db: Path) -> None:
    """Without a conflict copy, status loads none of the merge, the backups or the atomic writer."""
    loaded = set(_status_run(db, ["status"])["modules"])  # type: ignore[arg-type]
    rare = {
        "streak.storage.sync.copies",
        "streak.storage.sync.copy_reports",
        "streak.storage.backups",
        "streak.storage.datafile.atomic",
        "streak.core.sync.merge",
    }
    assert loaded & rare == set()
    copy = db.with_name("streak.sync-conflict-20261120-101500-ABCDEFG.json")
    copy.write_bytes(db.read_bytes())
    assert rare - {"streak.core.sync.merge"} <= set(_status_run(db, ["status"])["modules"])  # type: ignore[arg-type]


@pytest.mark.usefixtures("recorded")
@pytest.mark.parametrize("command", STATUS_COMMANDS, ids=" ".join)
def test_status_loads_none_of_typing_re_json_or_argparse(db: Path, command: list[str]) -> None:
    """The whole process, command line included: none of them is in sys.modules after `streak status`."""
    loaded = set(_status_run(db, command)["modules"])  # type: ignore[arg-type]
    never = [name for name in NEVER_LOADED if not (command == ["status", "--json"] and name in PRINTING_JSON)]
    assert sorted(loaded & set(never)) == []


CHECKINS = [
    ["checkin", "--date", "2026-11-21"],
    ["checkin", "--date", "2026-11-20", "--note", "légs", "--lift", "back squat 5x5 100kg", "--lift", "lunge 3x10 20"],
]


@pytest.mark.usefixtures("recorded")
@pytest.mark.parametrize("command", CHECKINS, ids=["plain", "note and lifts"])
def test_a_checkin_loads_none_of_them_nor_tinydb(db: Path, command: list[str]) -> None:
    """A check-in on a new day (the day's backup included) adds its session without TinyDB, json or re."""
    before = db.read_bytes()
    shutil.rmtree(db.parent / "backups")  # the fixture's changes took today's: this check-in must take it
    loaded = set(_status_run(db, command)["modules"])  # type: ignore[arg-type]
    assert sorted(loaded & {*NEVER_LOADED, "tinydb"}) == []
    assert db.read_bytes() != before
    assert list(db.parent.joinpath("backups").iterdir()), "the day's backup was taken"
