"""The everyday command lines, `streak status` and `streak checkin`, read by hand instead of by argparse.

argparse imports `re` and gettext, about 11 ms: a fifth of `streak status`, which a shell prompt
may run before every prompt. So the plain forms of the two everyday commands are read here:
`status` with `--json` or `--short`; `checkin` with `--date DAY`, `--note TEXT`, `--lift TEXT`
(repeatable), `--new-exercise` and `--json`; each with at most one `--db PATH` before or after the
command, and values given as `--note TEXT` or `--note=TEXT`. Anything else (an abbreviation, a
value that starts with "-", an option given twice, a day argparse would refuse, --help) is
left to argparse, so every complaint is still argparse's own. tests/cli/test_everyday_forms.py
checks the two readings agree over random command lines.
"""

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing (~4 ms and `re`)
if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import date
    from types import SimpleNamespace

# The shell prompt's memo (cli/prompt.py) reads its line with `read_words` before anything else
# loads: this module imports nothing at its top, and datetime (~1.5 ms) only to read a --date.

FLAGS = {
    "status": {"--json": "json", "--short": "short"},
    "checkin": {"--json": "json", "--new-exercise": "new_exercise"},
}
VALUES = {"status": {}, "checkin": {"--date": "date", "--note": "note", "--lift": "lift"}}
REPEATABLE = {"lift"}
EXCLUSIVE = {"status": ("json", "short")}  # argparse's mutually exclusive group


def read_everyday(argv: "Sequence[str]", today: "date") -> "SimpleNamespace | None":
    """What argparse would make of `argv` when it is a plain `status` or `checkin`; None for anything else."""
    read = read_words(argv)
    return None if read is None else _arguments(*read, today)


def read_words(argv: "Sequence[str]") -> tuple[str, dict[str, object]] | None:
    """The command of a plain `status` or `checkin` and the options given, by field name, as written; else None."""
    words = iter(argv)
    found: dict[str, object] = {}
    command = None
    for word in words:
        name, value = (word.split("=", 1) + [None])[:2] if word.startswith("--") else (word, None)
        if name == "--db":
            value = next(words, None) if value is None else value
            if "db" in found or not value or value.startswith("-"):
                return None
            found["db"] = value
        elif command is None:
            if word not in FLAGS:
                return None
            command = word
        elif name in FLAGS[command] and value is None:
            if FLAGS[command][name] in found:
                return None
            found[FLAGS[command][name]] = True
        elif name in VALUES[command]:
            field = VALUES[command][name]
            value = next(words, None) if value is None else value
            if value is None or value.startswith("-") or (field in found and field not in REPEATABLE):
                return None
            found[field] = [*found.get(field, []), value] if field in REPEATABLE else value  # type: ignore[misc]
        else:
            return None
    exclusive = EXCLUSIVE.get(command or "")
    if command is None or (exclusive and all(field in found for field in exclusive)):
        return None
    return command, found


def _arguments(command: str, found: dict[str, object], today: "date") -> "SimpleNamespace | None":
    """The namespace argparse builds, defaults included; --db only when given, as argparse leaves it out otherwise."""
    from types import SimpleNamespace

    from streak.cli import commands

    if command == "status":
        fields = {"as_of": None, "json": False, "short": False, "handler": commands.status}
    else:
        fields = {"date": None, "note": None, "lift": [], "new_exercise": False, "json": False}
        fields["handler"] = commands.checkin
        if "date" in found:
            from streak.core.dates import parse_day
            from streak.core.errors import InputError

            try:
                found["date"] = parse_day(str(found["date"]), today)
            except InputError:
                return None  # argparse words the refusal
    return SimpleNamespace(command=command, **{**fields, **found})
