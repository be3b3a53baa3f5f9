"""The Excel export read back with openpyxl: every number, every total formula, the formats, the provenance."""

from __future__ import annotations

import zipfile
from datetime import datetime
from decimal import Decimal

import openpyxl
import pytest

from hengelo_scenario.report.export import ExportOptions, export, run_document
from hengelo_scenario.report.export.base import SHEET_NAMES
from hengelo_scenario.report.export.xlsx import FIRST_DATA_ROW, number_format, sum_formula
from hengelo_scenario.report.numbers import Unit
from hengelo_scenario.report.tables import Kind, financiele_gevolgen

from .outcomes import FIXED, K, motie_fund, youth_care
from .readback import column_width, data_rows, header, sum_references


@pytest.fixture(params=[youth_care, motie_fund], ids=["jeugdhulp", "motie"])
def exported(request, tmp_path):
    outcome, scenario, baseline = request.param()
    path = tmp_path / "memo.xlsx"
    assert export(path, outcome, scenario, baseline, environ=FIXED) == [path]
    document = run_document(outcome, scenario, baseline, FIXED)
    return path, outcome, scenario, baseline, document


def close(cell_value, exact: Decimal) -> bool:
    """A spreadsheet holds doubles: equal to the exact value within a millionth of a euro."""
    return isinstance(cell_value, int | float) and abs(Decimal(repr(float(cell_value))) - exact) < Decimal("1e-6")


def test_one_sheet_per_table_plus_financiele_gevolgen_charts_and_herkomst(exported):
    path, _, _, _, document = exported
    wb = openpyxl.load_workbook(path)
    expected = [SHEET_NAMES[t.key] for t in document.tables] + ["Grafieken", "Herkomst"]
    assert wb.sheetnames == expected
    assert wb.sheetnames[:2] == ["Overzicht", "Financiële gevolgen"]


def test_every_value_is_the_unrounded_number_and_every_total_a_sum_formula(exported):
    path, _, _, _, document = exported
    formulas = openpyxl.load_workbook(path)
    values = openpyxl.load_workbook(path, data_only=True)
    for table in document.tables:
        name = SHEET_NAMES[table.key]
        n_labels, width = len(table.label_headers), len(table.label_headers) + len(table.value_headers)
        assert header(values[name], width) == [*table.label_headers, *table.value_headers]
        cached, written = data_rows(values[name], width), data_rows(formulas[name], width)
        assert len(cached) == len(table.rows), name
        for i, row in enumerate(table.rows):
            shown_labels = [label for label in cached[i][:n_labels] if label]
            assert shown_labels == [label for label in row.labels if label][-len(shown_labels) :], (name, i)
            for y, value in enumerate(row.values):
                cell, formula = cached[i][n_labels + y], written[i][n_labels + y]
                if isinstance(value, Decimal) and not value.is_nan():
                    assert close(cell, value), (name, row.labels, y, cell, value)
                else:
                    assert cell == (value if isinstance(value, str) else "-")
                if row.total_of:
                    parts = sum_references(formula)
                    assert parts == [(FIRST_DATA_ROW + j, n_labels + y) for j in row.total_of]
                    # the cached value is what the SUM recomputes to
                    recomputed = sum(Decimal(repr(float(cached[j][n_labels + y]))) for j in row.total_of)
                    assert abs(recomputed - value) < Decimal("1e-6")
                elif isinstance(value, Decimal):
                    assert not (isinstance(formula, str) and formula.startswith("=")), (name, row.labels)


def test_overview_and_financiele_gevolgen_cells_equal_the_engine_outcome(exported):
    path, outcome, _, _, _ = exported
    wb = openpyxl.load_workbook(path, data_only=True)
    o = outcome.overview
    rows = {tuple(r[:2]): r[2:] for r in _with_group_labels(data_rows(wb["Overzicht"], 6))}
    for label, figure in (
        ("Lasten", o.lasten),
        ("Baten", o.baten),
        ("Saldo van baten en lasten", o.saldo_baten_lasten),
        ("Toevoegingen aan reserves", o.toevoegingen),
        ("Onttrekkingen aan reserves", o.onttrekkingen),
        ("Geraamd resultaat", o.geraamd_resultaat),
        ("Structureel saldo", o.structureel_saldo),
        ("Algemene reserve 31 december", outcome.algemene_reserve.closing),
    ):
        for variant, expected in (
            ("basis", figure.baseline),
            ("scenario", figure.scenario),
            ("verschil", figure.effect),
        ):
            assert all(close(c, e) for c, e in zip(rows[(label, variant)], expected, strict=True)), (label, variant)

    fg = {r[0]: r[4:] for r in data_rows(wb["Financiële gevolgen"], 8) if r[0]}
    for label, figure in (
        ("Effect op saldo van baten en lasten", o.saldo_baten_lasten),
        ("Effect op geraamd resultaat (begrotingssaldo)", o.geraamd_resultaat),
        ("Effect op structureel saldo", o.structureel_saldo),
    ):
        assert all(close(c, e) for c, e in zip(fg[label], figure.effect, strict=True)), label
    booking_cells = data_rows(wb["Financiële gevolgen"], 8)[: len(outcome.bookings)]
    by_soort = sorted(outcome.bookings, key=lambda b: ["last", "baat", "toevoeging", "onttrekking"].index(b.soort))
    for cells, booking in zip(booking_cells, by_soort, strict=True):
        assert cells[3] == booking.aard.letter
        assert all(close(c, e) for c, e in zip(cells[4:], booking.effect, strict=True))


def _with_group_labels(rows):
    """Fill in the group label a printed table shows only on a group's first row."""
    group = None
    for row in rows:
        group = row[0] or group
        yield [group, *row[1:]]


def test_the_motie_example_reads_as_in_a_raadsvoorstel(tmp_path):
    outcome, scenario, baseline = motie_fund()
    path = tmp_path / "motie.xlsx"
    export(path, outcome, scenario, baseline, environ=FIXED)
    ws = openpyxl.load_workbook(path, data_only=True)["Financiële gevolgen"]
    got = [[round(c / K) if isinstance(c, int | float) else c for c in row] for row in data_rows(ws, 8)]
    assert got == [
        ["Lasten", "Fonds X (motie M15)", "6 Sociaal domein", "I", -500, -500, 0, 0],
        ["Dekking: onttrekkingen aan reserves", "Onttrekking Algemene reserve: Fonds X (motie M15)", "6 Sociaal domein",
         "I", 500, 500, 0, 0],
        ["Effect op saldo van baten en lasten", None, None, None, -500, -500, 0, 0],
        ["Effect op geraamd resultaat (begrotingssaldo)", None, None, None, 0, 0, 0, 0],
        ["Effect op structureel saldo", None, None, None, 0, 0, 0, 0],
    ]  # fmt: skip


def test_number_formats_show_thousands_v_n_and_red_negatives(exported):
    path, _, _, _, _ = exported
    ws = openpyxl.load_workbook(path)["Overzicht"]
    lasten_basis, lasten_verschil = ws.cell(FIRST_DATA_ROW + 1, 3), ws.cell(FIRST_DATA_ROW + 3, 3)
    assert lasten_basis.number_format == "#,##0,;[Red]-#,##0,;0"
    assert lasten_verschil.number_format == '#,##0," V";[Red]#,##0," N";0'
    assert ws["A3"].value.startswith("bedragen x € 1.000; saldi en verschillen: + = voordelig")


@pytest.mark.parametrize(
    ("kind", "unit", "code"),
    [
        (Kind.MONEY, Unit.THOUSANDS, "#,##0,;[Red]-#,##0,;0"),
        (Kind.MONEY, Unit.EUROS, "#,##0;[Red]-#,##0;0"),
        (Kind.EFFECT, Unit.THOUSANDS, '#,##0," V";[Red]#,##0," N";0'),
        (Kind.EFFECT, Unit.EUROS, '#,##0" V";[Red]#,##0" N";0'),
        (Kind.RATIO, Unit.THOUSANDS, "0.00"),
        (Kind.PERCENT, Unit.THOUSANDS, "0.00%"),
        (Kind.PRICE, Unit.THOUSANDS, "#,##0.00;[Red]-#,##0.00;0.00"),
    ],
)
def test_number_format_codes(kind, unit, code):
    assert number_format(kind, unit) == code


def test_whole_euros_on_request(tmp_path):
    outcome, scenario, baseline = motie_fund()
    path = tmp_path / "euro.xlsx"
    export(path, outcome, scenario, baseline, ExportOptions(unit=Unit.EUROS), environ=FIXED)
    ws = openpyxl.load_workbook(path)["Overzicht"]
    assert ws["A3"].value.startswith("bedragen in euro's")
    assert ws.cell(FIRST_DATA_ROW + 1, 3).number_format == "#,##0;[Red]-#,##0;0"


def test_frozen_headers_widths_and_print_settings(exported):
    path, _, _, _, document = exported
    wb = openpyxl.load_workbook(path)
    for table in document.tables:
        ws = wb[SHEET_NAMES[table.key]]
        n_labels = len(table.label_headers)
        assert ws.freeze_panes == f"{'ABCDEF'[n_labels]}{FIRST_DATA_ROW + 1}"
        assert ws.page_setup.orientation == "landscape"
        assert ws.page_setup.paperSize == 9  # A4
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.page_setup.fitToWidth is None  # None: the default, one page wide
        # a long table runs over as many pages as it needs (0); a short one fits on one (None: the default 1)
        assert ws.page_setup.fitToHeight == (0 if len(table.rows) > 40 else None)
        assert ws.print_title_rows == "$1:$5"
        for c in range(n_labels):  # every label fits its column (a total's lone label may run on)
            longest = max((len(r.labels[c]) for r in table.rows if any(r.labels[1:])), default=0)
            assert column_width(ws, c) >= min(longest, 70), (table.key, c)
        lone = [r.labels[0] for r in table.rows if n_labels > 1 and not any(r.labels[1:])]
        label_columns = sum(column_width(ws, c) for c in range(n_labels))
        assert all(label_columns >= len(label) for label in lone), table.key
        for y, year in enumerate(table.value_headers):
            assert column_width(ws, n_labels + y) >= 10, (table.key, year)


def test_provenance_sheet_names_files_hashes_tool_date_and_resolved_scenario(exported):
    path, _, scenario, baseline, _ = exported
    wb = openpyxl.load_workbook(path)
    ws = wb["Herkomst"]
    pairs = {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value}
    assert pairs["Gemaakt met"] == "hengelo-scenario 0.1.0"
    assert pairs["Datum"] == "2025-01-01 00:00:00 UTC"
    assert pairs["Basiswerkboek"] == baseline.source
    assert pairs["SHA-256 basiswerkboek"] == baseline.sha256
    assert pairs["Scenario"] == scenario.name
    assert pairs["Scenariobestand"] == scenario.source
    assert pairs["SHA-256 scenariobestand"] == scenario.sha256
    assert "Opdracht" not in pairs  # not made from the command line
    start = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "Volledig scenario (na extends)")
    lines = [ws.cell(r, 2).value for r in range(start + 1, ws.max_row + 1)]
    assert lines == scenario.resolved_text.splitlines()
    assert wb.properties.created == datetime(2025, 1, 1, 0, 0, 0)


def test_native_charts_plot_basis_against_scenario_from_the_overview(exported):
    path, _, _, _, _ = exported
    with zipfile.ZipFile(path) as z:
        charts = sorted(n for n in z.namelist() if n.startswith("xl/charts/chart"))
        xml = [z.read(n).decode() for n in charts]
    assert len(charts) == 3
    assert "Geraamd resultaat: basis en scenario" in xml[0]
    assert "Algemene reserve 31 december: basis en scenario" in xml[2]
    assert "<c:barChart>" in xml[0]
    assert "<c:lineChart>" in xml[2]
    # rows 16 and 17 of the Overzicht sheet hold Geraamd resultaat basis and scenario
    assert "Overzicht!$C$21:$F$21" in xml[0]
    assert "Overzicht!$C$22:$F$22" in xml[0]
    assert "Overzicht!$C$5:$F$5" in xml[0]  # the years as categories


def test_sum_formulas_use_ranges_and_nest_beyond_excels_argument_limit():
    assert sum_formula(2, [5, 6, 7, 9]) == "=SUM(C6:C8,C10)"
    many = sum_formula(4, list(range(0, 1000, 2)))  # 500 separate cells
    assert many.startswith("=SUM(SUM(E1,E3,")
    assert many.count("SUM(") == 4


def test_financiele_gevolgen_sheet_matches_its_table(exported):
    path, outcome, _, _, _ = exported
    table = financiele_gevolgen(outcome)
    ws = openpyxl.load_workbook(path, data_only=True)["Financiële gevolgen"]
    assert header(ws, 8) == ["Onderdeel", "Omschrijving", "Programma", "I/S", "2025", "2026", "2027", "2028"]
    assert len(data_rows(ws, 8)) == len(table.rows)
