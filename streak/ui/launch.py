"""Start the terminal app on a data file and return its exit status."""

import sys


def launch(path: str, *, create_folder: bool = True) -> int:
    """Open the app on `path`; a data-file problem is repeated on stderr after the screen is gone."""
    from streak.ui.app import build_app

    app = build_app(path, create_folder=create_folder)
    problem = app.run()
    if problem:
        print(f"streak: {problem}", file=sys.stderr)
    return app.return_code or 0
