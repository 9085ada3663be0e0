"""Every badge of SPEC.md: who earns it, on which session, and progress toward the rest."""

from datetime import date, timedelta

import pytest

from helpers import history_of
from streak.core.history.edits import remove_session
from streak.core.rules.badges import BADGES
from streak.core.rules.status import compute_status

D = date.fromisoformat
AS_OF = D("2027-06-30")


def earned(history, as_of: date = AS_OF) -> dict[str, date]:  # noqa: ANN001
    """The earned badges as {id: earned_on}."""
    return {state.badge.id: state.earned_on for state in compute_status(history, as_of).earned_badges}


def progress(history, badge_id: str, as_of: date = AS_OF) -> tuple[int, int]:  # noqa: ANN001
    """(current, target) of one badge."""
    state = next(s for s in compute_status(history, as_of).badges if s.badge.id == badge_id)
    return state.current, state.badge.target


def weekly(start: str, weeks: int, weekdays: tuple[int, ...] = (0, 2)) -> list[str]:
    """Sessions on the given weekdays (0 = the week's Monday) for `weeks` weeks from the Monday `start`."""
    monday = D(start)
    return [(monday + timedelta(weeks=w, days=d)).isoformat() for w in range(weeks) for d in weekdays]


def test_the_eighteen_spec_badges_exist_with_unique_ids() -> None:
    """SPEC.md fixes these ids; names and descriptions are ours."""
    assert [badge.id for badge in BADGES] == [
        "first-session", "sessions-10", "sessions-25", "sessions-50", "sessions-100", "twice-in-a-week",
        "twice-weekly-4", "twice-weekly-12", "streak-4", "streak-8", "streak-12", "streak-26", "streak-52",
        "first-freeze", "first-repair", "first-pr", "prs-10", "comeback",
    ]  # fmt: skip
    assert all(badge.name and badge.description for badge in BADGES)


def test_first_session() -> None:
    """The very first session earns First Step on its own date."""
    assert earned(history_of("2026-03-04")) == {"first-session": D("2026-03-04")}


@pytest.mark.parametrize("count", [10, 25, 50, 100])
def test_session_count_badges_land_on_the_nth_session(count: int) -> None:
    """sessions-N is earned on the date of the Nth session, not before."""
    sessions = [(D("2025-01-06") + timedelta(days=3 * i)).isoformat() for i in range(count)]
    assert earned(history_of(*sessions))[f"sessions-{count}"] == D(sessions[-1])
    assert f"sessions-{count}" not in earned(history_of(*sessions[:-1]))


def test_twice_in_a_week_is_the_second_session_of_the_first_double_week() -> None:
    """Single sessions in earlier weeks do not count; the badge lands on the 2nd session of the first double week."""
    assert earned(history_of("2026-01-05", "2026-01-14", "2026-01-19", "2026-01-22", "2026-01-23"))[
        "twice-in-a-week"
    ] == D("2026-01-22")


def test_twice_weekly_4_is_the_second_session_of_the_fourth_week() -> None:
    """Four double weeks in a row: the badge lands on the 4th week's 2nd session even if it has a 3rd."""
    sessions = weekly("2026-02-02", 3) + ["2026-02-23", "2026-02-25", "2026-02-27"]
    assert earned(history_of(*sessions))["twice-weekly-4"] == D("2026-02-25")


def test_twice_weekly_run_restarts_after_a_single_session_week() -> None:
    """A week with one session resets the count of double weeks."""
    sessions = weekly("2026-02-02", 3) + ["2026-02-24"] + weekly("2026-03-02", 4)
    assert earned(history_of(*sessions))["twice-weekly-4"] == D("2026-03-25")


def test_twice_weekly_12() -> None:
    """Twelve double weeks in a row earn the longer badge on the 12th week's 2nd session."""
    sessions = weekly("2026-01-05", 12)
    assert earned(history_of(*sessions))["twice-weekly-12"] == D(sessions[-1])


def test_streak_badge_lands_on_the_goal_th_session_of_the_nth_week() -> None:
    """With a goal of 3, streak-4 is earned by the 3rd session of the 4th met week, not its 4th."""
    sessions = weekly("2026-04-06", 3, (0, 1, 2)) + ["2026-04-27", "2026-04-28", "2026-04-30", "2026-05-01"]
    history = history_of(*sessions, goals={"2026-04-06": 3})
    assert earned(history)["streak-4"] == D("2026-04-30")


def test_streak_badge_follows_the_goal_of_each_week() -> None:
    """A week whose goal was 1 is met by, and decided by, its first session."""
    sessions = weekly("2026-04-06", 3) + ["2026-04-28", "2026-04-30"]
    history = history_of(*sessions, goals={"2026-04-27": 1})
    assert earned(history)["streak-4"] == D("2026-04-28")


@pytest.mark.parametrize("weeks", [4, 8, 12, 26, 52])
def test_streak_badges_across_a_year_end(weeks: int) -> None:
    """N met weeks in a row, crossing New Year and ISO week 53, earn streak-N on the last week's 2nd session."""
    sessions = weekly("2026-12-28", weeks, (1, 3)) if weeks < 52 else weekly("2026-06-01", weeks, (1, 3))
    assert earned(history_of(*sessions), D("2028-01-01"))[f"streak-{weeks}"] == D(sessions[-1])


def test_comeback_needs_fourteen_days_away() -> None:
    """A gap of 13 days is not a comeback; the first gap of 14 is, on the returning session."""
    assert "comeback" not in earned(history_of("2026-03-02", "2026-03-15"))
    assert earned(history_of("2026-03-02", "2026-03-15", "2026-03-29", "2026-05-01"))["comeback"] == D("2026-03-29")


def test_removing_a_session_takes_its_badge_away() -> None:
    """Badges are derived: delete the second session of the only double week and Double Up is gone."""
    history = history_of("2026-03-02", "2026-03-04")
    assert "twice-in-a-week" in earned(history)
    assert "twice-in-a-week" not in earned(remove_session(history, D("2026-03-04")))


def test_earned_badges_are_ordered_by_date_then_id() -> None:
    """Two badges earned on one day are listed by id."""
    history = history_of("2026-03-02", "2026-03-04")
    ids = [state.badge.id for state in compute_status(history, AS_OF).earned_badges]
    assert ids == ["first-session", "twice-in-a-week"]


def test_progress_toward_locked_badges() -> None:
    """Locked badges show how far along they are; earned ones show the full target."""
    history = history_of(*weekly("2026-06-01", 2), "2026-06-15")
    as_of = D("2026-06-17")
    assert progress(history, "sessions-10", as_of) == (5, 10)
    assert progress(history, "streak-4", as_of) == (2, 4)
    assert progress(history, "twice-weekly-4", as_of) == (2, 4)
    assert progress(history, "twice-in-a-week", as_of) == (2, 2)
    assert progress(history, "first-session", as_of) == (1, 1)
    assert progress(history, "comeback", as_of) == (0, 1)


def test_progress_counts_the_current_run_not_an_old_one() -> None:
    """After a broken run, progress starts again from the weeks since the break."""
    history = history_of(*weekly("2026-06-01", 3), *weekly("2026-06-29", 1))
    assert progress(history, "streak-4", D("2026-07-01")) == (1, 4)
