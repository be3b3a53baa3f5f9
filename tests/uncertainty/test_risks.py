"""The risk register: reading the sheet, and the simulated benodigde weerstandscapaciteit against theory."""

from __future__ import annotations

import math
from decimal import Decimal

import pytest

from hengelo_scenario.baseline.model import Aard, Risico
from hengelo_scenario.baseline.workbook import load_baseline
from hengelo_scenario.errors import BaselineError
from hengelo_scenario.resources import shipped_baseline
from hengelo_scenario.uncertainty.risks import simulate_register

D = Decimal


def risk(kans: str, low: int, high: int, aard: Aard = Aard.INCIDENTEEL, naam: str = "r") -> Risico:
    return Risico(naam, "6", D(kans), D(low), D(high), aard)


def test_a_certain_risk_with_a_point_impact_needs_exactly_that():
    assert simulate_register((risk("1", 1_000_000, 1_000_000),), draws=10_000).benodigd == 1_000_000


def test_a_coin_flip_risk_at_90_percent_needs_its_full_impact_and_at_40_percent_nothing():
    # P(loss = 0) = 0,5: the 90% quantile is the impact, the 40% quantile 0 (the 50%-level certainty boundary).
    register = (risk("0.5", 2_000_000, 2_000_000),)
    assert simulate_register(register, D("0.9"), 20_000).benodigd == 2_000_000
    assert simulate_register(register, D("0.5"), 20_000, seed=1).benodigd in (0, 1_000_000, 2_000_000)


def test_a_uniform_impact_lands_where_theory_puts_it():
    # One certain risk, impact uniform on [0, 1.000.000]: the 90% quantile is 900.000. Tolerance: four standard
    # errors of the sample quantile, 4·sqrt(0,9·0,1/n)/density = 4·sqrt(0,09/100.000)·1.000.000 = 3.795.
    result = simulate_register((risk("1", 0, 1_000_000),), draws=100_000)
    assert abs(result.benodigd - 900_000) < 4 * math.sqrt(0.09 / 100_000) * 1_000_000


def test_contributions_add_up_to_the_benodigde_capaciteit_and_split_by_aard():
    register = (
        risk("0.5", 1_000_000, 3_000_000, Aard.STRUCTUREEL, "a"),
        risk("0.2", 4_000_000, 6_000_000, Aard.INCIDENTEEL, "b"),
        risk("0.9", 100_000, 100_000, Aard.INCIDENTEEL, "c"),
    )
    result = simulate_register(register, draws=50_000)
    total = sum(c.contribution for c in result.contributions)
    assert total == pytest.approx(result.benodigd, rel=1e-9)
    assert result.structureel + result.incidenteel == pytest.approx(result.benodigd, rel=1e-9)
    # expected loss by hand: 0,5·2.000.000 + 0,2·5.000.000 + 0,9·100.000 = 2.090.000
    assert sum(c.expected for c in result.contributions) == pytest.approx(2_090_000)
    assert result.contributions[0].contribution >= result.contributions[-1].contribution


def test_the_shipped_register_needs_about_the_fixed_capacity():
    baseline = load_baseline(shipped_baseline())
    assert len(baseline.risicos) == 13
    assert all("illustratief" in r.source for r in baseline.risicos)
    result = simulate_register(baseline.risicos)
    assert 0.95 * 25_000_000 <= result.benodigd <= 1.05 * 25_000_000


def write(tmp_path, rows):
    from openpyxl import Workbook

    sheets = {
        "Programma's": [["Code", "Naam", "Bron"], [6, "Sociaal domein", "t"]],
        "Lasten en baten": [
            ["Programma", "Omschrijving", "Soort", "Aard", "Sleutel", 2025, 2026, "Bron"],
            [6, "Overig", "last", "structureel", None, 100, 100, "t"],
        ],
        "Reserves": [
            ["Reserve", "Soort", "Beginstand", "Weerstandscapaciteit", "Bron"],
            ["Algemene reserve", "algemene reserve", 1000, None, "t"],
        ],
        "Risico's": [["Risico", "Programma", "Kans", "Impact", "Impact min", "Impact max", "Aard", "Bron"], *rows],
    }
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, content in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in content:
            sheet.append(row)
    path = tmp_path / "b.xlsx"
    workbook.save(path)
    return path


def test_the_sheet_is_read_with_points_ranges_and_percent_text(tmp_path):
    path = write(
        tmp_path,
        [["A", 6, 0.3, 1000, None, None, "structureel", "t"], ["B", "Sociaal domein", "25%", None, 10, 20, "I", "t"]],
    )
    a, b = load_baseline(path).risicos
    assert (a.kans, a.impact_min, a.impact_max, a.aard) == (D("0.3"), D(1000), D(1000), Aard.STRUCTUREEL)
    assert (b.programma, b.kans, b.impact_min, b.impact_max, b.aard) == ("6", D("0.25"), D(10), D(20), Aard.INCIDENTEEL)


@pytest.mark.parametrize(
    ("row", "where", "field", "text"),
    [
        (["A", 6, 30, 1000, None, None, "structureel", "t"], "cell C2", "Kans", "write 30% as 0.3"),
        (["A", 6, 0.3, 1000, 5, 10, "structureel", "t"], "row 2", "Impact", "both"),
        (["A", 6, 0.3, None, 5, None, "structureel", "t"], "row 2", "Impact", "only one end of the range"),
        (["A", 6, 0.3, None, 50, 10, "structureel", "t"], "cell E2", "Impact min", "swap the two ends"),
        (["A", 7, 0.3, 100, None, None, "structureel", "t"], "cell B2", "Programma", "known programme codes"),
    ],
)
def test_bad_rows_are_located(tmp_path, row, where, field, text):
    with pytest.raises(BaselineError) as caught:
        load_baseline(write(tmp_path, [row]))
    (problem,) = caught.value.problems
    assert problem.where.endswith(where)
    assert problem.field == field
    assert text.casefold() in str(problem).casefold()
