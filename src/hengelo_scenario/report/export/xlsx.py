"""The Excel export: one formatted sheet per report table, native charts, and a provenance sheet.

Written with XlsxWriter (imported only here): numbers are stored as numbers, unrounded (a spreadsheet holds IEEE
doubles, about 15 significant digits); what the reader sees (x € 1.000, `995 N`, red negatives) comes from number
formats. Every total row of a table (`Row.total_of`) is a SUM formula over the cells it adds up, with the tool's
exact total as its cached value, so a spreadsheet that recalculates arrives at the same figure. Text from
scenario files is always written as a string cell (`write_string`), never through `write()`, so `=...` in a
measure's name stays text. The output is deterministic: in-memory zip entries carry a fixed timestamp and the
document's creation date is the provenance date (SOURCE_DATE_EPOCH when set).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path, PurePath
from typing import Any

import xlsxwriter
from xlsxwriter.utility import xl_rowcol_to_cell

from hengelo_scenario.report import numbers
from hengelo_scenario.report.export.base import (
    CHARTS_SHEET,
    PROVENANCE_SHEET,
    SHEET_NAMES,
    Document,
    ExportOptions,
    NativeChart,
)
from hengelo_scenario.report.export.provenance import Provenance
from hengelo_scenario.report.headline import verdict_notes
from hengelo_scenario.report.numbers import ROUNDING_NOTE, SIGN_LEGEND, Unit
from hengelo_scenario.report.tables import Kind, Row, Table, Value
from hengelo_scenario.text import visible

TITLE_ROW, SUBTITLE_ROW, LEGEND_ROW, HEADER_ROW = 0, 1, 2, 4
FIRST_DATA_ROW = HEADER_ROW + 1
MAX_SUM_ARGS = 200
ONE_PAGE_ROWS = 40  # Excel allows 255 arguments per function; larger totals nest SUMs

FONT = "Arial"
CHART_WIDTH, CHART_HEIGHT = 560, 320
RED = "#C00000"


def number_format(kind: Kind, unit: Unit, value: Decimal | None = None) -> str:
    """The Excel number format code of a value (codes use US separators; Dutch Excel shows 1.234 and 2,38).

    A trailing comma scales by a thousand; the sections are positive;negative;zero, so a difference shows as
    `995 V` or `995 N` (red) while the cell keeps its signed, unrounded value.
    """
    scale = "," if unit is Unit.THOUSANDS else ""
    if kind is Kind.EFFECT:
        return f'#,##0{scale}" V";[Red]#,##0{scale}" N";0'
    if kind is Kind.MONEY:
        return f"#,##0{scale};[Red]-#,##0{scale};0"
    if kind is Kind.PRICE:
        return "#,##0.00;[Red]-#,##0.00;0.00"
    if kind is Kind.VOLUME:
        integral = value is None or value == value.to_integral_value()
        return "#,##0" if integral else "#,##0.0"
    if kind is Kind.RATIO:
        return "0.00"
    if kind is Kind.PERCENT:
        return "0.00%"
    if kind is Kind.PERCENTAGE_POINT:
        return '0.00%"-punt"'  # the fraction stays the cell's value; Excel shows -0,74%-punt
    return "@"


def display_text(value: Value, kind: Kind, unit: Unit) -> str:
    """What the cell shows, as the console prints it: used to fit column widths."""
    return numbers.shown(value, kind, unit)


NAMES_COL = 19  # column T, right of the two columns of charts (A-R)
FIRST_NAME_ROW = 3


def chart_text(text: str) -> str:
    """XlsxWriter reads a chart title or series name that starts with '=' as a cell reference; keep it text."""
    return "'" + text if text.startswith("=") else text


def sum_formula(column: int, rows: Sequence[int]) -> str:
    """=SUM(C6:C8,C10) over worksheet rows (0-based), contiguous runs as ranges."""
    runs: list[tuple[int, int]] = []
    for r in sorted(rows):
        if runs and r == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], r)
        else:
            runs.append((r, r))
    refs = [
        xl_rowcol_to_cell(a, column) if a == b else f"{xl_rowcol_to_cell(a, column)}:{xl_rowcol_to_cell(b, column)}"
        for a, b in runs
    ]
    while len(refs) > MAX_SUM_ARGS:
        refs = [f"SUM({','.join(refs[i : i + MAX_SUM_ARGS])})" for i in range(0, len(refs), MAX_SUM_ARGS)]
    return f"=SUM({','.join(refs)})"


class _Formats:
    """XlsxWriter formats, created once per distinct set of properties (so the styles part stays small)."""

    def __init__(self, workbook: xlsxwriter.Workbook) -> None:
        self.workbook = workbook
        self.cache: dict[tuple[tuple[str, Any], ...], Any] = {}

    def __call__(self, **properties: Any) -> Any:
        properties = {"font_name": FONT, "font_size": 10, **properties}
        key = tuple(sorted(properties.items()))
        if key not in self.cache:
            self.cache[key] = self.workbook.add_format(properties)
        return self.cache[key]


def _displayed_labels(row: Row, previous: Row | None) -> list[str]:
    """A group's first label only on its first row, as a printed budget table (and the console) does."""
    labels = list(row.labels)
    if previous is not None and len(labels) > 1 and previous.labels[0] == labels[0]:
        labels[0] = ""
    return labels


def _write_table(
    workbook: xlsxwriter.Workbook,
    formats: _Formats,
    table: Table,
    sheet_name: str,
    subtitle: str,
    options: ExportOptions,
    extra_notes: tuple[str, ...] = (),
) -> None:
    unit = options.unit
    sheet = workbook.add_worksheet(sheet_name)
    n_labels, n_values = len(table.label_headers), len(table.value_headers)
    widths = [len(h) for h in table.label_headers] + [len(h) for h in table.value_headers]

    sheet.write_string(TITLE_ROW, 0, table.title, formats(bold=True, font_size=13))
    sheet.write_string(SUBTITLE_ROW, 0, subtitle, formats())
    sheet.write_string(LEGEND_ROW, 0, f"{unit.legend}; {SIGN_LEGEND}", formats(italic=True, font_color="#555555"))
    for c, header in enumerate(table.label_headers):
        sheet.write_string(HEADER_ROW, c, header, formats(bold=True, bottom=2))
    for y, header in enumerate(table.value_headers):
        sheet.write_string(HEADER_ROW, n_labels + y, header, formats(bold=True, bottom=2, align="right"))

    lone_labels: list[str] = []  # a total's label alone in its row: it may run on into the empty label cells
    previous: Row | None = None
    for i, row in enumerate(table.rows):
        r = FIRST_DATA_ROW + i
        border = {"top": 1} if row.emphasis else {}
        if row.section_end:
            border["bottom"] = 1
        label_format = formats(bold=row.emphasis, **border)
        labels = _displayed_labels(row, previous)
        alone = n_labels > 1 and not any(labels[1:])
        for c, text in enumerate(labels):
            if text:
                sheet.write_string(r, c, text, label_format)
            else:  # blank, not an empty string: a lone label may run on into it
                sheet.write_blank(r, c, None, label_format)
            if alone:
                lone_labels.append(text)
            else:
                widths[c] = max(widths[c], len(text))
        for y, value in enumerate(row.values):
            c = n_labels + y
            widths[c] = max(widths[c], len(display_text(value, row.kind, unit)))
            if value is None or isinstance(value, str) or value.is_nan():
                text = "-" if value is None or not isinstance(value, str) else value
                sheet.write_string(r, c, text, formats(bold=row.emphasis, align="right", **border))
                continue
            cell_format = formats(num_format=number_format(row.kind, unit, value), bold=row.emphasis, **border)
            if row.total_of:
                parts = [FIRST_DATA_ROW + j for j in row.total_of]
                sheet.write_formula(r, c, sum_formula(c, parts), cell_format, float(value))
            else:
                sheet.write_number(r, c, float(value), cell_format)
        previous = row

    widths = [min(w, 70) + 2 if c < n_labels else max(w + 3, 10) for c, w in enumerate(widths)]
    for text in lone_labels:  # widen the first label column only as far as the run-on text needs
        widths[0] += max(0, len(text) + 2 - sum(widths[:n_labels]))
    for c, width in enumerate(widths):
        sheet.set_column(c, c, width)

    # Notes wrap within the table's width (merged cells), so they print on the page with it.
    last_col = n_labels + n_values - 1
    line_chars = max(sum(widths) - 4, 40)
    note_format = formats(italic=True, font_color="#555555", text_wrap=True, valign="top")
    r = FIRST_DATA_ROW + len(table.rows) + 1
    for note in (*table.notes, *extra_notes, ROUNDING_NOTE):
        if last_col > 0:
            sheet.merge_range(r, 0, r, last_col, "", note_format)
        sheet.write_string(r, 0, note, note_format)
        sheet.set_row(r, 13.5 * (len(note) // line_chars + 1))
        r += 1

    sheet.freeze_panes(FIRST_DATA_ROW, n_labels)
    _print_setup(sheet, repeat_header=True)
    if len(table.rows) <= ONE_PAGE_ROWS:  # a table that nearly fits prints on one page, slightly smaller
        sheet.fit_to_pages(1, 1)
    sheet.print_area(0, 0, max(r - 1, FIRST_DATA_ROW), n_labels + n_values - 1)


def _print_setup(sheet: Any, repeat_header: bool) -> None:
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.fit_to_pages(1, 0)  # one page wide, as many tall as needed
    sheet.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)
    sheet.set_footer("&L&A&RPagina &P van &N")
    if repeat_header:
        sheet.repeat_rows(0, HEADER_ROW)


def _axis_format(chart: NativeChart, unit: Unit) -> tuple[str, str]:
    if chart.number_kind == "ratio":
        return "0.00", "ratio"
    if chart.number_kind == "percent":
        return "0.00%", "% van de totale baten"
    return ("#,##0," if unit is Unit.THOUSANDS else "#,##0"), unit.legend


XLSX_MARKERS = ("circle", "square", "triangle", "diamond", "x", "star", "plus", "dash")


def _chart_series(document: Document, spec: NativeChart) -> list[tuple[str, int, str, int, bool]]:
    """(name, row, colour, marker index, is basis) per series, in drawing order: the basis last, on top.

    A compared scenario that changes nothing is the basis itself: it is merged into the basis series
    ("Basis = Basis scenario") rather than drawn and listed twice.
    """
    from hengelo_scenario.report.export.charts import BASIS_COLOUR, SCENARIO_COLOUR, SERIES_COLOURS

    (basis_name, basis_row), *others = spec.series
    if document.kind == "run":
        return [(others[0][0], others[0][1], SCENARIO_COLOUR, 0, False), (basis_name, basis_row, BASIS_COLOUR, 0, True)]
    drawn: list[Any] = []
    same: list[Any] = []
    for (name, row), outcome in zip(others, document.outcomes, strict=True):
        if not outcome.bookings:
            same.append(name)
            continue
        k = len(drawn)
        drawn.append((name, row, SERIES_COLOURS[k % len(SERIES_COLOURS)], k, False))
    label = basis_name + (" = " + ", ".join(same) if same else "")
    return [*drawn, (label, basis_row, BASIS_COLOUR, 0, True)]


def _axis_bounds(values: list[float]) -> dict[str, float]:
    """A value axis that includes zero: min 0 for data that is never negative, max 0 for data never positive."""
    if values and min(values) >= 0:
        return {"min": 0}
    if values and max(values) <= 0:
        return {"max": 0}
    return {}


def _write_charts(
    workbook: xlsxwriter.Workbook,
    formats: _Formats,
    document: Document,
    sheet_names: dict[str, str],
    options: ExportOptions,
) -> None:
    """Native charts in the palette of the PNG charts (grey basis, blue scenario, red only for nadelig).

    Columns carry data labels; lines have the basis dashed, with hollow markers, drawn last so it stays visible
    where it coincides with a scenario; every value axis includes zero.
    """
    if not document.charts:
        return
    sheet = workbook.add_worksheet(CHARTS_SHEET)
    sheet.write_string(0, 0, f"Grafieken: {document.title}", formats(bold=True, font_size=13))
    source = document.provenance.source_line(names_only=True)  # type: ignore[attr-defined]
    sheet.write_string(1, 0, source, formats(italic=True, font_color="#555555"))
    tables = {t.key: t for t in document.tables}
    # Series names are cells, never strings: XlsxWriter reads any 'Sheet!A1'-shaped string as a reference, so a
    # scenario called "'=cmd|' /C calc'!A0" would become a formula. The names stand in a column beside the charts.
    names_row = FIRST_NAME_ROW
    sheet.write_string(names_row - 1, NAMES_COL, "Namen van de reeksen", formats(bold=True))
    for i, spec in enumerate(document.charts):
        table = tables[spec.table_key]
        source = sheet_names[spec.table_key]
        first_col = len(table.label_headers)
        last_col = first_col + len(table.value_headers) - 1
        chart = workbook.add_chart({"type": spec.chart_type})
        number_format_code, axis_name = _axis_format(spec, options.unit)
        values: list[float] = []
        drawing = _chart_series(document, spec)
        if spec.chart_type == "column":  # side by side: the basis first, as it is read first
            drawing = drawing[-1:] + drawing[:-1]
        for name, row_index, colour, marker, is_basis in drawing:
            r = FIRST_DATA_ROW + row_index
            sheet.write_string(names_row, NAMES_COL, visible(name), formats())
            values += [float(v) for v in table.rows[row_index].values if isinstance(v, Decimal) and not v.is_nan()]
            series: dict[str, Any] = {
                "name": [CHARTS_SHEET, names_row, NAMES_COL],
                "categories": [source, HEADER_ROW, first_col, HEADER_ROW, last_col],
                "values": [source, r, first_col, r, last_col],
            }
            names_row += 1
            if spec.chart_type == "line":
                if is_basis:
                    series["line"] = {"color": colour, "width": 1.5, "dash_type": "dash"}
                    series["marker"] = {"type": "circle", "size": 5, "fill": {"color": "#FFFFFF"},
                                        "border": {"color": colour}}  # fmt: skip
                else:
                    series["line"] = {"color": colour, "width": max(2.75 - 0.25 * marker, 1.5)}
                    series["marker"] = {"type": XLSX_MARKERS[marker % len(XLSX_MARKERS)], "size": 6,
                                        "fill": {"color": colour}, "border": {"color": colour}}  # fmt: skip
            else:
                series["fill"] = {"color": colour}
                series["border"] = {"none": True}
                series["data_labels"] = {"value": True, "num_format": number_format_code, "position": "outside_end",
                                         "font": {"size": 8}}  # fmt: skip
            chart.add_series(series)
        chart.set_title({"name": chart_text(spec.title), "name_font": {"size": 12, "bold": True}})
        chart.set_y_axis(
            {
                "name": axis_name,
                "num_format": number_format_code,
                "name_font": {"size": 9, "bold": False},
                "major_gridlines": {"visible": True, "line": {"color": "#D9D9D9"}},
                **_axis_bounds(values),
            }
        )
        chart.set_x_axis({"label_position": "low", "num_font": {"size": 9}})
        chart.set_legend({"position": "bottom"})
        chart.set_size({"width": CHART_WIDTH, "height": CHART_HEIGHT})
        # Two charts side by side; each 17 rows (of 20 px) tall and 9 columns (of 64 px) wide.
        sheet.insert_chart(3 + (i // 2) * 17, (i % 2) * 9, chart, {"x_offset": 4, "y_offset": 4})
    _print_setup(sheet, repeat_header=False)
    sheet.fit_to_pages(1, 1)


def _write_provenance(workbook: xlsxwriter.Workbook, formats: _Formats, provenance: Provenance) -> None:
    sheet = workbook.add_worksheet(PROVENANCE_SHEET)
    key_format, value_format = formats(bold=True, valign="top"), formats(valign="top")
    code_format = formats(font_name="Courier New", font_size=9)
    sheet.write_string(0, 0, "Herkomst van deze export", formats(bold=True, font_size=13))
    rows: list[tuple[str, str]] = [
        ("Gemaakt met", provenance.tool),
        ("Datum", provenance.date_text),
        ("Basiswerkboek", provenance.baseline_file),
        ("SHA-256 basiswerkboek", provenance.baseline_sha256 or "-"),
    ]
    for s in provenance.scenarios:
        rows += [
            ("Scenario", s.name),
            ("Scenariobestand", s.file or "-"),
            ("SHA-256 scenariobestand", s.sha256 or "-"),
        ]
    if provenance.command:  # what was typed, so the export can be made again
        rows.append(("Opdracht", provenance.command))
    r = 2
    for key, value in rows:
        sheet.write_string(r, 0, key, key_format)
        sheet.write_string(r, 1, value, value_format)
        r += 1
    for s in provenance.scenarios:
        r += 1
        sheet.write_string(r, 0, "Volledig scenario (na extends)", key_format)
        sheet.write_string(r, 1, s.name, value_format)
        r += 1
        for line in s.resolved_text.splitlines() or ["(leeg)"]:
            sheet.write_string(r, 1, line, code_format)
            r += 1
    sheet.set_column(0, 0, 30)
    sheet.set_column(1, 1, 100)
    _print_setup(sheet, repeat_header=False)


def write_xlsx(path: Path, document: Document, options: ExportOptions) -> None:
    """Write the document as a workbook at `path` (the caller makes it atomic)."""
    provenance: Provenance = document.provenance  # type: ignore[assignment]
    workbook = xlsxwriter.Workbook(
        str(path),
        {
            "in_memory": True,  # zip entries get a fixed 1980 timestamp: byte-identical output
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
            "default_date_format": "yyyy-mm-dd",
        },
    )
    workbook.set_properties(
        {
            "title": f"hengelo-scenario: {document.title}",
            "subject": "Meerjarenbegroting Hengelo 2025-2028, scenario tegen basis",
            "author": "hengelo-scenario",
            "comments": provenance.source_line(),
            "created": provenance.created.replace(tzinfo=None),
        }
    )
    formats = _Formats(workbook)
    sheet_names = {t.key: SHEET_NAMES.get(t.key, t.key[:31]) for t in document.tables}
    subtitle = (
        f"Scenario: {document.title}" if document.kind == "run" else f"Scenario's: {document.title}"
    ) + f" — basis: {PurePath(provenance.baseline_file).name}"  # the full paths are on the Herkomst sheet
    for table in document.tables:
        extra: tuple[str, ...] = ()
        if table.key == "financiele_gevolgen" and len(document.outcomes) == 1:  # as the memo has them
            extra = verdict_notes(document.outcomes[0])
        _write_table(workbook, formats, table, sheet_names[table.key], subtitle, options, extra)
    _write_charts(workbook, formats, document, sheet_names, options)
    _write_provenance(workbook, formats, provenance)
    workbook.close()
