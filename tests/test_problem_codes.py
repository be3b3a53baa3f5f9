"""Errors as data: every problem has a stable code and its place as fields, so tests and tools read the codes and
the wording of a message can change freely."""

from __future__ import annotations

from pathlib import Path

import pytest

from hengelo_scenario.errors import BaselineError, InputError, Problem, ScenarioError
from hengelo_scenario.scenario.loader import load_scenario_file


def problems_of(tmp_path: Path, text: str) -> tuple[Problem, ...]:
    path = tmp_path / "s.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ScenarioError) as caught:
        load_scenario_file(path)
    return caught.value.problems


@pytest.mark.parametrize(
    ("text", "code", "line"),
    [
        ("name: x\njeugdhulp:\n  volumen: {growth: 3%}\n", "scenario.unknown-key", 3),
        ("description: geen naam\n", "scenario.missing-key", 1),
        ("name: x\nname: y\n", "scenario.duplicate-key", 2),
        ("name: x\nwijkaanpak: [1, 2\n", "scenario.yaml-syntax", 2),
        ("name: x\nwijkaanpak:\n  amounts: {2027: 509.000}\n", "scenario.invalid-value", 3),
    ],
)
def test_a_scenario_problem_has_its_code_and_its_line(tmp_path, text, code, line):
    (problem, *_) = problems_of(tmp_path, text)
    assert problem.code == code
    assert problem.line == line
    assert problem.file.endswith("s.yaml")


def test_a_workbook_problem_has_its_code_sheet_and_cell(tmp_path):
    from openpyxl import load_workbook

    from hengelo_scenario.baseline import load_baseline
    from hengelo_scenario.resources import shipped_baseline

    book = load_workbook(shipped_baseline())
    del book["Reserves"]
    sheet = book["Lasten en baten"]
    header = [c.value for c in sheet[1]]
    sheet.cell(row=2, column=header.index(2025) + 1).value = "veel"  # text in an amount cell
    path = tmp_path / "b.xlsx"
    book.save(path)
    with pytest.raises(BaselineError) as caught:
        load_baseline(path)
    codes = {p.code for p in caught.value.problems}
    assert "baseline.missing-sheet" in codes
    cell = next(p for p in caught.value.problems if p.code == "baseline.invalid-amount")
    assert cell.sheet == "Lasten en baten"
    assert cell.row == 2
    assert cell.cell is not None


def test_every_problem_gets_a_code_even_one_raised_without():
    error = InputError([Problem("f", "line 3", "x", "a", "b")])
    assert error.problems[0].code == "input.invalid"
    assert ScenarioError([Problem("f", "line 3", "x", "a", "b")]).problems[0].code == "scenario.invalid"
    kept = ScenarioError([Problem("f", "line 3", "x", "a", "b", code="scenario.no-change")])
    assert kept.problems[0].code == "scenario.no-change"
