"""What every sheet reader shares: a sheet's rows as read, its header, the cell readers and the problems found.

A `Reader` collects every problem of one workbook (with its sheet, cell, field, what was expected, what was
found and a hint) and knows what the sheets read so far established: the workbook's years and the programmes,
reserves and index categories a later sheet may refer to (None while unknown: a missing or broken sheet, so no
follow-up noise). Its cell readers (`text`, `choice`, `amount`, ...) never raise: a bad cell is a problem and
reading goes on. An empty-looking cell is told apart from a formula saved without its computed value by reading
the workbook's formulas, once, when the first such cell is met.
"""

from __future__ import annotations

import datetime
import difflib
import functools
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TypeVar

from hengelo_scenario.baseline import layout
from hengelo_scenario.baseline.layout import Sheet
from hengelo_scenario.errors import Problem
from hengelo_scenario.money import ZERO, to_decimal

__all__ = [
    "FORMULA_HINT",
    "MAX_AMOUNT",
    "MAX_DECIMALS",
    "RawSheet",
    "Reader",
    "Table",
    "cell_text",
    "excerpt",
    "is_blank",
    "money",
    "normalised",
    "plain_amount",
    "quote_list",
    "shown",
    "suggest",
    "years_text",
]

MAX_AMOUNT = Decimal(10) ** 15  # euros: far above any municipal budget, far below what loses exactness
MAX_DECIMALS = 20  # a float cell has at most 17 significant digits; 1e-300 is not an amount

T = TypeVar("T")

FORMULA_HINT = "open and save the workbook in Excel or LibreOffice so the formulas are computed"
_NUMBER_TEXT = re.compile(r"^[-+]?\s*(€\s*)?[-+]?[\d.,\s]*\d[\d.,\s]*$")


@dataclass
class RawSheet:
    title: str
    rows: list[tuple[object, ...]] | None  # None: not read (a sheet the loader does not use, or a chart sheet)


@dataclass
class Table:
    spec: Sheet
    title: str
    columns: dict[str, int]  # column name -> 0-based index
    years: dict[int, int]  # year -> 0-based index
    rows: list[tuple[int, tuple[object, ...]]] = field(default_factory=list)  # (row number, values), not empty
    complete: bool = True  # every column of the spec is present
    bad_years: bool = False  # a header that is almost a year (2025.5): reported on its cell, not as missing years
    headers: list[str] = field(default_factory=list)  # the non-empty header cells as written, for messages
    _year_columns: tuple[tuple[int, ...], tuple[tuple[int | None, str], ...]] | None = field(
        default=None, repr=False, compare=False
    )

    def year_columns(self, years: tuple[int, ...]) -> tuple[tuple[int | None, str], ...]:
        """(0-based column or None, the year as a field name) for each of `years`, worked out once per table."""
        if self._year_columns is None or self._year_columns[0] != years:
            self._year_columns = (years, tuple((self.years.get(y), str(y)) for y in years))
        return self._year_columns[1]

    def where(self, row: int, column: int) -> str:
        from openpyxl.utils import get_column_letter

        return f"sheet '{self.title}', cell {get_column_letter(column + 1)}{row}"

    @property
    def header_where(self) -> str:
        return f"sheet '{self.title}', row 1"


_MAX_INT = 10**15  # MAX_AMOUNT, for the comparison of an int or a float
_MAX_FLOAT = 1e15  # exactly 10**15 as a float


def plain_amount(value: object, negative: bool) -> Decimal | None:
    """The amount of a cell holding a plain number that passes every check of `Reader.amount`, else None.

    The common case, without the general checks: an int below 10^15 in size, or a float whose shortest repr
    (what Excel shows) has no exponent and so at most 20 decimals (it holds at most 17 significant digits and
    is at least 1e-4 in size, or zero), below 10^15 in size; negative only if `negative`. Anything else (empty,
    text, a bool, NaN, 1e-300, too large, a date) returns None and gets the full checks and their problems.
    """
    if type(value) is int:
        if -_MAX_INT < value < _MAX_INT and (negative or value >= 0):
            return Decimal(value)
    elif type(value) is float and -_MAX_FLOAT < value < _MAX_FLOAT and (negative or value >= 0):
        text = repr(value)  # NaN fails the comparisons above, inf too
        if "e" not in text:
            return Decimal(text)
    return None


_remembered = functools.lru_cache(maxsize=1024)(layout.normalise_name)


def normalised(text: str) -> str:
    """`layout.normalise_name(text)`, remembered for the last 1,024 short texts: a choice or a programme column
    repeats a handful of values. A long text is not kept (a cell may hold 32,767 characters)."""
    return _remembered(text) if len(text) <= 64 else layout.normalise_name(text)


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def cell_text(value: object) -> str:
    """A header or other cell as the analyst sees it, for messages."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def excerpt(text: str) -> str:
    """A cell's text in a message: short and visible (a cell may hold 32,767 characters, or escape sequences)."""
    from hengelo_scenario.text import excerpt as quoted

    return quoted(text)


def quote_list(items: Iterable[object]) -> str:
    texts = [excerpt(cell_text(i)) for i in items]
    return ", ".join(texts) if texts else "none"


def suggest(value: str, candidates: Sequence[str]) -> str | None:
    """The candidate closest to value (case-insensitive), if one is close enough."""
    by_key = {layout.normalise_name(c): c for c in candidates}
    match = difflib.get_close_matches(layout.normalise_name(value), list(by_key), n=1, cutoff=0.6)
    return by_key[match[0]] if match else None


def money(value: Decimal) -> str:
    return f"{value:,.2f}"


def years_text(years: Sequence[int]) -> str:
    return f"{years[0]}-{years[-1]}" if len(years) > 1 else ", ".join(str(y) for y in years)


def shown(text: str) -> str:
    from hengelo_scenario.text import visible

    return visible(text)[:80]


class Reader:
    """The problems of one workbook, what its sheets established so far, and the cell readers."""

    def __init__(self, file: str, formulas: Callable[[], Mapping[str, RawSheet]]) -> None:
        self.file = file
        self.problems: list[Problem] = []
        self.years: tuple[int, ...] = ()
        self._read_formulas = formulas  # the workbook's sheets with formulas instead of values, read on demand
        self._formulas: Mapping[str, RawSheet] | None = None
        # Lookups filled as sheets are read; None while unknown (sheet missing or broken), to avoid follow-up noise.
        self.programma_lookup: dict[str, str] | None = None
        self.programma_names: dict[str, str] = {}
        self.reserve_lookup: dict[str, str] | None = None
        self.index_lookup: dict[str, str] | None = None  # None: no sheet Indexen (or a broken one)
        self._choices: dict[tuple[str, str, int], tuple[tuple[str, ...], str]] = {}  # (shown, expected) per column

    # --- problems -----------------------------------------------------------------------------------------

    def problem(
        self, where: str, field: str, expected: str, found: str, hint: str = "", *, code: str = "baseline.invalid"
    ) -> None:
        self.problems.append(Problem(self.file, where, field, expected, found, hint, code))

    def _formula(self, table: Table, row: int, column: int) -> str | None:
        """The formula in a cell that read as empty, if it holds one (a formula without a cached value)."""
        if self._formulas is None:
            self._formulas = self._read_formulas()
        raw = self._formulas.get(layout.normalise_name(table.title))
        if raw is None or raw.rows is None or row > len(raw.rows):
            return None
        values = raw.rows[row - 1]
        if column >= len(values):
            return None
        value = values[column]
        text = getattr(value, "text", value)  # an array formula keeps its text in .text
        return text if isinstance(text, str) and text.startswith("=") else None

    def empty_cell(self, table: Table, row: int, column: int, field: str) -> bool:
        """True (and a problem reported) if an empty-looking cell is really a formula without a cached value."""
        formula = self._formula(table, row, column)
        if formula is None:
            return False
        self.problem(
            table.where(row, column),
            field,
            "a computed value",
            f"formula '{formula}' without a cached value",
            FORMULA_HINT,
            code="baseline.formula-without-value",
        )
        return True

    # --- cells --------------------------------------------------------------------------------------------

    def text(self, table: Table, row: int, values: tuple[object, ...], name: str, what: str) -> str | None:
        """A required text cell (a name, a code), stripped; numbers read as their text (1 -> "1")."""
        index = table.columns[name]
        raw = values[index] if index < len(values) else None
        if type(raw) is str:  # the common case, first: text that is not only spaces
            stripped = raw.strip()
            if stripped:
                return stripped
        if is_blank(raw):
            # None may be a formula nobody computed; a cell holding only spaces is empty, whatever made it
            if raw is not None or not self.empty_cell(table, row, index, name):
                self.problem(table.where(row, index), name, what, "an empty cell", code="baseline.empty-cell")
            return None
        return self.optional_text(table, row, values, name)

    def optional_text(self, table: Table, row: int, values: tuple[object, ...], name: str) -> str | None:
        index = table.columns.get(name)
        if index is None or index >= len(values):
            return None
        value = values[index]
        if type(value) is str:  # the common case, first
            return value.strip() or None
        if value is None:
            return None
        if isinstance(value, bool):
            self.problem(
                table.where(row, index), name, "text", f"the boolean {str(value).upper()}", code="baseline.not-text"
            )
            return None
        if isinstance(value, datetime.datetime | datetime.date | datetime.time | datetime.timedelta):
            self.problem(table.where(row, index), name, "text", f"a date or time ({value})", code="baseline.not-text")
            return None
        return cell_text(value).strip()

    def choice(
        self, table: Table, row: int, values: tuple[object, ...], name: str, allowed: Mapping[str, T]
    ) -> T | None:
        known = self._choices.get((table.spec.name, name, id(allowed)))
        if known is None:
            shown = table.spec.column(name).allowed or tuple(allowed)
            known = self._choices[(table.spec.name, name, id(allowed))] = (shown, "one of " + ", ".join(shown))
        shown, expected = known
        text = self.text(table, row, values, name, expected)
        if text is None:
            return None
        chosen = allowed.get(normalised(text))
        if chosen is None:
            near = suggest(text, list(shown))
            self.problem(
                table.where(row, table.columns[name]),
                name,
                expected,
                excerpt(text),
                f"did you mean '{near}'?" if near else "",
                code="baseline.not-allowed",
            )
        return chosen

    def amount(
        self, table: Table, row: int, values: tuple[object, ...], index: int, name: str, *, negative: bool = False
    ) -> Decimal:
        """An amount cell as an exact Decimal; an empty cell is 0. A problem gives 0, so reading goes on."""
        value = values[index] if index < len(values) else None
        plain = plain_amount(value, negative)
        if plain is not None:
            return plain
        return self._checked_amount(table, row, index, name, value, negative)

    def _checked_amount(self, table: Table, row: int, index: int, name: str, value: object, negative: bool) -> Decimal:
        """Every check of an amount cell, with the problem it finds; for what `plain_amount` leaves."""
        expected = "a number (euros)" if negative else "a number of 0 or more"
        if is_blank(value):
            if value is None:  # a formula nobody computed reads as None too
                self.empty_cell(table, row, index, name)
            return ZERO
        where = table.where(row, index)
        if isinstance(value, bool):
            self.problem(
                where,
                name,
                expected,
                f"the boolean {str(value).upper()}",
                "booleans are not amounts",
                code="baseline.invalid-amount",
            )
            return ZERO
        if isinstance(value, str):
            text = value.strip()
            if text.startswith("#"):
                self.problem(
                    where,
                    name,
                    expected,
                    f"the error value {excerpt(text)}",
                    "correct the formula",
                    code="baseline.invalid-amount",
                )
            elif _NUMBER_TEXT.match(text):
                self.problem(
                    where,
                    name,
                    expected,
                    f"text {excerpt(text)}",
                    "the cell holds text that looks like a number: use Convert to Number (Converteren naar "
                    "getal) in Excel, or type the number again in a cell formatted as a number",
                    code="baseline.invalid-amount",
                )
            else:
                self.problem(where, name, expected, f"text {excerpt(text)}", code="baseline.invalid-amount")
            return ZERO
        if isinstance(value, int | float):
            if isinstance(value, float) and not math.isfinite(value):
                self.problem(where, name, expected, excerpt(str(value)), code="baseline.invalid-amount")
                return ZERO
            number = to_decimal(value)
            exponent = number.normalize().as_tuple().exponent
            decimals = -exponent if isinstance(exponent, int) and exponent < 0 else 0
            if not number.is_zero() and (abs(number) >= MAX_AMOUNT or decimals > MAX_DECIMALS):
                self.problem(
                    where,
                    name,
                    f"{expected}, below 10^15 (a thousand trillion) in size, with at most {MAX_DECIMALS} decimals",
                    f"{value!r}"[:40],
                    "a budget amount is euros and cents; round the cell (=ROUND(...; 2)) or correct it",
                    code="baseline.invalid-amount",
                )
                return ZERO
            if number < 0 and not negative:
                self.problem(
                    where,
                    name,
                    expected,
                    f"{cell_text(value)}",
                    "amounts are positive magnitudes; the Soort says whether money goes in or out",
                    code="baseline.invalid-amount",
                )
                return ZERO
            return number
        if isinstance(value, datetime.datetime | datetime.date | datetime.time | datetime.timedelta):
            self.problem(
                where,
                name,
                expected,
                f"a date or time ({value})",
                "format the cell as a number",
                code="baseline.invalid-amount",
            )
            return ZERO
        self.problem(where, name, expected, excerpt(str(value)), code="baseline.invalid-amount")
        return ZERO

    def amounts(
        self, table: Table, row: int, values: tuple[object, ...], *, negative: bool = False
    ) -> tuple[Decimal, ...]:
        """The year cells of a row, in the workbook's years (0 for a year the sheet lacks, reported on its header)."""
        result = []
        size = len(values)
        for index, name in table.year_columns(self.years):
            if index is None:
                result.append(ZERO)
                continue
            value = values[index] if index < size else None
            plain = plain_amount(value, negative)
            result.append(self._checked_amount(table, row, index, name, value, negative) if plain is None else plain)
        return tuple(result)

    def key(self, table: Table, row: int, values: tuple[object, ...]) -> str | None:
        text = self.optional_text(table, row, values, layout.SLEUTEL)
        return text.lower() if text else None

    def rows(self, table: Table | None) -> Iterable[tuple[int, tuple[object, ...]]]:
        if table is None or not table.complete:
            return ()
        return table.rows

    def unique(self, table: Table, row: int, name: str, value: str | None, seen: dict[str, int], what: str) -> None:
        if value is None:
            return
        key = layout.normalise_name(value)
        if key in seen:
            self.problem(
                table.where(row, table.columns[name]),
                name,
                f"{what} used only once in sheet '{table.title}'",
                f"'{value}' again (also in row {seen[key]})",
                code="baseline.duplicate-name",
            )
        else:
            seen[key] = row

    def problems_in(self, table: Table) -> list[Problem]:
        prefix = f"sheet '{table.title}'"
        return [p for p in self.problems if p.where == prefix or p.where.startswith(prefix + ",")]

    def has_problems(self, table: Table) -> bool:
        return bool(self.problems_in(table))

    def none_found(self, table: Table, field: str, expected: str) -> None:
        self.problem(f"sheet '{table.title}', row 2", field, expected, "no rows", code="baseline.no-rows")
