"""Times the command line and the app's first screen against their floors, and prints medians and ratios.

Run it from the repository with the project installed in .venv:

    .venv/bin/python tests/benchmark.py

Not collected by pytest (the name does not start with test_): timings on shared machines are too
noisy to assert. The budgets it checks, and the latest figures, are in docs/speed.md.
"""

import compileall
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

try:
    import resource
except ImportError:  # Windows
    resource = None  # type: ignore[assignment]

import streak as streak_package
from streak.core.history.model import History, Lift, Session
from streak.storage.paths import DATA_FILE_NAME
from streak.storage.store import Store

RUNS = int(os.environ.get("BENCHMARK_RUNS", "25"))
PYTHON = sys.executable

FIRST_SCREEN = """
import sys
from {module} import {factory}
app = {factory}({argument})
async def leave(pilot):
    await pilot.pause()
    pilot.app.exit()
app.run(headless=True, size=(80, 24), auto_pilot=leave)
"""

MINIMAL_APP = """
from textual.app import App
from textual.widgets import Static
class Minimal(App):
    def compose(self):
        yield Static("leg day")
def minimal(_):
    return Minimal()
"""


def history_of(sessions: int, today: date, lifts: bool = False) -> History:
    """`sessions` leg days, two a week (Monday and Thursday) back from last week, each with a note.

    With `lifts`, every session also holds three lifts whose weights creep up, so records keep coming.
    """
    days = []
    monday = today - timedelta(days=today.weekday() + 7)
    while len(days) < sessions:
        days += [monday + timedelta(days=3), monday]
        monday -= timedelta(weeks=1)
    chosen = sorted(days[:sessions])
    return History(
        tuple(Session(day, "back squats 5x5, lunges", _lifts(n) if lifts else ()) for n, day in enumerate(chosen))
    )


def _lifts(n: int) -> tuple[Lift, ...]:
    return (
        Lift("Back squat", 5, 5, 60 + (n % 200) * 0.5, "kg"),
        Lift("Romanian deadlift", 3, 8, 50 + (n % 150) * 0.5, "kg"),
        Lift("Walking lunge", 3, 12, 0, "kg"),
    )


class Setup:
    """A data file in the default location (under $XDG_DATA_HOME) holding a given history."""

    def __init__(self, root: Path, sessions: int, lifts: bool = False) -> None:
        name = f"xdg-{sessions}{'-lifts' if lifts else ''}"
        self.env = {**os.environ, "XDG_DATA_HOME": str(root / name), "XDG_STATE_HOME": str(root / f"{name}-state")}
        self.env.pop("STREAK_DB", None)
        self.folder = Path(self.env["XDG_DATA_HOME"]) / "streak"
        self.path = self.folder / DATA_FILE_NAME
        Store(str(self.path)).update(lambda _: (history_of(sessions, date.today(), lifts), None))
        self.pristine = self.path.read_bytes()

    def reset(self) -> None:
        """Put the file back as it was and drop today's backup, so every check-in is the day's first."""
        self.path.write_bytes(self.pristine)
        shutil.rmtree(self.folder / "backups", ignore_errors=True)

    def forget_state(self) -> None:
        """Drop this machine's state (the prompt's memo and the history's snapshot), so the next read parses the file."""
        shutil.rmtree(Path(self.env["XDG_STATE_HOME"]), ignore_errors=True)

    def reset_and_forget(self) -> None:
        """A check-in on a file nothing has read yet, as after a change made on another machine."""
        self.reset()
        self.forget_state()

    def remember_prompt(self, streak: list[str]) -> None:
        """Let the file settle (the memo takes no state a few seconds fresh), then have the prompt remember its line."""
        from streak.storage.prompt_memo import SETTLE_NS

        newest = max(os.stat(p).st_ctime_ns for p in (self.path, self.folder))
        time.sleep(max(0.0, (newest + SETTLE_NS - time.time_ns()) / 1e9 + 0.1))
        timed([*streak, "status", "--short"], self.env)
        if not (Path(self.env["XDG_STATE_HOME"]) / "streak").exists():
            raise SystemExit("the prompt did not remember its line")


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """The wall time and the CPU time (user and system) of one run of `command`, in ms."""
    cpu_before = _children_cpu()
    started = time.perf_counter()
    result = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed: {result.stderr.decode()}")
    return elapsed * 1000, (_children_cpu() - cpu_before) * 1000


def _children_cpu() -> float:
    if resource is None:  # Windows: no CPU column
        return 0.0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def compare(
    name: str, floor: list[str], command: list[str], env: dict[str, str], before=None
) -> tuple[float, float, str, float]:  # noqa: ANN001
    """Median ms of `floor` and `command`, run alternately so both see the same machine, the command's spread,
    and the ratio of their median CPU times (which other work on the machine disturbs less than wall time)."""
    floors, times, floor_cpu, cpu = [], [], [], []
    for _ in range(RUNS):
        wall, used = timed(floor, env)
        floors.append(wall)
        floor_cpu.append(used)
        if before:
            before()
        wall, used = timed(command, env)
        times.append(wall)
        cpu.append(used)
    cpu_ratio = statistics.median(cpu) / statistics.median(floor_cpu) if statistics.median(floor_cpu) else 0.0
    return statistics.median(floors), statistics.median(times), spread(times), cpu_ratio


def side_by_side(command: list[str], shorter: "Setup", longer: "Setup", before: str | None) -> tuple[float, float, str]:
    """`command` on the shorter and the longer history, run alternately: the growth of their medians, and of each pair.

    Growth compares two commands, so they are timed in turns, each seeing the same machine; taken
    from two rows measured minutes apart, it moved by a fifth with the machine's load.
    """
    shorter_times, longer_times = [], []
    for _ in range(RUNS):
        for setup, times in ((shorter, shorter_times), (longer, longer_times)):
            if before:
                getattr(setup, before)()
            times.append(timed(command, setup.env)[0])
    growths = [long / short for short, long in zip(shorter_times, longer_times)]
    low, median, high = statistics.quantiles(growths, n=4)
    return statistics.median(longer_times) / statistics.median(shorter_times), median, f"{low:.2f}-{high:.2f}"


def spread(times: list[float]) -> str:
    """The middle half of the runs (first to third quartile), in ms: how far one run may be from the median."""
    low, _, high = statistics.quantiles(times, n=4)
    return f"{low:.1f}-{high:.1f}"


def prompt_rows(
    label: str, setup: Setup, streak: list[str], floor: list[str]
) -> list[tuple[str, str, float, float, str]]:
    """The shell prompt as it mostly runs: on a file unchanged since the last prompt, and just after a change."""
    rows = []
    setup.remember_prompt(streak)
    base, median, scatter, cpu = compare(PROMPT_UNCHANGED, floor, [*streak, "status", "--short"], setup.env)
    rows.append((PROMPT_UNCHANGED, label, base, median, scatter, cpu))
    # Put back in place, as a check-in replaces it: new stamps, so the line is computed, and not
    # remembered while the stamps are seconds old; and the snapshot dropped, as new content finds none.
    base, median, scatter, cpu = compare(
        PROMPT_CHANGED, floor, [*streak, "status", "--short"], setup.env, setup.reset_and_forget
    )
    rows.append((PROMPT_CHANGED, label, base, median, scatter, cpu))
    return rows


COLD_STATUS = "status (nothing remembered)"
COLD_CHECKIN = "checkin (nothing remembered)"
PROMPT_UNCHANGED = "streak status --short (file unchanged)"
PROMPT_CHANGED = "streak status --short (just after a change)"


def loop_imports(root: Path, streak: list[str], floor: list[str]) -> list[tuple[str, str, float, float, str]]:
    """`streak import` of ten years of daily Loop data (five habits), each run into a fresh data file."""
    from foreign_files import ten_years_of_loop, write_loop_db, write_loop_zip

    habits = ten_years_of_loop(date.today())
    sources = {
        "streak import (Loop database)": write_loop_db(root / "Loop Habits Backup.db", habits),
        "streak import (Loop CSV zip)": write_loop_zip(root / "Loop Habits CSV.zip", habits),
    }
    data = root / "import" / "streak.json"
    env = {**os.environ, "STREAK_DB": str(data)}

    def fresh() -> None:
        shutil.rmtree(data.parent, ignore_errors=True)
        data.parent.mkdir()  # a folder STREAK_DB names must exist

    rows = []
    for name, source in sources.items():
        base, median, scatter, cpu = compare(
            name, floor, [*streak, "import", str(source), "--habit", "leg day"], env, fresh
        )
        rows.append((name, "3,650 days x 5 habits", base, median, scatter, cpu))
    return rows


def main() -> None:
    # The installed `streak` script, as a shell prompt runs it, with bytecode compiled as a
    # pip install leaves it (some environments set PYTHONDONTWRITEBYTECODE; users rarely do).
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    compileall.compile_dir(Path(streak_package.__file__).parent, quiet=1)
    streak = [str(Path(PYTHON).parent / ("streak.exe" if os.name == "nt" else "streak"))]
    floor = [PYTHON, "-c", "import tinydb"]
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        ten_years, ten_thousand = Setup(root, 1040), Setup(root, 10_000)
        lifted = Setup(root, 1040, lifts=True)
        results = {}
        for label, setup in (("1,040 sessions", ten_years), ("10,000 sessions", ten_thousand)):
            # `status` and `checkin` find the file as the last `status` left it (its snapshot kept, on a
            # long history), then again with nothing remembered, as after a change made elsewhere.
            # `status --short` here is the prompt with nothing remembered: it reads the file and
            # computes its line (keeping a snapshot only of a very long history).
            for name, command, before in (
                ("status", ["status"], None),
                ("status --json", ["status", "--json"], None),
                ("checkin", ["checkin"], setup.reset),
                ("status --short", ["status", "--short"], setup.forget_state),
                (COLD_STATUS, ["status"], setup.forget_state),
                (COLD_CHECKIN, ["checkin"], setup.reset_and_forget),
            ):
                base, median, scatter, cpu = compare(name, floor, streak + command, setup.env, before)
                results[(label, name)] = (median, median / base)
                rows.append((f"streak {name}", label, base, median, scatter, cpu))
            rows += prompt_rows(label, setup, streak, floor)
        growth_rows = []
        for name, command, before in (
            ("status", ["status"], None),
            ("checkin", ["checkin"], "reset"),
            (COLD_STATUS, ["status"], "forget_state"),
            (COLD_CHECKIN, ["checkin"], "reset_and_forget"),
        ):
            for setup in (ten_years, ten_thousand):  # each history's snapshot kept, as the last `status` leaves it
                timed([*streak, "status"], setup.env)
            growth_rows.append((name, *side_by_side(streak + command, ten_years, ten_thousand, before)))
        heaviest_squat = ["--lift", "back squat 5x5 200kg", "--lift", "RDL 3x8 80", "--lift", "walking lunge 3x12"]
        lifted_commands = {  # name: (arguments, what to do before each run), in this order as above
            "status": (["status"], None),
            "checkin": (["checkin", *heaviest_squat], lifted.reset),
            "status --short": (["status", "--short"], lifted.forget_state),
            COLD_CHECKIN: (["checkin", *heaviest_squat], lifted.reset_and_forget),
            "lifts": (["lifts"], None),
        }
        for name, (command, before) in lifted_commands.items():
            base, median, scatter, cpu = compare(name, floor, streak + command, lifted.env, before)
            rows.append((f"streak {name}", "1,040 sessions x 3 lifts", base, median, scatter, cpu))
        rows += prompt_rows("1,040 sessions x 3 lifts", lifted, streak, floor)
        minimal_script = root / "minimal_app.py"
        minimal_script.write_text(MINIMAL_APP, encoding="utf-8")
        minimal = [PYTHON, "-c", FIRST_SCREEN.format(module="minimal_app", factory="minimal", argument="None")]
        app = [
            PYTHON,
            "-c",
            FIRST_SCREEN.format(module="streak.ui.app", factory="build_app", argument=repr(str(ten_years.path))),
        ]
        env = {**ten_years.env, "PYTHONPATH": str(root)}
        base, median, scatter, cpu = compare("app", minimal, app, env)
        rows.append(("app to first screen (headless)", "1,040 sessions", base, median, scatter, cpu))
        rows += loop_imports(root, streak, floor)

    print(
        f"{RUNS} runs each, medians in ms, whole processes; Python {sys.version.split()[0]} on {sys.platform}, {date.today()}"
    )
    print("floor: `python -c 'import tinydb'`; for the headless app, a minimal Textual app showing one Static\n")
    print("spread: the middle half of the command's runs (first to third quartile)\n")
    print("| command | history | floor | time | spread | ratio | CPU ratio | budget |")
    print("|---|---|---:|---:|---:|---:|---:|---|")
    # Issue 23's budgets, as ratios to the floor: a plain history, and one with a three-lift training log
    # (--json keeps its earlier 1.8x: printing JSON loads json and the re it imports).
    plain = {"streak status": 1.3, "streak status --json": 1.8, "streak status --short": 1.3, "streak checkin": 1.7}
    lifted = {"streak status": 1.5, "streak status --short": 1.5, "streak checkin": 1.8, "streak lifts": 2.5}
    budgets = {
        "1,040 sessions": {**plain, PROMPT_UNCHANGED: 0.7},
        "1,040 sessions x 3 lifts": {**lifted, PROMPT_UNCHANGED: 0.7},
    }
    for command, label, base, median, scatter, cpu in rows:
        ratio = median / base
        budget = "-"
        limit = budgets.get(label, {}).get(command)
        if command.startswith("streak import"):
            budget = f"1 s: {'met' if median < 1000 else 'NOT MET'}"
        elif limit is not None:  # the app's budget is benchmark_app.py's
            budget = f"{limit:.1f}x: {'met' if ratio <= limit else 'NOT MET'}"
        print(f"| {command} | {label} | {base:.1f} | {median:.1f} | {scatter} | {ratio:.2f}x | {cpu:.2f}x | {budget} |")
    print(
        "\nGrowth from 1,040 to 10,000 sessions (budget, for status and checkin: under 2x), the two histories"
        " run in turns: of the medians, of each pair (median and middle half), and from the rows above:"
    )
    for command, growth, pairs, pair_spread in growth_rows:
        (longer, longer_ratio), (shorter, shorter_ratio) = (
            results[("10,000 sessions", command)],
            results[("1,040 sessions", command)],
        )
        verdict = ("met" if max(growth, pairs) < 2 else "NOT MET") if command in ("status", "checkin") else "-"
        print(
            f"- streak {command}: {growth:.2f}x, {pairs:.2f}x ({pair_spread}), {verdict};"
            f" rows above {longer / shorter:.2f}x, {longer_ratio / shorter_ratio:.2f}x of the ratios"
        )


if __name__ == "__main__":
    main()
