"""A real spreadsheet recalculates the Excel export to exactly the tool's numbers, and shows them as the tool does.

LibreOffice Calc (headless) opens copies of the exports whose cached formula values are zeroed, recalculates,
and writes every sheet as CSV. Every total must come back equal to the engine's exact total, every value must be
shown as the console shows it (x € 1.000, `995 N`, decimal comma), and hostile text must be shown, not executed.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from hengelo_scenario.records import replace
from hengelo_scenario.report.export import export, export_comparison, run_document
from hengelo_scenario.report.export.base import SHEET_NAMES
from hengelo_scenario.report.export.xlsx import FIRST_DATA_ROW, display_text
from hengelo_scenario.report.numbers import Unit

from .libreoffice import recalculated, soffice, zero_cached_values
from .outcomes import FIXED, HOSTILE_NAMES, hostile, motie_fund, youth_care

CASES = {"jeugdhulp": youth_care, "motie": motie_fund, "boos": hostile}


@pytest.fixture(scope="module")
def roundtrip(tmp_path_factory):
    soffice()  # skip (or fail) before doing any work
    folder = tmp_path_factory.mktemp("libreoffice")
    documents, zeroed = {}, []
    for name, make in CASES.items():
        outcome, scenario, baseline = make()
        path = folder / f"{name}.xlsx"
        export(path, outcome, scenario, baseline, environ=FIXED)
        documents[name] = run_document(outcome, scenario, baseline, FIXED)
        copy = folder / f"{name}-nul.xlsx"
        assert zero_cached_values(path, copy) > 0
        zeroed.append(copy)
    outcome, scenario, baseline = motie_fund()
    twice = replace(outcome, scenario_name="Nog eens")
    path = folder / "vergelijking.xlsx"
    export_comparison(path, [outcome, twice], [scenario, scenario], baseline, environ=FIXED)
    zero_cached_values(path, folder / "vergelijking-nul.xlsx")
    zeroed.append(folder / "vergelijking-nul.xlsx")
    return documents, recalculated(zeroed, folder / "out")


@pytest.mark.parametrize("case", list(CASES))
def test_libreoffice_recalculates_every_total_to_the_tools_exact_total(roundtrip, case):
    documents, converted = roundtrip
    checked = 0
    for table in documents[case].tables:
        sheet = converted.raw[(f"{case}-nul", SHEET_NAMES[table.key])]
        n_labels = len(table.label_headers)
        for i, row in enumerate(table.rows):
            cells = sheet[FIRST_DATA_ROW + i][n_labels:]
            for y, value in enumerate(row.values):
                if not isinstance(value, Decimal) or value.is_nan():
                    continue
                recomputed = converted.number(cells[y])
                assert abs(recomputed - value) < Decimal("1e-6"), (case, table.key, row.labels, y, cells[y], value)
                checked += row.total_of != ()
    assert checked > 0  # the zeroed formulas came back as the tool's totals


@pytest.mark.parametrize("case", list(CASES))
def test_libreoffice_shows_every_value_as_the_tool_prints_it(roundtrip, case):
    documents, converted = roundtrip
    for table in documents[case].tables:
        sheet = converted.shown[(f"{case}-nul", SHEET_NAMES[table.key])]
        n_labels = len(table.label_headers)
        for i, row in enumerate(table.rows):
            cells = sheet[FIRST_DATA_ROW + i][n_labels : n_labels + len(row.values)]
            expected = [display_text(v, row.kind, Unit.THOUSANDS) for v in row.values]
            assert cells == expected, (case, table.key, row.labels)


def test_libreoffice_shows_hostile_names_as_text(roundtrip):
    _, converted = roundtrip
    maatregelen = converted.shown[("boos-nul", "Maatregelen")]
    names = [row[0] for row in maatregelen[FIRST_DATA_ROW : FIRST_DATA_ROW + len(HOSTILE_NAMES)]]
    assert names == list(HOSTILE_NAMES)
    herkomst = [cell for row in converted.shown[("boos-nul", "Herkomst")] for cell in row]
    assert "=1+1 scenario" in herkomst


def test_libreoffice_recalculates_the_comparison(roundtrip):
    _, converted = roundtrip
    sheet = converted.raw[("vergelijking-nul", "Vergelijking")]
    assert sheet[FIRST_DATA_ROW - 1][:3] == ["Onderdeel", "Scenario", "Regel"]
    assert len(sheet) > FIRST_DATA_ROW
