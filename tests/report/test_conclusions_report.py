"""The report side of issue 8: the verdict and Let op in Dutch, the BBV overviews as tables that add up, the
labels (jeugdzorg, procentpunt), and the same conclusions in JSON and the exports."""

from __future__ import annotations

import json
from decimal import Decimal

import openpyxl

from hengelo_scenario.baseline.model import Soort
from hengelo_scenario.engine import run
from hengelo_scenario.levers.measures import Measure
from hengelo_scenario.outcome.model import Signal, SignalKind
from hengelo_scenario.records import replace
from hengelo_scenario.report import numbers
from hengelo_scenario.report.export import ExportOptions, run_document, write_document
from hengelo_scenario.report.json_output import outcome_json
from hengelo_scenario.report.tables import (
    BBV_BRUG,
    BBV_INCIDENTEEL,
    BBV_KEYS,
    BBV_STRUCTURELE_RESERVES,
    Kind,
    jeugdhulp,
    klassen_note,
    overzicht,
    run_tables,
    signal_text,
)
from hengelo_scenario.scenario.model import Scenario
from tests.engine.builders import ORIGIN, YEARS, I, S, baat, last, make_baseline, toevoeging
from tests.engine.test_conclusions import deficit_baseline
from tests.engine.test_worked_examples import k, youth_care_baseline, youth_care_scenario
from tests.report.export.outcomes import FIXED, motie_fund


def bridge_outcome():
    """Baten 1.000 (of which 100 incidental), lasten 800 (of which 50 incidental), an incidental toevoeging of 30
    to the algemene reserve and a structural one of 20 to the bestemmingsreserve; the scenario adds an incidental
    last of 40 on programme 1."""
    lines = [baat("AD", k(900)), baat("AD", k(100), I), last("6", k(750)), last("6", k(50), I)]
    mutations = [toevoeging("Algemene reserve", k(30), I), toevoeging("Reserve sociaal domein", k(20), S)]
    baseline = make_baseline(lines, mutations)
    extra = Measure("Extra", "", "1", Soort.LAST, I, k(40), origin=ORIGIN)
    return run(baseline, Scenario(name="b", years=YEARS, measures=(extra,)))


def rows_of(table, *labels):
    return [r for r in table.rows if r.labels[: len(labels)] == labels]


def test_the_bridge_adds_up_for_basis_scenario_and_verschil():
    outcome = bridge_outcome()
    brug = {t.key: t for t in run_tables(outcome)}[BBV_BRUG]
    values = {r.labels: r.values[0] for r in brug.rows}
    # basis: saldo 1.000 − 800 = 200; mutaties −50; resultaat 150; correctie incidenteel −(100 − 50) = −50;
    # correctie incidentele mutaties −(0 − 30) = +30; structureel 150 − 50 + 30 = 130 = (900 − 750) − 20
    assert values[("Saldo van baten en lasten", "basis")] == k(200)[0]
    assert values[("Mutaties reserves (onttrekkingen − toevoegingen)", "basis")] == k(-50)[0]
    assert values[("Geraamd resultaat", "basis")] == k(150)[0]
    assert values[("Correctie incidentele baten en lasten", "basis")] == k(-50)[0]
    assert values[("Correctie incidentele mutaties reserves", "basis")] == k(30)[0]
    assert values[("Structureel saldo", "basis")] == k(130)[0]
    # scenario: saldo 160, resultaat 110, correctie −(100 − 90) = −10, +30: structureel 130 (the 40 is incidental)
    assert values[("Saldo van baten en lasten", "scenario")] == k(160)[0]
    assert values[("Correctie incidentele baten en lasten", "scenario")] == k(-10)[0]
    assert values[("Structureel saldo", "scenario")] == k(130)[0]
    assert values[("Geraamd resultaat", "verschil")] == k(-40)[0]
    assert values[("Correctie incidentele baten en lasten", "verschil")] == k(40)[0]
    assert values[("Structureel saldo", "verschil")] == 0
    for row in brug.rows:  # every total is the sum of the rows it names, in every column
        if row.total_of:
            for y in range(len(YEARS)):
                assert row.values[y] == sum(brug.rows[i].values[y] for i in row.total_of)


def test_the_overview_of_incidental_items_per_programme():
    outcome = bridge_outcome()
    table = {t.key: t for t in run_tables(outcome)}[BBV_INCIDENTEEL]
    (lasten_1,) = rows_of(table, "1 Veiligheid", "incidentele lasten", "scenario")
    assert lasten_1.values == k(40)
    (totaal_lasten,) = rows_of(table, "Totaal", "incidentele lasten", "scenario")
    assert totaal_lasten.values == k(90)  # 50 (programme 6) + 40 (programme 1)
    assert totaal_lasten.total_of
    (totaal_baten,) = rows_of(table, "Totaal", "incidentele baten", "basis")
    assert totaal_baten.values == k(100)


def test_the_overview_of_structural_reserve_mutations_counts_only_what_may_be_structural():
    outcome = bridge_outcome()
    table = {t.key: t for t in run_tables(outcome)}[BBV_STRUCTURELE_RESERVES]
    (toev,) = rows_of(table, "Reserve sociaal domein", "structurele toevoegingen", "basis")
    assert toev.values == k(20)
    assert not rows_of(table, "Algemene reserve")  # its toevoeging is incidental


def test_every_bbv_table_has_a_stable_key_and_is_part_of_run():
    keys = [t.key for t in run_tables(bridge_outcome())]
    assert set(BBV_KEYS) <= set(keys)
    assert keys[-3:] == list(BBV_KEYS)


def test_signal_sentences_say_check_and_name_their_source():
    years = YEARS
    lang = Signal(SignalKind.INCIDENTEEL_LANG, "Spoorzone", years, k(1), Decimal(3), "4", True)
    text = signal_text(lang, years)
    assert "controleer" in text
    assert "provincie" not in text
    assert "(basiswerkboek)" in text
    moved = Signal(SignalKind.STRUCTUREEL_ALS_INCIDENTEEL, "Greep", years, k(3_000), None, "Algemene reserve")
    text = signal_text(moved, years)
    assert "Algemene reserve" in text
    assert "incidenteel" in text
    assert "Commissie BBV" in text
    stelpost = Signal(SignalKind.ONZEKERE_POST, "BTW", years, k(2_800), None, "stelpost", True)
    assert signal_text(stelpost, years).startswith("Stelpost 'BTW' (€\u00a02.800.000 per jaar)")


def test_the_class_note_is_written_from_the_engines_boundaries():
    outcome = run(deficit_baseline(), Scenario(name="x", years=YEARS))
    note = klassen_note(outcome)
    assert "A > 2,0; B ≥ 1,4; C ≥ 1,0; D ≥ 0,8; E ≥ 0,6; F < 0,6" in note
    changed = replace(outcome, weerstand=replace(outcome.weerstand, grenzen=outcome.weerstand.grenzen[:1]))
    assert "A > 2,0; F ≤ 2,0" in klassen_note(changed)


def test_jeugdzorg_where_jeugdbescherming_is_included():
    table = jeugdhulp(run(youth_care_baseline(), youth_care_scenario()))
    assert table.title.startswith("Jeugdzorg")
    assert {r.labels[0] for r in table.rows if r.total_of} == {"Totaal jeugdzorg"}


def test_a_difference_of_percentages_is_in_procentpunten():
    table = overzicht(run(youth_care_baseline(), youth_care_scenario()))
    (verschil,) = rows_of(table, "Structurele exploitatieruimte", "verschil")
    assert verschil.kind is Kind.PERCENTAGE_POINT
    assert numbers.percentage_points(Decimal("-0.0074")) == "-0,74%-punt"


def test_json_carries_the_verdict_signals_effects_and_overviews():
    outcome, _, _ = motie_fund()
    data = json.loads(outcome_json(outcome))
    c = data["conclusie"]["scenario"]
    assert c["status"] == str(outcome.verdict_scenario)
    assert [y["year"] for y in c["years"]] == list(YEARS)
    assert c["years"][0]["begrotingsjaar"] is True
    assert set(data["bbv"]) == set(BBV_KEYS)
    assert data["effects"]["geraamd_resultaat"] == ["0"] * 4  # the fund is covered by the algemene reserve
    assert data["reserves"][0]["resultaatbestemming"]["scenario"] == ["100000"] * 4  # 1.000.000 − 900.000


def test_json_keeps_every_digit_beyond_28():
    # 1,0496^3 x 1,03^3 x 9.000.000 has more than 28 significant digits; JSON writes them all.
    outcome = run(youth_care_baseline(), youth_care_scenario())
    long = replace(
        outcome,
        overview=replace(
            outcome.overview,
            lasten=replace(
                outcome.overview.lasten, scenario=(Decimal("1234567890.12345678901234567890123456789"),) * 4
            ),
        ),
    )
    data = json.loads(outcome_json(long))
    assert data["overview"]["lasten"]["scenario"][0] == "1234567890.12345678901234567890123456789"


def test_the_excel_export_has_the_three_bbv_sheets_with_sum_formulas(tmp_path):
    outcome, scenario, baseline = motie_fund()
    path = tmp_path / "m.xlsx"
    write_document(path, run_document(outcome, scenario, baseline, FIXED), ExportOptions())
    workbook = openpyxl.load_workbook(path)
    for name in ("Incidentele baten en lasten", "Structurele reservemutaties", "Naar structureel saldo"):
        assert name in workbook.sheetnames
    brug = workbook["Naar structureel saldo"]
    formulas = [
        c.value for row in brug.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith("=")
    ]
    assert formulas
    assert all(f.startswith("=SUM(") for f in formulas)
