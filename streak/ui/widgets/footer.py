"""The footer every screen shows: Textual's, drawn with the screen's first frame and rebuilt only when its keys change."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class KeysFooter(Footer):
    """Textual's Footer, always compact, with its start-up costs taken out.

    Textual's Footer composes nothing until the screen first announces its bindings, then rebuilds
    itself after the next repaint, and again on every later announcement, changed or not. Each
    rebuild mounts a widget per key (about 30 ms for Today's nine), and the first one cost the
    first screen a whole extra frame. This one composes its keys with the screen and rebuilds
    only when the keys it shows (or whether each is enabled) have changed.

    It leans on two of the Footer's insides, as of Textual 8.2.8: its `_bindings_ready` flag and
    its FooterKey class. tests/app/test_app_startup.py and the footer snapshots say if they move.
    """

    def __init__(self, *, show_command_palette: bool = True) -> None:
        super().__init__(compact=True, show_command_palette=show_command_palette)
        self.set_reactive(Footer._bindings_ready, True)
        self._shown: tuple[object, ...] | None = None

    def _keys(self) -> tuple[object, ...]:
        """What the footer shows of the screen's bindings now."""
        return tuple(
            (binding.key, binding.action, binding.description, binding.group, enabled, tooltip)
            for _node, binding, enabled, tooltip in self.screen.active_bindings.values()
            if binding.show or binding.key == self.app.COMMAND_PALETTE_BINDING
        )

    def compose(self) -> ComposeResult:
        self._shown = self._keys()
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                # Born compact, as every key here ends up: otherwise each restyles itself as it mounts.
                widget.add_class("-compact", update=False)
            yield widget

    def bindings_changed(self, screen) -> None:  # noqa: ANN001 - Textual's signature
        if self.is_attached and screen is self.screen and self._keys() == self._shown:
            return
        super().bindings_changed(screen)


def enter_confirms(description: str, tooltip: str) -> Binding:
    """enter, for a dialog whose fields are Inputs: the dialog's `confirm` action, named in its footer.

    A priority binding, so the footer shows it over the focused Input's own enter, which it hides.
    """
    return Binding("enter", "confirm", description, key_display="enter", tooltip=tooltip, priority=True)
