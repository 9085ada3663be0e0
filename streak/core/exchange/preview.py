"""What an import does, in numbers and in words, shared by `streak import` and the app's Import command."""

from datetime import date
from typing import NamedTuple

from streak.core.exchange.adding import Added, add_imported
from streak.core.exchange.export import Imported
from streak.core.history.model import History
from streak.core.phrases import plural, short_day


class ImportPreview(NamedTuple):
    """What merging an import would do: sessions added and skipped, the first and last day added,
    and whether goal changes or rest periods come too."""

    imported: int
    skipped: int
    first: date | None
    last: date | None
    goals_or_rest: bool = False


def preview_import(history: History, imported: Imported) -> ImportPreview:
    """Work out the merge without keeping it, as `--dry-run` shows it."""
    merged, result = add_imported(history, imported)
    present = {session.day for session in history.sessions}
    added = [session.day for session in merged.sessions if session.day not in present]
    goals_or_rest = (merged.goal_changes, merged.rest_periods) != (history.goal_changes, history.rest_periods)
    return ImportPreview(
        result.imported, result.skipped, min(added, default=None), max(added, default=None), goals_or_rest
    )


def _from(habit: str | None) -> str:
    return f" of {habit}" if habit else ""


def dry_run_text(preview: ImportPreview, habit: str | None) -> str:
    """`Would import 40 sessions of "Leg day" (#2 in Loop Habit Tracker), Mon 3 Jan 2022 to ...; would skip 3 ...`."""
    span = ""
    if preview.first and preview.last:
        span = f", {short_day(preview.first)}" + (
            f" to {short_day(preview.last)}" if preview.last > preview.first else ""
        )
    return (
        f"Would import {plural(preview.imported, 'session')}{_from(habit)}{span};"
        f" would skip {preview.skipped} already present."
    )


def done_text(result: Added, habit: str | None) -> str:
    """`Imported 40 sessions of "Leg day" (#2 in Loop Habit Tracker); skipped 3 already present.`."""
    return f"Imported {plural(result.imported, 'session')}{_from(habit)}; skipped {result.skipped} already present."
