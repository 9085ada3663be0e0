"""Where the data file lives when neither --db nor STREAK_DB says."""

import os
import sys

APP_NAME = "streak"
DATA_FILE_NAME = "streak.json"


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
