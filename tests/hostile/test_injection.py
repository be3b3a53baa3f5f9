"""Text from a scenario is data wherever it goes: the terminal (Rich markup, escape sequences), matplotlib
(mathtext), Excel (formulas, chart references), JUnit XML (control characters) and CSV (formula triggers).

Each hostile name is a valid scenario or measure name, so the command succeeds (exit 0) and must show the name
as written, never interpret it.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from .conftest import MEASURE, refused, write

# (name as the YAML file writes it (double-quoted), the text the name is)
NAMES = [
    pytest.param("[/]", "[/]", id="closing tag"),
    pytest.param("[red]rood[/red]", "[red]rood[/red]", id="colour tag"),
    pytest.param("[link=https://evil.example]klik[/link]", "[link=https://evil.example]klik[/link]", id="link tag"),
    pytest.param("[bold", "[bold", id="unclosed tag"),
    pytest.param("a\\\\[b]", "a\\[b]", id="backslash before a tag"),
    pytest.param("eindigt op \\\\", "eindigt op \\", id="trailing backslash"),
    pytest.param("$x^2$", "$x^2$", id="mathtext"),
    pytest.param("$\\\\frac{1}{0}$", "$\\frac{1}{0}$", id="mathtext command"),
    pytest.param("=1+1", "=1+1", id="formula"),
    pytest.param("'=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0", id="DDE reference"),
    pytest.param("Blad1!A1", "Blad1!A1", id="a cell reference"),
    pytest.param("＝1+1", "＝1+1", id="full-width equals"),
    pytest.param("@SUM(1)", "@SUM(1)", id="at sign"),
    pytest.param("_verborgen", "_verborgen", id="leading underscore"),
    pytest.param("<script>&amp;</script>", "<script>&amp;</script>", id="xml markup"),
]
ESCAPES = [
    pytest.param("\\e]0;pwned\\a", "\x1b]0;pwned\x07", "\\x1b]0;pwned\\x07", id="window title"),
    pytest.param(
        "\\e]8;;https://evil.example\\e\\\\klik\\e]8;;\\e\\\\",
        "\x1b]8;;https://evil.example\x1b\\klik\x1b]8;;\x1b\\",
        "\\x1b]8;;https://evil.example",
        id="OSC 8 hyperlink",
    ),
    pytest.param("\\e[2J\\e[31mrood", "\x1b[2J\x1b[31mrood", "\\x1b[2J", id="clear screen"),
    pytest.param("a\\rb", "a\rb", "a\\x0db", id="carriage return"),
    pytest.param("a\\u202eb", "a\u202eb", "a\\u202eb", id="bidi override"),
    pytest.param("a\\u200bb", "a\u200bb", "a\\u200bb", id="zero-width space"),
    pytest.param("a\\x85b", "a\x85b", "a\\x85b", id="next line"),
    pytest.param("a\\x00b", "a\x00b", "a\\x00b", id="NUL"),
]


SPREADSHEET = [
    p
    for p in NAMES
    if p.id in ("closing tag", "formula", "DDE reference", "a cell reference", "full-width equals", "at sign")
]
PLOT = [p for p in NAMES if p.id in ("closing tag", "mathtext", "mathtext command", "leading underscore")]


def scenario(folder: Path, name: str, measure: str = "Maatregel") -> Path:
    return write(folder / "s.yaml", MEASURE.format(name=f'"{name}"', measure=f'"{measure}"'))


@pytest.mark.parametrize(("written", "text"), NAMES)
def test_markup_in_a_scenario_and_measure_name_is_printed_as_written(cli, here, written, text):
    scenario(here, written, written)
    result = cli("run", "s.yaml")
    assert result.code == 0, result.err
    assert text in result.out


@pytest.mark.parametrize(("written", "text", "shown"), ESCAPES)
def test_escape_sequences_in_a_name_are_shown_never_sent(cli, here, written, text, shown):
    scenario(here, written, written)
    commands = [["run", "s.yaml"]] + ([["list"], ["compare", "s.yaml", "basis"]] if "\x1b" in text else [])
    for args in commands:
        if args == ["list"]:
            (here / "scenarios").mkdir(exist_ok=True)
            (here / "scenarios" / "s.yaml").write_text((here / "s.yaml").read_text(encoding="utf-8"), "utf-8")
        result = cli(*args)
        assert result.code == 0, result.err
        assert text not in result.out
        assert "\x1b" not in result.out
        assert shown in result.out


@pytest.mark.parametrize(("written", "text", "shown"), ESCAPES[:3])
def test_escape_sequences_in_an_unknown_key_are_shown_never_sent(cli, here, written, text, shown):
    write(here / "s.yaml", f'name: x\n"{written}": 1\n')
    result = cli("run", "s.yaml")
    refused(result, "s.yaml, line 2", shown)
    assert "\x1b" not in result.err


@pytest.mark.parametrize(("written", "text"), NAMES)
def test_list_shows_a_broken_scenario_with_markup_in_its_error(cli, here, written, text):
    write(here / "scenarios" / "kapot.yaml", f'name: x\n"{written}": 1\n')
    result = cli("list")
    assert result.code == 0, result.err
    assert "kan niet laden" in result.out
    assert text in result.out


@pytest.mark.parametrize(("written", "text"), PLOT)
def test_a_hostile_name_in_the_charts(cli, here, written, text):
    scenario(here, written, written)
    result = cli("run", "s.yaml", "--chart", "m.png")
    assert result.code == 0, result.err
    assert (here / "m-brug.png").read_bytes().startswith(b"\x89PNG")
    assert (here / "m-meerjarig.png").read_bytes().startswith(b"\x89PNG")


@pytest.mark.parametrize(("written", "text"), SPREADSHEET)
def test_a_hostile_name_never_becomes_a_reference_or_formula_in_excel(cli, here, written, text):
    scenario(here, written, written)
    result = cli("compare", "basis", "s.yaml", "--export", "v.xlsx")
    assert result.code == 0, result.err
    with zipfile.ZipFile(here / "v.xlsx") as archive:
        charts = "".join(archive.read(n).decode() for n in archive.namelist() if n.startswith("xl/charts/"))
        sheets = "".join(archive.read(n).decode() for n in archive.namelist() if n.startswith("xl/worksheets/"))
    references = re.findall(r"<c:f>(.*?)</c:f>", charts)
    assert references
    assert all(r.startswith(("Vergelijking!$", "Grafieken!$")) for r in references), references
    assert "<f>" not in sheets.replace("<f>SUM(", "")  # the only formulas are the tool's own sums


@pytest.mark.parametrize(("written", "text"), SPREADSHEET)
def test_csv_shows_every_formula_trigger_as_text(cli, here, written, text):
    scenario(here, written, written)
    assert cli("run", "s.yaml", "--export", "m.csv", "--csv-dialect", "int").code == 0
    content = (here / "m.csv").read_text(encoding="utf-8")
    import csv
    import io
    import unicodedata

    for row in csv.reader(io.StringIO(content)):
        for cell in row:
            folded = unicodedata.normalize("NFKC", cell.lstrip())
            assert not folded.startswith(("=", "+", "@", "\t", "\r")) or cell.startswith("'"), cell


@pytest.mark.parametrize(("written", "text", "shown"), ESCAPES[:2] + ESCAPES[-2:])
def test_the_junit_report_is_valid_xml_whatever_the_name(cli, here, written, text, shown):
    (here / "scenarios").mkdir()
    write(here / "scenarios" / "s.yaml", MEASURE.format(name=f'"{written}"', measure='"M"'))
    result = cli("check", "--junit-xml", "r.xml")
    assert result.code == 1, result.err  # nothing pinned: a failure, but a report all the same
    root = ET.fromstring((here / "r.xml").read_bytes())  # raises on a character XML 1.0 forbids
    names = [case.get("name") for case in root.iter("testcase")]
    assert any(shown in n for n in names), names
