"""Where streak keeps its files when neither --db nor STREAK_DB says: the data file, and the prompt's memo."""

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
