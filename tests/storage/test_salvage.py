"""A conflict copy read part by part keeps exactly what the strict reader makes of every sound record."""

from datetime import date, timedelta
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from streak.core.history.edits import set_goal
from streak.core.history.model import ORIGINAL, History, Lift, Session, Settings, Stamp
from streak.core.history.rest import add_rest
from streak.core.history.stamps import stamped
from streak.storage.datafile import salvage
from streak.storage.datafile.read import history_from
from streak.storage.datafile.salvage import salvaged_history
from streak.storage.datafile.schema import fresh_tables
from streak.storage.datafile.write import write_history
from streak.storage.errors import CorruptDataFile

STAMP = Stamp("2026-12-03T18:00:00.000Z", "laptop")
LIFTS = st.lists(
    st.builds(Lift, st.sampled_from(["Back squat", "Step-up"]), st.integers(1, 5), st.integers(1, 12),
              st.sampled_from([0, 22.5, 100.0]), st.sampled_from(["kg", "lb"])),
    max_size=3,
)  # fmt: skip
SESSIONS = st.lists(st.tuples(st.integers(1, 9), st.none() | st.sampled_from(["legs", "é"]), LIFTS), max_size=12)


def tables_of(drawn: list, goal: int, rest: bool) -> dict:
    day, sessions = date(2026, 1, 5), []
    for gap, note, lifts in drawn:
        day += timedelta(days=gap)
        sessions.append(Session(day, note, tuple(lifts)))
    history = History(tuple(sessions))
    if rest:
        history = add_rest(history, date(2026, 2, 1), date(2026, 2, 14))
    if goal:
        history = set_goal(history, date(2026, 1, 5), goal)
    return write_history(fresh_tables(), History(), stamped(history, STAMP)).tables


@settings(max_examples=150, deadline=None)
@given(SESSIONS, st.integers(0, 7), st.booleans())
def test_every_sound_record_reads_part_by_part_as_the_reader_reads_it(drawn: list, goal: int, rest: bool) -> None:
    tables = tables_of(drawn, goal, rest)
    with mock.patch.object(salvage, "history_from", side_effect=CorruptDataFile("as if damaged")):
        read, left_out = salvaged_history(tables)
    assert left_out == []
    assert read == history_from(tables)


@settings(max_examples=100, deadline=None)
@given(SESSIONS.filter(lambda drawn: any(lifts for _, _, lifts in drawn)), st.data())
def test_a_damaged_lift_costs_that_lift_alone(drawn: list, data: st.DataObject) -> None:
    tables = tables_of(drawn, 0, False)
    lifted = [doc for doc in tables["sessions"].values() if doc.get("lifts")]
    doc = data.draw(st.sampled_from(lifted))
    index = data.draw(st.integers(0, len(doc["lifts"]) - 1))
    damaged = doc["lifts"][index]
    damaged[3] = 5000
    read, left_out = salvaged_history(tables)
    assert [(thing.what, thing.day.isoformat()) for thing in left_out] == [("lift", doc["date"])]
    del doc["lifts"][index]
    if not doc["lifts"]:
        del doc["lifts"]
    assert read == history_from(tables)


def test_a_damaged_setting_costs_that_setting_alone() -> None:
    """The copy's first weekday survives a damaged units setting, with its change time, and the units are named."""
    tables = tables_of([(1, "legs", [])], 0, False)
    tables["settings"] = {
        "1": {
            "week_start": "sunday",
            "units": "stone",
            "changed": {"week_start": {"changed": STAMP.at, "by": STAMP.machine}},
        }
    }
    read, left_out = salvaged_history(tables)
    assert (read.settings.week_start_day, read.settings.week_start_changed) == ("sunday", STAMP)
    assert (read.settings.units, read.settings.units_changed) == ("kg", ORIGINAL)  # as old as can be: ours wins
    assert [(thing.what, thing.why) for thing in left_out] == [("setting", "the copy's units setting is damaged")]
    assert read.sessions == history_from(tables_of([(1, "legs", [])], 0, False)).sessions


def test_a_damaged_change_time_costs_that_setting_its_claim_to_be_newer() -> None:
    tables = tables_of([], 0, False)
    tables["settings"] = {"1": {"week_start": "sunday", "units": "lb", "changed": {"week_start": {"changed": 5}}}}
    read, left_out = salvaged_history(tables)
    assert read.settings == Settings("monday", "lb", ORIGINAL, ORIGINAL)
    assert [thing.why for thing in left_out] == ["the copy's first weekday setting is damaged"]


def test_settings_that_are_no_record_at_all_give_way_whole() -> None:
    tables = tables_of([], 0, False)
    tables["settings"] = {"1": ["sunday"]}
    read, left_out = salvaged_history(tables)
    assert read.settings == Settings()
    assert [thing.why for thing in left_out] == ["the copy's settings are damaged"]
