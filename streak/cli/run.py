"""One run of `streak`: read the arguments, run one command, turn every refusal into an exit status and one line.

The Textual app is imported only when `streak` runs with no command.
"""

import os
import sys
from argparse import Namespace
from collections.abc import Sequence
from datetime import date, datetime

from streak.cli.context import Context
from streak.cli.parser import UsageError, build_parser, command_in
from streak.core.errors import InputError, Refused
from streak.core.text import show_safely
from streak.storage.errors import DataFileError
from streak.storage.paths import default_data_path
from streak.storage.store import MissingFolder, Store

EXIT_REFUSED = 1
EXIT_BAD_INPUT = 2
EXIT_DATA_FILE = 3


def prepare_process_streams() -> None:
    """Never crash on output: what the terminal's encoding cannot show is replaced, not raised."""
    for stream, errors in ((sys.stdout, "replace"), (sys.stderr, "backslashreplace")):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors=errors)


def data_path(db: str | None) -> tuple[str, str | None]:
    """--db, else $STREAK_DB, else the user data folder; with where the path came from (None: the default)."""
    if db:
        return db, "--db"
    if os.environ.get("STREAK_DB"):
        return os.environ["STREAK_DB"], "STREAK_DB"
    return default_data_path(), None


def run(argv: Sequence[str], *, today: date | None = None, now: datetime | None = None) -> int:
    """Run one `streak` command line; returns the exit status."""
    today = today or date.today()
    # `streak` alone opens the app: it goes straight there, without building the parser (~5 ms).
    args = _parse(list(argv), today) if argv else None
    if isinstance(args, int):
        return args
    path, named_by = data_path(getattr(args, "db", None))
    store = Store(path, now=(lambda: now) if now else datetime.now, create_folder=named_by is None)
    try:
        store.check_folder()
    except MissingFolder as error:
        return _fail(f"{error} (the data file named by {named_by})", EXIT_BAD_INPUT)
    if args is None or args.command is None:
        from streak.ui.launch import launch  # Textual costs ~150 ms to import: only the app pays it

        return launch(path, create_folder=named_by is None)
    return _run_command(args, Context(store, today, sys.stdout, getattr(args, "json", False)))


def _parse(argv: list[str], today: date) -> Namespace | int:
    """The parsed arguments, or the exit status when there is nothing more to do (help, or a refusal said)."""
    undecodable = _first_undecodable(argv)
    if undecodable is not None:
        encoding = sys.getfilesystemencoding()
        return _fail(f"the argument '{undecodable}' holds bytes that are not {encoding} text", EXIT_BAD_INPUT)
    try:
        args = build_parser(today, command_in(argv)).parse_args(argv)
    except UsageError as error:
        return _fail(str(error), EXIT_BAD_INPUT, prefix="")
    except SystemExit as exit:  # --help or --version, already printed
        return exit.code if isinstance(exit.code, int) else EXIT_BAD_INPUT
    if getattr(args, "db", None) == "":
        return _fail("--db needs the path of a data file", EXIT_BAD_INPUT)
    return args


def _run_command(args: Namespace, context: Context) -> int:
    """Run the command's handler, turning each kind of refusal into its exit status and one line."""
    try:
        _merge_conflict_copies(context.store, prompting=args.command == "status" and getattr(args, "short", False))
        args.handler(args, context)
        context.out.flush()  # a full disk or a device error shows here, not in Python's flush at exit
    except Refused as error:
        return _fail(str(error), EXIT_REFUSED)
    except InputError as error:
        return _fail(str(error), EXIT_BAD_INPUT)
    except DataFileError as error:
        return _fail(context.store.describe_problem(error), EXIT_DATA_FILE)
    except BrokenPipeError:
        # The reader (say, `streak history | head`) went away. Point stdout at devnull so
        # Python's flush at exit does not raise again, as the signal module's docs advise.
        _discard_output()
    except OSError as error:  # the store turns its own into DataFileError: this is the output
        _discard_output()
        reason = error.strerror or str(error)
        if context.store.saved:  # the change is made; only the report of it is lost
            return _fail(f"the change was saved, but its output could not be written ({reason})", 0)
        return _fail(f"the output could not be written ({reason}); nothing was changed", EXIT_BAD_INPUT)
    return 0


def _merge_conflict_copies(store: Store, *, prompting: bool) -> None:
    """Merge conflict copies before anything else, each told in one line on stderr (so --json stays one document).

    `status --short` tells nothing (its stderr goes nowhere in a prompt): it keeps its merge lines for
    the next other command, which tells them first. A copy left unmerged is told by every command anyway.
    """
    reports = store.merge_conflict_copies()
    if prompting:
        if any(report.merged for report in reports):
            from streak.storage.sync import merge_news

            merge_news.keep_for_later(store.path, [report.line for report in reports if report.merged])
        return
    from streak.storage.sync import merge_news

    for line in merge_news.take(store.path) + [report.line for report in reports]:
        print(f"streak: {show_safely(line)}", file=sys.stderr)


def _discard_output() -> None:
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        pass  # stdout is not a real file (tests); nothing will flush it at exit


def _first_undecodable(argv: list[str]) -> str | None:
    """The first argument holding bytes the terminal's encoding could not decode (Python keeps them as surrogates)."""
    return next((arg for arg in argv if any("\udc80" <= char <= "\udcff" for char in arg)), None)


def _fail(message: str, status: int, prefix: str = "streak: ") -> int:
    """One line on stderr; whatever it quotes from a file or an argument is shown with escapes, never raw."""
    print(prefix + show_safely(message), file=sys.stderr)
    return status
