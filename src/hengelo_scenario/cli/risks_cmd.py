"""`hengelo-scenario risks`: the workbook's risk register simulated: the benodigde weerstandscapaciteit."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from hengelo_scenario.cli.common import BaselineOption, FormatOption, check_format
from hengelo_scenario.cli.export_options import CsvDialectOption
from hengelo_scenario.cli.simulate_cmd import ExportsOption, check_exports, print_tables, write


def risks(
    baseline: BaselineOption = None,
    certainty: Annotated[
        str, typer.Option("--certainty", help="Certainty of the benodigde capaciteit: 90% (common practice), 80%, 99%.")
    ] = "90%",
    draws: Annotated[int, typer.Option("--draws", "-n", help="Number of draws.", min=1000)] = 100_000,
    seed: Annotated[int, typer.Option("--seed", help="Seed.", min=0)] = 2025,
    top: Annotated[int, typer.Option("--top", help="Show the N risks that contribute most (0: all).", min=0)] = 10,
    output_format: FormatOption = "table",  # type: ignore[assignment]  # a FormatChoice member; typer converts
    export: ExportsOption = None,
    csv_dialect: CsvDialectOption = "nl",  # type: ignore[assignment]
) -> None:
    """Simulate the workbook's risk register (sheet Risico's): benodigde capaciteit, top risks, ratio and class.

    Example: hengelo-scenario risks --certainty 90% --export risicos.xlsx
    """
    check_format(output_format)
    targets = check_exports(export, (".csv", ".xlsx"))
    from decimal import Decimal

    from hengelo_scenario.money import parse_percentage

    try:
        chosen = parse_percentage(certainty)
    except (ValueError, ArithmeticError):
        raise typer.BadParameter(
            f"expected a percentage such as 90%, found '{certainty}'", param_hint="--certainty"
        ) from None
    if not Decimal("0.5") <= chosen < 1:
        raise typer.BadParameter(
            f"expected a certainty of at least 50% and below 100%, found '{certainty}'", param_hint="--certainty"
        )
    from hengelo_scenario.baseline.model import Weerstandsoort
    from hengelo_scenario.cli.common import load_baseline_file
    from hengelo_scenario.engine import evaluate_many
    from hengelo_scenario.errors import BaselineError, Problem
    from hengelo_scenario.report import uncertainty as report
    from hengelo_scenario.resources import shipped_baseline
    from hengelo_scenario.scenario.model import Scenario
    from hengelo_scenario.uncertainty.risks import simulate_register

    baseline_data = load_baseline_file(Path(baseline) if baseline else shipped_baseline())
    if not baseline_data.risicos:
        raise BaselineError(
            [
                Problem(
                    baseline_data.source,
                    "sheet 'Risico's'",
                    "Risico's",
                    "a risk register (sheet Risico's with at least one risk)",
                    "none",
                    "add the sheet; `hengelo-scenario baseline template` shows its columns",
                )
            ]
        )
    result = simulate_register(baseline_data.risicos, chosen, draws, seed)
    evaluation = evaluate_many(baseline_data, [Scenario(name="basis", years=baseline_data.years)])
    beschikbaar = [report.money(float(x)) for x in evaluation.totals.weerstand_beschikbaar[0]]
    fixed = [
        sum((w.amounts[y] for w in baseline_data.weerstand if w.soort is Weerstandsoort.BENODIGD), Decimal(0))
        for y in range(len(baseline_data.years))
    ]
    register, summary = report.risk_tables(result, beschikbaar, baseline_data.years, fixed)
    shown = (
        register
        if top == 0
        else type(register)(
            register.key,
            register.title,
            register.label_headers,
            register.value_headers,
            register.rows[:top],
            register.notes,
        )
    )
    if output_format == "json":
        import json

        data = {
            "certainty": str(chosen),
            "draws": draws,
            "seed": seed,
            "benodigd": round(result.benodigd, 2),
            "expected": round(result.expected, 2),
            "risks": [
                {"risk": c.risico.naam, "contribution": round(c.contribution, 2), "expected": round(c.expected, 2)}
                for c in result.contributions
            ],
        }
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        from hengelo_scenario.cli import rich_tables
        from hengelo_scenario.cli.output import stdout
        from hengelo_scenario.text import terminal

        stdout().print(
            rich_tables.header(
                "hengelo-scenario risks",
                [("Basis", terminal(baseline_data.source)), ("Risico's", str(len(baseline_data.risicos)))],
            )
        )
        print_tables([shown, summary], "duizend")
    if targets:
        from hengelo_scenario.cli.export_options import command_line
        from hengelo_scenario.report.uncertainty import Meta

        info = Meta(command_line(), "risicoregister", baseline_data.source, baseline_data.source)
        write(targets, [register, summary], info, str(csv_dialect or "nl"), lambda path: None)
