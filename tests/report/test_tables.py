"""Every total in every report table is exactly the sum of the rows it names."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from hengelo_scenario.engine import run
from hengelo_scenario.errors import ScenarioError
from hengelo_scenario.report.tables import Kind, run_tables, verdict_lines, year_lines
from tests.engine.test_properties import baselines, scenarios
from tests.engine.test_worked_examples import motie_baseline, youth_care_baseline, youth_care_scenario


def assert_totals_are_sums(tables):
    for table in tables:
        for row in table.rows:
            if not row.total_of:
                continue
            for y in range(len(table.value_headers)):
                parts = sum((table.rows[i].values[y] for i in row.total_of), Decimal(0))
                assert row.values[y] == parts, (table.key, row.labels, y)


def test_youth_care_tables_add_up_and_match_the_overview():
    outcome = run(youth_care_baseline(), youth_care_scenario())
    tables = {t.key: t for t in run_tables(outcome)}
    assert_totals_are_sums(tables.values())
    # The measures table's "effect op geraamd resultaat" is the overview's verschil in geraamd resultaat.
    maatregelen = tables["maatregelen"]
    (effect,) = [r for r in maatregelen.rows if r.labels[0] == "Effect op geraamd resultaat"]
    assert effect.values == outcome.overview.geraamd_resultaat.effect
    assert effect.kind is Kind.EFFECT


def test_verdict_lines_name_the_years():
    outcome = run(motie_baseline(), youth_care_scenario().__class__(name="leeg", years=(2025, 2026, 2027, 2028)))
    lines = verdict_lines(outcome)
    # structureel saldo 1.000 − 900 = 100 in every year, nothing uncertain
    assert lines[0] == (
        "Basis: elk jaar structureel en reëel in evenwicht. Indicatie: repressief toezicht: het begrotingsjaar 2025 "
        "is structureel en reëel in evenwicht (Gemeentewet art. 203)."
    )
    assert year_lines(outcome.conclusie_baseline)[0] == (
        "2025 (begrotingsjaar): structureel in evenwicht (€\u00a0100.000); zonder stelposten en taakstellingen "
        "€\u00a0100.000, reëel in evenwicht."
    )


@settings(max_examples=40)
@given(st.data())
def test_every_total_is_the_sum_of_its_parts(data):
    baseline = data.draw(baselines())
    try:
        outcome = run(baseline, data.draw(scenarios(baseline)))
    except ScenarioError:
        return
    tables = run_tables(outcome)
    assert_totals_are_sums(tables)
    by_key = {t.key: t for t in tables}
    programmas = by_key["programmas"]
    assert programmas.rows[-1].values == outcome.overview.geraamd_resultaat.effect


def test_verdict_names_the_years_with_a_structural_deficit():
    # §8.4 youth care with no baten at all: structureel saldo is −26.230 thousand in 2025 and worse after
    outcome = run(youth_care_baseline(), youth_care_scenario())
    basis, scenario = verdict_lines(outcome)
    # lasten 26.230 (x € 1.000), no baten: a structural deficit of € 26.230.000 in every year of the basis
    assert basis == (
        "Basis: niet structureel en reëel in evenwicht in het begrotingsjaar 2025 en in het laatste jaar 2028. "
        "Indicatie: risico op preventief toezicht: in 2025 een structureel tekort van €\u00a026.230.000, in 2028 een "
        "structureel tekort van €\u00a026.230.000 (Gemeentewet art. 203)."
    )
    assert scenario.startswith("Scenario: niet structureel en reëel in evenwicht")
    assert outcome.conclusie_baseline.tekort_jaren == (2025, 2026, 2027, 2028)


def test_exports_carry_the_verdict_in_the_overview_notes_and_the_screen_does_not_repeat_it():
    outcome = run(youth_care_baseline(), youth_care_scenario())
    export_notes = run_tables(outcome)[0].notes
    screen_notes = run_tables(outcome, compact=True)[0].notes
    assert verdict_lines(outcome)[1] in export_notes
    assert verdict_lines(outcome)[1] not in screen_notes  # the screen shows it in its own panel
