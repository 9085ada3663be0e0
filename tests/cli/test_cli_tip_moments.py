"""The command line names each tip's moment: checkin --json and tip --json carry it, tip --all groups by it."""

import json

from helpers import Run

MOMENTS = ["first-session", "comeback", "repair", "personal-record", "streak-badge", "frequency"]


def tip_of(run: Run) -> dict[str, object]:
    """The tip of a `checkin --json` run that succeeded."""
    assert run.status == 0, run
    return json.loads(run.out)["tip"]


def test_checkin_json_names_the_moment_or_null(streak) -> None:  # noqa: ANN001
    """First session, a week's second, an ordinary one, a comeback: each check-in's tip says which it was."""
    assert tip_of(streak("checkin", "--date", "2026-10-19", "--json"))["moment"] == "first-session"
    assert tip_of(streak("checkin", "--date", "2026-10-21", "--json"))["moment"] == "frequency"
    assert tip_of(streak("checkin", "--date", "2026-10-22", "--json"))["moment"] is None  # the week's third
    assert tip_of(streak("checkin", "--date", "2026-11-16", "--json"))["moment"] == "comeback"  # 25 days later


def test_a_repairing_check_in_gets_a_repair_tip(streak) -> None:  # noqa: ANN001
    """The week after a missed one, the goal + 1-th session repairs the streak, and its tip is a repair tip."""
    for day in ("2026-10-26", "2026-10-28", "2026-11-02", "2026-11-04", "2026-11-16", "2026-11-18"):
        assert streak("checkin", "--date", day).status == 0
    run = streak("checkin", "--date", "2026-11-20", "--json")
    tip = tip_of(run)
    assert tip["moment"] == "repair"
    assert "first-repair" in [badge["id"] for badge in json.loads(run.out)["new_badges"]]
    assert tip in json.loads(streak("tip", "--all", "--json").out)


def test_tip_alone_shows_a_general_tip_and_changes_nothing(streak, db) -> None:  # noqa: ANN001
    """`streak tip` shows general tips only and writes nothing, so no cycle moves."""
    assert streak("checkin", "--date", "2026-11-16").status == 0
    before = db.read_bytes()
    for _ in range(10):
        assert json.loads(streak("tip", "--json").out)["moment"] is None
    assert db.read_bytes() == before


def test_tip_all_heads_each_group_with_when_it_is_shown(streak) -> None:  # noqa: ANN001
    """Plain `tip --all` lists every tip once, under a heading per group, general tips first."""
    tips = json.loads(streak("tip", "--all", "--json").out)
    text = streak("tip", "--all").out
    assert text.count("Source: ") == len(tips)
    headings = [line for line in text.splitlines() if line.startswith("After ")]
    assert headings[0] == "After any other check-in:"
    assert len(headings) == 1 + len(MOMENTS)
    assert text.index("After a personal record:") < text.index(
        next(t["text"] for t in tips if t["moment"] == "personal-record")
    )
