"""What the app and the command line say about this week: every sentence possible and true, checked by playing it out."""

import re
from datetime import date, timedelta
from functools import cache

from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import history_of
from strategies import histories
from streak.cli.render import status_text
from streak.core.history.model import GoalChange, History, RestPeriod, Session, Settings
from streak.core.phrases import at_stake, short_line, streak_news, week_nudge
from streak.core.rules.status import Status, compute_status

D = date.fromisoformat
SATURDAY = D("2026-11-21")
EXAMPLES = settings(max_examples=150, deadline=None)
WEEKDAY_NAMES = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}


# ------------------------------------------------------------------ playing a week out


def cut(history: History, as_of: date) -> History:
    """The history as it stood at the end of `as_of`: later sessions are not there yet."""
    return history._replace(sessions=tuple(s for s in history.sessions if s.day <= as_of))


def free_days(status: Status) -> list[date]:
    """The days of this week on which a session can still be recorded, from the as-of day on."""
    first = status.as_of + timedelta(days=1 if status.last_session == status.as_of else 0)
    end = status.week_start + timedelta(days=6)
    return [first + timedelta(days=k) for k in range((end - first).days + 1)]


def trained(history: History, on: list[date]) -> History:
    """The history with a session on each of `on` (none of which holds one yet)."""
    return history._replace(sessions=tuple(sorted((*history.sessions, *map(Session, on)), key=lambda s: s.day)))


def play(history: History, status: Status, count: int) -> Status:
    """The status at the end of this week after `count` more sessions on the first free days."""
    days = free_days(status)
    assert count <= len(days), f"{count} more sessions cannot fit in {len(days)} days"
    end = status.week_start + timedelta(days=6)
    return compute_status(trained(cut(history, status.as_of), days[:count]), end)


def next_week(history: History, status: Status, extra: int, next_count: int) -> Status:
    """The status at the end of next week, after `extra` more sessions this week and `next_count` next week."""
    days = free_days(status)[:extra]
    monday = status.week_start + timedelta(days=7)
    assert next_count <= 7, f"{next_count} sessions cannot fit in a week"
    later = [monday + timedelta(days=k) for k in range(next_count)]
    return compute_status(trained(cut(history, status.as_of), days + later), monday + timedelta(days=6))


def says_more(text: str) -> list[int]:
    """Every count in `N more ...` of a sentence."""
    return [int(n) for n in re.findall(r"(\d+) more", text)]


def check_nudge(history: History, status: Status) -> None:
    """week_nudge says only what is possible this week and comes true when followed."""
    text = week_nudge(status)
    left, needed = status.days_left, status.sessions_needed
    assert len(free_days(status)) == left
    if status.rest_week and status.total_sessions and needed and "repair" not in text:
        assert "rest week" in text, text
    if "freeze covers this week" in text:  # named beside what is needed, and true: an unmet week is frozen
        assert status.freezes and not status.rest_week and needed <= left, text
        frozen = next_week(history, status, 0, 0)
        assert frozen.walk.states[-2] in ("frozen", "none") and frozen.current_streak == status.current_streak
        text = text.removesuffix(", or a freeze covers this week")
    for count in says_more(text):
        assert count <= left, text
    if "by " in text:
        assert text.split("by ")[1].split()[0].rstrip(":") in WEEKDAY_NAMES
        assert status.as_of != status.week_start + timedelta(days=6), "on the week's last day, say today"
    news = streak_news(status) or ""
    if "fresh streak starts" in news:  # never at odds with the nudge about this week's goal
        assert ("starts next week" in news) == (needed > left), (news, text)
        assert "starts this week" not in news or not status.rest_week, (news, text)
    if "one every day" in text:
        assert needed == left >= 2, text
        assert text.endswith("today" if status.last_session != status.as_of else "tomorrow"), text
    if "the last day of the week" in text:
        assert needed == left == 1, text
        last_free = free_days(status)[0]
        assert last_free == status.week_start + timedelta(days=6)
        assert ("today" in text) == (last_free == status.as_of), text
    if status.total_sessions == 0:
        assert text.startswith("no leg day yet: check in your first to begin") and "out of reach" not in text, text
        if "start a streak this week" in text:
            assert needed <= left and play(history, status, needed).walk.states[-1] == "met", text
    elif re.search(r"repairs? last week", text):
        more = says_more(text)[0]
        assert status.repair is not None and more == status.repair.sessions_needed
        after = play(history, status, more)
        assert after.repair is None and after.walk.states[-2] == "repaired", text
        assert after.current_streak == status.repair.streak + 1
    elif "banks a streak freeze" in text:
        assert play(history, status, 1).walk.earned_freeze[-1], text
    elif text == "rest week: nothing is needed, and the streak waits for next week":
        assert status.rest_week and needed > left, text
        assert next_week(history, status, left, 0).current_streak == status.current_streak, text
    elif "out of reach" in text:
        assert needed > left and not status.rest_week, text
        best_effort = play(history, status, left)
        assert best_effort.walk.states[-1] != "met"
        what = text.split("; ", 1)[1]
        for extra in (0, left):  # whatever the rest of this week holds
            plain = next_week(history, status, extra, 0)
            week_state = plain.walk.states[-2] if len(plain.walk.states) > 1 else "none"  # no session at all
            if "rest week" in what:
                assert status.rest_week and week_state in ("rest", "none"), text  # none: nothing recorded yet
                assert plain.current_streak == status.current_streak
            elif "freeze" in what:
                assert status.freezes and week_state == "frozen", text
                assert plain.current_streak == status.current_streak
            elif "repair" in what:
                assert week_state == "missed" and plain.repair is not None, text
                assert plain.repair.streak == status.current_streak > 0
                repaired = next_week(history, status, extra, plain.goal + 1)  # one session over next week's goal
                assert repaired.walk.states[-2] == "repaired" and repaired.current_streak == status.current_streak + 1
            else:
                assert "fresh start" in what, text
                # No streak to lose, or one that next week cannot repair (goal + 1 = 8 sessions do not fit).
                assert status.current_streak == 0 or (week_state == "missed" and plain.goal == 7), text
    elif needed == 0:
        assert text.startswith("goal met"), text
    else:
        assert says_more(text)[-1] == needed <= left, text
        assert play(history, status, needed).walk.states[-1] == "met", text


def check_news(status: Status) -> None:
    """streak_news tells what happened last week, and what it says can be done is possible."""
    news = streak_news(status)
    states = status.walk.states
    last = states[-2] if len(states) >= 2 else None
    if status.repair is not None:
        assert news and f"{status.repair.streak}-week streak" in news
        if "can still repair it" in news:
            assert status.repair.sessions_needed <= status.days_left and status.goal < 7, news
            assert "repair last week" in week_nudge(status) or "repairs last week" in week_nudge(status)
        elif "no week can hold a repair" in news:
            assert status.goal == 7, news
        else:
            assert "Too few days" in news and status.repair.sessions_needed > status.days_left, news
    elif last == "frozen" and not status.week_sessions:
        assert news and "freeze" in news and status.current_streak > 0
    elif last == "frozen":  # told once: the week's first session puts it away
        assert news is None, news
    elif last == "rest" and status.walk.runs[-2]:
        assert news and "rest week" in news
    elif last == "missed" and status.days_since_last is not None and status.days_since_last >= 14:
        assert news and news.startswith(f"You have been away {status.days_since_last} days"), news
        assert "comeback (+20 XP)" in news, news
        assert ("best stays" in news) == bool(status.best_streak), news
        assert ("starts next week" in news) == (status.sessions_needed > status.days_left), news
    elif last == "missed" and status.best_streak:
        assert news and f"best stays {status.best_streak} week" in news and status.repair is None
        if status.sessions_needed > status.days_left:
            assert "a fresh streak starts next week" in news, news
        elif status.rest_week:
            assert "the next week that meets its goal" in news, news
        else:
            assert "a fresh streak starts this week" in news, news
    elif last == "repaired":
        assert (news is not None) == bool(status.walk.repairing[-1]), news
    else:
        assert news is None, news


def check_short(status: Status) -> None:
    """The prompt line is one line of at most 40 characters that agrees with the figures."""
    line = short_line(status)
    assert len(line) <= 40 and "\n" not in line, line
    assert line.startswith(f"legs {status.current_streak}w"), line
    assert ("❄" in line) == bool(status.freezes)
    numbers = re.findall(r" (\d+) (?:to repair )?(by Sat|by Sun|today)$", line.rstrip("!"))
    assert ("today" in line) == (bool(numbers) and status.as_of == status.week_start + timedelta(days=6)), line
    # The alarm marks a streak that ends unless the goal is met, when it can be met with at most a day to spare.
    spare = status.days_left - status.sessions_needed
    assert line.endswith("!") == (status.at_risk and 0 <= spare <= 1), line
    assert line.endswith("!") == at_stake(status), line
    if status.total_sessions == 0:
        assert "out of reach" not in line, line
    for count, _ in numbers:
        assert int(count) <= status.days_left, line
    if "to repair" in line:
        assert status.repair is not None and int(numbers[0][0]) == status.repair.sessions_needed
    elif numbers:
        assert int(numbers[0][0]) == status.sessions_needed
    if "out of reach" in line:
        assert status.sessions_needed > status.days_left
    if line.endswith("✔"):
        assert status.sessions_needed == 0


# ------------------------------------------------------------------ long streaks and high goals


# What long_streaks draws from, built once (one built inside every draw is validated again each time).
LONG_GOALS = st.sampled_from([1, 2, 3, 6, 7, 7])
LONG_WEEKS = st.integers(0, 1100)
BANKING_WEEKS = st.integers(0, 2)
SESSIONS_A_WEEK = st.integers(0, 7)
WEEKDAY_ORDERS = st.permutations(range(7))
FIRST_WEEKDAYS = st.sampled_from(["monday", "sunday"])
LAST_FORTNIGHT = st.integers(0, 13)


@cache
def later_goals(goal: int) -> st.SearchStrategy[int]:
    """The goal set for the last week: mostly the same, else the highest or lowest."""
    return st.sampled_from([goal, goal, 7, 1])


@st.composite
def long_streaks(draw: st.DrawFn) -> tuple[History, date]:
    """A streak of up to 1,100 weeks at a goal of 1 to 7 (often 7), with freezes banked, then a random last fortnight."""
    goal = draw(LONG_GOALS)
    weeks = draw(LONG_WEEKS)
    origin = D("2005-01-03") if weeks > 1000 else D("2010-01-04")
    over = draw(BANKING_WEEKS) if goal < 7 else 0  # weeks of goal + 1 at the start bank freezes
    sessions = [origin + timedelta(weeks=w, days=d) for w in range(weeks) for d in range(goal + (w < over))]
    tail = origin + timedelta(weeks=weeks)
    for week in range(2):
        count = draw(SESSIONS_A_WEEK)
        sessions += [tail + timedelta(weeks=week, days=d) for d in sorted(draw(WEEKDAY_ORDERS)[:count])]
    later_goal = draw(later_goals(goal))
    changes = (GoalChange(origin, goal), GoalChange(tail + timedelta(weeks=1), later_goal))
    rest = (RestPeriod(tail, tail + timedelta(days=6)),) if draw(st.booleans()) else ()
    history = History(tuple(map(Session, sessions)), changes, Settings(draw(FIRST_WEEKDAYS)))
    history = history._replace(rest_periods=rest)
    return history, tail + timedelta(days=draw(LAST_FORTNIGHT))


# ------------------------------------------------------------------ properties


@EXAMPLES
@given(histories())
def test_the_weekly_nudge_is_always_possible_and_comes_true(case: tuple[History, date]) -> None:
    """Whatever the week, "N more by DAY" fits in the days left, and doing what it says meets, repairs or banks as promised."""
    history, as_of = case
    check_nudge(history, compute_status(history, as_of))


@EXAMPLES
@given(long_streaks())
def test_the_weekly_nudge_holds_for_long_streaks_and_high_goals(case: tuple[History, date]) -> None:
    """With a goal of 7 or a streak of hundreds of weeks, the nudge is still possible and true."""
    history, as_of = case
    check_nudge(history, compute_status(history, as_of))


@EXAMPLES
@given(histories())
def test_the_streak_news_is_true(case: tuple[History, date]) -> None:
    """The line about last week names a freeze, a rest week, a miss or a repair only when that happened."""
    history, as_of = case
    check_news(compute_status(history, as_of))


@EXAMPLES
@given(st.one_of(histories(), long_streaks()))
def test_the_prompt_line_fits_in_40_characters(case: tuple[History, date]) -> None:
    """`status --short` is one line of at most 40 characters that agrees with the status, even at goal 7 and 4-digit streaks."""
    history, as_of = case
    check_short(compute_status(history, as_of))


# ------------------------------------------------------------------ fixed sentences


def test_a_saturday_already_checked_in_never_asks_for_one_every_day() -> None:
    """Goal 3, one session on Saturday: two are needed but only Sunday is left, so the nudge says it is out of reach."""
    history = history_of("2026-11-09", "2026-11-10", "2026-11-11", "2026-11-21", goals={"2026-11-09": 3})
    status = compute_status(history, SATURDAY)
    assert (status.sessions_needed, status.days_left) == (2, 1)
    text = week_nudge(status)
    assert "one every day" not in text
    assert text == "the goal of 3 is out of reach this week; one session over the goal next week will repair the streak"


def test_one_every_day_only_when_exactly_that_many_days_are_left() -> None:
    """Two needed on Saturday without a session: one today and one tomorrow."""
    status = compute_status(history_of("2026-11-09", "2026-11-11"), SATURDAY)
    assert week_nudge(status) == "2 more sessions needed by Sunday: one every day from today"
    assert short_line(status) == "legs 1w ○○ 2 by Sun!"


def test_the_last_day_of_the_week() -> None:
    """Saturday checked in, one more needed: tomorrow is the last day."""
    status = compute_status(history_of("2026-11-09", "2026-11-11", "2026-11-21"), SATURDAY)
    assert week_nudge(status) == "1 more session needed tomorrow, the last day of the week"


def test_safe_week_and_freeze_offer() -> None:
    """Goal met with days to spare: say so, offer the freeze, and the prompt shows a tick."""
    status = compute_status(history_of("2026-11-16", "2026-11-18"), SATURDAY)
    assert week_nudge(status) == "goal met this week; one more banks a streak freeze"
    assert short_line(status) == "legs 1w ✔"


def test_a_freeze_in_the_bank_is_named_when_the_goal_is_out_of_reach() -> None:
    """A banked freeze covers a week that can no longer be met, and the nudge says so."""
    status = compute_status(history_of("2026-11-09", "2026-11-10", "2026-11-11"), D("2026-11-22"))
    assert week_nudge(status) == "the goal of 2 is out of reach this week; a banked freeze will cover the week"
    assert short_line(status) == "legs 1w ❄1 ○○ out of reach"


def test_a_rest_week_is_named_when_the_goal_is_out_of_reach() -> None:
    """On the Sunday of a rest week, nothing is needed: the streak waits."""
    history = history_of("2026-11-09", "2026-11-11", rest=(("2026-11-16", "2026-11-22"),))
    status = compute_status(history, D("2026-11-22"))
    assert week_nudge(status) == "rest week: nothing is needed, and the streak waits for next week"
    assert short_line(status) == "legs 1w ○○ rest"
    assert not status.at_risk


def test_a_fresh_start_is_named_when_there_is_no_streak() -> None:
    """No streak to lose: next week is a fresh start."""
    status = compute_status(history_of("2026-11-02"), D("2026-11-22"))
    assert week_nudge(status) == "the goal of 2 is out of reach this week; next week is a fresh start"
    assert short_line(status) == "legs 0w ○○ out of reach"


def test_the_repair_is_offered_while_it_fits_in_the_week() -> None:
    """The Monday after a miss: three this week repair the 3-week streak, in the nudge, the news and the prompt."""
    history = history_of("2026-10-19", "2026-10-21", "2026-10-26", "2026-10-28", "2026-11-02", "2026-11-04")
    status = compute_status(history, D("2026-11-16"))
    assert week_nudge(status) == "3 more sessions by Sunday repair last week and bring back your 3-week streak"
    assert streak_news(status) == (
        "Last week fell short and broke your 3-week streak, but this week can still repair it."
    )
    assert short_line(status) == "legs 0w ○○○ 3 to repair by Sun"


def test_a_repair_out_of_reach_says_a_fresh_streak_starts() -> None:
    """On Saturday with nothing this week, three cannot fit in two days: the news says so, and the nudge asks only for the goal."""
    history = history_of("2026-10-19", "2026-10-21", "2026-10-26", "2026-10-28", "2026-11-02", "2026-11-04")
    status = compute_status(history, SATURDAY)
    assert streak_news(status) == (
        "Last week fell short and broke your 3-week streak. "
        "Too few days are left to repair it; a fresh streak starts this week."
    )
    assert week_nudge(status) == "2 more sessions needed by Sunday: one every day from today"
    assert short_line(status) == "legs 0w ○○ 2 by Sun"


def test_news_after_a_frozen_rest_missed_or_repaired_week() -> None:
    """The Monday after: a freeze used, a rest week, a miss with the best kept, a repair made."""
    frozen = compute_status(history_of("2026-11-02", "2026-11-03", "2026-11-04"), D("2026-11-16"))
    assert streak_news(frozen) == "A streak freeze covered last week: your streak lives on."
    after_a_session = compute_status(
        history_of("2026-11-02", "2026-11-03", "2026-11-04", "2026-11-16"), D("2026-11-17")
    )
    assert streak_news(after_a_session) is None  # the freeze is told once: the week's first session puts it away
    rest = compute_status(history_of("2026-11-02", "2026-11-04", rest=(("2026-11-09", "2026-11-09"),)), D("2026-11-16"))
    assert streak_news(rest) == "Last week was a rest week: the streak waited for you."
    never_a_streak = compute_status(history_of("2026-11-03", "2026-11-10"), D("2026-11-16"))
    assert streak_news(never_a_streak) is None
    missed = compute_status(history_of("2026-11-02", "2026-11-04"), D("2026-11-23"))  # the repair week passed too
    assert streak_news(missed) == (
        "You have been away 19 days, so a fresh streak starts this week; your next session is a comeback (+20 XP)."
        " Your best stays 1 week."
    )
    short_of_a_repair = history_of("2026-11-02", "2026-11-04", "2026-11-10", "2026-11-17")
    assert streak_news(compute_status(short_of_a_repair, D("2026-11-23"))) == (
        "Last week was missed, so a fresh streak starts this week. Your best stays 1 week."
    )
    repairing = history_of("2026-11-02", "2026-11-04", "2026-11-16", "2026-11-17", "2026-11-18")
    repaired = compute_status(repairing, SATURDAY)
    assert streak_news(repaired) == "Streak repaired: last week's miss no longer counts against you."
    assert streak_news(compute_status(history_of("2026-11-09", "2026-11-11"), SATURDAY)) is None


def test_goal_seven_never_promises_an_eight_session_repair() -> None:
    """At goal 7 a missed week cannot be repaired (eight sessions do not fit in a week), so no sentence offers it."""
    sessions = [(D("2026-10-19") + timedelta(days=k)).isoformat() for k in range(21)]
    history = history_of(*sessions, "2026-11-10", goals={"2026-10-19": 7})
    status = compute_status(history, D("2026-11-10"))
    assert (status.current_streak, status.freezes) == (3, 0) and status.sessions_needed > status.days_left
    text = week_nudge(status)
    assert "repair" not in text
    assert "out of reach" in text


def test_a_repair_and_the_goal_both_out_of_reach_agree_on_next_week() -> None:
    """Sunday after a miss with nothing this week: neither the repair nor the goal fits, and both lines say next week."""
    history = history_of("2026-11-02", "2026-11-04", "2026-11-09", "2026-11-11")
    status = compute_status(history, D("2026-11-29"))
    assert week_nudge(status) == "the goal of 2 is out of reach this week; next week is a fresh start"
    assert streak_news(status) == (
        "Last week fell short and broke your 2-week streak. "
        "Too few days are left to repair it; a fresh streak starts next week."
    )


def test_on_the_last_day_of_the_week_the_deadline_is_today() -> None:
    """A Sunday with one session to go says today, in the nudge and the prompt line, not by Sunday."""
    two_weeks_then_a_miss = ("2026-11-02", "2026-11-04", "2026-11-09", "2026-11-11")
    status = compute_status(history_of(*two_weeks_then_a_miss, "2026-11-24"), D("2026-11-29"))
    assert week_nudge(status) == "1 more session needed today, the last day of the week"
    assert short_line(status) == "legs 0w ●○ 1 today"
    repairing = compute_status(history_of(*two_weeks_then_a_miss, "2026-11-24", "2026-11-25"), D("2026-11-29"))
    assert week_nudge(repairing) == "1 more session today repairs last week and brings back your 2-week streak"
    assert short_line(repairing) == "legs 1w ●●○ 1 to repair today"  # this week met already counts


def test_a_streak_past_saving_is_not_called_at_stake() -> None:
    """Sunday, nothing this week, no freeze: the goal is out of reach, so no line asks to meet it."""
    status = compute_status(history_of("2026-11-09", "2026-11-11"), D("2026-11-22"))
    assert status.at_risk and not at_stake(status)
    assert "At stake" not in status_text(status)
    assert short_line(status) == "legs 1w ○○ out of reach"
    saveable = compute_status(history_of("2026-11-09", "2026-11-11"), SATURDAY)
    assert at_stake(saveable) and "  At stake   your 1-week streak ends unless you meet the goal" in status_text(
        saveable
    )


def test_with_a_goal_of_seven_the_news_gives_the_real_reason_there_is_no_repair() -> None:
    """A repair takes goal + 1 sessions: eight never fit in a week, whatever days are left."""
    history = history_of("2026-11-02", "2026-11-04", goals={"2026-11-16": 7})
    status = compute_status(history, D("2026-11-16"))
    assert status.repair is not None and status.days_left == 7
    assert streak_news(status) == (
        "Last week fell short and broke your 1-week streak; with a goal of 7 no week can hold a repair,"
        " so a fresh streak starts this week."
    )
