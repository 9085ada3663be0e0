"""What an import does, in numbers and in words, shared by `streak import` and the app's Import command."""

from datetime import date
from typing import Any

from streak.core.exchange.adding import Added, add_imported
from streak.core.exchange.export import Imported
from streak.core.history.model import History
from streak.core.named_tuple import NamedTuple
from streak.core.phrases import plural, short_day


class ImportPreview(NamedTuple):
    """What merging an import would do: sessions added and skipped, the first and last day added,
    and the lifts, goal changes and rest weeks that come too."""

    imported: int
    skipped: int
    first: date | None
    last: date | None
    added: Added

    @property
    def goals_or_rest(self) -> bool:
        """Whether goal changes or rest weeks come along with the sessions."""
        return bool(self.added.goal_changes or self.added.rest_weeks)

    @property
    def changes_anything(self) -> bool:
        """Whether importing would change the history at all."""
        return bool(self.imported or self.added.lifts_added or self.goals_or_rest)


def preview_import(history: History, imported: Imported) -> ImportPreview:
    """Work out the merge without keeping it, as `--dry-run` shows it."""
    merged, result = add_imported(history, imported)
    present = {session.day for session in history.sessions}
    added = [session.day for session in merged.sessions if session.day not in present]
    return ImportPreview(result.imported, result.skipped, min(added, default=None), max(added, default=None), result)


def counts_json(added: Added, imported: Imported) -> dict[str, Any]:
    """`{"imported", "skipped"}`, and `"lifts_added"` for a lifts-csv, whose lifts also join days already present."""
    counts: dict[str, Any] = {"imported": added.imported, "skipped": added.skipped}
    if imported.lifts_only:
        counts["lifts_added"] = added.lifts_added
    return counts


def _from(habit: str | None) -> str:
    return f" of {habit}" if habit else ""


def _extras(added: Added, imported: Imported, *, would: bool) -> str:
    """` 12 lifts were added. 2 goal changes and 3 rest weeks come along, for weeks that had none.`, or ``."""
    text = ""
    if imported.lifts_only:
        verb = "would be" if would else "was" if added.lifts_added == 1 else "were"
        text += f" {plural(added.lifts_added, 'lift')} {verb} added."
    along = [plural(added.goal_changes, "goal change")] if added.goal_changes else []
    along += [plural(added.rest_weeks, "rest week")] if added.rest_weeks else []
    if along:
        verb = "would come" if would else "came"
        text += f" {' and '.join(along)} {verb} along, for weeks that had none."
    return text


def dry_run_text(preview: ImportPreview, imported: Imported, habit: str | None) -> str:
    """`Would import 40 sessions of "Leg day" (#2 in Loop Habit Tracker), Mon 3 Jan 2022 to ...; would skip 3 ...`."""
    span = ""
    if preview.first and preview.last:
        span = f", {short_day(preview.first)}" + (
            f" to {short_day(preview.last)}" if preview.last > preview.first else ""
        )
    return (
        f"Would import {plural(preview.imported, 'session')}{_from(habit)}{span};"
        f" would skip {preview.skipped} already present." + _extras(preview.added, imported, would=True)
    )


def done_text(result: Added, imported: Imported, habit: str | None) -> str:
    """`Imported 40 sessions of "Leg day" (#2 in Loop Habit Tracker); skipped 3 already present.`, and what came too."""
    return (
        f"Imported {plural(result.imported, 'session')}{_from(habit)}; skipped {result.skipped} already present."
        + _extras(result, imported, would=False)
    )
