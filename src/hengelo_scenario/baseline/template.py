"""Write an empty baseline workbook to fill in: every sheet with its header row, and an instruction sheet.

`save_workbook` is shared with tools/build_baseline.py: it writes the workbook atomically and byte-for-byte
reproducibly (fixed document timestamps and zip entry times), so the same content gives the same file.
"""

from __future__ import annotations

import datetime
import io
import os
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from hengelo_scenario.baseline import layout

if TYPE_CHECKING:
    from openpyxl import Workbook

__all__ = ["FIXED_TIMESTAMP", "instruction_rows", "new_workbook", "save_workbook", "write_template"]

FIXED_TIMESTAMP = datetime.datetime(2024, 11, 1, 12, 0, 0)


def write_template(path: Path, years: Sequence[int] = (2025, 2026, 2027, 2028)) -> None:
    """An empty workbook at `path`: the Instructie sheet and every data sheet with its header row only.

    Written atomically; a file that cannot be written raises UnreadableFileError (a user error, not a traceback).
    """
    from hengelo_scenario.atomic import WriteError
    from hengelo_scenario.errors import UnreadableFileError

    workbook = new_workbook(years)
    try:
        save_workbook(workbook, Path(path))
    except WriteError as error:  # the file system refused, in words (read-only, full, a file where a folder is)
        raise UnreadableFileError(
            str(path), f"the workbook cannot be written: {error.reason.removeprefix('cannot write here: ')}", error.hint
        ) from None
    except OSError as error:
        raise UnreadableFileError(
            str(path),
            f"the workbook cannot be written ({error.strerror or error})",
            "check that the folder exists and that you may write in it",
        ) from None


def new_workbook(years: Sequence[int], intro: Sequence[str] = ()) -> Workbook:
    """A workbook with the Instructie sheet (after `intro`, if given) and the empty data sheets with headers."""
    from openpyxl import Workbook

    workbook = Workbook()
    instructie = workbook.active
    instructie.title = layout.INSTRUCTIE
    _fill_instructions(instructie, years, intro)
    for spec in layout.SHEETS:
        sheet = workbook.create_sheet(spec.name)
        write_header(sheet, spec, years)
    return workbook


def write_header(sheet, spec: layout.Sheet, years: Sequence[int]) -> None:
    """Row 1 in bold, frozen, with column widths that fit the usual contents."""
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    bold = Font(bold=True)
    for index, name in enumerate(spec.header(years), start=1):
        cell = sheet.cell(row=1, column=index, value=name)
        cell.font = bold
        width = spec.column(name).width if isinstance(name, str) else 14
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"


def instruction_rows(years: Sequence[int]) -> list[tuple[str, str, str]]:
    """The Instructie sheet as (blad, kolom, uitleg) rows, in Dutch."""
    first, last = (years[0], years[-1]) if years else (2025, 2028)
    rows: list[tuple[str, str, str]] = [
        ("Algemeen", "", "Dit werkboek is de basis (de begroting zonder scenario) voor hengelo-scenario."),
        (
            "Algemeen",
            "",
            "Elk blad heeft precies één kopregel (regel 1); de gegevens beginnen in regel 2. De volgorde van de "
            "kolommen is vrij: het programma zoekt ze op hun kop, hoofdletters en spaties eromheen maken niet uit. "
            "Extra kolommen (bijvoorbeeld voor toelichting) worden genegeerd.",
        ),
        (
            "Algemeen",
            "Jaren",
            f"De jaarkolommen hebben een jaartal als kop ({first} tot en met {last}). De jaren van blad "
            f"'{layout.LASTEN_BATEN}' gelden voor het hele werkboek: ze zijn opeenvolgend, en elk ander blad met "
            "jaarkolommen heeft precies dezelfde jaren. Een begroting voor andere jaren werkt zonder aanpassing.",
        ),
        ("Algemeen", "Bedragen", layout.SIGN_CONVENTION),
        (
            "Algemeen",
            "Bladen",
            f"Verplicht: '{layout.PROGRAMMAS}', '{layout.LASTEN_BATEN}' en '{layout.RESERVES}'. De andere bladen "
            "mogen ontbreken (dan zijn er geen regels), maar een blad dat er is heeft al zijn kolommen.",
        ),
        (
            "Algemeen",
            "Bron",
            "Elke regel hoort een bron te hebben: de publicatie waar het bedrag staat, of 'illustratief'.",
        ),
    ]
    for spec in layout.SHEETS:
        rows.append((spec.name, "", spec.description))
        for column in spec.columns[: spec.years_at] if spec.has_years else spec.columns:
            rows.append((spec.name, column.name, _with_allowed(column)))
        if spec.has_years:
            rows.append((spec.name, f"{first} ... {last}", spec.year_description))
            rows.extend((spec.name, column.name, _with_allowed(column)) for column in spec.columns[spec.years_at :])
    return rows


def _with_allowed(column: layout.Column) -> str:
    if not column.allowed:
        return column.description
    return f"{column.description} Toegestaan: {', '.join(column.allowed)}."


def _fill_instructions(sheet, years: Sequence[int], intro: Sequence[str]) -> None:
    from openpyxl.styles import Alignment, Font

    bold = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    row = 1
    sheet.cell(row=row, column=1, value="Basiswerkboek meerjarenbegroting").font = Font(bold=True, size=14)
    row += 1
    for paragraph in intro:
        cell = sheet.cell(row=row, column=1, value=paragraph)
        cell.alignment = wrap
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=3)
        sheet.row_dimensions[row].height = 15 * max(1, len(paragraph) // 110 + 1)
        row += 1
    row += 1
    for column, title in enumerate(("Blad", "Kolom", "Uitleg"), start=1):
        sheet.cell(row=row, column=column, value=title).font = bold
    sheet.freeze_panes = sheet.cell(row=row + 1, column=1).coordinate
    for blad, kolom, uitleg in instruction_rows(years):
        row += 1
        sheet.cell(row=row, column=1, value=blad).alignment = wrap
        sheet.cell(row=row, column=2, value=kolom).alignment = wrap
        sheet.cell(row=row, column=3, value=uitleg).alignment = wrap
    sheet.column_dimensions["A"].width = 22
    sheet.column_dimensions["B"].width = 22
    sheet.column_dimensions["C"].width = 110


def save_workbook(workbook: Workbook, path: Path, timestamp: datetime.datetime = FIXED_TIMESTAMP) -> None:
    """Write the workbook to `path` atomically, with fixed timestamps so equal content gives equal bytes."""
    from hengelo_scenario.atomic import write_atomic

    data = workbook_bytes(workbook, timestamp)

    def write(tmp: Path) -> None:
        tmp.write_bytes(data)
        os.chmod(tmp, _file_mode())  # a temporary file is private (0600); the workbook gets the usual mode

    write_atomic(Path(path), write)


def _file_mode() -> int:
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def workbook_bytes(workbook: Workbook, timestamp: datetime.datetime = FIXED_TIMESTAMP) -> bytes:
    from openpyxl.writer.excel import ExcelWriter

    workbook.properties.creator = "hengelo-scenario"
    workbook.properties.lastModifiedBy = "hengelo-scenario"
    workbook.properties.created = timestamp
    workbook.properties.modified = timestamp
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).save()  # unlike openpyxl's save_workbook, keeps our `modified`
    # The zip entries carry the time of writing; replace it with a fixed one.
    fixed = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source, zipfile.ZipFile(fixed, "w") as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=timestamp.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = info.external_attr
            target.writestr(entry, source.read(info.filename))
    return fixed.getvalue()
