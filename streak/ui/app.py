"""The streak terminal app: Today, History, Lifts, Badges and Goal as Textual modes over one store; keyboard first, fits 80x24."""

import gc
import random
from collections.abc import Callable, Iterable
from datetime import date
from functools import partial
from typing import TYPE_CHECKING

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.geometry import Size
from textual.screen import Screen

from streak.core.text import show_safely
from streak.storage.paths import DataPath
from streak.storage.store import Store
from streak.ui.session import AppSession
from streak.ui.views.base import StoreScreen
from streak.ui.views.today import TodayScreen

if TYPE_CHECKING:
    from streak.core.tips.choice import Pick
    from streak.ui.views.too_small import TooSmallScreen

VIEWS = Binding.Group("Views", compact=True)

VIEW_NAMES = {"today": "Today", "history": "History", "lifts": "Lifts", "badges": "Badges", "goal": "Goal"}
WATCH_SECONDS = 1.0  # how often the open app looks for changes to the data file and for a new day
MIN_SIZE = Size(80, 24)  # SPEC.md's terminal: every view and dialog is laid out to fit it whole
REPLACED_COMMANDS = ("Keys", "Quit")  # Textual's palette entries that the app's own bindings already offer


# The views after Today are imported when first opened, so the first screen does not wait for them.
def _history() -> Screen:
    from streak.ui.views.history import HistoryScreen

    return HistoryScreen()


def _lifts() -> Screen:
    from streak.ui.views.lifts import LiftsScreen

    return LiftsScreen()


def _badges() -> Screen:
    from streak.ui.views.badges import BadgesScreen

    return BadgesScreen()


def _goal() -> Screen:
    from streak.ui.views.goal import GoalScreen

    return GoalScreen()


class StreakApp(App[str]):
    """Check in leg day, watch the streak, browse history and badges, set the goal.

    The app's result is the data-file problem that ended it, if one did.
    """

    TITLE = "streak"
    # Today's styles load with the app's: as its own screen CSS they would make Textual re-parse
    # the whole stylesheet (twice) before the first frame. The other views bring theirs when opened.
    CSS_PATH = ["app.tcss", "views/today.tcss"]
    # Today, the first screen, is the default screen rather than one of MODES: Textual waits for a
    # mode's screen to mount before painting anything and then re-parses the whole stylesheet, which
    # put the first frame ~50 ms later. It joins the modes as it is created (get_default_screen).
    MODES = {"history": _history, "lifts": _lifts, "badges": _badges, "goal": _goal}
    DEFAULT_MODE = "today"
    BINDINGS = [
        Binding(
            "t", "switch_mode('today')", "Today", tooltip="Today's check-in, this week and the streak", group=VIEWS
        ),
        Binding(
            "h",
            "switch_mode('history')",
            "History",
            tooltip="The last 52 weeks as a heat map, and every week",
            group=VIEWS,
        ),
        Binding(
            "l", "switch_mode('lifts')", "Lifts", tooltip="The training log: best lifts, records, progress", group=VIEWS
        ),
        Binding("b", "switch_mode('badges')", "Badges", tooltip="Every badge, earned or in progress", group=VIEWS),
        Binding(
            "g", "switch_mode('goal')", "Goal", tooltip="The weekly goal, the first weekday and rest weeks", group=VIEWS
        ),
        Binding("question_mark", "toggle_keys", "Keys", key_display="?", tooltip="Show or hide every key"),
        Binding("q", "quit", "Quit", tooltip="Quit streak"),
    ]

    def __init__(
        self,
        store: Store,
        *,
        today: Callable[[], date] = date.today,
        pick: "Pick | None" = None,
        cursor_blink: bool = True,
        watch_seconds: float | None = WATCH_SECONDS,
    ) -> None:
        super().__init__()
        self.session = AppSession(
            store,
            today=today,
            pick=pick or random.Random().choice,
            cursor_blink=cursor_blink,
            tell=self.tell_about_copy,
            show_problem=self.show_data_problem,
        )
        self.watch_seconds = watch_seconds
        self.size_notice: TooSmallScreen | None = None

    def get_default_screen(self) -> Screen:
        """Today, the first screen; from now on `switch_mode('today')` comes back to it."""
        self.add_mode("today", TodayScreen)
        return TodayScreen()

    def show_data_problem(self, problem: str) -> None:
        """Cover everything with the problem screen; the app then exits with status 3."""
        from streak.ui.views.problem import DataProblemScreen

        self.push_screen(DataProblemScreen(problem))

    def tell_about_copy(self, line: str, merged: bool) -> None:
        """A notification about a conflict copy beside the data file: merged, or left where it is and why."""
        # The line names the copy's file, which a sync tool named after a device: shown with escapes visible.
        self.notify(
            show_safely(line),
            title="Synced copy",
            severity="information" if merged else "warning",
            timeout=12,
            markup=False,
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Once the data file has failed, the only way on is out: no other view may open over it."""
        if action in ("switch_mode", "toggle_keys") and self.session.data_problem:
            return False
        return True

    def on_mount(self) -> None:
        self.fit_to(self.size)
        if self.watch_seconds:
            self.set_interval(self.watch_seconds, self.look_again, name="look again")

    def look_again(self) -> None:
        """Redraw the view if the data file changed on disk or the day turned since the view last read it.

        Two stats and a look at the clock every `watch_seconds`, nothing read unless they differ: a
        `streak checkin` from another terminal, a synced file or conflict copy, and midnight show by themselves.
        """
        # The timer can tick while the app starts or stops: no screen yet, or one whose widgets are not mounted.
        screen = self.screen_stack[-1] if self.screen_stack else None
        if isinstance(screen, StoreScreen) and screen.is_mounted and self.session.is_stale():
            screen.reload()

    def on_ready(self) -> None:
        """The first frame is on the screen: the garbage collector, held off while starting (launch), may run again."""
        gc.enable()

    def on_resize(self, event: events.Resize) -> None:
        self.fit_to(event.size)

    def fit_to(self, size: Size) -> None:
        """Below the smallest size the layout fits, cover it with a notice saying the size needed; above, remove it."""
        if size.width >= MIN_SIZE.width and size.height >= MIN_SIZE.height:
            if self.size_notice is not None and self.screen is self.size_notice:
                self.pop_screen()
            self.size_notice = None
        elif self.size_notice is not None:
            self.size_notice.show_size(size)
        else:
            from streak.ui.views.too_small import TooSmallScreen  # loaded only once a terminal is too small

            self.size_notice = TooSmallScreen(size, MIN_SIZE)
            self.push_screen(self.size_notice)

    def on_app_focus(self, event: events.AppFocus) -> None:
        """Coming back to the terminal: another process may have changed the file meanwhile."""
        if isinstance(self.screen, StoreScreen):
            self.screen.reload()

    async def action_quit(self) -> None:
        """Quit, unless a goal change is on the Goal view but not saved: then ask first."""
        ask = self.session.unsaved_change
        unsaved = ask() if ask is not None else None
        if unsaved is None or self.session.data_problem:
            self.exit()
            return
        from streak.ui.dialogs.checkin import ConfirmDialog  # Input and its validators load on first use

        def answered(yes: bool | None) -> None:
            if yes:
                self.exit()
            else:
                self.switch_mode("goal")

        self.push_screen(ConfirmDialog(f"The Goal view's change is not saved ({unsaved}). Quit anyway?"), answered)

    def action_toggle_keys(self) -> None:
        """Show every key of the view in a box over it (the box's own ? closes it)."""
        from streak.ui.views.keys import KeysScreen, key_rows

        self.push_screen(KeysScreen(VIEW_NAMES.get(self.current_mode, "streak"), key_rows(self.screen)))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The palette offers every key the screen shows in its footer, from the same bindings, once each.

        Textual's own Keys (its help panel) and Quit are left out: the footer's ? and q do those.
        """
        titles = set()
        for active in screen.active_bindings.values():
            binding = active.binding
            if binding.show and binding.description and active.enabled:
                key = binding.key_display or self.get_key_display(binding)
                title = f"{binding.description} ({key})"
                if title not in titles:
                    titles.add(title)
                    yield SystemCommand(title, binding.tooltip, partial(self.run_action, binding.action, active.node))
        if isinstance(screen, StoreScreen) and not self.session.data_problem:
            yield SystemCommand(
                "Import",
                "Bring in sessions from a streak export, Loop Habit Tracker, harsh or oidia",
                screen.action_import,
            )
        for command in super().get_system_commands(screen):
            if command.title not in REPLACED_COMMANDS:
                yield command


def build_app(
    path: str | DataPath,
    *,
    today: Callable[[], date] = date.today,
    pick: "Pick | None" = None,
    cursor_blink: bool = True,
    watch_seconds: float | None = WATCH_SECONDS,
) -> StreakApp:
    """The app on the data file at `path`; tests pin `today`, seed `pick` and set (or switch off) `watch_seconds`."""
    return StreakApp(
        Store(path),
        today=today,
        pick=pick,
        cursor_blink=cursor_blink,
        watch_seconds=watch_seconds,
    )
