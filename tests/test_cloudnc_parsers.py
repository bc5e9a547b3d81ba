"""CloudNC parsers on our own fixtures and on the Pedersöre sample site's responses; broken
input of every kind is a one-line ParseError."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from harvest.platforms import ParseError, detect_page_kind, parse_page
from transform.schema import DocumentKind, PageKind, RecordType, validate_record

FIXTURES = Path(__file__).parent / "fixtures" / "cloudnc"
SAMPLE = Path(__file__).resolve().parents[1] / "sample_sites" / "cloudnc" / "pedersore"
SITE = "http://pedersore.sample.invalid/"
API = SITE + "api/opennc/v1/"
OTHER_API = "https://kunta.cloudnc.fi/api/opennc/v1/"


def sample(kind, path, context=None):
    """Parse the sample site's response to ``path`` (relative to the API root)."""
    entry = next(e for e in manifest()["entries"] if e["path"] == "/api/opennc/v1/" + path)
    body = (SAMPLE / entry["file"]).read_bytes()
    return parse_page("cloudnc", kind, body, API + path, "pedersore", context)


def manifest():
    return json.loads((SAMPLE / "manifest.json").read_text(encoding="utf-8"))


def fixture(name, kind, url, context=None):
    return parse_page("cloudnc", kind, (FIXTURES / name).read_bytes(), url, None, context)


def assert_valid(result):
    for key, record_type in (
        ("organizations", RecordType.ORGANIZATION),
        ("meetings", RecordType.MEETING),
        ("actions", RecordType.ACTION),
    ):
        for record in result[key]:
            validate_record(record_type, record)


# --- the sample site's tree --------------------------------------------------------------


def test_top_sections_in_swedish_first():
    result = sample(PageKind.ORGANIZATIONS, "Nodes")
    (link,) = result["links"]  # "Organ"; not "Tjänsteinnehavare" nor "Länkar"
    assert link["url"] == API + "Nodes(8010)/SubNodes()"
    assert link["context"]["web"] == {
        "sv": "/sv-FI/Organ",
        "fi": "/fi-FI/Toimielimet",
        "en": "/en-US/Bodies",
    }


def test_organs_take_their_first_listed_name():
    result = sample(
        PageKind.ORGANIZATIONS,
        "Nodes(8010)/SubNodes()",
        {"web": {"sv": "/sv-FI/Organ", "fi": "/fi-FI/Toimielimet"}},
    )
    assert [(o["name"], o["classification"]) for o in result["organizations"]] == [
        ("Kommunfullmäktige", "council"),
        ("Kunnanvaltuusto", "council"),
        ("Kommunstyrelsen", "board"),
        ("Bildningsnämnden", "committee"),
        ("Revisionsnämnden", "committee"),
    ]
    # Each language's path uses that language's name when the organ has one.
    board = result["links"][2]["context"]
    assert board == {
        "organization": "8103",
        "web": {"sv": "/sv-FI/Organ/Kommunstyrelsen", "fi": "/fi-FI/Toimielimet/Kunnanhallitus"},
    }


def test_folders_named_for_minutes_and_agendas_set_the_document_kind():
    result = sample(PageKind.MEETINGS, "Nodes(8103)/SubNodes()", {"organization": "8103"})
    assert result["meetings"] == []
    assert [(link["url"], link["context"].get("document_kind")) for link in result["links"]] == [
        (API + "Nodes(8113)/SubNodes()", DocumentKind.MINUTES),
        (API + "Nodes(8114)/SubNodes()", DocumentKind.AGENDA),
    ]
    agendas = sample(PageKind.MEETINGS, "Nodes(8114)/SubNodes()", result["links"][1]["context"])
    assert agendas["meetings"][0]["document_kind"] == DocumentKind.AGENDA


def test_meetings_right_under_an_organ():
    web = {"sv": "/sv-FI/Organ/Bildningsnamnden"}
    result = sample(
        PageKind.MEETINGS, "Nodes(8104)/SubNodes()", {"organization": "8104", "web": web}
    )
    assert result["meetings"][0] == {
        "id": "pedersore:meeting:7207",
        "origin_id": "7207",
        "municipality": "pedersore",
        "organization": "pedersore:org:8104",
        "start": "2026-10-21",
    }
    assert result["links"][0]["context"] == {
        "organization": "8104",
        "meeting": "7207",
        "web": {"sv": "/sv-FI/Organ/Bildningsnamnden/Sammantrade_21102026"},
    }


def test_an_organ_without_meetings_lists_nothing():
    result = sample(PageKind.MEETINGS, "Nodes(8105)/SubNodes()", {"organization": "8105"})
    assert (result["meetings"], result["links"], result["errors"]) == ([], [], [])


def test_mixed_language_meeting_gives_each_item_its_own_language_and_page():
    web = {
        "sv": "/sv-FI/Organ/Bildningsnamnden/Sammantrade_21102026",
        "fi": "/fi-FI/Toimielimet/Sivistyslautakunta/Sammantrade_21102026",
    }
    result = sample(
        PageKind.MEETING,
        "Nodes(7207)/Contents()",
        {"organization": "8104", "meeting": "7207", "web": web},
    )
    (meeting,) = result["meetings"]
    assert meeting["language"] == "sv"
    assert meeting["source_url"] == SITE + "sv-FI/Organ/Bildningsnamnden/Sammantrade_21102026"
    finnish = result["actions"][2]
    assert (finnish["language"], finnish["ordering"]) == ("fi", 3)
    assert finnish["source_url"] == (
        SITE + "fi-FI/Toimielimet/Sivistyslautakunta/Sammantrade_21102026/"
        "Suomenkielisen_perusopetuksen_lukuvuosisuunnitelma_2026-2027(720703)"
    )
    assert result["links"][2]["context"]["language"] == "fi"


def test_sample_item_field_by_field():
    result = sample(
        PageKind.ACTION,
        "Contents(720402)/ExtendedProperties",
        {
            "organization": "8103",
            "meeting": "7204",
            "language": "sv",
            "document_kind": "minutes",
            "source_url": SITE + "sv-FI/x(720402)",
        },
    )
    (action,) = result["actions"]
    contents = action.pop("contents")
    assert action == {
        "id": "pedersore:action:720402",
        "origin_id": "720402",
        "municipality": "pedersore",
        "organization": "pedersore:org:8103",
        "meeting": "pedersore:meeting:7204",
        "title": "Upphandling av skolskjutsar 2027–2030",
        "article_number": "151",
        "language": "sv",
        "register_id": "PEDDno-2026-187",  # written "PEDDno-2026-187 \n"
        "presenter": "Kommundirektör Jonas Forsblom",
        "preparers": ["Förvaltningschef Annika Strandvall", "Bildningsdirektör Carina Björkqvist"],
        "attachments": [
            {
                "name": "Anbudsbegäran.pdf",
                "public": True,
                "media_type": "application/pdf",
                "url": SITE
                + "download.aspx?ID=7204021&GUID={2fd35163-ce81-5000-b4b3-92d64a0e6c08}",
            },
            {
                "name": "Anbudsjämförelse.pdf",
                "public": False,
                "media_type": "application/pdf",
                "confidentiality_reason": "sekretessbelagd, OffL 24 § 1 mom. 17 p.",
            },
        ],
        "source_url": SITE + "sv-FI/x(720402)",
    }
    assert [(c["type"], c["label"]) for c in contents] == [
        ("presentation", "Beskrivning"),
        ("proposal", "Beslutsförslag"),
        ("decision", "Beslut"),
        ("appeal", "Besvärsanvisning"),
    ]
    assert contents[2]["text"] == "Förslaget godkändes."
    # Its folder already said minutes: the item does not repeat it.
    assert result["meetings"] == []


def test_agenda_item_without_a_decision_says_nothing_about_its_meeting():
    result = sample(
        PageKind.ACTION,
        "Contents(720602)/ExtendedProperties",
        {"meeting": "7206", "language": "sv"},
    )
    (action,) = result["actions"]
    assert [c["type"] for c in action["contents"]] == ["presentation", "proposal"]
    assert result["meetings"] == []


SAMPLE_KINDS = {
    "sections": PageKind.ORGANIZATIONS, "organs": PageKind.ORGANIZATIONS,
    "organ_children": PageKind.MEETINGS, "meeting_list": PageKind.MEETINGS,
    "meeting": PageKind.MEETING, "item": PageKind.ACTION,
}  # fmt: skip


@pytest.mark.parametrize(
    "entry",
    # Attachment files are read as files (tests/test_attachments.py), not as API answers.
    [e for e in manifest()["entries"] if e["kind"] not in ("robots", "attachment")],
    ids=lambda e: e["path"].removeprefix("/api/opennc/v1/"),
)
def test_every_sample_response_parses_valid_and_is_recognised(entry):
    body = (SAMPLE / entry["file"]).read_bytes()
    url = SITE.rstrip("/") + entry["path"]
    kind = SAMPLE_KINDS[entry["kind"]]
    result = parse_page("cloudnc", kind, body, url, "pedersore", {"meeting": "1"})
    assert result["errors"] == []
    assert_valid(result)
    if json.loads(body)["value"]:  # an empty node list could be either kind of list
        assert detect_page_kind("cloudnc", body, url) == kind


# --- our fixtures: shapes the sample does not show ---------------------------------------


def test_year_folders_meeting_with_time_and_a_bad_date():
    result = fixture(
        "organ_children_years.json",
        PageKind.MEETINGS,
        OTHER_API + "Nodes(500)/SubNodes()",
        {"organization": "500"},
    )
    assert [link["url"] for link in result["links"][:2]] == [
        OTHER_API + "Nodes(501)/SubNodes()",
        OTHER_API + "Nodes(502)/SubNodes()",
    ]
    assert result["links"][1]["context"]["document_kind"] == DocumentKind.AGENDA
    minutes, bad = result["meetings"]
    assert minutes["start"] == "2017-03-20T17:00:00+02:00"
    assert minutes["document_kind"] == DocumentKind.MINUTES  # "Pöytäkirja 20.3.2017 ..."
    assert "start" not in bad
    assert result["errors"] == ["meeting node 504 'Kokous 31.2.2017': no valid date"]


def test_rich_html_is_sanitised_and_its_text_kept_in_lines():
    (action,) = fixture(
        "item_rich_html.json", PageKind.ACTION, OTHER_API + "Contents(900)/ExtendedProperties"
    )["actions"]
    presentation, proposal = action["contents"]
    assert presentation["text"] == (
        "Taulukko\nalla:\n\nMenot 1 200 €\nTulot 900 €\n\nLisätietoja tästä.\n\nensimmäinen\ntoinen"
    )
    assert presentation["html"] == (
        "<p>Taulukko<br>\nalla:</p>\n\n<table><tbody><tr><td>Menot</td><td>1&nbsp;200&nbsp;€"
        "</td></tr><tr><td>Tulot</td><td>900&nbsp;€</td></tr></tbody></table>\n"
        "<p>Lisätietoja tästä.</p>\n<ul><li>ensimmäinen</li><li>toinen</li></ul>"
    )
    assert proposal["html"] == "<p>Hyväksytään esitys.</p>"  # no <img onerror>, no <u>


def test_rich_item_fields():
    (action,) = fixture(
        "item_rich_html.json", PageKind.ACTION, OTHER_API + "Contents(900)/ExtendedProperties"
    )["actions"]
    assert action["title"] == "Budjetti & investoinnit 2018"
    assert action["article_number"] == "27"
    assert action["register_id"] == "ROIDno-2020-2129"
    assert "function_code" not in action
    assert action["presenter"] == "Kunnanjohtaja Pekka Aho"  # the first of two
    assert action["preparers"] == ["Talousjohtaja Liisa Virta", "Controller Matti Salo"]
    linked, withheld, no_extension = action["attachments"]
    assert linked["url"] == "https://kunta.cloudnc.fi/download.aspx?ID=77&GUID={abc}"
    assert withheld == {
        "name": "Tarjousvertailu",
        "public": False,
        "confidentiality_reason": "salassa pidettävä, JulkL 24 § 1 mom. 17 k.",
    }
    assert no_extension["public"] and "media_type" not in no_extension


def test_item_id_from_context_when_the_url_has_none():
    (action,) = fixture(
        "item_rich_html.json", PageKind.ACTION, "file:///tmp/item.json", {"origin_id": "901"}
    )["actions"]
    assert action["id"] == "unknown:action:901"
    # Without an API url, relative attachment links stay as written.
    assert action["attachments"][0]["url"] == "download.aspx?ID=77&GUID={abc}"


# --- broken input ------------------------------------------------------------------------

NODE = {"NodeId": 1, "ParentId": 0, "Names": [{"LanguageId": 1, "Name": "Hallitus"}]}


def odata(collection, values):
    metadata = f"{OTHER_API}$metadata#{collection}"
    return json.dumps({"odata.metadata": metadata, "value": values}).encode()


@pytest.mark.parametrize(("kind", "body", "url", "message"), [
    (PageKind.ORGANIZATIONS, b"", OTHER_API + "Nodes", "empty response"),
    (PageKind.MEETING, b'{"value": [', OTHER_API + "Nodes(1)/Contents()", "not JSON"),
    (None, (FIXTURES / "nodes_atom.xml").read_bytes(), OTHER_API + "Nodes", "not JSON"),
    (PageKind.ACTION, b"\xff\xfe{}", OTHER_API + "Contents(1)/ExtendedProperties", "UTF-8"),
    (PageKind.ORGANIZATIONS, b"[1, 2]", OTHER_API + "Nodes", "not an OData collection"),
    (PageKind.MEETINGS, b'{"value": {"NodeId": 1}}', OTHER_API + "Nodes", "'value' list"),
    (PageKind.MEETINGS, b'{"value": [1]}', OTHER_API + "Nodes", "something else"),
    (PageKind.MEETINGS, odata("Nodes", [{"NodeId": "1", "Names": []}]), "", "no NodeId"),
    (PageKind.MEETINGS, odata("Nodes", [{**NODE, "Names": [{"Name": ""}]}]), "", "no name"),
    (PageKind.ORGANIZATIONS, odata("Nodes", [{**NODE, "Names": [{"Name": "Kokoukset"}]}]), "",
     "not an organ list"),
    (PageKind.ORGANIZATIONS, odata("Nodes", [{**NODE, "Names": [{"Name": "Viranhaltijat"}]}]),
     OTHER_API + "Nodes", "no organ section"),
    (PageKind.ACTION, odata("Contents", []), OTHER_API + "Contents(1)/ExtendedProperties",
     "expected OData ExtendedProperties"),
    (PageKind.ACTION, odata("ExtendedProperties", []), OTHER_API + "Contents(1)/x", "empty"),
    (PageKind.ACTION, odata("ExtendedProperties", [{"Name": 5, "Text": ""}]), "",
     "unexpected extended property"),
    (PageKind.ACTION, odata("ExtendedProperties", [{"Name": "Name", "Text": "x"}]),
     "file:///x.json", "item id not found"),
    (PageKind.MEETING, odata("Contents", [{"ContentId": 1}]), "file:///x.json",
     "meeting id not found"),
    (PageKind.ATTACHMENTS, odata("Nodes", []), OTHER_API + "Nodes", "unknown page kind"),
    ("minutes", odata("Nodes", []), OTHER_API + "Nodes", "unknown page kind"),
])  # fmt: skip
def test_broken_input_is_a_one_line_parse_error(kind, body, url, message):
    with pytest.raises(ParseError, match=message) as raised:
        parse_page("cloudnc", kind, body, url)
    assert "\n" not in str(raised.value)


def test_an_item_without_a_content_id_is_a_row_error():
    body = odata("Contents", [{"ContentId": "x"}, {"ContentId": 5, "Subject": "Asia"}])
    result = parse_page("cloudnc", PageKind.MEETING, body, OTHER_API + "Nodes(1)/Contents()")
    assert [a["id"] for a in result["actions"]] == ["unknown:action:5"]
    assert len(result["errors"]) == 1 and "ContentId" in result["errors"][0]


# Page kinds a platform parser reads (an attachment file is any bytes: random ones are a
# failed read, kept, not a ParseError: tests/test_attachments.py).
ALL_KINDS = [*(kind for kind in PageKind if kind is not PageKind.ATTACHMENT_FILE), None]
KEYS = [
    "odata.metadata",
    "value",
    "NodeId",
    "Names",
    "Name",
    "LanguageId",
    "ContentId",
    "Subject",
    "Classifications",
    "Type",
    "Text",
    "NodeName",
]
JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-3, 99999)
    | st.sampled_from(
        [
            "",
            "Hallitus",
            "Kokous 5.9.2016",
            "Toimielimet",
            "Decision",
            "<p>x</p>",
            "2017",
            f"{OTHER_API}$metadata#Nodes",
            f"{OTHER_API}$metadata#Contents",
            "Attachments",
        ]
    ),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.sampled_from(KEYS), children, max_size=5)
    ),
    max_leaves=25,
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    kind=st.sampled_from(ALL_KINDS),
    data=JSON_VALUES,
    url=st.sampled_from(
        [
            "",
            OTHER_API + "Nodes(1)/Contents()",
            OTHER_API + "Nodes",
            OTHER_API + "Contents(2)/ExtendedProperties",
        ]
    ),
)
def test_any_json_gives_a_valid_result_or_a_parse_error(kind, data, url):
    try:
        result = parse_page("cloudnc", kind, json.dumps({"value": data}).encode(), url)
    except ParseError as error:
        assert "\n" not in str(error)
    else:
        assert_valid(result)


@pytest.mark.parametrize("kind", ALL_KINDS)
@pytest.mark.parametrize(
    "body",
    [b"   \n", os.urandom(256), b"<html><body>Kirjaudu</body>"],
    ids=["blank", "random", "html"],
)
def test_non_json_input_is_a_parse_error(kind, body):
    with pytest.raises(ParseError):
        parse_page("cloudnc", kind, body, OTHER_API + "Nodes")
