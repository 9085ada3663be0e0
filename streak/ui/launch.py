"""Start the terminal app on a data file and return its exit status."""

import gc
import sys


def launch(path: str, *, create_folder: bool = True) -> int:
    """Open the app on `path`; a data-file problem is repeated on stderr after the screen is gone."""
    # Starting up makes many objects that live as long as the app and almost no garbage, so the
    # cyclic garbage collector only costs time there (about 40 ms, most of it in full collections
    # over Textual's objects). It is held off until the first frame is up (StreakApp.on_ready).
    gc.disable()
    try:
        from streak.ui.app import build_app

        app = build_app(path, create_folder=create_folder)
        problem = app.run()
    finally:
        gc.enable()
    if problem:
        print(f"streak: {problem}", file=sys.stderr)
    return app.return_code or 0
