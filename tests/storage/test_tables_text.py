"""Writing back the text of unchanged tables: the file always means exactly what encoding it afresh would."""

import json
import os
import tempfile
from datetime import date, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from streak.core.errors import Refused
from streak.core.history.edits import (
    add_session,
    remove_session,
    replace_session,
    set_goal,
    set_units,
    set_week_start_day,
)
from streak.core.history.model import History, Lift, Session
from streak.core.history.rest import add_rest, clear_rest
from streak.storage import store as store_module
from streak.storage.datafile import raw as raw_module
from streak.storage.datafile import snapshot
from streak.storage.datafile.tables_text import read_tables, tables_bytes
from streak.storage.errors import CorruptDataFile
from streak.storage.store import Store

TODAY = date(2026, 11, 22)
OLD_FILE = Path(__file__).parent / "data" / "schema1-written-by-0.1.0.json"

# Reading


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=12,
)
layouts = st.sampled_from([{}, {"separators": (",", ":")}, {"indent": 2}, {"indent": "\t"}, {"ensure_ascii": False}])


@settings(max_examples=300)
@given(st.dictionaries(st.text(max_size=8), json_values, max_size=5), layouts, st.sampled_from(["", " ", "\n\t "]))
def test_tables_read_as_json_loads_reads_them_and_each_text_is_its_table(
    tables: dict, layout: dict, padding: str
) -> None:
    raw = (padding + json.dumps(tables, **layout) + padding).encode()
    read, texts = read_tables(raw)
    assert json.dumps(read, sort_keys=True) == json.dumps(json.loads(raw), sort_keys=True)  # NaN != NaN
    if raw[:1] == b"{" and raw.isascii():  # as streak writes it: every object table's text is kept
        assert texts.keys() == {name for name, table in read.items() if type(table) is dict}
    for name, kept in texts.items():
        assert type(read[name]) is dict and kept.count == len(read[name])
        text = raw[kept.start : kept.end]
        assert json.dumps(json.loads(text), sort_keys=True) == json.dumps(read[name], sort_keys=True)


@pytest.mark.parametrize(
    "raw",
    [b"", b"  ", b"{", b'{"a"', b'{"a":', b'{"a":{}', b'{"a":{},}', b'{"a":{}}x', b'{"a":{}} {}', b"[]", b'{a:{}}',
     b'{"a" {}}', b'{"a":{"b":}}', b"\xff\xfe{", "\ufeff{}".encode(), b'{"a":{}}\x00', b'{"a":NaN}'],
)  # fmt: skip
def test_a_malformed_file_reads_exactly_as_json_loads_does(raw: bytes) -> None:
    """The same tables or the same error, message and all, so what a damaged file is told stays the same."""
    try:
        expected = json.loads(raw)
    except ValueError as error:
        with pytest.raises(type(error)) as raised:
            read_tables(raw)
        assert str(raised.value) == str(error)
    else:
        assert repr(read_tables(raw)[0]) == repr(expected)


def test_a_file_nested_too_deep_is_still_a_recursion_error() -> None:
    with pytest.raises(RecursionError):
        read_tables(b'{"sessions": ' + b"[" * 100_000 + b"]" * 100_000 + b"}")


# Writing


def test_unchanged_tables_keep_their_text_and_a_table_that_gained_documents_is_extended() -> None:
    raw = b'{"meta": {"1": {"schema": 2}},\n "sessions": {"1": {"date": "2026-11-16"}},\n "extra": {"1": [1,  2]}}'
    tables, texts = read_tables(raw)
    tables["sessions"]["2"] = {"date": "2026-11-18"}
    tables["meta"]["1"]["minor"] = 0
    written = tables_bytes(tables, texts, frozenset({"meta"}), raw)
    assert written == (
        b'{"meta":{"1":{"schema":2,"minor":0}},'
        b'"sessions":{"1": {"date": "2026-11-16"},"2":{"date":"2026-11-18"}},'
        b'"extra":{"1": [1,  2]}}'
    )
    assert json.loads(written) == tables
    assert tables_bytes(tables, texts, None) == json.dumps(tables, separators=(",", ":")).encode()


json_with_any_keys = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.text(max_size=5) | st.integers() | st.booleans() | st.none(), inner, max_size=3)
    ),
    max_leaves=12,
)


@settings(max_examples=300)
@given(json_with_any_keys)
def test_a_table_is_encoded_as_json_dumps_encodes_it(value: object) -> None:
    """The C encoder taken from `_json` writes exactly what `json.dumps` does, keys of any JSON type included."""
    assert tables_bytes({"t": value}, {}, None) == json.dumps({"t": value}, separators=(",", ":")).encode()


def test_a_value_json_cannot_hold_is_refused_as_json_refuses_it() -> None:
    with pytest.raises(TypeError, match="not JSON serializable"):
        tables_bytes({"t": {"1": {"when": date(2026, 11, 22)}}}, {}, None)


# Every change through the store: the file means what encoding it afresh would


def _one_lift(day: date) -> tuple[Lift, ...]:
    return (Lift("Back squat", 5, 5, 60 + day.toordinal() % 40, "kg"),)


days = st.integers(0, 60).map(lambda n: TODAY - timedelta(days=n))
changes = st.one_of(
    st.tuples(st.just("add"), days, st.booleans()),
    st.tuples(st.just("remove"), days),
    st.tuples(st.just("edit"), days, st.text(max_size=6)),
    st.tuples(st.just("goal"), days, st.integers(1, 7)),
    st.tuples(st.just("week start"), st.sampled_from(["monday", "sunday"])),
    st.tuples(st.just("units"), st.sampled_from(["kg", "lb"])),
    st.tuples(st.just("rest"), days, st.integers(0, 13)),
    st.tuples(st.just("clear rest"), days, st.integers(0, 13)),
    st.tuples(st.just("tips"), st.lists(st.sampled_from(["a", "b", "c"]), max_size=3)),
)


def _apply(history: History, change: tuple) -> History:
    kind, *values = change
    try:
        if kind == "add":
            day, lifted = values
            return add_session(history, Session(day, "é", _one_lift(day) if lifted else ()), TODAY)
        if kind == "remove":
            return remove_session(history, values[0])
        if kind == "edit":
            session = history.session_on(values[0])
            return replace_session(history, session._replace(note=values[1])) if session else history
        if kind == "goal":
            return set_goal(history, values[0], values[1])
        if kind == "week start":
            return set_week_start_day(history, values[0])
        if kind == "units":
            return set_units(history, values[0])
        if kind in ("rest", "clear rest"):
            first = values[0] - timedelta(days=values[1])
            return (add_rest if kind == "rest" else clear_rest)(history, first, values[0])
        return history._replace(shown_tips=tuple(values[0]))
    except Refused:
        return history


def _applied(history: History, change: tuple) -> tuple[History, None]:
    return _apply(history, change), None


def _encoded_afresh(raw: bytes) -> tuple[dict, dict]:
    return json.loads(raw), {}


STARTS = {
    "new": None,
    "written by 0.1.0": OLD_FILE.read_bytes(),
    "edited by hand": json.dumps(
        {
            "meta": {"1": {"app": "streak", "schema": 2, "minor": 3}},
            "sessions": {
                "7": {"date": "2026-10-01", "note": None, "changed": None, "by": "", "mood": "tired"},
                "3": {
                    "date": "2026-10-05",
                    "note": "x",
                    "lifts": [{"exercise": "Squat", "sets": 1, "reps": 1, "weight": 1.5, "unit": "lb"}],
                },
            },
            "achievements": {"1": {"anything": [1, 2, 3]}},
        },
        indent=2,
    ).encode(),  # fmt: skip
}


def _started(start: str, folder: Path, *names: str) -> list[Path]:
    """Copies of the file `start` names (none yet for a new one) in `folder`, each under one of `names`."""
    paths = [folder / name for name in names]
    for path in paths:
        if STARTS[start] is not None:
            path.write_bytes(STARTS[start])
    return paths


def _in_turn(sequence: list) -> list[tuple[datetime, Any]]:
    """Each change with the moment it is made, a second after the one before."""
    moment = datetime(2026, 11, 22, 9)
    return [
        (moment + timedelta(seconds=number), partial(_applied, change=change)) for number, change in enumerate(sequence)
    ]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(STARTS)), st.lists(changes, min_size=1, max_size=12))
def test_any_changes_leave_a_file_that_means_what_writing_it_afresh_would(start: str, sequence: list) -> None:
    """Two copies of the same file take the same changes, one reusing texts and one encoding everything each time."""
    with tempfile.TemporaryDirectory() as folder:
        reused, afresh = _started(start, Path(folder), "reused.json", "afresh.json")
        for at, apply in _in_turn(sequence):
            Store(str(reused), now=lambda at=at: at, machine="m1").update(apply)
            with mock.patch.object(raw_module, "read_tables", _encoded_afresh):
                Store(str(afresh), now=lambda at=at: at, machine="m1").update(apply)
            assert reused.exists() == afresh.exists()
            if not reused.exists():
                continue  # nothing has changed a new file yet
            assert json.loads(reused.read_bytes()) == json.loads(afresh.read_bytes())
            assert Store(str(reused)).load() == Store(str(afresh)).load()


def test_a_check_in_on_a_long_log_keeps_every_earlier_byte(tmp_path: Path) -> None:
    """The sessions already written stay byte for byte; only the new one, the tip cycle and the version are new."""
    path = tmp_path / "streak.json"
    store = Store(str(path), machine="m1")
    sessions = tuple(Session(TODAY - timedelta(days=3 * n), None, _one_lift(TODAY)) for n in range(300, 0, -1))
    store.update(lambda history: (history._replace(sessions=sessions), None))
    raw = path.read_bytes()
    kept = read_tables(raw)[1]["sessions"]
    store.update(lambda history: (add_session(history, Session(TODAY, "new", ()), TODAY), None))
    assert raw[kept.start : kept.end - 1] + b',"301":' in path.read_bytes()
    assert len(Store(str(path)).load().sessions) == 301


def test_a_damaged_file_is_still_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "streak.json"
    path.write_bytes(b'{"meta": {"1": {"schema": 2}}, "sessions": {"1": {"date": "2026-13-01"}}}')
    with pytest.raises(CorruptDataFile, match="session 1 is damaged"):
        Store(str(path)).update(lambda history: (add_session(history, Session(TODAY, None, ()), TODAY), None))
    assert path.read_bytes() == b'{"meta": {"1": {"schema": 2}}, "sessions": {"1": {"date": "2026-13-01"}}}'


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(STARTS)), st.lists(changes, min_size=1, max_size=12))
def test_changes_made_over_a_snapshot_write_the_very_bytes_a_full_read_does(start: str, sequence: list) -> None:
    """A file read through its snapshot (the sessions table left as text) takes every change as a parsed one does."""
    with tempfile.TemporaryDirectory() as folder, mock.patch.dict(os.environ, {"XDG_STATE_HOME": folder}):
        remembered, parsed = _started(start, Path(folder), "remembered.json", "parsed.json")
        for at, apply in _in_turn(sequence):
            with mock.patch.object(snapshot, "SMALLEST", 0):  # every file is worth a snapshot
                Store(str(remembered)).load()  # keeps one, as a prompt would between two changes
                kept = remembered.exists() and snapshot.recall(snapshot.digest_of(remembered.read_bytes())) is not None
                assert kept == (remembered.exists() and b'"schema":3' in remembered.read_bytes())
                with mock.patch.object(store_module, "tables_of", side_effect=snapshot.tables_of) as laid_out:
                    Store(str(remembered), now=lambda at=at: at, machine="m1").update(apply)
                assert laid_out.call_count == kept  # the change started from the snapshot whenever there was one
            Store(str(parsed), now=lambda at=at: at, machine="m1").update(apply)
            assert remembered.exists() == parsed.exists()
            if remembered.exists():
                assert remembered.read_bytes() == parsed.read_bytes()
