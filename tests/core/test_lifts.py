"""Lifts: the text form, exercise names and the catalogue, e1RM, volume, records and the training log."""

from datetime import date

import pytest

from streak.core.errors import InputError
from streak.core.lifts.catalogue import EXERCISES
from streak.core.lifts.lift import (
    FORM,
    MAX_LIFTS,
    Lift,
    canonical_exercise,
    check_lift,
    check_lifts,
    check_unit,
    e1rm_kg,
    exercise_candidates,
    exercise_key,
    format_lift,
    format_weight,
    parse_lift,
    round_kg,
    volume_kg,
)
from streak.core.lifts.log import (
    DatedLift,
    ExerciseSummary,
    LoggedLift,
    e1rm_series,
    exercise_log,
    exercise_summaries,
    week_volume_kg,
)
from streak.core.lifts.records import PR, Record, best_e1rms, records_and_bests, records_of

D = date.fromisoformat


def lift(text: str, unit: str = "kg") -> Lift:
    return parse_lift(text, unit)


# The text form


@pytest.mark.parametrize(
    ("text", "default_unit", "expected"),
    [
        ("back squat 5x5 100kg", "kg", Lift("Back squat", 5, 5, 100.0, "kg")),
        ("RDL 3x8 60", "kg", Lift("Romanian deadlift", 3, 8, 60.0, "kg")),
        ("RDL 3x8 60", "lb", Lift("Romanian deadlift", 3, 8, 60.0, "lb")),
        ("walking lunge 3x12", "kg", Lift("Walking lunge", 3, 12, 0.0, "kg")),
        ("walking lunge 3x12", "lb", Lift("Walking lunge", 3, 12, 0.0, "lb")),
        ("  Back   SQUAT  5X5  100 KG  ", "lb", Lift("Back squat", 5, 5, 100.0, "kg")),
        ("bss 3×10 20.5kgs", "lb", Lift("Bulgarian split squat", 3, 10, 20.5, "kg")),
        ("calf raise 4x15 225lbs", "kg", Lift("Calf raise", 4, 15, 225.0, "lb")),
        ("hip thrust 3x10 102.25 lb", "kg", Lift("Hip thrust", 3, 10, 102.25, "lb")),
        ("hamstring curl 3x12 40.50", "kg", Lift("Leg curl", 3, 12, 40.5, "kg")),
        ("Sled Push 4x1 0", "kg", Lift("Sled Push", 4, 1, 0.0, "kg")),
        ("nordic curl 3x5 0lb", "kg", Lift("Nordic curl", 3, 5, 0.0, "lb")),
        ("leg press 1x1 1000kg", "kg", Lift("Leg press", 1, 1, 1000.0, "kg")),
        ("goblet squat 20x100 0.01", "kg", Lift("Goblet squat", 20, 100, 0.01, "kg")),
        ("box squat 05x005 100.100", "kg", Lift("Box squat", 5, 5, 100.1, "kg")),
        ("45 degree leg press 4x10 180", "kg", Lift("Leg press", 4, 10, 180.0, "kg")),
        ("single-leg RDL 3x8 24", "kg", Lift("Single-leg Romanian deadlift", 3, 8, 24.0, "kg")),
        ("my 100kg carry 3x20 40", "kg", Lift("my 100kg carry", 3, 20, 40.0, "kg")),
    ],
)
def test_good_texts_parse(text: str, default_unit: str, expected: Lift) -> None:
    """The form, its tolerated spellings, catalogue names and the units setting for a bare weight."""
    assert parse_lift(text, default_unit) == expected


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "the lift is empty: it needs an exercise and SETSxREPS"),
        ("   ", "the lift is empty: it needs an exercise and SETSxREPS"),
        ("squat", "'squat': sets and reps are missing (SETSxREPS, such as 5x5, with no spaces)"),
        ("squat 5x", "'squat 5x': sets and reps are missing"),
        ("squat x5 100", "'squat x5 100': sets and reps are missing"),
        ("squat 5 x 5", "'squat 5 x 5': sets and reps are missing"),
        ("squat 5*5", "sets and reps are missing"),
        ("squat ５x５", "sets and reps are missing"),
        ("0x5", "'0x5': no exercise before SETSxREPS"),
        ("5x5 100kg", "'5x5 100kg': no exercise before SETSxREPS"),
        ("squat 0x5", "'squat 0x5': sets must be from 1 to 20, not 0"),
        ("squat 21x5", "sets must be from 1 to 20, not 21"),
        ("squat 5x0", "reps must be from 1 to 100, not 0"),
        ("squat 5x101", "reps must be from 1 to 100, not 101"),
        ("squat 3x110 1010", "reps must be from 1 to 100, not 110, and the weight must be at most 1000, not 1010;"),
        ("squat 30x0 heavy", "sets must be from 1 to 20, not 30, and reps must be from 1 to 100, not 0, and 'heavy'"),
        ("squat 5x5 3x3", "one lift takes one SETSxREPS, not 5x5 and 3x3"),
        ("squat 5x5 -5kg", "the weight cannot be negative (-5kg)"),
        ("squat 5x5 -0", "the weight cannot be negative"),
        ("squat 5x5 1000.01", "the weight must be at most 1000, not 1000.01"),
        ("squat 5x5 2500lb", "the weight must be at most 1000, not 2500"),
        ("squat 5x5 100.125", "the weight 100.125 has more than 2 decimals"),
        ("squat 5x5 100st", "'st' is not a unit: use kg or lb"),
        ("squat 5x5 100 stone", "'stone' is not a unit: use kg or lb"),
        ("squat 5x5 100g", "'g' is not a unit"),
        ("squat 5x5 100кг", "'кг' is not a unit"),
        ("squat 5x5 heavy", "'heavy' is not a weight such as 100, 62.5kg or 225lb"),
        ("squat 5x5 kg", "'kg' is not a weight"),
        ("squat 5x5 100 kg extra", "'100 kg extra' is not a weight"),
        ("squat 5x5 100kg kg", "'100kg kg' is not a weight"),
        ("squat 5x5 100 200", "'100 200' is not a weight"),
        ("squat 5x5 62,5", "'62,5' is not a weight"),
        ("squat 5x5 1e3", "'1e3' is not a weight"),
        ("squat 5x5 .5", "'.5' is not a weight"),
        ("squat 5x5 100.", "'100.' is not a weight"),
        ("squat\x1b[31m 5x5", "the exercise name holds a control character"),
        ("a" * 61 + " 5x5", "the exercise name is 61 characters long; keep it to 60"),
    ],
)
def test_bad_texts_are_refused_with_the_expected_form(text: str, problem: str) -> None:
    """Anything but the form is an InputError saying what was wrong, then quoting the form and an example."""
    with pytest.raises(InputError) as refused:
        parse_lift(text)
    message = str(refused.value)
    assert problem in message
    assert message.endswith(f"; write a lift as {FORM}, e.g. 'back squat 5x5 100kg'")
    assert FORM == "EXERCISE SETSxREPS [WEIGHT[kg|lb]]"


@pytest.mark.parametrize("text", ["squat " + "9" * 5000 + "x5", "squat 5x" + "9" * 5000, "squat 5x5 " + "9" * 5000])
def test_absurdly_long_numbers_are_refused_briefly(text: str) -> None:
    """Thousands of digits are an out-of-range InputError with a shortened echo, never a ValueError."""
    with pytest.raises(InputError) as refused:
        parse_lift(text)
    assert "must be" in str(refused.value)
    assert len(str(refused.value)) < 250


def test_a_bad_units_setting_is_refused() -> None:
    """The default unit is kg or lb too."""
    with pytest.raises(InputError, match="'stone' is not a unit: use kg or lb"):
        parse_lift("squat 5x5 100", default_unit="stone")


@pytest.mark.parametrize(("written", "unit"), [("kg", "kg"), ("KG", "kg"), ("kgs", "kg"), ("lb", "lb"), ("LBS", "lb")])
def test_units_are_read_in_any_case(written: str, unit: str) -> None:
    """kg and lb, with the plurals lifters write."""
    assert check_unit(written) == unit


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Lift("Back squat", 5, 5, 100.0, "kg"), "Back squat 5x5 100kg"),
        (Lift("Leg curl", 3, 12, 40.5, "lb"), "Leg curl 3x12 40.5lb"),
        (Lift("Hip thrust", 3, 10, 102.25, "kg"), "Hip thrust 3x10 102.25kg"),
        (Lift("Hip thrust", 3, 10, 0.05, "kg"), "Hip thrust 3x10 0.05kg"),
        (Lift("Walking lunge", 3, 12, 0.0, "kg"), "Walking lunge 3x12"),
    ],
)
def test_format_lift_writes_the_text_form(value: Lift, text: str) -> None:
    """Weights as a person writes them, with their unit; bodyweight lifts without a weight."""
    assert format_lift(value) == text
    assert parse_lift(text, value.unit) == value


@pytest.mark.parametrize(
    ("weight", "text"), [(100.0, "100"), (62.5, "62.5"), (102.25, "102.25"), (0.1, "0.1"), (0, "0")]
)
def test_format_weight_drops_needless_zeros(weight: float, text: str) -> None:
    """`100`, not `100.0`; `62.5`, not `62.50`."""
    assert format_weight(weight) == text


# Checking lifts built elsewhere (a stored file, an imported row)


def test_check_lift_tidies_the_name_weight_and_unit() -> None:
    """Spaces collapsed, an int weight made a float, the unit's spelling made kg or lb."""
    assert check_lift(Lift("  leg   press ", 4, 10, 180, "KGS")) == Lift("leg press", 4, 10, 180.0, "kg")


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        (Lift("", 5, 5, 100.0, "kg"), "the lift names no exercise"),
        (Lift("squat 3x3", 5, 5, 100.0, "kg"), "the exercise name holds a SETSxREPS"),
        (Lift("squat", 0, 5, 100.0, "kg"), "sets must be from 1 to 20, not 0"),
        (Lift("squat", 5, 101, 100.0, "kg"), "reps must be from 1 to 100, not 101"),
        (Lift("squat", 5, 5, -2.5, "kg"), "the weight cannot be negative"),
        (Lift("squat", 5, 5, 1000.5, "kg"), "the weight must be at most 1000, not 1000.5"),
        (Lift("squat", 5, 5, float("nan"), "kg"), "the weight must be at most 1000"),
        (Lift("squat", 5, 5, 100.125, "kg"), "the weight 100.125 has more than 2 decimals"),
        (Lift("squat", 5, 5, 100.0, "st"), "'st' is not a unit"),
    ],
)
def test_check_lift_refuses_what_the_rules_do_not_allow(value: Lift, problem: str) -> None:
    """The same limits as the text form, for lifts that did not come from text."""
    with pytest.raises(InputError, match=problem):
        check_lift(value)


def test_a_session_holds_at_most_twenty_lifts() -> None:
    """20 lifts are fine; the 21st is refused with the limit in the message."""
    lifts = [Lift("Back squat", 5, 5, 100.0, "kg")] * MAX_LIFTS
    assert check_lifts(lifts) == tuple(lifts)
    assert check_lifts([]) == ()
    with pytest.raises(InputError, match="a session holds at most 20 lifts, not 21"):
        check_lifts([*lifts, lifts[0]])


def test_check_lifts_checks_each_lift() -> None:
    """One bad lift refuses the session's lifts."""
    with pytest.raises(InputError, match="sets must be"):
        check_lifts([Lift("Back squat", 5, 5, 100.0, "kg"), Lift("Back squat", 0, 5, 100.0, "kg")])


# Exercise names and the catalogue


REQUIRED = [
    "back squat", "front squat", "Romanian deadlift", "RDL", "conventional deadlift", "Bulgarian split squat", "BSS",
    "leg press", "walking lunge", "hip thrust", "goblet squat", "leg extension", "leg curl", "hamstring curl",
    "calf raise", "step-up", "hack squat", "good morning", "sumo deadlift", "Nordic curl",
]  # fmt: skip


def test_the_catalogue_has_the_common_leg_exercises() -> None:
    """At least 15 exercises, among them every one SPEC.md and the issue name, with RDL and BSS as aliases."""
    assert len(EXERCISES) >= 15
    names = {exercise_key(canonical) for canonical, _ in EXERCISES}
    assert all(exercise_key(name) in names for name in REQUIRED)
    assert canonical_exercise("RDL") == "Romanian deadlift"
    assert canonical_exercise("BSS") == "Bulgarian split squat"


def test_no_catalogue_name_or_alias_appears_twice() -> None:
    """Without case and extra spaces every name points to one exercise."""
    names = [" ".join(name.split()).casefold() for canonical, aliases in EXERCISES for name in (canonical, *aliases)]
    assert len(names) == len(set(names))


def test_every_catalogue_name_and_alias_reads_back_as_its_canonical_name() -> None:
    """Each is a valid exercise name in the text form, and maps to its row's first name."""
    for canonical, aliases in EXERCISES:
        assert canonical_exercise(canonical) == canonical
        for name in (canonical, *aliases):
            assert parse_lift(f"{name} 3x5 100").exercise == canonical


@pytest.mark.parametrize(
    ("typed", "known", "kept"),
    [
        ("RDL", (), "Romanian deadlift"),
        ("rdl", ("RDL",), "Romanian deadlift"),
        ("  Bulgarian   SPLIT squat ", (), "Bulgarian split squat"),
        ("hamstring curl", (), "Leg curl"),
        ("squat", ("Squat",), "Back squat"),  # the catalogue wins over an older spelling
        ("Sled push", (), "Sled push"),
        ("sled  PUSH ", (), "sled PUSH"),
        ("sled push", ("Sled Push",), "Sled Push"),
        ("SLED push", ("Hip thrust", "Sled Push", "SLED PUSH"), "Sled Push"),  # the first typed wins
        ("sled push", ("sled pull",), "sled push"),
        ("Straße lunge", ("STRASSE LUNGE",), "STRASSE LUNGE"),  # compared with casefold
    ],
)
def test_canonical_exercise(typed: str, known: tuple[str, ...], kept: str) -> None:
    """Catalogue name for an alias, else the person's first spelling, else the name tidied."""
    assert canonical_exercise(typed, known) == kept


def test_parse_lift_keeps_the_persons_first_spelling() -> None:
    """`known` is the person's own history of names."""
    assert parse_lift("sled push 4x1 40", known=["Sled Push"]).exercise == "Sled Push"


def test_exercise_key_is_shared_by_every_name_of_an_exercise() -> None:
    """Aliases, case and spacing do not split an exercise; different exercises keep different keys."""
    assert exercise_key("RDL") == exercise_key("romanian  DEADLIFT") == exercise_key("Romanian deadlift")
    assert exercise_key("Sled Push") == exercise_key(" sled   push")
    assert exercise_key("Deadlift") != exercise_key("Romanian deadlift")


def test_exercise_candidates_list_own_names_then_the_catalogue_then_aliases() -> None:
    """The app's suggester completes from these; a name differing only in case is offered once."""
    candidates = exercise_candidates(["Sled Push", "Back squat", "sled  push"])
    assert candidates[:2] == ["Sled Push", "Back squat"]
    assert candidates[2] == EXERCISES[1][0]
    assert {"RDL", "BSS", "Romanian deadlift", "Nordic curl"} <= set(candidates)
    assert len({c.casefold() for c in candidates}) == len(candidates)
    assert exercise_candidates()[0] == EXERCISES[0][0]


# e1RM, rounding and volume


@pytest.mark.parametrize(
    ("text", "e1rm"),
    [
        ("back squat 5x5 100kg", 116.67),
        ("back squat 1x1 225lb", 102.06),
        ("back squat 1x1 100kg", 100.0),
        ("back squat 3x30 60kg", 120.0),
        ("back squat 1x2 93.75kg", 100.0),
        ("back squat 1x100 1000kg", 4333.33),
        ("back squat 1x5 10.01kg", 11.68),
    ],
)
def test_e1rm_examples(text: str, e1rm: float) -> None:
    """Epley: kg × (1 + reps / 30), the weight itself for 1 rep; 1 lb is 0.45359237 kg."""
    assert round_kg(e1rm_kg(lift(text))) == e1rm


def test_bodyweight_lifts_have_no_e1rm() -> None:
    """No weight, no estimated maximum."""
    assert e1rm_kg(lift("walking lunge 3x12")) is None
    assert e1rm_kg(lift("walking lunge 3x12 0lb")) is None


def test_round_kg_rounds_half_up_on_the_exact_value() -> None:
    """20.25 kg for 5 reps is exactly 23.625 kg: shown as 23.63, though the float is just below it."""
    e1rm = e1rm_kg(lift("back squat 1x5 20.25"))
    assert e1rm == 23.625 and round(e1rm, 2) == 23.62
    assert round_kg(e1rm) == 23.63
    assert round_kg(e1rm_kg(lift("back squat 1x15 10.01"))) == 15.02
    assert round_kg(1.005) == 1.01
    assert round_kg(116.66666666666667) == 116.67
    assert round_kg(0.0) == 0.0


def test_e1rm_floats_keep_neighbouring_exact_values_apart() -> None:
    """Where floats are coarsest, near the largest e1RM, numerators one apart still give two floats."""
    scale = 30 * 100 * 100_000_000
    top = 100_000 * 100_000_000 * 130  # 1000 kg for 100 reps
    for numerator in (top, 4096 * scale, 4096 * scale + 1, 2048 * scale, 1):
        assert (numerator - 1) / scale < numerator / scale < (numerator + 1) / scale
    assert e1rm_kg(Lift("x", 1, 100, 1000.0, "kg")) == top / scale


def test_the_same_e1rm_from_different_lifts_ties_exactly() -> None:
    """75 kg for 10 equals 100 kg for 1; 25 kg for 3 equals 27.5 kg for 1, where naive floats differ."""
    assert e1rm_kg(lift("squat 1x10 75")) == e1rm_kg(lift("squat 1x1 100")) == 100.0
    assert e1rm_kg(lift("squat 1x3 25")) == e1rm_kg(lift("squat 1x1 27.5"))
    assert 25 * (1 + 3 / 30) != 27.5  # what the exact computation avoids
    assert e1rm_kg(lift("squat 1x3 160lb")) == e1rm_kg(lift("squat 1x2 165lb"))


def test_volume_is_sets_times_reps_times_kilograms() -> None:
    """2,500 kg of squats plus 24 reps at 100 lb; bodyweight adds nothing."""
    lifts = [lift("squat 5x5 100kg"), lift("rdl 3x8 100lb"), lift("walking lunge 3x12")]
    assert volume_kg(lifts) == pytest.approx(2500 + 24 * 45.359237, abs=1e-9)
    assert round_kg(volume_kg(lifts)) == 3588.62
    assert volume_kg([]) == 0


# Records


def sessions_of(*rows: tuple[str, list[str]]) -> list[tuple[date, tuple[Lift, ...]]]:
    return [(D(day), tuple(lift(text) for text in texts)) for day, texts in rows]


def test_the_first_session_of_an_exercise_is_its_baseline() -> None:
    """Nothing to beat yet: no record."""
    assert records_and_bests(sessions_of(("2026-01-05", ["squat 5x5 100"])))[0] == []


def test_a_higher_best_is_a_record_and_an_equal_one_is_not() -> None:
    """Strictly greater than every earlier session's best; ties and lower bests are not records."""
    sessions = sessions_of(
        ("2026-01-05", ["squat 5x5 100"]),
        ("2026-01-07", ["squat 5x5 100"]),
        ("2026-01-09", ["squat 5x5 90", "squat 1x5 102.5"]),
        ("2026-01-12", ["squat 5x5 100"]),
        ("2026-01-14", ["squat 1x1 120"]),
    )
    assert records_and_bests(sessions)[0] == [
        PR(D("2026-01-09"), "Back squat", e1rm_kg(lift("squat 1x5 102.5")), e1rm_kg(lift("squat 5x5 100"))),
        PR(D("2026-01-14"), "Back squat", 120.0, e1rm_kg(lift("squat 1x5 102.5"))),
    ]


def test_bodyweight_never_makes_or_sets_a_record() -> None:
    """The first weighted session after bodyweight ones is the baseline, not a record."""
    sessions = sessions_of(
        ("2026-01-05", ["lunge 3x12"]),
        ("2026-01-07", ["lunge 3x12 10"]),
        ("2026-01-09", ["lunge 3x20"]),
        ("2026-01-12", ["lunge 3x12 12"]),
    )
    assert [(pr.day, pr.previous_kg) for pr in records_and_bests(sessions)[0]] == [(D("2026-01-12"), 14.0)]


def test_every_name_of_an_exercise_shares_one_record() -> None:
    """RDL then Romanian deadlift is the same exercise; its first lift's name in the session is reported."""
    sessions = sessions_of(("2026-01-05", ["RDL 3x8 60"]), ("2026-01-07", ["romanian deadlift 3x8 62.5"]))
    sessions[1] = (sessions[1][0], (Lift("RDL", 3, 8, 62.5, "kg"),))  # as an older file might hold it
    assert [(pr.exercise, round_kg(pr.e1rm_kg)) for pr in records_and_bests(sessions)[0]] == [("RDL", 79.17)]


def test_records_compare_kilograms_whatever_the_unit() -> None:
    """225 lb beats 100 kg; 220.46 lb (99.999 kg) does not beat 100 kg, 220.47 lb does."""
    for after, records in [("squat 1x1 225lb", 1), ("squat 1x1 220.46lb", 0), ("squat 1x1 220.47lb", 1)]:
        sessions = sessions_of(("2026-01-05", ["squat 1x1 100kg"]), ("2026-01-07", [after]))
        assert len(records_and_bests(sessions)[0]) == records


def test_an_equal_e1rm_reached_another_way_is_no_phantom_record() -> None:
    """25 kg × 3 after 27.5 kg × 1, or 160 lb × 3 after 165 lb × 2: exactly equal, so no record."""
    for first, then in [("squat 1x1 27.5", "squat 1x3 25"), ("squat 1x2 165lb", "squat 1x3 160lb")]:
        assert records_and_bests(sessions_of(("2026-01-05", [first]), ("2026-01-07", [then])))[0] == []


def test_two_records_in_one_session_come_in_the_order_entered() -> None:
    """A session with records in two exercises counts two, the first-entered exercise first."""
    sessions = sessions_of(
        ("2026-01-05", ["squat 5x5 100", "rdl 3x8 60", "leg press 3x10 100"]),
        ("2026-01-07", ["leg press 3x10 90", "rdl 3x8 70", "squat 5x5 105"]),
    )
    assert [pr.exercise for pr in records_and_bests(sessions)[0]] == ["Romanian deadlift", "Back squat"]


def test_a_check_in_finds_its_records_from_bests_computed_once() -> None:
    """records_of with best_e1rms of the earlier sessions reports what the whole pass finds for that session."""
    earlier = sessions_of(("2026-01-05", ["squat 5x5 100", "rdl 3x8 60", "lunge 3x12"]))
    bests = best_e1rms(earlier)
    assert bests == {"back squat": e1rm_kg(lift("squat 5x5 100")), "romanian deadlift": 76.0}
    new = (lift("lunge 3x12 10"), lift("rdl 3x8 65"), lift("squat 5x5 100"), lift("hip thrust 3x10 100"))
    assert records_of(new, bests) == [Record("Romanian deadlift", e1rm_kg(new[1]), 76.0)]
    assert records_and_bests([*earlier, (D("2026-01-07"), new)])[0] == [PR(D("2026-01-07"), *records_of(new, bests)[0])]


# The training log


def test_exercise_summaries_give_the_lifts_rows() -> None:
    """Sorted by name without case; best is the earliest highest; last is the last entered in the latest session."""
    sessions = sessions_of(
        ("2026-01-05", ["squat 5x5 100", "sled push 4x1", "RDL 3x8 60"]),
        ("2026-01-07", ["Squat 1x5 105", "squat 5x5 100", "Sled Push 4x1 40"]),
        ("2026-01-09", ["squat 1x1 122.5", "walking lunge 3x12"]),
        ("2026-01-12", ["RDL 3x8 55"]),
    )

    def on(day: str, text: str) -> DatedLift:
        return DatedLift(D(day), lift(text))

    assert exercise_summaries(sessions) == [
        ExerciseSummary("Back squat", 3, on("2026-01-07", "squat 1x5 105"), on("2026-01-09", "squat 1x1 122.5"), 1),
        ExerciseSummary("Romanian deadlift", 2, on("2026-01-05", "rdl 3x8 60"), on("2026-01-12", "rdl 3x8 55"), 0),
        # the row keeps the name first typed; each lift keeps its own
        ExerciseSummary("sled push", 2, on("2026-01-07", "Sled Push 4x1 40"), on("2026-01-07", "Sled Push 4x1 40"), 0),
        ExerciseSummary("Walking lunge", 1, None, on("2026-01-09", "walking lunge 3x12"), 0),
    ]
    assert e1rm_kg(lift("squat 1x1 122.5")) == e1rm_kg(lift("squat 1x5 105"))  # a tie: the earlier stays best


def test_exercise_log_marks_the_lift_that_made_the_record() -> None:
    """Newest session first, in the order entered; `pr` only on the first of the highest in a record session."""
    sessions = sessions_of(
        ("2026-01-05", ["squat 5x5 100", "rdl 3x8 60"]),
        ("2026-01-07", ["squat 5x5 90", "squat 1x5 105", "squat 1x1 122.5", "squat 1x5 105"]),
        ("2026-01-09", ["rdl 3x8 70"]),
        ("2026-01-12", ["squat 3x3"]),
    )
    logged = [(entry.day, format_lift(entry.lift), entry.pr) for entry in exercise_log(sessions, "BACK squat")]
    assert logged == [
        (D("2026-01-12"), "Back squat 3x3", False),
        (D("2026-01-07"), "Back squat 5x5 90kg", False),
        (D("2026-01-07"), "Back squat 1x5 105kg", True),
        (D("2026-01-07"), "Back squat 1x1 122.5kg", False),
        (D("2026-01-07"), "Back squat 1x5 105kg", False),
        (D("2026-01-05"), "Back squat 5x5 100kg", False),
    ]
    assert exercise_log(sessions, "rdl")[0] == LoggedLift(D("2026-01-09"), lift("rdl 3x8 70"), True)
    assert exercise_log(sessions, "hip thrust") == []


def test_e1rm_series_has_each_sessions_best_for_a_sparkline() -> None:
    """Oldest first; sessions with only bodyweight lifts of it are left out."""
    sessions = sessions_of(
        ("2026-01-05", ["squat 5x5 100", "squat 1x1 110"]),
        ("2026-01-07", ["squat 3x3"]),
        ("2026-01-09", ["rdl 3x8 60", "squat 5x5 100lb"]),
    )
    assert e1rm_series(sessions, "squat") == [
        (D("2026-01-05"), 116.66666666666667),
        (D("2026-01-09"), e1rm_kg(lift("squat 5x5 100lb"))),
    ]


def test_week_volume_counts_only_the_week_holding_the_day() -> None:
    """Monday or Sunday weeks; lb converted to kg."""
    sessions = sessions_of(
        ("2026-11-15", ["squat 5x5 100"]),  # a Sunday
        ("2026-11-16", ["squat 5x5 100lb"]),  # a Monday
        ("2026-11-21", ["squat 1x10 50", "lunge 3x12"]),  # a Saturday
    )
    assert week_volume_kg(sessions, D("2026-11-21"), "monday") == pytest.approx(25 * 45.359237 + 500)
    assert week_volume_kg(sessions, D("2026-11-21"), "sunday") == pytest.approx(2500 + 25 * 45.359237 + 500)
    assert week_volume_kg(sessions, D("2026-11-28"), "monday") == 0
