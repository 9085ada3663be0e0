"""The process's standard streams: output any terminal can take, and what is said when output cannot be written.

Kept apart from run.py so the prompt's memo path (cli/prompt.py) can print without loading argparse.
"""

import errno
import io
import os
import sys


class ClosedStream(io.TextIOBase):
    """Stands for a standard stream the process was started without (`streak status >&-`).

    Python leaves such a stream None, and printing to None either fails with a traceback or, for
    stderr, goes to stdout instead. Writing here fails as writing to a closed descriptor does, so
    the command says what it would for any output that cannot be written, and keeps its exit status.
    """

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, os.strerror(errno.EBADF))


def prepare_process_streams() -> None:
    """Never crash on output: what the terminal's encoding cannot show is replaced, not raised; a closed stream refuses writes."""
    if sys.stdout is None:
        sys.stdout = ClosedStream()
    if sys.stderr is None:
        sys.stderr = ClosedStream()
    for stream, errors in ((sys.stdout, "replace"), (sys.stderr, "backslashreplace")):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors=errors)


def say(line: str) -> None:
    """One line on stderr; if stderr cannot take it (closed, a full disk), the exit status alone tells."""
    try:
        print(line, file=sys.stderr, flush=True)
    except (OSError, ValueError):
        pass


def output_lost(error: OSError) -> str:
    """The refusal when a reading command's output could not be written (a full disk, a device error)."""
    return f"the output could not be written ({output_problem(error)}); nothing was changed"


def output_problem(error: OSError) -> str:
    """Why output could not be written, in the system's words."""
    return error.strerror or str(error)


def discard_output() -> None:
    """Point stdout at devnull, so Python's flush at exit does not raise again (as the signal module's docs advise)."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        pass  # stdout is not a real file (tests); nothing will flush it at exit
