"""What `run` prints: the headline (the answer first), the header, the chosen tables, the legend and notes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from hengelo_scenario.cli import rich_tables as rich_report
from hengelo_scenario.cli.output import report_console
from hengelo_scenario.outcome.model import Outcome, Verdict
from hengelo_scenario.report import tables
from hengelo_scenario.report.headline import HEADLINE, Headline, headline
from hengelo_scenario.report.numbers import ROUNDING_NOTE, Unit
from hengelo_scenario.report.tables import BBV_KEYS
from hengelo_scenario.scenario.model import Scenario

if TYPE_CHECKING:
    from rich.console import Console

    from hengelo_scenario.cli.lines import PlainConsole

# The sections of `run`'s output, in printing order: the headline, then the tables by their key.
TABLE_SECTIONS = (
    "overzicht",
    "maatregelen",
    "programmas",
    "jeugdhulp",
    "jeugdhulp_verschil",
    "reserves",
    "weerstandsvermogen",
    "transformatieplan",
    "indexatie",
    "kapitaallasten",
    *BBV_KEYS,  # the overviews a toezichthouder starts from (BBV art. 19c, 19d, the bridge)
)
# Tables that exist only when the scenario uses their lever (the indexation, the investments): left out without
# a word when the scenario does not, unless asked for by name.
LEVER_SECTIONS = ("indexatie", "kapitaallasten")
EVENWICHT = "evenwicht"  # the full verdict after the tables: every year, every Let op
SECTIONS = (HEADLINE, *TABLE_SECTIONS, EVENWICHT)
HEADLINE_SIGNS = "+ = voordelig, − = nadelig; V = voordelig, N = nadelig"

# Green only when every year balances; amber when repressief toezicht is indicated but a year falls short.
VERDICT_COLOURS = {Verdict.IN_EVENWICHT: "green", Verdict.NIET_ELK_JAAR: "yellow", Verdict.NIET_IN_EVENWICHT: "red"}


def print_headline(console: Console | PlainConsole, summary: Headline, unit: Unit) -> None:
    """Structureel saldo and geraamd resultaat per year, then the verdict panel: at most 25 lines at 80 columns."""
    rich_report.say(console, summary.title, "bold")
    rich_report.say(console, f"Basis: {summary.baseline}")
    console.print()
    rich_report.print_fitted(console, summary.table, unit, title=False)
    console.print()
    # the headline holds only saldi and their verschillen: the short legend fits on one line at 80 columns
    rich_report.say(console, f"{unit.legend}; {HEADLINE_SIGNS}", "dim")
    rich_report.print_verdict(console, summary.panel, VERDICT_COLOURS[summary.status])


def print_run(outcome: Outcome, scenario: Scenario, unit: Unit, sections: Sequence[str] = SECTIONS) -> None:
    console = report_console()
    if HEADLINE in sections:
        print_headline(console, headline(outcome), unit)
        console.print()
    chosen = [key for key in TABLE_SECTIONS if key in sections]
    if chosen:
        print_tables(console, outcome, scenario, unit, chosen)
    if EVENWICHT in sections:
        colour = VERDICT_COLOURS[outcome.verdict_scenario]
        rich_report.print_verdict(console, tables.verdict_panel_lines(outcome), colour)


def print_tables(
    console: Console | PlainConsole, outcome: Outcome, scenario: Scenario, unit: Unit, chosen: Sequence[str]
) -> None:
    lines = [("Scenario", scenario.name), ("Bestand", scenario.source or "-"), ("Basis", outcome.baseline_source)]
    if scenario.author:
        lines.append(("Auteur", scenario.author))
    if scenario.description:
        lines.append(("Omschrijving", " ".join(scenario.description.split())))
    rich_report.print_header(console, "hengelo-scenario run", lines)
    console.print()
    available = {table.key: table for table in tables.run_tables(outcome, compact=True)}
    if "reserves" in available:  # every reserve, also those the scenario leaves alone: no figure left out
        available["reserves"] = tables.reserves(outcome)
    asked = tuple(chosen) != TABLE_SECTIONS  # parts named with --sections, not the default of all
    for key in chosen:
        if key in available:
            rich_report.print_table(console, available[key], unit)
        elif key in LEVER_SECTIONS and not asked:
            continue
        elif key in LEVER_SECTIONS:
            rich_report.say(console, f"Tabel '{key}': het scenario gebruikt deze hefboom niet.")
        else:  # asked for, but the baseline has nothing to show in it: say so rather than print nothing
            rich_report.say(console, f"Tabel '{key}': de basis heeft hiervoor geen gegevens.")
        console.print()
    rich_report.say(console, ROUNDING_NOTE, "dim")
    console.print()
