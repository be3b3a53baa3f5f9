"""The outcome as JSON: the C encoder writes exactly what the standard library's indenting encoder writes."""

from __future__ import annotations

import json

import pytest

from hengelo_scenario.report.json_output import outcome_dict, outcome_json
from hengelo_scenario.resources import shipped_scenarios_dir

SHIPPED = sorted(p.stem for p in shipped_scenarios_dir().glob("*.yaml"))


@pytest.mark.parametrize("name", SHIPPED)
def test_outcome_json_is_the_standard_librarys_text(name: str):
    import hengelo_scenario as hs

    result = hs.run(hs.load_scenario(name))
    expected = json.dumps(outcome_dict(result.outcome), ensure_ascii=False, indent=2) + "\n"
    assert outcome_json(result.outcome) == expected
    assert json.loads(outcome_json(result.outcome)) == json.loads(expected)


def test_names_with_quotes_backslashes_and_non_ascii_are_written_as_json_writes_them():
    import hengelo_scenario as hs
    from hengelo_scenario.records import replace

    result = hs.run(hs.load_scenario("jeugd_hoog"))
    odd = replace(result.outcome, scenario_name='Jeugd "hoog" \\ € ë \u2028 \x07 einde')
    expected = json.dumps(outcome_dict(odd), ensure_ascii=False, indent=2) + "\n"
    assert outcome_json(odd) == expected
