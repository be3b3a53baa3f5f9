"""The CSV export read back with pandas, in both dialects, and every value checked against the engine."""

from __future__ import annotations

from decimal import Decimal

import pandas as pd
import pytest

from hengelo_scenario.report.export import CsvDialect, ExportOptions, export, run_document
from hengelo_scenario.report.export.csv import header

from .outcomes import FIXED, motie_fund, youth_care

READ = {
    CsvDialect.NL: {"sep": ";", "decimal": ",", "encoding": "utf-8-sig"},
    CsvDialect.INT: {"sep": ",", "decimal": ".", "encoding": "utf-8"},
}


def write(tmp_path, make, dialect: CsvDialect):
    outcome, scenario, baseline = make()
    path = tmp_path / f"memo-{dialect}.csv"
    export(path, outcome, scenario, baseline, ExportOptions(csv_dialect=dialect), environ=FIXED)
    return path, outcome, run_document(outcome, scenario, baseline, FIXED)


@pytest.mark.parametrize("dialect", list(CsvDialect))
@pytest.mark.parametrize("make", [youth_care, motie_fund], ids=["jeugdhulp", "motie"])
def test_one_tidy_line_per_table_row_and_year_with_the_exact_value(tmp_path, make, dialect):
    path, _, document = write(tmp_path, make, dialect)
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, **READ[dialect])
    assert list(frame.columns) == header(5)
    expected = [
        (table, i, row, year, value)
        for table in document.tables
        for i, row in enumerate(table.rows, start=1)
        for year, value in zip(table.value_headers, row.values, strict=True)
    ]
    assert len(frame) == len(expected)
    for line, (table, i, row, year, value) in zip(frame.itertuples(index=False), expected, strict=True):
        assert (line.tabel, line.rij, line.jaar) == (table.key, str(i), year)
        assert [line.label_1, line.label_2, line.label_3, line.label_4, line.label_5][: len(row.labels)] == list(
            row.labels
        )
        assert line.soort == row.kind.value
        assert line.totaal_van == " ".join(str(j + 1) for j in row.total_of)
        if isinstance(value, Decimal) and not value.is_nan():
            text = line.waarde.replace(",", ".") if dialect is CsvDialect.NL else line.waarde
            assert Decimal(text) == value  # exact: the text is the Decimal, not a float
            assert "." not in line.waarde if dialect is CsvDialect.NL else "," not in line.waarde
        elif isinstance(value, str):
            assert (line.waarde, line.tekst) == ("", value)
        else:
            assert line.waarde == ""


@pytest.mark.parametrize("dialect", list(CsvDialect))
def test_pandas_reads_numbers_as_numbers_in_both_dialects(tmp_path, dialect):
    path, outcome, _ = write(tmp_path, youth_care, dialect)
    frame = pd.read_csv(path, keep_default_na=False, na_values={"waarde": [""]}, **READ[dialect])
    assert frame["waarde"].dtype == float
    assert frame["jaar"].dtype == int
    assert set(frame["eenheid"]) >= {"euro", "euro per eenheid", "eenheden", "ratio"}
    resultaat = frame[(frame.tabel == "overzicht") & (frame.label_1 == "Geraamd resultaat")]
    for variant, values in (
        ("basis", outcome.overview.geraamd_resultaat.baseline),
        ("scenario", outcome.overview.geraamd_resultaat.scenario),
        ("verschil", outcome.overview.geraamd_resultaat.effect),
    ):
        got = resultaat[resultaat.label_2 == variant].sort_values("jaar")["waarde"].tolist()
        assert got == pytest.approx([float(v) for v in values], abs=1e-6)
    fg = frame[(frame.tabel == "financiele_gevolgen") & (frame.label_1 == "Effect op structureel saldo")]
    assert fg["waarde"].tolist() == pytest.approx([float(v) for v in outcome.overview.structureel_saldo.effect])


def test_dutch_dialect_has_a_bom_semicolons_and_crlf_the_international_one_neither_bom_nor_semicolons(tmp_path):
    nl, _, _ = write(tmp_path, motie_fund, CsvDialect.NL)
    intl, _, _ = write(tmp_path, motie_fund, CsvDialect.INT)
    nl_bytes, int_bytes = nl.read_bytes(), intl.read_bytes()
    assert nl_bytes.startswith(b"\xef\xbb\xbftabel;rij;label_1;")
    assert int_bytes.startswith(b"tabel,rij,label_1,")
    assert nl_bytes.count(b"\r\n") == nl_bytes.count(b"\n")
    assert "Financiële gevolgen" not in nl_bytes.decode("utf-8-sig")  # keys, not titles: financiele_gevolgen
    assert "59600000;" in nl_bytes.decode("utf-8-sig")  # 60.000.000 − 500.000 + resultaat 100.000
    line = next(x for x in nl_bytes.decode("utf-8-sig").splitlines() if x.startswith("weerstandsvermogen;7;"))
    assert line.split(";")[8:10] == ["2,404", ""]  # (60.000 + 100) / 25.000, decimal comma
    jeugd, _, _ = write(tmp_path, youth_care, CsvDialect.NL)
    assert ";prijs per cliënt basis;" in jeugd.read_bytes().decode("utf-8")  # UTF-8, ë intact (after the BOM)
