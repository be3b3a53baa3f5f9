"""What is written is safe: no formula injection, atomic replacement, byte-identical output for the same inputs."""

from __future__ import annotations

import os
import re
import zipfile

import openpyxl
import pandas as pd
import pytest

from hengelo_scenario.report.export import (
    CsvDialect,
    ExportError,
    ExportOptions,
    export,
    export_comparison,
    safe_text,
)
from hengelo_scenario.report.export import csv as csv_export
from hengelo_scenario.report.export import xlsx as xlsx_export
from hengelo_scenario.report.export.provenance import export_time

from .outcomes import EPOCH, FIXED, HOSTILE_NAMES, hostile, motie_fund, youth_care

# --- formula injection -----------------------------------------------------------------------------------------


# " =1": LibreOffice's CSV import with "trim spaces" sees =1; "＝1" (full width) is "=1" after NFKC folding.
@pytest.mark.parametrize("text", [*HOSTILE_NAMES, "-", "=", "@", " =1", "＝1+1", "\u3000=1", "＋1"])
def test_formula_triggers_get_an_apostrophe(text):
    assert safe_text(text) == "'" + text


@pytest.mark.parametrize("text", ["Jeugdhulp", "1+1", "", "Fonds (=motie)", "a＝1"])
def test_other_text_is_left_alone(text):
    assert safe_text(text) == text


@pytest.mark.parametrize("dialect", list(CsvDialect))
def test_csv_writes_hostile_names_as_quoted_text(tmp_path, dialect):
    outcome, scenario, baseline = hostile()
    path = tmp_path / "boos.csv"
    export(path, outcome, scenario, baseline, ExportOptions(csv_dialect=dialect), environ=FIXED)
    sep, decimal = (";", ",") if dialect is CsvDialect.NL else (",", ".")
    frame = pd.read_csv(path, sep=sep, decimal=decimal, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    labels = set(frame[frame.tabel == "maatregelen"]["label_1"])
    assert labels >= {"'" + name for name in HOSTILE_NAMES}
    for column in ("label_1", "label_2", "label_3", "label_4", "label_5", "tekst"):
        assert not frame[column].str.match(r"^[=+\-@\t\r]").any(), column
    assert not frame["waarde"].str.startswith("'").any()  # only text is escaped, never a number


def test_excel_writes_hostile_text_as_string_cells_never_formulas(tmp_path):
    outcome, scenario, baseline = hostile()
    path = tmp_path / "boos.xlsx"
    export(path, outcome, scenario, baseline, environ=FIXED)
    wb = openpyxl.load_workbook(path)
    ws = wb["Maatregelen"]
    # shown exactly as written, as text (openpyxl leaves the XML escape of a carriage return, _x000D_, as it is)
    names = {ws.cell(r, 1).value.replace("_x000D_", "\r") for r in range(6, 6 + len(HOSTILE_NAMES))}
    assert names == set(HOSTILE_NAMES)
    assert all(ws.cell(r, 1).data_type == "s" for r in range(6, 6 + len(HOSTILE_NAMES)))
    for ws in wb:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f":  # the only formulas are our own SUMs
                    assert re.fullmatch(r"=SUM\([A-Z0-9:,()SUM]+\)", cell.value), (ws.title, cell.coordinate)
    herkomst = {wb["Herkomst"].cell(r, 2).value for r in range(1, wb["Herkomst"].max_row + 1)}
    assert {"=1+1 scenario", "-boos.yaml", "=basis.xlsx"} <= herkomst
    with zipfile.ZipFile(path) as z:
        sheets = "".join(z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/sheet"))
        charts = "".join(z.read(n).decode() for n in z.namelist() if n.startswith("xl/charts/"))
    formulas = re.findall(r"<f>(.*?)</f>", sheets)
    assert formulas
    assert all(f.startswith("SUM(") for f in formulas)
    assert "HYPERLINK" not in "".join(formulas)
    assert "1+1" not in "".join(re.findall(r"<c:f>(.*?)</c:f>", charts))


def test_a_scenario_name_in_a_chart_legend_is_text_not_a_reference(tmp_path):
    outcome, scenario, baseline = hostile()
    path = tmp_path / "vergelijking.xlsx"
    export_comparison(path, [outcome], [scenario], baseline, environ=FIXED)
    with zipfile.ZipFile(path) as z:
        charts = "".join(z.read(n).decode() for n in z.namelist() if n.startswith("xl/charts/"))
    references = re.findall(r"<c:f>(.*?)</c:f>", charts)
    assert references
    # values and years from the table; every series name from a cell of column T of the charts sheet
    assert all(r.startswith(("Vergelijking!$", "Grafieken!$T$")) for r in references)
    names = [r for r in references if r.startswith("Grafieken!")]
    assert names
    from openpyxl import load_workbook

    cells = [c.value for row in load_workbook(path)["Grafieken"].iter_rows(min_col=20, max_col=20) for c in row]
    assert "=1+1 scenario" in cells  # a string cell: shown as text, never calculated


# --- atomic writes ---------------------------------------------------------------------------------------------


def leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_a_failing_excel_export_leaves_the_old_file_byte_for_byte(tmp_path, monkeypatch):
    outcome, scenario, baseline = youth_care()
    path = tmp_path / "memo.xlsx"
    path.write_bytes(b"the memo of yesterday")
    calls = []
    real = xlsx_export._write_table

    def fail_on_third_sheet(*args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise RuntimeError("disk full, halfway")
        return real(*args, **kwargs)

    monkeypatch.setattr(xlsx_export, "_write_table", fail_on_third_sheet)
    with pytest.raises(RuntimeError, match="halfway"):
        export(path, outcome, scenario, baseline, environ=FIXED)
    assert path.read_bytes() == b"the memo of yesterday"
    assert leftovers(tmp_path) == []
    assert [p.name for p in tmp_path.iterdir()] == ["memo.xlsx"]


def test_a_failing_csv_export_after_lines_hit_the_disk_leaves_nothing_half_written(tmp_path, monkeypatch):
    outcome, scenario, baseline = youth_care()
    path = tmp_path / "memo.csv"
    path.write_bytes(b"old;file\r\n")
    real = csv_export.table_lines

    def lines_then_fail(table, n_labels, dialect):
        yield from real(table, n_labels, dialect)
        if table.key == "programmas":
            raise OSError("write error")

    monkeypatch.setattr(csv_export, "table_lines", lines_then_fail)
    with pytest.raises(ExportError, match=r"memo\.csv: cannot write here: write error"):  # a located user error
        export(path, outcome, scenario, baseline, environ=FIXED)
    assert path.read_bytes() == b"old;file\r\n"
    assert leftovers(tmp_path) == []


def test_a_failing_chart_leaves_no_partial_png(tmp_path, monkeypatch):
    from hengelo_scenario.report.export import charts

    outcome, scenario, baseline = youth_care()
    (tmp_path / "memo-brug.png").write_bytes(b"old chart")

    def half_a_png(figure, path):
        path.write_bytes(b"\x89PNG\r\n\x1a\n half")
        raise MemoryError("out of memory")

    monkeypatch.setattr(charts, "_save", half_a_png)
    with pytest.raises(MemoryError):
        export(tmp_path / "memo.png", outcome, scenario, baseline, environ=FIXED)
    assert (tmp_path / "memo-brug.png").read_bytes() == b"old chart"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["memo-brug.png"]


def test_a_missing_folder_or_unknown_extension_is_a_user_error(tmp_path):
    outcome, scenario, baseline = motie_fund()
    with pytest.raises(ExportError, match=r"the folder .*nergens does not exist"):
        export(tmp_path / "nergens" / "memo.xlsx", outcome, scenario, baseline)
    with pytest.raises(ExportError, match=r"cannot export to '\.pdf'. Use \.xlsx, \.csv, \.png"):
        export(tmp_path / "memo.pdf", outcome, scenario, baseline)
    assert list(tmp_path.iterdir()) == []


def test_exported_files_get_the_usual_permissions_not_those_of_a_temporary_file(tmp_path):
    outcome, scenario, baseline = motie_fund()
    old = os.umask(0o022)
    try:
        export(tmp_path / "memo.csv", outcome, scenario, baseline, environ=FIXED)
    finally:
        os.umask(old)
    assert (tmp_path / "memo.csv").stat().st_mode & 0o777 == 0o644


# --- determinism -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["memo.xlsx", "memo.csv", "memo.png"])
def test_the_same_inputs_give_byte_identical_files(tmp_path, monkeypatch, name):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    first, second = tmp_path / "1", tmp_path / "2"
    first.mkdir()
    second.mkdir()
    for folder in (first, second):
        outcome, scenario, baseline = youth_care()  # computed afresh each time
        export(folder / name, outcome, scenario, baseline)
    files = sorted(p.name for p in first.iterdir())
    assert files == sorted(p.name for p in second.iterdir())
    for file in files:
        assert (first / file).read_bytes() == (second / file).read_bytes(), file


def test_source_date_epoch_dates_the_workbook(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    outcome, scenario, baseline = motie_fund()
    export(tmp_path / "memo.xlsx", outcome, scenario, baseline)
    with zipfile.ZipFile(tmp_path / "memo.xlsx") as z:
        core = z.read("docProps/core.xml").decode()
        dates = {info.date_time for info in z.infolist()}
    assert '<dcterms:created xsi:type="dcterms:W3CDTF">2023-11-14T22:13:20Z</dcterms:created>' in core
    assert dates == {(1980, 1, 1, 0, 0, 0)}
    ws = openpyxl.load_workbook(tmp_path / "memo.xlsx")["Herkomst"]
    assert ws["B4"].value == "2023-11-14 22:13:20 UTC"


def test_without_source_date_epoch_the_date_is_now_and_a_bad_value_is_refused():
    assert export_time({}).tzinfo is not None
    assert export_time({"SOURCE_DATE_EPOCH": EPOCH}).isoformat() == "2025-01-01T00:00:00+00:00"
    with pytest.raises(ExportError, match="SOURCE_DATE_EPOCH: expected a whole number of seconds"):
        export_time({"SOURCE_DATE_EPOCH": "gisteren"})
