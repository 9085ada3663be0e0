"""The streak game on the command line: the prompt line, rest weeks, goal previews, history states and settings."""

import json
from pathlib import Path

import pytest

from helpers import Run

NO_CHANGE = "Dry run: nothing was saved."


def checked_in(streak, *dates: str) -> None:  # noqa: ANN001
    """Check in on each date, asserting success."""
    for day in dates:
        assert streak("checkin", "--date", day).status == 0


def refused(run: Run, *words: str) -> None:
    """Exit 2, nothing on stdout, the last line on stderr names the problem, no traceback."""
    assert run.status == 2, run
    assert run.out == ""
    assert "Traceback" not in run.err
    last = run.err.strip().splitlines()[-1]
    assert last.startswith("streak") and all(word in last for word in words), run.err


def status_of(streak) -> dict:  # noqa: ANN001
    """`status --json` as a dict."""
    return json.loads(streak("status", "--json").out)


def history_json(streak, weeks: int) -> list[dict]:  # noqa: ANN001
    """`history --json --weeks N` as a list, newest first."""
    return json.loads(streak("history", "--json", "--weeks", str(weeks)).out)


# ------------------------------------------------------------------ status --short


def test_short_status_is_one_line_with_what_is_at_stake(streak) -> None:  # noqa: ANN001
    """With a one-week streak and one more needed by Sunday, the prompt line says so in under 40 characters."""
    checked_in(streak, "2026-11-09", "2026-11-11", "2026-11-17")
    run = streak("status", "--short")
    assert run.status == 0 and run.err == ""
    assert run.out == "legs 1w ●○ 1 by Sun!\n"
    assert len(run.out.rstrip("\n")) <= 40


def test_short_status_when_the_week_is_safe(streak) -> None:  # noqa: ANN001
    """Goal met this week: a tick and nothing more."""
    checked_in(streak, "2026-11-09", "2026-11-11", "2026-11-16", "2026-11-18")
    assert streak("status", "--short").out == "legs 2w ✔\n"


def test_short_status_shows_the_freezes_and_the_repair(streak) -> None:  # noqa: ANN001
    """A banked freeze shows as ❄1; the week after a miss, the prompt counts down the repair."""
    checked_in(streak, "2026-11-09", "2026-11-10", "2026-11-11")
    assert streak("status", "--short").out == "legs 1w ❄1 ○○ 2 by Sun\n"
    assert streak("status", "--short", "--as-of", "2026-11-30").out == "legs 0w ○○○ 3 to repair by Sun\n"


def test_short_status_on_an_empty_history_does_not_create_the_file(streak, db: Path) -> None:  # noqa: ANN001
    """No data file yet: a fresh prompt line, exit 0, and still no file."""
    run = streak("status", "--short")
    assert (run.status, run.out) == (0, "legs 0w ○○ 2 by Sun\n")
    assert not db.exists()


def test_short_and_json_together_are_bad_input(streak, db: Path) -> None:  # noqa: ANN001
    """`status --short --json` asks for two outputs at once: exit 2 and the file untouched."""
    checked_in(streak, "2026-11-17")
    before = db.read_bytes()
    refused(streak("status", "--short", "--json"), "--json", "--short")
    refused(streak("status", "--json", "--short"), "--json", "--short")
    assert db.read_bytes() == before


# ------------------------------------------------------------------ rest


def test_rest_on_a_missed_week_brings_the_streak_back_and_says_so(streak) -> None:  # noqa: ANN001
    """Marking last week (a miss) as rest restores the streak, with before and after in the output."""
    checked_in(streak, "2026-10-26", "2026-10-28", "2026-11-02", "2026-11-04", "2026-11-17")
    assert (status_of(streak)["current_streak"], status_of(streak)["best_streak"]) == (0, 2)
    run = streak("rest", "2026-11-12")
    assert run.status == 0
    assert run.out.splitlines() == [
        "1 week is a rest week: Mon 9 Nov 2026 to Sun 15 Nov 2026.",
        "This change: your current streak goes from 0 to 2 weeks.",
    ]
    assert status_of(streak)["current_streak"] == 2
    assert [(w["week_start"], w["state"]) for w in history_json(streak, 2)] == [
        ("2026-11-16", "open"),
        ("2026-11-09", "rest"),
    ]


def test_rest_this_week_takes_the_risk_away(streak) -> None:  # noqa: ANN001
    """Resting the current week: status shows rest_week, no risk, and the prompt says rest."""
    checked_in(streak, "2026-11-09", "2026-11-11")
    assert status_of(streak)["at_risk"] is True
    run = streak("rest", "2026-11-21")
    assert run.out.splitlines()[-1] == "Streak: 1 week (best 1)."
    status = status_of(streak)
    assert (status["rest_week"], status["at_risk"], status["sessions_needed"]) == (True, False, 2)
    assert streak("status", "--short").out == "legs 1w ○○ rest\n"


def test_status_names_a_rest_week_once_whether_or_not_its_goal_is_met(streak) -> None:  # noqa: ANN001
    checked_in(streak, "2026-11-09", "2026-11-11")
    streak("rest", "2026-11-21")
    open_week = streak("status").out.splitlines()[1]
    assert open_week.startswith("  This week  ○○  0 of 2: rest week: nothing is needed"), open_week
    assert open_week.count("rest week") == 1
    checked_in(streak, "2026-11-17", "2026-11-19")
    met_week = streak("status").out.splitlines()[1]
    assert met_week.startswith("  This week  ●●  2 of 2 (rest week): goal met this week"), met_week


def test_rest_from_to_covers_whole_weeks_and_json_lists_them(streak) -> None:  # noqa: ANN001
    """FROM..TO on a Wednesday and a Tuesday rests the two whole weeks they touch."""
    run = streak("rest", "2026-12-02", "2026-12-08", "--json")
    assert run.status == 0
    assert json.loads(run.out) == {
        "rest_periods": [{"from": "2026-11-30", "to": "2026-12-13"}],
        "weeks": ["2026-11-30", "2026-12-07"],
        "cleared": False,
        "current_streak": 0,
        "best_streak": 0,
    }


def test_rest_under_sunday_weeks_widens_to_sunday_through_saturday(streak) -> None:  # noqa: ANN001
    """With weeks starting on Sunday, resting a Wednesday rests Sunday to Saturday."""
    assert streak("goal", "--week-start", "sunday").status == 0
    run = streak("rest", "2026-12-02")
    assert run.out.splitlines()[0] == "1 week is a rest week: Sun 29 Nov 2026 to Sat 5 Dec 2026."


def test_rest_clear_takes_the_weeks_out_of_every_period(streak) -> None:  # noqa: ANN001
    """Clearing the middle week of a three-week rest leaves the first and the last."""
    assert streak("rest", "2026-11-30", "2026-12-20").status == 0
    run = streak("rest", "--clear", "2026-12-09", "--json")
    assert run.status == 0
    document = json.loads(run.out)
    assert document["rest_periods"] == [
        {"from": "2026-11-30", "to": "2026-12-06"},
        {"from": "2026-12-14", "to": "2026-12-20"},
    ]
    assert (document["weeks"], document["cleared"]) == (["2026-12-07"], True)
    text = streak("rest", "--clear", "2026-11-30", "2026-12-20")
    assert text.out.splitlines()[0] == "3 weeks are no longer rest weeks: Mon 30 Nov 2026 to Sun 20 Dec 2026."


def test_rest_clear_on_a_past_week_can_end_the_streak(streak) -> None:  # noqa: ANN001
    """Clearing a past rest week that held the streak together says what it costs."""
    checked_in(streak, "2026-10-26", "2026-10-28", "2026-11-02", "2026-11-04", "2026-11-16", "2026-11-18")
    assert streak("rest", "2026-11-09").status == 0
    assert status_of(streak)["current_streak"] == 3
    run = streak("rest", "--clear", "2026-11-09")
    assert "This change: your current streak goes from 3 to 1 week and your best streak from 3 to 2 weeks." in run.out


def test_rest_may_reach_exactly_52_weeks_ahead(streak) -> None:  # noqa: ANN001
    """TO on today + 52 weeks is accepted."""
    run = streak("rest", "2027-11-20")
    assert run.status == 0
    assert run.out.splitlines()[0] == "1 week is a rest week: Mon 15 Nov 2027 to Sun 21 Nov 2027."


def test_rest_may_cover_exactly_26_weeks(streak) -> None:  # noqa: ANN001
    """Twenty-six whole weeks in one command are accepted."""
    run = streak("rest", "2026-11-23", "2027-05-23", "--json")
    assert run.status == 0 and len(json.loads(run.out)["weeks"]) == 26


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["rest", "2026-11-20", "2026-11-19"], ["2026-11-19", "before", "2026-11-20"]),
        (["rest", "2027-11-21"], ["2027-11-21", "52 weeks"]),
        (["rest", "2027-06-01", "2027-11-22"], ["52 weeks"]),
        (["rest", "2026-11-23", "2027-05-24"], ["27 weeks", "26"]),
        (["rest", "2025-01-01", "2026-11-21"], ["26"]),
        (["rest", "--clear", "2026-11-20", "2026-11-19"], ["before"]),
        (["rest", "--clear", "2026-11-23", "2027-05-24"], ["26"]),
        (["rest", "2026-13-01"], ["not a day"]),
        (["rest"], ["FROM"]),
    ],
)
def test_rest_refusals_exit_2_and_leave_the_file_byte_identical(  # noqa: ANN001
    streak, db: Path, args: list[str], words: list[str]
) -> None:
    """TO before FROM, TO over 52 weeks ahead, over 26 weeks at once, a bad date: exit 2, nothing written."""
    checked_in(streak, "2026-11-16")
    assert streak("rest", "2026-11-02").status == 0
    before = db.read_bytes()
    refused(streak(*args), *words)
    assert db.read_bytes() == before


def test_rest_dry_run_changes_nothing(streak, db: Path) -> None:  # noqa: ANN001
    """`rest --dry-run` shows the weeks and the effect but writes nothing."""
    checked_in(streak, "2026-10-26", "2026-10-28", "2026-11-02", "2026-11-04", "2026-11-17")
    before = db.read_bytes()
    run = streak("rest", "2026-11-09", "--dry-run")
    assert run.out.splitlines()[1:] == [
        "This change: your current streak goes from 0 to 2 weeks.",
        NO_CHANGE,
    ]
    assert db.read_bytes() == before


# ------------------------------------------------------------------ goal previews


STREAK_OF_FOUR = (
    "2026-10-26", "2026-10-28", "2026-11-02", "2026-11-04", "2026-11-09", "2026-11-11", "2026-11-16", "2026-11-17",
)  # fmt: skip


def test_goal_dry_run_shows_before_and_after_and_changes_nothing(streak, db: Path) -> None:  # noqa: ANN001
    """Raising this week's goal to 3 would take a met week back to open: 4 -> 3 weeks, shown but not saved."""
    checked_in(streak, *STREAK_OF_FOUR)
    before = db.read_bytes()
    run = streak("goal", "3", "--dry-run")
    assert run.status == 0
    lines = run.out.splitlines()
    assert lines[0] == "Weekly goal: 3 sessions a week; weeks start on Monday."
    assert "This change: your current streak goes from 4 to 3 weeks and your best streak from 4 to 3 weeks." in lines
    assert lines[-1] == NO_CHANGE
    assert db.read_bytes() == before
    assert (status_of(streak)["current_streak"], status_of(streak)["goal"]) == (4, 2)


def test_goal_dry_run_json_is_one_document_of_the_would_be_goal(streak, db: Path) -> None:  # noqa: ANN001
    """`goal 3 --dry-run --json` prints the goal it would set and nothing else, and saves nothing."""
    checked_in(streak, *STREAK_OF_FOUR)
    before = db.read_bytes()
    document = json.loads(streak("goal", "3", "--dry-run", "--json").out)
    assert document == {"goal": 3, "week_start_day": "monday", "changes": [{"from": "2026-11-21", "goal": 3}]}
    assert db.read_bytes() == before


def test_goal_change_without_dry_run_saves_and_tells_the_cost(streak) -> None:  # noqa: ANN001
    """Setting the goal for real prints the same before/after and the streak follows."""
    checked_in(streak, *STREAK_OF_FOUR)
    run = streak("goal", "3")
    assert "This change: your current streak goes from 4 to 3 weeks and your best streak from 4 to 3 weeks." in run.out
    assert NO_CHANGE not in run.out
    assert (status_of(streak)["current_streak"], status_of(streak)["goal"]) == (3, 3)


def test_goal_change_that_leaves_the_streak_alone_says_nothing_about_it(streak) -> None:  # noqa: ANN001
    """Lowering the goal to 1 from next week changes neither streak: no before/after line."""
    checked_in(streak, *STREAK_OF_FOUR)
    run = streak("goal", "1", "--from", "2026-11-23")
    assert run.status == 0 and "This change:" not in run.out


SUNDAY_AND_MONDAY = ("2026-11-01", "2026-11-02", "2026-11-08", "2026-11-09", "2026-11-15", "2026-11-16")


def test_week_start_sunday_dry_run_shows_the_streak_it_would_make(streak, db: Path) -> None:  # noqa: ANN001
    """Sunday-and-Monday pairs make a 3-week streak only in Sunday weeks: 2 -> 3, shown, not saved."""
    checked_in(streak, *SUNDAY_AND_MONDAY)
    before = db.read_bytes()
    run = streak("goal", "--week-start", "sunday", "--dry-run")
    assert run.status == 0
    assert run.out.splitlines()[0] == "Weekly goal: 2 sessions a week; weeks start on Sunday."
    assert "This change: your current streak goes from 2 to 3 weeks and your best streak from 2 to 3 weeks." in run.out
    assert run.out.splitlines()[-1] == NO_CHANGE
    assert db.read_bytes() == before
    assert json.loads(streak("settings", "--json").out)["week_start_day"] == "monday"


def test_week_start_sunday_saved_regroups_every_week(streak) -> None:  # noqa: ANN001
    """Switching to Sunday weeks for real: before/after printed, and history now starts weeks on Sunday."""
    checked_in(streak, *SUNDAY_AND_MONDAY)
    run = streak("goal", "--week-start", "sunday")
    assert "This change: your current streak goes from 2 to 3 weeks and your best streak from 2 to 3 weeks." in run.out
    assert json.loads(streak("settings", "--json").out)["week_start_day"] == "sunday"
    assert [(w["week_start"], w["state"]) for w in history_json(streak, 3)] == [
        ("2026-11-15", "met"),
        ("2026-11-08", "met"),
        ("2026-11-01", "met"),
    ]
    back = streak("goal", "--week-start", "monday")
    assert "from 3 to 2 weeks and your best streak from 3 to 2 weeks" in back.out


# ------------------------------------------------------------------ history --json


def test_history_json_has_state_and_earned_freeze_for_every_week(streak) -> None:  # noqa: ANN001
    """Weeks newest first: open, frozen, met with a freeze earned, and none before the first session."""
    checked_in(streak, "2026-11-02", "2026-11-03", "2026-11-04", "2026-11-17")
    weeks = history_json(streak, 4)
    assert weeks == [
        {"week_start": "2026-11-16", "goal": 2, "sessions": ["2026-11-17"], "met": False, "state": "open",
         "earned_freeze": False},
        {"week_start": "2026-11-09", "goal": 2, "sessions": [], "met": False, "state": "frozen",
         "earned_freeze": False},
        {"week_start": "2026-11-02", "goal": 2, "sessions": ["2026-11-02", "2026-11-03", "2026-11-04"], "met": True,
         "state": "met", "earned_freeze": True},
        {"week_start": "2026-10-26", "goal": 2, "sessions": [], "met": False, "state": "none",
         "earned_freeze": False},
    ]  # fmt: skip


def test_history_json_shows_a_repaired_week_and_its_repair(streak) -> None:  # noqa: ANN001
    """A missed week repaired by three sessions the next week: repaired (not met), then met with no freeze."""
    checked_in(streak, "2026-11-02", "2026-11-04", "2026-11-16", "2026-11-18", "2026-11-20")
    weeks = history_json(streak, 3)
    assert [(w["week_start"], w["met"], w["state"], w["earned_freeze"]) for w in weeks] == [
        ("2026-11-16", True, "met", False),
        ("2026-11-09", False, "repaired", False),
        ("2026-11-02", True, "met", False),
    ]
    status = status_of(streak)
    assert (status["current_streak"], status["repair"]) == (2, None)
    assert "first-repair" in {badge["id"] for badge in status["badges"]}


def test_history_text_marks_every_state(streak) -> None:  # noqa: ANN001
    """The plain week list names met, +freeze, frozen, missed and the week in progress."""
    checked_in(streak, "2026-10-19", "2026-10-20", "2026-10-21", "2026-11-17")
    lines = streak("history", "--weeks", "5").out.splitlines()
    header = lines[0]
    assert header.split() == ["Week", "of", "Sessions", "Streak", "Days"]
    starts = ["Mon 16 Nov 2026", "Mon 9 Nov 2026", "Mon 2 Nov 2026", "Mon 26 Oct 2026", "Mon 19 Oct 2026"]
    assert [line[:15].strip() for line in lines[1:]] == starts
    states = [line[header.index("Streak") : header.index("Days")].strip() for line in lines[1:]]
    assert states == ["so far", "missed", "missed", "frozen", "met +freeze"]


def test_status_json_repair_object_the_week_after_a_miss(streak) -> None:  # noqa: ANN001
    """status --json names the missed week, the streak it broke and the sessions still needed to repair it."""
    checked_in(streak, "2026-10-26", "2026-10-28", "2026-11-02", "2026-11-04", "2026-11-17")
    status = status_of(streak)
    assert status["repair"] == {"week_start": "2026-11-09", "streak": 2, "sessions_needed": 2}
    assert (status["current_streak"], status["best_streak"], status["perfect_streak"], status["at_risk"]) == (
        0, 2, 0, False,
    )  # fmt: skip


# ------------------------------------------------------------------ settings


def test_settings_units_lb_then_json(streak) -> None:  # noqa: ANN001
    """`settings --units lb` is kept, and `settings --json` has exactly the three keys."""
    run = streak("settings", "--units", "lb")
    assert run.status == 0
    assert run.out == "Weeks start on Monday; weights in lb; the newest 7 daily backups are kept.\n"
    expected = {"week_start_day": "monday", "units": "lb", "backups_kept": 7}
    assert json.loads(streak("settings", "--json").out) == expected
    assert list(json.loads(streak("settings", "--json").out)) == ["week_start_day", "units", "backups_kept"]


def test_settings_json_on_an_empty_history_shows_the_defaults(streak, db: Path) -> None:  # noqa: ANN001
    """Monday weeks, kilograms and seven backups, without creating the file."""
    expected = {"week_start_day": "monday", "units": "kg", "backups_kept": 7}
    assert json.loads(streak("settings", "--json").out) == expected
    assert not db.exists()


def test_settings_bad_units_are_refused(streak, db: Path) -> None:  # noqa: ANN001
    """Only kg and lb: anything else is exit 2 with the file untouched."""
    checked_in(streak, "2026-11-17")
    before = db.read_bytes()
    refused(streak("settings", "--units", "stone"), "stone")
    assert db.read_bytes() == before
