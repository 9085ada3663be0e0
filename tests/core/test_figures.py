"""Status figures on real calendars: year ends, ISO week 53, Sunday weeks, goal changes, the week in progress."""

from datetime import date

from helpers import history_of
from streak.core.rules.status import compute_status

D = date.fromisoformat

# Two sessions a week through Christmas and ISO week 53 of 2026 (Mon 28 Dec to Sun 3 Jan), then one.
YEAR_END = ("2026-12-14", "2026-12-17", "2026-12-22", "2026-12-24", "2026-12-29", "2027-01-02", "2027-01-05")


def test_empty_history() -> None:
    """Before any session every figure is zero or null, and the goal is the default."""
    status = compute_status(history_of(), D("2026-11-21"))
    assert status.week_start == D("2026-11-16")
    assert (status.goal, status.week_sessions, status.current_streak, status.best_streak) == (2, 0, 0, 0)
    assert (status.total_sessions, status.last_session, status.days_since_last) == (0, None, None)
    assert status.avg_per_week_4 == 0.0
    assert status.earned_badges == []


def test_streak_runs_across_the_year_end_and_iso_week_53() -> None:
    """Three met weeks, the last one spanning New Year, make a streak of three into January."""
    status = compute_status(history_of(*YEAR_END), D("2027-01-06"))
    assert status.week_start == D("2027-01-04")
    assert status.week_sessions == 1
    assert status.current_streak == 3
    assert status.best_streak == 3
    assert status.total_sessions == 7
    assert (status.last_session, status.days_since_last) == (D("2027-01-05"), 1)
    assert status.avg_per_week_4 == 1.5  # weeks of 7, 14, 21 and 28 Dec: 0 + 2 + 2 + 2


def test_sunday_weeks_give_the_same_streak_when_sessions_fall_mid_week() -> None:
    """Sessions on weekdays land in the same weeks whichever day weeks start on."""
    status = compute_status(history_of(*YEAR_END, week_start_day="sunday"), D("2027-01-06"))
    assert status.week_start == D("2027-01-03")
    assert status.current_streak == 3


def test_sunday_and_monday_together_meet_a_sunday_week_only() -> None:
    """Sunday 15 and Monday 16 November share a week only when weeks start on Sunday."""
    sessions = ("2026-11-15", "2026-11-16")
    assert compute_status(history_of(*sessions, week_start_day="sunday"), D("2026-11-21")).current_streak == 1
    monday = compute_status(history_of(*sessions), D("2026-11-21"))
    assert (monday.current_streak, monday.best_streak, monday.week_sessions) == (0, 0, 1)


def test_week_in_progress_never_breaks_the_streak() -> None:
    """With nothing yet this week, last week's streak still stands, all week long."""
    history = history_of("2026-11-02", "2026-11-04", "2026-11-09", "2026-11-12")
    for as_of in ("2026-11-16", "2026-11-19", "2026-11-22"):
        assert compute_status(history, D(as_of)).current_streak == 2


def test_week_in_progress_extends_the_streak_once_met() -> None:
    """Meeting this week's goal adds it to the streak straight away."""
    history = history_of("2026-11-02", "2026-11-04", "2026-11-09", "2026-11-12", "2026-11-16", "2026-11-18")
    assert compute_status(history, D("2026-11-17")).current_streak == 2
    assert compute_status(history, D("2026-11-18")).current_streak == 3


def test_a_missed_week_breaks_the_streak_but_not_the_best() -> None:
    """A week short of the goal ends the run; the best keeps the longest run seen."""
    history = history_of(
        "2026-10-05", "2026-10-07", "2026-10-12", "2026-10-14", "2026-10-19", "2026-10-21",
        "2026-10-27",  # one session: the week of 26 Oct is not met
        "2026-11-02", "2026-11-05",
    )  # fmt: skip
    status = compute_status(history, D("2026-11-10"))
    assert (status.current_streak, status.best_streak) == (1, 3)


def test_goal_change_mid_history_applies_from_its_week() -> None:
    """Raising the goal to 3 makes a two-session week fall short from that week on."""
    history = history_of(
        "2026-10-19", "2026-10-21", "2026-10-26", "2026-10-28",
        "2026-11-02", "2026-11-04",  # goal 3 from this week: not met
        "2026-11-09", "2026-11-10", "2026-11-12",
        "2026-11-16", "2026-11-17", "2026-11-19",
        goals={"2026-11-04": 3},
    )  # fmt: skip
    status = compute_status(history, D("2026-11-21"))
    assert status.goal == 3
    assert (status.current_streak, status.best_streak) == (2, 2)


def test_lowering_this_weeks_goal_meets_it_at_once() -> None:
    """A goal of 1 set this week counts the one session already done."""
    history = history_of("2026-11-17", goals={"2026-11-20": 1})
    status = compute_status(history, D("2026-11-21"))
    assert (status.goal, status.current_streak) == (1, 1)


def test_goal_set_for_a_future_week_does_not_change_this_one() -> None:
    """A change from next week on leaves the current week's goal alone."""
    assert compute_status(history_of(goals={"2026-11-30": 5}), D("2026-11-21")).goal == 2
    assert compute_status(history_of(goals={"2026-11-30": 5}), D("2026-12-01")).goal == 5


def test_as_of_ignores_later_sessions() -> None:
    """Figures as of a past day count only what had happened by its end."""
    history = history_of("2026-11-02", "2026-11-04", "2026-11-09", "2026-11-10", "2026-11-20")
    status = compute_status(history, D("2026-11-09"))
    assert status.total_sessions == 3
    assert status.week_sessions == 1
    assert status.last_session == D("2026-11-09")
    assert status.days_since_last == 0
    assert status.current_streak == 1


def test_average_of_four_whole_weeks_rounds_to_two_decimals() -> None:
    """Seven sessions in the four weeks before this one average 1.75; this week's are left out."""
    history = history_of(
        "2026-10-19", "2026-10-21", "2026-10-26", "2026-11-02", "2026-11-03", "2026-11-05",
        "2026-11-09", "2026-11-16", "2026-11-17",
    )  # fmt: skip
    assert compute_status(history, D("2026-11-21")).avg_per_week_4 == 1.75


def test_sessions_beyond_the_goal_still_count() -> None:
    """Four sessions against a goal of two: the week is met and every session counts in the totals."""
    status = compute_status(history_of("2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19"), D("2026-11-21"))
    assert (status.week_sessions, status.total_sessions, status.current_streak) == (4, 4, 1)
