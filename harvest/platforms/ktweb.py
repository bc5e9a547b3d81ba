"""KTweb (Triplan "Tweb") page parsers: page bytes in, partial schema records out.

The contract is in harvest/platforms/__init__.py; the platform is described in
../shared/design/platforms.md. Page kinds and what they yield:

- ORGANIZATIONS  ``pk_tek_tweb.htm`` / ``epj_tek_tweb.htm`` / ``vparhaku_tweb.htm``: the
  search form; organs are the options of ``select[name=kirjaamo]``.
- MEETINGS  ``pk_kokl_tweb.htm`` / ``epj_kokl_tweb.htm`` (POSTed): rows linking
  ``*_asil_tweb.htm?+bid=<meeting>`` with the date as link text.
- MEETING  ``pk_asil_tweb.htm?+bid=<meeting>``: item rows (§, attachment count, title
  linking ``ktproxy2.dll?doctype=3&docid=<item>``).
- ATTACHMENTS  ``epjattn_tweb.htm?<docid>``: one item's attachment links.
- ACTION  ``ktproxy2.dll?doctype=3&docid=<item>``: the item document, PDF, DOC, DOCX, RTF
  or HTML (title, register number, preparers, history and labelled blocks; read by
  harvest/documents/).

Themes differ between towns (plain tables, Bootstrap), so rows are found by the links they
carry and by cell structure, never by CSS class names.
"""

from __future__ import annotations

import re
from urllib.parse import urlencode, urljoin

import lxml.html
from lxml import etree

from harvest import documents
from harvest.decoding import decode_page
from harvest.platforms import ParseError
from harvest.platforms.page import Page, link_to, looks_like_office_document, looks_like_pdf
from harvest.platforms.sections import (
    DATE_TIME,
    KIND_WORDS,
    attachment_record,
    classify_organ,
    confidentiality_reason,
    document_kind_in,
    parse_start,
    with_values,
)
from transform.schema import (
    Classification,
    DocumentKind,
    PageKind,
    RecordType,
)

# --- URL and text patterns ---------------------------------------------------------------

_MEETING_LINK = re.compile(r"\b(pk|epj)_asil_tweb\.htm\?[^#]*?\bbid=(\d+)", re.I)
_ITEM_LINK = re.compile(r"ktproxy2\.dll\?[^#]*?\bdocid=(\d+)", re.I)
_ATTACHMENT_LIST_LINK = re.compile(r"epjattn_tweb\.htm\?\+?(?:[^#]*?\bdocid=)?(\d+)", re.I)
_MEETING_LIST_FORM = re.compile(r"_kokl_tweb\.htm", re.I)
_OFFICEHOLDER_SEARCH = re.compile(r"vpar\w*_tweb\.htm", re.I)
_URL_PAGE_KINDS = (
    (re.compile(r"(_tek|vparhaku)_tweb\.htm", re.I), PageKind.ORGANIZATIONS),
    (re.compile(r"_kokl_tweb\.htm", re.I), PageKind.MEETINGS),
    (re.compile(r"_asil_tweb\.htm", re.I), PageKind.MEETING),
    (re.compile(r"epjattn_tweb\.htm", re.I), PageKind.ATTACHMENTS),
    (re.compile(r"ktproxy2\.dll", re.I), PageKind.ACTION),
)
# KTweb page-name prefix per document kind.
_PREFIX_KIND = {"pk": DocumentKind.MINUTES, "epj": DocumentKind.AGENDA}
_KIND_PREFIX = {kind: prefix for prefix, kind in _PREFIX_KIND.items()}

# Column heading of a meeting list, shown even when the list is empty.
_MEETING_LIST_HEADING = re.compile(r"(elin: kokous|organ: möte)", re.I)
_HTML_MARKUP = re.compile(r"<\s*(html|head|body|table|form|div|!doctype)\b", re.I)
_DATE = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
_MEETING_NUMBER = re.compile(r":\s*(\d{1,3}/\d{4})\b")
_ARTICLE_NUMBER = re.compile(r"§?\s*(\d{1,4}[a-z]?)\s*§?\.?", re.I)
_FLOAT_ID = re.compile(r"(\d+)\.0*")
_ATTACHMENT_HEADINGS = {
    "liitteet", "bilagor", "asian liitteet", "ärendets bilagor", "liite", "bilaga", "nimi",
    "namn", "nro", "nr",
}  # fmt: skip
_ATTACHMENT_PAGE_HEADING = re.compile(
    r"\b(asian liitteet|ärendets bilagor|liitteet\s*:|bilagor\s*:)", re.I
)


# --- Entry points ------------------------------------------------------------------------


def parse_page(page_kind, body: bytes, url: str, municipality=None, context=None) -> dict:
    """Records and links of one KTweb page or item PDF (see harvest/platforms/__init__.py)."""
    page = Page(url or "", municipality, dict(context or {}))
    kind = detect_page_kind(body, url) if page_kind is None else _as_page_kind(page_kind)
    return _PARSERS[kind](body, page)


def detect_page_kind(body: bytes, url: str = "") -> PageKind:
    """The page kind from content first (what came back), then the URL pattern."""
    if looks_like_office_document(body):
        return PageKind.ACTION
    if _page_kind_from_url(url or "") is PageKind.ACTION:
        return PageKind.ACTION  # an item document served as HTML
    root = _html_root(body)
    if root.xpath("//select[@name='kirjaamo']"):
        return PageKind.ORGANIZATIONS
    by_url = _page_kind_from_url(url or "")
    if by_url in (PageKind.MEETINGS, PageKind.MEETING, PageKind.ATTACHMENTS):
        return by_url
    return _page_kind_from_content(root)


def _page_kind_from_content(root) -> PageKind:
    if any(_ITEM_LINK.search(href) for row in _item_rows(root) for href in _hrefs(row)):
        return PageKind.MEETING
    if _meeting_rows(root) or _MEETING_LIST_HEADING.search(_text(root)):
        return PageKind.MEETINGS
    header = _meeting_header(root)
    if header and document_kind_in(header):
        return PageKind.MEETING  # a meeting without items
    if _ATTACHMENT_PAGE_HEADING.search(_text(root)):
        return PageKind.ATTACHMENTS
    raise ParseError(
        "not a KTweb page: no organ form, meeting rows, item rows or attachment list found"
    )


def _page_kind_from_url(url: str) -> PageKind | None:
    for pattern, kind in _URL_PAGE_KINDS:
        if pattern.search(url):
            return kind
    return None


def _as_page_kind(value) -> PageKind:
    try:
        return PageKind(value)
    except ValueError:
        raise ParseError(
            f"unknown page kind {value!r}; known: {[k.value for k in PageKind]}"
        ) from None


# --- Shared helpers ----------------------------------------------------------------------


def _html_root(body: bytes):
    if not body or not body.strip():
        raise ParseError("empty page")
    if looks_like_pdf(body):
        raise ParseError("got a PDF where an HTML page was expected")
    text = decode_page(body)
    if not _HTML_MARKUP.search(text):
        raise ParseError(f"not an HTML page (starts with {text[:40]!r})")
    # Re-encoded as UTF-8 and said so: the page's own <meta charset> no longer applies.
    parser = lxml.html.HTMLParser(encoding="utf-8")
    try:
        return lxml.html.document_fromstring(text.encode("utf-8"), parser=parser)
    except (etree.ParserError, ValueError) as error:
        raise ParseError(f"unreadable HTML: {' '.join(str(error).split())}") from error


def _text(element) -> str:
    return " ".join(element.text_content().split())


def _hrefs(element) -> list[str]:
    return [link.get("href") or "" for link in element.iter("a")]


def _first_link(element, pattern: re.Pattern):
    """(the first <a> whose href matches, the match), or (None, None)."""
    for link in element.iter("a"):
        match = pattern.search(link.get("href") or "")
        if match:
            return link, match
    return None, None


def _innermost_rows(root) -> list:
    # Layout tables wrap list tables in old themes; only rows without nested rows are data.
    return root.xpath("//tr[not(.//tr)]")


def _cells(row) -> list:
    return row.xpath("./td|./th")


def _origin_id_from_url(page: Page, pattern: re.Pattern, what: str) -> str:
    match = pattern.search(page.url)
    if match:
        return match.group(match.lastindex)
    if page.context.get("origin_id"):
        return str(page.context["origin_id"])
    raise ParseError(f"{what} id not found in the url {page.url!r} nor in context['origin_id']")


# --- ORGANIZATIONS: the search form ------------------------------------------------------


def _parse_organizations(body: bytes, page: Page) -> dict:
    root = _html_root(body)
    selects = root.xpath("//select[@name='kirjaamo']")
    if not selects:
        raise ParseError("no organ list (select name=kirjaamo): not a KTweb search form")
    organs = _parse_organ_options(selects)
    if not organs:
        raise ParseError("the search form lists no organs")
    officeholders = _is_officeholder_search(root, page.url)
    organizations = [
        with_values(
            page.record(RecordType.ORGANIZATION, origin_id),
            name=name,
            classification=Classification.OFFICEHOLDER if officeholders else classify_organ(name),
        )
        for origin_id, name in organs.items()
    ]
    # The officeholder-decision list is a different page that we do not parse yet.
    links = [] if officeholders else _meeting_list_links(root, page, organs)
    return page.result(PageKind.ORGANIZATIONS, organizations=organizations, links=links)


def _parse_organ_options(selects) -> dict[str, str]:
    """origin id -> name, in page order; the forms on one page repeat the same organs."""
    organs: dict[str, str] = {}
    for option in (option for select in selects for option in select.iter("option")):
        origin_id = _parse_organ_id(option.get("value") or "")
        name = _text(option)
        if origin_id and name:  # the empty value is "Kaikki toimielimet" / "Alla organ"
            organs.setdefault(origin_id, name)
    return organs


def _parse_organ_id(value: str) -> str:
    """KTweb writes organ ids as floats: "102686.000000" -> "102686"."""
    value = value.strip()
    match = _FLOAT_ID.fullmatch(value)
    return match.group(1) if match else value


def _is_officeholder_search(root, url: str) -> bool:
    actions = root.xpath("//form/@action")
    return bool(_OFFICEHOLDER_SEARCH.search(url)) or any(
        _OFFICEHOLDER_SEARCH.search(action) for action in actions
    )


def _meeting_list_links(root, page: Page, organs: dict[str, str]) -> list[dict]:
    base = _meeting_list_base(root, page)
    links = []
    for origin_id in organs:
        body = urlencode({"kirjaamo": origin_id, "oper": "where"})
        for kind in (DocumentKind.MINUTES, DocumentKind.AGENDA):
            url = urljoin(base, f"{_KIND_PREFIX[kind]}_kokl_tweb.htm")
            links.append(link_to(PageKind.MEETINGS, url, {"organization": origin_id}, "POST", body))
    return links


def _meeting_list_base(root, page: Page) -> str:
    """Where the meeting lists live: beside the form's own target (its action attribute)."""
    actions = root.xpath("//form/@action")
    for action in actions:
        if _MEETING_LIST_FORM.search(action):
            return page.absolute(action)
    return page.absolute(actions[0]) if actions else page.url


# --- MEETINGS: one organ's meeting list --------------------------------------------------


def _parse_meeting_list(body: bytes, page: Page) -> dict:
    root = _html_root(body)
    rows = _meeting_rows(root)
    if not rows and not root.xpath("//table"):
        raise ParseError("no meeting rows and no list table: not a KTweb meeting list")
    meetings, seen = [], set()
    for position, row in enumerate(rows, 1):
        meeting = _parse_meeting_row(row, position, page)
        if meeting and meeting["origin_id"] not in seen:
            seen.add(meeting["origin_id"])
            meetings.append(meeting)
    links = [
        link_to(PageKind.MEETING, meeting["source_url"], _next_context(page))
        for meeting in meetings
    ]
    return page.result(PageKind.MEETINGS, meetings=meetings, links=links)


def meeting_origin_id(bid: str, kind: DocumentKind) -> str:
    """KTweb gives a meeting's agenda and its minutes the same bid; the schema's meeting is
    one published document (it has one document_kind and one PDF), so the kind is part of
    the id: ``88522-agenda`` and ``88522-minutes``."""
    return f"{bid}-{kind}"


def _meeting_rows(root) -> list:
    return [row for row in _innermost_rows(root) if _first_link(row, _MEETING_LINK)[0] is not None]


def _parse_meeting_row(row, position: int, page: Page) -> dict | None:
    link, match = _first_link(row, _MEETING_LINK)
    prefix, bid = match.group(1).lower(), match.group(2)
    date_text = _meeting_date_text(row, link)
    start = parse_start(date_text) if DATE_TIME.fullmatch(date_text) else None
    if start is None:
        page.errors.append(
            f"meeting list row {position} (bid {bid}): unexpected date {date_text!r}; row skipped"
        )
        return None
    kind = _PREFIX_KIND[prefix]
    return with_values(
        page.record(RecordType.MEETING, meeting_origin_id(bid, kind)),
        organization=page.ref(RecordType.ORGANIZATION, page.context.get("organization")),
        number=_parse_meeting_number(row),
        start=start,
        document_kind=kind,
        source_url=page.absolute(link.get("href")),
    )


def _meeting_date_text(row, link) -> str:
    """The link text is the date; some themes put it in a cell of its own instead."""
    link_text = _text(link)
    if _DATE.search(link_text):
        return link_text
    for cell in _cells(row):
        if _DATE.search(_text(cell)):
            return _text(cell)
    return link_text


def _parse_meeting_number(row) -> str | None:
    """ "Kaupunginhallitus: 5/2017" -> "5/2017"; "Organ: Organ" has no number."""
    for cell in _cells(row):
        match = _MEETING_NUMBER.search(_text(cell))
        if match:
            return match.group(1)
    return None


def _next_context(page: Page, **extra) -> dict:
    """Context a linked page cannot tell by itself: organ, meeting, language."""
    return {
        "organization": page.context.get("organization"),
        "language": page.context.get("language"),
        **extra,
    }


# --- MEETING: one meeting's items --------------------------------------------------------


def _parse_meeting(body: bytes, page: Page) -> dict:
    root = _html_root(body)
    bid = _origin_id_from_url(page, _MEETING_LINK, "meeting")
    header = _meeting_header(root)
    rows = _item_rows(root)
    if header is None and not rows:
        raise ParseError("no meeting header and no item rows: not a KTweb meeting page")
    meeting = _meeting_record(root, rows, header or "", bid, page)
    actions, links = [], []
    for ordering, row in enumerate(rows):
        action = _parse_item_row(row, ordering, meeting, page)
        if action:
            actions.append(action)
            links.extend(_item_links(row, action, meeting["origin_id"], page))
    return page.result(PageKind.MEETING, meetings=[meeting], actions=actions, links=links)


def _meeting_record(root, rows, header: str, bid: str, page: Page) -> dict:
    # The URL (pk_/epj_) decides first: the meeting list built the same id from it.
    kind = _document_kind_from_url(page.url) or document_kind_in(header)
    if kind is None:
        raise ParseError(f"meeting {bid}: neither the url nor the header says agenda or minutes")
    start = parse_start(header)
    if header and start is None:
        page.errors.append(f"meeting {bid}: no date in the header {header[:80]!r}")
    number = _MEETING_NUMBER.search(header)
    return with_values(
        page.record(RecordType.MEETING, meeting_origin_id(bid, kind)),
        organization=page.ref(RecordType.ORGANIZATION, page.context.get("organization")),
        number=number.group(1) if number else None,
        start=start,
        document_kind=kind,
        language=page.context.get("language"),
        source_url=page.url or None,
        pdf_url=_meeting_document_url(root, rows, kind, page),
    )


def _meeting_header(root) -> str | None:
    """Text of the innermost element holding the first date outside links: the page header
    ("Kaupunginhallitus: Kaupunginhallitus<br>20.3.2017 17:00<br>Pöytäkirja")."""
    texts = root.xpath(
        "//body//text()[not(ancestor::a or ancestor::script or ancestor::style"
        " or ancestor::option)]"
    )
    for text in texts:
        if _DATE.search(text):
            owner = text.getparent()
            if text.is_tail:  # text after a <br> belongs to the <br>'s parent
                owner = owner.getparent()
            # Joined with spaces: its lines are separated by <br>, which text_content() drops.
            return " ".join(" ".join(owner.itertext()).split())
    return None


def _document_kind_from_url(url: str) -> DocumentKind | None:
    match = _MEETING_LINK.search(url)
    return _PREFIX_KIND[match.group(1).lower()] if match else None


def _meeting_document_url(root, rows, kind: DocumentKind | None, page: Page) -> str | None:
    """The whole agenda or minutes, listed under "Kokousmateriaali" beside the item rows."""
    if kind is None:
        return None
    item_rows = set(rows)
    for link in root.iter("a"):
        href = link.get("href") or ""
        if not _ITEM_LINK.search(href) or not KIND_WORDS[kind].search(_text(link)):
            continue
        if not any(row in item_rows for row in link.iterancestors("tr")):
            return page.absolute(href)
    return None


def _item_rows(root) -> list:
    return [row for row in _innermost_rows(root) if _is_item_row(row)]


def _is_item_row(row) -> bool:
    """§ cell (a number, or empty for unnumbered rows), attachment cell, title cell."""
    cells = _cells(row)
    if len(cells) < 3 or all(cell.tag == "th" for cell in cells) or not _text(row):
        return False
    first = _text(cells[0])
    return first == "" or _ARTICLE_NUMBER.fullmatch(first) is not None


def _parse_item_row(row, ordering: int, meeting: dict, page: Page) -> dict | None:
    article_number = _parse_article_number(row)
    link, match = _first_link(row, _ITEM_LINK)
    if link is None:
        where = f"§ {article_number}" if article_number else "unnumbered"
        page.errors.append(
            f"meeting {meeting['origin_id']} row {ordering + 1} ({where}, {_text(row)[:60]!r}):"
            " no document link; row skipped"
        )
        return None
    start = meeting.get("start")
    action = page.record(RecordType.ACTION, match.group(1))
    action["article_number"] = article_number  # None is meaningful here: an unnumbered row
    return with_values(
        action,
        organization=meeting.get("organization"),
        meeting=meeting["id"],
        ordering=ordering,
        title=_text(link),
        date=start[:10] if start else None,
        language=page.context.get("language"),
        source_url=page.url or None,
        pdf_url=page.absolute(link.get("href")),
    )


def _parse_article_number(row) -> str | None:
    """§ as written ("1", "12a"); None for the cover page, organising items, appeal rows."""
    match = _ARTICLE_NUMBER.fullmatch(_text(_cells(row)[0]))
    return match.group(1) if match else None


def _item_links(row, action: dict, meeting_origin: str, page: Page) -> list[dict]:
    context = _next_context(page, meeting=meeting_origin)
    links = [link_to(PageKind.ACTION, action["pdf_url"], context)]
    attachment_list, _ = _first_link(row, _ATTACHMENT_LIST_LINK)
    if attachment_list is not None:
        url = page.absolute(attachment_list.get("href"))
        links.append(
            link_to(PageKind.ATTACHMENTS, url, {**context, "origin_id": action["origin_id"]})
        )
    return links


# --- ATTACHMENTS: one item's attachment list ---------------------------------------------


def _parse_attachment_list(body: bytes, page: Page) -> dict:
    root = _html_root(body)
    docid = _origin_id_from_url(page, _ATTACHMENT_LIST_LINK, "attachment list")
    attachments = []
    for row in _innermost_rows(root):
        attachment = _parse_attachment_row(row, page)
        if attachment:
            attachments.append(attachment)
    if not attachments:
        raise ParseError("no attachment rows: not a KTweb attachment list")
    action = page.record(RecordType.ACTION, docid)
    action["attachments"] = attachments
    return page.result(PageKind.ATTACHMENTS, actions=[action])


def _parse_attachment_row(row, page: Page) -> dict | None:
    texts = [_text(cell) for cell in _cells(row)]
    link = next((a for a in row.iter("a") if _is_document_href(a.get("href"))), None)
    reason = next((r for r in map(confidentiality_reason, texts) if r), None)
    if link is None and reason is None and _is_heading_row(row, texts):
        return None
    if link is None:
        # The name is the longest cell that is not the confidentiality note.
        plain = [text for text in texts if not confidentiality_reason(text)]
        name = max(plain or texts, key=len)
        return attachment_record(name, None, reason, listed_without_link=True)
    return attachment_record(_text(link), page.absolute(link.get("href")), reason)


def _is_heading_row(row, texts: list[str]) -> bool:
    """Column headers, or the "Liitteet:<br>item title" header of KTweb's own theme."""
    if not any(texts) or all(cell.tag == "th" for cell in _cells(row)):
        return True
    words = [text.lower().rstrip(":").strip() for text in texts if text]
    starts_as_heading = _ATTACHMENT_PAGE_HEADING.match(texts[0]) is not None
    return starts_as_heading or all(word in _ATTACHMENT_HEADINGS for word in words)


def _is_document_href(href: str | None) -> bool:
    return bool(href) and not href.strip().lower().startswith(("javascript:", "#", "mailto:"))


# --- ACTION: the item PDF ----------------------------------------------------------------


def _parse_action_document(body: bytes, page: Page) -> dict:
    """The item document, whatever its format (PDF, DOC, DOCX, RTF, HTML: told by bytes)."""
    docid = _origin_id_from_url(page, _ITEM_LINK, "item document (docid)")
    try:
        reading = documents.read_document(body)
    except documents.DocumentReadError as error:
        raise ParseError(f"item document {docid}: {error}") from error
    action = with_values(
        page.record(RecordType.ACTION, docid),
        meeting=page.ref(RecordType.MEETING, page.context.get("meeting")),
        organization=page.ref(RecordType.ORGANIZATION, page.context.get("organization")),
        pdf_url=page.url or None,
    )
    if not reading.line_count:
        page.errors.append(f"item document {docid}: no text layer (a scanned PDF?)")
        return page.result(PageKind.ACTION, actions=[action])
    fields = reading.fields()
    # Labels tell the language; without any, trust what the spider knew.
    fields["language"] = fields["language"] or page.context.get("language")
    with_values(action, **fields)
    diagnostics = {"origin_id": docid, **reading.diagnostics()}
    return page.result(PageKind.ACTION, actions=[action], documents=[diagnostics])


_PARSERS = {
    PageKind.ORGANIZATIONS: _parse_organizations,
    PageKind.MEETINGS: _parse_meeting_list,
    PageKind.MEETING: _parse_meeting,
    PageKind.ATTACHMENTS: _parse_attachment_list,
    PageKind.ACTION: _parse_action_document,
}
