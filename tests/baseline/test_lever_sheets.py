"""The workbook's columns and sheets for the budget levers: Index, Indexen, Voorstellen, the Weerstand Sleutel.

All are optional, so a workbook from before them (the default one of conftest.py) still loads; the levers that
need them say which column or sheet to add (tests/levers).
"""

from __future__ import annotations

from decimal import Decimal

from hengelo_scenario.baseline import load_baseline
from hengelo_scenario.baseline.model import Aard, Soort

LINES = [
    ["Programma", "Omschrijving", "Soort", "Aard", "Sleutel", 2025, 2026, "Bron", "Index"],
    [6, "Jeugdhulp", "last", "structureel", "jeugdhulp", 1500, 1500, "test", "zorg"],
    [6, "Wijkaanpak", "last", "incidenteel", "wijkaanpak", 503000, 509000, "test", None],
    ["AD", "Algemene uitkering", "baat", "S", "algemene_uitkering", 600000, 600000, "test", "Accres"],
]
INDEXEN = [["Index", 2025, 2026, "Bron"], ["zorg", 0.0489, 0.0489, "test"], ["accres", 0.025, None, "test"]]
VOORSTELLEN = [
    ["Voorstel", "Programma", "Aard", "Opgenomen", "Dekking", 2025, 2026, "Bron"],
    ["Preventie", 6, "structureel", "ja", None, 1000, 1000, "test"],
    ["Toegang", 6, "incidenteel", "ja", "Reserve sociaal domein", 500, 0, "test"],
    ["Optie", 6, "structureel", "nee", None, 200, 200, "test"],
]


def test_a_workbook_without_the_lever_columns_and_sheets_loads(tmp_path, make_workbook):
    baseline = load_baseline(make_workbook(tmp_path))
    assert baseline.indexen == ()
    assert baseline.voorstellen == ()
    assert all(x.index is None for x in baseline.lines)


def test_indices_categories_and_proposals_are_read(tmp_path, make_workbook):
    path = make_workbook(tmp_path, lasten_baten=LINES, extra_sheets={"Indexen": INDEXEN, "Voorstellen": VOORSTELLEN})
    baseline = load_baseline(path)
    # a percentage cell holds the fraction (4,89% is 0.0489); an empty rate is 0%
    assert [(r.naam, r.rates) for r in baseline.indexen] == [
        ("zorg", (Decimal("0.0489"), Decimal("0.0489"))),
        ("accres", (Decimal("0.025"), Decimal(0))),
    ]
    assert [x.index for x in baseline.lines[:3]] == ["zorg", None, "accres"]  # "Accres" matches in any case
    # the opgenomen proposals are lasten of the baseline, and a covered one has its onttrekking
    names = [x.description for x in baseline.lines[3:]]
    assert names == ["Preventie", "Toegang"]
    assert baseline.lines[3].key == "voorstel:preventie"
    (cover,) = [m for m in baseline.mutations if m.key == "voorstel:toegang"]
    assert (cover.reserve, cover.soort, cover.aard, cover.amounts) == (
        "Reserve sociaal domein",
        Soort.ONTTREKKING,
        Aard.INCIDENTEEL,
        (Decimal(500), Decimal(0)),
    )
    assert [(v.naam, v.opgenomen) for v in baseline.voorstellen] == [
        ("Preventie", True),
        ("Toegang", True),
        ("Optie", False),
    ]


def test_an_unknown_index_category_is_located_with_a_suggestion(tmp_path, make_workbook, single_problem):
    lines = [row[:] for row in LINES]
    lines[1][8] = "zorgg"
    problem = single_problem(make_workbook(tmp_path, lasten_baten=lines, extra_sheets={"Indexen": INDEXEN}))
    assert (problem.where, problem.field) == ("sheet 'Lasten en baten', cell I2", "Index")
    assert problem.hint == "did you mean 'zorg'?"


def test_an_index_without_the_sheet_says_which_sheet_to_add(tmp_path, make_workbook, load_problems):
    problems = load_problems(make_workbook(tmp_path, lasten_baten=LINES))
    assert {p.where for p in problems} == {"sheet 'Lasten en baten', cell I2", "sheet 'Lasten en baten', cell I4"}
    assert all("add sheet 'Indexen'" in p.hint for p in problems)


def test_a_rate_typed_as_a_whole_percentage_is_located(tmp_path, make_workbook, single_problem):
    indexen = [row[:] for row in INDEXEN]
    indexen[1][1] = 4.89  # typed as 4.89 in a number cell: 489%
    problem = single_problem(make_workbook(tmp_path, extra_sheets={"Indexen": indexen}))
    assert (problem.where, problem.field) == ("sheet 'Indexen', cell B2", "2025")
    assert "4.89%" in problem.hint


def test_a_proposal_with_an_unknown_reserve_is_located(tmp_path, make_workbook, single_problem):
    voorstellen = [row[:] for row in VOORSTELLEN]
    voorstellen[2][4] = "Reserve sociaal domain"
    problem = single_problem(make_workbook(tmp_path, extra_sheets={"Voorstellen": voorstellen}))
    assert (problem.where, problem.field) == ("sheet 'Voorstellen', cell E3", "Dekking")
    assert "Reserve sociaal domein" in problem.hint


def test_the_weerstand_sleutel_is_read(tmp_path, make_workbook):
    weerstand = [
        ["Onderdeel", "Soort", 2025, 2026, "Bron", "Sleutel"],
        ["Onbenutte belastingcapaciteit", "beschikbaar", 100, 100, "test", "Onbenutte_Belastingcapaciteit"],
        ["Risico's", "benodigd", 500, 500, "test", None],
    ]
    baseline = load_baseline(make_workbook(tmp_path, weerstand=weerstand))
    assert [w.key for w in baseline.weerstand] == ["onbenutte_belastingcapaciteit", None]
