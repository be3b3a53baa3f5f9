"""`hengelo-scenario baseline show|template` and `schema`."""

from __future__ import annotations

import json

import pytest

from hengelo_scenario.baseline.workbook import load_baseline
from hengelo_scenario.errors import BaselineError
from tests.cli.test_run import cli


def test_show_prints_totals_per_year(in_tmp):
    result = cli("baseline", "show")
    assert result.exit_code == 0, result.output
    out = result.output
    # Totals of the shipped workbook, 2025: lasten 384.252.227,40 and baten 381.733.000
    assert "384.252" in out
    assert "381.733" in out
    assert "Geraamd resultaat" in out
    assert "Structureel saldo" in out
    assert "Jeugdzorg per segment" in out  # jeugdbescherming is one of the segments
    assert "32.193" in out


def test_template_writes_an_empty_workbook_and_refuses_to_overwrite(in_tmp):
    result = cli("baseline", "template", "leeg.xlsx")
    assert result.exit_code == 0, result.output
    with pytest.raises(BaselineError) as error:  # an empty workbook is not a usable baseline, and says why
        load_baseline(in_tmp / "leeg.xlsx")
    assert error.value.problems
    again = cli("baseline", "template", "leeg.xlsx")
    assert again.exit_code == 2
    assert "--force" in again.output
    assert cli("baseline", "template", "leeg.xlsx", "--force").exit_code == 0
    assert cli("baseline", "template", "leeg.csv").exit_code == 2


def test_schema_is_json_schema_for_scenario_files(in_tmp):
    result = cli("schema")
    assert result.exit_code == 0
    schema = json.loads(result.output)
    assert "jeugdhulp" in schema["properties"]
    assert "measures" in schema["properties"]
    assert cli("schema", "-o", "s.json").exit_code == 0
    assert json.loads((in_tmp / "s.json").read_text(encoding="utf-8")) == schema
