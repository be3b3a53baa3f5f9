"""The empty template: every sheet with its header row, an instruction sheet, and a loader that agrees with it."""

from __future__ import annotations

from decimal import Decimal

import pytest
from openpyxl import load_workbook

from hengelo_scenario.baseline import layout, load_baseline, write_template
from hengelo_scenario.errors import BaselineError, UnreadableFileError


def test_the_template_has_every_sheet_with_a_bold_frozen_header_and_no_data(tmp_path):
    path = tmp_path / "leeg.xlsx"

    write_template(path)

    workbook = load_workbook(path)
    assert workbook.sheetnames == [layout.INSTRUCTIE, *(s.name for s in layout.SHEETS)]
    for spec in layout.SHEETS:
        sheet = workbook[spec.name]
        assert [c.value for c in sheet[1]] == spec.header((2025, 2026, 2027, 2028)), spec.name
        assert all(c.font.bold for c in sheet[1]), spec.name
        assert sheet.freeze_panes == "A2", spec.name
        assert sheet.max_row == 1, spec.name
        assert all(sheet.column_dimensions[c.column_letter].width >= 8 for c in sheet[1]), spec.name


def test_the_header_order_is_the_documented_one(tmp_path):
    years = (2025, 2026)
    assert layout.LASTEN_BATEN_SHEET.header(years) == [
        "Programma",
        "Omschrijving",
        "Soort",
        "Aard",
        "Sleutel",
        2025,
        2026,
        "Bron",
        "Index",
        "Onzekerheid",
    ]
    assert layout.MUTATIES_SHEET.header(years) == [
        "Reserve",
        "Programma",
        "Omschrijving",
        "Soort",
        "Aard",
        "Sleutel",
        2025,
        2026,
        "Bron",
    ]
    assert layout.RESERVES_SHEET.header(years) == [
        "Reserve",
        "Soort",
        "Beginstand",
        "Weerstandscapaciteit",
        "Bron",
        "Structurele mutaties",
    ]
    assert layout.INSTELLINGEN_SHEET.header(years) == ["Instelling", "Waarde", "Bron"]
    assert layout.JEUGDHULP_SHEET.header(years) == ["Segment", "Eenheid", "Grootheid", 2025, 2026, "Bron", "Index"]
    assert layout.TRANSFORMATIEPLAN_SHEET.header(years) == ["Onderdeel", "Programma", "Invulling", 2025, 2026, "Bron"]
    assert layout.WEERSTAND_SHEET.header(years) == ["Onderdeel", "Soort", 2025, 2026, "Bron", "Sleutel"]
    assert layout.INDEXEN_SHEET.header(years) == ["Index", 2025, 2026, "Bron"]
    assert layout.VOORSTELLEN_SHEET.header(years) == [
        "Voorstel",
        "Programma",
        "Aard",
        "Opgenomen",
        "Dekking",
        2025,
        2026,
        "Bron",
    ]


def test_the_instruction_sheet_explains_every_sheet_column_and_allowed_value(tmp_path):
    path = tmp_path / "leeg.xlsx"
    write_template(path)

    sheet = load_workbook(path)[layout.INSTRUCTIE]
    text = "\n".join(" | ".join(str(v) for v in row if v is not None) for row in sheet.iter_rows(values_only=True))

    for spec in layout.SHEETS:
        assert spec.name in text
        for column in spec.columns:
            assert f"{spec.name} | {column.name} | " in text, (spec.name, column.name)
            for allowed in column.allowed:
                assert allowed in text
    assert "hele euro's" in text
    assert "positief bedrag" in text
    assert "+ is voordelig" in text


def test_loading_the_template_reports_what_is_missing_not_a_crash(tmp_path):
    path = tmp_path / "leeg.xlsx"
    write_template(path)

    with pytest.raises(BaselineError) as caught:
        load_baseline(path)

    found = {(p.where, p.field) for p in caught.value.problems}
    assert ("sheet 'Programma's', row 2", "Code") in found  # no programmes
    assert ("sheet 'Lasten en baten', row 2", "Programma") in found  # no lines
    assert ("sheet 'Reserves'", "Soort") in found  # no algemene reserve
    assert ("sheet 'Weerstandsvermogen'", "Soort") in found  # no benodigd row
    assert len(caught.value.problems) == 4


def test_a_filled_in_template_loads(tmp_path):
    """The template and the loader agree: fill in a row per sheet and it loads (years 2026-2029 here)."""
    path = tmp_path / "ingevuld.xlsx"
    years = (2026, 2027, 2028, 2029)
    write_template(path, years)
    workbook = load_workbook(path)
    rows = {
        layout.PROGRAMMAS: [["6", "Sociaal domein", "bron"]],
        layout.LASTEN_BATEN: [["6", "Jeugdhulp", "last", "structureel", "jeugdhulp", 200, 200, 200, 200, "bron"]],
        layout.RESERVES: [["Algemene reserve", "algemene reserve", 1000, "ja", "bron"]],
        layout.MUTATIES: [["Algemene reserve", "6", "Fonds", "onttrekking", "I", "x", 1, 1, 0, 0, "bron"]],
        layout.JEUGDHULP: [
            ["Ambulant", "cliënt", "prijs", 2, 2, 2, 2, "bron"],
            ["Ambulant", "cliënt", "volume", 100, 100, 100, 100, "bron"],
        ],
        layout.TRANSFORMATIEPLAN: [["Jeugd", "6", "open", 0, 5, 5, 5, "bron"]],
        layout.WEERSTAND: [["Risico's", "benodigd", 9, 9, 9, 9, "bron"]],
    }
    for name, data in rows.items():
        for row in data:
            workbook[name].append(row)
    workbook.save(path)

    baseline = load_baseline(path)

    assert baseline.years == years
    assert baseline.line("jeugdhulp").amounts == (Decimal(200),) * 4
    assert baseline.transformatieplan[0].amounts == (0, 5, 5, 5)


def test_the_template_is_written_atomically_and_reproducibly(tmp_path):
    path = tmp_path / "leeg.xlsx"
    path.write_bytes(b"an older file")

    write_template(path)
    first = path.read_bytes()
    write_template(path)

    assert path.read_bytes() == first
    assert first.startswith(b"PK")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["leeg.xlsx"]  # no temporary file left behind


def test_a_folder_that_does_not_exist_is_a_user_error(tmp_path):
    folder = tmp_path / "bestaat-niet"

    with pytest.raises(UnreadableFileError) as caught:
        write_template(folder / "leeg.xlsx")

    assert caught.value.reason.startswith("the workbook cannot be written")
    assert not folder.exists()
