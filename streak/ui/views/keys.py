"""Every key a view takes, with what it does, read from the same bindings as the footer and the palette."""

from typing import NamedTuple

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Grid, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Label

from streak.ui.widgets.footer import KeysFooter

MANY_KEYS = 3  # more keys than this for one action are shown as a range: 1…7


class KeyRow(NamedTuple):
    """One line of the keys screen: the key (or keys), its name and what it does."""

    keys: str
    name: str
    does: str
    everywhere: bool


def _keys_text(displays: list[str]) -> str:
    return f"{displays[0]}…{displays[-1]}" if len(displays) > MANY_KEYS else " ".join(displays)


def key_rows(screen: Screen) -> list[KeyRow]:
    """The keys `screen` takes now: those in its footer, and hidden ones that explain themselves (a tooltip).

    Keys with the same name share a row (q and ctrl+q both quit), the footer's key first.
    """
    app = screen.app
    found: dict[tuple[str, bool], list[tuple[bool, int, str, str]]] = {}
    for index, active in enumerate(screen.active_bindings.values()):
        binding = active.binding
        if not active.enabled or not binding.description or not (binding.show or binding.tooltip):
            continue
        if binding.key == app.COMMAND_PALETTE_BINDING:
            continue
        display = binding.key_display or app.get_key_display(binding)
        found.setdefault((binding.description, isinstance(active.node, App)), []).append(
            (not binding.show, index, display, binding.tooltip or binding.description)
        )
    rows = []
    for (name, everywhere), keys in sorted(found.items(), key=lambda item: min(item[1])[:2]):
        keys.sort()  # the footer's key first
        displays = list(dict.fromkeys(display for _, _, display, _ in keys))
        rows.append(KeyRow(_keys_text(displays), name, keys[0][3], everywhere))
    if len(screen.focus_chain) > 1:
        rows.append(KeyRow("tab", "Next area", "Go to the next part of the view (shift+tab: back)", False))
    if app.ENABLE_COMMAND_PALETTE:
        palette = app.get_key_display(Binding(app.COMMAND_PALETTE_BINDING, "command_palette"))
        rows.append(KeyRow(palette, "Palette", "Search every action here by name and run it", True))
    return [row for row in rows if not row.everywhere] + [row for row in rows if row.everywhere]


class KeysScreen(ModalScreen[None]):
    """The keys of the view beneath, in a box that scrolls with the arrow and page keys; ? or escape closes it."""

    CSS_PATH = "keys.tcss"
    BINDINGS = [
        Binding("escape,question_mark", "close", "Close", key_display="esc", tooltip="Back to the view"),
    ]

    def __init__(self, view: str, rows: list[KeyRow]) -> None:
        super().__init__()
        self.view = view
        self.rows = rows

    def compose(self) -> ComposeResult:
        sections = {f"On {self.view}": [row for row in self.rows if not row.everywhere]}
        sections["Everywhere"] = [row for row in self.rows if row.everywhere]
        with VerticalScroll(id="keys") as box:
            box.border_title = f"Keys: {self.view}"
            box.border_subtitle = "↑↓ PgUp PgDn scroll · esc closes"
            for title, rows in sections.items():
                if not rows:
                    continue
                yield Label(title, classes="keys-section")
                with Grid(classes="keys-table"):
                    for row in rows:
                        yield Label(row.keys, classes="keys-key", markup=False)
                        yield Label(row.name, classes="keys-name", markup=False)
                        yield Label(row.does, classes="keys-does", markup=False)
        yield KeysFooter(show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#keys").focus()

    def action_close(self) -> None:
        self.dismiss(None)
