"""The Word export: the "Financiële gevolgen" paragraph of a raadsvoorstel, ready to paste into a municipal template.

`run ... --export memo.docx` writes, for the scenario: a heading, one line saying what the table holds, the table
in the raadsvoorstel layout (budget-conventions §7.5: lasten and baten per programme, reserve mutations, I/S, the
dekking and the three effects per year, x € 1.000, V/N), the dekking in words, the structural verdict, the
"Let op" lines, the source line and, as a real Word footnote on it, the provenance (tool, date, files and their
SHA-256). `compare` writes the same paragraph once per scenario, one after the other.

Styled to paste: only Word's built-in styles (Heading 2, Normal, List Bullet, Table Grid, Footnote Text), no
fonts set on the text, so a pasted paragraph takes on the template's fonts. python-docx is imported only here,
and only when a .docx is asked for. Every text from a scenario or workbook goes through `text.visible` (an XML
document cannot hold control characters; lxml would refuse them). The file is deterministic: the document's
dates are the provenance date (SOURCE_DATE_EPOCH when set) and the zip entries carry a fixed 1980 timestamp.
"""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal
from pathlib import Path, PurePath
from typing import Any

from hengelo_scenario.outcome.model import Outcome
from hengelo_scenario.report import numbers
from hengelo_scenario.report import tables as report_tables
from hengelo_scenario.report.export.base import Document, ExportOptions
from hengelo_scenario.report.export.provenance import Provenance
from hengelo_scenario.report.headline import VERDICT_HEADING, headline
from hengelo_scenario.report.numbers import Unit
from hengelo_scenario.report.tables import FG_DEKKING, FG_RESULTAAT, Kind, Row, Table
from hengelo_scenario.text import visible

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FOOTNOTE_STYLE = "Footnote Text"
NBSP = "\u00a0"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
TABLE_POINTS = 9  # the usual size of a table in a memo; the rest of the text keeps the template's size
COLUMN_CM = (6.2, 1.0)  # omschrijving, I/S; the years share the rest of the 16 cm text width of an A4 page
TEXT_WIDTH_CM = 16.0


def _label(row: Row) -> str:
    """'Programma 6 Sociaal domein – Jeugdhulp (prijs en volume)', or the effect row's own label."""
    onderdeel, omschrijving, programma, _aard = row.labels
    if not omschrijving:
        return onderdeel
    return f"Programma {programma} – {omschrijving}" if programma else omschrijving


def _cell_text(value: Any, kind: Kind, unit: Unit) -> str:
    if not isinstance(value, Decimal):
        return "-" if value is None else visible(str(value))
    text = numbers.vn(value, unit) if kind is Kind.EFFECT else numbers.money(value, unit)
    return text.replace(" ", NBSP)  # '12.123 N' never breaks between the amount and its letter


def _years_text(years: tuple[str, ...], values: tuple[Any, ...], unit: Unit, effect: bool) -> str:
    shown = [
        f"{year}: {numbers.vn(v, unit) if effect else numbers.money(v, unit)}"
        for year, v in zip(years, values, strict=True)
        if isinstance(v, Decimal) and v != 0
    ]
    return "; ".join(shown)


def dekking_lines(table: Table, unit: Unit) -> tuple[str, ...]:
    """The dekking in words: each onttrekking that pays for the scenario, then what lands on the begrotingssaldo."""
    years = table.value_headers
    lines = [
        f"Dekking: {visible(row.labels[1])} ({row.labels[3]}), {_years_text(years, row.values, unit, effect=False)}."
        for row in table.rows
        if row.labels[0] == FG_DEKKING and any(row.values)
    ]
    if not lines:
        lines.append("Dekking: geen onttrekking aan een reserve.")
    resultaat = next(row for row in table.rows if row.labels[0] == FG_RESULTAAT)
    rest = _years_text(years, resultaat.values, unit, effect=True)
    lines.append(
        f"Effect op het begrotingssaldo (geraamd resultaat): {rest}."
        if rest
        else "Effect op het begrotingssaldo (geraamd resultaat): geen."
    )
    return tuple(lines)


def _set_repeat_header(row: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = row._tr.get_or_add_trPr()
    for tag in ("w:tblHeader", "w:cantSplit"):
        element = OxmlElement(tag)
        element.set(qn("w:val"), "true")
        properties.append(element)


def _no_split(row: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    element = OxmlElement("w:cantSplit")
    element.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(element)


def _write_cell(cell: Any, text: str, bold: bool = False, right: bool = False) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    paragraph = cell.paragraphs[0]
    paragraph.paragraph_format.space_after = 0
    if right:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = paragraph.add_run(text)
    run.bold = bold or None
    run.font.size = Pt(TABLE_POINTS)


def _table(docx_document: Any, table: Table, unit: Unit) -> None:
    from docx.shared import Cm

    years = table.value_headers
    word = docx_document.add_table(rows=1, cols=2 + len(years))
    word.style = docx_document.styles["Table Grid"]
    word.autofit = False
    year_cm = (TEXT_WIDTH_CM - sum(COLUMN_CM)) / max(len(years), 1)
    widths = [Cm(COLUMN_CM[0]), Cm(COLUMN_CM[1]), *(Cm(year_cm) for _ in years)]
    header = word.rows[0]
    _set_repeat_header(header)
    for i, text in enumerate(("Omschrijving", "I/S", *years)):
        _write_cell(header.cells[i], text, bold=True, right=i >= 2)
    section = ""
    for row in table.rows:
        onderdeel = row.labels[0]
        if row.labels[1] and onderdeel != section:  # a section heading row: Lasten, Baten, Dekking ...
            section = onderdeel
            heading = word.add_row()
            _no_split(heading)
            _write_cell(heading.cells[0], visible(onderdeel), bold=True)
            heading.cells[0].merge(heading.cells[-1])
        cells = word.add_row()
        _no_split(cells)
        _write_cell(cells.cells[0], visible(_label(row)), bold=row.emphasis)
        _write_cell(cells.cells[1], row.labels[3])
        for y, value in enumerate(row.values):
            _write_cell(cells.cells[2 + y], _cell_text(value, row.kind, unit), bold=row.emphasis, right=True)
    for column, width in zip(word.columns, widths, strict=True):
        column.width = width  # the table grid, which LibreOffice follows
    for line in word.rows:
        for cell, width in zip(line.cells, widths, strict=True):
            cell.width = width  # each cell, which Word follows


def _paragraph(docx_document: Any, text: str, style: str = "Normal", lead: str = "") -> Any:
    paragraph = docx_document.add_paragraph(style=style)
    if lead:
        paragraph.add_run(lead).bold = True
    paragraph.add_run(text)
    return paragraph


def _gevolgen(docx_document: Any, outcome: Outcome, title: str, unit: Unit) -> None:
    table = report_tables.financiele_gevolgen(outcome)
    summary = headline(outcome)
    docx_document.add_heading(visible(title), level=2)
    workbook = visible(PurePath(outcome.baseline_source).name)
    _paragraph(
        docx_document,
        f"Scenario {visible(outcome.scenario_name)} tegen de begroting ({workbook}), per jaar; {unit.legend}; "
        "+ = voordelig, − = nadelig; V = voordelig, N = nadelig.",
    )
    _table(docx_document, table, unit)
    for note in table.notes:
        _paragraph(docx_document, visible(note))
    for line in dekking_lines(table, unit):
        lead, _, rest = line.partition(": ") if line.startswith("Dekking: ") else ("", "", line)
        _paragraph(docx_document, rest, lead=f"{lead}: " if lead else "")
    _paragraph(docx_document, "", lead=VERDICT_HEADING)
    for line in summary.verdict:
        _paragraph(docx_document, visible(line), style="List Bullet")
    for line in summary.signals:
        _paragraph(docx_document, visible(line.removeprefix("Let op: ")), lead="Let op: ")


def _add_footnote_style(docx_document: Any) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Pt

    style = docx_document.styles.add_style(FOOTNOTE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = docx_document.styles["Normal"]
    style.font.size = Pt(8)
    style.paragraph_format.space_after = Pt(0)


def _footnotes_xml(text: str) -> bytes:
    """word/footnotes.xml: Word's two separators and one footnote (id 1) holding `text`."""
    from lxml import etree

    w = f"{{{W_NS}}}"
    root = etree.Element(f"{w}footnotes", nsmap={"w": W_NS})
    for number, kind in ((-1, "separator"), (0, "continuationSeparator")):
        note = etree.SubElement(root, f"{w}footnote", {f"{w}type": kind, f"{w}id": str(number)})
        run = etree.SubElement(etree.SubElement(note, f"{w}p"), f"{w}r")
        etree.SubElement(run, f"{w}{kind}")
    note = etree.SubElement(root, f"{w}footnote", {f"{w}id": "1"})
    paragraph = etree.SubElement(note, f"{w}p")
    style = etree.SubElement(etree.SubElement(paragraph, f"{w}pPr"), f"{w}pStyle")
    style.set(f"{w}val", "FootnoteText")
    mark = etree.SubElement(paragraph, f"{w}r")
    etree.SubElement(etree.SubElement(mark, f"{w}rPr"), f"{w}vertAlign", {f"{w}val": "superscript"})
    etree.SubElement(mark, f"{w}footnoteRef")
    body = etree.SubElement(paragraph, f"{w}r")
    t = etree.SubElement(body, f"{w}t")
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    t.text = " " + text
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _footnote_reference(paragraph: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = paragraph.add_run()
    properties = OxmlElement("w:rPr")
    align = OxmlElement("w:vertAlign")
    align.set(qn("w:val"), "superscript")
    properties.append(align)
    run._r.append(properties)
    reference = OxmlElement("w:footnoteReference")
    reference.set(qn("w:id"), "1")
    run._r.append(reference)


def provenance_text(provenance: Provenance) -> str:
    """The footnote: what made this paragraph, when, and from which files (with their SHA-256)."""
    parts = [
        f"Gemaakt met {provenance.tool} op {provenance.date_text}",
        f"basiswerkboek {provenance.baseline_file} (SHA-256 {provenance.baseline_sha256 or '-'})",
    ]
    parts += [f"scenario {s.name}: {s.file or '-'} (SHA-256 {s.sha256 or '-'})" for s in provenance.scenarios]
    if provenance.command:
        parts.append(f"opdracht: {provenance.command}")
    return visible("; ".join(parts) + ".")


def _source(docx_document: Any, provenance: Provenance) -> None:
    from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    paragraph = _paragraph(docx_document, visible(provenance.source_line(names_only=True)) + ".")
    _footnote_reference(paragraph)
    part = Part(
        PackURI("/word/footnotes.xml"),
        CONTENT_TYPE.WML_FOOTNOTES,
        _footnotes_xml(provenance_text(provenance)),
        docx_document.part.package,
    )
    docx_document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)


def _fixed_zip(data: bytes) -> bytes:
    """The same zip with every entry dated 1980-01-01, so equal documents are equal bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


def build_docx(document: Document, options: ExportOptions) -> bytes:
    """The Financiële gevolgen paragraph (one per scenario for a comparison) as the bytes of a .docx file."""
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm

    provenance: Provenance = document.provenance  # type: ignore[assignment]
    word = docx.Document()
    section = word.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)  # A4
    section.left_margin = section.right_margin = Cm(2.5)
    _add_footnote_style(word)
    for outcome in document.outcomes:
        title = "Financiële gevolgen"
        if document.kind != "run":
            title += f": {outcome.scenario_name}"
        _gevolgen(word, outcome, title, options.unit)
    _source(word, provenance)
    created = provenance.created.replace(tzinfo=None)
    core = word.core_properties
    core.title = _property(f"Financiële gevolgen: {document.title}")
    core.subject = "Meerjarenbegroting, scenario tegen basis"
    core.author = core.last_modified_by = "hengelo-scenario"
    core.comments = _property(provenance.source_line())  # the whole line is in the footnote
    core.created = core.modified = core.last_printed = created
    core.revision = 1
    buffer = io.BytesIO()
    word.save(buffer)
    return _fixed_zip(buffer.getvalue())


def write_docx(path: Path, document: Document, options: ExportOptions) -> None:
    """Write the document's Financiële gevolgen as a Word file at `path` (the caller makes it atomic)."""
    Path(path).write_bytes(build_docx(document, options))


CORE_PROPERTY_CHARS = 255  # Word's limit for a document property (python-docx refuses more)


def _property(text: str) -> str:
    """A document property (title, comments): visible text, shortened to what Word allows."""
    shown = visible(text)
    return shown if len(shown) <= CORE_PROPERTY_CHARS else shown[: CORE_PROPERTY_CHARS - 1] + "…"
