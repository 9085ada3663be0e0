"""The footer every screen shows: the keys the screen takes now, on one line drawn by one widget."""

from collections import defaultdict
from itertools import groupby
from typing import NamedTuple

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.app import App
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget

ALL, VIEW, APP = "all", "view", "app"  # which keys a footer shows: all, the view's own, or the app's

GAP = "  "  # after each key and each group's label, so "Move  a Add" never reads "Movea Add"
PALETTE_RULE = "▏"  # the thin line between the keys and the palette's key, on the right


class ShownKey(NamedTuple):
    """A key as the footer shows it; clicking it presses `key`."""

    key: str
    display: str  # how it is written: "c", "^p", "←"
    description: str  # "" for a key in a group: the group's label follows its keys
    enabled: bool
    tooltip: str


Line = tuple[tuple[ShownKey | str, ...], ShownKey | None]  # the keys and group labels, then the palette's key


class KeysFooter(Widget):
    """The screen's keys, as Textual's compact Footer shows them, drawn as one line.

    Textual's Footer mounts a widget for every key (twelve for Today's nine keys), and those were
    the largest single cost of the first screen (about 15 ms, docs/speed.md). One widget draws the
    same line, and does what the keys did: a click presses the key (a disabled one rings the bell),
    the key under the pointer is lit and gives its tooltip, and the line follows the keys on offer
    as focus moves. Groups of keys (thlbg Views) are drawn compact; the palette's key keeps to the
    right, and the rest is cut at the edge rather than scrolled.
    """

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {
        "keys-footer--key",
        "keys-footer--description",
        "keys-footer--hovered",
        "keys-footer--disabled",
        "keys-footer--rule",
    }
    DEFAULT_CSS = """
    KeysFooter {
        dock: bottom;
        height: 1;
    }
    """

    def __init__(self, *, show_command_palette: bool = True, keys: str = ALL) -> None:
        super().__init__()
        self.show_command_palette = show_command_palette
        self.keys = keys  # a view with more keys than 80 columns hold splits them over two footers: VIEW above APP
        self._drawn: Line | None = None
        self._columns: list[tuple[int, int, ShownKey]] = []  # where each key was drawn, for the pointer
        self._hovered: int | None = None  # the index in _columns of the key under the pointer

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        if screen is self.screen and self._line() != self._drawn:
            self._point_at(None)
            self.refresh()

    def _shows(self, node: object) -> bool:
        return self.keys == ALL or (self.keys == APP) == isinstance(node, App)

    def _shown(self, binding: Binding, description: str, enabled: bool, tooltip: str) -> ShownKey:
        return ShownKey(binding.key, self.app.get_key_display(binding), description, enabled, tooltip)

    def _line(self) -> Line:
        """The screen's keys, grouped and ordered as Textual 8.2.8's Footer composes them."""
        active = self.screen.active_bindings
        by_action: defaultdict[str, list[tuple[Binding, bool, str]]] = defaultdict(list)
        for node, binding, enabled, tooltip in active.values():
            if binding.show and self._shows(node):
                by_action[binding.action].append((binding, enabled, tooltip))
        parts: list[ShownKey | str] = []
        for group, grouped in groupby(by_action.values(), lambda bindings: bindings[0][0].group):
            firsts = [bindings[0] for bindings in grouped]  # an action's first key stands for its others
            if group is not None and len(firsts) > 1:
                parts += [
                    self._shown(binding, "", enabled, tooltip or binding.description)
                    for binding, enabled, tooltip in firsts
                ]
                parts.append(group.description)
            else:
                parts += [
                    self._shown(binding, binding.description, enabled, tooltip) for binding, enabled, tooltip in firsts
                ]
        palette = None
        found = active.get(self.app.COMMAND_PALETTE_BINDING)
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE and found and self._shows(found.node):
            binding = found.binding
            palette = self._shown(binding, binding.description, found.enabled, binding.tooltip or binding.description)
        return tuple(parts), palette

    def render(self) -> Text:
        self._drawn = parts, palette = self._line()
        self._columns = []
        line = Text(no_wrap=True, end="")
        for part, following in zip(parts, (*parts[1:], None)):
            if isinstance(part, str):
                line.append(part, self.get_component_rich_style("keys-footer--description"))
                line.append(GAP)
            else:
                self._add_key(line, part)
                if part.description:
                    line.append(GAP)
                elif isinstance(following, str):
                    line.append(" ")  # between a group's keys and its label
        if palette is not None:
            width = 1 + cell_len(palette.display) + 1 + cell_len(palette.description)
            room = max(0, self.size.width - width)
            self._columns = [(start, min(end, room), shown) for start, end, shown in self._columns if start < room]
            line.truncate(room, pad=True)
            line.append(PALETTE_RULE, self.get_component_rich_style("keys-footer--rule"))
            self._add_key(line, palette)
        return line

    def _add_key(self, line: Text, shown: ShownKey) -> None:
        start = line.cell_len
        line.append(shown.display, self.get_component_rich_style("keys-footer--key"))
        if shown.description:
            line.append(f" {shown.description}", self.get_component_rich_style("keys-footer--description"))
        if not shown.enabled:
            line.stylize(self.get_component_rich_style("keys-footer--disabled", partial=True), start)
        if self._hovered == len(self._columns):
            hovered = self.get_component_rich_style("keys-footer--hovered")
            line.stylize(Style(bgcolor=hovered.bgcolor), start)
        self._columns.append((start, line.cell_len, shown))

    def _key_at(self, x: int) -> int | None:
        return next((index for index, (start, end, _) in enumerate(self._columns) if start <= x < end), None)

    def _point_at(self, index: int | None) -> None:
        if index == self._hovered:
            return
        self._hovered = index
        self.set_class(index is not None, "-pointing")
        self.tooltip = None if index is None else self._columns[index][2].tooltip or None
        self.refresh()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._point_at(self._key_at(event.x))

    def on_leave(self) -> None:
        self._point_at(None)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        index = self._key_at(event.x)
        if index is None:
            return
        shown = self._columns[index][2]
        if shown.enabled:
            self.app.simulate_key(shown.key)
        else:
            self.app.bell()


def enter_confirms(description: str, tooltip: str) -> Binding:
    """enter, for a dialog whose fields are Inputs: the dialog's `confirm` action, named in its footer.

    A priority binding, so the footer shows it over the focused Input's own enter, which it hides;
    the dialog's `confirm_in_turn` (dialogs/in_turn.py) then confirms once the field has taken every
    key typed before it.
    """
    return Binding("enter", "confirm_in_turn", description, key_display="enter", tooltip=tooltip, priority=True)
