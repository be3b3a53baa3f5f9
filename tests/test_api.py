"""The Python API: `import hengelo_scenario as hs`, results as pandas DataFrames, pandas only when asked for."""

from __future__ import annotations

import functools
import subprocess
import sys
from decimal import Decimal, localcontext
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import hengelo_scenario as hs
from hengelo_scenario.errors import InputError, ScenarioError
from hengelo_scenario.outcome.figures import FIGURES
from hengelo_scenario.report.tables import financiele_gevolgen, run_tables
from hengelo_scenario.resources import shipped_baseline

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
CENT = Decimal("0.01")


@pytest.fixture(scope="module")
def basis():
    return hs.load_baseline(shipped_baseline())


@pytest.fixture(scope="module")
def hoog(basis):
    return hs.run(hs.load_scenario("jeugd_hoog", baseline=basis), basis)


def _modules_after(code: str, cwd: Path) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys\nprint('\\n'.join(sorted(sys.modules)))"],
        cwd=cwd,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return set(out.split())


def test_import_and_run_do_not_import_pandas(tmp_path):
    modules = _modules_after("import hengelo_scenario as hs\nhs.run('jeugd_hoog')", tmp_path)
    assert "numpy" in modules  # it did run the engine
    assert "pandas" not in modules
    cli = _modules_after(
        "from typer.testing import CliRunner\nfrom hengelo_scenario.cli.app import app\n"
        "assert CliRunner().invoke(app, ['run', 'jeugd_hoog']).exit_code == 0",
        tmp_path,
    )
    assert "pandas" not in cli


def test_asking_for_a_frame_imports_pandas(tmp_path):
    modules = _modules_after("import hengelo_scenario as hs\nhs.run('jeugd_hoog').frame()", tmp_path)
    assert "pandas" in modules


def test_every_public_name_has_a_docstring():
    for name in hs.__all__:
        if name == "__version__":
            continue
        thing = getattr(hs, name)
        assert (thing.__doc__ or "").strip(), name
        for attr, member in vars(thing).items() if isinstance(thing, type) else ():
            if not attr.startswith("_") and callable(member):
                assert (member.__doc__ or "").strip(), f"{name}.{attr}"


def test_the_long_frame_is_tidy_and_exact(hoog):
    frame = hoog.frame()
    assert list(frame.columns) == ["figure", "variant", "programme", "year", "value"]
    assert set(frame["variant"]) == {"basis", "scenario", "verschil"}
    assert set(frame["year"]) == {2025, 2026, 2027, 2028}
    for key in FIGURES:  # every figure that compare and expect: name is there, under its key
        assert key in set(frame["figure"]), key

    def value(figure: str, variant: str, year: int):
        rows = frame[(frame.figure == figure) & (frame.variant == variant) & (frame.year == year)]
        assert len(rows) == 1
        return rows["value"].iloc[0]

    # basis.yaml, by hand: (381733000 - 384252227.40) - 1500000 + 4850000 = 830772.60
    assert value("geraamd_resultaat", "basis", 2025) == Decimal("830772.60")
    # README worked example, by hand: Σ p×q 34,983,603.04 - 32,193,227.40 = 2,790,375.64 more youth care in 2026
    cost = value("jeugdhulp", "verschil", 2026)
    assert isinstance(cost, Decimal)
    assert cost.quantize(CENT) == Decimal("2790375.64")
    assert value("geraamd_resultaat", "verschil", 2026).quantize(CENT) == Decimal("-2790375.64")


def test_results_print_short(hoog):
    assert repr(hoog).startswith("Result('Jeugdhulp hoog' on ")
    assert repr(hoog).endswith(", 2025-2028)")
    assert repr(hs.compare(["basis", "jeugd_hoog"])) == "Comparison('Basis', 'Jeugdhulp hoog')"


def test_floats_on_request(hoog):
    frame = hoog.frame(as_float=True)
    assert frame["value"].dtype == float
    saldo = frame[(frame.figure == "geraamd_resultaat") & (frame.variant == "basis") & (frame.year == 2025)]
    assert saldo["value"].iloc[0] == pytest.approx(830772.60)


def test_programme_rows_add_up_to_the_total(hoog):
    """Σ over programmes of the saldo equals the saldo van baten en lasten, per variant and year."""
    frame = hoog.frame()
    per_programme = frame[frame.figure == "programmas.saldo"]
    assert per_programme["programme"].notna().all()
    total = frame[frame.figure == "saldo_baten_lasten"].set_index(["variant", "year"])["value"]
    summed = per_programme.groupby(["variant", "year"])["value"].agg(lambda values: sum(values, Decimal(0)))
    for index, expected in total.items():
        assert summed[index] == expected, index


def test_wide_frames_are_the_run_tables_cell_for_cell(hoog):
    tables = hoog.tables()
    expected = (*run_tables(hoog.outcome), financiele_gevolgen(hoog.outcome))
    assert list(tables) == [t.key for t in expected]
    for table in expected:
        frame = tables[table.key]
        assert list(frame.columns) == [int(y) for y in table.value_headers]
        assert len(frame) == len(table.rows)
        for i, row in enumerate(table.rows):
            assert tuple(frame.iloc[i]) == row.values, (table.key, row.labels)
    overzicht = hoog.table("overzicht", as_float=True)
    # the 2028 overrun, README: 9.127 N (x € 1.000)
    assert round(overzicht.loc[("Geraamd resultaat", "verschil"), 2028] / 1000) == -9127
    with pytest.raises(KeyError, match="overzicht"):
        hoog.table("overzict")


def test_a_scenario_from_yaml_text_or_a_dict_equals_the_same_file(basis, tmp_path):
    text = "name: Wijk\nwijkaanpak:\n  amounts: {2027: 509000, 2028: 509000}\n"
    (tmp_path / "wijk.yaml").write_text(text, encoding="utf-8")
    from_file = hs.run(hs.load_scenario(tmp_path / "wijk.yaml", basis), basis)
    from_text = hs.run(text, basis)
    from_dict = hs.run({"name": "Wijk", "wijkaanpak": {"amounts": {2027: 509000, 2028: 509000}}}, basis)
    assert from_file.frame().equals(from_text.frame())
    assert from_file.frame().equals(from_dict.frame())
    # the wijkaanpak is not in the baseline in 2027: 449772.60 - 509000 = -59227.40
    frame = from_dict.frame()
    row = frame[(frame.figure == "geraamd_resultaat") & (frame.variant == "scenario") & (frame.year == 2027)]
    assert row["value"].iloc[0] == Decimal("-59227.40")


def test_bad_input_raises_with_every_problem(basis):
    with pytest.raises(ScenarioError) as error:
        hs.load_scenario({"name": "X", "jeugdhulp": {"volumen": {"growth": "3%"}}}, basis)
    assert error.value.problems[0].field == "jeugdhulp.volumen"
    with pytest.raises(TypeError):
        hs.load_scenario(42, basis)


def test_compare_on_one_baseline(basis, tmp_path):
    comparison = hs.compare(["basis", "jeugd_hoog", "jeugd_laag"], basis)
    frame = comparison.frame()
    assert frame.columns[0] == "scenario"
    assert set(frame["scenario"]) == {"Basis", "Jeugdhulp hoog", "Jeugdhulp laag (regie op toegang)"}
    table = comparison.table(["geraamd_resultaat"])
    assert list(table.columns) == [2025, 2026, 2027, 2028]
    other = tmp_path / "andere.xlsx"
    other.write_bytes(shipped_baseline().read_bytes())
    (tmp_path / "eigen.yaml").write_text("name: Eigen\nbaseline: andere.xlsx\n", encoding="utf-8")
    with pytest.raises(InputError, match="compare runs them all on one"):
        hs.compare(["jeugd_hoog", tmp_path / "eigen.yaml"])


def test_the_readme_example_prints_what_the_readme_says(tmp_path):
    code = README.split("<!-- python:example -->\n```python\n")[1].split("```")[0]
    shown = README.split("<!-- python:output -->\n```text\n")[1].split("```")[0]
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, check=True, capture_output=True, text=True)
    assert out.stdout == shown


amounts = st.dictionaries(
    st.sampled_from([2025, 2026, 2027, 2028]),
    st.decimals(min_value=-(10**7), max_value=10**7, places=2, allow_nan=False).filter(lambda d: d != 0),
    min_size=1,
)


@settings(max_examples=15, deadline=None)
@given(last=amounts, baat=amounts, programma=st.sampled_from(["1", "6", "AD"]))
def test_the_long_frame_adds_up_for_any_measure(last, baat, programma):
    """For every figure, scenario - basis = verschil; the programmes add up to the saldo; the bookings are there."""
    basis = _shipped()
    scenario = {
        "name": "Gegenereerd",
        "measures": [
            {"name": "Last", "programma": programma, "soort": "last", "amounts": last},
            {"name": "Baat", "programma": programma, "soort": "baat", "amounts": baat},
        ],
    }
    frame = hs.run(scenario, basis).frame()
    wide = frame.pivot_table(
        index=["figure", "programme", "year"], columns="variant", values="value", aggfunc="first", dropna=False
    )
    pairs = wide.dropna(subset=["basis", "scenario"])
    assert len(pairs) > 0
    for (figure, _programme, year), row in pairs.iterrows():
        if row["basis"].is_nan() or row["scenario"].is_nan():
            continue
        with localcontext() as exact:  # ratios carry more than the default 28 digits: subtract exactly
            exact.prec = 200
            assert row["scenario"] - row["basis"] == row["verschil"], (figure, year)
    booked = frame[frame.figure == "bookings.Last.amounts"].set_index("year")["value"]
    for year, value in last.items():
        assert booked[year] == value
    saldo = frame[(frame.figure == "saldo_baten_lasten") & (frame.variant == "verschil")].set_index("year")["value"]
    for year in (2025, 2026, 2027, 2028):
        # by hand: more lasten lower the saldo, more baten raise it
        assert saldo[year] == baat.get(year, Decimal(0)) - last.get(year, Decimal(0))


@functools.cache
def _shipped():
    return hs.load_baseline(shipped_baseline())


def test_a_loaded_scenario_runs_on_the_workbook_it_was_resolved_against(tmp_path):
    """Its `baseline:` field chose another workbook than the default: run(scenario) keeps to that one."""
    import openpyxl

    other = tmp_path / "ander.xlsx"
    other.write_bytes(shipped_baseline().read_bytes())
    book = openpyxl.load_workbook(other)
    book["Lasten en baten"]["F2"] = book["Lasten en baten"]["F2"].value + 1_000_000  # € 1 million more lasten
    book.save(other)
    (tmp_path / "s.yaml").write_text("name: S\nbaseline: ander.xlsx\n", encoding="utf-8")
    scenario = hs.load_scenario(tmp_path / "s.yaml")
    frame = hs.run(scenario).frame()
    row = frame[(frame.figure == "geraamd_resultaat") & (frame.variant == "basis") & (frame.year == 2025)]
    assert row["value"].iloc[0] == Decimal("-169227.40")  # 830772.60 - 1000000, by hand
