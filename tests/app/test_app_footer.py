"""The footer, drawn as one line: what a click on a key does, the key under the pointer, and keys that change."""

from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.command import CommandPalette
from textual.screen import Screen
from textual.widgets import Static, Tooltip

from app_driver import make_app, screen_lines, until
from streak.ui.dialogs.checkin import CheckInDialog
from streak.ui.views.history import HistoryScreen
from streak.ui.widgets.footer import KeysFooter


def column_of(app: App, text: str) -> int:
    """Where `text` starts on the footer's row."""
    return screen_lines(app)[-1].index(text)


def backgrounds(app: App) -> list[object]:
    """The background of each cell of the footer's row."""
    strip = app.screen._compositor.render_strips()[-1]
    return [segment.style.bgcolor for segment in strip for _ in segment.text]


@pytest.mark.parametrize(
    ("text", "offset", "opens"),
    [("thlbg", 1, HistoryScreen), ("c Check in", 5, CheckInDialog), ("^p palette", 4, CommandPalette)],
)
async def test_clicking_a_key_in_the_footer_presses_it(db: Path, text: str, offset: int, opens: type) -> None:
    """A click anywhere on a key, its name included, does what pressing the key does: h in the Views group opens History."""
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert await pilot.click(KeysFooter, offset=(column_of(app, text) + offset, 0))
        await until(pilot, lambda: isinstance(app.screen, opens))


async def test_a_click_between_keys_does_nothing(db: Path) -> None:
    """The gaps between keys, and the empty stretch before the palette's key, press nothing."""
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        today = app.screen
        for x in (column_of(app, "  thlbg") + 1, column_of(app, "Quit") + 10):
            await pilot.click(KeysFooter, offset=(x, 0))
            await pilot.pause()
            assert app.screen is today


async def test_the_key_under_the_pointer_is_lit_and_tells_what_it_does(db: Path) -> None:
    """Hovering over q Quit lights that key, and only that key, and its tooltip says what it does; leaving puts both out."""
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        unlit = backgrounds(app)
        start, end = column_of(app, "q Quit"), column_of(app, "q Quit") + len("q Quit")
        await pilot.hover(KeysFooter, offset=(start + 3, 0))
        await pilot.pause()
        footer = app.screen.query_one(KeysFooter)
        assert footer.tooltip == "Quit streak"
        lit = backgrounds(app)
        assert [x for x, (before, after) in enumerate(zip(unlit, lit)) if before != after] == list(range(start, end))
        await pilot.hover(KeysFooter, offset=(column_of(app, "c Check in"), 0))
        await pilot.pause()
        assert footer.tooltip == "Check in today, with an optional note and lifts"
        await pilot.hover("#done")
        await pilot.pause()
        assert footer.tooltip is None
        assert backgrounds(app) == unlit


def tooltip_shown(app: App) -> str | None:
    """The tooltip on the screen, or None while none shows."""
    tooltip = app.screen.query_one(Tooltip)
    return str(tooltip.render()) if tooltip.display else None


async def test_in_an_ansi_theme_only_the_key_lights_as_textuals_footer_did(db: Path) -> None:
    """In ansi-light a key's name keeps the terminal's own background, so the pointer lights only the key itself."""
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        app.theme = "ansi-light"
        await pilot.pause()
        unlit = backgrounds(app)
        quit_ = column_of(app, "q Quit")
        await pilot.hover(KeysFooter, offset=(quit_ + 3, 0))
        await pilot.pause()
        lit = backgrounds(app)
        assert [x for x, (before, after) in enumerate(zip(unlit, lit)) if before != after] == [quit_]


async def test_each_key_gives_its_own_tooltip_after_a_single_step_onto_it(db: Path) -> None:
    """One step of the pointer from t to h in "thlbg" brings h's tooltip, as entering another key's widget did."""
    app = make_app(db)
    async with app.run_test(size=(80, 24), tooltips=True) as pilot:
        await pilot.pause()
        views = column_of(app, "thlbg")
        await pilot.hover(KeysFooter, offset=(views, 0))
        await until(pilot, lambda: tooltip_shown(app) == "Today's check-in, this week and the streak")
        await pilot.hover(KeysFooter, offset=(views + 1, 0))
        await until(pilot, lambda: tooltip_shown(app) == "The last 52 weeks as a heat map, and every week")


async def test_the_rule_before_the_palettes_key_is_part_of_it(db: Path) -> None:
    """The line left of ^p palette lights with it under the pointer, and a click on it opens the palette."""
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        unlit = backgrounds(app)
        rule = column_of(app, "▏^p palette")
        await pilot.hover(KeysFooter, offset=(rule, 0))
        await pilot.pause()
        lit = backgrounds(app)
        assert [x for x, (before, after) in enumerate(zip(unlit, lit)) if before != after] == list(range(rule, 80))
        await pilot.click(KeysFooter, offset=(rule, 0))
        await until(pilot, lambda: isinstance(app.screen, CommandPalette))


async def test_the_light_follows_the_pointer_when_the_terminal_is_resized(db: Path) -> None:
    """Pointing at the palette's key and widening the terminal moves the key away: nothing is lit under the pointer."""
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.hover(KeysFooter, offset=(column_of(app, "^p palette") + 2, 0))
        await pilot.pause()
        footer = app.screen.query_one(KeysFooter)
        assert footer.tooltip == "Open the command palette"
        await pilot.resize_terminal(100, 24)
        await pilot.pause()
        await pilot.pause()
        assert screen_lines(app)[-1].endswith("▏^p palette")
        assert footer.tooltip is None
        assert len(set(backgrounds(app))) == 1  # the palette's key, now at the right of 100 columns, is not lit


class AddPane(Static, can_focus=True):
    """A focusable box whose key is a."""

    BINDINGS = [Binding("a", "add", "Add")]

    def action_add(self) -> None:
        self.update("added")


class RemovePane(Static, can_focus=True):
    """A focusable box whose key is x, which is shown but cannot be used (check_action gives None)."""

    BINDINGS = [Binding("x", "remove", "Remove")]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return None if action == "remove" else True

    def action_remove(self) -> None:
        self.update("removed")


class TwoPanes(Screen[None]):
    """Two focusable panes with a key each, so the footer's keys change as focus moves."""

    def compose(self) -> ComposeResult:
        yield AddPane("adding", id="first")
        yield RemovePane("removing", id="second")
        yield KeysFooter()


class PaneApp(App[None]):
    """TwoPanes alone."""

    BINDINGS = [Binding("q", "quit", "Quit")]
    CSS_PATH = "../../streak/ui/app.tcss"

    def get_default_screen(self) -> Screen:
        return TwoPanes()


async def test_the_footer_follows_keys_that_change() -> None:
    """When the keys on offer change (focus moves to a pane with other keys), the footer shows the new ones."""
    app = PaneApp()
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.query_one("#first").focus()
        await pilot.pause()
        assert "a Add" in screen_lines(app)[-1]
        app.screen.query_one("#second").focus()
        await pilot.pause()
        await pilot.pause()
        assert "x Remove" in screen_lines(app)[-1]
        assert "a Add" not in screen_lines(app)[-1]
        await pilot.click(KeysFooter, offset=(column_of(app, "q Quit"), 0))
        await until(pilot, lambda: not app.is_running)


async def test_the_key_now_under_a_still_pointer_is_lit_when_the_keys_change() -> None:
    """The keys change under a pointer that stays put: whichever key is now under it is the one lit."""
    app = PaneApp()
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.query_one("#first").focus()
        await pilot.pause()
        unlit = backgrounds(app)
        await pilot.hover(KeysFooter, offset=(column_of(app, "q Quit"), 0))
        await pilot.pause()
        app.screen.query_one("#second").focus()  # x Remove is wider than a Add: the pointer is now on Remove's name
        await until(pilot, lambda: "x Remove" in screen_lines(app)[-1])
        await pilot.pause()
        remove = column_of(app, "x Remove")
        lit = backgrounds(app)
        assert [x for x, (before, after) in enumerate(zip(unlit, lit)) if before != after] == list(
            range(remove, remove + len("x Remove"))
        )


async def test_a_key_that_cannot_be_used_is_dim_and_a_click_only_rings_the_bell(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """x Remove is shown dim while its action is unavailable, and clicking it rings the bell instead of removing."""
    app = PaneApp()
    rung = []
    monkeypatch.setattr(app, "bell", lambda: rung.append(1))
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.query_one("#second").focus()
        await pilot.pause()
        await pilot.pause()
        # Textual draws dim text in colours between the text's own and the background's.
        strip = app.screen._compositor.render_strips()[-1]
        colours = [segment.style.color for segment in strip for _ in segment.text]
        remove, quit_ = column_of(app, "x Remove"), column_of(app, "q Quit")
        assert colours[remove] != colours[quit_]  # the key
        assert colours[remove + 2] != colours[quit_ + 2]  # its name
        assert colours[quit_] == colours[column_of(app, "^p")]
        await pilot.click(KeysFooter, offset=(remove, 0))
        await pilot.pause()
        assert rung == [1]
        assert str(app.screen.query_one("#second", Static).render()) == "removing"


async def test_the_palettes_key_keeps_to_the_right_and_other_keys_are_cut_short() -> None:
    """On a narrow terminal the palette's key stays whole at the right edge; the keys before it are cut, not wrapped."""
    app = PaneApp()
    async with app.run_test(size=(20, 5)) as pilot:
        app.screen.query_one("#first").focus()
        await pilot.pause()
        await pilot.pause()
        assert screen_lines(app)[-1] == "a Add  q ▏^p palette"
        await pilot.click(KeysFooter, offset=(7, 0))  # the q left of the cut: still q Quit
        await until(pilot, lambda: not app.is_running)
