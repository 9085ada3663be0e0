"""Merge lines that `status --short` could not show, kept for the next other command or the app to show once.

`status --short` runs before every shell prompt with its stderr thrown away, so a merge it made
would go untold. Its lines wait in this machine's state folder (never the synced folder, where
another machine would show them), keyed by the data file's real path, written atomically.
"""

import os

from streak.storage.paths import user_state_dir as state_dir  # as sync.machine's, without loading that module

FILE_NAME = "merged-while-prompting.json"
WHILE_PROMPTING = " (while your prompt updated)"


def _news_path() -> str:
    return os.path.join(state_dir(), FILE_NAME)


def _read_all() -> dict[str, list[str]]:
    try:
        with open(_news_path(), encoding="utf-8") as file:
            text = file.read()
    except (OSError, ValueError):
        return {}  # none kept (the usual case), or a file that is not ours to trust: nothing to tell
    # Only once news is kept: every command but the prompt's asks, and json (with `re`) costs ~15 ms.
    import json

    try:
        news = json.loads(text)
    except ValueError:
        return {}
    if not isinstance(news, dict):
        return {}
    return {
        path: [line for line in lines if isinstance(line, str)]
        for path, lines in news.items()
        if isinstance(lines, list)
    }


def _write_all(news: dict[str, list[str]]) -> None:
    import json  # only a merge made while prompting, or the news of one being told, writes here

    from streak.storage.datafile.atomic import write_atomically

    try:
        if not news:
            os.remove(_news_path())
            return
        os.makedirs(state_dir(), mode=0o700, exist_ok=True)
        write_atomically(_news_path(), json.dumps(news, ensure_ascii=True).encode())
    except OSError:
        pass  # a state folder that cannot be written loses the news, never the command


def keep_for_later(data_path: str, lines: list[str]) -> None:
    """Keep merge `lines` about the data file at `data_path` until `take` shows them."""
    if not lines:
        return
    news = _read_all()
    news[data_path] = news.get(data_path, []) + lines
    _write_all(news)


def take(data_path: str) -> list[str]:
    """The merge lines kept for the data file at `data_path`, each marked as made while the prompt updated; then forgotten."""
    news = _read_all()
    lines = news.pop(data_path, [])
    if lines:
        _write_all(news)
    return [line + WHILE_PROMPTING for line in lines]
