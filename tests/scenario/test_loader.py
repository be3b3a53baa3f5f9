"""Loading scenario files: every bad file named by file, line and field; `extends`; finding a scenario by name."""

from __future__ import annotations

import hashlib
import re
from decimal import Decimal
from pathlib import Path

import pytest

from hengelo_scenario.errors import ScenarioError, UnreadableFileError
from hengelo_scenario.resources import shipped_scenarios_dir
from hengelo_scenario.scenario.loader import find_scenario, load_scenario_file
from hengelo_scenario.scenario.source import parse_yaml

from .conftest import load_and_resolve


def load_problems(path: Path):
    with pytest.raises(ScenarioError) as caught:
        load_scenario_file(path)
    return caught.value.problems


# (yaml, line, field, a fragment of expected, a fragment of found, a fragment of hint)
BAD_FILES = [
    pytest.param(
        """
        name: x
        jeugdhulp:
          volumen:
            growth: 3%
        """,
        3,
        "jeugdhulp.volumen",
        "one of: price, volume, regie_op_toegang",
        "'volumen'",
        "did you mean 'volume'?",
        id="unknown key with suggestion",
    ),
    pytest.param(
        """
        name: x
        jeugdhulp:
          price: {growth: 4,96%}
        """,
        3,
        "jeugdhulp.price.growth",
        'a percentage such as "6%"',
        "4,96% inside { }, which YAML reads as 4 and a key '96%'",
        "a comma separates entries",
        id="decimal comma inside braces",
    ),
    pytest.param(
        """
        name: x
        wijkaanpak:
          amount: {2027: 1}
        """,
        3,
        "wijkaanpak.amount",
        "one of: amounts, aard",
        "'amount'",
        "did you mean 'amounts'?",
        id="unknown key in a section",
    ),
    pytest.param(
        """
        name: x
        price:
          growth: 3%
        """,
        2,
        "price",
        "one of: name, description",
        "'price'",
        "'price' belongs under `jeugdhulp:`",
        id="a key at the wrong level",
    ),
    pytest.param(
        """
        name: x
        jeugdhulp:
          volume:
            per_year: {2026: 0.06}
        """,
        4,
        "jeugdhulp.volume.per_year.2026",
        'a percentage such as "6%"',
        "0.06",
        "0.06 could mean 6% or 0.06%",
        id="bare fraction as percentage",
    ),
    pytest.param(
        """
        name: x
        jeugdhulp:
          price:
            growth: 6
        """,
        4,
        "jeugdhulp.price.growth",
        'a percentage such as "6%"',
        "6",
        "write 6% for six percent",
        id="bare number as percentage",
    ),
    pytest.param(
        """
        name: x
        jeugdhulp:
          price:
            growth: veel
        """,
        4,
        "jeugdhulp.price.growth",
        "percentage",
        "'veel'",
        "followed by %",
        id="text as percentage",
    ),
    pytest.param(
        """
        name: x
        wijkaanpak:
          amounts:
            2027: 509.000
        """,
        4,
        "wijkaanpak.amounts.2027",
        "at most 2 decimals",
        "509.000",
        "write 509000",
        id="Dutch thousands separator",
    ),
    pytest.param(
        """
        name: x
        wijkaanpak:
          amounts: {2027: "509000"}
        """,
        3,
        "wijkaanpak.amounts.2027",
        "a number of euros",
        "'509000'",
        "without quotes",
        id="string amount",
    ),
    pytest.param(
        """
        name: x
        leefbare_wijken:
          amounts: {2027: -100000}
        """,
        3,
        "leefbare_wijken.amounts.2027",
        "0 or more",
        "-100000",
        "signed",
        id="negative new amount",
    ),
    pytest.param(
        """
        name: x
        measures:
          - name: m
            programma: 1
            soort: last
            amounts: {2025: true}
        """,
        6,
        "measures[0].amounts.2025",
        "a number of euros",
        "true",
        "",
        id="boolean amount",
    ),
    pytest.param(
        """
        name: x
        jeugdhulp: 5%
        """,
        2,
        "jeugdhulp",
        "the jeugdhulp levers",
        "'5%'",
        "indented under `jeugdhulp:`",
        id="scalar where a section belongs",
    ),
    pytest.param(
        """
        name: x
        jeugdhulp:
          volume: 3%
        """,
        3,
        "jeugdhulp.volume",
        "a change: `per_year:` or `growth:`",
        "'3%'",
        "growth: 3%",
        id="percentage where a change belongs",
    ),
    pytest.param(
        """
        name: x
        measures:
          name: m
        """,
        2,
        "measures",
        "a list of measures",
        "a mapping (name)",
        "",
        id="measures not a list",
    ),
    pytest.param(
        """
        description: no name
        """,
        1,
        "name",
        "a value",
        "nothing",
        "every scenario needs a `name:`",
        id="missing name",
    ),
    pytest.param(
        """
        name: x
        measures:
          - name: m
            soort: last
            amounts: {2025: 1}
        """,
        3,
        "measures[0].programma",
        "a value",
        "nothing",
        "add `programma:`",
        id="missing field of a measure",
    ),
    pytest.param(
        """
        name: x
        measures:
          - name: m
            programma: 1
            soort: baat
            amounts: {2025: 1}
            dekking: algemene reserve
        """,
        7,
        "measures[0].dekking",
        "dekking only on a measure with soort last",
        "dekking on a baat",
        "",
        id="dekking on a baat",
    ),
    pytest.param(
        """
        name: x
        measures:
          - name: m
            programma: 1
            soort: onttrekking
            amounts: {2025: 1}
        """,
        3,
        "measures[0].reserve",
        "the reserve for a onttrekking",
        "nothing",
        "add `reserve:`",
        id="reserve missing on an onttrekking",
    ),
    pytest.param(
        """
        name: x
        jeugdhulp:
          volume:
            growth: 3%
            per_year: {2026: 1%}
        """,
        3,
        "jeugdhulp.volume",
        "either per_year or growth",
        "both",
        "keep one",
        id="growth and per_year",
    ),
    pytest.param(
        """
        name: x
        jeugdhulp:
          volume:
            per_year: {twenty: 1%}
        """,
        4,
        "jeugdhulp.volume.per_year.twenty",
        "a year such as 2026",
        "'twenty'",
        "",
        id="year key not a year",
    ),
    pytest.param(
        """
        name: 2025
        """,
        1,
        "name",
        "text",
        "2025",
        "quotes",
        id="name not text",
    ),
    pytest.param(
        """
        - name: x
        """,
        1,
        "(file)",
        "a scenario",
        "a list of 1",
        "name: Jeugdhulp hoog",
        id="a list instead of a scenario",
    ),
    pytest.param(
        """
        name: x
        jeugdhulp:
        """,
        2,
        "jeugdhulp",
        "a value",
        "nothing",
        "indent the keys below it",
        id="a section with nothing in it",
    ),
    pytest.param(
        """
        name: x
        jeugdhulp:
          price:
            growth: 2%
          volume:
        """,
        5,
        "jeugdhulp.volume",
        "a value",
        "nothing",
        "remove the line",
        id="a lever with nothing in it",
    ),
    pytest.param(
        """
        name: x
        extends:
        """,
        2,
        "extends",
        "the name or path of another scenario",
        "nothing",
        "",
        id="extends with nothing",
    ),
    pytest.param(
        """
        # nothing here
        """,
        1,
        "(file)",
        "a scenario",
        "an empty file",
        "",
        id="empty file",
    ),
]


@pytest.mark.parametrize(("text", "line", "field", "expected", "found", "hint"), BAD_FILES)
def test_a_bad_file_is_reported_with_file_line_and_field(write, text, line, field, expected, found, hint):
    path = write(text, "bad.yaml")
    problems = load_problems(path)
    assert len(problems) == 1, "\n".join(map(str, problems))
    (problem,) = problems
    assert problem.file == "bad.yaml"
    assert problem.where == f"line {line}"
    assert problem.field == field
    assert expected in problem.expected
    assert found in problem.found
    assert hint in problem.hint
    assert "Input should" not in str(problem)  # pydantic's own wording never reaches the analyst


def test_all_problems_of_a_file_are_reported_at_once_in_line_order(write):
    path = write(
        """
        name: x
        jeugdhulp:
          volumen: {growth: 3%}
          price: {growth: 0.05}
        wijkaanpak:
          amounts: {2027: 509.000}
        """
    )
    problems = load_problems(path)
    assert [(p.where, p.field) for p in problems] == [
        ("line 3", "jeugdhulp.volumen"),
        ("line 4", "jeugdhulp.price.growth"),
        ("line 6", "wijkaanpak.amounts.2027"),
    ]


def test_a_scenario_file_keeps_the_path_as_given_its_hash_and_its_locations(write):
    path = write("name: Leeg\n", "sub/leeg.yaml")
    scenario_file = load_scenario_file(path)
    assert scenario_file.path == "sub/leeg.yaml"
    assert scenario_file.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert scenario_file.model.name == "Leeg"
    assert scenario_file.location(("name",)) == ("sub/leeg.yaml", 1)
    assert scenario_file.location(("jeugdhulp", "price")) == ("sub/leeg.yaml", 1)
    assert scenario_file.chain == ("sub/leeg.yaml",)
    assert scenario_file.baseline is None


# --- extends --------------------------------------------------------------------------------------------------


def test_extends_merges_mappings_deeply_and_the_child_wins(write, baseline):
    write(
        """
        name: Ouder
        description: De ouder
        author: Team A
        wijkaanpak:
          amounts: {2027: 509000, 2028: 509000}
          aard: structureel
        transformatieplan:
          realisatie: 80%
        """,
        "ouder.yaml",
    )
    path = write(
        """
        name: Kind
        extends: ouder
        wijkaanpak:
          amounts: {2028: 0}
        """,
        "kind.yaml",
    )
    scenario_file = load_scenario_file(path)
    model = scenario_file.model
    assert model.name == "Kind"
    assert model.description == ""  # not inherited
    assert model.author == ""  # not inherited
    assert model.wijkaanpak.amounts == {2027: 509000, 2028: 0}
    assert model.wijkaanpak.aard == "structureel"
    assert model.transformatieplan.realisatie == Decimal("0.8")
    assert scenario_file.chain == ("kind.yaml", "ouder.yaml")
    # where each value was written
    assert scenario_file.location(("wijkaanpak", "amounts", 2028)) == ("kind.yaml", 4)
    assert scenario_file.location(("wijkaanpak", "amounts", 2027)) == ("ouder.yaml", 5)
    assert scenario_file.location(("transformatieplan",)) == ("ouder.yaml", 7)
    scenario = load_and_resolve(path, baseline)
    assert scenario.transformatieplan.origin.file == "ouder.yaml"
    assert scenario.wijkaanpak.origin.file == "kind.yaml"


def test_a_child_lever_replaces_the_parents_lever_whole(write):
    write("name: p\njeugdhulp:\n  volume: {growth: 3%, from: 2026}\n  price: {growth: 2%}\n", "p.yaml")
    path = write("name: c\nextends: p.yaml\njeugdhulp:\n  volume:\n    per_year: {2027: 5%}\n", "c.yaml")
    jeugdhulp = load_scenario_file(path).model.jeugdhulp
    assert jeugdhulp.volume.per_year == {2027: Decimal("0.05")}
    assert jeugdhulp.volume.growth is None
    assert jeugdhulp.volume.from_ is None
    assert jeugdhulp.price.growth == Decimal("0.02")


def test_measures_are_merged_by_name(write):
    write(
        """
        name: p
        measures:
          - name: A
            programma: 1
            soort: last
            amounts: {2025: 1}
          - name: B
            programma: 1
            soort: last
            amounts: {2025: 2}
        """,
        "p.yaml",
    )
    path = write(
        """
        name: c
        extends: p
        measures:
          - name: C
            programma: 6
            soort: baat
            amounts: {2025: 3}
          - name: A
            programma: 6
            soort: last
            amounts: {2026: 10}
        """,
        "c.yaml",
    )
    scenario_file = load_scenario_file(path)
    measures = scenario_file.model.measures
    assert [m.name for m in measures] == ["A", "B", "C"]
    assert measures[0].amounts == {2026: 10}  # replaced in place
    assert measures[0].programma == "6"
    assert scenario_file.location(("measures", 0)) == ("c.yaml", 8)
    assert scenario_file.location(("measures", 1)) == ("p.yaml", 7)
    assert scenario_file.location(("measures", 2, "amounts")) == ("c.yaml", 7)


def test_a_problem_in_a_parent_is_reported_in_the_parents_file(write):
    write("name: p\njeugdhulp:\n  price: {growth: 0.02}\n", "p.yaml")
    path = write("name: c\nextends: p\n", "c.yaml")
    (problem,) = load_problems(path)
    assert (problem.file, problem.where, problem.field) == ("p.yaml", "line 3", "jeugdhulp.price.growth")


def test_a_parent_may_be_incomplete_on_its_own(write):
    write("wijkaanpak:\n  amounts: {2027: 1}\n", "deel.yaml")  # no name: only valid once merged
    path = write("name: c\nextends: deel\n", "c.yaml")
    assert load_scenario_file(path).model.wijkaanpak.amounts == {2027: 1}


def test_null_in_a_child_drops_an_inherited_section(write):
    write("name: p\nwijkaanpak:\n  amounts: {2027: 1}\n", "p.yaml")
    path = write("name: c\nextends: p\nwijkaanpak: null\n", "c.yaml")
    assert load_scenario_file(path).model.wijkaanpak is None


def test_extends_and_baseline_are_relative_to_the_file_that_wrote_them(write):
    write("name: p\nbaseline: ../data/begroting.xlsx\n", "lib/ouders/p.yaml")
    write("name: m\nextends: ouders/p.yaml\n", "lib/m.yaml")
    path = write("name: c\nextends: ../lib/m\n", "mine/c.yaml")
    scenario_file = load_scenario_file(path)
    assert scenario_file.chain == ("mine/c.yaml", "lib/m.yaml", "lib/ouders/p.yaml")
    assert scenario_file.baseline == Path("lib/data/begroting.xlsx")
    assert "baseline: lib/data/begroting.xlsx" in scenario_file.resolved_text


def test_a_childs_own_baseline_wins(write):
    write("name: p\nbaseline: p.xlsx\n", "sub/p.yaml")
    path = write("name: c\nextends: p\nbaseline: ../c.xlsx\n", "sub/c.yaml")
    assert load_scenario_file(path).baseline == Path("c.xlsx")


def test_extends_finds_a_bare_name_in_scenarios_then_among_the_shipped(write):
    write("name: lokale basis\n", "scenarios/lokaal.yaml")
    path = write("name: c\nextends: lokaal\n", "elders/c.yaml")
    assert load_scenario_file(path).chain == ("elders/c.yaml", "scenarios/lokaal.yaml")
    path = write("name: c\nextends: jeugd_hoog\n", "elders/d.yaml")
    scenario_file = load_scenario_file(path)
    assert scenario_file.chain[1] == str(shipped_scenarios_dir() / "jeugd_hoog.yaml")
    assert scenario_file.model.jeugdhulp is not None


@pytest.mark.parametrize(
    ("files", "start", "cycle"),
    [
        ({"a.yaml": "name: a\nextends: a\n"}, "a.yaml", "a.yaml → a.yaml"),
        (
            {
                "a.yaml": "name: a\nextends: b\n",
                "b.yaml": "name: b\nextends: c.yaml\n",
                "c.yaml": "name: c\nextends: a\n",
            },
            "a.yaml",
            "a.yaml → b.yaml → c.yaml → a.yaml",
        ),
    ],
)
def test_an_extends_cycle_is_an_error_naming_the_chain(write, files, start, cycle):
    for name, text in files.items():
        write(text, name)
    (problem,) = load_problems(Path(start))
    assert problem.field == "extends"
    assert problem.where == "line 2"
    assert problem.found == f"a cycle: {cycle}"


def test_extending_a_scenario_that_does_not_exist(write):
    write("name: basis\n", "basis2.yaml")
    (problem,) = load_problems(write("name: c\nextends: basis3\n", "c.yaml"))
    assert (problem.file, problem.where, problem.field) == ("c.yaml", "line 2", "extends")
    assert problem.found == "'basis3'"
    assert "did you mean 'basis2'?" in problem.hint


def test_the_resolved_text_is_the_merged_scenario_and_reads_back_the_same(write):
    write(
        """
        name: p
        jeugdhulp:
          price: {growth: '4,96%', from: 2026}
        wijkaanpak:
          amounts: {2027: 1.5}
        """,
        "p.yaml",
    )
    path = write("name: c\ndescription: >\n  twee\n  regels\nextends: p\n", "c.yaml")
    scenario_file = load_scenario_file(path)
    text = scenario_file.resolved_text
    assert text.startswith("# c.yaml, extending p.yaml\n")
    assert "extends" not in text
    data, _ = parse_yaml(text, "resolved.yaml")
    assert list(data)[:2] == ["name", "description"]
    assert data["jeugdhulp"]["price"] == {"growth": "4,96%", "from": 2026}
    (tmp := Path("resolved.yaml")).write_text(text, encoding="utf-8")
    again = load_scenario_file(tmp).model
    assert again.model_dump(exclude={"description"}) == scenario_file.model.model_dump(exclude={"description"})
    assert again.description.strip() == scenario_file.model.description.strip() == "twee regels"


# --- find_scenario --------------------------------------------------------------------------------------------


def test_an_existing_path_wins(write, tmp_path):
    write("name: hier\n", "jeugd_hoog.yaml")
    write("name: in scenarios\n", "scenarios/jeugd_hoog.yaml")
    assert find_scenario("jeugd_hoog.yaml", tmp_path) == Path("jeugd_hoog.yaml")
    assert find_scenario(str(tmp_path / "jeugd_hoog.yaml"), tmp_path) == tmp_path / "jeugd_hoog.yaml"


def test_a_bare_name_is_looked_up_in_scenarios_then_among_the_shipped(write, tmp_path):
    write("name: in scenarios\n", "scenarios/jeugd_hoog.yaml")
    write("name: yml\n", "scenarios/eigen.yml")
    assert find_scenario("jeugd_hoog", tmp_path) == Path("scenarios/jeugd_hoog.yaml")
    assert find_scenario("eigen", tmp_path) == Path("scenarios/eigen.yml")
    assert find_scenario("eigen.yml", tmp_path) == Path("scenarios/eigen.yml")
    assert find_scenario("jeugd_laag", tmp_path) == shipped_scenarios_dir() / "jeugd_laag.yaml"
    assert find_scenario("jeugd_laag.yaml", tmp_path) == shipped_scenarios_dir() / "jeugd_laag.yaml"


def test_a_cwd_other_than_the_working_folder_gives_full_paths(write, tmp_path):
    other = tmp_path / "other"
    (other / "scenarios").mkdir(parents=True)
    (other / "scenarios" / "x.yaml").write_text("name: x\n", encoding="utf-8")
    assert find_scenario("x", other) == other / "scenarios" / "x.yaml"


def test_a_scenario_that_cannot_be_found_says_where_it_looked(write, tmp_path):
    write("name: eigen\n", "scenarios/eigen.yaml")
    with pytest.raises(UnreadableFileError) as caught:
        find_scenario("jeugd_hooog", tmp_path)
    error = caught.value
    assert error.file == "jeugd_hooog"
    assert str(tmp_path / "scenarios") in error.reason
    assert str(shipped_scenarios_dir()) in error.reason
    assert "did you mean 'jeugd_hoog'?" in error.hint
    assert "eigen" in error.hint


def test_a_path_that_does_not_exist_is_not_looked_up_by_name(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(UnreadableFileError) as caught:
        find_scenario("sub/jeugd_hoog.yaml", tmp_path)
    assert "(as a path)" in caught.value.reason
    assert str(shipped_scenarios_dir()) not in caught.value.reason


@pytest.mark.parametrize("path", sorted(shipped_scenarios_dir().glob("*.yaml")), ids=lambda p: p.stem)
def test_every_shipped_scenario_loads(path):
    from hengelo_scenario.baseline.workbook import load_baseline
    from hengelo_scenario.resources import shipped_baseline

    scenario = load_and_resolve(path, load_baseline(shipped_baseline()))  # the levers need the workbook's lines
    assert scenario.name
    assert scenario.description


# --- the scenario reference in the README ("## Scenario files") ------------------------------------------------

README = Path(__file__).resolve().parents[2] / "README.md"
SECTIONS = ("jeugdhulp:", "wijkaanpak:", "leefbare_wijken:", "transformatieplan:", "measures:")


def scenario_reference() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index("\n## Scenario files\n")
    end = text.index("\n## ", start + 1)
    return text[start:end]


def yaml_examples() -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", scenario_reference(), flags=re.DOTALL)


@pytest.mark.parametrize("example", yaml_examples(), ids=lambda text: text.splitlines()[0][:30])
def test_every_example_in_the_scenario_reference_is_valid(write, baseline, example):
    """Whole scenarios and whole sections in the README's scenario reference load and resolve; fragments parse."""
    if example.startswith("name:") or example.startswith(SECTIONS):
        text = example if example.startswith("name:") else "name: voorbeeld\n" + example
        if "extends:" in text:
            text = text.replace("extends: jeugd_hoog", "extends: jeugd_hoog.yaml")
            write("name: ouder\njeugdhulp:\n  price: {growth: 1%}\n", "jeugd_hoog.yaml")
        scenario = load_and_resolve(write(text, "voorbeeld.yaml"), baseline)
        assert scenario.name
    else:
        parse_yaml(example, "README.md")
