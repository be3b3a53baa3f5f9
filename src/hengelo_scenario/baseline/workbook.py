"""Read the baseline workbook (.xlsx) into a validated `Baseline`, reporting every problem at once.

This module opens the file, safely, and reads the cell values of the sheets the loader uses; each sheet is then
checked and read by its own reader in `baseline.sheets` (one module per sheet, sharing `sheets.cells`), and the
results are assembled here into the Baseline.

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

import hashlib
import io
from collections.abc import Callable
from pathlib import Path

from hengelo_scenario.baseline import layout
from hengelo_scenario.baseline.model import Baseline
from hengelo_scenario.baseline.opening import (
    MAX_UNPACKED_BYTES,
    MAX_WORKBOOK_BYTES,
    MAX_ZIP_ENTRIES,
    SAVE_AS_XLSX,
    describe,
    read_bytes,
    read_workbook_bytes,
)
from hengelo_scenario.baseline.sheets import (
    headers,
    indexen,
    instellingen,
    jeugdhulp,
    lasten_baten,
    mutaties,
    programmas,
    reserves,
    risicos,
    transformatieplan,
    voorstellen,
    weerstand,
)
from hengelo_scenario.baseline.sheets.cells import MAX_AMOUNT, MAX_DECIMALS, RawSheet, Reader, shown
from hengelo_scenario.errors import BaselineError, UnreadableFileError

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

MAX_CELLS = 3_000_000  # per sheet read: 300,000 lines of ten columns
MAX_ROWS = 1_048_576  # Excel's own limit
PROGRESS_EVERY = 10_000  # rows between two progress calls

Progress = Callable[[str, int, int], None]
"""progress(sheet title, rows read so far, rows the sheet declares (0 if unknown)); called every PROGRESS_EVERY rows."""


def load_baseline(path: Path, *, data: bytes | None = None, progress: Progress | None = None) -> Baseline:
    """The baseline in the workbook at `path`; raises BaselineError listing every problem in it.

    `data` is the file's bytes when the caller has read them already (`read_workbook_bytes`, which applies the
    same limits); `progress`, if given, is told how far the reading of each sheet is (the CLI shows it for large
    workbooks).
    """
    path = Path(path)
    file = str(path)
    if data is None:
        data = read_bytes(path, file)
    sheets = _read_sheets(data, file, progress=progress)
    return _assemble(file, data, sheets, hashlib.sha256(data).hexdigest())


def _open_workbook(data: bytes, file: str, *, data_only: bool):
    from openpyxl import load_workbook

    try:
        # A file object, not the path: openpyxl would refuse a name that does not end in .xlsx.
        return load_workbook(io.BytesIO(data), read_only=True, data_only=data_only)
    except Exception as error:  # zipfile, XML and openpyxl errors alike: the file is not a readable workbook
        raise UnreadableFileError(
            file, f"this is not a readable Excel workbook (.xlsx): {describe(error)}", SAVE_AS_XLSX
        ) from None


def _too_many(file: str, title: str, found: str) -> UnreadableFileError:
    return UnreadableFileError(
        file,
        f"sheet '{shown(title)}' {found}; the limit is {MAX_CELLS:,} cells and {MAX_ROWS:,} rows per sheet",
        "delete the unused rows and columns (Ctrl+End shows the last cell in use) and save it again",
    )


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
) -> dict[str, RawSheet]:
    """The cell values of the sheets the loader reads, by normalised name. All other sheets are skipped."""
    wanted = {layout.normalise_name(s.name) for s in layout.SHEETS}
    workbook = _open_workbook(data, file, data_only=data_only)
    sheets: dict[str, RawSheet] = {}
    try:
        for title in workbook.sheetnames:
            key = layout.normalise_name(title)
            if key in sheets:
                continue
            if key not in wanted:
                sheets[key] = RawSheet(title, None)
                continue
            worksheet = workbook[title]
            if not hasattr(worksheet, "iter_rows"):
                sheets[key] = RawSheet(title, None)
                continue
            sheets[key] = RawSheet(title, _rows_of(worksheet, file, title, progress))
    except UnreadableFileError:
        raise
    except Exception as error:  # a corrupt sheet inside a valid zip
        raise UnreadableFileError(
            file, f"this is not a readable Excel workbook (.xlsx): {describe(error)}", SAVE_AS_XLSX
        ) from None
    finally:
        workbook.close()
    return sheets


# --- the sheets, read in the order their lookups need -------------------------------------------------------


def _assemble(file: str, data: bytes, sheets: dict[str, RawSheet], sha256: str) -> Baseline:
    """Every sheet read by its reader (sheets/), every problem collected; the Baseline, or one BaselineError."""

    def formulas() -> dict[str, RawSheet]:
        try:
            return _read_sheets(data, file, data_only=False)
        except UnreadableFileError:
            return {}

    reader = Reader(file, formulas)
    tables = {spec.name: headers.table(reader, sheets, spec) for spec in layout.SHEETS}
    lines_table = tables[layout.LASTEN_BATEN]
    if lines_table is not None:
        headers.set_years(reader, lines_table)
    else:  # no 'Lasten en baten': still check the other sheets against each other
        first = next((t for t in tables.values() if t is not None and t.years), None)
        if first is not None:
            reader.years = tuple(sorted(first.years))
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
            headers.check_years(reader, table)

    programma_list = programmas.read(reader, tables[layout.PROGRAMMAS])
    index_list = indexen.read(reader, tables[layout.INDEXEN])
    lines = lasten_baten.read(reader, lines_table)
    reserve_list = reserves.read(reader, tables[layout.RESERVES])
    mutations = mutaties.read(reader, tables[layout.MUTATIES])
    voorstel_list = voorstellen.read(reader, tables[layout.VOORSTELLEN])
    lines, mutations = voorstellen.with_voorstellen(lines, mutations, voorstel_list)
    segments = jeugdhulp.read(reader, tables[layout.JEUGDHULP], lines_table, lines)
    onderdelen = transformatieplan.read(reader, tables[layout.TRANSFORMATIEPLAN])
    posten = weerstand.read(reader, tables[layout.WEERSTAND])
    risico_list = risicos.read(reader, tables.get(layout.RISICOS))
    settings = instellingen.read(reader, tables[layout.INSTELLINGEN])

    if reader.problems:
        raise BaselineError(reader.problems)
    return Baseline(
        source=file,
        years=reader.years,
        programmas=programma_list,
        lines=lines,
        reserves=reserve_list,
        mutations=mutations,
        jeugdhulp=segments,
        transformatieplan=onderdelen,
        weerstand=posten,
        sha256=sha256,
        risicos=risico_list,
        instellingen=settings,
        indexen=index_list,
        voorstellen=voorstel_list,
    )
