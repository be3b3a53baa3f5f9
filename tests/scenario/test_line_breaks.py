"""NEL (U+0085), LS (U+2028) and PS (U+2029): written raw, they are refused with their line (the YAML reader
would break the line there and fold it into a space, an editor shows nothing); written as escapes in double quotes
(\\N, \\L, \\P) they are characters of the text, and the resolved text writes them back the same way.
This was the failing example Hypothesis once saved: a name with a NEL, shown as a space."""

from __future__ import annotations

import pytest

from hengelo_scenario.errors import ScenarioError
from hengelo_scenario.scenario.loader import load_scenario_text
from hengelo_scenario.scenario.source import parse_yaml

BREAKS = {"\x85": "\\N", "\u2028": "\\L", "\u2029": "\\P"}


@pytest.mark.parametrize("char", list(BREAKS))
def test_a_raw_one_is_refused_with_its_line(char):
    with pytest.raises(ScenarioError) as error:
        parse_yaml(f"# opmerking\nname: a{char}b\n", "x.yaml")
    [problem] = error.value.problems
    assert problem.where == "line 2"


@pytest.mark.parametrize(("char", "escape"), list(BREAKS.items()))
def test_the_escape_is_the_character_and_reads_back(char, escape):
    data, _ = parse_yaml(f'name: "a{escape}b"\n', "x.yaml")
    assert data["name"] == f"a{char}b"
    loaded = load_scenario_text(f'name: "a{escape}b"\ndescription: "c{escape}d"\n')
    assert loaded.model.name == f"a{char}b"
    again, _ = parse_yaml(loaded.resolved_text, "resolved")
    assert (again["name"], again["description"]) == (f"a{char}b", f"c{char}d")
