"""`hengelo-scenario tornado`: each uncertain input from low to high on its own, sorted by its effect."""

from __future__ import annotations

import sys

from hengelo_scenario.cli.common import BaselineOption, FormatOption, check_format
from hengelo_scenario.cli.export_options import CsvDialectOption
from hengelo_scenario.cli.simulate_cmd import (
    ExportsOption,
    FigureKeyOption,
    ScenarioArgument,
    YearOption,
    check_exports,
    figure_key,
    load,
    meta,
    print_header,
    print_tables,
    write,
    year_of,
)


def tornado(
    scenario: ScenarioArgument,
    figure: FigureKeyOption = "structureel_saldo",
    year: YearOption = None,
    baseline: BaselineOption = None,
    output_format: FormatOption = "table",  # type: ignore[assignment]  # a FormatChoice member; typer converts
    export: ExportsOption = None,
    csv_dialect: CsvDialectOption = "nl",  # type: ignore[assignment]
) -> None:
    """Move each uncertain input from its low to its high value on its own; the widest swing first.

    Inputs: the scenario's `uncertainty:` block (each distribution's P5 and P95), else the documented default
    ranges. Example: hengelo-scenario tornado jeugd_hoog.yaml --export tornado.png
    """
    check_format(output_format)
    key = figure_key(figure)
    targets = check_exports(export)
    import typer

    from hengelo_scenario.report import uncertainty as report
    from hengelo_scenario.uncertainty.resolve import resolve_uncertainty
    from hengelo_scenario.uncertainty.sensitivity import SensitivityError
    from hengelo_scenario.uncertainty.sensitivity import tornado as run_tornado

    scenario_file, baseline_data, scenario_data = load(scenario, baseline)
    chosen_year = year_of(baseline_data, year)
    spec = resolve_uncertainty(scenario_file, baseline_data, scenario_data)
    has_block = getattr(scenario_file.model, "uncertainty", None) is not None
    try:
        result = run_tornado(baseline_data, scenario_data, spec if has_block else None, key, chosen_year)
    except SensitivityError as error:
        raise typer.BadParameter(str(error), param_hint="SCENARIO") from None
    table = report.tornado_table(result)
    info = meta(scenario_data, baseline_data, ("Figuur", f"{key} {chosen_year}"))
    if output_format == "json":
        import json

        data = {
            "figure": key,
            "year": chosen_year,
            "scenario": round(result.base, 2),
            "source": result.source,
            "bars": [
                {
                    "input": b.label,
                    "low": b.low_text,
                    "high": b.high_text,
                    "at_low": round(b.at_low, 2),
                    "at_high": round(b.at_high, 2),
                }
                for b in result.bars
            ],
        }
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        print_header("hengelo-scenario tornado", scenario_data, baseline_data, *info.lines)
        print_tables([table], "duizend")
    if targets:
        write(targets, [table], info, str(csv_dialect or "nl"), lambda path: report.tornado_chart(path, result, info))
