"""`expect:` in scenario files: figure keys, baseline years, euros to the cent, ratios and percentages as written."""

from __future__ import annotations

import textwrap
from decimal import Decimal
from pathlib import Path

import pytest

from hengelo_scenario.errors import ScenarioError
from hengelo_scenario.report.comparison import FIGURES
from hengelo_scenario.scenario.loader import load_scenario_file
from hengelo_scenario.scenario.resolve import resolve
from hengelo_scenario.scenario.schema import json_schema
from tests.scenario.conftest import make_baseline


@pytest.fixture
def write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)

    def _write(text: str, name: str = "s.yaml") -> Path:
        path = Path(name)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    return _write


def resolved(path: Path):
    return resolve(load_scenario_file(path), make_baseline())


def problems(path: Path) -> list[str]:
    with pytest.raises(ScenarioError) as caught:
        resolved(path)
    return [str(p) for p in caught.value.problems]


def test_expectations_keep_figure_year_value_and_line(write):
    path = write(
        """
        name: Pinned
        expect:
          geraamd_resultaat: {2025: 830772.60, 2026: -1500}
          algemene_reserve:
            2028: 57600000
          weerstandsratio: {2028: 2.380}
          structurele_exploitatieruimte: {2025: "0,49%"}
        """
    )
    scenario = resolved(path)
    pins = [(e.figure, e.year, e.value, e.places, e.origin.line, e.origin.field) for e in scenario.expectations]
    assert pins == [
        ("geraamd_resultaat", 2025, Decimal("830772.60"), None, 3, "expect.geraamd_resultaat.2025"),
        ("geraamd_resultaat", 2026, Decimal(-1500), None, 3, "expect.geraamd_resultaat.2026"),
        ("algemene_reserve", 2028, Decimal(57600000), None, 5, "expect.algemene_reserve.2028"),
        ("weerstandsratio", 2028, Decimal("2.380"), 3, 6, "expect.weerstandsratio.2028"),
        ("structurele_exploitatieruimte", 2025, Decimal("0.0049"), 4, 7, "expect.structurele_exploitatieruimte.2025"),
    ]


def test_a_scenario_with_only_expect_is_still_the_baseline(write):
    scenario = resolved(write("name: Basis\nexpect: {geraamd_resultaat: {2025: 1}}\n"))
    assert scenario.is_empty
    assert len(scenario.expectations) == 1


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            "geraamd_resulaat: {2025: 1}",
            f"line 3, expect.geraamd_resulaat: expected a figure: one of {', '.join(FIGURES)}, found "
            "'geraamd_resulaat'. Did you mean 'geraamd_resultaat'?",
        ),
        (
            "geraamd_resultaat: {2031: 1}",
            "line 3, expect.geraamd_resultaat.2031: expected one of 2025, 2026, 2027, 2028 (the baseline years), "
            "found 2031",
        ),
        (
            "geraamd_resultaat: {2026: 290772.605}",
            "line 3, expect.geraamd_resultaat.2026: expected an amount in euros with at most 2 decimals (check "
            "compares to the cent), found 290772.605. Round it to the cent, half away from zero: 290772.61",
        ),
        (
            'jeugdhulp: {2026: "32193227"}',
            "line 3, expect.jeugdhulp.2026: expected the figure's value: euros such as 830772.60",
        ),
        (
            "jeugdhulp: {2026: 3%}",
            "line 3, expect.jeugdhulp.2026: expected an amount in euros such as 830772.60, found '3%'",
        ),
        (
            "weerstandsratio: {2026: true}",
            "line 3, expect.weerstandsratio.2026: expected the figure's value",
        ),
        (
            "structurele_exploitatieruimte: {2026: 0.005}",
            'line 3, expect.structurele_exploitatieruimte.2026: expected a percentage such as "0,5%"',
        ),
        ("jeugdhulp: {}", "line 3, expect.jeugdhulp: expected at least one year with the figure expected"),
        ("jeugdhulp:", "line 3, expect.jeugdhulp: expected a mapping (keys indented below this one), found nothing"),
    ],
)
def test_a_bad_expectation_names_file_line_and_field(write, line, message):
    path = write(f"name: Pinned\nexpect:\n  {line}\n")
    found = problems(path)
    assert len(found) == 1, found
    assert found[0].startswith(f"s.yaml, {message}"), found[0]


def test_an_empty_expect_block_is_refused(write):
    assert problems(write("name: Pinned\nexpect: {}\n")) == [
        "s.yaml, line 2, expect: expected at least one figure with its years, found an empty mapping. Write for "
        "example `geraamd_resultaat: {2026: 290772.60}` under `expect:`, or remove it"
    ]


def test_expect_is_not_inherited_through_extends(write):
    write("name: Parent\nwijkaanpak: {amounts: {2027: 509000}}\nexpect: {geraamd_resultaat: {2025: 1}}\n", "p.yaml")
    child = resolved(write("name: Child\nextends: p\n", "c.yaml"))
    assert child.expectations == ()
    assert child.wijkaanpak is not None  # the measures are inherited
    own = resolved(write("name: Child\nextends: p\nexpect: {baten: {2026: 2}}\n", "d.yaml"))
    assert [(e.figure, e.year, e.origin.file) for e in own.expectations] == [("baten", 2026, "d.yaml")]


def test_the_json_schema_lists_every_figure_with_its_form_of_value():
    expect = json_schema()["properties"]["expect"]
    assert expect["additionalProperties"] is False
    figures = expect["properties"]
    assert "geraamd_resultaat" in figures
    assert figures["geraamd_resultaat"]["patternProperties"]["^[0-9]{4}$"]["type"] == "number"
    assert figures["weerstandsratio"]["patternProperties"]["^[0-9]{4}$"]["type"] == "number"
    percent = figures["structurele_exploitatieruimte"]["patternProperties"]["^[0-9]{4}$"]
    assert percent["type"] == "string"
    assert "%" in percent["pattern"]
