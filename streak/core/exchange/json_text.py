"""JSON from files people import, parsed within bounds: nesting is measured before parsing, integers' digits before converting.

Python's json raises RecursionError on deep nesting (after using up the C stack's worth of
frames) and ValueError on an integer past its 4,300-digit limit; neither is an import's problem
to report as a traceback. No file streak reads nests deeper than a few levels or holds an integer
of more than a few digits, so both are refused up front, in one line.
"""

import json
from itertools import accumulate
from typing import Any

from streak.core.errors import InputError

MAX_DEPTH = 32  # a streak export nests 4 deep (document, sessions, a session, its lifts); oidia 3
MAX_INTEGER_DIGITS = 20  # a 64-bit integer, such as a millisecond timestamp, has at most 19

_BRACKETS = b"[]{}"
_NOT_BRACKETS = bytes(sorted(set(range(256)) - set(_BRACKETS)))
_DEPTH_CHANGE = [0] * 256
for _bracket, _change in zip(_BRACKETS, (1, -1, 1, -1), strict=True):
    _DEPTH_CHANGE[_bracket] = _change


def nesting_depth(text: str) -> int:
    """How deep the brackets of a JSON text nest, brackets inside strings not counted.

    With escaped backslashes and then escaped quotes taken out, every `"` left opens or closes a
    string, so the text outside strings is every other piece between quotes. replace, split and
    join run in C, where a regular expression matching each string took as long as parsing the
    file; so do dropping everything but the brackets (all ASCII) and the running sum.
    """
    unescaped = text.replace("\\\\", "").replace('\\"', "")
    outside_strings = "".join(unescaped.split('"')[::2])
    brackets = outside_strings.encode("ascii", "ignore").translate(None, _NOT_BRACKETS)
    return max(accumulate(map(_DEPTH_CHANGE.__getitem__, brackets)), default=0)


def _integer_within(what: str):  # noqa: ANN202 - json's parse_int hook
    def convert(text: str) -> int:
        digits = len(text.lstrip("-"))
        if digits > MAX_INTEGER_DIGITS:
            length = "thousands of digits long" if digits >= 1000 else f"{digits} digits long"
            shown = text if len(text) <= 20 else text[:19] + "…"
            raise InputError(f"it holds a number {length} ({shown}), which {what} never does")
        return int(text)

    return convert


def load_json(text: str, what: str) -> Any:
    """The document in `text`; not JSON, nested over MAX_DEPTH or holding a huge integer is refused naming `what`."""
    depth = nesting_depth(text)
    if depth > MAX_DEPTH:
        raise InputError(f"it is nested too deeply to be {what} ({depth:,} levels)")
    try:
        return json.loads(text, parse_int=_integer_within(what))
    except json.JSONDecodeError as error:
        raise InputError(f"it is not valid JSON ({error})") from None
    except RecursionError:  # the depth check makes this unreachable, but it is never a traceback
        raise InputError(f"it is nested too deeply to be {what}") from None
