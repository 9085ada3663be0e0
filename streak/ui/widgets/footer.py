"""The footer every screen shows: the keys the screen takes now, on one line drawn by one widget."""

from collections import defaultdict
from functools import partial
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
    description: str
    enabled: bool
    tooltip: str
    grouped: bool = False  # in a group, whose keys run together before the group's label: "thlbg Views"


Line = tuple[tuple[ShownKey | str, ...], ShownKey | None]  # the keys and group labels, then the palette's key


class KeysFooter(Widget):
    """The screen's keys, as Textual's compact Footer shows them, drawn as one line.

    Textual's Footer mounts a widget for every key (twelve for Today's nine keys), and those were
    the largest single cost of the first screen (about 15 ms, docs/speed.md). One widget draws the
    same line, and does what the keys did: a click presses the key (a disabled one rings the bell),
    the key under the pointer is lit and gives its tooltip, and the line follows the keys on offer
    as focus moves. Groups of keys (thlbg Views) are drawn compact, as all of streak's are; the
    palette's key keeps to the right, and the rest is cut at the edge rather than scrolled.
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
        # Where each key was drawn (its first column and the one after), for the pointer and clicks.
        self._columns: list[tuple[int, int, ShownKey]] = []
        self._pointer: int | None = None  # the column the mouse pointer is on, while it is over the footer

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        if screen is self.screen and self._line() != self._drawn:
            self.refresh()
            self.call_after_refresh(self._follow_pointer)  # another key may now be under a pointer that stayed

    def on_resize(self) -> None:
        self.call_after_refresh(self._follow_pointer)

    def _shows(self, node: object) -> bool:
        return self.keys == ALL or (self.keys == APP) == isinstance(node, App)

    def _shown_key(self, binding: Binding, description: str, enabled: bool, tooltip: str, grouped: bool) -> ShownKey:
        return ShownKey(binding.key, self.app.get_key_display(binding), description, enabled, tooltip, grouped)

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
                    self._shown_key(binding, "", enabled, tooltip or binding.description, grouped=True)
                    for binding, enabled, tooltip in firsts
                ]
                parts.append(group.description)
            else:
                parts += [
                    self._shown_key(binding, binding.description, enabled, tooltip, grouped=False)
                    for binding, enabled, tooltip in firsts
                ]
        palette = None
        found = active.get(self.app.COMMAND_PALETTE_BINDING)
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE and found and self._shows(found.node):
            binding = found.binding
            tooltip = binding.tooltip or binding.description
            palette = self._shown_key(binding, binding.description, found.enabled, tooltip, grouped=False)
        return tuple(parts), palette

    def render(self) -> Text:
        self._drawn = parts, palette = self._line()
        self._columns = []
        width = self.size.width
        room = width - cell_len(PALETTE_RULE + self._label(palette)) if palette else width
        line = Text(no_wrap=True, end="")
        for part, following in zip(parts, (*parts[1:], None)):
            if isinstance(part, str):
                line.append(part, self.get_component_rich_style("keys-footer--description"))
                line.append(GAP)
            else:
                self._add_key(line, part, room)
                if not part.grouped:
                    line.append(GAP)
                elif isinstance(following, str):
                    line.append(" ")  # between a group's keys and its label
        if palette is not None:
            line.truncate(max(0, room), pad=True)
            self._add_key(line, palette, width, rule=PALETTE_RULE)  # the rule is the palette key's, as its border was
        return line

    @staticmethod
    def _label(shown: ShownKey) -> str:
        return f"{shown.display} {shown.description}" if shown.description else shown.display

    def _add_key(self, line: Text, shown: ShownKey, room: int, rule: str = "") -> None:
        """Draw `shown` at the end of `line`, lit if the pointer is on what shows of it before column `room`."""
        start = line.cell_len
        end = min(start + cell_len(rule + self._label(shown)), room)
        lit = self._pointer is not None and start <= self._pointer < end
        runs = [(rule, "keys-footer--rule"), (shown.display, "keys-footer--key")]
        if shown.description:
            runs.append((f" {shown.description}", "keys-footer--description"))
        for text, component in runs:
            style = self.get_component_rich_style(component)
            if lit and not self.get_component_styles(component).background.a:
                # Only the parts with no background of their own light up, as on Textual's FooterKey,
                # whose description keeps its background in the ANSI themes.
                style += Style(bgcolor=self.get_component_rich_style("keys-footer--hovered").bgcolor)
            line.append(text, style)
        if not shown.enabled:
            line.stylize(self.get_component_rich_style("keys-footer--disabled", partial=True), start)
        if start < end:
            self._columns.append((start, end, shown))

    def _index_at(self, column: int | None) -> int | None:
        """Which of the keys drawn is at `column`; None for none."""
        if column is None:
            return None
        return next((index for index, (start, end, _) in enumerate(self._columns) if start <= column < end), None)

    def _follow_pointer(self) -> None:
        """Give the key under the pointer its tooltip and the pointing hand; render lights it."""
        index = self._index_at(self._pointer)
        self.set_class(index is not None, "-pointing")
        self.tooltip = None if index is None else self._columns[index][2].tooltip or None

    def _point_at(self, column: int | None) -> None:
        before = self._index_at(self._pointer)
        self._pointer = column
        index = self._index_at(column)
        if index != before:
            self._follow_pointer()
            self.refresh()
            if index is not None:
                self._restart_tooltip_delay()

    def _restart_tooltip_delay(self) -> None:
        """Show the tooltip of the key just pointed at after Textual's delay, as entering another widget would.

        Textual hides a widget's tooltip when the pointer moves within it, and shows it again only
        after a further move: a single step from t to h in "thlbg" would leave no tooltip at all.
        To the person pointing each key is a widget of its own, so each starts the delay afresh. This
        leans on the Screen's `_tooltip_timer` and `_handle_tooltip_timer` (Textual 8.2.8);
        tests/app/test_app_footer.py says if they move.
        """
        if self.app._disable_tooltips:  # as in Textual's tests, unless they ask for tooltips
            return
        screen = self.screen
        if screen._tooltip_timer is not None:
            screen._tooltip_timer.stop()
        show = partial(screen._handle_tooltip_timer, self)
        screen._tooltip_timer = screen.set_timer(self.app.TOOLTIP_DELAY, show, name="tooltip-timer")

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._point_at(event.x)

    def on_leave(self) -> None:
        self._point_at(None)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        index = self._index_at(event.x)
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
