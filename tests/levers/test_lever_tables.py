"""The report's tables for the levers' schedules: every total is the sum of the rows it names."""

from __future__ import annotations

from decimal import Decimal

from hengelo_scenario.report.tables import Table, run_tables

from .conftest import d, outcome_of

SCENARIO = """
    name: Tabellen
    indexatie: {lopende_prijzen: true}
    investeringen:
      - name: School
        programma: 4
        amount: 1000000
        activation: 2025
        afschrijvingstermijn: 20
        rente: 2%
        dekking: Reserve dekking kapitaallasten
"""


def table(outcome, key: str) -> Table:
    return next(t for t in run_tables(outcome) if t.key == key)


def check_totals(t: Table) -> None:
    for row in t.rows:
        if row.total_of:
            for y in range(len(row.values)):
                assert row.values[y] == sum((t.rows[i].values[y] for i in row.total_of), Decimal(0)), row.labels


def test_the_indexation_table_adds_up_and_shows_the_gap(write):
    # the worked example of test_indexatie: lasten 110000 / 224800 / 344618, baten 60000 / 121200 / 183624,
    # accres 300000 / 609000 / 927270, gap 250000 / 505400 / 766276
    t = table(outcome_of(write(SCENARIO)), "indexatie")
    check_totals(t)
    by_label = {row.labels[0]: row.values for row in t.rows}
    assert by_label["Totaal indexatie lasten"] == d(0, 110_000, 224_800, 344_618)
    assert by_label["Totaal indexatie baten"] == d(0, 60_000, 121_200, 183_624)
    assert by_label["Accres"] == d(0, 300_000, 609_000, 927_270)
    assert by_label["Verschil: accres + indexatie baten − indexatie lasten"] == d(0, 250_000, 505_400, 766_276)
    assert "AD Algemene uitkering" in by_label


def test_the_kapitaallasten_table_adds_up(write):
    # 1000000 / 20 = 50000 a year from 2026; rente 2% of 1000000, 950000, 900000
    t = table(outcome_of(write(SCENARIO)), "kapitaallasten")
    check_totals(t)
    rows = {row.labels[1]: row.values for row in t.rows}
    assert rows["kapitaallasten"] == d(0, 70_000, 69_000, 68_000)
    assert rows["dekking Reserve dekking kapitaallasten"] == d(0, 70_000, 69_000, 68_000)
    assert t.rows[0].labels[0] == "School (lineair, 20 jaar, rente 2%), programma 4"


def test_baseline_show_lists_the_indices_and_the_proposals():
    from hengelo_scenario.report.baseline_tables import baseline_tables

    from .conftest import lever_baseline

    tables = {t.key: t for t in baseline_tables(lever_baseline())}
    # lonen: 1 line; prijzen: Materieel and the two OZB lines; zorg: the jeugdhulp line and the Ambulant tariff;
    # jeugdbescherming: one tariff; accres: the algemene uitkering
    counts = {row.labels[0]: row.labels[1] for row in tables["basis_indexen"].rows}
    assert counts == {"lonen": "1", "prijzen": "3", "zorg": "2", "jeugdbescherming": "1", "accres": "1"}
    proposals = [row.labels[:3] for row in tables["basis_voorstellen"].rows]
    assert proposals == [("A: preventie", "6", "opgenomen"), ("B: toegangsteam", "6", "niet opgenomen")]
