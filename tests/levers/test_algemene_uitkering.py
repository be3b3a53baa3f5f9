"""The algemene-uitkering lever: amounts, a percentage and named circulaires, each its own booking."""

from __future__ import annotations

from hengelo_scenario.scenario.schema import json_schema

from .conftest import d, effects, lever_baseline, one_problem, outcome_of, problems_of


def test_a_worked_example_with_amounts_a_percentage_and_two_circulaires(write):
    # Baseline algemene uitkering 10000000 a year (programme AD, structural).
    #   amounts 2026 -100000                                      -> 2026: -100000 (S)
    #   percentage 2027 -1%: 10000000 x -0.01 = -100000            -> 2027: -100000 (S)
    #   meicirculaire 2025: 2026 -200000, 2027 +50000              -> structural
    #   eenmalig (incidenteel): 2025 -30000
    # saldo van baten en lasten = geraamd resultaat (no reserves):
    #   2025 -30000; 2026 -100000 - 200000 = -300000; 2027 -100000 + 50000 = -50000; 2028 0
    # structureel saldo: the same without the incidental 2025 cut: 0, -300000, -50000, 0
    path = write("""
        name: AU
        algemene_uitkering:
          amounts: {2026: -100000}
          percentage: {2027: -1%}
          circulaires:
            meicirculaire 2025: {2026: -200000, 2027: 50000}
            eenmalig: {amounts: {2025: -30000}, aard: incidenteel}
    """)
    outcome = outcome_of(path)
    assert effects(outcome) == {
        "saldo": d(-30_000, -300_000, -50_000, 0),
        "resultaat": d(-30_000, -300_000, -50_000, 0),
        "structureel": d(0, -300_000, -50_000, 0),
    }
    rows = {b.measure: (b.programma, b.soort.value, b.aard.letter, b.amounts) for b in outcome.bookings}
    assert rows == {
        "Algemene uitkering: mutatie": ("AD", "baat", "S", d(0, -100_000, 0, 0)),
        "Algemene uitkering: procentuele mutatie": ("AD", "baat", "S", d(0, 0, -100_000, 0)),
        "Algemene uitkering: meicirculaire 2025": ("AD", "baat", "S", d(0, -200_000, 50_000, 0)),
        "Algemene uitkering: eenmalig": ("AD", "baat", "I", d(-30_000, 0, 0, 0)),
    }
    assert all(b.lever == "algemene_uitkering" for b in outcome.bookings)


def test_a_circulaire_of_zeros_changes_no_number(write):
    path = write("""
        name: AU
        algemene_uitkering:
          circulaires:
            meicirculaire 2025: {2026: 0}
    """)
    problem = one_problem(path)
    assert (problem.where, problem.field) == ("line 4", "algemene_uitkering.circulaires.meicirculaire 2025")
    assert "changes no number" in problem.found
    assert problem.code == "scenario.no-change"


def test_bad_values_are_located(write):
    path = write("""
        name: AU
        algemene_uitkering:
          amounts: {2026: 100.555}
          percentage: {2027: 1}
          circulaires:
            x: {amounts: {2025: 5}, aard: incidentel}
    """)
    found = {(p.where, p.field): p for p in problems_of(path)}
    assert set(found) == {
        ("line 3", "algemene_uitkering.amounts.2026"),
        ("line 4", "algemene_uitkering.percentage.2027"),
        ("line 6", "algemene_uitkering.circulaires.x.aard"),
    }
    assert "thousands separator" in found[("line 3", "algemene_uitkering.amounts.2026")].hint
    assert "1%" in found[("line 4", "algemene_uitkering.percentage.2027")].hint
    assert "incidenteel" in found[("line 6", "algemene_uitkering.circulaires.x.aard")].hint


def test_a_year_outside_the_baseline_is_located(write):
    path = write("""
        name: AU
        algemene_uitkering:
          circulaires:
            meicirculaire 2025: {2031: -100000}
    """)
    problem = one_problem(path)
    assert (problem.where, problem.field) == ("line 4", "algemene_uitkering.circulaires.meicirculaire 2025.2031")


def test_more_than_the_whole_uitkering_is_refused(write):
    path = write("""
        name: AU
        algemene_uitkering:
          percentage: {2026: -101%}
    """)
    assert "-100% or more" in one_problem(path).expected


def test_a_baseline_without_the_line_says_which_sleutel_to_write(write):
    path = write("""
        name: AU
        algemene_uitkering: {amounts: {2026: 1000}}
    """)
    problem = one_problem(path, lever_baseline(algemene_uitkering=False))
    assert "algemene_uitkering" in problem.hint
    assert "Sleutel" in problem.hint
    assert problem.code == "scenario.missing-line"


def test_the_json_schema_has_the_lever_with_an_example():
    section = json_schema()["properties"]["algemene_uitkering"]
    assert section["description"]
    definition = json_schema()["$defs"]["AlgemeneUitkering"]
    assert definition["examples"][0]["circulaires"]["meicirculaire 2025"] == {"2026": -2100000, "2027": -800000}
    assert set(definition["properties"]) == {"amounts", "percentage", "circulaires", "aard"}


def test_an_empty_circulaires_mapping_is_refused(write):
    problem = one_problem(write("name: AU\nalgemene_uitkering: {circulaires: {}}\n"))
    assert (problem.where, problem.field, problem.found) == (
        "line 2",
        "algemene_uitkering.circulaires",
        "an empty mapping",
    )
