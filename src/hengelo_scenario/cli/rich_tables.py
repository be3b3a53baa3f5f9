"""Rich rendering of report tables for the terminal: every year and every V/N at any width from 80 columns up.

A table is laid out for the console's width in this order of preference: label columns at their natural width;
label columns wrapped at word boundaries (never narrower than their longest word); the same with two spaces
between columns instead of three; then the years split into blocks that each repeat the label columns, their
titles marked `, 2025-2026 (deel 1 van 2)`. Value cells are never wrapped, truncated or dropped. Only when even a
single year does not fit beside the labels' longest words are label words folded (broken inside a word) — text
wraps, nothing is cut. Legends and notes wrap at word boundaries; a legend item such as `V = voordelig` or
`x € 1.000` is never split over two lines.

The tables are printed as lines this module lays out itself (`blocks`), character for character what Rich's
table (box SIMPLE_HEAD, no edge) prints, which `render_blocks` still builds: a property test holds the two
equal for arbitrary tables, and text with characters that are not one terminal cell wide (East Asian wide
characters, combining marks) goes Rich's way. Rich renders every cell as its own renderable; for the dozen
tables of a `run` that was a fifth of the command's time.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING

from hengelo_scenario.cli.lines import PlainConsole, cell_lines, divide, panel_lines, single_cell, wrap
from hengelo_scenario.records import Record
from hengelo_scenario.report import numbers
from hengelo_scenario.report.numbers import ROUNDING_NOTE, SIGN_LEGEND, Unit
from hengelo_scenario.report.tables import Kind, Row, Table, Value
from hengelo_scenario.text import visible

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.panel import Panel
    from rich.table import Table as RichTable
    from rich.text import Text

# Rich is imported only where a Rich object is made: printed without colour, a `run` or `check` needs none of it
# (see cli.lines). `wrap`, `divide` and `cell_lines` live there and are used here as before.
__all__ = ["cell_lines", "divide", "wrap"]

# Column padding (top, right, bottom, left): roomy first (three spaces between columns), then tight (two).
PADDINGS: tuple[tuple[int, int, int, int], ...] = ((0, 1, 0, 1), (0, 1, 0, 0))
Cell = tuple[str, str]  # a cell as printed: its characters and its Rich style ("" for none)


def cell_text(value: Value, kind: Kind, unit: Unit) -> Cell:
    if value is None:
        return ("-", "")
    if isinstance(value, str):
        return (visible(value), "")
    text = _format(value, kind, unit)
    negative = (kind is Kind.EFFECT and value < 0) or (kind is Kind.MONEY and value < 0)
    return (text, "red" if negative else "")


def cell(value: Value, kind: Kind, unit: Unit) -> Text:
    from rich.text import Text

    text, style = cell_text(value, kind, unit)
    return Text(text, style=style)


def _format(value: Decimal, kind: Kind, unit: Unit) -> str:
    return numbers.shown(value, kind, unit)


def displayed_labels(row: Row, previous: Row | None) -> list[str]:
    """A group's leading labels only on its first row, as a printed budget table does; the last label always."""
    labels = [visible(label) for label in row.labels]
    if previous is None:
        return labels
    for i in range(len(labels) - 1):
        if row.labels[: i + 1] != previous.labels[: i + 1]:
            break
        labels[i] = ""
    return labels


# -- text that wraps at word boundaries ------------------------------------------------------------------------


def wrapped(text: str, width: int, style: str = "") -> Text:
    """Text pre-wrapped at word boundaries, so Rich never breaks it mid-phrase."""
    return _lines_text(wrap(text, width), style)


def _lines_text(lines: list[str], style: str = "") -> Text:
    from rich.text import Text

    return Text("\n".join(lines), style=style, no_wrap=True, overflow="fold")


def plain(console: Console | PlainConsole) -> bool:
    """Does the console print characters only (no colour, no recording, not a notebook)?"""
    return console.color_system is None and not console.record and not console.is_jupyter


def say(console: Console | PlainConsole, text: str, style: str = "") -> None:
    """`text` wrapped at word boundaries to the console's width and printed; a word longer than a line is folded.

    Without colour the lines are written as they are; Rich would only measure and split them again."""
    width = console.width
    lines = wrap(text, width)
    if plain(console) and _single_cell(lines):
        pieces = (piece for line in lines for piece in (divide(line, width) if len(line) > width else [line]))
        console.file.write("".join(piece + "\n" for piece in pieces))
    else:
        console.print(_lines_text(lines, style))


def print_line(console: Console | PlainConsole, text: str, style: str = "") -> None:
    """`console.print(Text(text, style=style))`; to a PlainConsole a line that fits is written as it is."""
    if isinstance(console, PlainConsole) and len(text) <= console.width and text == text.strip() and single_cell(text):
        console.file.write(text + "\n")
        return
    from rich.text import Text

    console.print(Text(text, style=style))


def legend_text(unit: Unit) -> str:
    return f"{unit.legend}; {SIGN_LEGEND}"


# -- fitting a table to the width ------------------------------------------------------------------------------


class Layout(Record, frozen=True):
    """How a table is printed: its padding, the width of each label column, and the years of each block."""

    padding: tuple[int, int, int, int]
    label_widths: tuple[int, ...]
    blocks: tuple[tuple[int, ...], ...]  # indices of the value columns, one tuple per printed block

    @property
    def split(self) -> bool:
        return len(self.blocks) > 1


def _overhead(n_columns: int, padding: tuple[int, int, int, int]) -> int:
    """Characters a table of n columns takes beyond its columns' widths: between two columns the right padding of
    the one, a separator and the left padding of the other; no padding at the edges (Rich's pad_edge=False)."""
    _, right, _, left = padding
    return max(n_columns - 1, 0) * (right + 1 + left)


def _longest_word(texts: list[str]) -> int:
    return max((len(word) for text in texts for word in text.split()), default=1)


def _split(n: int, parts: int) -> tuple[tuple[int, ...], ...]:
    """0..n-1 in `parts` contiguous blocks, the first ones one longer where n does not divide evenly."""
    size, extra = divmod(n, parts)
    blocks, start = [], 0
    for p in range(parts):
        length = size + (1 if p < extra else 0)
        blocks.append(tuple(range(start, start + length)))
        start += length
    return tuple(blocks)


@lru_cache(maxsize=65536)  # a table repeats its labels (basis, scenario, verschil; empty group labels) on every row
def _line_count(text: str, width: int) -> int:
    """How many lines Rich needs for `text` in a column `width` wide (words wrap; a longer word folds)."""
    return len(cell_lines(text, width))


class _Heights:
    """Row heights of the label columns at given widths, each column's line counts computed once per width."""

    def __init__(self, columns: list[list[str]]) -> None:
        self.columns = columns
        self.cache: dict[tuple[int, int], list[int]] = {}

    def counts(self, column: int, width: int) -> list[int]:
        key = (column, width)
        if key not in self.cache:
            self.cache[key] = [_line_count(text, width) for text in self.columns[column]]
        return self.cache[key]

    def total(self, widths: tuple[int, ...] | list[int]) -> int:
        per_column = [self.counts(i, w) for i, w in enumerate(widths)]
        return sum(max(row) for row in zip(*per_column, strict=True)) if per_column else 0


def _shrink(heights: _Heights, natural: list[int], minimum: list[int], available: int) -> tuple[int, ...]:
    """Narrow the label columns until they fit in `available`, one character at a time, each time where it adds
    the fewest printed lines (the widest column on a tie), none below its minimum."""
    widths = list(natural)
    while sum(widths) > available:
        candidates = [i for i, w in enumerate(widths) if w > minimum[i]]
        if not candidates:
            break

        def cost(i: int) -> tuple[int, int]:
            trial = list(widths)
            trial[i] -= 1
            return heights.total(trial), -widths[i]

        widths[min(candidates, key=cost)] -= 1
    return tuple(widths)


SPLIT_PENALTY = 0.25  # splitting the years costs readability: a split must save a quarter of the lines per block


def layout(
    label_natural: list[int],
    label_minimum: list[int],
    value_widths: list[int],
    width: int,
    label_texts: list[list[str]] | None = None,
) -> Layout:
    """The layout that fits `width` in the fewest printed lines, a split of the years counting extra.

    `label_texts` (per label column, the text of every row) lets the label columns wrap where that costs the
    fewest lines; without it they are all taken as one line per row.
    """
    n_labels, n_values = len(label_natural), len(value_widths)
    heights = _Heights(label_texts if label_texts is not None else [[] for _ in range(n_labels)])
    best: tuple[float, Layout] | None = None
    for parts in range(1, max(n_values, 1) + 1):
        blocks = _split(n_values, parts) if n_values else ((),)
        widest_block = max(sum(value_widths[j] for j in block) for block in blocks)
        longest = max(len(block) for block in blocks)
        for padding in PADDINGS:
            available = width - _overhead(n_labels + longest, padding) - widest_block
            if available < sum(label_minimum):
                continue
            widths = _shrink(heights, label_natural, label_minimum, available)
            lines = parts * (heights.total(widths) + 3)  # + title, header and rule per block
            score = lines * (1 + SPLIT_PENALTY * (parts - 1))
            if best is None or score < best[0]:
                best = (score, Layout(padding, widths, blocks))
    if best is not None:
        return best[1]
    # Not even one year fits beside the labels' longest words: fold label words, keep every value whole.
    padding = PADDINGS[-1]
    blocks = _split(n_values, n_values) if n_values else ((),)
    available = width - _overhead(n_labels + 1, padding) - max(value_widths, default=0)
    return Layout(padding, _shrink(heights, label_natural, [1] * n_labels, max(available, n_labels)), blocks)


def _block_title(table: Table, block: tuple[int, ...], number: int, count: int) -> str:
    if count == 1:
        return table.title
    years = [visible(table.value_headers[j]) for j in block]
    between = "-" if all(y.isdigit() for y in (years[0], years[-1])) else " t/m "  # 2025-2026; -10% t/m 0%
    span = years[0] if len(years) == 1 else f"{years[0]}{between}{years[-1]}"
    return f"{table.title}, {span} (deel {number} van {count})"


class _Body(Record, frozen=True):
    """A table's cells as printed: the labels shown per row, the value cells, the column widths and the layout."""

    table: Table
    headers: list[str]
    rows: list[tuple[Row, list[str], list[Cell]]]
    value_widths: list[int]
    plan: Layout


CellOf = Callable[[int, int, Value], "Text"]
"""cell_of(row index, column index, value): the printed cell, for a table whose cells have styles of their own."""


def _body(table: Table, unit: Unit, width: int, cell_of: CellOf | None = None) -> _Body:
    rows: list[tuple[Row, list[str], list[Cell]]] = []
    previous = None
    for i, row in enumerate(table.rows):
        if cell_of is None:
            cells = [cell_text(v, row.kind, unit) for v in row.values]
        else:  # a Text of one style (its spans are not kept)
            cells = [(t.plain, str(t.style or "")) for t in (cell_of(i, j, v) for j, v in enumerate(row.values))]
        rows.append((row, displayed_labels(row, previous), cells))
        previous = row
    headers = [visible(h) for h in table.label_headers]
    natural = [max([len(h), *(len(labels[i]) for _, labels, _ in rows)]) for i, h in enumerate(headers)]
    minimum = [
        min(natural[i], _longest_word([h, *(labels[i] for _, labels, _ in rows)])) for i, h in enumerate(headers)
    ]
    values = [max([len(h), *(len(cells[j][0]) for _, _, cells in rows)]) for j, h in enumerate(table.value_headers)]
    texts = [[labels[i] for _, labels, _ in rows] for i in range(len(headers))]
    return _Body(table, headers, rows, values, layout(natural, minimum, values, width, texts))


def render_blocks(
    table: Table, unit: Unit, width: int, title: bool = True, cell_of: CellOf | None = None
) -> list[RichTable]:
    """The table as one Rich table, or as several (one per block of years) when it is too wide for `width`.

    Without `title` a table that fits in one block has none (its caller prints one); blocks always have theirs.
    This is the reference rendering: `blocks` prints the same characters without Rich's table machinery, and
    falls back to this for text whose characters are not one terminal cell wide.
    """
    from rich import box
    from rich.table import Table as RichTable
    from rich.text import Text

    body = _body(table, unit, width, cell_of)
    plan = body.plan
    printed = []
    for number, block in enumerate(plan.blocks, start=1):
        shown = title or len(plan.blocks) > 1
        rich = RichTable(
            title=Text(visible(_block_title(table, block, number, len(plan.blocks)))) if shown else None,
            box=box.SIMPLE_HEAD,
            show_edge=False,
            title_justify="left",
            title_style="bold",
            pad_edge=False,
            padding=plan.padding,
        )
        for header, label_width in zip(body.headers, plan.label_widths, strict=True):
            rich.add_column(Text(header), width=label_width, overflow="fold")  # a header is data, not markup
        for j in block:
            rich.add_column(
                Text(visible(table.value_headers[j])), justify="right", no_wrap=True, width=body.value_widths[j]
            )
        for row, labels, cells in body.rows:
            rich.add_row(
                *(Text(label) for label in labels),  # names from a scenario or workbook are data, not Rich markup
                *(Text(cells[j][0], style=cells[j][1]) for j in block),
                style="bold" if row.emphasis else "",
                end_section=row.section_end,
            )
        printed.append(rich)
    return printed


# -- the same tables as plain lines: Rich's SIMPLE_HEAD layout without its per-cell rendering -----------------


def _single_cell(texts: list[str]) -> bool:
    """Every character one terminal cell wide (no East Asian wide characters, no combining marks)."""
    return all(map(single_cell, texts))


def _block_pieces(body: _Body, block: tuple[int, ...], title: str | None, width: int) -> list[Cell] | None:
    """One block of the table as (characters, style) pieces, character for character what `render_blocks`
    prints; None when the fast way does not apply (text of wide characters, or a table wider than `width`)."""
    plan = body.plan
    _, right, _, left = plan.padding
    contents = [*plan.label_widths, *(body.value_widths[j] for j in block)]
    n_labels, last = len(plan.label_widths), len(contents) - 1
    lefts = [0 if i == 0 else left for i in range(len(contents))]
    rights = [0 if i == last else right for i in range(len(contents))]
    table_width = sum(contents) + sum(lefts) + sum(rights) + last
    value_headers = [visible(body.table.value_headers[j]) for j in block]
    texts = [*body.headers, *value_headers, title or ""]
    texts += [label for _, labels, _ in body.rows for label in labels]
    if table_width > width or not _single_cell(texts):
        return None
    pieces: list[tuple[str, str]] = []

    def line_of_cells(cells: list[list[tuple[str, str]]], k: int, height: int, bottom: bool, row_style: str) -> None:
        for i, lines in enumerate(cells):
            if i:
                pieces.append((" ", ""))
            at = k - (height - len(lines)) if bottom else k
            text, style = lines[at] if 0 <= at < len(lines) else (" " * contents[i], "")
            if lefts[i]:
                pieces.append((" " * lefts[i], row_style))
            pieces.append((text, f"{row_style} {style}".strip()))
            if rights[i]:
                pieces.append((" " * rights[i], row_style))
        pieces.append(("\n", ""))

    def row(cells: list[list[tuple[str, str]]], bottom: bool, row_style: str) -> None:
        height = max(len(lines) for lines in cells)
        for k in range(height):
            line_of_cells(cells, k, height, bottom, row_style)

    if title:
        for line in cell_lines(title, table_width):
            pieces.append((line, ""))
            pieces.append(("\n", ""))
    header_cells = [
        [(line, "bold") for line in cell_lines(header, contents[i])] for i, header in enumerate(body.headers)
    ]
    for header, j in zip(value_headers, block, strict=True):
        width_j = body.value_widths[j]
        shown = header.rstrip()
        if len(shown) > width_j:
            return None
        header_cells.append([(shown.rjust(width_j), "bold")])
    row(header_cells, True, "")
    pieces += [("─" * table_width, ""), ("\n", "")]
    for index, (table_row, labels, cells) in enumerate(body.rows):
        row_style = "bold" if table_row.emphasis else ""
        line_cells = [[(line, "") for line in cell_lines(label, contents[i])] for i, label in enumerate(labels)]
        for position, j in enumerate(block, start=n_labels):
            value = cells[j]
            shown = value[0].rstrip()
            if len(shown) > contents[position]:
                return None
            line_cells.append([(shown.rjust(contents[position]), value[1])])
        row(line_cells, False, row_style)
        if table_row.section_end and index < len(body.rows) - 1:
            pieces += [(" " * table_width, ""), ("\n", "")]
    pieces.pop()  # the last line's end: console.print ends the block
    return pieces


def _styled(pieces: list[Cell]) -> Text:
    from rich.text import Span, Text

    plain, spans, at = [], [], 0
    for text, style in pieces:
        plain.append(text)
        if style:
            spans.append(Span(at, at + len(text), style))
        at += len(text)
    return Text("".join(plain), spans=spans, end="")


def blocks(
    table: Table, unit: Unit, width: int, title: bool = True, cell_of: CellOf | None = None
) -> list[RenderableType]:
    """The table fitted to `width`, one block per group of years: as styled lines where every character is one
    cell wide (the usual case, and much faster), otherwise as Rich tables (`render_blocks`)."""
    fast = _fast_blocks(table, unit, width, title, cell_of)
    if fast is None:
        return list(render_blocks(table, unit, width, title, cell_of))
    return [_styled(pieces) for pieces in fast]


def _fast_blocks(
    table: Table, unit: Unit, width: int, title: bool = True, cell_of: CellOf | None = None
) -> list[list[Cell]] | None:
    body = _body(table, unit, width, cell_of)
    count = len(body.plan.blocks)
    fast: list[list[Cell]] = []
    for number, block in enumerate(body.plan.blocks, start=1):
        shown = visible(_block_title(table, block, number, count)) if title or count > 1 else None
        pieces = _block_pieces(body, block, shown, width)
        if pieces is None:
            return None
        fast.append(pieces)
    return fast


def block_lines(table: Table, unit: Unit, width: int, title: bool = True) -> list[str] | None:
    """The blocks of `blocks` as plain text, each block one string of lines; None where Rich must print them."""
    fast = _fast_blocks(table, unit, width, title)
    return None if fast is None else ["".join(text for text, _ in pieces) for pieces in fast]


def print_blocks(console: Console | PlainConsole, parts: list[RenderableType]) -> None:
    """Blocks of a table one below the other, a blank line between; lines already fitted are printed as they are.

    Without colour (a pipe, a file, NO_COLOR) fitted lines are plain text, written as they are; Rich would only
    split them into lines and segments again to write the same characters.
    """
    from rich.text import Text

    as_text = plain(console)
    for i, block in enumerate(parts):
        if i:
            console.print()
        if as_text and isinstance(block, Text):
            console.file.write(block.plain + "\n")
        else:
            console.print(block, soft_wrap=isinstance(block, Text))


def print_fitted(console: Console | PlainConsole, table: Table, unit: Unit, title: bool = True) -> None:
    """The blocks of the table fitted to the console, printed; to a PlainConsole as characters (no Rich)."""
    width = console.width
    texts = block_lines(table, unit, width, title) if isinstance(console, PlainConsole) else None
    if texts is not None:
        console.file.write("\n\n".join(texts) + "\n")
    else:
        print_blocks(console, blocks(table, unit, width, title))


def print_table(console: Console | PlainConsole, table: Table, unit: Unit, legend: bool = True) -> None:
    """One table fitted to the console, then its legend and notes wrapped at word boundaries."""
    print_fitted(console, table, unit)
    console.print()
    if legend:
        say(console, legend_text(unit), "dim")
    for note in table.notes:
        say(console, note, "dim")


def print_tables(
    console: Console | PlainConsole, tables: tuple[Table, ...], unit: Unit, rounding_note: bool = True
) -> None:
    """After a blank line, the tables one after the other, each with its legend and notes, then the rounding note."""
    console.print()
    for table in tables:
        print_table(console, table, unit)
        console.print()
    if rounding_note:
        say(console, ROUNDING_NOTE, "dim")


def header(title: str, lines: list[tuple[str, str]]) -> Panel:
    from rich.panel import Panel
    from rich.text import Text

    body = Text()
    for i, (label, value) in enumerate(lines):
        if i:
            body.append("\n")
        body.append(f"{label}: ", style="bold")
        body.append(visible(value))
    return Panel(body, title=title, title_align="left", expand=False)


VERDICT_TITLE = "Structureel evenwicht (indicatie, geen oordeel van de provincie)"


def verdict_panel(lines: tuple[str, ...], colour: str) -> Panel:
    from rich.console import Group
    from rich.panel import Panel
    from rich.text import Text

    text = Group(*(Text(visible(line)) for line in lines))
    return Panel(
        text,
        title=VERDICT_TITLE,
        title_align="left",
        border_style=colour,
        expand=False,
    )


def print_header(console: Console | PlainConsole, title: str, lines: list[tuple[str, str]]) -> None:
    """`header(title, lines)` printed; without colour as lines of characters (the same ones)."""
    if isinstance(console, PlainConsole):
        drawn = panel_lines(title, [f"{label}: {visible(value)}" for label, value in lines], console.width)
        if drawn is not None:
            console.write_lines(drawn)
            return
    console.print(header(title, lines))


def print_verdict(console: Console | PlainConsole, lines: tuple[str, ...], colour: str) -> None:
    """`verdict_panel(lines, colour)` printed; without colour as lines of characters (the same ones)."""
    if isinstance(console, PlainConsole):
        drawn = panel_lines(VERDICT_TITLE, [visible(line) for line in lines], console.width)
        if drawn is not None:
            console.write_lines(drawn)
            return
    console.print(verdict_panel(lines, colour))
