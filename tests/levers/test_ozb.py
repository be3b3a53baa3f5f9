"""The OZB lever: a tariff change on the OZB lines, and the onbenutte belastingcapaciteit that falls with it."""

from __future__ import annotations

from hengelo_scenario.scenario.schema import json_schema

from .conftest import d, effects, lever_baseline, one_problem, outcome_of


def test_a_tariff_rise_raises_the_baten_and_uses_up_the_tax_room(write):
    # OZB woningen 2000000 and niet-woningen 1000000; growth 5% from 2027: factors 1, 1, 1.05, 1.1025
    #   extra baten 2027: 3000000 x 0.05 = 150000; 2028: 3000000 x 0.1025 = 307500 (structural)
    #   onbenutte belastingcapaciteit 1000000 -> 850000 (2027), 692500 (2028)
    #   beschikbaar = algemene reserve 5000000 + 1000000 = 6000000 -> 5850000 and 5692500
    #   weerstandsratio (benodigd 2000000): 3 -> 2.925 and 2.84625
    path = write("""
        name: OZB
        ozb:
          tarief: {growth: 5%, from: 2027}
    """)
    outcome = outcome_of(path)
    assert effects(outcome) == {
        "saldo": d(0, 0, 150_000, 307_500),
        "resultaat": d(0, 0, 150_000, 307_500),
        "structureel": d(0, 0, 150_000, 307_500),
    }
    assert outcome.weerstand.beschikbaar.scenario == d(6_000_000, 6_000_000, 5_850_000, 5_692_500)
    assert outcome.weerstand.ratio.scenario[2:] == d("2.925", "2.84625")
    assert [b.measure for b in outcome.bookings] == ["OZB-tarief: OZB woningen", "OZB-tarief: OZB niet-woningen"]
    assert outcome.bookings[0].amounts == d(0, 0, 100_000, 205_000)
    assert [w.post for w in outcome.weerstand_changes] == ["Onbenutte belastingcapaciteit"]


def test_one_line_can_have_its_own_tariff(write):
    # woningen +10% in 2026 only: 2000000 x 0.1 = 200000; niet-woningen keep the general 0% -> no booking
    path = write("""
        name: OZB
        ozb:
          lines:
            ozb_woningen: {per_year: {2026: 10%}}
    """)
    outcome = outcome_of(path)
    assert effects(outcome)["resultaat"] == d(0, 200_000, 0, 0)
    assert [b.measure for b in outcome.bookings] == ["OZB-tarief: OZB woningen"]


def test_more_than_the_onbenutte_belastingcapaciteit_is_refused(write):
    # 3000000 x 40% = 1200000 > 1000000 of room
    path = write("""
        name: OZB
        ozb:
          tarief: {per_year: {2026: 40%}}
    """)
    problem = one_problem(path)
    assert problem.field == "ozb"
    assert "1,200,000.00 more OZB" in problem.found


def test_a_misspelt_line_gets_a_suggestion(write):
    path = write("""
        name: OZB
        ozb:
          lines:
            ozb_woning: {per_year: {2026: 1%}}
    """)
    problem = one_problem(path)
    assert (problem.where, problem.field) == ("line 4", "ozb.lines.ozb_woning")
    assert "ozb_woningen" in problem.hint


def test_zero_percent_changes_no_number(write):
    path = write("""
        name: OZB
        ozb:
          tarief: {growth: 0%}
    """)
    assert "changes no number" in one_problem(path).found


def test_a_bare_number_and_a_fall_below_minus_100_percent_are_located(write):
    path = write("""
        name: OZB
        ozb:
          tarief: {per_year: {2026: 0.05, 2027: -150%}}
    """)
    problem = one_problem(path)  # the bare number is refused by the schema, before the rates are resolved
    assert (problem.where, problem.field) == ("line 3", "ozb.tarief.per_year.2026")
    assert "5%" in problem.hint


def test_a_baseline_without_the_tax_room_says_which_column_to_add(write):
    path = write("""
        name: OZB
        ozb: {tarief: {growth: 1%}}
    """)
    problem = one_problem(path, lever_baseline(belastingcapaciteit=False))
    assert "Sleutel" in problem.hint
    assert "onbenutte_belastingcapaciteit" in problem.hint


def test_a_baseline_without_ozb_lines_says_which_sleutel_to_write(write):
    path = write("""
        name: OZB
        ozb: {tarief: {growth: 1%}}
    """)
    assert "ozb_woningen" in one_problem(path, lever_baseline(ozb=False)).hint


def test_the_json_schema_has_the_lever_with_an_example():
    definition = json_schema()["$defs"]["Ozb"]
    assert definition["examples"][0] == {"tarief": {"growth": "5%", "from": 2026}}
    assert "ozb" in json_schema()["properties"]


def test_an_empty_section_says_what_it_needs(write):
    problem = one_problem(write("name: OZB\nozb: {}\n"))
    assert problem.expected == "at least one of: tarief, lines"
