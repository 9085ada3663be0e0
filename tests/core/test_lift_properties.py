"""Properties of lifts and records over any log, checked against literal, slow references using exact fractions."""

import unicodedata
from datetime import date, timedelta
from fractions import Fraction
from functools import cache

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from streak.core.errors import InputError
from streak.core.lifts.catalogue import EXERCISES
from streak.core.lifts.lift import (
    FORM,
    Lift,
    canonical_exercise,
    check_lift,
    e1rm_kg,
    exercise_key,
    format_lift,
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
from streak.core.lifts.records import PR, best_e1rms, first_record_days, records_and_bests, records_of

Sessions = list[tuple[date, tuple[Lift, ...]]]
START = date(2026, 1, 5)
POUND = Fraction(45359237, 10**8)

# Names as a log may hold them: aliases, case and spacing variants, and exercises outside the catalogue.
NAMES = ["Back squat", "squat", "BACK  squat", "RDL", "Romanian deadlift", "rdl", "Sled push", "sled PUSH", "Leg curl"]
# Weights that tie or nearly tie across reps and units (75 kg x 10 = 100 kg x 1; 220.46 lb is 99.999 kg).
WEIGHTS = [0, 0, 20.25, 25, 27.5, 60, 75, 93.75, 100, 100.01, 160, 165, 220.46, 220.47, 225, 1000]

weights = st.one_of(st.sampled_from(WEIGHTS), st.integers(0, 100_000).map(lambda hundredths: hundredths / 100))
reps = st.one_of(st.sampled_from([1, 2, 3, 5, 10, 30]), st.integers(1, 100))
units = st.sampled_from(["kg", "lb"])
lifts = st.builds(Lift, st.sampled_from(NAMES), st.integers(1, 20), reps, weights, units)


# What the draws below need, built once: a strategy made inside every draw is validated again each time.
LIFTS_A_SESSION = st.integers(0, 6)
SETS = st.integers(1, 20)
GAPS = st.lists(st.integers(1, 4), max_size=16)


@st.composite
def session_lifts(draw: st.DrawFn) -> tuple[Lift, ...]:
    """Up to 6 lifts; some repeat an earlier one with other sets, so equal e1RMs meet within a session."""
    chosen: list[Lift] = []
    for _ in range(draw(LIFTS_A_SESSION)):
        if chosen and draw(st.booleans()):
            chosen.append(draw(st.sampled_from(chosen))._replace(sets=draw(SETS)))  # of drawn lifts: built here
        else:
            chosen.append(draw(lifts))
    return tuple(chosen)


SESSION_LIFTS = session_lifts()


@st.composite
def logs(draw: st.DrawFn) -> Sessions:
    """Up to 16 sessions on distinct, increasing days."""
    gaps = draw(GAPS)
    days = [START + timedelta(days=sum(gaps[: i + 1])) for i in range(len(gaps))]
    return [(day, draw(SESSION_LIFTS)) for day in days]


# The references: exact arithmetic, and for each session a scan of every earlier one.


def exact_kg(lift: Lift) -> Fraction:
    """The weight in kg, exactly."""
    return Fraction(round(lift.weight * 100), 100) * (POUND if lift.unit == "lb" else 1)


def exact_e1rm(lift: Lift) -> Fraction | None:
    """Epley written as SPEC.md says it, in exact fractions."""
    if lift.weight == 0:
        return None
    return exact_kg(lift) if lift.reps == 1 else exact_kg(lift) * (1 + Fraction(lift.reps, 30))


# Zero-width space, non-joiner and joiner, word joiner, byte order mark.
ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))


@cache  # the scan is deliberately plain; remembering its answers keeps the tests quick
def key_of(name: str) -> str:
    """The catalogue row a name is in, found by scanning the table, else the name without case.

    Tidied as SPEC.md says: NFC, zero-width characters out, trimmed, inner spaces collapsed.
    """
    tidy = " ".join(unicodedata.normalize("NFC", name).translate(ZERO_WIDTH).split()).casefold()
    for canonical, aliases in EXERCISES:
        if tidy in [" ".join(alias.split()).casefold() for alias in (canonical, *aliases)]:
            return canonical.casefold()
    return tidy


def name_of(sessions: Sessions, key: str) -> str:
    """The catalogue's name, else the first name typed for it, tidied."""
    for canonical, _ in EXERCISES:
        if canonical.casefold() == key:
            return canonical
    return next(" ".join(lift.exercise.split()) for _, ls in sessions for lift in ls if key_of(lift.exercise) == key)


def keys_in(lifts: tuple[Lift, ...]) -> list[str]:
    """The exercises of a session, in the order first entered."""
    return list(dict.fromkeys(key_of(lift.exercise) for lift in lifts))


def session_best(lifts: tuple[Lift, ...], key: str) -> Fraction | None:
    """The highest exact e1RM of one exercise in one session."""
    e1rms = [exact_e1rm(lift) for lift in lifts if key_of(lift.exercise) == key and lift.weight]
    return max(e1rms) if e1rms else None


def earlier_bests(sessions: Sessions, index: int, key: str) -> list[Fraction]:
    """The best of each earlier session that has one for the exercise."""
    bests = [session_best(lifts, key) for _, lifts in sessions[:index]]
    return [best for best in bests if best is not None]


def is_pr(sessions: Sessions, index: int, key: str) -> bool:
    """SPEC.md: strictly greater than the exercise's best in every earlier session; the first sets the baseline."""
    best = session_best(sessions[index][1], key)
    earlier = earlier_bests(sessions, index, key)
    return best is not None and len(earlier) > 0 and all(best > other for other in earlier)


def reference_personal_records(sessions: Sessions) -> list[PR]:
    records = []
    for index, (day, lifts) in enumerate(sessions):
        for key in keys_in(lifts):
            if is_pr(sessions, index, key):
                name = next(lift.exercise for lift in lifts if key_of(lift.exercise) == key)
                best, previous = session_best(lifts, key), max(earlier_bests(sessions, index, key))
                records.append(PR(day, name, float(best), float(previous)))
    return records


def reference_summaries(sessions: Sessions) -> list[ExerciseSummary]:
    keys = {key_of(lift.exercise) for _, lifts in sessions for lift in lifts}
    summaries = []
    for key in sorted(keys):
        held = [index for index, (_, lifts) in enumerate(sessions) if key in keys_in(lifts)]
        mine = [DatedLift(day, lift) for day, lifts in sessions for lift in lifts if key_of(lift.exercise) == key]
        weighted = [dated for dated in mine if dated.lift.weight]
        top = max((exact_e1rm(dated.lift) for dated in weighted), default=None)
        best = next((dated for dated in weighted if exact_e1rm(dated.lift) == top), None)
        last_day = sessions[held[-1]][0]
        last = [dated for dated in mine if dated.day == last_day][-1]
        prs = sum(is_pr(sessions, index, key) for index in held)
        summaries.append(ExerciseSummary(name_of(sessions, key), len(held), best, last, prs))
    return summaries


def reference_log(sessions: Sessions, exercise: str) -> list[LoggedLift]:
    key = key_of(exercise)
    logged = []
    for index in reversed(range(len(sessions))):
        day, lifts = sessions[index]
        mine = [lift for lift in lifts if key_of(lift.exercise) == key]
        best = session_best(lifts, key)
        first_best = next((at for at, lift in enumerate(mine) if lift.weight and exact_e1rm(lift) == best), None)
        marked = first_best if is_pr(sessions, index, key) else None
        logged.extend(LoggedLift(day, lift, at == marked) for at, lift in enumerate(mine))
    return logged


# Records and the log against the references


@settings(max_examples=200, deadline=None)
@given(logs())
def test_personal_records_match_the_literal_definition(sessions: Sessions) -> None:
    """The one-pass records equal a scan of every earlier session, in exact arithmetic."""
    assert records_and_bests(sessions)[0] == reference_personal_records(sessions)


@settings(max_examples=100, deadline=None)
@given(logs())
def test_a_check_in_finds_the_same_records_as_the_whole_pass(sessions: Sessions) -> None:
    """records_of a session, against best_e1rms of the sessions before it, is that session's share of the records."""
    prs = records_and_bests(sessions)[0]
    for index, (day, lifts) in enumerate(sessions):
        found = [PR(day, *record) for record in records_of(lifts, best_e1rms(sessions[:index]))]
        assert found == [pr for pr in prs if pr.day == day]


@settings(max_examples=100, deadline=None)
@given(logs(), st.integers(0, 12))
def test_the_first_record_days_are_the_whole_passs_first(sessions: Sessions, count: int) -> None:
    """Stopping early for the badges gives exactly the first `count` records' days, and the full pass agrees with both."""
    prs, bests = records_and_bests(sessions)
    assert first_record_days(sessions, count) == [pr.day for pr in reference_personal_records(sessions)][:count]
    assert (prs, bests) == (reference_personal_records(sessions), best_e1rms(sessions))


@settings(max_examples=100, deadline=None)
@given(logs())
def test_best_e1rms_are_the_exact_maxima(sessions: Sessions) -> None:
    """Each exercise with a weighted lift, at its highest e1RM; bodyweight-only exercises are absent."""
    expected = {}
    for key in {key_of(lift.exercise) for _, lifts in sessions for lift in lifts}:
        bests = [best for _, lifts in sessions if (best := session_best(lifts, key)) is not None]
        if bests:
            expected[key] = float(max(bests))
    assert best_e1rms(sessions) == expected


@cache
def some_of(keys: tuple[str, ...]) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(keys), unique=True)


@settings(max_examples=100, deadline=None)
@given(logs(), st.data())
def test_bests_of_some_exercises_are_those_of_all(sessions: Sessions, data: st.DataObject) -> None:
    """A check-in asks only for its own exercises' bests: the same figures the whole table has for them."""
    keys = sorted({key_of(lift.exercise) for _, lifts in sessions for lift in lifts})
    only = set(data.draw(some_of(tuple(keys)))) if keys else set()
    assert best_e1rms(sessions, only) == {key: best for key, best in best_e1rms(sessions).items() if key in only}


@settings(max_examples=200, deadline=None)
@given(logs())
def test_exercise_summaries_match_the_literal_definition(sessions: Sessions) -> None:
    """Sessions, best (earliest highest), last, record count and name, for every exercise, sorted."""
    assert exercise_summaries(sessions) == reference_summaries(sessions)


@settings(max_examples=150, deadline=None)
@given(logs(), st.sampled_from(NAMES))
def test_exercise_log_matches_the_literal_definition(sessions: Sessions, exercise: str) -> None:
    """Newest session first, entered order within, `pr` on the first of the highest of each record session."""
    logged = exercise_log(sessions, exercise)
    assert logged == reference_log(sessions, exercise)
    assert sum(entry.pr for entry in logged) == sum(
        key_of(pr.exercise) == key_of(exercise) for pr in records_and_bests(sessions)[0]
    )


@settings(max_examples=100, deadline=None)
@given(logs(), st.sampled_from(NAMES))
def test_e1rm_series_is_each_sessions_exact_best(sessions: Sessions, exercise: str) -> None:
    """One point per session with a weighted lift of the exercise, oldest first."""
    key = key_of(exercise)
    expected = [(day, float(best)) for day, lifts in sessions if (best := session_best(lifts, key)) is not None]
    assert e1rm_series(sessions, exercise) == expected


@settings(max_examples=100, deadline=None)
@given(logs(), st.sampled_from(["monday", "sunday"]))
def test_week_volume_is_the_exact_sum(sessions: Sessions, week_start_day: str) -> None:
    """Sets × reps × kg over the week of the last session, summed exactly; one correctly rounded division."""
    assume(sessions)
    day = sessions[-1][0]
    offset = day.weekday() if week_start_day == "monday" else (day.weekday() + 1) % 7
    week = [lift for d, lifts in sessions if 0 <= (d - (day - timedelta(days=offset))).days < 7 for lift in lifts]
    exact = sum((lift.sets * lift.reps * exact_kg(lift) for lift in week), Fraction(0))
    assert week_volume_kg(sessions, day, week_start_day) == float(exact)
    assert volume_kg(week) == float(exact)


# e1RM floats, rounding and the text form


@settings(max_examples=500, deadline=None)
@given(lifts, lifts)
def test_e1rm_floats_order_exactly_as_the_exact_values(first: Lift, second: Lift) -> None:
    """Each e1RM is the exact value correctly rounded, and two e1RMs compare like their exact values."""
    a, b = exact_e1rm(first), exact_e1rm(second)
    assert (e1rm_kg(first) is None) == (a is None)
    if a is not None and b is not None:
        assert e1rm_kg(first) == float(a)
        assert (e1rm_kg(first) < e1rm_kg(second)) == (a < b)
        assert (e1rm_kg(first) == e1rm_kg(second)) == (a == b)


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 100_000), reps, units)
def test_neighbouring_weights_never_share_an_e1rm_float(hundredths: int, reps: int, unit: str) -> None:
    """0.01 more of a unit always gives a higher float, at every weight and rep count."""
    lighter = Lift("Back squat", 1, reps, (hundredths - 1) / 100, unit)
    heavier = Lift("Back squat", 1, reps, hundredths / 100, unit)
    assert (e1rm_kg(lighter) or 0) < e1rm_kg(heavier)


@settings(max_examples=500, deadline=None)
@given(lifts)
def test_round_kg_rounds_the_exact_e1rm_half_up(lift: Lift) -> None:
    """To 2 decimals as a person rounds, from the exact value rather than its float."""
    exact = exact_e1rm(lift)
    assume(exact is not None)
    hundredths = int(exact * 100 + Fraction(1, 2))  # floor of x + 1/2: half up for positive x
    assert round_kg(e1rm_kg(lift)) == hundredths / 100


canonical_names = st.one_of(
    st.sampled_from([canonical for canonical, _ in EXERCISES]),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")), min_size=1, max_size=60).map(
        canonical_exercise
    ),
)


@settings(max_examples=500, deadline=None)
@given(st.builds(Lift, canonical_names, st.integers(1, 20), reps, weights, units))
def test_format_then_parse_gives_the_same_lift(lift: Lift) -> None:
    """Every valid lift with a canonical name reads back from its text form (bodyweight in its own unit)."""
    try:
        lift = check_lift(lift)
    except InputError:
        assume(False)
    assert parse_lift(format_lift(lift), default_unit=lift.unit) == lift


WORDS = ["squat", "RDL", "Sled", "push", "5x5", "3X8", "0x5", "5x", "x5", "100", "62.5kg", "225lbs", "-5", "kg", "LB"]


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.lists(st.sampled_from(WORDS), max_size=5).map(" ".join), st.text(max_size=40)), units)
def test_parse_lift_gives_a_valid_lift_or_an_input_error_quoting_the_form(text: str, unit: str) -> None:
    """Whatever the text: a lift within the rules, or an InputError naming the expected form; nothing else."""
    try:
        lift = parse_lift(text, unit)
    except InputError as refused:
        assert FORM in str(refused)
    else:
        assert check_lift(lift) == lift
        assert lift.exercise == canonical_exercise(lift.exercise)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30), st.lists(st.sampled_from(NAMES), max_size=4))
def test_canonical_names_are_stable(name: str, known: list[str]) -> None:
    """Canonicalising twice changes nothing, and the key of a name is the key of its canonical name."""
    kept = canonical_exercise(name, known)
    assert canonical_exercise(kept, known) == kept
    assert exercise_key(kept) == exercise_key(name) == key_of(name)
