"""The app's Import command: ask for a file, show what importing it would do, import once the person says yes."""

import os
from typing import TYPE_CHECKING

from streak.core.errors import InputError
from streak.core.exchange.adding import add_imported
from streak.core.exchange.foreign.habits import APP_FIELD
from streak.core.exchange.preview import done_text, dry_run_text, preview_import
from streak.core.text import show_safely
from streak.storage.exchange.files import check_still_exports
from streak.storage.exchange.imports import Incoming, read_import
from streak.ui.dialogs.checkin import ConfirmDialog
from streak.ui.dialogs.importing import ImportDialog

if TYPE_CHECKING:
    from streak.core.exchange.adding import Added
    from streak.core.history.model import History
    from streak.ui.views.base import StoreScreen


def start_import(screen: "StoreScreen") -> None:
    """Open the import dialog over `screen`; the rest follows from the person's answers."""

    def load(path: str, habit: str | None) -> Incoming:
        incoming = read_import(os.path.expanduser(path), screen.today, habit=habit, field=APP_FIELD)
        history = screen.session.current()
        if history is not None:
            check_still_exports(add_imported(history, incoming.imported)[0])
        return incoming

    def confirm(incoming: Incoming | None) -> None:
        history = screen.session.current() if incoming else None
        if incoming is None or history is None:
            return
        preview = preview_import(history, incoming.imported)
        if not preview.changes_anything:
            lifts = " and their lifts" if incoming.imported.lifts_only else ""
            already = (
                f"all {preview.skipped} of its sessions{lifts} are here already"
                if preview.skipped
                else "it holds no sessions"
            )
            screen.notify(f"Nothing was changed: {already}.", title="Nothing new to import")
            return
        text = dry_run_text(preview, incoming.imported, incoming.habit)
        screen.app.push_screen(ConfirmDialog(show_safely(f"{text} Import them?")), lambda yes: finish(incoming, yes))

    def finish(incoming: Incoming, yes: bool | None) -> None:
        if not yes:
            return

        def merge(history: "History") -> "tuple[History, Added]":
            merged, added = add_imported(history, incoming.imported)
            check_still_exports(merged)
            return merged, added

        try:
            result = screen.change(merge)
        except InputError as error:  # the history changed since the file was read, and no longer fits
            screen.notify(show_safely(str(error)), title="Not imported", severity="warning", markup=False)
            return
        if result is not None:
            screen.notify(
                show_safely(done_text(result, incoming.imported, incoming.habit)), title="Imported", markup=False
            )

    screen.app.push_screen(ImportDialog(load, cursor_blink=screen.session.cursor_blink), confirm)
