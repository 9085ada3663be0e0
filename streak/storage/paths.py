"""Where streak keeps its files: the data file (the path --db or STREAK_DB names, or else the one in the
user data folder), and this machine's own state (its id, the shell prompt's memo).

The shell prompt's `status --short` reads this module before anything else of streak, so it loads
nothing costly: `typing` alone would add ~3 ms to every prompt.
"""

import os
import sys
from collections import namedtuple

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from collections.abc import Mapping

APP_NAME = "streak"
DATA_FILE_NAME = "streak.json"


class DataPath(namedtuple("DataPath", ("path", "named_by"), defaults=(None,))):  # noqa: PYI024 (no typing: see above)
    """A data file's path and what named it: "--db", "STREAK_DB", or None for the default in the user data folder.

    Only the default path gets its folders made; a folder the person named must exist already.
    `path` is a str; `named_by` a str or None.
    """

    __slots__ = ()

    @property
    def is_default(self) -> bool:
        """Whether this is the default data file, which no option needs to name."""
        return self.named_by is None


def data_path(db: str | None, environ: "Mapping[str, str]" = os.environ) -> DataPath:
    """--db, else $STREAK_DB, else the default in the user data folder, with where the path came from."""
    if db:
        return DataPath(db, "--db")
    if environ.get("STREAK_DB"):
        return DataPath(environ["STREAK_DB"], "STREAK_DB")
    return DataPath(default_data_path())


def default_data_path() -> str:
    """The data file in the platform's user data folder, e.g. ~/.local/share/streak/streak.json."""
    return os.path.join(user_data_dir(), DATA_FILE_NAME)


def user_data_dir() -> str:
    """The platform's user data folder for streak, as platformdirs defines it.

    On Linux the XDG rule is computed here directly: importing platformdirs costs about
    12 ms (it pulls in pathlib, tempfile and shutil), half the budget of `streak status`.
    A test holds this fast path equal to platformdirs. Other platforms ask platformdirs.
    """
    folder = _xdg_folder("XDG_DATA_HOME", "share")
    if folder is not None:
        return folder
    from platformdirs import user_data_dir as platform_user_data_dir

    return platform_user_data_dir(APP_NAME, appauthor=False)


def user_state_dir() -> str:
    """The platform's user state folder for streak (this machine's own, never a synced one), as platformdirs has it.

    Computed directly on Linux, as `user_data_dir` is: the shell prompt's memo lives here, and
    the prompt reads it in a process that would otherwise import nothing as costly as platformdirs.
    """
    folder = _xdg_folder("XDG_STATE_HOME", "state")
    if folder is not None:
        return folder
    from platformdirs import user_state_dir as platform_user_state_dir

    return platform_user_state_dir(APP_NAME, appauthor=False)


def _xdg_folder(variable: str, under_local: str) -> str | None:
    """$`variable`/streak when it is an absolute path, else ~/.local/`under_local`/streak; None off Linux or without a home."""
    if not sys.platform.startswith("linux"):
        return None
    xdg_home = os.environ.get(variable, "")
    if os.path.isabs(xdg_home):
        return os.path.join(xdg_home, APP_NAME)
    home = os.environ.get("HOME", "")
    if os.path.isabs(home):
        return os.path.join(home.rstrip("/") or "/", ".local", under_local, APP_NAME)
    return None
