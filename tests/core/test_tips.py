"""The tip catalogue is sourced and in our own words; the general cycle never repeats a tip too soon.

The moments and their cycles are tested in test_tip_moments.py.
"""

import random
import re
from datetime import date
from pathlib import Path

import pytest

from helpers import shown_in_turn
from streak.core.history.model import History, Session
from streak.core.rules.checkin import check_in
from streak.core.tips.catalogue import MOMENTS, SOURCES, TAGS
from streak.core.tips.choice import after_showing, catalogue, choose_tip, group_of

# The articles sit in shared/seeds beside the repository, or beside the folder of worktrees holding it.
SEEDS = next(
    (
        folder / "shared" / "seeds"
        for folder in Path(__file__).resolve().parents
        if (folder / "shared" / "seeds").is_dir()
    ),
    Path("shared", "seeds"),
)
TIPS = catalogue()
GENERAL = group_of(TIPS, None)
D = date.fromisoformat


def test_catalogue_has_at_least_forty_tips_with_unique_ids() -> None:
    """SPEC.md asks for 40 or more; ids are stable keys in users' data files."""
    ids = [tip.id for tip in TIPS]
    assert len(ids) >= 40
    assert len(set(ids)) == len(ids)
    assert all(re.fullmatch(r"[a-z]{2}-[a-z0-9-]+", id) for id in ids)


def test_every_tip_has_text_a_known_source_and_known_tags() -> None:
    """No empty tip, no tip without a named article, no tag outside the list."""
    for tip in TIPS:
        assert tip.text.strip() and tip.text == tip.text.strip()
        assert tip.source in SOURCES.values()
        assert tip.tags and set(tip.tags) <= TAGS


def test_every_article_is_cited() -> None:
    """All five articles contribute tips."""
    assert {tip.source for tip in TIPS} == set(SOURCES.values())


def test_tips_fit_the_app() -> None:
    """A tip is one or two sentences that fit in three lines of an 80-column screen."""
    for tip in TIPS:
        assert 40 <= len(tip.text) <= 200, tip.id
        assert tip.text.count(". ") + tip.text.count("? ") <= 2, tip.id


def test_every_moment_has_at_least_five_tips_of_its_own() -> None:
    """SPEC.md: each moment has at least 5 tips written for it; every tip is general or one moment's."""
    for moment in MOMENTS:
        assert len(group_of(TIPS, moment)) >= 5, moment
    assert {tip.moment for tip in TIPS} == {None, *MOMENTS}
    assert len(GENERAL) >= 40


def test_no_clutter_or_advertising() -> None:
    """Page clutter and the supplement plug stay out."""
    text = " ".join(tip.text for tip in TIPS).lower()
    for word in ("betator", "don't miss", "read more", "calorie tracker", "myplate", "orgasm", "birth control"):
        assert word not in text


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower().replace("\u2019", "'"))


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the source articles are beside the repository only for developers")
def test_no_run_of_eight_words_is_copied_from_an_article() -> None:
    """Facts carry over from the articles, sentences do not."""
    runs = set()
    for article in SEEDS.glob("0*.txt"):
        words = _words(article.read_text(encoding="utf-8"))
        runs.update(tuple(words[i : i + 8]) for i in range(len(words) - 7))
    for tip in TIPS:
        words = _words(tip.text)
        copied = [" ".join(words[i : i + 8]) for i in range(len(words) - 7) if tuple(words[i : i + 8]) in runs]
        assert not copied, (tip.id, copied)


def test_no_general_tip_repeats_until_every_general_tip_was_shown() -> None:
    """Choosing and recording general tips walks them all once before any repeats, then starts over."""
    pick = random.Random(7).choice
    seen, shown = shown_in_turn(TIPS, (), None, pick, len(GENERAL))
    assert sorted(seen) == sorted(tip.id for tip in GENERAL)
    next_tip = choose_tip(TIPS, shown, None, pick)
    assert after_showing(TIPS, shown, next_tip) == (next_tip.id,)


def test_choice_is_deterministic_with_a_seeded_random_source() -> None:
    """The same state and seed give the same tip."""
    first = choose_tip(TIPS, (), None, random.Random(42).choice)
    second = choose_tip(TIPS, (), None, random.Random(42).choice)
    assert first == second


def test_tips_removed_from_the_catalogue_are_forgotten() -> None:
    """Ids in the data file that a newer catalogue dropped do not block the cycle, and are dropped from it."""
    shown = ("gone-tip", *[tip.id for tip in GENERAL[:-1]])
    last = choose_tip(TIPS, shown, None, random.Random(1).choice)
    assert last == GENERAL[-1]
    assert after_showing(TIPS, shown, last) == (*shown[1:], last.id)


def test_check_in_records_the_tip_in_the_cycle() -> None:
    """The tip shown after a check-in is remembered with the history."""
    recorded, result = check_in(History(), Session(D("2026-11-20")), D("2026-11-21"), random.Random(0).choice)
    assert recorded.shown_tips == (result.tip.id,)


def test_sources_cite_title_and_the_author_or_publisher_the_article_names() -> None:
    """Title and author or publisher where the article names one, the title alone where it names none."""
    assert SOURCES == {
        "ms": "Five Reasons Not to Skip Leg Day (Muscle & Strength)",
        "tb": "Why You Should Never Miss Leg Day If You Care About Total Body Results",
        "es": "The Benefits of Leg Day (Erin Stern, September 14, 2018)",
        "ac": "How Important Are Leg Workouts for Muscle Gain? (Andrea Cespedes, LIVESTRONG.COM)",
        "wl": "Why do we need to train our legs?",
    }


@pytest.mark.parametrize(
    "words", ["article", "not named", "today", "this week", "you just", "welcome back", "this app"]
)
def test_every_tip_reads_on_its_own(words: str) -> None:
    """A tip makes sense wherever it shows (after any check-in, or from `streak tip`): no "that article"."""
    for tip in TIPS:
        assert words not in tip.text.lower(), tip.id


def test_tip_ids_stay_as_users_data_files_know_them() -> None:
    """Ids are kept in data files (the tip cycle), so rewording a tip never renames or drops one."""
    known = {
        "ms-compound-weekly", "ms-bench-base", "ms-hormone-claim", "ms-overload", "ms-rest-fuel", "ms-unilateral",
        "ms-supersets", "ms-epoc", "ms-insulin", "ms-resting-burn", "ms-posterior", "ms-desk-posture",
        "ms-knee-balance", "ms-small-muscles", "ms-everyday", "ms-brain", "ms-functional", "ms-athletic",
        "ms-falls", "ms-keep-at-it", "ms-endorphins", "ms-both-kinds", "tb-big-lift-first", "tb-single-leg",
        "tb-hamstrings", "tb-split-it", "tb-log-it", "tb-ease-back", "tb-largest-muscle", "tb-sleepy-glutes",
        "tb-rdl", "tb-bone-density", "tb-knees", "tb-runners", "tb-not-too-big", "tb-quit-threshold",
        "tb-afterburn", "tb-nervous-system", "tb-foundation", "tb-independence", "tb-twice-lighter",
        "tb-first-plan", "tb-for-life", "es-once-or-twice", "es-hip-drive", "es-free-weights", "es-hormone-claim",
        "es-calories", "es-cardio", "es-symmetry", "es-stress-relief", "ac-upper-growth", "ac-repair",
        "ac-not-a-substitute", "ac-food-sleep", "ac-whole-body", "wl-half-your-muscle", "wl-machines",
        "wl-cardio-not-enough", "wl-arm-rule", "wl-character", "wl-balance-growth", "wl-why-skip",
        "wl-comeback-squat",
    }  # fmt: skip
    assert known <= {tip.id for tip in TIPS}
