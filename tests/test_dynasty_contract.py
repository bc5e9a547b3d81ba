"""Dynasty parsers on real pages of Espoo's static export, recorded in 2017 (../shared/real-pages/).

Counts, one record field by field, and properties of every record. Skipped, with the reason
shown, only on a machine without the shared folder (CI always has it).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from harvest.platforms import detect_page_kind, dynasty, parse_page
from harvest.platforms.sections import appeal_coverage, covered_articles
from transform.schema import (
    Classification,
    ContentType,
    DocumentKind,
    PageKind,
    RecordType,
    validate_record,
)

REAL_PAGES = Path(__file__).resolve().parents[2] / "shared" / "real-pages" / "dynasty-espoo-2017"
pytestmark = pytest.mark.skipif(
    not REAL_PAGES.is_dir(), reason=f"real pages not found at {REAL_PAGES}"
)

SITE = "http://espoo04.hosting.documenta.fi/kokous/"
BOARD = "217668"  # Kaupunginhallitus, term 2017-
MINUTES = "2017406946"  # Kaupunginhallitus 8.5.2017, § 125-146
ALL_ARTICLES = [str(number) for number in range(125, 147)]


def parse_real(name):
    if not REAL_PAGES.is_dir():
        return None
    return parse_page("dynasty", None, (REAL_PAGES / name).read_bytes(), SITE + name, "espoo")


ORGANS = parse_real("TELIMET.HTM")
MEETINGS = parse_real(f"TELIN-{BOARD}.HTM")
MEETING = parse_real(f"{MINUTES}.HTM")
ITEM = parse_real(f"{MINUTES}-3.HTM")
AGENDA_ITEM = parse_real("2017409886-4.HTM")


def records(result, key):
    return result[key] if result else []


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("TELIMET.HTM", PageKind.ORGANIZATIONS),
        (f"TELIN-{BOARD}.HTM", PageKind.MEETINGS),
        (f"{MINUTES}.HTM", PageKind.MEETING),
        (f"{MINUTES}-3.HTM", PageKind.ACTION),
        ("2017409886-4.HTM", PageKind.ACTION),
    ],
)
@pytest.mark.parametrize("with_url", [True, False], ids=["url", "content"])
def test_page_kind_is_detected_by_url_and_by_content(name, expected, with_url):
    url = SITE + name if with_url else ""
    assert detect_page_kind("dynasty", (REAL_PAGES / name).read_bytes(), url) == expected


# --- TELIMET.HTM: the organ list -----------------------------------------------------------


def test_organ_list_yields_52_organs_each_with_its_meeting_list():
    assert len(ORGANS["organizations"]) == 52
    assert len({o["id"] for o in ORGANS["organizations"]}) == 52
    assert ORGANS["errors"] == []
    assert [link["url"] for link in ORGANS["links"]] == [
        f"{SITE}TELIN-{o['origin_id']}.HTM" for o in ORGANS["organizations"]
    ]
    assert {link["page_kind"] for link in ORGANS["links"]} == {PageKind.MEETINGS}


def test_organ_list_board_field_by_field():
    board = next(o for o in ORGANS["organizations"] if o["origin_id"] == BOARD)
    assert board == {
        "id": "espoo:org:217668",
        "origin_id": "217668",
        "municipality": "espoo",
        "name": "Kaupunginhallitus",
        "classification": Classification.BOARD,
    }


@pytest.mark.parametrize(
    ("name", "classification"),
    [
        ("Valtuusto", Classification.COUNCIL),
        ("Kaupunginhallitus", Classification.BOARD),
        ("Kaupunkisuunnittelulautakunta", Classification.COMMITTEE),
        ("Kaupunginhallituksen konsernijaosto", Classification.SUBCOMMITTEE),
        ("Ympäristölautakunta", Classification.COMMITTEE),
    ],
)
def test_organ_classification_from_name(name, classification):
    by_name = {o["name"]: o["classification"] for o in records(ORGANS, "organizations")}
    assert by_name[name] == classification


@pytest.mark.parametrize("organ", records(ORGANS, "organizations"), ids=lambda o: o["origin_id"])
def test_every_organ(organ):
    validate_record(RecordType.ORGANIZATION, organ)
    assert re.fullmatch(r"\d{6}", organ["origin_id"])
    assert organ["name"] and "&" not in organ["name"]  # entities decoded: "Ympäristö..."


# --- TELIN-217668.HTM: the board's meetings ------------------------------------------------


def test_meeting_list_yields_57_minutes_of_the_board():
    meetings = MEETINGS["meetings"]
    assert len(meetings) == 57 and len({m["id"] for m in meetings}) == 57
    assert MEETINGS["errors"] == []
    assert [link["url"] for link in MEETINGS["links"]] == [m["source_url"] for m in meetings]
    assert (meetings[0]["origin_id"], meetings[-1]["origin_id"]) == ("2017409885", "2015332615")


def test_meeting_list_record_field_by_field():
    meeting = next(m for m in MEETINGS["meetings"] if m["origin_id"] == MINUTES)
    assert meeting == {
        "id": "espoo:meeting:2017406946",
        "origin_id": "2017406946",
        "municipality": "espoo",
        "organization": "espoo:org:217668",
        "document_kind": DocumentKind.MINUTES,
        "start": "2017-05-08",
        "source_url": f"{SITE}2017406946.HTM",
    }


def test_meeting_list_names_its_organ():
    (organ,) = MEETINGS["organizations"]
    assert (organ["id"], organ["name"]) == ("espoo:org:217668", "Kaupunginhallitus")
    assert organ["classification"] == Classification.BOARD


@pytest.mark.parametrize("meeting", records(MEETINGS, "meetings"), ids=lambda m: m["origin_id"])
def test_every_listed_meeting(meeting):
    validate_record(RecordType.MEETING, meeting)
    assert meeting["organization"] == "espoo:org:217668"
    assert meeting["document_kind"] == DocumentKind.MINUTES
    assert meeting["source_url"] == f"{SITE}{meeting['origin_id']}.HTM"
    # The row shows the date (the <!--YYYY-MM-DD--> comment agrees); the time comes later.
    assert re.fullmatch(r"20\d\d-\d\d-\d\d", meeting["start"])


# --- 2017406946.HTM: minutes of 8.5.2017 ---------------------------------------------------


def test_minutes_page_yields_the_meeting():
    assert MEETING["meetings"] == [
        {
            "id": "espoo:meeting:2017406946",
            "origin_id": "2017406946",
            "municipality": "espoo",
            "organization": "espoo:org:217668",
            "start": "2017-05-08T15:30:00+03:00",
            "document_kind": DocumentKind.MINUTES,
            "language": "fi",
            "source_url": f"{SITE}2017406946.HTM",
            "pdf_url": f"{SITE}2017406946.PDF",
        }
    ]
    assert MEETING["errors"] == []


def test_minutes_page_lists_paragraphs_125_to_146_and_two_appeal_instructions():
    actions = MEETING["actions"]
    assert len(actions) == 24
    assert [a["article_number"] for a in actions[:22]] == ALL_ARTICLES
    assert [a["origin_id"] for a in actions[22:]] == ["2017406946-0-1", "2017406946-0-2"]
    assert [a["ordering"] for a in actions] == list(range(24))
    assert [link["url"] for link in MEETING["links"]] == [a["source_url"] for a in actions[:22]]


def test_minutes_item_row_field_by_field():
    item = MEETING["actions"][2]
    assert item == {
        "id": "espoo:action:2017406946-3",
        "origin_id": "2017406946-3",
        "municipality": "espoo",
        "article_number": "127",
        "organization": "espoo:org:217668",
        "meeting": "espoo:meeting:2017406946",
        "ordering": 2,
        "title": "Espoon kaupungin hallintosäännön hyväksyminen (Kv-asia) (Pöydälle 10.4.2017)",
        "date": "2017-05-08",
        "language": "fi",
        "source_url": f"{SITE}2017406946-3.HTM",
    }


def test_appeal_instructions_are_unnumbered_actions_covering_their_ranges():
    ban, rectification = MEETING["actions"][22:]
    assert ban["title"] == "Muutoksenhakukielto kuntalaki 91 §"
    assert ban["article_number"] is None
    assert ban["pdf_url"] == f"{SITE}2017406946-0-1.PDF"
    # The export lost the separators: "125-131133134136,137k3138140143145-146".
    assert ban["contents"] == [{
        "type": ContentType.APPEAL,
        "label": "Muutoksenhakuohjeet",
        "text": "§ 125–131, 133, 134, 136, 137 kohta 3, 138, 140, 143, 145–146",
    }]  # fmt: skip
    assert rectification["title"] == "Oikaisuvaatimusohje"
    assert rectification["contents"][0]["text"] == "§ 132, 135, 137 kohdat 1–2, 141–142, 144"


def test_appeal_ranges_cover_every_paragraph_but_the_council_matter_139():
    cells = ["125-131133134136,137k3138140143145-146", "132, 135, 137 kohdat 1-2, 141-142, 144"]
    covered = [
        covered_articles(appeal_coverage(cell, ALL_ARTICLES), ALL_ARTICLES) for cell in cells
    ]
    assert covered[0] == ["125", "126", "127", "128", "129", "130", "131", "133", "134", "136",
                          "137", "138", "140", "143", "145", "146"]  # fmt: skip
    assert covered[1] == ["132", "135", "137", "141", "142", "144"]
    assert sorted(set(covered[0]) | set(covered[1]), key=int) == [
        n for n in ALL_ARTICLES if n != "139"
    ]


@pytest.mark.parametrize("action", records(MEETING, "actions"), ids=lambda a: a["origin_id"])
def test_every_minutes_row(action):
    validate_record(RecordType.ACTION, action)
    assert action["meeting"] == "espoo:meeting:2017406946"
    assert action["organization"] == "espoo:org:217668"
    assert action["date"] == "2017-05-08" and action["language"] == "fi"
    assert action["title"] and "  " not in action["title"] and "\n" not in action["title"]
    assert action["origin_id"].startswith("2017406946-")


# --- 2017406946-3.HTM: § 127 of the minutes ------------------------------------------------


def test_minutes_item_field_by_field():
    item = ITEM["actions"][0]
    assert ITEM["errors"] == []
    assert {key: item[key] for key in item if key not in ("contents",)} == {
        "id": "espoo:action:2017406946-3",
        "origin_id": "2017406946-3",
        "municipality": "espoo",
        "meeting": "espoo:meeting:2017406946",
        "organization": "espoo:org:217668",
        "article_number": "127",
        "date": "2017-05-08",
        "title": "Espoon kaupungin hallintosäännön hyväksyminen (Kv-asia) (Pöydälle 10.4.2017)",
        "register_id": "730/2017",
        "function_code": "00.01.01.00",
        "presenter": "Kaupunginjohtaja Jukka Mäkelä",
        "preparers": [
            "Riitta-Liisa Kammonen", "Ari Konttas", "Elina Yli-Koski", "Eva Elston-Hämäläinen",
            "Johanna Kattelus", "Katariina Kaukonen", "Kimmo Sarekoski", "Maarit Vierunen",
            "Tiina Pesonen", "Timo Kuismin",
        ],
        "history": [{"organization": "Kaupunginhallitus", "date": "2017-04-10",
                     "article_number": "105"}],
        "attachments": [
            {"public": True, "name": "Espoon kaupungin hallintosääntö - Kokouksessa korjattu",
             "url": f"{SITE}2017406946-3-1.PDF", "media_type": "application/pdf"},
            {"public": True, "name": "Äänestyslistat § 127",
             "url": f"{SITE}2017406946-3-2.PDF", "media_type": "application/pdf"},
        ],
        "language": "fi",
        "source_url": f"{SITE}2017406946-3.HTM",
        "pdf_url": f"{SITE}2017406946-3.PDF",
    }  # fmt: skip
    assert ITEM["links"] == [{"page_kind": PageKind.ACTION, "url": f"{SITE}2017406946-3.PDF",
                              "method": "GET", "body": None, "context": {}}]  # fmt: skip


def test_minutes_item_sections_in_order_with_the_earlier_handling_kept_apart():
    contents = ITEM["actions"][0]["contents"]
    assert [(c["type"], c["label"]) for c in contents] == [
        (ContentType.PROPOSAL, "Päätösehdotus"),
        (ContentType.PROCEEDINGS, "Käsittely"),
        (ContentType.DECISION, "Päätös"),
        (ContentType.PRESENTATION, "Selostus"),
        (ContentType.OTHER, "Päätöshistoria"),
    ]
    proposal, proceedings, decision, presentation, history = (c["text"] for c in contents)
    assert proposal.startswith("Kaupunginhallitus ehdottaa, että valtuusto\n\n1\n\nhyväksyy")
    assert proceedings.startswith("Asia käsiteltiin pykälän 146 jälkeen.")
    assert decision.startswith("Kaupunginhallitus:\n\nKaupunginhallitus ehdottaa")
    assert "jätti asian yksimielisesti pöydälle" not in decision  # that was 10.4.2017
    assert presentation.startswith("Kaupunginhallitus asetti kokouksessaan 26.10.2015")
    assert "\n\nUusi kuntalaki\n\n" in presentation  # bold subheadings stay text
    assert history.startswith("Päätösehdotus\n\nKaupunginjohtaja Jukka Mäkelä\n\n")
    assert history.endswith("Kaupunginhallitus jätti asian yksimielisesti pöydälle.")
    assert all("etunimi.sukunimi" not in c["text"] for c in contents)


# --- 2017409886-4.HTM: item 4 of the agenda of 29.5.2017 -----------------------------------


def test_agenda_item_field_by_field():
    item = AGENDA_ITEM["actions"][0]
    assert AGENDA_ITEM["errors"] == []
    assert item == {
        "id": "espoo:action:2017409886-4",
        "origin_id": "2017409886-4",
        "municipality": "espoo",
        "meeting": "espoo:meeting:2017409886",
        "organization": "espoo:org:217668",
        "article_number": "4",
        "date": "2017-05-29",
        "title": "Valtuustoaloite konserniohjeen päivittämisestä (Kv-asia)",
        "register_id": "5316/2016",
        "function_code": "00.01.01",
        "presenter": "Kaupunginjohtaja Jukka Mäkelä",
        "preparers": ["Viktoria Hindsberg"],
        "contents": item["contents"],
        "attachments": [{"public": True, "name": "Valtuustoaloite 12.12.2016",
                         "url": f"{SITE}2017409886-4-1.PDF", "media_type": "application/pdf"}],
        "language": "fi",
        "source_url": f"{SITE}2017409886-4.HTM",
        "pdf_url": f"{SITE}2017409886-4.PDF",
    }  # fmt: skip
    assert [(c["type"], c["label"]) for c in item["contents"]] == [
        (ContentType.PROPOSAL, "Päätösehdotus"),
        (ContentType.OTHER, "Oheismateriaali"),
        (ContentType.PRESENTATION, "Selostus"),
    ]
    assert item["contents"][1]["text"] == "- Valtuustoaloite 12.12.2016"
    assert item["contents"][2]["text"].startswith("Valtuustoaloite\n\nHannele Kerola sekä 18")


@pytest.mark.parametrize("result", [ITEM, AGENDA_ITEM], ids=["minutes-item", "agenda-item"])
def test_item_pages_validate_and_name_themselves(result):
    (item,) = result["actions"]
    validate_record(RecordType.ACTION, item)
    for content in item["contents"]:
        assert content["text"].strip() == content["text"] and "\xa0" not in content["text"]
    asked, declared = dynasty.page_identity(
        (REAL_PAGES / f"{item['origin_id']}.HTM").read_bytes(), item["source_url"]
    )
    assert asked == declared == item["origin_id"]


def test_a_listed_date_never_replaces_the_time_the_meeting_page_gave():
    from transform.precedence import ranked_meeting_partial

    old = {"start": "2017-05-08T17:30:00+03:00"}
    assert "start" not in ranked_meeting_partial(old, {"start": "2017-05-08"})
    assert ranked_meeting_partial(old, {"start": "2017-05-09"}) == {"start": "2017-05-09"}


def test_meeting_list_keeps_a_time_the_row_shows_and_reads_the_comment_date():
    html = """<html><body><label class="h3">Kokouslistat<br>Tekninen lautakunta</label>
    <!--DATA_BEGIN--><table class="tbl">
    <tr><td class="tcDat">15.05.2017 klo 17:30</td>
    <td class="tcDat"><a href="http://x/kokous/2017409885.HTM">Pöytäkirja</a></td></tr>
    <!--TIETUE:2017409886-->
    <!--2017-05-22-->
    <tr><td class="tcDat"></td>
    <td class="tcDat"><a href="http://x/kokous/2017409886.HTM">Esityslista</a></td></tr>
    </table><!--DATA_END--></body></html>""".encode("cp1252")
    result = parse_page("dynasty", None, html, "http://x/kokous/TELIN-3001.HTM", "espoo")
    starts = {m["origin_id"]: m["start"] for m in result["meetings"]}
    assert starts == {"2017409885": "2017-05-15T17:30:00+03:00", "2017409886": "2017-05-22"}
    assert [o["name"] for o in result["organizations"]] == ["Tekninen lautakunta"]
