"""Read the baseline workbook (.xlsx) into a validated `Baseline`, reporting every problem at once.

The workbook is opened once, read-only, for the cell values (a formula cell gives the value Excel or LibreOffice
computed and saved with it). Only when a cell the loader needs reads as empty does it open the file a second
time for the formulas, to tell an empty cell from a formula that was never computed (a file written by a program
that does not calculate, such as openpyxl, has no cached values).

Every problem found is collected with its sheet, cell, column, what was expected and what was found; the loader
raises one `BaselineError` with all of them. Only a file that cannot be opened at all stops it early, with an
`UnreadableFileError`. No openpyxl or zipfile exception escapes.

Limits, checked before the XML is parsed so a hostile file fails in well under a second: a regular file (stat-ed
before it is opened) of at most `MAX_WORKBOOK_BYTES`; a zip archive of at most `MAX_ZIP_ENTRIES` entries whose
declared unpacked sizes add up to at most `MAX_UNPACKED_BYTES` (Python's zipfile never unpacks more than an entry
declares, and a lying entry fails its CRC check); a sheet whose declared dimension holds at most `MAX_CELLS` cells,
and at most `MAX_CELLS` cells and `MAX_ROWS` rows counted while reading (a dimension can lie). Amounts must be below
`MAX_AMOUNT` with at most `MAX_DECIMALS` decimals: 1e300 or 1e-300 in a cell is bad input, not a computation that
fails later.
"""

from __future__ import annotations

import datetime
import difflib
import hashlib
import io
import math
import re
import zipfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TypeVar

from hengelo_scenario.baseline import layout
from hengelo_scenario.baseline.layout import Sheet
from hengelo_scenario.baseline.model import (
    Aard,
    Baseline,
    IndexReeks,
    Instellingen,
    Invulling,
    JeugdhulpSegment,
    Line,
    Programma,
    Reserve,
    ReserveMutation,
    ReserveSoort,
    Risico,
    Soort,
    TransformatieOnderdeel,
    Voorstel,
    WeerstandPost,
    Weerstandsoort,
    youth_care_cost,
)
from hengelo_scenario.errors import BaselineError, Problem, UnreadableFileError
from hengelo_scenario.files import read_regular_file, size_text
from hengelo_scenario.money import CENT, ZERO, exact, round_half_away, to_decimal

__all__ = [
    "MAX_AMOUNT",
    "MAX_CELLS",
    "MAX_DECIMALS",
    "MAX_ROWS",
    "MAX_UNPACKED_BYTES",
    "MAX_WORKBOOK_BYTES",
    "MAX_ZIP_ENTRIES",
    "PROGRESS_EVERY",
    "Progress",
    "load_baseline",
    "read_workbook_bytes",
]

MAX_WORKBOOK_BYTES = 64 * 1024 * 1024  # the shipped workbook is 30 KiB; a real budget a few MiB
MAX_UNPACKED_BYTES = 128 * 1024 * 1024  # the sum of the declared sizes of the entries; 100,000 lines are ~10 MiB
MAX_ZIP_ENTRIES = 10_000
MAX_CELLS = 3_000_000  # per sheet read: 300,000 lines of ten columns
MAX_ROWS = 1_048_576  # Excel's own limit
MAX_AMOUNT = Decimal(10) ** 15  # euros: far above any municipal budget, far below what loses exactness
MAX_DECIMALS = 20  # a float cell has at most 17 significant digits; 1e-300 is not an amount
PROGRESS_EVERY = 10_000  # rows between two progress calls

Progress = Callable[[str, int, int], None]
"""progress(sheet title, rows read so far, rows the sheet declares (0 if unknown)); called every PROGRESS_EVERY rows."""

T = TypeVar("T")

FORMULA_HINT = "open and save the workbook in Excel or LibreOffice so the formulas are computed"
SAVE_AS_XLSX = "save it from Excel or LibreOffice as an Excel workbook (.xlsx)"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_NUMBER_TEXT = re.compile(r"^[-+]?\s*(€\s*)?[-+]?[\d.,\s]*\d[\d.,\s]*$")


def load_baseline(path: Path, *, data: bytes | None = None, progress: Progress | None = None) -> Baseline:
    """The baseline in the workbook at `path`; raises BaselineError listing every problem in it.

    `data` is the file's bytes when the caller has read them already (`read_workbook_bytes`, which applies the
    same limits); `progress`, if given, is told how far the reading of each sheet is (the CLI shows it for large
    workbooks).
    """
    path = Path(path)
    file = str(path)
    if data is None:
        data = _read_bytes(path, file)
    sheets = _read_sheets(data, file, progress=progress)
    return _Loader(file, data, sheets).load(hashlib.sha256(data).hexdigest())


def read_workbook_bytes(path: Path) -> bytes:
    """The workbook's bytes, checked to be an .xlsx that can be opened; UnreadableFileError otherwise."""
    return _read_bytes(Path(path), str(path))


# --- opening the file ---------------------------------------------------------------------------------------


def _read_bytes(path: Path, file: str) -> bytes:
    data = read_regular_file(
        path,
        file,
        MAX_WORKBOOK_BYTES,
        what="workbook (.xlsx)",
        hint="a budget workbook is a few MiB; remove images and unused sheets",
        missing="the file does not exist",
    )
    if not data:
        raise UnreadableFileError(file, "the file is empty", SAVE_AS_XLSX)
    if data.startswith(_OLE_MAGIC):
        if "EncryptionInfo".encode("utf-16-le") in data:
            raise UnreadableFileError(
                file,
                "the workbook is protected with a password (encrypted)",
                "remove the password in Excel (File > Info > Protect Workbook) and save it again",
            )
        raise UnreadableFileError(file, "this is an old Excel 97-2003 workbook (.xls), not an .xlsx", SAVE_AS_XLSX)
    if not data.startswith(b"PK"):
        raise UnreadableFileError(file, "this is not an Excel workbook (.xlsx): it is not a zip archive", SAVE_AS_XLSX)
    _check_archive(data, file)
    return data


def _check_archive(data: bytes, file: str) -> None:
    """Refuse a zip bomb from the archive's directory alone, before anything is unpacked.

    The entry count comes first from the end-of-directory record (a few bytes), so a directory of a million
    entries is refused before a million ZipInfo objects are made.
    """
    try:
        end = zipfile._EndRecData(io.BytesIO(data))  # type: ignore[attr-defined]  # the standard library's reader
        declared = int(end[zipfile._ECD_ENTRIES_TOTAL]) if end else 0  # type: ignore[attr-defined]
    except Exception:  # no readable record: ZipFile below says why
        declared = 0
    if declared > MAX_ZIP_ENTRIES:
        raise UnreadableFileError(
            file,
            f"the workbook's archive holds {declared:,} parts; the limit is {MAX_ZIP_ENTRIES:,}",
            SAVE_AS_XLSX,
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except Exception as error:  # a damaged directory: not a readable workbook
        raise UnreadableFileError(
            file, f"this is not a readable Excel workbook (.xlsx): {_describe(error)}", SAVE_AS_XLSX
        ) from None
    if len(entries) > MAX_ZIP_ENTRIES:
        raise UnreadableFileError(
            file,
            f"the workbook's archive holds {len(entries):,} parts; the limit is {MAX_ZIP_ENTRIES:,}",
            SAVE_AS_XLSX,
        )
    unpacked = sum(entry.file_size for entry in entries)
    if unpacked > MAX_UNPACKED_BYTES:
        raise UnreadableFileError(
            file,
            f"the workbook would unpack to {size_text(unpacked)}; the limit is {size_text(MAX_UNPACKED_BYTES)}",
            "a budget workbook unpacks to a few MiB; remove images and unused sheets, or save it again from Excel",
        )


def _open_workbook(data: bytes, file: str, *, data_only: bool):
    from openpyxl import load_workbook

    try:
        # A file object, not the path: openpyxl would refuse a name that does not end in .xlsx.
        return load_workbook(io.BytesIO(data), read_only=True, data_only=data_only)
    except Exception as error:  # zipfile, XML and openpyxl errors alike: the file is not a readable workbook
        raise UnreadableFileError(
            file, f"this is not a readable Excel workbook (.xlsx): {_describe(error)}", SAVE_AS_XLSX
        ) from None


def _describe(error: Exception) -> str:
    text = str(error).strip()
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


@dataclass
class _RawSheet:
    title: str
    rows: list[tuple[object, ...]] | None  # None: not read (a sheet the loader does not use, or a chart sheet)


def _too_many(file: str, title: str, found: str) -> UnreadableFileError:
    return UnreadableFileError(
        file,
        f"sheet '{_shown(title)}' {found}; the limit is {MAX_CELLS:,} cells and {MAX_ROWS:,} rows per sheet",
        "delete the unused rows and columns (Ctrl+End shows the last cell in use) and save it again",
    )


def _shown(text: str) -> str:
    from hengelo_scenario.text import visible

    return visible(text)[:80]


def _rows_of(worksheet, file: str, title: str, progress: Progress | None) -> list[tuple[object, ...]]:
    """The rows of a sheet, counting cells and rows as they come, so a lying dimension cannot exhaust memory."""
    try:
        declared_rows = int(worksheet.max_row or 0)
        declared_cells = declared_rows * int(worksheet.max_column or 0)
    except (TypeError, ValueError):
        declared_rows = declared_cells = 0
    if declared_cells > MAX_CELLS or declared_rows > MAX_ROWS:
        raise _too_many(file, title, f"declares {declared_rows:,} rows and {declared_cells:,} cells")
    worksheet.reset_dimensions()  # a wrong <dimension> in the file must not hide cells
    rows: list[tuple[object, ...]] = []
    cells = 0
    for values in worksheet.iter_rows(values_only=True):
        rows.append(values)
        cells += len(values)
        if cells > MAX_CELLS:
            raise _too_many(file, title, f"holds more than {MAX_CELLS:,} cells (in its first {len(rows):,} rows)")
        if len(rows) > MAX_ROWS:
            raise _too_many(file, title, f"holds more than {MAX_ROWS:,} rows")
        if progress is not None and len(rows) % PROGRESS_EVERY == 0:
            progress(title, len(rows), declared_rows)
    if progress is not None and len(rows) >= PROGRESS_EVERY:
        progress(title, len(rows), len(rows))
    return rows


def _read_sheets(
    data: bytes, file: str, *, data_only: bool = True, progress: Progress | None = None
) -> dict[str, _RawSheet]:
    """The cell values of the sheets the loader reads, by normalised name. All other sheets are skipped."""
    wanted = {layout.normalise_name(s.name) for s in layout.SHEETS}
    workbook = _open_workbook(data, file, data_only=data_only)
    sheets: dict[str, _RawSheet] = {}
    try:
        for title in workbook.sheetnames:
            key = layout.normalise_name(title)
            if key in sheets:
                continue
            if key not in wanted:
                sheets[key] = _RawSheet(title, None)
                continue
            worksheet = workbook[title]
            if not hasattr(worksheet, "iter_rows"):
                sheets[key] = _RawSheet(title, None)
                continue
            sheets[key] = _RawSheet(title, _rows_of(worksheet, file, title, progress))
    except UnreadableFileError:
        raise
    except Exception as error:  # a corrupt sheet inside a valid zip
        raise UnreadableFileError(
            file, f"this is not a readable Excel workbook (.xlsx): {_describe(error)}", SAVE_AS_XLSX
        ) from None
    finally:
        workbook.close()
    return sheets


# --- one sheet, its header and its rows -----------------------------------------------------------------------


@dataclass
class _Table:
    spec: Sheet
    title: str
    columns: dict[str, int]  # column name -> 0-based index
    years: dict[int, int]  # year -> 0-based index
    rows: list[tuple[int, tuple[object, ...]]] = field(default_factory=list)  # (row number, values), not empty
    complete: bool = True  # every column of the spec is present
    bad_years: bool = False  # a header that is almost a year (2025.5): reported on its cell, not as missing years
    headers: list[str] = field(default_factory=list)  # the non-empty header cells as written, for messages

    def where(self, row: int, column: int) -> str:
        from openpyxl.utils import get_column_letter

        return f"sheet '{self.title}', cell {get_column_letter(column + 1)}{row}"

    @property
    def header_where(self) -> str:
        return f"sheet '{self.title}', row 1"


_ALMOST_YEAR = re.compile(r"^\s*\d{4}\s*[.,]\s*\d+\s*$")


def _almost_a_year(value: object) -> bool:
    """2025.5, '2025,5': a header meant as a year with a typing slip, not an extra column."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return math.isfinite(value) and 1000 <= value < 10000 and not float(value).is_integer()
    return isinstance(value, str) and bool(_ALMOST_YEAR.match(value))


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _cell_text(value: object) -> str:
    """A header or other cell as the analyst sees it, for messages."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _excerpt(text: str) -> str:
    """A cell's text in a message: short and visible (a cell may hold 32,767 characters, or escape sequences)."""
    from hengelo_scenario.text import excerpt

    return excerpt(text)


def _quote_list(items: Iterable[object]) -> str:
    texts = [_excerpt(_cell_text(i)) for i in items]
    return ", ".join(texts) if texts else "none"


def _suggest(value: str, candidates: Sequence[str]) -> str | None:
    """The candidate closest to value (case-insensitive), if one is close enough."""
    by_key = {layout.normalise_name(c): c for c in candidates}
    match = difflib.get_close_matches(layout.normalise_name(value), list(by_key), n=1, cutoff=0.6)
    return by_key[match[0]] if match else None


def _money(value: Decimal) -> str:
    return f"{value:,.2f}"


def _years_text(years: Sequence[int]) -> str:
    return f"{years[0]}-{years[-1]}" if len(years) > 1 else ", ".join(str(y) for y in years)


class _Loader:
    def __init__(self, file: str, data: bytes, sheets: dict[str, _RawSheet]) -> None:
        self.file = file
        self.data = data
        self.sheets = sheets
        self.problems: list[Problem] = []
        self.years: tuple[int, ...] = ()
        self._formulas: dict[str, _RawSheet] | None = None
        # Lookups filled as sheets are read; None while unknown (sheet missing or broken), to avoid follow-up noise.
        self.programma_lookup: dict[str, str] | None = None
        self.programma_names: dict[str, str] = {}
        self.reserve_lookup: dict[str, str] | None = None
        self.index_lookup: dict[str, str] | None = None  # None: no sheet Indexen (or a broken one)

    # --- problems -----------------------------------------------------------------------------------------

    def problem(
        self, where: str, field: str, expected: str, found: str, hint: str = "", *, code: str = "baseline.invalid"
    ) -> None:
        self.problems.append(Problem(self.file, where, field, expected, found, hint, code))

    def _formula(self, table: _Table, row: int, column: int) -> str | None:
        """The formula in a cell that read as empty, if it holds one (a formula without a cached value)."""
        if self._formulas is None:
            try:
                self._formulas = _read_sheets(self.data, self.file, data_only=False)
            except UnreadableFileError:
                self._formulas = {}
        raw = self._formulas.get(layout.normalise_name(table.title))
        if raw is None or raw.rows is None or row > len(raw.rows):
            return None
        values = raw.rows[row - 1]
        if column >= len(values):
            return None
        value = values[column]
        text = getattr(value, "text", value)  # an array formula keeps its text in .text
        return text if isinstance(text, str) and text.startswith("=") else None

    def _empty_cell(self, table: _Table, row: int, column: int, field: str) -> bool:
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

    # --- sheets and headers -------------------------------------------------------------------------------

    def table(self, spec: Sheet) -> _Table | None:
        raw = self.sheets.get(layout.normalise_name(spec.name))
        if raw is None:
            if spec.required:
                titles = [s.title for s in self.sheets.values()]
                known = {layout.normalise_name(sheet.name) for sheet in layout.SHEETS}
                # Only a sheet that is not itself a known sheet can be the misspelt one.
                near = _suggest(spec.name, [t for t in titles if layout.normalise_name(t) not in known])
                self.problem(
                    f"sheet '{spec.name}'",
                    "sheet",
                    f"a sheet named '{spec.name}'",
                    f"sheets {_quote_list(titles)}",
                    f"did you mean '{near}'? Rename it to '{spec.name}'" if near else "",
                    code="baseline.missing-sheet",
                )
            return None
        if raw.rows is None:
            self.problem(
                f"sheet '{raw.title}'",
                "sheet",
                "a worksheet with cells",
                "a chart sheet",
                code="baseline.missing-sheet",
            )
            return None
        return self._header(spec, raw)

    def _header(self, spec: Sheet, raw: _RawSheet) -> _Table:
        header = raw.rows[0] if raw.rows else ()
        wanted = {layout.normalise_name(name): name for name in spec.column_names}
        table = _Table(spec, raw.title, {}, {})
        unmatched: list[str] = []
        for index, value in enumerate(header):
            if _is_blank(value):
                continue
            year = layout.as_year(value) if spec.has_years else None
            if year is None and spec.has_years and _almost_a_year(value):
                table.bad_years = True
                self.problem(
                    table.where(1, index),
                    "years",
                    "a year as a whole number, such as 2025",
                    f"'{_shown(_cell_text(value))}'",
                    "type the year without decimals (format the cell as a number with 0 decimals)",
                    code="baseline.column",
                )
                continue
            if year is not None:
                if year in table.years:
                    self.problem(
                        table.where(1, index),
                        str(year),
                        f"one column for year {year}",
                        f"a second column {year}",
                        "remove or rename one of them",
                        code="baseline.column",
                    )
                else:
                    table.years[year] = index
                continue
            name = wanted.get(layout.normalise_name(str(value)))
            if name is None:
                unmatched.append(_cell_text(value))  # an extra column (notes, say): allowed and ignored
            elif name in table.columns:
                self.problem(
                    table.where(1, index),
                    name,
                    f"one column '{name}'",
                    f"a second column '{_cell_text(value)}'",
                    "remove or rename one of them",
                    code="baseline.column",
                )
            else:
                table.columns[name] = index
        found = table.headers = [_cell_text(v) for v in header if not _is_blank(v)]
        for name in spec.column_names:
            if name not in table.columns:
                if spec.column(name).optional:
                    continue  # a column added in a later version of the layout: the sheet loads without it
                table.complete = False
                near = _suggest(name, unmatched)
                self.problem(
                    table.header_where,
                    name,
                    f"a column '{name}' (column headers in row 1: {', '.join(spec.column_names)})",
                    f"columns {_quote_list(found)}" if found else "an empty row 1",
                    f"did you mean '{near}'? Rename the header to '{name}'" if near else "",
                    code="baseline.column",
                )
        for number, values in enumerate((raw.rows or [])[1:], start=2):
            used = [*table.columns.values(), *table.years.values()]
            if any(i < len(values) and not _is_blank(values[i]) for i in used):
                table.rows.append((number, values))
        return table

    def check_years(self, table: _Table) -> None:
        """The years of a sheet other than 'Lasten en baten' must be the workbook's years exactly."""
        if not self.years:
            return
        found = sorted(table.years)
        found_text = f"years {', '.join(str(y) for y in found)}" if found else "no year columns"
        for year in self.years:
            if year not in table.years:
                self.problem(
                    table.header_where,
                    str(year),
                    f"a column {year}: every sheet with years has the years of sheet '{layout.LASTEN_BATEN}' "
                    f"({_years_text(self.years)})",
                    found_text,
                    f"add a column with header {year}",
                    code="baseline.years",
                )
        for year in found:
            if year not in self.years:
                self.problem(
                    table.where(1, table.years[year]),
                    str(year),
                    f"only the years of sheet '{layout.LASTEN_BATEN}' ({_years_text(self.years)})",
                    f"a column {year}",
                    f"remove the column or add year {year} to sheet '{layout.LASTEN_BATEN}'",
                    code="baseline.years",
                )

    def set_years(self, table: _Table) -> None:
        years = sorted(table.years)
        if not years:
            self.problem(
                table.header_where,
                "years",
                "year columns: headers that are 4-digit years, such as 2025, 2026, 2027, 2028",
                f"columns {_quote_list(table.headers)}" if table.headers else "an empty row 1",
                "add one column per year with the year as its header",
                code="baseline.years",
            )
            return
        if years != list(range(years[0], years[-1] + 1)):
            missing = [y for y in range(years[0], years[-1] + 1) if y not in table.years]
            self.problem(
                table.header_where,
                "years",
                "consecutive years, such as 2025, 2026, 2027, 2028",
                f"years {', '.join(str(y) for y in years)} (missing {', '.join(str(y) for y in missing)})",
                "add the missing year columns",
                code="baseline.years",
            )
        self.years = tuple(years)

    # --- cells --------------------------------------------------------------------------------------------

    def text(self, table: _Table, row: int, values: tuple[object, ...], name: str, what: str) -> str | None:
        """A required text cell (a name, a code), stripped; numbers read as their text (1 -> "1")."""
        index = table.columns[name]
        raw = values[index] if index < len(values) else None
        if _is_blank(raw):
            # None may be a formula nobody computed; a cell holding only spaces is empty, whatever made it
            if raw is not None or not self._empty_cell(table, row, index, name):
                self.problem(table.where(row, index), name, what, "an empty cell", code="baseline.empty-cell")
            return None
        return self.optional_text(table, row, values, name)

    def optional_text(self, table: _Table, row: int, values: tuple[object, ...], name: str) -> str | None:
        index = table.columns.get(name)
        if index is None or index >= len(values) or _is_blank(values[index]):
            return None
        value = values[index]
        if isinstance(value, bool):
            self.problem(
                table.where(row, index), name, "text", f"the boolean {str(value).upper()}", code="baseline.not-text"
            )
            return None
        if isinstance(value, datetime.datetime | datetime.date | datetime.time | datetime.timedelta):
            self.problem(table.where(row, index), name, "text", f"a date or time ({value})", code="baseline.not-text")
            return None
        return _cell_text(value).strip()

    def choice(
        self, table: _Table, row: int, values: tuple[object, ...], name: str, allowed: Mapping[str, T]
    ) -> T | None:
        shown = table.spec.column(name).allowed or tuple(allowed)
        expected = "one of " + ", ".join(shown)
        text = self.text(table, row, values, name, expected)
        if text is None:
            return None
        chosen = allowed.get(layout.normalise_name(text))
        if chosen is None:
            near = _suggest(text, list(shown))
            self.problem(
                table.where(row, table.columns[name]),
                name,
                expected,
                _excerpt(text),
                f"did you mean '{near}'?" if near else "",
                code="baseline.not-allowed",
            )
        return chosen

    def amount(
        self, table: _Table, row: int, values: tuple[object, ...], index: int, name: str, *, negative: bool = False
    ) -> Decimal:
        """An amount cell as an exact Decimal; an empty cell is 0. A problem gives 0, so reading goes on."""
        value = values[index] if index < len(values) else None
        where = table.where(row, index)
        expected = "a number (euros)" if negative else "a number of 0 or more"
        if _is_blank(value):
            if value is None:  # a formula nobody computed reads as None too
                self._empty_cell(table, row, index, name)
            return ZERO
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
                    f"the error value {_excerpt(text)}",
                    "correct the formula",
                    code="baseline.invalid-amount",
                )
            elif _NUMBER_TEXT.match(text):
                self.problem(
                    where,
                    name,
                    expected,
                    f"text {_excerpt(text)}",
                    "the cell holds text that looks like a number: use Convert to Number (Converteren naar "
                    "getal) in Excel, or type the number again in a cell formatted as a number",
                    code="baseline.invalid-amount",
                )
            else:
                self.problem(where, name, expected, f"text {_excerpt(text)}", code="baseline.invalid-amount")
            return ZERO
        if isinstance(value, int | float):
            if isinstance(value, float) and not math.isfinite(value):
                self.problem(where, name, expected, _excerpt(str(value)), code="baseline.invalid-amount")
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
                    f"{_cell_text(value)}",
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
        self.problem(where, name, expected, _excerpt(str(value)), code="baseline.invalid-amount")
        return ZERO

    def amounts(
        self, table: _Table, row: int, values: tuple[object, ...], *, negative: bool = False
    ) -> tuple[Decimal, ...]:
        result = []
        for year in self.years:
            index = table.years.get(year)
            result.append(
                ZERO if index is None else self.amount(table, row, values, index, str(year), negative=negative)
            )
        return tuple(result)

    def programma(self, table: _Table, row: int, values: tuple[object, ...]) -> str | None:
        name = layout.PROGRAMMA
        text = self.text(table, row, values, name, f"a programme code or name from sheet '{layout.PROGRAMMAS}'")
        if text is None or self.programma_lookup is None:
            return text
        code = self.programma_lookup.get(layout.normalise_name(text))
        if code is None:
            near = _suggest(text, list(self.programma_lookup))
            hint = ""
            if near is not None:
                code_near = self.programma_lookup[layout.normalise_name(near)]
                hint = f"did you mean '{code_near}' ({self.programma_names[code_near]})?"
            else:
                hint = f"known programme codes: {', '.join(self.programma_names)}"
            self.problem(
                table.where(row, table.columns[name]),
                name,
                f"a programme code or name from sheet '{layout.PROGRAMMAS}'",
                _excerpt(text),
                hint,
                code="baseline.unknown-programma",
            )
        return code

    def key(self, table: _Table, row: int, values: tuple[object, ...]) -> str | None:
        text = self.optional_text(table, row, values, layout.SLEUTEL)
        return text.lower() if text else None

    # --- the sheets ---------------------------------------------------------------------------------------

    def load(self, sha256: str) -> Baseline:
        tables = {spec.name: self.table(spec) for spec in layout.SHEETS}
        lines_table = tables[layout.LASTEN_BATEN]
        if lines_table is not None:
            self.set_years(lines_table)
        else:  # no 'Lasten en baten': still check the other sheets against each other
            first = next((t for t in tables.values() if t is not None and t.years), None)
            if first is not None:
                self.years = tuple(sorted(first.years))
        for spec in layout.SHEETS:
            table = tables[spec.name]
            if (
                table is not None
                and spec.has_years
                and spec.name != layout.LASTEN_BATEN
                and lines_table is not None
                and not lines_table.bad_years
                and not table.bad_years
            ):
                self.check_years(table)

        programmas = self.read_programmas(tables[layout.PROGRAMMAS])
        indexen = self.read_indexen(tables[layout.INDEXEN])
        lines = self.read_lines(lines_table)
        reserves = self.read_reserves(tables[layout.RESERVES])
        mutations = self.read_mutations(tables[layout.MUTATIES])
        voorstellen = self.read_voorstellen(tables[layout.VOORSTELLEN])
        lines, mutations = _with_voorstellen(lines, mutations, voorstellen)
        jeugdhulp = self.read_jeugdhulp(tables[layout.JEUGDHULP], lines_table, lines)
        transformatieplan = self.read_transformatieplan(tables[layout.TRANSFORMATIEPLAN])
        weerstand = self.read_weerstand(tables[layout.WEERSTAND])
        risicos = self.read_risicos(tables.get(layout.RISICOS))
        instellingen = self.read_instellingen(tables[layout.INSTELLINGEN])

        if self.problems:
            raise BaselineError(self.problems)
        return Baseline(
            source=self.file,
            years=self.years,
            programmas=programmas,
            lines=lines,
            reserves=reserves,
            mutations=mutations,
            jeugdhulp=jeugdhulp,
            transformatieplan=transformatieplan,
            weerstand=weerstand,
            sha256=sha256,
            risicos=risicos,
            instellingen=instellingen,
            indexen=indexen,
            voorstellen=voorstellen,
        )

    def _rows(self, table: _Table | None) -> Iterable[tuple[int, tuple[object, ...]]]:
        if table is None or not table.complete:
            return ()
        return table.rows

    def _unique(self, table: _Table, row: int, name: str, value: str | None, seen: dict[str, int], what: str) -> None:
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

    def _problems_in(self, table: _Table) -> list[Problem]:
        prefix = f"sheet '{table.title}'"
        return [p for p in self.problems if p.where == prefix or p.where.startswith(prefix + ",")]

    def _has_problems(self, table: _Table) -> bool:
        return bool(self._problems_in(table))

    def _none_found(self, table: _Table, field: str, expected: str) -> None:
        self.problem(f"sheet '{table.title}', row 2", field, expected, "no rows", code="baseline.no-rows")

    def read_programmas(self, table: _Table | None) -> tuple[Programma, ...]:
        result: list[Programma] = []
        codes: dict[str, int] = {}
        names: dict[str, int] = {}
        for row, values in self._rows(table):
            assert table is not None
            code = self.text(table, row, values, layout.CODE, "a programme code, such as 6 or AD")
            naam = self.text(table, row, values, layout.NAAM, "a programme name")
            self._unique(table, row, layout.CODE, code, codes, "a code")
            self._unique(table, row, layout.NAAM, naam, names, "a name")
            if code is not None and naam is not None:
                result.append(Programma(code, naam))
        if table is None or not table.complete:
            return ()
        if not table.rows:
            self._none_found(table, layout.CODE, "at least one programme")
        lookup: dict[str, str] = {}
        for p in result:
            lookup.setdefault(layout.normalise_name(p.naam), p.code)
        for p in result:
            lookup[layout.normalise_name(p.code)] = p.code  # a code wins over a name that reads the same
        self.programma_lookup = lookup
        self.programma_names = {p.code: p.naam for p in result}
        return tuple(result)

    def read_lines(self, table: _Table | None) -> tuple[Line, ...]:
        result: list[Line] = []
        keys: dict[str, int] = {}
        for row, values in self._rows(table):
            assert table is not None
            programma = self.programma(table, row, values)
            description = self.text(table, row, values, layout.OMSCHRIJVING, "a description of the line")
            soort = self.choice(table, row, values, layout.SOORT, layout.LINE_SOORTEN)
            aard = self.choice(table, row, values, layout.AARD, layout.AARDEN)
            key = self.key(table, row, values)
            self._unique(table, row, layout.SLEUTEL, key, keys, "a Sleutel")
            amounts = self.amounts(table, row, values, negative=True)
            source = self.optional_text(table, row, values, layout.BRON) or ""
            index = self.index_category(table, row, values)
            onzekerheid = None
            if self.optional_text(table, row, values, layout.ONZEKERHEID) is not None:
                onzekerheid = self.choice(table, row, values, layout.ONZEKERHEID, layout.ONZEKERHEDEN)
            if programma is not None and description is not None and soort is not None and aard is not None:
                result.append(
                    Line(programma, description, soort, aard, amounts, key, source, row, index, onzekerheid=onzekerheid)
                )
        if table is not None and table.complete and not table.rows:
            self._none_found(table, layout.PROGRAMMA, "at least one line of lasten or baten")
        return tuple(result)

    def read_reserves(self, table: _Table | None) -> tuple[Reserve, ...]:
        result: list[Reserve] = []
        names: dict[str, int] = {}
        algemene: tuple[str, int] | None = None
        for row, values in self._rows(table):
            assert table is not None
            naam = self.text(table, row, values, layout.RESERVE, "the name of the reserve")
            self._unique(table, row, layout.RESERVE, naam, names, "a reserve name")
            soort = self.choice(table, row, values, layout.SOORT, layout.RESERVE_SOORTEN)
            balance = self.amount(table, row, values, table.columns[layout.BEGINSTAND], layout.BEGINSTAND)
            counts = None
            if self.optional_text(table, row, values, layout.WEERSTANDSCAPACITEIT) is not None:
                counts = self.choice(table, row, values, layout.WEERSTANDSCAPACITEIT, layout.JA_NEE)
            if soort is ReserveSoort.ALGEMEEN:
                if algemene is None:
                    algemene = (naam or "", row)
                else:
                    self.problem(
                        table.where(row, table.columns[layout.SOORT]),
                        layout.SOORT,
                        "exactly one algemene reserve",
                        f"a second algemene reserve (the first is '{algemene[0]}' in row {algemene[1]})",
                        "make one of them a bestemmingsreserve",
                        code="baseline.algemene-reserve",
                    )
            if counts is None:
                counts = soort is ReserveSoort.ALGEMEEN
            structural = False
            if self.optional_text(table, row, values, layout.STRUCTURELE_MUTATIES) is not None:
                structural = bool(self.choice(table, row, values, layout.STRUCTURELE_MUTATIES, layout.JA_NEE))
            source = self.optional_text(table, row, values, layout.BRON) or ""
            if naam is not None and soort is not None:
                result.append(Reserve(naam, soort, balance, counts, source, row, structural))
        if table is None or not table.complete:
            return tuple(result)
        self.reserve_lookup = {layout.normalise_name(r.naam): r.naam for r in result}
        if algemene is None and not any(p.field == layout.SOORT for p in self._problems_in(table)):
            self.problem(
                f"sheet '{table.title}'",
                layout.SOORT,
                "exactly one reserve with Soort 'algemene reserve'",
                "none" if table.rows else "no rows",
                "add the algemene reserve with its balance on 1 January of the first year",
                code="baseline.algemene-reserve",
            )
        return tuple(result)

    def read_mutations(self, table: _Table | None) -> tuple[ReserveMutation, ...]:
        result: list[ReserveMutation] = []
        for row, values in self._rows(table):
            assert table is not None
            reserve = self.reserve(table, row, values)
            programma = self.programma(table, row, values)
            description = self.text(table, row, values, layout.OMSCHRIJVING, "a description of the mutation")
            soort = self.choice(table, row, values, layout.SOORT, layout.MUTATION_SOORTEN)
            aard = self.choice(table, row, values, layout.AARD, layout.AARDEN)
            key = self.key(table, row, values)
            amounts = self.amounts(table, row, values)
            source = self.optional_text(table, row, values, layout.BRON) or ""
            if reserve is not None and programma is not None and description is not None and soort and aard:
                result.append(ReserveMutation(reserve, programma, description, soort, aard, amounts, key, source, row))
        return tuple(result)

    def reserve(self, table: _Table, row: int, values: tuple[object, ...]) -> str | None:
        name = layout.RESERVE
        text = self.text(table, row, values, name, f"a reserve from sheet '{layout.RESERVES}'")
        if text is None or self.reserve_lookup is None:
            return text
        naam = self.reserve_lookup.get(layout.normalise_name(text))
        if naam is None:
            known = list(self.reserve_lookup.values())
            near = _suggest(text, known)
            self.problem(
                table.where(row, table.columns[name]),
                name,
                f"a reserve from sheet '{layout.RESERVES}'",
                _excerpt(text),
                f"did you mean '{near}'?" if near else f"known reserves: {_quote_list(known)}",
                code="baseline.unknown-reserve",
            )
        return naam

    def read_jeugdhulp(
        self, table: _Table | None, lines_table: _Table | None, lines: Sequence[Line]
    ) -> tuple[JeugdhulpSegment, ...]:
        # segment key -> (name, {grootheid: (row, amounts, source, unit)})
        segments: dict[str, tuple[str, dict[str, tuple[int, tuple[Decimal, ...], str, str]]]] = {}
        unclear: set[str] = set()
        indices: dict[str, str] = {}
        for row, values in self._rows(table):
            assert table is not None
            naam = self.text(table, row, values, layout.SEGMENT, "the name of a youth-care segment")
            unit = self.optional_text(table, row, values, layout.EENHEID) or ""
            grootheid = self.choice(table, row, values, layout.GROOTHEID, layout.GROOTHEDEN)
            amounts = self.amounts(table, row, values)
            source = self.optional_text(table, row, values, layout.BRON) or ""
            index = self.index_category(table, row, values)
            if index is not None and grootheid == layout.PRIJS:
                indices[layout.normalise_name(naam or "")] = index
            if naam is None:
                continue
            _, parts = segments.setdefault(layout.normalise_name(naam), (naam, {}))
            if grootheid is None:
                unclear.add(layout.normalise_name(naam))  # reported already; do not report its missing row too
                continue
            if grootheid in parts:
                self.problem(
                    table.where(row, table.columns[layout.GROOTHEID]),
                    layout.GROOTHEID,
                    f"one '{grootheid}' row for segment '{naam}'",
                    f"a second one (also in row {parts[grootheid][0]})",
                    code="baseline.youth-care-rows",
                )
            else:
                parts[grootheid] = (row, amounts, source, unit)
        result: list[JeugdhulpSegment] = []
        for key, (naam, parts) in segments.items():
            assert table is not None
            missing = [g for g in (layout.PRIJS, layout.VOLUME) if g not in parts]
            if missing and key in unclear:
                continue
            if missing:
                (present, (row, *_)) = next(iter(parts.items()))
                self.problem(
                    f"sheet '{table.title}', row {row}",
                    layout.GROOTHEID,
                    f"a '{missing[0]}' row for segment '{naam}' (every segment has one 'prijs' and one 'volume' row)",
                    f"only a '{present}' row (row {row})",
                    f"add a row with Segment '{naam}' and Grootheid '{missing[0]}'",
                    code="baseline.youth-care-rows",
                )
                continue
            p_row, prices, p_source, p_unit = parts[layout.PRIJS]
            q_row, volumes, q_source, q_unit = parts[layout.VOLUME]
            if p_source and q_source and p_source != q_source:
                source = f"prijs: {p_source}; volume: {q_source}"
            else:
                source = p_source or q_source
            result.append(
                JeugdhulpSegment(naam, q_unit or p_unit, prices, volumes, source, min(p_row, q_row), indices.get(key))
            )
        if result and table is not None and not self._has_problems(table):
            self.reconcile(result, lines_table, lines)
        return tuple(result)

    def reconcile(
        self, segments: Sequence[JeugdhulpSegment], lines_table: _Table | None, lines: Sequence[Line]
    ) -> None:
        """Σ prijs × volume per year equals the `jeugdhulp` line, to the cent."""
        if lines_table is None or not lines_table.complete:
            return
        line = next((x for x in lines if x.key == layout.KEY_JEUGDHULP), None)
        if line is None:
            if not any(p.field == layout.SLEUTEL for p in self.problems):
                self.problem(
                    f"sheet '{lines_table.title}'",
                    layout.SLEUTEL,
                    f"a line with Sleutel '{layout.KEY_JEUGDHULP}' (the youth-care segments of sheet "
                    f"'{layout.JEUGDHULP}' add up to it)",
                    "no such line",
                    f"give the youth-care line of programme 6 the Sleutel '{layout.KEY_JEUGDHULP}'",
                    code="baseline.youth-care-mismatch",
                )
            return
        assert line.row is not None
        if line.soort is not Soort.LAST:
            self.problem(
                lines_table.where(line.row, lines_table.columns[layout.SOORT]),
                layout.SOORT,
                f"'last' for the line with Sleutel '{layout.KEY_JEUGDHULP}'",
                f"'{line.soort.value}'",
                code="baseline.youth-care-mismatch",
            )
        for y, year in enumerate(self.years):
            with exact():
                total = sum((youth_care_cost(s.prices[y], s.volumes[y]) for s in segments), ZERO)
            if round_half_away(total, CENT) != round_half_away(line.amounts[y], CENT):
                self.problem(
                    lines_table.where(line.row, lines_table.years[year]),
                    str(year),
                    f"{_money(round_half_away(total, CENT))}, the sum of prijs × volume over the segments of sheet "
                    f"'{layout.JEUGDHULP}' in {year}",
                    f"{_money(line.amounts[y])} on the line with Sleutel '{layout.KEY_JEUGDHULP}'",
                    "the youth-care line must equal its segments to the cent: correct the prices, the volumes or "
                    "the line",
                    code="baseline.youth-care-mismatch",
                )

    def read_transformatieplan(self, table: _Table | None) -> tuple[TransformatieOnderdeel, ...]:
        result: list[TransformatieOnderdeel] = []
        names: dict[str, int] = {}
        for row, values in self._rows(table):
            assert table is not None
            naam = self.text(table, row, values, layout.ONDERDEEL, "the name of the onderdeel")
            self._unique(table, row, layout.ONDERDEEL, naam, names, "an onderdeel")
            programma = self.programma(table, row, values)
            invulling: Invulling | None = self.choice(table, row, values, layout.INVULLING, layout.INVULLINGEN)
            amounts = self.amounts(table, row, values)
            source = self.optional_text(table, row, values, layout.BRON) or ""
            if naam is not None and programma is not None and invulling is not None:
                result.append(TransformatieOnderdeel(naam, programma, invulling, amounts, source, row))
        return tuple(result)

    def read_weerstand(self, table: _Table | None) -> tuple[WeerstandPost, ...]:
        result: list[WeerstandPost] = []
        for row, values in self._rows(table):
            assert table is not None
            naam = self.text(table, row, values, layout.ONDERDEEL, "the name of the onderdeel")
            soort: Weerstandsoort | None = self.choice(table, row, values, layout.SOORT, layout.WEERSTAND_SOORTEN)
            amounts = self.amounts(table, row, values)
            source = self.optional_text(table, row, values, layout.BRON) or ""
            key = self.key(table, row, values)
            if naam is not None and soort is not None:
                result.append(WeerstandPost(naam, soort, amounts, source, row, key))
        if (
            table is not None
            and table.complete
            and not any(w.soort is Weerstandsoort.BENODIGD for w in result)
            and not any(p.field == layout.SOORT for p in self._problems_in(table))
        ):
            self.problem(
                f"sheet '{table.title}'",
                layout.SOORT,
                "at least one row with Soort 'benodigd' (the required weerstandscapaciteit)",
                "none" if table.rows else "no rows",
                "add the quantified risks as benodigd, or remove the sheet",
                code="baseline.no-benodigd",
            )
        return tuple(result)

    # --- the risk register --------------------------------------------------------------------------------

    def _optional_amount(self, table: _Table, row: int, values: tuple[object, ...], name: str) -> Decimal | None:
        index = table.columns[name]
        if index >= len(values) or _is_blank(values[index]):
            return None
        return self.amount(table, row, values, index, name)

    def _kans(self, table: _Table, row: int, values: tuple[object, ...]) -> Decimal | None:
        index = table.columns[layout.KANS]
        value = values[index] if index < len(values) else None
        expected = "a chance between 0% and 100% (a percentage, or a number from 0 to 1)"
        if _is_blank(value):
            self.problem(table.where(row, index), layout.KANS, expected, "an empty cell", code="baseline.risk-register")
            return None
        if isinstance(value, str):
            from hengelo_scenario.money import parse_percentage

            try:
                kans = parse_percentage(value)
            except (ValueError, ArithmeticError):
                self.problem(
                    table.where(row, index),
                    layout.KANS,
                    expected,
                    f"text '{value.strip()}'",
                    "write 30% or 0.3",
                    code="baseline.risk-register",
                )
                return None
        elif isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
            kans = to_decimal(value)
        else:
            self.problem(table.where(row, index), layout.KANS, expected, f"'{value}'", code="baseline.risk-register")
            return None
        if not 0 <= kans <= 1:
            hint = f"write {_cell_text(value)}% as {kans / 100}" if 1 < kans <= 100 else ""
            self.problem(
                table.where(row, index), layout.KANS, expected, _cell_text(value), hint, code="baseline.risk-register"
            )
            return None
        return kans

    def read_risicos(self, table: _Table | None) -> tuple[Risico, ...]:
        result: list[Risico] = []
        names: dict[str, int] = {}
        for row, values in self._rows(table):
            assert table is not None
            naam = self.text(table, row, values, layout.RISICO, "the name of the risk")
            self._unique(table, row, layout.RISICO, naam, names, "a risk name")
            programma = self.programma(table, row, values)
            kans = self._kans(table, row, values)
            point = self._optional_amount(table, row, values, layout.IMPACT)
            low = self._optional_amount(table, row, values, layout.IMPACT_MIN)
            high = self._optional_amount(table, row, values, layout.IMPACT_MAX)
            aard = self.choice(table, row, values, layout.AARD, layout.AARDEN)
            source = self.optional_text(table, row, values, layout.BRON) or ""
            where = f"sheet '{table.title}', row {row}"
            if point is not None and (low is not None or high is not None):
                self.problem(
                    where,
                    layout.IMPACT,
                    f"either '{layout.IMPACT}' or '{layout.IMPACT_MIN}' and '{layout.IMPACT_MAX}'",
                    "both",
                    "keep the point estimate or the range",
                    code="baseline.risk-register",
                )
                continue
            if point is None and (low is None or high is None):
                found = "neither" if low is None and high is None else "only one end of the range"
                self.problem(
                    where,
                    layout.IMPACT,
                    f"'{layout.IMPACT}', or '{layout.IMPACT_MIN}' and '{layout.IMPACT_MAX}'",
                    found,
                    "give the financial impact of the risk",
                    code="baseline.risk-register",
                )
                continue
            if point is not None:
                low = high = point
            assert low is not None
            assert high is not None
            if low > high:
                self.problem(
                    table.where(row, table.columns[layout.IMPACT_MIN]),
                    layout.IMPACT_MIN,
                    f"at most '{layout.IMPACT_MAX}' ({_money(high)})",
                    _money(low),
                    "swap the two ends of the range",
                    code="baseline.risk-register",
                )
                continue
            if naam is not None and programma is not None and kans is not None and aard is not None:
                result.append(Risico(naam, programma, kans, low, high, aard, source, row))
        return tuple(result)

    def read_instellingen(self, table: _Table | None) -> Instellingen:
        """Sheet 'Instellingen': one setting per row; every setting optional, each at most once."""
        found: dict[str, object] = {}
        seen: dict[str, int] = {}
        for row, values in self._rows(table):
            assert table is not None
            name = self.choice(table, row, values, layout.INSTELLING, {k: k for k in layout.SETTINGS})
            self._unique(table, row, layout.INSTELLING, name, seen, "a setting")
            if name is None:
                continue
            where = table.where(row, table.columns[layout.WAARDE])
            index = table.columns[layout.WAARDE]
            raw = values[index] if index < len(values) else None
            if name == layout.SETTING_RESULTAATBESTEMMING:
                chosen = self.choice(table, row, values, layout.WAARDE, layout.RESULTAATBESTEMMINGEN)
                if chosen is not None:
                    found[name] = chosen
                continue
            number = None if isinstance(raw, bool) or not isinstance(raw, int | float | str) else raw
            try:
                value = to_decimal(str(number).strip().replace(",", ".")) if number is not None else None
            except (ArithmeticError, ValueError):
                value = None
            if name == layout.SETTING_INCIDENTEEL_MAX_JAREN:
                if value is None or not value.is_finite() or value != value.to_integral_value() or value < 1:
                    self.problem(
                        where,
                        name,
                        "a whole number of years, 1 or more (default 3)",
                        f"{raw!r}",
                        code="baseline.setting",
                    )
                else:
                    found[name] = int(value)
            else:
                if value is None or not value.is_finite() or value <= 0:
                    self.problem(
                        where, name, "a ratio above 0, such as 1,0 (default)", f"{raw!r}", code="baseline.setting"
                    )
                else:
                    found[name] = value
        return Instellingen(**found)  # type: ignore[arg-type]

    # --- indexation and new policy (the levers indexatie and nieuw_beleid) --------------------------------------

    def index_category(self, table: _Table, row: int, values: tuple[object, ...]) -> str | None:
        """The Index cell: a category of sheet Indexen, or None for empty / 'geen'."""
        text = self.optional_text(table, row, values, layout.INDEX)
        if text is None or layout.normalise_name(text) == layout.NO_INDEX:
            return None
        where = table.where(row, table.columns[layout.INDEX])
        if self.index_lookup is None:
            self.problem(
                where,
                layout.INDEX,
                f"an index category from sheet '{layout.INDEXEN}'",
                f"'{text}', and the workbook has no sheet '{layout.INDEXEN}'",
                f"add sheet '{layout.INDEXEN}' with the category '{text}' and its rate per year, or empty the cell",
                code="baseline.index",
            )
            return None
        naam = self.index_lookup.get(layout.normalise_name(text))
        if naam is None:
            known = list(self.index_lookup.values())
            near = _suggest(text, [*known, layout.NO_INDEX])
            self.problem(
                where,
                layout.INDEX,
                f"an index category from sheet '{layout.INDEXEN}' ({', '.join(known)}) or '{layout.NO_INDEX}'",
                f"'{text}'",
                f"did you mean '{near}'?" if near else f"add the category to sheet '{layout.INDEXEN}'",
                code="baseline.index",
            )
        return naam

    def rate(self, table: _Table, row: int, values: tuple[object, ...], year: int) -> Decimal:
        """A percentage cell: the fraction Excel stores for 2,10% (0.021), between -100% and 100%."""
        index = table.years.get(year)
        if index is None:
            return ZERO
        value = values[index] if index < len(values) else None
        where = table.where(row, index)
        expected = "a percentage, in a cell formatted as percentage (2,10% is stored as 0.021)"
        if _is_blank(value):
            if value is None:
                self._empty_cell(table, row, index, str(year))
            return ZERO
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            found = f"text '{value}'" if isinstance(value, str) else f"'{value}'"
            self.problem(
                where,
                str(year),
                expected,
                found,
                "type the number with a % sign (2,10%) so Excel stores it as a percentage",
                code="baseline.index",
            )
            return ZERO
        number = to_decimal(value)
        if not -1 < number < 1:
            self.problem(
                where,
                str(year),
                expected + ", between -100% and 100%",
                _cell_text(value),
                f"the cell holds {_cell_text(value)}, which is {format((number * 100).normalize(), 'f')}%: for "
                f"{_cell_text(value)}% type {_cell_text(value)}% with the % sign (Excel then stores "
                f"{format((number / 100).normalize(), 'f')})",
                code="baseline.index",
            )
            return ZERO
        return number

    def read_indexen(self, table: _Table | None) -> tuple[IndexReeks, ...]:
        result: list[IndexReeks] = []
        names: dict[str, int] = {}
        for row, values in self._rows(table):
            assert table is not None
            naam = self.text(table, row, values, layout.INDEX, "the name of an index category, such as prijzen")
            self._unique(table, row, layout.INDEX, naam, names, "an index category")
            if naam is not None and layout.normalise_name(naam) == layout.NO_INDEX:
                self.problem(
                    table.where(row, table.columns[layout.INDEX]),
                    layout.INDEX,
                    "the name of an index category",
                    f"'{naam}'",
                    f"'{layout.NO_INDEX}' means 'not indexed' in the Index column: choose another name",
                    code="baseline.index",
                )
                continue
            rates = tuple(self.rate(table, row, values, year) for year in self.years)
            source = self.optional_text(table, row, values, layout.BRON) or ""
            if naam is not None:
                result.append(IndexReeks(naam, rates, source, row))
        if table is not None and table.complete:
            self.index_lookup = {layout.normalise_name(r.naam): r.naam for r in result}
        return tuple(result)

    def read_voorstellen(self, table: _Table | None) -> tuple[Voorstel, ...]:
        result: list[Voorstel] = []
        names: dict[str, int] = {}
        for row, values in self._rows(table):
            assert table is not None
            naam = self.text(table, row, values, layout.VOORSTEL, "the name of the proposal")
            self._unique(table, row, layout.VOORSTEL, naam, names, "a proposal name")
            programma = self.programma(table, row, values)
            aard: Aard | None = self.choice(table, row, values, layout.AARD, layout.AARDEN)
            opgenomen: bool | None = self.choice(table, row, values, layout.OPGENOMEN, layout.JA_NEE)
            dekking: str | None = None
            if self.optional_text(table, row, values, layout.DEKKING) is not None:
                dekking = self.reserve_in(table, row, values, layout.DEKKING)
                if dekking is None:
                    continue
            amounts = self.amounts(table, row, values)
            source = self.optional_text(table, row, values, layout.BRON) or ""
            if naam is not None and programma is not None and aard is not None and opgenomen is not None:
                result.append(Voorstel(naam, programma, aard, amounts, opgenomen, dekking, source, row))
        return tuple(result)

    def reserve_in(self, table: _Table, row: int, values: tuple[object, ...], name: str) -> str | None:
        text = self.optional_text(table, row, values, name)
        if text is None or self.reserve_lookup is None:
            return text
        naam = self.reserve_lookup.get(layout.normalise_name(text))
        if naam is None:
            known = list(self.reserve_lookup.values())
            near = _suggest(text, known)
            self.problem(
                table.where(row, table.columns[name]),
                name,
                f"a reserve from sheet '{layout.RESERVES}', or an empty cell (the begrotingssaldo)",
                f"'{text}'",
                f"did you mean '{near}'?" if near else f"known reserves: {_quote_list(known)}",
                code="baseline.unknown-reserve",
            )
        return naam


def _with_voorstellen(
    lines: tuple[Line, ...], mutations: tuple[ReserveMutation, ...], voorstellen: Sequence[Voorstel]
) -> tuple[tuple[Line, ...], tuple[ReserveMutation, ...]]:
    """The proposals marked opgenomen are part of the baseline: a last each, and the onttrekking that covers it."""
    extra_lines = [
        Line(v.programma, v.naam, Soort.LAST, v.aard, v.amounts, v.key, v.source) for v in voorstellen if v.opgenomen
    ]
    extra_mutations = [
        ReserveMutation(
            v.dekking, v.programma, f"Dekking {v.naam}", Soort.ONTTREKKING, Aard.INCIDENTEEL, v.amounts, v.key, v.source
        )
        for v in voorstellen
        if v.opgenomen and v.dekking is not None
    ]
    return lines + tuple(extra_lines), mutations + tuple(extra_mutations)
