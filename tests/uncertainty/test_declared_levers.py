"""The variations the newest levers declare (ozb, nieuw_beleid, investeringen): the float path at a value x equals
the exact `run` of the scenario with that value written into its YAML, to the cent.

On the small baseline of tests/levers/conftest.py (resultaatbestemming off, so the algemene reserve moves only by
bookings), per year 2025-2028:
    OZB woningen 2.000.000 + OZB niet-woningen 1.000.000 = 3.000.000 of OZB; onbenutte belastingcapaciteit 1.000.000
    proposal A 100.000 a year (structureel, opgenomen); B 50.000 a year (incidenteel, not opgenomen, covered by the
    algemene reserve)
"""

from __future__ import annotations

import textwrap
from decimal import Decimal
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hengelo_scenario.baseline.model import Baseline
from hengelo_scenario.engine import run
from hengelo_scenario.outcome.figures import FIGURES
from hengelo_scenario.scenario.loader import load_scenario_file
from hengelo_scenario.scenario.model import Scenario
from hengelo_scenario.scenario.resolve import resolve
from hengelo_scenario.uncertainty import levers, variants
from hengelo_scenario.uncertainty.levers import LeverError, LeverKind
from hengelo_scenario.uncertainty.sensitivity import SensitivityError, parse_vary, solve
from tests.levers.conftest import lever_baseline

D = Decimal
COMPARED = (
    "geraamd_resultaat",
    "structureel_saldo",
    "saldo_baten_lasten",
    "lasten",
    "baten",
    "onttrekkingen",
    "algemene_reserve",
    "weerstand_beschikbaar",
    "weerstandsratio",
    "jeugdhulp",
)
HYPOTHESIS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def loaded(text: str, baseline: Baseline, folder: Path) -> Scenario:
    path = folder / "s.yaml"
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return resolve(load_scenario_file(path), baseline)


def exact(baseline: Baseline, scenario: Scenario) -> dict[str, np.ndarray]:
    outcome = run(baseline, scenario)
    return {key: np.array([float(v) for v in FIGURES[key].get(outcome).scenario]) for key in COMPARED}


def floats(baseline: Baseline, scenario: Scenario, path: str, x: Decimal) -> dict[str, np.ndarray]:
    ref = levers.parse(path, baseline, scenario)
    model = variants.build(baseline, scenario, [ref])
    totals = variants.evaluate(model, 1, np.array([[float(x)]]))
    return {key: totals.figure(key)[0] for key in COMPARED}


def assert_same(float_path: dict[str, np.ndarray], exact_path: dict[str, np.ndarray], cents: float = 0.005) -> None:
    for key in COMPARED:
        tolerance = 1e-9 if key == "weerstandsratio" else cents
        np.testing.assert_allclose(float_path[key], exact_path[key], rtol=0, atol=tolerance, err_msg=key)


def pct(x: Decimal) -> str:
    return f"{x * 100}%"


# --- ozb -----------------------------------------------------------------------------------------------------


def test_ozb_tarief_one_point_by_hand(tmp_path):
    # +1 point on every OZB line: 3.000.000 x 1% = 30.000 more baten every year, the tax room 30.000 less.
    baseline = lever_baseline()
    scenario = loaded("name: leeg\n", baseline, tmp_path)
    base, moved = exact(baseline, scenario), floats(baseline, scenario, "ozb.tarief", D("0.01"))
    np.testing.assert_allclose(moved["geraamd_resultaat"] - base["geraamd_resultaat"], 30_000, atol=1e-6)
    np.testing.assert_allclose(moved["weerstand_beschikbaar"] - base["weerstand_beschikbaar"], -30_000, atol=1e-6)


@HYPOTHESIS
@given(x=st.integers(-300, 2000).map(lambda k: D(k) / 10_000))  # -3% .. +20% in hundredths of a point
def test_ozb_tarief_equals_run_with_the_tariff_written_in(tmp_path, x):
    baseline = lever_baseline()
    scenario = loaded("name: s\nozb:\n  tarief:\n    per_year: {2026: 3%, 2027: 3%}\n", baseline, tmp_path)
    written = loaded(
        f"name: s\nozb:\n  tarief:\n    per_year: {{2025: {pct(x)}, 2026: {pct(D('0.03') + x)}, "
        f"2027: {pct(D('0.03') + x)}, 2028: {pct(x)}}}\n",
        baseline,
        tmp_path,
    )
    assert_same(floats(baseline, scenario, "ozb.tarief", x), exact(baseline, written))


@HYPOTHESIS
@given(x=st.integers(-500, 3000).map(lambda k: D(k) / 10_000))
def test_ozb_line_in_one_year_equals_run_with_that_line_written_in(tmp_path, x):
    baseline = lever_baseline()
    scenario = loaded("name: s\nozb:\n  tarief:\n    per_year: {2027: 5%}\n", baseline, tmp_path)
    written = loaded(
        "name: s\nozb:\n  tarief:\n    per_year: {2027: 5%}\n  lines:\n"
        f"    ozb_woningen:\n      per_year: {{2027: {pct(D('0.05') + x)}}}\n",
        baseline,
        tmp_path,
    )
    assert_same(floats(baseline, scenario, "ozb.lines.ozb_woningen.2027", x), exact(baseline, written))


def test_ozb_range_is_the_tariff_above_zero_and_the_tax_room(tmp_path):
    # 1.000.000 of tax room / 3.000.000 of OZB = 33,33..% more at most, rounded down to 0,0001 point; the tariff
    # cannot fall below 0 (-100%).
    baseline = lever_baseline()
    scenario = loaded("name: leeg\n", baseline, tmp_path)
    ref = levers.parse("ozb.tarief", baseline, scenario)
    assert ref.kind is LeverKind.POINTS
    low, high = levers.valid_range(ref, baseline, scenario)
    assert low == -1
    assert high == D("0.333333")
    with pytest.raises(SensitivityError, match=r"outside the valid range of ozb\.tarief"):
        parse_vary("ozb.tarief=0%..40%:10%", baseline, scenario)


def test_solve_finds_the_tariff_rise_exactly(tmp_path):
    # Structureel saldo = baten 10.000.000 + 3.000.000 − lasten 1.000.000 + 500.000 + 1.200.000 + 300.000 + 100.000
    # (A) = 9.900.000; + 3.000.000 · x = 9.960.000 needs x = 2% exactly.
    baseline = lever_baseline()
    scenario = loaded("name: leeg\n", baseline, tmp_path)
    ref = levers.parse("ozb.tarief", baseline, scenario)
    result = solve(baseline, scenario, ref, "structureel_saldo", D(9_960_000), 2028)
    assert result.at_zero == 9_900_000
    assert result.linear
    assert result.value == D("0.02")
    assert result.at_value == 9_960_000


# --- nieuw beleid ------------------------------------------------------------------------------------------------


@HYPOTHESIS
@given(x=st.integers(-100_000, 1_000_000).map(D))
def test_an_opgenomen_proposal_equals_run_with_the_extra_as_a_measure(tmp_path, x):
    # Proposal A (programme 6, structureel, no cover): x more is a structural last of x on programme 6.
    baseline = lever_baseline()
    scenario = loaded("name: s\n", baseline, tmp_path)
    written = (
        scenario
        if x == 0
        else loaded(  # a measure of 0 changes no number (refused): x = 0 is the scenario
            f"name: s\nmeasures:\n  - name: A meer\n    programma: 6\n    soort: last\n    aard: structureel\n"
            f"    amounts: {{2025: {x}, 2026: {x}, 2027: {x}, 2028: {x}}}\n",
            baseline,
            tmp_path,
        )
    )
    assert_same(floats(baseline, scenario, "nieuw_beleid.A: preventie.amounts", x), exact(baseline, written))


@HYPOTHESIS
@given(x=st.integers(-50_000, 500_000).map(D))
def test_a_proposal_switched_on_keeps_its_cover_when_it_moves(tmp_path, x):
    # B (50.000 incidenteel, covered by the algemene reserve) switched on, 2027 moved by x: the same as B's own
    # 50.000 plus a measure of x in 2027 with the same cover.
    baseline = lever_baseline()
    scenario = loaded("name: s\nnieuw_beleid:\n  'B: toegangsteam': aan\n", baseline, tmp_path)
    written = (
        scenario
        if x == 0
        else loaded(
            "name: s\nnieuw_beleid:\n  'B: toegangsteam': aan\nmeasures:\n  - name: B meer\n    programma: 6\n"
            f"    soort: last\n    aard: incidenteel\n    dekking: Algemene reserve\n    amounts: {{2027: {x}}}\n",
            baseline,
            tmp_path,
        )
    )
    assert_same(floats(baseline, scenario, "nieuw_beleid.b: toegangsteam.amounts.2027", x), exact(baseline, written))


def test_a_proposal_outside_the_budget_is_not_offered(tmp_path):
    baseline = lever_baseline()
    scenario = loaded("name: s\nnieuw_beleid:\n  'A: preventie': uit\n", baseline, tmp_path)
    with pytest.raises(LeverError, match=r"'nieuw_beleid\.A: preventie\.amounts' is not a lever of this scenario"):
        levers.parse("nieuw_beleid.A: preventie.amounts", baseline, scenario)


# --- investeringen -----------------------------------------------------------------------------------------------

INVESTERINGEN = """
name: s
investeringen:
  - name: School
    programma: 4
    amount: {amount}
    activation: 2025
    afschrijvingstermijn: 40
    rente: {rente}
    dekking: Reserve dekking kapitaallasten
  - name: Hal
    programma: 1
    amount: 1000000
    activation: 2026
    afschrijvingstermijn: 30
    methode: annuïtair
    rente: 3%
"""


@HYPOTHESIS
@given(k=st.integers(-10_000, 100_000))
def test_an_investment_amount_equals_run_with_the_amount_written_in(tmp_path, k):
    # x = 40·k euros: 8.000.000 + x over 40 years is a whole number of cents a year, so the schedule is exact and
    # the float path must agree to far below a cent.
    baseline = lever_baseline()
    x = D(40 * k)
    scenario = loaded(INVESTERINGEN.format(amount=8_000_000, rente="2.5%"), baseline, tmp_path)
    written = loaded(INVESTERINGEN.format(amount=8_000_000 + x, rente="2.5%"), baseline, tmp_path)
    assert_same(floats(baseline, scenario, "investeringen.School.amount", x), exact(baseline, written), cents=1e-6)


@HYPOTHESIS
@given(x=st.integers(-500_000, 500_000).map(D))
def test_an_annuitair_amount_agrees_within_the_cents_the_schedule_rounds(tmp_path, x):
    # The annuity and its rente are rounded to the cent each year (levers/investeringen.py): the exact path is
    # within half a cent of the unrounded line per booking and year; the reserve carries those over the years.
    baseline = lever_baseline()
    scenario = loaded(INVESTERINGEN.format(amount=8_000_000, rente="2.5%"), baseline, tmp_path)
    written_text = INVESTERINGEN.format(amount=8_000_000, rente="2.5%").replace("1000000", str(1_000_000 + x))
    written = loaded(written_text, baseline, tmp_path)
    assert_same(floats(baseline, scenario, "investeringen.Hal.amount", x), exact(baseline, written), cents=0.02)


@HYPOTHESIS
@given(x=st.integers(-250, 500).map(lambda k: D(k) / 10_000))  # up to 7,5%: within the dekkingsreserve's 3 mln
def test_a_lineair_rente_equals_run_with_the_rente_written_in(tmp_path, x):
    baseline = lever_baseline()
    scenario = loaded(INVESTERINGEN.format(amount=8_000_000, rente="2.5%"), baseline, tmp_path)
    written = loaded(INVESTERINGEN.format(amount=8_000_000, rente=pct(D("0.025") + x)), baseline, tmp_path)
    assert_same(floats(baseline, scenario, "investeringen.School.rente", x), exact(baseline, written))


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("investeringen.School.amont", "did you mean 'investeringen.School.amount'"),
        ("investeringen.Hal.rente", "not a lever of this scenario"),  # annuïtair: not linear in the rente
        ("investeringen.School.amount.2027", "one number for the whole schedule"),
        ("ozb.tarif", "did you mean 'ozb.tarief'"),
        ("indexatie.indexen.lonnen", "did you mean 'indexatie.indexen.lonen'"),
        ("ozb.lines.ozb_woningn", "did you mean 'ozb.lines.ozb_woningen'"),
        ("nieuw_beleid.A: preventi.amounts", "did you mean 'nieuw_beleid.A: preventie.amounts'"),
    ],
)
def test_unknown_declared_paths_say_what_there_is(tmp_path, path, message):
    baseline = lever_baseline()
    scenario = loaded(INVESTERINGEN.format(amount=8_000_000, rente="2.5%"), baseline, tmp_path)
    with pytest.raises(LeverError, match=message):
        levers.parse(path, baseline, scenario)


def test_every_declared_variation_is_listed(tmp_path):
    baseline = lever_baseline()
    scenario = loaded(INVESTERINGEN.format(amount=8_000_000, rente="2.5%"), baseline, tmp_path)
    declared = [
        p for p in levers.available(baseline, scenario) if p.split(".")[0] in ("ozb", "nieuw_beleid", "investeringen")
    ]
    assert declared == [
        "ozb.tarief",
        "ozb.lines.ozb_woningen",
        "ozb.lines.ozb_niet_woningen",
        "investeringen.School.amount",
        "investeringen.School.rente",
        "investeringen.Hal.amount",
        "nieuw_beleid.A: preventie.amounts",
    ]


# --- the uncertainty block -----------------------------------------------------------------------------------------


def test_an_uncertain_ozb_tariff_in_the_block_lands_where_theory_puts_it(tmp_path):
    # x ~ normal(0, 1 point): the geraamd resultaat moves by 3.000.000 · x, so its P95 lies 3.000.000 x 1% x 1,6449
    # = 49.346 above the scenario's; with 200.000 draws the empirical P95 is within 4 standard errors (about 800).
    from hengelo_scenario.uncertainty.resolve import resolve_uncertainty
    from hengelo_scenario.uncertainty.simulate import simulate

    baseline = lever_baseline()
    path = tmp_path / "u.yaml"
    path.write_text("name: u\nuncertainty:\n  levers:\n    ozb.tarief: {distribution: normal, mean: 0%, sd: 1%}\n")
    file = load_scenario_file(path)
    scenario = resolve(file, baseline)
    spec = resolve_uncertainty(file, baseline, scenario)
    result = simulate(baseline, scenario, spec, 200_000, 3)
    base = exact(baseline, scenario)["geraamd_resultaat"]
    np.testing.assert_allclose(result.percentiles["geraamd_resultaat"][4] - base, 49_346, atol=800)
    np.testing.assert_allclose(result.percentiles["geraamd_resultaat"][2] - base, 0, atol=800)


# --- an index on youth care works on each variant's own volumes --------------------------------------------------


@pytest.mark.parametrize("aard", ["structureel", "incidenteel"])
@pytest.mark.parametrize("path", ["jeugdhulp.volume", "jeugdhulp.segments.Ambulant.price.2027"])
def test_an_index_on_youth_care_follows_the_varied_volumes_as_run_does(tmp_path, aard, path):
    # Lopende prijzen: the tariffs rise with their index (zorg, jeugdbescherming 5%) on top of the jeugdhulp section,
    # so the indexation of youth care grows with a variant's volume. With an incidental jeugdhulp section the two
    # parts book with different aard (the index's is structural): the structureel saldo shows whether they are kept
    # apart. x = −10%, 0, +10%, against `run` of the scenario with the lever moved.
    baseline = lever_baseline()
    scenario = loaded(
        f"name: s\njeugdhulp:\n  volume: {{growth: 2%}}\n  aard: {aard}\nindexatie:\n  lopende_prijzen: true\n",
        baseline,
        tmp_path,
    )
    for x in (D("-0.1"), D(0), D("0.1")):
        ref = levers.parse(path, baseline, scenario)
        assert_same(floats(baseline, scenario, path, x), exact(baseline, levers.apply(baseline, scenario, {ref: x})))


# --- indexatie -----------------------------------------------------------------------------------------------------


def test_one_point_more_loonindex_by_hand(tmp_path):
    # lonen 1.000.000 budgeted at 4%: at 5% it is x 1,05 / 1,04, so 1.000.000 x 0,0096153846... = 9.615,38 more
    # lasten in every year (constant prices carry the first year's level); run rounds that line to the cent.
    baseline = lever_baseline()
    scenario = loaded("name: leeg\n", baseline, tmp_path)
    base, moved = exact(baseline, scenario), floats(baseline, scenario, "indexatie.indexen.lonen", D("0.01"))
    np.testing.assert_allclose(moved["geraamd_resultaat"] - base["geraamd_resultaat"], -9_615.38, atol=0.005)


@HYPOTHESIS
@given(x=st.integers(-300, 600).map(lambda k: D(k) / 10_000))
def test_a_first_year_index_equals_run_with_the_index_written_in(tmp_path, x):
    # A changed first-year index divides, so run rounds each indexed line's amount to the cent
    # (levers/indexatie.py); the float path does not: half a cent per line (one lonen line here) and year, which the
    # algemene reserve adds up over the four years.
    baseline = lever_baseline()
    scenario = loaded("name: s\n", baseline, tmp_path)
    written = (
        scenario
        if x == 0
        else loaded(f"name: s\nindexatie:\n  indexen:\n    lonen: {{2025: {pct(D('0.04') + x)}}}\n", baseline, tmp_path)
    )
    assert_same(floats(baseline, scenario, "indexatie.indexen.lonen", x), exact(baseline, written), cents=0.02)


@HYPOTHESIS
@given(x=st.integers(-300, 600).map(lambda k: D(k) / 10_000))
def test_a_later_index_moves_the_tariffs_of_youth_care_as_run_does(tmp_path, x):
    # Lopende prijzen: the zorg index of 2027 (5%) moves the Ambulant tariffs (index zorg) from 2027 on, through
    # p x q on top of the jeugdhulp section's volumes; nothing is rounded, so to the cent.
    baseline = lever_baseline()
    head = "name: s\njeugdhulp:\n  volume: {growth: 3%}\nindexatie:\n  lopende_prijzen: true\n"
    scenario = loaded(head, baseline, tmp_path)
    written = loaded(head + f"  indexen:\n    zorg: {{2027: {pct(D('0.05') + x)}}}\n", baseline, tmp_path)
    assert_same(floats(baseline, scenario, "indexatie.indexen.zorg.2027", x), exact(baseline, written))


def test_a_tariff_the_jeugdhulp_section_sets_does_not_follow_the_index(tmp_path):
    # Ambulant (100 x 10.000, index zorg 5%) follows a first-year zorg index of 7%: x 1,07 / 1,05, so 1.000.000 x
    # 2/105 = 19.047,62 more youth care. When the jeugdhulp section sets the price, the index no longer reaches the
    # tariffs (and no other line here has index zorg): the same point moves no number.
    baseline = lever_baseline()
    follows = loaded("name: leeg\n", baseline, tmp_path)
    moved = floats(baseline, follows, "indexatie.indexen.zorg", D("0.02"))
    np.testing.assert_allclose(moved["jeugdhulp"] - exact(baseline, follows)["jeugdhulp"], 19_047.62, atol=0.005)
    own_price = loaded("name: s\njeugdhulp:\n  price: {growth: 2%}\n", baseline, tmp_path)
    assert_same(floats(baseline, own_price, "indexatie.indexen.zorg", D("0.02")), exact(baseline, own_price))
