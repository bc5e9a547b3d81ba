"""Dynasty parsers on our sample sites (both generations) and on fixtures we wrote."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from harvest.platforms import ParseError, dynasty, parse_page
from harvest.platforms.dynasty import Target, link_target
from harvest.platforms.sections import CoverageEntry, appeal_coverage
from transform.schema import (
    Classification,
    ContentType,
    DocumentKind,
    PageKind,
    RecordType,
    validate_record,
)

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "dynasty"
OMAHAME = ROOT / "sample_sites" / "dynasty" / "omahame"
STATIC = ROOT / "sample_sites" / "dynasty" / "static-example"
HOST = "http://omahame.sample.invalid"
CGI = HOST + "/djulkaisu/cgi/DREQUEST.PHP?page="
STATIC_SITE = "http://example.sample.invalid/kokous/"
RECORD_TYPES = (
    (RecordType.ORGANIZATION, "organizations"),
    (RecordType.MEETING, "meetings"),
    (RecordType.ACTION, "actions"),
)


def cgi(query: str, file: str, municipality="omahame") -> dict:
    body = (OMAHAME / "djulkaisu" / "cgi" / file).read_bytes()
    return checked(parse_page("dynasty", None, body, CGI + query, municipality))


def static(name: str) -> dict:
    body = (STATIC / "kokous" / name).read_bytes()
    return checked(parse_page("dynasty", None, body, STATIC_SITE + name, "static-example"))


def checked(result: dict) -> dict:
    """Every record the parsers yield fits the schema."""
    for record_type, key in RECORD_TYPES:
        for record in result[key]:
            validate_record(record_type, record)
    return result


# --- URLs of both generations ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "target"),
    [
        (STATIC_SITE + "TELIMET.HTM", Target("organs", None)),
        (STATIC_SITE + "TELIN-217668.HTM", Target("organ", "217668")),
        (STATIC_SITE + "2017406946.HTM", Target("meeting", "2017406946")),
        (STATIC_SITE + "2017406946-3.HTM", Target("item", "2017406946-3")),
        (STATIC_SITE + "2017406946.PDF", Target("meeting_pdf", "2017406946")),
        (STATIC_SITE + "2017406946-3.PDF", Target("item_pdf", "2017406946-3")),
        (STATIC_SITE + "2017406946-0-2.PDF", Target("appeal_pdf", "2017406946-0-2")),
        (STATIC_SITE + "2017406946-3-1.PDF", Target("attachment", "2017406946-3-1")),
        (CGI + "meeting_frames", Target("organs", None)),
        (CGI + "official_frames", Target("offices", None)),
        (CGI + "meetings&id=1002", Target("organ", "1002")),
        (CGI + "official_handlers&id=2001", Target("office", "2001")),
        (CGI + "meeting&id=2026110202", Target("meeting", "2026110202")),
        (CGI + "meetingitem&id=2026110202-5", Target("item", "2026110202-5")),
        (HOST + "/cgi/DREQUEST.PHP?id=3001&page=official_decision", Target("decision", "3001")),
        (CGI + "rss/meetingitems&show=30", Target("feed", "rss/meetingitems")),
        (HOST + "/djulkaisu/kokous/2026110202-5.PDF", Target("item_pdf", "2026110202-5")),
        (CGI + "unknown_page", None),
        (HOST + "/index.html", None),
    ],
)
def test_link_targets(url, target):
    assert link_target(url) == target


# --- § ranges of appeal instructions --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "known", "expected"),
    [
        ("198-199, 201", [], [("198", "199", None), ("201", "201", None)]),
        ("132, 135, 137 kohdat 1-2", [], [("132", "132", None), ("135", "135", None),
                                          ("137", "137", "1-2")]),
        ("47-4849", ["47", "48", "49"], [("47", "48", None), ("49", "49", None)]),
        ("12 punkt 3 och 14", [], [("12", "12", "3"), ("14", "14", None)]),
        ("§ 5–7", [], [("5", "7", None)]),
        ("Kaikki pykälät", [], None),
        ("131133", ["131", "132"], None),  # 133 is no § of this meeting
    ],
)  # fmt: skip
def test_appeal_coverage(text, known, expected):
    found = appeal_coverage(text, known)
    assert found == (None if expected is None else [CoverageEntry(*e) for e in expected])


def test_an_unreadable_range_is_kept_as_written_and_reported():
    body = (STATIC / "kokous" / "2026500201.HTM").read_bytes().replace(b"47-4849", b"47-48x")
    result = parse_page("dynasty", None, body, STATIC_SITE + "2026500201.HTM", "static-example")
    appeal = result["actions"][-1]
    assert appeal["contents"][0]["text"] == "47-48x"
    assert result["errors"] == [
        "meeting 2026500201: cannot read the § range '47-48x' of an appeal instruction;"
        " kept as written"
    ]


# --- CGI: organs, offices, meeting lists -----------------------------------------------------


def test_cgi_organ_list():
    result = cgi("meeting_frames", "meeting_frames/index.htm")
    assert [(o["origin_id"], o["name"], o["classification"]) for o in result["organizations"]] == [
        ("1001", "Aluevaltuusto", Classification.COUNCIL),
        ("1002", "Aluehallitus", Classification.BOARD),
        ("1003", "Pelastuslautakunta", Classification.COMMITTEE),
        ("1004", "Sosiaali- ja terveyslautakunta", Classification.COMMITTEE),
    ]
    assert [(link["page_kind"], link["url"], link["context"]) for link in result["links"]][1] == (
        PageKind.MEETINGS, CGI + "meetings&id=1002", {"organization": "1002"})  # fmt: skip


def test_cgi_office_list_yields_officeholder_organizations_leading_to_decision_lists():
    result = cgi("official_frames", "official_frames/index.htm")
    assert result["organizations"] == [
        {"id": "omahame:org:official-2001", "origin_id": "official-2001",
         "municipality": "omahame", "name": "Hyvinvointialuejohtaja",
         "classification": Classification.OFFICEHOLDER},
        {"id": "omahame:org:official-2002", "origin_id": "official-2002",
         "municipality": "omahame", "name": "Pelastusjohtaja",
         "classification": Classification.OFFICEHOLDER},
    ]  # fmt: skip
    assert [(link["page_kind"], link["url"]) for link in result["links"]] == [
        (PageKind.MEETING, CGI + "official_handlers&id=2001"),
        (PageKind.MEETING, CGI + "official_handlers&id=2002"),
    ]


def test_cgi_meeting_list_lists_agendas_and_minutes_newest_first():
    result = cgi("meetings&id=1002", "meetings/1002.htm")
    assert [(m["origin_id"], m["document_kind"]) for m in result["meetings"]] == [
        ("2026111602", DocumentKind.MINUTES), ("2026111601", DocumentKind.AGENDA),
        ("2026110202", DocumentKind.MINUTES), ("2026110201", DocumentKind.AGENDA),
    ]  # fmt: skip
    assert all(m["organization"] == "omahame:org:1002" for m in result["meetings"])
    assert [link["url"] for link in result["links"]] == [
        m["source_url"] for m in result["meetings"]
    ]


def test_empty_meeting_list_is_no_error():
    body = (FIXTURES / "meetings_empty.html").read_bytes()
    result = parse_page("dynasty", None, body, STATIC_SITE + "TELIN-12.HTM", "x")
    assert result["page"] == PageKind.MEETINGS
    assert (result["meetings"], result["links"], result["errors"]) == ([], [], [])


# --- CGI: one meeting ------------------------------------------------------------------------


def test_cgi_minutes_page():
    result = cgi("meeting&id=2026110202", "meeting/2026110202.htm")
    assert result["meetings"] == [{
        "id": "omahame:meeting:2026110202", "origin_id": "2026110202",
        "municipality": "omahame", "organization": "omahame:org:1002",
        "start": "2026-11-02T17:00:00+02:00", "document_kind": DocumentKind.MINUTES,
        "language": "fi", "source_url": CGI + "meeting&id=2026110202",
        "pdf_url": HOST + "/djulkaisu/kokous/2026110202.PDF",
    }]  # fmt: skip
    actions = result["actions"]
    assert [(a["origin_id"], a["article_number"]) for a in actions] == [
        ("2026110202-1", "185"), ("2026110202-2", "186"), ("2026110202-3", "187"),
        ("2026110202-4", "188"), ("2026110202-5", "189"), ("2026110202-6", "190"),
        ("2026110202-0-1", None), ("2026110202-0-2", None),
    ]  # fmt: skip
    assert actions[6]["contents"][0]["text"] == "§ 185–186, 190"
    assert len(result["links"]) == 6 and result["errors"] == []
    assert result["links"][0]["context"] == {"organization": "1002", "meeting": "2026110202"}


def test_cgi_agenda_page_numbers_items_from_one():
    result = cgi("meeting&id=2026110201", "meeting/2026110201.htm")
    (meeting,) = result["meetings"]
    assert meeting["document_kind"] == DocumentKind.AGENDA
    assert [a["article_number"] for a in result["actions"]] == ["1", "2", "3", "4", "5", "6"]


# --- CGI: items --------------------------------------------------------------------------------


def test_cgi_minutes_item_field_by_field():
    (item,) = cgi("meetingitem&id=2026110202-5", "meetingitem/2026110202-5.htm")["actions"]
    assert item == {
        "id": "omahame:action:2026110202-5",
        "origin_id": "2026110202-5",
        "municipality": "omahame",
        "meeting": "omahame:meeting:2026110202",
        "organization": "omahame:org:1002",
        "article_number": "189",
        "date": "2026-11-02",
        "title": "Vanhan sairaalarakennuksen myynti, Riihimäki",
        "register_id": "OH/1877/10.00.02/2026",
        "function_code": "10.00.02",
        "presenter": "Hyvinvointialuejohtaja Aarne Kivilahti",
        "preparers": ["Oskari Lehtisalo"],
        "contents": [
            {"type": ContentType.PROPOSAL, "label": "Päätösehdotus",
             "text": "Aluehallitus päättää myydä sairaalarakennuksen esityksen mukaisesti."},
            {"type": ContentType.PROCEEDINGS, "label": "Käsittely",
             "text": "Kallio ehdotti Niemen kannattamana, että purkuvelvollisuuden "
                     "määräaika on kolme vuotta. Muutosehdotus hyväksyttiin yksimielisesti."},
            {"type": ContentType.DECISION, "label": "Päätös",
             "text": "Aluehallitus:\n\nAluehallitus päätti myydä sairaalarakennuksen "
                     "muutettuna niin, että purkuvelvollisuuden määräaika on kolme vuotta. "
                     "Muilta osin hyväksyttiin esitys."},
            {"type": ContentType.PRESENTATION, "label": "Selostus",
             "text": "Yritys on tarjoutunut ostamaan tyhjillään olevan sairaalarakennuksen "
                     "(kerrosala 8 450 m2) hintaan 152 100 euroa."},
        ],
        "attachments": [
            {"public": True, "name": "Kartta kiinteistöstä",
             "url": HOST + "/djulkaisu/kokous/2026110202-5-1.PDF",
             "media_type": "application/pdf"},
            {"public": False, "name": "Kauppakirjaluonnos",
             "confidentiality_reason": "Salassa pidettävä, JulkL 24 § 1 mom. 20 k."},
        ],
        "language": "fi",
        "source_url": CGI + "meetingitem&id=2026110202-5",
        "pdf_url": HOST + "/djulkaisu/kokous/2026110202-5.PDF",
    }  # fmt: skip


def test_cgi_item_with_earlier_handling():
    (item,) = cgi("meetingitem&id=2026111602-3", "meetingitem/2026111602-3.htm")["actions"]
    assert item["history"] == [
        {"organization": "Pelastuslautakunta", "date": "2026-10-14", "article_number": "78"},
        {"organization": "Aluehallitus", "date": "2026-10-19", "article_number": "176"},
    ]
    decisions = [c["text"] for c in item["contents"] if c["type"] == ContentType.DECISION]
    assert decisions == ["Aluehallitus:\n\nHyväksyttiin esitys."]
    history = item["contents"][-1]
    assert history["label"] == "Päätöshistoria"
    assert history["text"].endswith("Päätös\n\nAluehallitus:\n\nAsia jätettiin pöydälle.")


def test_a_page_for_another_item_keeps_its_own_id_and_says_so():
    body = (OMAHAME / "djulkaisu/cgi/meetingitem/2026110202-4.htm").read_bytes()
    url = CGI + "meetingitem&id=2026110202-5"
    result = parse_page("dynasty", PageKind.ACTION, body, url, "omahame")
    assert result["actions"][0]["origin_id"] == "2026110202-4"
    assert result["errors"] == ["asked for item 2026110202-5 but the page is item 2026110202-4"]
    assert dynasty.page_identity(body, url) == ("2026110202-5", "2026110202-4")


def test_item_with_colon_labels_and_no_data_markers():
    body = (FIXTURES / "item_colon_labels.html").read_bytes()
    url = "https://kunta.invalid/djulkaisu/cgi/DREQUEST.PHP?page=meetingitem&id=2026777-5"
    (item,) = checked(parse_page("dynasty", None, body, url, "kunta"))["actions"]
    assert {key: item[key] for key in ("meeting", "organization", "article_number", "title",
                                       "register_id", "function_code", "presenter",
                                       "preparers", "history")} == {
        "meeting": "kunta:meeting:2026777", "organization": "kunta:org:77",
        "article_number": "198", "title": "Jätevesipumppaamon saneeraus",
        "register_id": "2771/10.03.01/2026", "function_code": "10.03.01",
        "presenter": "Kunnanjohtaja Ella Esimerkki", "preparers": ["Rakennusmestari Olli Ojala"],
        "history": [{"organization": "Tekninen lautakunta", "date": "2026-11-12",
                     "article_number": "85"}],
    }  # fmt: skip
    assert [(c["label"], c["text"]) for c in item["contents"]] == [
        ("Päätösehdotus", "Kunnanhallitus hyväksyy saneerauksen urakkasopimuksen."),
        ("Käsittely", "Asiasta äänestettiin.\n\nEsitys voitti äänin 6-3."),
        ("Päätös", "Hyväksyttiin esitys."),
        ("Selostus", "Pumppaamo on rakennettu vuonna 1978."),
    ]
    assert [(a["name"], a["public"]) for a in item["attachments"]] == [
        ("Liite 1 Sopimusluonnos.pdf", True), ("Liite 2 Tarjoukset", False)]  # fmt: skip


# --- CGI: officeholder decisions -------------------------------------------------------------


def test_decision_list_yields_decisions_without_a_meeting():
    result = cgi("official_handlers&id=2002", "official_handlers/2002.htm")
    assert [(a["origin_id"], a["date"], a["article_number"]) for a in result["actions"]] == [
        ("3103", "2026-11-20", "59"), ("3102", "2026-11-09", "58"), ("3101", "2026-10-30", "57"),
    ]  # fmt: skip
    for action in result["actions"]:
        assert action["meeting"] is None
        assert action["organization"] == "omahame:org:official-2002"
    assert [link["page_kind"] for link in result["links"]] == [PageKind.ACTION] * 3


def test_officeholder_decision_field_by_field():
    (decision,) = cgi("official_decision&id=3003", "official_decision/3003.htm")["actions"]
    assert decision == {
        "id": "omahame:action:3003",
        "origin_id": "3003",
        "municipality": "omahame",
        "meeting": None,
        "organization": "omahame:org:official-2001",
        "decision_maker": "Hyvinvointialuejohtaja Aarne Kivilahti",
        "article_number": "43",
        "date": "2026-11-18",
        "title": "Avustuksen myöntäminen Riihimäen Omaishoitajille",
        "register_id": "OH/1850/02.05.01/2026",
        "function_code": "02.05.01",
        "preparers": ["Kalle Honkaniemi"],
        "contents": [
            {"type": ContentType.DECISION, "label": "Päätös",
             "text": "Myönnän Riihimäen Omaishoitajat ry:lle 2 500 euron kohdeavustuksen."},
            {"type": ContentType.PRESENTATION, "label": "Perustelut",
             "text": "Avustus on haettu omaishoitajien virkistyspäivän järjestämiseen.\n\n"
                     "Määräraha on talousarviossa."},
            {"type": ContentType.APPEAL, "label": "Muutoksenhaku",
             "text": "Tähän päätökseen tyytymätön voi tehdä kirjallisen oikaisuvaatimuksen."},
        ],
        "language": "fi",
        "source_url": CGI + "official_decision&id=3003",
    }  # fmt: skip


# --- CGI: RSS feeds ---------------------------------------------------------------------------


def test_item_feed_leads_to_items_and_their_meetings():
    result = cgi("rss/meetingitems&show=30", "rss/meetingitems.xml")
    kinds = [(link["page_kind"], link["url"]) for link in result["links"]]
    assert kinds[:2] == [
        (PageKind.MEETING, CGI + "meeting&id=2026112302"),
        (PageKind.ACTION, CGI + "meetingitem&id=2026112302-4"),
    ]
    items = [url for kind, url in kinds if kind == PageKind.ACTION]
    assert len(items) == 30 and len(set(items)) == 30
    assert (result["meetings"], result["actions"], result["errors"]) == ([], [], [])


def test_decision_feed_leads_to_decisions():
    result = cgi("rss/official_decisions&show=30", "rss/official_decisions.xml")
    assert [link["url"] for link in result["links"]] == [
        CGI + f"official_decision&id={number}" for number in (3103, 3003, 3102, 3002, 3101, 3001)
    ]


def test_feed_with_a_foreign_link_reports_it():
    body = (FIXTURES / "feed_mixed.xml").read_bytes()
    url = "https://kunta.invalid/djulkaisu/cgi/DREQUEST.PHP?page=rss/meetingitems&show=30"
    result = parse_page("dynasty", None, body, url, "kunta")
    assert [(link["page_kind"], link["url"].split("page=")[1]) for link in result["links"]] == [
        (PageKind.MEETING, "meeting&id=2026777"),
        (PageKind.ACTION, "meetingitem&id=2026777-5"),
        (PageKind.ACTION, "official_decision&id=9001"),
    ]
    assert result["errors"] == [
        "feed item link 'https://kunta.invalid/uutiset/joulu.html' points at no Dynasty page;"
        " skipped"
    ]


# --- The static export in Swedish ---------------------------------------------------------------


def test_static_swedish_minutes_item_field_by_field():
    (item,) = static("2026500102-3.HTM")["actions"]
    assert {key: value for key, value in item.items() if key != "contents"} == {
        "id": "static-example:action:2026500102-3",
        "origin_id": "2026500102-3",
        "municipality": "static-example",
        "meeting": "static-example:meeting:2026500102",
        "organization": "static-example:org:400101",
        "article_number": "133",
        "date": "2026-10-12",
        "title": "Detaljplaneändring för kvarter 17 i centrum",
        "register_id": "388/2026",
        "function_code": "10.02.03",
        "presenter": "Stadsdirektör Johan Strandberg",
        "preparers": ["Mikael Sundholm"],
        "history": [{"organization": "Stadsstyrelsen", "date": "2026-09-14",
                     "article_number": "121"}],
        "attachments": [
            {"public": True, "name": "Plankarta", "url": STATIC_SITE + "2026500102-3-1.PDF",
             "media_type": "application/pdf"},
            {"public": False, "name": "Utlåtande",
             "confidentiality_reason": "Sekretessbelagd, OffL 24 § 1 mom. 25 p."},
        ],
        "language": "sv",
        "source_url": STATIC_SITE + "2026500102-3.HTM",
        "pdf_url": STATIC_SITE + "2026500102-3.PDF",
    }  # fmt: skip
    assert [(c["type"], c["label"]) for c in item["contents"]] == [
        (ContentType.PROPOSAL, "Beslutsförslag"), (ContentType.PROCEEDINGS, "Behandling"),
        (ContentType.DECISION, "Beslut"), (ContentType.PRESENTATION, "Beskrivning"),
        (ContentType.OTHER, "Beslutshistorik"),
    ]  # fmt: skip
    assert item["contents"][2]["text"] == "Stadsstyrelsen:\n\nÄrendet bordlades."


def test_static_swedish_agenda_page():
    result = static("2026500101.HTM")
    (meeting,) = result["meetings"]
    assert (meeting["document_kind"], meeting["language"], meeting["start"]) == (
        DocumentKind.AGENDA, "sv", "2026-10-12T17:00:00+03:00")  # fmt: skip
    assert [a["title"] for a in result["actions"]][:2] == [
        "Mötets laglighet och beslutförhet", "Delårsrapport januari-augusti 2026"]  # fmt: skip


def test_static_organ_list_and_meeting_list():
    organs = static("TELIMET.HTM")
    assert [o["name"] for o in organs["organizations"]] == ["Stadsstyrelsen", "Tekninen lautakunta"]
    meetings = static("TELIN-400101.HTM")
    assert [m["origin_id"] for m in meetings["meetings"]] == ["2026500102", "2026500101"]


# --- PDFs and broken input ----------------------------------------------------------------------


def test_item_pdf_gives_the_pdf_url():
    url = STATIC_SITE + "2026500102-3.PDF"
    body = (STATIC / "kokous" / "2026500102-3.PDF").read_bytes()
    assert parse_page("dynasty", None, body, url, "x")["actions"] == [
        {"id": "x:action:2026500102-3", "origin_id": "2026500102-3", "municipality": "x",
         "pdf_url": url}]  # fmt: skip
    with pytest.raises(ParseError, match="cut short"):
        parse_page("dynasty", None, body[:600], url, "x")


def test_attachment_pdf_is_not_an_item():
    body = (STATIC / "kokous" / "2026500102-3-1.PDF").read_bytes()
    with pytest.raises(ParseError, match="attachment, not an item PDF"):
        parse_page("dynasty", None, body, STATIC_SITE + "2026500102-3-1.PDF", "x")


@pytest.mark.parametrize("kind", [None, *PageKind])
def test_a_session_expired_page_is_a_parse_error_for_every_kind(kind):
    body = (FIXTURES / "session_expired.html").read_bytes()
    with pytest.raises(ParseError):
        parse_page("dynasty", kind, body, "", "x")


@pytest.mark.parametrize(
    "body", [b"", b"   ", b"%PDF-1.4 broken", b"\x00\x01\x02", b"plain text", b"<rss>"]
)
@pytest.mark.parametrize("kind", [None, PageKind.MEETINGS, PageKind.MEETING, PageKind.ACTION])
def test_any_bytes_give_a_result_or_a_parse_error(kind, body):
    try:
        result = parse_page("dynasty", kind, body, STATIC_SITE + "2026500102-3.HTM", "x")
    except ParseError as error:
        assert "\n" not in str(error)
    else:
        json.dumps(result, default=str)


def test_unknown_page_kind_is_a_parse_error():
    with pytest.raises(ParseError, match="unknown page kind"):
        parse_page("dynasty", "frames", b"<html></html>", "", "x")
