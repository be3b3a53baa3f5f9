"""Rich rendering of report tables for the terminal. The only report module that knows about Rich."""

from __future__ import annotations

from decimal import Decimal

from rich import box
from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table as RichTable
from rich.text import Text

from hengelo_scenario.report import numbers
from hengelo_scenario.report.numbers import ROUNDING_NOTE, SIGN_LEGEND, Unit
from hengelo_scenario.report.tables import Kind, Row, Table, Value
from hengelo_scenario.text import visible  # text from a scenario or workbook: Text objects, never markup


def cell(value: Value, kind: Kind, unit: Unit) -> Text:
    if value is None:
        return Text("-")
    if isinstance(value, str):
        return Text(visible(value))
    text = _format(value, kind, unit)
    negative = (kind is Kind.EFFECT and value < 0) or (kind is Kind.MONEY and value < 0)
    return Text(text, style="red" if negative else "")


def _format(value: Decimal, kind: Kind, unit: Unit) -> str:
    if kind is Kind.EFFECT:
        return numbers.vn(value, unit)
    if kind is Kind.RATIO:
        return numbers.ratio(value)
    if kind is Kind.PERCENT:
        return numbers.percentage(value)
    if kind is Kind.PRICE:
        return numbers.plain(value, decimals=2)
    if kind is Kind.VOLUME:
        return numbers.plain(value, decimals=0 if value == value.to_integral_value() else 1)
    return numbers.money(value, unit)


def _labels(row: Row, previous: Row | None) -> list[str]:
    """Repeat a group's first label only on its first row, as a printed budget table does."""
    labels = [visible(label) for label in row.labels]
    if previous is not None and len(labels) > 1 and previous.labels[0] == labels[0]:
        labels[0] = ""
    return labels


def render_table(table: Table, unit: Unit) -> RichTable:
    """A budget table: labels left, one right-aligned column per year; numbers are never cut off."""
    rich = RichTable(
        title=Text(visible(table.title)),
        caption=f"{unit.legend}; {SIGN_LEGEND}",
        box=box.SIMPLE_HEAD,
        title_justify="left",
        caption_justify="left",
        title_style="bold",
        pad_edge=False,
    )
    body = []
    previous = None
    for row in table.rows:
        body.append((row, _labels(row, previous), [cell(v, row.kind, unit) for v in row.values]))
        previous = row
    n_labels = len(table.label_headers)
    for i, header in enumerate(table.label_headers):
        widest = max([len(header), *(len(labels[i]) for _, labels, _ in body)])
        last = i == n_labels - 1 and n_labels > 1
        # Short label columns keep their width; a long last label column may fold onto a second line.
        rich.add_column(Text(visible(header)), min_width=min(widest, 14) if last else min(widest, 40), overflow="fold")
    for j, header in enumerate(table.value_headers):
        widest = max([len(header), *(len(cells[j].plain) for _, _, cells in body)])
        rich.add_column(Text(visible(header)), justify="right", no_wrap=True, min_width=widest)
    for row, labels, cells in body:
        texts = [Text(label) for label in labels]
        rich.add_row(*texts, *cells, style="bold" if row.emphasis else "", end_section=row.section_end)
    return rich


def render_notes(table: Table) -> RenderableType | None:
    if not table.notes:
        return None
    return Text(visible("\n".join(table.notes), keep_newlines=True), style="dim")


def print_tables(console: Console, tables: tuple[Table, ...], unit: Unit) -> None:
    for table in tables:
        console.print(render_table(table, unit))
        notes = render_notes(table)
        if notes is not None:
            console.print(notes)
        console.print()
    console.print(Text(ROUNDING_NOTE, style="dim"))


def header(title: str, lines: list[tuple[str, str]]) -> Panel:
    body = Text()
    for i, (label, value) in enumerate(lines):
        if i:
            body.append("\n")
        body.append(f"{label}: ", style="bold")
        body.append(visible(value, keep_newlines=True))
    return Panel(body, title=title, title_align="left", expand=False)


def verdict_panel(lines: tuple[str, ...], ok: bool) -> Panel:
    text = Group(*(Text(visible(line)) for line in lines))
    return Panel(
        text,
        title="Structureel evenwicht (indicatie, geen oordeel van de provincie)",
        title_align="left",
        border_style="green" if ok else "red",
        expand=False,
    )
