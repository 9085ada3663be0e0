"""Which data file a command line means: --db, else $STREAK_DB, else the one in the user data folder."""

import os

from streak.storage.paths import default_data_path


def data_path(db: str | None) -> tuple[str, str | None]:
    """--db, else $STREAK_DB, else the user data folder; with where the path came from (None: the default)."""
    if db:
        return db, "--db"
    if os.environ.get("STREAK_DB"):
        return os.environ["STREAK_DB"], "STREAK_DB"
    return default_data_path(), None
