"""Property tests of check: for any valid scenario, `--update` then `check` passes; a pinned value moved by more
than the tolerance fails, and by no more than the tolerance passes.

Scenarios are small YAML files generated over a small workbook built in code (two years, 2025 and 2026: youth care
of two segments, the wijkaanpak line, a transformatieplan and an algemene reserve; see tests/baseline/conftest.py).
"""

from __future__ import annotations

import tempfile
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hengelo_scenario.check.runner import SnapshotState, run_check
from hengelo_scenario.check.snapshot import money_text, parse_snapshot
from tests.baseline.conftest import write_workbook

SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
NOT_MONEY = {"structurele_exploitatieruimte", "ratio", "volume", "klasse"}

cents = st.decimals(min_value=-1_000_000, max_value=1_000_000, places=2, allow_nan=False, allow_infinity=False)
nonzero_cents = cents.filter(lambda d: d != 0)
percent = st.decimals(min_value=-50, max_value=50, places=2).filter(lambda d: d != 0).map(lambda d: f"{d}%")
share = st.decimals(min_value=0, max_value=150, places=1).filter(lambda d: d != 100).map(lambda d: f"{d}%")


def flow(mapping: dict) -> str:
    """A YAML flow mapping: {2025: 1.50, 2026: 3%}."""
    return "{" + ", ".join(f"{k}: {v}" for k, v in mapping.items()) + "}"


@st.composite
def scenarios(draw) -> str:
    """The text of a valid scenario file: any of the sections, each with a change the baseline does not have."""
    lines = ["name: Gegenereerd", "baseline: ../begroting.xlsx"]
    if draw(st.booleans()):
        new = draw(st.dictionaries(st.sampled_from([2025, 2026]), cents.map(abs), min_size=1))
        if new not in ({2025: 503000}, {2026: 509000}, {2025: 503000, 2026: 509000}):
            lines.append(f"wijkaanpak: {{amounts: {flow(new)}}}")
    if draw(st.booleans()):
        lever = draw(st.sampled_from(["price", "volume"]))
        if draw(st.booleans()):
            lines.append(f"jeugdhulp: {{{lever}: {{growth: {draw(percent)}}}}}")
        else:
            lines.append(f"jeugdhulp: {{{lever}: {{per_year: {{2026: {draw(percent)}}}}}}}")
    if draw(st.booleans()):
        lines.append(f"transformatieplan: {{realisatie: {draw(share)}}}")
    for n in range(draw(st.integers(min_value=0, max_value=2))):
        programma = draw(st.sampled_from(["6", "AD"]))
        soort = draw(st.sampled_from(["last", "baat"]))
        amounts = draw(st.dictionaries(st.sampled_from([2025, 2026]), nonzero_cents, min_size=1))
        lines.append("measures:" if n == 0 else "")
        lines.append(f"  - {{name: Maatregel {n}, programma: {programma}, soort: {soort}, amounts: {flow(amounts)}}}")
    return "\n".join(line for line in lines if line) + "\n"


_WORKBOOK: list[bytes] = []


def folder_with(text: str, root: Path) -> Path:
    """root/begroting.xlsx (the small workbook, built once) and root/scenarios/s.yaml with the text."""
    if not _WORKBOOK:
        with tempfile.TemporaryDirectory() as tmp:
            _WORKBOOK.append(write_workbook(Path(tmp)).read_bytes())
    (root / "begroting.xlsx").write_bytes(_WORKBOOK[0])
    scenarios_folder = root / "scenarios"
    scenarios_folder.mkdir()
    (scenarios_folder / "s.yaml").write_text(text, encoding="utf-8")
    return scenarios_folder


@SETTINGS
@given(text=scenarios())
def test_update_then_check_passes_for_any_valid_scenario(text):
    with tempfile.TemporaryDirectory() as tmp:
        folder = folder_with(text, Path(tmp))
        updated = run_check([str(folder)], Path(tmp), update=True)
        assert updated.passed
        assert updated.results[0].snapshot is SnapshotState.WRITTEN
        checked = run_check([str(folder)], Path(tmp))
        assert checked.passed, [m for r in checked.results for m in r.mismatches]
        assert checked.results[0].snapshot is SnapshotState.MATCHES


@SETTINGS
@given(text=scenarios(), data=st.data())
def test_a_snapshot_figure_moved_beyond_the_tolerance_fails_and_within_it_passes(text, data):
    with tempfile.TemporaryDirectory() as tmp:
        folder = folder_with(text, Path(tmp))
        assert run_check([str(folder)], Path(tmp), update=True).passed
        path = folder / "snapshots" / "s.txt"
        snapshot_text = path.read_text(encoding="utf-8")
        rows = [
            row
            for row in parse_snapshot(snapshot_text, str(path)).rows
            if row.section != "oordeel" and row.label not in NOT_MONEY
        ]
        row = data.draw(st.sampled_from(rows), label="figure")
        year = data.draw(st.sampled_from([0, 1]), label="year index")
        delta = data.draw(nonzero_cents, label="moved by")
        tolerance = data.draw(st.decimals(min_value=0, max_value=1_000_000, places=2), label="tolerance")

        lines = snapshot_text.split("\n")
        label, *values = lines[row.line - 1].rsplit(None, 2)
        values[year] = money_text(Decimal(values[year]) + delta)
        lines[row.line - 1] = f"{label}  {values[0]}  {values[1]}"
        path.write_text("\n".join(lines), encoding="utf-8")

        report = run_check([str(folder)], Path(tmp), tolerance=tolerance)
        if abs(delta) <= tolerance:
            assert report.passed
        else:
            assert not report.passed
            ((mismatch,),) = [r.mismatches for r in report.results]
            assert mismatch.figure == f"{row.section} › {row.label}"
            assert mismatch.year == (2025, 2026)[year]
            assert mismatch.difference is not None
            assert abs(mismatch.difference) > tolerance


@SETTINGS
@given(text=scenarios(), data=st.data())
def test_an_expected_figure_moved_beyond_the_tolerance_fails_and_within_it_passes(text, data):
    from hengelo_scenario.report.comparison import FIGURES
    from hengelo_scenario.report.tables import Kind

    with tempfile.TemporaryDirectory() as tmp:
        folder = folder_with(text, Path(tmp))
        assert run_check([str(folder)], Path(tmp), update=True).passed
        (folder / "snapshots" / "s.txt").unlink()  # only the expect block pins figures here
        money = [key for key, spec in FIGURES.items() if spec.kind is Kind.MONEY]
        key = data.draw(st.sampled_from(money), label="figure")
        year = data.draw(st.sampled_from([2025, 2026]), label="year")
        delta = data.draw(cents, label="moved by")
        tolerance = data.draw(st.decimals(min_value=0, max_value=1_000_000, places=2), label="tolerance")

        from hengelo_scenario.baseline.workbook import load_baseline
        from hengelo_scenario.engine import run
        from hengelo_scenario.money import CENT, round_half_away
        from hengelo_scenario.scenario.loader import load_scenario_file
        from hengelo_scenario.scenario.resolve import resolve

        baseline = load_baseline(Path(tmp) / "begroting.xlsx")
        outcome = run(baseline, resolve(load_scenario_file(folder / "s.yaml", allowed_roots=[folder.parent]), baseline))
        figure = FIGURES[key].get(outcome)
        assert figure is not None
        actual = round_half_away(figure.scenario[outcome.years.index(year)], CENT)
        with (folder / "s.yaml").open("a", encoding="utf-8") as file:
            file.write(f"expect: {{{key}: {{{year}: {actual + delta}}}}}\n")

        report = run_check([str(folder)], Path(tmp), tolerance=tolerance)
        assert report.passed is (abs(delta) <= tolerance)
        if not report.passed:
            ((mismatch,),) = [r.mismatches for r in report.results]
            # the tool's exact figure minus the expected one: to the cent, the delta the expectation was moved by
            assert (mismatch.figure, mismatch.year) == (key, year)
            assert round_half_away(mismatch.difference, CENT) == -delta
