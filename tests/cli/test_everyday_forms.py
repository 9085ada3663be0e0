"""`streak status` and `streak checkin` are read by hand (cli/everyday.py): exactly as argparse reads them, or not at all."""

from datetime import date

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from helpers import TODAY
from streak.cli.everyday import read_everyday
from streak.cli.parser import UsageError, build_parser


def by_argparse(argv: list[str]) -> dict[str, object] | None:
    """What argparse makes of `argv` (the full parser), or None when it refuses it."""
    try:
        return vars(build_parser(TODAY).parse_args(argv))
    except (UsageError, SystemExit):
        return None


EVERYDAY = [
    ["status"],
    ["status", "--json"],
    ["status", "--short"],
    ["--db", "x.json", "status", "--short"],
    ["status", "--db=x.json", "--json"],
    ["checkin"],
    ["checkin", "--json", "--db", "legs.json"],
    ["checkin", "--date", "2026-11-20", "--note", "squats, then lunges", "--lift", "back squat 5x5 100kg"],
    ["checkin", "--date=yesterday", "--lift=RDL 3x8 60", "--lift", "walking lunge 3x12", "--new-exercise"],
    ["checkin", "--note", "", "--date", "mon"],
    ["checkin", "--note=a=b", "--lift="],
]


@pytest.mark.parametrize("argv", EVERYDAY)
def test_the_everyday_forms_are_read_by_hand_exactly_as_argparse_reads_them(argv: list[str]) -> None:
    read = read_everyday(argv, TODAY)
    assert read is not None, "read by argparse: the everyday command paid for it"
    assert vars(read) == by_argparse(argv)


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["history"],
        ["status", "--as-of", "2026-11-20"],
        ["status", "--json", "--short"],
        ["status", "--sh"],
        ["--json", "status"],
        ["status", "extra"],
        ["checkin", "--date", "someday"],
        ["checkin", "--date", "2026-02-30"],
        ["checkin", "--note", "-5"],
        ["checkin", "--note"],
        ["checkin", "--note", "a", "--note", "b"],
        ["checkin", "--not", "abbreviated"],
        ["checkin", "--help"],
        ["--db", "a.json", "checkin", "--db", "b.json"],
        ["--db=", "status"],
        ["checkin", "--", "--note"],
    ],
)
def test_anything_else_is_left_to_argparse(argv: list[str]) -> None:
    assert read_everyday(argv, TODAY) is None


VALUES = st.sampled_from(
    ["2026-11-20", "yesterday", "mon", "tomorrow", "2026-02-30", "leg day", "", "-x", "a=b", "squat 5x5"]
)
OPTIONS = {
    "status": ["--json", "--short", "--as-of", "--js"],
    "checkin": ["--json", "--new-exercise", "--date", "--note", "--lift", "--not"],
}


@st.composite
def command_lines(draw: st.DrawFn) -> list[str]:
    """An everyday command with its options in any order and form, now and then a word that does not belong."""
    command = draw(st.sampled_from(["status", "checkin"]))
    words = []
    for option in draw(st.lists(st.sampled_from([*OPTIONS[command], "--db", "-h", "--", "extra"]), max_size=5)):
        if option in ("--date", "--note", "--lift", "--as-of", "--db", "--not"):
            value = draw(VALUES)
            words += [f"{option}={value}"] if draw(st.booleans()) else [option, value]
        else:
            words.append(option)
    before = draw(st.sampled_from([[], ["--db", "x.json"], ["--db=x.json"]]))
    return [*before, command, *words]


@settings(max_examples=400, deadline=None)
@given(command_lines(), st.dates(date(2000, 1, 1), date(2030, 12, 31)))
def test_any_command_line_read_by_hand_is_read_so_by_argparse(argv: list[str], today: date) -> None:
    """Whatever the hand reads, argparse reads the same, for any day the words count from; the rest goes to argparse."""
    read = read_everyday(argv, today)
    event("read by hand" if read is not None else "left to argparse")
    if read is not None:
        try:
            expected = vars(build_parser(today).parse_args(argv))
        except (UsageError, SystemExit):
            expected = None
        assert vars(read) == expected
