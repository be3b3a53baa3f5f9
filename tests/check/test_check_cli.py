"""`hengelo-scenario check` end to end, in-process: pinned figures, snapshots, a changed baseline, a changed rule."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import openpyxl
import pytest

from hengelo_scenario.check.report import report_dict
from hengelo_scenario.check.runner import run_check
from hengelo_scenario.engine import rules
from hengelo_scenario.records import replace
from hengelo_scenario.resources import shipped_scenarios_dir
from tests.check.conftest import copy_of_the_shipped_workbook, moved, notes, write

ROOT = Path(__file__).resolve().parents[2]

WIJK = """
    name: Wijkaanpak door
    baseline: ../begroting.xlsx
    wijkaanpak:
      amounts: {2027: 509000, 2028: 509000}
      aard: structureel
"""


@pytest.fixture
def wijk(here: Path) -> Path:
    """scenarios/wijk.yaml on a copy of the shipped workbook (begroting.xlsx), not yet snapshotted."""
    copy_of_the_shipped_workbook(here)
    return write(here / "scenarios" / "wijk.yaml", WIJK)


# --- the shipped scenarios ------------------------------------------------------------------------------------


def test_the_shipped_scenarios_pass_from_the_root_of_a_clone(cli, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = cli("check")
    assert result.code == 0, result.out + result.err
    shipped = len(list((ROOT / "scenarios").glob("*.yaml")))
    assert shipped >= 10
    assert f"{shipped} scenarios checked" in result.out
    assert "all passed" in result.out
    assert result.out.count("snapshot matches") == shipped


def test_the_shipped_scenarios_pass_where_the_tool_is_installed(cli, here):
    result = cli("check", str(shipped_scenarios_dir()), "--format", "json")
    assert result.code == 0, result.out + result.err
    data = result.json
    assert data["passed"] is True
    shipped = len(list(shipped_scenarios_dir().glob("*.yaml")))
    assert data["counts"] == {"scenarios": shipped, "passed": shipped, "failed": 0}
    for scenario in data["scenarios"]:
        assert scenario["expectations"] >= 7, scenario["file"]
        assert scenario["snapshot"]["state"] == "matches", scenario["file"]


@pytest.mark.parametrize("path", sorted(shipped_scenarios_dir().glob("*.yaml")), ids=lambda p: p.stem)
def test_every_shipped_scenario_pins_figures_worked_out_by_hand(path: Path):
    text = path.read_text(encoding="utf-8")
    expect = text.index("\nexpect:")
    comment = text[:expect].rsplit("# expect: worked out by hand", 1)
    assert len(comment) == 2, "the expect block follows a comment with the arithmetic"
    assert re.search(r"\d - \d|\d x \d|\d \+ \d", comment[1]), "the comment shows the arithmetic"
    assert (path.parent / "snapshots" / f"{path.stem}.txt").is_file()


# --- a changed baseline workbook ------------------------------------------------------------------------------


def test_one_changed_cell_of_the_baseline_names_the_figures_and_years_it_moves(cli, wijk, here):
    assert cli("check", "--update").code == 0
    assert cli("check").code == 0

    # Parkeren (programme 2), 2027: 2.310.000 -> 2.410.000 in the copy of the workbook
    workbook = openpyxl.load_workbook(here / "begroting.xlsx")
    sheet = workbook["Lasten en baten"]
    assert (sheet["B8"].value, sheet["H1"].value, sheet["H8"].value) == ("Parkeren", 2027, 2310000)
    sheet["H8"] = 2410000
    workbook.save(here / "begroting.xlsx")

    result = cli("check", "--format", "json")
    assert result.code == 1
    assert moved(result) == {
        ("wijk.yaml", "overzicht › lasten", 2027),
        ("wijk.yaml", "overzicht › saldo_baten_lasten", 2027),
        ("wijk.yaml", "overzicht › geraamd_resultaat", 2027),
        ("wijk.yaml", "overzicht › structurele_lasten", 2027),
        ("wijk.yaml", "overzicht › structureel_saldo", 2027),
        ("wijk.yaml", "overzicht › structurele_exploitatieruimte", 2027),
        ("wijk.yaml", "overzicht › reeel_structureel_saldo", 2027),
        ("wijk.yaml", "programma 2 Verkeer, vervoer en waterstaat › lasten", 2027),
        ("wijk.yaml", "programma 2 Verkeer, vervoer en waterstaat › saldo", 2027),
        # the lower geraamd resultaat reaches the algemene reserve (resultaatbestemming) from 2027 on
        ("wijk.yaml", "reserve Algemene reserve › closing", 2027),
        ("wijk.yaml", "reserve Algemene reserve › closing", 2028),
        ("wijk.yaml", "reserve Algemene reserve › opening", 2028),
        ("wijk.yaml", "weerstand › beschikbaar", 2027),
        ("wijk.yaml", "weerstand › beschikbaar", 2028),
        ("wijk.yaml", "weerstand › ratio", 2027),
        ("wijk.yaml", "weerstand › ratio", 2028),
    }
    assert notes(result) == ["baseline changed"]
    geraamd = next(m for m in result.json["scenarios"][0]["mismatches"] if m["figure"].endswith("geraamd_resultaat"))
    # basis 449.772,60 - wijkaanpak 509.000 = -59.227,40; 100.000 more lasten: -159.227,40
    assert (geraamd["expected"], geraamd["found"], geraamd["difference"]) == ("-59227.4", "-159227.4", "-100000")

    table = cli("check")
    assert table.code == 1
    assert "the baseline workbook changed since the snapshot: " in table.out
    assert re.search(r"wijk\s+snapshot\s+lasten\s+2027\s+374\.442\.227,40\s+374\.542\.227,40\s+\+100\.000", table.out)
    assert re.search(r"snapshot\s+geraamd_resultaat\s+2027\s+-59\.227,40\s+-159\.227,40\s+-100\.000", table.out)
    assert "budget math" not in table.out

    update = cli("check", "--update")
    assert update.code == 0
    # 8 figures of the overview and programme 2 in 2027, the reëel saldo, and through the resultaatbestemming
    # the algemene reserve (closing 2027-2028, opening 2028) and the weerstand (beschikbaar, ratio): 13 figures
    assert "snapshot updated: 13 figures moved in 2027, 2028" in update.out
    assert cli("check").code == 0


# --- a changed budget rule ------------------------------------------------------------------------------------


def reserve_mutations_all_structural(original):
    """A rule change for the test: every reserve mutation counted as structural."""

    def evaluate(ledger: rules.Ledger) -> rules.Totals:
        structural = np.ones_like(ledger.mutation_structural, dtype=bool)
        return original(replace(ledger, mutation_structural=structural, mutation_counts_structural=structural))

    return evaluate


def test_a_changed_budget_rule_fails_without_the_baseline_message(cli, wijk, monkeypatch):
    assert cli("check", "--update").code == 0
    monkeypatch.setattr(rules, "evaluate", reserve_mutations_all_structural(rules.evaluate))

    result = cli("check", "--format", "json")
    assert result.code == 1
    figures = {figure for _, figure, _ in moved(result)}
    assert "overzicht › structureel_saldo" in figures
    assert "overzicht › structurele_onttrekkingen" in figures
    assert "overzicht › geraamd_resultaat" not in figures  # the rule moves only the structural view
    assert notes(result) == ["math changed"]

    table = cli("check")
    assert table.code == 1
    assert "baseline workbook changed" not in table.out
    assert "so the budget math of the tool changed" in table.out


def test_a_changed_scenario_is_named_as_the_cause(cli, wijk):
    assert cli("check", "--update").code == 0
    write(wijk, WIJK.replace("2028: 509000", "2028: 600000"))
    result = cli("check", "--format", "json")
    assert result.code == 1
    assert notes(result) == ["scenario changed"]
    assert ("wijk.yaml", "overzicht › geraamd_resultaat", 2028) in moved(result)
    assert ("wijk.yaml", "overzicht › geraamd_resultaat", 2027) not in moved(result)


# --- expect: --------------------------------------------------------------------------------------------------


def test_expect_figures_are_checked_to_the_cent_and_name_their_line(cli, here):
    # weerstandsratio 2028: the algemene reserve 57.800.000 + the geraamd resultaten 830.772,60 + 290.772,60
    # − 59.227,40 + 340.772,60 = 59.203.090,40, plus 6.300.000 other capacity, / 25.000.000 = 2,62
    copy_of_the_shipped_workbook(here)
    write(
        here / "scenarios" / "wijk.yaml",
        WIJK
        + """
    expect:
      geraamd_resultaat: {2027: -59227.40, 2028: 340772.61}
      weerstandsratio: {2028: 2.62}
    """,
    )
    result = cli("check")
    assert result.code == 1
    assert "Differences from the pinned figures" in result.out
    row = next(line for line in result.out.splitlines() if "geraamd_resultaat" in line)
    assert re.search(r"wijk\s+expect 8\s+geraamd_resultaat\s+2028\s+340\.772,61\s+340\.772,60\s+-0,01", row), row
    assert "2027" not in row
    data = cli("check", "--format", "json").json
    assert [(m["figure"], m["year"]) for m in data["scenarios"][0]["mismatches"]] == [("geraamd_resultaat", 2028)]
    assert cli("check", "--tolerance", "0.01").code == 0


def test_on_a_narrow_terminal_each_difference_is_a_line_with_the_figure_whole(here, monkeypatch, capsys):
    from tests.cli.invoke import invoke

    # The grid needs some 60 characters for its other columns; at 80 the figure would be folded into pieces of
    # two letters, so each difference is printed as a line instead (the same numbers as the grid's row above).
    copy_of_the_shipped_workbook(here)
    write(here / "scenarios" / "wijk.yaml", WIJK + "\n    expect: {geraamd_resultaat: {2028: 340772.61}}\n")
    monkeypatch.setenv("COLUMNS", "80")
    result = invoke(monkeypatch, capsys, "check")
    assert result.code == 1
    words = " ".join(result.out.split())  # the line wraps at 80
    assert "wijk, expect 7: geraamd_resultaat 2028: expected 340.772,61, found 340.772,60, difference -0,01" in words
    assert "Figure" not in result.out  # no grid
    monkeypatch.setenv("COLUMNS", "200")
    wide = invoke(monkeypatch, capsys, "check")
    assert re.search(r"wijk\s+expect 7\s+geraamd_resultaat\s+2028\s+340\.772,61\s+340\.772,60\s+-0,01", wide.out)


def test_expect_alone_is_enough_to_pass_without_a_snapshot(cli, here):
    copy_of_the_shipped_workbook(here)
    write(here / "scenarios" / "wijk.yaml", WIJK + "\n    expect: {structureel_saldo: {2028: -259227.40}}\n")
    result = cli("check")
    assert result.code == 0, result.out
    assert "expect: 1 value; no snapshot" in result.out


# --- --update -------------------------------------------------------------------------------------------------


def test_update_writes_only_the_scenarios_named_and_says_what_it_did(cli, wijk, here):
    other = write(here / "scenarios" / "ander.yaml", WIJK.replace("Wijkaanpak door", "Ander").replace("600", "700"))
    first = cli("check", "--update", "scenarios/wijk.yaml")
    assert first.code == 0
    assert "new snapshot" in first.out
    assert (here / "scenarios" / "snapshots" / "wijk.txt").is_file()
    assert not (here / "scenarios" / "snapshots" / "ander.txt").exists()

    unpinned = cli("check")  # ander.yaml pins nothing yet: a failure, never a silent pass
    assert unpinned.code == 1
    assert "nothing to check: no `expect:` block and no snapshot" in unpinned.out

    before = (here / "scenarios" / "snapshots" / "wijk.txt").read_bytes()
    second = cli("check", "--update", str(other))
    assert second.code == 0
    assert (here / "scenarios" / "snapshots" / "wijk.txt").read_bytes() == before
    again = cli("check", "--update")
    assert again.code == 0
    assert again.out.count("snapshot unchanged") == 2


def test_snapshots_are_byte_identical_for_the_same_inputs(cli, wijk, here):
    assert cli("check", "--update").code == 0
    first = (here / "scenarios" / "snapshots" / "wijk.txt").read_bytes()
    (here / "scenarios" / "snapshots" / "wijk.txt").unlink()
    assert cli("check", "--update").code == 0
    assert (here / "scenarios" / "snapshots" / "wijk.txt").read_bytes() == first
    assert first.endswith(b"\n")
    assert b"\r" not in first


# --- output formats -------------------------------------------------------------------------------------------


def test_json_is_the_report_of_the_core(cli, wijk, here):
    assert cli("check", "--update").code == 0
    result = cli("check", "--format", "json")
    assert result.code == 0
    data = result.json
    expected = report_dict(run_check([], here))
    for key in ("passed", "update", "tolerance", "baselines", "counts"):
        assert data[key] == expected[key], key
    assert [s["file"] for s in data["scenarios"]] == [s["file"] for s in expected["scenarios"]]
    assert data["baselines"][0]["file"] == "begroting.xlsx"
    assert re.fullmatch(r"[0-9a-f]{64}", data["baselines"][0]["sha256"])


def test_the_junit_report_is_valid_and_has_one_testcase_per_scenario(cli, wijk, here):
    from junitparser import Failure, JUnitXml

    assert cli("check", "--update", "scenarios/wijk.yaml").code == 0
    write(here / "scenarios" / "leeg.yaml", "name: Leeg\n")  # pins nothing: a failure
    result = cli("check", "--junit-xml", "report.xml")
    assert result.code == 1

    xml = JUnitXml.fromfile(str(here / "report.xml"))
    suites = list(xml)
    assert len(suites) == 1
    suite = suites[0]
    assert (suite.name, suite.tests, suite.failures, suite.errors) == ("hengelo-scenario check", 2, 1, 0)
    cases = {case.name: case for case in suite}
    assert set(cases) == {"scenarios/leeg.yaml (Leeg)", "scenarios/wijk.yaml (Wijkaanpak door)"}
    assert cases["scenarios/wijk.yaml (Wijkaanpak door)"].is_passed
    failure = cases["scenarios/leeg.yaml (Leeg)"].result[0]
    assert isinstance(failure, Failure)
    assert failure.message == "nothing pinned: no expect block and no snapshot"


def test_the_junit_report_lists_each_mismatch(cli, wijk, here):
    from junitparser import JUnitXml

    assert cli("check", "--update").code == 0
    write(wijk, WIJK.replace("2028: 509000", "2028: 600000"))
    assert cli("check", "--junit-xml", "report.xml").code == 1
    case = next(iter(next(iter(JUnitXml.fromfile(str(here / "report.xml"))))))
    failure = case.result[0]
    # the 9 figures of 2028 the wijkaanpak moves, the reëel saldo, and through the resultaatbestemming the
    # algemene reserve, the beschikbare weerstandscapaciteit and the ratio: 13
    assert failure.message.startswith("13 pinned values differ")
    assert "overzicht › geraamd_resultaat 2028: expected 340.772,60, found 249.772,60, difference -91.000" in (
        failure.text
    )
    assert "the scenario changed since the snapshot: wijk.yaml" in failure.text


# --- exit codes -----------------------------------------------------------------------------------------------


def test_exit_codes(cli, wijk, here):
    assert cli("check", "--update").code == 0
    assert cli("check").code == 0
    write(here / "scenarios" / "snapshots" / "wijk.txt", "# not a snapshot\n")
    bad_snapshot = cli("check")
    assert bad_snapshot.code == 2
    assert "wijk.txt, line 1" in bad_snapshot.err
    assert "hengelo-scenario check --update" in bad_snapshot.err
    assert cli("check", "--update").code == 0  # --update rewrites an unreadable snapshot
    write(wijk, WIJK.replace("wijkaanpak:", "wijkaanpk:"))
    typo = cli("check")
    assert typo.code == 2
    assert "wijk.yaml, line 3, wijkaanpk" in typo.err
    assert "did you mean 'wijkaanpak'?" in typo.err.lower()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("check", "--tolerance", "veel"), "--tolerance"),
        (("check", "--tolerance", "-1"), "--tolerance"),
        (("check", "--format", "xml"), "--format"),
        (("check", "nergens.yaml"), "no such scenario"),
    ],
)
def test_bad_input_exits_2(cli, wijk, args, message):
    result = cli(*args)
    assert result.code == 2
    assert message in result.err


def test_without_a_scenarios_folder_check_says_what_to_name(cli, here):
    result = cli("check")
    assert result.code == 2
    assert "./scenarios/: no such folder here" in result.err


def test_the_tolerance_may_be_written_with_a_decimal_comma(cli, wijk):
    assert cli("check", "--update").code == 0
    assert cli("check", "--tolerance", "0,50").code == 0


def test_a_parent_in_a_sub_folder_is_in_the_header_and_named_when_it_changes(cli, here):
    copy_of_the_shipped_workbook(here)
    parent = write(  # a parent without a name: it cannot run on its own, so it lives in a sub-folder
        here / "scenarios" / "gedeeld" / "ouder.yaml",
        """
        baseline: ../../begroting.xlsx
        wijkaanpak: {amounts: {2027: 509000}}
        """,
    )
    write(here / "scenarios" / "kind.yaml", "name: Kind\nextends: gedeeld/ouder.yaml\n")
    write(here / "scenarios" / ".#kind.yaml", "not a scenario: an editor's lock file\n")
    assert cli("check", "--update").code == 0
    snapshot = (here / "scenarios" / "snapshots" / "kind.txt").read_text(encoding="utf-8")
    assert re.search(r"^extends: gedeeld/ouder\.yaml [0-9a-f]{64}$", snapshot, re.MULTILINE)

    write(parent, "baseline: ../../begroting.xlsx\nwijkaanpak: {amounts: {2027: 600000}}\n")
    result = cli("check", "--format", "json")
    assert result.code == 1
    assert [n["text"] for s in result.json["scenarios"] for n in s["notes"]] == [
        "the scenario changed since the snapshot: gedeeld/ouder.yaml"
    ]


def test_every_problem_of_every_file_is_reported_at_once_and_nothing_is_written(cli, wijk, here):
    write(here / "scenarios" / "a.yaml", "name: A\nwijkaanpak: {amounts: {2031: 1}}\n")
    measure = "{name: X, programma: 42, soort: last, amounts: {2025: 1}}"
    write(here / "scenarios" / "b.yaml", f"name: B\nmeasures: [{measure}]\n")
    result = cli("check", "--update")
    assert result.code == 2
    assert "2 problems in the input" in result.err
    assert "a.yaml, line 2, wijkaanpak.amounts.2031" in result.err
    assert "b.yaml, line 2, measures[0].programma" in result.err
    assert not (here / "scenarios" / "snapshots").exists()  # wijk.yaml is fine, but --update wrote nothing


def test_a_workbook_that_cannot_be_read_is_reported_once(cli, wijk, here):
    write(here / "scenarios" / "ander.yaml", WIJK.replace("Wijkaanpak door", "Ander"))
    (here / "begroting.xlsx").write_text("not a workbook", encoding="utf-8")
    result = cli("check")
    assert result.code == 2
    assert result.err.count("begroting.xlsx") == 1
