"""Keys that reach a dialog in one read of the terminal are taken in the order they were typed.

Textual puts each key it reads in the focused field's own queue, but runs a priority binding as it
reads it, and moves focus on tab only once the field ahead of it has passed the tab on. So keys
typed ahead over a slow link, or sent by a script in one write, went astray: "heavy" then enter
confirmed the check-in before the note field had taken "heavy" (the session was saved without its
note), and "heavy", tab, "squat" put the squat in the note. Here enter waits until the focused
field has taken every key before it, and tab moves on at once, so the keys after it go to the next
field, as they would typed one by one.
"""

from textual.binding import Binding

# Priority bindings, so they act as the key is read, before the keys after it are handed out.
GOES_BACK_AT_ONCE = Binding("shift+tab", "focus_previous_at_once", show=False, priority=True)
MOVES_ON_AT_ONCE = [Binding("tab", "focus_next_at_once", show=False, priority=True), GOES_BACK_AT_ONCE]


class TakesKeysInTurn:
    """For a dialog whose enter is `enter_confirms` (it confirms with the dialog's `confirm` action).

    A dialog of more than one field also puts MOVES_ON_AT_ONCE in its BINDINGS.
    """

    def action_confirm_in_turn(self) -> None:
        """Confirm once the focused field has taken every key typed before this enter."""
        focused = self.focused  # type: ignore[attr-defined]
        if focused is None:
            self.action_confirm()  # type: ignore[attr-defined]
        else:
            focused.call_later(self._confirm_if_still_open)

    def _confirm_if_still_open(self) -> None:
        # A second enter in the same read finds the dialog closed by the first.
        if self.is_active:  # type: ignore[attr-defined]
            self.action_confirm()  # type: ignore[attr-defined]

    def action_focus_next_at_once(self) -> None:
        self.focus_next()  # type: ignore[attr-defined]

    def action_focus_previous_at_once(self) -> None:
        self.focus_previous()  # type: ignore[attr-defined]
