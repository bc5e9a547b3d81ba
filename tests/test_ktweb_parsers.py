"""KTweb parsers on pages and PDFs the project wrote itself (tests/fixtures/ktweb/).

Covers what the recorded Vantaa pages cannot: a Bootstrap theme, Swedish installs, UTF-16
and UTF-8 pages, labels in a left column, attachment lists, and broken input.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from fpdf import FPDF
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from harvest.platforms import ParseError, detect_page_kind, parse_page
from transform.schema import (
    Classification,
    ContentType,
    DocumentKind,
    PageKind,
    RecordType,
    validate_record,
)

FIXTURES = Path(__file__).parent / "fixtures" / "ktweb"
SITE = "https://tweb.esimerkkila.fi/ktwebscr/"
PROXY = "https://tweb.esimerkkila.fi/ktwebbin/ktproxy2.dll?doctype=3&docid="
TOWN = "esimerkkila"


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def parse(kind, body, url, context=None, municipality=TOWN):
    result = parse_page("ktweb", kind, body, url, municipality, context)
    assert_valid(result)
    return result


def assert_valid(result: dict) -> None:
    """Every record fits the schema and every link has the contract's shape."""
    assert set(result) == {
        "page", "organizations", "meetings", "actions", "links", "errors", "documents"
    }  # fmt: skip
    for key, record_type in (
        ("organizations", RecordType.ORGANIZATION),
        ("meetings", RecordType.MEETING),
        ("actions", RecordType.ACTION),
    ):
        for record in result[key]:
            validate_record(record_type, record)
            assert record["origin_id"] and record["id"].endswith(":" + record["origin_id"])
    for link in result["links"]:
        assert set(link) == {"page_kind", "url", "method", "body", "context"}
        assert PageKind(link["page_kind"]) and link["method"] in ("GET", "POST")
        assert link["url"].startswith("https://")
    assert all(isinstance(error, str) and "\n" not in error for error in result["errors"])


# --- PDFs written with fpdf2 at test time ------------------------------------------------

LABEL_X, TEXT_X, LABEL_WIDTH, TEXT_WIDTH = 20, 60, 38, 130  # millimetres


class _ItemPdf(FPDF):
    """A decision document with a page header and "page (pages)" footer on every page."""

    running_header = ""

    def header(self):
        if self.running_header:
            self.set_font("Helvetica", size=9)
            self.set_xy(LABEL_X, 10)
            self.cell(80, 5, "Esimerkkilä")
            self.set_xy(130, 10)
            self.cell(60, 5, self.running_header)
            self.set_y(25)

    def footer(self):
        self.set_font("Helvetica", size=9)
        self.set_xy(180, -15)
        self.cell(10, 5, f"{self.page_no()} ({{nb}})")


def _new_pdf(running_header: str = "") -> _ItemPdf:
    pdf = _ItemPdf(format="A4")
    pdf.running_header = running_header
    pdf.set_auto_page_break(True, margin=25)
    pdf.add_page()
    pdf.set_y(25)
    return pdf


def _write(pdf: FPDF, x: float, width: float, text: str, bold=False, size=10, align="L") -> None:
    pdf.set_font("Helvetica", "B" if bold else "", size)
    pdf.set_x(x)
    pdf.multi_cell(width, 5, text, align=align)


def _label_row(pdf: FPDF, label: str, text: str) -> None:
    """Label in the left column, its text beside it starting on the same line. The text is
    justified, as in word-processed originals: wide gaps split lines into many fragments."""
    top, page = pdf.get_y(), pdf.page
    _write(pdf, LABEL_X, LABEL_WIDTH, label, bold=True)
    label_bottom = pdf.get_y()
    pdf.page, pdf.y = page, top  # back to the label's line for the text column
    _write(pdf, TEXT_X, TEXT_WIDTH, text, align="J")
    pdf.set_y(max(pdf.get_y(), label_bottom if pdf.page == page else 0) + 5)


def _own_line_block(pdf: FPDF, label: str, text: str) -> None:
    """Label on a line of its own, text below it, all in one column."""
    _write(pdf, LABEL_X, 170, label, bold=True)
    _write(pdf, LABEL_X, 170, text)
    pdf.ln(5)


PRESENTATION_PARAGRAPHS = [
    f"{number}. Kunta järjestää esi- ja perusopetuksen oppilaille maksuttoman "
    "koulukuljetuksen, jos koulumatka on yli viisi kilometriä tai oppilaan ikä ja "
    "koulumatkan vaarallisuus sitä "
    "edellyttävät. Nykyiset kuljetussopimukset päättyvät lukuvuoden lopussa."
    for number in range(1, 13)  # long enough to cross a page break
]


def finnish_label_column_pdf() -> bytes:
    """Two pages: labels at 20 mm, text at 60 mm; "Valmistelijat / ..." wraps in its column."""
    pdf = _new_pdf(running_header="Pöytäkirja 3.4.2025")
    _write(pdf, LABEL_X, 170, "Sivistyslautakunta 3.4.2025 § 13", bold=True)
    pdf.ln(4)
    _write(
        pdf, LABEL_X, 170, bold=True, size=13,
        text="Koulukuljetusten hankinta lukuvuosille 2025-2027 ja kuljetusreittien "
        "muutokset syyslukukauden alusta",
    )  # fmt: skip
    pdf.ln(4)
    _label_row(pdf, "Dnro", "ESIM/123/12.01.00/2025")
    _label_row(
        pdf, "Valmistelijat / Lisätietojen antaja",
        "opetuspäällikkö Liisa Esimerkki, puh. 040 123 4567, liisa.esimerkki@esimerkkila.fi\n"
        "talouspäällikkö Pekka Malli, puh. 040 765 4321",
    )  # fmt: skip
    _label_row(pdf, "Esittelijä", "sivistysjohtaja Matti Meikäläinen")
    _label_row(pdf, "Tiivistelmä", "Koulukuljetukset kilpailutetaan kahdeksi lukuvuodeksi.")
    _label_row(pdf, "Esittelyteksti", "\n\n".join(PRESENTATION_PARAGRAPHS))
    _label_row(pdf, "Päätösehdotus", "Sivistyslautakunta hyväksyy kuljetusten hankinnan.")
    _label_row(pdf, "Käsittely", "Jäsen Virtanen ehdotti asian jättämistä pöydälle.")
    _label_row(pdf, "Päätös", "Hyväksyttiin.")
    _label_row(
        pdf, "Liitteet", "Liite 1 Tarjousvertailu.pdf\nLiite 2 Tarjoajien hinnat (ei julkinen)"
    )
    _label_row(pdf, "Muutoksenhaku", "Oikaisuvaatimusohje")
    return bytes(pdf.output())


def swedish_own_line_pdf() -> bytes:
    """One column; labels on their own lines, with and without a colon, or "Beslut: text"."""
    pdf = _new_pdf()
    _write(pdf, LABEL_X, 170, "Skolskjutsar läsåret 2025-2026, ändring av körtider", True, 12)
    pdf.ln(4)
    _write(pdf, LABEL_X, 170, "Dnr KRS/45/12.01.00/2025")
    pdf.ln(4)
    _write(pdf, LABEL_X, 170, "Skolorna har bett om ändrade körtider från och med höstterminen.")
    pdf.ln(4)
    _write(pdf, LABEL_X, 170, "Tekniska nämnden 12 § 20.1.2025")  # the order Dynasty uses
    _write(pdf, LABEL_X, 170, "Bildningsnämnden 10.2.2025 § 6", bold=True)
    pdf.ln(4)
    _own_line_block(pdf, "Föredragande:", "bildningsdirektör Anna Exempel")
    _own_line_block(pdf, "Beskrivning", "Körtiderna ändras så att skoldagen börjar kl. 8.15.")
    _own_line_block(pdf, "Beslutsförslag:", "Bildningsnämnden godkänner de nya körtiderna.")
    _own_line_block(pdf, "Behandling", "Ärendet diskuterades.")
    _write(pdf, LABEL_X, 170, "Beslut: Förslaget godkändes.")
    pdf.ln(5)
    _own_line_block(pdf, "Bilagor:", "- Körtider 2025-2026.xlsx\n- Offerter (ej offentlig)")
    _own_line_block(
        pdf, "Beredare / Mer information:",
        "skolsekreterare Eva Prov, tfn 06 123 4567, eva.prov@exempel.fi",
    )  # fmt: skip
    _own_line_block(pdf, "Besvärsanvisning", "Anvisning för begäran om omprövning bifogas.")
    return bytes(pdf.output())


def pdf_without_labels() -> bytes:
    pdf = _new_pdf()
    _write(pdf, LABEL_X, 170, "Tiedote", bold=True, size=12)
    pdf.ln(4)
    _write(pdf, LABEL_X, 170, "Kirjasto on suljettu juhannuksena.")
    return bytes(pdf.output())


def pdf_without_text() -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 100)  # a scan would be an image; no text layer either way
    return bytes(pdf.output())


@pytest.fixture(scope="module")
def finnish_pdf() -> bytes:
    return finnish_label_column_pdf()


@pytest.fixture(scope="module")
def finnish_item(finnish_pdf) -> dict:
    context = {"meeting": "2001-minutes", "organization": "501"}
    (action,) = parse(PageKind.ACTION, finnish_pdf, PROXY + "200153", context)["actions"]
    return action


@pytest.fixture(scope="module")
def swedish_item() -> dict:
    (action,) = parse(PageKind.ACTION, swedish_own_line_pdf(), PROXY + "300153")["actions"]
    return action


# --- item PDF: left label column (Finnish) -----------------------------------------------


def test_label_column_pdf_spans_two_pages(finnish_pdf):
    assert b"/Count 2" in finnish_pdf


def test_label_column_pdf_field_by_field(finnish_item):
    assert finnish_item["id"] == "esimerkkila:action:200153"
    assert finnish_item["meeting"] == "esimerkkila:meeting:2001-minutes"
    assert finnish_item["organization"] == "esimerkkila:org:501"
    assert finnish_item["title"] == (
        "Koulukuljetusten hankinta lukuvuosille 2025-2027 ja kuljetusreittien muutokset "
        "syyslukukauden alusta"
    )
    assert finnish_item["register_id"] == "ESIM/123/12.01.00/2025"
    assert finnish_item["function_code"] == "12.01.00"
    assert finnish_item["preparers"] == [
        "opetuspäällikkö Liisa Esimerkki",
        "talouspäällikkö Pekka Malli",
    ]
    assert finnish_item["presenter"] == "sivistysjohtaja Matti Meikäläinen"
    assert finnish_item["history"] == [
        {"organization": "Sivistyslautakunta", "date": "2025-04-03", "article_number": "13"}
    ]
    assert finnish_item["language"] == "fi"


def test_label_column_pdf_sections(finnish_item):
    assert [(c["type"], c["label"]) for c in finnish_item["contents"]] == [
        (ContentType.SUMMARY, "Tiivistelmä"),
        (ContentType.PRESENTATION, "Esittelyteksti"),
        (ContentType.PROPOSAL, "Päätösehdotus"),
        (ContentType.PROCEEDINGS, "Käsittely"),
        (ContentType.DECISION, "Päätös"),
        (ContentType.APPEAL, "Muutoksenhaku"),
    ]
    texts = {c["type"]: c["text"] for c in finnish_item["contents"]}
    assert texts[ContentType.DECISION] == "Hyväksyttiin."
    assert texts[ContentType.PROPOSAL] == "Sivistyslautakunta hyväksyy kuljetusten hankinnan."


def test_label_column_pdf_section_crossing_a_page_keeps_its_paragraphs(finnish_item):
    presentation = next(c for c in finnish_item["contents"] if c["label"] == "Esittelyteksti")
    assert presentation["text"].split("\n\n") == PRESENTATION_PARAGRAPHS
    # The running header and the "1 (2)" footer do not leak into the text.
    assert "Esimerkkilä" not in presentation["text"] and "(2)" not in presentation["text"]


def test_label_column_pdf_attachments(finnish_item):
    assert finnish_item["attachments"] == [
        {"name": "Liite 1 Tarjousvertailu.pdf", "public": True, "media_type": "application/pdf"},
        {
            "name": "Liite 2 Tarjoajien hinnat",
            "public": False,
            "confidentiality_reason": "ei julkinen",
        },
    ]


# --- item PDF: labels on their own lines (Swedish) ---------------------------------------


def test_swedish_pdf_field_by_field(swedish_item):
    assert swedish_item["id"] == "esimerkkila:action:300153"
    assert swedish_item["title"] == "Skolskjutsar läsåret 2025-2026, ändring av körtider"
    assert swedish_item["register_id"] == "KRS/45/12.01.00/2025"
    assert swedish_item["language"] == "sv"
    assert swedish_item["presenter"] == "bildningsdirektör Anna Exempel"
    assert swedish_item["preparers"] == ["skolsekreterare Eva Prov"]
    assert swedish_item["history"] == [
        {"organization": "Tekniska nämnden", "date": "2025-01-20", "article_number": "12"},
        {"organization": "Bildningsnämnden", "date": "2025-02-10", "article_number": "6"},
    ]


def test_swedish_pdf_sections_with_and_without_colons(swedish_item):
    PRESENTATION = ContentType.PRESENTATION
    assert [(c["type"], c["label"], c["text"]) for c in swedish_item["contents"]] == [
        (PRESENTATION, None, "Skolorna har bett om ändrade körtider från och med höstterminen."),
        (PRESENTATION, "Beskrivning", "Körtiderna ändras så att skoldagen börjar kl. 8.15."),
        (ContentType.PROPOSAL, "Beslutsförslag", "Bildningsnämnden godkänner de nya körtiderna."),
        (ContentType.PROCEEDINGS, "Behandling", "Ärendet diskuterades."),
        (ContentType.DECISION, "Beslut", "Förslaget godkändes."),
        (ContentType.APPEAL, "Besvärsanvisning", "Anvisning för begäran om omprövning bifogas."),
    ]


def test_swedish_pdf_bulleted_attachments(swedish_item):
    assert swedish_item["attachments"] == [
        {
            "name": "Körtider 2025-2026.xlsx",
            "public": True,
            "media_type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        },
        {"name": "Offerter", "public": False, "confidentiality_reason": "ej offentlig"},
    ]


# --- item PDF: what can go wrong ---------------------------------------------------------


def test_truncated_pdf_is_a_parse_error(finnish_pdf):
    with pytest.raises(ParseError, match="truncated PDF"):
        parse_page("ktweb", PageKind.ACTION, finnish_pdf[: len(finnish_pdf) // 2], PROXY + "1")


def test_html_error_page_where_a_pdf_was_expected_is_a_parse_error():
    with pytest.raises(ParseError, match="HTML page titled '500 Internal Server Error'"):
        parse_page("ktweb", PageKind.ACTION, fixture("error_page.html"), PROXY + "1")


def test_garbage_between_pdf_header_and_trailer_is_a_parse_error():
    body = b"%PDF-1.4\n" + os.urandom(3000) + b"\n%%EOF\n"
    with pytest.raises(ParseError, match="unreadable PDF"):
        parse_page("ktweb", PageKind.ACTION, body, PROXY + "1")


@pytest.mark.parametrize(("context", "language"), [({"language": "sv"}, "sv"), ({}, None)])
def test_language_without_labels_comes_from_context(context, language):
    (action,) = parse(PageKind.ACTION, pdf_without_labels(), PROXY + "78", context)["actions"]
    assert action["title"] == "Tiedote"
    assert action["contents"] == [
        {
            "type": ContentType.PRESENTATION,
            "label": None,
            "text": "Kirjasto on suljettu juhannuksena.",
        }
    ]
    assert action.get("language") == language


def test_labels_outweigh_the_context_language(finnish_pdf):
    result = parse(PageKind.ACTION, finnish_pdf, PROXY + "200153", {"language": "sv"})
    assert result["actions"][0]["language"] == "fi"


def test_pdf_without_text_yields_the_bare_action_and_an_error():
    result = parse(PageKind.ACTION, pdf_without_text(), PROXY + "77")
    assert result["actions"] == [
        {
            "id": "esimerkkila:action:77",
            "origin_id": "77",
            "municipality": TOWN,
            "pdf_url": PROXY + "77",
        }
    ]
    assert result["errors"] == ["item document 77: no text layer (a scanned PDF?)"]


def test_item_id_comes_from_context_when_the_url_has_none(finnish_pdf):
    result = parse(PageKind.ACTION, finnish_pdf, "https://x.fi/saved.pdf", {"origin_id": "42"})
    assert result["actions"][0]["id"] == "esimerkkila:action:42"
    with pytest.raises(ParseError, match="not found in the url"):
        parse_page("ktweb", PageKind.ACTION, finnish_pdf, "https://x.fi/saved.pdf")


def test_a_pdf_where_a_page_was_expected_is_a_parse_error(finnish_pdf):
    with pytest.raises(ParseError, match="got a PDF where an HTML page was expected"):
        parse_page("ktweb", PageKind.MEETING, finnish_pdf, SITE + "pk_asil_tweb.htm?+bid=1")


# --- meeting page, Bootstrap theme (UTF-8) -----------------------------------------------

BOOTSTRAP_MEETING_URL = SITE + "pk_asil_tweb.htm?+bid=2001"


@pytest.fixture(scope="module")
def bootstrap_meeting() -> dict:
    context = {"organization": "501"}
    return parse(
        PageKind.MEETING, fixture("bootstrap_meeting.html"), BOOTSTRAP_MEETING_URL, context
    )


def test_bootstrap_meeting_field_by_field(bootstrap_meeting):
    assert bootstrap_meeting["meetings"] == [
        {
            "id": "esimerkkila:meeting:2001-minutes",
            "origin_id": "2001-minutes",
            "municipality": TOWN,
            "organization": "esimerkkila:org:501",
            "number": "4/2025",
            "start": "2025-04-03T18:00:00+03:00",
            "document_kind": DocumentKind.MINUTES,
            "source_url": BOOTSTRAP_MEETING_URL,
            "pdf_url": PROXY + "200199",  # the pöytäkirja, not the esityslista
        }
    ]


def test_bootstrap_meeting_items_by_structure_not_class(bootstrap_meeting):
    actions = bootstrap_meeting["actions"]
    assert [(a["article_number"], a["ordering"]) for a in actions] == [
        (None, 0), ("12", 1), ("13", 2), ("15", 4), (None, 5),
    ]  # fmt: skip
    item = actions[2]
    assert item == {
        "id": "esimerkkila:action:200153",
        "origin_id": "200153",
        "municipality": TOWN,
        "organization": "esimerkkila:org:501",
        "meeting": "esimerkkila:meeting:2001-minutes",
        "article_number": "13",
        "ordering": 2,
        "title": "Koulukuljetusten hankinta lukuvuosille 2025–2027",
        "date": "2025-04-03",
        "source_url": BOOTSTRAP_MEETING_URL,
        "pdf_url": PROXY + "200153",
    }


def test_bootstrap_meeting_row_without_link_is_an_error_not_a_crash(bootstrap_meeting):
    (error,) = bootstrap_meeting["errors"]
    assert "§ 14" in error and "no document link" in error


def test_bootstrap_meeting_links_resolve_relative_urls(bootstrap_meeting):
    links = bootstrap_meeting["links"]
    assert [link["page_kind"] for link in links].count(PageKind.ACTION) == 5
    (attachments,) = [link for link in links if link["page_kind"] == PageKind.ATTACHMENTS]
    assert attachments["url"] == SITE + "epjattn_tweb.htm?200153"
    assert attachments["context"] == {
        "organization": "501",
        "meeting": "2001-minutes",
        "origin_id": "200153",
    }


# --- meeting page, Swedish, UTF-16 without BOM -------------------------------------------


def test_utf16_swedish_meeting_page():
    url = SITE + "pk_asil_tweb.htm?+bid=3001"
    body = fixture("meeting_sv_utf16le_nobom.html")
    result = parse(PageKind.MEETING, body, url, {"language": "sv"})
    (meeting,) = result["meetings"]
    assert meeting["document_kind"] == DocumentKind.MINUTES  # "Protokoll"
    assert meeting["start"] == "2025-02-10T18:00:00+02:00"
    assert meeting["number"] == "2/2025"
    assert meeting["language"] == "sv"
    titles = [(a["article_number"], a["title"]) for a in result["actions"]]
    assert titles == [
        (None, "Protokollets pärm"),
        ("5", "Mötets laglighet och beslutförhet"),
        ("6", "Skolskjutsar läsåret 2025–2026, ändring av körtider"),
        (None, "Besvärsanvisning"),
    ]
    assert {a["language"] for a in result["actions"]} == {"sv"}
    assert detect_page_kind("ktweb", body, "") == PageKind.MEETING


# --- meeting without items ---------------------------------------------------------------


def test_empty_meeting_yields_the_meeting_and_no_actions():
    url = SITE + "epj_asil_tweb.htm?+bid=4001"
    body = fixture("empty_meeting.html")
    result = parse(PageKind.MEETING, body, url)
    assert result["meetings"] == [
        {
            "id": "esimerkkila:meeting:4001-agenda",
            "origin_id": "4001-agenda",
            "municipality": TOWN,
            "start": "2025-05-05T09:00:00+03:00",
            "document_kind": DocumentKind.AGENDA,
            "source_url": url,
        }
    ]
    assert result["actions"] == [] and result["links"] == [] and result["errors"] == []
    assert detect_page_kind("ktweb", body, "") == PageKind.MEETING


def test_meeting_page_without_an_id_is_a_parse_error():
    with pytest.raises(ParseError, match="meeting id not found"):
        parse_page("ktweb", PageKind.MEETING, fixture("empty_meeting.html"), "")


# --- meeting list, Bootstrap theme, UTF-8 without a declared charset ---------------------


def test_bootstrap_meeting_list():
    url = SITE + "pk_kokl_tweb.htm"
    body = fixture("bootstrap_meetings.html")
    result = parse(PageKind.MEETINGS, body, url, {"organization": "501"})
    assert [(m["origin_id"], m.get("number"), m["start"]) for m in result["meetings"]] == [
        ("2001-minutes", "4/2025", "2025-04-03T18:00:00+03:00"),
        ("1987-minutes", None, "2025-03-13T17:30:00+02:00"),
        ("1901-minutes", "1/2025", "2025-01-27T18:00:00+02:00"),
    ]
    (error,) = result["errors"]
    assert "bid 1950" in error and "ti 11.2. klo 18" in error
    assert [link["url"] for link in result["links"]] == [
        SITE + "pk_asil_tweb.htm?+bid=2001",
        SITE + "pk_asil_tweb.htm?+bid=1987",
        SITE + "pk_asil_tweb.htm?+bid=1901",
    ]
    assert detect_page_kind("ktweb", body, "") == PageKind.MEETINGS


def test_empty_meeting_list_is_recognised_without_a_url():
    body = (
        "<html><body><table class='list'><tr class='header'><td>Kokoukset/pöytäkirjat:</td></tr>"
        "<tr><td>Aika</td><td>Elin: kokous</td></tr></table></body></html>"
    ).encode("cp1252")
    assert detect_page_kind("ktweb", body, "") == PageKind.MEETINGS
    result = parse(PageKind.MEETINGS, body, SITE + "pk_kokl_tweb.htm", {"organization": "501"})
    assert result["meetings"] == [] and result["errors"] == []


# --- attachment list ---------------------------------------------------------------------


def test_attachment_list():
    url = SITE + "epjattn_tweb.htm?200153"
    body = fixture("attachments.html")
    result = parse(PageKind.ATTACHMENTS, body, url)
    (action,) = result["actions"]
    assert action["id"] == "esimerkkila:action:200153"
    assert action["attachments"] == [
        {
            "name": "Liite 1 Tarjousvertailu.pdf",
            "url": "https://tweb.esimerkkila.fi/ktwebbin/ktproxy2.dll?doctype=1&docid=2001531",
            "public": True,
            "media_type": "application/pdf",
        },
        {
            "name": "Liite 2 Reittikartta.png",
            "url": "https://tweb.esimerkkila.fi/ktwebbin/ktproxy2.dll?doctype=1&docid=2001532",
            "public": True,
            "media_type": "image/png",
        },
        {
            "name": "Liite 3 Tarjoajien hinnat",
            "public": False,
            "confidentiality_reason": "Ei julkinen, JulkL 24.1 § 20 k",
        },
        # No link and no reason given: listed, not public, nothing to fetch.
        {"name": "Liite 4 Sopimusluonnos", "public": False},
    ]
    assert detect_page_kind("ktweb", body, "") == PageKind.ATTACHMENTS


def test_attachment_list_id_from_context():
    result = parse(PageKind.ATTACHMENTS, fixture("attachments.html"), "", {"origin_id": "9"})
    assert result["actions"][0]["id"] == "esimerkkila:action:9"


# --- search forms ------------------------------------------------------------------------


def test_officeholder_search_form():
    url = SITE + "vparhaku_tweb.htm"
    result = parse(PageKind.ORGANIZATIONS, fixture("officeholder_search.html"), url)
    assert [(o["origin_id"], o["name"], o["classification"]) for o in result["organizations"]] == [
        ("7001", "Kaupunginjohtaja", Classification.OFFICEHOLDER),
        ("7002", "Rakennusvalvontapäällikkö", Classification.OFFICEHOLDER),
    ]
    assert result["links"] == []  # the officeholder-decision list is not parsed yet


def test_search_form_without_municipality_uses_the_placeholder():
    result = parse_page(
        "ktweb", None, fixture("officeholder_search.html"), SITE + "vparhaku_tweb.htm"
    )
    assert result["page"] == PageKind.ORGANIZATIONS
    assert result["organizations"][0]["id"] == "unknown:org:7001"
    assert "municipality" not in result["organizations"][0]


# --- broken input: always ParseError, with a one-line message ----------------------------

# Page kinds a platform parser reads (an attachment file is any bytes: random ones are a
# failed read, kept, not a ParseError: tests/test_attachments.py).
ALL_KINDS = [*(kind for kind in PageKind if kind is not PageKind.ATTACHMENT_FILE), None]


@pytest.mark.parametrize("kind", ALL_KINDS)
@pytest.mark.parametrize(
    "body",
    [b"", b"   \n", os.urandom(512), bytes(range(256)) * 4, b"just some text, no markup"],
    ids=["empty", "blank", "random", "all-bytes", "plain-text"],
)
def test_non_html_input_is_a_parse_error(kind, body):
    with pytest.raises(ParseError) as raised:
        parse_page("ktweb", kind, body, SITE + "page.htm")
    assert "\n" not in str(raised.value)


@pytest.mark.parametrize("kind", [*PageKind, None])
def test_an_error_page_is_a_parse_error_for_every_kind(kind):
    with pytest.raises(ParseError):
        parse_page("ktweb", kind, fixture("error_page.html"), SITE + "pk_kokl_tweb.htm")


def test_unknown_page_kind_is_a_parse_error():
    with pytest.raises(ParseError, match="unknown page kind"):
        parse_page("ktweb", "minutes", fixture("bootstrap_meeting.html"), BOOTSTRAP_MEETING_URL)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    kind=st.sampled_from(ALL_KINDS),
    body=st.one_of(
        st.binary(max_size=1500),
        st.builds(lambda b: b"%PDF-1.4\n" + b + b"\n%%EOF", st.binary(max_size=500)),
        st.builds(lambda b: b"<html><body><table>" + b, st.binary(max_size=500)),
    ),
)
def test_any_bytes_give_a_result_or_a_parse_error(kind, body):
    try:
        result = parse_page("ktweb", kind, body, SITE + "pk_asil_tweb.htm?+bid=1")
    except ParseError as error:
        assert "\n" not in str(error)
    else:
        assert_valid(result)
