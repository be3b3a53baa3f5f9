"""PNG charts for memos, drawn with matplotlib's Agg canvas (headless; imported only when a chart is asked for).

`run` writes two files beside the name it is given: FILE-brug.png, the bridge (waterfall) from the baseline's
geraamd resultaat to the scenario's for one year, built from the scenario's bookings; and FILE-meerjarig.png, the
multi-year lines of geraamd resultaat, structureel saldo and algemene reserve, basis against scenario. `compare`
writes FILE-vergelijking.png: one panel per compared figure, a line per scenario and the basis.

Each chart is 1280 pixels wide (16 cm at 200 dpi: the text width of an A4 memo), with a title naming the
scenario, Dutch number formats on the axes (1.234; x € 1.000) and a source line naming the scenario and
baseline files. Output is byte-identical for the same inputs (no timestamp or software version in the PNG).
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from hengelo_scenario.outcome.model import Figure, Outcome
from hengelo_scenario.report import numbers
from hengelo_scenario.report.numbers import Unit
from hengelo_scenario.text import plot_text  # names from a scenario: never mathtext, never hidden

DPI = 200
WIDTH_IN = 6.4  # 1280 px
BRIDGE_SIZE_IN = (WIDTH_IN, 3.6)  # 1280 x 720 px
MULTI_YEAR_SIZE_IN = (WIDTH_IN, 3.6)
COMPARISON_PANEL_HEIGHT_IN = 2.6
LEGEND_ROW_RATIO = 0.16
TITLE_CHARS = 75  # what fits across 1280 px at 10 pt
SOURCE_LINE_CHARS = 120  # what fits across 1280 px at 6,5 pt
MAX_BRIDGE_STEPS = 8  # more measures than this: the smallest are combined into "Overige maatregelen"

BASIS_COLOUR, SCENARIO_COLOUR = "#7F7F7F", "#1F4E79"
V_COLOUR, N_COLOUR = "#2E7D32", "#C62828"
SERIES_COLOURS = ("#1F4E79", "#C55A11", "#548235", "#7030A0", "#BF8F00", "#2F5597", "#843C0C", "#385723")

SALDI = ("geraamd_resultaat", "structureel_saldo", "saldo_baten_lasten")  # charted against a line at 0

SUFFIX_BRIDGE, SUFFIX_MULTI_YEAR, SUFFIX_COMPARISON = "-brug", "-meerjarig", "-vergelijking"


def chart_paths(path: Path, kind: str) -> list[Path]:
    """The files one --chart FILE.png (or --export FILE.png) writes: FILE-brug.png and FILE-meerjarig.png."""
    suffixes = (SUFFIX_BRIDGE, SUFFIX_MULTI_YEAR) if kind == "run" else (SUFFIX_COMPARISON,)
    return [path.with_name(f"{path.stem}{suffix}{path.suffix}") for suffix in suffixes]


@dataclass(frozen=True)
class Bridge:
    """From the baseline's geraamd resultaat to the scenario's in one year: start + Σ steps = end, exactly."""

    year: int
    start: Decimal
    steps: tuple[tuple[str, Decimal], ...]  # (label, effect on the geraamd resultaat: + = voordelig)
    end: Decimal


def bridge(outcome: Outcome, year: int) -> Bridge:
    """The bookings' effects in `year`, per measure, in booking order; the smallest combined beyond 8 steps."""
    y = outcome.years.index(year)
    per_measure: dict[str, Decimal] = {}
    for booking in outcome.bookings:
        per_measure[booking.measure] = per_measure.get(booking.measure, Decimal(0)) + booking.effect[y]
    steps = [(label, effect) for label, effect in per_measure.items() if effect != 0]
    if len(steps) > MAX_BRIDGE_STEPS:
        keep = {label for label, _ in sorted(steps, key=lambda s: -abs(s[1]))[: MAX_BRIDGE_STEPS - 1]}
        rest = sum((effect for label, effect in steps if label not in keep), Decimal(0))
        steps = [s for s in steps if s[0] in keep] + [("Overige maatregelen", rest)]
    figure = outcome.overview.geraamd_resultaat
    return Bridge(year, figure.baseline[y], tuple(steps), figure.scenario[y])


def _scaled(value: Decimal, unit: Unit) -> float:
    return float(numbers.scaled(value, unit))


def _tick(x: float, decimals: int = 0) -> str:
    """A tick label in Dutch format: 1.234 (or 1,5 between whole numbers)."""
    value = Decimal(repr(float(x)))
    if decimals == 0 and value != value.to_integral_value():
        decimals = 1
    return numbers.dutch_number(value, decimals)


def _axis_formatter() -> Any:
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda x, _pos: _tick(x))


def _new_figure(size: tuple[float, float]) -> Any:
    from matplotlib.figure import Figure as MplFigure

    figure = MplFigure(figsize=size, dpi=DPI, layout="constrained")
    figure.get_layout_engine().set(h_pad=0.06, w_pad=0.06)
    return figure


def _style_axes(axes: Any, zero_line: bool = True) -> None:
    axes.yaxis.set_major_formatter(_axis_formatter())
    axes.tick_params(labelsize=7)
    axes.grid(axis="y", color="#D9D9D9", linewidth=0.6)
    axes.set_axisbelow(True)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    if zero_line:
        axes.axhline(0, color="#404040", linewidth=0.8)


def _source(figure: Any, text: str, unit: Unit) -> None:
    legend = numbers.Unit(unit).legend
    line = f"{plot_text(text)}. {legend[0].upper()}{legend[1:]}; + = voordelig, − = nadelig."
    figure.supxlabel("\n".join(textwrap.wrap(line, SOURCE_LINE_CHARS)), fontsize=6.5, color="#555555", x=0.0, ha="left")


def _save(figure: Any, path: Path) -> None:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(figure)
    figure.savefig(path, format="png", dpi=DPI, metadata={"Software": None})


def draw_bridge(path: Path, outcome: Outcome, year: int, source_line: str, unit: Unit) -> None:
    b = bridge(outcome, year)
    figure = _new_figure(BRIDGE_SIZE_IN)
    axes = figure.add_subplot()
    width = 18 if len(b.steps) <= 3 else 13
    steps = [textwrap.fill(plot_text(label), width, break_long_words=False) for label, _ in b.steps]
    labels = [f"Basis {year}", *steps, f"Scenario {year}"]
    bottoms, heights, colours, texts = [0.0], [_scaled(b.start, unit)], [BASIS_COLOUR], [numbers.money(b.start, unit)]
    level = b.start
    levels = [_scaled(level, unit)]  # the running geraamd resultaat after each bar
    for _label, effect in b.steps:
        bottoms.append(_scaled(min(level, level + effect), unit))
        heights.append(_scaled(abs(effect), unit))
        colours.append(V_COLOUR if effect > 0 else N_COLOUR)
        texts.append(numbers.vn(effect, unit))
        level += effect
        levels.append(_scaled(level, unit))
    bottoms.append(0.0)
    heights.append(_scaled(b.end, unit))
    colours.append(SCENARIO_COLOUR)
    texts.append(numbers.money(b.end, unit))
    for i in (0, len(heights) - 1):  # a negative total is a bar from 0 downwards
        if heights[i] < 0:
            bottoms[i], heights[i] = heights[i], -heights[i]
    x = list(range(len(labels)))
    axes.bar(x, heights, bottom=bottoms, color=colours, width=0.62, edgecolor="white", linewidth=0.5)
    top = max(max(bo + h for bo, h in zip(bottoms, heights, strict=True)), 0.0)
    bottom = min(min(bottoms), 0.0)
    span = (top - bottom) or 1.0
    for xi, bo, h, text in zip(x, bottoms, heights, texts, strict=True):
        below = xi in (0, len(x) - 1) and bo < 0  # a negative total: its label under the bar
        y_text = bo - span * 0.015 if below else bo + h + span * 0.015
        axes.text(xi, y_text, text, ha="center", va="top" if below else "bottom", fontsize=7)
    for i, level_value in enumerate(levels):  # connectors: each level runs on to the next bar
        axes.plot([i + 0.31, i + 1 - 0.31], [level_value] * 2, color="#404040", linewidth=0.5)
    axes.set_ylim(bottom - span * 0.1, top + span * 0.12)
    axes.set_xticks(x, labels, fontsize=7 if len(b.steps) <= 4 else 6.5)
    _style_axes(axes)
    axes.set_ylabel(unit.legend, fontsize=7)
    title = f"{plot_text(outcome.scenario_name)}: van basis naar scenario, geraamd resultaat {year}"
    axes.set_title(textwrap.fill(title, TITLE_CHARS), fontsize=10, loc="left")
    _source(figure, source_line, unit)
    _save(figure, path)


def _lines(axes: Any, years: Sequence[int], figure: Figure, label: str, colour: str, unit: Unit) -> None:
    axes.plot(
        years,
        [_scaled(v, unit) for v in figure.baseline],
        color=colour,
        linestyle="--",
        linewidth=1.2,
        marker="o",
        markersize=3,
        label=f"{label} basis",
    )
    axes.plot(
        years,
        [_scaled(v, unit) for v in figure.scenario],
        color=colour,
        linewidth=1.8,
        marker="o",
        markersize=3.5,
        label=f"{label} scenario",
    )


def draw_multi_year(path: Path, outcome: Outcome, source_line: str, unit: Unit) -> None:
    figure = _new_figure(MULTI_YEAR_SIZE_IN)
    left, right = figure.subplots(1, 2, gridspec_kw={"width_ratios": [1.35, 1]})
    years = list(outcome.years)
    o = outcome.overview
    _lines(left, years, o.geraamd_resultaat, "Geraamd resultaat", SERIES_COLOURS[0], unit)
    _lines(left, years, o.structureel_saldo, "Structureel saldo", SERIES_COLOURS[1], unit)
    left.set_title("Geraamd resultaat en structureel saldo", fontsize=8, loc="left")
    left.legend(fontsize=6, frameon=False, loc="best")
    ar = outcome.algemene_reserve
    if ar is not None:
        _lines(right, years, ar.closing, "Algemene reserve", SERIES_COLOURS[2], unit)
        right.set_title("Algemene reserve 31 december", fontsize=8, loc="left")
        right.legend(fontsize=6, frameon=False, loc="best")
    else:
        right.set_axis_off()
    for axes in (left, right):
        axes.set_xticks(years, [str(y) for y in years])
    _style_axes(left)
    _style_axes(right, zero_line=False)  # a reserve of tens of millions: show its course, not the distance to 0
    left.set_ylabel(unit.legend, fontsize=7)
    title = f"{plot_text(outcome.scenario_name)}: meerjarig beeld {years[0]}-{years[-1]}"
    figure.suptitle(textwrap.fill(title, TITLE_CHARS), fontsize=10, x=0.0, ha="left")
    _source(figure, source_line, unit)
    _save(figure, path)


def draw_comparison(
    path: Path, outcomes: Sequence[Outcome], names: Sequence[str], specs: Sequence[Any], source_line: str, unit: Unit
) -> None:
    """One panel per figure: the basis dashed, each scenario a line."""
    from hengelo_scenario.report.tables import Kind

    specs = [s for s in specs if s.get(outcomes[0]) is not None]
    n_cols = 1 if len(specs) == 1 else 2
    n_rows = (len(specs) + n_cols - 1) // n_cols
    figure = _new_figure((WIDTH_IN, COMPARISON_PANEL_HEIGHT_IN * n_rows + 0.6))
    # A thin first row holds the legend, so it covers no line and no title.
    grid = figure.add_gridspec(n_rows + 1, n_cols, height_ratios=[LEGEND_ROW_RATIO] + [1] * n_rows)
    legend_axes = figure.add_subplot(grid[0, :])
    legend_axes.set_axis_off()
    years = list(outcomes[0].years)
    for k, spec in enumerate(specs):
        axes = figure.add_subplot(grid[1 + k // n_cols, k % n_cols])
        money = spec.kind is Kind.MONEY

        def value(v: Decimal, money: bool = money, percent: bool = spec.kind is Kind.PERCENT) -> float:
            if v.is_nan():
                return float("nan")
            return _scaled(v, unit) if money else float(v * 100 if percent else v)

        base = spec.get(outcomes[0])
        axes.plot(years, [value(v) for v in base.baseline], color=BASIS_COLOUR, linestyle="--", linewidth=1.2,
                  marker="o", markersize=3, label="Basis (begroting)")  # fmt: skip
        for i, (name, outcome) in enumerate(zip(names, outcomes, strict=True)):
            fig = spec.get(outcome)
            axes.plot(years, [value(v) for v in fig.scenario], color=SERIES_COLOURS[i % len(SERIES_COLOURS)],
                      linewidth=1.6, marker="o", markersize=3, label=textwrap.shorten(plot_text(name), 45))  # fmt: skip
        axes.set_title(spec.label, fontsize=8, loc="left")
        axes.set_xticks(years, [str(y) for y in years])
        _style_axes(axes, zero_line=spec.key in SALDI)
        if not money:
            from matplotlib.ticker import FuncFormatter

            suffix = "%" if spec.kind is Kind.PERCENT else ""
            axes.yaxis.set_major_formatter(FuncFormatter(lambda x, _pos, s=suffix: _tick(x, 2) + s))
        if k == 0:
            handles, labels = axes.get_legend_handles_labels()
    legend_axes.legend(handles, labels, loc="center", ncols=min(len(labels), 3), fontsize=7, frameon=False)
    figure.suptitle("Vergelijking van scenario's", fontsize=10, x=0.0, ha="left")
    _source(figure, source_line, unit)
    _save(figure, path)
