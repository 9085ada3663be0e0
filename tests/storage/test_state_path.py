"""The prompt's memo sits in the platform's user state folder, exactly where platformdirs puts it, never the data's."""

import os
import sys

import platformdirs
import pytest

from streak.storage.paths import default_data_path, user_state_dir
from streak.storage.prompt_memo import memo_path


@pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="the fast path is Linux-only; elsewhere platformdirs is asked"
)
@pytest.mark.parametrize(
    "env",
    [
        {"XDG_STATE_HOME": "/state/xdg", "HOME": "/home/ann"},
        {"XDG_STATE_HOME": "", "HOME": "/home/ann"},
        {"XDG_STATE_HOME": "relative/path", "HOME": "/home/ann"},
        {"XDG_STATE_HOME": "   ", "HOME": "/home/ann"},
        {"HOME": "/home/ann/"},
        {"HOME": "/"},
    ],
)
def test_fast_path_agrees_with_platformdirs(monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> None:
    """Our cheap XDG rule gives the same folder platformdirs would, whatever the environment."""
    monkeypatch.delenv("XDG_STATE_HOME", raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    assert user_state_dir() == platformdirs.user_state_dir("streak", appauthor=False)


def test_the_memo_is_in_the_state_folder_never_beside_the_data(monkeypatch: pytest.MonkeyPatch) -> None:
    """The data folder may be synced, and its stamp is part of the memo's key: the memo has a folder of its own.

    (On macOS and Windows the state folder is the data folder, so the memo goes in a folder within it.)
    """
    monkeypatch.setenv("XDG_STATE_HOME", "/state/xdg")
    monkeypatch.setenv("XDG_DATA_HOME", "/data/xdg")
    memo_folder = os.path.dirname(memo_path())
    assert os.path.dirname(memo_folder) == user_state_dir()
    assert memo_folder != os.path.dirname(default_data_path())
