"""streak's NamedTuple makes the classes typing.NamedTuple makes, without importing typing."""

import pickle
import subprocess
import sys
import typing
from datetime import date

import pytest

from streak.core.named_tuple import NamedTuple


class Visit(NamedTuple):
    """A day at the gym, with an optional note."""

    day: date
    sets: int
    note: str | None = None
    tags: tuple[str, ...] = ()

    KIND = "visit"  # a class attribute, not a field

    def label(self) -> str:
        """The day and the sets."""
        return f"{self.day.isoformat()}: {self.sets} sets"

    @property
    def heavy(self) -> bool:
        """Five sets or more."""
        return self.sets >= 5


class TypingVisit(typing.NamedTuple):
    """The same class made by typing itself."""

    day: date
    sets: int
    note: str | None = None
    tags: tuple[str, ...] = ()


DAY = date(2026, 11, 21)


def test_fields_defaults_and_annotations_are_typings() -> None:
    assert Visit._fields == TypingVisit._fields == ("day", "sets", "note", "tags")
    assert Visit._field_defaults == TypingVisit._field_defaults == {"note": None, "tags": ()}
    assert Visit.__annotations__ == TypingVisit.__annotations__
    assert Visit(DAY, 3) == (DAY, 3, None, ())


def test_values_equal_typings_and_hash_alike() -> None:
    ours, theirs = Visit(DAY, 3, "squats"), TypingVisit(DAY, 3, "squats")
    assert ours == theirs and hash(ours) == hash(theirs)
    assert ours != Visit(DAY, 4, "squats")
    assert len({Visit(DAY, 3), Visit(DAY, 3), Visit(DAY, 4)}) == 2
    assert isinstance(ours, tuple)
    assert ours._asdict() == theirs._asdict()


def test_replace_and_make() -> None:
    visit = Visit(DAY, 3)
    assert visit._replace(note="legs") == Visit(DAY, 3, "legs")
    assert visit.note is None  # unchanged: a new value, not an edit
    assert Visit._make([DAY, 5, "x", ("a",)]) == Visit(DAY, 5, "x", ("a",))
    with pytest.raises(TypeError):
        Visit(DAY)  # `sets` has no default


def test_repr_names_the_class_and_fields() -> None:
    assert repr(Visit(DAY, 3)) == "Visit(day=datetime.date(2026, 11, 21), sets=3, note=None, tags=())"
    assert repr(Visit(DAY, 3)) == repr(TypingVisit(DAY, 3)).replace("TypingVisit", "Visit")


def test_methods_properties_docstring_and_class_attributes_are_kept() -> None:
    visit = Visit(DAY, 6)
    assert visit.label() == "2026-11-21: 6 sets"
    assert visit.heavy and not Visit(DAY, 2).heavy
    assert Visit.KIND == "visit" and "KIND" not in Visit._fields
    assert Visit.__doc__ == "A day at the gym, with an optional note."
    assert Visit.__module__ == __name__ and Visit.__qualname__ == "Visit"


def test_instances_have_no_dict() -> None:
    """`__slots__ = ()`: a value cannot grow attributes, and costs no more memory than its tuple."""
    with pytest.raises(AttributeError):
        Visit(DAY, 3).extra = 1  # type: ignore[attr-defined]
    with pytest.raises(AttributeError):
        Visit(DAY, 3).sets = 4  # type: ignore[misc]


def test_values_pickle_and_copy() -> None:
    visit = Visit(DAY, 3, "legs", ("front squat",))
    again = pickle.loads(pickle.dumps(visit))
    assert again == visit and type(again) is Visit


def test_subclasses_keep_fields_and_add_methods() -> None:
    class Named(Visit):
        __slots__ = ()

        def shout(self) -> str:
            return self.label().upper()

    assert Named(DAY, 2).shout() == "2026-11-21: 2 SETS"
    assert Named(DAY, 2) == Visit(DAY, 2)


def test_a_required_field_after_a_default_is_refused_as_typing_refuses_it() -> None:
    with pytest.raises(TypeError, match="Non-default namedtuple field sets cannot follow default field day"):

        class Wrong(NamedTuple):
            day: date = DAY
            sets: int


def test_namedtuples_own_attributes_cannot_be_overwritten() -> None:
    with pytest.raises(AttributeError, match="_replace"):

        class Wrong(NamedTuple):
            day: date

            def _replace(self) -> None: ...


def test_only_namedtuple_can_be_a_base() -> None:
    with pytest.raises(TypeError):

        class Wrong(NamedTuple, dict):  # type: ignore[misc]
            day: date


def test_importing_it_does_not_import_typing() -> None:
    code = "import sys; import streak.core.named_tuple; print('typing' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
