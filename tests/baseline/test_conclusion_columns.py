"""The workbook's additions for issue 8: the optional columns Onzekerheid (Lasten en baten) and Structurele
mutaties (Reserves), and the optional sheet Instellingen, each read when present, defaulted when absent, and
refused with the sheet and cell when wrong."""

from __future__ import annotations

from decimal import Decimal

from hengelo_scenario.baseline import load_baseline
from hengelo_scenario.baseline.model import Instellingen, Onzekerheid, Resultaatbestemming

LB = "Lasten en baten"


def test_without_the_new_columns_and_sheet_everything_takes_its_default(tmp_path, make_workbook):
    baseline = load_baseline(make_workbook(tmp_path))
    assert all(line.onzekerheid is None for line in baseline.lines)
    assert not any(r.structurele_mutaties for r in baseline.reserves)
    assert baseline.instellingen == Instellingen()
    assert baseline.instellingen.resultaatbestemming is Resultaatbestemming.ALGEMENE_RESERVE


def test_the_columns_are_read_in_any_case(tmp_path, make_workbook):
    path = make_workbook(
        tmp_path,
        cells={LB: {"I1": "Onzekerheid", "I4": " Stelpost "}, "Reserves": {"F1": "structurele mutaties", "F3": "JA"}},
    )
    baseline = load_baseline(path)
    assert [line.onzekerheid for line in baseline.lines] == [None, None, Onzekerheid.STELPOST]
    assert [r.structurele_mutaties for r in baseline.reserves] == [False, True]


def test_a_wrong_onzekerheid_names_its_cell_and_a_near_value(tmp_path, make_workbook, single_problem):
    path = make_workbook(tmp_path, cells={LB: {"I1": "Onzekerheid", "I4": "stelposten"}})
    problem = single_problem(path)
    assert problem.where == "sheet 'Lasten en baten', cell I4"
    assert problem.field == "Onzekerheid"
    assert problem.hint == "did you mean 'stelpost'?"


def test_the_settings_sheet(tmp_path, make_workbook):
    rows = [
        ["Instelling", "Waarde"],
        ["resultaatbestemming", "geen"],
        ["incidenteel_max_jaren", 4],
        ["weerstandsratio_norm", "1,4"],
    ]
    baseline = load_baseline(make_workbook(tmp_path, Instellingen=rows))
    assert baseline.instellingen == Instellingen(Resultaatbestemming.GEEN, 4, Decimal("1.4"))


def test_bad_settings_are_located(tmp_path, make_workbook, load_problems):
    rows = [
        ["Instelling", "Waarde"],
        ["resultaatbestemming", "reserve"],
        ["incidenteel_max_jaren", 2.5],
        ["weerstandsratio_norm", 0],
        ["drempel", 1],
        ["incidenteel_max_jaren", 3],
    ]
    problems = load_problems(make_workbook(tmp_path, Instellingen=rows))
    where = {p.where: p.field for p in problems}
    assert where == {
        "sheet 'Instellingen', cell B2": "Waarde",
        "sheet 'Instellingen', cell B3": "incidenteel_max_jaren",
        "sheet 'Instellingen', cell B4": "weerstandsratio_norm",
        "sheet 'Instellingen', cell A5": "Instelling",
        "sheet 'Instellingen', cell A6": "Instelling",
    }


def test_the_shipped_workbook_marks_what_the_reeel_evenwicht_looks_at():
    from hengelo_scenario.resources import shipped_baseline

    baseline = load_baseline(shipped_baseline())
    marked = {line.description: line.onzekerheid for line in baseline.lines if line.onzekerheid}
    assert marked == {
        "Stelpost lagere inzet BTW-compensatiefonds": Onzekerheid.STELPOST,
        "Stelpost Wmo-indexering (verwachte rijksbijdrage)": Onzekerheid.STELPOST,
        "Taakstelling inkoopvoordeel (verlaagt de lasten)": Onzekerheid.TAAKSTELLING,
    }
    assert all(line.source for line in baseline.lines if line.onzekerheid)
    structural = {r.naam for r in baseline.reserves if r.structurele_mutaties}
    assert structural == {"Reserve onderwijshuisvesting", "Reserve dekking kapitaallasten"}
    assert [o.naam for o in baseline.transformatieplan if o.invulling.value == "open"] == ["Nog in te vullen"]
