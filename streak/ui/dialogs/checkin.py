"""Small dialogs that return a value to the screen that opened them."""

from datetime import date
from typing import NamedTuple

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.events import DescendantFocus
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, OptionList, Static

from streak.core.errors import InputError
from streak.core.history.model import MAX_NOTE_LENGTH, History, Lift, Session, clean_note
from streak.core.lifts.lift import (
    LiftTextError,
    check_lift,
    check_lift_count,
    close_exercise,
    e1rm_kg,
    exercise_candidates,
    format_lift,
    known_exercises,
    parse_lift,
)
from streak.core.phrases import in_units, short_day
from streak.core.text import show_safely
from streak.ui.dialogs.in_turn import GOES_BACK_AT_ONCE, TakesKeysInTurn
from streak.ui.widgets.footer import KeysFooter, enter_confirms


class CheckInEntry(NamedTuple):
    """What the check-in dialog hands back: the note (None for none) and the lifts, in the order added."""

    note: str | None
    lifts: tuple[Lift, ...]


# enter adds the lift on the lift line while one is typed, and the footer says so: this binding is shown
# then and the dialog's confirming one otherwise (check_action). Both wait for the keys before them,
# and action_confirm then does what the line holds by that time.
ADDS_THE_LIFT = Binding(
    "enter",
    "add_lift_in_turn",
    "Add lift",
    key_display="enter",
    tooltip="Add the lift typed to the list",
    priority=True,
)


class CheckInDialog(TakesKeysInTurn, ModalScreen[CheckInEntry | None]):
    """Ask for an optional note and lifts; enter on an empty lift line confirms, escape cancels (None).

    A lift typed on the lift line is checked as it is typed, its exercise name completed from the
    catalogue and the person's own log (→ takes the suggestion); enter adds it to the list below,
    where delete takes a lift back out.
    """

    CSS_PATH = "dialogs.tcss"
    VERB = "Check in leg day for"
    BINDINGS = [
        ADDS_THE_LIFT,
        enter_confirms("Check in", "Record the session, with its note and lifts"),
        Binding("escape", "cancel", "Cancel", tooltip="Close without checking in"),
        # The Inputs bind both keys themselves, so this shows and acts only on the list of lifts.
        Binding(
            "delete,backspace", "remove_lift", "Remove lift", key_display="del", tooltip="Take the highlighted lift out"
        ),
        # Only while the lift line offers a close name for a new one; otherwise tab moves on as everywhere.
        # Priority bindings, as in_turn.py says why: keys typed after them go to the field they lead to.
        Binding("tab", "accept_close_name", "Did you mean", show=False, priority=True),
        GOES_BACK_AT_ONCE,
    ]
    CONFIRMS = "check in"

    def __init__(
        self,
        day: date,
        history: History,
        *,
        session: Session | None = None,
        cursor_blink: bool = True,
    ) -> None:
        super().__init__()
        self.day = day
        self.history = history
        self.lifts: list[Lift] = list(session.lifts) if session else []
        self.note = (session.note or "") if session else ""
        # The note as the field shows it. One from a hand-edited file or a synced copy may hold escapes
        # (shown as visible \x1b, never sent to the terminal) or be over 500 characters (two versions
        # joined): left as it is, it is saved as it is, and only a note typed here is held to the rules.
        self.shown_note = show_safely(self.note)
        self.cursor_blink = cursor_blink
        # Gathered once: the whole training log would otherwise be scanned again at every key press.
        self.known = known_exercises(history)

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(f"{self.VERB} {short_day(self.day)}", id="dialog-title")
            # Nothing is selected on focus: a note being edited must not go with the first key typed.
            note = Input(
                self.shown_note,
                placeholder="Note (optional): how did it go?",
                max_length=max(MAX_NOTE_LENGTH, len(self.shown_note)),
                select_on_focus=False,
                id="note",
            )
            lift = Input(
                placeholder="Lift (optional): back squat 5x5 100kg, then enter",
                suggester=SuggestFromList(exercise_candidates(self.known), case_sensitive=False),
                select_on_focus=False,
                id="lift",
            )
            for field in (note, lift):
                field.cursor_blink = self.cursor_blink
                yield field
            yield OptionList(id="lift-list", markup=False)
            yield Static("", id="dialog-error", markup=False)
            yield Static(self._hint(on_list=False), id="dialog-hint")
        yield KeysFooter()

    def on_mount(self) -> None:
        self._show_lifts()

    def _show_lifts(self, highlighted: int | None = None) -> None:
        listed = self.query_one("#lift-list", OptionList)
        listed.set_options(f"• {show_safely(format_lift(lift))}" for lift in self.lifts)
        listed.display = bool(self.lifts)
        if self.lifts:
            listed.highlighted = min(
                highlighted if highlighted is not None else len(self.lifts) - 1, len(self.lifts) - 1
            )

    @on(DescendantFocus)
    def _explain_focus(self, event: DescendantFocus) -> None:
        """Say what the keys do in the part that has the focus."""
        self.query_one("#dialog-hint", Static).update(self._hint(on_list=event.widget.id == "lift-list"))

    def _hint(self, *, on_list: bool) -> str:
        if on_list:
            return f"↑↓: choose a lift   del: take it out   enter: {self.CONFIRMS}"
        return f"tab: next field   enter on an empty lift line: {self.CONFIRMS}"

    def _error(self, error: InputError | str) -> None:
        # A lift's problem alone: its text is right there on the lift line, and the problem says what fits.
        text = show_safely(error.problem if isinstance(error, LiftTextError) else str(error))
        self.query_one("#dialog-error", Static).update(text[:1].upper() + text[1:])

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """enter is named "Add lift" while a lift is typed, and the dialog's own confirming otherwise."""
        if action in ("add_lift_in_turn", "confirm_in_turn"):
            lift_typed = self.is_mounted and bool(self.query_one("#lift", Input).value.strip())
            return lift_typed == (action == "add_lift_in_turn")
        return True

    def action_add_lift_in_turn(self) -> None:
        self.action_confirm_in_turn()

    @on(Input.Changed, "#lift")
    def _check_lift(self, event: Input.Changed) -> None:
        """Say what is wrong with a lift while it is typed, before enter can take it."""
        self.refresh_bindings()  # enter's name in the footer follows whether a lift is typed
        text = event.value.strip()
        if not text:
            self._error("")
            return
        try:
            lift, close = self._read_lift(text)
        except InputError as error:
            self._error(error)
            return
        if close is not None:
            # A likely typo: enter still adds it as typed (it may be a new exercise), tab takes the close name.
            self.query_one("#dialog-error", Static).update(
                f"New exercise {show_safely(lift.exercise)}: did you mean {close}? tab accepts, enter keeps it"
            )
            return
        e1rm = e1rm_kg(lift)
        estimate = f", estimated one-rep max {in_units(e1rm, self.history.units)}" if e1rm else ""
        self.query_one("#dialog-error", Static).update(f"✓ {format_lift(lift)}{estimate} (enter adds it)")

    def action_accept_close_name(self) -> None:
        """Put the offered name in place of the new one on the lift line; without an offer, tab moves on."""
        lift_field = self.query_one("#lift", Input)
        if self.focused is not lift_field:
            self.focus_next()  # at once: this binding takes the screen's own tab, so it does the screen's work too
            return
        # Whether a name is on offer depends on the keys before this tab, which the line may not have
        # taken yet: it decides once it has (keys typed after the tab then go to the line either way).
        lift_field.call_later(self._accept_close_name_or_move_on)

    def _accept_close_name_or_move_on(self) -> None:
        lift_field = self.query_one("#lift", Input)
        offered = self._close_name_offered(lift_field.value.strip())
        if offered is None or self.focused is not lift_field:
            self.focus_next()
            return
        lift_field.value = format_lift(offered)
        lift_field.cursor_position = len(lift_field.value)

    def _read_lift(self, text: str) -> tuple[Lift, str | None]:
        """The lift `text` names, and a known exercise's name close to its new one if there is one; InputError if it names none."""
        lift = parse_lift(text, self.history.units, self.known)
        return lift, close_exercise(lift.exercise, self.known)

    def _close_name_offered(self, text: str) -> Lift | None:
        """The lift `text` names, with the known name close to its new exercise's; None when no name is offered."""
        try:
            lift, close = self._read_lift(text)
        except InputError:
            return None
        return None if close is None else lift._replace(exercise=close)

    def action_confirm(self) -> None:
        """Add the lift being typed, if any; otherwise check the note and hand everything back."""
        lift_field = self.query_one("#lift", Input)
        if lift_field.value.strip():
            try:
                lift = parse_lift(lift_field.value, self.history.units, self.known)
                check_lift(lift)  # the lifts already listed may come from a file: only the new one is held to the rules
                check_lift_count((*self.lifts, lift))
            except InputError as error:
                self._error(error)
                return
            self.lifts.append(lift)
            lift_field.value = ""
            self._error("")
            self._show_lifts()
            lift_field.focus()
            return
        typed = self.query_one("#note", Input).value
        try:
            note = (self.note or None) if typed == self.shown_note else clean_note(typed)
        except InputError as error:
            self._error(error)
            return
        self.dismiss(CheckInEntry(note, tuple(self.lifts)))

    def action_remove_lift(self) -> None:
        """Take the highlighted lift off the session; the lift line gets the focus back when none are left."""
        listed = self.query_one("#lift-list", OptionList)
        index = listed.highlighted
        if index is None or not 0 <= index < len(self.lifts):
            return
        del self.lifts[index]
        self._show_lifts(index)
        if not self.lifts:
            self.query_one("#lift", Input).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)


class EditSessionDialog(CheckInDialog):
    """The check-in dialog over a recorded session: its note and lifts are changed, and enter saves them."""

    VERB = "Edit the session of"
    BINDINGS = [
        ADDS_THE_LIFT,  # again: a class's own enter bindings take the place of those it inherits
        enter_confirms("Save", "Save the note and lifts"),
        Binding("escape", "cancel", "Cancel", tooltip="Close without changing the session"),
    ]
    CONFIRMS = "save"

    def __init__(self, session: Session, history: History, *, cursor_blink: bool = True) -> None:
        super().__init__(session.day, history, session=session, cursor_blink=cursor_blink)


class ConfirmDialog(ModalScreen[bool]):
    """A yes-or-no question; y or enter says yes, n or escape says no."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [
        Binding("y,enter", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(self.question, id="dialog-title", markup=False)
            yield Static("y: yes    n: no", id="dialog-hint")
        yield KeysFooter()

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
