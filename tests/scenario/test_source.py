"""Strict YAML: exact decimals, every value with its line, every reader failure with file and line."""

from __future__ import annotations

from decimal import Decimal

import pytest

from hengelo_scenario.errors import ScenarioError, UnreadableFileError
from hengelo_scenario.scenario.source import dotted, parse_yaml, read_yaml


def test_floats_are_exact_decimals_from_the_text(write):
    data, _ = read_yaml(write("a: 0.1\nb: 509.000\nc: 1e3\nd: -2.50\ne: 7\n"))
    assert data == {"a": Decimal("0.1"), "b": Decimal("509.000"), "c": Decimal("1E+3"), "d": Decimal("-2.50"), "e": 7}
    assert data["b"].as_tuple().exponent == -3  # how the loader recognises a Dutch thousands separator
    assert type(data["e"]) is int


def test_yaml_1_2_reads_yes_and_no_as_text_and_years_as_integers(write):
    data, _ = read_yaml(write("a: yes\nb: no\nc: on\nd: true\ne: {2025: 3%}\n"))
    assert data == {"a": "yes", "b": "no", "c": "on", "d": True, "e": {2025: "3%"}}


def test_locations_give_the_file_and_line_of_every_key_and_list_item(write):
    path = write(
        """
        name: x
        jeugdhulp:
          volume:
            per_year:
              2026: 5%
        measures:
          - name: a
            amounts: {2025: 1}
          - name: b
        """
    )
    _, locations = read_yaml(path)
    assert locations[("jeugdhulp", "volume", "per_year", 2026)] == ("s.yaml", 5)
    assert locations[("measures", 0)] == ("s.yaml", 7)
    assert locations[("measures", 0, "amounts", 2025)] == ("s.yaml", 8)
    assert locations[("measures", 1, "name")] == ("s.yaml", 9)


def test_the_name_shown_in_messages_can_differ_from_the_path(write):
    path = write("a: 1\na: 2\n")
    with pytest.raises(ScenarioError) as caught:
        read_yaml(path, shown="mijn scenario.yaml")
    assert caught.value.problems[0].file == "mijn scenario.yaml"


def test_a_duplicate_key_is_refused_with_its_line(write):
    path = write(
        """
        name: x
        wijkaanpak:
          amounts: {2027: 1}
          amounts: {2028: 1}
        """
    )
    with pytest.raises(ScenarioError) as caught:
        read_yaml(path)
    (problem,) = caught.value.problems
    assert (problem.file, problem.where, problem.field) == ("s.yaml", "line 4", "amounts")
    assert "each key once" in problem.expected
    assert "'amounts' a second time" in problem.found


@pytest.mark.parametrize(
    ("text", "line", "found", "hint"),
    [
        ("name: x\njeugdhulp: [1,\nb: 2\n", 2, "expected ',' or ']', but got the end of the file", "not closed"),
        ("name: x\njeugdhulp: [1, 2\nb: 3\n", 3, "expected ',' or ']'", "line 2"),
        ("name: x\na:\n\tb: 1\n", 3, "'\\t'", "spaces, not tabs"),
        ("name: x\na: b: c\n", 2, "mapping values are not allowed", "quotes"),
        ("name: 'x\n", 2, "", ""),
    ],
)
def test_a_yaml_syntax_error_names_file_and_line(write, text, line, found, hint):
    with pytest.raises(ScenarioError) as caught:
        read_yaml(write(text))
    (problem,) = caught.value.problems
    assert problem.file == "s.yaml"
    assert problem.where == f"line {line}"
    assert problem.field == "(YAML syntax)"
    assert found in problem.found
    assert hint in problem.hint


@pytest.mark.parametrize("value", [".inf", "-.inf", ".nan", ".NaN"])
def test_infinity_and_not_a_number_are_refused(write, value):
    with pytest.raises(ScenarioError) as caught:
        read_yaml(write(f"name: x\ngrowth: {value}\n"))
    (problem,) = caught.value.problems
    assert (problem.where, problem.expected, problem.found) == ("line 2", "a finite number", value)


def test_custom_tags_are_refused(write):
    with pytest.raises(ScenarioError) as caught:
        read_yaml(write("name: x\na: !euro 5\n"))
    (problem,) = caught.value.problems
    assert (problem.where, problem.field, problem.found) == ("line 2", "a", "the tag !euro")


def test_an_empty_file_reads_as_nothing(write):
    assert read_yaml(write("# only a comment\n"))[0] is None


def test_a_missing_file_cannot_be_read(tmp_path):
    with pytest.raises(UnreadableFileError) as caught:
        read_yaml(tmp_path / "nope.yaml", shown="nope.yaml")
    assert caught.value.file == "nope.yaml"
    assert "no such file" in caught.value.reason


def test_a_file_that_is_not_utf8_cannot_be_read(tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes("name: Financiën\n".encode("latin-1"))
    with pytest.raises(UnreadableFileError, match="UTF-8"):
        read_yaml(path)


def test_a_byte_order_mark_is_allowed(tmp_path):
    path = tmp_path / "bom.yaml"
    path.write_bytes("name: x\n".encode("utf-8-sig"))
    assert read_yaml(path)[0] == {"name": "x"}


def test_merge_keys_and_anchors_keep_working(write):
    data, locations = read_yaml(write("base: &b {growth: 2%}\nprice:\n  <<: *b\n  from: 2026\n"))
    assert data["price"] == {"from": 2026, "growth": "2%"}
    assert locations[("price", "from")] == ("s.yaml", 4)


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ((), "(file)"),
        (("jeugdhulp", "volume", "per_year", 2026), "jeugdhulp.volume.per_year.2026"),
        (("measures", 2, "amounts", 2025), "measures[2].amounts.2025"),
        (("measures", 0), "measures[0]"),
    ],
)
def test_dotted_paths(path, text):
    assert dotted(path) == text


def test_parse_yaml_works_on_text():
    data, locations = parse_yaml("a:\n  b: 1\n", "t.yaml")
    assert data == {"a": {"b": 1}}
    assert locations[("a", "b")] == ("t.yaml", 2)


def test_a_control_character_is_reported_with_its_line(write):
    with pytest.raises(ScenarioError) as caught:
        read_yaml(write("name: x\ndescription: a\x07b\n"))
    (problem,) = caught.value.problems
    assert problem.where == "line 2"
    assert "special characters" in problem.found
