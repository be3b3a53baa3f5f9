"""The export options `run` and `compare` share (--export, --csv-dialect, --chart, --chart-year), defined once.

The files are checked before any work is done (a known extension, an existing folder, no file named twice), so a
typo in `--export memo.xslx` costs nothing; once the inputs are read, no export may be one of them (the baseline
workbook, a scenario file or anything it extends). The writing itself lives in `report.export`, imported only when
asked for, and writes all exports of a run all or nothing.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from hengelo_scenario.cli.common import DialectChoice

if TYPE_CHECKING:
    from hengelo_scenario.report.export import Document, ExportOptions
    from hengelo_scenario.report.numbers import Unit
    from hengelo_scenario.workspace import Workspace

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
    DialectChoice | None,
    typer.Option(
        "--csv-dialect",
        help="CSV dialect: 'nl' (semicolons, decimal comma, UTF-8 with BOM: opens directly in Dutch Excel) or "
        "'int' (commas, decimal point, no BOM). Default: the workspace's `csv_dialect`, else nl.",
        case_sensitive=False,
        show_default=False,
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


def parse_dialect(choice: DialectChoice | str | None, space: Workspace | None = None):
    """The export's CsvDialect for --csv-dialect, or for the workspace's default when it is not given."""
    from hengelo_scenario.report.export.base import CsvDialect

    if choice is None:
        choice = space.csv_dialect if space is not None else DialectChoice.nl
    for dialect in CsvDialect:
        if str(choice).lower() == dialect.value:
            return dialect
    raise typer.BadParameter(f"expected 'nl' or 'int', found '{choice}'", param_hint="--csv-dialect")


def _output_files(path: Path, kind: str) -> list[Path]:
    """The files one export target becomes: a .png is a pair for `run` (FILE-brug.png, FILE-meerjarig.png)."""
    if path.suffix.lower() == ".png" and kind in ("run", "compare"):
        from hengelo_scenario.report.export.charts import chart_paths

        return chart_paths(path, kind)
    return [path]  # the range commands write a PNG under the name given


def planned_exports(exports: list[Path] | None, chart: Path | None, kind: str = "run") -> list[Path]:
    """Every file to write, checked now: a known extension (.png for --chart), a folder that exists, each once."""
    if not exports and chart is None:
        return []  # the export machinery is imported only when an export is asked for
    from hengelo_scenario.atomic import describe_os_error
    from hengelo_scenario.report.export import ExportError, export_format

    targets = list(exports or [])
    if chart is not None:
        if chart.suffix.lower() != ".png":
            raise ExportError(str(chart), "--chart writes PNG files", "Name it FILE.png")
        targets.append(chart)
    seen: dict[Path, Path] = {}
    for path in targets:
        export_format(path)
        folder = path.parent if str(path.parent) else Path(".")
        if not folder.is_dir():
            import errno

            error = describe_os_error(OSError(errno.ENOENT, "missing"), path)
            raise ExportError(str(path), error.reason, error.hint[:1].upper() + error.hint[1:])
        for output in _output_files(path, kind):
            key = Path(os.path.abspath(output))
            if key in seen:
                raise ExportError(
                    str(path),
                    f"the file {output} is written twice (also by {seen[key]})",
                    "Name each export once",
                )
            seen[key] = path
    return targets


def _same_file(a: Path, b: Path) -> bool:
    try:
        if a.resolve() == b.resolve():
            return True
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def refuse_inputs(targets: list[Path], kind: str, inputs: tuple[Path, ...] | None = None) -> None:
    """No export may replace a file this run reads: the baseline workbook or any scenario file of the chain."""
    from hengelo_scenario.cli.common import run_inputs

    read = run_inputs() if inputs is None else inputs
    for path in targets:
        for output in _output_files(path, kind):
            for source in read:
                if _same_file(output, source):
                    from hengelo_scenario.report.export import ExportError

                    raise ExportError(
                        str(output),
                        f"this is an input of this run ({source}); an export never replaces an input",
                        "Choose another name for the export",
                    )


def export_options(
    unit: Unit, csv_dialect: DialectChoice | str | None, chart_year: int | None, space: Workspace | None = None
) -> ExportOptions:
    from hengelo_scenario.report.export import ExportOptions

    return ExportOptions(unit=unit, csv_dialect=parse_dialect(csv_dialect, space), chart_year=chart_year)


def command_line() -> str:
    """The command as typed, for the provenance: `hengelo-scenario run jeugd_hoog.yaml --export memo.xlsx`."""
    import shlex
    import sys

    return shlex.join(["hengelo-scenario", *sys.argv[1:]])


def write_exports(targets: list[Path], document: Document, options: ExportOptions) -> None:
    """Write every export, all or nothing, and say where each went (on stderr, so `--format json` stays clean)."""
    from hengelo_scenario.cli.output import stderr
    from hengelo_scenario.report.export import write_documents
    from hengelo_scenario.text import visible

    refuse_inputs(targets, document.kind)
    console = stderr()
    for written in write_documents(targets, document, options):
        console.print(f"Geschreven: {visible(str(written))}", markup=False, highlight=False, soft_wrap=True)
