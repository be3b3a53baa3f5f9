"""Exports for council memos: Excel (.xlsx), tidy CSV (.csv), PNG charts (.png) and the Financiële gevolgen
paragraph for a raadsvoorstel in Word (.docx), chosen by the file extension.

`export(path, outcome, scenario, baseline)` writes what `run` shows; `export_comparison(...)` what `compare` shows.
Every file is written atomically (a temporary file beside the target, then one rename): an export that fails
leaves no partial file and an existing file untouched. A set of files (the PNG pair, all exports of one run, see
`write_documents`) is written all or nothing: every temporary file first, then every rename. The same inputs give
byte-identical files when SOURCE_DATE_EPOCH fixes the date. XlsxWriter, matplotlib and python-docx are imported
only when their format is asked for.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from hengelo_scenario.atomic import WriteError, write_all
from hengelo_scenario.baseline.model import Baseline
from hengelo_scenario.outcome.model import Outcome
from hengelo_scenario.report import tables as report_tables
from hengelo_scenario.report.comparison import (
    DEFAULT_FIGURES,
    FIGURES,
    FigureSpec,
    comparison_table,
    variant_names,
)
from hengelo_scenario.report.export.base import (
    CsvDialect,
    Document,
    ExportError,
    ExportOptions,
    NativeChart,
    safe_text,
)
from hengelo_scenario.report.export.provenance import Provenance, provenance
from hengelo_scenario.scenario.model import Scenario

__all__ = [
    "FORMATS",
    "CsvDialect",
    "Document",
    "ExportError",
    "ExportOptions",
    "compare_document",
    "document_files",
    "export",
    "export_comparison",
    "export_format",
    "run_document",
    "safe_text",
    "write_document",
    "write_documents",
]

FORMATS = {".xlsx": "Excel", ".csv": "CSV", ".png": "PNG", ".docx": "Word"}


def export_format(path: Path) -> str:
    """The format a path asks for, by its extension; an ExportError naming the allowed ones for anything else."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        found = f"'{Path(path).suffix}'" if Path(path).suffix else "no extension"
        raise ExportError(
            str(path),
            f"cannot export to {found}",
            "Use " + ", ".join(FORMATS) + " (the format follows from the extension)",
        )
    return suffix


def _overview_rows(table: report_tables.Table) -> dict[tuple[str, ...], int]:
    return {row.labels: i for i, row in enumerate(table.rows)}


def run_document(
    outcome: Outcome,
    scenario: Scenario,
    baseline: Baseline,
    environ: Mapping[str, str] | None = None,
    command: str = "",
) -> Document:
    """What `run` exports: its tables, the financiële gevolgen, three native charts, and the provenance."""
    tables = list(report_tables.run_tables(outcome))
    tables.insert(1, report_tables.financiele_gevolgen(outcome))
    tables.insert(2, report_tables.evenwicht(outcome))
    overzicht = tables[0]
    at = _overview_rows(overzicht)
    charts = []
    for label, chart_type in (
        ("Geraamd resultaat", "column"),
        ("Structureel saldo", "column"),
        ("Algemene reserve 31 december", "line"),
    ):
        if (label, report_tables.BASIS) in at:
            charts.append(
                NativeChart(
                    f"{label}: basis en scenario",
                    overzicht.key,
                    (("Basis", at[(label, report_tables.BASIS)]), ("Scenario", at[(label, report_tables.SCENARIO)])),
                    chart_type,
                )
            )
    return Document(
        kind="run",
        title=outcome.scenario_name,
        tables=tuple(tables),
        outcomes=(outcome,),
        provenance=provenance([scenario], baseline, environ, command),
        charts=tuple(charts),
    )


def compare_document(
    outcomes: Sequence[Outcome],
    scenarios: Sequence[Scenario],
    baseline: Baseline,
    figures: Sequence[FigureSpec] | None = None,
    environ: Mapping[str, str] | None = None,
    command: str = "",
) -> Document:
    """What `compare` exports: the comparison table, a native line chart per figure, and the provenance."""
    specs = list(figures) if figures is not None else [FIGURES[k] for k in DEFAULT_FIGURES]
    table = comparison_table(outcomes, specs)
    names = variant_names(outcomes)
    at = _overview_rows(table)
    kinds = {report_tables.Kind.RATIO: "ratio", report_tables.Kind.PERCENT: "percent"}
    charts = []
    for spec in specs:
        basis = (spec.label, "Basis (begroting)", report_tables.BASIS)
        if basis not in at:
            continue
        series = [("Basis", at[basis])] + [(name, at[(spec.label, name, "scenario")]) for name in names]
        charts.append(NativeChart(spec.label, table.key, tuple(series), "line", kinds.get(spec.kind, "money")))
    return Document(
        kind="compare",
        title=", ".join(names),
        tables=(table,),
        outcomes=tuple(outcomes),
        provenance=provenance(scenarios, baseline, environ, command),
        charts=tuple(charts),
        figure_keys=tuple(s.key for s in specs),
    )


def _file_mode() -> int:
    """The mode a new file gets from the umask (rw-r--r-- under the usual 022), not the 0600 of a temporary file."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


Writer = Callable[[Path], None]


def _with_mode(write: Writer) -> Writer:
    def write_with_mode(tmp: Path) -> None:
        write(tmp)
        os.chmod(tmp, _file_mode())

    return write_with_mode


def _write_set(items: Sequence[tuple[Path, Writer]]) -> list[Path]:
    """Write a set of files all or nothing; a file-system failure becomes an ExportError that names the file."""
    try:
        return write_all([(path, _with_mode(write)) for path, write in items])
    except WriteError as error:
        hint = error.hint[:1].upper() + error.hint[1:] if error.hint else ""
        raise ExportError(error.file, error.reason, hint) from None


def document_files(path: Path, document: Document, options: ExportOptions | None = None) -> list[tuple[Path, Writer]]:
    """The files one export of the document consists of, each with the function that writes it (nothing written)."""
    options = options or ExportOptions()
    path = Path(path)
    suffix = export_format(path)
    if suffix == ".xlsx":
        from hengelo_scenario.report.export.xlsx import write_xlsx

        return [(path, lambda tmp: write_xlsx(tmp, document, options))]
    if suffix == ".csv":
        from hengelo_scenario.report.export.csv import write_csv

        return [(path, lambda tmp: write_csv(tmp, document, options))]
    if suffix == ".docx":
        from hengelo_scenario.report.export.docx import write_docx

        return [(path, lambda tmp: write_docx(tmp, document, options))]
    return _png_files(path, document, options)


def write_document(path: Path, document: Document, options: ExportOptions | None = None) -> list[Path]:
    """Write one export of the document; returns the files written (a .png gives two for `run`, both or neither)."""
    return _write_set(document_files(path, document, options))


def write_documents(paths: Sequence[Path], document: Document, options: ExportOptions | None = None) -> list[Path]:
    """Write every export of one run, all or nothing; returns the files written."""
    items = [item for path in paths for item in document_files(path, document, options)]
    return _write_set(items)


def _png_files(path: Path, document: Document, options: ExportOptions) -> list[tuple[Path, Writer]]:
    from hengelo_scenario.report.export import charts

    source: Provenance = document.provenance  # type: ignore[assignment]
    line = source.source_line(names_only=True)
    paths = charts.chart_paths(path, document.kind)
    if document.kind == "run":
        outcome = document.outcomes[0]
        year = chart_year(outcome, options.chart_year)
        bridge_path, multi_year_path = paths
        return [
            (bridge_path, lambda tmp: charts.draw_bridge(tmp, outcome, year, line, options.unit)),
            (multi_year_path, lambda tmp: charts.draw_multi_year(tmp, outcome, line, options.unit)),
        ]
    specs = [FIGURES[k] for k in document.figure_keys]
    names = variant_names(document.outcomes)
    (comparison_path,) = paths
    return [
        (
            comparison_path,
            lambda tmp: charts.draw_comparison(tmp, document.outcomes, names, specs, line, options.unit),
        )
    ]


def chart_year(outcome: Outcome, year: int | None) -> int:
    """The bridge's year: the one asked for, else the last year of the outcome."""
    if year is None:
        return outcome.years[-1]
    if year not in outcome.years:
        years = ", ".join(str(y) for y in outcome.years)
        raise ExportError("--chart-year", f"expected one of the years {years}, found {year}")
    return year


def export(
    path: Path,
    outcome: Outcome,
    scenario: Scenario,
    baseline: Baseline,
    options: ExportOptions | None = None,
    environ: Mapping[str, str] | None = None,
) -> list[Path]:
    """Export one scenario's outcome to `path` (.xlsx, .csv or .png); returns the files written."""
    export_format(path)
    return write_document(path, run_document(outcome, scenario, baseline, environ), options)


def export_comparison(
    path: Path,
    outcomes: Sequence[Outcome],
    scenarios: Sequence[Scenario],
    baseline: Baseline,
    figures: Sequence[FigureSpec] | None = None,
    options: ExportOptions | None = None,
    environ: Mapping[str, str] | None = None,
) -> list[Path]:
    """Export a comparison of scenarios to `path` (.xlsx, .csv or .png); returns the files written."""
    export_format(path)
    return write_document(path, compare_document(outcomes, scenarios, baseline, figures, environ), options)
