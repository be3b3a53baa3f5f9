"""Charts for memos: the bridge adds up, the PNGs have the promised size, and the charts are honest.

Honest, checked from the matplotlib Figure objects and the Excel chart XML: value axes include zero, the basis
stays visible (dashed, hollow markers, on top) where it coincides with a scenario, one legend entry per series,
red only for nadelig, labelled bars, and a comparison of eight scenarios with a direct label per line.
"""

from __future__ import annotations

import colorsys
import itertools
import re
import zipfile
from decimal import Decimal

import pytest
from matplotlib.colors import to_rgb

from hengelo_scenario.baseline.model import Soort
from hengelo_scenario.engine import run
from hengelo_scenario.levers.measures import Measure
from hengelo_scenario.records import replace
from hengelo_scenario.report.comparison import FIGURES
from hengelo_scenario.report.export import ExportError, ExportOptions, charts, export, export_comparison
from hengelo_scenario.report.export.charts import MAX_BRIDGE_STEPS, bridge, chart_paths
from hengelo_scenario.report.numbers import Unit, money
from hengelo_scenario.scenario.model import Scenario
from tests.engine.builders import ORIGIN, YEARS, I, d
from tests.engine.test_worked_examples import motie_baseline

from .outcomes import FIXED, K, motie_fund, motie_measure, youth_care
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
    # two rows of two panels (2,6 in each), 0,6 in for title and source, half of 0,42 in for one legend row
    assert png_size(written[0]) == (1280, round((2.6 * 2 + 0.6 + 0.42 / 2) * 200))


def test_chart_year_must_be_a_year_of_the_outcome(tmp_path):
    outcome, scenario, baseline = youth_care()
    export(tmp_path / "y.png", outcome, scenario, baseline, ExportOptions(chart_year=2026), environ=FIXED)
    with pytest.raises(ExportError, match="expected one of the years 2025, 2026, 2027, 2028, found 2030"):
        export(tmp_path / "z.png", outcome, scenario, baseline, ExportOptions(chart_year=2030), environ=FIXED)
    assert not list(tmp_path.glob("z*"))


def test_chart_paths_name_what_they_hold(tmp_path):
    assert [p.name for p in chart_paths(tmp_path / "nota.png", "run")] == ["nota-brug.png", "nota-meerjarig.png"]
    assert [p.name for p in chart_paths(tmp_path / "nota.png", "compare")] == ["nota-vergelijking.png"]


# --- honest charts: properties read from the matplotlib Figure objects and from the Excel chart XML ---------


def is_red(colour) -> bool:
    h, s, v = colorsys.rgb_to_hsv(*to_rgb(colour))
    return (h < 0.05 or h > 0.95) and s > 0.5 and v > 0.3


def panels(figure):
    return [axes for axes in figure.axes if axes.axison]


def data_lines(axes):
    return [line for line in axes.get_lines() if len(line.get_xdata()) > 2]  # not the zero line or connectors


def legend_texts(figure) -> list[str]:
    return [t.get_text() for axes in figure.axes for legend in [axes.get_legend()] if legend for t in legend.texts]


def test_bridge_bars_are_labelled_start_from_zero_and_red_only_where_nadelig():
    outcome, _, _ = motie_fund()
    figure = charts.bridge_figure(outcome, 2025, "Bron: test", Unit.THOUSANDS)
    (axes,) = panels(figure)
    bars = list(axes.patches)
    assert len(bars) == 4  # basis, the fund (500 N), its dekking (500 V), scenario
    assert [t.get_text() for t in axes.texts] == [
        money(outcome.overview.geraamd_resultaat.baseline[0]), "500 N", "500 V",
        money(outcome.overview.geraamd_resultaat.scenario[0]),
    ]  # fmt: skip
    assert [is_red(bar.get_facecolor()) for bar in bars] == [False, True, False, False]
    low, high = axes.get_ylim()
    assert low <= 0 <= high


def test_multi_year_axes_include_zero_and_the_basis_stays_visible_on_top():
    outcome, _, _ = motie_fund()
    figure = charts.multi_year_figure(outcome, "Bron: test", Unit.THOUSANDS)
    left, right = panels(figure)
    for axes in (left, right):
        low, high = axes.get_ylim()
        assert low <= 0 <= high, axes.get_title()
        assert axes.get_ylabel() == "bedragen x € 1.000"
        lines = data_lines(axes)
        basis = [line for line in lines if line.get_label().endswith(": basis")]
        scenario = [line for line in lines if line.get_label().endswith(": scenario")]
        assert len(basis) == len(scenario) >= 1
        for b in basis:
            assert b.get_linestyle() == "--"
            assert b.get_markerfacecolor() == "white"  # hollow: the scenario's filled marker shows around it
            assert b.get_zorder() > max(s.get_zorder() for s in scenario)
        assert not any(is_red(line.get_color()) for line in lines)
    assert right.get_ylim()[0] == 0  # a reserve is never negative: its axis starts at zero
    # the fund takes 500 in 2025 and 500 in 2026 from the algemene reserve: 1.000 lower at the end of 2028
    closing = outcome.algemene_reserve.closing
    texts = [t.get_text() for t in right.texts]
    assert f"{money(closing.scenario[-1])} (1.000 N)" in texts
    assert f"basis {money(closing.baseline[-1])}" in texts
    entries = legend_texts(figure)
    assert len(entries) == len(set(entries)) == 4


def eight_scenarios():
    _, scenario, baseline = motie_fund()
    outcomes, names = [], []
    for k in range(8):
        measure = motie_measure(amounts=(100 * (k + 1), 100 * k, 0, 0))
        outcome = run(baseline, replace(scenario, name=f"Variant {k + 1} met een lange naam", measures=(measure,)))
        outcomes.append(outcome)
        names.append(outcome.scenario_name)
    empty = run(baseline, replace(scenario, name="Basis", measures=()))
    return [empty, *outcomes], ["Basis", *names], baseline


def test_the_comparison_stays_readable_with_eight_scenarios():
    outcomes, names, _ = eight_scenarios()
    specs = [FIGURES[k] for k in ("geraamd_resultaat", "algemene_reserve", "weerstandsratio")]
    figure = charts.comparison_figure(outcomes, names, specs, "Bron: test", Unit.THOUSANDS)
    entries = legend_texts(figure)
    # one entry per series; the scenario that changes nothing is the basis line, not a second 'Basis'
    assert entries == [*names[1:], "Basis (begroting) = Basis"]
    axes_list = panels(figure)
    assert len(axes_list) == 3
    assert {axes.get_subplotspec().colspan.stop for axes in axes_list} == {1}  # one column: wide panels
    for axes in axes_list:
        low, high = axes.get_ylim()
        assert low <= 0 <= high, axes.get_title()
        assert axes.get_ylabel() in ("bedragen x € 1.000", "ratio")
        lines = data_lines(axes)
        scenario_lines = lines[:-1]
        colours = [line.get_color() for line in scenario_lines]
        markers = [line.get_marker() for line in scenario_lines]
        assert len(set(colours)) == len(set(markers)) == 8
        assert not any(is_red(c) for c in colours)
        assert lines[-1].get_linestyle() == "--"
        assert lines[-1].get_zorder() > max(line.get_zorder() for line in scenario_lines)
        # a direct label per line, none on top of another
        labels = [t for t in axes.texts if t.get_text()]
        assert len(labels) == 9
        for k in range(1, 9):
            assert any(t.get_text().startswith(f"Variant {k} ") for t in labels)
        ys = sorted(t.xyann[1] for t in labels)
        gaps = [b - a for a, b in itertools.pairwise(ys)]
        assert min(gaps) > 0.04 * (high - low)


def chart_xml(path) -> list[str]:
    with zipfile.ZipFile(path) as package:
        names = sorted(
            (n for n in package.namelist() if n.startswith("xl/charts/chart")),
            key=lambda n: int(re.findall(r"\d+", n)[0]),
        )
        return [package.read(n).decode() for n in names]


def series_xml(xml: str) -> list[str]:
    return re.findall(r"<c:ser>.*?</c:ser>", xml, flags=re.S)


def series_name(ser: str) -> str:
    return re.search(r"<c:v>([^<]*)</c:v>", ser).group(1)


def colours(xml: str) -> set[str]:
    return set(re.findall(r'<a:srgbClr val="([0-9A-Fa-f]{6})"', xml))


def test_excel_charts_share_the_palette_label_their_bars_and_start_at_zero(tmp_path):
    outcome, scenario, baseline = motie_fund()
    export(tmp_path / "m.xlsx", outcome, scenario, baseline, environ=FIXED)
    resultaat, structureel, reserve = chart_xml(tmp_path / "m.xlsx")
    for xml in (resultaat, structureel):
        ser = series_xml(xml)
        assert [series_name(s) for s in ser] == ["Basis", "Scenario"]
        assert colours(ser[0]) == {"7F7F7F"}  # grey: basis
        assert colours(ser[1]) == {"1F4E79"}  # dark blue: scenario, voordelig or not
        for s in ser:
            assert '<c:showVal val="1"/>' in s  # data labels on the bars
    ser = series_xml(reserve)
    assert [series_name(s) for s in ser] == ["Scenario", "Basis"]  # the basis drawn last: on top
    assert '<a:prstDash val="dash"/>' in ser[1]
    assert '<a:prstDash val="dash"/>' not in ser[0]
    assert re.search(r'<c:valAx>.*<c:min val="0"/>', reserve, flags=re.S)  # the reserve axis starts at zero
    for xml in (resultaat, structureel, reserve):
        assert not any(is_red("#" + c) for c in colours(xml))


def test_excel_comparison_charts_merge_the_basis_and_tell_eight_scenarios_apart(tmp_path):
    outcomes, names, baseline = eight_scenarios()
    scenario = motie_fund()[1]
    export_comparison(tmp_path / "v.xlsx", outcomes, [scenario] * len(outcomes), baseline, environ=FIXED)
    for xml in chart_xml(tmp_path / "v.xlsx"):
        ser = series_xml(xml)
        assert [series_name(s) for s in ser] == [*names[1:], "Basis = Basis"]
        scenario_colours = [tuple(colours(s)) for s in ser[:-1]]
        assert len(set(scenario_colours)) == 8
        markers = [re.search(r'<c:symbol val="(\w+)"/>', s).group(1) for s in ser[:-1]]
        assert len(set(markers)) == 8
        assert '<a:prstDash val="dash"/>' in ser[-1]
        assert not any(is_red("#" + c) for c in colours(xml))
