"""What every command runs with: the store, today's date, where to print and whether to print JSON."""

import json
from datetime import date
from typing import NamedTuple, TextIO

from streak.storage.store import Store


class Context(NamedTuple):
    """The surroundings of one command run."""

    store: Store
    today: date
    out: TextIO
    json: bool

    def print(self, text: str) -> None:
        """Print text for people."""
        print(text, file=self.out)

    def print_json(self, document: object) -> None:
        """Print one JSON document and nothing else."""
        print(json.dumps(document, ensure_ascii=False, indent=2), file=self.out)
