"""Small baseline workbooks built in code, so every test shows its own inputs.

`make_workbook(tmp_path, **sheets)` writes a minimal valid workbook (two years, 2025 and 2026) and returns its
path. A test overrides a whole sheet by passing its rows (header first) under the sheet's short name or full name,
removes a sheet by passing None, and changes single cells with `cells={"Lasten en baten": {"F2": "1.234,5"}}`.

The default workbook, with its cell addresses:

    Lasten en baten   A Programma  B Omschrijving  C Soort  D Aard  E Sleutel  F 2025  G 2026  H Bron
      row 2           6 jeugdhulp (last, structureel, Sleutel jeugdhulp, 1500 = the segments' p x q)
      row 3           6 wijkaanpak (last, incidenteel, 503000 / 509000)
      row 4           AD algemene uitkering (baat, S, 600000)
    Jeugdhulp         A Segment  B Eenheid  C Grootheid  D 2025  E 2026  F Bron
      rows 2-3        Ambulant: prijs 10, volume 100
      rows 4-5        Verblijf: prijs 50, volume 10
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from hengelo_scenario.baseline import load_baseline
from hengelo_scenario.errors import BaselineError, Problem

SheetRows = Sequence[Sequence[object]]

SHORT_NAMES = {
    "programmas": "Programma's",
    "lasten_baten": "Lasten en baten",
    "reserves": "Reserves",
    "mutaties": "Reservemutaties",
    "jeugdhulp": "Jeugdhulp",
    "transformatieplan": "Transformatieplan",
    "weerstand": "Weerstandsvermogen",
}


def default_sheets() -> dict[str, list[list[object]]]:
    return {
        "Programma's": [
            ["Code", "Naam", "Bron"],
            [6, "Sociaal domein", "test"],
            ["AD", "Algemene dekkingsmiddelen", "test"],
        ],
        "Lasten en baten": [
            ["Programma", "Omschrijving", "Soort", "Aard", "Sleutel", 2025, 2026, "Bron"],
            [6, "Jeugdhulp", "last", "structureel", "jeugdhulp", 1500, 1500, "test"],
            [6, "Wijkaanpak", "last", "incidenteel", "wijkaanpak", 503000, 509000, "test"],
            ["AD", "Algemene uitkering", "baat", "S", None, 600000, 600000, "test"],
        ],
        "Reserves": [
            ["Reserve", "Soort", "Beginstand", "Weerstandscapaciteit", "Bron"],
            ["Algemene reserve", "algemene reserve", 1000000, None, "test"],
            ["Reserve sociaal domein", "bestemmingsreserve", 50000, "nee", "test"],
        ],
        "Reservemutaties": [
            ["Reserve", "Programma", "Omschrijving", "Soort", "Aard", "Sleutel", 2025, 2026, "Bron"],
            [
                "Algemene reserve",
                6,
                "Fonds",
                "onttrekking",
                "incidenteel",
                "fonds_leefbare_wijken",
                100000,
                100000,
                "t",
            ],
        ],
        "Jeugdhulp": [
            ["Segment", "Eenheid", "Grootheid", 2025, 2026, "Bron"],
            ["Ambulant", "cliënt", "prijs", 10, 10, "test"],
            ["Ambulant", "cliënt", "volume", 100, 100, "test"],
            ["Verblijf", "cliënt", "prijs", 50, 50, "test"],
            ["Verblijf", "cliënt", "volume", 10, 10, "test"],
        ],
        "Transformatieplan": [
            ["Onderdeel", "Programma", "Invulling", 2025, 2026, "Bron"],
            ["Jeugd", 6, "ingevuld", 1000, 2000, "test"],
            ["Nog in te vullen", 6, "open", 0, 96, "test"],
        ],
        "Weerstandsvermogen": [
            ["Onderdeel", "Soort", 2025, 2026, "Bron"],
            ["Onbenutte belastingcapaciteit", "beschikbaar", 100, 100, "test"],
            ["Risico's", "benodigd", 500, 500, "test"],
        ],
    }


def write_workbook(
    tmp_path: Path,
    name: str = "begroting.xlsx",
    cells: dict[str, dict[str, object]] | None = None,
    extra_sheets: dict[str, SheetRows] | None = None,
    **sheets: SheetRows | None,
) -> Path:
    """Write the default workbook with the given sheets replaced (None: left out) and cells changed."""
    from openpyxl import Workbook

    content: dict[str, SheetRows | None] = dict(default_sheets())
    for key, rows in sheets.items():
        content[SHORT_NAMES.get(key, key)] = rows
    content.update(extra_sheets or {})
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, rows in content.items():
        if rows is None:
            continue
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(list(row))
    for title, changes in (cells or {}).items():
        for address, value in changes.items():
            workbook[title][address] = value
    path = tmp_path / name
    workbook.save(path)
    return path


@pytest.fixture
def make_workbook():
    """The workbook writer: make_workbook(tmp_path, **sheets) -> path (see the module docstring)."""
    return write_workbook


def problems_of(path: Path) -> list[Problem]:
    """The problems loading reports; fails the test if the workbook loads."""
    with pytest.raises(BaselineError) as caught:
        load_baseline(path)
    return list(caught.value.problems)


def only_problem(path: Path) -> Problem:
    problems = problems_of(path)
    assert len(problems) == 1, "\n".join(str(p) for p in problems)
    return problems[0]


@pytest.fixture
def load_problems():
    return problems_of


@pytest.fixture
def single_problem():
    return only_problem
