"""CloudNC OData v3 JSON, shaped like the real Tampere responses (Nodes, Contents,
ExtendedProperties). HTML fields use named entities, as CloudNC's editor writes them."""

from __future__ import annotations

import html
import json
import re
import uuid
from datetime import datetime, timedelta
from html.entities import codepoint2name

from sample_sites.cloudnc.model import LANGUAGE_IDS, CloudncSite, Meeting, Names
from sample_sites.model import Attachment, Person

API_PATH = "/api/opennc/v1/"
NODE_TYPE_FOLDER, NODE_TYPE_MEETING = 0, 150
CLASSIFICATION_INTERNET, CLASSIFICATION_MEETING, CLASSIFICATION_COVER = 12, 7, 43
TEMPLATE_ITEM, TEMPLATE_COVER = 70, 71
EDITOR_ID = 4102
# The API's property ids (the same on every item of an install).
PROPERTY_IDS = {
    "Name": 1725, "Article": 1718, "CaseNativeId": 1791, "IsAdditionalTopic": 1792,
    "Description": 1723, "Decisionproposal": 1722, "Decision": 1721, "Inform": 1793,
    "Draftsmans": 1795, "Presenters": 1796, "Correctioninstructions": 1797,
    "Attachments": 1799,
}  # fmt: skip
_BOLD = re.compile(r"\*\*(.+?)\*\*")


def collection(site: CloudncSite, name: str, values: list[dict]) -> bytes:
    data = {"odata.metadata": f"{site.host}api/opennc/v1/$metadata#{name}", "value": values}
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def node(node_id: int, parent_id: int, names: Names, created: datetime, node_type: int) -> dict:
    return {
        "NodeId": node_id,
        "ParentId": parent_id,
        "Names": [
            {"LanguageId": LANGUAGE_IDS[language], "Name": name, "Link": None}
            for language, name in names
        ],
        "SortOrder": 0,
        "Date": _timestamp(created),
        "Type": node_type,
    }


def meeting_node(meeting: Meeting, parent_id: int) -> dict:
    names = ((meeting.language, meeting.name),)
    return node(meeting.node_id, parent_id, names, meeting.published_at(), NODE_TYPE_MEETING)


def meeting_contents(meeting: Meeting) -> list[dict]:
    """The cover (participants, "show as the level's presentation") and then the items."""
    cover = _content(meeting, 0, "", meeting.language, TEMPLATE_COVER)
    cover["Classifications"].insert(1, {
        "NodeId": 2956, "NodeName": "Visa som nivåns presentation", "Type": CLASSIFICATION_COVER,
    })  # fmt: skip
    items = [
        _content(meeting, n, item.title, item.language or meeting.language, TEMPLATE_ITEM,
                 len(item.attachments))
        for n, item in enumerate(meeting.items, start=1)
    ]  # fmt: skip
    return [cover, *items]


def item_properties(meeting: Meeting, ordering: int) -> list[dict]:
    item = meeting.items[ordering - 1]
    content_id = meeting.content_id(ordering)
    texts = [
        ("Name", item.title),
        ("Article", str(meeting.first_article + ordering - 1)),
        ("CaseNativeId", item.register_id),
        ("IsAdditionalTopic", "False"),
        ("Description", entity_html(item.description)),
        ("Decisionproposal", entity_html(item.proposal)),
        ("Decision", entity_html(item.decision)),
        ("Inform", item.inform),
        ("Draftsmans", people(item.draftsmen)),
        ("Presenters", people((item.presenter,) if item.presenter else ())),
        ("Correctioninstructions", entity_html(item.appeal)),
    ]
    texts += [
        ("Attachments", _attachment_html(content_id, n, attachment))
        for n, attachment in enumerate(item.attachments, start=1)
    ]
    return [
        {"Id": PROPERTY_IDS[name], "Name": name, "Text": text, "Number": None, "Date": None}
        for name, text in texts
    ]


def people(persons: tuple[Person, ...]) -> str:
    """CloudNC's person fields: "Name;#Title;#Phone;#E-mail;#", persons joined by "!#"."""
    return "!#".join(
        f"{p.name};#{p.title[:1].upper() + p.title[1:]};#;#{p.email};#" for p in persons
    )


def entity_html(text: str) -> str:
    """Paragraphs to HTML with named entities ("ä" -> "&auml;"), like CloudNC's editor."""
    if not text:
        return ""
    blocks = [_block_html(block) for block in text.split("\n\n")]
    return "\n\n".join(blocks) + "\n"


def _block_html(block: str) -> str:
    lines = block.split("\n")
    if all(line.startswith("- ") for line in lines):
        entries = "".join(f"<li>{_inline(line[2:])}</li>" for line in lines)
        return f'<ul style="margin-left:40px">{entries}</ul>'
    if all(" | " in line for line in lines):
        rows = "".join(
            "<tr>" + "".join(f"<td>{_inline(cell)}</td>" for cell in line.split(" | ")) + "</tr>"
            for line in lines
        )
        return f'<table border="1" cellpadding="2"><tbody>{rows}</tbody></table>'
    return "<p>" + "<br />\n".join(_inline(line) for line in lines) + "</p>"


def _inline(text: str) -> str:
    escaped = _BOLD.sub(r"<strong>\1</strong>", html.escape(text, quote=False))
    return "".join(
        f"&{codepoint2name[ord(char)]};"
        if ord(char) > 127 and ord(char) in codepoint2name
        else char
        for char in escaped
    )


def _content(
    meeting: Meeting, ordering: int, subject: str, language: str, template: int, files: int = 0
) -> dict:
    created = meeting.published_at() + timedelta(seconds=ordering)
    content_id = meeting.content_id(ordering)
    return {
        "ContentId": content_id,
        "Subject": subject,
        "LanguageId": LANGUAGE_IDS[language],
        "PublicDate": _timestamp(created),
        "ExpiryDate": f"{meeting.start.year + 4}-12-31T23:59:59",
        "CreatedDate": _timestamp(created),
        "EditedDate": _timestamp(created + timedelta(hours=1)),
        "TemplateId": template,
        "Version": 1,
        "CreatorId": EDITOR_ID,
        "Editor": EDITOR_ID,
        "EventStartDate": None,
        "EventEndDate": None,
        "Classifications": [
            {"NodeId": 59, "NodeName": "Internet", "Type": CLASSIFICATION_INTERNET},
            {"NodeId": meeting.node_id, "NodeName": meeting.name, "Type": CLASSIFICATION_MEETING},
        ],
        "FileLinks": [{"FileId": _file_id(content_id, n)} for n in range(1, files + 1)],
    }


def _attachment_html(content_id: int, number: int, attachment: Attachment) -> str:
    """A download link; a withheld attachment is listed by name without one."""
    if not attachment.public:
        return f"{attachment.name} ({attachment.confidentiality_reason})"
    return (
        f"<a href='download.aspx?{attachment_query(content_id, number)}' target='_blank'>"
        f"{attachment.name}</a>"
    )


def attachment_query(content_id: int, number: int) -> str:
    """The query of an attachment's download link (``download.aspx?<this>``)."""
    file_id = _file_id(content_id, number)
    guid = uuid.uuid5(uuid.NAMESPACE_URL, f"cloudnc-sample/{file_id}")
    return f"ID={file_id}&GUID={{{guid}}}"


def _file_id(content_id: int, number: int) -> int:
    return content_id * 10 + number


def _timestamp(moment: datetime) -> str:
    """CloudNC writes local times without an offset, with milliseconds."""
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}"
