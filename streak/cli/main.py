"""The `streak` command: parse the arguments, run one command, turn every refusal into an exit status.

argparse is used because it is in the standard library and cheap to import (~1.5 ms); the
Textual app is imported only when `streak` runs with no command.
"""

import argparse
import os
import sys
from collections.abc import Sequence
from datetime import date, datetime

from streak import __version__
from streak.cli import commands
from streak.cli.context import Context
from streak.core.dates import WEEK_START_DAYS, parse_date, parse_day
from streak.core.errors import InputError, Refused
from streak.core.foreign import TRACKERS
from streak.core.model import UNITS
from streak.storage.errors import DataFileError
from streak.storage.paths import default_data_path
from streak.storage.store import Store

EXIT_REFUSED = 1
EXIT_BAD_INPUT = 2
EXIT_DATA_FILE = 3


class _Formatter(argparse.HelpFormatter):
    """argparse's help formatter, minus its `import shutil` (~3 ms) just to learn the terminal width.

    argparse builds a formatter for every argument it adds, so `streak status` paid for shutil
    without ever printing help. The width is found the way shutil finds it: $COLUMNS, then the terminal.
    """

    def __init__(
        self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None
    ) -> None:
        if width is None:
            try:
                width = int(os.environ["COLUMNS"])
            except (KeyError, ValueError):
                try:
                    width = os.get_terminal_size(sys.__stdout__.fileno()).columns
                except (AttributeError, ValueError, OSError):
                    width = 80
            width -= 2
        super().__init__(prog, indent_increment, max_help_position, width)


def _date(text: str) -> date:
    try:
        return parse_date(text)
    except InputError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _day(today: date):  # noqa: ANN202 - an argparse type
    """The day a check-in or remove is for: YYYY-MM-DD, today, yesterday or a weekday name."""

    def convert(text: str) -> date:
        try:
            return parse_day(text, today)
        except InputError as error:
            raise argparse.ArgumentTypeError(str(error)) from None

    return convert


def _whole_number(low: int, high: int, what: str):  # noqa: ANN202 - an argparse type
    def convert(text: str) -> int:
        if not (text.isascii() and text.lstrip("-").isdigit()) or not low <= int(text) <= high:
            raise argparse.ArgumentTypeError(f"{what} must be a whole number from {low} to {high}, not {text!r}")
        return int(text)

    return convert


def build_parser(today: date) -> argparse.ArgumentParser:
    """The whole command line, as SPEC.md lays it out; `today` is what day words (today, mon …) count from."""
    db = argparse.ArgumentParser(add_help=False, formatter_class=_Formatter)
    db.add_argument(
        "--db",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="the data file (default: $STREAK_DB, else the user data folder)",
    )
    json_flag = argparse.ArgumentParser(add_help=False, formatter_class=_Formatter)
    json_flag.add_argument("--json", action="store_true", help="print one JSON document")

    parser = argparse.ArgumentParser(
        prog="streak",
        description="Track leg day. With no command, opens the terminal app.",
        parents=[db],
        formatter_class=_Formatter,
    )
    parser.add_argument("--version", action="version", version=f"streak {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, handler, help: str, *, json: bool = True) -> argparse.ArgumentParser:  # noqa: ANN001
        parents = [db, json_flag] if json else [db]
        subparser = sub.add_parser(name, parents=parents, help=help, description=help, formatter_class=_Formatter)
        subparser.set_defaults(handler=handler)
        return subparser

    checkin = command(
        "checkin", commands.checkin, "record a leg-day session, then show the streak, new badges and a tip"
    )
    checkin.add_argument(
        "--date",
        type=_day(today),
        metavar="DAY",
        help="the day of the session: YYYY-MM-DD, today, yesterday or mon … sun (default: today)",
    )
    checkin.add_argument("--note", metavar="TEXT", help="an optional note, up to 500 characters on one line")
    checkin.add_argument(
        "--lift", action="append", default=[], metavar="TEXT", help="a lift, e.g. 'back squat 5x5 100kg' (repeatable)"
    )

    edit = command("edit", commands.edit, "change the note or the lifts of the session on a day", json=False)
    edit.add_argument(
        "day", type=_day(today), metavar="DAY", help="YYYY-MM-DD, today, yesterday or mon … sun, the latest such day"
    )
    edit.add_argument("--note", metavar="TEXT", help="the new note ('' removes it)")
    edit.add_argument("--lift", action="append", default=[], metavar="TEXT", help="add a lift (repeatable)")
    edit.add_argument(
        "--clear-lifts", action="store_true", help="remove the session's lifts (before adding any --lift)"
    )

    lifts = command("lifts", commands.lifts, "the training log: best estimated one-rep max, last lift and records")
    lifts.add_argument("--exercise", metavar="NAME", help="every lift of one exercise, newest first")

    status = command("status", commands.status, "show the streak, this week, totals and badges", json=False)
    status.add_argument("--as-of", type=_date, metavar="YYYY-MM-DD", help="as the history stood at the end of this day")
    output = status.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print one JSON document")
    output.add_argument("--short", action="store_true", help="one line of at most 40 characters, for a shell prompt")

    goal = command("goal", commands.goal, "show the weekly goal, or set it from a week on")
    goal.add_argument(
        "n", nargs="?", type=_whole_number(1, 7, "the weekly goal"), metavar="N", help="sessions a week, 1 to 7"
    )
    goal.add_argument(
        "--from",
        dest="since",
        type=_date,
        metavar="YYYY-MM-DD",
        help="the goal holds from this day's week on (default: today)",
    )
    goal.add_argument("--week-start", choices=WEEK_START_DAYS, help="the first day of every week, past and future")
    goal.add_argument("--dry-run", action="store_true", help="show what the change would do, and save nothing")

    rest = command("rest", commands.rest, "mark the weeks holding FROM..TO as rest weeks (or clear them)")
    rest.add_argument("first", type=_date, metavar="FROM", help="the first day off (its whole week rests)")
    rest.add_argument("to", type=_date, nargs="?", metavar="TO", help="the last day off (default: FROM)")
    rest.add_argument("--clear", action="store_true", help="take these weeks out of every rest period")
    rest.add_argument("--dry-run", action="store_true", help="show what the change would do, and save nothing")

    settings = command("settings", commands.settings, "show the settings, or set the units of lift weights")
    settings.add_argument("--units", choices=UNITS, help="the unit of a weight that names none (default: kg)")

    history = command("history", commands.history, "list recent weeks, newest first")
    history.add_argument(
        "--weeks", type=_whole_number(1, 5200, "--weeks"), default=12, metavar="N", help="how many weeks (default: 12)"
    )

    command("badges", commands.badges, "list every badge, earned or in progress")

    remove = command("remove", commands.remove, "delete the session on a day", json=False)
    remove.add_argument(
        "day", type=_day(today), metavar="DAY", help="YYYY-MM-DD, today, yesterday or mon … sun, the latest such day"
    )

    export = command("export", commands.export, "write the history as JSON (to restore) or CSV", json=False)
    export.add_argument("--format", choices=("json", "csv", "lifts-csv"), default="json")
    export.add_argument("--output", metavar="FILE", help="write to FILE instead of the terminal")

    import_ = command(
        "import", commands.import_, "merge a streak export, or a habit from Loop Habit Tracker, harsh or oidia"
    )
    import_.add_argument(
        "file", metavar="FILE", help="the file (or Loop's unpacked CSV folder) to read, or - for standard input"
    )
    import_.add_argument(
        "--from", dest="source", choices=TRACKERS, help="the tracker that wrote the file (default: told by its content)"
    )
    import_.add_argument(
        "--habit", metavar="NAME", help="the habit to import, by name or as '#N' (its number in the file)"
    )
    import_.add_argument("--dry-run", action="store_true", help="show what would be imported and change nothing")

    tip = command("tip", commands.tip, "show a tip on why leg day matters")
    tip.add_argument("--all", action="store_true", help="list every tip")

    backup = command("backup", commands.backup, "list the automatic backups of the data file")
    backup.add_argument(
        "--keep", type=_whole_number(1, 365, "--keep"), metavar="N", help="keep the newest N daily backups (default: 7)"
    )

    restore = command("restore", commands.restore, "put a backup back in place of the data file", json=False)
    restore.add_argument(
        "backup", nargs="?", metavar="BACKUP", help="a name from `streak backup` (default: the newest good one)"
    )
    return parser


def data_path(db: str | None) -> str:
    """--db, else $STREAK_DB, else the user data folder."""
    return db or os.environ.get("STREAK_DB") or default_data_path()


def main(argv: Sequence[str] | None = None, *, today: date | None = None, now: datetime | None = None) -> int:
    """Run `streak` with `argv`; `today` and `now` pin the clock for tests. Returns the exit status."""
    if not (sys.argv[1:] if argv is None else argv):
        # `streak` alone opens the app: it goes straight there, without building the parser (~5 ms).
        from streak.ui.launch import launch

        return launch(data_path(None))
    today = today or date.today()
    try:
        args = build_parser(today).parse_args(argv)
    except SystemExit as exit:  # argparse has printed the usage and the error
        return exit.code if isinstance(exit.code, int) else EXIT_BAD_INPUT
    if getattr(args, "db", None) == "":
        return _fail("--db needs the path of a data file", EXIT_BAD_INPUT)
    path = data_path(getattr(args, "db", None))
    if args.command is None:
        from streak.ui.launch import launch  # Textual costs ~150 ms to import: only the app pays it

        return launch(path)
    store = Store(path, now=(lambda: now) if now else datetime.now)
    context = Context(store, today, sys.stdout, getattr(args, "json", False))
    try:
        for report in store.merge_conflict_copies():  # before anything else; on stderr, so --json stays one document
            print(f"streak: {report.line}", file=sys.stderr)
        args.handler(args, context)
    except Refused as error:
        return _fail(str(error), EXIT_REFUSED)
    except InputError as error:
        return _fail(str(error), EXIT_BAD_INPUT)
    except DataFileError as error:
        return _fail(store.describe_problem(error), EXIT_DATA_FILE)
    except KeyboardInterrupt:
        return _fail("interrupted; nothing was changed unless a message above said so", 130)
    except BrokenPipeError:
        # The reader (say, `streak history | head`) went away. Point stdout at devnull so
        # Python's flush at exit does not raise again, as the signal module's docs advise.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


def _fail(message: str, status: int) -> int:
    print(f"streak: {message}", file=sys.stderr)
    return status
