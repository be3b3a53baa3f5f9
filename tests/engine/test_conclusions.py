"""The conclusions a controller draws (issue 8): resultaatbestemming, structural reserve mutations, reëel
evenwicht, the verdict, and the smaller defects, each on a small budget worked out by hand in its comment.

Amounts are x € 1.000 in the comments; `k()` enters them in euros.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from hengelo_scenario.baseline.model import (
    Instellingen,
    Invulling,
    Onzekerheid,
    Reserve,
    ReserveSoort,
    Resultaatbestemming,
    Soort,
    WeerstandPost,
    Weerstandsoort,
)
from hengelo_scenario.engine import rules, run
from hengelo_scenario.errors import ScenarioError
from hengelo_scenario.levers.jeugdhulp import JeugdhulpChange
from hengelo_scenario.levers.measures import Measure
from hengelo_scenario.levers.transformatieplan import TransformatieChange
from hengelo_scenario.money import exact
from hengelo_scenario.outcome.model import SignalKind, Verdict
from hengelo_scenario.records import replace
from hengelo_scenario.scenario.model import Scenario

from .builders import ORIGIN, YEARS, I, S, baat, last, make_baseline, onderdeel, segment
from .test_worked_examples import k


def deficit_baseline(**instellingen: object):
    """Baten 1.000, lasten 1.200 (structural): a geraamd resultaat of −200 every year. AR 1.000, benodigd 500."""
    reserves = (
        Reserve("Algemene reserve", ReserveSoort.ALGEMEEN, Decimal(1_000_000), True),
        Reserve(
            "Reserve kapitaallasten", ReserveSoort.BESTEMMING, Decimal(2_000_000), False, structurele_mutaties=True
        ),
    )
    weerstand = (WeerstandPost("Risico's", Weerstandsoort.BENODIGD, k(500)),)
    baseline = make_baseline([baat("AD", k(1_000)), last("6", k(1_200))], reserves=reserves, weerstand=weerstand)
    return replace(baseline, instellingen=Instellingen(**instellingen))  # type: ignore[arg-type]


def empty() -> Scenario:
    return Scenario(name="leeg", years=YEARS)


# --- 1. Resultaatbestemming ----------------------------------------------------------------------------------


def test_the_algemene_reserve_takes_up_each_deficit():
    outcome = run(deficit_baseline(), empty())
    ar = outcome.algemene_reserve
    assert ar is not None
    assert ar.resultaat is not None
    assert ar.resultaat.baseline == k(-200)
    # 1.000 − 200 = 800; 600; 400; 200
    assert ar.closing.baseline == k(800, 600, 400, 200)
    # the weerstandsratio on that balance: 800 / 500 = 1,60 (B); 1,20 (C); 0,80 (D); 0,40 (F)
    assert outcome.weerstand.klasse_baseline == ("B", "C", "D", "F")
    assert outcome.overview.geraamd_resultaat.baseline == k(-200)  # the result itself is unchanged


def test_the_workbook_can_switch_resultaatbestemming_off_and_a_scenario_can_switch_it_back_on():
    off = deficit_baseline(resultaatbestemming=Resultaatbestemming.GEEN)
    outcome = run(off, empty())
    assert outcome.algemene_reserve.closing.baseline == k(1_000)
    assert not outcome.resultaatbestemming_baseline
    on = run(off, Scenario(name="aan", years=YEARS, resultaatbestemming=Resultaatbestemming.ALGEMENE_RESERVE))
    # the basis keeps the workbook's choice, the scenario takes up the deficits: 800, 600, 400, 200
    assert on.algemene_reserve.closing.baseline == k(1_000)
    assert on.algemene_reserve.closing.scenario == k(800, 600, 400, 200)
    # the difference is a nadeel of the reserve (−200, −400, −600, −800), and no other figure moves
    assert on.algemene_reserve.closing.effect == k(-200, -400, -600, -800)
    assert on.overview.geraamd_resultaat.difference == k(0)


def test_deficits_that_empty_the_algemene_reserve_are_a_let_op_not_an_error():
    # Lasten 1.600 against baten 1.000: −600 a year; 1.000 − 600 = 400, then −200, −800, −1.400.
    baseline = replace(deficit_baseline(), lines=(baat("AD", k(1_000)), last("6", k(1_600))))
    outcome = run(baseline, empty())
    assert outcome.algemene_reserve.closing.scenario == k(400, -200, -800, -1_400)
    (signal,) = [s for s in outcome.signals if s.kind is SignalKind.RESERVE_NEGATIEF]
    assert signal.years == (2026, 2027, 2028)
    assert signal.number == -1_400 * 1000


def test_a_withdrawal_beyond_the_balance_is_still_an_error():
    drain = Measure("Greep", "", "1", Soort.ONTTREKKING, I, k(0, 1_500, 0, 0), "Algemene reserve", origin=ORIGIN)
    with pytest.raises(ScenarioError, match="cannot be withdrawn below zero"):
        run(deficit_baseline(), Scenario(name="d", years=YEARS, measures=(drain,)))


# --- 4. Reserve mutations are incidental unless the reserve may carry structural ones -------------------------


def test_a_structural_withdrawal_from_the_algemene_reserve_does_not_restore_structural_balance():
    # The case: an onttrekking of 3.000 a year from the algemene reserve, booked structural. The
    # structureel saldo stays −200 (1.000 − 1.200); the geraamd resultaat rises to +2.800.
    baseline = replace(
        deficit_baseline(), reserves=(replace(deficit_baseline().reserves[0], opening_balance=k(20_000)[0]),)
    )
    grab = Measure("Greep", "", "AD", Soort.ONTTREKKING, S, k(3_000), "Algemene reserve", origin=ORIGIN)
    outcome = run(baseline, Scenario(name="g", years=YEARS, measures=(grab,)))
    o = outcome.overview
    assert o.structureel_saldo.scenario == k(-200)
    assert o.geraamd_resultaat.scenario == k(2_800)
    assert o.structurele_onttrekkingen.scenario == k(0)
    (effect,) = outcome.booking_effects
    assert effect.structureel == k(0)
    assert effect.resultaat == k(3_000)
    (signal,) = [s for s in outcome.signals if s.kind is SignalKind.STRUCTUREEL_ALS_INCIDENTEEL]
    assert (signal.subject, signal.detail, signal.in_baseline) == ("Greep", "Algemene reserve", False)
    assert outcome.verdict_scenario is Verdict.NIET_IN_EVENWICHT


def test_a_structural_withdrawal_from_a_dekkingsreserve_counts():
    cover = Measure("Dekking", "", "AD", Soort.ONTTREKKING, S, k(300), "Reserve kapitaallasten", origin=ORIGIN)
    outcome = run(deficit_baseline(), Scenario(name="c", years=YEARS, measures=(cover,)))
    # −200 + 300 = +100 structural every year
    assert outcome.overview.structureel_saldo.scenario == k(100)
    assert not [s for s in outcome.signals if s.kind is SignalKind.STRUCTUREEL_ALS_INCIDENTEEL]


@pytest.mark.parametrize(("soort", "other"), [(Soort.ONTTREKKING, "toevoeging"), (Soort.TOEVOEGING, "onttrekking")])
def test_a_negative_mutation_is_refused_and_the_other_kind_suggested(soort: Soort, other: str):
    measure = Measure("Min", "", "AD", soort, I, k(0, -50, 0, 0), "Algemene reserve", origin=ORIGIN)
    with pytest.raises(ScenarioError) as raised:
        run(deficit_baseline(), Scenario(name="m", years=YEARS, measures=(measure,)))
    (problem,) = raised.value.problems
    assert (problem.file, problem.where) == ("test.yaml", "line 3")
    assert "2026" in problem.found
    assert f"soort: {other}" in problem.hint


# --- 3. Reëel evenwicht ---------------------------------------------------------------------------------------


def test_stelposten_taakstellingen_and_the_open_taakstelling_come_out_of_the_reeel_saldo():
    # Baten 1.000 of which a stelpost of 150; lasten 900 after a taakstelling of −50; open transformatie 20 in 2026.
    lines = (
        baat("AD", k(850)),
        replace(baat("AD", k(150)), description="stelpost", onzekerheid=Onzekerheid.STELPOST),
        last("6", k(950)),
        replace(last("AD", k(-50)), description="taakstelling", onzekerheid=Onzekerheid.TAAKSTELLING),
    )
    plan = (onderdeel("Open", k(0, 20, 0, 0), Invulling.OPEN),)
    baseline = replace(deficit_baseline(), lines=lines, transformatieplan=plan)
    outcome = run(baseline, empty())
    o = outcome.overview
    # structureel: 1.000 − 900 = 100; reëel: 100 − 150 − 50 = −100, and −120 in 2026 (the open 20)
    assert o.structureel_saldo.baseline == k(100)
    assert o.reeel_structureel_saldo.baseline == k(-100, -120, -100, -100)
    kinds = [s.kind for s in outcome.signals]
    assert kinds.count(SignalKind.ONZEKERE_POST) == 2
    assert SignalKind.OPEN_TAAKSTELLING in kinds
    # structurally balanced, not reëel in the begrotingsjaar nor the last year: a risk of preventief toezicht
    assert outcome.conclusie_baseline.jaren[0].structureel
    assert not outcome.conclusie_baseline.jaren[0].reeel
    assert outcome.verdict_baseline is Verdict.NIET_IN_EVENWICHT
    # A scenario that realises only half of the open part books the other 10 as a structural last and still counts
    # on the realised 10
    half = TransformatieChange(realisatie=(tuple(Decimal(x) for x in ("1", "0.5", "1", "1")),), aard=S, origin=ORIGIN)
    scenario = run(baseline, Scenario(name="half", years=YEARS, transformatieplan=half))
    # structureel 100 − 10 = 90; reëel 90 − 150 − 50 − 10 = −120: the same as the basis's 100 − 150 − 50 − 20
    assert scenario.overview.structureel_saldo.scenario[1] == k(90)[0]
    assert scenario.overview.reeel_structureel_saldo.scenario[1] == k(-120)[0]


# --- 2. The verdict, per year -----------------------------------------------------------------------------------


def test_amber_when_the_begrotingsjaar_balances_and_a_later_year_does_not():
    # Structural lasten 900 in 2025, 1.100 after: +100, then −100 a year.
    baseline = replace(deficit_baseline(), lines=(baat("AD", k(1_000)), last("6", k(900, 1_100, 1_100, 1_100))))
    outcome = run(baseline, empty())
    c = outcome.conclusie_baseline
    assert c.status is Verdict.NIET_ELK_JAAR
    assert [j.structureel_saldo for j in c.jaren] == list(k(100, -100, -100, -100))
    assert c.tekort_jaren == (2026, 2027, 2028)


# --- 6. The smaller defects -------------------------------------------------------------------------------------


def test_class_and_norm_judge_the_same_rounded_ratio():
    # Beschikbaar 995, benodigd 1.000: 0,995 prints as 1,00, class C, and is not "below 1,0".
    reserves = (Reserve("Algemene reserve", ReserveSoort.ALGEMEEN, k(995)[0], True),)
    weerstand = (WeerstandPost("Risico's", Weerstandsoort.BENODIGD, k(1_000)),)
    baseline = make_baseline([baat("AD", k(1_000)), last("6", k(1_000))], reserves=reserves, weerstand=weerstand)
    outcome = run(baseline, empty())
    assert outcome.weerstand.klasse_scenario == ("C",) * 4
    assert not [s for s in outcome.signals if s.kind is SignalKind.WEERSTAND_ONDER_NORM]
    assert rules.shown_ratio(Decimal("0.995")) == Decimal("1.00")


def test_the_norm_and_the_incidental_years_are_workbook_settings():
    # An incidental last four years running: a signal with the default threshold of 3, none with 4.
    lines = (baat("AD", k(1_000)), last("6", k(900)), replace(last("1", k(50), I), description="project"))
    default = replace(deficit_baseline(), lines=lines)
    assert [s.subject for s in run(default, empty()).signals if s.kind is SignalKind.INCIDENTEEL_LANG] == ["project"]
    four = replace(default, instellingen=Instellingen(incidenteel_max_jaren=4))
    assert not [s for s in run(four, empty()).signals if s.kind is SignalKind.INCIDENTEEL_LANG]
    # AR 1.000 + 50 a year (1.050, 1.100, 1.150, 1.200) against 500 is 2,10; 2,20; 2,30; 2,40: below a norm of
    # 2,2 only in 2025 (2,20 is not below it)
    strict = replace(default, instellingen=Instellingen(weerstandsratio_norm=Decimal("2.2")))
    (signal,) = [s for s in run(strict, empty()).signals if s.kind is SignalKind.WEERSTAND_ONDER_NORM]
    assert signal.years == (2025,)


def test_a_youth_care_scenario_over_twenty_years_stays_exact():
    # 20 years, prices +4,96% and volumes +3% a year from the second year: factor (1,0496 x 1,03)^n. The exact cost
    # has about 7 more digits each year; it must neither crash (decimal.Inexact) nor be rounded.
    years = tuple(range(2025, 2045))
    n_y = len(years)
    seg = replace(segment("Verblijf", 90_000, 100), prices=(Decimal(90_000),) * n_y, volumes=(Decimal(100),) * n_y)
    baseline = make_baseline(
        [replace(last("6", k(9_000)), amounts=(Decimal(9_000_000),) * n_y, key="jeugdhulp")],
        reserves=(Reserve("Algemene reserve", ReserveSoort.ALGEMEEN, Decimal(10**9), True),),
        weerstand=(WeerstandPost("Risico's", Weerstandsoort.BENODIGD, (Decimal(1),) * n_y),),
        jeugdhulp=(seg,),
        years=years,
    )
    with exact():
        price = tuple(Decimal("1.0496") ** n for n in range(n_y))
        volume = tuple(Decimal("1.03") ** n for n in range(n_y))
        expected_last = Decimal(9_000_000) * price[-1] * volume[-1] - Decimal(9_000_000)
    change = JeugdhulpChange((price,), (volume,), None, S, ORIGIN)
    outcome = run(baseline, Scenario(name="lang", years=years, jeugdhulp=change))
    assert outcome.jeugdhulp.cost.difference[-1] == expected_last
    assert len(expected_last.as_tuple().digits) > 28  # beyond the default context: exact, not rounded
