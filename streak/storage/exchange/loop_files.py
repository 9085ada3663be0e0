"""Open Loop Habit Tracker's files without changing them: its CSV export as a zip or a folder, and its backup database.

The zip is read in memory, never extracted; the database is opened read-only through an SQLite URI.
Only what the readers need is read: `Habits.csv` and each habit folder's `Checkmarks.csv`.
"""

import io
import os
from pathlib import Path
from typing import Any

from streak.core.errors import InputError
from streak.storage.exchange.files import MAX_EXCHANGE_BYTES, import_text, read_regular_file

HABITS_FILE = "Habits.csv"
CHECKMARKS_FILE = "Checkmarks.csv"
MAC_METADATA = "__MACOSX/"  # what macOS's Compress adds when someone re-zips the folder


def loop_csv_from_zip(data: bytes) -> dict[str, str]:
    """{`Habits.csv` or `NNN Name/Checkmarks.csv`: its text} from the export's zip (also when zipped in a folder)."""
    import zipfile
    import zlib

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = [info for info in archive.infolist() if not info.is_dir()]
            root = _export_root([info.filename for info in members])
            wanted = {info: _wanted(info.filename, root) for info in members}
            budget = _Budget()
            files = {}
            for info, name in wanted.items():
                if name is not None:
                    with archive.open(info) as member:
                        files[name] = _text(budget.take(member.read(budget.left + 1)), name)
            return files
    except InputError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError, NotImplementedError) as error:
        raise InputError(f"it is not a readable zip ({error})") from None
    except RuntimeError as error:  # an encrypted member
        raise InputError(f"its zip cannot be read ({error})") from None


def loop_csv_from_folder(folder: str) -> dict[str, str]:
    """{`Habits.csv` or `NNN Name/Checkmarks.csv`: its text} from the export unpacked into `folder`."""
    budget = _Budget()
    files = {}
    try:
        names = sorted(os.listdir(folder))
        if HABITS_FILE in names:
            files[HABITS_FILE] = _text(budget.take(_read(os.path.join(folder, HABITS_FILE), budget)), HABITS_FILE)
        for name in names:
            path = os.path.join(folder, name, CHECKMARKS_FILE)
            if os.path.isfile(path):
                relative = f"{name}/{CHECKMARKS_FILE}"
                files[relative] = _text(budget.take(_read(path, budget)), relative)
    except OSError as error:
        raise InputError(f"{error.filename or folder} cannot be read ({error.strerror})") from None
    return files


def loop_db_rows(path: str) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """Rows of Loop's `Habits` (id, name, position, type) and `Repetitions` (id, habit, timestamp, value, notes).

    Columns a database is too old to have are filled in as Loop's migrations did: type 0 (yes or
    no), value 2 (YES_MANUAL: every old repetition was a check), no notes.
    """
    import sqlite3

    wal = f"{path}-wal"
    if os.path.exists(wal):
        return _rows_of_a_copy(path, wal)
    try:
        # Immutable: SQLite neither locks the file nor makes -shm or -wal files beside it (which a
        # backup in WAL mode otherwise gets, even opened read-only, and fails in a read-only folder).
        connection = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro&immutable=1", uri=True)
    except sqlite3.Error as error:
        raise InputError(f"it cannot be opened as a database ({error})") from None
    return _rows(connection)


def _rows_of_a_copy(path: str, wal: str) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """The rows of a database whose last changes are still in its -wal file, read from a copy of both.

    Immutable would ignore the -wal (and its changes), and anything else makes a -shm beside the
    backup; a private copy reads every change and leaves the person's folder as it was.
    """
    import sqlite3
    import tempfile

    with tempfile.TemporaryDirectory(prefix="streak-loop-") as folder:
        copy = os.path.join(folder, "loop.db")
        try:
            for source, target in ((path, copy), (wal, copy + "-wal")):
                data = read_regular_file(source, MAX_EXCHANGE_BYTES + 1)
                if len(data) > MAX_EXCHANGE_BYTES:
                    raise InputError(
                        f"{source} is larger than {MAX_EXCHANGE_BYTES // (1024 * 1024)} MB, too large to import"
                    )
                with open(target, "wb") as file:
                    file.write(data)
        except OSError as error:
            raise InputError(f"{error.filename or wal} cannot be read ({error.strerror})") from None
        try:
            connection = sqlite3.connect(copy)
        except sqlite3.Error as error:
            raise InputError(f"it cannot be opened as a database ({error})") from None
        return _rows(connection)


def _rows(connection: Any) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """Loop's habits and repetitions from an open database, which this closes."""
    import sqlite3

    try:
        tables = {name.lower() for (name,) in connection.execute("select name from sqlite_master where type = 'table'")}
        if not {"habits", "repetitions"} <= tables:
            raise InputError(
                "it is an SQLite database but not a Loop Habit Tracker backup (no Habits and Repetitions tables)"
            )
        habit_columns = _columns(connection, "Habits")
        repetition_columns = _columns(connection, "Repetitions")
        if not ({"id", "name", "position"} <= habit_columns and {"id", "habit", "timestamp"} <= repetition_columns):
            raise InputError("its Habits and Repetitions tables lack the columns Loop Habit Tracker writes")
        kind = "type" if "type" in habit_columns else "0"
        value = "value" if "value" in repetition_columns else "2"
        notes = "notes" if "notes" in repetition_columns else "null"
        habits = connection.execute(f"select id, name, position, {kind} from Habits").fetchall()
        repetitions = connection.execute(f"select id, habit, timestamp, {value}, {notes} from Repetitions").fetchall()
        return habits, repetitions
    except sqlite3.Error as error:
        raise InputError(f"it cannot be read as a database ({error})") from None
    finally:
        connection.close()


class _Budget:
    """The bytes still allowed before the export counts as too large to import."""

    def __init__(self) -> None:
        self.left = MAX_EXCHANGE_BYTES

    def take(self, data: bytes) -> bytes:
        self.left -= len(data)
        if self.left < 0:
            raise InputError(
                f"its CSV files hold more than {MAX_EXCHANGE_BYTES // (1024 * 1024)} MB, too much to import"
            )
        return data


def _export_root(names: list[str]) -> str:
    """The folder of the zip holding `Habits.csv`: Loop puts it at the top; a re-zipped folder one level down."""
    candidates = [
        name[: -len(HABITS_FILE)]
        for name in names
        if name.rpartition("/")[2] == HABITS_FILE and not name.startswith(MAC_METADATA)
    ]
    return min(candidates, key=len, default="")


def _wanted(name: str, root: str) -> str | None:
    if not name.startswith(root):
        return None
    relative = name[len(root) :]
    if relative == HABITS_FILE or (relative.count("/") == 1 and relative.endswith("/" + CHECKMARKS_FILE)):
        return relative
    return None


def _read(path: str, budget: _Budget) -> bytes:
    return read_regular_file(path, budget.left + 1)


def _text(data: bytes, name: str) -> str:
    try:
        return import_text(data)
    except InputError as error:
        raise InputError(f"{name}: {error}") from None


def _columns(connection: Any, table: str) -> set[str]:
    return {row[1].lower() for row in connection.execute(f"pragma table_info({table})")}
