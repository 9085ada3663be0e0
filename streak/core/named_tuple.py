"""`typing.NamedTuple`'s class syntax without importing `typing`, which a shell prompt's `streak status` cannot afford.

`typing` costs ~13 ms to import (it brings `re`, `enum`, `contextlib`), more than the whole of
reading a year of sessions; every value of the core is a named tuple, so the prompt paid it on
every run. This builds the same class the same way typing's `NamedTupleMeta` does in Python 3.11
(`collections.namedtuple` from the body's annotations and defaults, then the body's methods,
docstring and class attributes copied on): the same fields, defaults, `_field_defaults`,
`__annotations__`, `__module__` and `__qualname__` (so instances pickle), and `__slots__ = ()`.
Type checkers are shown `typing.NamedTuple` itself. Unlike typing's, annotations are kept as
written (a string under `from __future__ import annotations` stays a string, not a `ForwardRef`),
and a class cannot also be `Generic`: write `class Point(NamedTuple): ...` and nothing else.
"""

from collections import namedtuple

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from typing import NamedTuple as NamedTuple
else:
    # What a class body may not set: namedtuple makes these itself (as typing's `_prohibited`).
    _MADE_BY_NAMEDTUPLE = frozenset(
        {"__new__", "__init__", "__slots__", "__getnewargs__", "_fields", "_field_defaults", "_make", "_replace"}
        | {"_asdict", "_source"}
    )
    _KEPT_FROM_NAMEDTUPLE = frozenset({"__module__", "__name__", "__annotations__"})

    class _NamedTupleMaker(type):
        """The metaclass whose `__new__` turns a `class X(NamedTuple):` body into a collections.namedtuple class."""

        def __new__(cls, typename: str, bases: tuple[type, ...], namespace: dict[str, object]) -> type:
            if bases != (NamedTuple,):
                raise TypeError("a NamedTuple can only inherit from NamedTuple")
            annotations = namespace.get("__annotations__", {})
            defaults = []
            for field in annotations:
                if field in namespace:
                    defaults.append(field)
                elif defaults:
                    raise TypeError(
                        f"Non-default namedtuple field {field} cannot follow default field"
                        f"{'s' if len(defaults) > 1 else ''} {', '.join(defaults)}"
                    )
            made = namedtuple(
                typename,
                list(annotations),
                defaults=[namespace[name] for name in defaults],
                module=namespace["__module__"],
            )
            made.__annotations__ = made.__new__.__annotations__ = dict(annotations)
            for key, value in namespace.items():
                if key in _MADE_BY_NAMEDTUPLE:
                    raise AttributeError("Cannot overwrite NamedTuple attribute " + key)
                if key not in _KEPT_FROM_NAMEDTUPLE and key not in made._fields:
                    setattr(made, key, value)
            return made

    NamedTuple = type.__new__(_NamedTupleMaker, "NamedTuple", (), {"__module__": __name__})
    NamedTuple.__doc__ = "Subclass it as typing.NamedTuple: `class Point(NamedTuple): x: int; y: int = 0`."
