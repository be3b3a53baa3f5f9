"""Hostile and broken baseline workbooks: bombs refused from the zip directory before anything is unpacked, cells
out of range refused on their own cell, text shown as text; exit 2 and no traceback every time.

Workbooks are built in code (tests/baseline/conftest.py) and, for the bombs, changed at the zip level here.
"""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

import pytest

from tests.baseline.conftest import write_workbook

from .conftest import refused, run_limited

LASTEN = "Lasten en baten"
SHEET_XML = "xl/worksheets/sheet2.xml"  # 'Lasten en baten', the second sheet the builder makes


def rebuild(path: Path, replace: dict[str, bytes] | None = None, add: dict[str, bytes] | None = None) -> Path:
    """The workbook at path with some zip entries replaced or added (deflated)."""
    source = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, (replace or {}).get(info.filename, source.read(info.filename)))
        for name, data in (add or {}).items():
            target.writestr(name, data)
    path.write_bytes(buffer.getvalue())
    return path


def declare_size(path: Path, entry: str, size: int) -> Path:
    """Rewrite the unpacked size the central directory declares for one entry (a lying header)."""
    data = bytearray(path.read_bytes())
    position = 0
    while (position := data.find(b"PK\x01\x02", position)) != -1:
        name_length = struct.unpack_from("<H", data, position + 28)[0]
        name = bytes(data[position + 46 : position + 46 + name_length]).decode()
        if name == entry:
            struct.pack_into("<I", data, position + 24, size)
        position += 4
    path.write_bytes(bytes(data))
    return path


def sheet_xml(rows: str, dimension: str = "A1:H4") -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f'<dimension ref="{dimension}"/><sheetData>{rows}</sheetData></worksheet>'
    ).encode()


def header_row() -> str:
    cells = ["Programma", "Omschrijving", "Soort", "Aard", "Sleutel", 2025, 2026, "Bron"]
    return _row(1, cells)


def _row(number: int, values: list[object]) -> str:
    columns = "ABCDEFGH"
    cells = []
    for column, value in zip(columns, values, strict=False):
        if value is None:
            continue
        if isinstance(value, int | float):
            cells.append(f'<c r="{column}{number}"><v>{value}</v></c>')
        else:
            cells.append(f'<c r="{column}{number}" t="inlineStr"><is><t>{value}</t></is></c>')
    return f'<row r="{number}">{"".join(cells)}</row>'


@pytest.fixture
def book(here: Path) -> Path:
    return write_workbook(here, "b.xlsx")


# --- cells out of range or of the wrong kind: reported on their own cell ------------------------------------------

CELLS = [
    pytest.param("F3", 1e300, "cell F3", id="1e300"),
    pytest.param("F3", -1e300, "cell F3", id="minus 1e300"),
    pytest.param("F3", 1e-300, "cell F3", id="1e-300"),
    pytest.param("F3", 5e-324, "cell F3", id="smallest float"),
    pytest.param("F3", 1.7976931348623157e308, "cell F3", id="largest float"),
    pytest.param("G3", 1e15, "cell G3", id="10^15"),
    pytest.param("G3", 10**20, "cell G3", id="10^20 as an integer"),
    pytest.param("G3", 1.000000000000000000001e-25, "cell G3", id="tiny"),
    pytest.param("F3", "1e308", "cell F3", id="1e308 as text"),
    pytest.param("F3", "#DIV/0!", "cell F3", id="an error value"),
    pytest.param("F3", True, "cell F3", id="a boolean"),
]


@pytest.mark.parametrize(("cell", "value", "place"), CELLS)
def test_an_amount_out_of_range_is_refused_on_its_cell(cli, here, cell, value, place):
    path = write_workbook(here, "b.xlsx", cells={LASTEN: {cell: value}})
    refused(cli("baseline", "show", path), f"sheet '{LASTEN}', {place}", folder=here)


@pytest.mark.parametrize(
    ("sheet", "cell", "value"),
    [
        pytest.param("Jeugdhulp", "D1", 2025.5, id="jeugdhulp"),
        pytest.param("Weerstandsvermogen", "C1", 2025.5, id="weerstand"),
        pytest.param("Transformatieplan", "E1", "2026,5", id="transformatieplan as text"),
        pytest.param(LASTEN, "F1", 2025.5, id="lasten en baten"),
    ],
)
def test_a_year_header_with_decimals_is_reported_on_its_own_cell_only(cli, here, sheet, cell, value):
    path = write_workbook(here, "b.xlsx", cells={sheet: {cell: value}})
    result = cli("baseline", "show", path)
    refused(result, f"sheet '{sheet}', cell {cell}", "a year as a whole number", folder=here)
    others = [line for line in result.err.splitlines() if "✗" in line and f"sheet '{sheet}'" not in line]
    assert others == []  # no follow-up "wrong year" on the other sheets


MARKUP = ["[red]rood[/red]", "[/]", "[link=https://example.com]klik[/link]", "[bold", "x\\[y]", "$\\alpha$", "a [b] c"]


@pytest.mark.parametrize("text", MARKUP)
def test_markup_in_a_workbook_cell_is_shown_as_written(cli, here, text):
    path = write_workbook(here, "b.xlsx", cells={"Programma's": {"B2": text}})
    result = cli("baseline", "show", path)
    assert result.code == 0, result.err
    assert text in result.out


@pytest.mark.parametrize(
    "text", ["a\u202eb", "a\u200bb", "a\u2066b", "\ufeffa"], ids=["bidi", "zero-width", "isolate", "bom"]
)
def test_invisible_characters_in_a_workbook_cell_are_made_visible(cli, here, text):
    path = write_workbook(here, "b.xlsx", cells={"Programma's": {"B2": text}})
    result = cli("baseline", "show", path)
    assert result.code == 0, result.err
    assert text not in result.out
    assert f"\\u{ord(next(c for c in text if c != 'a' and c != 'b')):04x}" in result.out


# --- archives: refused from the directory before anything is unpacked ------------------------------------------


def test_an_entry_declaring_two_gigabytes_is_refused(cli, here, book):
    declare_size(book, SHEET_XML, 2**31)
    refused(cli("baseline", "show", book), "b.xlsx", "would unpack to", folder=here)


def test_entries_that_add_up_beyond_the_limit_are_refused(cli, here, book):
    rebuild(book, add={f"xl/media/image{i}.bin": b"" for i in range(3)})
    for i in range(3):
        declare_size(book, f"xl/media/image{i}.bin", 100 * 1024 * 1024)
    refused(cli("baseline", "show", book), "would unpack to", folder=here)


def test_an_entry_that_unpacks_to_more_than_it_declares_fails_its_check(cli, here, book):
    rebuild(book, replace={SHEET_XML: sheet_xml(header_row() + "".join(_row(n, [6] * 8) for n in range(2, 5000)))})
    declare_size(book, SHEET_XML, 100)  # it declares 100 bytes, it holds 300 KiB: read up to 100, then the CRC fails
    refused(cli("baseline", "show", book), "b.xlsx", "not a readable Excel workbook", folder=here)


def test_ten_thousand_and_one_entries_are_refused(cli, here, book):
    rebuild(book, add={f"x/{i}": b"" for i in range(10_001)})
    refused(cli("baseline", "show", book), "b.xlsx", "10,0", "parts", folder=here)


def test_a_sheet_declaring_every_cell_of_excel_is_refused_before_its_rows_are_read(cli, here, book):
    rebuild(book, replace={SHEET_XML: sheet_xml(header_row(), dimension="A1:XFD1048576")})
    refused(cli("baseline", "show", book), f"sheet '{LASTEN}'", "declares 1,048,576 rows", folder=here)


def test_a_sheet_that_lies_about_its_size_is_stopped_at_the_cell_limit(cli, here, book):
    wide = "".join(f'<row r="{n}"><c r="A{n}"><v>1</v></c><c r="XFD{n}"><v>1</v></c></row>' for n in range(2, 400))
    rebuild(book, replace={SHEET_XML: sheet_xml(header_row() + wide, dimension="A1:H4")})
    refused(cli("baseline", "show", book), f"sheet '{LASTEN}'", "holds more than 3,000,000 cells", folder=here)


def test_a_row_beyond_excels_last_row_is_refused(cli, here, book):
    rows = header_row() + '<row r="1048578"><c r="A1048578"><v>1</v></c></row>'
    rebuild(book, replace={SHEET_XML: sheet_xml(rows, dimension="A1:H4")})
    refused(cli("baseline", "show", book), f"sheet '{LASTEN}'", "more than 1,048,576 rows", folder=here)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        pytest.param(b"", "the file is empty", id="empty"),
        pytest.param(b"PK\x03\x04" + b"\x00" * 100, "not a readable Excel workbook", id="a broken zip"),
        pytest.param(b"PK" + bytes(range(256)) * 4, "not a readable Excel workbook", id="random after PK"),
        pytest.param(b"name: x\n", "not a zip archive", id="yaml"),
        pytest.param(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, ".xls", id="old excel"),
    ],
)
def test_bytes_that_are_no_workbook(cli, here, data, reason):
    (here / "b.xlsx").write_bytes(data)
    refused(cli("baseline", "show", "b.xlsx"), "b.xlsx", reason, folder=here)


def test_a_truncated_workbook(cli, here, book):
    book.write_bytes(book.read_bytes()[: len(book.read_bytes()) // 2])
    refused(cli("baseline", "show", book), "b.xlsx", folder=here)


def test_a_workbook_over_the_size_limit_is_refused_without_reading_it(cli, here):
    path = here / "b.xlsx"
    with open(path, "wb") as handle:
        handle.truncate(65 * 1024 * 1024)  # sparse: no disk used
    refused(cli("baseline", "show", path), "b.xlsx", "larger than the limit of 64 MiB", folder=here)


def test_a_corrupt_sheet_inside_a_valid_zip(cli, here, book):
    rebuild(book, replace={SHEET_XML: b"<worksheet><sheetData><row r='1'><c r='A1'><v>1</v></c>"})
    refused(cli("baseline", "show", book), "b.xlsx", folder=here)


def test_an_xml_entity_bomb_in_a_sheet_is_not_expanded(cli, here, book):
    entities = '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8)
    )
    bomb = f'<?xml version="1.0"?>{entities}]><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&i;</t></is></c></row></sheetData></worksheet>'  # noqa: E501
    rebuild(book, replace={SHEET_XML: bomb.encode()})
    result = cli("baseline", "show", book)
    refused(result, "b.xlsx", folder=here)


# --- bombs under a real memory and time limit (a subprocess with 500 MiB of address space) ----------------------


@pytest.fixture(scope="module")
def real_zip_bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workbook whose sheet really unpacks to 300 MiB (of spaces inside a valid XML document)."""
    folder = tmp_path_factory.mktemp("bomb")
    path = write_workbook(folder, "bomb.xlsx")
    source = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as target:
        for info in source.infolist():
            if info.filename == SHEET_XML:
                with target.open(SHEET_XML, "w", force_zip64=True) as sheet:
                    sheet.write(b'<?xml version="1.0"?><worksheet><sheetData>')
                    block = b" " * (1024 * 1024)
                    for _ in range(300):
                        sheet.write(block)
                    sheet.write(b"</sheetData></worksheet>")
            else:
                target.writestr(info.filename, source.read(info.filename))
    path.write_bytes(buffer.getvalue())
    return path


def test_a_real_zip_bomb_is_refused_fast_and_small(real_zip_bomb, tmp_path):
    assert real_zip_bomb.stat().st_size < 2 * 1024 * 1024  # 300 MiB packed into less than 2 MiB
    done = run_limited(["baseline", "show", str(real_zip_bomb)], tmp_path)
    assert done.code == 2, done.err
    assert "would unpack to 300" in done.err
    assert "Traceback" not in done.err
    assert done.seconds < 10


@pytest.mark.parametrize("target", ["/dev/zero", "/dev/urandom", "fifo.xlsx"])
def test_a_device_or_fifo_as_baseline_neither_hangs_nor_reads(tmp_path, target):
    import os

    os.mkfifo(tmp_path / "fifo.xlsx")
    done = run_limited(["run", "jeugd_hoog", "--baseline", target], tmp_path, timeout=20)
    assert done.code == 2, done.err
    assert "Traceback" not in done.err
    assert "a device" in done.err or "a FIFO" in done.err


def test_an_alias_bomb_fails_in_well_under_a_second_in_little_memory(tmp_path):
    from .test_yaml import ALIAS_BOMB

    (tmp_path / "s.yaml").write_text(ALIAS_BOMB, encoding="utf-8")
    done = run_limited(["run", "s.yaml"], tmp_path, timeout=20)
    assert done.code == 2, done.err
    assert "s.yaml, line" in done.err
    assert "Traceback" not in done.err
    assert done.seconds < 10


def test_a_fifo_as_scenario_does_not_hang(tmp_path):
    import os

    os.mkfifo(tmp_path / "s.yaml")
    done = run_limited(["run", "s.yaml"], tmp_path, timeout=20)
    assert done.code == 2, done.err
    assert "Traceback" not in done.err


def test_a_large_yaml_file_is_refused_by_its_size(tmp_path):
    (tmp_path / "s.yaml").write_text("name: x\n" + "k: [" + "1, " * 5_000_000 + "1]\n", encoding="utf-8")
    done = run_limited(["run", "s.yaml"], tmp_path)
    assert done.code == 2, done.err
    assert "larger than the limit" in done.err
    assert done.seconds < 10


# --- a large workbook shows progress -----------------------------------------------------------------------------


def shared_strings(book: Path, texts: list[str]) -> dict[str, int]:
    """A shared-strings part for the workbook (Excel stores text so; much faster to read than inline text)."""
    archive = zipfile.ZipFile(io.BytesIO(book.read_bytes()))
    types = archive.read("[Content_Types].xml").decode()
    override = (
        '<Override PartName="/xl/sharedStrings.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml" />'
    )
    rels = archive.read("xl/_rels/workbook.xml.rels").decode()
    relation = (
        '<Relationship Id="rIdShared" Target="sharedStrings.xml" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" />'
    )
    table = (
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        + "".join(f"<si><t>{text}</t></si>" for text in texts)
        + "</sst>"
    )
    rebuild(
        book,
        replace={
            "[Content_Types].xml": types.replace("</Types>", override + "</Types>").encode(),
            "xl/_rels/workbook.xml.rels": rels.replace("</Relationships>", relation + "</Relationships>").encode(),
        },
        add={"xl/sharedStrings.xml": table.encode()},
    )
    return {text: i for i, text in enumerate(texts)}


@pytest.mark.slow
def test_a_workbook_of_a_hundred_thousand_lines_shows_progress(cli, here, book):
    index = shared_strings(book, ["last", "structureel", "jeugdhulp", "Jeugdhulp", "t", "baat", "AD", "Uitkering"])

    def line(n: int, programma: str, description: str, soort: str, key: str | None, amount: int) -> str:
        text = f'<c r="{{}}{n}" t="s"><v>{{}}</v></c>'
        cells = [
            f'<c r="A{n}"><v>{programma}</v></c>' if programma.isdigit() else text.format("A", index[programma]),
            text.format("B", index[description]) if description in index else f'<c r="B{n}"><v>{n}</v></c>',
            text.format("C", index[soort]),
            text.format("D", index["structureel"]),
            text.format("E", index[key]) if key else "",
            f'<c r="F{n}"><v>{amount}</v></c><c r="G{n}"><v>{amount}</v></c>',
            text.format("H", index["t"]),
        ]
        return f'<row r="{n}">{"".join(cells)}</row>'

    lines = [line(2, "6", "Jeugdhulp", "last", "jeugdhulp", 1500)]
    lines += [line(n, "6", "", "last", None, 1) for n in range(3, 100_003)]
    lines.append(line(100_003, "AD", "Uitkering", "baat", None, 600_000))
    rebuild(book, replace={SHEET_XML: sheet_xml(header_row() + "".join(lines), dimension="A1:H100003")})
    result = cli("baseline", "show", book)
    assert result.code == 0, result.err[-2000:]
    assert f"Inlezen blad '{LASTEN}': 100.000 van 100.003 regels" in result.err
    assert f"Inlezen blad '{LASTEN}': 100.003 regels (klaar)" in result.err


def test_a_directory_of_seventy_thousand_entries_is_refused_from_its_end_record(tmp_path):
    """The count is read from the end record before any entry is listed: fast and small under 500 MiB."""
    path = write_workbook(tmp_path, "b.xlsx")
    buffer = io.BytesIO(path.read_bytes())
    with zipfile.ZipFile(buffer, "a", zipfile.ZIP_STORED) as archive:
        for i in range(70_000):
            archive.writestr(zipfile.ZipInfo(f"{i}"), b"")
    path.write_bytes(buffer.getvalue())
    done = run_limited(["baseline", "show", str(path)], tmp_path)
    assert done.code == 2, done.err
    assert "70,0" in done.err
    assert "Traceback" not in done.err
    assert done.seconds < 10
