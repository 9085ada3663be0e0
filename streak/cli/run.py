"""One run of `streak`: read the arguments, run one command, turn every refusal into an exit status and one line.

The Textual app is imported only when `streak` runs with no command.
"""

import sys
from collections.abc import Sequence
from datetime import date, datetime

from streak.cli.context import Context
from streak.cli.everyday import read_everyday
from streak.cli.streams import discard_output, output_lost, output_problem, say
from streak.core.errors import ExitStatus, InputError, Refused
from streak.core.text import show_safely
from streak.storage.errors import DataFileError
from streak.storage.paths import data_path
from streak.storage.store import MissingFolder, Store

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing (~13 ms with re, enum, contextlib)
if TYPE_CHECKING:
    from argparse import Namespace


def run(argv: Sequence[str], *, today: date | None = None, now: datetime | None = None) -> int:
    """Run one `streak` command line; returns the exit status."""
    today = today or date.today()
    # `streak` alone opens the app: it goes straight there, without building the parser (~5 ms).
    args = _parse(list(argv), today) if argv else None
    if isinstance(args, int):
        return args
    location = data_path(getattr(args, "db", None))
    store = Store(location, now=(lambda: now) if now else datetime.now)
    try:
        store.check_folder()
    except MissingFolder as error:
        return _fail(f"{error} (the data file named by {location.named_by})", ExitStatus.BAD_INPUT)
    if args is None or args.command is None:
        from streak.ui.launch import launch  # Textual costs ~150 ms to import: only the app pays it

        return launch(location)
    return _run_command(args, Context(store, today, sys.stdout, getattr(args, "json", False)))


def _parse(argv: list[str], today: date) -> "Namespace | int":
    """The parsed arguments, or the exit status when there is nothing more to do (help, or a refusal said)."""
    undecodable = _first_undecodable(argv)
    if undecodable is not None:
        encoding = sys.getfilesystemencoding()
        return _fail(f"the argument '{undecodable}' holds bytes that are not {encoding} text", ExitStatus.BAD_INPUT)
    everyday = read_everyday(argv, today)
    if everyday is not None:  # `status` and `checkin`, read without argparse (see cli/everyday.py)
        return everyday  # type: ignore[return-value]
    from streak.cli import parser  # argparse, and `re` with it: ~11 ms

    try:
        args = parser.build_parser(today, parser.command_in(argv)).parse_args(argv)
    except parser.UsageError as error:
        return _fail(str(error), ExitStatus.BAD_INPUT, prefix="")
    except SystemExit as exit:  # --help or --version, already printed
        return exit.code if isinstance(exit.code, int) else ExitStatus.BAD_INPUT
    if getattr(args, "db", None) == "":
        return _fail("--db needs the path of a data file", ExitStatus.BAD_INPUT)
    return args


def _run_command(args: "Namespace", context: Context) -> int:
    """Run the command's handler, turning each kind of refusal into its exit status and one line."""
    try:
        _merge_conflict_copies(context.store, prompting=args.command == "status" and getattr(args, "short", False))
        args.handler(args, context)
        context.out.flush()  # a full disk or a device error shows here, not in Python's flush at exit
    except Refused as error:
        return _fail(str(error), ExitStatus.REFUSED)
    except InputError as error:
        return _fail(str(error), ExitStatus.BAD_INPUT)
    except DataFileError as error:
        return _fail(context.store.describe_problem(error), ExitStatus.DATA_FILE)
    except BrokenPipeError:
        discard_output()  # the reader (say, `streak history | head`) went away
    except OSError as error:  # the store turns its own into DataFileError: this is the output
        discard_output()
        if context.store.saved:  # the change is made; only the report of it is lost
            reason = output_problem(error)
            return _fail(f"the change was saved, but its output could not be written ({reason})", ExitStatus.DONE)
        return _fail(output_lost(error), ExitStatus.BAD_INPUT)
    return ExitStatus.DONE


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
        say(f"streak: {show_safely(line)}")


def _first_undecodable(argv: list[str]) -> str | None:
    """The first argument holding bytes the terminal's encoding could not decode (Python keeps them as surrogates)."""
    return next((arg for arg in argv if any("\udc80" <= char <= "\udcff" for char in arg)), None)


def _fail(message: str, status: int, prefix: str = "streak: ") -> int:
    """One line on stderr; whatever it quotes from a file or an argument is shown with escapes, never raw."""
    say(prefix + show_safely(message))
    return status
