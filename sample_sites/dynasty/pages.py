"""Dynasty's HTML pages and RSS feeds, modelled on the 2017 static export (Espoo) and on
what platforms.md says of the CGI: the data between ``<!--DATA_BEGIN-->`` and
``<!--DATA_END-->``, ``table.tbl`` lists with ``tr.trHea`` header rows and ``td.tcDat``
cells, the title in ``label.h3``, item texts exported from Word (``div.WordSection1``, bold
paragraph headings). CGI item and decision pages carry their id in a hidden field.
"""

from __future__ import annotations

from datetime import date, datetime
from email.utils import format_datetime
from html import escape
from xml.sax.saxutils import escape as xml_escape

from sample_sites.dynasty.model import (
    CGI,
    HELSINKI,
    MINUTES,
    WORDS,
    Decision,
    Item,
    Meeting,
    Office,
    Site,
    fi_date,
    fi_time,
    short_date,
)
from sample_sites.dynasty.urls import FEED_SIZE, Urls, href, plain

SPACE = "&nbsp;&nbsp;&nbsp;&nbsp; "  # between a bold heading and its text, as Word exports


def page(site: Site, body_class: str, crumbs: list[str], title_lines: list[str], data: str) -> str:
    crumb = " | ".join(crumbs)
    title = "<br>".join(escape(line) for line in title_lines)
    return (
        "<html><head>\n"
        f' <meta http-equiv="Content-Type" content="text/html; charset={site.encoding}">\n'
        ' <meta name="robots" content="noindex">\n'
        f" <title>{escape(site.town_name)}</title>\n"
        "</head>\n"
        f'<body class="{body_class}">\n'
        f"<center>\n  {crumb}\n</center>\n"
        '<table class="tbl" cellspacing="0" width="100%"><tbody>'
        '<tr><td><hr size="4"></td></tr>\n'
        '<tr><td align="center"><label class="h3"><!-- RSPEAK_START -->'
        f"{title}<!-- RSPEAK_STOP --></label></td></tr>\n"
        '<tr><td><hr size="4"></td></tr></tbody></table>\n'
        '<table class="tbl" cellspacing="0" width="100%"><tbody><tr>'
        '<td style="padding-left:5px; padding-right:5px">\n'
        f"<!--DATA_BEGIN-->\n{data}\n<!--DATA_END-->\n"
        "</td></tr></tbody></table>\n"
        f"<center>\n  {crumb}\n</center>\n"
        "</body></html>\n"
    )


def _a(target, text: str, blank: bool = False) -> str:
    window = ' target="_blank"' if blank else ""
    return f'<a{window} href="{href(target)}">{escape(text)}</a>'


def _list_table(headings: list[str], rows: list[str]) -> str:
    cells = "".join(f'<td class="tcHea">{heading}</td>' for heading in headings)
    return (
        '<table class="tbl" cellspacing="0" border="0" width="100%"><tbody>'
        f'<tr class="trHea">{cells}</tr>\n<tr><td class="tcHeaSepa">&nbsp;</td></tr>\n'
        + "".join(rows)
        + "</tbody></table>\n"
    )


def _row(*cells: str, striped: bool = False) -> str:
    css = ' class="trDat"' if striped else ""
    return f"<tr{css}>" + "".join(f'<td class="tcDat">{cell}</td>' for cell in cells) + "</tr>\n"


def _words(site: Site) -> dict:
    return WORDS[site.organs[0].language if site.generation != CGI else "fi"]


# --- Organs and meeting lists ---------------------------------------------------------------


def organ_list(site: Site) -> str:
    urls, words = Urls(site), _words(site)
    rows = []
    for organ in site.organs:
        latest = _latest_document(site, organ)
        last = f"{fi_date(latest[0].start)}&nbsp;&nbsp;" + _a(
            urls.meeting(latest[0].document_id(latest[1])), WORDS[organ.language][latest[1]]
        ) if latest else "&nbsp;"  # fmt: skip
        rows.append(f"<!--TIETUE:TELIN-{organ.id}-->\n"
                    + _row("&nbsp;", _a(urls.organ(organ), organ.name), last))  # fmt: skip
    data = _list_table(["&nbsp;", f"&nbsp;{words['organs']}", words["latest"]], rows)
    crumbs = [_a(urls.organs(), words["organs"])]
    return page(site, "bodyTelimet", crumbs, [site.town_name, words["lists"]], data)


def _latest_document(site: Site, organ):
    documents = [(m, kind) for m in site.meetings if m.organ == organ for kind in m.kinds()]
    return max(documents, key=lambda pair: pair[0].published_at(pair[1]), default=None)


def meeting_list(site: Site, organ) -> str:
    urls, words = Urls(site), WORDS[organ.language]
    documents = sorted(
        ((m, kind) for m in site.meetings if m.organ == organ for kind in m.kinds()),
        key=lambda pair: (pair[0].start, pair[1] == MINUTES), reverse=True,
    )  # fmt: skip
    tables, year = [], None
    rows: list[str] = []
    for index, (meeting, kind) in enumerate(documents):
        if meeting.start.year != year:
            if rows:
                tables.append(_list_table([f"&nbsp;{words['year']}&nbsp;{year}", "&nbsp;"], rows))
            year, rows = meeting.start.year, []
        link = _a(urls.meeting(meeting.document_id(kind)), words[kind])
        rows.append(f"<!--TIETUE:{meeting.document_id(kind)}-->\n"
                    + _row(f"&nbsp;&nbsp;{fi_date(meeting.start)}&nbsp;&nbsp;", link,
                           striped=index % 2 == 1))  # fmt: skip
    if rows:
        tables.append(_list_table([f"&nbsp;{words['year']}&nbsp;{year}", "&nbsp;"], rows))
    crumbs = [_a(urls.organs(), words["organs"]), _a(urls.organ(organ), organ.name)]
    return page(site, "bodyTelin", crumbs, [words["lists"], organ.name], "".join(tables))


# --- One meeting's item list ----------------------------------------------------------------


def meeting_page(site: Site, meeting: Meeting, kind: str) -> str:
    urls, words = Urls(site), WORDS[meeting.organ.language]
    document_id = meeting.document_id(kind)
    number_heading = words["article"] if kind == MINUTES else words["item_number"]
    pdf = _a(urls.pdf(str(document_id)), f"{words[kind]} {words['whole_pdf']}", blank=True)
    rows = [
        _row(f"&nbsp;&nbsp;{meeting.number(kind, index)}", "&nbsp;",
             _a(urls.item(meeting.item_id(kind, index)), item.title), striped=index % 2 == 1)
        for index, item in enumerate(meeting.items)
    ]  # fmt: skip
    data = _list_table([f"&nbsp;{number_heading}", "&nbsp;", words["title"], pdf], rows)
    if kind == MINUTES and meeting.appeals:
        appeal_rows = [
            _row(f"&nbsp;&nbsp;{appeal.articles}", "&nbsp;",
                 _a(urls.pdf(f"{document_id}-0-{k}"), appeal.name, blank=True))
            for k, appeal in enumerate(meeting.appeals, 1)
        ]  # fmt: skip
        data += "<p>\n" + _list_table(
            [f"&nbsp;{words['article']}", "&nbsp;", words["appeals"], "&nbsp;"], appeal_rows
        )  # fmt: skip
    crumbs = [_a(urls.organs(), words["organs"]), _a(urls.organ(meeting.organ), meeting.organ.name)]
    return page(site, "bodyKokous", crumbs, [meeting.organ.name, meeting_title(meeting, kind)],
                data)  # fmt: skip


def meeting_title(meeting: Meeting, kind: str) -> str:
    words = WORDS[meeting.organ.language]
    title = f"{words[kind]} {fi_date(meeting.start)} {words['at']} {fi_time(meeting.start)}"
    return f"{title} / {words['checked']}" if kind == MINUTES else title


# --- One item -------------------------------------------------------------------------------


def item_page(site: Site, meeting: Meeting, kind: str, index: int) -> str:
    urls, words = Urls(site), WORDS[meeting.organ.language]
    item, item_id = meeting.items[index], meeting.item_id(kind, index)
    number = meeting.number(kind, index)
    document = f"{words[kind]} {fi_date(meeting.start)}"
    numbering = f"{words['article'] if kind == MINUTES else words['item_number']} {number}"
    if site.generation == CGI:  # "Kaupunginhallitus / Pöytäkirja 04.12.2023/Pykälä 198"
        title_lines = [f"{meeting.organ.name} / {document}/{numbering}"]
    else:
        title_lines = [meeting.organ.name, f"{document} {numbering}"]
    nav = _item_nav(urls, words, meeting, kind, index)
    hidden = _hidden_id(item_id) if site.generation == CGI else ""
    data = (
        f'<div class="tblDoc"><div class="tcDoc">{nav}<hr>'
        f"{_attachment_list(urls, words, item, item_id)}{hidden}"
        f"{word_body(site, meeting, kind, index)}\n<hr>{nav}</div></div>"
    )
    crumbs = [
        _a(urls.organs(), words["organs"]),
        _a(urls.organ(meeting.organ), meeting.organ.name),
        _a(urls.meeting(meeting.document_id(kind)), document),
    ]
    return page(site, "bodyKokousasia", crumbs, title_lines, data)


def _hidden_id(value: str) -> str:
    return f'<form name="frmAsia"><input type="hidden" name="id" value="{value}"></form>'


def _item_nav(urls: Urls, words: dict, meeting: Meeting, kind: str, index: int) -> str:
    steps = []
    if index > 0:
        steps.append(_a(urls.item(meeting.item_id(kind, index - 1)), words["previous"]))
    if index + 1 < len(meeting.items):
        steps.append(_a(urls.item(meeting.item_id(kind, index + 1)), words["next"]))
    pdf = _a(urls.pdf(meeting.item_id(kind, index)), words["item_pdf"], blank=True)
    return (
        '<div class="tcDat"><table width="100%"><tbody><tr>'
        f'<td class="tcDat">{" | ".join(steps)}</td>'
        f'<td class="tcDat" align="right">&nbsp;&nbsp;{pdf}</td></tr></tbody></table></div>'
    )


def _attachment_list(urls: Urls, words: dict, item: Item, item_id: str) -> str:
    if not item.attachments:
        return ""
    rows = []
    for k, attachment in enumerate(item.attachments, 1):
        if attachment.public:
            link = _a(urls.pdf(f"{item_id}-{k}"), attachment.name, blank=True)
            rows.append(f'<tr><td valign="top">&nbsp;</td><td>{link}</td></tr>')
        else:
            rows.append(f"<tr><td>{escape(attachment.name)}</td>"
                        f"<td>{escape(attachment.reason)}</td></tr>")  # fmt: skip
    return f'<div class="tcDat">{words["attachments"]}<table class="tcDat"><tbody>' + "".join(
        rows) + "</tbody></table></div><hr>"  # fmt: skip


def word_body(site: Site, meeting: Meeting, kind: str, index: int) -> str:
    """The item text as Word exports it: register number, history, §, title, sections."""
    item, words = meeting.items[index], WORDS[meeting.organ.language]
    number = meeting.number(kind, index)
    parts = [*_register_lines(site, item.register_id), _history_table(item)]
    parts.append(_p(f"§ {number}" if kind == MINUTES else str(number)))
    parts.append(f'<p class="MsoNormal"><strong><span>{escape(item.title)}</span></strong></p>')
    parts.append(_preparers(site, words, item))
    parts.append(_section(words["proposal"], meeting.presenter.signature, [item.proposal]))
    if kind == MINUTES:
        if item.proceedings:
            parts.append(_section(words["proceedings"], item.proceedings, []))
        parts.append(_section(words["decision"], f"{meeting.organ.name}:", [item.decision]))
    if item.attachments:
        rows = [(str(k), a.name) for k, a in enumerate(item.attachments, 1)]
        parts.append(_bold_heading(words["attachments"]) + _table(rows))
    parts.append(_section(words["presentation"], item.presentation[0], item.presentation[1:]))
    if item.earlier and item.history:
        parts.append(_earlier_handling(words, meeting, item))
    if item.for_information:
        parts.append(_bold_heading(words["for_information"])
                     + _table([("&nbsp;", name) for name in item.for_information]))  # fmt: skip
    return '<div class="WordSection1">\n' + "\n".join(part for part in parts if part) + "\n</div>"


def _p(text: str, css: str = "MsoNormal", raw: bool = False) -> str:
    return f'<p class="{css}">{text if raw else escape(text)}</p>'


def _register_lines(site: Site, register_id: str) -> list[str]:
    """CGI: "Dnro 1834/02.02.00/2026"; the static export: "1834/2026" over "02.02.00"."""
    if not register_id:
        return []
    if site.generation == CGI:
        return [f'<p class="MsoNormal" align="right">Dnro {register_id}</p>']
    number, code, year = register_id.split("/")
    return [f'<p class="MsoNormal" align="right"><span>{number}/{year}</span></p>',
            f'<p class="MsoNormal" align="right"><span>{code}</span></p>']  # fmt: skip


def _history_table(item: Item) -> str:
    rows = [(escape(organ), f"{number} §", short_date(day)) for organ, number, day in item.history]
    return _table(rows) if rows else ""


def _table(rows: list[tuple[str, ...]]) -> str:
    cells = "".join(
        "<tr>" + "".join(f'<td valign="top"><p class="MsoNormal">{cell}</p></td>' for cell in row)
        + "</tr>" for row in rows
    )  # fmt: skip
    return f'<table class="MsoTableGrid" cellspacing="0" cellpadding="0" border="0"><tbody>{cells}</tbody></table>'  # noqa: E501


def _preparers(site: Site, words: dict, item: Item) -> str:
    if not item.preparers:
        return ""
    address = f"etunimi.sukunimi@{site.email_domain}"
    rows = [(escape(f"{person.name}, puh. {person.phone}"),) for person in item.preparers]
    return (_p(words["preparers"]) + _table(rows)
            + _p(f'<a href="mailto:{address}">{address}</a>', raw=True))  # fmt: skip


def _section(label: str, first: str, paragraphs) -> str:
    heading = f'<p class="Sivuotsikko"><b>{escape(label)}</b>{SPACE}{escape(first)}</p>'
    return heading + "".join(_p(text, "Sisennetty") for text in paragraphs)


def _bold_heading(label: str) -> str:
    return f'<p class="MsoNormal"><b><span>{escape(label)}{SPACE}</span></b></p>'


def _earlier_handling(words: dict, meeting: Meeting, item: Item) -> str:
    organ, article, day = item.history[-1]
    proposal, decision = item.earlier
    return (
        _bold_heading(words["history"])
        + _p(f"{organ} {short_date(day)} § {article}")
        + _section(words["proposal"], meeting.presenter.signature, [proposal])
        + _section(words["decision"], f"{organ}:", [decision])
    )


# --- Officeholder decisions (CGI only) ------------------------------------------------------


def office_list(site: Site) -> str:
    urls, words = Urls(site), WORDS["fi"]
    rows = []
    for office in site.offices:
        decisions = [d for d in site.decisions if d.office == office]
        latest = fi_date(max(d.day for d in decisions)) if decisions else "&nbsp;"
        rows.append(_row("&nbsp;", _a(urls.office(office), office.name), latest))
    data = _list_table(["&nbsp;", f"&nbsp;{words['offices']}", words["latest"]], rows)
    crumbs = [_a(urls.offices(), words["offices"])]
    return page(site, "bodyTelimet", crumbs, [site.town_name, words["decisions"]], data)


def decision_list(site: Site, office: Office) -> str:
    urls, words = Urls(site), WORDS["fi"]
    decisions = sorted((d for d in site.decisions if d.office == office),
                       key=lambda d: d.day, reverse=True)  # fmt: skip
    rows = [
        _row(f"&nbsp;&nbsp;{fi_date(d.day)}", f"§ {d.article}", _a(urls.decision(d), d.title),
             striped=index % 2 == 1)
        for index, d in enumerate(decisions)
    ]  # fmt: skip
    data = _list_table([f"&nbsp;{words['date']}", words["article"], words["title"]], rows)
    crumbs = [_a(urls.offices(), words["offices"]), _a(urls.office(office), office.name)]
    return page(site, "bodyTelin", crumbs, [words["decisions"], office.name], data)


def decision_page(site: Site, decision: Decision) -> str:
    urls, words = Urls(site), WORDS["fi"]
    title = f"{decision.office.name} / {words['officeholder']} {fi_date(decision.day)}/§ {decision.article}"  # noqa: E501
    parts = [
        *_register_lines(site, decision.register_id),
        _p(f"§ {decision.article}"),
        f'<p class="MsoNormal"><strong>{escape(decision.title)}</strong></p>',
        _section(words["maker"], decision.maker.signature, []),
        _preparers(site, words, Item("", "", (), "", "", preparers=decision.preparers)),
        _section(words["decision"], decision.decision, []),
        _section(words["reasons"], decision.reasons[0], decision.reasons[1:]),
        _section(words["appeal"], words["appeal_text"], []),
    ]
    body = '<div class="WordSection1">\n' + "\n".join(p for p in parts if p) + "\n</div>"
    hidden = _hidden_id(str(decision.id))
    data = f'<div class="tblDoc"><div class="tcDoc">{hidden}{body}</div></div>'
    crumbs = [_a(urls.offices(), words["offices"]), _a(urls.office(decision.office),
                                                       decision.office.name)]  # fmt: skip
    return page(site, "bodyKokousasia", crumbs, [title], data)


# --- RSS feeds (CGI only; ISO-8859-1, CDATA titles "Organ DD.MM.YYYY / title") ---------------


def feed(site: Site, name: str, entries: list[tuple[str, tuple[str, str], object]]) -> str:
    """entries: (title, link target, published datetime), newest first."""
    urls = Urls(site)
    items = "".join(
        "  <item>\n"
        f"   <title><![CDATA[{title}]]></title>\n"
        f"   <link>{xml_escape(plain(target))}</link>\n"
        f'   <guid isPermaLink="false">{xml_escape(plain(target))}</guid>\n'
        f"   <pubDate>{format_datetime(published)}</pubDate>\n"
        "  </item>\n"
        for title, target, published in entries
    )
    return (
        '<?xml version="1.0" encoding="ISO-8859-1"?>\n<rss version="2.0">\n <channel>\n'
        f"  <title>{xml_escape(site.town_name)} - {name}</title>\n"
        f"  <link>{xml_escape(plain(urls.organs()))}</link>\n"
        f"  <description>{xml_escape(site.town_name)}</description>\n"
        f"{items} </channel>\n</rss>\n"
    )


def item_feed_entries(site: Site) -> list:
    urls = Urls(site)
    entries = [
        (f"{m.organ.name} {fi_date(m.start)} / {item.title}", urls.item(m.item_id(kind, i)),
         m.published_at(kind))
        for m in site.meetings for kind in m.kinds() for i, item in enumerate(m.items)
    ]  # fmt: skip
    return _newest(entries)


def meeting_feed_entries(site: Site) -> list:
    urls = Urls(site)
    entries = [
        (f"{m.organ.name} {fi_date(m.start)} / {WORDS[m.organ.language][kind]}",
         urls.meeting(m.document_id(kind)), m.published_at(kind))
        for m in site.meetings for kind in m.kinds()
    ]  # fmt: skip
    return _newest(entries)


def decision_feed_entries(site: Site) -> list:
    urls = Urls(site)
    entries = [
        (f"{d.office.name} {fi_date(d.day)} / {d.title}", urls.decision(d), _noon(d.day))
        for d in site.decisions
    ]
    return _newest(entries)


def _noon(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 12, tzinfo=HELSINKI)


def _newest(entries: list) -> list:
    return sorted(entries, key=lambda entry: (entry[2], plain(entry[1])), reverse=True)[:FEED_SIZE]
