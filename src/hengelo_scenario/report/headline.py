"""The answer first: what `run` opens with, and all that `run --summary` prints.

Per year the structureel saldo and the geraamd resultaat, basis → scenario with the verschil (V/N), then the
structural verdict in words and the "Let op" signals. Pure report data (a `Table` and lines of text); the CLI
renders it. The figures are the overview's, so the headline can never disagree with the tables below it.
"""

from __future__ import annotations

from dataclasses import dataclass

from hengelo_scenario.outcome.model import Outcome, Verdict
from hengelo_scenario.report.tables import Table, figure_rows, verdict_lines

HEADLINE = "headline"


@dataclass(frozen=True)
class Headline:
    title: str  # "Jeugdhulp hoog: structureel saldo en geraamd resultaat, basis → scenario"
    baseline: str  # the workbook the scenario ran on
    table: Table  # structureel saldo and geraamd resultaat: basis, scenario, verschil per year
    verdict: tuple[str, ...]  # the structural verdict per side, in words
    signals: tuple[str, ...]  # "Let op: ..." lines
    in_evenwicht: bool  # the scenario passes the structural test (the panel is green, else red)

    @property
    def lines(self) -> tuple[str, ...]:
        """The verdict and the signals, in reading order."""
        return self.verdict + self.signals


def headline(outcome: Outcome) -> Headline:
    o = outcome.overview
    rows = (
        *figure_rows("Structureel saldo", o.structureel_saldo),
        *figure_rows("Geraamd resultaat", o.geraamd_resultaat),
    )
    table = Table(
        HEADLINE,
        f"{outcome.scenario_name}: structureel saldo en geraamd resultaat, basis → scenario",
        ("Saldo", "Variant"),
        tuple(str(y) for y in outcome.years),
        rows,
    )
    return Headline(
        title=table.title,
        baseline=outcome.baseline_source,
        table=table,
        verdict=tuple(verdict_lines(outcome)),
        signals=tuple(f"Let op: {signal}" for signal in outcome.signals),
        in_evenwicht=outcome.verdict_scenario is not Verdict.NIET_IN_EVENWICHT,
    )


VERDICT_HEADING = "Structureel evenwicht (indicatie, geen oordeel van de provincie):"


def verdict_notes(outcome: Outcome) -> tuple[str, ...]:
    """The verdict and the "Let op" lines as notes under a table (the Excel Financiële gevolgen, the memo)."""
    summary = headline(outcome)
    return (VERDICT_HEADING, *summary.verdict, *summary.signals)
