"""The indexation lever: lopende prijzen with the accres beside it, a changed index, youth care following it."""

from __future__ import annotations

from decimal import Decimal

from hengelo_scenario.levers.indexatie import YOUTH_CARE
from hengelo_scenario.scenario.schema import json_schema

from .conftest import d, effects, lever_baseline, one_problem, outcome_of

LOPENDE = """
    name: Lopende prijzen
    indexatie:
      lopende_prijzen: true
"""


def booked(outcome, measure: str) -> tuple[Decimal, ...]:
    total = [Decimal(0)] * 4
    for b in outcome.bookings:
        if b.measure == measure:
            total = [t + a for t, a in zip(total, b.amounts, strict=True)]
    return tuple(total)


def test_lopende_prijzen_index_every_line_and_show_the_accres(write):
    # Indices 2026-2028 as 2025 (lonen 4%, prijzen 2%, zorg and jeugdbescherming 5%, accres 3%); year 2025 + n
    # gets amount x ((1 + i)^n - 1):
    #   2026: lonen 1000000 x 0.04 = 40000; prijzen 500000 x 0.02 = 10000; youth care 1200000 x 0.05 = 60000
    #         -> lasten 110000; OZB 3000000 x 0.02 = 60000; accres 10000000 x 0.03 = 300000
    #         effect 300000 + 60000 - 110000 = 250000
    #   2027: 1000000 x 0.0816 + 500000 x 0.0404 + 1200000 x 0.1025 = 81600 + 20200 + 123000 = 224800;
    #         OZB 3000000 x 0.0404 = 121200; accres 10000000 x 0.0609 = 609000 -> 505400
    #   2028: 1000000 x 0.124864 + 500000 x 0.061208 + 1200000 x 0.157625 = 124864 + 30604 + 189150 = 344618;
    #         OZB 3000000 x 0.061208 = 183624; accres 10000000 x 0.092727 = 927270 -> 766276
    # The rentelasten (no index) and proposal A (no index) are not indexed. All structural.
    outcome = outcome_of(write(LOPENDE))
    expected = d(0, 250_000, 505_400, 766_276)
    assert effects(outcome) == {"saldo": expected, "resultaat": expected, "structureel": expected}
    assert booked(outcome, "Accres algemene uitkering") == d(0, 300_000, 609_000, 927_270)
    assert booked(outcome, YOUTH_CARE) == d(0, 60_000, 123_000, 189_150)
    assert booked(outcome, "Indexatie lonen") == d(0, 40_000, 81_600, 124_864)
    assert booked(outcome, "Indexatie prijzen (baten)") == d(0, 60_000, 121_200, 183_624)
    assert outcome.jeugdhulp.cost.scenario == d(1_200_000, 1_260_000, 1_323_000, 1_389_150)
    (detail,) = outcome.details
    by_line = {row.labels[0]: row.amounts for row in detail.rows}
    assert by_line["Materieel"] == d(0, 10_000, 20_200, 30_604)
    assert "Rentelasten" not in by_line
    assert {row.part for row in detail.rows} == {"last", "baat", "accres"}


def test_a_changed_first_year_index_moves_every_year_rounded_to_the_cent(write):
    # lonen budgeted at 4%, turns out 6%: 1000000 x (1.06 / 1.04 - 1) = 19230.769... -> 19230.77 a year
    # (constant prices carry the 2025 level into 2026-2028)
    outcome = outcome_of(
        write("""
            name: Cao
            indexatie:
              indexen: {lonen: {2025: 6%}}
        """)
    )
    assert effects(outcome)["resultaat"] == d("-19230.77")


def test_the_jeugdhulp_price_wins_over_the_index(write):
    # Ambulant's price +10% in 2026 by the jeugdhulp lever: 100 x 10000 x 0.1 = 100000 (2026 only);
    # Jeugdbescherming follows the index: 10 x 20000 x (1.05^n - 1) = 10000, 20500, 31525
    outcome = outcome_of(
        write(
            LOPENDE
            + """
    jeugdhulp:
      segments:
        Ambulant: {price: {per_year: {2026: 10%}}}
"""
        )
    )
    assert booked(outcome, "Jeugdhulp (prijs en volume)") == d(0, 100_000, 0, 0)
    assert booked(outcome, YOUTH_CARE) == d(0, 10_000, 20_500, 31_525)


def test_the_index_works_on_the_scenarios_youth_care_volumes(write):
    # volume +10% in 2026 (jeugdhulp lever first): 1200000 x 0.1 = 120000; then the 5% index on 1320000 = 66000;
    # together 1200000 x (1.1 x 1.05 - 1) = 186000, the whole p x q change
    outcome = outcome_of(
        write(
            LOPENDE
            + """
    jeugdhulp:
      volume: {per_year: {2026: 10%}}
"""
        )
    )
    assert booked(outcome, "Jeugdhulp (prijs en volume)")[1] == Decimal(120_000)
    assert booked(outcome, YOUTH_CARE)[1] == Decimal(66_000)
    assert outcome.jeugdhulp.cost.effect[1] == Decimal(-186_000)


def test_a_later_years_index_in_constant_prices_is_refused(write):
    path = write("""
        name: X
        indexatie:
          indexen: {lonen: {2027: 5%}}
    """)
    problem = one_problem(path)
    assert (problem.where, problem.field) == ("line 3", "indexatie.indexen.lonen.2027")
    assert "lopende_prijzen: true" in problem.hint


def test_the_baselines_own_index_changes_no_number(write):
    path = write("""
        name: X
        indexatie:
          indexen: {lonen: {2025: 4%}}
    """)
    assert "changes no number" in one_problem(path).found


def test_bad_values_are_located(write):
    path = write("""
        name: X
        indexatie:
          lopende_prijzen: ja
          indexen: {loonen: {2026: 3%}, prijzen: {2026: -100%}}
    """)
    problem = one_problem(path)  # the schema refuses `ja` before anything is resolved
    assert (problem.where, problem.field, problem.expected) == ("line 3", "indexatie.lopende_prijzen", "true or false")
    path = write("""
        name: X
        indexatie:
          lopende_prijzen: true
          indexen: {loonen: {2026: 3%}, prijzen: {2026: -100%}}
    """)
    from .conftest import problems_of

    found = {p.field: p for p in problems_of(path)}
    assert "lonen" in found["indexatie.indexen.loonen"].hint
    assert found["indexatie.indexen.prijzen.2026"].expected == "an index above -100%"


def test_a_baseline_without_indices_says_which_sheet_to_add(write):
    problem = one_problem(write(LOPENDE), lever_baseline(indexen=False))
    assert "Indexen" in problem.hint


def test_the_json_schema_has_the_lever_with_an_example():
    definition = json_schema()["$defs"]["Indexatie"]
    assert definition["examples"][0] == {"lopende_prijzen": True}
    assert definition["properties"]["lopende_prijzen"]["type"] == "boolean"


def test_a_baseline_without_the_index_column_says_which_column_to_add(write):
    from hengelo_scenario.records import replace

    baseline = lever_baseline()
    bare = replace(
        baseline,
        lines=tuple(replace(x, index=None) for x in baseline.lines),
        jeugdhulp=tuple(replace(s, index=None) for s in baseline.jeugdhulp),
    )
    problem = one_problem(write(LOPENDE), bare)
    assert "add the column 'Index' to sheet 'Lasten en baten'" in problem.hint
    assert problem.code == "scenario.missing-line"


def test_stacked_youth_care_levers_add_up_to_the_whole_price_volume_change():
    from hypothesis import assume, given, settings
    from hypothesis import strategies as st

    from hengelo_scenario.baseline.model import Aard
    from hengelo_scenario.engine import run
    from hengelo_scenario.errors import Origin
    from hengelo_scenario.levers.indexatie import IndexatieChange
    from hengelo_scenario.levers.jeugdhulp import JeugdhulpChange
    from hengelo_scenario.scenario.model import Scenario

    from .conftest import YEARS

    baseline = lever_baseline()
    origin = Origin("s.yaml", 1, "x")
    factor = st.integers(0, 300).map(lambda p: Decimal(p) / 100)  # 0 .. 3, two decimals
    factors = st.tuples(*[factor] * len(YEARS))
    ones = (Decimal(1),) * len(YEARS)

    @settings(max_examples=50)
    @given(st.lists(factors, min_size=4, max_size=4), st.lists(factors, min_size=2, max_size=2))
    def check(jeugd, index):
        jeugdhulp = JeugdhulpChange((jeugd[0], jeugd[1]), (jeugd[2], jeugd[3]), None, Aard.STRUCTUREEL, origin)
        indexatie = IndexatieChange((("zorg", ones),), frozenset(), (), tuple(index), "6", True, origin)
        scenario = Scenario(name="s", years=YEARS, jeugdhulp=jeugdhulp, indexatie=indexatie)
        assume(any(f != 1 for fs in (*jeugd, *index) for f in fs))  # all 1 is a no-op, refused elsewhere
        outcome = run(baseline, scenario)
        booked = [sum((b.amounts[y] for b in outcome.bookings), Decimal(0)) for y in range(len(YEARS))]
        assert tuple(booked) == outcome.jeugdhulp.cost.difference

    check()
