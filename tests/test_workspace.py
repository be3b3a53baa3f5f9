"""The workspace: hengelo-scenario.toml found upward, its keys checked, the baseline chosen with its reason, and
the repository's own config making a clone run on its data/ workbook."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from hengelo_scenario.errors import InputError, UnreadableFileError
from hengelo_scenario.resources import shipped_baseline
from hengelo_scenario.scenario.loader import load_scenario_text
from hengelo_scenario.workspace import (
    CONFIG_KEYS,
    CONFIG_NAME,
    BaselineReason,
    choose_baseline,
    config_text,
    evaluate,
    find_workspace,
    read_config,
)
from tests.cli.invoke import invoke

ROOT = Path(__file__).resolve().parents[1]


def make_workspace(root: Path, text: str = "") -> Path:
    (root / "data").mkdir(parents=True)
    shutil.copy(shipped_baseline(), root / "data" / "begroting.xlsx")
    (root / "scenarios").mkdir()
    (root / CONFIG_NAME).write_text(text or 'baseline = "data/begroting.xlsx"\n', encoding="utf-8")
    return root


def test_the_nearest_config_upward_is_found(tmp_path, monkeypatch):
    monkeypatch.delenv("HENGELO_SCENARIO_NO_CONFIG", raising=False)
    root = make_workspace(tmp_path / "ws")
    deep = root / "scenarios" / "sub"
    deep.mkdir()
    space = find_workspace(deep)
    assert space.config == (root / CONFIG_NAME).resolve()
    assert space.baseline == (root / "data" / "begroting.xlsx").resolve()
    assert space.scenario_folder == (root / "scenarios").resolve()  # the default folder, there
    assert space.allowed_roots == (root.resolve(),)
    assert find_workspace(tmp_path).config is None  # above the workspace: none
    monkeypatch.setenv("HENGELO_SCENARIO_NO_CONFIG", "1")
    assert find_workspace(deep).config is None


def test_the_generated_config_documents_and_reads_every_key(tmp_path):
    text = config_text("data/begroting.xlsx")
    for key in CONFIG_KEYS:
        assert f"# {key}: " in text
        assert f"\n{key} = " in text
    root = make_workspace(tmp_path, text)
    space = read_config(root / CONFIG_NAME, root)
    assert (space.unit, space.csv_dialect, space.allowed_folders) == ("duizend", "nl", ())


@pytest.mark.parametrize(
    ("line", "field", "expected"),
    [
        ('basline = "data/begroting.xlsx"', "basline", "did you mean 'baseline'?"),
        ('baseline = "data/weg.xlsx"', "baseline", "an existing file"),
        ('unit = "miljoen"', "unit", "one of: duizend, euro"),
        ('csv_dialect = "fr"', "csv_dialect", "one of: nl, int"),
        ('allowed_folders = "../x"', "allowed_folders", "a list of folders"),
        ('scenarios = "nergens"', "scenarios", "an existing folder"),
    ],
)
def test_a_bad_key_is_an_error_naming_the_file_and_key(tmp_path, line, field, expected):
    root = make_workspace(tmp_path, line + "\n")
    with pytest.raises(InputError) as error:
        read_config(root / CONFIG_NAME, root)
    [problem] = error.value.problems
    assert problem.code.startswith("workspace.")
    assert problem.field == field
    assert problem.file.endswith(CONFIG_NAME)
    assert expected in f"{problem.expected} {problem.hint}"


def test_invalid_toml_names_the_line(tmp_path):
    root = make_workspace(tmp_path, 'baseline = "data/begroting.xlsx\n')
    with pytest.raises(UnreadableFileError, match="line 1"):
        read_config(root / CONFIG_NAME, root)


def test_the_baseline_precedence_option_scenario_workspace_shipped(tmp_path):
    root = make_workspace(tmp_path)
    space = read_config(root / CONFIG_NAME, root)
    with_field = load_scenario_text("name: X\nbaseline: data/eigen.xlsx\n", "x.yaml", root)
    without = load_scenario_text("name: Y\n", "y.yaml", root)
    option = choose_baseline(Path("other.xlsx"), with_field, space)
    assert (option.path, option.reason) == (Path("other.xlsx"), BaselineReason.OPTION)
    scenario = choose_baseline(None, with_field, space)
    assert (scenario.path, scenario.reason) == (root / "data" / "eigen.xlsx", BaselineReason.SCENARIO)
    workspace = choose_baseline(None, without, space)
    assert workspace.reason is BaselineReason.WORKSPACE
    assert workspace.label(root) == "data/begroting.xlsx (uit hengelo-scenario.toml)"
    below = choose_baseline(None, without, find_workspace(root / "data"))  # found upward from a subfolder
    assert below.reason is BaselineReason.WORKSPACE
    nowhere = tmp_path.parent / f"{tmp_path.name}-elsewhere"
    nowhere.mkdir()
    alone = choose_baseline(None, without, find_workspace(nowhere))
    assert alone.reason is BaselineReason.SHIPPED
    assert alone.label() == "hengelo-begroting-2025-2028.xlsx (meegeleverd, illustratief)"


def test_every_command_header_says_which_workbook_and_why(tmp_path, monkeypatch, capsys):
    root = make_workspace(tmp_path / "ws")
    (root / "scenarios" / "eigen.yaml").write_text("name: Eigen\n", encoding="utf-8")
    (root / "scenarios" / "ander.yaml").write_text(
        "name: Ander\nbaseline: ../data/begroting.xlsx\nwijkaanpak: {amounts: {2027: 509000}}\n", encoding="utf-8"
    )
    monkeypatch.chdir(root)
    cases = [
        (("run", "eigen"), "Basis: data/begroting.xlsx (uit hengelo-scenario.toml)"),
        (("run", "ander"), "Basis: data/begroting.xlsx (baseline: in het scenario)"),
        (("run", "eigen", "--baseline", str(shipped_baseline())), "(--baseline)"),
        (("compare", "eigen"), "Basis: data/begroting.xlsx (uit hengelo-scenario.toml)"),
        (("baseline", "show"), "Basis: data/begroting.xlsx (uit hengelo-scenario.toml)"),
        (("check", "--update"), "Basis: data/begroting.xlsx (uit hengelo-scenario.toml)"),
    ]
    for args, line in cases:
        result = invoke(monkeypatch, capsys, *args)
        assert result.code == 0, (args, result.err)
        assert line in " ".join(result.out.split()), args


def test_the_workspace_defaults_apply_unless_an_option_is_given(tmp_path, monkeypatch, capsys):
    root = make_workspace(tmp_path, 'baseline = "data/begroting.xlsx"\nunit = "euro"\ncsv_dialect = "int"\n')
    monkeypatch.chdir(root)
    euro = invoke(monkeypatch, capsys, "run", "basis", "--export", "m.csv")
    assert euro.code == 0, euro.err
    assert "bedragen in euro's" in euro.out
    assert (root / "m.csv").read_bytes()[:3] != b"\xef\xbb\xbf"  # int: no BOM
    assert (root / "m.csv").read_text(encoding="utf-8").startswith("tabel,rij")
    thousands = invoke(monkeypatch, capsys, "run", "basis", "--unit", "duizend")
    assert "bedragen x € 1.000" in thousands.out


def test_evaluate_loads_each_workbook_once_and_reports_every_problem(tmp_path, monkeypatch):
    root = make_workspace(tmp_path)
    monkeypatch.chdir(root)
    (root / "scenarios" / "a.yaml").write_text("name: A\n", encoding="utf-8")
    (root / "scenarios" / "b.yaml").write_text("name: B\njeugdhulp: {volumen: {growth: 3%}}\n", encoding="utf-8")
    (root / "scenarios" / "c.yaml").write_text("name: C\nmeasures: oops\n", encoding="utf-8")
    with pytest.raises(InputError) as error:
        evaluate(["a", "b", "c"])
    assert {p.file for p in error.value.problems} == {"scenarios/b.yaml", "scenarios/c.yaml"}
    [result] = evaluate(["a"])
    assert result.choice.reason is BaselineReason.WORKSPACE
    assert result.baseline.source == "data/begroting.xlsx (uit hengelo-scenario.toml)"


def _clone(tmp_path: Path) -> Path:
    """The repository's layout as a clone has it: its config, data/ and scenarios/ (with the snapshots)."""
    clone = tmp_path / "clone"
    clone.mkdir()
    shutil.copy(ROOT / CONFIG_NAME, clone / CONFIG_NAME)
    shutil.copytree(ROOT / "data", clone / "data")
    shutil.copytree(ROOT / "scenarios", clone / "scenarios")
    return clone


def test_the_repository_config_points_at_its_data_workbook():
    space = read_config(ROOT / CONFIG_NAME, ROOT)
    assert space.baseline == (ROOT / "data" / "hengelo-begroting-2025-2028.xlsx").resolve()
    assert space.scenario_folder == (ROOT / "scenarios").resolve()


@pytest.mark.slow
def test_editing_one_cell_of_the_clones_workbook_changes_run_and_fails_check(tmp_path, monkeypatch, capsys):
    clone = _clone(tmp_path)
    monkeypatch.chdir(clone)
    before = invoke(monkeypatch, capsys, "run", "basis", "--format", "json")
    assert before.code == 0, before.err
    assert before.json["baseline"]["file"] == "data/hengelo-begroting-2025-2028.xlsx (uit hengelo-scenario.toml)"
    assert invoke(monkeypatch, capsys, "check").code == 0

    workbook = clone / "data" / "hengelo-begroting-2025-2028.xlsx"
    book = openpyxl.load_workbook(workbook)
    sheet = book["Lasten en baten"]
    assert (sheet["A2"].value, sheet["C2"].value, sheet["F1"].value) == ("1", "last", 2025)
    sheet["F2"] = sheet["F2"].value + 1_000_000  # € 1 million more lasten, programme 1, 2025, structureel
    book.save(workbook)

    after = invoke(monkeypatch, capsys, "run", "basis", "--format", "json")
    assert after.code == 0, after.err
    resultaat = after.json["overview"]["geraamd_resultaat"]["scenario"]
    # basis.yaml by hand: 830772.60 in 2025; with € 1,000,000 more lasten: 830772.60 - 1000000 = -169227.40
    assert Decimal(resultaat[0]) == Decimal("-169227.40")
    assert Decimal(resultaat[1]) == Decimal("290772.60")  # 2026 untouched
    failed = invoke(monkeypatch, capsys, "check")
    assert failed.code == 1
    assert "the baseline workbook changed since the snapshot" in " ".join(failed.out.split())


def test_from_a_subfolder_the_workspace_scenarios_and_workbook_are_found(tmp_path, monkeypatch, capsys):
    root = make_workspace(tmp_path / "ws")
    (root / "scenarios" / "eigen.yaml").write_text("name: Eigen\n", encoding="utf-8")
    (root / "notities").mkdir()
    monkeypatch.chdir(root / "notities")
    result = invoke(monkeypatch, capsys, "run", "eigen")
    assert result.code == 0, result.err
    assert "Basis: ../data/begroting.xlsx (uit hengelo-scenario.toml)" in " ".join(result.out.split())
    checked = invoke(monkeypatch, capsys, "check", "--update")
    assert checked.code == 0, checked.err
    assert (root / "scenarios" / "snapshots" / "eigen.txt").is_file()
