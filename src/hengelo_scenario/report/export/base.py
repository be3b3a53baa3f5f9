"""What every exporter shares: the document to write, the options, the error, and text made safe for spreadsheets."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from hengelo_scenario.errors import BudgetError
from hengelo_scenario.outcome.model import Outcome
from hengelo_scenario.report.numbers import Unit
from hengelo_scenario.report.tables import Table
from hengelo_scenario.text import FORMULA_TRIGGERS as _FORMULA_TRIGGERS
from hengelo_scenario.text import is_formula_like as _is_formula_like
from hengelo_scenario.text import spreadsheet_text


class ExportError(BudgetError):
    """An export that cannot be written (unknown extension, missing folder, bad option): exit code 2."""

    def __init__(self, file: str, reason: str, hint: str = "") -> None:
        self.file = file
        self.reason = reason
        self.hint = hint
        message = f"{file}: {reason}" if file else reason
        if hint:
            message += f". {hint}"
        super().__init__(message)


class CsvDialect(StrEnum):
    NL = "nl"  # semicolon, decimal comma, UTF-8 with BOM: Dutch Excel opens it directly
    INT = "int"  # comma, decimal point, UTF-8 without BOM


@dataclass(frozen=True)
class ExportOptions:
    unit: Unit = Unit.THOUSANDS  # how Excel and the charts display amounts; stored values are always euros
    csv_dialect: CsvDialect = CsvDialect.NL
    chart_year: int | None = None  # the year of the bridge chart; None: the last year


@dataclass(frozen=True)
class NativeChart:
    """An Excel chart over rows of one of the document's tables: one series per row, the years as categories."""

    title: str
    table_key: str
    series: tuple[tuple[str, int], ...]  # (legend name, row index in the table)
    chart_type: str = "column"  # "column" or "line"
    number_kind: str = "money"  # "money", "ratio" or "percent": the format of the value axis


@dataclass(frozen=True)
class Document:
    """Everything one export writes: the tables (one sheet each), native charts, outcomes for the PNG charts."""

    kind: str  # "run" or "compare"
    title: str  # the scenario's name, or a list of names for a comparison
    tables: tuple[Table, ...]
    outcomes: tuple[Outcome, ...]
    provenance: object  # provenance.Provenance (typed loosely to keep this module import-light)
    charts: tuple[NativeChart, ...] = ()
    figure_keys: tuple[str, ...] = ()  # compare: the figures shown, for the PNG chart
    sheet_names: Mapping[str, str] = field(default_factory=dict)


# Sheet names in Dutch, at most 31 characters, none of []:*?/\
SHEET_NAMES = {
    "overzicht": "Overzicht",
    "financiele_gevolgen": "Financiële gevolgen",
    "maatregelen": "Maatregelen",
    "programmas": "Programma's",
    "jeugdhulp": "Jeugdhulp",
    "jeugdhulp_verschil": "Jeugdhulp prijs en volume",
    "reserves": "Reserves",
    "weerstandsvermogen": "Weerstandsvermogen",
    "transformatieplan": "Transformatieplan",
    "vergelijking": "Vergelijking",
    "evenwicht": "Evenwicht",
    "bbv_incidenteel": "Incidentele baten en lasten",
    "bbv_structurele_reserves": "Structurele reservemutaties",
    "bbv_brug": "Naar structureel saldo",
    "indexatie": "Indexatie en accres",
    "kapitaallasten": "Kapitaallasten",
}
CHARTS_SHEET = "Grafieken"
PROVENANCE_SHEET = "Herkomst"

# A spreadsheet treats a cell that starts with one of these as a formula: OWASP "CSV injection". The rule, also
# after Unicode folding (a full-width '＝'), lives in `hengelo_scenario.text`.
FORMULA_TRIGGERS = _FORMULA_TRIGGERS
is_formula_like = _is_formula_like


def safe_text(text: str) -> str:
    """Text a spreadsheet shows as text and never executes (for CSV): see `text.spreadsheet_text`."""
    return spreadsheet_text(text)
