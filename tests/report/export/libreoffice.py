"""LibreOffice headless as the real spreadsheet of the round-trip tests.

`recalculated(workbooks, folder)` opens each workbook in LibreOffice Calc with a fresh user profile set to
*always recalculate* OOXML files on load (LibreOffice's default is to trust the cached values, which would test
nothing) and to the Dutch locale, and converts every sheet to CSV twice: once with the raw values, once as
shown (number formats applied). The tests feed it copies whose cached formula values are zeroed, so a total
that comes back right was computed by LibreOffice.

Without `soffice` the tests skip, unless HENGELO_REQUIRE_LIBREOFFICE=1 (as .ci/run sets it): then they fail.
"""

from __future__ import annotations

import csv
import os
import re
import shutil
import subprocess
import zipfile
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest

PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse">
<value>0</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse">
<value>nl-NL</value></prop></item>
</oor:items>
"""
# CSV filter options: separator ';' (59), quote '"' (34), UTF-8 (76), from line 1, language nl-NL (1043),
# token 9: save cell contents as shown (true/false), token 12: -1 = every sheet into its own file.
FILTER = "csv:Text - txt - csv (StarCalc):59,34,76,1,,1043,false,true,{shown},false,false,-1"


def soffice() -> str:
    """The soffice executable, or skip (fail when HENGELO_REQUIRE_LIBREOFFICE=1)."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    message = "LibreOffice (soffice) is not installed: apt-get install libreoffice-calc libreoffice-writer"
    if os.environ.get("HENGELO_REQUIRE_LIBREOFFICE") == "1":
        pytest.fail(message + " (HENGELO_REQUIRE_LIBREOFFICE=1 requires it)")
    pytest.skip(message + "; set HENGELO_REQUIRE_LIBREOFFICE=1 to make this a failure")


def zero_cached_values(source: Path, target: Path) -> int:
    """Copy a workbook with every formula's cached value set to 0; returns how many formulas it has."""
    count = 0
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename.startswith("xl/worksheets/sheet"):
                text, n = re.subn(r"(</f>)<v>[^<]*</v>", r"\1<v>0</v>", data.decode("utf-8"))
                count += n
                data = text.encode("utf-8")
            dst.writestr(info, data)
    return count


@dataclass(frozen=True)
class Converted:
    raw: dict[tuple[str, str], list[list[str]]]  # (workbook stem, sheet name) -> rows of cells
    shown: dict[tuple[str, str], list[list[str]]]

    @staticmethod
    def number(text: str) -> Decimal:
        """A raw cell in the Dutch locale: '-1786191,58' (no thousands separators); a percentage keeps its '%'."""
        if text.endswith("%"):
            return Decimal(text[:-1].replace(",", ".")) / 100
        return Decimal(text.replace(",", "."))


def _convert(executable: str, workbooks: list[Path], folder: Path, profile: Path, shown: bool) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [
            executable,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            FILTER.format(shown="true" if shown else "false"),
            "--outdir",
            str(folder),
            *map(str, workbooks),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr


def _read(folder: Path, workbooks: list[Path]) -> dict[tuple[str, str], list[list[str]]]:
    sheets = {}
    for workbook in workbooks:
        for path in folder.glob(f"{workbook.stem}-*.csv"):
            with open(path, encoding="utf-8", newline="") as handle:
                sheets[(workbook.stem, path.stem[len(workbook.stem) + 1 :])] = list(csv.reader(handle, delimiter=";"))
    return sheets


def recalculated(workbooks: list[Path], folder: Path) -> Converted:
    executable = soffice()
    profile = folder / "profile"
    (profile / "user").mkdir(parents=True, exist_ok=True)
    (profile / "user" / "registrymodifications.xcu").write_text(PROFILE, encoding="utf-8")
    _convert(executable, workbooks, folder / "raw", profile, shown=False)
    _convert(executable, workbooks, folder / "shown", profile, shown=True)
    return Converted(_read(folder / "raw", workbooks), _read(folder / "shown", workbooks))
