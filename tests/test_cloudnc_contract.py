"""CloudNC parsers on real API responses recorded from Tampere in 2017 (../shared/real-pages/).

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
    PageKind,
    RecordType,
    validate_record,
)

REAL_PAGES = Path(__file__).resolve().parents[2] / "shared" / "real-pages" / "cloudnc-tampere-2017"
pytestmark = pytest.mark.skipif(
    not REAL_PAGES.is_dir(), reason=f"real pages not found at {REAL_PAGES}"
)

SITE = "https://tampere.cloudnc.fi/"
API = SITE + "api/opennc/v1/"
ITEM_FILES = sorted(REAL_PAGES.glob("contents_*_extended_properties.json"))
ENTITY = re.compile(r"&(#\d+|#x[0-9a-f]+|[a-z]+);", re.I)
WEB = {"fi": "/fi-FI/Toimielimet/Yhdyskuntalautakunta/Kokous_592016"}


def parse_real(kind, name, url, context=None):
    body = (REAL_PAGES / name).read_bytes()
    return parse_page("cloudnc", kind, body, url, "tampere", context)


def item_url(content_id) -> str:
    return f"{API}Contents({content_id})/ExtendedProperties"


def item_id(path: Path) -> str:
    return path.name.split("_")[1]


def assert_valid(result):
    for key, record_type in (
        ("organizations", RecordType.ORGANIZATION),
        ("meetings", RecordType.MEETING),
        ("actions", RecordType.ACTION),
    ):
        for record in result[key]:
            validate_record(record_type, record)


@pytest.fixture(scope="module")
def top():
    return parse_real(PageKind.ORGANIZATIONS, "nodes.json", API + "Nodes")


@pytest.fixture(scope="module")
def organs():
    return parse_real(
        PageKind.ORGANIZATIONS,
        "11291_subnodes.json",
        API + "Nodes(11291)/SubNodes()",
        {"web": {"fi": "/fi-FI/Toimielimet"}},
    )


@pytest.fixture(scope="module")
def meetings():
    return parse_real(
        PageKind.MEETINGS,
        "11291_11292_11291_subnodes.json",
        API + "Nodes(11291)/SubNodes()",
        {"organization": "11292"},
    )


@pytest.fixture(scope="module")
def meeting():
    return parse_real(
        PageKind.MEETING,
        "node_11292_contents.json",
        API + "Nodes(11292)/Contents()",
        {"organization": "11292", "web": WEB},
    )


# --- page kinds --------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "url", "expected"), [
    ("nodes.json", API + "Nodes", PageKind.ORGANIZATIONS),
    ("11291_subnodes.json", API + "Nodes(11291)/SubNodes()", PageKind.ORGANIZATIONS),
    ("11291_11292_subnodes.json", API + "Nodes(11292)/SubNodes()", PageKind.MEETINGS),
    ("11291_11292_11291_subnodes.json", API + "Nodes(11291)/SubNodes()", PageKind.MEETINGS),
    ("node_11292_contents.json", API + "Nodes(11292)/Contents()", PageKind.MEETING),
    ("contents_61_extended_properties.json", item_url(61), PageKind.ACTION),
    # Without a url (``avoin parse PATH``) the content alone decides.
    ("nodes.json", "", PageKind.ORGANIZATIONS),
    ("11291_11292_subnodes.json", "", PageKind.MEETINGS),
    ("node_11292_contents.json", "", PageKind.MEETING),
    ("contents_61_extended_properties.json", "", PageKind.ACTION),
])  # fmt: skip
def test_page_kind_is_detected(name, url, expected):
    assert detect_page_kind("cloudnc", (REAL_PAGES / name).read_bytes(), url) == expected


# --- the node tree -----------------------------------------------------------------------


def test_top_nodes_lead_only_to_the_organ_section(top):
    assert top["organizations"] == [] and top["errors"] == []
    (link,) = top["links"]  # not "Viranhaltijat" (officeholders) nor "Ylälaidan linkit"
    assert link["page_kind"] == PageKind.ORGANIZATIONS
    assert link["url"] == API + "Nodes(11291)/SubNodes()"
    assert link["context"]["web"] == {
        "fi": "/fi-FI/Toimielimet",
        "en": "/en-US/Toimielimet",
        "sv": "/sv-FI/Toimielimet",
    }


def test_organ_tree_count_and_one_organ_field_by_field(organs):
    assert len(organs["organizations"]) == 33
    assert organs["organizations"][0] == {
        "id": "tampere:org:11292",
        "origin_id": "11292",
        "municipality": "tampere",
        "name": "Kaupunginhallitus",
        "classification": Classification.BOARD,
    }
    assert organs["errors"] == []
    assert_valid(organs)


def test_organs_are_classified_by_their_names(organs):
    by_name = {o["name"]: o["classification"] for o in organs["organizations"]}
    assert by_name == {
        "Kaupunginhallitus": "board",
        "Hallitus": "board",
        "Lautakunta": "committee",
        "Toimikunta": "committee",
        "Johtokunta": "committee",
        "Jaosto": "subcommittee",
        "Kaupunginvaltuusto": "council",
        "Kaupungin neuvosto": "other",
    }


def test_every_organ_links_to_its_children_with_its_id_and_web_path(organs):
    links = organs["links"]
    assert len(links) == 33
    assert {link["page_kind"] for link in links} == {PageKind.MEETINGS}
    assert links[0]["url"] == API + "Nodes(11292)/SubNodes()"
    assert links[0]["context"] == {
        "organization": "11292",
        "web": {"fi": "/fi-FI/Toimielimet/Kaupunginhallitus"},
    }


def test_a_meetings_folder_is_followed_for_its_organ():
    result = parse_real(
        PageKind.MEETINGS,
        "11291_11292_subnodes.json",
        API + "Nodes(11292)/SubNodes()",
        {"organization": "11292"},
    )
    assert result["meetings"] == []
    (link,) = result["links"]  # "Kokoukset" / "Meetings" / "Möten"
    assert link["page_kind"] == PageKind.MEETINGS
    assert link["url"] == API + "Nodes(11291)/SubNodes()"
    assert link["context"] == {"organization": "11292"}


def test_meeting_list_count_and_one_meeting_field_by_field(meetings):
    assert len(meetings["meetings"]) == 33
    assert meetings["meetings"][0] == {
        "id": "tampere:meeting:11292",
        "origin_id": "11292",
        "municipality": "tampere",
        "organization": "tampere:org:11292",
        "start": "2016-09-05",
    }
    assert meetings["meetings"][-1]["start"] == "2017-06-12"
    assert meetings["errors"] == []
    assert_valid(meetings)


def test_every_meeting_links_to_its_contents(meetings):
    links = meetings["links"]
    assert len(links) == 33
    assert links[0]["page_kind"] == PageKind.MEETING
    assert links[0]["url"] == API + "Nodes(11292)/Contents()"
    assert links[0]["context"] == {"organization": "11292", "meeting": "11292"}


# --- one meeting's items -----------------------------------------------------------------


def test_meeting_items_count_without_the_cover_page(meeting):
    # 13 contents; the first is the meeting's cover ("Näytä tason esittelynä").
    assert len(meeting["actions"]) == 12
    assert "tampere:action:57" not in {a["id"] for a in meeting["actions"]}
    assert [a["ordering"] for a in meeting["actions"]] == list(range(1, 13))
    assert_valid(meeting)


def test_the_meeting_itself(meeting):
    assert meeting["meetings"] == [
        {
            "id": "tampere:meeting:11292",
            "origin_id": "11292",
            "municipality": "tampere",
            "organization": "tampere:org:11292",
            "start": "2016-09-05",
            "language": "fi",
            "source_url": SITE + "fi-FI/Toimielimet/Yhdyskuntalautakunta/Kokous_592016",
        }
    ]


def test_one_meeting_item_field_by_field(meeting):
    item = next(a for a in meeting["actions"] if a["origin_id"] == "61")
    assert item == {
        "id": "tampere:action:61",
        "origin_id": "61",
        "municipality": "tampere",
        "organization": "tampere:org:11292",
        "meeting": "tampere:meeting:11292",
        "ordering": 4,
        "title": "Pöytäkirjan tarkastus",
        "language": "fi",
        "source_url": SITE + "fi-FI/Toimielimet/Yhdyskuntalautakunta/Kokous_592016/"
        "Poytakirjan_tarkastus(61)",
    }


def test_every_item_links_to_its_fields_with_what_it_cannot_tell(meeting):
    links = meeting["links"]
    assert [link["url"] for link in links] == [item_url(n) for n in range(58, 70)]
    assert links[3]["context"] == {
        "organization": "11292",
        "meeting": "11292",
        "language": "fi",
        "source_url": meeting["actions"][3]["source_url"],
    }


# --- one item's fields -------------------------------------------------------------------


@pytest.mark.parametrize("path", ITEM_FILES, ids=item_id)
def test_every_item_parses_valid_with_entities_decoded(path):
    result = parse_real(
        PageKind.ACTION, path.name, item_url(item_id(path)), {"meeting": "11292", "language": "fi"}
    )
    (action,) = result["actions"]
    validate_record(RecordType.ACTION, action)
    assert action["id"] == f"tampere:action:{item_id(path)}"
    for content in action.get("contents", []):
        assert content["text"] and not ENTITY.search(content["text"])
        assert "<" not in content["text"] and "\xa0" not in content["text"]
        assert not re.search(
            r"<(?!/?(p|br|ul|ol|li|strong|em|b|i|table|tr|td|th|thead|tbody)>)", content["html"]
        )  # no attributes, no other tags
        assert content["label"] in (
            "Selostus",
            "Päätösehdotus",
            "Päätös",
            "Muutoksenhakuohje",
            "Tiedoksi",
            "Lausunnot",
        )
    for attachment in action.get("attachments", []):
        assert attachment["public"] and attachment["url"].startswith(SITE + "download.aspx?ID=")
    for person in [action.get("presenter"), *action.get("preparers", [])]:
        assert person is None or ("@" not in person and ";#" not in person)


def test_item_field_by_field():
    result = parse_real(
        PageKind.ACTION,
        "contents_61_extended_properties.json",
        item_url(61),
        {"organization": "11292", "meeting": "11292", "language": "fi"},
    )
    (action,) = result["actions"]
    contents = action.pop("contents")
    assert action == {
        "id": "tampere:action:61",
        "origin_id": "61",
        "municipality": "tampere",
        "organization": "tampere:org:11292",
        "meeting": "tampere:meeting:11292",
        "title": "Näsijärven rantareitti välillä Lielahti-Hiedanranta, urakkahinta",
        "article_number": "15",
        "language": "fi",
        "register_id": "TRE:1863/10.03.02/2016",
        "function_code": "10.03.02",
        "presenter": "Rakennuttamispäällikkö Petri Kantola",
        "preparers": ["Rakennuttamispäällikkö Petri Kantola"],
        "source_url": item_url(61),
    }
    assert [(c["type"], c["label"]) for c in contents] == [
        (ContentType.PRESENTATION, "Selostus"),
        (ContentType.PROPOSAL, "Päätösehdotus"),
        (ContentType.DECISION, "Päätös"),
    ]
    presentation, proposal, decision = contents
    assert presentation["text"].startswith("”Tuomi Logistiikka Oy pyysi tarjouksia")
    assert (
        "Jäsen Hannele Strömberg esitti, että asia jätetään pöydälle.\nPuheenjohtaja"
        in presentation["text"]
    )
    assert proposal == {
        "type": "proposal",
        "label": "Päätösehdotus",
        "text": "Vs. rakennuttamispäällikkö Kantola:\n\nUudistan päätösehdotuksen.",
        "html": "<p>Vs. rakennuttamispäällikkö Kantola:</p>\n\n<p>Uudistan päätösehdotuksen.</p>",
    }
    assert decision["text"] == "Asia palautettiin uudelleen valmisteltavaksi."
    # A decision on the item tells its meeting's minutes are out.
    assert result["meetings"] == [
        {
            "id": "tampere:meeting:11292",
            "origin_id": "11292",
            "municipality": "tampere",
            "document_kind": "minutes",
        }
    ]


def test_item_attachments_and_distribution():
    (action,) = parse_real(PageKind.ACTION, "contents_59_extended_properties.json", item_url(59))[
        "actions"
    ]
    assert [a["name"] for a in action["attachments"]] == [
        "Karttaliitteet.pdf",
        "Valokuvat2.pdf",
        "Valokuvat1.pdf",
    ]
    assert action["attachments"][0] == {
        "name": "Karttaliitteet.pdf",
        "public": True,
        "media_type": "application/pdf",
        "url": SITE + "download.aspx?ID=73398&GUID={73cac6cf-5f69-436c-99f8-e6dbaa4e97b3}",
    }
    inform = next(c for c in action["contents"] if c["label"] == "Tiedoksi")
    assert inform["type"] == ContentType.OTHER
    assert inform["text"] == "Hakija, Pirkanmaan elinkeino-, liikenne- ja ympäristökeskus"
    assert "language" not in action  # nothing in the item says; the crawl passes it on


def test_appeal_instructions_keep_their_structure():
    (action,) = parse_real(PageKind.ACTION, "contents_68_extended_properties.json", item_url(68))[
        "actions"
    ]
    appeal = next(c for c in action["contents"] if c["type"] == ContentType.APPEAL)
    paragraphs = appeal["text"].split("\n\n")
    assert paragraphs[0] == "Valitusosoitus: Rakennus- ja toimenpidelupa"
    assert paragraphs[2].splitlines()[:2] == [
        "- viereisen tai vastapäätä olevan alueen omistajalla ja haltijalla",
        "- sellaisen kiinteistön omistajalla ja haltijalla, jonka rakentamiseen tai muuhun "
        "käyttämiseen päätös voi olennaisesti vaikuttaa",
    ]
    assert appeal["html"].startswith(
        "<p><strong>Valitusosoitus: Rakennus- ja toimenpidelupa</strong></p>"
    )
    assert action["attachments"][0]["name"] == "Toimenpideselvitys ja lupaehdot, päätös § 4.pdf"


def test_item_without_a_register_number_or_title():
    (organising,) = parse_real(
        PageKind.ACTION, "contents_57_extended_properties.json", item_url(57)
    )["actions"]
    assert "register_id" not in organising and organising["article_number"] == "3"
    assert next(c for c in organising["contents"] if c["type"] == "decision")["text"] == (
        "Päätösehdotus hyväksyttiin."
    )  # a plain-text field, entities and all
    (cover,) = parse_real(PageKind.ACTION, "contents_66_extended_properties.json", item_url(66))[
        "actions"
    ]
    assert "title" not in cover and "contents" not in cover
    assert [a["name"] for a in cover["attachments"]] == ["file.pdf"]
