"""PNG charts for memos, drawn with matplotlib's Agg canvas (headless; imported only when a chart is asked for).

`run` writes two files beside the name it is given: FILE-brug.png, the bridge (waterfall) from the baseline's
geraamd resultaat to the scenario's for one year, built from the scenario's bookings; and FILE-meerjarig.png, the
multi-year lines of geraamd resultaat, structureel saldo and algemene reserve, basis against scenario. `compare`
writes FILE-vergelijking.png: one panel per compared figure, a line per scenario and the basis.

Honest by construction, and tested on the Figure objects (`*_figure` functions return them):
- every value axis includes zero: a reserve of €57,8 million that moves €0,2 million is drawn as the small change
  it is, not as a cliff; the value and the difference are written beside the line instead;
- basis and scenario stay distinguishable where they coincide: the basis is grey, dashed, with hollow markers,
  and drawn on top of the solid, coloured scenario line;
- one legend entry per series: a compared scenario that changes nothing (the basis itself) is merged into the
  basis line ("Basis (begroting) = Basis") instead of being listed and drawn twice;
- colours mean the same everywhere, also in the Excel charts (which import this palette): grey is the basis,
  dark blue the scenario, green voordelig, red nadelig and red nothing else;
- bars carry data labels; lines carry direct labels at their last year, spread apart so none covers another,
  which keeps the comparison readable with eight scenarios (one column of wide panels beyond four series).

Each chart is 1280 pixels wide (16 cm at 200 dpi: the text width of an A4 memo), with a title naming the
scenario, Dutch number formats on the axes (1.234; x € 1.000), the unit on every panel, and a source line naming
the scenario and baseline files. Output is byte-identical for the same inputs (no timestamp or software version).
Names from scenario files go through `text.plot_text`, so a `$` is never read as mathtext.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from hengelo_scenario.outcome.model import Outcome
from hengelo_scenario.report import numbers
from hengelo_scenario.report.numbers import Unit
from hengelo_scenario.text import plot_text

DPI = 200
WIDTH_IN = 6.4  # 1280 px
BRIDGE_SIZE_IN = (WIDTH_IN, 3.6)  # 1280 x 720 px
MULTI_YEAR_SIZE_IN = (WIDTH_IN, 3.6)
COMPARISON_PANEL_HEIGHT_IN = 2.6
COMPARISON_WIDE_PANEL_HEIGHT_IN = 2.3
LEGEND_ROW_IN = 0.42
TITLE_CHARS = 75  # what fits across 1280 px at 10 pt
SOURCE_LINE_CHARS = 120  # what fits across 1280 px at 6,5 pt
MAX_BRIDGE_STEPS = 8  # more measures than this: the smallest are combined into "Overige maatregelen"
TWO_COLUMNS_UP_TO = 4  # series per panel; more, and the panels take the full width for their direct labels
LABEL_POINTS = 6.0

# One palette for PNG and Excel. Grey: basis; dark blue: the scenario; green: voordelig; red: nadelig only.
BASIS_COLOUR, SCENARIO_COLOUR = "#7F7F7F", "#1F4E79"
V_COLOUR, N_COLOUR = "#2E7D32", "#C62828"
# Compared scenarios: no red and no green (they mean V and N), told apart by colour and marker.
SERIES_COLOURS = ("#1F4E79", "#00838F", "#7030A0", "#BF8F00", "#5B9BD5", "#8C6D31", "#003F5C", "#B07AA1")
SERIES_MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")
BASIS_DASHES = (0, (4, 2))
BASIS_ZORDER, SCENARIO_ZORDER = 4, 3  # the dashed basis on top, so it shows where the lines coincide

SALDI = ("geraamd_resultaat", "structureel_saldo", "saldo_baten_lasten")  # charted against a line at 0
BASIS_LABEL = "Basis (begroting)"

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
    steps = [(label, e.resultaat[y]) for label, e in outcome.measure_effects if e.resultaat[y] != 0]
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


def _axis_formatter(decimals: int = 0, suffix: str = "") -> Any:
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda x, _pos: _tick(x, decimals) + suffix)


def _new_figure(size: tuple[float, float]) -> Any:
    from matplotlib.figure import Figure as MplFigure

    figure = MplFigure(figsize=size, dpi=DPI, layout="constrained")
    figure.get_layout_engine().set(h_pad=0.06, w_pad=0.06)  # type: ignore[union-attr, call-arg]
    return figure


def _style_axes(axes: Any, zero_line: bool = True) -> None:
    axes.tick_params(labelsize=7)
    axes.grid(axis="y", color="#D9D9D9", linewidth=0.6)
    axes.set_axisbelow(True)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    if zero_line:
        axes.axhline(0, color="#404040", linewidth=0.8, zorder=1)


def _from_zero(axes: Any, values: Sequence[float], room: float = 0.12) -> tuple[float, float]:
    """A value axis that includes zero (and a little room above and below the data); returns the limits."""
    finite = [v for v in values if v == v]  # NaN is not equal to itself
    low, high = min([0.0, *finite]), max([0.0, *finite])
    span = (high - low) or 1.0
    limits = (low - span * room if low < 0 else 0.0, high + span * room if high > 0 else 0.0)
    if limits[0] == limits[1]:
        limits = (limits[0] - 1.0, limits[1] + 1.0)
    axes.set_ylim(*limits)
    return limits


def _source(figure: Any, text: str, unit: Unit) -> None:
    legend = numbers.Unit(unit).legend
    line = f"{plot_text(text)}. {legend[0].upper()}{legend[1:]}; + = voordelig, − = nadelig."
    figure.supxlabel("\n".join(textwrap.wrap(line, SOURCE_LINE_CHARS)), fontsize=6.5, color="#555555", x=0.0, ha="left")


def _save(figure: Any, path: Path) -> None:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(figure)
    figure.savefig(path, format="png", dpi=DPI, metadata={"Software": None})


def spread(positions: Sequence[float], gap: float, high: float) -> list[float]:
    """Label positions near `positions`, each at least `gap` from the next, none above `high` where there is room."""
    order = sorted(range(len(positions)), key=lambda i: positions[i])
    placed = [positions[i] for i in order]
    for k in range(1, len(placed)):
        placed[k] = max(placed[k], placed[k - 1] + gap)
    if placed and placed[-1] > high:
        placed[-1] = high
        for k in range(len(placed) - 2, -1, -1):
            placed[k] = min(placed[k], placed[k + 1] - gap)
    result = [0.0] * len(positions)
    for k, i in enumerate(order):
        result[i] = placed[k]
    return result


def _direct_labels(axes: Any, x: float, items: list[tuple[float, str, str]], panel_height_in: float) -> None:
    """Text beside the last point of each line, spread so no label covers another: (y, text, colour)."""
    low, high = axes.get_ylim()
    gap = (high - low) * (LABEL_POINTS * 1.35 / 72) / max(panel_height_in * 0.72, 0.5)
    ys = spread([y for y, _, _ in items], gap, high)
    for (y_point, text, colour), y_label in zip(items, ys, strict=True):
        axes.annotate(
            text,
            xy=(x, y_point),
            xytext=(x + 0.18, y_label),
            textcoords="data",
            fontsize=LABEL_POINTS,
            color=colour,
            va="center",
            ha="left",
            arrowprops={"arrowstyle": "-", "color": colour, "linewidth": 0.4, "shrinkA": 0, "shrinkB": 2},
            annotation_clip=False,
        )


def bridge_figure(outcome: Outcome, year: int, source_line: str, unit: Unit) -> Any:
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
    axes.set_ylim(bottom - span * 0.1 if bottom < 0 else 0.0, top + span * 0.12)
    axes.set_xticks(x, labels, fontsize=7 if len(b.steps) <= 4 else 6.5)
    axes.yaxis.set_major_formatter(_axis_formatter())
    _style_axes(axes)
    axes.set_ylabel(unit.legend, fontsize=7)
    title = f"{plot_text(outcome.scenario_name)}: van basis naar scenario, geraamd resultaat {year}"
    axes.set_title(textwrap.fill(title, TITLE_CHARS), fontsize=10, loc="left")
    _source(figure, source_line, unit)
    return figure


def draw_bridge(path: Path, outcome: Outcome, year: int, source_line: str, unit: Unit) -> None:
    _save(bridge_figure(outcome, year, source_line, unit), path)


def _pair(
    axes: Any, years: list[int], basis: list[float], scenario: list[float], label: str, colour: str, marker: str
) -> None:
    """A scenario line (solid, coloured, filled markers) under its basis (grey, dashed, hollow markers, on top)."""
    axes.plot(years, scenario, color=colour, linewidth=2.0, marker=marker, markersize=6.5,
              label=f"{label}: scenario", zorder=SCENARIO_ZORDER)  # fmt: skip
    axes.plot(years, basis, color=BASIS_COLOUR, linestyle=BASIS_DASHES, linewidth=1.2, marker=marker,
              markersize=4.0, markerfacecolor="white", markeredgewidth=1.0, label=f"{label}: basis",
              zorder=BASIS_ZORDER)  # fmt: skip


def _end_labels(figure_values: Any, unit: Unit, colour: str) -> list[tuple[float, str, str]]:
    """The last year's scenario value with its difference (V/N), and the basis value, as direct labels."""
    b, s, effect = figure_values.baseline[-1], figure_values.scenario[-1], figure_values.effect[-1]
    scenario_text = numbers.money(s, unit) + (f" ({numbers.vn(effect, unit)})" if effect else " (gelijk)")
    return [
        (_scaled(s, unit), scenario_text, colour),
        (_scaled(b, unit), f"basis {numbers.money(b, unit)}", BASIS_COLOUR),
    ]


def multi_year_figure(outcome: Outcome, source_line: str, unit: Unit) -> Any:
    figure = _new_figure(MULTI_YEAR_SIZE_IN)
    # A thin first row holds the legend, so it covers no line and no title.
    grid = figure.add_gridspec(2, 2, width_ratios=[1.35, 1], height_ratios=[0.08, 1])
    legend_axes = figure.add_subplot(grid[0, :])
    legend_axes.set_axis_off()
    left, right = figure.add_subplot(grid[1, 0]), figure.add_subplot(grid[1, 1])
    years = list(outcome.years)
    o = outcome.overview
    panel_height = MULTI_YEAR_SIZE_IN[1] - 1.0
    saldi = ((o.geraamd_resultaat, "Geraamd resultaat", SCENARIO_COLOUR, "o"),
             (o.structureel_saldo, "Structureel saldo", SERIES_COLOURS[2], "s"))  # fmt: skip
    values: list[float] = []
    labels: list[tuple[float, str, str]] = []
    for fig, label, colour, marker in saldi:
        basis, scenario = [_scaled(v, unit) for v in fig.baseline], [_scaled(v, unit) for v in fig.scenario]
        _pair(left, years, basis, scenario, label, colour, marker)
        values += basis + scenario
        labels += _end_labels(fig, unit, colour)
    _from_zero(left, values)
    left.set_title("Geraamd resultaat en structureel saldo", fontsize=8, loc="left")
    _direct_labels(left, years[-1], labels, panel_height)
    ar = outcome.algemene_reserve
    if ar is not None:
        basis = [_scaled(v, unit) for v in ar.closing.baseline]
        scenario = [_scaled(v, unit) for v in ar.closing.scenario]
        _pair(right, years, basis, scenario, "Algemene reserve", SCENARIO_COLOUR, "o")
        _from_zero(right, basis + scenario, room=0.25)
        right.set_title("Algemene reserve 31 december", fontsize=8, loc="left")
        _direct_labels(right, years[-1], _end_labels(ar.closing, unit, SCENARIO_COLOUR), panel_height)
    else:
        right.set_axis_off()
    for axes in (left, right):
        axes.set_xticks(years, [str(y) for y in years])
        axes.set_xlim(years[0] - 0.3, years[-1] + 1.3)  # room for the direct labels
        axes.yaxis.set_major_formatter(_axis_formatter())
        axes.set_ylabel(unit.legend, fontsize=7)
    _style_axes(left)
    _style_axes(right, zero_line=False)
    handles, names = left.get_legend_handles_labels()
    legend_axes.legend(handles, names, fontsize=6, frameon=False, loc="center", ncols=4)
    title = f"{plot_text(outcome.scenario_name)}: meerjarig beeld {years[0]}-{years[-1]}"
    figure.suptitle(textwrap.fill(title, TITLE_CHARS), fontsize=10, x=0.0, ha="left")
    _source(figure, source_line, unit)
    return figure


def draw_multi_year(path: Path, outcome: Outcome, source_line: str, unit: Unit) -> None:
    _save(multi_year_figure(outcome, source_line, unit), path)


@dataclass(frozen=True)
class _Series:
    label: str
    outcome: Outcome
    colour: str
    marker: str


def comparison_series(outcomes: Sequence[Outcome], names: Sequence[str]) -> tuple[str, list[_Series]]:
    """The basis label and one series per scenario that changes something (the others are the basis itself)."""
    same = [name for name, o in zip(names, outcomes, strict=True) if not o.bookings]
    basis_label = BASIS_LABEL + (" = " + ", ".join(same) if same else "")
    series: list[Any] = []
    for name, outcome in zip(names, outcomes, strict=True):
        if outcome.bookings:
            k = len(series)
            series.append(_Series(name, outcome, SERIES_COLOURS[k % 8], SERIES_MARKERS[k % 8]))
    return basis_label, series


def comparison_figure(
    outcomes: Sequence[Outcome], names: Sequence[str], specs: Sequence[Any], source_line: str, unit: Unit
) -> Any:
    """One panel per figure: the basis dashed on top, each scenario a line, each line labelled at its end."""
    from hengelo_scenario.outcome.figures import Kind

    specs = [s for s in specs if s.get(outcomes[0]) is not None]
    basis_label, series = comparison_series(outcomes, names)
    n_cols = 1 if len(specs) == 1 or len(series) + 1 > TWO_COLUMNS_UP_TO else 2
    n_rows = (len(specs) + n_cols - 1) // n_cols
    panel_height = COMPARISON_PANEL_HEIGHT_IN if n_cols == 2 else COMPARISON_WIDE_PANEL_HEIGHT_IN
    legend_rows = (len(series) + 1 + 2) // 3
    figure = _new_figure((WIDTH_IN, panel_height * n_rows + 0.6 + LEGEND_ROW_IN * legend_rows / 2))
    # A thin first row holds the legend, so it covers no line and no title.
    legend_ratio = LEGEND_ROW_IN * legend_rows / 2 / panel_height
    grid = figure.add_gridspec(n_rows + 1, n_cols, height_ratios=[legend_ratio] + [1] * n_rows)
    legend_axes = figure.add_subplot(grid[0, :])
    legend_axes.set_axis_off()
    years = list(outcomes[0].years)
    handles: list[Any] = []
    legend_names: list[str] = []
    name_chars = 34 if n_cols == 1 else 18
    for k, spec in enumerate(specs):
        axes = figure.add_subplot(grid[1 + k // n_cols, k % n_cols])
        money = spec.kind is Kind.MONEY
        percent = spec.kind is Kind.PERCENT

        def value(v: Decimal, money: bool = money, percent: bool = percent) -> float:
            if v.is_nan():
                return float("nan")
            return _scaled(v, unit) if money else float(v * 100 if percent else v)

        def shown(v: Decimal, money: bool = money, percent: bool = percent) -> str:
            if v.is_nan():
                return "-"
            return numbers.money(v, unit) if money else numbers.percentage(v) if percent else numbers.ratio(v)

        base = spec.get(outcomes[0])
        values = [value(v) for v in base.baseline]
        labels: list[tuple[float, str, str]] = []
        for s in series:
            figure_values = spec.get(s.outcome)
            line = [value(v) for v in figure_values.scenario]
            values += line
            # earlier series a little wider, so a later one drawn over it leaves its edges in sight
            width = max(2.6 - 0.2 * series.index(s), 1.2)
            axes.plot(years, line, color=s.colour, linewidth=width, marker=s.marker, markersize=width + 2.5,
                      label=plot_text(s.label), zorder=SCENARIO_ZORDER)  # fmt: skip
            short = textwrap.shorten(plot_text(s.label), name_chars, placeholder="…")
            labels.append((line[-1], f"{short} {shown(figure_values.scenario[-1])}", s.colour))
        axes.plot(years, [value(v) for v in base.baseline], color=BASIS_COLOUR, linestyle=BASIS_DASHES,
                  linewidth=1.3, marker="o", markersize=5, markerfacecolor="white", markeredgewidth=1.0,
                  label=plot_text(basis_label), zorder=BASIS_ZORDER)  # fmt: skip
        labels.append((value(base.baseline[-1]), f"basis {shown(base.baseline[-1])}", BASIS_COLOUR))
        _from_zero(axes, values, room=0.15)
        axes.set_title(spec.label, fontsize=8, loc="left")
        axes.set_xticks(years, [str(y) for y in years])
        axes.set_xlim(years[0] - 0.3, years[-1] + (1.9 if n_cols == 1 else 1.8))
        _style_axes(axes, zero_line=spec.key in SALDI or min(values) < 0)
        if money:
            axes.yaxis.set_major_formatter(_axis_formatter())
            axes.set_ylabel(unit.legend, fontsize=6.5)
        else:
            axes.yaxis.set_major_formatter(_axis_formatter(2, "%" if percent else ""))
            axes.set_ylabel("% van de baten" if percent else "ratio", fontsize=6.5)
        _direct_labels(axes, years[-1], labels, panel_height)
        if k == 0:
            handles, legend_names = axes.get_legend_handles_labels()
    legend_axes.legend(handles, legend_names, loc="center", ncols=min(len(legend_names), 3), fontsize=7,
                       frameon=False)  # fmt: skip
    figure.suptitle("Vergelijking van scenario's", fontsize=10, x=0.0, ha="left")
    _source(figure, source_line, unit)
    return figure


def draw_comparison(
    path: Path, outcomes: Sequence[Outcome], names: Sequence[str], specs: Sequence[Any], source_line: str, unit: Unit
) -> None:
    _save(comparison_figure(outcomes, names, specs, source_line, unit), path)
