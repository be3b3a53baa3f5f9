"""Opening the baseline workbook's file safely, before openpyxl sees a byte of it.

A regular file (stat-ed before it is opened) of at most `MAX_WORKBOOK_BYTES`; not an old .xls or an encrypted
workbook; a zip archive of at most `MAX_ZIP_ENTRIES` entries whose declared unpacked sizes add up to at most
`MAX_UNPACKED_BYTES`. Kept apart from the loader (`baseline.workbook` and its sheet readers) because the baseline
cache needs exactly this, the bytes to hash, and nothing of the loader on a cache hit.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from hengelo_scenario.errors import UnreadableFileError
from hengelo_scenario.files import read_regular_file, size_text

__all__ = ["MAX_UNPACKED_BYTES", "MAX_WORKBOOK_BYTES", "MAX_ZIP_ENTRIES", "SAVE_AS_XLSX", "read_workbook_bytes"]

MAX_WORKBOOK_BYTES = 64 * 1024 * 1024  # the shipped workbook is 30 KiB; a real budget a few MiB
MAX_UNPACKED_BYTES = 128 * 1024 * 1024  # the sum of the declared sizes of the entries; 100,000 lines are ~10 MiB
MAX_ZIP_ENTRIES = 10_000
SAVE_AS_XLSX = "save it from Excel or LibreOffice as an Excel workbook (.xlsx)"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def read_workbook_bytes(path: Path) -> bytes:
    """The workbook's bytes, checked to be an .xlsx that can be opened; UnreadableFileError otherwise."""
    return read_bytes(Path(path), str(path))


def read_bytes(path: Path, file: str) -> bytes:
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
            file, f"this is not a readable Excel workbook (.xlsx): {describe(error)}", SAVE_AS_XLSX
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


def describe(error: Exception) -> str:
    text = str(error).strip()
    return f"{type(error).__name__}: {text}" if text else type(error).__name__
