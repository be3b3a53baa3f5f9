"""`hengelo-scenario compare`: the shipped scenarios side by side against one baseline, on screen, as JSON, exported."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal

import openpyxl
import pandas as pd
import pytest

from hengelo_scenario import workspace
from hengelo_scenario.engine import run
from hengelo_scenario.report.comparison import DEFAULT_FIGURES, FIGURES, VERDICT_LABEL, comparison_dict
from hengelo_scenario.resources import shipped_baseline
from tests.report.export.readback import data_rows, png_size

from .invoke import invoke

THREE = ("basis.yaml", "jeugd_hoog.yaml", "jeugd_laag.yaml")


@pytest.fixture
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735689600")
    return tmp_path


def words(text: str) -> str:
    return " ".join(text.split())


def test_compare_prints_the_default_figures_for_every_scenario(in_tmp, monkeypatch, capsys):
    result = invoke(monkeypatch, capsys, "compare", *THREE)
    assert result.code == 0, result.err
    out = result.out
    assert "Vergelijking van scenario's" in out
    for label in ("Geraamd resultaat", "Structureel saldo", "Algemene reserve 31 december", "Kosten jeugdzorg"):
        assert label in out
    for name in ("Basis", "Jeugdhulp hoog", "Jeugdhulp laag (regie op toegang)", "Basis (begroting)"):
        assert name in out
    assert " N" in out  # differences read V/N
    assert "bedragen x € 1.000" in out


def test_json_equals_the_engine_run_scenario_by_scenario(in_tmp, monkeypatch, capsys):
    result = invoke(monkeypatch, capsys, "compare", *THREE, "--format", "json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    evaluated = workspace.evaluate(list(THREE), one_baseline=True)
    baseline, scenarios = evaluated[0].baseline, [e.scenario for e in evaluated]
    expected = comparison_dict([run(baseline, s) for s in scenarios], [FIGURES[k] for k in DEFAULT_FIGURES])
    expected["baseline"]["sha256"] = baseline.sha256
    assert data == expected
    assert [f["key"] for f in data["figures"]] == list(DEFAULT_FIGURES)
    hoog = next(s for s in data["figures"][0]["scenarios"] if s["name"] == "Jeugdhulp hoog")
    assert Decimal(hoog["effect"][-1]) < 0  # more youth care is nadelig for the geraamd resultaat
    basis = next(s for s in data["figures"][0]["scenarios"] if s["name"] == "Basis")
    assert basis["effect"] == ["0"] * 4


def test_figure_option_chooses_the_figures_and_suggests_on_a_typo(in_tmp, monkeypatch, capsys):
    result = invoke(monkeypatch, capsys, "compare", *THREE, "--figure", "weerstandsratio", "--figure", "lasten")
    assert result.code == 0, result.err
    assert "Weerstandsratio" in result.out
    assert "Lasten" in result.out
    assert "Geraamd resultaat" not in result.out
    bad = invoke(monkeypatch, capsys, "compare", *THREE, "--figure", "weerstandratio")
    assert bad.code == 2
    assert "unknown figure 'weerstandratio'; did you mean 'weerstandsratio'?" in words(bad.err)


def test_the_baseline_is_loaded_once(in_tmp, monkeypatch, capsys):
    calls = []
    real = workspace.load_baseline_file

    def counting(choice, cwd=None, **options):
        calls.append(choice)
        return real(choice, cwd, **options)

    monkeypatch.setattr(workspace, "load_baseline_file", counting)
    assert invoke(monkeypatch, capsys, "compare", *THREE, "combinatie.yaml").code == 0
    assert len(calls) == 1


def test_scenarios_with_different_baselines_are_refused_unless_one_is_given(in_tmp, monkeypatch, capsys):
    shutil.copy(shipped_baseline(), in_tmp / "andere-basis.xlsx")
    (in_tmp / "eigen.yaml").write_text(
        "name: Eigen basis\nbaseline: andere-basis.xlsx\nwijkaanpak:\n  amounts: {2027: 509000}\n", encoding="utf-8"
    )
    refused = invoke(monkeypatch, capsys, "compare", "jeugd_hoog.yaml", "eigen.yaml")
    assert refused.code == 2
    message = words(refused.err)
    assert "eigen.yaml" in message
    assert "andere-basis.xlsx" in message
    assert "Give --baseline FILE.xlsx" in message
    accepted = invoke(
        monkeypatch, capsys, "compare", "jeugd_hoog.yaml", "eigen.yaml", "--baseline", "andere-basis.xlsx"
    )
    assert accepted.code == 0, accepted.err
    assert "Eigen basis" in accepted.out


def test_compare_exports_like_run(in_tmp, monkeypatch, capsys):
    result = invoke(
        monkeypatch, capsys, "compare", *THREE, "-e", "cmp.xlsx", "-e", "cmp.csv", "--csv-dialect", "int",
        "--chart", "cmp.png", "--format", "json",
    )  # fmt: skip
    assert result.code == 0, result.err
    assert result.err.splitlines() == [
        "Geschreven: cmp.xlsx",
        "Geschreven: cmp.csv",
        "Geschreven: cmp-vergelijking.png",
    ]
    data = json.loads(result.out)
    expected = {}
    for figure in data["figures"]:
        expected[(figure["label"], "Basis (begroting)", "basis")] = figure["basis"]
        for s in figure["scenarios"]:
            expected[(figure["label"], s["name"], "scenario")] = s["scenario"]
            expected[(figure["label"], s["name"], "verschil")] = s["effect"]

    wb = openpyxl.load_workbook(in_tmp / "cmp.xlsx", data_only=True)
    assert wb.sheetnames == ["Vergelijking", "Grafieken", "Herkomst"]
    group = None
    rows = data_rows(wb["Vergelijking"], 7)
    first_verdict = next(i for i, row in enumerate(rows) if row[0] == VERDICT_LABEL)
    rows, verdicts = rows[:first_verdict], rows[first_verdict:]
    # the verdict: one row for the basis, then one per scenario, with the JSON's status
    assert [row[1] for row in verdicts[1:]] == [v["name"] for v in data["verdicts"]]
    toezicht = {"repressief": "repressief", "risico op preventief": "preventief"}
    assert [row[2] for row in verdicts[1:]] == [toezicht[v["toezicht"]] for v in data["verdicts"]]
    assert len(rows) == len(expected)
    for row in rows:
        group = row[0] or group
        for cell, value in zip(row[3:], expected[(group, row[1], row[2])], strict=True):
            assert abs(Decimal(repr(float(cell))) - Decimal(value)) < Decimal("1e-6")

    frame = pd.read_csv(in_tmp / "cmp.csv", dtype=str, keep_default_na=False)
    assert set(frame.tabel) == {"vergelijking"}
    for line in frame.itertuples(index=False):
        if line.label_1 == VERDICT_LABEL:  # text per year: ja / niet reëel / tekort
            assert line.tekst in ("ja", "niet reëel", "tekort")
            continue
        values = expected[(line.label_1, line.label_2, line.label_3)]
        assert Decimal(line.waarde) == Decimal(values[int(line.jaar) - 2025])

    herkomst = wb["Herkomst"]
    named = [herkomst.cell(r, 2).value for r in range(1, herkomst.max_row + 1)]
    assert {"Basis", "Jeugdhulp hoog", "Jeugdhulp laag (regie op toegang)"} <= set(named)
    opdracht = next(herkomst.cell(r, 2).value for r in range(1, 30) if herkomst.cell(r, 1).value == "Opdracht")
    assert opdracht.startswith("hengelo-scenario compare basis.yaml jeugd_hoog.yaml jeugd_laag.yaml -e cmp.xlsx")
    # two rows of two panels (2,6 in), 0,6 in for title and source, one legend row (0,21 in), at 200 dpi
    assert png_size(in_tmp / "cmp-vergelijking.png") == (1280, round((2 * 2.6 + 0.6 + 0.21) * 200))
