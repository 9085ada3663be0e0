"""Lifts: every exercise with its best estimated one-rep max, last lift and records, a sparkline of its progress, and the week's volume."""

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Sparkline, Static

from streak.core.history.model import History
from streak.core.lifts.lift import e1rm_kg, format_lift
from streak.core.lifts.log import ExerciseSummary, e1rm_series, exercise_summaries, week_volume_kg
from streak.core.phrases import in_units, short_day
from streak.core.text import show_safely
from streak.ui.views.base import StoreScreen
from streak.ui.widgets.footer import KeysFooter
from streak.ui.widgets.view_bar import ViewBar

EMPTY = "No lifts yet. Add them when you check in (c on Today): back squat 5x5 100kg."


class ExerciseTable(DataTable):
    """The exercises, one a row; the footer and the keys screen name the arrows that choose one."""

    BINDINGS = [
        # One name for both keys: the footer and the keys screen show them as one row.
        Binding(
            "up", "cursor_up", "Exercise", key_display="↑↓", tooltip="Choose the exercise whose progress is drawn below"
        ),
        Binding("down", "cursor_down", "Exercise", key_display="↑↓", show=False),
    ]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """No arrows to name while there are no exercises to choose from."""
        return bool(self.row_count) or action not in ("cursor_up", "cursor_down")


COLUMNS = ("Exercise", "Best e1RM", "Last lift", "PRs", "Sessions")
TABLE_FRAME = 4  # the table's margins and a vertical scrollbar's width, should the rows outgrow it


def shortened(text: str, width: int) -> str:
    """`text` cut to `width` characters, its last one an ellipsis when anything was cut."""
    return text if len(text) <= width else text[: width - 1] + "…"


class LiftsScreen(StoreScreen):
    """The training log at a glance; the arrow keys choose the exercise whose progress the sparkline draws."""

    CSS_PATH = "lifts.tcss"

    def __init__(self) -> None:
        super().__init__()
        self.history = History()
        self.summaries: list[ExerciseSummary] = []

    def compose(self) -> ComposeResult:
        yield ViewBar("lifts")
        yield Static(id="volume", markup=False)
        yield ExerciseTable(id="exercises", cursor_type="row", zebra_stripes=True)
        yield Static(id="progress-title", markup=False)
        yield Sparkline([], id="progress")
        yield KeysFooter()

    def on_resize(self) -> None:
        if self.summaries:
            self._fill_table()

    def _logged(self) -> list[tuple]:
        return [(session.day, session.lifts) for session in self.history.sessions if session.lifts]

    def show_history(self, history: History) -> None:
        self.history = history
        logged = self._logged()
        self.summaries = exercise_summaries(logged)
        volume = week_volume_kg(logged, self.today, history.week_start_day)
        self.query_one("#volume", Static).update(
            f"This week's volume: {in_units(volume, history.units)} lifted (sets × reps × weight)"
            if self.summaries
            else EMPTY
        )
        self._fill_table()

    def _fill_table(self) -> None:
        """One row an exercise, every column whole at the terminal's width: a long name is shortened with …."""
        table = self.query_one(DataTable)
        row = table.cursor_row
        rows = []
        for summary in self.summaries:
            best = in_units(e1rm_kg(summary.best.lift) if summary.best else None, self.history.units)
            last = format_lift(summary.last.lift).removeprefix(summary.last.lift.exercise).strip() or "bodyweight"
            rows.append(
                [
                    show_safely(summary.exercise),
                    best,
                    f"{last}, {short_day(summary.last.day)}",
                    str(summary.prs),
                    str(summary.sessions),
                ]
            )
        widths = [max([len(header), *(len(cells[k]) for cells in rows)]) for k, header in enumerate(COLUMNS)]
        room = self.app.size.width - TABLE_FRAME - 2 * table.cell_padding * len(COLUMNS) - sum(widths[1:])
        widths[0] = max(len(COLUMNS[0]), min(widths[0], room))
        table.clear(columns=True)
        for header, width in zip(COLUMNS, widths):
            table.add_column(header, width=width)
        for cells in rows:
            # A Text, not a str, which DataTable would read as markup: the name may have come from a file.
            table.add_row(Text(shortened(cells[0], widths[0]), no_wrap=True, end=""), *cells[1:])
        if self.summaries:
            table.move_cursor(row=min(row, len(self.summaries) - 1))
        table.refresh_bindings()
        self._draw_progress(table.cursor_row)

    @on(DataTable.RowHighlighted)
    def _row_highlighted(self, message: DataTable.RowHighlighted) -> None:
        self._draw_progress(message.cursor_row)

    def _draw_progress(self, row: int) -> None:
        title = self.query_one("#progress-title", Static)
        sparkline = self.query_one(Sparkline)
        series = e1rm_series(self._logged(), self.summaries[row].exercise) if 0 <= row < len(self.summaries) else []
        sparkline.data = [e1rm for _, e1rm in series]
        sparkline.display = len(series) > 1  # one point, or none, draws only a flat line
        if not 0 <= row < len(self.summaries):
            title.update("")
            return
        exercise, units = show_safely(self.summaries[row].exercise), self.history.units
        if len(series) > 1:
            (first_day, first), (last_day, last) = series[0], series[-1]
            title.update(
                f"{exercise}: estimated one-rep max over {len(series)} sessions, "
                f"{in_units(first, units)} on {short_day(first_day)} to {in_units(last, units)} on {short_day(last_day)}"
            )
        elif series:
            ((day, e1rm),) = series
            title.update(
                f"{exercise}: estimated one-rep max {in_units(e1rm, units)} on {short_day(day)}; its progress line starts with the second session"
            )
        else:
            title.update(f"{exercise}: bodyweight only, so no one-rep max to draw")
