"""A long history's snapshot: the very history the file holds, never a stale one, and nothing when in doubt."""

import json
import os
import stat
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from helpers import run_streak
from strategies import histories
from streak.core.history.edits import add_session, remove_session, replace_session
from streak.core.history.model import UNREAD_PARTS, History, Lift, PartsNotRead, Removal, Session, Stamp
from streak.storage.datafile import snapshot
from streak.storage.datafile.raw import parse_tables
from streak.storage.datafile.read import history_from
from streak.storage.store import Store

TODAY = date(2026, 12, 3)
AT = datetime(2026, 12, 3, 18, tzinfo=UTC)
SQUAT, LUNGE = Lift("Back squat", 5, 5, 102.5, "kg"), Lift("Walking lunge", 3, 12, 0, "lb")


def snapshots(state: Path) -> list[Path]:
    return sorted((state / "streak" / snapshot.FOLDER).glob("*"))


def long_history(sessions: int = 600, first: date = date(2015, 1, 5)) -> History:
    """Three sessions a week, every other one with lifts and a note: well over the size a snapshot is kept for."""
    days = [first + timedelta(days=7 * (n // 3) + 2 * (n % 3)) for n in range(sessions)]
    return History(
        tuple(
            Session(day, f"week {n // 3} ünïcode" if n % 2 else None, (SQUAT, LUNGE) if n % 2 else ())
            for n, day in enumerate(days)
        )
    )


@pytest.fixture
def state(tmp_path: Path) -> Path:
    return tmp_path / "xdg-state"  # where the isolated environment points XDG_STATE_HOME


@pytest.fixture
def long_file(db: Path) -> Path:
    Store(str(db), now=lambda: AT, machine="m1").update(lambda _: (long_history(), None))
    assert snapshot.worth_keeping(db.read_bytes())
    return db


def read_afresh(path: Path) -> History:
    return history_from(parse_tables(path.read_bytes())[0])


# The history it gives back


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(histories(), st.lists(st.sampled_from([None, "a note", "🦵 day"]), min_size=1), st.booleans())
def test_a_history_read_through_its_snapshot_is_the_one_in_the_file(
    tmp_path: Path, drawn: tuple[History, date], notes: list, removals: bool
) -> None:
    history, _ = drawn
    assume(all(record[0].year >= 1900 for record in (*history.rest_periods, *history.goal_changes)))  # as a file holds
    sessions = tuple(
        session._replace(note=notes[n % len(notes)], lifts=(SQUAT,) * (n % 3))
        for n, session in enumerate(history.sessions)
    )
    history = history._replace(
        sessions=sessions,
        shown_tips=("ms-athletic",) if notes[0] else (),
        removals=(Removal("session", "2001-01-01", Stamp("2026-01-01T00:00:00.000Z", "m2")),) if removals else (),
    )
    path = tmp_path / "data" / "streak.json"
    path.parent.mkdir(exist_ok=True)
    path.unlink(missing_ok=True)
    Store(str(path), now=lambda: AT, machine="m1").update(lambda _: (history, None))
    if not path.exists():
        return  # an empty history writes no file
    with mock.patch.object(snapshot, "SMALLEST", 0):
        first = Store(str(path)).load()  # read from the file, and kept
        remembered = snapshot.recall(snapshot.digest_of(path.read_bytes()))
        assert remembered is not None
        assert remembered.history == first == read_afresh(path)
        assert Store(str(path)).load() == first


def test_status_and_a_check_in_read_through_the_snapshot_see_the_file_as_it_is(long_file: Path, state: Path) -> None:
    """The command line, twice on one file (the second time from its snapshot), then after a check-in."""
    env = {"STREAK_DB": str(long_file)}
    first = run_streak("status", "--as-of", "2019-06-30", env=env)
    assert first.status == 0 and len(snapshots(state)) == 1
    again = run_streak("status", "--as-of", "2019-06-30", env=env)
    elsewhere = run_streak("status", "--as-of", "2019-06-30", env={**env, "XDG_STATE_HOME": str(state.parent / "none")})
    assert again == first == elsewhere
    assert "600 in all" in first.out
    checked_in = run_streak("checkin", "--date", "2019-01-02", "--lift", "back squat 5x5 110kg", env=env)
    assert checked_in.status == 0, checked_in
    after = run_streak("status", "--as-of", "2019-06-30", env=env)
    assert "601 in all" in after.out
    assert read_afresh(long_file).sessions[-1].lifts == (Lift("Back squat", 5, 5, 110, "kg"),)


# Never stale


def _same_size_edit(path: Path) -> None:
    text = path.read_bytes()
    path.write_bytes(text.replace(b"week 1 ", b"week 7 ", 1))


def _replaced_as_a_sync_tool_does(path: Path) -> None:
    """New content moved into place, its times set back to the old file's: only the bytes tell."""
    old = path.stat()
    newer = Path(f"{path}.tmp")
    newer.write_bytes(path.read_bytes().replace(b"week 2 ", b"week 9 ", 1))
    os.utime(newer, ns=(old.st_atime_ns, old.st_mtime_ns))
    os.replace(newer, path)


def _restored_from_backup(path: Path) -> None:
    store = Store(str(path), now=lambda: AT + timedelta(days=1), machine="m1")
    store.update(lambda history: (add_session(history, Session(TODAY), TODAY), None))
    store.restore()  # back to the day's backup: the file before that check-in


def _checked_in_by_another_store(path: Path) -> None:
    Store(str(path), now=lambda: AT, machine="m2").update(lambda h: (add_session(h, Session(TODAY, "m2"), TODAY), None))


@pytest.mark.parametrize(
    "change", [_same_size_edit, _replaced_as_a_sync_tool_does, _restored_from_backup, _checked_in_by_another_store]
)
def test_whatever_changes_the_file_the_next_read_is_of_the_new_bytes(long_file: Path, change) -> None:  # noqa: ANN001
    Store(str(long_file)).load()
    change(long_file)
    assert Store(str(long_file)).load() == read_afresh(long_file)


# Nothing when in doubt


def _truncated(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def _one_byte_changed(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) * 2 // 3] ^= 0x01
    path.write_bytes(bytes(data))


def _not_a_snapshot(path: Path) -> None:
    path.write_bytes(b"\x00" * 100)


def _a_folder(path: Path) -> None:
    path.unlink()
    path.mkdir()


@pytest.mark.parametrize("damage", [_truncated, _one_byte_changed, _not_a_snapshot, _a_folder])
def test_a_damaged_snapshot_is_passed_over_and_the_file_read(long_file: Path, state: Path, damage) -> None:  # noqa: ANN001
    expected = Store(str(long_file)).load()
    [kept] = snapshots(state)
    damage(kept)
    assert Store(str(long_file)).load() == expected
    Store(str(long_file), now=lambda: AT, machine="m1").update(lambda h: (add_session(h, Session(TODAY), TODAY), None))
    assert read_afresh(long_file).sessions[:-1] == expected.sessions


def test_a_snapshot_another_version_kept_is_passed_over(long_file: Path) -> None:
    with mock.patch.object(snapshot, "_KEY", ("0.0.1", "cpython-00", 1)):
        Store(str(long_file)).load()
    with mock.patch.object(snapshot, "_history", side_effect=AssertionError("read from the snapshot")):
        assert Store(str(long_file)).load() == read_afresh(long_file)


def test_a_snapshot_for_other_bytes_under_this_files_name_is_passed_over(long_file: Path, state: Path) -> None:
    """As a copied state folder could hold: the digest inside must be this file's own."""
    Store(str(long_file)).load()
    [kept] = snapshots(state)
    _same_size_edit(long_file)
    os.replace(kept, kept.parent / snapshot.digest_of(long_file.read_bytes()))
    assert Store(str(long_file)).load() == read_afresh(long_file)


def test_reading_works_as_ever_when_the_state_folder_cannot_be_written(long_file: Path, state: Path) -> None:
    state.parent.mkdir(parents=True, exist_ok=True)
    state.write_text("a file where the state folder should be")
    assert Store(str(long_file)).load() == read_afresh(long_file)
    Store(str(long_file), now=lambda: AT, machine="m1").update(lambda h: (add_session(h, Session(TODAY), TODAY), None))
    assert len(read_afresh(long_file).sessions) == 601


# Where snapshots live


def test_snapshots_live_in_the_state_folder_for_their_owner_alone_and_only_a_few(db: Path, state: Path) -> None:
    for weeks in range(snapshot.KEPT + 3):
        Store(str(db), now=lambda: AT, machine="m1").update(
            lambda _, w=weeks: (long_history(first=date(2015, 1, 5) + timedelta(weeks=w)), None)
        )
        Store(str(db)).load()
    kept = snapshots(state)
    assert len(kept) == snapshot.KEPT
    assert all(stat.S_IMODE(path.stat().st_mode) == 0o600 for path in kept)
    assert snapshot.recall(snapshot.digest_of(db.read_bytes())) is not None  # the newest is among them
    assert {p.name for p in db.parent.iterdir()} <= {"streak.json", "streak.json.lock", "backups"}


def test_a_short_history_keeps_no_snapshot(db: Path, state: Path) -> None:
    Store(str(db), now=lambda: AT, machine="m1").update(lambda _: (long_history(sessions=20), None))
    Store(str(db)).load()
    assert snapshots(state) == []


def test_a_change_to_a_session_reads_the_sessions_it_must_rewrite(long_file: Path) -> None:
    """An edit changes a session's document in place, which only a full read of the sessions finds."""
    Store(str(long_file)).load()
    day = read_afresh(long_file).sessions[-5].day
    Store(str(long_file), now=lambda: AT, machine="m1").update(
        lambda h: (replace_session(h, h.session_on(day)._replace(note="changed")), None)
    )
    read = read_afresh(long_file)
    assert len(read.sessions) == 600
    assert read.session_on(day).note == "changed"
    assert [s.note for s in read.sessions if s.day != day] == [s.note for s in long_history().sessions if s.day != day]


def test_a_change_over_a_snapshot_is_stamped_after_the_latest_change_in_the_file(db: Path, tmp_path: Path) -> None:
    """The file was last written by a clock two days ahead: the next change is stamped after it, snapshot or not."""
    ahead = AT + timedelta(days=2)
    Store(str(db), now=lambda: ahead, machine="m2").update(lambda _: (long_history(), None))
    twin = tmp_path / "twin.json"
    twin.write_bytes(db.read_bytes())
    Store(str(db)).load()  # the snapshot, holding that latest stamp
    check_in = lambda h: (add_session(h, Session(TODAY), TODAY), None)  # noqa: E731
    Store(str(db), now=lambda: AT, machine="m1").update(check_in)
    with mock.patch.dict(os.environ, {"XDG_STATE_HOME": str(tmp_path / "elsewhere")}):
        Store(str(twin), now=lambda: AT, machine="m1").update(check_in)  # read in full
    assert db.read_bytes() == twin.read_bytes()
    [made] = read_afresh(db).session_on(TODAY).parts.checkins
    assert made[0].startswith("2026-12-05T18:00:00.001Z|m1|")


def test_the_snapshot_in_use_outlives_newer_ones_that_are_not(db: Path, state: Path) -> None:
    """Pruning keeps the snapshots used last: a data file read at every prompt keeps its own."""
    Store(str(db), now=lambda: AT, machine="m1").update(lambda _: (long_history(), None))
    Store(str(db)).load()

    def read_another(number: int) -> None:
        other = db.parent / f"other-{number}.json"
        history = long_history(first=date(2015, 1, 5) + timedelta(weeks=number))
        Store(str(other), now=lambda: AT, machine="m1").update(lambda _: (history, None))
        Store(str(other)).load()

    for number in range(1, snapshot.KEPT):
        read_another(number)
        Store(str(db)).load()  # the prompt's file, read between each of the others
    read_another(snapshot.KEPT)
    read_another(snapshot.KEPT + 1)
    assert len(snapshots(state)) == snapshot.KEPT
    assert snapshot.recall(snapshot.digest_of(db.read_bytes())) is not None


def test_the_shell_prompt_keeps_no_snapshot_of_a_history_it_reads_faster_than_it_would_keep_one(
    long_file: Path, state: Path
) -> None:
    """`status --short` just after a change is the prompt's slow moment: it reads, and leaves keeping to `status`."""
    env = {"STREAK_DB": str(long_file)}
    assert run_streak("status", "--short", env=env).status == 0
    assert snapshots(state) == []
    assert run_streak("status", env=env).status == 0
    assert len(snapshots(state)) == 1
    with mock.patch.object(snapshot, "SMALLEST_IN_A_HURRY", 0):
        Store(str(long_file), now=lambda: AT, machine="m1").update(
            lambda h: (add_session(h, Session(TODAY), TODAY), None)
        )
        Store(str(long_file)).load(hurried=True)
    assert len(snapshots(state)) == 2  # a history long enough is kept even in a hurry


def test_a_table_keyed_by_names_a_newer_streak_wrote_reads_and_is_kept(long_file: Path, state: Path) -> None:
    """Tables streak does not know may be keyed by anything: the snapshot keeps them as text, never unread."""
    tables = json.loads(long_file.read_bytes())
    tables["sync_peers"] = {"laptop": {"seen": 1}}
    tables["meta"]["note"] = {}
    long_file.write_text(json.dumps(tables), encoding="ascii")
    env = {"STREAK_DB": str(long_file)}
    first = run_streak("status", "--as-of", "2019-06-30", env=env)
    assert first.status == 0 and first.err == "" and len(snapshots(state)) == 1, first
    assert run_streak("status", "--as-of", "2019-06-30", env=env) == first
    assert run_streak("checkin", "--date", "2019-01-02", env=env).status == 0
    written = json.loads(long_file.read_bytes())
    assert written["sync_peers"] == {"laptop": {"seen": 1}} and len(written["sessions"]) == 601


# Sessions without their parts: what `status` and a change over a snapshot are first given


def _views(history: History) -> list[tuple]:
    return [(s.day, s.note, s.lifts, s.tip) for s in history.sessions]


def test_status_reads_the_sessions_views_alone_and_everything_else_their_parts(long_file: Path) -> None:
    whole = Store(str(long_file)).load()  # read from the file, and kept
    assert whole == read_afresh(long_file)
    viewed = Store(str(long_file)).load(parts=False)
    assert all(session.parts is UNREAD_PARTS for session in viewed.sessions)
    assert _views(viewed) == _views(whole) and viewed._replace(sessions=()) == whole._replace(sessions=())
    assert Store(str(long_file)).load() == whole  # a reader that may change it gets every part, ids and all
    with pytest.raises(PartsNotRead):
        viewed.sessions[0].parts.ids()


def _damage_at(path: Path, where: float) -> None:
    data = bytearray(path.read_bytes())
    data[int(len(data) * where)] ^= 0x01
    path.write_bytes(bytes(data))


def test_damaged_parts_cost_only_the_readers_of_parts_and_a_damaged_view_everyone(long_file: Path, state: Path) -> None:
    expected = Store(str(long_file)).load()
    [kept] = snapshots(state)
    pristine = kept.read_bytes()
    _damage_at(kept, 0.95)  # among the parts, which come last
    assert snapshot.recall(snapshot.digest_of(long_file.read_bytes())) is None
    assert snapshot.recall(snapshot.digest_of(long_file.read_bytes()), parts=False) is not None
    kept.write_bytes(pristine)
    _damage_at(kept, 0.05)  # among the views
    assert snapshot.recall(snapshot.digest_of(long_file.read_bytes()), parts=False) is None
    assert Store(str(long_file)).load(parts=False) == expected == Store(str(long_file)).load()


def _change_seen(long_file: Path, change) -> list[History]:  # noqa: ANN001
    """The histories `change` was given, made through the store over the file's snapshot."""
    Store(str(long_file)).load()
    given: list[History] = []

    def recorded(history: History) -> tuple[History, None]:
        given.append(history)
        return change(history), None

    Store(str(long_file), now=lambda: AT, machine="m1").update(recorded)
    return given


def test_a_check_in_over_a_snapshot_is_made_once_on_the_sessions_views(long_file: Path) -> None:
    given = _change_seen(long_file, lambda h: add_session(h, Session(TODAY, "new"), TODAY))
    assert len(given) == 1 and given[0].sessions[0].parts is UNREAD_PARTS
    read = read_afresh(long_file)
    assert read.sessions[:-1] == Store(str(long_file)).load().sessions[:-1] and read.sessions[-1].note == "new"


def test_a_removal_over_a_snapshot_is_made_again_on_the_parts_it_names(long_file: Path) -> None:
    """Removing a session names its parts' ids, which only a whole read holds."""
    before = read_afresh(long_file)
    gone = before.sessions[-3]
    given = _change_seen(long_file, lambda h: remove_session(h, gone.day))
    assert len(given) == 2 and given[1].sessions[0].parts is not UNREAD_PARTS
    after = read_afresh(long_file)
    assert after.session_on(gone.day) is None and len(after.sessions) == 599
    assert {removal.key for removal in after.removals} == set(gone.parts.ids())


def test_a_session_made_from_another_over_a_snapshot_is_made_again_with_its_parts(long_file: Path) -> None:
    """A new session carrying an old one's unread parts is caught as it is stamped, before a byte is written."""
    before = read_afresh(long_file)
    source = before.sessions[1]

    def moved_on(history: History) -> History:
        session = history.session_on(source.day)
        return history._replace(sessions=(*history.sessions, session._replace(day=TODAY, note="again")))

    given = _change_seen(long_file, moved_on)
    assert len(given) == 2
    after = read_afresh(long_file)
    assert after.sessions[-1].day == TODAY and after.sessions[-1].lifts == source.lifts
    assert after.sessions[:-1] == before.sessions


def test_sessions_added_far_apart_over_a_snapshot_are_made_once(long_file: Path) -> None:
    """As an import adds days between old ones: the old sessions between them are not looked into."""
    before = read_afresh(long_file)
    early, late = before.sessions[10].day + timedelta(days=1), before.sessions[-10].day + timedelta(days=1)

    def filled_in(history: History) -> History:
        return add_session(add_session(history, Session(early, "early"), TODAY), Session(late, "late"), TODAY)

    given = _change_seen(long_file, filled_in)
    assert len(given) == 1
    after = read_afresh(long_file)
    assert [s.note for s in after.sessions if s.day in (early, late)] == ["early", "late"]
    assert [s for s in after.sessions if s.day not in (early, late)] == list(before.sessions)
