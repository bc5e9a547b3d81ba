"""CloudNC / Case M parsers: OData JSON in, partial schema records out.

The contract is in harvest/platforms/__init__.py; the platform is described in
../shared/design/platforms.md. Everything comes from the OData API at
``<base>api/opennc/v1/`` (JSON; ``odata.metadata`` names the collection). The node tree,
as the real Tampere responses (../shared/real-pages/cloudnc-tampere-2017/) show it:

    Nodes                          top sections: "Toimielimet" / "Organ" (organs),
                                   "Viranhaltijat" (officeholders), "Ylälaidan linkit" (menu)
    Nodes(<section>)/SubNodes()    the organs: "Kaupunginhallitus", "Lautakunta", ...
    Nodes(<organ>)/SubNodes()      folders ("Kokoukset" / "Meetings" / "Möten", years) or
                                   meetings directly
    Nodes(<folder>)/SubNodes()     the meetings, named "Kokous 5.9.2016"
    Nodes(<meeting>)/Contents()    the meeting's items (ContentId, Subject, LanguageId)
    Contents(<id>)/ExtendedProperties   one item's fields (Name, Article, CaseNativeId,
                                   Description, Decisionproposal, Decision, Draftsmans,
                                   Presenters, Correctioninstructions, Attachments, ...)

A node's level is told by its name, because ids say nothing about it: a name with a date is
a meeting, a known section or folder word is a section or folder, anything else is an organ.
Page kinds:

- ORGANIZATIONS  ``Nodes`` (the sections; yields only links to the organ sections) and a
  section's ``SubNodes()`` (yields the organs).
- MEETINGS  an organ's or folder's ``SubNodes()``: meetings, and folders to descend into.
- MEETING  ``Nodes(<meeting>)/Contents()``: the meeting (language from its items) and its
  items (title, ordering). The meeting's cover (participants; marked "show as the level's
  presentation", type 43) is not an item and is left out.
- ACTION  ``Contents(<id>)/ExtendedProperties``: one item field by field. HTML fields are
  kept sanitised in ``html`` and as plain text in ``text``, entities decoded.

Officeholder sections are recognised but not followed yet (their tree is not known). A
meeting's document kind comes from words in its own or its folder's name ("Pöytäkirjat",
"Föredragningslistor"); failing that, an item page with a decision marks its meeting as
minutes. Web page URLs (``/fi-FI/Toimielimet/<Organ>/Kokous_<DMYYYY>/<slug>(<id>)``) are
built from the node names along the path when the crawl came from the top; otherwise a
record's source_url is its API URL. LanguageId 1 is Finnish, 2 English, 3 Swedish. Item
fields carry no headings, so content labels are the usual ones in the item's language
("Päätösehdotus" / "Beslutsförslag"). The outcome is left to the store, which reads it
from the decision text (transform/outcome.py).
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from urllib.parse import urljoin

import lxml.html
import nh3
from lxml import etree

from harvest.platforms import ParseError
from harvest.platforms.page import Page, link_to
from harvest.platforms.sections import (
    DATE_TIME,
    attachment_record,
    classify_organ,
    function_code_of,
    media_type_of,
    parse_start,
    with_values,
)
from transform.schema import (
    Classification,
    ContentType,
    DocumentKind,
    PageKind,
    RecordType,
)

API_PATH = "api/opennc/v1/"

LANGUAGES = {1: "fi", 2: "en", 3: "sv"}  # CloudNC LanguageId
CULTURES = {"fi": "fi-FI", "sv": "sv-FI", "en": "en-US"}  # first segment of web URLs
# Which OData collection each page kind must be.
COLLECTIONS = {
    PageKind.ORGANIZATIONS: "Nodes",
    PageKind.MEETINGS: "Nodes",
    PageKind.MEETING: "Contents",
    PageKind.ACTION: "ExtendedProperties",
}
_URL_PAGE_KINDS = (
    (re.compile(r"ExtendedProperties", re.I), PageKind.ACTION),
    (re.compile(r"Contents", re.I), PageKind.MEETING),
)
_MEETING_CONTENTS_URL = re.compile(r"Nodes\((\d+)\)/Contents", re.I)
_ITEM_PROPERTIES_URL = re.compile(r"Contents\((\d+)\)/ExtendedProperties", re.I)

# --- node names -----------------------------------------------------------------------------

_SECTION, _FOLDER, _MEETING, _ORGAN = "section", "folder", "meeting", "organ"
_ORGAN_SECTIONS = {"toimielimet", "luottamuselimet", "organ", "organen", "förtroendeorgan"}
_OTHER_SECTIONS = {
    "viranhaltijat", "viranhaltijapäätökset", "tjänsteinnehavare", "tjänsteinnehavarbeslut",
    "ylälaidan linkit", "länkar", "linkit", "links",
}  # fmt: skip
_FOLDER_WORDS = re.compile(
    r"^(kokoukset|meetings|möten|sammanträden|pöytäkirjat|protokoll|esityslistat|"
    r"föredragningslistor|agendas|minutes|\d{4})$",
    re.I,
)
# Folder names are plural ("Pöytäkirjat", "Föredragningslistor"): word stems, not words.
_KIND_WORDS = {
    DocumentKind.MINUTES: re.compile(r"(pöytäkirj|protokoll|minutes)", re.I),
    DocumentKind.AGENDA: re.compile(r"(esityslist|föredragningslist|agenda)", re.I),
}
# Classification types on a content: its meeting node, and "Näytä tason esittelynä" ("show
# as the level's presentation"), which marks the meeting's own cover page.
_MEETING_NODE, _LEVEL_PRESENTATION = 7, 43

# --- item fields ----------------------------------------------------------------------------

# ExtendedProperties name -> (content type, label fi, label sv). Labels are the usual
# headings in the item's language: the API has field names, not headings.
_CONTENT_FIELDS = {
    "Description": (ContentType.PRESENTATION, "Selostus", "Beskrivning"),
    "Decisionproposal": (ContentType.PROPOSAL, "Päätösehdotus", "Beslutsförslag"),
    "Decision": (ContentType.DECISION, "Päätös", "Beslut"),
    "Correctioninstructions": (ContentType.APPEAL, "Muutoksenhakuohje", "Besvärsanvisning"),
    "Inform": (ContentType.OTHER, "Tiedoksi", "För kännedom"),
    "Opinions": (ContentType.OTHER, "Lausunnot", "Utlåtanden"),
}
_HTML_TAGS = {
    "p", "br", "ul", "ol", "li", "strong", "em", "b", "i",
    "table", "tr", "td", "th", "thead", "tbody",
}  # fmt: skip
_BLOCK_TAGS = {"p", "div", "table", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6"}
_LINE_TAGS = {"br", "li", "tr"}  # each on a line of its own within its paragraph
_PARAGRAPH_BREAK = "\ue000"  # a private-use character: no text of ours contains it
_WHITESPACE = re.compile(r"[\s\ue000]+")  # a paragraph mark in the source is a space
_SEPARATOR_SPACE = re.compile(r"\s*([-/:])\s*")
_DASHES = re.compile("[\u2010-\u2015]")
_EMPTY_PARAGRAPH = re.compile(r"<p>(?:\s|&nbsp;|<br>)*</p>\s*")
_DROPPED_WITH_CONTENT = {"script", "style", "template", "noscript", "iframe", "object", "embed"}
# Persons are "Name;#Title;#Phone;#E-mail;#", several joined by "!#" (or simply in a row).
_PERSON_SEPARATOR, _PERSON_FIELD, _PERSON_FIELDS = "!#", ";#", 4


# --- Entry points ---------------------------------------------------------------------------


def parse_page(page_kind, body: bytes, url: str, municipality=None, context=None) -> dict:
    """Records and links of one CloudNC API response (see harvest/platforms/__init__.py)."""
    page = _CloudncPage(url or "", municipality, dict(context or {}))
    kind = detect_page_kind(body, url) if page_kind is None else _as_page_kind(page_kind)
    values = _odata_values(body, COLLECTIONS.get(kind), kind)
    return _PARSERS[kind](values, page)


def detect_page_kind(body: bytes, url: str = "") -> PageKind:
    """From the collection the response names, then the URL; nodes by their names."""
    data = _load_json(body)
    collection = _collection_name(data) or _collection_from_url(url or "")
    if collection == "ExtendedProperties":
        return PageKind.ACTION
    if collection == "Contents":
        return PageKind.MEETING
    nodes = [_read_node(raw) for raw in _value_list(data)]
    if any(node.role in (_MEETING, _FOLDER) for node in nodes):
        return PageKind.MEETINGS
    return PageKind.ORGANIZATIONS


def _as_page_kind(value) -> PageKind:
    try:
        kind = PageKind(value)
    except ValueError:
        kind = None
    if kind not in COLLECTIONS:
        raise ParseError(f"unknown page kind {value!r}; known: {[k.value for k in COLLECTIONS]}")
    return kind


# --- Shared helpers -------------------------------------------------------------------------


class _CloudncPage(Page):
    """A CloudNC API response: links are built beside the API root."""

    def api(self, path: str) -> str:
        """An API URL beside this page's (links work from any API page)."""
        if API_PATH in self.url:
            return self.url[: self.url.index(API_PATH) + len(API_PATH)] + path
        return urljoin(self.url, path)

    def site_root(self) -> str | None:
        """``https://tampere.cloudnc.fi/`` for an API URL; None when the URL is not one."""
        return self.url[: self.url.index(API_PATH)] if API_PATH in self.url else None


def _load_json(body: bytes):
    if not body or not body.strip():
        raise ParseError("empty response")
    try:
        return json.loads(body.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise ParseError(f"not UTF-8 JSON: {error.reason} at byte {error.start}") from None
    except json.JSONDecodeError as error:
        start = " ".join(body[:40].decode("utf-8", "replace").split())
        raise ParseError(
            f"not JSON ({error.msg} at line {error.lineno}; starts {start!r})"
        ) from None


def _collection_name(data) -> str | None:
    """ "http://x/api/opennc/v1/$metadata#Nodes" -> "Nodes" (OData v3 and v4 keys)."""
    if not isinstance(data, dict):
        return None
    metadata = data.get("odata.metadata") or data.get("@odata.context") or ""
    if not isinstance(metadata, str) or "#" not in metadata:
        return None
    return metadata.rsplit("#", 1)[1].split("/")[0].split("(")[0] or None


def _collection_from_url(url: str) -> str | None:
    for pattern, kind in _URL_PAGE_KINDS:
        if pattern.search(url):
            return COLLECTIONS[kind]
    return None


def _value_list(data) -> list[dict]:
    if not isinstance(data, dict) or not isinstance(data.get("value"), list):
        raise ParseError("not an OData collection: expected an object with a 'value' list")
    if not all(isinstance(entry, dict) for entry in data["value"]):
        raise ParseError("unexpected OData collection: 'value' holds something else than objects")
    return data["value"]


def _odata_values(body: bytes, expected: str | None, kind: PageKind) -> list[dict]:
    data = _load_json(body)
    collection = _collection_name(data)
    if expected and collection and collection != expected:
        raise ParseError(f"expected OData {expected} for a {kind} page, got {collection}")
    return _value_list(data)


def _text_of(value) -> str:
    return " ".join(html.unescape(value).split()) if isinstance(value, str) else ""


def _language(language_id) -> str | None:
    return LANGUAGES.get(language_id) if isinstance(language_id, int) else None


def _list_field(entry: dict, key: str) -> list[dict]:
    """The objects in a list field; anything else there counts as an empty list."""
    value = entry.get(key)
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _document_kind_in(text: str) -> DocumentKind | None:
    for kind, words in _KIND_WORDS.items():
        if words.search(text):
            return kind
    return None


def _slug(text: str) -> str:
    """A web-URL segment: "Kokous 5.9.2016" -> "Kokous_592016", "Näsijärvi, ranta" ->
    "Nasijarvi_ranta"."""
    text = _DASHES.sub("-", text)  # "2026–2027" keeps its dash
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "_".join(re.findall(r"[A-Za-z0-9-]+", ascii_text.replace(".", "")))


# --- Nodes: sections, organs, folders, meetings ---------------------------------------------


@dataclass
class _Node:
    id: str
    names: dict[str, str]  # language -> name, in the order the source lists them

    @property
    def name(self) -> str:
        return next(iter(self.names.values()), "")

    def name_in(self, language: str) -> str:
        return self.names.get(language) or self.name

    @property
    def role(self) -> str:
        lowered = {name.lower() for name in self.names.values()}
        if any(DATE_TIME.search(name) for name in self.names.values()):
            return _MEETING
        if lowered & (_ORGAN_SECTIONS | _OTHER_SECTIONS):
            return _SECTION
        if any(_FOLDER_WORDS.fullmatch(name) for name in lowered):
            return _FOLDER
        return _ORGAN


def _read_node(raw: dict) -> _Node:
    node_id = raw.get("NodeId")
    names = raw.get("Names")
    if not isinstance(node_id, int) or not isinstance(names, list):
        raise ParseError(f"unexpected node: no NodeId number or Names list in {_brief(raw)}")
    by_language: dict[str, str] = {}
    for entry in names:
        if isinstance(entry, dict) and _text_of(entry.get("Name")):
            language = _language(entry.get("LanguageId")) or str(entry.get("LanguageId"))
            by_language.setdefault(language, _text_of(entry["Name"]))
    if not by_language:
        raise ParseError(f"unexpected node {node_id}: it has no name")
    return _Node(str(node_id), by_language)


def _brief(raw) -> str:
    return " ".join(json.dumps(raw, ensure_ascii=False)[:80].split())


def _web_paths(context: dict, node: _Node) -> dict[str, str] | None:
    """The node's web path per language, from its parent's (None when not known)."""
    parent = context.get("web")
    if not parent:
        return None
    return {
        language: f"{path}/{_slug(node.name_in(language))}" for language, path in parent.items()
    }


def _section_web_paths(node: _Node) -> dict[str, str]:
    return {
        language: f"/{CULTURES[language]}/{_slug(name)}"
        for language, name in node.names.items()
        if language in CULTURES
    }


def _parse_node_list(values: list[dict], page: _CloudncPage) -> dict:
    """ORGANIZATIONS: the top sections (``Nodes``) or one section's organs."""
    nodes = [_read_node(raw) for raw in values]
    if any(node.role == _SECTION for node in nodes):
        return _parse_sections(nodes, page)
    organs = [node for node in nodes if node.role == _ORGAN]
    page.errors.extend(
        f"node {node.id} {node.name!r} is a {node.role}, not an organ: skipped"
        for node in nodes
        if node.role != _ORGAN
    )
    if not organs:
        names = ", ".join(node.name for node in nodes[:5]) or "nothing"
        raise ParseError(f"not an organ list: it lists {names}")
    organizations, links = [], []
    for node in organs:
        organizations.append(
            with_values(
                page.record(RecordType.ORGANIZATION, node.id),
                name=node.name,
                classification=_classify(node),
            )
        )
        context = {"organization": node.id, "web": _web_paths(page.context, node)}
        links.append(link_to(PageKind.MEETINGS, page.api(f"Nodes({node.id})/SubNodes()"), context))
    return page.result(PageKind.ORGANIZATIONS, organizations=organizations, links=links)


def _parse_sections(nodes: list[_Node], page: _CloudncPage) -> dict:
    """The top of the tree: only organ sections lead on (see the module docstring)."""
    organ_sections = [
        node for node in nodes
        if {name.lower() for name in node.names.values()} & _ORGAN_SECTIONS
    ]  # fmt: skip
    if not organ_sections:
        names = ", ".join(node.name for node in nodes)
        raise ParseError(f"no organ section (Toimielimet / Organ) among the top nodes: {names}")
    links = [
        link_to(PageKind.ORGANIZATIONS, page.api(f"Nodes({node.id})/SubNodes()"),
              {"web": _section_web_paths(node) or None})
        for node in organ_sections
    ]  # fmt: skip
    return page.result(PageKind.ORGANIZATIONS, links=links)


def _classify(node: _Node) -> Classification:
    """By the first of the node's names that says what the organ is."""
    found = (classify_organ(name) for name in node.names.values())
    return next((c for c in found if c != Classification.OTHER), Classification.OTHER)


def _parse_meeting_list(values: list[dict], page: _CloudncPage) -> dict:
    """MEETINGS: an organ's or folder's children; meetings, and folders to descend into."""
    meetings, links = [], []
    for node in (_read_node(raw) for raw in values):
        names = " ".join(node.names.values())
        context = {
            "organization": page.context.get("organization"),
            "document_kind": _document_kind_in(names) or page.context.get("document_kind"),
        }
        if node.role != _MEETING:  # a folder ("Kokoukset", "2016"): look inside
            context["web"] = page.context.get("web")
            url = page.api(f"Nodes({node.id})/SubNodes()")
            links.append(link_to(PageKind.MEETINGS, url, context))
            continue
        meetings.append(_meeting_record(node, context, page))
        context.update(meeting=node.id, web=_web_paths(page.context, node))
        links.append(link_to(PageKind.MEETING, page.api(f"Nodes({node.id})/Contents()"), context))
    return page.result(PageKind.MEETINGS, meetings=meetings, links=links)


def _meeting_record(node: _Node, context: dict, page: _CloudncPage) -> dict:
    start = parse_start(node.name)
    if start is None:
        page.errors.append(f"meeting node {node.id} {node.name!r}: no valid date")
    return with_values(
        page.record(RecordType.MEETING, node.id),
        organization=page.ref(RecordType.ORGANIZATION, context["organization"]),
        start=start,
        document_kind=context["document_kind"],
    )


# --- MEETING: Nodes(n)/Contents() -----------------------------------------------------------


def _parse_meeting(values: list[dict], page: _CloudncPage) -> dict:
    contents = [content for content in values if not _is_meeting_cover(content)]
    meeting_id = _meeting_id(values, page)
    language = _majority_language(contents)
    meeting = with_values(
        page.record(RecordType.MEETING, meeting_id),
        organization=page.ref(RecordType.ORGANIZATION, page.context.get("organization")),
        start=parse_start(_meeting_node_name(values, meeting_id)),
        language=language,
        source_url=_web_url(page, language) or page.url or None,
    )
    actions, links = [], []
    for ordering, content in enumerate(contents, start=1):
        action = _content_action(content, ordering, meeting, page)
        if action is None:
            continue
        actions.append(action)
        context = {
            "organization": page.context.get("organization"),
            "meeting": meeting_id,
            "language": action.get("language"),
            "document_kind": page.context.get("document_kind"),
            "source_url": action.get("source_url"),
        }
        url = page.api(f"Contents({action['origin_id']})/ExtendedProperties")
        links.append(link_to(PageKind.ACTION, url, context))
    return page.result(PageKind.MEETING, meetings=[meeting], actions=actions, links=links)


def _is_meeting_cover(content: dict) -> bool:
    classifications = _list_field(content, "Classifications")
    return any(c.get("Type") == _LEVEL_PRESENTATION for c in classifications)


def _meeting_id(values: list[dict], page: _CloudncPage) -> str:
    match = _MEETING_CONTENTS_URL.search(page.url)
    if match:
        return match.group(1)
    if page.context.get("meeting"):
        return str(page.context["meeting"])
    # The items name their meeting node among their classifications.
    ids = {c.get("NodeId") for content in values for c in _meeting_classifications(content)}
    if len(ids) == 1:
        return str(ids.pop())
    raise ParseError(f"meeting id not found in the url {page.url!r}, context or the items")


def _meeting_classifications(content: dict) -> list[dict]:
    return [
        c for c in _list_field(content, "Classifications")
        if c.get("Type") == _MEETING_NODE and isinstance(c.get("NodeId"), int)
    ]  # fmt: skip


def _meeting_node_name(values: list[dict], meeting_id: str) -> str:
    for content in values:
        for c in _meeting_classifications(content):
            if str(c["NodeId"]) == meeting_id:
                return _text_of(c.get("NodeName"))
    return ""


def _majority_language(contents: list[dict]) -> str | None:
    counts = Counter(_language(content.get("LanguageId")) for content in contents)
    counts.pop(None, None)
    return counts.most_common(1)[0][0] if counts else None


def _web_url(page: _CloudncPage, language: str | None, leaf: str | None = None) -> str | None:
    """The item's or meeting's page on the CloudNC web site, when its path is known."""
    web = page.context.get("web") or {}
    root = page.site_root()
    path = web.get(language) if language else None
    if not root or not path:
        return None
    return root.rstrip("/") + path + (f"/{leaf}" if leaf else "")


def _content_action(content: dict, ordering: int, meeting: dict, page: _CloudncPage) -> dict | None:
    content_id = content.get("ContentId")
    if not isinstance(content_id, int):
        page.errors.append(f"item without a ContentId number: {_brief(content)}")
        return None
    title = _text_of(content.get("Subject")) or None
    language = _language(content.get("LanguageId"))
    leaf = f"{_slug(title or '')}({content_id})"
    return with_values(
        page.record(RecordType.ACTION, content_id),
        organization=meeting.get("organization"),
        meeting=meeting["id"],
        ordering=ordering,
        title=title,
        language=language,
        source_url=_web_url(page, language, leaf),
    )


# --- ACTION: Contents(id)/ExtendedProperties ------------------------------------------------


def _parse_action(values: list[dict], page: _CloudncPage) -> dict:
    fields = _property_texts(values)
    if not fields:
        raise ParseError("no extended properties: the item is empty")
    language = page.context.get("language")
    decision = _first(fields, "Decision")
    action = with_values(
        page.record(RecordType.ACTION, _action_id(page)),
        organization=page.ref(RecordType.ORGANIZATION, page.context.get("organization")),
        meeting=page.ref(RecordType.MEETING, page.context.get("meeting")),
        title=_text_of(_first(fields, "Name")) or None,
        article_number=_text_of(_first(fields, "Article")) or None,
        language=language,
        presenter=next(iter(_people(_first(fields, "Presenters"))), None),
        preparers=_people(_first(fields, "Draftsmans")) or None,
        contents=_contents(fields, language) or None,
        attachments=_attachments(fields.get("Attachments", []), page) or None,
        source_url=page.context.get("source_url") or page.url or None,
    )
    register_id = _register_id(_first(fields, "CaseNativeId"))
    if register_id:
        with_values(action, register_id=register_id, function_code=function_code_of(register_id))
    return page.result(PageKind.ACTION, meetings=_meeting_kind(page, decision), actions=[action])


def _property_texts(values: list[dict]) -> dict[str, list[str]]:
    """Property name -> its texts, in order (Attachments comes once per file)."""
    fields: dict[str, list[str]] = {}
    for prop in values:
        name, text = prop.get("Name"), prop.get("Text")
        if not isinstance(name, str) or not isinstance(text, str | None):
            raise ParseError(f"unexpected extended property: {_brief(prop)}")
        fields.setdefault(name, []).append(text or "")
    return fields


def _register_id(text: str) -> str | None:
    """ "ROIDno-2020-\n 2129" -> "ROIDno-2020-2129": no whitespace around separators."""
    return _SEPARATOR_SPACE.sub(r"\1", _text_of(text)) or None


def _first(fields: dict[str, list[str]], name: str) -> str:
    return (fields.get(name) or [""])[0]


def _action_id(page: _CloudncPage) -> str:
    match = _ITEM_PROPERTIES_URL.search(page.url)
    if match:
        return match.group(1)
    if page.context.get("origin_id"):
        return str(page.context["origin_id"])
    raise ParseError(f"item id not found in the url {page.url!r} nor in context['origin_id']")


def _meeting_kind(page: _CloudncPage, decision: str) -> list[dict]:
    """A decision on an item means its meeting's minutes are out (unless its folder said)."""
    meeting_id = page.context.get("meeting")
    if not meeting_id or page.context.get("document_kind") or not _text_of(decision):
        return []
    meeting = page.record(RecordType.MEETING, meeting_id)
    return [with_values(meeting, document_kind=DocumentKind.MINUTES)]


def _people(text: str) -> list[str]:
    """ "Petri Kantola;#Rakennuttamispäällikkö;#;#mail;#" -> ["Rakennuttamispäällikkö
    Petri Kantola"]: title and name; phone and e-mail are left out."""
    people: list[str] = []
    for chunk in (text or "").split(_PERSON_SEPARATOR):
        fields = [_text_of(part) for part in chunk.split(_PERSON_FIELD)]
        for start in range(0, len(fields), _PERSON_FIELDS):
            name, title = fields[start], (fields[start + 1 : start + 2] or [""])[0]
            person = f"{title} {name}".strip() if name else ""
            if person and person not in people:
                people.append(person)
    return people


def _contents(fields: dict[str, list[str]], language: str | None) -> list[dict]:
    contents = []
    for name, (kind, label_fi, label_sv) in _CONTENT_FIELDS.items():
        source = _first(fields, name)
        text = _html_text(source)
        if text:
            label = label_sv if language == "sv" else label_fi
            contents.append(
                {"type": kind, "label": label, "text": text, "html": _sanitised(source)}
            )
    return contents


def _sanitised(fragment: str) -> str:
    cleaned = nh3.clean(
        fragment,
        tags=set(_HTML_TAGS),
        clean_content_tags=set(_DROPPED_WITH_CONTENT),
        attributes={},
        url_schemes=set(),
        strip_comments=True,
        link_rel=None,
    )
    return _EMPTY_PARAGRAPH.sub("", cleaned).strip()


def _html_text(fragment: str) -> str:
    """Plain text of an HTML fragment, entities decoded: paragraphs split by a blank line,
    <br>, list entries and table rows on lines of their own."""
    if not fragment or not fragment.strip():
        return ""
    root = _fragment_root(fragment)
    _mark_breaks(root)
    paragraphs = (_joined_lines(block) for block in root.text_content().split(_PARAGRAPH_BREAK))
    return "\n\n".join(paragraph for paragraph in paragraphs if paragraph)


def _mark_breaks(root) -> None:
    """Line breaks in the HTML source mean nothing; the elements say where text breaks."""
    elements = list(root.iter(etree.Element))
    for element in elements:
        element.text = _WHITESPACE.sub(" ", element.text or "")
        element.tail = _WHITESPACE.sub(" ", element.tail or "")
    for element in elements:
        if element.tag in _LINE_TAGS:
            element.tail = "\n" + element.tail
            if element.tag != "br":
                element.text = "\n" + element.text
        elif element.tag in _BLOCK_TAGS:
            element.text = _PARAGRAPH_BREAK + element.text
            element.tail = _PARAGRAPH_BREAK + element.tail
        elif element.tag in ("td", "th"):
            element.tail = " " + element.tail


def _joined_lines(block: str) -> str:
    lines = (" ".join(line.split()) for line in block.split("\n"))
    return "\n".join(line for line in lines if line)


def _fragment_root(fragment: str):
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError) as error:
        raise ParseError(f"unreadable HTML in an item field: {error}") from None
    for dropped in root.xpath("//script|//style"):
        dropped.drop_tree()
    return root


def _attachments(texts: list[str], page: _CloudncPage) -> list[dict]:
    attachments = []
    for text in texts:
        if not text.strip():
            continue
        root = _fragment_root(text)
        links = root.xpath("//a[@href]")
        if links:
            attachments.extend(_linked_attachment(link, page) for link in links)
        else:
            # Listed without a file: withheld ("Anbud.pdf (sekretessbelagd, OffL 24 §)").
            text = _text_of(root.text_content())
            attachments.append(attachment_record(text, listed_without_link=True))
    return attachments


def _linked_attachment(link, page: _CloudncPage) -> dict:
    href = link.get("href").strip()
    root = page.site_root()
    url = urljoin(root, href) if root else href
    record = attachment_record(_text_of(link.text_content()), url)
    if "media_type" not in record:  # a name without an extension: try the file's own
        with_values(record, media_type=media_type_of(href.split("?")[0]))
    return record


_PARSERS = {
    PageKind.ORGANIZATIONS: _parse_node_list,
    PageKind.MEETINGS: _parse_meeting_list,
    PageKind.MEETING: _parse_meeting,
    PageKind.ACTION: _parse_action,
}
