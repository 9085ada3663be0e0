"""Properties of the streak and badge rules over any history, checked against a plain reference."""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from streak.core.dates import week_start
from streak.core.history.goals import GoalTimeline
from streak.core.history.model import GoalChange, History, Session, Settings
from streak.core.rules.status import compute_status

START = date(2024, 12, 1)
days = st.integers(min_value=0, max_value=500).map(lambda n: START + timedelta(days=n))
# Built once, not in every draw (a strategy built inside a draw is validated again each time).
SESSION_DAYS = st.sets(days, max_size=120)
CHANGE_DAYS = st.dictionaries(days, st.integers(1, 7), max_size=4)
FIRST_WEEKDAYS = st.sampled_from(["monday", "sunday"])


@st.composite
def histories(draw: st.DrawFn) -> History:
    """Any history over about 16 months: sessions, goal changes and either first weekday."""
    session_days = sorted(draw(SESSION_DAYS))
    change_days = draw(CHANGE_DAYS)
    week_start_day = draw(FIRST_WEEKDAYS)
    changes: dict[date, GoalChange] = {}
    for since, goal in sorted(change_days.items()):  # one change a week, the latest wins, as the rules keep them
        changes[week_start(since, week_start_day)] = GoalChange(since, goal)
    return History(
        tuple(Session(day) for day in session_days), tuple(sorted(changes.values())), Settings(week_start_day)
    )


def reference_perfect_streak(history: History, as_of: date) -> int:
    """SPEC.md's strict count, walked literally one week at a time."""
    timeline = GoalTimeline(history.goal_changes, history.week_start_day)

    def met(week: date) -> bool:
        count = sum(1 for s in history.sessions if week_start(s.day, history.week_start_day) == week and s.day <= as_of)
        return count >= timeline.goal_for(week)

    this_week = week_start(as_of, history.week_start_day)
    first = min((s.day for s in history.sessions if s.day <= as_of), default=as_of)
    streak, week = 0, this_week - timedelta(days=7)
    while week >= week_start(first, history.week_start_day) and met(week):
        streak += 1
        week -= timedelta(days=7)
    return streak + (1 if met(this_week) else 0)


@settings(max_examples=150, deadline=None)
@given(histories(), days)
def test_perfect_streak_matches_the_spec_definition(history: History, as_of: date) -> None:
    """The strict count equals the literal week-by-week count of SPEC.md."""
    assert compute_status(history, as_of).perfect_streak == reference_perfect_streak(history, as_of)


@settings(max_examples=150, deadline=None)
@given(histories(), days)
def test_current_never_exceeds_best(history: History, as_of: date) -> None:
    """The current streak is one of the runs the best streak is the longest of."""
    status = compute_status(history, as_of)
    assert 0 <= status.current_streak <= status.best_streak


@settings(max_examples=150, deadline=None)
@given(histories(), days)
def test_adding_a_session_never_lowers_best_or_takes_a_count_badge(history: History, day: date) -> None:
    """One more leg day can only help: best streak and session totals do not drop."""
    as_of = START + timedelta(days=500)
    before = compute_status(history, as_of)
    if any(s.day == day for s in history.sessions):
        return
    after = compute_status(history._replace(sessions=tuple(sorted((*history.sessions, Session(day))))), as_of)
    assert after.best_streak >= before.best_streak
    assert after.total_sessions == before.total_sessions + 1
    assert {s.badge.id for s in before.earned_badges if s.badge.kind == "sessions"} <= {
        s.badge.id for s in after.earned_badges
    }


@settings(max_examples=150, deadline=None)
@given(histories(), days)
def test_badges_are_earned_on_session_days_up_to_as_of(history: History, as_of: date) -> None:
    """Every earned_on is the date of a real session, on or before the as-of day."""
    session_days = {s.day for s in history.sessions}
    for state in compute_status(history, as_of).earned_badges:
        assert state.earned_on in session_days
        assert state.earned_on <= as_of


@settings(max_examples=150, deadline=None)
@given(histories(), days)
def test_figures_as_of_a_day_ignore_later_sessions(history: History, as_of: date) -> None:
    """Cutting the history at the as-of day changes no figure."""
    cut = history._replace(sessions=tuple(s for s in history.sessions if s.day <= as_of))
    assert compute_status(history, as_of) == compute_status(cut, as_of)


@settings(max_examples=150, deadline=None)
@given(histories(), days)
def test_counts_are_consistent(history: History, as_of: date) -> None:
    """This week's sessions are part of the total; days since last is never negative; progress never passes its target."""
    status = compute_status(history, as_of)
    assert 0 <= status.week_sessions <= status.total_sessions
    assert status.days_since_last is None or status.days_since_last >= 0
    assert all(0 <= s.current <= s.badge.target for s in status.badges)
    assert all(s.current == s.badge.target for s in status.badges if s.earned)


@settings(max_examples=150, deadline=None)
@given(histories(), days)
def test_comeback_is_the_first_session_after_fourteen_days_away(history: History, as_of: date) -> None:
    """The week-walking comeback rule agrees with a plain scan over consecutive sessions."""
    session_days = [s.day for s in history.sessions if s.day <= as_of]
    expected = next((b for a, b in zip(session_days, session_days[1:]) if (b - a).days >= 14), None)
    states = {s.badge.id: s for s in compute_status(history, as_of).badges}
    assert states["comeback"].earned_on == expected
