"""Write the recorded KTweb sample sites from the content in ``sample_sites/content/``.

Example:
    python -m sample_sites.generate            # rewrites sample_sites/ktweb/<municipality>/
    python -m sample_sites.generate --out /tmp/sites

Each site directory gets the page files and a ``manifest.json`` that tells
``harvest.replay`` which request each file answers. Output depends only on the content
(no clock, no randomness), so a rerun is byte-identical; tests/test_replay.py checks that
the committed output is current.
"""

from __future__ import annotations

import argparse
import json
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sample_sites import urls
from sample_sites.content import SITES
from sample_sites.documents import ITEM, Document, all_documents
from sample_sites.feeds import organ_feed
from sample_sites.html_pages import theme_for
from sample_sites.model import (
    BOOTSTRAP_THEME,
    DOCUMENT_KINDS,
    HELSINKI,
    Meeting,
    Site,
)
from sample_sites.pdf_documents import attachment_pdf, item_pdf

PLATFORM = "ktweb"
MANIFEST_NAME = "manifest.json"
MANIFEST_FORMAT = 1
SAMPLE_SITES_ROOT = Path(__file__).resolve().parent
# Last-Modified of the pages that do not change with meetings (forms, robots.txt, CSS).
SITE_INSTALLED = datetime(2024, 1, 8, 10, 0, tzinfo=HELSINKI)
UTF16_CONTENT_TYPE = "text/html; charset=UTF-16LE"
UTF16_META_CHARSET = "utf-16"


@dataclass(frozen=True)
class Page:
    """One recorded response and the request it answers."""

    method: str
    path: str
    query: str
    body: dict | None
    kind: str
    file: str
    content_type: str
    content: bytes
    last_modified: datetime
    title: str | None = None

    def manifest_entry(self) -> dict:
        entry = {
            "method": self.method,
            "path": self.path,
            "query": self.query,
            "body": self.body,
            "kind": self.kind,
            "file": self.file,
            "content_type": self.content_type,
            "last_modified": self.last_modified.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        }
        if self.title is not None:
            entry["title"] = self.title
        return entry


def generate(out_root: Path = SAMPLE_SITES_ROOT) -> list[Path]:
    """Write every site under ``out_root/ktweb/<municipality>/``; returns the site dirs."""
    return [write_site(site, out_root / PLATFORM / site.municipality) for site in SITES]


def write_site(site: Site, site_dir: Path) -> Path:
    check_site(site)
    pages = site_pages(site)
    _clear_site_dir(site_dir)
    for page in pages:
        target = site_dir / page.file
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(page.content)
    manifest = {
        "format": MANIFEST_FORMAT,
        "platform": PLATFORM,
        "municipality": site.municipality,
        "base_path": site.base_path,
        "entries": [page.manifest_entry() for page in pages],
    }
    manifest_text = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    (site_dir / MANIFEST_NAME).write_text(manifest_text, encoding="utf-8")
    return site_dir


def check_site(site: Site) -> None:
    """Refuse content that would make a misleading site (duplicate ids, foreign prefixes)."""
    bids = [meeting.bid for meeting in site.meetings]
    if len(bids) != len(set(bids)):
        raise ValueError(f"{site.municipality}: duplicate meeting ids {sorted(bids)}")
    organ_ids = {organ.id for organ in site.organs}
    for meeting in site.meetings:
        if meeting.organ.id not in organ_ids:
            raise ValueError(f"{site.municipality}: meeting {meeting.bid} has an unlisted organ")
        for item in meeting.items:
            if item.register_id and not item.register_id.startswith(site.register_prefix + "/"):
                raise ValueError(f"{item.register_id}: expected prefix {site.register_prefix}/")


def site_pages(site: Site) -> list[Page]:
    pages = [_robots_page(site), _stylesheet_page(site)]
    for kind in DOCUMENT_KINDS:
        pages.append(_search_form_page(site, kind))
        pages.extend(_meeting_list_pages(site, kind))
        pages.extend(_meeting_pages(site, kind))
        pages.extend(_feed_pages(site, kind))
    for document in all_documents(site):
        pages.append(_document_page(site, document))
        if document.attachments:
            pages.append(_attachment_list_page(site, document))
            pages.extend(_attachment_pages(site, document))
    _check_unique_requests(site, pages)
    return sorted(pages, key=lambda page: (page.path, page.query, page.method, str(page.body)))


def _robots_page(site: Site) -> Page:
    return Page(
        "GET",
        "/robots.txt",
        "",
        None,
        "robots",
        "robots.txt",
        "text/plain; charset=utf-8",
        site.robots_txt.encode("utf-8"),
        SITE_INSTALLED,
    )


def _stylesheet_page(site: Site) -> Page:
    css = BOOTSTRAP_CSS if site.theme == BOOTSTRAP_THEME else PLAIN_CSS
    path = urls.stylesheet_path(site)
    return Page(
        "GET",
        path,
        "",
        None,
        "stylesheet",
        _file_for(path),
        "text/css; charset=utf-8",
        css.encode("utf-8"),
        SITE_INSTALLED,
    )


def _search_form_page(site: Site, kind: str) -> Page:
    path = urls.search_form_path(site, kind)
    html = theme_for(site).search_form(kind)
    return _html_page(
        site, "GET", path, "", None, "search_form", _file_for(path), html, SITE_INSTALLED
    )


def _meeting_list_pages(site: Site, kind: str) -> list[Page]:
    """One POST answer per organ, plus the answer for "all organs" (empty kirjaamo)."""
    path = urls.meeting_list_path(site, kind)
    pages = []
    for organ_id in [str(organ.id) for organ in site.organs] + [""]:
        meetings = _published_meetings(site, kind, organ_id)
        html = theme_for(site).meeting_list(kind, meetings)
        file = _file_for(path, f"kirjaamo-{organ_id or 'all'}.htm")
        pages.append(
            _html_page(
                site,
                "POST",
                path,
                "",
                {"kirjaamo": organ_id},
                "meeting_list",
                file,
                html,
                _newest(meetings, kind),
            )
        )
    return pages


def _meeting_pages(site: Site, kind: str) -> list[Page]:
    path = urls.meeting_path(site, kind)
    pages = []
    for meeting in _published_meetings(site, kind):
        query = urls.meeting_query(meeting.bid)
        file = _file_for(path, f"bid-{meeting.bid}.htm")
        if urls.href(path, query) in site.utf16_pages:
            html = theme_for(site).meeting_page(kind, meeting, UTF16_META_CHARSET)
            pages.append(
                Page(
                    "GET",
                    path,
                    query,
                    None,
                    "meeting",
                    file,
                    UTF16_CONTENT_TYPE,
                    html.encode("utf-16-le"),
                    meeting.published_at(kind),
                )
            )
            continue
        html = theme_for(site).meeting_page(kind, meeting)
        pages.append(
            _html_page(
                site, "GET", path, query, None, "meeting", file, html, meeting.published_at(kind)
            )
        )
    return pages


def _feed_pages(site: Site, kind: str) -> list[Page]:
    path = urls.feed_path(site, kind)
    pages = []
    for organ in site.organs:
        meetings = _published_meetings(site, kind, str(organ.id))
        xml = organ_feed(site, kind, organ, meetings)
        pages.append(
            Page(
                "GET",
                path,
                urls.feed_query(organ),
                None,
                "feed",
                _file_for(path, f"toimielin-{organ.id}.xml"),
                f"application/rss+xml; charset={site.encoding}",
                xml.encode(site.encoding),
                _newest(meetings, kind),
            )
        )
    return pages


def _document_page(site: Site, document: Document) -> Page:
    return Page(
        "GET",
        urls.KTPROXY_PATH,
        urls.document_query(document.docid),
        None,
        "item_document" if document.role == ITEM else f"{document.role}_document",
        _file_for(urls.KTPROXY_PATH, f"doctype-{urls.ITEM_DOCTYPE}/{document.docid}.pdf"),
        "application/pdf",
        item_pdf(site, document),
        document.meeting.published_at(document.kind),
        title=document.title,
    )


def _attachment_list_page(site: Site, document: Document) -> Page:
    path = urls.attachment_list_path(site)
    html = theme_for(site).attachment_list(document)
    return _html_page(
        site,
        "GET",
        path,
        str(document.docid),
        None,
        "attachment_list",
        _file_for(path, f"{document.docid}.htm"),
        html,
        document.meeting.published_at(document.kind),
    )


def _attachment_pages(site: Site, document: Document) -> list[Page]:
    """PDFs of the public attachments; a non-public one has no file, as on the real site."""
    return [
        Page(
            "GET",
            urls.KTPROXY_PATH,
            urls.document_query(attachment.docid, urls.ATTACHMENT_DOCTYPE),
            None,
            "attachment_document",
            _file_for(
                urls.KTPROXY_PATH, f"doctype-{urls.ATTACHMENT_DOCTYPE}/{attachment.docid}.pdf"
            ),
            "application/pdf",
            attachment_pdf(site, document, attachment),
            document.meeting.published_at(document.kind),
            title=attachment.attachment.name,
        )
        for attachment in document.attachments
        if attachment.attachment.public
    ]


def _html_page(
    site: Site,
    method: str,
    path: str,
    query: str,
    body: dict | None,
    kind: str,
    file: str,
    html: str,
    last_modified: datetime,
) -> Page:
    content_type = f"text/html; charset={site.encoding}"
    return Page(
        method,
        path,
        query,
        body,
        kind,
        file,
        content_type,
        html.encode(site.encoding),
        last_modified,
    )


def _published_meetings(site: Site, kind: str, organ_id: str = "") -> list[Meeting]:
    """Meetings with this document kind online, newest first, as KTweb lists them."""
    meetings = [
        meeting
        for meeting in site.meetings
        if kind in meeting.kinds() and (not organ_id or str(meeting.organ.id) == organ_id)
    ]
    return sorted(meetings, key=lambda meeting: meeting.start, reverse=True)


def _newest(meetings: list[Meeting], kind: str) -> datetime:
    return max((meeting.published_at(kind) for meeting in meetings), default=SITE_INSTALLED)


def _file_for(path: str, name: str = "") -> str:
    """The file for a URL path: ``/ktwebscr/pk_asil_tweb.htm`` + name -> ``ktwebscr/pk_asil_tweb/name``."""  # noqa: E501
    relative = path.lstrip("/")
    if not name:
        return relative
    return f"{relative.removesuffix('.htm').removesuffix('.dll')}/{name}"


def _check_unique_requests(site: Site, pages: list[Page]) -> None:
    requests: set[tuple] = set()
    files: set[str] = set()
    for page in pages:
        request = (page.method, page.path, page.query, json.dumps(page.body, sort_keys=True))
        if request in requests or page.file in files:
            raise ValueError(f"{site.municipality}: two pages for {request} or {page.file}")
        requests.add(request)
        files.add(page.file)


def _clear_site_dir(site_dir: Path) -> None:
    """Remove the previous output, but never a directory this generator did not write."""
    if not site_dir.exists():
        return
    if any(site_dir.iterdir()) and not (site_dir / MANIFEST_NAME).exists():
        raise FileExistsError(f"{site_dir} exists without {MANIFEST_NAME}; not overwriting it")
    shutil.rmtree(site_dir)


PLAIN_CSS = """body.main { font-family: Verdana, Arial, sans-serif; font-size: 10pt; }
table.list, table.search { border-collapse: collapse; }
tr.header td.Header { background: #2f4f7f; color: #fff; font-weight: bold; padding: 4px; }
tr.colheader td.colheader { background: #d9e1ec; font-weight: bold; padding: 2px 4px; }
tr.data0 { background: #fff; }
tr.data1 { background: #eef2f7; }
td.data { padding: 2px 4px; }
"""

BOOTSTRAP_CSS = """/* A few Bootstrap-like rules; the real theme loads Bootstrap itself. */
body { font-family: system-ui, sans-serif; margin: 0; }
.container { max-width: 960px; margin: 0 auto; padding: 0 12px; }
.navbar { background: #0d6efd; padding: 8px 0; }
.navbar a { color: #fff; text-decoration: none; margin-right: 16px; }
.navbar-nav { display: inline; list-style: none; padding: 0; }
.nav-item { display: inline; }
.table { width: 100%; border-collapse: collapse; }
.table th, .table td { border-top: 1px solid #dee2e6; padding: 6px; text-align: left; }
.table-striped tbody tr:nth-of-type(odd) { background: #f2f2f2; }
.badge { background: #6c757d; color: #fff; border-radius: 4px; padding: 2px 6px; }
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--out",
        type=Path,
        default=SAMPLE_SITES_ROOT,
        help="root to write <root>/ktweb/<municipality>/ under",
    )
    args = parser.parse_args(argv)
    for site_dir in generate(args.out):
        print(site_dir)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
