"""The app's frame at real terminal sizes: footers, dialogs, the keys screen, the palette, sizes and toasts."""

import textwrap
from pathlib import Path

import pytest
from textual.geometry import Region, Size
from textual.screen import Screen
from textual.widgets._toast import Toast

from app_driver import make_app, screen_lines, seed, until
from helpers import TODAY
from streak.ui.app import StreakApp, build_app
from streak.ui.views.keys import KeyRow, KeysScreen
from streak.ui.views.today import TodayScreen
from streak.ui.views.too_small import TooSmallScreen

FOOTERS = {
    "t": "c Check in  thlbg Views  ? Keys  q Quit",
    "h": "←→↑↓ Move  a Add  e Edit  x Remove  thlbg Views  ? Keys  q Quit",
    "l": "thlbg Views  ? Keys  q Quit",
    "b": "thlbg Views  ? Keys  q Quit",
    "g": "thlbg Views  ? Keys  q Quit",
}
# Goal's own keys do not fit beside the app's in 80 columns: they take the line above.
FOOTERS_ABOVE = {"g": "←→ Goal  1-7 Set goal  w Weekday  u Units  r Rest  enter Save  esc Undo"}


@pytest.mark.parametrize("view", FOOTERS)
async def test_footer_labels_stand_apart(db: Path, view: str) -> None:
    """Every footer item, a group's label included, is two spaces from the next: no "Movea Add"."""
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(view)
        await until(pilot, lambda: screen_lines(app)[-1].strip())  # a view just switched to draws its footer last
        footer = screen_lines(app)[-1]
        assert footer.startswith(FOOTERS[view] + " ") or footer.rstrip() == FOOTERS[view]
        assert footer.rstrip().endswith("^p palette")
        if view in FOOTERS_ABOVE:
            assert screen_lines(app)[-2].rstrip() == FOOTERS_ABOVE[view]


async def test_check_in_dialog_footer_says_enter_confirms(db: Path) -> None:
    """The dialog's footer names both ways out: enter checks in, escape cancels."""
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        assert screen_lines(app)[-1].startswith("enter Check in  esc Cancel ")


@pytest.mark.parametrize(("keys", "confirms"), [(["c"], "Check in"), (["h", "up", "e"], "Save")])
async def test_the_footer_says_enter_adds_the_lift_while_one_is_typed(db: Path, keys: list[str], confirms: str) -> None:
    """With a lift on the lift line enter adds it, and the footer says "enter Add lift"; emptied, enter confirms again."""
    seed(db, "2026-11-20")
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*keys, "tab", *"goblet squat 3x12 24")
        await until(pilot, lambda: screen_lines(app)[-1].startswith("enter Add lift  esc Cancel "))
        await pilot.press("enter")
        await until(pilot, lambda: screen_lines(app)[-1].startswith(f"enter {confirms}  esc Cancel "))
        assert [lift.exercise for lift in app.screen.lifts] == ["Goblet squat"]


def view_sizes(screen: Screen) -> list[Size]:
    """The size of every widget of a view except the footer, which redraws as bindings change."""
    return [widget.size for widget in screen.query("*").exclude("KeysFooter")]


@pytest.mark.parametrize("view", ["t", "h", "b", "g"])
async def test_keys_screen_is_readable_at_80x24(db: Path, view: str) -> None:
    """? lists every key of the view with what it does, one line each, over the view without squeezing it."""
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(view)
        await pilot.pause()
        underneath = app.screen
        sizes = view_sizes(underneath)
        shown = [b.binding for b in underneath.active_bindings.values() if b.binding.show and b.enabled]
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, KeysScreen)
        lines = "\n".join(screen_lines(app))
        for binding in shown:
            assert binding.description in lines
            assert (binding.tooltip or binding.description) in lines  # whole, on one line
        box = app.screen.query_one("#keys")
        assert box.max_scroll_y == 0  # all of it fits at 80x24
        assert view_sizes(underneath) == sizes
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is underneath


async def test_keys_screen_scrolls_with_the_keyboard(db: Path) -> None:
    """A list longer than the terminal is scrolled with end, home and the page keys: no key is out of reach."""
    rows = [KeyRow(f"k{n}", f"Key {n}", f"What key {n} does", n > 20) for n in range(40)]
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(KeysScreen("Test", rows))
        await pilot.pause()
        assert not any("What key 39 does" in line for line in screen_lines(app))
        await pilot.press("end")
        await pilot.pause()
        assert any("What key 39 does" in line for line in screen_lines(app))
        await pilot.press("pageup", "home")
        await pilot.pause()
        assert any("What key 0 does" in line for line in screen_lines(app))


async def test_palette_lists_each_command_once(db: Path) -> None:
    """The command palette offers Keys and Quit once each (the footer's), and no title twice."""
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        for view in ("t", "h", "g"):
            await pilot.press(view)
            await pilot.pause()
            titles = [command.title for command in app.get_system_commands(app.screen)]
            assert len(titles) == len(set(titles))
            assert [title for title in titles if title.startswith("Keys")] == ["Keys (?)"]
            assert [title for title in titles if title.startswith("Quit")] == ["Quit (q)"]


async def test_a_small_terminal_shows_the_size_needed(db: Path) -> None:
    """At 60x20 a notice names both sizes instead of a clipped view; it goes once the terminal is 80x24."""
    app = make_app(db)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        text = " ".join(screen_lines(app))
        assert "80×24" in text and "60×20" in text
        await pilot.press("h", "c")
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.resize_terminal(79, 40)
        await until(pilot, lambda: "79×40" in " ".join(screen_lines(app)))
        await pilot.resize_terminal(80, 24)
        await until(pilot, lambda: isinstance(app.screen, TodayScreen))
        await pilot.resize_terminal(70, 24)
        await until(pilot, lambda: isinstance(app.screen, TooSmallScreen))
        await pilot.press("q")
    assert app.return_code == 0


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (200, 50)])
@pytest.mark.parametrize("keys", [["t"], ["h"], ["b"], ["g"], ["c"], ["question_mark"], ["h", "up", "x"]])
async def test_nothing_is_clipped_at_supported_sizes(db: Path, size: tuple[int, int], keys: list[str]) -> None:
    """Every view and dialog fits whole: no widget runs off the screen, no title is cut short, the footer ends."""
    seed(db, "2026-11-20")
    app = make_app(db)
    async with app.run_test(size=size) as pilot:
        await pilot.press(*keys)
        await until(pilot, lambda: screen_lines(app)[-1].strip())  # laid out and drawn, down to the footer
        screen = app.screen
        for widget in screen.query("*").exclude("KeysFooter"):
            region = widget.region
            if widget.display and region.area:
                scrolled = any(ancestor.allow_vertical_scroll for ancestor in widget.ancestors[:-2])
                assert region.x >= 0 and region.right <= size[0], widget  # nothing runs off the side
                assert scrolled or (region.y >= 0 and region.bottom <= size[1]), widget  # or the bottom, unscrolled
        lines = screen_lines(app)
        assert not any("…" in line for line in lines)
        footer = lines[-1].rstrip()
        assert footer.endswith(("Quit", "^p palette", "Cancel", "No", "Close")), footer


def toasts_on_show(app: StreakApp) -> list[Toast]:
    """The notifications drawn on the screen now."""
    return [toast for toast in app.screen.query(Toast) if toast.region.area]


def shown_regions(app: StreakApp) -> dict[str, Region]:
    """Where Today shows what a check-in has just changed: the done line's words, the cards, the lines, the tip."""
    screen = app.screen
    done = screen.query_one("#done")
    regions = {"done": Region(done.region.x, done.region.y, len(str(done.render())), 1)}
    for selector in ("#cards", "#nudge", "#last", "#tip"):
        regions[selector] = screen.query_one(selector).region
    return regions


@pytest.mark.parametrize(
    ("days", "toasts"),
    [
        ((), 1),  # First Step
        (("2026-10-26", "2026-10-28", "2026-11-02", "2026-11-04", "2026-11-09", "2026-11-11", "2026-11-16"), 1),
    ],
)
async def test_check_in_toasts_hide_nothing_just_shown(db: Path, days: tuple[str, ...], toasts: int) -> None:
    """The badge notification sits clear of the tip box (border included), the cards and the lines under them."""
    if days:
        seed(db, *days)
    app = make_app(db)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("c", "enter")
        await until(pilot, lambda: len(toasts_on_show(app)) == toasts)
        for toast in toasts_on_show(app):
            for name, region in shown_regions(app).items():
                assert not toast.region.overlaps(region), name


async def test_already_done_warning_hides_nothing(db: Path) -> None:
    """The warning for a second check-in also keeps clear of the figures."""
    seed(db, "2026-11-21")
    app = make_app(db)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("c")
        await until(pilot, lambda: toasts_on_show(app))
        (toast,) = toasts_on_show(app)
        for name, region in shown_regions(app).items():
            assert not toast.region.overlaps(region), name


async def test_a_new_notification_on_today_replaces_the_last(db: Path) -> None:
    """Pressing c again at once shows "Already done" in place of the badge note, not stacked over the cards."""
    app = make_app(db)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("c", "enter")
        await until(pilot, lambda: toasts_on_show(app))
        await pilot.press("c")
        await until(pilot, lambda: any("Already done" in str(toast.render()) for toast in toasts_on_show(app)))
        await pilot.wait_for_scheduled_animations()
        (toast,) = toasts_on_show(app)  # the one on show
        assert not toast.region.overlaps(app.screen.query_one("#cards").region)


async def test_a_long_day_on_today_closes_up_rather_than_cutting_the_tip_box(db: Path) -> None:
    """Two lines of news and the tallest comeback tip at 80x24: the blank lines go, the whole tip box stays."""
    seed(db, "2026-10-26", "2026-10-28", "2026-11-02", "2026-11-04")

    def longest(tips):  # noqa: ANN001, ANN202
        # The most lines in the tip box (about 74 columns of text), the longest of those.
        def lines(text: str) -> int:
            return len(textwrap.wrap(text, 74))

        return max(tips, key=lambda tip: (lines(tip.text) + lines(f"Source: {tip.source}"), len(tip.text)))

    app = build_app(str(db), today=lambda: TODAY, pick=longest, cursor_blink=False, watch_seconds=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        roomy = screen_lines(app)
        assert roomy[1].strip() == ""  # a blank line under the view bar while everything fits
        await pilot.press("c", "enter")
        await pilot.pause()
        await pilot.pause()
        lines = screen_lines(app)
        bottom = next(index for index, line in enumerate(lines) if line.lstrip().startswith("╰") and "★" in line)
        assert bottom < len(lines) - 1, "\n".join(lines)  # the tip box's bottom border is above the footer
        assert any(line.lstrip().startswith("│ Source:") for line in lines)
        assert app.screen.query_one("#today").has_class("-tight")
        await pilot.press("h", "x", "y", "t")  # today's session removed: the tip box is one line again
        await pilot.pause()
        await pilot.pause()
        assert not app.screen.query_one("#today").has_class("-tight")
        assert screen_lines(app)[1].strip() == ""
