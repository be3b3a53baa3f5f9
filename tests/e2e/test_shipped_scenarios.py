"""Every shipped scenario on the shipped baseline, against figures worked out by hand from the workbook.

The workbook's youth-care segments (sheet Jeugdhulp; constant prices and volumes 2025-2028):
    Ambulant incl. jeugd-GGZ                 5.873,84 x 2.350 = 13.803.524,00
    Daghulp                                 14.474,82 x   260 =  3.763.453,20
    Verblijf (excl. pleegzorg)              90.205,40 x    95 =  8.569.513,00
    Pleegzorg                               19.404,65 x   120 =  2.328.558,00
    Jeugdbescherming en jeugdreclassering    7.767,04 x   480 =  3.728.179,20
                                                        total = 32.193.227,40
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from hengelo_scenario.baseline.workbook import load_baseline
from hengelo_scenario.engine import run
from hengelo_scenario.money import round_half_away
from hengelo_scenario.outcome.model import Outcome, SignalKind, Toezicht, Verdict
from hengelo_scenario.records import field_names
from hengelo_scenario.resources import shipped_baseline, shipped_scenarios_dir
from hengelo_scenario.scenario.loader import load_scenario_file
from hengelo_scenario.scenario.resolve import resolve

D = Decimal
ZERO4 = (D(0),) * 4
VERBLIJF = D("8569513.00")
OTHER_SEGMENTS = D("32193227.40") - VERBLIJF  # 23.623.714,40
ALL_SEGMENTS = D("32193227.40")


@pytest.fixture(scope="module")
def baseline():
    return load_baseline(shipped_baseline())


def outcome_of(name: str, baseline) -> Outcome:
    path = shipped_scenarios_dir() / f"{name}.yaml"
    return run(baseline, resolve(load_scenario_file(path), baseline))


def test_every_shipped_scenario_is_tested_here():
    shipped = {p.stem for p in Path(shipped_scenarios_dir()).glob("*.yaml")}
    tested = {name.removeprefix("test_") for name in globals() if name.startswith("test_")}
    assert shipped <= tested


def test_basis(baseline):
    outcome = outcome_of("basis", baseline)
    assert outcome.bookings == ()
    o = outcome.overview
    # The baseline as the workbook has it (sheet 'Lasten en baten' and 'Reservemutaties' summed by hand):
    # saldo 381.733.000 − 384.252.227,40 = −2.519.227,40; resultaat −2.519.227,40 − 1.500.000 + 4.850.000
    assert o.saldo_baten_lasten.scenario[0] == D("-2519227.40")
    assert o.geraamd_resultaat.scenario == (D("830772.60"), D("290772.60"), D("449772.60"), D("849772.60"))
    assert o.structureel_saldo.scenario == (D("1849772.60"), D("749772.60"), D("-350227.40"), D("249772.60"))
    for name in field_names(o):
        assert getattr(o, name).difference == ZERO4 or name == "structurele_exploitatieruimte"
    # The algemene reserve takes up each year's geraamd resultaat: 58.000.000 − 100.000 + 830.772,60 = 58.730.772,60;
    # − 100.000 + 290.772,60 = 58.921.545,20; + 449.772,60 = 59.371.317,80; + 849.772,60 = 60.221.090,40
    ar = outcome.algemene_reserve
    assert ar.resultaat.scenario == o.geraamd_resultaat.scenario
    assert ar.closing.scenario == (D("58730772.60"), D("58921545.20"), D("59371317.80"), D("60221090.40"))
    # Reëel: without the stelposten BTW-compensatiefonds (2.800.000) and Wmo-indexering (0; 371.000; 735.000;
    # 1.100.000), the taakstelling inkoopvoordeel (300.000 lower lasten) and the open 96.000 of 2026:
    #   1.849.772,60 − 3.100.000 = −1.250.227,40; 749.772,60 − 2.800.000 − 371.000 − 300.000 − 96.000 = −2.817.227,40;
    #   −350.227,40 − 3.835.000 = −4.185.227,40; 249.772,60 − 4.200.000 = −3.950.227,40
    assert o.reeel_structureel_saldo.scenario == (
        D("-1250227.40"),
        D("-2817227.40"),
        D("-4185227.40"),
        D("-3950227.40"),
    )
    # Structurally balanced in 2025 (and 2026, 2028), but not without its stelposten and taakstellingen, in the
    # begrotingsjaar nor in 2028: a risk of preventief toezicht, and the verdict says so per year.
    assert outcome.verdict_scenario is Verdict.NIET_IN_EVENWICHT
    assert outcome.conclusie_scenario.toezicht is Toezicht.PREVENTIEF
    assert outcome.conclusie_scenario.tekort_jaren == (2027,)
    assert [j.structureel for j in outcome.conclusie_scenario.jaren] == [True, True, False, True]
    kinds = [s.kind for s in outcome.signals]
    assert kinds.count(SignalKind.ONZEKERE_POST) == 3
    assert SignalKind.OPEN_TAAKSTELLING in kinds
    # Grondexploitaties (kosten, opbrengsten) and Spoorzone are incidental four years running: check them
    assert {s.subject for s in outcome.signals if s.kind is SignalKind.INCIDENTEEL_LANG} == {
        "Grondexploitaties: kosten",
        "Grondexploitaties: opbrengsten grondverkoop en winstneming",
        "Gebiedsontwikkeling Spoorzone (incidenteel)",
    }


def test_jeugd_hoog(baseline):
    outcome = outcome_of("jeugd_hoog", baseline)
    # Prices x 1,0496^n from 2026 (n = 1, 2, 3); volumes x 1,03^n, verblijf x 1,05^n.
    expected = [D(0)]
    for n in (1, 2, 3):
        price = D("1.0496") ** n
        expected.append(OTHER_SEGMENTS * (price * D("1.03") ** n - 1) + VERBLIJF * (price * D("1.05") ** n - 1))
    # = 0; 2.790.375,64...; 5.825.380,56...; 9.126.725,77... (2.790 N, 5.825 N, 9.127 N in thousands)
    assert outcome.jeugdhulp.cost.difference == tuple(expected)
    assert outcome.overview.structureel_saldo.effect == tuple(-x for x in expected)
    assert outcome.overview.geraamd_resultaat.effect == tuple(-x for x in expected)
    assert [round_half_away(x / 1000) for x in expected] == [0, 2790, 5825, 9127]
    # The algemene reserve takes up the deficits: the bookings leave 57.900.000 (2025) and 57.800.000 (2026-2028);
    # the geraamd resultaat is 830.772,60 in 2025 and the basis's 290.772,60, 449.772,60, 849.772,60 minus the
    # overrun after that.
    basis_resultaat = (D("830772.60"), D("290772.60"), D("449772.60"), D("849772.60"))
    bookings = (D(57900000), D(57800000), D(57800000), D(57800000))
    cumulative, reserve = D(0), []
    for booked, resultaat, overrun in zip(bookings, basis_resultaat, expected, strict=True):
        cumulative += resultaat - overrun
        reserve.append(booked + cumulative)
    ar = outcome.algemene_reserve
    assert ar.closing.scenario == tuple(reserve)
    assert round_half_away(reserve[3], D("0.01")) == D("42478608.43")  # 57.800.000 − 15.321.391,57
    # weerstandsratio = (algemene reserve + 6.200.000 + 100.000) / 25.000.000
    ratio_2028 = (reserve[3] + D(6300000)) / D(25000000)
    assert round_half_away(ratio_2028, D("0.01")) == D("1.95")
    assert outcome.weerstand.klasse_scenario == ("A", "A", "A", "B")  # below A by 2028
    # Structurally balanced in 2025 (1.849.772,60 stays), not reëel (−1.250.227,40) and not in 2028: red
    assert outcome.verdict_scenario is Verdict.NIET_IN_EVENWICHT
    assert outcome.overview.structureel_saldo.scenario[3] < 0


def test_jeugd_laag(baseline):
    outcome = outcome_of("jeugd_laag", baseline)
    # Prices x 1,02^n from 2026; volumes x (1 − 2%), (1 − 4%), (1 − 6%) in 2026-2028.
    factors = [D(1), D("1.02") * D("0.98"), D("1.02") ** 2 * D("0.96"), D("1.02") ** 3 * D("0.94")]
    expected = tuple(ALL_SEGMENTS * (f - 1) for f in factors)
    # 2026: 32.193.227,40 x (0,9996 − 1) = −12.877,29096 (a saving: 13 V in thousands)
    assert expected[1] == D("-12877.29096")
    assert outcome.jeugdhulp.cost.difference == expected
    assert outcome.overview.structureel_saldo.effect == tuple(-x for x in expected)
    # The volume lever alone (regie op toegang) is a saving in every year
    assert all(v <= 0 for v in outcome.jeugdhulp.volume_effect)


def test_wijkaanpak_structureel(baseline):
    outcome = outcome_of("wijkaanpak_structureel", baseline)
    o = outcome.overview
    nadeel = (D(0), D(0), D(-509000), D(-509000))
    assert o.geraamd_resultaat.effect == nadeel
    assert o.structureel_saldo.effect == nadeel  # structural from 2027
    assert o.structurele_lasten.difference == (D(0), D(0), D(509000), D(509000))
    # Baseline structureel saldo 2028 is 249.772,60; minus 509.000 = −259.227,40
    assert o.structureel_saldo.scenario[3] == D("-259227.40")


def test_fonds_leefbare_wijken(baseline):
    outcome = outcome_of("fonds_leefbare_wijken", baseline)
    o = outcome.overview
    assert o.saldo_baten_lasten.effect == (D(0), D(0), D(-100000), D(-100000))
    assert o.geraamd_resultaat.effect == ZERO4  # covered by the algemene reserve
    assert o.structureel_saldo.effect == ZERO4  # incidental cost, incidental withdrawal
    ar = outcome.algemene_reserve
    # 58.000.000 on 1-1-2025, minus 100.000 in each of the four years, plus the geraamd resultaat taken up
    # (830.772,60; 290.772,60; 449.772,60; 849.772,60, cumulative 830.772,60; 1.121.545,20; 1.571.317,80; 2.421.090,40)
    assert ar.closing.scenario == (D("58730772.60"), D("58921545.20"), D("59271317.80"), D("60021090.40"))
    assert outcome.weerstand.ratio.difference[3] < 0  # the weerstandsratio falls with the reserve


def test_fonds_leefbare_wijken_begrotingssaldo(baseline):
    outcome = outcome_of("fonds_leefbare_wijken_begrotingssaldo", baseline)
    o = outcome.overview
    # Lasten +100.000 in 2027-2028 (continuation); the withdrawal of 100.000 in 2025-2026 disappears.
    assert o.saldo_baten_lasten.effect == (D(0), D(0), D(-100000), D(-100000))
    assert o.onttrekkingen.difference == (D(-100000), D(-100000), D(0), D(0))
    assert o.geraamd_resultaat.effect == (D(-100000),) * 4
    assert o.structureel_saldo.effect == ZERO4
    ar = outcome.algemene_reserve
    assert ar.toevoegingen.scenario == ZERO4
    assert ar.onttrekkingen.scenario == ZERO4  # nothing is withdrawn any more ...
    # ... but the lower results are: 58.000.000 + 730.772,60 + 190.772,60 + 349.772,60 + 749.772,60 in 2028
    assert ar.closing.scenario[3] == D("60021090.40")


def test_combinatie(baseline):
    outcome = outcome_of("combinatie", baseline)
    jeugd = [D(0)]
    for n in (1, 2, 3):
        price = D("1.0496") ** n
        jeugd.append(OTHER_SEGMENTS * (price * D("1.03") ** n - 1) + VERBLIJF * (price * D("1.05") ** n - 1))
    wijkaanpak = [D(0), D(0), D(509000), D(509000)]
    # Transformatieplan onderdeel Jeugd (3.175.000; 4.379.000; 4.475.000; 4.475.000) realised for 50%
    transformatie = [D(1587500), D(2189500), D(2237500), D(2237500)]
    handhaving = [D(0), D(250000), D(250000), D(250000)]
    expected = tuple(-(a + b + c + d) for a, b, c, d in zip(jeugd, wijkaanpak, transformatie, handhaving, strict=True))
    assert outcome.overview.structureel_saldo.effect == expected
    assert outcome.overview.geraamd_resultaat.effect == expected
    assert outcome.transformatieplan.niet_gerealiseerd.scenario == tuple(transformatie)
    by_code = {p.programma.code: p for p in outcome.programmas}
    assert by_code["1"].lasten.difference == tuple(handhaving)
    # Not a green "in evenwicht": 2025 is structurally +262.272,60 but 2026-2028 are deficits, and not reëel
    assert outcome.verdict_scenario is not Verdict.IN_EVENWICHT
    assert outcome.conclusie_scenario.tekort_jaren == (2026, 2027, 2028)
    # Weerstandsratio 2027: (43.732.061,60 + 6.300.000) / 25.000.000 = 2,0013 -> 2,00: B (A is above 2,0)
    assert [round_half_away(r, D("0.01")) for r in outcome.weerstand.ratio.scenario[2:]] == [D("2.00"), D("1.55")]
    assert outcome.weerstand.klasse_scenario[2:] == ("B", "B")


def test_lopende_prijzen(baseline):
    outcome = outcome_of("lopende_prijzen", baseline)
    # The indexed lines of the workbook per category (column Index; the same every year) and their 2025 index,
    # continued in 2026-2028 (sheet Indexen). In year 2025 + n the indexation is amount x ((1 + i)^n - 1).
    lasten = {
        "gemeenschappelijke regelingen": (D(14760000), D("0.0565")),
        "lonen": (D(78980000), D("0.046")),
        "prijzen": (D(90210000), D("0.021")),
        "subsidies": (D(28130000), D("0.0377")),
        "zorg": (D(40950000), D("0.0489")),
    }
    zorg_segments, jeugdbescherming = ALL_SEGMENTS - D("3728179.20"), D("3728179.20")
    algemene_uitkering = (D(210568000), D(209097000), D(207633000), D(207868000))
    gap = [D(0)]
    for n in (1, 2, 3):
        cost = sum((a * ((1 + i) ** n - 1) for a, i in lasten.values()), D(0))
        cost += zorg_segments * (D("1.0489") ** n - 1) + jeugdbescherming * (D("1.0496") ** n - 1)
        accres = algemene_uitkering[n] * (D("1.025") ** n - 1)
        baten = D(73825000) * (D("1.021") ** n - 1)
        gap.append(accres + baten - cost)
    assert outcome.overview.geraamd_resultaat.effect == tuple(gap)
    assert outcome.overview.structureel_saldo.effect == tuple(gap)
    assert round_half_away(gap[1], D("0.01")) == D("-4223494.55")  # the YAML's hand-worked 2026 gap
    accres = next(b for b in outcome.bookings if b.measure == "Accres algemene uitkering")
    assert accres.amounts == (
        D(0),
        D(209097000) * D("0.025"),
        D(207633000) * D("0.050625"),
        D(207868000) * D("0.076890625"),
    )
    (detail,) = outcome.details
    assert {row.labels[0] for row in detail.rows if row.part == "accres"} == {"Algemene uitkering gemeentefonds"}


def test_ravijnjaar(baseline):
    outcome = outcome_of("ravijnjaar", baseline)
    # -4500000 (I, 2026-2027), -1863000 and -2500000 (S, 2026-2028), herverdeling -0.5% x 207633000 (2027)
    # and -1% x 207868000 (2028)
    total = (D(0), D(-8863000), D(-9901165), D(-6441680))
    structural = (D(0), D(-4363000), D(-5401165), D(-6441680))
    assert outcome.overview.geraamd_resultaat.effect == total
    assert outcome.overview.structureel_saldo.effect == structural
    assert all(b.lever == "algemene_uitkering" and b.programma == "AD" for b in outcome.bookings)
    assert len(outcome.bookings) == 4  # three circulaires and the herverdeling, each its own row
    # 2025 still balances structurally (1.849.772,60), but not without its stelposten and taakstellingen
    # (−1.250.227,40, see basis), and 2028 has a structural deficit of 6.191.907,40: a risk of preventief toezicht
    assert outcome.conclusie_scenario.jaren[0].structureel
    assert outcome.verdict_scenario is Verdict.NIET_IN_EVENWICHT


def test_vijf_hefbomen(baseline):
    outcome = outcome_of("vijf_hefbomen", baseline)
    levers = {b.lever for b in outcome.bookings}
    assert levers == {"algemene_uitkering", "indexatie", "ozb", "investeringen", "nieuw_beleid"}
    # GR lines x (1.07 / 1.0565 - 1), each rounded to the cent: 101457.64 + 18144.82 + 47534.31 + 21467.11
    gr = D("188603.88")
    ozb = D(31230000) * D("0.04")
    sporthal = D("51019.26")
    effect = (
        -gr + 250000,
        D(-1700000) - gr + 250000,
        D(-800000) - gr + ozb - sporthal + 250000,
        -gr + ozb - sporthal + 250000,
    )
    assert outcome.overview.geraamd_resultaat.effect == effect
    assert outcome.overview.structureel_saldo.effect == effect  # the IKC is paid by a structural onttrekking
    # the OZB uses up tax room (−ozb from 2027), and the algemene reserve takes up the changed results: their
    # effects add up year by year (resultaatbestemming)
    taken_up, running = [], D(0)
    for year_effect in effect:
        running += year_effect
        taken_up.append(running)
    assert outcome.weerstand.beschikbaar.effect == (taken_up[0], taken_up[1], taken_up[2] - ozb, taken_up[3] - ozb)
    ikc = next(r for r in outcome.reserves if r.reserve.naam == "Reserve dekking kapitaallasten")
    assert ikc.closing.effect == (D(0), D(-400000), D(-795000), D(-1185000))
