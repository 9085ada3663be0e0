"""Start the terminal app on a data file and return its exit status."""

import gc
import sys

from streak.core.errors import ExitStatus
from streak.storage.paths import DataPath


def launch(location: DataPath) -> int:
    """Open the app on the data file at `location`; a data-file problem is repeated on stderr after the screen is gone."""
    # Starting up makes many objects that live as long as the app and almost no garbage, so the
    # cyclic garbage collector only costs time there (about 40 ms, most of it in full collections
    # over Textual's objects). It is held off until the first frame is up (StreakApp.on_ready).
    gc.disable()
    try:
        from streak.ui.app import build_app

        app = build_app(location)
        problem = app.run()
    finally:
        gc.enable()
    if problem:
        print(f"streak: {problem}", file=sys.stderr)
    return app.return_code or ExitStatus.DONE
