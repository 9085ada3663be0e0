"""Start the terminal app on a data file and return its exit status."""


def launch(path: str) -> int:
    """Open the app on `path`; returns the status the app exited with."""
    from streak.ui.app import build_app

    app = build_app(path)
    app.run()
    return app.return_code or 0
