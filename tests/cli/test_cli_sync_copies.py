"""Conflict copies through the command line: checked like typed input, too large to read, a clock far ahead."""

import json
import os
import resource
import shutil
import subprocess
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest

from helpers import NOW, STREAK_SCRIPT, TODAY, Run
from streak.core.history import edits
from streak.core.history.model import History, Lift, Session
from streak.storage.datafile import raw as raw_module
from streak.storage.store import Store

D = date.fromisoformat
COPY = "streak.sync-conflict-20261120-101530-ABCD2FG.json"
SQUAT = Lift("back squat", 5, 5, 100.0, "kg")


def made_on(path: Path, change: Callable[[History], History], *, machine: str, now: datetime = NOW) -> None:
    """`change` saved to the file at `path` as `machine` would save it, by a clock reading `now`."""
    Store(str(path), machine=machine, now=lambda: now).update(lambda history: (change(history), None))


def diverged(db: Path, copy_change: Callable[[History], History], *, copy_now: datetime = NOW) -> Path:
    """The data file with a session on the 16th, and a conflict copy of it that another machine changed."""
    made_on(db, lambda h: edits.add_session(h, Session(D("2026-11-16"), "desk"), TODAY), machine="desktop")
    copy = db.parent / COPY
    shutil.copyfile(db, copy)
    made_on(copy, copy_change, machine="laptop", now=copy_now)
    return copy


def add(session: Session) -> Callable[[History], History]:
    """Add a session as a hand-edited file or an older streak might have: no check of what it holds."""
    return lambda history: history._replace(sessions=tuple(sorted((*history.sessions, session))))


def test_a_copy_breaking_the_rules_of_typed_input_merges_what_is_sound_and_names_the_rest(
    db: Path, streak: Callable[..., Run], tmp_path: Path
) -> None:
    """32 lifts on a day, an 80-character name, 100.005 kg: left out and named; edit and export work after."""
    lifts = (SQUAT, Lift("x" * 80, 3, 8, 60.0, "kg"), Lift("back squat", 5, 5, 100.005, "kg"))
    lifts += tuple(Lift("lunge", 3, 8, float(20 + n), "kg") for n in range(29))
    copy = diverged(db, add(Session(D("2026-11-19"), "copied", lifts)))
    copy_bytes = copy.read_bytes()
    run = streak("status", "--json")
    assert run.status == 0 and json.loads(run.out)["total_sessions"] == 2
    assert run.err == (
        "streak: merged 1 session from the copy made by Syncthing on 20 Nov (now in backups/); left out, as typed"
        " input could not hold them: 1 lift on 19 Nov (the exercise name is 80 characters long; keep it to 60),"
        " 1 lift on 19 Nov (the weight 100.005 has more than 2 decimals) and 10 lifts on 19 Nov (a session holds"
        " at most 20 lifts)\n"
    )
    assert (db.parent / "backups" / COPY).read_bytes() == copy_bytes  # the copy is kept whole
    lifted = json.loads(streak("lifts", "--exercise", "lunge", "--json").out)
    assert len(lifted) == 19  # 20 lifts on the day: the squat and the first 19 lunges
    assert streak("edit", "2026-11-19", "--note", "checked").status == 0
    exported = tmp_path / "export.json"
    assert streak("export", "--output", str(exported)).status == 0
    fresh = tmp_path / "fresh.json"
    imported = subprocess.run(
        [str(STREAK_SCRIPT), "--db", str(fresh), "import", str(exported), "--json"], capture_output=True, text=True
    )
    assert imported.returncode == 0, imported.stderr
    assert json.loads(imported.stdout) == {"imported": 2, "skipped": 0}


def test_a_note_with_an_escape_is_left_out_and_its_session_merged(db: Path, streak: Callable[..., Run]) -> None:
    """The session arrives without the note; the line names the note and why, shown safely."""
    diverged(db, add(Session(D("2026-11-18"), "\x1b[2Jgone", (SQUAT,))))
    run = streak("history", "--json")
    assert run.status == 0
    assert "left out, as typed input could not hold them: 1 note on 18 Nov (it holds a control character" in run.err
    assert "\x1b" not in run.err and run.err.count("\n") == 1
    session = Store(str(db)).load().session_on(D("2026-11-18"))
    assert session is not None and session.note is None and session.lifts == (SQUAT,)


def test_a_copy_stamped_years_ahead_is_merged_and_the_line_says_how_far_ahead_its_clock_was(
    db: Path, streak: Callable[..., Run]
) -> None:
    """The other machine's clock read 2029: its session is merged all the same, and the line says so."""
    diverged(
        db,
        lambda h: edits.add_session(h, Session(D("2026-11-18")), TODAY),
        copy_now=NOW.replace(year=2029),
    )
    run = streak("status")
    assert run.status == 0
    assert run.err == (
        "streak: merged 1 session from the copy made by Syncthing on 20 Nov (now in backups/);"
        " its clock was 3 years ahead\n"
    )
    assert [s.day for s in Store(str(db)).load().sessions] == [D("2026-11-16"), D("2026-11-18")]


def test_a_copy_over_20_mb_is_not_read_and_is_left_in_place(
    db: Path, streak: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    """One stat tells: nothing of it is opened, the line says why, and it stays where it is."""
    assert streak("checkin", "--date", "2026-11-16").status == 0
    copy = db.parent / COPY
    with open(copy, "wb") as file:
        file.truncate(20 * 1024 * 1024 + 1)
    opened: list[str] = []
    real_read = raw_module.read_regular_file
    monkeypatch.setattr(
        raw_module, "read_regular_file", lambda path, *a, **k: opened.append(path) or real_read(path, *a, **k)
    )
    run = streak("status", "--json")
    assert run.status == 0 and json.loads(run.out)["total_sessions"] == 1
    assert run.err == (
        f"streak: could not merge the copy made by Syncthing on 20 Nov ({COPY}): it is 20 MB, larger than the 20 MB"
        " a streak data file can reach, so it was not read; it was left where it is\n"
    )
    assert str(copy) not in opened and os.path.getsize(copy) == 20 * 1024 * 1024 + 1
    assert not (db.parent / "backups" / COPY).exists()


@pytest.mark.skipif(os.name != "posix", reason="a memory limit by setrlimit")
def test_a_sparse_copy_of_a_gigabyte_costs_no_memory_under_a_memory_limit(db: Path, cli: Callable[..., Run]) -> None:
    """A real process limited to 512 MB of memory: one line and exit 0, never a MemoryError traceback."""
    assert cli("checkin", "--date", date.today().isoformat()).status == 0
    copy = db.parent / "streak (Ann (Laptop)'s conflicted copy 2026-11-20) (1).json"
    with open(copy, "wb") as file:
        file.truncate(1024**3)

    def limit_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (512 * 1024**2, 512 * 1024**2))

    result = subprocess.run(
        [str(STREAK_SCRIPT), "--db", str(db), "export"], capture_output=True, text=True, preexec_fn=limit_memory
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["sessions"]
    assert result.stderr.splitlines() == [
        f"streak: could not merge the copy made by Dropbox on 20 Nov ({copy.name}): it is 1.0 GB, larger than the"
        " 20 MB a streak data file can reach, so it was not read; it was left where it is"
    ]
    assert os.path.getsize(copy) == 1024**3


def _edited(copy: Path, edit: Callable[[dict], None]) -> None:
    """The copy's JSON changed by hand, past what streak itself would write."""
    tables = json.loads(copy.read_bytes())
    edit(tables)
    copy.write_text(json.dumps(tables), encoding="utf-8")


def _break_the_reader(tables: dict) -> None:
    sessions = tables["sessions"]
    laptop = next(doc for doc in sessions.values() if doc["date"] == "2026-11-19")
    laptop["lifts"][1][3] = 5000  # kg: past any weight the reader takes
    laptop["lifts"][2][4] = "stone"
    sessions["90"] = {"date": "2026-02-30", "made": [["2026-11-20T10:00:00.000Z|laptop|000", None]]}
    tables["goals"] = {"1": {"from": "2026-11-16", "goal": 9, "changed": "2026-11-20T10:00:00.000Z", "by": "laptop"}}
    tables["settings"] = {"1": {"units": "stone"}}
    tables["tips"] = {"1": {"shown": "not a list"}}


def test_a_copy_the_reader_would_refuse_merges_what_it_can_read_and_names_the_rest(
    db: Path, streak: Callable[..., Run]
) -> None:
    """A hand-edited copy: a weight of 5000, a unit of stone, 30 February, a goal of 9, damaged settings and tips."""
    lifts = (SQUAT, Lift("lunge", 3, 8, 20.0, "kg"), Lift("lunge", 3, 8, 22.5, "kg"), Lift("step-up", 3, 10, 0, "kg"))
    copy = diverged(db, add(Session(D("2026-11-19"), "laptop day", lifts)))
    _edited(copy, _break_the_reader)
    copy_bytes = copy.read_bytes()
    run = streak("status", "--json")
    assert run.status == 0, run
    assert json.loads(run.out)["total_sessions"] == 2
    assert run.err.count("\n") == 1 and run.err.startswith("streak: merged 1 session from the copy made by Syncthing")
    assert run.err.endswith(
        "left out, as typed input could not hold them: 1 lift on 19 Nov (the weight must be at most 1000, not 5000),"
        " 1 lift on 19 Nov ('stone' is not a unit: use kg or lb),"
        ' 1 session (its date "2026-02-30" is not a day streak reads) and 2 more\n'
    )  # the other two: the goal of 9 and the damaged settings
    merged = Store(str(db)).load()
    assert merged.session_on(D("2026-11-19")).lifts == (SQUAT, Lift("step-up", 3, 10, 0, "kg"))
    assert merged.session_on(D("2026-11-19")).note == "laptop day"
    assert merged.goal_changes == () and merged.units == "kg"
    assert (db.parent / "backups" / COPY).read_bytes() == copy_bytes and not copy.exists()
    assert streak("status").status == 0  # the merged file reads as any other


def test_a_copy_whose_every_record_is_damaged_is_moved_aside_and_changes_nothing(
    db: Path, streak: Callable[..., Run]
) -> None:
    copy = diverged(db, add(Session(D("2026-11-19"), "laptop day", (SQUAT,))))
    _edited(copy, lambda tables: tables.update(sessions={"1": {"date": 7}, "2": "x"}, rest={"1": {"from": "x"}}))
    before, history = db.read_bytes(), Store(str(db)).load()
    run = streak("history", "--json")
    assert run.status == 0 and run.err.count("\n") == 1, run
    assert "left out" in run.err and "\x1b" not in run.err
    assert Store(str(db)).load() == history and db.read_bytes() == before
    assert (db.parent / "backups" / COPY).exists()


def _laptop_day(tables: dict) -> dict:
    return next(doc for doc in tables["sessions"].values() if doc["date"] == "2026-11-19")


@pytest.mark.parametrize(
    ("edit", "named"),
    [
        (lambda tables: tables.update(tips={"1": ["x"]}), None),  # the tip cycle: nobody's training
        (lambda tables: _laptop_day(tables)["lifts"][0].__setitem__(3, 10**400), "1 lift on 19 Nov"),
        (
            lambda tables: tables.update(goals={"1": {"from": "2026-11-02", "goal": 3, "changed": ["x"], "by": "x"}}),
            "1 goal change on 2 Nov",
        ),
        (
            lambda tables: tables.update(
                goals={
                    "1": {"from": "2026-11-09", "goal": 3, "changed": "2026-11-02T10:00:00.000Z", "by": "laptop"},
                    "2": {"from": "2026-11-09", "goal": 4, "changed": "2026-11-05T10:00:00.000Z", "by": "laptop"},
                }
            ),
            "1 goal change on 9 Nov (another for the same day was made later)",
        ),
    ],
)
def test_what_a_hand_edited_copy_gets_wrong_never_stops_a_command(
    db: Path, streak: Callable[..., Run], edit: Callable[[dict], None], named: str | None
) -> None:
    """A tip cycle that is not a list, a weight of 10^400, a change time that is a list, two goals from one day."""
    copy = diverged(db, add(Session(D("2026-11-19"), "laptop day", (SQUAT,))))
    _edited(copy, edit)
    run = streak("status")
    assert run.status == 0 and run.err.startswith("streak: merged") and run.err.count("\n") == 1, run
    assert named is None or named in run.err, run.err
    assert not copy.exists() and streak("history").status == 0
    assert [change.goal for change in Store(str(db)).load().goal_changes] in ([], [4])
    assert [s.day for s in Store(str(db)).load().sessions] == [D("2026-11-16"), D("2026-11-19")]
