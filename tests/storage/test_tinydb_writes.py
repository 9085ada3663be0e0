"""The file stays TinyDB's: what streak adds without TinyDB is what TinyDB's own Table would have written.

A check-in adds its session and sets the tip cycle on the plain tables, so that it need not
import TinyDB; here TinyDB does the same on a copy and the two must agree to the key order.
"""

import copy
import json
from datetime import date, datetime
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from tinydb import TinyDB
from tinydb.storages import MemoryStorage
from tinydb.table import Document

from streak.core.history.edits import add_session, remove_session
from streak.core.history.model import Lift, Session
from streak.storage.datafile.write import append_documents, set_single_document
from streak.storage.store import Store

NAMES = st.sampled_from(["sessions", "tips", "settings", "new"])
FIELDS = st.dictionaries(st.sampled_from(["date", "made", "shown", "units", "x"]), st.integers() | st.text(max_size=3))
# Ids as TinyDB writes them (canonical decimal), with gaps: removals leave holes, and a new id
# counts on from the largest, not from the number of documents.
TABLE = st.dictionaries(st.integers(1, 60).map(str), FIELDS, max_size=6)
TABLES = st.dictionaries(NAMES, TABLE, max_size=3)


def through_tinydb(tables: dict, name: str, change: str, payload: object) -> dict:
    db = TinyDB(storage=MemoryStorage)
    db.storage.write(copy.deepcopy(tables))
    table = db.table(name)
    if change == "append":
        table.insert_multiple(payload)  # type: ignore[arg-type]
    else:
        table.upsert(Document(payload, doc_id=1))  # type: ignore[arg-type]
    return db.storage.read()


def in_order(tables: dict) -> str:
    return json.dumps(tables)  # not sorted: the order of tables and of documents is part of the file


@settings(max_examples=300)
@given(TABLES, NAMES, st.lists(FIELDS, max_size=4))
def test_appending_documents_is_tinydbs_insert_multiple(tables: dict, name: str, documents: list) -> None:
    expected = through_tinydb(tables, name, "append", documents)
    ours = copy.deepcopy(tables)
    append_documents(ours, name, documents)
    assert in_order(ours) == in_order(expected)


@settings(max_examples=300)
@given(TABLES, NAMES, FIELDS)
def test_setting_a_single_document_is_tinydbs_upsert_of_document_1(tables: dict, name: str, fields: dict) -> None:
    expected = through_tinydb(tables, name, "upsert", fields)
    ours = copy.deepcopy(tables)
    set_single_document(ours, name, fields)
    assert in_order(ours) == in_order(expected)


def test_tinydb_reads_the_file_a_checkin_and_a_removal_wrote(tmp_path: Path) -> None:
    """A check-in (written without TinyDB) and a removal (through TinyDB's Table): TinyDB opens the file as it is."""
    db = tmp_path / "streak.json"
    store = Store(str(db), now=lambda: datetime(2026, 11, 21, 9), machine="laptop")
    lift = Lift("back squat", 5, 5, 100.0, "kg")
    for day in ("2026-11-16", "2026-11-18", "2026-11-20"):
        session = Session(date.fromisoformat(day), "légs", (lift,))
        store.update(lambda history, session=session: (add_session(history, session, date(2026, 11, 21)), None))
    store.update(lambda history: (remove_session(history, date(2026, 11, 18)), None))
    with TinyDB(str(db), access_mode="r") as tinydb:
        sessions = tinydb.table("sessions").all()
        assert [(doc.doc_id, doc["date"]) for doc in sessions] == [(1, "2026-11-16"), (3, "2026-11-20")]
        assert sessions[1]["notes"][0][1] == "légs"
        assert sessions[1]["lifts"][0][:5] == ["back squat", 5, 5, 100.0, "kg"]
        removed = tinydb.table("removed").all()  # the removed session's parts: its check-in, note and lift
        assert [doc["kind"] for doc in removed] == ["part"] * 3
