"""KTweb parsers on real pages recorded from Vantaa in 2017 (../shared/real-pages/).

Counts, one record field by field, and properties of every record. Skipped, with the reason
shown, only on a machine without the shared folder (CI always has it).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from harvest.platforms import detect_page_kind, parse_page
from transform.schema import (
    Classification,
    ContentType,
    DocumentKind,
    PageKind,
    RecordType,
    validate_record,
)

REAL_PAGES = Path(__file__).parents[1].parent / "shared" / "real-pages" / "tweb-vantaa-2017"
pytestmark = pytest.mark.skipif(
    not REAL_PAGES.is_dir(), reason=f"real pages not found at {REAL_PAGES}"
)

SITE = "http://paatokset.vantaa.fi/ktwebbin/dbisa.dll/ktwebscr/"
SEARCH_URL = SITE + "epj_tek_tweb.htm"
LIST_URL = SITE + "pk_kokl_tweb.htm"
MEETING_URL = SITE + "pk_asil_tweb.htm?+bid=130013"
ITEM_URL = "http://paatokset.vantaa.fi/ktwebbin/ktproxy2.dll?doctype=3&docid=1135625"
BOARD = "55015"  # Kaupunginhallitus
ISO_START = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:00\+0[23]:00$")


def parse_real(kind, name, url, context=None):
    if not REAL_PAGES.is_dir():
        return None
    body = (REAL_PAGES / name).read_bytes()
    return parse_page("ktweb", kind, body, url, "vantaa", context)


SEARCH = parse_real(PageKind.ORGANIZATIONS, "vantaa_tweb_haku.html", SEARCH_URL)
MEETINGS = parse_real(
    PageKind.MEETINGS, "vantaa_tweb_kaupunginhallitus_kokoukset.html", LIST_URL,
    {"organization": BOARD},
)  # fmt: skip
MEETING = parse_real(
    PageKind.MEETING, "vantaa_tweb_kaupunginhallitus_20_3_2017.html", MEETING_URL,
    {"organization": BOARD},
)  # fmt: skip
ITEM = parse_real(
    PageKind.ACTION, "510975521.pdf", ITEM_URL, {"organization": BOARD, "meeting": "130013-minutes"}
)


def records(result, key):
    return result[key] if result else []


@pytest.mark.parametrize(
    ("name", "url", "expected"),
    [
        ("vantaa_tweb_haku.html", SEARCH_URL, PageKind.ORGANIZATIONS),
        ("vantaa_tweb_kaupunginhallitus_kokoukset.html", LIST_URL, PageKind.MEETINGS),
        ("vantaa_tweb_kaupunginhallitus_20_3_2017.html", MEETING_URL, PageKind.MEETING),
        ("510975521.pdf", ITEM_URL, PageKind.ACTION),
        # Without a url (``avoin parse PATH``) the content alone decides.
        ("vantaa_tweb_haku.html", "", PageKind.ORGANIZATIONS),
        ("vantaa_tweb_kaupunginhallitus_kokoukset.html", "", PageKind.MEETINGS),
        ("vantaa_tweb_kaupunginhallitus_20_3_2017.html", "", PageKind.MEETING),
        ("510975521.pdf", "", PageKind.ACTION),
    ],
)
def test_page_kind_is_detected(name, url, expected):
    assert detect_page_kind("ktweb", (REAL_PAGES / name).read_bytes(), url) == expected


# --- the search form: organs -------------------------------------------------------------


def test_search_form_lists_29_distinct_organs():
    organizations = SEARCH["organizations"]
    assert len(organizations) == 29
    assert len({organization["id"] for organization in organizations}) == 29
    assert SEARCH["page"] == PageKind.ORGANIZATIONS
    assert SEARCH["errors"] == []


def test_search_form_board_field_by_field():
    board = next(o for o in SEARCH["organizations"] if o["origin_id"] == BOARD)
    assert board == {
        "id": "vantaa:org:55015",
        "origin_id": "55015",
        "municipality": "vantaa",
        "name": "Kaupunginhallitus",
        "classification": Classification.BOARD,
    }


@pytest.mark.parametrize(
    ("name", "classification"),
    [
        ("Kaupunginvaltuusto", Classification.COUNCIL),
        ("Stadsfullmäktige", Classification.COUNCIL),
        ("Kaupunginhallitus", Classification.BOARD),
        ("Opetuslautakunta", Classification.COMMITTEE),
        ("Svenska kommittén", Classification.COMMITTEE),
        ("Hakunilan aluetoimikunta", Classification.COMMITTEE),
        ("Vantaan Työterveys liikelaitoksen johtokunta", Classification.COMMITTEE),
        ("Yleisjaosto", Classification.SUBCOMMITTEE),
        ("Undervisningsnämndens svenskspråkiga sektion", Classification.SUBCOMMITTEE),
        ("Nuorisovaltuusto", Classification.OTHER),
        ("Vanhusneuvosto", Classification.OTHER),
    ],
)
def test_organ_classification_from_name(name, classification):
    by_name = {o["name"]: o["classification"] for o in records(SEARCH, "organizations")}
    assert by_name[name] == classification


@pytest.mark.parametrize("organization", records(SEARCH, "organizations"), ids=lambda o: o["name"])
def test_every_organization(organization):
    validate_record(RecordType.ORGANIZATION, organization)
    assert re.fullmatch(r"\d+", organization["origin_id"])  # "102686.000000" -> "102686"
    assert organization["id"] == f"vantaa:org:{organization['origin_id']}"
    assert organization["name"] and organization["name"] != "Kaikki toimielimet"


def test_search_form_links_post_to_both_meeting_lists_per_organ():
    links = SEARCH["links"]
    assert len(links) == 2 * 29
    assert {link["url"] for link in links} == {
        SITE + "pk_kokl_tweb.htm",
        SITE + "epj_kokl_tweb.htm",
    }
    board_links = [link for link in links if link["context"] == {"organization": BOARD}]
    assert [link["body"] for link in board_links] == ["kirjaamo=55015&oper=where"] * 2
    assert all(
        link["method"] == "POST" and link["page_kind"] == PageKind.MEETINGS for link in links
    )


# --- the meeting list ----------------------------------------------------------------------


def test_meeting_list_yields_71_meetings():
    assert len(MEETINGS["meetings"]) == 71
    assert len({meeting["id"] for meeting in MEETINGS["meetings"]}) == 71
    assert MEETINGS["errors"] == []
    assert len(MEETINGS["links"]) == 71


def test_meeting_list_record_field_by_field():
    meeting = next(m for m in MEETINGS["meetings"] if m["origin_id"] == "130013-minutes")
    assert meeting == {
        "id": "vantaa:meeting:130013-minutes",
        "origin_id": "130013-minutes",
        "municipality": "vantaa",
        "organization": "vantaa:org:55015",
        "start": "2017-03-20T17:00:00+02:00",
        "document_kind": DocumentKind.MINUTES,
        "source_url": MEETING_URL,
    }


def test_meeting_list_keeps_summer_time_offset_and_page_order():
    first, last = MEETINGS["meetings"][0], MEETINGS["meetings"][-1]
    assert (first["origin_id"], first["start"]) == ("131213-minutes", "2017-04-10T17:00:00+03:00")
    assert (last["origin_id"], last["start"]) == ("92899-minutes", "2014-01-13T17:00:00+02:00")


@pytest.mark.parametrize("meeting", records(MEETINGS, "meetings"), ids=lambda m: m["origin_id"])
def test_every_listed_meeting(meeting):
    validate_record(RecordType.MEETING, meeting)
    assert ISO_START.match(meeting["start"])
    assert meeting["document_kind"] == DocumentKind.MINUTES
    assert meeting["organization"] == "vantaa:org:55015"
    bid = meeting["origin_id"].removesuffix("-minutes")
    assert meeting["source_url"].endswith(f"pk_asil_tweb.htm?+bid={bid}")
    assert "number" not in meeting  # "Kaupunginhallitus: Kaupunginhallitus" carries none


@pytest.mark.parametrize("link", records(MEETINGS, "links"), ids=lambda link: link["url"][-6:])
def test_every_meeting_list_link(link):
    assert link["page_kind"] == PageKind.MEETING
    assert link["method"] == "GET" and link["body"] is None
    assert link["url"].startswith(SITE)
    assert link["context"] == {"organization": BOARD}


# --- one meeting's items -------------------------------------------------------------------


def test_meeting_page_yields_the_meeting():
    assert MEETING["meetings"] == [
        {
            "id": "vantaa:meeting:130013-minutes",
            "origin_id": "130013-minutes",
            "municipality": "vantaa",
            "organization": "vantaa:org:55015",
            "start": "2017-03-20T17:00:00+02:00",
            "document_kind": DocumentKind.MINUTES,
            "source_url": MEETING_URL,
            # "Kaupunginhallitus pöytäkirja 20.03.2017 17:00 (A, J)" under Kokousmateriaali
            "pdf_url": "http://paatokset.vantaa.fi/ktwebbin/ktproxy2.dll?doctype=3&docid=1138045",
        }
    ]
    validate_record(RecordType.MEETING, MEETING["meetings"][0])


def test_meeting_page_has_29_numbered_items_and_8_unnumbered_rows():
    actions = MEETING["actions"]
    numbered = [a["article_number"] for a in actions if a["article_number"] is not None]
    assert numbered == [str(number) for number in range(1, 30)]
    unnumbered = [a["title"] for a in actions if a["article_number"] is None]
    assert unnumbered[0] == "Pöytäkirjan kansilehti"
    assert len(unnumbered) == 8
    assert all(title.startswith("Muutoksenhakuohje") for title in unnumbered[1:])
    assert [a["ordering"] for a in actions] == list(range(37))
    assert MEETING["errors"] == []


def test_meeting_page_item_field_by_field():
    item = next(a for a in MEETING["actions"] if a["article_number"] == "10")
    assert item == {
        "id": "vantaa:action:1135625",
        "origin_id": "1135625",
        "municipality": "vantaa",
        "organization": "vantaa:org:55015",
        "meeting": "vantaa:meeting:130013-minutes",
        "article_number": "10",
        "ordering": 10,
        "title": "Kommentit valtiovarainministeriölle parlamentaarisen työryhmän väliraporttiin "
        "tulevaisuuden kunnasta sekä asiantuntijaryhmän muistioon sote- ja "
        "maakuntauudistuksen vaikutuksista kuntiin",
        "date": "2017-03-20",
        "source_url": MEETING_URL,
        "pdf_url": ITEM_URL,
    }


def test_meeting_page_links_item_documents_and_attachment_lists():
    links = MEETING["links"]
    actions = [link for link in links if link["page_kind"] == PageKind.ACTION]
    attachment_lists = [link for link in links if link["page_kind"] == PageKind.ATTACHMENTS]
    assert len(actions) == 37
    # Items 9-20 and 22-29 have attachments ("N kpl"); the others show "-".
    assert len(attachment_lists) == 20
    item_10 = next(link for link in attachment_lists if link["url"].endswith("?1135625"))
    assert item_10 == {
        "page_kind": PageKind.ATTACHMENTS,
        "url": SITE + "epjattn_tweb.htm?1135625",
        "method": "GET",
        "body": None,
        "context": {"organization": BOARD, "meeting": "130013-minutes", "origin_id": "1135625"},
    }


@pytest.mark.parametrize("action", records(MEETING, "actions"), ids=lambda a: a["origin_id"])
def test_every_meeting_item(action):
    validate_record(RecordType.ACTION, action)
    assert action["meeting"] == "vantaa:meeting:130013-minutes"
    assert action["pdf_url"].endswith(f"ktproxy2.dll?doctype=3&docid={action['origin_id']}")
    assert action["title"] and "  " not in action["title"] and "\n" not in action["title"]
    assert action["date"] == "2017-03-20"


# --- the item PDF --------------------------------------------------------------------------


def test_item_document_title_and_register_number():
    (action,) = ITEM["actions"]
    assert action["title"].startswith("Kommentit valtiovarainministeriölle")
    # The title spans three lines in the PDF.
    assert action["title"].endswith("sote- ja maakuntauudistuksen vaikutuksista kuntiin")
    assert action["register_id"] == "VD/1545/00.04.00/2017"
    assert action["function_code"] == "00.04.00"
    validate_record(RecordType.ACTION, action)


def test_item_document_field_by_field():
    (action,) = ITEM["actions"]
    assert action["id"] == "vantaa:action:1135625"
    assert action["origin_id"] == "1135625"
    assert action["meeting"] == "vantaa:meeting:130013-minutes"
    assert action["organization"] == "vantaa:org:55015"
    assert action["pdf_url"] == ITEM_URL
    assert action["language"] == "fi"
    assert action["preparers"] == [
        "kaupunginjohtaja Kari Nenonen",
        "hallinnon erityisasiantuntija Paula Harju",
    ]
    assert "presenter" not in action
    assert action["history"] == [
        {"organization": "Kaupunginhallitus", "date": "2017-03-20", "article_number": "10"}
    ]
    assert [(c["type"], c["label"]) for c in action["contents"]] == [
        (ContentType.PRESENTATION, None),
        (ContentType.PROPOSAL, "Kaupunginjohtajan esitys"),
        (ContentType.DECISION, "Päätös"),
        (ContentType.OTHER, "Täytäntöönpano"),
        (ContentType.APPEAL, "Muutoksenhakuohje"),
    ]
    assert [a["name"][:40] for a in action["attachments"]] == [
        "Kommentit parlamentaarisen työryhmän väl",
        "Tulevaisuuden kunnat skenaariot ja visio",
        "Tulevaisuuden kunta - asiantuntijaryhmän",
    ]
    assert all(a["public"] for a in action["attachments"])


def test_item_document_section_texts():
    contents = {c["type"]: c["text"] for c in ITEM["actions"][0]["contents"]}
    presentation = contents[ContentType.PRESENTATION]
    assert presentation.startswith("Valtiovarainministeriö on lähettänyt")
    assert presentation.endswith("on valmisteltu kaupunginjohtajan johdolla.")
    assert presentation.count("\n\n") == 3  # four paragraphs
    # Neither the register number, the preparers' initials nor the history line leak in.
    assert "VD/1545" not in presentation and "KN/PM" not in presentation
    assert "§ 10" not in presentation
    assert contents[ContentType.PROPOSAL].startswith("Päätetään antaa valtiovarainministeriölle")
    assert contents[ContentType.DECISION].startswith("Hyväksyttiin esitys.")
    assert contents[ContentType.APPEAL] == "7.4. Oikaisuvaatimus- ja valituskielto"


def test_item_document_is_found_without_context_by_its_url():
    body = (REAL_PAGES / "510975521.pdf").read_bytes()
    result = parse_page("ktweb", PageKind.ACTION, body, ITEM_URL)
    (action,) = result["actions"]
    assert action["id"] == "unknown:action:1135625"
    assert "meeting" not in action and "organization" not in action


def test_item_document_reading_is_reported_for_drift():
    assert ITEM["documents"] == [
        {
            "origin_id": "1135625",
            "format": "pdf",
            "layout": "single column",
            "unknown_labels": [],
            "known_share": 1.0,
        }
    ]
