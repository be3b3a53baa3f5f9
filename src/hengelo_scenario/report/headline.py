"""The answer first: what `run` opens with, and all that `run --summary` prints.

Per year the structureel saldo and the geraamd resultaat, basis → scenario with the verschil (V/N), then the
structural verdict in words and the "Let op" signals. Pure report data (a `Table` and lines of text); the CLI
renders it. The figures are the overview's, so the headline can never disagree with the tables below it.
"""

from __future__ import annotations

from hengelo_scenario.outcome.model import Outcome, Verdict
from hengelo_scenario.records import Record
from hengelo_scenario.report.tables import Table, figure_rows, headline_lines, signal_lines, verdict_detail_lines

HEADLINE = "headline"


class Headline(Record, frozen=True):
    title: str  # "Jeugdhulp hoog: structureel saldo en geraamd resultaat, basis → scenario"
    baseline: str  # the workbook the scenario ran on
    table: Table  # structureel saldo and geraamd resultaat: basis, scenario, verschil per year
    verdict: tuple[str, ...]  # the structural verdict in words: the scenario per year, then the basis
    signals: tuple[str, ...]  # "Let op: ..." lines
    short: tuple[str, ...]  # the verdict in a few lines, for the panel under the headline
    status: Verdict  # green (every year in evenwicht), amber (repressief, not every year), red (preventief risk)

    @property
    def in_evenwicht(self) -> bool:
        """Every year structureel en reëel in evenwicht: the only status the panel shows green."""
        return self.status is Verdict.IN_EVENWICHT

    @property
    def lines(self) -> tuple[str, ...]:
        """The verdict and the signals, in reading order."""
        return self.verdict + self.signals

    @property
    def panel(self) -> tuple[str, ...]:
        """What the headline's panel says: short enough for 25 lines at 80 columns."""
        return self.short


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
        verdict=verdict_detail_lines(outcome),
        signals=tuple(f"Let op: {text}" for text in signal_lines(outcome)),
        short=headline_lines(outcome),
        status=outcome.verdict_scenario,
    )


VERDICT_HEADING = "Structureel evenwicht (indicatie, geen oordeel van de provincie):"


def verdict_notes(outcome: Outcome) -> tuple[str, ...]:
    """The verdict and the "Let op" lines as notes under a table (the Excel Financiële gevolgen, the memo)."""
    summary = headline(outcome)
    return (VERDICT_HEADING, *summary.verdict, *summary.signals)
