"""`hengelo-scenario run` through Typer's test runner: exit codes pinned, JSON equal to the engine's outcome."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hengelo_scenario.baseline.workbook import load_baseline
from hengelo_scenario.cli.app import app
from hengelo_scenario.engine import run
from hengelo_scenario.report.json_output import outcome_dict
from hengelo_scenario.resources import shipped_baseline, shipped_scenarios_dir
from hengelo_scenario.scenario.loader import load_scenario_file
from hengelo_scenario.scenario.resolve import resolve

runner = CliRunner()


def cli(*args: str, cwd: Path | None = None):
    return runner.invoke(app, list(args), env={"NO_COLOR": "1", "COLUMNS": "160"})


def test_run_prints_the_outcome_in_dutch_budget_terms(in_tmp):
    result = cli("run", "jeugd_hoog.yaml")
    assert result.exit_code == 0, result.output
    out = result.output
    for text in ("Jeugdhulp hoog", "Geraamd resultaat", "Structureel saldo", "Algemene reserve", "Weerstandsratio",
                 "bedragen x € 1.000", "V = voordelig", "afgerond", "Structureel evenwicht"):  # fmt: skip
        assert text in out, text
    # The youth-care overrun in 2026 is 2.790.375,64: 2.790 thousand, nadelig
    assert "2.790 N" in out
    assert "\x1b[" not in out  # no colour codes when not on a terminal


def test_unit_euro_prints_whole_euros(in_tmp):
    result = cli("run", "wijkaanpak_structureel", "--unit", "euro")
    assert result.exit_code == 0, result.output
    assert "509.000 N" in result.output
    assert "bedragen in euro's" in result.output


def test_json_is_the_full_unrounded_outcome(in_tmp):
    result = cli("run", "combinatie.yaml", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    baseline = load_baseline(shipped_baseline())
    scenario = resolve(load_scenario_file(shipped_scenarios_dir() / "combinatie.yaml"), baseline)
    expected = outcome_dict(run(baseline, scenario))
    assert data["overview"] == expected["overview"]
    assert data["bookings"] == expected["bookings"]
    # exact decimal text, not floats: the baseline's geraamd resultaat 2025 is 830.772,60
    assert data["overview"]["geraamd_resultaat"]["basis"][0] == "830772.6"
    assert Decimal(data["overview"]["lasten"]["scenario"][3]) > Decimal(data["overview"]["lasten"]["basis"][3])


def test_the_same_inputs_give_byte_identical_output(in_tmp):
    first = cli("run", "combinatie", "--format", "json").output
    second = cli("run", "combinatie", "--format", "json").output
    assert first == second
    assert cli("run", "combinatie").output == cli("run", "combinatie").output


def test_a_local_scenario_wins_over_a_shipped_one_of_the_same_name(in_tmp):
    (in_tmp / "scenarios").mkdir()
    (in_tmp / "scenarios" / "jeugd_hoog.yaml").write_text("name: Mijn eigen jeugd hoog\n", encoding="utf-8")
    result = cli("run", "jeugd_hoog")
    assert result.exit_code == 0, result.output
    assert "Mijn eigen jeugd hoog" in result.output


def test_baseline_option_and_field(in_tmp):
    workbook = in_tmp / "basis.xlsx"
    workbook.write_bytes(shipped_baseline().read_bytes())
    (in_tmp / "s.yaml").write_text("name: S\nbaseline: basis.xlsx\n", encoding="utf-8")
    assert "basis.xlsx" in cli("run", "s.yaml").output
    other = in_tmp / "other.xlsx"
    other.write_bytes(shipped_baseline().read_bytes())
    assert "other.xlsx" in cli("run", "s.yaml", "--baseline", str(other)).output


BAD_SCENARIOS = [
    ("name: X\njeugdhulp:\n  volumen:\n    growth: 3%\n", ["bad.yaml", "line 3", "jeugdhulp.volumen", "volume"]),
    ("name: X\njeugdhulp:\n  price:\n    growth: 0.06\n", ["line 4", "jeugdhulp.price.growth", "6%"]),
    ("name: X\nwijkaanpak:\n  amounts: {2031: 509000}\n", ["line 3", "2031", "2025"]),
    ("name: X\nname: Y\n", ["line 2", "name"]),
    ("name: X\nmeasures:\n  - name: M\n    programma: 66\n    soort: last\n    amounts: {2025: 1}\n", ["66"]),
    ("name: X\nmeasures:\n  - name: M\n    programma: 6\n    soort: last\n    amounts: {2025: 0}\n",
     ["changes no number"]),
    ("name: X\nmeasures:\n  - name: M\n    programma: 6\n    soort: onttrekking\n    reserve: Reserve Spoorzone\n"
     "    amounts: {2025: 99000000}\n", ["Reserve Spoorzone", "31-12-2025", "below zero"]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "fragments"), BAD_SCENARIOS)
def test_bad_scenarios_exit_2_with_file_line_and_field(in_tmp, text, fragments):
    (in_tmp / "bad.yaml").write_text(text, encoding="utf-8")
    result = cli("run", "bad.yaml")
    assert result.exit_code == 2, result.output
    message = " ".join(result.output.split())
    for fragment in fragments:
        assert fragment in message
    assert "Traceback" not in result.output


def test_unknown_scenario_and_bad_workbook_exit_2(in_tmp):
    result = cli("run", "jeugd_hooog")
    assert result.exit_code == 2
    assert "jeugd_hoog" in result.output  # suggested
    (in_tmp / "kapot.xlsx").write_text("geen werkboek", encoding="utf-8")
    result = cli("run", "basis", "--baseline", "kapot.xlsx")
    assert result.exit_code == 2
    assert "kapot.xlsx" in result.output
    assert "Traceback" not in result.output


def test_usage_errors_exit_2(in_tmp):
    assert cli("run", "basis", "--unit", "miljoen").exit_code == 2
    assert cli("run", "basis", "--format", "xml").exit_code == 2
    assert cli("run").exit_code == 2


def test_list_shows_local_and_shipped_scenarios_with_their_names(in_tmp):
    (in_tmp / "scenarios").mkdir()
    (in_tmp / "scenarios" / "eigen.yaml").write_text("name: Mijn scenario\n", encoding="utf-8")
    (in_tmp / "scenarios" / "kapot.yaml").write_text("name: X\nmeasures:\n  - [oops\n", encoding="utf-8")
    result = cli("list")
    assert result.exit_code == 0, result.output
    assert "Mijn scenario" in result.output
    assert "kan niet laden" in result.output  # listed, with why it will not run
    assert "Jeugdhulp hoog" in result.output  # shipped


def test_run_shows_the_three_bbv_overviews_and_the_verdict_per_year(in_tmp):
    result = cli("run", "combinatie.yaml")
    assert result.exit_code == 0, result.output
    out = result.output
    for title in (
        "Overzicht incidentele baten en lasten per programma (BBV art. 19c)",
        "Overzicht structurele toevoegingen en onttrekkingen aan reserves (BBV art. 19d)",
        "Van saldo van baten en lasten naar structureel saldo",
        "resultaatbestemming scenario",
        "2028 (meerjarenraming): structureel tekort van",
    ):
        assert title in out, title
    # combinatie's structural deficit reaches 11.873.453 in 2028: never a green "in evenwicht"
    assert "Scenario: niet structureel en reëel in evenwicht" in out


def test_the_verdict_panel_is_green_only_when_every_year_balances():
    from hengelo_scenario.cli.render import VERDICT_COLOURS
    from hengelo_scenario.outcome.model import Verdict

    assert VERDICT_COLOURS == {
        Verdict.IN_EVENWICHT: "green",
        Verdict.NIET_ELK_JAAR: "yellow",
        Verdict.NIET_IN_EVENWICHT: "red",
    }


def test_a_structural_withdrawal_from_the_algemene_reserve_leaves_the_structureel_saldo_and_says_so(in_tmp):
    Path("greep.yaml").write_text(
        "name: Greep\n"
        "measures:\n"
        "  - name: Greep uit de algemene reserve\n"
        "    programma: AD\n"
        "    soort: onttrekking\n"
        "    reserve: algemene reserve\n"
        "    aard: structureel\n"
        "    amounts: {2025: 3000000, 2026: 3000000, 2027: 3000000, 2028: 3000000}\n",
        encoding="utf-8",
    )
    result = cli("run", "greep.yaml", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    # 2027: the basis's −350.227,40 stays (not +2.649.772,60); the geraamd resultaat rises to 3.449.772,60
    assert data["overview"]["structureel_saldo"]["scenario"][2] == "-350227.4"
    assert data["overview"]["geraamd_resultaat"]["scenario"][2] == "3449772.6"
    (signal,) = [s for s in data["signals"] if s["kind"] == "structureel-als-incidenteel"]
    assert "telt die als incidenteel" in signal["text"]
    assert "Commissie BBV" in signal["text"]


def test_a_negative_onttrekking_is_refused_with_its_line_and_the_other_kind(in_tmp):
    Path("min.yaml").write_text(
        "name: Min\n"
        "measures:\n"
        "  - name: Terugstorten\n"
        "    programma: AD\n"
        "    soort: onttrekking\n"
        "    reserve: algemene reserve\n"
        "    amounts: {2026: -50000}\n",
        encoding="utf-8",
    )
    result = cli("run", "min.yaml")
    assert result.exit_code == 2
    assert "min.yaml" in result.output
    assert "soort: toevoeging" in result.output
    assert "Traceback" not in result.output


def test_a_scenario_can_switch_the_resultaatbestemming_off(in_tmp):
    Path("geen.yaml").write_text("name: Geen bestemming\nresultaatbestemming: geen\n", encoding="utf-8")
    result = cli("run", "geen.yaml", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["resultaatbestemming"] == {"basis": "algemene reserve", "scenario": "geen"}
    ar = next(r for r in data["reserves"] if r["soort"] == "algemene reserve")
    # the bookings alone: 58.000.000 − 100.000 (2025, 2026, motie M15); the basis also takes up the results
    assert ar["closing"]["scenario"] == ["57900000", "57800000", "57800000", "57800000"]
    assert ar["closing"]["basis"] == ["58730772.6", "58921545.2", "59371317.8", "60221090.4"]
    Path("fout.yaml").write_text("name: Fout\nresultaatbestemming: algemen reserve\n", encoding="utf-8")
    bad = cli("run", "fout.yaml")
    assert bad.exit_code == 2
    assert "did you mean 'algemene reserve'?" in " ".join(bad.output.split()).lower()
