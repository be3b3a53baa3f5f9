"""Loading a baseline workbook: what a valid one gives, and one test per kind of problem.

The workbooks come from `make_workbook` in conftest.py (the default cell addresses are listed there).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

from hengelo_scenario.baseline import load_baseline
from hengelo_scenario.baseline.model import (
    Aard,
    Invulling,
    Programma,
    ReserveSoort,
    Soort,
    Weerstandsoort,
)
from hengelo_scenario.baseline.sheets.cells import FORMULA_HINT
from hengelo_scenario.errors import BaselineError, UnreadableFileError

LB = "Lasten en baten"

# --- a valid workbook -----------------------------------------------------------------------------------------


def test_the_default_workbook_loads_with_every_field(tmp_path, make_workbook):
    path = make_workbook(tmp_path)

    baseline = load_baseline(path)

    assert baseline.source == str(path)
    assert baseline.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert baseline.years == (2025, 2026)
    assert baseline.programmas == (Programma("6", "Sociaal domein"), Programma("AD", "Algemene dekkingsmiddelen"))
    jeugd, wijk, uitkering = baseline.lines
    assert (jeugd.programma, jeugd.description, jeugd.soort, jeugd.aard) == (
        "6",
        "Jeugdhulp",
        Soort.LAST,
        Aard.STRUCTUREEL,
    )
    assert jeugd.amounts == (Decimal(1500), Decimal(1500))
    assert (jeugd.key, jeugd.source, jeugd.row) == ("jeugdhulp", "test", 2)
    assert (wijk.key, wijk.aard, wijk.amounts, wijk.row) == ("wijkaanpak", Aard.INCIDENTEEL, (503000, 509000), 3)
    assert (uitkering.programma, uitkering.soort, uitkering.aard, uitkering.key) == (
        "AD",
        Soort.BAAT,
        Aard.STRUCTUREEL,
        None,
    )

    algemeen, sociaal = baseline.reserves
    assert (algemeen.naam, algemeen.soort, algemeen.opening_balance) == (
        "Algemene reserve",
        ReserveSoort.ALGEMEEN,
        1000000,
    )
    assert algemeen.counts_as_weerstand is True  # empty cell: ja for the algemene reserve
    assert (sociaal.soort, sociaal.counts_as_weerstand, sociaal.row) == (ReserveSoort.BESTEMMING, False, 3)

    (fonds,) = baseline.mutations
    assert (fonds.reserve, fonds.programma, fonds.soort, fonds.aard) == (
        "Algemene reserve",
        "6",
        Soort.ONTTREKKING,
        Aard.INCIDENTEEL,
    )
    assert (fonds.key, fonds.amounts, fonds.row) == ("fonds_leefbare_wijken", (100000, 100000), 2)

    ambulant, verblijf = baseline.jeugdhulp
    assert (ambulant.naam, ambulant.unit, ambulant.prices, ambulant.volumes) == (
        "Ambulant",
        "cliënt",
        (10, 10),
        (100, 100),
    )
    assert (verblijf.row, verblijf.prices) == (4, (50, 50))

    jeugd_plan, open_plan = baseline.transformatieplan
    assert (jeugd_plan.naam, jeugd_plan.programma, jeugd_plan.invulling) == ("Jeugd", "6", Invulling.INGEVULD)
    assert (open_plan.invulling, open_plan.amounts) == (Invulling.OPEN, (0, 96))

    beschikbaar, benodigd = baseline.weerstand
    assert (beschikbaar.soort, benodigd.soort, benodigd.amounts) == (
        Weerstandsoort.BESCHIKBAAR,
        Weerstandsoort.BENODIGD,
        (500, 500),
    )


def test_columns_are_found_by_name_in_any_order_case_and_spaces_ignored(tmp_path, make_workbook):
    path = make_workbook(
        tmp_path,
        lasten_baten=[
            [" bron ", 2026, "SOORT", "programma", "Notitie", "aard", 2025, "Omschrijving ", "sleutel"],
            ["test", 1500, "Last", "Sociaal domein", "a note", "S", 1500, "Jeugdhulp", "Jeugdhulp"],
            ["test", 600000, "BAAT", "ad", None, "I", 600000, "Uitkering", None],
        ],
    )

    baseline = load_baseline(path)

    jeugd, uitkering = baseline.lines
    assert (jeugd.programma, jeugd.soort, jeugd.aard, jeugd.key) == ("6", Soort.LAST, Aard.STRUCTUREEL, "jeugdhulp")
    assert (uitkering.programma, uitkering.aard) == ("AD", Aard.INCIDENTEEL)
    assert uitkering.amounts == (Decimal(600000), Decimal(600000))


def test_years_are_data_driven_and_may_be_text(tmp_path, make_workbook):
    years = ["2026", 2027, "2028 ", 2029]
    path = make_workbook(
        tmp_path,
        lasten_baten=[
            ["Programma", "Omschrijving", "Soort", "Aard", "Sleutel", *years, "Bron"],
            ["AD", "Uitkering", "baat", "S", None, 1, 2, 3, 4, "test"],
        ],
        mutaties=None,
        jeugdhulp=None,
        transformatieplan=None,
        weerstand=[["Onderdeel", "Soort", 2029, 2028, 2027, 2026, "Bron"], ["Risico's", "benodigd", 9, 8, 7, 6, "x"]],
    )

    baseline = load_baseline(path)

    assert baseline.years == (2026, 2027, 2028, 2029)
    assert baseline.lines[0].amounts == (1, 2, 3, 4)
    assert baseline.weerstand[0].amounts == (6, 7, 8, 9)  # aligned by year, not by column position


def test_amount_cells_are_exact_decimals_and_an_empty_cell_is_zero(tmp_path, make_workbook):
    path = make_workbook(tmp_path, cells={LB: {"F3": 0.1, "G3": None, "F4": 1234567.89}})

    lines = load_baseline(path).lines

    assert lines[1].amounts == (Decimal("0.1"), Decimal(0))
    assert str(lines[1].amounts[0]) == "0.1"
    assert lines[2].amounts[0] == Decimal("1234567.89")


def test_a_negative_amount_is_allowed_in_lasten_en_baten_only(tmp_path, make_workbook, single_problem):
    path = make_workbook(tmp_path, cells={LB: {"F3": -300000}})
    assert load_baseline(path).lines[1].amounts[0] == Decimal(-300000)

    path = make_workbook(tmp_path, name="mutatie.xlsx", cells={"Reservemutaties": {"G2": -5}})
    problem = single_problem(path)
    assert problem.where == "sheet 'Reservemutaties', cell G2"
    assert (problem.field, problem.expected, problem.found) == ("2025", "a number of 0 or more", "-5")


def test_a_numeric_programme_code_reads_as_text(tmp_path, make_workbook):
    path = make_workbook(
        tmp_path, programmas=[["Code", "Naam", "Bron"], [6.0, "Sociaal domein", "x"], ["AD", "Algemene dekking", "x"]]
    )

    baseline = load_baseline(path)

    assert [p.code for p in baseline.programmas] == ["6", "AD"]
    assert baseline.lines[0].programma == "6"


def test_optional_sheets_may_be_missing_and_the_bron_cell_may_be_empty(tmp_path, make_workbook):
    path = make_workbook(
        tmp_path,
        lasten_baten=[
            ["Programma", "Omschrijving", "Soort", "Aard", "Sleutel", 2025, 2026, "Bron"],
            ["AD", "Uitkering", "baat", "S", None, 600000, 600000, None],
        ],
        mutaties=None,
        jeugdhulp=None,
        transformatieplan=None,
        weerstand=None,
        extra_sheets={"Instructie": [["Vrije tekst"]], "Notities": [["Programma", "iets"]]},
    )

    baseline = load_baseline(path)

    assert (baseline.mutations, baseline.jeugdhulp, baseline.transformatieplan, baseline.weerstand) == ((), (), (), ())
    assert baseline.lines[0].source == ""


def test_empty_rows_between_data_are_skipped_and_row_numbers_kept(tmp_path, make_workbook):
    path = make_workbook(tmp_path, cells={LB: {"A6": "AD", "B6": "Dividend", "C6": "baat", "D6": "S", "F6": 5}})

    line = load_baseline(path).lines[-1]

    assert (line.description, line.row, line.amounts) == ("Dividend", 6, (5, 0))


def test_youth_care_reconciles_after_rounding_both_to_cents(tmp_path, make_workbook):
    # 10.004 x 100 + 50 x 10 = 1500.40 ; the line says 1500.404, which is 1500.40 in cents too
    path = make_workbook(tmp_path, cells={"Jeugdhulp": {"D2": 10.004}, LB: {"F2": 1500.404}})

    assert load_baseline(path).line("jeugdhulp").amounts[0] == Decimal("1500.404")


# --- one test per kind of problem -------------------------------------------------------------------------------


def test_missing_sheet_names_the_sheets_found_and_suggests_a_near_name(tmp_path, make_workbook, single_problem):
    path = make_workbook(tmp_path, reserves=None, extra_sheets={"Reserve": [["Reserve", "Soort"]]})

    problem = single_problem(path)

    assert problem.file == str(path)
    assert problem.where == "sheet 'Reserves'"
    assert problem.field == "sheet"
    assert problem.expected == "a sheet named 'Reserves'"
    assert "'Lasten en baten'" in problem.found
    assert "'Reserve'" in problem.found
    assert "did you mean 'Reserve'?" in problem.hint


def test_missing_column_names_the_sheet_row_1_and_the_columns_found(tmp_path, make_workbook, single_problem):
    path = make_workbook(tmp_path, cells={LB: {"D1": "Aardig"}})

    problem = single_problem(path)

    assert problem.where == "sheet 'Lasten en baten', row 1"
    assert problem.field == "Aard"
    assert problem.expected.startswith("a column 'Aard'")
    assert problem.found == (
        "columns 'Programma', 'Omschrijving', 'Soort', 'Aardig', 'Sleutel', '2025', '2026', 'Bron'"
    )
    assert "did you mean 'Aardig'?" in problem.hint


def test_a_missing_bron_column_is_a_problem(tmp_path, make_workbook, single_problem):
    path = make_workbook(tmp_path, cells={"Weerstandsvermogen": {"E1": None}})

    problem = single_problem(path)

    assert (problem.where, problem.field) == ("sheet 'Weerstandsvermogen', row 1", "Bron")


def test_non_numeric_amount(tmp_path, make_workbook, single_problem):
    path = make_workbook(tmp_path, cells={LB: {"G3": "veel"}})

    problem = single_problem(path)

    assert problem.where == "sheet 'Lasten en baten', cell G3"
    assert (problem.field, problem.expected, problem.found) == ("2026", "a number (euros)", "text 'veel'")


def test_text_that_looks_like_a_number_gets_the_convert_hint(tmp_path, make_workbook, single_problem):
    path = make_workbook(tmp_path, cells={LB: {"F4": "1.234,5"}})

    problem = single_problem(path)

    assert problem.where == "sheet 'Lasten en baten', cell F4"
    assert (problem.field, problem.expected, problem.found) == ("2025", "a number (euros)", "text '1.234,5'")
    assert "Convert to Number" in problem.hint


def test_a_boolean_is_not_a_number(tmp_path, make_workbook, single_problem):
    path = make_workbook(tmp_path, cells={"Weerstandsvermogen": {"C3": True}})

    problem = single_problem(path)

    assert (problem.where, problem.found) == ("sheet 'Weerstandsvermogen', cell C3", "the boolean TRUE")


def test_unknown_programme_with_a_suggestion(tmp_path, make_workbook, single_problem):
    path = make_workbook(tmp_path, cells={LB: {"A3": "Sociaal domijn"}})

    problem = single_problem(path)

    assert problem.where == "sheet 'Lasten en baten', cell A3"
    assert problem.field == "Programma"
    assert problem.expected == "a programme code or name from sheet 'Programma's'"
    assert problem.found == "'Sociaal domijn'"
    assert problem.hint == "did you mean '6' (Sociaal domein)?"


def test_unknown_programme_without_a_near_name_lists_the_codes(tmp_path, make_workbook, single_problem):
    path = make_workbook(tmp_path, cells={"Transformatieplan": {"B2": 12}})

    problem = single_problem(path)

    assert (problem.where, problem.found) == ("sheet 'Transformatieplan', cell B2", "'12'")
    assert problem.hint == "known programme codes: 6, AD"


def test_missing_year_in_another_sheet(tmp_path, make_workbook, single_problem):
    path = make_workbook(
        tmp_path,
        jeugdhulp=[
            ["Segment", "Eenheid", "Grootheid", 2025, "Bron"],
            ["Ambulant", "cliënt", "prijs", 15, "x"],
            ["Ambulant", "cliënt", "volume", 100, "x"],
        ],
    )

    problem = single_problem(path)

    assert problem.where == "sheet 'Jeugdhulp', row 1"
    assert problem.field == "2026"
    assert "a column 2026" in problem.expected
    assert "'Lasten en baten' (2025-2026)" in problem.expected
    assert problem.found == "years 2025"


def test_an_extra_year_in_another_sheet(tmp_path, make_workbook, single_problem):
    path = make_workbook(tmp_path, cells={"Weerstandsvermogen": {"F1": 2027}})

    problem = single_problem(path)

    assert (problem.where, problem.field, problem.found) == (
        "sheet 'Weerstandsvermogen', cell F1",
        "2027",
        "a column 2027",
    )


def test_years_must_be_consecutive(tmp_path, make_workbook, load_problems):
    path = make_workbook(tmp_path, cells={LB: {"G1": 2027}})

    problems = [p for p in load_problems(path) if p.field == "years"]

    assert len(problems) == 1
    (problem,) = problems
    assert problem.where == "sheet 'Lasten en baten', row 1"
    assert problem.expected == "consecutive years, such as 2025, 2026, 2027, 2028"
    assert problem.found == "years 2025, 2027 (missing 2026)"


def test_lasten_en_baten_needs_year_columns(tmp_path, make_workbook, load_problems):
    path = make_workbook(tmp_path, cells={LB: {"F1": "jaar 1", "G1": "jaar 2"}})

    problem = next(p for p in load_problems(path) if p.field == "years")

    assert problem.where == "sheet 'Lasten en baten', row 1"
    assert problem.expected.startswith("year columns")


def test_bad_soort(tmp_path, make_workbook, single_problem):
    path = make_workbook(tmp_path, cells={LB: {"C3": "lasten"}})

    problem = single_problem(path)

    assert problem.where == "sheet 'Lasten en baten', cell C3"
    assert (problem.field, problem.expected, problem.found) == ("Soort", "one of last, baat", "'lasten'")
    assert problem.hint == "did you mean 'last'?"


def test_bad_aard(tmp_path, make_workbook, single_problem):
    path = make_workbook(tmp_path, cells={"Reservemutaties": {"E2": "jaarlijks"}})

    problem = single_problem(path)

    assert problem.where == "sheet 'Reservemutaties', cell E2"
    assert (problem.field, problem.expected, problem.found) == (
        "Aard",
        "one of structureel, incidenteel",
        "'jaarlijks'",
    )


def test_an_empty_required_cell(tmp_path, make_workbook, single_problem):
    path = make_workbook(tmp_path, cells={LB: {"D4": None}})

    problem = single_problem(path)

    assert (problem.where, problem.field, problem.found) == (
        "sheet 'Lasten en baten', cell D4",
        "Aard",
        "an empty cell",
    )


def test_duplicate_sleutel(tmp_path, make_workbook, single_problem):
    path = make_workbook(tmp_path, cells={LB: {"E3": "JeugdHulp"}})

    problem = single_problem(path)

    assert problem.where == "sheet 'Lasten en baten', cell E3"
    assert problem.field == "Sleutel"
    assert problem.expected == "a Sleutel used only once in sheet 'Lasten en baten'"
    assert problem.found == "'jeugdhulp' again (also in row 2)"


def test_duplicate_programme_code_and_name(tmp_path, make_workbook, load_problems):
    path = make_workbook(
        tmp_path,
        programmas=[
            ["Code", "Naam", "Bron"],
            [6, "Sociaal domein", "x"],
            ["AD", "Algemene dekkingsmiddelen", "x"],
            ["6", "sociaal domein", "x"],
        ],
    )

    code, naam = load_problems(path)

    assert (code.where, code.field, code.found) == ("sheet 'Programma's', cell A4", "Code", "'6' again (also in row 2)")
    assert (naam.where, naam.field) == ("sheet 'Programma's', cell B4", "Naam")


def test_unknown_reserve_with_a_suggestion(tmp_path, make_workbook, single_problem):
    path = make_workbook(tmp_path, cells={"Reservemutaties": {"A2": "Algemene reserv"}})

    problem = single_problem(path)

    assert problem.where == "sheet 'Reservemutaties', cell A2"
    assert (problem.field, problem.found) == ("Reserve", "'Algemene reserv'")
    assert problem.expected == "a reserve from sheet 'Reserves'"
    assert problem.hint == "did you mean 'Algemene reserve'?"


def test_reserve_names_match_case_insensitively(tmp_path, make_workbook):
    path = make_workbook(tmp_path, cells={"Reservemutaties": {"A2": "  ALGEMENE RESERVE "}})

    assert load_baseline(path).mutations[0].reserve == "Algemene reserve"


def test_exactly_one_algemene_reserve(tmp_path, make_workbook, single_problem):
    none = make_workbook(tmp_path, name="none.xlsx", cells={"Reserves": {"B2": "bestemmingsreserve"}})
    two = make_workbook(tmp_path, name="two.xlsx", cells={"Reserves": {"B3": "Algemene reserve"}})

    problem = single_problem(none)
    assert (problem.where, problem.field, problem.found) == ("sheet 'Reserves'", "Soort", "none")
    assert problem.expected == "exactly one reserve with Soort 'algemene reserve'"

    problem = single_problem(two)
    assert (problem.where, problem.field) == ("sheet 'Reserves', cell B3", "Soort")
    assert problem.found == "a second algemene reserve (the first is 'Algemene reserve' in row 2)"


def test_a_negative_opening_balance(tmp_path, make_workbook, single_problem):
    path = make_workbook(tmp_path, cells={"Reserves": {"C3": -1}})

    problem = single_problem(path)

    assert (problem.where, problem.field, problem.found) == ("sheet 'Reserves', cell C3", "Beginstand", "-1")


def test_segment_missing_its_volume_row(tmp_path, make_workbook, single_problem):
    path = make_workbook(
        tmp_path,
        jeugdhulp=[
            ["Segment", "Eenheid", "Grootheid", 2025, 2026, "Bron"],
            ["Ambulant", "cliënt", "prijs", 15, 15, "x"],
            ["Ambulant", "cliënt", "volume", 100, 100, "x"],
            ["Verblijf", "cliënt", "prijs", 50, 50, "x"],
        ],
    )

    problem = single_problem(path)

    assert problem.where == "sheet 'Jeugdhulp', row 4"
    assert problem.field == "Grootheid"
    assert problem.expected.startswith("a 'volume' row for segment 'Verblijf'")
    assert problem.found == "only a 'prijs' row (row 4)"


def test_a_segment_with_two_price_rows(tmp_path, make_workbook, load_problems):
    path = make_workbook(tmp_path, cells={"Jeugdhulp": {"C3": "Prijs"}})  # Ambulant: prijs twice, no volume

    duplicate, missing = load_problems(path)

    assert (duplicate.where, duplicate.found) == ("sheet 'Jeugdhulp', cell C3", "a second one (also in row 2)")
    assert missing.expected.startswith("a 'volume' row for segment 'Ambulant'")


def test_negative_price(tmp_path, make_workbook, single_problem):
    path = make_workbook(tmp_path, cells={"Jeugdhulp": {"D4": -50}})

    problem = single_problem(path)  # and no reconciliation noise on top

    assert problem.where == "sheet 'Jeugdhulp', cell D4"
    assert (problem.field, problem.expected, problem.found) == ("2025", "a number of 0 or more", "-50")


def test_youth_care_not_reconciling(tmp_path, make_workbook, single_problem):
    path = make_workbook(tmp_path, cells={LB: {"G2": 1499.99}})

    problem = single_problem(path)

    assert problem.where == "sheet 'Lasten en baten', cell G2"
    assert problem.field == "2026"
    assert problem.expected.startswith("1,500.00, the sum of prijs × volume over the segments of sheet 'Jeugdhulp'")
    assert problem.found == "1,499.99 on the line with Sleutel 'jeugdhulp'"


def test_youth_care_segments_without_a_jeugdhulp_line(tmp_path, make_workbook, single_problem):
    path = make_workbook(tmp_path, cells={LB: {"E2": None}})

    problem = single_problem(path)

    assert (problem.where, problem.field, problem.found) == ("sheet 'Lasten en baten'", "Sleutel", "no such line")


def test_weerstandsvermogen_needs_a_benodigd_row(tmp_path, make_workbook, single_problem):
    path = make_workbook(tmp_path, cells={"Weerstandsvermogen": {"B3": "beschikbaar"}})

    problem = single_problem(path)

    assert (problem.where, problem.field, problem.found) == ("sheet 'Weerstandsvermogen'", "Soort", "none")


def test_formula_without_cached_value(tmp_path, make_workbook, single_problem):
    # openpyxl writes the formula but cannot compute it, so the file holds no cached value
    path = make_workbook(tmp_path, cells={LB: {"F4": "=500000+100000"}})

    problem = single_problem(path)

    assert problem.where == "sheet 'Lasten en baten', cell F4"
    assert problem.field == "2025"
    assert problem.expected == "a computed value"
    assert problem.found == "formula '=500000+100000' without a cached value"
    assert problem.hint == FORMULA_HINT


def test_a_really_empty_amount_cell_is_not_mistaken_for_a_formula(tmp_path, make_workbook, load_problems):
    path = make_workbook(tmp_path, cells={LB: {"F4": "=SUM(G4:G4)", "G3": None}})

    problems = load_problems(path)

    assert [p.where for p in problems] == ["sheet 'Lasten en baten', cell F4"]


def soffice() -> str | None:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None and os.environ.get("HENGELO_REQUIRE_LIBREOFFICE") == "1":
        pytest.fail("LibreOffice (soffice) is required here (HENGELO_REQUIRE_LIBREOFFICE=1) but not installed")
    return found


def test_a_workbook_saved_by_libreoffice_loads_by_its_computed_formula_values(tmp_path, make_workbook):
    program = soffice()
    if program is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    source = tmp_path / "in"
    source.mkdir()
    path = make_workbook(source, cells={LB: {"F4": "=500000+100000", "G4": "=F4*2"}})
    with pytest.raises(BaselineError):
        load_baseline(path)
    out = tmp_path / "out"
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(
        [
            program,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )

    baseline = load_baseline(out / path.name)

    assert baseline.lines[2].amounts == (Decimal(600000), Decimal(1200000))


def test_several_problems_are_reported_at_once_in_sheet_and_row_order(tmp_path, make_workbook):
    path = make_workbook(
        tmp_path,
        cells={
            LB: {"C3": "uitgave", "F4": "veel"},
            "Reservemutaties": {"A2": "Reserve X"},
            "Transformatieplan": {"C3": "half"},
        },
    )

    with pytest.raises(BaselineError) as caught:
        load_baseline(path)

    assert [(p.where, p.field) for p in caught.value.problems] == [
        ("sheet 'Lasten en baten', cell C3", "Soort"),
        ("sheet 'Lasten en baten', cell F4", "2025"),
        ("sheet 'Reservemutaties', cell A2", "Reserve"),
        ("sheet 'Transformatieplan', cell C3", "Invulling"),
    ]
    message = str(caught.value)
    assert message.count(str(path)) == 4
    assert "sheet 'Lasten en baten', cell F4, 2025: expected a number (euros), found text 'veel'" in message


def test_a_broken_programmes_sheet_does_not_flood_the_lines_with_unknown_programmes(
    tmp_path, make_workbook, single_problem
):
    path = make_workbook(tmp_path, cells={"Programma's": {"A1": "Nummer"}})

    problem = single_problem(path)

    assert (problem.where, problem.field) == ("sheet 'Programma's', row 1", "Code")


# --- files that cannot be read at all -------------------------------------------------------------------------


def test_missing_file(tmp_path):
    path = tmp_path / "bestaat-niet.xlsx"

    with pytest.raises(UnreadableFileError) as caught:
        load_baseline(path)

    assert caught.value.file == str(path)
    assert caught.value.reason == "the file does not exist"


def test_not_a_zip(tmp_path):
    path = tmp_path / "begroting.xlsx"
    path.write_text("Programma;Omschrijving\n6;Jeugdhulp\n", encoding="utf-8")

    with pytest.raises(UnreadableFileError) as caught:
        load_baseline(path)

    assert caught.value.reason == "this is not an Excel workbook (.xlsx): it is not a zip archive"
    assert ".xlsx" in caught.value.hint


def test_a_zip_that_is_not_a_workbook(tmp_path):
    path = tmp_path / "begroting.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")

    with pytest.raises(UnreadableFileError) as caught:
        load_baseline(path)

    assert caught.value.reason.startswith("this is not a readable Excel workbook (.xlsx)")


def test_a_password_protected_workbook(tmp_path):
    # An encrypted .xlsx is an OLE compound file with an EncryptionInfo stream, not a zip.
    path = tmp_path / "geheim.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100 + "EncryptionInfo".encode("utf-16-le"))

    with pytest.raises(UnreadableFileError) as caught:
        load_baseline(path)

    assert "password" in caught.value.reason


def test_an_old_xls_workbook(tmp_path):
    path = tmp_path / "oud.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)

    with pytest.raises(UnreadableFileError) as caught:
        load_baseline(path)

    assert ".xls" in caught.value.reason


def test_a_folder_and_an_empty_file(tmp_path):
    with pytest.raises(UnreadableFileError, match="folder"):
        load_baseline(tmp_path)
    empty = tmp_path / "leeg.xlsx"
    empty.write_bytes(b"")
    with pytest.raises(UnreadableFileError, match="empty"):
        load_baseline(empty)


def test_a_workbook_whose_name_does_not_end_in_xlsx_still_loads(tmp_path, make_workbook):
    path = make_workbook(tmp_path)
    renamed = path.rename(tmp_path / "begroting.werkboek")

    assert load_baseline(Path(renamed)).years == (2025, 2026)


def test_a_bad_grootheid_is_reported_once_not_again_as_a_missing_row(tmp_path, make_workbook, single_problem):
    path = make_workbook(tmp_path, cells={"Jeugdhulp": {"C3": "volumes"}})

    problem = single_problem(path)

    assert (problem.where, problem.field, problem.found) == ("sheet 'Jeugdhulp', cell C3", "Grootheid", "'volumes'")
    assert problem.hint == "did you mean 'volume'?"
