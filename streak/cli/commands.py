"""One function a command: read or change the store through the core, then print the outcome."""

import os
from collections.abc import Callable, Sequence
from datetime import timedelta

from streak.cli import render
from streak.cli.context import Context
from streak.core.errors import InputError, Refused
from streak.core.history import edits
from streak.core.history.model import History, Session, clean_note
from streak.core.phrases import plural, short_day, short_line, streak_effect, streak_phrase
from streak.core.rules.badges import in_order
from streak.core.rules.status import compute_status
from streak.storage.prompt_memo import prompt_key, remember
from streak.storage.sync.conflicts import find_conflict_copies

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing (~13 ms with re, enum, contextlib)
if TYPE_CHECKING:
    from argparse import Namespace  # the shell prompt's line is run without loading argparse

    from streak.core.tips.choice import Tip


def _random_pick(options: "Sequence[Tip]") -> "Tip":
    """Any one of `options`, evenly.

    From os.urandom, not the random module: importing random costs a check-in ~2 ms, and a 64-bit
    draw over a few dozen tips is as even as anyone could tell.
    """
    return options[int.from_bytes(os.urandom(8), "big") % len(options)]


def checkin(args: "Namespace", context: Context) -> None:
    """Record a session, then show the streak, any new badges and a tip."""
    from streak.core.lifts.lift import typed_lifts
    from streak.core.rules.checkin import check_in

    note = clean_note(args.note)
    pick = _random_pick

    def change(history: History):  # noqa: ANN202
        session = Session(
            args.date or context.today, note, typed_lifts(args.lift, history, new_exercise=args.new_exercise)
        )
        return check_in(history, session, context.today, pick)

    result = context.store.update(change)
    if context.json:
        context.print_json(render.checkin_json(result))
    else:
        context.print(render.checkin_text(result))


def status(args: "Namespace", context: Context) -> None:
    """Show the figures as of a day (default today) and the badges earned by then; --short for a prompt."""
    prompt = args.short and args.as_of is None
    # Taken before the file is read: a change made meanwhile then shows as a changed key next time.
    key = prompt_key(context.store.path, context.today.isoformat(), context.encoding) if prompt else None
    figures = compute_status(context.store.load(hurried=prompt, parts=False), args.as_of or context.today)
    if context.json:
        context.print_json(render.status_json(figures))
    elif args.short:
        line = context.print(short_line(figures))
        # A conflict copy still beside the file (one that could not be merged) is reported by every prompt.
        if key is not None and not find_conflict_copies(context.store.path):
            remember(key, line)
    else:
        context.print(render.status_text(figures))


def _apply(context: Context, change: Callable[[History], History], dry_run: bool) -> tuple[History, History]:
    """The history before and after `change`: saved to the file unless `dry_run`."""
    if dry_run:
        before = context.store.load()
        return before, change(before)
    return context.store.update(lambda history: (after := change(history), (history, after)))


def goal(args: "Namespace", context: Context) -> None:
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
    effect = streak_effect(before, history, context.today) if changing else None
    if effect:
        lines.append(f"This change: {effect}")
    if changing and args.dry_run:
        lines.append("Dry run: nothing was saved.")
    context.print("\n".join(lines))


def rest(args: "Namespace", context: Context) -> None:
    """Mark the weeks holding FROM..TO as rest weeks, or clear them; show the weeks and the streak after."""
    from streak.core.history.rest import add_rest, check_rest_range, clear_rest, rest_spans

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
    effect = streak_effect(before, after, context.today)
    lines.append(f"This change: {effect}" if effect else f"Streak: {streak_phrase(status)}.")
    if args.dry_run:
        lines.append("Dry run: nothing was saved.")
    context.print("\n".join(lines))


def settings(args: "Namespace", context: Context) -> None:
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


def history(args: "Namespace", context: Context) -> None:
    """List the last N weeks, newest first."""
    from streak.core.rules.week_states import week_states

    recorded = context.store.load()
    first = context.today - timedelta(weeks=args.weeks - 1)
    weeks = week_states(recorded, context.today, first)[::-1]
    if context.json:
        context.print_json([render.week_json(week) for week in weeks])
    else:
        notes = {session.day: session.note for session in recorded.sessions if session.note}
        context.print(render.history_text(weeks, notes))


def badges(args: "Namespace", context: Context) -> None:
    """List every badge as of today: the earned ones by date, then the rest."""
    states = in_order(list(compute_status(context.store.load(), context.today).badges))
    if context.json:
        context.print_json([render.badge_detail_json(state) for state in states])
    else:
        context.print(render.badges_text(states))


def edit(args: "Namespace", context: Context) -> None:
    """Change the note or the lifts of a recorded session."""
    from streak.core.lifts.lift import check_lift_count, format_lifts, typed_lifts

    if args.note is None and not args.lift and not args.clear_lifts:
        raise InputError("nothing to change: give --note, --lift or --clear-lifts")
    note = clean_note(args.note) if args.note is not None else None

    def change(history: History) -> tuple[History, Session]:
        session = history.session_on(args.day)
        if session is None:
            raise Refused(f"there is no session on {args.day.isoformat()} to edit; check in with --date instead")
        kept = () if args.clear_lifts else session.lifts
        edited = session._replace(
            note=note if args.note is not None else session.note,
            # Only the lifts typed now are checked: those recorded may come from a file (see typed_lifts).
            lifts=check_lift_count(kept + typed_lifts(args.lift, history, new_exercise=args.new_exercise)),
        )
        return edits.replace_session(history, edited), edited

    edited = context.store.update(change)
    lifts = format_lifts(edited.lifts) or "no lifts"
    note = f'"{edited.note}"' if edited.note else "no note"
    context.print(f"Edited the session on {short_day(edited.day)}: {note}, {lifts}.")


def lifts(args: "Namespace", context: Context) -> None:
    """The training log: each exercise's best and last lift and its records, or every lift of one exercise."""
    from streak.core.lifts.log import exercise_log, exercise_summaries

    if args.exercise is not None and not args.exercise.strip():
        raise InputError("--exercise needs an exercise's name; `streak lifts` lists them")
    history = context.store.load()
    logged = [(session.day, session.lifts) for session in history.sessions if session.lifts]
    if args.exercise is not None:
        entries = exercise_log(logged, args.exercise)
        if not entries:
            raise InputError(f"no lift of {args.exercise!r} is recorded; `streak lifts` lists the exercises")
        if context.json:
            context.print_json([render.logged_lift_json(entry) for entry in entries])
        else:
            context.print(render.exercise_log_text(entries, history.units))
        return
    summaries = exercise_summaries(logged)
    if context.json:
        context.print_json([render.exercise_summary_json(summary) for summary in summaries])
    else:
        context.print(render.lifts_text(summaries, history.units))


def remove(args: "Namespace", context: Context) -> None:
    """Delete the session on a day."""
    context.store.update(lambda history: (edits.remove_session(history, args.day), None))
    context.print(f"Removed the session on {short_day(args.day)}.")


def export(args: "Namespace", context: Context) -> None:
    """Write the history as JSON or CSV (UTF-8, whatever the terminal's encoding), to a file or the terminal."""
    from streak.core.exchange.export import to_csv, to_json, to_lifts_csv
    from streak.storage.exchange.files import check_export_size, refuse_stream_onto, write_export_file

    if args.output == "":  # as `--output "$UNSET"` gives: not a wish to print to the terminal instead
        raise InputError("--output needs the path of a file to write")
    recorded = context.store.load()
    data = {"json": to_json, "csv": to_csv, "lifts-csv": to_lifts_csv}[args.format](recorded).encode()
    if args.output and args.output != "-":  # "-" is standard output, as for `import -`, never a file named "-"
        write_export_file(args.output, data, context.store.own_files())
        context.tell(f"Exported {plural(len(recorded.sessions), 'session')} to {args.output}.")
    else:
        check_export_size(data)
        refuse_stream_onto(context.out, context.store.own_files())
        context.write_bytes(data)


def import_(args: "Namespace", context: Context) -> None:
    """Merge a streak export, or one habit from Loop Habit Tracker, harsh or oidia; days already present are skipped."""
    from streak.core.exchange.adding import add_imported
    from streak.core.exchange.preview import counts_json, done_text, dry_run_text, preview_import
    from streak.storage.exchange.files import check_still_exports
    from streak.storage.exchange.imports import read_import

    incoming = read_import(args.file, context.today, source=args.source, habit=args.habit)

    def merge(history: History):  # noqa: ANN202
        merged, result = add_imported(history, incoming.imported)
        check_still_exports(merged)
        return merged, result

    if args.dry_run:
        history = context.store.load()
        merge(history)  # refused as the import itself would be
        preview = preview_import(history, incoming.imported)
        counts = counts_json(preview.added, incoming.imported)
        text = dry_run_text(preview, incoming.imported, incoming.habit) + " Nothing was changed."
    else:
        result = context.store.update(merge)
        counts = counts_json(result, incoming.imported)
        text = done_text(result, incoming.imported, incoming.habit)
    if context.json:
        context.print_json(counts)
    else:
        context.print(text)


def tip(args: "Namespace", context: Context) -> None:
    """Show one general tip not yet shown in its cycle (without using it up), or every tip, moments' included."""
    from streak.core.tips.choice import catalogue, choose_tip

    tips = catalogue()
    if args.all:
        if context.json:
            context.print_json([render.tip_json(each) for each in tips])
        else:
            context.print(render.all_tips_text(tips))
        return
    chosen = choose_tip(tips, context.store.load().shown_tips, None, _random_pick)
    if context.json:
        context.print_json(render.tip_json(chosen))
    else:
        context.print(render.tip_text(chosen))


def backup(args: "Namespace", context: Context) -> None:
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


def restore(args: "Namespace", context: Context) -> None:
    """Put a backup in place of the data file, keeping the current file as a backup first."""
    restored = context.store.restore(args.backup)
    recorded = context.store.load()
    held = plural(len(recorded.sessions), "session")
    context.print(f"Restored {restored.name}: {held}. The previous file was kept as a backup.")
