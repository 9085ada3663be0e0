"""Backup names are read by hand (a check-in must not import `re`) exactly as these patterns read them."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from streak.storage.backups import _numbered_fields, _older_stamp

STAMP = r"(\d{4}-\d\d-\d\d-\d{6})"


def numbered_pattern(data_name: str) -> re.Pattern[str]:
    return re.compile(re.escape(data_name) + r"\.(\d+)\." + STAMP + r"(?:\.([A-Za-z0-9]{1,16}))?\.json")


def older_pattern(stem: str) -> re.Pattern[str]:
    return re.compile(re.escape(stem) + "-" + STAMP + r"(?:-\d+)?\.json")


# Names built from the pieces a backup's name has, each piece now and then subtly wrong: digits of
# other scripts (which \d and int both read), a short stamp, a missing or extra field, odd machines.
JUNK = st.text(st.sampled_from("0123456789٠١٢߀x-. é"), max_size=7)


def mostly(good: st.SearchStrategy[str], *bad: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """`good` four times in five, so that most names are close to a backup's."""
    return st.integers(0, 4).flatmap(lambda pick: good if pick else st.one_of(*bad))


NUMBERS = mostly(st.from_regex(r"\d{1,5}", fullmatch=True), JUNK)
STAMPS = mostly(st.from_regex(STAMP, fullmatch=True), st.from_regex(r"[0-9-]{15,18}", fullmatch=True), JUNK)
MACHINES = mostly(st.from_regex(r"[A-Za-z0-9]{1,17}", fullmatch=True), JUNK)
DATA_NAMES = st.sampled_from(["streak.json", "legs", "a.b.json", "x-y", "streak.json.0001"])
DOT, DASH = (st.sampled_from([mark] * 6 + [".", "-", ""]) for mark in ".-")
ENDS = st.sampled_from([".json"] * 6 + [".jso", "json", ".json.json"])


@st.composite
def backup_names(draw: st.DrawFn) -> tuple[str, str]:
    data_name = draw(DATA_NAMES)
    if draw(st.booleans()):  # numbered: <data name>.<number>.<stamp>[.<machine>].json
        pieces = [data_name, draw(DOT), draw(NUMBERS), draw(DOT), draw(STAMPS)]
        if draw(st.booleans()):
            pieces += [draw(DOT), draw(MACHINES)]
    else:  # the older way: <stem>-<stamp>[-<n>].json
        pieces = [data_name.rsplit(".", 1)[0], draw(DASH), draw(STAMPS)]
        if draw(st.booleans()):
            pieces += [draw(DASH), draw(NUMBERS)]
    return data_name, "".join(pieces) + draw(ENDS)


@settings(max_examples=400)
@given(backup_names())
def test_numbered_names_read_as_the_pattern_reads_them(named: tuple[str, str]) -> None:
    data_name, name = named
    match = numbered_pattern(data_name).fullmatch(name)
    expected = (match[1], match[2], match[3] or "") if match else None
    assert _numbered_fields(name, data_name) == expected


@settings(max_examples=400)
@given(backup_names())
def test_older_names_read_as_the_pattern_reads_them(named: tuple[str, str]) -> None:
    data_name, name = named
    stem = data_name.rsplit(".", 1)[0]
    match = older_pattern(stem).fullmatch(name)
    assert _older_stamp(name, stem) == (match[1] if match else None)


def test_the_names_streak_writes_read_back() -> None:
    assert _numbered_fields("streak.json.0007.2026-11-21-093000.3fa9c2d1.json", "streak.json") == (
        "0007",
        "2026-11-21-093000",
        "3fa9c2d1",
    )
    assert _numbered_fields("streak.json.0007.2026-11-21-093000.json", "streak.json") == (
        "0007",
        "2026-11-21-093000",
        "",
    )
    assert _older_stamp("streak-2026-11-21-093000-2.json", "streak") == "2026-11-21-093000"
