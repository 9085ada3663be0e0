"""A check-in's tip fits its strongest moment, from that moment's own tips, each group in a cycle of its own."""

import random
from datetime import date, timedelta

import pytest

from helpers import history_of, shown_in_turn
from streak.core.history.model import History, Lift, Session
from streak.core.rules.checkin import CheckIn, check_in, moments_of
from streak.core.tips.catalogue import MOMENTS
from streak.core.tips.choice import (
    COMEBACK,
    FIRST_SESSION,
    FREQUENCY,
    PERSONAL_RECORD,
    REPAIR,
    STREAK_BADGE,
    after_showing,
    catalogue,
    choose_tip,
    group_of,
    strongest,
)

TIPS = catalogue()
TODAY = date(2026, 11, 21)  # a Saturday
D = date.fromisoformat


def squat(kg: float) -> tuple[Lift, ...]:
    """One back squat lift of 5x5 at `kg`."""
    return (Lift("Back squat", 5, 5, kg, "kg"),)


def checked_in(history: History, session: Session, seed: int = 0) -> CheckIn:
    """The check-in of `session` on 2026-11-21 with a seeded tip choice."""
    return check_in(history, session, TODAY, random.Random(seed).choice)[1]


def moments(result: CheckIn) -> list[str]:
    """Every moment a check-in marked, strongest first."""
    return moments_of(
        result.status,
        result.before,
        result.session.day,
        list(result.new_badges),
        len(result.records),
        result.away_days is not None,
        result.repaired,
    )


# What each moment is, one history per moment (goal 2 unless set).
FIRST = (History(), Session(D("2026-11-20")))
BACK_AFTER_18_DAYS = (history_of("2026-10-01", "2026-11-02"), Session(D("2026-11-20")))
# Week of Nov 9 missed; the third session of the week of Nov 16 repairs the streak of two.
REPAIRING = (
    history_of("2026-10-26", "2026-10-28", "2026-11-02", "2026-11-04", "2026-11-16", "2026-11-18"),
    Session(D("2026-11-20")),
)
HEAVIER_SQUAT = (
    History(sessions=(Session(D("2026-11-12"), lifts=squat(100)),)),
    Session(D("2026-11-19"), lifts=squat(105)),
)
# The third session of a week with a goal of 3 meets it, on a Saturday with the streak at stake.
THREE_A_WEEK = ("2026-11-02", "2026-11-04", "2026-11-06", "2026-11-09", "2026-11-11", "2026-11-13")
SAVES_THE_STREAK = (
    history_of(*THREE_A_WEEK, "2026-11-16", "2026-11-18", goals={"2026-11-02": 3}),
    Session(D("2026-11-21")),
)
SECOND_IN_WEEK = (history_of("2026-11-16"), Session(D("2026-11-18")))
# The first session of a week, a week after the last: no moment at all.
ORDINARY = (history_of("2026-11-09"), Session(D("2026-11-16")))


@pytest.mark.parametrize(
    ("case", "moment"),
    [
        (FIRST, FIRST_SESSION),
        (BACK_AFTER_18_DAYS, COMEBACK),
        (REPAIRING, REPAIR),
        (HEAVIER_SQUAT, PERSONAL_RECORD),
        (SAVES_THE_STREAK, FREQUENCY),
        (SECOND_IN_WEEK, FREQUENCY),
        (ORDINARY, None),
    ],
    ids=["first-session", "comeback", "repair", "personal-record", "saves-a-streak", "second-in-week", "general"],
)
def test_each_moment_gets_only_its_own_tips(case: tuple[History, Session], moment: str | None) -> None:
    """Whatever the seed, the tip comes from the moment's own tips, or from the general tips when there is none."""
    history, session = case
    group = {tip.id for tip in group_of(TIPS, moment)}
    for seed in range(30):
        result = checked_in(history, session, seed)
        assert strongest(moments(result)) == moment
        assert result.tip.moment == moment and result.tip.id in group


def test_a_streak_badge_gets_a_consistency_tip() -> None:
    """Meeting the fourth week in a row earns streak-4: its tip is a streak-badge tip, though it is also a week's second."""
    history = history_of(
        "2026-10-26", "2026-10-28", "2026-11-02", "2026-11-04", "2026-11-09", "2026-11-11", "2026-11-16"
    )
    result = checked_in(history, Session(D("2026-11-18")))
    assert "streak-4" in {state.badge.id for state in result.new_badges}
    assert moments(result) == [STREAK_BADGE, FREQUENCY]
    assert result.tip.moment == STREAK_BADGE


def test_the_strongest_moment_wins() -> None:
    """A comeback with a heavier squat is a comeback; a repair that reaches a four-week streak is a repair."""
    comeback = checked_in(
        History(sessions=(Session(D("2026-10-01"), lifts=squat(100)),)), Session(D("2026-11-20"), lifts=squat(110))
    )
    assert moments(comeback) == [COMEBACK, PERSONAL_RECORD]
    assert comeback.tip.moment == COMEBACK
    weeks_met = ("2026-10-19", "2026-10-21", "2026-10-26", "2026-10-28", "2026-11-02", "2026-11-04")
    repair = checked_in(history_of(*weeks_met, "2026-11-16", "2026-11-18"), Session(D("2026-11-20")))
    assert "streak-4" in {state.badge.id for state in repair.new_badges}
    assert moments(repair) == [REPAIR, STREAK_BADGE]
    assert repair.tip.moment == REPAIR


def test_a_second_repair_is_a_repair_moment_too() -> None:
    """Only the first repair earns a badge, but every repaired streak gets a repair tip."""
    first_repair = ("2026-10-05", "2026-10-07", "2026-10-19", "2026-10-20", "2026-10-21")  # week of Oct 12 missed
    met = ("2026-10-26", "2026-10-28", "2026-11-02", "2026-11-04")
    history = history_of(*first_repair, *met, "2026-11-16", "2026-11-18")  # week of Nov 9 missed
    result = checked_in(history, Session(D("2026-11-20")))
    assert "first-repair" not in {state.badge.id for state in result.new_badges}
    assert result.repaired and result.tip.moment == REPAIR


def test_a_check_in_still_short_of_a_goal_at_stake_is_not_a_frequency_moment() -> None:
    """With a goal of 3, the first session of a week at stake saves nothing yet: a general tip."""
    history = history_of(*THREE_A_WEEK, goals={"2026-11-02": 3})
    result = checked_in(history, Session(D("2026-11-19")))
    assert result.before.at_risk and result.status.at_risk
    assert moments(result) == [] and result.tip.moment is None


def test_repair_tips_are_about_training_one_session_more_not_easing_back() -> None:
    """A repair is won by goal + 1 sessions: its tips never tell someone to ease back in after time off."""
    for tip in group_of(TIPS, REPAIR):
        assert not any(words in tip.text.lower() for words in ("time off", "lighter than", "after a break")), tip.id


@pytest.mark.parametrize("moment", MOMENTS)
def test_a_moments_tips_repeat_only_after_all_were_shown_at_it(moment: str) -> None:
    """Each moment walks its own tips once before any repeats; the general cycle meanwhile stays where it was."""
    general_shown = tuple(tip.id for tip in group_of(TIPS, None)[:5])
    group = group_of(TIPS, moment)
    pick = random.Random(moment).choice
    seen, shown = shown_in_turn(TIPS, general_shown, moment, pick, len(group))
    assert sorted(seen) == sorted(tip.id for tip in group)
    again = choose_tip(TIPS, shown, moment, pick)
    assert again.moment == moment
    assert after_showing(TIPS, shown, again) == (*general_shown, again.id)


def test_a_complete_general_cycle_leaves_the_moments_cycles_alone() -> None:
    """Starting the general cycle over forgets only the general tips shown."""
    comeback_shown = tuple(tip.id for tip in group_of(TIPS, COMEBACK)[:2])
    shown = (*comeback_shown, *(tip.id for tip in group_of(TIPS, None)))
    tip = choose_tip(TIPS, shown, None, random.Random(5).choice)
    assert after_showing(TIPS, shown, tip) == (*comeback_shown, tip.id)


def _three_years_of_check_ins() -> list[tuple[str | None, str]]:
    """(moment, tip id) of each check-in over three years of uneven weeks, squats now and then, the choice seeded.

    Each check-in is made on its own day (today pinned to it); the weeks hold 0 to 3 sessions, so
    the history has missed, frozen and repaired weeks, comebacks and personal records.
    """
    rng = random.Random(1)
    history = History()
    first_monday = D("2026-11-16") - timedelta(weeks=156)
    kg = 60.0
    shown = []
    for week in range(157):
        for weekday in sorted(rng.sample(range(7), rng.choice((0, 1, 2, 3, 3)))):
            day = first_monday + timedelta(weeks=week, days=weekday)
            if day > TODAY:
                break
            lifts: tuple[Lift, ...] = ()
            if rng.random() < 0.4:
                kg += rng.choice((-5.0, 2.5, 5.0))
                lifts = squat(kg)
            history, result = check_in(history, Session(day, lifts=lifts), day, rng.choice)
            assert result.tip.moment == strongest(moments(result))
            shown.append((result.tip.moment, result.tip.id))
    return shown


def test_every_group_cycles_on_its_own_over_years_of_check_ins() -> None:
    """Over hundreds of check-ins, each group shows all its tips before any of them comes round again."""
    shown = _three_years_of_check_ins()
    for moment in (None, *MOMENTS):
        ids = [id for at, id in shown if at == moment]
        size = len(group_of(TIPS, moment))
        if moment not in (FIRST_SESSION, STREAK_BADGE):  # once ever, and five badges ever: the pure test covers them
            assert len(ids) > size, moment  # the history comes round to this moment's tips again
        for start in range(0, len(ids), size):
            assert len(set(ids[start : start + size])) == len(ids[start : start + size]), (moment, start)
