"""PNG charts for memos: the bridge adds up, the files have the promised pixel size, a bad year is refused."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from hengelo_scenario.baseline.model import Soort
from hengelo_scenario.engine import run
from hengelo_scenario.levers.measures import Measure
from hengelo_scenario.report.comparison import FIGURES
from hengelo_scenario.report.export import ExportError, ExportOptions, export, export_comparison
from hengelo_scenario.report.export.charts import MAX_BRIDGE_STEPS, bridge, chart_paths
from hengelo_scenario.scenario.model import Scenario
from tests.engine.builders import ORIGIN, YEARS, I, d
from tests.engine.test_worked_examples import motie_baseline

from .outcomes import FIXED, K, motie_fund, youth_care
from .readback import png_size


def test_bridge_from_basis_to_scenario_adds_up_exactly():
    outcome, _, _ = motie_fund()
    b = bridge(outcome, 2025)
    # §10.3: the fund costs 500 and its withdrawal from the algemene reserve brings 500 back.
    assert [(label, v / K) for label, v in b.steps] == [
        ("Fonds X (motie M15)", -500),
        ("Fonds X (motie M15): dekking", 500),
    ]
    assert b.start + sum(v for _, v in b.steps) == b.end == outcome.overview.geraamd_resultaat.scenario[0]
    assert b.start == outcome.overview.geraamd_resultaat.baseline[0]
    assert bridge(outcome, 2027).steps == ()  # nothing happens in 2027


def test_bridge_combines_the_smallest_measures_beyond_eight_steps():
    measures = tuple(
        Measure(f"Maatregel {i}", "", "1", Soort.BAAT, I, d(i * 1_000), origin=ORIGIN) for i in range(1, 13)
    )
    outcome = run(motie_baseline(), Scenario(name="veel", years=YEARS, measures=measures))
    b = bridge(outcome, 2026)
    assert len(b.steps) == MAX_BRIDGE_STEPS
    assert b.steps[-1] == ("Overige maatregelen", Decimal(1_000 + 2_000 + 3_000 + 4_000 + 5_000))
    assert b.start + sum(v for _, v in b.steps) == b.end


def test_run_charts_are_two_pngs_of_memo_size(tmp_path):
    outcome, scenario, baseline = youth_care()
    written = export(tmp_path / "memo.png", outcome, scenario, baseline, environ=FIXED)
    assert written == [tmp_path / "memo-brug.png", tmp_path / "memo-meerjarig.png"]
    assert [png_size(p) for p in written] == [(1280, 720), (1280, 720)]
    assert not (tmp_path / "memo.png").exists()


def test_comparison_chart_has_one_panel_per_figure(tmp_path):
    (a, sa, baseline), (b, sb, _) = motie_fund(), motie_fund()
    b = replace(b, scenario_name="Tweede")
    specs = [FIGURES[k] for k in ("geraamd_resultaat", "algemene_reserve", "weerstandsratio")]
    written = export_comparison(tmp_path / "cmp.png", [a, b], [sa, sb], baseline, specs, environ=FIXED)
    assert written == [tmp_path / "cmp-vergelijking.png"]
    assert png_size(written[0]) == (1280, int((2.6 * 2 + 0.6) * 200))  # two rows of two panels


def test_chart_year_must_be_a_year_of_the_outcome(tmp_path):
    outcome, scenario, baseline = youth_care()
    export(tmp_path / "y.png", outcome, scenario, baseline, ExportOptions(chart_year=2026), environ=FIXED)
    with pytest.raises(ExportError, match="expected one of the years 2025, 2026, 2027, 2028, found 2030"):
        export(tmp_path / "z.png", outcome, scenario, baseline, ExportOptions(chart_year=2030), environ=FIXED)
    assert not list(tmp_path.glob("z*"))


def test_chart_paths_name_what_they_hold(tmp_path):
    assert [p.name for p in chart_paths(tmp_path / "nota.png", "run")] == ["nota-brug.png", "nota-meerjarig.png"]
    assert [p.name for p in chart_paths(tmp_path / "nota.png", "compare")] == ["nota-vergelijking.png"]
