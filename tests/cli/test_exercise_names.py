"""Issue 22, item 5: exercise names are tidied and compared as SPEC.md's "Lifts" says, and a likely typo is caught.

Closeness rule (documented in `close_exercise`): a name new to the log and the catalogue, of 5
characters or more, at most 2 edits (add, drop, change a letter, or swap two neighbours) from a
known or catalogue name, compared without case.
"""

import json

import pytest

from helpers import refused
from streak.core.lifts.lift import close_exercise, exercise_key, tidy_exercise


@pytest.mark.parametrize(
    ("typed", "close"),
    [
        ("front sqat", "Front squat"),  # a letter dropped
        ("fornt squat", "Front squat"),  # two neighbours swapped
        ("back sqaut", "Back squat"),
        ("leg presss", "Leg press"),  # a letter added
        ("nordic", "Nordic curl"),  # near an alias: the catalogue's name for it is offered
        ("Bulgarain split squat", "Bulgarian split squat"),
    ],
)
def test_a_new_name_near_a_catalogue_name_is_a_likely_typo(typed: str, close: str) -> None:
    assert close_exercise(typed) == close


@pytest.mark.parametrize(
    "typed",
    [
        "Front squat",  # the catalogue's own
        "FS",  # an alias
        "hack squat",  # in the catalogue, though one letter from back squat
        "sumo",  # an alias, and short
        "sqat",  # under 5 characters: too short to call a typo
        "cable kickback",  # new, and near nothing
        "step down",  # 3 edits from step up
    ],
)
def test_known_short_or_distant_names_are_no_typo(typed: str) -> None:
    assert close_exercise(typed) is None


def test_the_persons_own_names_count_as_known_and_as_close() -> None:
    assert close_exercise("zottman curl", ["Zottman curl"]) is None
    assert close_exercise("zottman curls", ["Zottman curl"]) == "Zottman curl"


def test_names_differing_only_in_unicode_form_or_zero_width_characters_are_one_exercise() -> None:
    composed, decomposed = "Caf\u00e9 squat", "Cafe\u0301 squat"
    assert exercise_key(composed) == exercise_key(decomposed)
    assert tidy_exercise(decomposed) == composed
    for zero_width in ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"):
        assert exercise_key(f"front{zero_width} squat") == exercise_key("Front squat")
    assert tidy_exercise("  walking   lunge ") == "walking lunge"


def test_a_record_is_not_missed_across_unicode_forms(streak) -> None:  # noqa: ANN001
    assert streak("checkin", "--date", "2026-11-09", "--new-exercise", "--lift", "Cafe\u0301 squat 5x5 60").status == 0
    run = streak("checkin", "--date", "2026-11-16", "--json", "--lift", "caf\u00e9 squat 5x5 70")
    assert run.status == 0, run
    assert [pr["exercise"] for pr in json.loads(run.out)["prs"]] == ["Caf\u00e9 squat"]
    run = streak("checkin", "--date", "2026-11-18", "--json", "--lift", "ca\u200bf\u00e9 squat 5x5 75")
    assert run.status == 0, run  # a zero-width space inside, taken out: the same exercise, not a typo
    summaries = json.loads(streak("lifts", "--json").out)
    assert [(s["exercise"], s["sessions"], s["prs"]) for s in summaries] == [("Caf\u00e9 squat", 3, 2)]


@pytest.mark.parametrize(
    ("lift", "problem"),
    [
        ("squat\u202e 5x5 100", "bidirectional override (\\u202e)"),
        ("squat\u2066 5x5 100", "bidirectional override (\\u2066)"),
        ("hip\u2028thrust 3x8 80", "line or paragraph separator (\\u2028)"),
        ("hip\u2029thrust 3x8 80", "line or paragraph separator (\\u2029)"),
        ("squat\x1b[31m 5x5", "control character (\\x1b"),
        ("leg\tpress 3x10 100", "control character (\\x09"),
        ("lunge\x85 3x10", "control character (\\x85"),
    ],
)
def test_a_typed_name_holding_unsafe_characters_is_refused_like_a_note(streak, lift: str, problem: str) -> None:  # noqa: ANN001
    run = streak("checkin", "--date", "2026-11-16", "--lift", lift)
    refused(run, 2, "the exercise name holds", problem)
    assert streak("status", "--json").out.count('"total_sessions": 0') == 1


def test_a_likely_typo_is_refused_naming_the_close_name_and_new_exercise_keeps_it(streak) -> None:  # noqa: ANN001
    refused(
        streak("checkin", "--date", "2026-11-16", "--lift", "front sqat 5x5 80"),
        2,
        "did you mean 'Front squat'",
        "--new-exercise",
    )
    assert json.loads(streak("status", "--json").out)["total_sessions"] == 0
    assert streak("checkin", "--date", "2026-11-16", "--lift", "front sqat 5x5 80", "--new-exercise").status == 0
    assert [s["exercise"] for s in json.loads(streak("lifts", "--json").out)] == ["front sqat"]
    # Once in the log it is known: typed again, it is no longer new, so no longer a typo.
    assert streak("checkin", "--date", "2026-11-17", "--lift", "Front Sqat 5x5 85").status == 0


def test_edit_catches_a_likely_typo_too(streak) -> None:  # noqa: ANN001
    assert streak("checkin", "--date", "2026-11-16", "--lift", "back squat 5x5 100").status == 0
    refused(streak("edit", "2026-11-16", "--lift", "romainan deadlift 3x8 80"), 2, "did you mean 'Romanian deadlift'")
    assert streak("edit", "2026-11-16", "--lift", "romainan deadlift 3x8 80", "--new-exercise").status == 0
    lifts = {s["exercise"] for s in json.loads(streak("lifts", "--json").out)}
    assert lifts == {"Back squat", "romainan deadlift"}
