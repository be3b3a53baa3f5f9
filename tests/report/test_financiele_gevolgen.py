"""The "Financiële gevolgen" table (budget-conventions §7.5): its effect rows add up and equal the overview."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from hengelo_scenario.engine import run
from hengelo_scenario.errors import ScenarioError
from hengelo_scenario.report.tables import (
    FG_RESULTAAT,
    FG_SALDO,
    FG_STRUCTUREEL,
    Kind,
    financiele_gevolgen,
)
from hengelo_scenario.scenario.model import Scenario
from tests.engine.builders import YEARS
from tests.engine.test_properties import baselines, scenarios
from tests.engine.test_worked_examples import motie_baseline
from tests.report.export.outcomes import K, motie_fund, motie_measure, youth_care


def effect_rows(table):
    return {row.labels[0]: row for row in table.rows if row.labels[0] in (FG_SALDO, FG_RESULTAAT, FG_STRUCTUREEL)}


def assert_matches_overview(outcome):
    table = financiele_gevolgen(outcome)
    o = outcome.overview
    rows = effect_rows(table)
    assert rows[FG_SALDO].values == o.saldo_baten_lasten.effect
    assert rows[FG_RESULTAAT].values == o.geraamd_resultaat.effect
    assert rows[FG_STRUCTUREEL].values == o.structureel_saldo.effect
    for row in table.rows:  # every total is exactly the sum of the rows it names
        if row.total_of:
            for y in range(len(outcome.years)):
                assert row.values[y] == sum((table.rows[i].values[y] for i in row.total_of), Decimal(0))


def test_motie_fund_section_10_3_in_the_layout_of_section_7_5():
    outcome, _, _ = motie_fund()
    table = financiele_gevolgen(outcome)
    assert table.title == "Financiële gevolgen"
    assert table.label_headers == ("Onderdeel", "Omschrijving", "Programma", "I/S")
    assert table.value_headers == ("2025", "2026", "2027", "2028")
    got = [(row.labels, tuple(v / K for v in row.values)) for row in table.rows]
    assert got == [
        (("Lasten", "Fonds X (motie M15)", "6 Sociaal domein", "I"), (-500, -500, 0, 0)),
        (("Dekking: onttrekkingen aan reserves", "Onttrekking Algemene reserve: Fonds X (motie M15)",
          "6 Sociaal domein", "I"), (500, 500, 0, 0)),
        ((FG_SALDO, "", "", ""), (-500, -500, 0, 0)),
        ((FG_RESULTAAT, "", "", ""), (0, 0, 0, 0)),
        ((FG_STRUCTUREEL, "", "", ""), (0, 0, 0, 0)),
    ]  # fmt: skip
    assert all(row.kind is Kind.EFFECT for row in table.rows)
    assert [row.total_of for row in table.rows[2:]] == [(0,), (0, 1), ()]
    assert_matches_overview(outcome)


def test_structural_fund_from_a_reserve_shows_in_the_structural_saldo():
    # §10.3 variant 2: an open-ended (structural) fund still paid from the algemene reserve.
    from hengelo_scenario.baseline.model import Aard

    scenario = Scenario(
        name="open einde", years=YEARS, measures=(motie_measure((500, 500, 500, 500), Aard.STRUCTUREEL),)
    )
    outcome = run(motie_baseline(), scenario)
    rows = effect_rows(financiele_gevolgen(outcome))
    assert [v / K for v in rows[FG_RESULTAAT].values] == [0, 0, 0, 0]
    assert [v / K for v in rows[FG_STRUCTUREEL].values] == [-500, -500, -500, -500]
    assert_matches_overview(outcome)


def test_youth_care_overrun_is_a_structural_last_of_programme_6():
    outcome, _, _ = youth_care()
    table = financiele_gevolgen(outcome)
    first = table.rows[0]
    assert first.labels == ("Lasten", "Jeugdhulp (prijs en volume)", "6 Sociaal domein", "S")
    assert first.values == tuple(-c for c in outcome.jeugdhulp.cost.difference)
    assert_matches_overview(outcome)


def test_an_empty_scenario_has_zero_effects_and_says_so():
    outcome = run(motie_baseline(), Scenario(name="leeg", years=YEARS))
    table = financiele_gevolgen(outcome)
    assert [row.labels[0] for row in table.rows] == [FG_SALDO, FG_RESULTAAT, FG_STRUCTUREEL]
    assert all(v == 0 for row in table.rows for v in row.values)
    assert table.notes[0] == "Het scenario wijzigt de begroting niet."


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_effects_equal_the_overview_for_any_scenario(data):
    baseline = data.draw(baselines())
    try:
        outcome = run(baseline, data.draw(scenarios(baseline)))
    except ScenarioError:
        return
    assert_matches_overview(outcome)
