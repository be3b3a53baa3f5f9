"""Investments and their kapitaallasten by the BBV rules, worked out by hand; the schedule's invariants."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from hengelo_scenario.baseline.model import Aard
from hengelo_scenario.errors import Origin
from hengelo_scenario.levers.investeringen import ANNUITAIR, LINEAIR, Investering, schedule
from hengelo_scenario.money import exact
from hengelo_scenario.scenario.schema import json_schema

from .conftest import d, effects, one_problem, outcome_of, problems_of

LINEAR = """
    name: Investeringen
    investeringen:
      - name: School
        programma: 4
        amount: 1000000
        activation: 2025
        afschrijvingstermijn: 20
        rente: 2%
"""


def test_lineair_from_the_year_after_activation(write):
    # 1000000 over 20 years: afschrijving 50000 a year from 2026 (the year after activation, BBV)
    #   rente 2% of the boekwaarde on 1 January: 2026 20000 (1000000), 2027 19000 (950000), 2028 18000 (900000)
    #   kapitaallasten 0, 70000, 69000, 68000: structural lasten of programme 4, no cover
    outcome = outcome_of(write(LINEAR))
    expected = d(0, -70_000, -69_000, -68_000)
    assert effects(outcome) == {"saldo": expected, "resultaat": expected, "structureel": expected}
    (booking,) = outcome.bookings
    assert (booking.measure, booking.programma, booking.aard) == ("Kapitaallasten School", "4", Aard.STRUCTUREEL)
    (detail,) = outcome.details
    parts = {row.part: row.amounts for row in detail.rows}
    assert parts["afschrijving"] == d(0, 50_000, 50_000, 50_000)
    assert parts["rente"] == d(0, 20_000, 19_000, 18_000)
    assert parts["boekwaarde 31 december"] == d(1_000_000, 950_000, 900_000, 850_000)


def test_a_dekkingsreserve_pays_them_structurally(write):
    # the same kapitaallasten, paid by a structural onttrekking from a bestemmingsreserve: the saldo van baten en
    # lasten falls by them, the resultaat and the structureel saldo do not; the reserve 3000000 falls by
    # 70000 + 69000 + 68000 = 207000 to 2793000 in 2028
    outcome = outcome_of(write(LINEAR + "        dekking: Reserve dekking kapitaallasten\n"))
    assert effects(outcome) == {
        "saldo": d(0, -70_000, -69_000, -68_000),
        "resultaat": d(0, 0, 0, 0),
        "structureel": d(0, 0, 0, 0),
    }
    cover = outcome.bookings[1]
    assert (cover.soort.value, cover.aard, cover.reserve) == (
        "onttrekking",
        Aard.STRUCTUREEL,
        "Reserve dekking kapitaallasten",
    )
    reserve = next(r for r in outcome.reserves if r.reserve.naam == "Reserve dekking kapitaallasten")
    assert reserve.closing.scenario[-1] == Decimal(2_793_000)


def test_cover_from_the_algemene_reserve_is_incidental(write):
    # incidental cover of structural lasten: the resultaat holds, the structureel saldo falls by the kapitaallasten
    outcome = outcome_of(write(LINEAR + "        dekking: algemene reserve\n"))
    assert outcome.bookings[1].aard is Aard.INCIDENTEEL
    assert effects(outcome)["resultaat"] == d(0, 0, 0, 0)
    assert effects(outcome)["structureel"] == d(0, -70_000, -69_000, -68_000)


def test_annuitair_is_a_constant_annuity(write):
    # 1000000 over 30 years at 3%, activated 2026: A = 1000000 x 0.03 / (1 - 1.03^-30) = 51019.2593... -> 51019.26
    #   2027: rente 0.03 x 1000000 = 30000, afschrijving 51019.26 - 30000 = 21019.26, boekwaarde 978980.74
    #   2028: rente 0.03 x 978980.74 = 29369.4222 -> 29369.42 (an annuity schedule is in cents),
    #         afschrijving 51019.26 - 29369.42 = 21649.84
    outcome = outcome_of(
        write("""
            name: Sporthal
            investeringen:
              - name: Sporthal
                programma: 1
                amount: 1000000
                activation: 2026
                afschrijvingstermijn: 30
                methode: annuitair
                rente: 3%
        """)
    )
    assert effects(outcome)["resultaat"] == d(0, 0, "-51019.26", "-51019.26")
    parts = {row.part: row.amounts for row in outcome.details[0].rows}
    assert parts["rente"] == d(0, 0, 30_000, "29369.42")
    assert parts["afschrijving"] == d(0, 0, "21019.26", "21649.84")


def test_activation_in_the_last_year_changes_no_number(write):
    path = write(LINEAR.replace("activation: 2025", "activation: 2028"))
    problem = one_problem(path)
    assert (problem.where, problem.field) == ("line 6", "investeringen[0].activation")
    assert "year after activation" in problem.hint


def test_bad_values_are_located(write):
    path = write("""
        name: Investeringen
        investeringen:
          - name: School
            programma: 4
            amount: -5
            activation: 2025
            afschrijvingstermijn: 0
            methode: degressief
            rente: 2
    """)
    found = {p.field: p for p in problems_of(path)}
    assert set(found) == {
        "investeringen[0].amount",
        "investeringen[0].afschrijvingstermijn",
        "investeringen[0].methode",
        "investeringen[0].rente",
    }
    assert found["investeringen[0].methode"].expected == "lineair or annuïtair"
    assert found["investeringen[0].amount"].where == "line 5"


def test_an_unknown_reserve_and_a_doubled_name_are_located(write):
    path = write(
        LINEAR
        + "        dekking: Reserve dekking kapitalasten\n"
        + LINEAR.split("investeringen:\n")[1].replace("School", "school")
    )
    found = {p.field: p for p in problems_of(path)}
    assert "Reserve dekking kapitaallasten" in found["investeringen[0].dekking"].hint
    assert "again" in found["investeringen[1].name"].found


def test_the_json_schema_has_the_lever_with_an_example():
    definition = json_schema()["$defs"]["InvesteringModel"]
    assert definition["examples"][0]["afschrijvingstermijn"] == 40
    assert json_schema()["properties"]["investeringen"]["type"] == "array"


@given(
    amount=st.integers(1_000_00, 50_000_000_00).map(lambda c: Decimal(c) / 100),  # from € 1.000
    term=st.integers(1, 60),
    rente=st.integers(0, 800).map(lambda bp: Decimal(bp) / 10_000),
    methode=st.sampled_from([LINEAIR, ANNUITAIR]),
)
def test_over_the_whole_term_the_afschrijvingen_add_up_to_the_amount(amount, term, rente, methode):
    investering = Investering(
        "x", "", "1", amount, 2000, term, methode, rente, None, Aard.STRUCTUREEL, Origin("", None, "")
    )
    years = tuple(range(2000, 2000 + term + 2))
    plan = schedule(investering, years)
    assert plan.afschrijving[0] == 0  # nothing in the year of activation
    with exact():
        assert sum(plan.afschrijving, Decimal(0)) == amount
    assert plan.boekwaarde[-1] == 0
    if methode == ANNUITAIR and rente != 0 and term > 2:  # a constant annuity, the last year taking the remainder
        assert len(set(plan.kapitaallasten[1:term])) == 1


def test_an_empty_list_is_refused(write):
    problem = one_problem(write("name: I\ninvesteringen: []\n"))
    assert (problem.where, problem.field, problem.found) == ("line 2", "investeringen", "an empty list")
