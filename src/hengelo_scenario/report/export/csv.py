"""The CSV export: one long, tidy file with one line per table x row x year, unrounded values in euros.

Columns: tabel; rij; label_1 ... label_N; jaar; waarde; tekst; eenheid; soort; totaal_van

- `tabel` is the table's key (overzicht, financiele_gevolgen, ...), `rij` its row number (1-based, reading order);
- `label_1` ... `label_N` are the row's labels, in the order of the table's label columns (N: the most of any
  table; a table with fewer leaves the rest empty);
- `waarde` is the exact, unrounded value (euros for amounts; empty when it cannot be computed, or for text, which
  goes in `tekst`);
- `eenheid` says what the value is in (euro, euro per eenheid, eenheden, ratio, fractie), `soort` how to read it
  (bedrag; verschil: + = voordelig, − = nadelig; ...);
- `totaal_van` lists the `rij` numbers a total row adds up, so a reader can recompute it.

Two dialects: "nl" (semicolon, decimal comma, UTF-8 with BOM: Dutch Excel opens it with € and ë intact) and
"int" (comma, decimal point, UTF-8 without BOM). Lines end in CRLF (RFC 4180). Text that a spreadsheet would read
as a formula (starting with =, +, -, @, tab or CR) gets a leading apostrophe.
"""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

from hengelo_scenario.money import exact_text
from hengelo_scenario.report.export.base import CsvDialect, Document, ExportOptions, safe_text
from hengelo_scenario.report.tables import Kind, Table, Value

UNIT_OF_KIND = {
    Kind.MONEY: "euro",
    Kind.EFFECT: "euro",
    Kind.PRICE: "euro per eenheid",
    Kind.VOLUME: "eenheden",
    Kind.RATIO: "ratio",
    Kind.PERCENT: "fractie",
    Kind.PERCENTAGE_POINT: "fractie",
    Kind.TEXT: "",
}


def header(n_labels: int) -> list[str]:
    return [
        "tabel",
        "rij",
        *(f"label_{i}" for i in range(1, n_labels + 1)),
        "jaar",
        "waarde",
        "tekst",
        "eenheid",
        "soort",
        "totaal_van",
    ]


def number_text(value: Decimal, dialect: CsvDialect) -> str:
    """The exact value as text: '-995123.456' or, in the Dutch dialect, '-995123,456' (no thousands separators)."""
    text = exact_text(value) or ""
    return text.replace(".", ",") if dialect is CsvDialect.NL else text


def _value_cells(value: Value, dialect: CsvDialect) -> tuple[str, str]:
    """(waarde, tekst)"""
    if value is None:
        return "", ""
    if isinstance(value, str):
        return "", safe_text(value)
    if value.is_nan():
        return "", ""
    return number_text(value, dialect), ""


def table_lines(table: Table, n_labels: int, dialect: CsvDialect):
    """The lines of one table, in reading order."""
    for i, row in enumerate(table.rows, start=1):
        labels = [safe_text(label) for label in row.labels] + [""] * (n_labels - len(row.labels))
        total_of = " ".join(str(j + 1) for j in row.total_of)
        for year, value in zip(table.value_headers, row.values, strict=True):
            waarde, tekst = _value_cells(value, dialect)
            yield [table.key, str(i), *labels, year, waarde, tekst, UNIT_OF_KIND[row.kind], row.kind.value, total_of]


def write_csv(path: Path, document: Document, options: ExportOptions) -> None:
    """Write the document's tables as one tidy CSV file at `path` (the caller makes it atomic)."""
    dialect = options.csv_dialect
    n_labels = max((len(t.label_headers) for t in document.tables), default=0)
    encoding = "utf-8-sig" if dialect is CsvDialect.NL else "utf-8"
    delimiter = ";" if dialect is CsvDialect.NL else ","
    with open(path, "w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(header(n_labels))
        for table in document.tables:
            for line in table_lines(table, n_labels, dialect):
                writer.writerow(line)
