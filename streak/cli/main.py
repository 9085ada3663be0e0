"""The `streak` command's entry point: whatever moment Ctrl-C comes, it ends in one line and exit status 130.

This module imports nothing while it loads: even `gc` and `sys` (built in) are imported inside
`main` and its helpers, as is the rest of streak, so an interrupt while streak is still loading (its
slowest moment) lands inside `main`'s try and is caught like any other. An import at this module's
top would run outside it, where a Ctrl-C 20-30 ms into `streak status` printed a traceback. That
holds `from __future__ import annotations` too (it imports `__future__`): annotations are strings.
What runs before this module (the packages `streak` and `streak.cli`) is covered by the script,
which holds a Ctrl-C until `main` takes it back.
A shell prompt's `status --short` on an unchanged data file is answered from its memo
(cli/prompt.py) before argparse, the data file and the rules are loaded at all.
"""

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing (~3 ms) before interrupts are caught
# (the annotations are quoted rather than deferred by `from __future__`: one module less for the prompt)
if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import date, datetime

# The one exit status not in core.errors.ExitStatus: this module imports nothing of streak before Ctrl-C is caught.
EXIT_INTERRUPTED = 130
INTERRUPTED = "streak: interrupted; nothing was changed unless a message above said so"


def main(
    argv: "Sequence[str] | None" = None,
    *,
    today: "date | None" = None,
    now: "datetime | None" = None,
    pressed_while_loading: "list[int] | None" = None,
) -> int:
    """Run `streak` with `argv`; `today` and `now` pin the clock for tests. Returns the exit status.

    Without `argv` this is the process itself (the `streak` script, `python -m streak`): it then
    also makes its output safe for any terminal encoding and, once the work is done, lets no late
    Ctrl-C turn into a traceback on the way out. `pressed_while_loading` is the script's note of
    a Ctrl-C that came while Python loaded this module's packages (scripts/streak says why).
    """
    as_process = argv is None
    try:
        if pressed_while_loading is not None:
            _take_back_interrupts(pressed_while_loading)
        import gc
        import sys

        if as_process:
            # A command lives for milliseconds and makes no reference cycles worth finding, yet reading a
            # long history allocates enough containers to set off dozens of collections, which re-scan
            # every object made so far: several ms of a shell prompt's `status`. Reference counting
            # still frees everything else, and the process's exit the rest.
            gc.disable()
        arguments = sys.argv[1:] if as_process else argv
        from streak.cli.prompt import answer_from_memo

        status = answer_from_memo(arguments, today.isoformat() if today else None, as_process)
        if status is None:
            from streak.cli.run import run
            from streak.cli.streams import prepare_process_streams

            if as_process:
                prepare_process_streams()
            status = run(arguments, today=today, now=now)
        if as_process:
            _ignore_interrupts()
    except KeyboardInterrupt:
        if as_process:
            _ignore_interrupts()
        status = _say_interrupted()
    except RuntimeError as error:
        # Python 3.11 wraps an exception raised while a class is being made (in a descriptor's
        # __set_name__, such as functools.cached_property's) in a RuntimeError: a Ctrl-C that
        # lands while a module loads can arrive that way.
        if not _caused_by_interrupt(error):
            raise
        if as_process:
            _ignore_interrupts()
        status = _say_interrupted()
    return status


def process(pressed_while_loading: "list[int] | None" = None) -> int:
    """The `streak` process itself (the installed script, `python -m streak`): `main()`, then the process's end.

    Apart from `main` so that nothing else calling `main` (a wrapper, a test) is ended with it.
    """
    status = main(pressed_while_loading=pressed_while_loading)
    _exit_at_once(status)
    return status


def _exit_at_once(status: int) -> None:
    """End a command's process now, without the interpreter's teardown; returns only where that would not be safe.

    Python's own exit collects garbage over every object and clears every module: about 11 million
    instructions, a tenth of `streak status`, spent on a process that is ending anyway. Nothing is
    lost by skipping it: the output is flushed here, every file streak writes was closed (and
    synced) as it was written, and streak registers nothing to run at exit. The app's process
    (Textual restores the terminal and may leave threads) and output that cannot be flushed (the
    ordinary exit reports it, as before) end the ordinary way.
    """
    import sys

    if "streak.ui.launch" in sys.modules:
        return
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except (OSError, ValueError):
        return
    import os

    os._exit(status)


def _caused_by_interrupt(error: BaseException) -> bool:
    """Whether a Ctrl-C is what set off `error`, however many exceptions wrap it."""
    seen: set[int] = set()
    cause: BaseException | None = error
    while cause is not None and id(cause) not in seen:
        if isinstance(cause, KeyboardInterrupt):
            return True
        seen.add(id(cause))
        cause = cause.__cause__ or cause.__context__
    return False


def _say_interrupted() -> int:
    import sys

    try:
        print(INTERRUPTED, file=sys.stderr, flush=True)
    except (OSError, ValueError):
        pass  # stderr is closed: the status alone tells
    return EXIT_INTERRUPTED


def _take_back_interrupts(pressed: "list[int]") -> None:
    """Give Ctrl-C back to Python, and raise the one the script noted while streak loaded, if any.

    A Ctrl-C that arrived but is not yet handled is handled by whatever handler is set when
    Python next checks: from here that is Python's own, which raises where `main` catches it.
    """
    import _signal

    if _signal.getsignal(_signal.SIGINT) is not _signal.SIG_IGN:
        _signal.signal(_signal.SIGINT, _signal.default_int_handler)
    if pressed:
        raise KeyboardInterrupt


def _ignore_interrupts() -> None:
    """From here the process only exits, so a Ctrl-C could do nothing but print a traceback."""
    import _signal  # the C module under `signal`, which spends ~0.7 ms making enums this needs none of

    _signal.signal(_signal.SIGINT, _signal.SIG_IGN)
