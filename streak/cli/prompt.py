"""`streak status --short` answered from the prompt's memo, before argparse, the data file or the rules are loaded.

Only the exact simple forms are read by hand: `status --short`, with at most one `--db PATH` or
`--db=PATH` before or after the command (else $STREAK_DB, else the default data file). Any
other command line, and any memo that does not answer, is left to the normal path, which
parses, reads and computes as always, and remembers the line for the next prompt.
"""

import os
import sys
import time

from streak.cli.everyday import read_words
from streak.cli.streams import discard_output, output_lost, prepare_process_streams, say
from streak.core.errors import ExitStatus
from streak.storage.paths import data_path
from streak.storage.prompt_memo import prompt_key, recall

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing (~3 ms)
if TYPE_CHECKING:
    from collections.abc import Sequence

NOT_SIMPLE = object()


def answer_from_memo(argv: "Sequence[str]", today: str | None, as_process: bool) -> int | None:
    """Print the remembered prompt line and return the exit status; None when the normal path must answer.

    `today` is YYYY-MM-DD (None: the clock's); `as_process` says the streams are the process's own to prepare.
    """
    db = simple_prompt_db(argv)
    if db is NOT_SIMPLE:
        return None
    try:
        path = os.path.realpath(data_path(db).path)  # as the Store resolves it: a link's target is the data file
    except (OSError, ValueError):
        return None
    stdout = sys.stdout
    if stdout is None:
        return None
    key = prompt_key(path, today or _clock_today(), getattr(stdout, "encoding", None))
    line = recall(key) if key is not None else None
    if line is None:
        return None
    if as_process:
        prepare_process_streams()
    try:
        stdout.write(line + "\n")
        stdout.flush()
    except BrokenPipeError:  # the reader went away, as with any command
        discard_output()
    except OSError as error:
        discard_output()
        say(f"streak: {output_lost(error)}")
        return ExitStatus.BAD_INPUT
    return ExitStatus.DONE


def _clock_today() -> str:
    """Today as date.today().isoformat() has it, without importing datetime (~1 ms)."""
    year, month, day = time.localtime()[:3]
    return f"{year:04d}-{month:02d}-{day:02d}"


def simple_prompt_db(argv: "Sequence[str]") -> object:
    """For `status --short` with at most one --db: the path --db names (None without one); else NOT_SIMPLE."""
    read = read_words(argv)
    if read is None or read[0] != "status" or set(read[1]) - {"short", "db"} or "short" not in read[1]:
        return NOT_SIMPLE
    db = read[1].get("db")
    # bytes the terminal could not decode are refused by name on the normal path
    if isinstance(db, str) and any("\udc80" <= char <= "\udcff" for char in db):
        return NOT_SIMPLE
    return db
