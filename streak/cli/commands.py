"""One function a command: read or change the store through the core, then print the outcome."""

import sys
from argparse import Namespace
from datetime import timedelta

from streak.cli import render
from streak.cli.context import Context
from streak.core import edits
from streak.core.errors import InputError
from streak.core.figures import compute_status
from streak.core.model import History, Session, clean_note
from streak.core.phrases import plural, short_day
from streak.core.weeks import days_until, weeks_between


def _random_pick():  # noqa: ANN202 - returns random.Random.choice
    import random  # only check-ins and tips need randomness; status should not pay for it

    return random.Random().choice


def checkin(args: Namespace, context: Context) -> None:
    """Record a session, then show the streak, any new badges and a tip."""
    from streak.core.checkin import check_in

    session = Session(args.date or context.today, clean_note(args.note))
    pick = _random_pick()
    result = context.store.update(lambda history: check_in(history, session, context.today, pick))
    if context.json:
        context.print_json(render.checkin_json(result))
    else:
        context.print(render.checkin_text(result))


def status(args: Namespace, context: Context) -> None:
    """Show the figures as of a day (default today) and the badges earned by then."""
    figures = compute_status(context.store.load(), args.as_of or context.today)
    if context.json:
        context.print_json(render.status_json(figures))
    else:
        context.print(render.status_text(figures))


def goal(args: Namespace, context: Context) -> None:
    """Show the goal; with N, set it from the week holding --from (default today); --week-start changes weeks."""
    if args.since and args.n is None:
        raise InputError("--from needs a goal: streak goal N --from YYYY-MM-DD")

    def change(history: History) -> tuple[History, History]:
        if args.week_start:
            history = edits.set_week_start_day(history, args.week_start)
        if args.n is not None:
            history = edits.set_goal(history, args.since or context.today, args.n)
        return history, history

    changing = args.week_start or args.n is not None
    history = context.store.update(change) if changing else context.store.load()
    current = compute_status(history, context.today).goal
    if context.json:
        context.print_json(render.goal_json(history, current))
    else:
        context.print(render.goal_text(history, current))


def history(args: Namespace, context: Context) -> None:
    """List the last N weeks, newest first."""
    recorded = context.store.load()
    first = context.today - timedelta(weeks=args.weeks - 1)
    weeks = weeks_between(recorded, days_until(recorded, context.today), first, context.today)[::-1]
    if context.json:
        context.print_json([render.week_json(week) for week in weeks])
    else:
        context.print(render.history_text(weeks))


def badges(args: Namespace, context: Context) -> None:
    """List every badge as of today."""
    states = list(compute_status(context.store.load(), context.today).badges)
    if context.json:
        context.print_json([render.badge_detail_json(state) for state in states])
    else:
        context.print(render.badges_text(states))


def remove(args: Namespace, context: Context) -> None:
    """Delete the session on a day."""
    context.store.update(lambda history: (edits.remove_session(history, args.day), None))
    context.print(f"Removed the session on {short_day(args.day)}.")


def export(args: Namespace, context: Context) -> None:
    """Write the history as JSON or CSV (UTF-8, whatever the terminal's encoding), to a file or the terminal."""
    from streak.core.exchange import to_csv, to_json
    from streak.storage.files import check_export_size, refuse_stream_onto, write_export_file

    recorded = context.store.load()
    data = (to_json(recorded) if args.format == "json" else to_csv(recorded)).encode()
    if args.output:
        write_export_file(args.output, data, context.store.own_files())
        context.tell(f"Exported {plural(len(recorded.sessions), 'session')} to {args.output}.")
    else:
        check_export_size(data)
        refuse_stream_onto(context.out, context.store.own_files())
        context.write_bytes(data)


def import_(args: Namespace, context: Context) -> None:
    """Merge a JSON export or a CSV into the history; sessions already present are skipped."""
    from streak.core.exchange import merge, read_export
    from streak.storage.files import STANDARD_INPUT, read_import_file, read_import_stream

    reading_stdin = args.file == "-"
    text = read_import_stream(getattr(sys.stdin, "buffer", None)) if reading_stdin else read_import_file(args.file)
    try:
        imported = read_export(text, context.today)
    except InputError as error:
        raise InputError(f"{STANDARD_INPUT if reading_stdin else args.file} was not imported: {error}") from None
    result = context.store.update(lambda history: merge(history, imported))
    if context.json:
        context.print_json({"imported": result.imported, "skipped": result.skipped})
    else:
        context.print(f"Imported {plural(result.imported, 'session')}; skipped {result.skipped} already present.")


def tip(args: Namespace, context: Context) -> None:
    """Show one tip not yet shown in this cycle (without using it up), or every tip."""
    from streak.core.tips import catalogue, choose_tip

    tips = catalogue()
    if args.all:
        if context.json:
            context.print_json([render.tip_json(each) for each in tips])
        else:
            context.print("\n\n".join(render.tip_text(each) for each in tips))
        return
    chosen = choose_tip(tips, context.store.load().shown_tips, (), _random_pick())
    if context.json:
        context.print_json(render.tip_json(chosen))
    else:
        context.print(render.tip_text(chosen))


def backup(args: Namespace, context: Context) -> None:
    """List the backups, newest first; --keep sets how many are kept."""
    if args.keep:
        context.store.set_backups_kept(args.keep)
    states = context.store.backup_states()
    shared = context.store.shared_backup_states()
    if context.json:
        context.print_json(
            [render.backup_json(state, shared=False) for state in states]
            + [render.backup_json(state, shared=True) for state in shared]
        )
        return
    sharers = context.store.backups.stem_sharers() if shared else []
    context.print(render.backups_text(context.store.path, context.store.backups_kept(), states, shared, sharers))


def restore(args: Namespace, context: Context) -> None:
    """Put a backup in place of the data file, keeping the current file as a backup first."""
    restored = context.store.restore(args.backup)
    recorded = context.store.load()
    held = plural(len(recorded.sessions), "session")
    context.print(f"Restored {restored.name}: {held}. The previous file was kept as a backup.")
