"""What `run` prints: header, tables, verdict, legend."""

from __future__ import annotations

from hengelo_scenario.cli import rich_tables as rich_report
from hengelo_scenario.cli.output import stdout
from hengelo_scenario.outcome.model import Outcome, Verdict
from hengelo_scenario.report import tables
from hengelo_scenario.report.numbers import Unit
from hengelo_scenario.scenario.model import Scenario


def print_run(outcome: Outcome, scenario: Scenario, unit: Unit) -> None:
    console = stdout()
    lines = [("Scenario", scenario.name), ("Bestand", scenario.source or "-"), ("Basis", outcome.baseline_source)]
    if scenario.author:
        lines.append(("Auteur", scenario.author))
    if scenario.description:
        lines.append(("Omschrijving", " ".join(scenario.description.split())))
    console.print(rich_report.header("hengelo-scenario run", lines))
    console.print()
    rich_report.print_tables(console, tables.run_tables(outcome, compact=True), unit)
    console.print()
    colour = VERDICT_COLOURS[outcome.verdict_scenario]
    console.print(rich_report.verdict_panel(tables.verdict_panel_lines(outcome), colour))


# Green only when every year balances; amber when repressief toezicht is indicated but a year falls short.
VERDICT_COLOURS = {Verdict.IN_EVENWICHT: "green", Verdict.NIET_ELK_JAAR: "yellow", Verdict.NIET_IN_EVENWICHT: "red"}
