"""`hengelo-scenario run SCENARIO --export ... --chart ...` on the shipped baseline and scenarios, end to end."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from decimal import Decimal

import openpyxl
import pandas as pd
import pytest

from hengelo_scenario.engine import run
from hengelo_scenario.report.export import run_document
from hengelo_scenario.report.export.base import SHEET_NAMES
from hengelo_scenario.report.export.xlsx import FIRST_DATA_ROW
from hengelo_scenario.resources import shipped_baseline, shipped_scenarios_dir
from hengelo_scenario.workspace import evaluate
from tests.report.export.libreoffice import recalculated, soffice, zero_cached_values
from tests.report.export.readback import data_rows, png_size

from .invoke import invoke

EPOCH = "1735689600"
SHIPPED = sorted(p.name for p in shipped_scenarios_dir().glob("*.yaml"))


@pytest.fixture
def in_tmp(tmp_path, monkeypatch):
    """A clean working folder (no ./scenarios), a fixed export date."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    return tmp_path


def words(text: str) -> str:
    return " ".join(text.split())


def engine_document(name: str):
    evaluated = evaluate([name])[0]
    baseline, scenario = evaluated.baseline, evaluated.scenario
    outcome = run(baseline, scenario)
    return outcome, run_document(outcome, scenario, baseline, {"SOURCE_DATE_EPOCH": EPOCH})


def test_run_writes_every_export_and_says_where(in_tmp, monkeypatch, capsys):
    result = invoke(
        monkeypatch, capsys, "run", "jeugd_hoog.yaml", "--export", "memo.xlsx", "-e", "memo.csv", "--chart", "memo.png"
    )
    assert result.code == 0, result.err
    assert "Geraamd resultaat" in result.out  # the tables are printed as usual
    assert result.err.splitlines() == [
        "Geschreven: memo.xlsx",
        "Geschreven: memo.csv",
        "Geschreven: memo-brug.png",
        "Geschreven: memo-meerjarig.png",
    ]
    assert png_size(in_tmp / "memo-brug.png") == (1280, 720)
    assert png_size(in_tmp / "memo-meerjarig.png") == (1280, 720)


def test_json_on_stdout_stays_clean_with_exports_and_equals_the_workbook(in_tmp, monkeypatch, capsys):
    result = invoke(monkeypatch, capsys, "run", "jeugd_hoog.yaml", "--format", "json", "--export", "memo.xlsx")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    ws = openpyxl.load_workbook(in_tmp / "memo.xlsx", data_only=True)["Overzicht"]
    rows, group = {}, None
    for row in data_rows(ws, 6):
        group = row[0] or group
        rows[(group, row[1])] = row[2:]
    for label, key in (
        ("Lasten", "lasten"),
        ("Baten", "baten"),
        ("Saldo van baten en lasten", "saldo_baten_lasten"),
        ("Geraamd resultaat", "geraamd_resultaat"),
        ("Structureel saldo", "structureel_saldo"),
    ):
        figure = data["overview"][key]
        for variant, values in (
            ("basis", figure["basis"]),
            ("scenario", figure["scenario"]),
            ("verschil", figure["effect"]),
        ):
            for cell, value in zip(rows[(label, variant)], values, strict=True):
                assert abs(Decimal(repr(float(cell))) - Decimal(value)) < Decimal("1e-6"), (label, variant)


@pytest.mark.parametrize("scenario", SHIPPED)
def test_every_shipped_scenario_exports_numbers_equal_to_the_engine(in_tmp, monkeypatch, capsys, scenario):
    result = invoke(monkeypatch, capsys, "run", scenario, "--export", "x.xlsx", "--export", "x.csv")
    assert result.code == 0, result.err
    _, document = engine_document(scenario)
    wb = openpyxl.load_workbook(in_tmp / "x.xlsx", data_only=True)
    frame = pd.read_csv(in_tmp / "x.csv", sep=";", dtype=str, keep_default_na=False, encoding="utf-8-sig")
    csv_values = {
        (t, int(r), j): w for t, r, j, w in zip(frame.tabel, frame.rij, frame.jaar, frame.waarde, strict=True)
    }
    for table in document.tables:
        cells = data_rows(wb[SHEET_NAMES[table.key]], len(table.label_headers) + len(table.value_headers))
        assert len(cells) == len(table.rows), table.key
        for i, row in enumerate(table.rows):
            for y, value in enumerate(row.values):
                if not isinstance(value, Decimal) or value.is_nan():
                    continue
                cell = cells[i][len(table.label_headers) + y]
                assert abs(Decimal(repr(float(cell))) - value) < Decimal("1e-6"), (table.key, row.labels, y)
                text = csv_values[(table.key, i + 1, table.value_headers[y])]
                assert Decimal(text.replace(",", ".")) == value, (table.key, row.labels, y)


def test_provenance_names_the_real_files_and_their_hashes(in_tmp, monkeypatch, capsys):
    assert invoke(monkeypatch, capsys, "run", "combinatie.yaml", "--export", "memo.xlsx").code == 0
    ws = openpyxl.load_workbook(in_tmp / "memo.xlsx")["Herkomst"]
    pairs = {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value}
    scenario_file = shipped_scenarios_dir() / "combinatie.yaml"
    assert pairs["Scenariobestand"] == str(scenario_file)
    assert pairs["SHA-256 scenariobestand"] == hashlib.sha256(scenario_file.read_bytes()).hexdigest()
    assert pairs["SHA-256 basiswerkboek"] == hashlib.sha256(shipped_baseline().read_bytes()).hexdigest()
    assert pairs["Datum"] == "2025-01-01 00:00:00 UTC"
    assert pairs["Opdracht"] == "hengelo-scenario run combinatie.yaml --export memo.xlsx"  # what was typed
    resolved = [ws.cell(r, 2).value for r in range(1, ws.max_row + 1)]
    assert "name: Combinatie jeugd hoog, wijkaanpak structureel" in resolved
    assert any(isinstance(v, str) and v.strip().startswith("jeugdhulp:") for v in resolved)  # from `extends`


def test_two_runs_give_byte_identical_exports(in_tmp, monkeypatch, capsys):
    # The same command (the provenance records it) in two folders.
    for folder in ("a", "b"):
        (in_tmp / folder).mkdir()
        monkeypatch.chdir(in_tmp / folder)
        args = ["run", "combinatie.yaml", "-e", "m.xlsx", "-e", "m.csv", "--chart", "m.png"]
        assert invoke(monkeypatch, capsys, *args).code == 0
    for name in ("m.xlsx", "m.csv", "m-brug.png", "m-meerjarig.png"):
        assert (in_tmp / "a" / name).read_bytes() == (in_tmp / "b" / name).read_bytes(), name


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--export", "memo.pdf"], "memo.pdf: cannot export to '.pdf'. Use .xlsx, .csv, .png"),
        (["--export", "memo"], "memo: cannot export to no extension"),
        (["--chart", "memo.jpg"], "memo.jpg: --chart writes PNG files. Name it FILE.png"),
        (["--export", "nergens/memo.xlsx"], "nergens/memo.xlsx: cannot write here: the folder nergens does not exist"),
        (
            ["--chart", "m.png", "--chart-year", "2030"],
            "--chart-year: expected one of the years 2025, 2026, 2027, 2028",
        ),
        (["--export", "m.csv", "--csv-dialect", "fr"], "'fr' is not one of 'nl', 'int'"),
    ],
)
def test_bad_export_options_are_user_errors_and_write_nothing(in_tmp, monkeypatch, capsys, args, message):
    result = invoke(monkeypatch, capsys, "run", "jeugd_hoog.yaml", *args)
    assert result.code == 2
    assert message in words(result.err)
    assert "Traceback" not in result.err
    assert list(in_tmp.iterdir()) == []


def test_libreoffice_recalculates_the_shipped_jeugd_hoog_workbook_to_the_tools_totals(in_tmp, monkeypatch, capsys):
    soffice()  # skip, or fail under HENGELO_REQUIRE_LIBREOFFICE=1
    assert invoke(monkeypatch, capsys, "run", "jeugd_hoog.yaml", "--export", "memo.xlsx").code == 0
    zeroed = in_tmp / "memo-nul.xlsx"
    assert zero_cached_values(in_tmp / "memo.xlsx", zeroed) > 10
    converted = recalculated([zeroed], in_tmp / "lo")
    _, document = engine_document("jeugd_hoog.yaml")
    totals = 0
    for table in document.tables:
        sheet = converted.raw[("memo-nul", SHEET_NAMES[table.key])]
        n_labels = len(table.label_headers)
        for i, row in enumerate(table.rows):
            if not row.total_of:
                continue
            for y, value in enumerate(row.values):
                recomputed = converted.number(sheet[FIRST_DATA_ROW + i][n_labels + y])
                assert abs(recomputed - value) < Decimal("1e-6"), (table.key, row.labels, y)
                totals += 1
    assert totals >= 40


def test_excel_and_csv_exports_do_not_import_matplotlib(in_tmp):
    # --chart pays for matplotlib; an Excel or CSV export must not.
    code = (
        "import sys\n"
        "from hengelo_scenario.cli.app import main\n"
        "sys.argv = ['hengelo-scenario', 'run', 'jeugd_hoog.yaml', '-e', 'm.xlsx', '-e', 'm.csv']\n"
        "try:\n    main()\nexcept SystemExit as done:\n    assert not done.code, done.code\n"
        "print('matplotlib' in sys.modules, 'xlsxwriter' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=in_tmp)
    assert result.stdout.split()[-2:] == ["False", "True"]
