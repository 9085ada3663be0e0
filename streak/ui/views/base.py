"""What every view shares: the history from the app's session, shown afresh whenever the view is shown."""

from collections.abc import Callable
from datetime import date
from typing import TypeVar, cast

from textual import on
from textual.events import ScreenResume
from textual.message import Message
from textual.screen import Screen

from streak.core.history.model import History
from streak.ui.session import AppSession, HasSession

Result = TypeVar("Result")


class StoreScreen(Screen[None]):
    """A view that shows the history; it shows it afresh whenever it is shown, read again only if the file changed."""

    _resumed = False  # whether a ScreenResume has been posted to this view yet

    def post_message(self, message: Message) -> bool:
        """Textual's first ScreenResume comes as the view mounts, each widget just styled: no restyling them all again.

        On the first screen that second pass over every widget's styles cost about 10 ms before the first frame.
        """
        if isinstance(message, ScreenResume) and not self._resumed:
            self._resumed = True
            message.refresh_styles = False
        return super().post_message(message)

    @property
    def session(self) -> AppSession:
        """The app's hold on the data file, shared by every view."""
        return cast(HasSession, self.app).session

    def change(self, change: Callable[[History], tuple[History, Result]]) -> Result | None:
        """Apply `change` to the history on disk (under its lock) and show what it wrote; None after a data problem.

        Refused and InputError pass through to the caller, which words them for the person.
        """
        changed = self.session.change(change)
        if changed is None:
            return None
        history, result = changed
        self.show_history(history)
        return result

    @property
    def today(self) -> date:
        """Today, as the app's clock says (tests pin it)."""
        return self.session.today()

    def reload(self) -> None:
        """Show the history as the file holds it now, reading it only if it may have changed."""
        history = self.session.current()
        if history is not None:
            self.show_history(history)

    def show_history(self, history: History) -> None:
        """Redraw the view from `history`; each view fills this in."""

    def action_import(self) -> None:
        """Bring sessions in from a file: the app's Import command."""
        from streak.ui.views.import_flow import start_import  # the readers load only when someone imports

        start_import(self)

    @on(ScreenResume)
    def _reload_on_show(self) -> None:
        self.reload()
