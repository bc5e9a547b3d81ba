"""Whole-meeting PDFs of our own, written with fpdf2, for the whole-meeting reader's tests.

Three layouts the platforms use (no town's own document is copied):

- ``swedish_tweb``: Tweb-like Swedish minutes. Cover with "Tid", "Plats", attendance groups
  with [X] / [ ] marks, "Protokollet framlagt"; a running header "Protokoll 2§ 30.01.2023
  Sida 2"; items headed "1§ <title>" with the register id under the heading; labels inline
  ("Beredning:", "Stadsdirektör Per Nyströms förslag:", "Stadsstyrelsens beslut:"); a
  damaged text layer (ligature drop-outs, zero-width spaces after commas); a
  "Besvärsanvisning" at the end.
- ``finnish_cloudnc``: CloudNC-like Finnish minutes. "§ 12" alone with the title under
  it, "Valmistelija / lisätiedot:", "Ehdotus" with "Esittelijä:", "Päätös",
  "Muutoksenhakukielto" naming the § it covers; one item page is a scan (an image, no text).
- ``finnish_two_column``: Finnish minutes with labels in a left column beside the text,
  "§ 5 <title>" headings; one page's font maps letters wrongly (text that reads as noise).

``python -m tests.meeting_documents OUTDIR`` writes the three files (for ``avoin import``).
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from fpdf import FPDF

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
ZWSP = "\u200b"


class _Pdf(FPDF):
    running_header = ""  # "{article}" is filled in per page

    def __init__(self):
        super().__init__(format="A4")
        self.article = ""
        self.set_auto_page_break(True, margin=20)
        if (FONT_DIR / "DejaVuSans.ttf").exists():
            self.add_font("Body", "", str(FONT_DIR / "DejaVuSans.ttf"))
            self.add_font("Body", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
            self.family = "Body"
        else:  # no Unicode font: Helvetica writes Latin-1 (no zero-width spaces then)
            self.family = "Helvetica"

    def header(self):
        if self.running_header:
            self.font(9)
            self.set_xy(20, 8)
            text = self.running_header.format(article=self.article, page=self.page_no())
            self.cell(170, 5, text)
            self.set_y(22)

    def font(self, size=10, bold=False):
        self.set_font(self.family, "B" if bold else "", size)

    def text_at(self, x, width, text, bold=False, size=10, gap=2):
        if self.family == "Helvetica":
            text = text.replace(ZWSP, "")
        self.font(size, bold)
        self.set_x(x)
        self.multi_cell(width, 5, text)
        self.ln(gap)


# --- Swedish, Tweb-like --------------------------------------------------------------------


def swedish_tweb() -> bytes:
    pdf = _Pdf()
    pdf.running_header = "Protokoll {article} 30.01.2023 Sida {page}"
    pdf.article = "1-3§"
    pdf.add_page()
    pdf.text_at(20, 170, "Stadsstyrelsen", bold=True, size=14)
    pdf.text_at(20, 170, "Protokoll", size=12)
    for label, value in (
        ("Tid", "30.01.2023 kl. 18:00 - 19:40"),
        ("Plats", "Stadshuset, sessionssalen"),
    ):
        pdf.font()
        pdf.set_x(20)
        pdf.cell(35, 6, label)
        pdf.cell(130, 6, value, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.text_at(20, 170, "Beslutande", bold=True, gap=0)
    for line in (
        "[X] Anna Berg, ordförande",
        "[X] Erik Lund, vice ordförande",
        "[ ] Karin Sjö",
        "[X] Johan Ek",
    ):
        pdf.text_at(55, 130, line, gap=0)
    pdf.ln(2)
    pdf.text_at(20, 170, "Ersättare", bold=True, gap=0)
    pdf.text_at(55, 130, "[X] Lisa Strand", gap=0)
    pdf.ln(2)
    pdf.text_at(20, 170, "Övriga närvarande", bold=True, gap=0)
    pdf.text_at(55, 130, "Maria Holm, stadssekreterare, sekreterare", gap=0)
    pdf.text_at(55, 130, "Per Nyström, stadsdirektör", gap=0)
    pdf.ln(2)
    pdf.text_at(20, 170, "Behandlade ärenden 1-3§", bold=True)
    pdf.text_at(20, 170, "Underskrifer", bold=True, gap=0)  # a damaged "Underskrifter"
    pdf.text_at(55, 130, "Anna Berg, ordförande          Maria Holm, sekreterare")
    pdf.text_at(20, 170, "Protokollet framlagt", bold=True, gap=0)
    pdf.text_at(55, 130, "Stadens webbplats 06.02.2023")
    items = (
        (
            "1",
            "Val av protokolljusterare",
            None,
            [
                ("Förslag:", "Till protokolljusterare väljs Johan Ek och Lisa Strand."),
                ("Stadsstyrelsens beslut:", "Förslaget godkändes."),
            ],
        ),
        (
            "2",
            "Utlåtande om ungdomsfullmäktiges verksamhetsplan",
            "NKBY/723/00.00.01.05/2022",
            [
                ("Tidigare behandling:", "Stadsstyrelsen 12.12.2022 § 310"),
                ("Beredning:", "Maria Holm, stadssekreterare"),
                (
                    None,
                    f"Ungdomsfullmäktge har lämnat sin verksamhetsplan,{ZWSP} som stadsstyrelsen "
                    f"ska ge ett utlåtande om.{ZWSP} Planen har underskrifer av ordföranden och "
                    "sekreteraren.",
                ),
                (
                    "Stadsdirektör Per Nyströms förslag:",
                    "Stadsstyrelsen ger ett positivt utlåtande om verksamhetsplanen.",
                ),
                ("Stadsstyrelsens beslut:", "Förslaget godkändes."),
                ("Bilaga", "Verksamhetsplan 2023"),
            ],
        ),
        (
            "3",
            "Anmälningsärenden",
            "NKBY/12/00.01.00/2023",
            [
                (None, "Stadsstyrelsen antecknar för kännedom inkomna skrivelser."),
                ("Ordförandes förslag:", "Ärendena antecknas för kännedom."),
                ("Beslut:", "Ärendena antecknades för kännedom."),
            ],
        ),
    )
    for number, title, register_id, sections in items:
        pdf.article = f"{number}§"
        pdf.add_page()
        pdf.text_at(20, 170, f"{number}§ {title}", bold=True, size=12)
        if register_id:
            pdf.text_at(20, 170, register_id)
        for label, text in sections:
            if label:
                pdf.text_at(20, 170, label, bold=True, gap=0)
            pdf.text_at(20, 170, text, gap=4)
    pdf.article = "1-3§"
    pdf.add_page()
    pdf.text_at(20, 170, "Besvärsanvisning", bold=True, gap=0)
    pdf.text_at(20, 170, "1-3§")
    pdf.text_at(
        20,
        170,
        "Över beslut i dessa paragrafer får rättelseyrkande inte framställas, "
        "eftersom besluten gäller beredning.",
    )
    return bytes(pdf.output())


# --- Finnish, CloudNC-like -----------------------------------------------------------------


def finnish_cloudnc() -> bytes:
    pdf = _Pdf()
    pdf.add_page()
    _cloudnc_cover(pdf)
    items = (
        (
            "12",
            "Kokouksen laillisuus ja päätösvaltaisuus",
            None,
            None,
            "Kokous on päätösvaltainen, kun enemmän kuin puolet jäsenistä on saapuvilla.",
            "Puheenjohtaja toteaa kokouksen lailliseksi ja päätösvaltaiseksi.",
            "Todettiin kokous lailliseksi ja päätösvaltaiseksi.",
        ),
        (
            "13",
            "Katuvalojen uusiminen",
            "ESIMDno-2024-118",
            "Liisa Virta, kuntatekniikan päällikkö",
            "Kunnan katuvalot uusitaan LED-valaisimiksi vuosina 2024 ja 2025.",
            "Tekninen lautakunta hyväksyy katuvalojen uusimisen suunnitelman.",
            "Lautakunta hyväksyi ehdotuksen.",
        ),
        (
            "14",
            "Lausunto kaavamuutoksesta",
            "ESIMDno-2024-131",
            "Liisa Virta, kuntatekniikan päällikkö",
            "Kaavoitus pyytää lautakunnan lausuntoa asemakaavan muutoksesta.",
            "Lautakunnalla ei ole huomautettavaa asemakaavan muutoksesta.",
            "Lautakunta hyväksyi ehdotuksen.",
        ),
    )
    for number, title, case_id, preparer, text, proposal, decision in items:
        pdf.add_page()
        if number == "14":
            _scanned_page(pdf, f"§ {number} {title}. {text} {proposal}")
            continue
        pdf.text_at(20, 170, f"§ {number}", bold=True, gap=0)
        pdf.text_at(20, 170, title, bold=True)
        if case_id:
            pdf.text_at(20, 170, case_id, gap=6)
        if preparer:
            pdf.text_at(45, 145, "Valmistelija / lisätiedot:", gap=4)
            pdf.text_at(45, 145, preparer, gap=6)
        pdf.text_at(45, 145, text, gap=8)
        pdf.text_at(45, 145, "Ehdotus", bold=True, gap=0)
        pdf.text_at(45, 145, "Esittelijä: Pekka Salo, tekninen johtaja", gap=4)
        pdf.text_at(45, 145, proposal, gap=6)
        pdf.text_at(45, 145, "Päätös", bold=True, gap=0)
        pdf.text_at(45, 145, decision)
    pdf.add_page()
    pdf.text_at(20, 170, "Muutoksenhakukielto", bold=True, gap=0)
    pdf.text_at(45, 145, "§12, §13, §14", gap=4)
    pdf.text_at(
        45,
        145,
        "Päätökseen, joka koskee vain valmistelua tai täytäntöönpanoa, ei saa "
        "hakea muutosta (Kuntalaki 136 §).",
    )
    return bytes(pdf.output())


def _cloudnc_cover(pdf: _Pdf) -> None:
    pdf.text_at(20, 170, "Tekninen lautakunta", bold=True, size=14)
    pdf.text_at(20, 170, "Pöytäkirja", size=12)
    for label, value in (
        ("Aika", "14.03.2024, klo 17:00 - 18:30"),
        ("Paikka", "Kunnantalo, valtuustosali"),
    ):
        pdf.font()
        pdf.set_x(20)
        pdf.cell(25, 6, label)
        pdf.cell(140, 6, value, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    groups = (
        (
            "Saapuvilla olleet jäsenet",
            (
                "Matti Niemi, puheenjohtaja",
                "Anna Koski, varapuheenjohtaja",
                "Jussi Laine",
                "Eeva Rinne, varajäsen",
            ),
        ),
        (
            "Muut saapuvilla olleet",
            ("Pekka Salo, tekninen johtaja, esittelijä", "Sari Mäki, hallintosihteeri, sihteeri"),
        ),
        ("Poissa", ("Ville Aho",)),
    )
    for group, people in groups:
        pdf.text_at(20, 170, group, gap=0)
        for person in people:
            pdf.text_at(45, 145, person, gap=0)
        pdf.ln(3)
    pdf.text_at(20, 170, "Pöytäkirjan nähtävänäolo", gap=0)
    pdf.text_at(45, 145, "Kunnan verkkosivuilla 21.3.2024", gap=4)
    pdf.text_at(20, 170, "Käsitellyt asiat", bold=True, gap=0)
    for number, title in (
        ("12", "Kokouksen laillisuus ja päätösvaltaisuus"),
        ("13", "Katuvalojen uusiminen"),
        ("14", "Lausunto kaavamuutoksesta"),
    ):
        pdf.text_at(20, 170, f"§ {number}   {title}", bold=True, gap=0)


def _scanned_page(pdf: _Pdf, text: str) -> None:
    """A page that is only a picture of text, as a scanner makes it."""
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("L", (1240, 700), 255)
    draw = ImageDraw.Draw(image)
    try:
        font = ImageFont.truetype(str(FONT_DIR / "DejaVuSans.ttf"), 30)
    except OSError:
        font = ImageFont.load_default()
    words, line, y = text.split(), "", 40
    for word in words:
        if len(line) + len(word) > 60:
            draw.text((40, y), line, fill=0, font=font)
            line, y = "", y + 48
        line = f"{line} {word}".strip()
    draw.text((40, y), line, fill=0, font=font)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    pdf.image(buffer, x=15, y=20, w=180)


# --- Finnish, two columns ------------------------------------------------------------------


def finnish_two_column() -> bytes:
    pdf = _Pdf()
    pdf.running_header = "Esimerkkilän kunta    Pöytäkirja 3/2024    Sivu {page}"
    pdf.add_page()
    pdf.text_at(20, 170, "Kunnanhallitus", bold=True, size=14)
    pdf.text_at(20, 170, "Pöytäkirja 3/2024")
    rows = (
        ("Aika", "04.04.2024 klo 18:00"),
        ("Paikka", "Kunnantalo"),
        ("Läsnä", "Liisa Harju, puheenjohtaja"),
    )
    for label, value in rows:
        _row(pdf, label, value)
    for person in ("Olli Kallio", "Timo Saari, kunnanjohtaja, sihteeri"):
        _row(pdf, "", person)
    _row(pdf, "Poissa", "Pirjo Lehto")
    items = (
        (
            "5",
            "Talousarvion toteutuminen",
            "KH/45/02.02.01/2024",
            [
                ("Valmistelija", "Timo Saari, kunnanjohtaja"),
                (
                    "Selostus",
                    "Talousarvio on toteutunut suunnitellusti ensimmäisellä neljänneksellä.",
                ),
                ("Päätösehdotus", "Kunnanhallitus merkitsee toteutuman tiedoksi."),
                ("Päätös", "Hyväksyttiin."),
            ],
            False,
        ),
        (
            "6",
            "Koulukuljetusten hankinta",
            "KH/52/02.08.00/2024",
            [
                ("Valmistelija", "Timo Saari, kunnanjohtaja"),
                (
                    "Selostus",
                    "Koulukuljetukset kilpailutetaan lukuvuosille 2024-2027. Tarjouksia tuli "
                    "neljä ja halvin tarjous täyttää tarjouspyynnön ehdot.",
                ),
                ("Päätösehdotus", "Kunnanhallitus hyväksyy halvimman tarjouksen."),
                ("Päätös", "Hyväksyttiin."),
            ],
            True,
        ),
    )
    for number, title, register_id, sections, garbled in items:
        pdf.add_page()
        pdf.text_at(20, 170, f"§ {number} {title}", bold=True, size=12, gap=0)
        pdf.text_at(20, 170, register_id, gap=4)
        for label, text in sections:
            _row(pdf, label, _garble(text) if garbled else text)
    return bytes(pdf.output())


def _row(pdf: _Pdf, label: str, text: str) -> None:
    top, page = pdf.get_y(), pdf.page
    if label:
        pdf.text_at(20, 40, label, bold=True, gap=0)
    pdf.page, pdf.y = page, top
    pdf.text_at(65, 125, text, gap=3)


# A font whose glyphs are mapped to the wrong letters ("protokojjet" for "protokollet").
_WRONG_LETTERS = str.maketrans({"l": "j", "a": "q", "i": "!", "e": "c", "u": "v", "t": "f"})


def _garble(text: str) -> str:
    return text.translate(_WRONG_LETTERS)


# --- The demo's own meeting as one file ----------------------------------------------------


def demo_board_minutes() -> bytes:
    """Kristinestad's Stadsstyrelsen 15/2026 from the recorded sample sites, as Tweb prints
    the whole minutes: importing it into the demo archive joins the items the demo harvested
    item by item (same organ, date and §), adding none twice."""
    from sample_sites.content.kristinestad import BOARD_NOVEMBER_2026 as meeting

    pdf = _Pdf()
    day = meeting.start.strftime("%d.%m.%Y")
    pdf.running_header = "Protokoll {article} " + day + " Sida {page}"
    pdf.add_page()
    pdf.text_at(20, 170, meeting.organ.name, bold=True, size=14)
    pdf.text_at(20, 170, f"Protokoll {meeting.number}", size=12)
    _row(pdf, "Tid", f"{day} kl. {meeting.start:%H:%M} - {meeting.end_time}")
    _row(pdf, "Plats", meeting.place)
    pdf.text_at(20, 170, "Närvarande", bold=True, gap=0)
    for person in meeting.attendees:
        pdf.text_at(55, 130, person, gap=0)
    for offset, item in enumerate(meeting.items):
        number = meeting.first_article + offset
        pdf.article = f"{number}§"
        pdf.add_page()
        pdf.text_at(20, 170, f"{number}§ {item.title}", bold=True, size=12)
        if item.register_id:
            pdf.text_at(20, 170, item.register_id)
        if item.preparers:
            pdf.text_at(20, 170, "Beredning: " + ", ".join(p.name for p in item.preparers))
        pdf.text_at(20, 170, item.presentation, gap=4)
        presenter = f"{item.presenter.title.capitalize()} {item.presenter.name}s förslag:"
        for label, text in ((presenter if item.presenter else "Förslag:", item.proposal),
                            ("Beslut:", item.decision)):  # fmt: skip
            pdf.text_at(20, 170, label, bold=True, gap=0)
            pdf.text_at(20, 170, text, gap=4)
    return bytes(pdf.output())


LAYOUTS = {
    "swedish_tweb": swedish_tweb,
    "finnish_cloudnc": finnish_cloudnc,
    "finnish_two_column": finnish_two_column,
}
DEMO_FILE_NAME = "Protokoll-Stadsstyrelsen - 10.11.2026.pdf"
FILE_NAMES = {
    "swedish_tweb": "Protokoll-Stadsstyrelsen - 30.01.2023.pdf",
    "finnish_cloudnc": "Pöytäkirja-Tekninen lautakunta - 14.03.2024, klo 17_00.pdf",
    "finnish_two_column": "Pöytäkirja-Kunnanhallitus - 04.04.2024.pdf",
}


def write_all(directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for layout, make in LAYOUTS.items():
        path = directory / FILE_NAMES[layout]
        path.write_bytes(make())
        written.append(path)
    return written


def write_demo(directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / DEMO_FILE_NAME
    path.write_bytes(demo_board_minutes())
    return path


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "meetings")
    for written_path in [*write_all(target), write_demo(target)]:
        print(written_path)
