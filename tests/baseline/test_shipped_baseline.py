"""The shipped illustrative Hengelo baseline: the published figures exactly, a Bron on every row, a plausible budget.

Independent of the engine: totals here are summed from the Baseline objects, and once straight from the sheet
with openpyxl, so the loader is checked against the file itself.
"""

from __future__ import annotations

import importlib.util
import sys
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest
from openpyxl import load_workbook

from hengelo_scenario.baseline import layout, load_baseline
from hengelo_scenario.baseline.model import Aard, Baseline, Invulling, ReserveSoort, Soort, Weerstandsoort
from hengelo_scenario.levers.leefbare_wijken import SLEUTEL as LEEFBARE_WIJKEN
from hengelo_scenario.levers.wijkaanpak import LEVER as WIJKAANPAK
from hengelo_scenario.records import replace
from hengelo_scenario.resources import shipped_baseline

ROOT = Path(__file__).resolve().parents[2]
BUILD_SCRIPT = ROOT / "tools" / "build_baseline.py"
MILLION = Decimal(1_000_000)


@cache
def baseline() -> Baseline:
    return load_baseline(shipped_baseline())


def amounts(*values: int) -> tuple[Decimal, ...]:
    return tuple(Decimal(v) for v in values)


def build_script():
    spec = importlib.util.spec_from_file_location("build_baseline", BUILD_SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_baseline", module)
    spec.loader.exec_module(module)
    return module


def test_the_shipped_workbook_loads_with_the_years_2025_to_2028():
    b = baseline()
    assert b.years == (2025, 2026, 2027, 2028)
    assert b.source == str(shipped_baseline())
    assert len(b.sha256) == 64
    assert [p.code for p in b.programmas] == ["1", "2", "3", "4", "5", "6", "7", "8", "9", "AD", "OH", "VPB", "ONV"]
    assert b.programma("6").naam == "Sociaal domein"
    assert b.programma("8").naam == "Volkshuisvesting, ruimtelijke ordening en stedelijke vernieuwing"
    assert b.programma("VPB").naam == "Vennootschapsbelasting (Vpb)"


def test_wijkaanpak_is_the_published_zomernota_amount():
    line = baseline().line(WIJKAANPAK.sleutel)
    assert line is not None
    assert (line.programma, line.soort, line.aard) == ("6", Soort.LAST, Aard.INCIDENTEEL)
    assert line.amounts == amounts(503_000, 509_000, 0, 0)
    assert "Zomernota 2024-2028" in line.source


def test_the_leefbare_wijken_fund_is_paid_from_the_algemene_reserve():
    b = baseline()
    line = b.line(LEEFBARE_WIJKEN)
    assert line is not None
    assert (line.programma, line.soort, line.aard, line.amounts) == (
        "6",
        Soort.LAST,
        Aard.INCIDENTEEL,
        amounts(100_000, 100_000, 0, 0),
    )
    (withdrawal,) = b.mutations_with_key(LEEFBARE_WIJKEN)
    assert b.algemene_reserve is not None
    assert withdrawal.reserve == b.algemene_reserve.naam
    assert (withdrawal.programma, withdrawal.soort, withdrawal.aard, withdrawal.amounts) == (
        "6",
        Soort.ONTTREKKING,
        Aard.INCIDENTEEL,
        amounts(100_000, 100_000, 0, 0),
    )
    assert "M15" in line.source
    assert "M15" in withdrawal.source


def test_onvoorzien_is_100000_structural_and_66000_incidental_in_2025():
    lines = [x for x in baseline().lines if x.programma == "ONV"]
    structureel = [x for x in lines if x.aard is Aard.STRUCTUREEL]
    incidenteel = [x for x in lines if x.aard is Aard.INCIDENTEEL]
    assert [x.amounts for x in structureel] == [amounts(100_000, 100_000, 100_000, 100_000)]
    assert [x.amounts for x in incidenteel] == [amounts(66_000, 0, 0, 0)]
    assert all(x.soort is Soort.LAST and "Grondslagen voor de ramingen" in x.source for x in lines)


def test_the_published_stelposten_of_the_algemene_dekkingsmiddelen():
    lines = {x.description: x for x in baseline().lines if x.programma == "AD"}
    btw = lines["Stelpost lagere inzet BTW-compensatiefonds"]
    assert (btw.soort, btw.aard, btw.amounts) == (
        Soort.BAAT,
        Aard.STRUCTUREEL,
        amounts(2_800_000, 2_800_000, 2_800_000, 2_800_000),
    )
    wmo = lines["Stelpost Wmo-indexering (verwachte rijksbijdrage)"]
    assert (wmo.soort, wmo.aard) == (Soort.BAAT, Aard.STRUCTUREEL)
    assert (wmo.amounts[0], wmo.amounts[1], wmo.amounts[3]) == (0, 371_000, 1_100_000)
    assert wmo.amounts[1] < wmo.amounts[2] < wmo.amounts[3]


def test_the_transformatieplan_target_rises_to_6_9_million_with_96000_open_in_2026():
    parts = baseline().transformatieplan
    target = tuple(sum((p.amounts[y] for p in parts), Decimal(0)) for y in range(4))
    open_part = tuple(sum((p.amounts[y] for p in parts if p.invulling is Invulling.OPEN), Decimal(0)) for y in range(4))
    assert target[1:] == amounts(6_900_000, 6_900_000, 6_900_000)
    assert target[0] < target[1]
    assert open_part == amounts(0, 96_000, 0, 0)
    assert {p.programma for p in parts} == {"6"}
    assert "Jeugd" in [p.naam for p in parts]  # the combinatie scenario addresses it


def test_youth_care_reconciles_with_the_jeugdhulp_line_and_follows_the_published_assumptions():
    b = baseline()
    line = b.line(layout.KEY_JEUGDHULP)
    assert line is not None
    assert (line.programma, line.soort, line.aard) == ("6", Soort.LAST, Aard.STRUCTUREEL)
    for y in range(4):
        assert sum((s.prices[y] * s.volumes[y] for s in b.jeugdhulp), Decimal(0)) == line.amounts[y]
    assert 30 * MILLION < line.amounts[0] < 34 * MILLION
    for segment in b.jeugdhulp:
        assert len(set(segment.prices)) == 1, segment.naam  # 2026-2028 in constant prices
        assert len(set(segment.volumes)) == 1, segment.naam  # volume growth 0%
        assert "4,96%" in segment.source if "Jeugdbescherming" in segment.naam else "4,89%" in segment.source
    assert "Verblijf (excl. pleegzorg)" in [s.naam for s in b.jeugdhulp]  # the jeugd_hoog scenario addresses it


def test_every_row_of_every_sheet_has_a_bron():
    workbook = load_workbook(shipped_baseline(), read_only=True)
    try:
        for spec in layout.SHEETS:
            rows = list(workbook[spec.name].iter_rows(values_only=True))
            bron = rows[0].index(layout.BRON)
            assert len(rows) > 1, spec.name
            for number, row in enumerate(rows[1:], start=2):
                assert isinstance(row[bron], str), (spec.name, number)
                assert row[bron].strip(), (spec.name, number)
    finally:
        workbook.close()
    b = baseline()
    for item in (*b.lines, *b.reserves, *b.mutations, *b.jeugdhulp, *b.transformatieplan, *b.weerstand):
        assert item.source.strip(), item


def test_the_instruction_sheet_says_the_figures_are_illustrative():
    workbook = load_workbook(shipped_baseline(), read_only=True)
    try:
        text = " ".join(str(v) for row in workbook[layout.INSTRUCTIE].iter_rows(values_only=True) for v in row if v)
    finally:
        workbook.close()
    assert "ILLUSTRATIEF" in text
    assert "NIET de werkelijke cijfers van Hengelo" in text
    assert "vervangt dit werkboek door het echte" in text


def test_totals_recomputed_straight_from_the_sheet_equal_the_loaded_lines():
    workbook = load_workbook(shipped_baseline(), read_only=True)
    try:
        rows = list(workbook[layout.LASTEN_BATEN].iter_rows(values_only=True))
        proposals = list(workbook[layout.VOORSTELLEN].iter_rows(values_only=True))
    finally:
        workbook.close()
    header = list(rows[0])
    soort, year = header.index("Soort"), header.index(2025)
    from_sheet = {"last": Decimal(0), "baat": Decimal(0)}
    for row in rows[1:]:
        if row[soort] is not None:
            from_sheet[row[soort]] += Decimal(repr(row[year]))
    # the proposals for new policy marked opgenomen are lasten of the baseline too (sheet Voorstellen)
    header = list(proposals[0])
    opgenomen, year = header.index("Opgenomen"), header.index(2025)
    for row in proposals[1:]:
        if row[opgenomen] == "ja":
            from_sheet["last"] += Decimal(repr(row[year]))

    lines = baseline().lines
    assert from_sheet["last"] == sum((x.amounts[0] for x in lines if x.soort is Soort.LAST), Decimal(0))
    assert from_sheet["baat"] == sum((x.amounts[0] for x in lines if x.soort is Soort.BAAT), Decimal(0))
    assert 380 * MILLION <= from_sheet["last"] <= 390 * MILLION


def _sum(items, y: int, **attrs) -> Decimal:
    return sum((i.amounts[y] for i in items if all(getattr(i, k) == v for k, v in attrs.items())), Decimal(0))


def test_the_budget_closes_and_is_structurally_plausible():
    b = baseline()
    S = Aard.STRUCTUREEL
    for y, year in enumerate(b.years):
        saldo = _sum(b.lines, y, soort=Soort.BAAT) - _sum(b.lines, y, soort=Soort.LAST)
        resultaat = saldo - _sum(b.mutations, y, soort=Soort.TOEVOEGING) + _sum(b.mutations, y, soort=Soort.ONTTREKKING)
        structureel = (
            _sum(b.lines, y, soort=Soort.BAAT, aard=S)
            - _sum(b.lines, y, soort=Soort.LAST, aard=S)
            + _sum(b.mutations, y, soort=Soort.ONTTREKKING, aard=S)
            - _sum(b.mutations, y, soort=Soort.TOEVOEGING, aard=S)
        )
        assert 0 < resultaat < 2 * MILLION, (year, resultaat)
        if y == 0:
            assert structureel > 0, (year, structureel)
        else:
            assert Decimal("-1.5") * MILLION <= structureel <= 2 * MILLION, (year, structureel)


def test_reserves_stay_at_or_above_zero_and_the_algemene_reserve_is_about_58_million():
    b = baseline()
    algemeen = b.algemene_reserve
    assert algemeen is not None
    assert algemeen.opening_balance == 58 * MILLION
    assert algemeen.counts_as_weerstand
    assert len([r for r in b.reserves if r.soort is ReserveSoort.BESTEMMING]) in (3, 4)
    for reserve in b.reserves:
        balance = reserve.opening_balance
        for y in range(len(b.years)):
            balance += _sum([m for m in b.mutations if m.reserve == reserve.naam], y, soort=Soort.TOEVOEGING)
            balance -= _sum([m for m in b.mutations if m.reserve == reserve.naam], y, soort=Soort.ONTTREKKING)
            assert balance >= 0, (reserve.naam, b.years[y])
    dekkingsreserve = [m for m in b.mutations if "kapitaallasten" in m.reserve.lower()]
    assert any(m.soort is Soort.ONTTREKKING and m.aard is Aard.STRUCTUREEL for m in dekkingsreserve)


def test_weerstandsvermogen_has_other_capacity_and_about_25_million_required():
    posts = baseline().weerstand
    assert any(p.soort is Weerstandsoort.BESCHIKBAAR for p in posts)
    for y in range(4):
        assert _sum(posts, y, soort=Weerstandsoort.BENODIGD) == 25 * MILLION


def test_the_build_script_reproduces_the_committed_workbook(tmp_path):
    script = build_script()
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"

    script.main(["--output", str(first)])
    script.main(["--output", str(second)])

    assert first.read_bytes() == second.read_bytes()  # deterministic
    # the committed file holds what the script makes (compared as loaded, so openpyxl's version does not matter)
    assert replace(load_baseline(first), source="") == replace(baseline(), source="")


@pytest.mark.parametrize("name", ["Lasten en baten", "Reservemutaties", "Jeugdhulp"])
def test_the_shipped_workbook_has_no_formulas(name):
    workbook = load_workbook(shipped_baseline(), read_only=True, data_only=False)
    try:
        for row in workbook[name].iter_rows(values_only=True):
            assert not any(isinstance(v, str) and v.startswith("=") for v in row)
    finally:
        workbook.close()
