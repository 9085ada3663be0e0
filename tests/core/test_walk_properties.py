"""The streak walk, every figure and every walk-based badge against a literal, slow reading of SPEC.md.

The reference below is written to be obviously SPEC.md and nothing else: each week's sessions are
counted by scanning every session, each week's goal by scanning every goal change as the "Words"
section defines it, and each rest week by scanning every rest period day by day (its first weekday is
strategies.py's ref_week_start, a step back a day at a time). It shares no code
with `streak.core` beyond the data types.
"""

from datetime import date, timedelta
from typing import NamedTuple

from hypothesis import given, settings

from strategies import histories, ref_week_start
from streak.core.history.model import GoalChange, History
from streak.core.rules.status import compute_status
from streak.core.rules.week_states import week_states
from streak.core.rules.xp import level_of

EXAMPLES = settings(max_examples=150, deadline=None)


# ---------------------------------------------------------------- the literal reference


def ref_sessions(history: History, week: date, as_of: date) -> list[date]:
    """The week's session days on or before `as_of`, found by scanning every session."""
    return sorted(s.day for s in history.sessions if week <= s.day <= week + timedelta(days=6) and s.day <= as_of)


def ref_goal(history: History, week: date) -> int:
    """SPEC "Words": the change with the latest from-date whose week starts on or before this week; else 2."""
    best: GoalChange | None = None
    for change in history.goal_changes:
        if ref_week_start(change.since, history.week_start_day) <= week and (best is None or change.since > best.since):
            best = change
    return best.goal if best else 2


def ref_rest(history: History, week: date) -> bool:
    """A week is a rest week when any of its days lies in a rest period: every day, every period."""
    for offset in range(7):
        day = week + timedelta(days=offset)
        for period in history.rest_periods:
            if period.first <= day <= period.last:
                return True
    return False


class RefWeek(NamedTuple):
    start: date
    days: list[date]
    goal: int
    state: str
    earned_freeze: bool
    repairing: bool  # this week repaired the missed week before it
    run: int  # `run` after this week


class RefWalk(NamedTuple):
    weeks: list[RefWeek]
    run: int
    best: int
    freezes: int
    pending: int | None
    pending_week: date | None


def ref_walk(history: History, as_of: date) -> RefWalk:
    """SPEC.md's six steps, in order, one week at a time."""
    wsd = history.week_start_day
    all_days = sorted(s.day for s in history.sessions if s.day <= as_of)
    this_week = ref_week_start(as_of, wsd)
    if not all_days:
        return RefWalk([], 0, 0, 0, None, None)
    run = best = freezes = 0
    pending: int | None = None
    pending_week: date | None = None
    weeks: list[RefWeek] = []
    x = ref_week_start(all_days[0], wsd)
    while x <= this_week:
        days = ref_sessions(history, x, as_of)
        n, g = len(days), ref_goal(history, x)
        is_w = x == this_week
        state, earned, repairing = None, False, False
        # 1.
        if pending is not None:
            if n >= g + 1:
                state, repairing = "met", True
                previous = weeks[-1]
                weeks[-1] = previous._replace(state="repaired")
                run = pending + 1
                pending = None
                pending_week = None
            elif is_w:
                pass  # the repair is still possible
            else:
                pending = None
                pending_week = None
        if state is None:
            if n >= g:  # 2.
                state = "met"
                run += 1
                if n >= g + 1 and freezes < 2:
                    earned = True
                    freezes += 1
            elif is_w:  # 3.
                state = "open"
            elif ref_rest(history, x):  # 4.
                state = "rest"
            elif freezes > 0:  # 5.
                freezes -= 1
                state = "frozen"
            else:  # 6.
                state = "missed"
                if run > 0:
                    pending = run
                    pending_week = x
                run = 0
        best = max(best, run)
        weeks.append(RefWeek(x, days, g, state, earned, repairing, run))
        x += timedelta(days=7)
    return RefWalk(weeks, run, best, freezes, pending, pending_week)


def ref_badges(history: History, as_of: date, walked: RefWalk) -> dict[str, date]:
    """Every walk-based badge of SPEC.md's table that is earned as of `as_of`, {id: earned_on}."""
    days = sorted(s.day for s in history.sessions if s.day <= as_of)
    found: dict[str, date] = {}
    for count, badge in ((1, "first-session"), (10, "sessions-10"), (25, "sessions-25"), (50, "sessions-50")):
        if len(days) >= count:
            found[badge] = days[count - 1]
    if len(days) >= 100:
        found["sessions-100"] = days[99]
    weeks = walked.weeks
    for week in weeks:
        if len(week.days) >= 2:
            found["twice-in-a-week"] = week.days[1]
            break
    for target in (4, 12):
        for index in range(len(weeks)):
            window = weeks[index - target + 1 : index + 1] if index + 1 >= target else []
            if window and all(len(w.days) >= 2 for w in window):
                found[f"twice-weekly-{target}"] = weeks[index].days[1]
                break
    for target in (4, 8, 12, 26, 52):
        for week in weeks:
            if week.run >= target:
                found[f"streak-{target}"] = week.days[week.goal] if week.repairing else week.days[week.goal - 1]
                break
    for week in weeks:
        if week.earned_freeze:
            found["first-freeze"] = week.days[week.goal]
            break
    for index, week in enumerate(weeks):
        if week.state == "repaired":
            repairing = weeks[index + 1]
            found["first-repair"] = repairing.days[repairing.goal]
            break
    for before, after in zip(days, days[1:]):
        if (after - before).days >= 14:
            found["comeback"] = after
            break
    return found


class RefStatus(NamedTuple):
    week_start: date
    goal: int
    week_sessions: int
    sessions_needed: int
    days_left: int
    rest_week: bool
    at_risk: bool
    current_streak: int
    best_streak: int
    perfect_streak: int
    freezes: int
    repair: tuple[date, int, int] | None
    total_sessions: int
    last_session: date | None
    days_since_last: int | None
    avg_per_week_4: float
    xp: int
    level: int
    xp_to_next: int


def ref_level(xp: int) -> tuple[int, int]:
    """The largest L >= 1 with xp >= 50 L (L - 1), and 50 (L + 1) L - xp."""
    level = 1
    while xp >= 50 * (level + 1) * level:
        level += 1
    return level, 50 * (level + 1) * level - xp


def ref_status(history: History, as_of: date) -> tuple[RefStatus, RefWalk, dict[str, date]]:
    """Every figure of SPEC.md's status object, from the literal walk."""
    wsd = history.week_start_day
    walked = ref_walk(history, as_of)
    this_week = ref_week_start(as_of, wsd)
    days = sorted(s.day for s in history.sessions if s.day <= as_of)
    n, g = len(ref_sessions(history, this_week, as_of)), ref_goal(history, this_week)
    rest_week = ref_rest(history, this_week)
    days_left = (this_week + timedelta(days=6) - as_of).days + 1 - (1 if as_of in days else 0)
    # perfect_streak: weeks with n >= g going back from W-1 until the first week without, plus one if W has n >= g.
    perfect, week = 0, this_week - timedelta(days=7)
    while days and len(ref_sessions(history, week, as_of)) >= ref_goal(history, week):
        perfect += 1
        week -= timedelta(days=7)
    perfect += 1 if n >= g else 0
    repair = None
    if walked.pending is not None:
        repair = (walked.pending_week, walked.pending, max(0, g + 1 - n))
    whole_weeks = [this_week - timedelta(days=7 * k) for k in range(1, 5)]
    average = round(sum(len(ref_sessions(history, w, as_of)) for w in whole_weeks) / 4, 2)
    badges = ref_badges(history, as_of, walked)
    xp = 0
    if days:
        xp += 10 * len(days)
        xp += 20 * sum(1 for before, after in zip(days, days[1:]) if (after - before).days >= 14)
        xp += sum(5 * min(w.run, 10) for w in walked.weeks if w.state == "met")
        xp += 50 * len(badges)
    level, to_next = ref_level(xp)
    current = walked.run
    status = RefStatus(
        week_start=this_week,
        goal=g,
        week_sessions=n,
        sessions_needed=max(0, g - n),
        days_left=days_left,
        rest_week=rest_week,
        at_risk=max(0, g - n) > 0 and not rest_week and walked.freezes == 0 and current > 0,
        current_streak=current,
        best_streak=walked.best,
        perfect_streak=perfect if days else 0,
        freezes=walked.freezes,
        repair=repair,
        total_sessions=len(days),
        last_session=days[-1] if days else None,
        days_since_last=(as_of - days[-1]).days if days else None,
        avg_per_week_4=average,
        xp=xp,
        level=level,
        xp_to_next=to_next,
    )
    return status, walked, badges


# ---------------------------------------------------------------- the properties


@EXAMPLES
@given(histories())
def test_every_week_gets_the_state_the_spec_walk_gives_it(case: tuple[History, date]) -> None:
    """History's week list shows each week as met, open, rest, frozen, repaired, missed or none exactly as SPEC.md's walk does."""
    history, as_of = case
    _, walked, _ = ref_status(history, as_of)
    status = compute_status(history, as_of)
    expected = [(w.start, w.goal, tuple(w.days), w.state, w.earned_freeze) for w in walked.weeks]
    if expected:
        walked_now = zip(status.weeks, status.walk.states, status.walk.earned_freeze)
        got = [(w.start, w.goal, w.days, state, earns) for w, state, earns in walked_now]
        assert got == expected
        assert list(status.walk.repairing) == [w.repairing for w in walked.weeks]
        assert list(status.walk.runs) == [w.run for w in walked.weeks]
    else:
        assert set(status.walk.states) <= {"none"}
    # The week list from ten weeks before the history: weeks before the first session's are none.
    first = min([as_of, *(s.day for s in history.sessions)]) - timedelta(weeks=10)
    shown = week_states(history, as_of, first)
    by_start = {w.start: w for w in walked.weeks}
    week = ref_week_start(first, history.week_start_day)
    assert [w.start for w in shown][0] == week
    for row in shown:
        assert row.start == week
        assert row.goal == ref_goal(history, week)
        assert list(row.days) == ref_sessions(history, week, as_of)
        assert row.rest == ref_rest(history, week)
        ref = by_start.get(week)
        assert (row.state, row.earned_freeze) == ((ref.state, ref.earned_freeze) if ref else ("none", False))
        week += timedelta(days=7)
    assert shown[-1].start == ref_week_start(as_of, history.week_start_day)


@EXAMPLES
@given(histories())
def test_every_status_figure_matches_the_spec(case: tuple[History, date]) -> None:
    """Streaks, freezes, repair, this week's forecast, totals, XP and level are SPEC.md's, on any history."""
    history, as_of = case
    ref, _, _ = ref_status(history, as_of)
    status = compute_status(history, as_of)
    repair = None if status.repair is None else tuple(status.repair)
    got = ref._replace(**{field: getattr(status, field) for field in RefStatus._fields if field != "repair"})
    assert got._replace(repair=repair) == ref
    assert status.as_of == as_of
    assert level_of(status.xp) == (ref.level, ref.xp_to_next)


@EXAMPLES
@given(histories())
def test_every_badge_is_earned_on_the_session_the_spec_names(case: tuple[History, date]) -> None:
    """streak-N, first-freeze, first-repair, comeback, twice-weekly and session badges land on SPEC.md's session, or are not earned."""
    history, as_of = case
    _, _, expected = ref_status(history, as_of)
    status = compute_status(history, as_of)
    assert {state.badge.id: state.earned_on for state in status.earned_badges} == expected
    assert [state.badge.id for state in status.earned_badges] == sorted(expected, key=lambda b: (expected[b], b))


@settings(max_examples=60, deadline=None)
@given(histories(max_weeks=120))
def test_long_histories_match_the_spec_too(case: tuple[History, date]) -> None:
    """Over two years and more (streak-26 and streak-52 in reach, XP bonus capped at 10 weeks), figures and badges still agree."""
    history, as_of = case
    ref, walked, badges = ref_status(history, as_of)
    status = compute_status(history, as_of)
    assert list(status.walk.states) == [w.state for w in walked.weeks] or not walked.weeks
    assert (status.current_streak, status.best_streak, status.freezes, status.xp) == (
        ref.current_streak,
        ref.best_streak,
        ref.freezes,
        ref.xp,
    )
    assert {state.badge.id: state.earned_on for state in status.earned_badges} == badges


@EXAMPLES
@given(histories())
def test_the_walk_never_banks_more_than_two_freezes(case: tuple[History, date]) -> None:
    """Whatever the history, the bank holds 0, 1 or 2 freezes and a repaired week is always followed by a met one."""
    history, as_of = case
    status = compute_status(history, as_of)
    assert 0 <= status.freezes <= 2
    states = status.walk.states
    for index, state in enumerate(states):
        if state == "repaired":
            assert states[index + 1] == "met" and status.walk.repairing[index + 1]
    assert sum(status.walk.earned_freeze) - states.count("frozen") == status.freezes
