"""The default data file sits in the platform's user data folder, exactly where platformdirs puts it."""

import os
import sys

import platformdirs
import pytest

from streak.storage.paths import default_data_path, user_data_dir


@pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="the fast path is Linux-only; elsewhere platformdirs is asked"
)
@pytest.mark.parametrize(
    "env",
    [
        {"XDG_DATA_HOME": "/data/xdg", "HOME": "/home/ann"},
        {"XDG_DATA_HOME": "", "HOME": "/home/ann"},
        {"XDG_DATA_HOME": "relative/path", "HOME": "/home/ann"},
        {"HOME": "/home/ann/"},
        {"HOME": "/"},
    ],
)
def test_fast_path_agrees_with_platformdirs(monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> None:
    """Our cheap XDG rule gives the same folder platformdirs would, whatever the environment."""
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    assert user_data_dir() == platformdirs.user_data_dir("streak", appauthor=False)


def test_data_file_is_named_streak_json() -> None:
    """The file is streak.json inside that folder."""
    assert default_data_path() == os.path.join(user_data_dir(), "streak.json")
