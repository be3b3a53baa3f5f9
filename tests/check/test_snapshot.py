"""The snapshot format: every figure on its own line, years as columns, exact euros; read back as written."""

from __future__ import annotations

from decimal import Decimal

import pytest

from hengelo_scenario.check.compare import Pin, compare_expectations, compare_snapshots, within
from hengelo_scenario.check.snapshot import (
    Header,
    RowKind,
    SnapshotError,
    money_text,
    number_text,
    parse_snapshot,
    render_snapshot,
    snapshot_of,
)
from hengelo_scenario.engine import run
from hengelo_scenario.records import replace
from hengelo_scenario.scenario.model import Expectation, Origin
from tests.scenario.conftest import make_baseline

HEADER = Header(
    tool="hengelo-scenario 0.1.0",
    scenario_file="s.yaml",
    scenario_sha256="a" * 64,
    baseline_file="test.xlsx",
    baseline_sha256="b" * 64,
    extends=(("ouder.yaml", "c" * 64),),
)
D = Decimal


@pytest.fixture
def outcome(tmp_path, monkeypatch):
    from hengelo_scenario.scenario.loader import load_scenario_file
    from hengelo_scenario.scenario.resolve import resolve

    monkeypatch.chdir(tmp_path)
    path = tmp_path / "s.yaml"
    path.write_text(
        "name: Test\n"
        "resultaatbestemming: geen\n"  # the reserve figures below follow the bookings alone
        "jeugdhulp: {price: {growth: 4.96%, from: 2026}}\n"
        "measures:\n"
        "  - {name: Extra, programma: 1, soort: last, amounts: {2025: 250000.50}}\n"
        "  - {name: Storting, programma: 6, soort: toevoeging, reserve: Reserve sociaal domein, amounts: {2026: 1}}\n",
        encoding="utf-8",
    )
    baseline = make_baseline()
    return run(baseline, resolve(load_scenario_file(path), baseline))


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (D("830772.6"), "830772.60"),
        (D("509000"), "509000.00"),
        (D("5E+5"), "500000.00"),
        (D("-12877.29096"), "-12877.29096"),
        (D("1.50000"), "1.50"),
        (D("-0"), "0.00"),
        (D("NaN"), "-"),
    ],
)
def test_money_is_exact_with_at_least_two_decimals(value, text):
    assert money_text(value) == text
    if text != "-":
        assert D(text) == value


def test_numbers_that_are_not_euros_keep_their_shortest_exact_text():
    assert number_text(D("2.5640")) == "2.564"
    assert number_text(D("2350")) == "2350"
    assert number_text(D("0E-7")) == "0"
    assert number_text(D("NaN")) == "-"


def test_the_snapshot_has_a_header_and_one_line_per_figure(outcome):
    text = render_snapshot(snapshot_of(outcome, HEADER))
    lines = text.splitlines()
    assert lines[0].startswith("# hengelo-scenario snapshot")
    for line in (
        "tool: hengelo-scenario 0.1.0",
        "scenario: s.yaml",
        f"scenario sha256: {'a' * 64}",
        f"extends: ouder.yaml {'c' * 64}",
        "baseline: test.xlsx",
        f"baseline sha256: {'b' * 64}",
    ):
        assert line in lines
    for section in (
        "[overzicht]",
        "[programma 1 Veiligheid]",
        "[reserve Algemene reserve]",
        "[weerstand]",
        "[jeugdhulp]",
        "[jeugdhulp segment Verblijf (excl. pleegzorg)]",
        "[transformatieplan]",
        "[boekingen]",
        "[oordeel]",
    ):
        assert section in lines, section
    years = lines[lines.index("[overzicht]") + 1]
    assert years.split() == ["2025", "2026", "2027", "2028"]
    lasten = next(line for line in lines if line.startswith("lasten "))
    # 20.000.000 + 30.000.000 + 503.000 + 100.000 + the measure 250.000,50 in 2025
    assert lasten.split()[1] == "50853000.50"
    assert "Extra: last, structureel, programma 1" in text
    assert "Storting: toevoeging, incidenteel, programma 6, reserve Reserve sociaal domein" in text
    assert lines[-1] == "structureel evenwicht: in evenwicht"
    assert text.endswith("\n")
    assert "\r" not in text
    assert "\t" not in text


def test_a_figure_keeps_its_columns_whatever_its_neighbours(outcome):
    text = render_snapshot(snapshot_of(outcome, HEADER))
    rows = [line for line in text.splitlines() if line.startswith(("toevoegingen ", "onttrekkingen "))]
    assert len({len(line) for line in rows}) == 1  # fixed-width columns: one figure changes one line


def test_the_snapshot_reads_back_as_written(outcome):
    snapshot = snapshot_of(outcome, HEADER)
    back = parse_snapshot(render_snapshot(snapshot), "s.txt")
    assert back.header == HEADER
    assert back.years == (2025, 2026, 2027, 2028)
    assert [(r.section, r.label, r.values) for r in back.rows] == [
        (r.section, r.label, r.values) for r in snapshot.rows
    ]
    assert compare_snapshots(back, snapshot, D(0), "s.txt") == ()


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda t: "# something else\n" + t, "line 1"),
        (lambda t: t.replace("format: 1", "format: 9"), "format"),
        (lambda t: t.replace("baseline sha256:", "basislijn:"), "baseline sha256"),
        (lambda t: t.replace("830772", "8307x2", 1) if "830772" in t else t.replace(".00", ".0x", 1), "line "),
    ],
)
def test_a_snapshot_that_is_not_one_names_the_file_and_line(outcome, change, where):
    text = change(render_snapshot(snapshot_of(outcome, HEADER)))
    with pytest.raises(SnapshotError) as caught:
        parse_snapshot(text, "snapshots/s.txt")
    problem = caught.value.problems[0]
    assert problem.file == "snapshots/s.txt"
    assert where in f"{problem.where} {problem.field}"
    assert "hengelo-scenario check --update" in problem.hint


def test_a_moved_figure_is_named_with_its_year_and_both_values(outcome):
    snapshot = snapshot_of(outcome, HEADER)
    text = render_snapshot(snapshot)
    line = next(line for line in text.splitlines() if line.startswith("geraamd_resultaat "))
    values = line.split()[1:]
    changed = text.replace(line, line.replace(values[2], money_text(D(values[2]) + D("0.01"))))
    stored = parse_snapshot(changed, "s.txt")
    (mismatch,) = compare_snapshots(stored, snapshot, D(0), "s.txt")
    assert (mismatch.pin, mismatch.figure, mismatch.year) == (Pin.SNAPSHOT, "overzicht › geraamd_resultaat", 2027)
    assert mismatch.difference == D("-0.01")
    assert mismatch.line == text.splitlines().index(line) + 1
    assert compare_snapshots(stored, snapshot, D("0.01"), "s.txt") == ()


def test_a_figure_that_appears_or_disappears_is_a_mismatch_in_each_year(outcome):
    snapshot = snapshot_of(outcome, HEADER)
    fewer = replace(snapshot, rows=tuple(r for r in snapshot.rows if not r.section.startswith("boekingen")))
    gone = compare_snapshots(snapshot, fewer, D(0), "s.txt")
    assert {m.found for m in gone} == {"(none)"}
    assert len(gone) == 4 * sum(1 for r in snapshot.rows if r.section == "boekingen")
    new = compare_snapshots(fewer, snapshot, D(0), "s.txt")
    assert {m.expected for m in new} == {"(none)"}


def test_other_years_are_one_mismatch():
    snapshot = parse_snapshot(render_snapshot(snapshot_of_years((2025, 2026))), "s.txt")
    other = snapshot_of_years((2026, 2027))
    (mismatch,) = compare_snapshots(snapshot, other, D(0), "s.txt")
    assert (mismatch.figure, mismatch.expected, mismatch.found) == ("years", "2025 2026", "2026 2027")


def snapshot_of_years(years):
    from hengelo_scenario.check.snapshot import Row, Snapshot

    return Snapshot(HEADER, years, (Row("overzicht", "lasten", tuple("1.00" for _ in years)),))


# --- comparing one value --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("found", "expected", "tolerance", "same"),
    [
        ("2790375.6403072", "2790375.64", "0", True),  # to the cent, half away from zero
        ("2790375.645", "2790375.64", "0", False),  # 2790375.645 is 2790375.65
        ("-0.005", "-0.01", "0", True),  # half away from zero also below zero
        ("100.00", "101.00", "1", True),
        ("100.00", "101.01", "1", False),
    ],
)
def test_money_matches_to_the_cent_within_the_tolerance(found, expected, tolerance, same):
    assert within(D(found), D(expected), RowKind.MONEY, D(tolerance)) is same


def test_ratios_match_at_the_decimals_written_whatever_the_tolerance():
    assert within(D("2.5640"), D("2.56"), RowKind.RATIO, D(0), places=2)
    assert not within(D("2.566"), D("2.56"), RowKind.RATIO, D(1000), places=2)
    assert within(D("0.0048457"), D("0.0048"), RowKind.PERCENT, D(0), places=4)
    assert within(D("NaN"), D("NaN"), RowKind.RATIO, D(0))
    assert not within(D("NaN"), D("2"), RowKind.RATIO, D(0))


def test_expectations_compare_the_scenario_figure_not_the_difference(outcome):
    origin = Origin("s.yaml", 9, "expect.lasten.2025")
    right = Expectation("lasten", 2025, D("50853000.50"), origin)
    wrong = Expectation("lasten", 2026, D("250000.50"), origin)  # a difference, not the figure
    reserve = Expectation("algemene_reserve", 2025, D(59_900_000), origin)  # 60.000.000 - the fund's 100.000
    no_ratio = Expectation("weerstandsratio", 2025, D("2"), origin, places=0)  # nothing benodigd: no ratio
    wrong_figure, missing_ratio = compare_expectations(outcome, [right, wrong, reserve, no_ratio], D(0))
    assert (wrong_figure.figure, wrong_figure.year, wrong_figure.line) == ("lasten", 2026, 9)
    # 20.000.000 + 30.000.000 + 509.000 + 100.000 + youth care 24.000.000 x 4,96% = 1.190.400
    assert wrong_figure.found == D("51799400")
    assert missing_ratio.found.is_nan()
