"""The pure readers of other trackers' files: Loop's values and layouts, harsh, oidia, detection and habit picking."""

from datetime import date

import pytest

from foreign_files import LoopHabit, loop_csv_files, loop_folder_name, loop_timestamp
from streak.core.errors import InputError
from streak.core.exchange.foreign.detect import detect_format
from streak.core.exchange.foreign.habits import Habit, Habits, habit_import, pick_habit
from streak.core.exchange.foreign.harsh import read_harsh
from streak.core.exchange.foreign.loop_csv import read_loop_csv
from streak.core.exchange.foreign.loop_db import read_loop_rows
from streak.core.exchange.foreign.loop_values import day_of_timestamp, is_session, value_of
from streak.core.exchange.foreign.oidia import read_oidia
from streak.core.history.model import Session


@pytest.mark.parametrize(
    ("value", "yes_no", "numerical"),
    [
        (2, True, True),
        (1, False, False),
        (0, False, False),
        (3, False, False),
        (-1, False, False),
        (25000, False, True),
    ],
)
def test_only_yes_manual_or_a_numerical_amount_is_a_session(value: int, yes_no: bool, numerical: bool) -> None:
    """YES_MANUAL always; above 0 only for a numerical habit, and never YES_AUTO or SKIP."""
    assert is_session(value, False) is yes_no
    assert is_session(value, True) is numerical


def test_loop_values_by_name_or_number() -> None:
    """The CSV writes the five codes by name and amounts as integers; anything else is refused."""
    assert [value_of(text) for text in ("YES_MANUAL", "YES_AUTO", "NO", "SKIP", "UNKNOWN", "7000", "-1")] == [
        2, 1, 0, 3, -1, 7000, -1,
    ]  # fmt: skip
    with pytest.raises(InputError, match="not a Loop value"):
        value_of("yes")


def test_loop_timestamps_are_days_at_utc_midnight() -> None:
    """Milliseconds at UTC midnight map to that day; a later time that day still does; absurd ones are refused."""
    assert day_of_timestamp(loop_timestamp("2026-11-21")) == date(2026, 11, 21)
    assert day_of_timestamp(loop_timestamp("1999-12-31") + 3_600_000) == date(1999, 12, 31)
    with pytest.raises(InputError, match="between 1900 and 9998"):
        day_of_timestamp(-(10**15))


def test_loop_csv_as_loop_writes_it() -> None:
    """Loop's own layout: quoted notes with doubled quotes, names from Habits.csv, folders without punctuation."""
    checkmarks = (
        'Date,Value,Notes\n2015-01-25,YES_MANUAL,\n2015-01-24,NO,Sick\n2015-01-23,YES_MANUAL,"Done, really"\n'
        '2015-01-19,YES_MANUAL,"""Vacation"""\n2015-01-18,YES_AUTO,\n'
    )
    habits = (
        "Position,Name,Type,Question,Description,FrequencyNumerator,FrequencyDenominator,Color,Unit,"
        'Target Type,Target Value,Archived?\n001,"Legs, legs!",YES_NO,Did you?,,2,3,#00897B,,,,false\n'
    )
    result = read_loop_csv({"Habits.csv": habits, "001 Legs legs/Checkmarks.csv": checkmarks})
    assert result == Habits(
        "Loop Habit Tracker",
        (
            Habit(
                "Legs, legs!",
                1,
                (
                    Session(date(2015, 1, 19), '"Vacation"'),
                    Session(date(2015, 1, 23), "Done, really"),
                    Session(date(2015, 1, 25)),
                ),
            ),
        ),
    )


def test_loop_folder_names_drop_punctuation() -> None:
    """The fixture names folders as Loop does: %03d, a space, the name kept to letters, digits, spaces and ._-."""
    assert loop_folder_name(7, "Leg day: squats & lunges!") == "007 Leg day squats  lunges"
    assert "007 Leg day squats  lunges/Checkmarks.csv" in loop_csv_files([LoopHabit("x", {})] * 6 + [
        LoopHabit("Leg day: squats & lunges!", {})
    ])  # fmt: skip


def test_loop_database_rows_follow_loop_order_and_skip_what_loop_deletes() -> None:
    """Habits are numbered by position; repetitions of no habit or without a timestamp are left out as Loop does."""
    habits = [(7, "Legs", 5, 0), (3, "Read", 2, 0), (9, "Legs", 5, 1)]
    stamp = loop_timestamp("2026-11-02")
    repetitions = [(1, 7, stamp, 2, "squats"), (2, 99, stamp, 2, None), (3, 3, None, 2, None), (4, 9, stamp, 4000, "")]
    result = read_loop_rows(habits, repetitions)
    assert [(h.name, h.number) for h in result.habits] == [("Read", 1), ("Legs", 2), ("Legs", 3)]
    assert result.habits[1].sessions == (Session(date(2026, 11, 2), "squats"),)
    assert result.habits[2].sessions == (Session(date(2026, 11, 2)),)
    assert result.habits[0].sessions == ()


def test_harsh_later_line_wins_and_habits_number_by_first_appearance() -> None:
    """The last outcome of a day and habit counts; habits are #1, #2 in the order the log first names them."""
    log = "# comment\n2026-11-02 : Read : y\n2026-11-02 : Legs : y : first : 1\n2026-11-02 : Legs : n\n\n2026-11-03 : Legs : y :  : \n"
    result = read_harsh(log)
    assert [(h.name, h.number) for h in result.habits] == [("Read", 1), ("Legs", 2)]
    assert result.habits[1].sessions == (Session(date(2026, 11, 3)),)


def test_oidia_counts_above_zero() -> None:
    """oidia's streaks in file order; a day with a count above 0 is one session."""
    result = read_oidia('[{"title": "Legs", "days": {"2026-11-02": 2, "2026-11-01": 1, "2026-11-03": 0}}]')
    assert result.habits == (Habit("Legs", 1, (Session(date(2026, 11, 1)), Session(date(2026, 11, 2)))),)


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"SQLite format 3\x00rest", "loop"),
        (b"PK\x03\x04rest", "loop"),
        (b"PK\x05\x06" + b"\x00" * 18, "loop"),
        (b'\xef\xbb\xbf  [{"title": "Legs", "days": {}}]', "oidia"),
        (b'{"format": "streak-export"}', "streak"),
        (b"# my log\n\n2026-11-02 : Legs : y\n", "harsh"),
        (b"date,note\n2026-11-02,\n", "streak"),
        (b"", "streak"),
    ],
)
def test_format_is_told_by_content(data: bytes, kind: str) -> None:
    """Magic bytes for SQLite and zip, a JSON list for oidia, harsh's line shape; the rest is streak's own."""
    assert detect_format(data) == kind


HABITS = Habits("Loop Habit Tracker", (Habit("Read", 1, ()), Habit("Legs", 2, ()), Habit("legs", 3, ())))


@pytest.mark.parametrize(
    ("wanted", "number"), [("Read", 1), ("  read ", 1), ("#2", 2), ("#3", 3), (" #1", 1)]
)  # fmt: skip
def test_habits_are_picked_by_name_without_case_or_by_number(wanted: str, number: int) -> None:
    """--habit NAME compares without case; --habit '#N' takes the file's numbering."""
    assert pick_habit(HABITS, wanted).number == number


@pytest.mark.parametrize(
    ("habits", "wanted", "message"),
    [
        (HABITS, None, "it holds 3 habits; pick one with --habit NAME or --habit '#N': #1 Read, #2 Legs, #3 legs"),
        (HABITS, "LEGS", "2 of its habits are called 'LEGS'; pick one by its number: --habit '#2' or --habit '#3'"),
        (HABITS, "Squats", "it has no habit called 'Squats'; its habits are #1 Read, #2 Legs, #3 legs"),
        (HABITS, "#0", "it has no habit #0; its habits are #1 Read, #2 Legs, #3 legs"),
        (Habits("oidia", ()), None, "it holds no oidia habits"),
    ],
)
def test_picking_refusals_say_how_to_pick(habits: Habits, wanted: str | None, message: str) -> None:
    """Every refusal is one line that lists the habits or the numbers that tell them apart."""
    with pytest.raises(InputError) as raised:
        pick_habit(habits, wanted)
    assert str(raised.value) == message


def test_a_habit_becomes_an_import_with_notes_on_one_line() -> None:
    """Notes lose their line breaks; a session after today is refused, naming the habit."""
    habit = Habit("Legs", 1, (Session(date(2026, 11, 2), " squats\r\n lunges "), Session(date(2026, 11, 3))))
    assert habit_import(habit, date(2026, 11, 21)).sessions == (
        Session(date(2026, 11, 2), "squats lunges"),
        Session(date(2026, 11, 3)),
    )
    with pytest.raises(InputError, match="Legs: 2026-11-03 is in the future"):
        habit_import(habit, date(2026, 11, 2))
