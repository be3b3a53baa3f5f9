"""`hengelo-scenario sweep`: one figure over a grid of one or two levers, coloured from nadelig to voordelig."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

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
    write,
    year_of,
)

VaryOption = Annotated[
    list[str],
    typer.Option(
        "--vary",
        help="A lever and its grid: PATH=LOW..HIGH:STEP, such as jeugdhulp.price=-5%..+15%:1%. Once or twice. "
        "Values are changes on top of the scenario (0% is the scenario itself).",
        show_default=False,
    ),
]

# From nadelig (red) through neutral to voordelig (green), as background colours.
SCALE = ("#8b1a1a", "#b22222", "#d9534f", "#f0a5a0", "#f5f5f5", "#b7dfb0", "#5cb85c", "#2e8b57", "#1b5e20")


def sweep(
    scenario: ScenarioArgument,
    vary: VaryOption,
    figure: FigureKeyOption = "structureel_saldo",
    year: YearOption = None,
    baseline: BaselineOption = None,
    output_format: FormatOption = "table",  # type: ignore[assignment]  # a FormatChoice member; typer converts
    export: ExportsOption = None,
    csv_dialect: CsvDialectOption = "nl",  # type: ignore[assignment]
) -> None:
    """Evaluate a figure over a grid of one or two levers on top of the scenario.

    Example: hengelo-scenario sweep jeugd_hoog.yaml --vary jeugdhulp.price=-5%..+15%:1%
    --vary jeugdhulp.volume=-10%..+10%:1% --export heatmap.png
    """
    check_format(output_format)
    key = figure_key(figure)
    targets = check_exports(export)
    if not 1 <= len(vary) <= 2:
        raise typer.BadParameter(f"give --vary once or twice, found {len(vary)}", param_hint="--vary")
    from hengelo_scenario.report import uncertainty as report
    from hengelo_scenario.uncertainty.sensitivity import SensitivityError, parse_vary
    from hengelo_scenario.uncertainty.sensitivity import sweep as run_sweep

    _file, baseline_data, scenario_data = load(scenario, baseline)
    chosen_year = year_of(baseline_data, year)
    try:
        axes = [parse_vary(text, baseline_data, scenario_data) for text in vary]
        result = run_sweep(baseline_data, scenario_data, axes, key, chosen_year)
    except SensitivityError as error:
        raise typer.BadParameter(str(error).removeprefix("--vary: "), param_hint="--vary") from None
    table = report.sweep_table(result)
    info = meta(scenario_data, baseline_data, *((f"Variatie {i + 1}", a.ref.path) for i, a in enumerate(axes)))
    if output_format == "json":
        import json

        data = {
            "figure": key,
            "year": chosen_year,
            "axes": [{"lever": a.ref.path, "values": [str(v) for v in a.values]} for a in axes],
            "values": [[round(float(x), 2) for x in row] for row in result.values.reshape(len(axes[0].values), -1)],
            "structureel_in_evenwicht": result.balanced.reshape(len(axes[0].values), -1).tolist(),
            "scenario": round(result.base, 2),
        }
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        print_header("hengelo-scenario sweep", scenario_data, baseline_data, *info.lines)
        _print_grid(result, table)
    if targets:
        write(targets, [table], info, str(csv_dialect or "nl"), lambda path: report.heatmap(path, result, info))


GRID_LEGEND = (
    "bedragen x € 1.000; rood = nadelig, groen = voordelig, vet = structureel in evenwicht; "
    "▌ = grens structureel evenwicht: vanaf hier wel (of niet meer) in evenwicht"
)


def _print_grid(result, table) -> None:
    """The grid fitted to the terminal like every table: columns that do not fit go to a next block (with the
    row labels again, marked `deel 1 van 2`), never cut off; each cell coloured from nadelig to voordelig."""
    from decimal import Decimal

    import numpy as np
    from rich.text import Text

    from hengelo_scenario.cli import rich_tables
    from hengelo_scenario.cli.output import stdout
    from hengelo_scenario.report import numbers
    from hengelo_scenario.report.numbers import Unit

    values = np.atleast_2d(result.values) if len(result.axes) == 2 else result.values[:, None]
    balanced = np.atleast_2d(result.balanced) if len(result.axes) == 2 else result.balanced[:, None]
    span = max(float(np.abs(values).max()), 1.0)

    def cell_of(i: int, j: int, value: Decimal | str | None) -> Text:
        x = float(values[i, j])
        level = round((x / span) * 4) + 4
        style = f"on {SCALE[max(0, min(8, level))]}" + (" bold" if balanced[i, j] else "")
        if values.shape[1] > 1:  # the boundary along each row
            edge = j > 0 and balanced[i, j] != balanced[i, j - 1]
        else:  # one lever: along the column
            edge = i > 0 and balanced[i, j] != balanced[i - 1, j]
        shown = numbers.money(value) if isinstance(value, Decimal) else "-"
        return Text(("▌" if edge else "") + shown, style=style)

    console = stdout()
    console.print()
    rich_tables.print_blocks(console, rich_tables.blocks(table, Unit.THOUSANDS, console.width, cell_of=cell_of))
    console.print()
    rich_tables.say(console, GRID_LEGEND, "dim")
    for note in table.notes:
        rich_tables.say(console, note, "dim")
