"""Item, cover, appeal, whole-meeting and attachment PDFs, laid out like real KTweb PDFs.

Labels sit in a left column (x = 20 mm) and their text in a right column (x = 60 mm), so a
text extractor has to work to keep reading order - as with the real documents. The core
Helvetica font is latin-1 only; text outside it is refused with the document named.
Output is uncompressed and dated from the content, so reruns are byte-identical.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC

from fpdf import FPDF
from fpdf.errors import FPDFUnicodeEncodingException

from sample_sites.documents import (
    APPEAL,
    COVER,
    ITEM,
    WHOLE_MEETING,
    AttachmentDocument,
    Document,
    meeting_rows,
)
from sample_sites.model import MINUTES, Person, Site, fi_date, fi_datetime

LEFT_MARGIN = 20
TEXT_COLUMN = 60
RIGHT_MARGIN = 20
LINE_HEIGHT = 5


class UnsupportedCharacterError(ValueError):
    """Content holds a character the PDF core font cannot print (e.g. an en dash)."""


class _KtwebPdf(FPDF):
    """An A4 page with KTweb's running header: town, document and page number."""

    def __init__(self, site: Site, document: Document):
        super().__init__(format="A4", unit="mm")
        self.header_left = (site.town_name[document.language], document.meeting.organ.name)
        words = document.words
        self.header_right = (
            f"{words[document.kind]} {document.meeting.number}",
            fi_date(document.meeting.start),
        )
        self.set_compression(False)  # zlib builds differ; plain streams keep bytes stable
        self.set_margins(LEFT_MARGIN, 25, RIGHT_MARGIN)
        self.set_auto_page_break(True, margin=20)

    def header(self) -> None:
        self.set_font("Helvetica", size=8)
        self.set_xy(LEFT_MARGIN, 10)
        self.cell(100, 4, self.header_left[0])
        self.cell(0, 4, f"{self.header_right[0]}    {self.page_no()} ({{nb}})", align="R")
        self.set_xy(LEFT_MARGIN, 14)
        self.cell(100, 4, self.header_left[1])
        self.cell(0, 4, self.header_right[1], align="R")
        self.set_xy(LEFT_MARGIN, 25)

    def title_block(self, title: str) -> None:
        self.set_font("Helvetica", "B", 12)
        self.multi_cell(0, 6, title, align="L", new_x="LMARGIN", new_y="NEXT")
        self.ln(2)

    def plain_line(self, text: str, bold: bool = False, align: str = "J") -> None:
        self.set_font("Helvetica", "B" if bold else "", 10)
        self.multi_cell(0, LINE_HEIGHT, text, align=align, new_x="LMARGIN", new_y="NEXT")

    def labelled_section(self, label: str, text: str, align: str = "J") -> None:
        """Label in the left column, text in the right column starting on the same line.

        Running text is justified, as in the word-processed originals; lists use align="L".
        """
        self.ln(3)
        top = self.get_y()
        self.set_font("Helvetica", "B", 10)
        self.set_xy(LEFT_MARGIN, top)
        self.cell(TEXT_COLUMN - LEFT_MARGIN - 2, LINE_HEIGHT, label)
        self.set_font("Helvetica", "", 10)
        self.set_left_margin(TEXT_COLUMN)  # keeps the column after an automatic page break
        self.set_xy(TEXT_COLUMN, top)
        self.multi_cell(0, LINE_HEIGHT, text, align=align, new_x="LMARGIN", new_y="NEXT")
        self.set_left_margin(LEFT_MARGIN)
        self.set_x(LEFT_MARGIN)


def item_pdf(site: Site, document: Document) -> bytes:
    """The item document behind ``ktproxy2.dll?doctype=3&docid=...``."""
    renderers = {
        ITEM: _write_item,
        COVER: _write_cover,
        APPEAL: _write_appeal,
        WHOLE_MEETING: _write_whole_meeting,
    }
    with _naming_the_document(f"document {document.docid} {document.title!r}"):
        pdf = _start(site, document, document.title)
        renderers[document.role](pdf, site, document)
        return bytes(pdf.output())


def attachment_pdf(site: Site, document: Document, attachment: AttachmentDocument) -> bytes:
    """A short attachment behind ``ktproxy2.dll?doctype=1&docid=...``."""
    with _naming_the_document(f"attachment {attachment.docid} {attachment.attachment.name!r}"):
        pdf = _start(site, document, attachment.attachment.name)
        pdf.plain_line(f"{document.words['attachments']} {attachment.number}")
        pdf.title_block(attachment.attachment.name)
        pdf.plain_line(
            f"{document.meeting.organ.name} {fi_date(document.meeting.start)} "
            f"§ {document.article}, {document.title}"
        )
        pdf.ln(4)
        pdf.plain_line(attachment.attachment.text)
        return bytes(pdf.output())


def _start(site: Site, document: Document, title: str) -> _KtwebPdf:
    pdf = _KtwebPdf(site, document)
    pdf.set_creation_date(document.meeting.published_at(document.kind).astimezone(UTC))
    pdf.set_title(title)
    pdf.set_author(site.town_name[document.language])
    pdf.set_creator("Avoin sample site generator")
    pdf.add_page()
    return pdf


@contextmanager
def _naming_the_document(what: str) -> Iterator[None]:
    """fpdf2's error names the character but not the document; add the document."""
    try:
        yield
    except FPDFUnicodeEncodingException as error:
        raise UnsupportedCharacterError(f"{what}: {error}") from None


def _write_item(pdf: _KtwebPdf, site: Site, document: Document) -> None:
    item, words, meeting = document.item, document.words, document.meeting
    pdf.title_block(document.title)
    if item.register_id:
        pdf.plain_line(item.register_id)
    if item.preparers:
        pdf.ln(2)
        pdf.plain_line(words["preparers"], bold=True)
        for person in item.preparers:
            pdf.plain_line(_contact_line(person, document.language))
    pdf.ln(2)
    for handling in item.earlier_handling:
        pdf.plain_line(handling)
    pdf.plain_line(f"{meeting.organ.name} {fi_date(meeting.start)} § {document.article}", bold=True)
    for label, text, *align in _item_sections(document):
        pdf.labelled_section(label, text, *align)


def _item_sections(document: Document) -> list[tuple]:
    """(label, text) or (label, text, align) in the order the real PDFs use."""
    item, words = document.item, document.words
    sections = []
    if item.summary:
        sections.append((words["summary"], item.summary))
    sections.append((words["presentation"], item.presentation))
    if item.presenter:
        sections.append((words["presenter"], f"{item.presenter.title} {item.presenter.name}"))
    sections.append((words["proposal"], item.proposal))
    if document.kind == MINUTES:
        if item.proceedings:
            sections.append((words["proceedings"], item.proceedings))
        sections.append((words["decision"], item.decision))
    if document.attachments:
        sections.append((words["attachments"], _attachment_lines(document), "L"))
    return sections


def _attachment_lines(document: Document) -> str:
    lines = []
    for attachment in document.attachments:
        line = f"{attachment.number} {attachment.attachment.name}"
        if not attachment.attachment.public:
            line += f" ({document.words['non_public_in_pdf']})"
        lines.append(line)
    return "\n".join(lines)


def _contact_line(person: Person, language: str) -> str:
    return person.contact_line_sv() if language == "sv" else person.contact_line()


def _write_cover(pdf: _KtwebPdf, site: Site, document: Document) -> None:
    meeting, words = document.meeting, document.words
    pdf.title_block(document.title)
    pdf.plain_line(site.town_name[document.language])
    pdf.plain_line(f"{meeting.organ.name} {words[document.kind]} {meeting.number}", bold=True)
    time_text = fi_datetime(meeting.start)
    if document.kind == MINUTES and meeting.end_time:
        time_text += f" - {meeting.end_time}"
    pdf.labelled_section(words["time"], time_text)
    pdf.labelled_section(words["place"], meeting.place)
    if document.kind == MINUTES:
        pdf.labelled_section(words["present"], "\n".join(meeting.attendees), "L")
    listed = [
        f"§ {row.article} {row.title}"
        for row in meeting_rows(meeting, document.kind)
        if row.article
    ]
    pdf.labelled_section(words["items_heading"], "\n".join(listed), "L")


def _write_appeal(pdf: _KtwebPdf, site: Site, document: Document) -> None:
    meeting = document.meeting
    articles = [row.article for row in meeting_rows(meeting, document.kind) if row.article]
    article_range = f"{articles[0]}-{articles[-1]}" if len(articles) > 1 else str(articles[0])
    court = site.appeal_court[document.language]
    pdf.title_block(document.title)
    if document.language == "sv":
        texts = (
            f"Omprövningsbegäran, §§ {article_range}: Den som är missnöjd med beslutet kan "
            "begära omprövning skriftligt inom 14 dagar från delfåendet av beslutet. "
            "Omprövning får begäras av den som beslutet avser eller vars rätt, skyldighet "
            "eller fördel direkt påverkas av beslutet samt av kommunmedlemmarna.",
            "Kommunalbesvär: Beslut med anledning av omprövningsbegäran får överklagas "
            f"genom kommunalbesvär inom 30 dagar från delfåendet. Besvärsmyndighet är {court}.",
            "Förbud att söka ändring: Beslut som gäller beredning eller verkställighet får "
            "inte överklagas (KomL 136 §).",
        )
    else:
        texts = (
            f"Oikaisuvaatimusohje, §:t {article_range}: Päätökseen tyytymätön voi tehdä "
            "kirjallisen oikaisuvaatimuksen 14 päivän kuluessa päätöksen tiedoksisaannista. "
            "Oikaisuvaatimuksen saa tehdä se, johon päätös on kohdistettu tai jonka "
            "oikeuteen, velvollisuuteen tai etuun päätös välittömästi vaikuttaa, sekä "
            "kunnan jäsen.",
            "Kunnallisvalitus: Oikaisuvaatimuksen johdosta tehtyyn päätökseen saa hakea "
            "muutosta kunnallisvalituksella 30 päivän kuluessa päätöksen tiedoksisaannista. "
            f"Valitusviranomainen on {court}.",
            "Valituskielto: Valmistelua tai täytäntöönpanoa koskevasta päätöksestä ei saa "
            "tehdä oikaisuvaatimusta eikä kunnallisvalitusta (KuntaL 136 §).",
        )
    for text in texts:
        pdf.plain_line(text)
        pdf.ln(3)


def _write_whole_meeting(pdf: _KtwebPdf, site: Site, document: Document) -> None:
    meeting, words = document.meeting, document.words
    pdf.title_block(document.title)
    pdf.plain_line(f"{site.town_name[document.language]}, {meeting.place}")
    for row in meeting_rows(meeting, document.kind):
        if not row.article:
            continue
        text = row.item.decision if document.kind == MINUTES else row.item.proposal
        label = words["decision"] if document.kind == MINUTES else words["proposal"]
        pdf.ln(3)
        pdf.plain_line(f"§ {row.article} {row.title}", bold=True, align="L")
        pdf.labelled_section(label, text)
