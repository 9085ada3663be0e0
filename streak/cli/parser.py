"""The command line SPEC.md lays out, as an argparse parser whose every complaint is one line.

argparse is used because it is in the standard library and cheap to import (~1.5 ms).
"""

import argparse
import os
import sys
from collections.abc import Sequence
from datetime import date
from typing import Any, NoReturn

from streak import __version__
from streak.cli import commands
from streak.core.dates import WEEK_START_DAYS, parse_date, parse_day
from streak.core.errors import InputError
from streak.core.exchange.foreign import TRACKERS
from streak.core.history.model import KILOGRAMS, MAX_GOAL, MAX_NOTE_LENGTH, MIN_GOAL, UNITS
from streak.storage.datafile.read import DEFAULT_BACKUPS_KEPT, MAX_BACKUPS_KEPT, MIN_BACKUPS_KEPT


def _english(message: str) -> str:
    return message


def _english_plural(singular: str, plural: str, count: int) -> str:
    return singular if count == 1 else plural


# argparse passes each of its own messages through gettext, which searches the disk for translation
# catalogues (the locale module and a dozen stat calls) every time a parser is built: about 10 ms,
# a third of `streak status`. streak speaks English only, so argparse's words are taken as written.
argparse._ = _english  # type: ignore[attr-defined]
argparse.ngettext = _english_plural  # type: ignore[attr-defined]


class UsageError(Exception):
    """A command line argparse cannot read; the message is one line ending with where help is."""


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is raised as one line pointing at --help instead of printing the usage block."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message}; see {self.prog} --help")

    def parse_args(self, args: Sequence[str] | None = None, namespace: Any = None) -> argparse.Namespace:  # type: ignore[override]
        """As argparse's, but arguments left over are blamed on the command that was given, with its help."""
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:
            command = getattr(parsed, "command", None)
            prog = f"{self.prog} {command}" if command else self.prog
            raise UsageError(f"{prog}: unrecognized arguments: {' '.join(extras)}; see {prog} --help")
        return parsed


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
    """The day a check-in, edit or remove is for: YYYY-MM-DD, today, yesterday or a weekday name."""

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


class _Unbuilt:
    """Stands in for the parser of a command this run does not use: its arguments are not worth building."""

    def add_argument(self, *args: object, **kwargs: object) -> None:
        """Ignored."""

    def add_mutually_exclusive_group(self) -> "_Unbuilt":
        """Itself, ignoring what is added."""
        return self


COMMANDS = (
    "checkin", "edit", "lifts", "status", "goal", "rest", "settings", "history", "badges", "remove", "export",
    "import", "tip", "backup", "restore",
)  # fmt: skip


def command_in(argv: list[str]) -> str | None:
    """The command `argv` names, if it is one and can be told without parsing (and no help is asked for)."""
    if any(arg in ("-h", "--help") for arg in argv):
        return None
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--db":
            skip = True
        elif not arg.startswith("-"):
            return arg if arg in COMMANDS else None
    return None


def build_parser(today: date, only: str | None = None) -> argparse.ArgumentParser:
    """The whole command line, as SPEC.md lays it out; `today` is what day words (today, mon …) count from.

    With `only`, the parsers of the other commands are left out: building all fifteen costs a
    shell-prompt command about 3 ms. A name that is no command then parses as unknown, as it should.
    """
    db = _Parser(add_help=False, formatter_class=_Formatter)
    db.add_argument(
        "--db",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="the data file (default: $STREAK_DB, else the user data folder)",
    )
    json_flag = _Parser(add_help=False, formatter_class=_Formatter)
    json_flag.add_argument("--json", action="store_true", help="print one JSON document")

    parser = _Parser(
        prog="streak",
        description="Track leg day. With no command, opens the terminal app.",
        parents=[db],
        formatter_class=_Formatter,
    )
    parser.add_argument("--version", action="version", version=f"streak {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, handler, help: str, *, json: bool = True) -> argparse.ArgumentParser:  # noqa: ANN001
        if only is not None and name != only:
            return _Unbuilt()  # type: ignore[return-value]
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
    checkin.add_argument(
        "--note", metavar="TEXT", help=f"an optional note, up to {MAX_NOTE_LENGTH} characters on one line"
    )
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
        "n",
        nargs="?",
        type=_whole_number(MIN_GOAL, MAX_GOAL, "the weekly goal"),
        metavar="N",
        help=f"sessions a week, {MIN_GOAL} to {MAX_GOAL}",
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
    settings.add_argument("--units", choices=UNITS, help=f"the unit of a weight that names none (default: {KILOGRAMS})")

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
        "--keep",
        type=_whole_number(MIN_BACKUPS_KEPT, MAX_BACKUPS_KEPT, "--keep"),
        metavar="N",
        help=f"keep the newest N daily backups (default: {DEFAULT_BACKUPS_KEPT})",
    )

    restore = command("restore", commands.restore, "put a backup back in place of the data file", json=False)
    restore.add_argument(
        "backup", nargs="?", metavar="BACKUP", help="a name from `streak backup` (default: the newest good one)"
    )
    return parser
