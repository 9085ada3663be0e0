"""Eight weeks of simulated use, day by day on a pinned clock: the warning shows only on the days the rule allows,
on Today and on `status --short` alike.

The person trains twice a week, as the articles advise, and along the way banks a freeze with a third
session, spends it on a one-session week, takes a planned rest week, misses a week and repairs it.
"""

import io
import json
import random
from contextlib import redirect_stdout
from datetime import date, datetime, time, timedelta
from pathlib import Path

from app_driver import warning
from streak.cli.main import main
from streak.core.history.rest import add_rest
from streak.storage.store import Store
from streak.ui.app import StreakApp, build_app

D = date.fromisoformat
FIRST_DAY, LAST_DAY = D("2026-10-05"), D("2026-11-29")
SESSIONS = {
    D(day)
    for day in (
        "2026-10-05", "2026-10-08",  # met
        "2026-10-12", "2026-10-14", "2026-10-17",  # one over the goal: a freeze is banked
        "2026-10-20",  # one short: the freeze covers it
        # 2026-10-26: a rest week, planned beforehand
        "2026-11-03", "2026-11-06",  # met
        "2026-11-11",  # one short, no freeze: missed
        "2026-11-16", "2026-11-18", "2026-11-21",  # goal + 1: the miss is repaired
        "2026-11-24", "2026-11-26",  # met
    )
}  # fmt: skip
WARNED = {D("2026-11-14"), D("2026-11-15")}  # the missed week's Saturday and Sunday: one session short, no freeze


def streak_out(db: Path, day: date, *args: str) -> str:
    """What `streak ARGS` prints on `day`, run in-process (the running app holds sys.stdout, so it is lent here)."""
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(["--db", str(db), *args], today=day, now=datetime.combine(day, time(18))) == 0
    return out.getvalue()


def short_line(db: Path, day: date) -> str:
    """`streak status --short` as the prompt shows it on `day`."""
    return streak_out(db, day, "status", "--short").rstrip("\n")


def rule_allows(db: Path, day: date) -> bool:
    """SPEC.md's rule, read from `status --json`: at_risk and 0 <= days_left − sessions_needed <= 1."""
    status = json.loads(streak_out(db, day, "status", "--json"))
    return status["at_risk"] and 0 <= status["days_left"] - status["sessions_needed"] <= 1


async def test_a_month_of_use_warns_only_when_the_rule_allows(db: Path) -> None:
    """Every morning and every evening for eight weeks, Today's ⚠ and the prompt's `!` agree with the rule and each other."""
    Store(str(db)).update(lambda history: (add_rest(history, D("2026-10-26"), D("2026-11-01")), None))
    clock = [FIRST_DAY]
    app: StreakApp = build_app(
        str(db), today=lambda: clock[0], pick=random.Random(0).choice, cursor_blink=False, watch_seconds=None
    )
    warned_days, moments = set(), 0
    async with app.run_test(size=(80, 24)) as pilot:
        day = FIRST_DAY
        while day <= LAST_DAY:
            clock[0] = day
            app.look_again()  # the day has turned: Today reads the file again, as it does at midnight
            await pilot.pause()
            for moment in ("morning", "evening"):
                if moment == "evening" and day in SESSIONS:
                    await pilot.press("c", "enter")
                    await pilot.pause()
                    assert "Leg day done today" in str(app.screen.query_one("#done").render()), day
                today_warns = bool(warning(app))
                prompt_warns = short_line(db, day).endswith("!")
                assert today_warns == prompt_warns == rule_allows(db, day), (day, moment, warning(app))
                if today_warns:
                    warned_days.add(day)
                moments += 1
            day += timedelta(days=1)
    assert moments == 2 * 56
    assert warned_days == WARNED  # two days of 56, not every Monday
    weeks = json.loads(streak_out(db, LAST_DAY, "history", "--json", "--weeks", "8"))
    states = [week["state"] for week in reversed(weeks)]
    assert states == ["met", "met", "frozen", "rest", "met", "repaired", "met", "met"]
