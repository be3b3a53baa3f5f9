"""Outcome -> tables in the budget's own Dutch terms, as data: the console, CSV, Excel and Word render these.

A table has label columns and one value column per year. Values stay unrounded Decimals; each row says how its
values are to be read (`Kind`), and a total row names the rows it adds up, so an export can write a SUM formula
that recomputes to exactly the same total. One module per part of the report: `base` (rows, tables, labels),
`overview`, `youth_care`, `reserves`, `verdict`, `bbv` and `details` (the levers' schedules).
"""

from __future__ import annotations

from hengelo_scenario.outcome.figures import Kind
from hengelo_scenario.outcome.model import Outcome
from hengelo_scenario.report.tables.base import (
    BASIS,
    KLASSE_OMSCHRIJVING,
    ONZEKERHEID_LABEL,
    SCENARIO,
    SOORT_LABEL,
    STATUS_TEXT,
    TOEZICHT_TEXT,
    VERSCHIL,
    ZONDER_ONZEKER,
    Row,
    Table,
    Value,
    figure_rows,
)
from hengelo_scenario.report.tables.bbv import (
    BBV_BRUG,
    BBV_INCIDENTEEL,
    BBV_KEYS,
    BBV_STRUCTURELE_RESERVES,
    bbv_brug,
    bbv_incidenteel,
    bbv_structurele_reserves,
    bbv_tables,
)
from hengelo_scenario.report.tables.details import detail_value, indexatie, kapitaallasten, lever_detail_tables
from hengelo_scenario.report.tables.overview import (
    FG_BATEN,
    FG_DEKKING,
    FG_LASTEN,
    FG_RESULTAAT,
    FG_SALDO,
    FG_STRUCTUREEL,
    FG_TOEVOEGINGEN,
    financiele_gevolgen,
    maatregelen,
    overzicht,
    programmas,
)
from hengelo_scenario.report.tables.reserves import klassen_note, reserves, transformatieplan, weerstandsvermogen
from hengelo_scenario.report.tables.verdict import (
    EVENWICHT,
    STATUS_SHORT,
    TOEZICHT_SHORT,
    conclusie_summary,
    evenwicht,
    headline_lines,
    signal_lines,
    signal_text,
    verdict_detail_lines,
    verdict_lines,
    verdict_panel_lines,
    year_lines,
)
from hengelo_scenario.report.tables.youth_care import jeugdhulp, jeugdhulp_verschil

__all__ = [
    "BASIS",
    "BBV_BRUG",
    "BBV_INCIDENTEEL",
    "BBV_KEYS",
    "BBV_STRUCTURELE_RESERVES",
    "EVENWICHT",
    "FG_BATEN",
    "FG_DEKKING",
    "FG_LASTEN",
    "FG_RESULTAAT",
    "FG_SALDO",
    "FG_STRUCTUREEL",
    "FG_TOEVOEGINGEN",
    "KLASSE_OMSCHRIJVING",
    "ONZEKERHEID_LABEL",
    "SCENARIO",
    "SOORT_LABEL",
    "STATUS_SHORT",
    "STATUS_TEXT",
    "TOEZICHT_SHORT",
    "TOEZICHT_TEXT",
    "VERSCHIL",
    "ZONDER_ONZEKER",
    "Kind",
    "Row",
    "Table",
    "Value",
    "bbv_brug",
    "bbv_incidenteel",
    "bbv_structurele_reserves",
    "bbv_tables",
    "conclusie_summary",
    "detail_value",
    "evenwicht",
    "figure_rows",
    "financiele_gevolgen",
    "headline_lines",
    "indexatie",
    "jeugdhulp",
    "jeugdhulp_verschil",
    "kapitaallasten",
    "klassen_note",
    "lever_detail_tables",
    "maatregelen",
    "overzicht",
    "programmas",
    "reserves",
    "run_tables",
    "signal_lines",
    "signal_text",
    "transformatieplan",
    "verdict_detail_lines",
    "verdict_lines",
    "verdict_panel_lines",
    "weerstandsvermogen",
    "year_lines",
]


def run_tables(outcome: Outcome, compact: bool = False) -> tuple[Table, ...]:
    """Every table of the `run` output, in reading order; compact leaves out reserves the scenario leaves alone."""
    tables = [overzicht(outcome, with_verdict=not compact), maatregelen(outcome), programmas(outcome)]
    if outcome.jeugdhulp.segments:
        tables += [jeugdhulp(outcome), jeugdhulp_verschil(outcome)]
    tables += [reserves(outcome, compact), weerstandsvermogen(outcome)]
    if any(outcome.transformatieplan.taakstelling):
        tables.append(transformatieplan(outcome))
    tables += lever_detail_tables(outcome)
    tables += bbv_tables(outcome)
    return tuple(tables)
