"""Times the app's first screen the way a person sees it: in a pseudo-terminal, until it is all drawn.

Run it from the repository with the project installed in .venv:

    .venv/bin/python tests/benchmark_app.py

Each run starts a process on a fresh 80x24 pseudo-terminal and reads what it writes there until
every marker of its first full screen has appeared (escape sequences stripped): for streak, the
card borders ("Current streak"), the figures ("1040 sessions") and the footer ("palette"); for the
floor, a minimal Textual app with a Static and a Footer, its Static ("leg day") and its footer.
The two are run alternately, so both see the same machine, and the medians compared. The time
runs from just before the process is started to the read that completes the screen; the process
is then killed. streak is run as a person runs it, the installed `streak` script with no command,
on a data file of 1,040 sessions in the default location.

Not collected by pytest (the name does not start with test_): timings on shared machines are too
noisy to assert. The budget it checks, and the latest figures, are in docs/speed.md.
"""

import compileall
import fcntl
import os
import pty
import re
import select
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from datetime import date
from pathlib import Path

import streak as streak_package
from benchmark import Setup

RUNS = int(os.environ.get("BENCHMARK_RUNS", "15"))
BUDGET = 1.1  # issue 23: the first screen within 1.1x of the minimal app
PYTHON = sys.executable
ROWS, COLUMNS = 24, 80
TIMEOUT_SECONDS = 20.0

MINIMAL_APP = """
from textual.app import App
from textual.widgets import Footer, Static


class Minimal(App):
    def compose(self):
        yield Static("leg day")
        yield Footer()


Minimal().run()
"""

# CSI sequences (colours, cursor moves, modes) and OSC ones (the pointer shape), left out when reading the screen.
ESCAPES = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07]*\x07|\x1b[=>]")


class Run:
    """One process on its own pseudo-terminal: milliseconds to its first full screen, and the CPU it used.

    `first_ms` is when the first marker showed, which for the floor is before its footer fills in.
    """

    def __init__(self, command: list[str], env: dict[str, str], markers: tuple[bytes, ...]) -> None:
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
        started = time.perf_counter()
        process = subprocess.Popen(command, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True)
        os.close(slave)
        output = b""
        self.ms = self.first_ms = None
        try:
            while time.perf_counter() - started < TIMEOUT_SECONDS:
                if not select.select([master], [], [], 0.5)[0]:
                    continue
                try:
                    chunk = os.read(master, 1 << 16)
                except OSError:  # the process ended and closed the terminal
                    break
                output += chunk
                screen = ESCAPES.sub(b"", output)
                if self.first_ms is None and markers[0] in screen:
                    self.first_ms = (time.perf_counter() - started) * 1000
                if all(marker in screen for marker in markers):
                    self.ms = (time.perf_counter() - started) * 1000
                    break
        finally:
            process.kill()
            _, _, usage = os.wait4(process.pid, 0)
            process.returncode = 0  # reaped above; keeps Popen from waiting again
            os.close(master)
        if self.ms is None:
            text = ESCAPES.sub(b"", output).decode(errors="replace")
            raise SystemExit(f"{' '.join(command)} never showed {markers}; it wrote:\n{text}")
        self.cpu_ms = (usage.ru_utime + usage.ru_stime) * 1000


def main() -> None:
    # Bytecode compiled as a pip install leaves it (some environments set PYTHONDONTWRITEBYTECODE).
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    compileall.compile_dir(Path(streak_package.__file__).parent, quiet=1)
    streak = str(Path(PYTHON).parent / "streak")
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        setup = Setup(root, 1040)
        minimal_script = root / "minimal_app.py"
        minimal_script.write_text(MINIMAL_APP, encoding="utf-8")
        env = {**setup.env, "TERM": "xterm-256color"}
        for name in [name for name in env if name.startswith("TEXTUAL")]:
            del env[name]
        floor = ([PYTHON, str(minimal_script)], (b"leg day", b"palette"))
        app = ([streak], (b"Current streak", b"1040 sessions", b"palette"))
        Run(*floor[:1], env, floor[1])  # one untimed run each, so both start with warm caches
        Run(*app[:1], env, app[1])
        floors, times = [], []
        for _ in range(RUNS):
            floors.append(Run(floor[0], env, floor[1]))
            times.append(Run(app[0], env, app[1]))

    def median(runs: list[Run], field: str) -> float:
        return statistics.median(getattr(run, field) for run in runs)

    base, time_ms = median(floors, "ms"), median(times, "ms")
    ratio = time_ms / base
    print(
        f"{RUNS} runs each, alternating, medians in ms; Python {sys.version.split()[0]} on {sys.platform}, "
        f"{date.today()}, {os.cpu_count()} cores"
    )
    print("floor: a minimal Textual app with a Static and a Footer, to its first full screen\n")
    print("| command | history | floor | time | ratio | budget |")
    print("|---|---|---:|---:|---:|---|")
    verdict = "met" if ratio <= BUDGET else "NOT MET"
    print(
        f"| app to first screen, in a pseudo-terminal | 1,040 sessions | {base:.1f} | {time_ms:.1f} | "
        f"{ratio:.2f}x | {BUDGET}x: {verdict} |"
    )
    cpu_base, cpu_time = median(floors, "cpu_ms"), median(times, "cpu_ms")
    print(
        f"\nCPU time (user + system, up to the kill): floor {cpu_base:.1f}, streak {cpu_time:.1f}, {cpu_time / cpu_base:.2f}x"
    )
    first_base, first_time = median(floors, "first_ms"), median(times, "first_ms")
    print(
        f"first marker only (the floor's Static before its footer fills in; streak's card borders): "
        f"floor {first_base:.1f}, streak {first_time:.1f}, {first_time / first_base:.2f}x"
    )
    print("every run (floor / streak, ms):", ", ".join(f"{f.ms:.0f}/{t.ms:.0f}" for f, t in zip(floors, times)))


if __name__ == "__main__":
    main()
