"""The forgiving streak on real calendars: every week state, freezes, repairs, rest weeks, goal changes, XP and levels."""

from datetime import date, timedelta

import pytest

from helpers import history_of
from streak.core.history.edits import set_week_start_day
from streak.core.history.model import Session
from streak.core.history.rest import add_rest
from streak.core.rules.status import Repair, Status, compute_status
from streak.core.rules.week_states import week_states
from streak.core.rules.xp import level_of

D = date.fromisoformat
SATURDAY = D("2026-11-21")  # the pinned today: the week of Monday 16 November, two days left


def weekly(monday: str, weeks: int, weekdays: tuple[int, ...] = (0, 2)) -> list[str]:
    """Sessions on the given weekdays (0 = the first day of the week) for `weeks` weeks from `monday`."""
    start = D(monday)
    return [(start + timedelta(weeks=w, days=d)).isoformat() for w in range(weeks) for d in weekdays]


def states(status: Status) -> dict[str, str]:
    """{week start: state} over the walked weeks."""
    return {week.start.isoformat(): state for week, state in zip(status.weeks, status.walk.states)}


def earned(status: Status) -> dict[str, date]:
    """{badge id: earned_on} of the earned badges."""
    return {state.badge.id: state.earned_on for state in status.earned_badges}


# ------------------------------------------------------------------ every state


def test_met_weeks_grow_the_streak() -> None:
    """Three weeks of two sessions against a goal of two are met and make a three-week streak."""
    status = compute_status(history_of(*weekly("2026-10-26", 3)), D("2026-11-15"))
    assert states(status) == {"2026-10-26": "met", "2026-11-02": "met", "2026-11-09": "met"}
    assert (status.current_streak, status.best_streak, status.perfect_streak) == (3, 3, 3)


def test_the_week_in_progress_is_open_and_never_breaks_the_streak() -> None:
    """On Saturday with one session this week, the week is open and the streak of two still stands."""
    status = compute_status(history_of(*weekly("2026-11-02", 2), "2026-11-17"), SATURDAY)
    assert states(status)["2026-11-16"] == "open"
    assert (status.current_streak, status.sessions_needed, status.days_left) == (2, 1, 2)
    assert status.at_risk  # no freeze banked: the streak ends unless the goal is met


def test_weeks_before_the_first_session_are_none() -> None:
    """History's list shows weeks before the first leg day as none, and an empty history as all none."""
    history = history_of("2026-11-09", "2026-11-11")
    shown = week_states(history, SATURDAY, D("2026-10-19"))
    assert [(w.start.isoformat(), w.state) for w in shown] == [
        ("2026-10-19", "none"), ("2026-10-26", "none"), ("2026-11-02", "none"), ("2026-11-09", "met"),
        ("2026-11-16", "open"),
    ]  # fmt: skip
    assert {w.state for w in week_states(history_of(), SATURDAY, D("2026-10-19"))} == {"none"}


def test_a_rest_week_neither_breaks_nor_extends_the_streak() -> None:
    """An empty week inside a rest period is rest; the streak goes on from two to three after it."""
    history = history_of(*weekly("2026-10-26", 2), *weekly("2026-11-16", 1), rest=(("2026-11-09", "2026-11-15"),))
    status = compute_status(history, SATURDAY)
    assert states(status) == {"2026-10-26": "met", "2026-11-02": "met", "2026-11-09": "rest", "2026-11-16": "met"}
    assert (status.current_streak, status.best_streak, status.perfect_streak) == (3, 3, 1)


def test_one_day_of_rest_makes_its_whole_week_rest() -> None:
    """A rest period of one Thursday is enough to make its week a rest week."""
    history = history_of(*weekly("2026-10-26", 2), rest=(("2026-11-12", "2026-11-12"),))
    assert states(compute_status(history, SATURDAY))["2026-11-09"] == "rest"
    assert states(compute_status(history, SATURDAY))["2026-11-02"] == "met"


def test_a_rest_week_that_holds_enough_sessions_is_met() -> None:
    """Training through a planned rest week still meets it and grows the streak."""
    history = history_of(*weekly("2026-11-02", 2), rest=(("2026-11-09", "2026-11-15"),))
    status = compute_status(history, D("2026-11-15"))
    assert states(status) == {"2026-11-02": "met", "2026-11-09": "met"}
    assert status.current_streak == 2
    assert status.rest_week


def test_the_current_rest_week_is_open_until_it_ends() -> None:
    """This week resting: nothing is needed to keep the streak, so it is not at risk."""
    history = history_of(*weekly("2026-11-02", 2), rest=(("2026-11-16", "2026-11-22"),))
    status = compute_status(history, SATURDAY)
    assert states(status)["2026-11-16"] == "open"
    assert status.rest_week and not status.at_risk
    assert (status.sessions_needed, status.current_streak) == (2, 2)
    assert states(compute_status(history, D("2026-11-23")))["2026-11-16"] == "rest"


def test_a_week_over_the_goal_banks_a_freeze_that_covers_the_next_miss() -> None:
    """Three sessions against two earn a freeze; the empty week after is frozen and the streak lives on."""
    history = history_of("2026-10-26", "2026-10-28", "2026-10-30", *weekly("2026-11-09", 1))
    before = compute_status(history, D("2026-11-01"))
    assert before.freezes == 1
    status = compute_status(history, D("2026-11-15"))
    assert states(status) == {"2026-10-26": "met", "2026-11-02": "frozen", "2026-11-09": "met"}
    assert [w.earned_freeze for w in week_states(history, D("2026-11-15"), D("2026-10-26"))] == [True, False, False]
    assert (status.current_streak, status.freezes, status.perfect_streak) == (2, 0, 1)


def test_a_week_one_short_uses_the_freeze_automatically() -> None:
    """A freeze is spent by the first missed week, even one with a session, without asking."""
    history = history_of("2026-11-02", "2026-11-03", "2026-11-04", "2026-11-10")
    assert compute_status(history, D("2026-11-15")).freezes == 1  # the week of 9 Nov is still open
    status = compute_status(history, D("2026-11-16"))
    assert states(status)["2026-11-09"] == "frozen"
    assert (status.freezes, status.current_streak) == (0, 1)


def test_no_more_than_two_freezes_are_banked() -> None:
    """Three weeks over the goal bank two freezes; the third earns none; three empty weeks after end frozen, frozen, missed."""
    history = history_of(*weekly("2026-10-05", 3, (0, 2, 4)))
    shown = week_states(history, D("2026-11-16"), D("2026-10-05"))
    assert [(w.state, w.earned_freeze) for w in shown] == [
        ("met", True), ("met", True), ("met", False),
        ("frozen", False), ("frozen", False), ("missed", False), ("open", False),
    ]  # fmt: skip
    assert compute_status(history, D("2026-10-25")).freezes == 2
    status = compute_status(history, D("2026-11-16"))
    assert (status.current_streak, status.best_streak, status.freezes) == (0, 3, 0)
    assert status.repair == Repair(D("2026-11-09"), 3, 3)  # the missed week can still be repaired


def test_a_missed_week_with_no_freeze_ends_the_streak() -> None:
    """One session against two with nothing banked: missed, the streak is 0 and the best keeps 3."""
    history = history_of(*weekly("2026-10-19", 3), "2026-11-10", *weekly("2026-11-16", 1))
    status = compute_status(history, SATURDAY)
    assert states(status)["2026-11-09"] == "missed"
    assert (status.current_streak, status.best_streak) == (1, 3)
    assert status.repair == Repair(D("2026-11-09"), 3, 1)  # two this week: one more repairs it


def test_a_missed_week_is_repaired_by_goal_plus_one_the_next_week() -> None:
    """Three sessions the week after a miss mark it repaired, and the streak comes back one longer."""
    history = history_of(*weekly("2026-10-19", 3), "2026-11-16", "2026-11-18", "2026-11-20")
    status = compute_status(history, SATURDAY)
    assert states(status) == {
        "2026-10-19": "met", "2026-10-26": "met", "2026-11-02": "met", "2026-11-09": "repaired", "2026-11-16": "met",
    }  # fmt: skip
    assert (status.current_streak, status.best_streak, status.perfect_streak, status.freezes) == (4, 4, 1, 0)
    assert status.repair is None
    assert list(status.walk.earned_freeze) == [False] * 5  # the repairing week earns no freeze on top


def test_a_repaired_week_is_not_met_in_history_json_terms() -> None:
    """history's `met` says whether the week held its goal; its state says it was repaired."""
    history = history_of(*weekly("2026-10-19", 3), "2026-11-16", "2026-11-18", "2026-11-20")
    week = next(w for w in week_states(history, SATURDAY, D("2026-11-09")) if w.start == D("2026-11-09"))
    assert (len(week.days) >= week.goal, week.state) == (False, "repaired")


# ------------------------------------------------------------------ a repair in the current week


REPAIRABLE = (*weekly("2026-10-19", 3), "2026-11-16", "2026-11-18", "2026-11-20")  # 9 Nov missed, streak 3 broken


def test_repair_before_any_session_this_week() -> None:
    """On Monday after the miss: the repair needs three, the streak shows 0, nothing is at risk."""
    status = compute_status(history_of(*REPAIRABLE[:-3]), D("2026-11-16"))
    assert status.repair == Repair(D("2026-11-09"), 3, 3)
    assert (status.current_streak, status.best_streak, status.sessions_needed, status.days_left) == (0, 3, 2, 7)
    assert not status.at_risk


def test_repair_after_the_goal_th_session_counts_the_week_but_still_offers_the_repair() -> None:
    """Two sessions meet this week (streak 1) and one more still repairs the old streak."""
    history = history_of(*REPAIRABLE[:-1])
    status = compute_status(history, D("2026-11-18"))
    assert states(status)["2026-11-16"] == "met"
    assert states(status)["2026-11-09"] == "missed"
    assert status.repair == Repair(D("2026-11-09"), 3, 1)
    assert (status.current_streak, status.sessions_needed) == (1, 0)


def test_repair_on_the_goal_plus_one_th_session() -> None:
    """The third session repairs last week: streak 3 + 1, repair gone, and streak-4 and first-repair earned that day."""
    before = compute_status(history_of(*REPAIRABLE), D("2026-11-19"))
    assert before.repair is not None and "streak-4" not in earned(before)
    status = compute_status(history_of(*REPAIRABLE), D("2026-11-20"))
    assert status.repair is None
    assert status.current_streak == 4
    assert earned(status)["streak-4"] == D("2026-11-20")  # the (goal + 1)-th session, not the goal-th
    assert earned(status)["first-repair"] == D("2026-11-20")
    assert "first-freeze" not in earned(status)


def test_a_repair_that_can_no_longer_be_made() -> None:
    """On Saturday with no session this week, three are needed and two days are left: repair is shown but out of reach."""
    status = compute_status(history_of(*weekly("2026-10-19", 3)), SATURDAY)
    assert status.repair == Repair(D("2026-11-09"), 3, 3)
    assert status.days_left == 2
    assert status.repair.sessions_needed > status.days_left


def test_the_repair_chance_ends_with_the_week_after_the_miss() -> None:
    """Once the week after a miss is over without goal + 1, the repair is gone and the miss stays."""
    history = history_of(*weekly("2026-10-19", 3), "2026-11-16", "2026-11-17", "2026-11-24", "2026-11-25", "2026-11-26")
    status = compute_status(history, D("2026-11-29"))
    assert states(status)["2026-11-09"] == "missed"
    assert states(status)["2026-11-16"] == "met"
    assert status.repair is None
    assert (status.current_streak, status.best_streak) == (2, 3)  # goal + 1 two weeks later repairs nothing
    assert status.freezes == 1  # it banks a freeze instead


def test_a_repair_follows_the_goal_of_the_repairing_week() -> None:
    """With the goal lowered to 1 the week after a miss, two sessions repair it."""
    history = history_of(*weekly("2026-10-19", 3), "2026-11-16", "2026-11-17", goals={"2026-11-16": 1})
    status = compute_status(history, D("2026-11-17"))
    assert states(status)["2026-11-09"] == "repaired"
    assert status.current_streak == 4
    assert earned(status)["streak-4"] == D("2026-11-17")


def test_no_repair_when_there_was_no_streak_to_save() -> None:
    """A miss right after a miss broke nothing, so there is nothing to repair."""
    status = compute_status(history_of("2026-10-26", "2026-11-10"), SATURDAY)
    assert list(states(status).values()) == ["missed", "missed", "missed", "open"]
    assert status.repair is None


def test_badges_cross_on_the_repairing_session_even_past_a_threshold() -> None:
    """A repair that lifts the streak from 7 to 8 earns streak-8 on the week's (goal + 1)-th session."""
    history = history_of(*weekly("2026-09-21", 7), "2026-11-16", "2026-11-17", "2026-11-19", "2026-11-20")
    status = compute_status(history, SATURDAY)
    assert states(status)["2026-11-09"] == "repaired"
    assert status.current_streak == 8
    assert earned(status)["streak-8"] == D("2026-11-19")
    assert earned(status)["streak-4"] == D("2026-10-14")
    assert status.freezes == 0  # the fourth session banks nothing: a repairing week earns no freeze


# ------------------------------------------------------------------ Sunday weeks, rest, year end, goal changes


def test_rest_under_sunday_weeks() -> None:
    """With Sunday weeks, `rest` on a Wednesday rests Sunday to Saturday, and that week neither breaks nor extends the streak."""
    history = history_of("2026-10-25", "2026-10-27", "2026-11-08", "2026-11-10", week_start_day="sunday")
    rested = add_rest(history, D("2026-11-04"), D("2026-11-04"))
    assert [(p.first, p.last) for p in rested.rest_periods] == [(D("2026-11-01"), D("2026-11-07"))]
    status = compute_status(rested, D("2026-11-14"))
    assert states(status) == {"2026-10-25": "met", "2026-11-01": "rest", "2026-11-08": "met"}
    assert status.current_streak == 2
    assert states(compute_status(history, D("2026-11-14")))["2026-11-01"] == "missed"


def test_a_monday_rest_period_touches_two_sunday_weeks_after_a_switch() -> None:
    """Rest set for Monday weeks, then weeks switched to Sunday: both Sunday weeks it touches rest."""
    history = add_rest(history_of("2026-10-26", "2026-10-28"), D("2026-11-04"), D("2026-11-04"))
    assert [(p.first, p.last) for p in history.rest_periods] == [(D("2026-11-02"), D("2026-11-08"))]
    switched = set_week_start_day(history, "sunday")
    shown = week_states(switched, D("2026-11-21"), D("2026-10-25"))
    assert [(w.start.isoformat(), w.rest, w.state) for w in shown] == [
        ("2026-10-25", False, "met"), ("2026-11-01", True, "rest"), ("2026-11-08", True, "rest"),
        ("2026-11-15", False, "open"),
    ]  # fmt: skip


def test_a_freeze_earned_in_iso_week_53_covers_the_first_week_of_the_new_year() -> None:
    """Three sessions in the week of 28 Dec 2026 (ISO week 53) bank a freeze for the week of 4 Jan."""
    history = history_of(
        "2026-12-21", "2026-12-23", "2026-12-28", "2026-12-31", "2027-01-02", "2027-01-12", "2027-01-14"
    )  # fmt: skip
    status = compute_status(history, D("2027-01-17"))
    assert states(status) == {"2026-12-21": "met", "2026-12-28": "met", "2027-01-04": "frozen", "2027-01-11": "met"}
    assert (status.current_streak, status.freezes) == (3, 0)
    assert earned(status)["first-freeze"] == D("2027-01-02")


def test_a_repair_across_new_year_under_sunday_weeks() -> None:
    """Sunday weeks: a miss in the week of 27 Dec is repaired by three sessions in the week of 3 Jan 2027."""
    sessions = ("2026-12-14", "2026-12-16", "2026-12-21", "2026-12-23", "2027-01-03", "2027-01-05", "2027-01-08")
    status = compute_status(history_of(*sessions, week_start_day="sunday"), D("2027-01-09"))
    assert states(status) == {"2026-12-13": "met", "2026-12-20": "met", "2026-12-27": "repaired", "2027-01-03": "met"}
    assert (status.current_streak, status.week_start, status.days_left) == (3, D("2027-01-03"), 1)


def test_raising_the_goal_makes_a_two_session_week_a_miss() -> None:
    """Goal 3 from the week of 2 Nov: that week's two sessions miss it, and goal + 1 is then four."""
    history = history_of(*weekly("2026-10-19", 2), *weekly("2026-11-02", 2), goals={"2026-11-04": 3})
    status = compute_status(history, D("2026-11-16"))
    assert states(status) == {
        "2026-10-19": "met", "2026-10-26": "met", "2026-11-02": "missed", "2026-11-09": "missed", "2026-11-16": "open",
    }  # fmt: skip
    assert (status.current_streak, status.best_streak, status.repair) == (0, 2, None)
    three = history_of(*weekly("2026-10-19", 2), *weekly("2026-11-02", 1), *weekly("2026-11-09", 1, (0, 1, 2, 3)),
                       goals={"2026-11-04": 3})  # fmt: skip
    assert states(compute_status(three, D("2026-11-15")))["2026-11-02"] == "repaired"


def test_a_freeze_needs_one_more_than_the_weeks_own_goal() -> None:
    """With goal 1, two sessions bank a freeze; with goal 3, three do not."""
    one = compute_status(history_of("2026-11-02", "2026-11-04", goals={"2026-11-02": 1}), D("2026-11-08"))
    three_sessions = history_of("2026-11-02", "2026-11-03", "2026-11-04", goals={"2026-11-02": 3})
    three = compute_status(three_sessions, D("2026-11-08"))
    assert (one.freezes, three.freezes) == (1, 0)
    assert earned(one)["first-freeze"] == D("2026-11-04")


def test_goal_seven_can_never_earn_a_freeze_or_repair() -> None:
    """Seven sessions meet a goal of seven, but eight never fit in a week."""
    history = history_of(*weekly("2026-11-02", 1, tuple(range(7))), goals={"2026-11-02": 7})
    status = compute_status(history, D("2026-11-08"))
    assert (status.current_streak, status.freezes) == (1, 0)


def test_two_changes_in_one_sunday_week_after_a_switch_the_later_wins() -> None:
    """Goal 3 from Sun 8 Nov and 1 from Mon 9 Nov, weeks then switched to Sunday: the week of 8 Nov asks for 1."""
    history = history_of("2026-11-10", goals={"2026-11-08": 3, "2026-11-09": 1}, week_start_day="sunday")
    status = compute_status(history, D("2026-11-14"))
    assert (status.goal, status.current_streak) == (1, 1)


# ------------------------------------------------------------------ XP and levels


@pytest.mark.parametrize(
    ("xp", "level", "to_next"),
    [(0, 1, 100), (99, 1, 1), (100, 2, 200), (299, 2, 1), (300, 3, 300), (599, 3, 1), (600, 4, 400),
     (999, 4, 1), (1000, 5, 500), (1499, 5, 1), (1500, 6, 600)],
)  # fmt: skip
def test_level_boundaries(xp: int, level: int, to_next: int) -> None:
    """Level 2 at 100 XP, 3 at 300, 4 at 600, 5 at 1,000: one XP short stays below."""
    assert level_of(xp) == (level, to_next)


def test_xp_of_a_small_history_by_hand() -> None:
    """Sessions, a comeback, the streak bonus of met weeks and badges add up to 305 XP: level 3, 295 to go."""
    history = history_of(
        "2026-10-12", "2026-11-02", "2026-11-04", "2026-11-09", "2026-11-11", "2026-11-13", "2026-11-19"
    )  # fmt: skip
    status = compute_status(history, SATURDAY)
    assert states(status) == {
        "2026-10-12": "missed", "2026-10-19": "missed", "2026-10-26": "missed",
        "2026-11-02": "met", "2026-11-09": "met", "2026-11-16": "open",
    }  # fmt: skip
    sessions = 7 * 10
    comeback = 20  # 2 Nov comes 21 days after 12 Oct
    streak_bonus = 5 * 1 + 5 * 2  # met weeks with run 1 and 2; the open week adds nothing yet
    badges = 4 * 50  # first-session, comeback, twice-in-a-week, first-freeze
    assert set(earned(status)) == {"first-session", "comeback", "twice-in-a-week", "first-freeze"}
    assert status.xp == sessions + comeback + streak_bonus + badges == 305
    assert (status.level, status.xp_to_next) == (3, 295)
    met_now = compute_status(history._replace(sessions=(*history.sessions, Session(SATURDAY))), SATURDAY)
    assert met_now.xp == 305 + 10 + 5 * 3  # the week in progress counts once met: run 3


def test_the_streak_bonus_stops_growing_at_ten_weeks() -> None:
    """Twelve met weeks earn 5, 10, ... 50, 50, 50 XP of streak bonus."""
    history = history_of(*weekly("2026-08-31", 12))
    status = compute_status(history, D("2026-11-22"))
    bonus = sum(5 * min(week, 10) for week in range(1, 13))
    badges = ["first-session", "sessions-10", "twice-in-a-week", "twice-weekly-4", "twice-weekly-12", "streak-4",
              "streak-8", "streak-12"]  # fmt: skip
    assert set(earned(status)) == set(badges)
    assert status.xp == 24 * 10 + bonus + 50 * len(badges)
