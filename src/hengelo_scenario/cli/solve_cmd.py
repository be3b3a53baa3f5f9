"""`hengelo-scenario solve`: the value of one lever at which a figure reaches a target, on the exact engine."""

from __future__ import annotations

import sys
from decimal import Decimal, InvalidOperation
from typing import Annotated

import typer

from hengelo_scenario.cli.common import BaselineOption, FormatOption, check_format
from hengelo_scenario.cli.simulate_cmd import ScenarioArgument, YearOption, figure_key, load, print_header, year_of


def solve(
    scenario: ScenarioArgument,
    vary: Annotated[str, typer.Option("--vary", help="The lever, by dotted path, such as jeugdhulp.volume.")],
    target: Annotated[
        str, typer.Option("--target", help="FIGURE=VALUE, such as structureel_saldo=0 (euros) or weerstandsratio=1.4.")
    ],
    year: YearOption = None,
    baseline: BaselineOption = None,
    output_format: FormatOption = "table",  # type: ignore[assignment]  # a FormatChoice member; typer converts
) -> None:
    """Find the value of a lever at which a figure reaches a target in a year (exact where linear).

    Example: hengelo-scenario solve jeugd_hoog.yaml --vary jeugdhulp.volume --target structureel_saldo=0 --year 2028
    """
    check_format(output_format)
    name, sep, value_text = target.partition("=")
    if not sep:
        raise typer.BadParameter(
            f"expected FIGURE=VALUE, such as structureel_saldo=0, found '{target}'", param_hint="--target"
        )
    key = figure_key(name)
    try:
        goal = Decimal(value_text.strip().replace(",", "."))
        if not goal.is_finite():
            raise InvalidOperation
    except InvalidOperation:
        raise typer.BadParameter(
            f"expected a number after '=', such as 0 or -250000, found '{value_text}'", param_hint="--target"
        ) from None
    from hengelo_scenario.report import numbers
    from hengelo_scenario.report.uncertainty import lever_value_text
    from hengelo_scenario.uncertainty.levers import LeverError, parse
    from hengelo_scenario.uncertainty.sensitivity import SensitivityError
    from hengelo_scenario.uncertainty.sensitivity import solve as run_solve

    _file, baseline_data, scenario_data = load(scenario, baseline)
    chosen_year = year_of(baseline_data, year)
    try:
        ref = parse(vary, baseline_data, scenario_data)
    except LeverError as error:
        raise typer.BadParameter(str(error), param_hint="--vary") from None
    try:
        result = run_solve(baseline_data, scenario_data, ref, key, goal, chosen_year)
    except SensitivityError as error:
        from hengelo_scenario.cli.output import stderr

        stderr().print(f"No solution: {error}", markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(1) from None
    shown = lever_value_text(
        result.value.quantize(Decimal("0.000001") if ref.kind.percent else Decimal("0.01")), ref.kind.percent
    )
    if output_format == "json":
        import json

        data = {
            "lever": ref.path,
            "figure": key,
            "year": chosen_year,
            "target": str(goal),
            "value": str(result.value),
            "method": "linear" if result.linear else "bisection",
            "figure_at_value": str(result.at_value),
            "figure_in_scenario": str(result.at_zero),
        }
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    from rich.text import Text

    from hengelo_scenario.cli.output import stdout

    print_header(
        "hengelo-scenario solve",
        scenario_data,
        baseline_data,
        ("Hefboom", ref.path),
        ("Doel", f"{key} = {goal} in {chosen_year}"),
    )
    console = stdout()
    console.print()
    method = (
        "exact, de figuur is lineair in de hefboom"
        if result.linear
        else "door halvering op de exacte berekening (de figuur is niet lineair)"
    )
    money = key not in ("weerstandsratio", "structurele_exploitatieruimte")

    def fmt(x: Decimal) -> str:
        return numbers.dutch_number(x, 2) if money else numbers.ratio(x)

    console.print(Text(f"{ref.label}: {shown} bovenop het scenario ({method}).", style="bold"))
    console.print(
        Text(
            f"{key} {chosen_year} in het scenario: {fmt(result.at_zero)}; met deze waarde: "
            f"{fmt(result.at_value)} (nagerekend met de exacte berekening)."
        )
    )
