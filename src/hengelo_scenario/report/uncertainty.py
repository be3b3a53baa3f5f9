"""Sweep, tornado, simulation and risk-register results as tables in Dutch, their exports and their charts.

Only selects, labels and formats: the numbers come from `uncertainty`. The float path's values are euros with
cents (it agrees with the exact engine to the cent), so they are shown as such. Exports by extension: .csv (the
tidy CSV of `run`, same columns and dialects), .xlsx (one sheet per table, plus a sheet Bron), .png (the chart).
Every file is written atomically.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from hengelo_scenario.money import CENT, format_percentage, round_half_away
from hengelo_scenario.outcome.figures import FIGURES, Kind
from hengelo_scenario.records import Record
from hengelo_scenario.report import numbers
from hengelo_scenario.report.numbers import Unit

if TYPE_CHECKING:
    from hengelo_scenario.report.export.base import CsvDialect
from hengelo_scenario.report.tables import Row, Table
from hengelo_scenario.text import plot_text

__all__ = [
    "EXPORT_FORMATS",
    "lever_value_text",
    "risk_tables",
    "simulation_json",
    "simulation_tables",
    "sweep_table",
    "tornado_table",
    "write_exports",
]

EXPORT_FORMATS = (".csv", ".xlsx", ".png")
FIGURE_LABELS = {key: spec.label for key, spec in FIGURES.items()}
PROBABILITY_LABELS = {
    "tekort": "Kans op structureel tekort (structureel saldo < 0)",
    "reserve": "Kans algemene reserve onder de ondergrens",
    "ratio": "Kans weerstandsratio onder 1,0",
}


def money(value: float) -> Decimal:
    """A float euro amount as Decimal cents (the float path's precision)."""
    return round_half_away(Decimal(repr(float(value))), CENT)


def share(value: float) -> Decimal:
    return Decimal(repr(float(value)))


def lever_value_text(value: Decimal, percent: bool) -> str:
    if percent:
        text = format_percentage(value).replace(".", ",")
        return text if text.startswith("-") or value == 0 else "+" + text
    return numbers.dutch_number(value)


class Meta(Record, frozen=True):
    """What the Bron sheet and the chart's source line say."""

    command: str
    scenario: str
    scenario_source: str
    baseline_source: str
    lines: tuple[tuple[str, str], ...] = ()


# --- tables ------------------------------------------------------------------------------------------------------


def sweep_table(result, unit_label: str = "") -> Table:
    """Rows: the first lever's values; columns: the second lever's (or one column for a single lever)."""
    first = result.axes[0]
    label = FIGURE_LABELS.get(result.figure, result.figure)
    if len(result.axes) == 1:
        rows = tuple(
            Row((lever_value_text(v, first.ref.kind.percent),), (money(result.values[i]),))
            for i, v in enumerate(first.values)
        )
        headers: tuple[str, ...] = (f"{label} {result.year}",)
        second_label = ""
        title = f"{label} {result.year} bij wisselende {first.ref.label.lower()}"
    else:
        second = result.axes[1]
        headers = tuple(lever_value_text(v, second.ref.kind.percent) for v in second.values)
        rows = tuple(
            Row((lever_value_text(v, first.ref.kind.percent),), tuple(money(x) for x in result.values[i]))
            for i, v in enumerate(first.values)
        )
        second_label = f"; kolommen: {second.ref.label} ({second.ref.path})"
        title = f"{label} {result.year}: {first.ref.label.lower()} (regels) x {second.ref.label.lower()} (kolommen)"
    return Table(
        key="sweep",
        title=title,
        label_headers=(first.ref.label,),
        value_headers=headers,
        rows=rows,
        notes=(
            f"Regels: {first.ref.label} ({first.ref.path}){second_label}. Wijzigingen bovenop het scenario; "
            f"0% is het scenario zelf ({numbers.money(money(result.base))}).",
        ),
    )


def tornado_table(result) -> Table:
    label = FIGURE_LABELS.get(result.figure, result.figure)
    rows = tuple(
        Row((bar.label, bar.low_text, bar.high_text), (money(bar.at_low), money(bar.at_high), money(bar.swing)))
        for bar in result.bars
    )
    source = (
        "de onzekerheid uit het scenario (P5 en P95 van elke verdeling)"
        if result.source == "onzekerheid"
        else "de standaardbereiken (zie README)"
    )
    return Table(
        key="tornado",
        title=f"Tornado: {label.lower()} {result.year}, elke invoer apart van laag naar hoog",
        label_headers=("Invoer", "Laag", "Hoog"),
        value_headers=("Bij laag", "Bij hoog", "Bandbreedte"),
        rows=rows,
        notes=(f"Scenario zelf: {numbers.money(money(result.base))}. Invoer volgens {source}.",),
    )


def simulation_tables(result) -> tuple[Table, ...]:
    years = tuple(str(y) for y in result.years)
    count = numbers.dutch_number(Decimal(result.draws))
    tables = []
    for key, values in result.percentiles.items():
        rows = [
            Row((f"P{p}",), tuple(money(x) for x in values[i]), emphasis=p == 50)
            for i, p in enumerate((5, 25, 50, 75, 95))
        ]
        rows.append(Row(("Gemiddelde",), tuple(money(x) for x in result.means[key])))
        tables.append(
            Table(
                key=f"percentielen_{key}",
                title=f"{FIGURE_LABELS.get(key, key)}: percentielen over {count} trekkingen",
                label_headers=("Percentiel",),
                value_headers=years,
                rows=tuple(rows),
            )
        )
    norm = numbers.ratio(Decimal(repr(float(result.ratio_norm))))
    labels = {**PROBABILITY_LABELS, "ratio": f"Kans weerstandsratio onder {norm}"}
    prob_rows = [
        Row((labels[name],), tuple(share(x) for x in values), kind=Kind.PERCENT)
        for name, values in result.probabilities.items()
    ]
    prob_rows.append(Row(("Ondergrens algemene reserve",), tuple(money(x) for x in result.floor)))
    prob_rows.append(Row(("Benodigde weerstandscapaciteit",), tuple(money(x) for x in result.benodigd)))
    floor_text = {
        "optie": "gegeven met --floor",
        "scenario": "uit reserve_floor in het scenario",
        "50% benodigd": "50% van de benodigde weerstandscapaciteit (het werkboek noemt geen norm)",
    }[result.floor_source]
    tables.append(
        Table(
            key="kansen",
            title="Kansen per jaar",
            label_headers=("Kans",),
            value_headers=years,
            rows=tuple(prob_rows),
            notes=(f"Ondergrens: {floor_text}. Zaad (seed) {result.seed}; zelfde zaad, zelfde uitkomst.",),
        )
    )
    return tuple(tables)


def risk_tables(
    result, beschikbaar: Sequence[Decimal], years: Sequence[int], fixed: Sequence[Decimal]
) -> tuple[Table, ...]:
    from hengelo_scenario.engine.rules import quotient, weerstand_klasse
    from hengelo_scenario.report.tables import KLASSE_OMSCHRIJVING

    certainty = format_percentage(result.certainty).replace(".", ",")
    top = tuple(
        Row(
            (c.risico.naam, c.risico.programma, c.risico.aard.value, numbers.percentage(c.risico.kans)),
            (money(c.expected), money(c.contribution)),
        )
        for c in result.contributions
    )
    register = Table(
        key="risicos",
        title=f"Risico's naar bijdrage aan de benodigde weerstandscapaciteit ({certainty} zekerheid)",
        label_headers=("Risico", "Programma", "Aard", "Kans"),
        value_headers=("Verwacht", "Bijdrage"),
        rows=top,
        notes=(
            "Verwacht = kans x gemiddeld gevolg; bijdrage = aandeel in de benodigde capaciteit "
            "(gemiddeld verlies van het risico rond het percentiel, samen gelijk aan de benodigde capaciteit).",
        ),
    )
    benodigd = money(result.benodigd)
    ratio_rows = [
        Row(("Benodigd (gesimuleerd)",), tuple(benodigd for _ in years)),
        Row(("Benodigd (werkboek)",), tuple(fixed)),
        Row(("Beschikbaar",), tuple(beschikbaar)),
    ]
    ratios = [quotient(b, benodigd) for b in beschikbaar]
    ratio_rows.append(Row(("Weerstandsratio",), tuple(r if r is not None else None for r in ratios), kind=Kind.RATIO))
    ratio_rows.append(
        Row(
            ("Waardering",),
            tuple(f"{weerstand_klasse(r)} ({KLASSE_OMSCHRIJVING.get(weerstand_klasse(r), '')})" for r in ratios),
            kind=Kind.TEXT,
        )
    )
    summary = Table(
        key="weerstandsvermogen",
        title=f"Weerstandsvermogen met het gesimuleerde risicoprofiel ({certainty} zekerheid)",
        label_headers=("Onderdeel",),
        value_headers=tuple(str(y) for y in years),
        rows=tuple(ratio_rows),
        notes=(
            f"{numbers.dutch_number(Decimal(result.draws))} trekkingen, zaad {result.seed}. Verwacht verlies "
            f"{numbers.money(money(result.expected))}; van de benodigde capaciteit komt "
            f"{numbers.money(money(result.structureel))} uit structurele en "
            f"{numbers.money(money(result.incidenteel))} uit incidentele risico's (x € 1.000).",
        ),
    )
    return register, summary


def simulation_json(result, meta: Meta) -> str:
    data = {
        "command": meta.command,
        "scenario": {"name": meta.scenario, "file": meta.scenario_source},
        "baseline": meta.baseline_source,
        "draws": result.draws,
        "seed": result.seed,
        "years": list(result.years),
        "variables": list(result.variables),
        "percentiles": {
            key: {f"P{p}": [round(float(x), 2) for x in values[i]] for i, p in enumerate((5, 25, 50, 75, 95))}
            for key, values in result.percentiles.items()
        },
        "mean": {key: [round(float(x), 2) for x in v] for key, v in result.means.items()},
        "probabilities": {key: [float(x) for x in v] for key, v in result.probabilities.items()},
        "floor": [round(float(x), 2) for x in result.floor],
        "floor_source": result.floor_source,
        "benodigd": [round(float(x), 2) for x in result.benodigd],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# --- exports -----------------------------------------------------------------------------------------------------


def write_atomic(path: Path, write) -> None:
    """Whole or not at all, with the usual file mode, a failure named (as `run`'s exports do)."""
    from hengelo_scenario.report.export import _write_set

    _write_set([(path, write)])


def check_export(path: Path, allowed: Sequence[str] = EXPORT_FORMATS) -> None:
    from hengelo_scenario.report.export.base import ExportError

    suffix = path.suffix.lower()
    if suffix not in allowed:
        raise ExportError(
            str(path), f"cannot write '{path.suffix or 'no extension'}' here", "use " + ", ".join(allowed)
        )
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(str(path), f"cannot write here: the folder {folder} does not exist", "Create it first")


def _xlsx(path: Path, tables: Sequence[Table], meta: Meta) -> None:
    import xlsxwriter

    from hengelo_scenario.text import xml_text as printable

    workbook = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False, "strings_to_urls": False})
    workbook.set_properties({"created": __import__("datetime").datetime(2024, 11, 1, 12, 0, 0)})
    bold = workbook.add_format({"bold": True})
    money_fmt = workbook.add_format({"num_format": "#,##0.00"})
    pct_fmt = workbook.add_format({"num_format": "0.0%"})
    ratio_fmt = workbook.add_format({"num_format": "0.00"})
    for table in tables:
        sheet = workbook.add_worksheet(table.key[:31])
        sheet.write_string(0, 0, printable(table.title), bold)
        header = [*table.label_headers, *table.value_headers]
        for c, h in enumerate(header):
            sheet.write_string(2, c, printable(h), bold)
        for r, row in enumerate(table.rows, start=3):
            for c, label in enumerate(row.labels):
                sheet.write_string(r, c, printable(label))
            for c, value in enumerate(row.values, start=len(row.labels)):
                if value is None:
                    continue
                if isinstance(value, str):
                    sheet.write_string(r, c, printable(value))
                    continue
                fmt = pct_fmt if row.kind is Kind.PERCENT else ratio_fmt if row.kind is Kind.RATIO else money_fmt
                sheet.write_number(r, c, float(value), fmt)
        for i, note in enumerate(table.notes):
            sheet.write_string(len(table.rows) + 4 + i, 0, printable(note))
        sheet.set_column(0, 0, 48)
        sheet.set_column(1, len(header), 14)
    bron = workbook.add_worksheet("Bron")
    lines = [
        ("Opdracht", meta.command),
        ("Scenario", f"{meta.scenario} ({meta.scenario_source})"),
        ("Basis", meta.baseline_source),
        *meta.lines,
    ]
    for r, (k, v) in enumerate(lines):
        bron.write_string(r, 0, printable(k), bold)
        bron.write_string(r, 1, printable(v))
    bron.set_column(0, 0, 20)
    bron.set_column(1, 1, 100)
    workbook.close()


def write_exports(paths: Sequence[Path], tables: Sequence[Table], meta: Meta, dialect: CsvDialect, chart) -> list[Path]:
    """Write each file whole or not at all; `chart(path)` draws the PNG."""
    from hengelo_scenario.report.export import _write_set
    from hengelo_scenario.report.export.base import Document, ExportOptions
    from hengelo_scenario.report.export.csv import write_csv

    items: list[tuple[Path, Any]] = []
    for path in paths:
        suffix = path.suffix.lower()
        if suffix == ".csv":
            document = Document(
                kind="uncertainty", title=meta.scenario, tables=tuple(tables), outcomes=(), provenance=None
            )
            items.append((path, lambda tmp, d=document: write_csv(tmp, d, ExportOptions(Unit.EUROS, dialect))))
        elif suffix == ".xlsx":
            items.append((path, lambda tmp: _xlsx(tmp, tables, meta)))
        else:
            items.append((path, lambda tmp: chart(tmp)))
    return _write_set(items)  # every file of the set, or none


def write_draws(path: Path, result, figure_keys: Sequence[str]) -> None:
    """Every draw: its inputs and figures per year, as CSV (international dialect) or Parquet."""
    columns: dict[str, np.ndarray] = {"trekking": np.arange(1, result.draws + 1)}
    assert result.inputs is not None
    for i, name in enumerate(result.variables):
        columns[name] = result.inputs[:, i]
    for key in figure_keys:
        if key in result.values:
            for y, year in enumerate(result.years):
                columns[f"{key}_{year}"] = result.values[key][:, y]
    if path.suffix.lower() == ".parquet":
        from hengelo_scenario.report.export.base import ExportError

        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError:
            raise ExportError(str(path), "Parquet needs pyarrow", "pip install pyarrow, or write .csv") from None
        table = pa.table({k: pa.array(v) for k, v in columns.items()})
        write_atomic(path, lambda tmp: pq.write_table(table, tmp))
        return

    def write(tmp: Path) -> None:
        import csv

        from hengelo_scenario.report.export.base import safe_text

        with open(tmp, "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\r\n")
            writer.writerow([safe_text(k) for k in columns])
            stacked = np.column_stack([columns[k] for k in columns])
            for row in stacked:
                writer.writerow([str(int(row[0]))] + [repr(float(x)) for x in row[1:]])

    write_atomic(path, write)


# --- charts ------------------------------------------------------------------------------------------------------


def _source_line(meta: Meta) -> str:
    return f"Bron: {meta.command}; scenario {meta.scenario_source}; basis {meta.baseline_source}"  # _source escapes


def heatmap(path: Path, result, meta: Meta) -> None:
    from hengelo_scenario.report.export import charts

    figure = charts._new_figure((charts.WIDTH_IN, 4.6))
    axes = figure.add_subplot()
    values = np.atleast_2d(result.values) / 1000.0
    if len(result.axes) == 1:
        values = values.T
    from matplotlib.colors import TwoSlopeNorm

    vmax = max(abs(float(values.min())), abs(float(values.max())), 1.0)
    image = axes.imshow(values, cmap="RdYlGn", norm=TwoSlopeNorm(0.0, -vmax, vmax), aspect="auto", origin="lower")
    first = result.axes[0]
    axes.set_yticks(
        range(len(first.values)), [lever_value_text(v, first.ref.kind.percent) for v in first.values], fontsize=6
    )
    axes.set_ylabel(textwrap.shorten(first.ref.label, 50), fontsize=7)
    if len(result.axes) == 2:
        second = result.axes[1]
        axes.set_xticks(
            range(len(second.values)),
            [lever_value_text(v, second.ref.kind.percent) for v in second.values],
            fontsize=6,
            rotation=90,
        )
        axes.set_xlabel(textwrap.shorten(second.ref.label, 50), fontsize=7)
        structureel = np.atleast_2d(result.structureel)
        if structureel.min() < 0 <= structureel.max():
            axes.contour(structureel, levels=[0.0], colors="black", linewidths=1.4)
    else:
        axes.set_xticks([])
    bar = figure.colorbar(image, ax=axes, shrink=0.9)
    bar.ax.tick_params(labelsize=6)
    bar.ax.yaxis.set_major_formatter(charts._axis_formatter())
    label = FIGURE_LABELS.get(result.figure, result.figure)
    title = (
        f"{plot_text(meta.scenario)}: {label.lower()} {result.year} (x € 1.000); "
        "zwarte lijn: grens structureel evenwicht"
    )
    axes.set_title(textwrap.fill(title, charts.TITLE_CHARS), fontsize=9, loc="left")
    charts._source(figure, _source_line(meta), Unit.THOUSANDS)
    charts._save(figure, path)


def tornado_chart(path: Path, result, meta: Meta) -> None:
    from hengelo_scenario.report.export import charts

    bars = list(reversed(result.bars))
    figure = charts._new_figure((charts.WIDTH_IN, 1.2 + 0.32 * len(bars)))
    axes = figure.add_subplot()
    base = result.base / 1000.0
    for i, bar in enumerate(bars):
        lo, hi = bar.at_low / 1000.0, bar.at_high / 1000.0
        for end, colour in ((lo, charts.BASIS_COLOUR), (hi, charts.SCENARIO_COLOUR)):
            axes.barh(i, end - base, left=base, color=colour, height=0.6)
    axes.axvline(base, color="#404040", linewidth=0.8)
    axes.set_yticks(
        range(len(bars)),
        [plot_text(textwrap.shorten(b.label, 48)) + "\n" + plot_text(f"{b.low_text} / {b.high_text}") for b in bars],
        fontsize=6,
    )
    axes.xaxis.set_major_formatter(charts._axis_formatter())
    axes.tick_params(labelsize=7)
    axes.grid(axis="x", color="#D9D9D9", linewidth=0.6)
    axes.set_axisbelow(True)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    from matplotlib.patches import Patch

    axes.legend(
        handles=[
            Patch(color=charts.BASIS_COLOUR, label="bij laag"),
            Patch(color=charts.SCENARIO_COLOUR, label="bij hoog"),
        ],
        fontsize=6,
        frameon=False,
        loc="lower right",
    )
    label = FIGURE_LABELS.get(result.figure, result.figure)
    title = f"{plot_text(meta.scenario)}: gevoeligheid van {label.lower()} {result.year} (x € 1.000)"
    figure.suptitle(textwrap.fill(title, charts.TITLE_CHARS), fontsize=9, x=0.0, ha="left")
    charts._source(figure, _source_line(meta), Unit.THOUSANDS)
    charts._save(figure, path)


def fan_chart(path: Path, result, meta: Meta) -> None:
    from hengelo_scenario.report.export import charts

    keys = list(result.percentiles)
    figure = charts._new_figure((charts.WIDTH_IN, 2.5 * ((len(keys) + 1) // 2) + 0.5))
    years = list(result.years)
    for k, key in enumerate(keys):
        axes = figure.add_subplot((len(keys) + 1) // 2, 2, k + 1)
        p = result.percentiles[key] / 1000.0
        colour = charts.SERIES_COLOURS[k % len(charts.SERIES_COLOURS)]
        axes.fill_between(years, p[0], p[4], color=colour, alpha=0.18, linewidth=0, label="P5-P95")
        axes.fill_between(years, p[1], p[3], color=colour, alpha=0.38, linewidth=0, label="P25-P75")
        axes.plot(years, p[2], color=colour, linewidth=1.6, marker="o", markersize=3, label="P50 (mediaan)")
        axes.set_title(FIGURE_LABELS.get(key, key), fontsize=8, loc="left")
        axes.set_xticks(years, [str(y) for y in years])
        charts._style_axes(axes, zero_line=key in charts.SALDI)
        axes.yaxis.set_major_formatter(charts._axis_formatter())
        if k == 0:
            axes.legend(fontsize=5.5, frameon=False, loc="best")
    count = numbers.dutch_number(Decimal(result.draws))
    title = f"{plot_text(meta.scenario)}: bandbreedte over {count} trekkingen (x € 1.000)"
    figure.suptitle(textwrap.fill(title, charts.TITLE_CHARS), fontsize=9, x=0.0, ha="left")
    charts._source(figure, _source_line(meta), Unit.THOUSANDS)
    charts._save(figure, path)
