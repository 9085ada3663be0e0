"""What every command runs with: the store, today's date, where to print and whether to print JSON.

Whatever it prints passes through one escape: a character that could drive the terminal
(an escape sequence, a bidi override) is shown as a visible escape, never sent raw.
"""

from datetime import date

from streak.cli.streams import say
from streak.core.named_tuple import NamedTuple
from streak.core.text import escape_unsafe_in_json, show_lines_safely
from streak.storage.store import Store

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing (~13 ms with re, enum, contextlib)
if TYPE_CHECKING:
    from typing import TextIO


class Context(NamedTuple):
    """The surroundings of one command run."""

    store: Store
    today: date
    out: "TextIO"
    json: bool

    def print(self, text: str) -> str:
        """Print text for people; returns what was printed (unsafe characters escaped)."""
        shown = show_lines_safely(text)
        print(shown, file=self.out)
        return shown

    @property
    def encoding(self) -> str | None:
        """The output's encoding, which decides what the terminal is shown of any character."""
        return getattr(self.out, "encoding", None)

    def print_json(self, document: object) -> None:
        """Print one JSON document and nothing else; unsafe characters as \\u escapes, so the data stays exact."""
        import json  # here, not above: only --json pays for json and the `re` it loads (~9 ms)

        print(escape_unsafe_in_json(json.dumps(document, ensure_ascii=False, indent=2)), file=self.out)

    def tell(self, text: str) -> None:
        """A line for the person on stderr, beside output that may be going to a file or a pipe."""
        say(show_lines_safely(text))

    def write_bytes(self, data: bytes) -> None:
        """Write bytes as they are (an export is UTF-8 whatever the terminal's encoding)."""
        buffer = getattr(self.out, "buffer", None)
        if buffer is None:  # a text-only stream, as tests use
            self.out.write(data.decode())
            return
        self.out.flush()
        buffer.write(data)
        buffer.flush()
