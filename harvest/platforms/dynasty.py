"""Innofactor Dynasty page parsers, both generations: page bytes in, partial schema records out.

The contract is in harvest/platforms/__init__.py; the platform is described in
../shared/design/platforms.md. Both generations print the same markup (the useful part
between ``<!--DATA_BEGIN-->`` and ``<!--DATA_END-->``, ``label.h3`` titles, ``table.tbl``
lists, Word-exported item bodies in ``.WordSection1``); they differ in their URLs:

=============  ====================================  =========================================
page kind      static export (``/kokous/``)          CGI (``<prefix>/cgi/DREQUEST.PHP?page=``)
=============  ====================================  =========================================
ORGANIZATIONS  ``TELIMET.HTM`` (organs)              ``meeting_frames``; ``official_frames``
MEETINGS       ``TELIN-<organ>.HTM``                 ``meetings&id=<organ>``; ``rss/*`` feeds
MEETING        ``<meeting>.HTM`` (agenda or minutes) ``meeting&id=<meeting>``;
                                                     ``official_handlers&id=<office>``
ACTION         ``<meeting>-<n>.HTM`` and ``.PDF``    ``meetingitem&id=<meeting>-<n>``;
                                                     ``official_decision&id=<decision>``
=============  ====================================  =========================================

Ids: a meeting's agenda and minutes have different Dynasty ids, so the meeting origin_id is
the id as is; an item's is ``<meeting>-<n>``; an office (viranhaltija) is
``official-<handler id>``, because handler ids are a number space of their own. Pages are
parsed by their link patterns and structure, never by a town's CSS.

Appeal instructions (muutoksenhakuohjeet) are PDFs listed on a minutes page per § range
(``125-131, 133`` - or, in some exports, with the separators lost: ``125-131133134``). Each
is kept as an unnumbered action of the meeting (origin id ``<meeting>-0-<k>``, the PDF's own
id), as KTweb's appeal rows are, with the § it covers spelled out in its appeal content. Not
spliced into the items' attachment lists: merging by id replaces lists, so a list built from
two pages would be clobbered whenever one of them is parsed again.

RSS feeds only point at pages (items, meetings, decisions); their titles repeat what the
pages say, so they yield no records.

The CGI is session-stateful: an item page can come back for another item. The page says
which it is (a hidden ``id`` field, else its own PDF link); the record always takes that id,
and ``page_identity`` lets the spider compare it with what it asked for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple
from urllib.parse import parse_qs, urljoin, urlsplit

import lxml.html
from lxml import etree

from harvest.decoding import decode_page
from harvest.platforms import ParseError
from harvest.platforms.page import Page, link_to, looks_like_pdf
from harvest.platforms.sections import (
    ATTACHMENTS,
    COLON_LABEL,
    DECISION_MAKER,
    FUNCTION_CODE,
    PREPARERS,
    PRESENTER,
    Section,
    appeal_coverage,
    attachment_record,
    attachments_in,
    classify_organ,
    confidentiality_reason,
    contents_of,
    coverage_text,
    fold_history,
    function_code_of,
    history_entry,
    is_history_label,
    is_register_line,
    label_as_written,
    label_kind,
    language_of,
    media_type_of,
    parse_start,
    people_in,
    register_id_in,
    with_values,
)
from transform.schema import (
    Classification,
    ContentType,
    DocumentKind,
    PageKind,
    RecordType,
)

OFFICE_PREFIX = "official-"

# --- URL patterns: what a link points at, in either generation ---------------------------


class Target(NamedTuple):
    kind: str  # one of the names below
    id: str | None


ORGANS, OFFICES, ORGAN, OFFICE, FEED = "organs", "offices", "organ", "office", "feed"
MEETING, MEETING_PDF, APPEAL_PDF = "meeting", "meeting_pdf", "appeal_pdf"
ITEM, ITEM_PDF, ATTACHMENT, DECISION = "item", "item_pdf", "attachment", "decision"

_CGI_PAGES = {
    "meeting_frames": ORGANS,
    "official_frames": OFFICES,
    "meetings": ORGAN,
    "official_handlers": OFFICE,
    "meeting": MEETING,
    "meetingitem": ITEM,
    "official_decision": DECISION,
}
# Last path segment of the static export; first match wins (an appeal PDF looks like an
# attachment: <meeting>-0-<k>).
_STATIC_FILES = (
    (re.compile(r"TELIMET\.HTM", re.I), ORGANS),
    (re.compile(r"TELIN-(\d+)\.HTM", re.I), ORGAN),
    (re.compile(r"(\d+)\.HTM", re.I), MEETING),
    (re.compile(r"(\d+-\d+)\.HTM", re.I), ITEM),
    (re.compile(r"(\d+)\.PDF", re.I), MEETING_PDF),
    (re.compile(r"(\d+-\d+)\.PDF", re.I), ITEM_PDF),
    (re.compile(r"(\d+-0-\d+)\.PDF", re.I), APPEAL_PDF),
    (re.compile(r"(\d+-\d+-\d+)\.PDF", re.I), ATTACHMENT),
)
_TARGET_PAGE_KINDS = {
    ORGANS: PageKind.ORGANIZATIONS,
    OFFICES: PageKind.ORGANIZATIONS,
    ORGAN: PageKind.MEETINGS,
    FEED: PageKind.MEETINGS,
    MEETING: PageKind.MEETING,
    OFFICE: PageKind.MEETING,
    ITEM: PageKind.ACTION,
    ITEM_PDF: PageKind.ACTION,
    DECISION: PageKind.ACTION,
}


def link_target(url: str) -> Target | None:
    """What a Dynasty URL points at: ``.../TELIN-217668.HTM`` -> Target("organ", "217668")."""
    try:
        parts = urlsplit(url or "")
    except ValueError:  # e.g. "http://[broken/": points at nothing
        return None
    if parts.path.upper().endswith("/DREQUEST.PHP") or parts.path.upper() == "DREQUEST.PHP":
        query = parse_qs(parts.query)
        page = (query.get("page") or [""])[0]
        target_id = (query.get("id") or [None])[0]
        if page.startswith("rss/"):
            return Target(FEED, page)
        return Target(_CGI_PAGES[page], target_id) if page in _CGI_PAGES else None
    name = parts.path.rsplit("/", 1)[-1]
    for pattern, kind in _STATIC_FILES:
        match = pattern.fullmatch(name)
        if match:
            return Target(kind, match.group(1) if match.groups() else None)
    return None


def office_origin_id(handler_id: str) -> str:
    return f"{OFFICE_PREFIX}{handler_id}"


# --- Text patterns -----------------------------------------------------------------------

_DATA = re.compile(r"<!--\s*DATA_BEGIN\s*-->(.*?)(?:<!--\s*DATA_END\s*-->|$)", re.S | re.I)
_HTML_MARKUP = re.compile(r"<\s*(html|head|body|table|div|!doctype)\b", re.I)
_RSS = re.compile(rb"^\s*(<\?xml[^>]*>\s*)?<rss\b", re.I)
# "Pöytäkirja 08.05.2017 klo 15:30", "Esityslista 29.05.2017", "Viranhaltijapäätös 14.11.2023"
_HEADER_DOCUMENT = re.compile(
    r"\b(?P<word>esityslista|pöytäkirja|viranhaltijapäätös|föredragningslista|protokoll"
    r"|tjänsteinnehavarbeslut)\s*(?P<when>\d{1,2}\.\d{1,2}\.\d{4}.*)",
    re.I,
)
_HEADER_WORDS = {
    "esityslista": (DocumentKind.AGENDA, "fi"),
    "pöytäkirja": (DocumentKind.MINUTES, "fi"),
    "viranhaltijapäätös": (None, "fi"),
    "föredragningslista": (DocumentKind.AGENDA, "sv"),
    "protokoll": (DocumentKind.MINUTES, "sv"),
    "tjänsteinnehavarbeslut": (None, "sv"),
}
# "Pykälä 127", "/Pykälä 198", "§ 45", "Paragraf 12"; agendas: "Asianro 4", "Ärende 4".
_HEADER_ARTICLE = re.compile(
    r"(?:\b(?:pykälä|paragraf|asianro|asia nro|ärendenr|ärende)|§)\s*(\d{1,4}[a-z]?)\b", re.I
)
_ARTICLE_CELL = re.compile(r"§?\s*(\d{1,4}[a-z]?)\s*§?")
_DATE = re.compile(r"\b\d{1,2}\.\d{1,2}\.\d{4}\b")
_SHORT_REGISTER = re.compile(r"(?:(?:dnro|dnr)\.?:?\s*)?(\d{1,6}/\d{4})", re.I)
_ARTICLE_LINE = re.compile(r"§\s*\d{1,4}[a-z]?|\d{1,4}[a-z]?\s*§|\d{1,4}")
_DATE_LINE = re.compile(r"\d{1,2}\.\d{1,2}\.\d{4}")
# A presenter written beside the proposal heading: "Päätösehdotus   Kaupunginjohtaja N.N."
_PERSON_LINE = re.compile(r"[A-ZÅÄÖ][^\d:;!?]{2,80}")
_MAX_PERSON_WORDS = 8
_BLOCK_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li"})
_BOLD_TAGS = ("b", "strong")


# --- Entry points ------------------------------------------------------------------------


def parse_page(page_kind, body: bytes, url: str, municipality=None, context=None) -> dict:
    """Records and links of one Dynasty page or PDF (see harvest/platforms/__init__.py)."""
    page = Page(url or "", municipality, dict(context or {}))
    kind = detect_page_kind(body, url) if page_kind is None else _as_page_kind(page_kind)
    if kind is PageKind.ATTACHMENTS:
        raise ParseError("Dynasty lists attachments on the item page; there is no attachment page")
    return _parser_for(kind, body, page.url)(body, page)


def detect_page_kind(body: bytes, url: str = "") -> PageKind:
    """The page kind from what came back (a PDF, a feed), then the URL, then the content."""
    if looks_like_pdf(body):
        return PageKind.ACTION
    if _RSS.match(body[:512]):
        return PageKind.MEETINGS
    target = link_target(url or "")
    if target and target.kind in _TARGET_PAGE_KINDS:
        return _TARGET_PAGE_KINDS[target.kind]
    return _page_kind_from_content(_Html(body))


def page_identity(body: bytes, url: str) -> tuple[str | None, str | None]:
    """(the item or decision id the URL asks for, the id the page says it is); either may be
    None. The CGI sometimes answers with another item than the one asked for."""
    target = link_target(url)
    asked = target.id if target and target.kind in (ITEM, DECISION) else None
    if looks_like_pdf(body) or _RSS.match(body[:512]):
        return asked, None
    try:
        html = _Html(body)
    except ParseError:
        return asked, None
    return asked, _declared_id(html)


def _page_kind_from_content(html: _Html) -> PageKind:
    targets = {target.kind for target in _data_targets(html)}
    if html.word_body() is not None or _hidden_id(html.root):
        return PageKind.ACTION
    if targets & {ITEM, DECISION}:
        return PageKind.MEETING
    if targets & {ORGAN, OFFICE}:
        return PageKind.ORGANIZATIONS
    if MEETING in targets:
        return PageKind.MEETINGS
    if _parse_header(html).document_kind:
        return PageKind.MEETING  # a meeting without items
    raise ParseError("not a Dynasty page: no organ, meeting, item or decision links found")


def _as_page_kind(value) -> PageKind:
    try:
        return PageKind(value)
    except ValueError:
        raise ParseError(
            f"unknown page kind {value!r}; known: {[k.value for k in PageKind]}"
        ) from None


def _parser_for(kind: PageKind, body: bytes, url: str):
    """Within a page kind, the feed, the office list and the PDF read differently."""
    target = link_target(url)
    if kind is PageKind.MEETINGS and _RSS.match(body[:512]):
        return _parse_feed
    if kind is PageKind.MEETING and target and target.kind == OFFICE:
        return _parse_decision_list
    if kind is PageKind.ACTION and looks_like_pdf(body):
        return _parse_item_pdf
    return _PARSERS[kind]


# --- Shared helpers ----------------------------------------------------------------------


class _Html:
    """A Dynasty page: the whole document (title, breadcrumb) and its data part."""

    def __init__(self, body: bytes):
        if not body or not body.strip():
            raise ParseError("empty page")
        if looks_like_pdf(body):
            raise ParseError("got a PDF where an HTML page was expected")
        text = decode_page(body)
        if not _HTML_MARKUP.search(text):
            raise ParseError(f"not an HTML page (starts with {text[:40]!r})")
        data = _DATA.search(text)
        self.root = _html_root(text)
        # Templates put navigation (the frame) around the data; without the markers, both
        # are the whole page.
        self.data, self.frame = self.root, self.root
        if data:
            self.data = _html_root(f"<html><body>{data.group(1)}</body></html>")
            self.frame = _html_root(text[: data.start()] + text[data.end() :])

    def word_body(self):
        bodies = self.data.xpath("//div[contains(concat(' ', @class, ' '), ' WordSection1 ')]")
        return bodies[0] if bodies else None


def _html_root(text: str):
    # Re-encoded as UTF-8 and said so: the page's own <meta charset> no longer applies.
    parser = lxml.html.HTMLParser(encoding="utf-8")
    try:
        return lxml.html.document_fromstring(text.encode("utf-8"), parser=parser)
    except (etree.ParserError, ValueError) as error:
        raise ParseError(f"unreadable HTML: {' '.join(str(error).split())}") from error


def _text(element) -> str:
    return " ".join(element.text_content().split())


def _rows(root) -> list:
    # Layout tables wrap list tables; only rows without nested rows are data.
    return root.xpath("//tr[not(.//tr)]")


def _cells(row) -> list:
    return row.xpath("./td|./th")


def _targeted_links(element, *kinds: str):
    """(<a>, Target) pairs under the element whose href points at one of the kinds."""
    for anchor in element.iter("a"):
        target = link_target(anchor.get("href") or "")
        if target and target.kind in kinds:
            yield anchor, target


def _first_targeted_link(element, *kinds: str):
    return next(_targeted_links(element, *kinds), (None, None))


def _data_targets(html: _Html) -> list[Target]:
    return [target for _, target in _targeted_links(html.data, *_ALL_TARGETS)]


_ALL_TARGETS = (ORGANS, OFFICES, ORGAN, OFFICE, FEED, MEETING, MEETING_PDF, ITEM, ITEM_PDF,
                DECISION, APPEAL_PDF, ATTACHMENT)  # fmt: skip


def _hidden_id(root) -> str | None:
    values = root.xpath("//input[@type='hidden' and @name='id']/@value")
    return values[0].strip() if values and values[0].strip() else None


def _declared_id(html: _Html) -> str | None:
    """The id the page gives itself: a hidden id field, else its own PDF's name."""
    hidden = _hidden_id(html.root)
    if hidden:
        return hidden
    _, target = _first_targeted_link(html.data, ITEM_PDF, MEETING_PDF)
    return target.id if target else None


def _breadcrumb_id(html: _Html, kind: str) -> str | None:
    """The organ, office or meeting the page's navigation links point at (outside the data)."""
    _, target = _first_targeted_link(html.frame, kind)
    return target.id if target else None


# --- The page title (label.h3): organ, document, date, § ---------------------------------


@dataclass
class _Header:
    organ: str | None = None
    document_kind: DocumentKind | None = None
    officeholder: bool = False
    language: str | None = None
    start: str | None = None  # ISO datetime with offset, or a date
    article_number: str | None = None


def _header_text(html: _Html) -> str:
    """ "Kaupunginhallitus<br>Pöytäkirja 08.05.2017 ..." -> "Kaupunginhallitus / Pöytäkirja ..."."""
    labels = html.root.xpath("//label[contains(concat(' ', @class, ' '), ' h3 ')]")
    if not labels:
        return ""
    # itertext() skips the <!-- RSPEAK --> comments and splits at each <br>.
    lines = [" ".join(part.split()) for part in labels[0].itertext()]
    return " / ".join(line for line in lines if line)


def _parse_header(html: _Html) -> _Header:
    text = _header_text(html)
    match = _HEADER_DOCUMENT.search(text)
    if not match:
        return _Header()
    kind, language = _HEADER_WORDS[match.group("word").lower()]
    article = _HEADER_ARTICLE.search(match.group("when"))
    return _Header(
        organ=text[: match.start()].strip(" /|-") or None,
        document_kind=kind,
        officeholder=kind is None,
        language=language,
        start=parse_start(match.group("when")),
        article_number=article.group(1) if article else None,
    )


# --- ORGANIZATIONS: organs (TELIMET.HTM, meeting_frames) and offices (official_frames) ---


def _parse_organizations(body: bytes, page: Page) -> dict:
    html = _Html(body)
    organs: dict[str, tuple[str, str, str]] = {}  # origin id -> (name, target kind, url)
    for row in _rows(html.data):
        anchor, target = _first_targeted_link(row, ORGAN, OFFICE)
        if anchor is not None and target.id and _text(anchor):
            origin_id = _organization_origin_id(target)
            organs.setdefault(origin_id, (_text(anchor), target.kind, anchor.get("href")))
    if not organs:
        raise ParseError("no organ or office links: not a Dynasty organ list")
    organizations, links = [], []
    for origin_id, (name, kind, href) in organs.items():
        office = kind == OFFICE
        organizations.append(with_values(
            page.record(RecordType.ORGANIZATION, origin_id),
            name=name,
            classification=Classification.OFFICEHOLDER if office else classify_organ(name),
        ))  # fmt: skip
        next_kind = PageKind.MEETING if office else PageKind.MEETINGS
        links.append(link_to(next_kind, page.absolute(href), {"organization": origin_id}))
    return page.result(PageKind.ORGANIZATIONS, organizations=organizations, links=links)


def _organization_origin_id(target: Target) -> str:
    return office_origin_id(target.id) if target.kind == OFFICE else target.id


# --- MEETINGS: one organ's meeting list (TELIN-<organ>.HTM, meetings&id=) ----------------


def _parse_meeting_list(body: bytes, page: Page) -> dict:
    html = _Html(body)
    organ = _origin_id_from_url(page, ORGAN) or page.context.get("organization")
    rows = [row for row in _rows(html.data) if _first_targeted_link(row, MEETING)[0] is not None]
    if not rows and not html.data.xpath("//table"):
        raise ParseError("no meeting rows and no list table: not a Dynasty meeting list")
    commented_dates = _commented_meeting_dates(decode_page(body))
    meetings, seen = [], set()
    for position, row in enumerate(rows, 1):
        meeting = _parse_meeting_row(row, position, organ, page, commented_dates)
        if meeting and meeting["origin_id"] not in seen:
            seen.add(meeting["origin_id"])
            meetings.append(meeting)
    links = [
        link_to(PageKind.MEETING, meeting["source_url"], {"organization": organ})
        for meeting in meetings
    ]
    organizations = _meeting_list_organ(html, organ, page)
    return page.result(
        PageKind.MEETINGS, organizations=organizations, meetings=meetings, links=links
    )


# The static export writes each row's id and ISO date as comments before the row:
# "<!--TIETUE:2017409885--> <!--2017-05-15-->".
_ROW_DATE_COMMENT = re.compile(r"<!--\s*TIETUE:(\d+)\s*-->\s*<!--\s*(\d{4}-\d{2}-\d{2})\s*-->")
# The list heading above the organ's name: "Kokouslistat<br>Kaupunginhallitus".
_LIST_HEADING = re.compile(
    r"^(kokouslistat|kokoukset|mötesförteckningar|möten|sammanträden)$", re.I
)


def _commented_meeting_dates(text: str) -> dict[str, str]:
    return {match.group(1): match.group(2) for match in _ROW_DATE_COMMENT.finditer(text)}


def _meeting_list_organ(html: _Html, organ: str | None, page: Page) -> list[dict]:
    """The organ the list belongs to, named by the page heading (else its breadcrumb link)."""
    if not organ:
        return []
    name = _meeting_list_heading_name(html) or _breadcrumb_organ_name(html, organ)
    if not name:
        return []
    record = with_values(
        page.record(RecordType.ORGANIZATION, organ),
        name=name,
        classification=classify_organ(name),
    )
    return [record]


def _meeting_list_heading_name(html: _Html) -> str | None:
    lines = [line.strip() for line in _header_text(html).split(" / ")]
    names = [line for line in lines if line and not _LIST_HEADING.match(line)]
    return names[-1] if names else None


def _breadcrumb_organ_name(html: _Html, organ: str) -> str | None:
    for anchor, target in _targeted_links(html.frame, ORGAN):
        if target.id == organ and _text(anchor):
            return _text(anchor)
    return None


def _parse_meeting_row(
    row, position: int, organ: str | None, page: Page, commented_dates: dict[str, str]
) -> dict | None:
    """Date cell (the time where the row shows one) and a link named by the document
    ("Pöytäkirja", "Esityslista"); the meeting page adds the time when the list has none."""
    anchor, target = _first_targeted_link(row, MEETING)
    kind = _document_kind_of(_text(anchor))
    if kind is None:
        page.errors.append(
            f"meeting list row {position} (meeting {target.id}): {_text(anchor)!r} names"
            " neither agenda nor minutes; row skipped"
        )
        return None
    return with_values(
        page.record(RecordType.MEETING, target.id),
        organization=page.ref(RecordType.ORGANIZATION, organ),
        document_kind=kind,
        start=parse_start(_text(row)) or commented_dates.get(target.id),
        source_url=page.absolute(anchor.get("href")),
    )


def _document_kind_of(text: str) -> DocumentKind | None:
    word = text.split()[0].lower() if text.split() else ""
    kind, _ = _HEADER_WORDS.get(word, (None, None))
    return kind


def _origin_id_from_url(page: Page, kind: str) -> str | None:
    target = link_target(page.url)
    return target.id if target and target.kind == kind else None


# --- MEETINGS: the RSS feeds (links only) ------------------------------------------------


def _parse_feed(body: bytes, page: Page) -> dict:
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True)
    try:
        root = etree.fromstring(body, parser=parser)
    except etree.XMLSyntaxError as error:
        raise ParseError(f"unreadable RSS feed: {' '.join(str(error).split())}") from error
    if root is None or root.tag != "rss":
        raise ParseError("not an RSS feed")
    links: dict[str, dict] = {}
    for href in root.xpath("/rss/channel/item/link/text()"):
        for link in _feed_links(page.absolute(href.strip()), page):
            links.setdefault(link["url"], link)
    return page.result(PageKind.MEETINGS, links=list(links.values()))


def _feed_links(url: str, page: Page) -> list[dict]:
    """A new item leads to its page and its meeting's; a decision to its page."""
    target = link_target(url)
    if target is None or target.id is None:
        page.errors.append(f"feed item link {url!r} points at no Dynasty page; skipped")
        return []
    if target.kind == DECISION:
        return [link_to(PageKind.ACTION, url, {})]
    if target.kind == MEETING:
        return [link_to(PageKind.MEETING, url, {})]
    if target.kind == ITEM:
        meeting_id = target.id.rsplit("-", 1)[0]
        return [link_to(PageKind.MEETING, _meeting_url(url, meeting_id), {}),
                link_to(PageKind.ACTION, url, {})]  # fmt: skip
    page.errors.append(f"feed item link {url!r} is a {target.kind} page; skipped")
    return []


def _meeting_url(item_url: str, meeting_id: str) -> str:
    """The meeting page beside an item page, in the item URL's own generation."""
    parts = urlsplit(item_url)
    if link_target(item_url).kind == ITEM and "DREQUEST.PHP" in parts.path.upper():
        return parts._replace(query=f"page=meeting&id={meeting_id}").geturl()
    return urljoin(item_url, f"{meeting_id}.HTM")


# --- MEETING: one meeting's items (<meeting>.HTM, meeting&id=) ---------------------------


def _parse_meeting(body: bytes, page: Page) -> dict:
    html = _Html(body)
    header = _parse_header(html)
    meeting_id = _origin_id_from_url(page, MEETING) or page.context.get("origin_id")
    meeting_id = meeting_id or _declared_id(html)
    if not meeting_id:
        raise ParseError(f"meeting id not found in the url {page.url!r} nor on the page")
    kind = header.document_kind or _context_kind(page)
    if kind is None:
        raise ParseError(f"meeting {meeting_id}: the title says neither agenda nor minutes")
    organ = _breadcrumb_id(html, ORGAN) or page.context.get("organization")
    meeting = with_values(
        page.record(RecordType.MEETING, meeting_id),
        organization=page.ref(RecordType.ORGANIZATION, organ),
        start=header.start,
        document_kind=kind,
        language=header.language or page.context.get("language"),
        source_url=page.url or None,
        pdf_url=_own_pdf_url(html, MEETING_PDF, page),
    )
    items = _item_rows(html, meeting, page)
    known = [action["article_number"] for action in items if action["article_number"]]
    appeals = _appeal_actions(html, meeting, known, len(items), page)
    context = {"organization": organ, "meeting": meeting_id}
    links = [link_to(PageKind.ACTION, action["source_url"], context) for action in items]
    actions = items + appeals
    return page.result(PageKind.MEETING, meetings=[meeting], actions=actions, links=links)


def _context_kind(page: Page) -> DocumentKind | None:
    value = page.context.get("document_kind")
    return DocumentKind(value) if value in DocumentKind._value2member_map_ else None


def _own_pdf_url(html: _Html, kind: str, page: Page) -> str | None:
    anchor, _ = _first_targeted_link(html.data, kind)
    return page.absolute(anchor.get("href")) if anchor is not None else None


def _item_rows(html: _Html, meeting: dict, page: Page) -> list[dict]:
    actions = []
    for row in _rows(html.data):
        anchor, target = _first_targeted_link(row, ITEM)
        if anchor is None:
            continue
        action = page.record(RecordType.ACTION, target.id)
        action["article_number"] = _article_number_in(_cells(row))  # None: unnumbered row
        actions.append(with_values(
            action,
            organization=meeting.get("organization"),
            meeting=meeting["id"],
            ordering=len(actions),
            title=_text(anchor),
            date=meeting["start"][:10] if meeting.get("start") else None,
            language=meeting.get("language"),
            source_url=page.absolute(anchor.get("href")),
        ))  # fmt: skip
    return actions


def _article_number_in(cells) -> str | None:
    match = _ARTICLE_CELL.fullmatch(_text(cells[0])) if cells else None
    return match.group(1) if match else None


# --- Appeal instructions per § range on a minutes page -----------------------------------


def _appeal_actions(html, meeting: dict, known: list[str], offset: int, page: Page) -> list:
    actions = []
    for row in _rows(html.data):
        anchor, target = _first_targeted_link(row, APPEAL_PDF)
        if anchor is None:
            continue
        cells = _cells(row)
        covered = _text(cells[0]) if cells else ""
        action = page.record(RecordType.ACTION, target.id)
        action["article_number"] = None  # not a § of its own: it applies to several
        actions.append(with_values(
            action,
            organization=meeting.get("organization"),
            meeting=meeting["id"],
            ordering=offset + len(actions),
            title=_text(anchor),
            date=meeting["start"][:10] if meeting.get("start") else None,
            language=meeting.get("language"),
            contents=[_appeal_content(row, covered, known, meeting, page)],
            source_url=page.url or None,
            pdf_url=page.absolute(anchor.get("href")),
        ))  # fmt: skip
    return actions


def _appeal_content(row, covered: str, known: list[str], meeting: dict, page: Page) -> dict:
    entries = appeal_coverage(covered, known)
    if entries is None:
        page.errors.append(
            f"meeting {meeting['origin_id']}: cannot read the § range {covered!r} of an appeal"
            " instruction; kept as written"
        )
        text = covered
    else:
        text = coverage_text(entries, meeting.get("language"))
    return {"type": ContentType.APPEAL, "label": _appeal_heading(row), "text": text}


def _appeal_heading(row) -> str | None:
    """The column heading as written: "Muutoksenhakuohjeet" / "Besvärsanvisningar"."""
    for table in row.iterancestors("table"):
        for cell in table.xpath(".//tr[1]/td|.//tr[1]/th"):
            found = label_kind(_text(cell))
            if found and found[0] == ContentType.APPEAL:
                return label_as_written(_text(cell))
        break
    return None


# --- MEETING: one office's decision list (official_handlers&id=) -------------------------


def _parse_decision_list(body: bytes, page: Page) -> dict:
    html = _Html(body)
    handler = _origin_id_from_url(page, OFFICE)
    office = office_origin_id(handler) if handler else page.context.get("organization")
    actions, links = [], []
    for row in _rows(html.data):
        anchor, target = _first_targeted_link(row, DECISION)
        if anchor is None:
            continue
        cells = _cells(row)
        date_text = next((_text(c) for c in cells if _DATE.search(_text(c))), "")
        action = page.record(RecordType.ACTION, target.id)
        action["meeting"] = None  # an officeholder decision belongs to no meeting
        actions.append(with_values(
            action,
            organization=page.ref(RecordType.ORGANIZATION, office),
            article_number=next((_article_number_in([c]) for c in cells[1:2]), None),
            ordering=len(actions),
            title=_text(anchor),
            date=parse_start(_DATE.search(date_text).group(0)) if date_text else None,
            source_url=page.absolute(anchor.get("href")),
        ))  # fmt: skip
        links.append(link_to(PageKind.ACTION, actions[-1]["source_url"], {"organization": office}))
    if not actions and not html.data.xpath("//table"):
        raise ParseError("no decision rows and no list table: not a Dynasty decision list")
    return page.result(PageKind.MEETING, actions=actions, links=links)


# --- ACTION: an item page or an officeholder decision ------------------------------------


def _parse_item(body: bytes, page: Page) -> dict:
    html = _Html(body)
    header = _parse_header(html)
    if html.word_body() is None and header.start is None:
        raise ParseError("not a Dynasty item page: neither an item text nor a dated title")
    origin_id = _item_origin_id(html, page)
    action = page.record(RecordType.ACTION, origin_id)
    if header.officeholder or _is_decision_url(page.url):
        _officeholder_fields(action, html, header, page)
    else:
        _meeting_item_fields(action, html, page)
    fields = _word_fields(html.word_body())
    decision_maker = fields.pop("decision_maker")
    if header.officeholder or _is_decision_url(page.url):
        action["decision_maker"] = decision_maker or header.organ
    # The linked list above the text wins over the names the text repeats.
    fields["attachments"] = _listed_attachments(html, page) or fields["attachments"]
    fields["language"] = fields["language"] or header.language or page.context.get("language")
    with_values(
        action,
        article_number=header.article_number,
        date=header.start[:10] if header.start else None,
        **fields,
        source_url=page.url or None,
        pdf_url=_own_pdf_url(html, ITEM_PDF, page),
    )
    links = [link_to(PageKind.ACTION, action["pdf_url"], {})] if action.get("pdf_url") else []
    return page.result(PageKind.ACTION, actions=[action], links=links)


def _is_decision_url(url: str) -> bool:
    target = link_target(url)
    return bool(target) and target.kind == DECISION


def _item_origin_id(html: _Html, page: Page) -> str:
    """What the page says it is wins over the URL; a difference is reported."""
    target = link_target(page.url)
    asked = target.id if target and target.kind in (ITEM, DECISION) else None
    declared = _declared_id(html)
    if declared and asked and declared != asked:
        page.errors.append(f"asked for item {asked} but the page is item {declared}")
    origin_id = declared or asked or page.context.get("origin_id")
    if not origin_id:
        raise ParseError(f"item id found neither on the page nor in the url {page.url!r}")
    return origin_id


def _meeting_item_fields(action: dict, html: _Html, page: Page) -> None:
    meeting = _breadcrumb_id(html, MEETING) or page.context.get("meeting")
    organ = _breadcrumb_id(html, ORGAN) or page.context.get("organization")
    with_values(
        action,
        meeting=page.ref(RecordType.MEETING, meeting),
        organization=page.ref(RecordType.ORGANIZATION, organ),
    )


def _officeholder_fields(action: dict, html: _Html, header: _Header, page: Page) -> None:
    handler = _breadcrumb_id(html, OFFICE)
    office = office_origin_id(handler) if handler else page.context.get("organization")
    action["meeting"] = None  # an officeholder decision belongs to no meeting
    with_values(action, organization=page.ref(RecordType.ORGANIZATION, office))


def _listed_attachments(html: _Html, page: Page) -> list[dict]:
    """The item's "Liitteet" list above the text: links, and withheld ones without a link."""
    attachments = []
    body = html.word_body()
    for block in _attachment_blocks(html.data):
        for row in block.xpath(".//tr[not(.//tr)]"):
            if body is not None and any(ancestor is body for ancestor in row.iterancestors()):
                continue
            attachment = _attachment_row(row, page)
            if attachment:
                attachments.append(attachment)
    return attachments


def _attachment_blocks(data) -> list:
    """Elements whose own leading text is "Liitteet" / "Bilagor"."""
    blocks = []
    for element in data.iter():
        own = (element.text or "").strip() if isinstance(element.tag, str) else ""
        found = label_kind(own) if own else None
        if found and found[0] == ATTACHMENTS:
            blocks.append(element)
    return blocks


def _attachment_row(row, page: Page) -> dict | None:
    texts = [_text(cell) for cell in _cells(row) if _text(cell)]
    reason = next((r for r in map(confidentiality_reason, texts) if r), None)
    anchor, _ = _first_targeted_link(row, ATTACHMENT)
    if anchor is not None:
        url = page.absolute(anchor.get("href"))
        record = attachment_record(_text(anchor), url, reason)
        return with_values(record, media_type=record.get("media_type") or media_type_of(url))
    if reason is None:
        return None
    plain = [text for text in texts if not confidentiality_reason(text)]
    return attachment_record(max(plain or texts, key=len), None, reason, listed_without_link=True)


# --- The Word-exported text: title, register number, sections ----------------------------


class _Block(NamedTuple):
    text: str
    bold_prefix: str  # the leading bold run ("Päätösehdotus"), or ""
    all_bold: bool


def _word_fields(body) -> dict:
    blocks = _blocks(body) if body is not None else []
    first_label = next((i for i, block in enumerate(blocks) if _label_of(block)), len(blocks))
    title_index = _title_index(blocks[:first_label])
    head = blocks[: title_index if title_index is not None else first_label]
    register_id, function_code = _register_id(head)
    start = title_index + 1 if title_index is not None else first_label
    sections, history, presenter = _split_sections(blocks[start:])
    history = _unique([entry for b in head if (entry := history_entry(b.text))] + history)
    sections = fold_history(sections)
    return {
        "title": blocks[title_index].text if title_index is not None else None,
        "register_id": register_id,
        "function_code": function_code,
        "presenter": next(iter(people_in(sections, PRESENTER)), None) or presenter,
        "preparers": people_in(sections, PREPARERS) or None,
        "decision_maker": next(iter(people_in(sections, DECISION_MAKER)), None),
        "history": history or None,
        "contents": contents_of(sections) or None,
        "attachments": attachments_in(sections) or None,
        "language": language_of(sections),
    }


def _blocks(body) -> list[_Block]:
    """Paragraphs in document order; a table row (a history line, a preparer) is one block."""
    blocks: list[_Block] = []

    def walk(element):
        for child in element:
            if not isinstance(child.tag, str) or child.tag in ("style", "script"):
                continue
            if child.tag == "tr":
                blocks.append(_Block(" ".join(filter(None, map(_text, _cells(child)))), "", False))
            elif child.tag in _BLOCK_TAGS:
                blocks.append(_paragraph_block(child))
            else:
                walk(child)

    walk(body)
    return [block for block in blocks if block.text]


def _paragraph_block(paragraph) -> _Block:
    text = _text(paragraph)
    bolds = [
        _text(element) for element in paragraph.iter(*_BOLD_TAGS)
        if not any(ancestor.tag in _BOLD_TAGS for ancestor in element.iterancestors())
        or element is paragraph
    ]  # fmt: skip
    bolds = [bold for bold in bolds if bold]
    prefix = bolds[0] if bolds and text.startswith(bolds[0]) else ""
    return _Block(text, prefix, bool(bolds) and " ".join(bolds) == text)


def _label_of(block: _Block) -> tuple[ContentType | str, str, str, str] | None:
    """(what the section holds, language, label as written, text after the label)."""
    if block.bold_prefix:
        found = label_kind(block.bold_prefix)
        if found:
            rest = block.text[len(block.bold_prefix) :].lstrip(" :")
            return (*found, label_as_written(block.bold_prefix), rest)
    found = label_kind(block.text)
    if found:
        return (*found, label_as_written(block.text), "")
    colon = COLON_LABEL.fullmatch(block.text)
    found = colon and label_kind(colon.group(1))
    if found:
        return (*found, label_as_written(colon.group(1)), colon.group(2))
    return None


def _is_header_matter(text: str) -> bool:
    """Lines above the title: register number, task code, history, "§ 127", a date."""
    return bool(
        is_register_line(text)
        or _SHORT_REGISTER.fullmatch(text)
        or FUNCTION_CODE.fullmatch(text)
        or history_entry(text)
        or _ARTICLE_LINE.fullmatch(text)
        or _DATE_LINE.fullmatch(text)
    )


def _title_index(blocks: list[_Block]) -> int | None:
    """The first bold paragraph that is not header matter, else the first such paragraph."""
    candidates = [i for i, block in enumerate(blocks) if not _is_header_matter(block.text)]
    bold = [i for i in candidates if blocks[i].all_bold]
    return (bold or candidates or [None])[0]


def _register_id(head: list[_Block]) -> tuple[str | None, str | None]:
    """ "2771/10.03.01/2026" on one line, or "730/2017" with "00.01.01.00" below it."""
    full = register_id_in(block.text for block in head)
    if full:
        return full, function_code_of(full)
    for index, block in enumerate(head):
        short = _SHORT_REGISTER.fullmatch(block.text)
        if short:
            following = [b.text for b in head[index + 1 : index + 2]]
            code = following[0] if following and FUNCTION_CODE.fullmatch(following[0]) else None
            return short.group(1), code
    return None, None


def _split_sections(blocks: list[_Block]) -> tuple[list[Section], list[dict], str | None]:
    """Labelled sections in order; history lines taken out; the presenter Dynasty prints
    beside the current proposal's heading (not those repeated under Päätöshistoria)."""
    sections = [Section(ContentType.PRESENTATION, None, None)]
    history, presenter, in_history = [], None, False
    for block in blocks:
        entry = history_entry(block.text)
        hit = None if entry else _label_of(block)
        if entry:
            history.append(entry)
            continue
        if hit is None:
            sections[-1].lines.append((block.text, True))
            continue
        kind, language, label, rest = hit
        in_history = is_history_label(label) or (in_history and kind in _DECISION_TEXT)
        sections.append(Section(kind, language, label))
        if (
            kind == ContentType.PROPOSAL
            and not in_history
            and presenter is None
            and _is_person(rest)
        ):
            presenter = rest
        elif rest:
            sections[-1].lines.append((rest, True))
    return sections, history, presenter


_DECISION_TEXT = (ContentType.SUMMARY, ContentType.PRESENTATION, ContentType.PROPOSAL,
                  ContentType.PROCEEDINGS, ContentType.DECISION)  # fmt: skip


def _is_person(text: str) -> bool:
    return bool(_PERSON_LINE.fullmatch(text)) and len(text.split()) <= _MAX_PERSON_WORDS


def _unique(entries: list[dict]) -> list[dict]:
    unique: list[dict] = []
    for entry in entries:
        if entry not in unique:
            unique.append(entry)
    return unique


# --- ACTION: the item PDF ----------------------------------------------------------------


def _parse_item_pdf(body: bytes, page: Page) -> dict:
    """The PDF repeats the item page; it is kept (raw snapshot) and gives the pdf_url."""
    target = link_target(page.url)
    if target and target.kind in (MEETING_PDF, APPEAL_PDF, ATTACHMENT):
        raise ParseError(f"a {target.kind.replace('_', ' ')}, not an item PDF: not parsed")
    origin_id = target.id if target and target.kind == ITEM_PDF else page.context.get("origin_id")
    if not origin_id:
        raise ParseError(f"item id not found in the PDF url {page.url!r} nor in context")
    if b"%%EOF" not in body[-2048:]:
        raise ParseError(f"item PDF {origin_id} is cut short (no %%EOF at its end)")
    action = with_values(page.record(RecordType.ACTION, origin_id), pdf_url=page.url or None)
    return page.result(PageKind.ACTION, actions=[action])


_PARSERS = {
    PageKind.ORGANIZATIONS: _parse_organizations,
    PageKind.MEETINGS: _parse_meeting_list,
    PageKind.MEETING: _parse_meeting,
    PageKind.ACTION: _parse_item,
}
