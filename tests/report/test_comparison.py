"""`comparison_table`: chosen figures per year for several scenarios, each against the one baseline."""

from __future__ import annotations

import pytest

from hengelo_scenario.engine import run
from hengelo_scenario.records import replace
from hengelo_scenario.report.comparison import (
    DEFAULT_FIGURES,
    FIGURES,
    VERDICT_LABEL,
    comparison_dict,
    comparison_table,
    figure_spec,
)
from hengelo_scenario.report.tables import BASIS, Kind
from hengelo_scenario.scenario.model import Scenario
from tests.engine.builders import YEARS
from tests.engine.test_worked_examples import motie_baseline
from tests.report.export.outcomes import K, motie_measure


def three_outcomes():
    """One baseline (§10.3), three scenarios: nothing, the fund for two years, the fund for four years."""
    baseline = motie_baseline()
    leeg = Scenario(name="Basis", years=YEARS)
    twee = Scenario(name="Fonds 2 jaar", years=YEARS, measures=(motie_measure((500, 500, 0, 0)),))
    vier = Scenario(name="Fonds 4 jaar", years=YEARS, measures=(motie_measure((500, 500, 500, 500)),))
    return [run(baseline, s) for s in (leeg, twee, vier)]


def test_each_figure_shows_the_basis_once_then_each_scenario_and_its_verschil():
    outcomes = three_outcomes()
    specs = [FIGURES[k] for k in DEFAULT_FIGURES]
    table = comparison_table(outcomes, specs)
    assert table.label_headers == ("Onderdeel", "Scenario", "Regel")
    assert table.value_headers == ("2025", "2026", "2027", "2028")
    ar = [row for row in table.rows if row.labels[0] == "Algemene reserve 31 december"]
    assert [row.labels[1:] for row in ar] == [
        ("Basis (begroting)", BASIS),
        ("Basis", "scenario"),
        ("Basis", "verschil"),
        ("Fonds 2 jaar", "scenario"),
        ("Fonds 2 jaar", "verschil"),
        ("Fonds 4 jaar", "scenario"),
        ("Fonds 4 jaar", "verschil"),
    ]
    # The geraamd resultaat of 1.000 − 900 = 100 a year goes to the algemene reserve (resultaatbestemming), the
    # fund (covered by an onttrekking, so no change to the resultaat) takes 500 a year out:
    assert [v / K for v in ar[0].values] == [60_100, 60_200, 60_300, 60_400]
    assert [v / K for v in ar[3].values] == [59_600, 59_200, 59_300, 59_400]
    assert [v / K for v in ar[5].values] == [59_600, 59_200, 58_800, 58_400]
    assert [v / K for v in ar[6].values] == [-500, -1_000, -1_500, -2_000]  # verschil: + = voordelig
    assert ar[6].kind is Kind.EFFECT
    for outcome, first in zip(outcomes, (1, 3, 5), strict=True):
        assert ar[first].values == outcome.algemene_reserve.closing.scenario
        assert ar[first + 1].values == outcome.algemene_reserve.closing.effect
    # every chosen figure is there, in the order asked for, then the verdict, one row per scenario
    assert list(dict.fromkeys(row.labels[0] for row in table.rows)) == [
        *(FIGURES[k].label for k in DEFAULT_FIGURES),
        VERDICT_LABEL,
    ]


def test_the_verdict_has_one_row_per_scenario_with_its_years():
    outcomes = three_outcomes()
    table = comparison_table(outcomes, [FIGURES["lasten"]])
    verdict = [row for row in table.rows if row.labels[0] == VERDICT_LABEL]
    assert [row.labels[1] for row in verdict] == ["Basis (begroting)", "Basis", "Fonds 2 jaar", "Fonds 4 jaar"]
    # structureel saldo 1.000 − 900 = 100 every year; the incidental fund leaves it alone: in evenwicht throughout
    assert all(row.values == ("ja",) * 4 for row in verdict)
    assert verdict[1].labels[2] == "repressief"
    assert all(row.kind is Kind.TEXT for row in verdict)


def test_a_ratio_figure_shows_its_plain_difference():
    outcomes = three_outcomes()
    table = comparison_table(outcomes, [figure_spec("weerstandsratio")])
    (verschil,) = [row for row in table.rows if row.labels == ("Weerstandsratio", "Fonds 4 jaar", "verschil")]
    assert verschil.kind is Kind.RATIO
    ratio = outcomes[2].weerstand.ratio
    assert verschil.values == tuple(s - b for b, s in zip(ratio.baseline, ratio.scenario, strict=True))


def test_figure_names_are_forgiving_and_suggest_a_close_match():
    assert figure_spec("Geraamd-Resultaat").key == "geraamd_resultaat"
    with pytest.raises(KeyError, match="did you mean 'weerstandsratio'"):
        figure_spec("weerstandratio")


def test_outcomes_of_different_baselines_are_refused():
    a, b, _ = three_outcomes()
    with pytest.raises(ValueError, match="different baselines"):
        comparison_table([a, replace(b, baseline_source="ander.xlsx")], [FIGURES["lasten"]])


def test_two_scenarios_of_one_name_are_told_apart_by_their_file():
    a, b, _ = three_outcomes()
    a, b = replace(a, scenario_source="a.yaml"), replace(b, scenario_name=a.scenario_name, scenario_source="b.yaml")
    table = comparison_table([a, b], [FIGURES["lasten"]])
    assert {row.labels[1] for row in table.rows} == {"Basis (begroting)", "Basis (a.yaml)", "Basis (b.yaml)"}


def test_json_carries_exact_decimal_strings():
    outcomes = three_outcomes()
    data = comparison_dict(outcomes, [FIGURES["algemene_reserve"]])
    (figure,) = data["figures"]
    assert figure["basis"] == ["60100000", "60200000", "60300000", "60400000"]  # + 100.000 resultaat a year
    assert figure["scenarios"][2]["effect"] == ["-500000", "-1000000", "-1500000", "-2000000"]
    assert [s["name"] for s in data["scenarios"]] == ["Basis", "Fonds 2 jaar", "Fonds 4 jaar"]


def test_variant_names_add_the_file_only_where_two_scenarios_share_a_name():
    from types import SimpleNamespace

    from hengelo_scenario.report.comparison import variant_names

    outcomes = [
        SimpleNamespace(scenario_name="Basis", scenario_source="basis.yaml"),
        SimpleNamespace(scenario_name="Hoog", scenario_source="a/hoog.yaml"),
        SimpleNamespace(scenario_name="Hoog", scenario_source="b/hoog.yaml"),
    ]
    assert variant_names(outcomes) == ("Basis", "Hoog (a/hoog.yaml)", "Hoog (b/hoog.yaml)")
