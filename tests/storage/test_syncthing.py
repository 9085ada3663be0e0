"""Two real Syncthing instances sharing one folder that holds a streak data file: real conflict copies, merged.

Each instance has its own home, listens on 127.0.0.1 only, and has global and local discovery,
relays, NAT traversal, usage reporting, crash reporting and upgrades off; the test fails if any of
their sockets listens anywhere but on loopback. Each side runs `streak` as its own machine (its own
state folder, so its own machine id). A round pauses the two devices through the REST API, changes
the data file on both sides, resumes them so Syncthing leaves a real conflict copy, lets one side's
`streak` merge it, and ends with equal `streak export` on both sides and no conflict copy left.

Rounds are kept sequential and each waits until the two settle: Syncthing 1.19 backs off a full
minute when a file changes while it pulls. Every wait is bounded and polls the REST API. Only the
processes this test started are stopped, in the fixture's teardown.
"""

import copy
import json
import os
import shutil
import socket
import subprocess
import time
import urllib.request
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from helpers import Run, run_streak
from streak.storage.sync.conflicts import find_conflict_copies

FOLDER_ID = "streak"
SETTLE_SECONDS = 90  # measured: first sync 3-4 s, a whole run ~12 s; the margin is for a loaded machine
API_KEY = "streak-test-api-key"
pytestmark = [
    pytest.mark.skipif(os.name != "posix" or not os.path.isdir("/proc/net"), reason="needs Linux's /proc"),
    pytest.mark.slow,
    pytest.mark.early,  # a round can wait out Syncthing's back-off: run first, not as the suite's tail
]


def day(weeks_ago: int, weekday: int) -> str:
    """A past day: `weekday` (0 Monday) of the week `weeks_ago` weeks before this one."""
    today = date.today()
    return (today - timedelta(days=today.weekday(), weeks=weeks_ago) + timedelta(days=weekday)).isoformat()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Side:
    """One machine: a Syncthing instance with its home, the shared folder's copy, and streak's own state folder."""

    def __init__(self, root: Path, name: str) -> None:
        self.name = name
        self.home = root / f"{name}-syncthing"
        self.folder = root / f"{name}-Sync"
        self.state = root / f"{name}-state"
        self.db = self.folder / "legs.json"
        self.gui_port, self.listen_port = free_port(), free_port()
        self.process: subprocess.Popen[bytes] | None = None
        self.folder.mkdir()
        (self.folder / ".stfolder").mkdir()
        generated = subprocess.run(
            ["syncthing", "generate", f"--home={self.home}", "--no-default-folder", "--skip-port-probing"],
            capture_output=True, text=True, timeout=60, check=True,
        )  # fmt: skip
        self.device_id = next(
            line.split("Device ID:")[1].strip() for line in generated.stdout.splitlines() + generated.stderr.splitlines()
            if "Device ID:" in line
        )  # fmt: skip

    def configure(self, other: "Side") -> None:
        """Loopback only, nothing that reaches beyond this machine, the other side as the one device, one folder."""
        path = self.home / "config.xml"
        tree = ElementTree.parse(path)
        config = tree.getroot()
        gui = config.find("gui")
        assert gui is not None
        gui.find("address").text = f"127.0.0.1:{self.gui_port}"  # type: ignore[union-attr]
        gui.find("apikey").text = API_KEY  # type: ignore[union-attr]
        options = config.find("options")
        assert options is not None
        settings = {
            "listenAddress": f"tcp://127.0.0.1:{self.listen_port}",
            "globalAnnounceServer": "",
            "globalAnnounceEnabled": "false",
            "localAnnounceEnabled": "false",
            "relaysEnabled": "false",
            "natEnabled": "false",
            "urAccepted": "-1",
            "startBrowser": "false",
            "crashReportingEnabled": "false",
            "autoUpgradeIntervalH": "0",
            "stunKeepaliveStartS": "0",
            "stunServer": "",
            # On resuming, both sides dial at once and one connection is dropped as a duplicate; the default
            # 60 s before dialling again would stall a round for a minute.
            "reconnectionIntervalS": "1",
        }
        for key, value in settings.items():
            for element in options.findall(key):
                options.remove(element)
            ElementTree.SubElement(options, key).text = value
        device = ElementTree.SubElement(config, "device", id=other.device_id, name=other.name, compression="metadata")
        ElementTree.SubElement(device, "address").text = f"tcp://127.0.0.1:{other.listen_port}"
        # The folder starts from Syncthing's own defaults (an element left out would be zero: maxConflicts 0
        # would mean no conflict copies at all). No watcher: the test scans through the REST API after each change.
        folder = copy.deepcopy(config.find("defaults/folder"))
        assert folder is not None
        for member in folder.findall("device"):
            folder.remove(member)
        folder.attrib.update(id=FOLDER_ID, label=FOLDER_ID, path=str(self.folder), fsWatcherEnabled="false")
        for member in (self.device_id, other.device_id):
            ElementTree.SubElement(folder, "device", id=member)
        config.append(folder)
        tree.write(path)

    def start(self) -> None:
        log = open(self.home / "syncthing.log", "wb")  # noqa: SIM115 (closed with the process)
        env = {**os.environ, "STNODEFAULTFOLDER": "1", "STNOUPGRADE": "1", "STNORESTART": "1", "HOME": str(self.home)}
        self.process = subprocess.Popen(
            ["syncthing", "serve", f"--home={self.home}", "--no-browser", "--no-restart", "--no-upgrade"],
            stdout=log, stderr=subprocess.STDOUT, env=env,
        )  # fmt: skip
        log.close()
        deadline = time.monotonic() + SETTLE_SECONDS
        while True:
            try:
                self.rest("GET", "/rest/system/ping")
                return
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(f"{self.name}'s Syncthing did not start: {self.log_tail()}") from None
                time.sleep(0.2)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=15)

    def log_tail(self) -> str:
        try:
            return (self.home / "syncthing.log").read_text(errors="replace")[-6000:]
        except OSError:
            return "(no log)"

    def rest(self, method: str, path: str) -> object:
        """One call of the instance's REST API, with its API key; the JSON it answers, if any."""
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.gui_port}{path}", method=method, headers={"X-API-Key": API_KEY}
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            body = response.read()
        return json.loads(body) if body.strip() else None

    def streak(self, *args: str) -> Run:
        """`streak --db <this side's file> ARGS` as this machine: its own state folder, so its own machine id."""
        run = run_streak(
            "--db", str(self.db), *args, env={"XDG_STATE_HOME": str(self.state), "HOME": str(self.state)}
        )  # fmt: skip
        assert run.status == 0, f"{self.name}: streak {' '.join(args)}: {run.err}"
        return run

    def files(self) -> dict[str, bytes]:
        """Every file in the shared folder by its path, except Syncthing's own marker and temporaries."""
        found = {}
        for path in self.folder.rglob("*"):
            relative = path.relative_to(self.folder).as_posix()
            if path.is_file() and not relative.startswith(".stfolder") and ".syncthing." not in path.name:
                found[relative] = path.read_bytes()
        return found

    def conflict_copies(self) -> list[str]:
        return [copy.name for copy in find_conflict_copies(str(self.db))]


class Pair:
    """The two sides, and what a round needs of them: pause, resume, and settle."""

    def __init__(self, a: Side, b: Side) -> None:
        self.a, self.b = a, b

    def both(self) -> tuple[tuple[Side, Side], tuple[Side, Side]]:
        return ((self.a, self.b), (self.b, self.a))

    def pause(self) -> None:
        for side, other in self.both():
            side.rest("POST", f"/rest/system/pause?device={other.device_id}")
        self._wait("the devices to disconnect", lambda: not any(self._connected(s, o) for s, o in self.both()))

    def scan(self) -> None:
        """Have both instances look at the folder now (there is no watcher): returns once both scans are done."""
        for side in (self.a, self.b):
            side.rest("POST", f"/rest/db/scan?folder={FOLDER_ID}")

    def resume(self) -> None:
        for side, other in self.both():
            side.rest("POST", f"/rest/db/scan?folder={FOLDER_ID}")  # what changed apart is indexed before they meet
            side.rest("POST", f"/rest/system/resume?device={other.device_id}")

    def settle(self) -> None:
        """Wait until both are connected, idle, need nothing of each other, and hold the very same files."""
        self.scan()
        self._wait("both sides to hold the same files", self._settled)

    def _settled(self) -> bool:
        for side, other in self.both():
            if not self._connected(side, other):
                return False
            status = side.rest("GET", f"/rest/db/status?folder={FOLDER_ID}")
            completion = side.rest("GET", f"/rest/db/completion?folder={FOLDER_ID}&device={other.device_id}")
            assert isinstance(status, dict) and isinstance(completion, dict)
            if status["state"] != "idle" or status["needTotalItems"] or completion["completion"] != 100:
                return False
        return self.a.files() == self.b.files()

    @staticmethod
    def _connected(side: Side, other: Side) -> bool:
        connections = side.rest("GET", "/rest/system/connections")
        assert isinstance(connections, dict)
        return bool(connections["connections"].get(other.device_id, {}).get("connected"))

    def _wait(self, what: str, done: Callable[[], bool]) -> None:
        """Poll `done` until it holds, for at most SETTLE_SECONDS; then fail with the tail of both logs."""
        deadline = time.monotonic() + SETTLE_SECONDS
        while not done():
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"waited {SETTLE_SECONDS} s for {what}; A: {self.a.log_tail()[-600:]} B: {self.b.log_tail()[-600:]}"
                )
            time.sleep(0.3)


def process_tree(pid: int) -> list[int]:
    """`pid` and every process descended from it (Syncthing may run its work in a child of the one started)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    tree, grown = [pid], True
    while grown:
        children = [child for child, parent in parents.items() if parent in tree and child not in tree]
        tree += children
        grown = bool(children)
    return tree


def listening_sockets(pid: int) -> list[tuple[str, str]]:
    """(protocol, local address) of every listening TCP socket and bound, unconnected UDP socket of `pid` and its children."""
    inodes = set()
    for member in process_tree(pid):
        for fd in Path(f"/proc/{member}/fd").iterdir():
            try:
                target = os.readlink(fd)
            except OSError:
                continue
            if target.startswith("socket:["):
                inodes.add(target[8:-1])
    found = []
    for protocol, listening_state in (("tcp", "0A"), ("tcp6", "0A"), ("udp", "07"), ("udp6", "07")):
        table = Path(f"/proc/{pid}/net/{protocol}")
        if not table.exists():
            continue
        for line in table.read_text().splitlines()[1:]:
            fields = line.split()
            if fields[9] in inodes and fields[3] == listening_state:
                found.append((protocol, _address(fields[1])))
    return found


def _address(text: str) -> str:
    """`0100007F:1F90` or its IPv6 form, as /proc/net writes it (each 32-bit word little-endian), in the usual form."""
    hex_address, hex_port = text.split(":")
    raw = bytes.fromhex(hex_address)
    swapped = b"".join(raw[i : i + 4][::-1] for i in range(0, len(raw), 4))
    family = socket.AF_INET if len(raw) == 4 else socket.AF_INET6
    return f"{socket.inet_ntop(family, swapped)}:{int(hex_port, 16)}"


def is_loopback(address: str) -> bool:
    host = address.rsplit(":", 1)[0]
    return host.startswith("127.") or host in ("::1", "::ffff:127.0.0.1") or host.startswith("::ffff:127.")


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pair]:
    """Two Syncthing instances sharing the folder that holds legs.json, connected and settled."""
    if shutil.which("syncthing") is None:
        pytest.skip("syncthing is not installed (Debian: apt-get install syncthing); the real-sync test did not run")
    root = tmp_path_factory.mktemp("syncthing")
    a, b = Side(root, "A"), Side(root, "B")
    a.configure(b)
    b.configure(a)
    try:
        a.start()
        b.start()
        both = Pair(a, b)
        a.streak("checkin", "--date", day(6, 0), "--note", "before the rounds")
        both.settle()
        yield both
    finally:
        b.stop()
        a.stop()


def test_every_socket_either_instance_listens_on_is_on_loopback(pair: Pair) -> None:
    """Nothing of the test reaches beyond this machine: the GUI, sync and any UDP socket are on 127.0.0.1 or ::1."""
    for side in (pair.a, pair.b):
        assert side.process is not None
        sockets = listening_sockets(side.process.pid)
        assert sockets, f"{side.name}'s Syncthing listens nowhere: the check would prove nothing"
        assert [address for _, address in sockets if not is_loopback(address)] == [], sockets
        assert f"127.0.0.1:{side.listen_port}" in [address for _, address in sockets]


def round_apart(pair: Pair, on_a: list[list[str]], on_b: list[list[str]]) -> Run:
    """Pause, make A's changes then B's, resume; A's next command merges the conflict copy Syncthing left.

    Ends when both sides settled again with equal exports and no conflict copy; returns A's merging run.
    """
    pair.settle()
    pair.pause()
    for args in on_a:
        pair.a.streak(*args)
    for args in on_b:
        pair.b.streak(*args)
    pair.resume()
    pair.settle()
    assert pair.a.conflict_copies(), "Syncthing left no conflict copy: the round tested nothing"
    merging = pair.a.streak("status")
    pair.settle()
    assert pair.a.conflict_copies() == [] and pair.b.conflict_copies() == []
    assert pair.a.streak("export").out == pair.b.streak("export").out
    return merging


def sessions(side: Side) -> dict[str, dict]:
    document = json.loads(side.streak("export").out)
    return {session["date"]: session for session in document["sessions"]}


def test_different_days_on_each_side_are_both_kept(pair: Pair) -> None:
    merging = round_apart(
        pair, [["checkin", "--date", day(5, 0), "--note", "on A"]], [["checkin", "--date", day(5, 2)]]
    )
    assert "merged 1 session from the copy made by Syncthing" in merging.err
    held = sessions(pair.b)
    assert held[day(5, 0)]["note"] == "on A" and day(5, 2) in held and day(6, 0) in held


def test_a_removal_on_one_side_and_a_note_edit_on_the_other_keep_the_session_with_the_new_note(pair: Pair) -> None:
    """A removes the day; B, not having seen that, rewrites its note: the new note is a part A never saw, so it stays."""
    pair.a.streak("checkin", "--date", day(4, 1), "--note", "old note")
    round_apart(pair, [["remove", day(4, 1)]], [["edit", day(4, 1), "--note", "new note"]])
    assert sessions(pair.a)[day(4, 1)]["note"] == "new note"


def test_the_same_day_on_both_sides_keeps_both_lifts_and_joins_the_notes(pair: Pair) -> None:
    """Both check in on one day with different lifts: both kept, the notes joined with " / " in the order made."""
    round_apart(
        pair,
        [["checkin", "--date", day(3, 3), "--note", "heavy", "--lift", "back squat 5x5 100kg"]],
        [["checkin", "--date", day(3, 3), "--note", "light", "--lift", "RDL 3x8 60kg"]],
    )
    session = sessions(pair.a)[day(3, 3)]
    assert session["note"] == "heavy / light"
    assert sorted(lift["exercise"] for lift in session["lifts"]) == ["Back squat", "Romanian deadlift"]


def test_a_removal_on_one_side_while_the_other_adds_a_lift_keeps_the_session_with_the_new_lift(pair: Pair) -> None:
    """A removes what it had of the day; B adds a lift A never saw: the session survives holding that lift alone."""
    pair.a.streak("checkin", "--date", day(2, 4), "--lift", "back squat 5x5 100kg")
    round_apart(pair, [["remove", day(2, 4)]], [["edit", day(2, 4), "--lift", "walking lunge 3x12"]])
    session = sessions(pair.a)[day(2, 4)]
    assert [lift["exercise"] for lift in session["lifts"]] == ["Walking lunge"]
