"""The Goal view driven by keys: what an unsaved change says, and planning and clearing rest weeks with r."""

from datetime import date
from pathlib import Path

from app_driver import make_app, seed, text_of
from streak.storage.store import Store
from streak.ui.dialogs.checkin import ConfirmDialog
from streak.ui.dialogs.rest import RestDialog
from streak.ui.views.goal import GoalScreen

D = date.fromisoformat


async def test_a_new_first_weekday_alone_says_nothing_about_the_goal(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("g", "w")
        await pilot.pause()
        assert text_of(app, "#pending") == "Unsaved: weeks start on Sunday, every week. Press enter to save."
        await pilot.press("right")
        await pilot.pause()
        assert text_of(app, "#pending") == (
            "Unsaved: 3 sessions a week from Sun 15 Nov 2026; weeks start on Sunday, every week. Press enter to save."
        )


async def test_rest_weeks_are_planned_with_a_preview_then_cleared_by_typing_them_again(db: Path) -> None:
    """r opens the rest dialog; the days are widened to whole weeks, shown before saving, and typed again to clear."""
    seed(db, "2026-11-16", "2026-11-18")
    app = make_app(db)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("g", "r")
        await pilot.pause()
        assert isinstance(app.screen, RestDialog)
        assert text_of(app, "#dialog-hint") == "The days are widened to the whole weeks that hold them."
        await pilot.press(*"2026-12-24 2027-01-02")
        await pilot.pause()
        assert text_of(app, "#dialog-hint") == (
            "Plans as rest: Mon 21 Dec 2026 to Sun 3 Jan 2027. The streak stays as it is."
        )
        await pilot.press("enter")
        await pilot.pause()
        assert "Rest weeks: Mon 21 Dec 2026 to Sun 3 Jan 2027" in text_of(app, "#rest")
        assert Store(str(db)).load().rest_periods[0][:2] == (D("2026-12-21"), D("2027-01-03"))

        await pilot.press("r")
        await pilot.pause()
        assert text_of(app, "#dialog-hint") == (
            "Planned: Mon 21 Dec 2026 to Sun 3 Jan 2027. Type days that are rest already to take them out of rest."
        )
        await pilot.press(*"2026-12-21 2027-01-03")
        await pilot.pause()
        assert text_of(app, "#dialog-hint").startswith("Takes out of rest: Mon 21 Dec 2026 to Sun 3 Jan 2027.")
        await pilot.press("enter")
        await pilot.pause()
        assert text_of(app, "#rest") == "No rest weeks planned. Press r to plan some."
    assert Store(str(db)).load().rest_periods == ()


async def test_resting_a_missed_week_shows_what_it_saves_before_saving(db: Path) -> None:
    """Last week was missed: resting it brings the streak back, and the dialog says so before enter."""
    seed(db, "2026-11-02", "2026-11-04")
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("g", "r", *"2026-11-09", "escape")
        await pilot.pause()
        assert Store(str(db)).load().rest_periods == ()  # escape leaves the file alone
        await pilot.press("r", *"2026-11-09")
        await pilot.pause()
        assert text_of(app, "#dialog-hint") == (
            "Plans as rest: Mon 9 Nov 2026 to Sun 15 Nov 2026. Saving this: your current streak goes from 0 to 1 week."
        )


async def test_a_malformed_rest_day_is_named_and_nothing_is_saved(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("g", "r", *"next friday", "enter")
        await pilot.pause()
        assert isinstance(app.screen, RestDialog)
        assert text_of(app, "#dialog-hint") == "'next' is not a date: write it as yyyy-mm-dd, e.g. 2026-11-21"
    assert not db.exists()


async def test_quitting_with_a_goal_change_not_saved_asks_first(db: Path) -> None:
    """q with a new goal on the Goal view asks; n goes back to it, y quits without saving."""
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("g", "right", "t", "q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert text_of(app, "#dialog-title") == (
            "The Goal view's change is not saved (3 sessions a week from Mon 16 Nov 2026). Quit anyway?"
        )
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, GoalScreen) and app.is_running
        await pilot.press("q", "y")
        await pilot.pause()
        assert not app.is_running
    assert not db.exists()


async def test_quitting_after_saving_the_goal_asks_nothing(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("g", "right", "enter", "q")
        await pilot.pause()
        assert not app.is_running
    assert Store(str(db)).load().goal_changes[0].goal == 3


async def test_a_rest_week_planned_for_this_week_shows_on_today(db: Path) -> None:
    """Planned from the Goal view, this week's rest shows on Today's week card and in its nudge."""
    seed(db, "2026-11-09", "2026-11-11")
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("g", "r", *"2026-11-18", "enter", "t")
        await pilot.pause()
        assert text_of(app, "#week-count") == "0 of 2 sessions, rest"
        assert text_of(app, "#nudge").startswith("Rest week: nothing is needed")
        assert not app.screen.query_one("#news").display  # no warning: a rest week puts nothing at stake


async def test_u_switches_lift_weights_to_pounds_once_saved(db: Path) -> None:
    """u shows the change as unsaved; enter saves it, and weights that name no unit are then read in lb."""
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("g", "u")
        await pilot.pause()
        assert text_of(app, "#week-start") == "Weeks start on Monday (w)    Lift weights in lb (u)"
        assert text_of(app, "#pending") == "Unsaved: lift weights in lb. Press enter to save."
        await pilot.press("escape")
        await pilot.pause()
        assert text_of(app, "#week-start").endswith("Lift weights in kg (u)")
        await pilot.press("u", "enter")
        await pilot.pause()
    assert Store(str(db)).load().units == "lb"
