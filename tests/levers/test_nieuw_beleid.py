"""Nieuw beleid: proposals of sheet Voorstellen switched on and off by name."""

from __future__ import annotations

from decimal import Decimal

from hengelo_scenario.baseline.model import Aard, Soort
from hengelo_scenario.scenario.schema import json_schema

from .conftest import d, effects, lever_baseline, one_problem, outcome_of, problems_of


def test_switching_one_off_and_another_on(write):
    # A (100000 a year, structural, opgenomen) off: lasten -100000 a year -> +100000 on every saldo.
    # B (50000 a year, incidental, not opgenomen, covered by the algemene reserve) on: lasten +50000 and an
    # onttrekking of 50000: the saldo van baten en lasten falls 50000, the resultaat and structureel saldo hold.
    #   saldo: +100000 - 50000 = +50000; resultaat: +100000; structureel: +100000
    #   algemene reserve 5000000 - 4 x 50000 = 4800000 at the end of 2028
    path = write("""
        name: Voorstellen
        nieuw_beleid:
          "a: PREVENTIE": uit
          "B: toegangsteam": aan
    """)
    outcome = outcome_of(path)
    assert effects(outcome) == {"saldo": d(50_000), "resultaat": d(100_000), "structureel": d(100_000)}
    rows = [(b.measure, b.soort, b.aard, b.amounts, b.reserve) for b in outcome.bookings]
    assert rows == [
        ("Nieuw beleid: A: preventie (uit)", Soort.LAST, Aard.STRUCTUREEL, d(-100_000), None),
        ("Nieuw beleid: B: toegangsteam (aan)", Soort.LAST, Aard.INCIDENTEEL, d(50_000), None),
        (
            "Nieuw beleid: B: toegangsteam (aan): dekking",
            Soort.ONTTREKKING,
            Aard.INCIDENTEEL,
            d(50_000),
            "Algemene reserve",
        ),
    ]
    assert outcome.algemene_reserve.closing.scenario[-1] == Decimal(4_800_000)


def test_a_misspelt_name_gets_did_you_mean(write):
    path = write("""
        name: Voorstellen
        nieuw_beleid:
          "A: preventei": uit
    """)
    problem = one_problem(path)
    assert (problem.where, problem.field) == ("line 3", "nieuw_beleid.A: preventei")
    assert "did you mean 'A: preventie'?" in problem.hint


def test_the_state_it_already_has_changes_no_number(write):
    path = write("""
        name: Voorstellen
        nieuw_beleid:
          "A: preventie": aan
          "B: toegangsteam": uit
    """)
    problems = problems_of(path)
    assert [p.where for p in problems] == ["line 3", "line 4"]
    assert all("changes no number" in p.found for p in problems)


def test_a_value_other_than_aan_or_uit_is_located(write):
    path = write("""
        name: Voorstellen
        nieuw_beleid:
          "A: preventie": false
    """)
    problem = one_problem(path)
    assert (problem.where, problem.expected) == ("line 3", "aan or uit")


def test_a_baseline_without_voorstellen_says_which_sheet_to_add(write):
    path = write("""
        name: Voorstellen
        nieuw_beleid: {"A: preventie": uit}
    """)
    assert "Voorstellen" in one_problem(path, lever_baseline(voorstellen=False)).hint


def test_the_json_schema_has_the_lever():
    section = json_schema()["properties"]["nieuw_beleid"]
    assert section["additionalProperties"]["enum"] == ["aan", "uit"]
    assert section["examples"] == [{"Jeugd: versnelling transformatieplan jeugdhulp": "uit"}]
