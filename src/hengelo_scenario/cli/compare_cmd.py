"""`hengelo-scenario compare`: several scenarios side by side, each against the same baseline."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from hengelo_scenario.cli.common import BaselineOption, FormatOption, UnitOption, check_format, parse_unit
from hengelo_scenario.cli.export_options import (
    ChartOption,
    CsvDialectOption,
    ExportOption,
    export_options,
    planned_exports,
    refuse_inputs,
)

if TYPE_CHECKING:
    from hengelo_scenario.baseline.model import Baseline
    from hengelo_scenario.scenario.model import Scenario

FigureOption = Annotated[
    list[str] | None,
    typer.Option(
        "--figure",
        help="A figure to compare; repeatable. Default: geraamd_resultaat, structureel_saldo, algemene_reserve, "
        "jeugdhulp. Also: saldo_baten_lasten, lasten, baten, toevoegingen, onttrekkingen, "
        "structurele_exploitatieruimte, weerstand_beschikbaar, weerstandsratio.",
        show_default=False,
    ),
]


def compare(
    scenarios: Annotated[
        list[str],
        typer.Argument(help="Scenario files or bare names (./scenarios/, then the shipped ones), one or more."),
    ],
    baseline: BaselineOption = None,
    figure: FigureOption = None,
    unit: UnitOption = "duizend",
    output_format: FormatOption = "table",
    export: ExportOption = None,
    csv_dialect: CsvDialectOption = "nl",
    chart: ChartOption = None,
) -> None:
    """Compare scenarios side by side: chosen figures per year, each scenario against the baseline.

    Example: hengelo-scenario compare basis.yaml jeugd_hoog.yaml jeugd_laag.yaml
    """
    chosen_unit = parse_unit(unit)
    check_format(output_format)
    specs = _figures(figure)
    options = export_options(chosen_unit, csv_dialect, None)
    targets = planned_exports(export, chart, "compare")
    from hengelo_scenario.engine import run as run_engine

    baseline_data, resolved = load_scenarios(scenarios, baseline)
    refuse_inputs(targets, "compare")
    outcomes = [run_engine(baseline_data, s) for s in resolved]
    if output_format == "json":
        import json

        from hengelo_scenario.report.comparison import comparison_dict

        data = comparison_dict(outcomes, specs)
        data["baseline"]["sha256"] = baseline_data.sha256
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        _print_comparison(outcomes, resolved, baseline_data, specs, chosen_unit)
    if targets:
        from hengelo_scenario.cli.export_options import command_line, write_exports
        from hengelo_scenario.report.export import compare_document

        document = compare_document(outcomes, resolved, baseline_data, specs, command=command_line())
        write_exports(targets, document, options)


def _figures(names: list[str] | None):
    from hengelo_scenario.report.comparison import DEFAULT_FIGURES, figure_spec

    specs = []
    for name in names or DEFAULT_FIGURES:
        try:
            spec = figure_spec(name)
        except KeyError as error:
            raise typer.BadParameter(error.args[0], param_hint="--figure") from None
        if spec not in specs:
            specs.append(spec)
    return specs


def load_scenarios(names: list[str], baseline_option: Path | None) -> tuple[Baseline, list[Scenario]]:
    """Every scenario, resolved against one baseline workbook, loaded once.

    The workbook is --baseline, else each scenario's own `baseline:` (else the shipped one); scenarios that name
    different workbooks cannot be compared, and the error says which.
    """
    from hengelo_scenario.cli.common import load_baseline_file, record_inputs
    from hengelo_scenario.errors import Problem, ScenarioError
    from hengelo_scenario.resources import shipped_baseline
    from hengelo_scenario.scenario.loader import find_scenario, load_scenario_file
    from hengelo_scenario.scenario.resolve import resolve

    files = [load_scenario_file(find_scenario(name, Path.cwd())) for name in names]
    for scenario_file in files:
        record_inputs(scenario_file)
    chosen = [baseline_option or f.baseline or shipped_baseline() for f in files]
    first = chosen[0]
    different = [
        (f, path) for f, path in zip(files, chosen, strict=True) if Path(path).resolve() != Path(first).resolve()
    ]
    if different:
        raise ScenarioError(
            [
                Problem(
                    f.path,
                    "(baseline)",
                    "baseline",
                    f"the baseline workbook of the other scenarios ({first}): compare runs them all on one",
                    str(path),
                    "give --baseline FILE.xlsx to compare them on one workbook",
                )
                for f, path in different
            ]
        )
    baseline = load_baseline_file(first)
    return baseline, [resolve(f, baseline) for f in files]


def _print_comparison(outcomes, scenarios, baseline, specs, unit) -> None:
    from hengelo_scenario.cli import rich_tables as rich_report
    from hengelo_scenario.cli.output import stdout
    from hengelo_scenario.report.comparison import comparison_table

    console = stdout()
    lines = [("Basis", baseline.source)]
    for scenario in scenarios:
        lines.append(("Scenario", f"{scenario.name} ({scenario.source})" if scenario.source else scenario.name))
    console.print(rich_report.header("hengelo-scenario compare", lines))
    console.print()
    rich_report.print_tables(console, (comparison_table(outcomes, specs),), unit)
