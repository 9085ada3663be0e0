"""The footer every screen shows: Textual's, drawn with the screen's first frame and rebuilt only when its keys change."""

from collections import defaultdict
from itertools import groupby

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Footer
from textual.widgets._footer import FooterKey, FooterLabel, KeyGroup

ALL, VIEW, APP = "all", "view", "app"  # which keys a footer shows: all, the view's own, or the app's


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

    def __init__(self, *, show_command_palette: bool = True, keys: str = ALL) -> None:
        super().__init__(compact=True, show_command_palette=show_command_palette)
        self.set_reactive(Footer._bindings_ready, True)
        self._shown: tuple[object, ...] | None = None
        self.keys = keys  # a view with more keys than 80 columns hold splits them over two footers: VIEW above APP

    def _shows(self, node: object) -> bool:
        return self.keys == ALL or (self.keys == APP) == isinstance(node, App)

    def _keys(self) -> tuple[object, ...]:
        """What the footer shows of the screen's bindings now."""
        return tuple(
            (binding.key, binding.action, binding.description, binding.group, enabled, tooltip)
            for node, binding, enabled, tooltip in self.screen.active_bindings.values()
            if (binding.show or binding.key == self.app.COMMAND_PALETTE_BINDING) and self._shows(node)
        )

    def compose(self) -> ComposeResult:
        self._shown = self._keys()
        for widget in self._compose_keys():
            if isinstance(widget, FooterKey):
                # Born compact, as every key here ends up: otherwise each restyles itself as it mounts.
                widget.add_class("-compact", update=False)
            yield widget

    def _compose_keys(self) -> ComposeResult:
        """Textual 8.2.8's Footer.compose, less the keys this footer leaves to the other one."""
        active = self.screen.active_bindings
        by_action: defaultdict[str, list[tuple[Binding, bool, str]]] = defaultdict(list)
        for node, binding, enabled, tooltip in active.values():
            if binding.show and self._shows(node):
                by_action[binding.action].append((binding, enabled, tooltip))
        for group, grouped in groupby(by_action.values(), lambda bindings: bindings[0][0].group):
            actions = list(grouped)
            if group is not None and len(actions) > 1:
                with KeyGroup(classes="-compact" if group.compact else ""):
                    for binding, enabled, tooltip in (bindings[0] for bindings in actions):
                        yield self._key(binding, "", enabled, tooltip or binding.description, "-grouped")
                yield FooterLabel(group.description)
            else:
                for binding, enabled, tooltip in (bindings[0] for bindings in actions):
                    yield self._key(binding, binding.description, enabled, tooltip, "")
        palette = active.get(self.app.COMMAND_PALETTE_BINDING)
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE and palette and self._shows(palette.node):
            _node, binding, enabled, tooltip = palette
            yield self._key(
                binding, binding.description, enabled, binding.tooltip or binding.description, "-command-palette"
            )

    def _key(self, binding: Binding, description: str, enabled: bool, tooltip: str, classes: str) -> FooterKey:
        key = FooterKey(
            binding.key,
            self.app.get_key_display(binding),
            description,
            binding.action,
            disabled=not enabled,
            tooltip=tooltip,
            classes=classes,
        )
        return key.data_bind(compact=Footer.compact)

    def bindings_changed(self, screen) -> None:  # noqa: ANN001 - Textual's signature
        if self.is_attached and screen is self.screen and self._keys() == self._shown:
            return
        super().bindings_changed(screen)


def enter_confirms(description: str, tooltip: str) -> Binding:
    """enter, for a dialog whose fields are Inputs: the dialog's `confirm` action, named in its footer.

    A priority binding, so the footer shows it over the focused Input's own enter, which it hides;
    the dialog's `confirm_in_turn` (dialogs/in_turn.py) then confirms once the field has taken every
    key typed before it.
    """
    return Binding("enter", "confirm_in_turn", description, key_display="enter", tooltip=tooltip, priority=True)
