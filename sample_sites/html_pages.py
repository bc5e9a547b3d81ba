"""KTweb HTML pages in two themes: the plain table of older installs and a Bootstrap layout.

Both themes carry the same links and the same header text; only the wrapper markup differs,
as between real municipalities. Parsers should therefore rely on link patterns and text,
not on one theme's CSS classes.
"""

from __future__ import annotations

import textwrap
from html import escape

from sample_sites import urls
from sample_sites.documents import AttachmentDocument, Document, meeting_rows
from sample_sites.documents import whole_meeting_document as whole_meeting
from sample_sites.model import (
    AGENDA,
    BOOTSTRAP_THEME,
    DOCUMENT_WORDS,
    MINUTES,
    UI_WORDS,
    Meeting,
    Organ,
    Site,
    fi_datetime,
)


def theme_for(site: Site) -> PlainTheme | BootstrapTheme:
    return BootstrapTheme(site) if site.theme == BOOTSTRAP_THEME else PlainTheme(site)


def meeting_header_lines(meeting: Meeting, kind: str) -> tuple[str, str, str]:
    """ "Organ: Organ", "17.3.2025 17:00", "Pöytäkirja" - the meeting page's header."""
    organ = meeting.organ
    kind_word = DOCUMENT_WORDS[organ.language][kind]
    return f"{organ.name}: {organ.name}", fi_datetime(meeting.start), kind_word


def meeting_list_label(meeting: Meeting) -> str:
    return f"{meeting.organ.name}: {meeting.number}"


def attachment_count(document: Document, pieces: str) -> str:
    return f"{len(document.attachments)} {pieces}" if document.attachments else "-"


def non_public_label(document: Document, attachment: AttachmentDocument) -> str:
    reason = attachment.attachment.confidentiality_reason
    marker = document.words["non_public"]
    return f"{marker}, {reason}" if reason else marker


def sorted_organs(site: Site) -> list[Organ]:
    return sorted(site.organs, key=lambda organ: organ.name)


class _Theme:
    def __init__(self, site: Site):
        self.site = site
        self.ui = UI_WORDS[site.ui_language]

    def _search_options(self) -> list[tuple[str, str]]:
        options = [("", self.ui["all_organs"])]
        options += [(organ.option_value, organ.name) for organ in sorted_organs(self.site)]
        return options

    def _attachment_cell(self, document: Document) -> str:
        count = attachment_count(document, self.ui["pieces"])
        if not document.attachments:
            return count
        return _link(urls.attachment_list_href(self.site, document.docid), count)


class PlainTheme(_Theme):
    """Vantaa-style markup: table.list, tr.header / colheader / data0 / data1, td.data."""

    def search_form(self, kind: str) -> str:
        ui = self.ui
        options = "\n".join(
            f'    <option value="{escape(value)}"{" selected" if not value else ""}>'
            f"{escape(name)}</option>"
            for value, name in self._search_options()
        )
        body = f"""<form action="{urls.meeting_list_path(self.site, kind)}" name="form1" method="POST">
  <input name="oper" value="where" type="hidden">
<table class="search" cellspacing="0" width="100%">
    <tr class="header">
      <td class="Header" nowrap>&nbsp;{escape(ui["search_header"])}
      </td>
    </tr>
</table>
<table class="search" cellspacing="0" border="0">
    <tr>
      <td class="help" colspan="2">{escape(ui["search_help_" + kind])}</td>
    </tr>
    <tr>
      <td class="sfldheader">{escape(ui["organ"])}</td>
      <td class="sflddata"><select name="kirjaamo" size="1">
{options}
</select></td>
    </tr>
    <tr>
      <td class="sfldheader">{escape(ui["meeting_date"])}</td>
      <td class="sflddata"><input name="pvm1" size="10" maxlength="10"> - <input name="pvm2" size="10" maxlength="10">&nbsp;{escape(ui["date_hint"])}</td>
    </tr>
    <tr>
      <td class="buttonrow" colspan="2"><input class="ktbutton" value="{escape(ui["search_button"])}" type="submit"></td>
    </tr>
</table>
</form>"""  # noqa: E501 - one line per row keeps the markup close to the real pages
        return self._page(ui["search_title"], body)

    def meeting_list(self, kind: str, meetings: list[Meeting]) -> str:
        rows = "\n".join(
            f"""    <tr class="data{index % 2}">
      <td class="data">{_link(urls.meeting_href(self.site, kind, meeting.bid), fi_datetime(meeting.start))}</td>
      <td class="data">{escape(meeting_list_label(meeting))}</td>
    </tr>
"""  # noqa: E501
            for index, meeting in enumerate(meetings)
        )
        body = f"""<table class="list" cellspacing="0" border="0" width="100%">
    <tr class="header">
      <td class="Header" colspan="2">{escape(self.ui["list_header_" + kind])}
      </td>
    </tr>
    <tr class="colheader">
      <td class="colheader" width="25%">{escape(self.ui["time"])}</td>
      <td class="colheader" width="75%">{escape(self.ui["organ_meeting"])}</td>
    </tr>

{rows}</table>"""
        return self._page(self.ui["list_title"], body)

    def meeting_page(self, kind: str, meeting: Meeting, charset: str | None = None) -> str:
        ui = self.ui
        header = "<br>".join(escape(line) for line in meeting_header_lines(meeting, kind))
        rows = "\n".join(
            f"""  <tr class="data{index % 2}">
    <td class="data" valign="top">{document.article or ""}</td>
    <td class="data" valign="top">{self._attachment_cell(document)}</td>
    <td class="data" valign="top">{_link(urls.document_href(document.docid), _wrapped(document.title))}</td>
  </tr>
"""  # noqa: E501
            for index, document in enumerate(meeting_rows(meeting, kind))
        )
        whole = whole_meeting(meeting, kind)
        body = f"""<table class="list" cellspacing="0" width="100%">
  <tr class="header">
    <td class="Header" colspan="3">{header}
    </td>
  </tr>
<tr class="colheader">
    <td class="colheader" width="10%">{ui["article"]}</td>
    <td class="colheader" width="10%">{escape(ui["attachments"])}</td>
    <td class="colheader" width="80%">{escape(ui["heading"])}</td>
  </tr>

{rows}</table>

<table class="list" cellspacing="0" width="100%">
  <tr class="header">
    <td class="Header">{escape(ui["material"])}
    </td>
  </tr>
  <tr class="data0">
    <td class="data">{_link(urls.document_href(whole.docid), whole.title)}
    </td>
  </tr>
</table>

<hr width="100%" noshade size="1">
{self._agenda_link(kind, meeting)}<a href="javascript:history.go(-1);">{escape(ui["back"])}</a>
"""
        return self._page(ui["meeting_title_" + kind], body, charset)

    def attachment_list(self, document: Document) -> str:
        rows = "\n".join(
            f"""  <tr class="data{index % 2}">
    <td class="data">{_attachment_name(attachment)}</td>
    <td class="data">{"" if attachment.attachment.public else escape(non_public_label(document, attachment))}</td>
  </tr>
"""  # noqa: E501
            for index, attachment in enumerate(document.attachments)
        )
        header = f"{escape(self.ui['attachment_header'])}<br>{escape(document.title)}"
        body = f"""<table class="list" cellspacing="0" width="100%">
  <tr class="header">
    <td class="Header" colspan="2">{header}
    </td>
  </tr>
{rows}</table>
<a href="javascript:history.go(-1);">{escape(self.ui["back"])}</a>
"""
        return self._page(self.ui["attachment_title"], body)

    def _agenda_link(self, kind: str, meeting: Meeting) -> str:
        if kind != MINUTES:
            return ""
        agenda_href = urls.meeting_href(self.site, AGENDA, meeting.bid)
        return _link(agenda_href, self.ui["get_agenda"]) + "<br>\n"

    def _page(self, title: str, body: str, charset: str | None = None) -> str:
        return f"""<html><head>
<meta http-equiv="content-type" content="text/html; charset={charset or self.site.encoding}">
<meta name="robots" content="noindex, nofollow">
<title>{escape(title)}</title>
<link rel="stylesheet" type="text/css" href="{urls.stylesheet_path(self.site)}">
</head>
<body class="main">

{body}
</body></html>
"""


class BootstrapTheme(_Theme):
    """A newer KTweb layout: nav bar, div.container, table.table.table-striped with thead."""

    def search_form(self, kind: str) -> str:
        ui = self.ui
        options = "\n".join(
            f'          <option value="{escape(value)}"{" selected" if not value else ""}>'
            f"{escape(name)}</option>"
            for value, name in self._search_options()
        )
        body = f"""    <h1 class="h3 mb-3">{escape(ui["search_header"])}</h1>
    <p class="text-muted">{escape(ui["search_help_" + kind])}</p>
    <form action="{urls.meeting_list_path(self.site, kind)}" method="POST" class="row g-3">
      <input type="hidden" name="oper" value="where">
      <div class="col-md-6">
        <label for="kirjaamo" class="form-label">{escape(ui["organ"])}</label>
        <select id="kirjaamo" name="kirjaamo" class="form-select">
{options}
        </select>
      </div>
      <div class="col-md-3">
        <label for="pvm1" class="form-label">{escape(ui["meeting_date"])} {escape(ui["date_hint"])}</label>
        <div class="input-group">
          <input id="pvm1" name="pvm1" class="form-control" maxlength="10">
          <span class="input-group-text">-</span>
          <input name="pvm2" class="form-control" maxlength="10">
        </div>
      </div>
      <div class="col-12">
        <button type="submit" class="btn btn-primary">{escape(ui["search_button"])}</button>
      </div>
    </form>"""  # noqa: E501
        return self._page(ui["search_title"], body)

    def meeting_list(self, kind: str, meetings: list[Meeting]) -> str:
        rows = "\n".join(
            f"""          <tr>
            <td>{_link(urls.meeting_href(self.site, kind, meeting.bid), fi_datetime(meeting.start))}</td>
            <td>{escape(meeting_list_label(meeting))}</td>
          </tr>"""  # noqa: E501
            for meeting in meetings
        )
        body = f"""    <h1 class="h3 mb-3">{escape(self.ui["list_header_" + kind])}</h1>
    <div class="table-responsive">
      <table class="table table-striped table-hover">
        <thead>
          <tr><th scope="col">{escape(self.ui["time"])}</th><th scope="col">{escape(self.ui["organ_meeting"])}</th></tr>
        </thead>
        <tbody>
{rows}
        </tbody>
      </table>
    </div>"""  # noqa: E501
        return self._page(self.ui["list_title"], body)

    def meeting_page(self, kind: str, meeting: Meeting, charset: str | None = None) -> str:
        ui = self.ui
        header = "<br>".join(escape(line) for line in meeting_header_lines(meeting, kind))
        rows = "\n".join(
            f"""          <tr>
            <td>{document.article or ""}</td>
            <td>{self._attachment_cell(document)}</td>
            <td>{_link(urls.document_href(document.docid), document.title)}</td>
          </tr>"""
            for document in meeting_rows(meeting, kind)
        )
        whole = whole_meeting(meeting, kind)
        agenda_link = ""
        if kind == MINUTES:
            agenda_href = urls.meeting_href(self.site, AGENDA, meeting.bid)
            agenda_link = f'\n      <a class="btn btn-outline-secondary" href="{escape(agenda_href)}">{escape(ui["get_agenda"])}</a>'  # noqa: E501
        body = f"""    <div class="card mb-4">
      <div class="card-header"><h1 class="h4 mb-0">{header}</h1></div>
      <div class="table-responsive">
      <table class="table table-striped mb-0">
        <thead>
          <tr><th scope="col" style="width:10%">{ui["article"]}</th><th scope="col" style="width:10%">{escape(ui["attachments"])}</th><th scope="col">{escape(ui["heading"])}</th></tr>
        </thead>
        <tbody>
{rows}
        </tbody>
      </table>
      </div>
    </div>
    <h2 class="h5">{escape(ui["material"])}</h2>
    <ul class="list-group mb-4">
      <li class="list-group-item">{_link(urls.document_href(whole.docid), whole.title)}</li>
    </ul>
    <div class="d-flex gap-2">{agenda_link}
      <a class="btn btn-link" href="javascript:history.go(-1);">{escape(ui["back"])}</a>
    </div>"""  # noqa: E501
        return self._page(ui["meeting_title_" + kind], body, charset)

    def attachment_list(self, document: Document) -> str:
        rows = "\n".join(
            f"""          <tr>
            <td>{_attachment_name(attachment)}</td>
            <td>{"" if attachment.attachment.public else f'<span class="badge bg-secondary">{escape(non_public_label(document, attachment))}</span>'}</td>
          </tr>"""  # noqa: E501
            for attachment in document.attachments
        )
        header = f"{escape(self.ui['attachment_header'])}<br>{escape(document.title)}"
        body = f"""    <h1 class="h4">{header}</h1>
    <table class="table table-striped">
      <tbody>
{rows}
      </tbody>
    </table>"""
        return self._page(self.ui["attachment_title"], body)

    def _page(self, title: str, body: str, charset: str | None = None) -> str:
        ui = self.ui
        town = escape(self.site.town_name[self.site.ui_language])
        minutes_form = urls.search_form_path(self.site, MINUTES)
        agenda_form = urls.search_form_path(self.site, AGENDA)
        return f"""<!DOCTYPE html>
<html lang="{self.site.ui_language}">
<head>
  <meta charset="{charset or self.site.encoding}">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex, nofollow">
  <title>{escape(title)}</title>
  <link rel="stylesheet" href="{urls.stylesheet_path(self.site)}">
</head>
<body>
  <nav class="navbar navbar-expand-lg navbar-dark bg-primary mb-4">
    <div class="container">
      <a class="navbar-brand" href="{minutes_form}">{town} - Tweb</a>
      <ul class="navbar-nav">
        <li class="nav-item"><a class="nav-link" href="{minutes_form}">{escape(ui["nav_" + MINUTES])}</a></li>
        <li class="nav-item"><a class="nav-link" href="{agenda_form}">{escape(ui["nav_" + AGENDA])}</a></li>
      </ul>
    </div>
  </nav>
  <main class="container">
{body}
  </main>
</body>
</html>
"""  # noqa: E501


def _link(href: str, text: str) -> str:
    return f'<a href="{escape(href)}">{escape(text)}</a>'


def _attachment_name(attachment: AttachmentDocument) -> str:
    label = f"{attachment.number} {attachment.attachment.name}"
    if not attachment.attachment.public:
        return escape(label)  # a non-public attachment is listed but never linked
    return _link(urls.document_href(attachment.docid, urls.ATTACHMENT_DOCTYPE), label)


def _wrapped(title: str) -> str:
    """Long titles come with line breaks inside the link text, as on real KTweb pages."""
    return "\n ".join(textwrap.wrap(title, width=60))
