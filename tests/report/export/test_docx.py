"""The Word paragraph for a raadsvoorstel, read back with python-docx and converted to PDF by LibreOffice.

The §10.3 worked example (budget-conventions): a fund of €500.000 a year in 2025-2026, incidenteel, paid from the
algemene reserve. By hand: the lasten are 500 N in 2025 and 2026 and the onttrekking brings 500 V back, so the
effect on the saldo van baten en lasten is 500 N (lasten only), on the geraamd resultaat −500 + 500 = 0, and on the
structureel saldo 0 (all incidenteel).
"""

from __future__ import annotations

import io
import subprocess
import zipfile
from datetime import UTC, datetime

import docx
import openpyxl
import pytest

from hengelo_scenario.engine import run
from hengelo_scenario.records import replace
from hengelo_scenario.report.export import export, export_comparison, run_document
from hengelo_scenario.report.export.base import ExportOptions
from hengelo_scenario.report.export.docx import build_docx
from hengelo_scenario.report.headline import VERDICT_HEADING
from hengelo_scenario.report.tables import signal_lines, verdict_detail_lines, verdict_lines
from hengelo_scenario.scenario.model import Scenario
from tests.engine.builders import YEARS

from .libreoffice import soffice
from .outcomes import FIXED, HOSTILE_NAMES, hostile, motie_fund, motie_measure, youth_care

NBSP = "\u00a0"


def read(path):
    return docx.Document(str(path))


def table_text(document) -> list[list[str]]:
    return [[cell.text.replace(NBSP, " ") for cell in row.cells] for row in document.tables[0].rows]


def paragraphs(document) -> list[str]:
    return [p.text for p in document.paragraphs]


@pytest.fixture
def motie_docx(tmp_path):
    outcome, scenario, baseline = motie_fund()
    path = tmp_path / "memo.docx"
    assert export(path, outcome, scenario, baseline, environ=FIXED) == [path]
    return path, outcome


def test_the_table_is_the_financiele_gevolgen_in_the_raadsvoorstel_layout(motie_docx):
    path, _ = motie_docx
    rows = table_text(read(path))
    assert rows[0] == ["Omschrijving", "I/S", "2025", "2026", "2027", "2028"]
    body = {row[0]: row[1:] for row in rows[1:]}
    # the fund: 500.000 a year in 2025-2026 is 500 (x € 1.000) nadelig; its dekking brings 500 voordelig back
    assert body["Programma 6 Sociaal domein – Fonds X (motie M15)"] == ["I", "500 N", "500 N", "0", "0"]
    dekking = [label for label in body if label.startswith("Programma 6 Sociaal domein – Onttrekking")]
    assert len(dekking) == 1
    assert body[dekking[0]] == ["I", "500 V", "500 V", "0", "0"]
    # -500 + 500 = 0 on the resultaat; the saldo van baten en lasten only has the lasten: 500 N
    assert body["Effect op saldo van baten en lasten"][1:] == ["500 N", "500 N", "0", "0"]
    assert body["Effect op geraamd resultaat (begrotingssaldo)"][1:] == ["0", "0", "0", "0"]
    assert body["Effect op structureel saldo"][1:] == ["0", "0", "0", "0"]
    # section heading rows span the table
    assert "Lasten" in body
    assert "Dekking: onttrekkingen aan reserves" in body


def test_the_paragraph_has_the_verdict_the_dekking_and_the_source(motie_docx):
    path, outcome = motie_docx
    document = read(path)
    text = paragraphs(document)
    assert text[0] == "Financiële gevolgen"
    assert document.paragraphs[0].style.name == "Heading 2"
    assert "bedragen x € 1.000" in text[1]
    assert "Dekking: Onttrekking Algemene reserve: Fonds X (motie M15) (I), 2025: 500; 2026: 500." in text
    assert "Effect op het begrotingssaldo (geraamd resultaat): geen." in text
    assert VERDICT_HEADING in text
    bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert bullets == list(verdict_detail_lines(outcome))  # the scenario, each of its years, the basis
    source = [t for t in text if t.startswith("Bron: hengelo-scenario")]
    assert source == ["Bron: hengelo-scenario 0.1.0; scenario motie.yaml; basis motie-basis.xlsx."]


def test_the_provenance_is_a_real_footnote_on_the_source_line(motie_docx):
    path, _ = motie_docx
    with zipfile.ZipFile(path) as package:
        body = package.read("word/document.xml").decode()
        notes = package.read("word/footnotes.xml").decode()
        types = package.read("[Content_Types].xml").decode()
    assert '<w:footnoteReference w:id="1"/>' in body
    assert "footnotes+xml" in types
    assert "ef" * 32 in notes  # the baseline's SHA-256
    assert "ab" * 32 in notes  # the scenario file's
    assert "2025-01-01 00:00:00 UTC" in notes


def test_let_op_lines_are_in_the_memo_and_in_the_excel_sheet(tmp_path):
    # an 'incidental' fund booked four years running: the supervisor would call it structural
    measure = motie_measure(amounts=(100, 100, 100, 100))
    scenario = replace(motie_fund()[1], measures=(measure,))
    baseline = motie_fund()[2]
    outcome = run(baseline, scenario)
    assert outcome.signals
    export(tmp_path / "m.docx", outcome, scenario, baseline, environ=FIXED)
    export(tmp_path / "m.xlsx", outcome, scenario, baseline, environ=FIXED)
    text = paragraphs(read(tmp_path / "m.docx"))
    for signal in signal_lines(outcome):
        assert f"Let op: {signal}" in text
    sheet = openpyxl.load_workbook(tmp_path / "m.xlsx")["Financiële gevolgen"]
    cells = [c for row in sheet.iter_rows(values_only=True) for c in row if isinstance(c, str)]
    assert VERDICT_HEADING in cells
    for line in verdict_lines(outcome):
        assert line in cells
    for signal in signal_lines(outcome):
        assert f"Let op: {signal}" in cells


def test_the_same_inputs_give_the_same_bytes_and_the_document_is_dated_by_source_date_epoch(tmp_path):
    outcome, scenario, baseline = youth_care()
    first, second = tmp_path / "a.docx", tmp_path / "b.docx"
    export(first, outcome, scenario, baseline, environ=FIXED)
    export(second, outcome, scenario, baseline, environ=FIXED)
    assert first.read_bytes() == second.read_bytes()
    core = read(first).core_properties
    assert core.created == core.modified == datetime(2025, 1, 1, 0, 0, tzinfo=UTC)
    with zipfile.ZipFile(first) as package:
        assert {info.date_time for info in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_user_text_is_escaped_not_refused(tmp_path):
    outcome, scenario, baseline = hostile()
    evil = "Boos\x1b]0;titel\x07\x00 scenario"
    outcome = replace(outcome, scenario_name=evil)
    export(tmp_path / "boos.docx", outcome, replace(scenario, name=evil), baseline, environ=FIXED)
    document = read(tmp_path / "boos.docx")
    text = "\n".join(paragraphs(document))
    assert "Boos\\x1b]0;titel\\x07\\x00 scenario" in text
    assert "\x1b" not in text
    labels = [row[0] for row in table_text(document)]
    for name in HOSTILE_NAMES:  # a formula is text here: Word has no formulas, and the name is shown as it is
        assert any(label.endswith("– " + name.replace("\t", "\\x09").replace("\r", "\\x0d")) for label in labels), name


def test_compare_writes_one_paragraph_per_scenario(tmp_path):
    (a, sa, baseline), (b, sb, _) = motie_fund(), motie_fund()
    b = replace(b, scenario_name="Tweede")
    export_comparison(tmp_path / "v.docx", [a, b], [sa, sb], baseline, environ=FIXED)
    document = read(tmp_path / "v.docx")
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert headings == ["Financiële gevolgen: Motie fonds X", "Financiële gevolgen: Tweede"]
    assert len(document.tables) == 2


def test_an_empty_scenario_says_it_changes_nothing():
    _, scenario, baseline = motie_fund()
    outcome = run(baseline, Scenario(name="Leeg", years=YEARS))
    data = build_docx(run_document(outcome, replace(scenario, measures=()), baseline, FIXED), ExportOptions())
    text = paragraphs(docx.Document(io.BytesIO(data)))
    assert "Het scenario wijzigt de begroting niet." in text
    assert "Dekking: geen onttrekking aan een reserve." in text
    assert "Effect op het begrotingssaldo (geraamd resultaat): geen." in text


def test_libreoffice_opens_the_memo_and_converts_it_to_pdf(tmp_path):
    executable = soffice()  # fails, not skips, when HENGELO_REQUIRE_LIBREOFFICE=1
    outcome, scenario, baseline = motie_fund()
    path = tmp_path / "memo.docx"
    export(path, outcome, scenario, baseline, environ=FIXED)
    profile = tmp_path / "profile"
    for target in ("pdf", "txt:Text"):
        result = subprocess.run(
            [executable, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
             "--convert-to", target, "--outdir", str(tmp_path), str(path)],
            capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
    pdf = tmp_path / "memo.pdf"
    assert pdf.read_bytes()[:5] == b"%PDF-", "LibreOffice Writer (libreoffice-writer) did not write a PDF"
    text = (tmp_path / "memo.txt").read_text(encoding="utf-8-sig")
    assert "Financiële gevolgen" in text
    assert "500 N" in text.replace(NBSP, " ")
    assert "Structureel evenwicht" in text


def test_run_and_compare_write_the_memo_and_say_so_in_dutch(tmp_path, monkeypatch, capsys):
    from tests.cli.invoke import invoke

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735689600")
    result = invoke(monkeypatch, capsys, "run", "jeugd_hoog", "--summary", "--export", "memo.docx")
    assert result.code == 0, result.err
    assert result.err.strip() == "Geschreven: memo.docx"
    rows = table_text(read(tmp_path / "memo.docx"))
    # the README's worked example: youth care 2.790.375,64 more in 2026 -> 2.790 N
    assert rows[2][:4] == ["Programma 6 Sociaal domein – Jeugdhulp (prijs en volume)", "S", "0", "2.790 N"]
    result = invoke(monkeypatch, capsys, "compare", "jeugd_hoog", "jeugd_laag", "--export", "v.docx")
    assert result.code == 0, result.err
    assert len(read(tmp_path / "v.docx").tables) == 2


def test_long_paths_and_names_are_shortened_in_the_document_properties_not_refused(tmp_path):
    """Word allows 255 characters in a document property; a long installed path or scenario name must not stop
    the export (the whole source line is in the footnote)."""
    from docx import Document as Word

    from hengelo_scenario.records import replace
    from hengelo_scenario.report.export import export
    from tests.report.export.outcomes import motie_fund as motie

    outcome, scenario, baseline = motie()
    long = "/" + "/".join(["site-packages"] * 40) + "/scenario.yaml"  # 561 characters
    scenario = replace(scenario, source=long, name="N" * 300)
    outcome = replace(outcome, scenario_name=scenario.name, scenario_source=long)
    (path,) = export(tmp_path / "memo.docx", outcome, scenario, baseline, environ={"SOURCE_DATE_EPOCH": "0"})
    core = Word(str(path)).core_properties
    assert len(core.comments) == 255
    assert core.comments.endswith("…")
    assert len(core.title) <= 255
