"""Goal: choose sessions a week (1 to 7), the first weekday and the lifts' units; a new goal holds from this week on."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.reactive import reactive
from textual.widgets import Digits, Static

from streak.core.dates import MONDAY, SUNDAY, week_start
from streak.core.history.edits import set_goal, set_units, set_week_start_day
from streak.core.history.model import MAX_GOAL, MIN_GOAL, History
from streak.core.history.rest import rest_spans
from streak.core.phrases import goal_change, plural, short_day, streak_effect
from streak.core.rules.status import compute_status
from streak.ui.views.base import StoreScreen
from streak.ui.widgets.footer import APP, VIEW, KeysFooter
from streak.ui.widgets.view_bar import ViewBar

STEP = Binding.Group("Goal", compact=True)
RULE = "A new goal counts from the start of this week; earlier weeks keep the goal they had."


class GoalScreen(StoreScreen):
    """Edit the goal, the first weekday and the units, then save them at once; plan rest weeks."""

    CSS_PATH = "goal.tcss"
    BINDINGS = [
        Binding("left,minus", "adjust(-1)", "Fewer", key_display="←", tooltip="One session a week fewer", group=STEP),
        Binding("right,plus", "adjust(1)", "More", key_display="→", tooltip="One session a week more", group=STEP),
        # One key in the footer stands for all seven: `1-7 Set goal`.
        *[
            Binding(
                str(n),
                f"choose({n})",
                "Set goal",
                key_display=f"{MIN_GOAL}-{MAX_GOAL}",
                show=n == MIN_GOAL,
                tooltip="Type the number of sessions a week",
            )
            for n in range(MIN_GOAL, MAX_GOAL + 1)
        ],
        Binding("w", "toggle_week_start", "Weekday", tooltip="Start weeks on Monday or on Sunday"),
        Binding("u", "toggle_units", "Units", tooltip="Read lift weights that name no unit in kg or lb"),
        Binding("r", "rest", "Rest", tooltip="Plan or clear rest weeks"),
        Binding(
            "enter,s", "save", "Save", key_display="enter", tooltip="Save the goal, the first weekday and the units"
        ),
        Binding("escape", "discard", "Undo", tooltip="Go back to what is saved"),
    ]

    goal: reactive[int] = reactive(2)
    week_start_day: reactive[str] = reactive(MONDAY)
    units: reactive[str] = reactive("kg")

    def __init__(self) -> None:
        super().__init__()
        self.saved = History()
        self.saved_goal = 2

    def on_mount(self) -> None:
        self.session.unsaved_change = self.unsaved_change  # so quitting can ask about a change not saved yet

    def compose(self) -> ComposeResult:
        yield ViewBar("goal")
        with Vertical(id="goal-editor"):
            yield Static("Sessions a week", classes="field-label")
            yield Digits("2", id="goal-digits")
            yield Static(id="week-start", classes="field")
            yield Static(RULE, id="rule")
            yield Static(id="pending")
            yield Static(id="effect", markup=False)
            yield Static(id="changes", markup=False)
            yield Static(id="rest", markup=False)
        # Without the palette key (ctrl+p still opens it; ? lists it): the Goal keys fill 80 columns.
        # Goal's keys and the app's do not fit one line of 80 columns: the view's own go on a line above.
        with Vertical(id="footers"):
            yield KeysFooter(keys=VIEW, show_command_palette=False)
            yield KeysFooter(keys=APP)

    def show_history(self, history: History) -> None:
        # A goal or first weekday chosen but not saved yet stays on screen when the file is read again
        # (the terminal focused, a change made elsewhere); escape goes back to what is saved.
        # Only what the person changed stays: a field they left follows the file (another terminal may have set it).
        goal = self.goal if self.goal != self.saved_goal else None
        week_start_day = self.week_start_day if self.week_start_day != self.saved.week_start_day else None
        units = self.units if self.units != self.saved.units else None
        self.saved = history
        self.saved_goal = compute_status(history, self.today).goal
        self.goal = goal or self.saved_goal
        self.week_start_day = week_start_day or history.week_start_day
        self.units = units or history.units
        self._redraw()

    def watch_goal(self) -> None:
        self._redraw()

    def watch_week_start_day(self) -> None:
        self._redraw()

    def watch_units(self) -> None:
        self._redraw()

    def _redraw(self) -> None:
        if not self.is_mounted:
            return
        self.query_one("#goal-digits", Digits).update(str(self.goal))
        self.query_one("#week-start", Static).update(
            f"Weeks start on {self.week_start_day.capitalize()} (w)    Lift weights in {self.units} (u)"
        )
        unsaved = self.unsaved_change()
        self.query_one("#pending", Static).update(
            f"Unsaved: {unsaved}. Press enter to save."
            if unsaved
            else f"Saved: {plural(self.saved_goal, 'session')} a week this week."
        )
        self.query_one("#pending").set_class(bool(unsaved), "-unsaved")
        effect = streak_effect(self.saved, self._edited(self.saved), self.today) if unsaved else None
        self.query_one("#effect", Static).update(f"Saving this: {effect}" if effect else "")
        rest = [f"{short_day(first)} to {short_day(last)}" for first, last in rest_spans(self.saved.rest_periods)[-3:]]
        self.query_one("#rest", Static).update(
            "Rest weeks: " + "; ".join(rest) if rest else "No rest weeks planned. Press r to plan some."
        )
        changes = [goal_change(change, self.saved.week_start_day) for change in self.saved.goal_changes]
        self.query_one("#changes", Static).update(
            "Goal changes so far:\n  " + "\n  ".join(changes[-6:])
            if changes
            else "No goal changes yet: the goal is the default, 2 a week."
        )

    def unsaved_change(self) -> str | None:
        """What is on screen but not saved, naming only what changed; None when nothing is."""
        changed = []
        if self.goal != self.saved_goal:
            this_week = week_start(self.today, self.week_start_day)
            changed.append(f"{plural(self.goal, 'session')} a week from {short_day(this_week)}")
        if self.week_start_day != self.saved.week_start_day:
            changed.append(f"weeks start on {self.week_start_day.capitalize()}, every week")
        if self.units != self.saved.units:
            changed.append(f"lift weights in {self.units}")
        return "; ".join(changed) or None

    def _unsaved(self) -> bool:
        return self.unsaved_change() is not None

    def _edited(self, history: History) -> History:
        """`history` with only the fields the person changed on screen: the first weekday for all weeks, the goal from this week on.

        `history` is the file as it is when saving: a field left alone here keeps whatever another
        terminal or machine set meanwhile.
        """
        edited = history
        if self.week_start_day != self.saved.week_start_day:
            edited = set_week_start_day(edited, self.week_start_day)
        if self.units != self.saved.units:
            edited = set_units(edited, self.units)
        if self.goal != self.saved_goal:
            edited = set_goal(edited, self.today, self.goal)
        return edited

    def action_rest(self) -> None:
        """Ask for the days to rest (or to stop resting), show what that does to the streak, then save."""
        from streak.ui.dialogs.rest import RestChange, RestDialog

        def answered(change: RestChange | None) -> None:
            if change is not None and self.change(lambda history: (change.apply(history), True)):
                title = "Rest cleared" if change.clear else "Rest planned"
                self.notify(f"{short_day(change.first)} to {short_day(change.last)}", title=title)

        self.app.push_screen(RestDialog(self.saved, self.today), answered)

    def action_adjust(self, step: int) -> None:
        self.goal = min(max(self.goal + step, MIN_GOAL), MAX_GOAL)

    def action_choose(self, goal: int) -> None:
        self.goal = goal

    def action_toggle_week_start(self) -> None:
        self.week_start_day = SUNDAY if self.week_start_day == MONDAY else MONDAY

    def action_toggle_units(self) -> None:
        self.units = "lb" if self.units == "kg" else "kg"

    def action_discard(self) -> None:
        self.goal, self.week_start_day, self.units = self.saved_goal, self.saved.week_start_day, self.saved.units
        self.reload()

    def action_save(self) -> None:
        """Save what changed: the first weekday for all weeks, the goal from this week on."""
        if not self._unsaved():
            self.notify("Nothing to save.")
            return
        goal, week_start_day, units = self.goal, self.week_start_day, self.units
        if self.change(lambda history: (self._edited(history), True)):
            self.notify(
                f"{plural(goal, 'session')} a week, weeks starting on {week_start_day.capitalize()},"
                f" lift weights in {units}.",
                title="Saved",
            )
