"""One lift of a session: its text form, its exercise's name, its estimated one-rep max and volume.

The text form is `EXERCISE SETSxREPS [WEIGHT[kg|lb]]`. Tolerated: `X` or `×` for `x`, a unit in
any case, `kgs`/`lbs` for `kg`/`lb`, and a space between weight and unit (`100 kg`). Not tolerated:
spaces inside SETSxREPS (`5 x 5`), a decimal comma, more than one SETSxREPS.

Weights are kept as entered, with at most two decimals. An e1RM is computed exactly, as a whole
number of 1/300,000,000,000 kg, then divided once, correctly rounded, into a float. Every e1RM
these rules allow is below 4,334 kg (1000 kg for 100 reps), where neighbouring floats are at most
2**-40 kg (9.1e-13) apart, finer than the 3.3e-12 kg between exact e1RMs; so distinct e1RMs never
share a float and comparing the floats compares the exact values: equal lifts tie exactly, and
kg/lb conversion never makes or hides a record. Never add, scale or round e1RMs before comparing
them; `round_kg` is for output only.
"""

from collections.abc import Iterable, Iterator
from functools import cache, cached_property

from streak.core.errors import InputError
from streak.core.history.model import History, Lift
from streak.core.lifts.catalogue import EXERCISES
from streak.core.lifts.limits import (
    MAX_EXERCISE_LENGTH,
    MAX_LIFTS,
    MAX_REPS,
    MAX_SETS,
    MAX_WEIGHT,
    MIN_REPS,
    MIN_SETS,
    MIN_WEIGHT,
)
from streak.core.text import describe_unsafe, first_unsafe

FORM = "EXERCISE SETSxREPS [WEIGHT[kg|lb]]"
EXAMPLE = "back squat 5x5 100kg"
UNIT_NAMES = {"kg": "kg", "kgs": "kg", "lb": "lb", "lbs": "lb"}

_UNIT_IN_KG_E8 = {"kg": 100_000_000, "lb": 45_359_237}  # in 1e-8 kg: 1 lb is exactly 0.45359237 kg
_VOLUME_SCALE = 100 * 100_000_000  # weight in hundredths × unit in 1e-8 kg
_E1RM_SCALE = 30 * _VOLUME_SCALE  # Epley's (30 + reps) / 30 makes thirtieths
_DIGITS = frozenset("0123456789")
_SETS_REPS_IN_TEXT = r"(?<!\S)\d+[xX×]\d+(?!\S)"  # compiled only when a lift holds an unsafe character
# Zero-width characters that make two names look alike but compare different: taken out of every name.
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))


class LiftTextError(InputError):
    """A lift's text that cannot be read: the whole message, and `problem`, what is wrong without the text and the form."""

    def __init__(self, message: str, problem: str) -> None:
        super().__init__(message)
        self.problem = problem


def parse_lift(text: str, default_unit: str = "kg", known: Iterable[str] = ()) -> Lift:
    """Read `EXERCISE SETSxREPS [WEIGHT[kg|lb]]`; a weight without a unit is in `default_unit`."""
    try:
        unit = check_unit(default_unit)
        _check_plain_lift(text)  # before splitting into words, which takes tabs and line separators for spaces
        words = text.split()
        if not words:
            raise InputError("it needs an exercise and SETSxREPS")
        at = _sets_reps_at(words)
        sets, reps = _sets_reps(words[at])
        if at == 0:
            raise InputError("no exercise before SETSxREPS")
        problems = _sets_reps_problems(sets, reps)  # named together with a bad weight, so one retry fixes both
        try:
            weight, unit = _weight(words[at + 1 :], unit)
        except InputError as problem:
            problems.append(str(problem))
        if problems:
            raise InputError(", and ".join(problems))
        exercise = _check_exercise(tidy_exercise(" ".join(words[:at])))
        return check_lift(Lift(canonical_exercise(exercise, known), sets, reps, weight, unit))
    except InputError as problem:
        shown = f"{_shown(text.strip())!r}: " if text.strip() else "the lift is empty: "
        raise LiftTextError(f"{shown}{problem}; write a lift as {FORM}, e.g. {EXAMPLE!r}", str(problem)) from None


def format_lift(lift: Lift) -> str:
    """The text form of a lift, which `parse_lift(text, default_unit=lift.unit)` reads back to it."""
    if not lift.weight:
        return f"{lift.exercise} {lift.sets}x{lift.reps}"
    return f"{lift.exercise} {lift.sets}x{lift.reps} {format_weight(lift.weight)}{lift.unit}"


def format_lifts(lifts: Iterable[Lift]) -> str:
    """A session's lifts as one line: their text forms, separated by semicolons."""
    return "; ".join(map(format_lift, lifts))


def format_weight(weight: float) -> str:
    """A weight as a person writes it: `100`, `62.5`, `102.25`, never `100.0`."""
    whole, hundredths = divmod(_hundredths(weight), 100)
    return str(whole) if not hundredths else f"{whole}.{hundredths:02d}".rstrip("0")


def _sets_reps_problems(sets: int, reps: int) -> list[str]:
    """What is out of range in a lift's sets and reps, in words."""
    problems = []
    if not MIN_SETS <= sets <= MAX_SETS:
        problems.append(f"sets must be from {MIN_SETS} to {MAX_SETS}, not {sets}")
    if not MIN_REPS <= reps <= MAX_REPS:
        problems.append(f"reps must be from {MIN_REPS} to {MAX_REPS}, not {reps}")
    return problems


def check_lift(lift: Lift) -> Lift:
    """The lift with its name tidied (`tidy_exercise`); refused outside the rules (limits.py: sets, reps, weight)."""
    _check_plain(lift.exercise)
    exercise = _check_exercise(tidy_exercise(lift.exercise))
    problems = _sets_reps_problems(lift.sets, lift.reps)
    if problems:
        raise InputError(", and ".join(problems))
    if lift.weight < MIN_WEIGHT:
        raise InputError(f"the weight cannot be negative ({lift.weight:g})")
    if not lift.weight <= MAX_WEIGHT:
        raise InputError(f"the weight must be at most {MAX_WEIGHT}, not {lift.weight:g}")
    if abs(lift.weight * 100 - _hundredths(lift.weight)) > 1e-6:
        raise InputError(f"the weight {lift.weight} has more than 2 decimals")
    return Lift(exercise, lift.sets, lift.reps, float(lift.weight), check_unit(lift.unit))


def check_lifts(lifts: Iterable[Lift]) -> tuple[Lift, ...]:
    """A session's lifts, each checked; a session holds at most 20."""
    return tuple(check_lift(lift) for lift in check_lift_count(tuple(lifts)))


def check_lift_count(lifts: tuple[Lift, ...]) -> tuple[Lift, ...]:
    """A session's lifts, as long as there are no more than 20 (those already recorded are not checked again)."""
    if len(lifts) > MAX_LIFTS:
        raise InputError(f"a session holds at most {MAX_LIFTS} lifts, not {len(lifts)}")
    return lifts


def check_unit(name: str) -> str:
    """`kg` or `lb`, also written `KG`, `kgs` or `lbs`."""
    unit = UNIT_NAMES.get(name.casefold())
    if unit is None:
        raise InputError(f"{_shown(name)!r} is not a unit: use kg or lb")
    return unit


@cache  # a history repeats its lifts; records and summaries ask for each lift's e1RM
def e1rm_kg(lift: Lift) -> float | None:
    """The estimated one-rep max in kg (Epley; the weight itself for 1 rep); None for bodyweight."""
    _, _, reps, weight, unit = lift
    if not weight:
        return None
    return _hundredths(weight) * _UNIT_IN_KG_E8[unit] * (30 if reps == 1 else 30 + reps) / _E1RM_SCALE


def volume_kg(lifts: Iterable[Lift]) -> float:
    """Sets × reps × weight in kg, summed exactly and divided once."""
    return (
        sum(lift.sets * lift.reps * _hundredths(lift.weight) * _UNIT_IN_KG_E8[lift.unit] for lift in lifts)
        / _VOLUME_SCALE
    )


def round_kg(kg: float) -> float:
    """Kilograms to 2 decimals for output, half up on the exact value (exact for every e1RM, n/300e9 kg).

    Also exact for volumes below 16,384 kg; above, a value within float precision of a half hundredth may round down.
    """
    numerator, denominator = kg.as_integer_ratio()
    units = (2 * numerator * _E1RM_SCALE + denominator) // (2 * denominator)
    return (units + _E1RM_SCALE // 200) // (_E1RM_SCALE // 100) / 100


def tidy_exercise(name: str) -> str:
    """An exercise name as kept: NFC, zero-width characters out, trimmed, inner spaces collapsed.

    So names that differ only in Unicode form (a precomposed é or e and a combining accent) or by a
    zero-width space, which look the same, are one exercise, and its records are not split in two.
    """
    if name.isascii():
        return " ".join(name.split())
    import unicodedata  # only for names beyond ASCII: `streak status` reads thousands of names and needs it for none

    return " ".join(unicodedata.normalize("NFC", name).translate(_ZERO_WIDTH).split())


@cache  # a history repeats its few names thousands of times
def exercise_key(name: str) -> str:
    """What two names of one exercise share: the catalogue's name for an alias, else the tidied name without case."""
    key = tidy_exercise(name).casefold()
    canonical = _catalogue().get(key)
    return canonical.casefold() if canonical else key


def canonical_exercise(name: str, known: Iterable[str] = ()) -> str:
    """The name to keep: the catalogue's for an alias, else the first of `known` alike, else `name` tidied."""
    typed = tidy_exercise(name)
    canonical = _catalogue().get(typed.casefold())
    if canonical:
        return canonical
    key = typed.casefold()
    return next((tidy_exercise(earlier) for earlier in known if exercise_key(earlier) == key), typed)


def exercise_candidates(known: Iterable[str] = ()) -> list[str]:
    """Names to complete an exercise from: `known` (the person's own, as ordered), the catalogue, its aliases."""
    catalogue_names = [name for name, _ in EXERCISES]
    aliases = [alias for _, names in EXERCISES for alias in names]
    candidates: dict[str, str] = {}
    for name in (*known, *catalogue_names, *aliases):
        name = tidy_exercise(name)
        candidates.setdefault(name.casefold(), name)
    return list(candidates.values())


@cache
def _catalogue() -> dict[str, str]:
    """Every catalogue name and alias, without case, to its canonical name."""
    names = {}
    for canonical, aliases in EXERCISES:
        for name in (canonical, *aliases):
            names[tidy_exercise(name).casefold()] = canonical
    return names


def _shown(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _hundredths(weight: float) -> int:
    return round(weight * 100)


def _is_number(text: str) -> bool:
    return bool(text) and set(text) <= _DIGITS


def _split_sets_reps(word: str) -> tuple[str, str] | None:
    sets, x, reps = word.replace("×", "x").replace("X", "x").partition("x")
    return (sets, reps) if x and _is_number(sets) and _is_number(reps) else None


def _sets_reps(word: str) -> tuple[int, int]:
    sets, reps = _split_sets_reps(word) or ("", "")
    if len(sets.lstrip("0")) > 4:  # int() refuses 4,300 digits; anything this long is out of range
        raise InputError(f"sets must be from {MIN_SETS} to {MAX_SETS}, not {_shown(sets)}")
    if len(reps.lstrip("0")) > 4:
        raise InputError(f"reps must be from {MIN_REPS} to {MAX_REPS}, not {_shown(reps)}")
    return int(sets), int(reps)


def _sets_reps_at(words: list[str]) -> int:
    found = [at for at, word in enumerate(words) if _split_sets_reps(word)]
    if not found:
        raise InputError("sets and reps are missing (SETSxREPS, such as 5x5, with no spaces)")
    if len(found) > 1:
        raise InputError(f"one lift takes one SETSxREPS, not {' and '.join(_shown(words[at]) for at in found)}")
    return found[0]


def _weight(words: list[str], default_unit: str) -> tuple[float, str]:
    if not words:
        return 0.0, default_unit
    number, unit = _split_unit(words[0])
    if len(words) == 2 and not unit and words[1].isalpha():
        unit = words[1]
    elif len(words) > 1 or not number:
        raise InputError(f"{_shown(' '.join(words))!r} is not a weight such as 100, 62.5kg or 225lb")
    return _weight_value(number, " ".join(words)), check_unit(unit) if unit else default_unit


def _split_unit(word: str) -> tuple[str, str]:
    start = len(word)
    while start and word[start - 1].isalpha():
        start -= 1
    return word[:start], word[start:]


def _weight_value(number: str, written: str) -> float:
    whole, point, fraction = number.removeprefix("-").partition(".")
    if not (_is_number(whole) and (not point or _is_number(fraction))):
        raise InputError(f"{_shown(written)!r} is not a weight such as 100, 62.5kg or 225lb")
    if number.startswith("-"):
        raise InputError(f"the weight cannot be negative ({_shown(written)})")
    if len(fraction.rstrip("0")) > 2:
        raise InputError(f"the weight {_shown(number)} has more than 2 decimals")
    if float(number) > MAX_WEIGHT:
        raise InputError(f"the weight must be at most {MAX_WEIGHT}, not {_shown(number)}")
    return float(number)


def _check_exercise(name: str) -> str:
    if not name.strip():
        raise InputError("the lift names no exercise")
    if len(name) > MAX_EXERCISE_LENGTH:
        raise InputError(f"the exercise name is {len(name)} characters long; keep it to {MAX_EXERCISE_LENGTH}")
    _check_plain(name)
    if any(_split_sets_reps(word) for word in name.split()):
        raise InputError("the exercise name holds a SETSxREPS; give one lift at a time")
    return name


def _check_plain_lift(text: str) -> None:
    """Refuse unsafe characters in a lift's text, named as in its exercise name when they come before SETSxREPS."""
    unsafe = first_unsafe(text)
    if unsafe is not None:
        import re  # only for a lift with an unsafe character: a status that shows records never needs it (~9 ms)

        sets_reps = re.search(_SETS_REPS_IN_TEXT, text)
        in_name = sets_reps is None or text.index(unsafe) < sets_reps.start()
        _check_plain(text, "the exercise name" if in_name else "the lift")


def _check_plain(text: str, what: str = "the exercise name") -> None:
    """Refuse a control character, a line or paragraph separator or a bidi control, as in a note."""
    unsafe = first_unsafe(text)
    if unsafe is not None:
        raise InputError(f"{what} holds {describe_unsafe(unsafe)}; write it as plain text on one line")


def typed_lifts(texts: Iterable[str], history: History, *, new_exercise: bool = False) -> tuple[Lift, ...]:
    """Lifts as typed for a session of `history`: in its units when they name none, named as the person names them.

    A name new to the log and the catalogue but close to a name in either is taken for a typo and
    refused naming the close name, unless `new_exercise` says it is meant (`--new-exercise`).
    """
    known = _KnownExercises(history)
    lifts = check_lifts(parse_lift(text, history.units, known) for text in texts)
    if not new_exercise:
        for lift in lifts:
            close = close_exercise(lift.exercise, known)
            if close is not None:
                raise InputError(
                    f"{_shown(lift.exercise)!r} is a new exercise: did you mean {close!r}? "
                    "Write that, or add --new-exercise to keep it as typed"
                )
    return lifts


MIN_CLOSE_LENGTH = 5  # shorter names (RDL, BSS, sumo) are too near each other to call one a typo of another
MAX_TYPO_EDITS = 2


def close_exercise(name: str, known: Iterable[str] = ()) -> str | None:
    """The name a new exercise name was most likely meant to be, or None when it is not new or near none.

    New: neither the catalogue (with its aliases) nor `known`, the person's own names, holds it.
    Near: of 5 characters or more, and at most 2 edits (a letter added, dropped, changed, or two
    neighbours swapped) from a name of either, compared without case, spaces collapsed. The
    closest wins, the person's own names and then the catalogue's order breaking ties; the name
    returned is the one kept for it (the catalogue's canonical name for an alias).
    """
    key = exercise_key(name)
    if key in _catalogue() or len(key) < MIN_CLOSE_LENGTH:
        return None  # decided before gathering the person's names, which reads every lift of the log
    own = {exercise_key(earlier): tidy_exercise(earlier) for earlier in known}
    if key in own:
        return None
    candidates = [*own.items(), *((alias, canonical) for alias, canonical in _catalogue().items())]
    best: tuple[int, str] | None = None
    for candidate, kept in candidates:
        if abs(len(candidate) - len(key)) > MAX_TYPO_EDITS:
            continue
        edits = _edits(key, candidate, MAX_TYPO_EDITS)
        if edits <= MAX_TYPO_EDITS and (best is None or edits < best[0]):
            best = (edits, kept)
    return best[1] if best else None


def _edits(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance between `a` and `b` (a swap of neighbours is one edit), or limit + 1 past it."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


class _KnownExercises:
    """`known_exercises` of a history, gathered only when a typed name is not one the catalogue knows.

    Most typed names are the catalogue's, and gathering means reading every lift of the log.
    """

    def __init__(self, history: History) -> None:
        self._history = history

    @cached_property
    def _names(self) -> list[str]:
        return known_exercises(self._history)

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)


def known_exercises(history: History) -> list[str]:
    """The exercise names a person has used, first spelling first, for naming and completing new lifts."""
    names: dict[str, str] = {}
    for session in history.sessions:
        for lift in session.lifts:
            names.setdefault(exercise_key(lift.exercise), lift.exercise)
    return list(names.values())
