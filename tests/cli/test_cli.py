"""Every command through the real entry point, on a data file in a temporary folder, with today pinned."""

import csv
import io
import json
from datetime import date, datetime
from pathlib import Path

import pytest

from helpers import NOW, TODAY, one_line_error, refused
from streak.storage.backups import short_machine_id
from streak.storage.sync.machine import machine_id

STATUS_KEYS = [
    "as_of", "week_start", "goal", "week_sessions", "sessions_needed", "days_left", "rest_week", "at_risk",
    "current_streak", "best_streak", "perfect_streak", "freezes", "repair", "total_sessions", "last_session",
    "days_since_last", "avg_per_week_4", "xp", "level", "xp_to_next", "badges",
]  # fmt: skip


def checked_in(streak, *dates: str) -> None:  # noqa: ANN001
    """Check in on each date, asserting success."""
    for day in dates:
        assert streak("checkin", "--date", day).status == 0


# checkin


def test_checkin_records_today_and_shows_streak_badge_and_tip(streak, db: Path) -> None:  # noqa: ANN001
    """A first check-in earns First Step and shows a tip with its source."""
    run = streak("checkin", "--note", "back squats 3x5")
    assert run.status == 0
    assert "Checked in leg day on Sat 21 Nov 2026" in run.out
    assert "New badge: First Step" in run.out
    assert "Tip: " in run.out and "Source: " in run.out
    assert json.loads(streak("export").out)["sessions"] == [{"date": "2026-11-21", "note": "back squats 3x5"}]


def test_checkin_json_has_exactly_the_spec_keys(streak) -> None:  # noqa: ANN001
    """date, new_badges, tip and the status object as of today, and nothing else on stdout."""
    checked_in(streak, "2026-11-16")
    document = json.loads(streak("checkin", "--date", "2026-11-18", "--json").out)
    assert list(document) == ["date", "new_badges", "prs", "tip", "status"]
    assert document["prs"] == []
    assert document["date"] == "2026-11-18"
    assert document["new_badges"] == [{"id": "twice-in-a-week", "name": "Double Up", "earned_on": "2026-11-18"}]
    assert list(document["tip"]) == ["id", "text", "source", "moment"]
    assert document["tip"]["moment"] == "frequency"  # the week's second session
    assert list(document["status"]) == STATUS_KEYS
    assert document["status"]["as_of"] == "2026-11-21"
    assert document["status"]["current_streak"] == 1


def test_second_checkin_on_a_day_is_refused_and_changes_nothing(streak, db: Path) -> None:  # noqa: ANN001
    """Exit 1, one line, and the data file byte for byte as before."""
    checked_in(streak, "2026-11-20")
    before = db.read_bytes()
    one_line_error(streak("checkin", "--date", "2026-11-20"), 1, "2026-11-20", "already")
    assert db.read_bytes() == before


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--date", "2026-11-22"], ["future"]),
        (["--date", "20261121"], ["20261121", "YYYY-MM-DD"]),
        (["--date", "2026-W47-6"], ["YYYY-MM-DD"]),
        (["--date", "2026-02-30"], ["not a day"]),
        (["--note", "x" * 501], ["500"]),
        (["--note", "line one\nline two"], ["control character"]),
        (["--note", "bell\x07"], ["control character"]),
        (["--colour"], ["unrecognized", "--colour"]),
    ],
)
def test_checkin_bad_input_exits_2_and_changes_nothing(streak, db: Path, args: list[str], words: list[str]) -> None:  # noqa: ANN001
    """Future or malformed dates, long or multi-line notes and unknown options: exit 2, file untouched."""
    checked_in(streak, "2026-11-16")
    before = db.read_bytes()
    one_line_error(streak("checkin", *args), 2, *words)
    assert db.read_bytes() == before


def test_checkin_without_a_data_file_creates_it(streak, db: Path) -> None:  # noqa: ANN001
    """The first check-in makes the file in the folder named."""
    assert not db.exists()
    checked_in(streak, "2026-11-21")
    assert db.is_file()


# status


def test_status_json_has_exactly_the_spec_keys_and_figures(streak) -> None:  # noqa: ANN001
    """The figures SPEC.md names, badges ordered by earned_on then id."""
    checked_in(
        streak,
        "2026-10-26",
        "2026-10-28",
        "2026-11-02",
        "2026-11-04",
        "2026-11-09",
        "2026-11-10",
        "2026-11-12",
        "2026-11-18",
    )
    document = json.loads(streak("status", "--json").out)
    assert list(document) == STATUS_KEYS
    assert document == {
        "as_of": "2026-11-21", "week_start": "2026-11-16", "goal": 2, "week_sessions": 1,
        "sessions_needed": 1, "days_left": 2, "rest_week": False, "at_risk": False,
        "current_streak": 3, "best_streak": 3, "perfect_streak": 3, "freezes": 1, "repair": None,
        "total_sessions": 8, "last_session": "2026-11-18", "days_since_last": 3, "avg_per_week_4": 1.75,
        "xp": 260, "level": 2, "xp_to_next": 40,
        "badges": [
            {"id": "first-session", "name": "First Step", "earned_on": "2026-10-26"},
            {"id": "twice-in-a-week", "name": "Double Up", "earned_on": "2026-10-28"},
            {"id": "first-freeze", "name": "Money in the Bank", "earned_on": "2026-11-12"},
        ],
    }  # fmt: skip


def test_status_as_of_a_past_or_future_day(streak) -> None:  # noqa: ANN001
    """--as-of counts only what had happened by then, and may lie in the future."""
    checked_in(streak, "2026-11-02", "2026-11-04", "2026-11-18")
    past = json.loads(streak("status", "--as-of", "2026-11-03", "--json").out)
    assert (past["total_sessions"], past["week_sessions"], past["last_session"]) == (1, 1, "2026-11-02")
    future = json.loads(streak("status", "--as-of", "2026-12-25", "--json").out)
    assert (future["days_since_last"], future["current_streak"]) == (37, 0)


def test_status_text_reads_like_a_summary(streak) -> None:  # noqa: ANN001
    """People see this week as dots, the streak, the last leg day and badges."""
    checked_in(streak, "2026-11-19")
    run = streak("status")
    assert run.status == 0
    assert "●○  1 of 2" in run.out
    assert "1 more session needed by Sunday" in run.out
    assert "Thu 19 Nov 2026, 2 days ago" in run.out
    assert "First Step" in run.out


def test_status_on_an_empty_history_does_not_create_the_file(streak, db: Path) -> None:  # noqa: ANN001
    """Reading commands never write."""
    assert streak("status").status == 0
    assert not db.exists()


def test_status_bad_as_of_exits_2(streak) -> None:  # noqa: ANN001
    """A malformed --as-of is bad input."""
    one_line_error(streak("status", "--as-of", "21.11.2026"), 2, "YYYY-MM-DD")


# goal


def test_goal_shows_the_default(streak) -> None:  # noqa: ANN001
    """Without N, the goal for this week, the first weekday and the changes."""
    assert json.loads(streak("goal", "--json").out) == {"goal": 2, "week_start_day": "monday", "changes": []}
    assert "2 sessions a week" in streak("goal").out


def test_goal_set_from_a_day_holds_from_its_week(streak) -> None:  # noqa: ANN001
    """`goal 3 --from` a Wednesday counts from that week's Monday; the current week follows."""
    assert streak("goal", "3", "--from", "2026-11-04").status == 0
    checked_in(streak, "2026-11-02", "2026-11-03")
    document = json.loads(streak("goal", "--json").out)
    assert document == {"goal": 3, "week_start_day": "monday", "changes": [{"from": "2026-11-04", "goal": 3}]}
    weeks = json.loads(streak("history", "--weeks", "4", "--json").out)
    assert weeks[-2] == {
        "week_start": "2026-11-02", "goal": 3, "sessions": ["2026-11-02", "2026-11-03"], "met": False,
        "state": "missed", "earned_freeze": False,
    }  # fmt: skip


def test_goal_defaults_to_this_week_and_a_second_change_replaces_it(streak) -> None:  # noqa: ANN001
    """Two changes in one week keep only the latest."""
    streak("goal", "4")
    streak("goal", "1", "--from", "2026-11-17")
    assert json.loads(streak("goal", "--json").out)["changes"] == [{"from": "2026-11-17", "goal": 1}]


def test_goal_future_from_is_allowed(streak) -> None:  # noqa: ANN001
    """A goal can be planned for a later week; this week keeps the old one."""
    streak("goal", "5", "--from", "2027-01-04")
    document = json.loads(streak("goal", "--json").out)
    assert document["goal"] == 2 and document["changes"] == [{"from": "2027-01-04", "goal": 5}]


def test_week_start_applies_to_the_whole_history(streak) -> None:  # noqa: ANN001
    """Switching to Sunday weeks regroups every past session."""
    checked_in(streak, "2026-11-15", "2026-11-16")
    assert json.loads(streak("status", "--json").out)["current_streak"] == 0
    assert streak("goal", "--week-start", "sunday").status == 0
    status = json.loads(streak("status", "--json").out)
    assert (status["week_start"], status["current_streak"]) == ("2026-11-15", 1)
    assert json.loads(streak("goal", "--json").out)["week_start_day"] == "sunday"


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["0"], ["1 to 7"]),
        (["8"], ["1 to 7"]),
        (["two"], ["1 to 7"]),
        (["2.5"], ["1 to 7"]),
        (["--from", "2026-11-16"], ["--from needs a goal"]),
        (["3", "--from", "16/11/2026"], ["YYYY-MM-DD"]),
        (["--week-start", "friday"], ["invalid choice"]),
    ],
)
def test_goal_bad_input_exits_2_and_changes_nothing(streak, db: Path, args: list[str], words: list[str]) -> None:  # noqa: ANN001
    """Goals outside 1-7, --from alone, bad dates and weekdays: exit 2, file untouched."""
    streak("goal", "3")
    before = db.read_bytes()
    one_line_error(streak("goal", *args), 2, *words)
    assert db.read_bytes() == before


# history


def test_history_lists_weeks_newest_first(streak) -> None:  # noqa: ANN001
    """Twelve weeks by default, each with start, goal, sessions and met."""
    checked_in(streak, "2026-11-02", "2026-11-04", "2026-11-17")
    weeks = json.loads(streak("history", "--json").out)
    assert len(weeks) == 12
    assert weeks[0] == {
        "week_start": "2026-11-16", "goal": 2, "sessions": ["2026-11-17"], "met": False, "state": "open",
        "earned_freeze": False,
    }  # fmt: skip
    assert weeks[2] == {
        "week_start": "2026-11-02", "goal": 2, "sessions": ["2026-11-02", "2026-11-04"], "met": True, "state": "met",
        "earned_freeze": False,
    }  # fmt: skip
    assert weeks[-1]["week_start"] == "2026-08-31"
    assert len(json.loads(streak("history", "--weeks", "2", "--json").out)) == 2
    text = streak("history", "--weeks", "3").out
    assert "Mon 2 Nov 2026   ●● 2 of 2        met              Mon 2, Wed 4" in text


def test_history_bad_weeks_exits_2(streak) -> None:  # noqa: ANN001
    """--weeks must be a positive whole number."""
    one_line_error(streak("history", "--weeks", "0"), 2, "--weeks")


# badges


def test_badges_lists_all_with_progress(streak) -> None:  # noqa: ANN001
    """Every badge, earned ones with a date, locked ones with progress toward the target."""
    checked_in(streak, "2026-11-16", "2026-11-18", "2026-11-19")
    badges = json.loads(streak("badges", "--json").out)
    assert len(badges) == 18
    assert all(list(b) == ["id", "name", "description", "earned_on", "progress"] for b in badges)
    by_id = {b["id"]: b for b in badges}
    assert by_id["first-session"]["earned_on"] == "2026-11-16"
    assert by_id["sessions-10"] == {**by_id["sessions-10"], "earned_on": None, "progress": {"current": 3, "target": 10}}
    assert by_id["streak-4"]["progress"] == {"current": 1, "target": 4}
    text = streak("badges").out
    assert "3 of 18 earned" in text and "3 of 10 sessions" in text


# remove


def test_remove_deletes_a_session(streak) -> None:  # noqa: ANN001
    """The session is gone from status and the badges it earned go with it."""
    checked_in(streak, "2026-11-16", "2026-11-18")
    assert streak("remove", "2026-11-18").status == 0
    status = json.loads(streak("status", "--json").out)
    assert status["total_sessions"] == 1
    assert [b["id"] for b in status["badges"]] == ["first-session"]


def test_remove_a_day_without_a_session_exits_1(streak, db: Path) -> None:  # noqa: ANN001
    """Nothing to remove is a refusal, and nothing changes."""
    checked_in(streak, "2026-11-16")
    before = db.read_bytes()
    one_line_error(streak("remove", "2026-11-17"), 1, "no session on 2026-11-17")
    one_line_error(streak("remove", "Nov 17"), 2, "YYYY-MM-DD")
    assert db.read_bytes() == before


# export and import


def test_export_json_holds_everything_needed_to_restore(streak) -> None:  # noqa: ANN001
    """Sessions with notes and lifts, goal changes, rest periods and settings."""
    checked_in(streak, "2026-11-16")
    streak("checkin", "--date", "2026-11-18", "--note", 'split squats, "heavy"', "--lift", "BSS 3x8 20")
    streak("goal", "3", "--from", "2026-11-02", "--week-start", "sunday")
    streak("rest", "2026-12-24")
    document = json.loads(streak("export").out)
    assert document["version"] == 2
    assert document["settings"] == {"week_start": "sunday", "units": "kg"}
    assert document["goal_changes"] == [{"from": "2026-11-02", "goal": 3}]
    assert document["rest_periods"] == [{"from": "2026-12-20", "to": "2026-12-26"}]
    assert document["sessions"] == [
        {"date": "2026-11-16", "note": None},
        {
            "date": "2026-11-18",
            "note": 'split squats, "heavy"',
            "lifts": [{"exercise": "Bulgarian split squat", "sets": 3, "reps": 8, "weight": 20, "unit": "kg"}],
        },
    ]


def test_export_csv_has_a_date_note_header(streak) -> None:  # noqa: ANN001
    """CSV: `date,note`, then one session a row, quoted where needed."""
    checked_in(streak, "2026-11-16")
    streak("checkin", "--date", "2026-11-18", "--note", "lunges, step-ups")
    out = streak("export", "--format", "csv").out
    assert out.splitlines()[0] == "date,note"
    assert list(csv.reader(io.StringIO(out)))[1:] == [["2026-11-16", ""], ["2026-11-18", "lunges, step-ups"]]


def test_export_to_a_file_and_import_into_a_new_history(streak, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    """An export re-imported into an empty data file restores sessions, goals and settings."""
    from streak.cli.main import main

    checked_in(streak, "2026-11-16", "2026-11-18")
    streak("goal", "4", "--from", "2026-11-01", "--week-start", "sunday")
    target = tmp_path / "export.json"
    assert streak("export", "--output", str(target)).status == 0
    other = tmp_path / "other.json"
    assert main(["--db", str(other), "import", str(target), "--json"], today=TODAY) == 0
    assert json.loads(capsys.readouterr().out) == {"imported": 2, "skipped": 0}
    main(["--db", str(other), "export"], today=TODAY)
    assert capsys.readouterr().out == target.read_text(encoding="utf-8")


def test_import_skips_and_counts_sessions_already_present(streak, tmp_path: Path) -> None:  # noqa: ANN001
    """A merge adds what is new; dates already present are counted as skipped."""
    checked_in(streak, "2026-11-16")
    source = tmp_path / "old.csv"
    source.write_text("date,note\n2026-11-16,dup\n2026-11-10,from my notebook\n2026-11-11,\n", encoding="utf-8")
    run = streak("import", str(source))
    assert run.status == 0 and "Imported 2 sessions; skipped 1" in run.out
    sessions = json.loads(streak("export").out)["sessions"]
    assert sessions[0] == {"date": "2026-11-10", "note": "from my notebook"}
    assert sessions[2] == {"date": "2026-11-16", "note": None}  # the existing session is kept as it was


@pytest.mark.parametrize(
    ("name", "content", "where"),
    [
        (
            "twice.csv",
            "date,note\n2026-11-02,squats\n2026-11-03,\n2026-11-02,lunges\n",
            "line 4: 2026-11-02 is already on line 2",
        ),
        (
            "twice.json",
            '{"format": "streak-export", "version": 2, "sessions": [{"date": "2026-11-02"}, {"date": "2026-11-02"}]}',
            "session 2: 2026-11-02 is already on session 1",
        ),
    ],
)
def test_a_file_holding_one_day_twice_is_refused_rather_than_losing_a_note(
    streak,
    tmp_path: Path,
    name: str,
    content: str,
    where: str,  # noqa: ANN001
) -> None:
    """The second row of a day would be dropped unseen with its note: the whole file is refused, naming both places."""
    source = tmp_path / name
    source.write_text(content, encoding="utf-8")
    refused(streak("import", str(source)), 2, where, "a day holds one session")
    assert json.loads(streak("export").out)["sessions"] == []


def test_import_adds_goal_changes_only_for_weeks_without_one(streak, tmp_path: Path) -> None:  # noqa: ANN001
    """Goal changes merge by week; settings are taken only into an empty history."""
    streak("goal", "3", "--from", "2026-11-04")
    source = tmp_path / "export.json"
    source.write_text(
        json.dumps(
            {
                "format": "streak-export",
                "version": 1,
                "settings": {"week_start": "sunday"},
                "goal_changes": [{"from": "2026-11-02", "goal": 5}, {"from": "2026-10-05", "goal": 1}],
                "sessions": [],
            }
        ),
        encoding="utf-8",
    )
    assert streak("import", str(source)).status == 0
    document = json.loads(streak("goal", "--json").out)
    assert document["week_start_day"] == "monday"
    assert document["changes"] == [{"from": "2026-10-05", "goal": 1}, {"from": "2026-11-04", "goal": 3}]


BAD_IMPORTS = {
    "not csv or json": ("notes.txt", "I did squats on Monday\n"),
    "bad date row": ("bad.csv", "date,note\n2026-11-10,ok\n10/11/2026,bad\n"),
    "future row": ("future.csv", "date,note\n2026-11-10,ok\n2026-12-01,later\n"),
    "too many fields": ("wide.csv", "date,note\n2026-11-10,a,b\n"),
    "not an export": ("other.json", '{"sessions": []}'),
    "broken json": ("broken.json", '{"format": "streak-export", "sessions": [}'),
    "newer export": ("new.json", '{"format": "streak-export", "version": 9, "sessions": []}'),
    "bad goal": (
        "goal.json",
        '{"format": "streak-export", "version": 1, "goal_changes": [{"from": "2026-11-02", "goal": 0}]}',
    ),
    "long note": ("long.csv", "date,note\n2026-11-10," + "x" * 600 + "\n"),
    "two goals one day": (
        "twice.json",
        '{"format": "streak-export", "version": 1, "goal_changes": [{"from": "2026-11-02", "goal": 3}, {"from": "2026-11-02", "goal": 4}]}',
    ),
}


@pytest.mark.parametrize(("name", "content"), BAD_IMPORTS.values(), ids=BAD_IMPORTS.keys())
def test_a_bad_import_imports_nothing(streak, db: Path, tmp_path: Path, name: str, content: str) -> None:  # noqa: ANN001
    """Any bad row refuses the whole file: exit 2, one line naming the file, data file untouched."""
    checked_in(streak, "2026-11-16")
    before = db.read_bytes()
    source = tmp_path / name
    source.write_text(content, encoding="utf-8")
    one_line_error(streak("import", str(source)), 2, name)
    assert db.read_bytes() == before


def test_import_refuses_other_encodings_missing_and_huge_files(streak, db: Path, tmp_path: Path) -> None:  # noqa: ANN001
    """Latin-1 text, a missing file and a file over the size limit are each exit 2."""
    checked_in(streak, "2026-11-16")
    before = db.read_bytes()
    latin = tmp_path / "latin.csv"
    latin.write_bytes("date,note\n2026-11-10,jambes très lourdes\n".encode("latin-1"))
    one_line_error(streak("import", str(latin)), 2, "UTF-8")
    one_line_error(streak("import", str(tmp_path / "missing.csv")), 2, "missing.csv")
    huge = tmp_path / "huge.csv"
    with huge.open("wb") as file:
        file.truncate(21 * 1024 * 1024)
    one_line_error(streak("import", str(huge)), 2, "too large")
    assert db.read_bytes() == before


def test_import_accepts_a_utf8_bom_and_blank_lines(streak, tmp_path: Path) -> None:  # noqa: ANN001
    """Spreadsheet exports often start with a byte-order mark."""
    source = tmp_path / "sheet.csv"
    source.write_bytes("\ufeffdate,note\r\n2026-11-10,jambes lourdes\r\n\r\n".encode())
    assert json.loads(streak("import", str(source), "--json").out) == {"imported": 1, "skipped": 0}


# tip


def test_tip_shows_one_with_its_source_without_using_it_up(streak, db: Path) -> None:  # noqa: ANN001
    """`streak tip` never writes the data file."""
    checked_in(streak, "2026-11-16")
    before = db.read_bytes()
    tip = json.loads(streak("tip", "--json").out)
    assert list(tip) == ["id", "text", "source", "moment"]
    assert tip["moment"] is None
    assert "Source: " in streak("tip").out
    assert db.read_bytes() == before


def test_tip_all_lists_the_catalogue(streak) -> None:  # noqa: ANN001
    """Every tip, the moments' included, each with id, text, source and moment."""
    tips = json.loads(streak("tip", "--all", "--json").out)
    assert len(tips) >= 40
    assert all(list(tip) == ["id", "text", "source", "moment"] for tip in tips)
    moments = ["first-session", "comeback", "repair", "personal-record", "streak-badge", "frequency"]
    assert {tip["moment"] for tip in tips} == {None, *moments}
    assert streak("tip", "--all").out.count("Source: ") == len(tips)


def test_streak_tip_draws_from_all_the_general_tips(streak) -> None:  # noqa: ANN001
    """`streak tip` is not stuck on one tip: over a few dozen runs it shows many different general ones."""
    count = sum(tip["moment"] is None for tip in json.loads(streak("tip", "--all", "--json").out))
    tips = [json.loads(streak("tip", "--json").out) for _ in range(40)]
    assert all(tip["moment"] is None for tip in tips)
    assert len({tip["id"] for tip in tips}) >= 15 and count >= 40  # 40 even draws from 40+: fewer than 15 is ~1e-6


def test_no_tip_repeats_across_check_ins_until_all_were_shown(streak) -> None:  # noqa: ANN001
    """The cycles are kept in the data file, so they hold across separate runs: general tips and each moment's."""
    tips = json.loads(streak("tip", "--all", "--json").out)
    days = 90  # daily check-ins: five general tips a week, enough to come round the general tips
    shown = []
    for offset in range(days):
        day = date.fromordinal(TODAY.toordinal() - days + offset + 1).isoformat()
        shown.append(json.loads(streak("checkin", "--date", day, "--json").out)["tip"])
    for moment in {tip["moment"] for tip in shown}:
        size = sum(tip["moment"] == moment for tip in tips)
        ids = [tip["id"] for tip in shown if tip["moment"] == moment]
        for start in range(0, len(ids), size):
            assert len(set(ids[start : start + size])) == len(ids[start : start + size]), (moment, start)
    assert sum(tip["moment"] is None for tip in shown) > sum(tip["moment"] is None for tip in tips)


# the command line as a whole


def test_unknown_command_exits_2(streak) -> None:  # noqa: ANN001
    """argparse's usage line, then the error."""
    one_line_error(streak("chekin"), 2, "invalid choice", "chekin")


def test_db_may_come_after_the_command_and_streak_db_is_the_fallback(tmp_path: Path, monkeypatch, capsys) -> None:  # noqa: ANN001
    """--db works on either side of the command; without it, STREAK_DB names the file."""
    from streak.cli.main import main

    first = tmp_path / "first.json"
    assert main(["checkin", "--db", str(first), "--date", "2026-11-20"], today=TODAY) == 0
    monkeypatch.setenv("STREAK_DB", str(first))
    capsys.readouterr()
    assert main(["status", "--json"], today=TODAY) == 0
    assert json.loads(capsys.readouterr().out)["total_sessions"] == 1


def test_default_data_file_is_in_the_user_data_folder(tmp_path: Path) -> None:
    """Without --db or STREAK_DB, the file lives in $XDG_DATA_HOME/streak (set by the test fixture)."""
    from streak.cli.main import main

    assert main(["checkin", "--date", "2026-11-20"], today=TODAY, now=NOW) == 0
    assert (tmp_path / "xdg-data" / "streak" / "streak.json").is_file()


def test_empty_db_path_is_bad_input(streak) -> None:  # noqa: ANN001
    """--db "" is a mistake, not a request for the default file."""
    from streak.cli.main import main

    assert main(["--db", "", "status"], today=TODAY) == 2


@pytest.mark.parametrize(
    "command",
    [["status"], ["checkin"], ["goal", "3"], ["history"], ["badges"], ["remove", "2026-11-16"], ["export"], ["tip"]],
)
def test_a_corrupt_file_exits_3_for_every_command_and_is_left_alone(streak, db: Path, command: list[str]) -> None:  # noqa: ANN001
    """Exit 3 with one line naming the file; the bytes are untouched."""
    db.parent.mkdir(parents=True, exist_ok=True)
    db.write_bytes(b'{"meta": {"1": {"schema": 1}}, "sessions": {"1": {"da')
    one_line_error(streak(*command), 3, str(db))
    assert db.read_bytes() == b'{"meta": {"1": {"schema": 1}}, "sessions": {"1": {"da'


def test_corrupt_file_message_names_the_newest_good_backup_and_the_restore_command(streak, db: Path) -> None:  # noqa: ANN001
    """The line says exactly what to run; running it brings the history back."""
    streak("checkin", "--date", "2026-11-16", now=datetime(2026, 11, 16, 8))
    streak("checkin", "--date", "2026-11-18", now=datetime(2026, 11, 18, 8))
    db.write_bytes(b"\x00\x00\x00")
    run = streak("status")
    name = f"streak.json.0001.2026-11-18-080000.{short_machine_id(machine_id())}.json"
    one_line_error(run, 3, f"newest good backup is {name}")
    command = run.err.strip().rsplit(": ", 1)[1]
    assert command == f"streak --db {db} restore {name}"
    restore = streak(*command.split()[3:])
    assert restore.status == 0 and f"Restored {name}: 1 session." in restore.out
    assert json.loads(streak("status", "--json").out)["total_sessions"] == 1


def test_newer_schema_exits_3_with_upgrade_advice(streak, db: Path) -> None:  # noqa: ANN001
    """A file from a newer streak is not ours to touch."""
    db.parent.mkdir(parents=True, exist_ok=True)
    db.write_text('{"meta": {"1": {"schema": 7}}}', encoding="utf-8")
    one_line_error(streak("checkin"), 3, "newer streak", "upgrade")


def test_backup_lists_backups_and_sets_how_many_are_kept(streak) -> None:  # noqa: ANN001
    """`streak backup` shows each backup and what it holds; --keep changes the count."""
    streak("checkin", "--date", "2026-11-16", now=datetime(2026, 11, 16, 8))
    streak("checkin", "--date", "2026-11-18", now=datetime(2026, 11, 18, 8))
    listing = json.loads(streak("backup", "--json").out)
    assert listing == [
        {
            "name": f"streak.json.0001.2026-11-18-080000.{short_machine_id(machine_id())}.json",
            "taken": "2026-11-18T08:00:00",
            "sessions": 1,
            "in_future": False,
            "shared": False,
        }
    ]
    assert "each machine keeps its own newest 7" in streak("backup").out
    assert "each machine keeps its own newest 3" in streak("backup", "--keep", "3").out
    one_line_error(streak("backup", "--keep", "0"), 2, "--keep")


def test_restore_without_backups_exits_2(streak) -> None:  # noqa: ANN001
    """Nothing to restore is said plainly."""
    one_line_error(streak("restore"), 2, "no usable backup")


def test_help_and_version_exit_0(streak) -> None:  # noqa: ANN001
    """--help lists the commands; --version names the release."""
    run = streak("--help")
    assert run.status == 0 and "checkin" in run.out and "history" in run.out
    assert streak("--version").out.startswith("streak ")


def test_a_full_disk_exits_3_and_keeps_the_old_file(streak, db: Path, monkeypatch) -> None:  # noqa: ANN001
    """A write that fails (disk full, read-only folder) is a data-file error; the file is as it was."""
    checked_in(streak, "2026-11-16", "2026-11-17")
    before = db.read_bytes()

    def full(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("streak.storage.datafile.atomic.os.write", full)
    one_line_error(streak("checkin", "--date", "2026-11-18"), 3, "No space left on device", "left as it was")
    assert db.read_bytes() == before


def test_the_fast_path_knows_every_command() -> None:
    """Parsing builds only the named command's parser: its list of names is the full parser's."""
    from streak.cli.parser import COMMANDS, build_parser

    full = build_parser(TODAY)
    choices = next(action.choices for action in full._actions if action.dest == "command")
    assert sorted(COMMANDS) == sorted(choices)


@pytest.mark.parametrize("args", [["bogus"], ["--db"], ["status", "--bogus"], ["checkin", "--date"]])
def test_unknown_commands_and_options_are_one_line_naming_them(streak, args: list[str]) -> None:  # noqa: ANN001
    """Whether or not the command is known, a usage error names what was wrong and points at --help."""
    run = streak(*args)
    assert run.status == 2 and len(run.err.strip().splitlines()) == 1 and "--help" in run.err
    assert "choose from )" not in run.err
