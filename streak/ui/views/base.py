"""What every view shares: reading and changing the store, and turning a data-file problem into the problem screen."""

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, TypeVar, cast

from textual import on
from textual.events import ScreenResume
from textual.message import Message
from textual.screen import Screen

from streak.core.history.model import History
from streak.storage.errors import DataFileError
from streak.storage.store import MissingFolder

if TYPE_CHECKING:
    from streak.ui.app import StreakApp

Result = TypeVar("Result")


class StoreScreen(Screen[None]):
    """A view that shows the history; it reads the store afresh whenever it is shown."""

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
    def streak_app(self) -> "StreakApp":
        """The app, typed."""
        return cast("StreakApp", self.app)

    def read(self) -> History | None:
        """The history on disk now, with any sync conflict copies merged in first; None after showing the problem screen.

        What was read is noted (the file's fingerprint, taken before reading, and the day) so the app
        can tell when to look again.
        """
        app = self.streak_app
        try:
            app.merge_conflict_copies()
            seen = (app.store.fingerprint(), self.today)
            history = app.store.load()
        except DataFileError as error:
            app.show_data_problem(error)
            return None
        app.last_read = seen
        return history

    def change(self, change: Callable[[History], tuple[History, Result]]) -> Result | None:
        """Apply `change` to the history on disk (under its lock); None after showing the problem screen.

        Refused and InputError pass through to the caller, which words them for the person.
        """
        try:
            self.streak_app.merge_conflict_copies()
            result = self.streak_app.store.update(change)
        except (DataFileError, MissingFolder) as error:  # the folder went away while the app was open
            self.streak_app.show_data_problem(error)
            return None
        self.reload()
        return result

    @property
    def today(self) -> date:
        """Today, as the app's clock says (tests pin it)."""
        return self.streak_app.today()

    def reload(self) -> None:
        """Read the store and show what it holds."""
        history = self.read()
        if history is not None:
            self.show_history(history)

    def show_history(self, history: History) -> None:
        """Redraw the view from `history`; each view fills this in."""

    def action_import(self) -> None:
        """Bring sessions in from a file: the app's Import command."""
        from streak.ui.dialogs.import_flow import start_import  # the readers load only when someone imports

        start_import(self)

    @on(ScreenResume)
    def _reload_on_show(self) -> None:
        self.reload()
