"""YAML 1.2 ends lines only at LF and CR: NEL (U+0085), LS (U+2028) and PS (U+2029) are characters of the text.

ruamel still breaks lines at them, as YAML 1.1 did, which turned a name with a NEL into two words folded into one
with a space (the failing example Hypothesis once saved). The reader keeps them, in every scalar style, in keys and
in comments, and counts lines as an editor does.
"""

from __future__ import annotations

import pytest

from hengelo_scenario.scenario.loader import load_scenario_text
from hengelo_scenario.scenario.source import parse_yaml

BREAKS = ["\x85", "\u2028", "\u2029"]


@pytest.mark.parametrize("char", BREAKS)
@pytest.mark.parametrize("style", ["a{c}b", "'a{c}b'", '"a{c}b"'])
def test_the_character_stays_in_the_text(char, style):
    data, _ = parse_yaml(f"name: {style.format(c=char)}\n", "x.yaml")
    assert data["name"] == f"a{char}b"


@pytest.mark.parametrize("char", BREAKS)
def test_keys_comments_and_line_numbers(char):
    text = f"# een opmerking {char} met een teken\nsegment{char}x: 1\nname: N\n"
    data, locations = parse_yaml(text, "x.yaml")
    assert data == {f"segment{char}x": 1, "name": "N"}
    assert locations[("name",)] == ("x.yaml", 3)  # the NEL in the comment is no line of its own


def test_the_escape_in_double_quotes_is_the_same_character():
    assert parse_yaml('name: "a\\Nb"\n', "x")[0] == parse_yaml("name: a\x85b\n", "x")[0]


@pytest.mark.parametrize("char", BREAKS)
def test_the_resolved_text_reads_back_as_the_same_scenario(char):
    loaded = load_scenario_text(f"name: a{char}b\ndescription: c{char}d\n")
    again, _ = parse_yaml(loaded.resolved_text, "resolved")
    assert (again["name"], again["description"]) == (f"a{char}b", f"c{char}d")
