"""Item documents in several templates, written reproducibly, with what each must parse to.

Each template differs in what real installs vary: label wording (fi/sv), label column
width (labels that wrap over two or three lines), letterhead and a "Päivämäärä" header on
every page, labels in a column, in a table, after a tab, on their own lines or with a
colon, and the file format (PDF by fpdf2, DOCX by python-docx, DOC and RTF converted once
from the DOCX by LibreOffice and committed). ``python -m tests.document_templates``
rewrites the committed DOC and RTF files (needs ``soffice``); PDFs and DOCX files are
built at test time.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from fpdf import FPDF

from transform.schema import ContentType

FIXTURES = Path(__file__).parent / "fixtures" / "documents"
PREPARERS, PRESENTER, ATTACHMENTS, HISTORY, REGISTER = (
    "preparers", "presenter", "attachments", "history", "register"
)  # fmt: skip


@dataclass
class Block:
    label: str  # as printed; "\n" where the template wraps it
    paragraphs: list[str]  # "\n" inside a paragraph: a line break the template makes
    kind: ContentType | str  # what it must parse to
    expected_label: str | None = None  # the label as the parser reports it

    @property
    def reported_label(self) -> str:
        return self.expected_label or " ".join(self.label.split())


@dataclass
class Item:
    letterhead: str
    date_header: str
    title: str
    register_id: str
    blocks: list[Block]
    preparers: list[str] = field(default_factory=list)
    presenter: str | None = None
    history: list[dict] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)
    language: str = "fi"

    def content_blocks(self) -> list[Block]:
        return [b for b in self.blocks if isinstance(b.kind, ContentType)]


LONG_FI = (
    "Kaupunki on valmistellut asiaa yhdessä konserniyhtiöiden kanssa. Rahoitusta koskevat "
    "ehdot on neuvoteltu, ja takaus on tarpeen investoinnin toteuttamiseksi suunnitellussa "
    "aikataulussa. Takauksesta peritään markkinaehtoinen takausprovisio."
)
LONG_SV = (
    "Staden har berett ärendet tillsammans med koncernbolagen. Villkoren för finansieringen "
    "har förhandlats, och borgen behövs för att investeringen ska kunna genomföras enligt "
    "tidtabellen. För borgen tas en marknadsmässig borgensprovision ut."
)


def oulu_like_item() -> Item:
    """Finnish, narrow label column: "Täytäntöönpano-/tiedot" and "Valmistelijat /
    Lisätietojen / antaja" wrap; Päivämäärä header; a phone number broken over lines."""
    return Item(
        letterhead="Esimerkkilän kaupunki",
        date_header="Päivämäärä 12.3.2025",
        title="Kaupungin takaus Esimerkkilän Energia Oy:n investointilainalle",
        register_id="ESIM/1499/02.05.05/2025",
        history=[{"organization": "Kaupunginhallitus", "date": "2025-03-03",
                  "article_number": "88"}],
        preparers=["talousjohtaja Matti Malli", "konsernicontroller Liisa Laine"],
        attachments=["1 Takaussitoumusluonnos", "2 Yhtiön rahoitussuunnitelma"],
        blocks=[
            Block("Valmistelijat /\nLisätietojen\nantaja",
                  ["talousjohtaja Matti Malli, puh. 044 703\n1236 ja konsernicontroller "
                   "Liisa Laine, puh. 044 703 1237"],
                  PREPARERS, "Valmistelijat / Lisätietojen antaja"),
            Block("Päätöshistoria", ["Kaupunginhallitus 3.3.2025 § 88"], HISTORY),
            Block("Tiivistelmä", ["Yhtiö pyytää kaupungilta takausta lainalle."],
                  ContentType.SUMMARY),
            Block("Esittelyteksti", [LONG_FI] * 10, ContentType.PRESENTATION),
            Block("Päätösesitys", ["Kaupunginhallitus esittää, että valtuusto myöntää takauksen."],
                  ContentType.PROPOSAL),
            Block("Päätös", ["Hyväksyttiin."], ContentType.DECISION),
            Block("Liitteet", ["1 Takaussitoumusluonnos\n2 Yhtiön rahoitussuunnitelma"],
                  ATTACHMENTS),
            Block("Täytäntöönpano-\ntiedot",
                  ["Asia tiedoksi kaupunginvaltuustoon\nOte: Esimerkkilän Energia Oy\n"
                   "Ei muutoksenhakuoikeutta\nOikaisuvaatimus"],
                  ContentType.OTHER, "Täytäntöönpanotiedot"),
        ],
    )  # fmt: skip


def swedish_table_item() -> Item:
    """Swedish, labels in the left cell of a table; an unknown label ("Konsekvenser")."""
    return Item(
        letterhead="Exempelby stad",
        date_header="Datum 4.2.2025",
        title="Borgen för Exempelby Energi Ab:s investeringslån",
        register_id="EXB/45/02.05.05/2025",
        language="sv",
        presenter="stadsdirektör Anna Exempel",
        preparers=["ekonomidirektör Erik Prov"],
        attachments=["Borgensförbindelse", "Finansieringsplan"],
        blocks=[
            Block("Dnr", ["EXB/45/02.05.05/2025"], REGISTER),
            Block("Föredragande", ["stadsdirektör Anna Exempel"], PRESENTER),
            Block("Tilläggs-\nuppgifter", ["ekonomidirektör Erik Prov, tfn 06 123 4567"],
                  PREPARERS, "Tilläggsuppgifter"),
            Block("Sammandrag", ["Bolaget ber staden om borgen."], ContentType.SUMMARY),
            Block("Beredning", [LONG_SV, LONG_SV], ContentType.PRESENTATION),
            Block("Konsekvenser", ["Borgensansvaret ökar med 2 miljoner euro."],
                  ContentType.OTHER),
            Block("Förslag", ["Stadsstyrelsen föreslår att fullmäktige beviljar borgen."],
                  ContentType.PROPOSAL),
            Block("Beslut", ["Förslaget godkändes."], ContentType.DECISION),
            Block("Bilagor", ["- Borgensförbindelse\n- Finansieringsplan"], ATTACHMENTS),
            Block("För kännedom", ["Exempelby Energi Ab"], ContentType.OTHER),
        ],
    )  # fmt: skip


def finnish_doc_item() -> Item:
    """Finnish, a Word table with a wide label column; "Esittelijän ehdotus"; an unknown
    label ("Vaikutusten arviointi")."""
    return Item(
        letterhead="Mallilan kunta",
        date_header="Päivämäärä 20.1.2025",
        title="Koulukuljetusten hankinta lukuvuosille 2025-2027",
        register_id="MAL/123/12.01.00/2025",
        presenter="sivistysjohtaja Matti Meikäläinen",
        preparers=["opetuspäällikkö Liisa Esimerkki", "hallinto- ja talousjohtaja Pekka Malli"],
        attachments=["Tarjousvertailu"],
        blocks=[
            Block("Esittelijä", ["sivistysjohtaja Matti Meikäläinen"], PRESENTER),
            Block("Valmistelija", ["opetuspäällikkö Liisa Esimerkki, puh. 040 123 4567",
                                   "hallinto- ja talousjohtaja Pekka Malli"], PREPARERS),
            Block("Selostus", [LONG_FI, LONG_FI], ContentType.PRESENTATION),
            Block("Vaikutusten arviointi", ["Kuljetuskustannukset nousevat 4 prosenttia."],
                  ContentType.OTHER),
            Block("Esittelijän ehdotus", ["Sivistyslautakunta hyväksyy hankinnan."],
                  ContentType.PROPOSAL),
            Block("Käsittely", ["Asiasta keskusteltiin."], ContentType.PROCEEDINGS),
            Block("Päätös", ["Hyväksyttiin."], ContentType.DECISION),
            Block("Liite", ["Tarjousvertailu"], ATTACHMENTS),
            Block("Oheismateriaali", ["Kuljetusreitit 2025"], ContentType.OTHER),
            Block("Muutoksenhaku", ["Oikaisuvaatimusohje"], ContentType.APPEAL),
        ],
    )  # fmt: skip


def swedish_own_line_item() -> Item:
    """Swedish, one column: labels on their own lines, some with a colon."""
    return Item(
        letterhead="Provby kommun",
        date_header="Datum 10.2.2025",
        title="Skolskjutsar läsåret 2025-2026, ändring av körtider",
        register_id="PRB/45/12.01.00/2025",
        language="sv",
        presenter="bildningsdirektör Anna Exempel",
        preparers=["skolsekreterare Eva Prov"],
        history=[{"organization": "Bildningsnämnden", "date": "2025-01-20",
                  "article_number": "6"}],
        blocks=[
            Block("Tidigare behandling", ["Bildningsnämnden 20.1.2025 § 6"], HISTORY),
            Block("Föredragande:", ["bildningsdirektör Anna Exempel"], PRESENTER,
                  "Föredragande"),
            Block("Beskrivning", [LONG_SV], ContentType.PRESENTATION),
            Block("Framställning:", ["Bildningsnämnden godkänner de nya körtiderna."],
                  ContentType.PROPOSAL, "Framställning"),
            Block("Ekonomiska konsekvenser:", ["Kostnaderna ökar inte."], ContentType.OTHER,
                  "Ekonomiska konsekvenser"),
            Block("Behandling", ["Ärendet diskuterades."], ContentType.PROCEEDINGS),
            Block("Beslut", ["Förslaget godkändes."], ContentType.DECISION),
            Block("Beredare / Tilläggsuppgifter:", ["skolsekreterare Eva Prov, tfn 06 123 4567"],
                  PREPARERS, "Beredare / Tilläggsuppgifter"),
            Block("Ändringssökande", ["Anvisning för omprövning bifogas."], ContentType.APPEAL),
        ],
    )  # fmt: skip


# --- PDF (fpdf2) -------------------------------------------------------------------------


class _HeaderPdf(FPDF):
    letterhead = ""
    date_header = ""
    stacked = False  # letterhead, then "Päivämäärä" and the date on lines of their own

    def header(self):
        self.set_font("Helvetica", size=9)
        self.set_xy(20, 10)
        self.cell(80, 5, self.letterhead)
        if self.stacked:
            word, _, when = self.date_header.partition(" ")
            for offset, text in ((5, word), (10, when)):
                self.set_xy(20, 10 + offset)
                self.cell(80, 5, text)
            self.set_y(32)
            return
        self.set_xy(130, 10)
        self.cell(60, 5, self.date_header)
        self.set_y(25)

    def footer(self):
        self.set_font("Helvetica", size=9)
        self.set_xy(180, -15)
        self.cell(10, 5, f"{self.page_no()} ({{nb}})")


def _pdf(item: Item, stacked_header: bool = False) -> _HeaderPdf:
    pdf = _HeaderPdf(format="A4")
    pdf.letterhead, pdf.date_header = item.letterhead, item.date_header
    pdf.stacked = stacked_header
    pdf.set_auto_page_break(True, margin=25)
    pdf.add_page()
    return pdf


def _write(pdf: FPDF, x: float, width: float, text: str, bold=False, size=10) -> None:
    pdf.set_font("Helvetica", "B" if bold else "", size)
    pdf.set_x(x)
    pdf.multi_cell(width, 5, text)


def label_column_pdf(
    item: Item, label_x=20, text_x=52, label_width=30, stacked_header=False, bold_title=True
) -> bytes:
    """Labels in a left column, text beside them; title under the header at the left edge."""
    pdf = _pdf(item, stacked_header)
    _write(pdf, label_x, 170, item.title, bold=bold_title, size=12)
    pdf.ln(3)
    _write(pdf, label_x, 170, item.register_id)
    pdf.ln(3)
    for block in item.blocks:
        if pdf.get_y() > pdf.h - 45:  # a label never crosses a page (its text may)
            pdf.add_page()
        top, page = pdf.get_y(), pdf.page
        _write(pdf, label_x, label_width, block.label, bold=True)
        label_bottom = pdf.get_y()
        pdf.page, pdf.y = page, top
        _write(pdf, text_x, 190 - text_x, "\n\n".join(block.paragraphs))
        pdf.set_y(max(pdf.get_y(), label_bottom if pdf.page == page else 0) + 4)
    return bytes(pdf.output())


def own_line_pdf(item: Item) -> bytes:
    """One column; each label on a line of its own above its text."""
    pdf = _pdf(item)
    _write(pdf, 20, 170, item.title, bold=True, size=12)
    pdf.ln(3)
    _write(pdf, 20, 170, f"Dnr {item.register_id}")
    pdf.ln(3)
    for block in item.blocks:
        _write(pdf, 20, 170, block.label, bold=True)
        for paragraph in block.paragraphs:
            _write(pdf, 20, 170, paragraph)
            pdf.ln(2)
        pdf.ln(3)
    return bytes(pdf.output())


# --- DOCX (python-docx) ------------------------------------------------------------------


def table_docx(item: Item, label_cm=3.0, text_cm=13.0) -> bytes:
    """Letterhead and date in the page header; title; a two-column table of labels and text."""
    import docx
    from docx.shared import Cm

    document = docx.Document()
    header = document.sections[0].header.paragraphs[0]
    header.text = f"{item.letterhead}\t\t{item.date_header}"
    document.add_paragraph().add_run(item.title).bold = True
    if not any(block.kind == REGISTER for block in item.blocks):
        document.add_paragraph(item.register_id)
    table = document.add_table(rows=0, cols=2)
    for block in item.blocks:
        row = table.add_row()
        label_cell, text_cell = row.cells
        label_cell.width, text_cell.width = Cm(label_cm), Cm(text_cm)
        label_cell.paragraphs[0].add_run(block.label).bold = True
        text_cell.paragraphs[0].text = block.paragraphs[0]
        for paragraph in block.paragraphs[1:]:
            text_cell.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def tab_docx(item: Item) -> bytes:
    """Hanging-indent paragraphs: "Label<TAB>text", later paragraphs indented to the text."""
    import docx
    from docx.shared import Cm

    document = docx.Document()
    document.add_paragraph(item.letterhead)
    document.add_paragraph(item.date_header)
    document.add_paragraph().add_run(item.title).bold = True
    document.add_paragraph(item.register_id)
    for block in item.blocks:
        for index, paragraph in enumerate(block.paragraphs):
            label = " ".join(block.label.split()) if index == 0 else ""
            p = document.add_paragraph(f"{label}\t{paragraph}")
            p.paragraph_format.left_indent = Cm(4)
            p.paragraph_format.first_line_indent = Cm(-4)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# --- DOC and RTF, converted once and committed ------------------------------------------

CONVERTED = {
    "finnish_table.doc": (finnish_doc_item, "doc"),
    "swedish_table.rtf": (swedish_table_item, "rtf"),
}


def committed(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def regenerate_converted() -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        raise SystemExit("soffice (Debian: libreoffice-writer-nogui) is needed to convert")
    for name, (make_item, extension) in CONVERTED.items():
        with tempfile.TemporaryDirectory() as scratch:
            source = Path(scratch) / (Path(name).stem + ".docx")
            source.write_bytes(table_docx(make_item()))
            subprocess.run(
                [soffice, "--headless", "--convert-to", extension, "--outdir", scratch,
                 str(source)],
                check=True, capture_output=True, timeout=120,
            )  # fmt: skip
            (FIXTURES / name).write_bytes((Path(scratch) / name).read_bytes())
        print(f"wrote {FIXTURES / name}")


if __name__ == "__main__":
    regenerate_converted()
