"""`hengelo-scenario compare`: several scenarios side by side, each against the same baseline."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from hengelo_scenario.cli.common import (
    BaselineOption,
    FormatOption,
    UnitOption,
    check_format,
    parse_unit,
    workspace,
)
from hengelo_scenario.cli.export_options import (
    ChartOption,
    CsvDialectOption,
    ExportOption,
    export_options,
    planned_exports,
    refuse_inputs,
)

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
        typer.Argument(
            help="Scenario files or bare names (the working folder, ./scenarios/ or the workspace's scenario folder, "
            "then the shipped ones), one or more."
        ),
    ],
    baseline: BaselineOption = None,
    figure: FigureOption = None,
    unit: UnitOption = None,
    output_format: FormatOption = "table",  # type: ignore[assignment]
    export: ExportOption = None,
    csv_dialect: CsvDialectOption = None,
    chart: ChartOption = None,
) -> None:
    """Compare scenarios side by side: chosen figures per year, each scenario against the baseline.

    Example: hengelo-scenario compare basis.yaml jeugd_hoog.yaml jeugd_laag.yaml
    """
    space = workspace()
    chosen_unit = parse_unit(unit, space)
    check_format(output_format)
    specs = _figures(figure)
    targets = planned_exports(export, chart, "compare")
    options = export_options(chosen_unit, csv_dialect, None, space) if targets else None
    from hengelo_scenario.cli.common import record_input, record_inputs
    from hengelo_scenario.cli.output import LoadProgress
    from hengelo_scenario.workspace import evaluate

    evaluated = evaluate(scenarios, baseline=baseline, workspace=space, one_baseline=True, progress=LoadProgress())
    for each in evaluated:
        record_inputs(each.file)
        record_input(each.choice.path)
    baseline_data = evaluated[0].baseline
    resolved = [e.scenario for e in evaluated]
    refuse_inputs(targets, "compare")
    outcomes = [e.outcome for e in evaluated]
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
        assert options is not None  # built with the targets
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


def _print_comparison(outcomes, scenarios, baseline, specs, unit) -> None:
    from hengelo_scenario.cli import rich_tables as rich_report
    from hengelo_scenario.cli.output import report_console
    from hengelo_scenario.report.comparison import comparison_table

    console = report_console()
    lines = [("Basis", baseline.source)]
    for scenario in scenarios:
        lines.append(("Scenario", f"{scenario.name} ({scenario.source})" if scenario.source else scenario.name))
    rich_report.print_header(console, "hengelo-scenario compare", lines)
    console.print()
    rich_report.print_tables(console, (comparison_table(outcomes, specs),), unit)
