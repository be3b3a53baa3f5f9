"""The export options `run` and `compare` share (--export, --csv-dialect, --chart, --chart-year), defined once.

The files are checked before any work is done (a known extension, an existing folder), so a typo in
`--export memo.xslx` costs nothing; the writing itself lives in `report.export`, imported only when asked for.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from hengelo_scenario.report.export import Document, ExportOptions
    from hengelo_scenario.report.numbers import Unit

ExportOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--export",
        "-e",
        help="Also write the outcome to FILE: .xlsx (formatted workbook with charts and provenance), .csv (one "
        "tidy table), .png (memo charts) or .docx (the Financiële gevolgen paragraph for a raadsvoorstel). "
        "Repeatable: --export memo.xlsx --export memo.docx.",
        dir_okay=False,
        show_default=False,
    ),
]
CsvDialectOption = Annotated[
    str,
    typer.Option(
        "--csv-dialect",
        help="CSV dialect: 'nl' (semicolons, decimal comma, UTF-8 with BOM: opens directly in Dutch Excel) or "
        "'int' (commas, decimal point, no BOM).",
        case_sensitive=False,
    ),
]
ChartOption = Annotated[
    Path | None,
    typer.Option(
        "--chart",
        help="Write memo charts as PNG beside FILE.png: FILE-brug.png (bridge from basis to scenario) and "
        "FILE-meerjarig.png (multi-year lines); for compare, FILE-vergelijking.png.",
        dir_okay=False,
        show_default=False,
    ),
]
ChartYearOption = Annotated[
    int | None,
    typer.Option("--chart-year", help="Year of the bridge chart. Default: the last year.", show_default=False),
]


def parse_dialect(text: str):
    from hengelo_scenario.report.export.base import CsvDialect

    for dialect in CsvDialect:
        if text.lower() == dialect.value:
            return dialect
    raise typer.BadParameter(f"expected 'nl' or 'int', found '{text}'", param_hint="--csv-dialect")


def planned_exports(exports: list[Path] | None, chart: Path | None) -> list[Path]:
    """Every file to write, checked now: a known extension (.png for --chart) and a folder that exists."""
    if not exports and chart is None:
        return []  # the export machinery is imported only when an export is asked for
    from hengelo_scenario.report.export import ExportError, export_format

    targets = list(exports or [])
    if chart is not None:
        if chart.suffix.lower() != ".png":
            raise ExportError(str(chart), "--chart writes PNG files", "Name it FILE.png")
        targets.append(chart)
    for path in targets:
        export_format(path)
        folder = path.parent if str(path.parent) else Path(".")
        if not folder.is_dir():
            raise ExportError(str(path), f"cannot write here: the folder {folder} does not exist", "Create it first")
    return targets


def export_options(unit: Unit, csv_dialect: str, chart_year: int | None) -> ExportOptions:
    from hengelo_scenario.report.export import ExportOptions

    return ExportOptions(unit=unit, csv_dialect=parse_dialect(csv_dialect), chart_year=chart_year)


def command_line() -> str:
    """The command as typed, for the provenance: `hengelo-scenario run jeugd_hoog.yaml --export memo.xlsx`."""
    import shlex
    import sys

    return shlex.join(["hengelo-scenario", *sys.argv[1:]])


def write_exports(targets: list[Path], document: Document, options: ExportOptions) -> None:
    """Write each export and say where it went (on stderr, so `--format json` output stays clean)."""
    from hengelo_scenario.cli.output import stderr
    from hengelo_scenario.report.export import write_document

    console = stderr()
    for target in targets:
        for written in write_document(target, document, options):
            console.print(f"Geschreven: {written}", markup=False, highlight=False, soft_wrap=True)
