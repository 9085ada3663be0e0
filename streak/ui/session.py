"""The app's hold on the data file, free of Textual: the store, the history last read, and what has been told.

Every view reads and changes the history through one AppSession. It reads the file only when the
file (or its folder, where conflict copies land) or the day has changed since it last did, and a
change hands back the history it wrote, so a check-in in the app reads the data file once.
"""

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Protocol, TypeVar

from streak.core.history.model import History
from streak.core.text import show_safely
from streak.storage.errors import DataFileError
from streak.storage.store import MissingFolder, Store

if TYPE_CHECKING:
    from streak.core.tips.choice import Pick  # the tips load with the first check-in, not before the first frame

Result = TypeVar("Result")
Change = Callable[[History], tuple[History, Result]]
Tell = Callable[[str, bool], None]  # a line about a conflict copy, and whether it was merged
ShowProblem = Callable[[str], None]  # the one line that says why the data file cannot be used


class AppSession:
    """What the open app knows of its data file, and the one way its views read and change it.

    `tell` and `show_problem` are how the app puts things on the screen; the session decides what and when.
    """

    def __init__(
        self,
        store: Store,
        *,
        today: Callable[[], date],
        pick: "Pick",
        cursor_blink: bool,
        tell: Tell,
        show_problem: ShowProblem,
    ) -> None:
        self.store = store
        self.today = today
        self.pick = pick
        self.cursor_blink = cursor_blink
        self._tell = tell
        self._show_problem = show_problem
        self.history: History | None = None  # as last read or written
        self.last_read: tuple[tuple[int, ...], date] | None = None  # the file's fingerprint and the day, then
        self.data_problem: str | None = None  # once the data file has failed: why, as shown
        self.unsaved_change: Callable[[], str | None] | None = None  # the Goal view's, once it is open
        self._told: set[str] = set()  # lines about conflict copies already told

    def is_stale(self) -> bool:
        """Whether the file, its folder or the day moved on since the history was last read: two stats, no reading."""
        return self.history is None or self.last_read != (self.store.fingerprint(), self.today())

    def current(self) -> History | None:
        """The history as the file holds it now, read again only if it may have changed; None once it has failed."""
        if not self.is_stale():
            return self.history
        return self.read()

    def read(self) -> History | None:
        """Merge any conflict copies, then read the file; None after showing why it cannot be used."""
        try:
            self.merge_conflict_copies()
            seen = (self.store.fingerprint(), self.today())  # before reading: a later write shows as a change
            history = self.store.load()
        except (DataFileError, MissingFolder) as error:
            self.fail(error)
            return None
        self.history, self.last_read = history, seen
        return history

    def change(self, change: Change[Result]) -> tuple[History, Result] | None:
        """Apply `change` to the file under its lock; the history written and the change's result, or None on failure.

        Refused and InputError pass through to the caller, which words them for the person.
        """
        try:
            self.merge_conflict_copies()
            applied = self.store.apply(change)
        except (DataFileError, MissingFolder) as error:  # the folder went away while the app was open
            self.fail(error)
            return None
        self.history, self.last_read = applied.history, (applied.fingerprint, self.today())
        return applied.history, applied.result

    def merge_conflict_copies(self) -> None:
        """Merge the conflict copies a sync tool left beside the data file, telling each; raises DataFileError.

        A merged copy is told every time; a copy that cannot be read is told once per run.
        """
        from streak.storage.sync import merge_news

        for kept in merge_news.take(self.store.path):  # merged by `status --short`, which could not tell
            self._tell(kept[0].upper() + kept[1:] + ".", True)
        for report in self.store.merge_conflict_copies():
            if report.merged or report.line not in self._told:
                self._told.add(report.line)
                self._tell(report.line[0].upper() + report.line[1:] + ".", report.merged)

    def fail(self, error: DataFileError | MissingFolder) -> None:
        """Show why the data file cannot be used, once; the app then ends with status 3."""
        if self.data_problem is None:
            self.data_problem = show_safely(self.store.describe_problem(error))
            self._show_problem(self.data_problem)


class HasSession(Protocol):
    """An app that holds an AppSession: how a view reaches the data file without importing the app."""

    session: AppSession
