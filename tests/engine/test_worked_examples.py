"""The worked examples of shared/reference/budget-conventions.md, reproduced from their own numbers.

Amounts in the reference are x € 1.000; the tests enter them in euros (x 1000) so the engine sees euros.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from hengelo_scenario.baseline.model import Aard, Reserve, ReserveSoort, Soort, WeerstandPost, Weerstandsoort
from hengelo_scenario.engine import rules, run
from hengelo_scenario.levers.jeugdhulp import JeugdhulpChange
from hengelo_scenario.levers.keyed import AmountsChange
from hengelo_scenario.levers.leefbare_wijken import LeefbareWijkenChange
from hengelo_scenario.levers.measures import Measure
from hengelo_scenario.money import round_half_away
from hengelo_scenario.outcome.model import Grond, Signal, SignalKind, Toezicht, Verdict
from hengelo_scenario.scenario.model import Scenario

from .builders import (
    ORIGIN,
    YEARS,
    I,
    S,
    baat,
    d,
    last,
    make_baseline,
    onttrekking,
    segment,
    toevoeging,
)

K = 1000  # the reference's tables are x € 1.000


def k(*values: float | int) -> tuple[Decimal, ...]:
    return d(*(Decimal(str(v)) * K for v in values))


def empty() -> Scenario:
    return Scenario(name="leeg", years=YEARS)


def overview_baseline():
    """§3.3: the overview of baten and lasten, 2025 (same figures in every year here), with §4.4's split."""
    lines = [
        # Sociaal domein: lasten 120.000 of which 2.000 incidental (§4.4: incl. the motie fund 500)
        last("6", k(118_000), S),
        last("6", k(2_000), I),
        baat("6", k(48_000), S),
        # other programmes combined: baten 30.000 of which 300 incidental (§4.4)
        last("1", k(95_000), S),
        baat("1", k(29_700), S),
        baat("1", k(300), I),
        last("AD", k(1_000), S),
        baat("AD", k(190_000), S),
        last("OH", k(50_000), S),
        baat("OH", k(1_000), S),
        last("VPB", k(50), S),
        last("ONV", k(500), S),
    ]
    mutations = [
        toevoeging("Algemene reserve", k(1_000), I),  # incidental toevoegingen 1.000
        toevoeging("Reserve sociaal domein", k(2_000), S),  # structural toevoegingen 2.000
        onttrekking("Algemene reserve", k(1_200), I),  # incidental onttrekkingen 1.200
    ]
    return make_baseline(lines, mutations)


def test_overview_of_baten_and_lasten_section_3_3():
    outcome = run(overview_baseline(), empty())
    o = outcome.overview
    # Σ baten = 48.000 + 30.000 + 190.000 + 1.000 = 269.000; Σ lasten = 120.000 + 95.000 + 1.000 + 50.000 + 50 + 500
    assert o.baten.baseline[0] == 269_000 * K
    assert o.lasten.baseline[0] == 266_550 * K
    assert o.saldo_baten_lasten.baseline[0] == 2_450 * K  # 269.000 − 266.550
    assert o.toevoegingen.baseline[0] == 3_000 * K
    assert o.onttrekkingen.baseline[0] == 1_200 * K
    assert o.geraamd_resultaat.baseline[0] == 650 * K  # 2.450 − 3.000 + 1.200 = 650 V
    by_code = {p.programma.code: p for p in outcome.programmas}
    assert by_code["6"].saldo.baseline[0] == -72_000 * K
    assert by_code["AD"].saldo.baseline[0] == 189_000 * K
    assert by_code["VPB"].saldo.baseline[0] == -50 * K


def test_structureel_saldo_direct_and_bridge_form_section_4_4():
    o = run(overview_baseline(), empty()).overview
    # Direct: (269.000 − 300) − (266.550 − 2.000) + 0 − 2.000 = 2.150
    assert o.structureel_saldo.baseline[0] == 2_150 * K
    # Bridge from the geraamd resultaat: 650 − 300 − 1.200 + 2.000 + 1.000 = 2.150
    incidentele_baten = o.baten.baseline[0] - o.structurele_baten.baseline[0]
    incidentele_lasten = o.lasten.baseline[0] - o.structurele_lasten.baseline[0]
    incidentele_ontt = o.onttrekkingen.baseline[0] - o.structurele_onttrekkingen.baseline[0]
    incidentele_toev = o.toevoegingen.baseline[0] - o.structurele_toevoegingen.baseline[0]
    bridge = (
        o.geraamd_resultaat.baseline[0] - incidentele_baten - incidentele_ontt + incidentele_lasten + incidentele_toev
    )
    assert bridge == 2_150 * K
    # §6.3: structurele exploitatieruimte = 2.150 / 269.000 = 0,80%
    assert round_half_away(o.structurele_exploitatieruimte.baseline[0] * 100, Decimal("0.01")) == Decimal("0.80")


def test_weerstandsratio_section_5_4():
    # Benodigd: 4.000×50% + 3.000×30% + 5.000×25% + 1.000×10% = 4.250; beschikbaar: AR 9.000 + onvoorzien 500
    reserves = (Reserve("Algemene reserve", ReserveSoort.ALGEMEEN, Decimal(9_000 * K), True),)
    weerstand = (
        WeerstandPost("Onvoorzien", Weerstandsoort.BESCHIKBAAR, k(500)),
        WeerstandPost("Risico's", Weerstandsoort.BENODIGD, k(4_250)),
    )
    outcome = run(make_baseline(reserves=reserves, weerstand=weerstand), empty())
    ratio = outcome.weerstand.ratio.baseline[0]
    assert round_half_away(ratio, Decimal("0.01")) == Decimal("2.24")  # 9.500 / 4.250 = 2,235...
    assert outcome.weerstand.klasse_baseline[0] == "A"
    # With a Monte Carlo 90th percentile of 6.000: 9.500 / 6.000 = 1,58 -> B
    assert rules.weerstand_klasse(rules.quotient(Decimal(9_500), Decimal(6_000))) == "B"


@pytest.mark.parametrize(
    ("ratio", "klasse"),
    [("2.01", "A"), ("2.00", "B"), ("1.40", "B"), ("1.399", "B"), ("1.394", "C"), ("1.0", "C"), ("0.99", "D"),
     ("0.8", "D"), ("0.6", "E"), ("0.59", "F"), ("0", "F")],
)  # fmt: skip
def test_weerstand_klasse_boundaries_section_5_3(ratio: str, klasse: str):
    # Rounded to two decimals first: 1.399 shows as 1,40 and is B; 1.394 shows as 1,39 and is C.
    assert rules.weerstand_klasse(Decimal(ratio)) == klasse


def youth_care_baseline():
    """§8.4: five segments, 2025 prices and volumes, constant in every year (the baseline)."""
    segments = (
        segment("Ambulant (incl. jeugd-GGZ)", 5_500, 2_000),
        segment("Daghulp", 14_000, 250),
        segment("Verblijf (excl. pleegzorg)", 85_000, 90),
        segment("Pleegzorg", 18_000, 110),
        segment("Jeugdbescherming / -reclassering", 7_000, 300),
    )
    # Σ p×q = 11.000 + 3.500 + 7.650 + 1.980 + 2.100 = 26.230 (x € 1.000)
    lines = [last("6", k(26_230), S, key="jeugdhulp")]
    return make_baseline(lines, jeugdhulp=segments)


def youth_care_scenario() -> Scenario:
    # Tariff +4,0% (2026), +3,0% (2027), +3,0% (2028): cumulative 1, 1,04, 1,0712, 1,103336.
    price = d("1", "1.04", "1.0712", "1.103336")
    # Volume: ambulant +3% a year, verblijf −5% a year, others 0%.
    ambulant = d("1", "1.03", "1.0609", "1.092727")
    verblijf = d("1", "0.95", "0.9025", "0.857375")
    flat = d(1)
    change = JeugdhulpChange(
        price_factors=(price,) * 5,
        volume_factors=(ambulant, flat, verblijf, flat, flat),
        programma=None,
        aard=Aard.STRUCTUREEL,
        origin=ORIGIN,
    )
    return Scenario(name="jeugd", years=YEARS, jeugdhulp=change)


def test_youth_care_costs_and_decomposition_section_8_4():
    outcome = run(youth_care_baseline(), youth_care_scenario())
    j = outcome.jeugdhulp

    def thousands(values):
        return [round_half_away(v / K) for v in values]

    # K per segment and year from the reference table (x € 1.000)
    expected = {
        "Ambulant (incl. jeugd-GGZ)": [11_000, 11_783, 12_501, 13_262],
        "Daghulp": [3_500, 3_640, 3_749, 3_862],
        "Verblijf (excl. pleegzorg)": [7_650, 7_558, 7_396, 7_237],
        "Pleegzorg": [1_980, 2_059, 2_121, 2_185],
        "Jeugdbescherming / -reclassering": [2_100, 2_184, 2_250, 2_317],
    }
    for seg in j.segments:
        assert thousands(seg.cost.scenario) == expected[seg.naam]
    assert thousands(j.cost.scenario) == [26_230, 27_225, 28_016, 28_862]
    # Decomposition 2025 -> 2028: price +2.711, volume −71, interaction −7, total +2.632
    assert round_half_away(j.price_effect[3] / K) == 2_711
    assert round_half_away(j.volume_effect[3] / K) == -71
    assert round_half_away(j.interaction[3] / K) == -7
    # ... and the three add up exactly, to the cent and beyond
    assert j.price_effect[3] + j.volume_effect[3] + j.interaction[3] == j.cost.scenario[3] - j.cost.baseline[3]


def test_youth_care_overrun_is_structural_lasten_of_programme_6():
    outcome = run(youth_care_baseline(), youth_care_scenario())
    (booking,) = outcome.bookings
    assert (booking.programma, booking.soort, booking.aard) == ("6", Soort.LAST, Aard.STRUCTUREEL)
    overrun = outcome.jeugdhulp.cost.difference
    assert outcome.overview.structureel_saldo.difference == tuple(-x for x in overrun)
    assert outcome.overview.lasten.difference == overrun


def motie_baseline():
    """§10.3: algemene reserve 60.000 on 1 January, benodigde weerstandscapaciteit 25.000, no fund yet."""
    reserves = (Reserve("Algemene reserve", ReserveSoort.ALGEMEEN, Decimal(60_000 * K), True),)
    weerstand = (WeerstandPost("Risico's", Weerstandsoort.BENODIGD, k(25_000)),)
    lines = [last("6", k(0), I, key="fonds_leefbare_wijken"), baat("AD", k(1_000)), last("1", k(900))]
    return make_baseline(lines, reserves=reserves, weerstand=weerstand)


@pytest.mark.parametrize("via", ["measure", "leefbare_wijken"])
def test_motie_fund_from_the_algemene_reserve_section_10_3(via: str):
    amounts = k(500, 500, 0, 0)
    if via == "measure":
        measure = Measure("Fonds X", "", "6", Soort.LAST, I, amounts, dekking="Algemene reserve", origin=ORIGIN)
        scenario = Scenario(name="motie", years=YEARS, measures=(measure,))
    else:
        change = LeefbareWijkenChange(
            amounts=amounts, aard=(None,) * 4, origin=ORIGIN, dekking="Algemene reserve", dekking_given=True
        )
        scenario = Scenario(name="motie", years=YEARS, leefbare_wijken=change)
    outcome = run(motie_baseline(), scenario)
    o = outcome.overview
    assert o.saldo_baten_lasten.difference == k(-500, -500, 0, 0)
    assert o.geraamd_resultaat.difference == k(0)
    assert o.structureel_saldo.difference == k(0)
    assert o.structurele_exploitatieruimte.difference == (0, 0, 0, 0)
    ar = outcome.algemene_reserve
    assert ar is not None
    # The fund takes 500 in 2025 and 2026; the geraamd resultaat of 1.000 − 900 = 100 a year goes to the reserve
    # (resultaatbestemming): 60.000 − 500 + 100 = 59.600; 59.600 − 500 + 100 = 59.200; 59.300; 59.400.
    assert ar.closing.scenario == k(59_600, 59_200, 59_300, 59_400)
    assert ar.resultaat is not None
    assert ar.resultaat.scenario == k(100)
    # 59.600 / 25.000 = 2,384; 59.200 / 25.000 = 2,368; 2,372; 2,376
    ratios = [round_half_away(r, Decimal("0.01")) for r in outcome.weerstand.ratio.scenario]
    assert ratios == [Decimal("2.38"), Decimal("2.37"), Decimal("2.37"), Decimal("2.38")]
    assert outcome.weerstand.klasse_scenario == ("A",) * 4


def test_structural_cost_paid_from_a_reserve_does_not_restore_structural_balance():
    # Variant 2 of §10.3: the fund is open-ended (structural) and still paid from the algemene reserve.
    measure = Measure("Fonds X", "", "6", Soort.LAST, S, k(500), dekking="Algemene reserve", origin=ORIGIN)
    outcome = run(motie_baseline(), Scenario(name="motie", years=YEARS, measures=(measure,)))
    assert outcome.overview.geraamd_resultaat.difference == k(0)
    assert outcome.overview.structureel_saldo.difference == k(-500)


def test_verdict_per_year_status_and_toezicht():
    # Gemeentewet art. 203: repressief when the begrotingsjaar balances (structureel and reëel), or the last year.
    firm = d(0)
    every_year = rules.conclusie(YEARS, d(1, 0, 2, 3), firm)
    assert (every_year.status, every_year.toezicht, every_year.grond) == (
        Verdict.IN_EVENWICHT,
        Toezicht.REPRESSIEF,
        Grond.BEGROTINGSJAAR,
    )
    first_only = rules.conclusie(YEARS, d(1, -1, -1, -1), firm)
    assert (first_only.status, first_only.toezicht) == (Verdict.NIET_ELK_JAAR, Toezicht.REPRESSIEF)
    assert first_only.tekort_jaren == (2026, 2027, 2028)
    last_only = rules.conclusie(YEARS, d(-1, -1, -1, 0), firm)
    assert (last_only.status, last_only.grond) == (Verdict.NIET_ELK_JAAR, Grond.LAATSTE_JAAR)
    neither = rules.conclusie(YEARS, d(-1, 5, 5, "-0.01"), firm)
    assert (neither.status, neither.toezicht) == (Verdict.NIET_IN_EVENWICHT, Toezicht.PREVENTIEF)
    # Reëel: structurally +1 in 2025, but −1 without the stelposten: the begrotingsjaar does not carry it.
    not_reeel = rules.conclusie(YEARS, d(1), d(-1, 1, 1, 1))
    assert not_reeel.jaren[0].structureel
    assert not not_reeel.jaren[0].reeel
    assert (not_reeel.status, not_reeel.grond) == (Verdict.NIET_ELK_JAAR, Grond.LAATSTE_JAAR)


def test_a_structural_fund_paid_from_the_algemene_reserve_lowers_the_structureel_saldo():
    # The baseline fund: 500 (x € 1.000) incidental in 2025 and 2026, from the algemene reserve; the scenario
    # keeps the amounts and the cover but makes the fund structural.
    lines = [last("6", k(500, 500, 0, 0), I, key="fonds_leefbare_wijken"), baat("AD", k(1_000)), last("1", k(400))]
    mutations = [onttrekking("Algemene reserve", k(500, 500, 0, 0), I, "6", key="fonds_leefbare_wijken")]
    baseline = make_baseline(lines, mutations)
    change = LeefbareWijkenChange(amounts=(None,) * 4, aard=(S,) * 4, origin=ORIGIN)
    outcome = run(baseline, Scenario(name="structureel fonds", years=YEARS, leefbare_wijken=change))
    o = outcome.overview
    assert o.geraamd_resultaat.difference == k(0)  # still paid from the reserve
    assert o.structureel_saldo.effect == k(-500, -500, 0, 0)  # but now structural lasten
    assert o.structurele_lasten.difference == k(500, 500, 0, 0)


def test_signals_name_long_incidental_lasten_and_a_thin_buffer():
    # The wijkaanpak: 503 and 509 incidental in the baseline; the scenario continues it incidentally in 2027-2028,
    # so it runs four years "incidentally": more than the three years the Commissie BBV allows.
    lines = [last("6", k(503, 509, 0, 0), I, key="wijkaanpak"), baat("AD", k(1_000))]
    baseline = make_baseline(lines)
    incidental = AmountsChange(amounts=(None, None, *k(509, 509)[:2]), aard=(None,) * 4, origin=ORIGIN)
    outcome = run(baseline, Scenario(name="w", years=YEARS, wijkaanpak=incidental))
    assert outcome.signals == (
        Signal(
            SignalKind.INCIDENTEEL_LANG,
            "lasten 6",
            YEARS,
            k(503, 509, 509, 509),
            Decimal(3),
            "4",
            in_baseline=True,
        ),
    )
    structural = AmountsChange(amounts=(None, None, *k(509, 509)[:2]), aard=(None, None, S, S), origin=ORIGIN)
    assert run(baseline, Scenario(name="w", years=YEARS, wijkaanpak=structural)).signals == ()
    # Weerstand: a last of 40.000 in 2026 paid from the algemene reserve. The geraamd resultaat (1.000 − 503 = 497;
    # 491; 1.000; 1.000) goes to the reserve: 60.497; 60.497 − 40.000 + 491 = 20.988; 21.988; 22.988. Against
    # 25.000 required: 2,42; 0,84; 0,88; 0,92, below 1,0 from 2026.
    drain = Measure("Greep", "", "1", Soort.LAST, I, k(0, 40_000, 0, 0), dekking="Algemene reserve", origin=ORIGIN)
    outcome = run(make_baseline(lines), Scenario(name="d", years=YEARS, measures=(drain,)))
    assert outcome.algemene_reserve is not None
    assert outcome.algemene_reserve.closing.scenario == k(60_497, 20_988, 21_988, 22_988)
    assert outcome.signals == (
        Signal(SignalKind.WEERSTAND_ONDER_NORM, "Weerstandsratio", (2026, 2027, 2028), number=Decimal("1.0")),
    )
