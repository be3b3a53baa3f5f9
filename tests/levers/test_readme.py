"""The README's scenario reference for the five budget levers: every example resolves against the shipped workbook."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hengelo_scenario.baseline.workbook import load_baseline
from hengelo_scenario.engine import run
from hengelo_scenario.resources import shipped_baseline

from .conftest import scenario_of

README = Path(__file__).resolve().parents[2] / "README.md"
LEVERS = ("algemene_uitkering:", "indexatie:", "ozb:", "investeringen:", "nieuw_beleid:")


def examples() -> list[str]:
    text = README.read_text(encoding="utf-8")
    found = re.findall(r"```yaml\n(.*?)```", text, flags=re.DOTALL)
    return [example for example in found if example.startswith(LEVERS)]


def test_each_lever_has_a_section_with_an_example_in_the_readme():
    text = README.read_text(encoding="utf-8")
    for key in LEVERS:
        assert f"### `{key[:-1]}`" in text, key
    assert {example.split(":")[0] + ":" for example in examples()} == set(LEVERS)


@pytest.mark.parametrize("example", examples(), ids=lambda text: text.split(":")[0])
def test_every_lever_example_in_the_readme_runs_on_the_shipped_workbook(write, example):
    baseline = load_baseline(shipped_baseline())
    scenario = scenario_of(write("name: voorbeeld\n" + example), baseline)
    outcome = run(baseline, scenario)
    assert outcome.bookings
