"""Where the data file lives: the path --db or STREAK_DB names, or else the one in the user data folder."""

import os
import sys
from collections.abc import Mapping
from typing import NamedTuple

APP_NAME = "streak"
DATA_FILE_NAME = "streak.json"


class DataPath(NamedTuple):
    """A data file's path and what named it: "--db", "STREAK_DB", or None for the default in the user data folder.

    Only the default path gets its folders made; a folder the person named must exist already.
    """

    path: str
    named_by: str | None = None

    @property
    def is_default(self) -> bool:
        """Whether this is the default data file, which no option needs to name."""
        return self.named_by is None


def data_path(db: str | None, environ: Mapping[str, str] = os.environ) -> DataPath:
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
    if sys.platform.startswith("linux"):
        xdg_data_home = os.environ.get("XDG_DATA_HOME", "")
        if os.path.isabs(xdg_data_home):
            return os.path.join(xdg_data_home, APP_NAME)
        home = os.environ.get("HOME", "")
        if os.path.isabs(home):
            return os.path.join(home.rstrip("/") or "/", ".local", "share", APP_NAME)
    from platformdirs import user_data_dir as platform_user_data_dir

    return platform_user_data_dir(APP_NAME, appauthor=False)
