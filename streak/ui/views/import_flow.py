"""The app's Import command: ask for a file, show what importing it would do, import once the person says yes."""

import os
from typing import TYPE_CHECKING

from streak.core.exchange.adding import add_imported
from streak.core.exchange.foreign.habits import APP_FIELD
from streak.core.exchange.preview import done_text, dry_run_text, preview_import
from streak.storage.exchange.imports import Incoming, read_import
from streak.ui.dialogs.checkin import ConfirmDialog
from streak.ui.dialogs.importing import ImportDialog

if TYPE_CHECKING:
    from streak.ui.views.base import StoreScreen


def start_import(screen: "StoreScreen") -> None:
    """Open the import dialog over `screen`; the rest follows from the person's answers."""

    def load(path: str, habit: str | None) -> Incoming:
        return read_import(os.path.expanduser(path), screen.today, habit=habit, field=APP_FIELD)

    def confirm(incoming: Incoming | None) -> None:
        history = screen.session.current() if incoming else None
        if incoming is None or history is None:
            return
        preview = preview_import(history, incoming.imported)
        if not preview.imported and not preview.goals_or_rest:
            already = (
                f"all {preview.skipped} of its sessions are here already" if preview.skipped else "it holds no sessions"
            )
            screen.notify(f"Nothing was changed: {already}.", title="Nothing new to import")
            return
        text = dry_run_text(preview, incoming.habit)
        if preview.goals_or_rest:
            text += " Its goal changes and rest weeks come too, for weeks that have none."
        screen.app.push_screen(ConfirmDialog(f"{text} Import them?"), lambda yes: finish(incoming, yes))

    def finish(incoming: Incoming, yes: bool | None) -> None:
        if not yes:
            return
        result = screen.change(lambda history: add_imported(history, incoming.imported))
        if result is not None:
            screen.notify(done_text(result, incoming.habit), title="Imported")

    screen.app.push_screen(ImportDialog(load, cursor_blink=screen.session.cursor_blink), confirm)
