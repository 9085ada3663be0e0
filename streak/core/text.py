"""Characters that must never reach a terminal raw: refused in what people type, escaped where a file holds them.

Control characters can carry terminal escape sequences; bidi overrides and line separators make
text read differently from what it holds; lone surrogates are bytes that were never text.
"""

from __future__ import annotations

from functools import cache

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from re import Pattern

# C0 and C1 controls with DEL, U+2028/U+2029, the bidi embeddings and overrides U+202A-U+202E,
# the bidi isolates U+2066-U+2069, and lone surrogates (undecodable bytes, via surrogateescape).
# None of them is printable by str.isprintable, so printable text skips the pattern (and the
# ~0.6 ms it takes to compile, which `streak status` would otherwise pay on every run).
_UNSAFE = "\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff"
_LEFT_RAW_BY_JSON = _UNSAFE.removeprefix("\x00-\x1f")  # json.dumps escapes C0 itself: a \n there is layout
_UNDECODABLE_BYTES = range(0xDC80, 0xDD00)  # how surrogateescape keeps a byte that did not decode


@cache
def _pattern(characters: str) -> Pattern[str]:
    # Imported only for text that is not printable: `re` costs every shell prompt ~9 ms.
    import re

    return re.compile(f"[{characters}]")


def first_unsafe(text: str) -> str | None:
    """The first character of `text` that must not reach a terminal raw, if any."""
    if text.isprintable():
        return None
    match = _pattern(_UNSAFE).search(text)
    return match[0] if match else None


def describe_unsafe(char: str) -> str:
    """What kind of unsafe character `char` is, with its code, for a refusal."""
    code = ord(char)
    if code < 0x20 or 0x7F <= code <= 0x9F:
        return f"a control character ({_escape(char)}: a tab, newline or escape)"
    if code in (0x2028, 0x2029):
        return f"a line or paragraph separator ({_escape(char)})"
    if 0xD800 <= code <= 0xDFFF:
        return f"a byte that is not text ({_escape(char)})"
    return f"a bidirectional override ({_escape(char)}), which can make text read differently"


def show_safely(text: str) -> str:
    """`text` with every unsafe character written as a visible escape such as \\x1b or \\u202e."""
    if text.isprintable():
        return text
    return _pattern(_UNSAFE).sub(lambda match: _escape(match[0]), text)


def show_lines_safely(text: str) -> str:
    """Lines of text, each shown safely; the line breaks between them stay."""
    return "\n".join(map(show_safely, text.split("\n")))


def escape_unsafe_in_json(document: str) -> str:
    """A `json.dumps` document with the unsafe characters it leaves raw as \\u escapes: the same data, terminal-safe."""
    if document.isascii() and "\x7f" not in document:  # DEL is the one unsafe ASCII character JSON leaves raw
        return document
    return _pattern(_LEFT_RAW_BY_JSON).sub(lambda match: f"\\u{ord(match[0]):04x}", document)


def _escape(char: str) -> str:
    code = ord(char)
    if code in _UNDECODABLE_BYTES:
        return f"\\x{code - 0xDC00:02x}"  # the byte itself, as the person would know it
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"
