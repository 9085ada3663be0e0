"""One function a command: read or change the store through the core, then print the outcome."""

import sys
from argparse import Namespace
from collections.abc import Callable
from datetime import date, timedelta

from streak.cli import render
from streak.cli.context import Context
from streak.core import edits
from streak.core.errors import InputError
from streak.core.figures import compute_status
from streak.core.model import History, Session, clean_note
from streak.core.phrases import plural, short_day, short_line, streak_phrase
from streak.core.rest import add_rest, check_rest_range, clear_rest, rest_spans
from streak.core.week_states import week_states


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
    """Show the figures as of a day (default today) and the badges earned by then; --short for a prompt."""
    figures = compute_status(context.store.load(), args.as_of or context.today)
    if context.json:
        context.print_json(render.status_json(figures))
    elif args.short:
        context.print(short_line(figures))
    else:
        context.print(render.status_text(figures))


def _apply(context: Context, change: Callable[[History], History], dry_run: bool) -> tuple[History, History]:
    """The history before and after `change`: saved to the file unless `dry_run`."""
    if dry_run:
        before = context.store.load()
        return before, change(before)
    return context.store.update(lambda history: (after := change(history), (history, after)))


def _streak_effect(before: History, after: History, today: date) -> str | None:
    """`Current streak 6 -> 0 weeks, best 9 -> 9.` when a change alters either; None when it alters neither."""
    old, new = compute_status(before, today), compute_status(after, today)
    if (old.current_streak, old.best_streak) == (new.current_streak, new.best_streak):
        return None
    return (
        f"This changes your current streak from {old.current_streak} to {plural(new.current_streak, 'week')} "
        f"and your best from {old.best_streak} to {plural(new.best_streak, 'week')}."
    )


def goal(args: Namespace, context: Context) -> None:
    """Show the goal; with N, set it from the week holding --from (default today); --week-start changes weeks."""
    if args.since and args.n is None:
        raise InputError("--from needs a goal: streak goal N --from YYYY-MM-DD")

    def change(history: History) -> History:
        if args.week_start:
            history = edits.set_week_start_day(history, args.week_start)
        if args.n is not None:
            history = edits.set_goal(history, args.since or context.today, args.n)
        return history

    changing = args.week_start or args.n is not None
    if not changing:
        before = history = context.store.load()
    else:
        before, history = _apply(context, change, args.dry_run)
    current = compute_status(history, context.today).goal
    if context.json:
        context.print_json(render.goal_json(history, current))
        return
    lines = [render.goal_text(history, current)]
    effect = _streak_effect(before, history, context.today) if changing else None
    if effect:
        lines.append(effect)
    if changing and args.dry_run:
        lines.append("Dry run: nothing was saved.")
    context.print("\n".join(lines))


def rest(args: Namespace, context: Context) -> None:
    """Mark the weeks holding FROM..TO as rest weeks, or clear them; show the weeks and the streak after."""
    last = args.to or args.first
    start, end = check_rest_range(args.first, last, context.today, context.store.load().week_start_day)

    def change(history: History) -> History:
        check_rest_range(args.first, last, context.today, history.week_start_day)
        return (clear_rest if args.clear else add_rest)(history, args.first, last)

    before, after = _apply(context, change, args.dry_run)
    status = compute_status(after, context.today)
    weeks = [start + timedelta(weeks=n) for n in range(((end - start).days + 1) // 7)]
    if context.json:
        context.print_json(
            {
                "rest_periods": [
                    {"from": a.isoformat(), "to": b.isoformat()} for a, b in rest_spans(after.rest_periods)
                ],
                "weeks": [week.isoformat() for week in weeks],
                "cleared": args.clear,
                "current_streak": status.current_streak,
                "best_streak": status.best_streak,
            }
        )
        return
    one = len(weeks) == 1
    what = (
        ("is no longer a rest week" if one else "are no longer rest weeks")
        if args.clear
        else ("is a rest week" if one else "are rest weeks")
    )
    lines = [f"{plural(len(weeks), 'week')} {what}: {short_day(start)} to {short_day(end)}."]
    effect = _streak_effect(before, after, context.today)
    lines.append(effect or f"Streak: {streak_phrase(status)}.")
    if args.dry_run:
        lines.append("Dry run: nothing was saved.")
    context.print("\n".join(lines))


def settings(args: Namespace, context: Context) -> None:
    """Show the settings, or set the units weights are entered in."""
    if args.units:
        history = context.store.update(lambda history: (changed := edits.set_units(history, args.units), changed))
    else:
        history = context.store.load()
    kept = context.store.backups_kept()
    if context.json:
        context.print_json({"week_start_day": history.week_start_day, "units": history.units, "backups_kept": kept})
    else:
        context.print(
            f"Weeks start on {history.week_start_day.capitalize()}; weights in {history.units}; "
            f"the newest {kept} daily backups are kept."
        )


def history(args: Namespace, context: Context) -> None:
    """List the last N weeks, newest first."""
    recorded = context.store.load()
    first = context.today - timedelta(weeks=args.weeks - 1)
    weeks = week_states(recorded, context.today, first)[::-1]
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
    """Write the history as JSON or CSV, to a file or the terminal."""
    from streak.core.exchange import to_csv, to_json

    recorded = context.store.load()
    text = to_json(recorded) if args.format == "json" else to_csv(recorded)
    if args.output:
        from streak.storage.files import write_export_file

        write_export_file(args.output, text)
        print(f"Exported {plural(len(recorded.sessions), 'session')} to {args.output}.", file=sys.stderr)
    else:
        context.out.write(text)


def import_(args: Namespace, context: Context) -> None:
    """Merge a JSON export or a CSV into the history; sessions already present are skipped."""
    from streak.core.exchange import merge, read_export
    from streak.storage.files import read_import_file

    text = sys.stdin.read() if args.file == "-" else read_import_file(args.file)
    try:
        imported = read_export(text, context.today)
    except InputError as error:
        raise InputError(f"{args.file} was not imported: {error}") from None
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
    if context.json:
        context.print_json(
            [{"name": s.backup.name, "taken": s.backup.taken.isoformat(), "sessions": s.sessions} for s in states]
        )
        return
    kept = context.store.backups_kept()
    lines = [f"Backups of {context.store.path} (the newest {kept} are kept), newest first:"]
    for state in states:
        held = "unreadable" if state.sessions is None else plural(state.sessions, "session")
        lines.append(f"  {state.backup.name}  {held}")
    if not states:
        lines.append("  none yet: one is taken before the first change of each day")
    context.print("\n".join(lines))


def restore(args: Namespace, context: Context) -> None:
    """Put a backup in place of the data file, keeping the current file as a backup first."""
    restored = context.store.restore(args.backup)
    recorded = context.store.load()
    held = plural(len(recorded.sessions), "session")
    context.print(f"Restored {restored.name}: {held}. The previous file was kept as a backup.")
