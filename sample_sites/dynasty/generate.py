"""Write the Dynasty sample sites from ``sample_sites/dynasty/content.py``.

Example:
    python -m sample_sites.dynasty.generate          # rewrites sample_sites/dynasty/<site>/
    python -m sample_sites.dynasty.generate --out /tmp/sites

Each site directory gets its files and a ``manifest.json`` in the format harvest/replay.py
reads. Output depends only on the content (no clock, no randomness), so a rerun is
byte-identical; tests/test_dynasty_sample_sites.py checks that the committed output is current.
"""

from __future__ import annotations

import argparse
import json
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sample_sites.dynasty import pages
from sample_sites.dynasty.content import SITES
from sample_sites.dynasty.model import CGI, HELSINKI, MINUTES, WORDS, Meeting, Site, fi_date
from sample_sites.dynasty.pdfs import simple_pdf
from sample_sites.dynasty.urls import Urls

PLATFORM = "dynasty"
MANIFEST_NAME = "manifest.json"
MANIFEST_FORMAT = 1
OUTPUT_ROOT = Path(__file__).resolve().parent
SITE_INSTALLED = datetime(2026, 1, 12, 9, 0, tzinfo=HELSINKI)
PDF = "application/pdf"


@dataclass(frozen=True)
class Page:
    """One recorded response and the request it answers."""

    path: str
    query: str
    kind: str
    file: str
    content_type: str
    content: bytes
    last_modified: datetime
    title: str | None = None

    def manifest_entry(self) -> dict:
        entry = {
            "method": "GET", "path": self.path, "query": self.query, "body": None,
            "kind": self.kind, "file": self.file, "content_type": self.content_type,
            "last_modified": self.last_modified.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        }  # fmt: skip
        if self.title is not None:
            entry["title"] = self.title
        return entry


def generate(out_root: Path = OUTPUT_ROOT) -> list[Path]:
    """Write every site under ``out_root/<site>/``; returns the site directories."""
    return [write_site(site, out_root / site.municipality) for site in SITES]


def write_site(site: Site, site_dir: Path) -> Path:
    site_pages = site_pages_of(site)
    _clear_site_dir(site_dir)
    for page in site_pages:
        target = site_dir / page.file
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(page.content)
    manifest = {
        "format": MANIFEST_FORMAT,
        "platform": PLATFORM,
        "municipality": site.municipality,
        "base_path": site.base_path,
        "entries": [page.manifest_entry() for page in site_pages],
    }
    text = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    (site_dir / MANIFEST_NAME).write_text(text, encoding="utf-8")
    return site_dir


def site_pages_of(site: Site) -> list[Page]:
    urls = Urls(site)
    found = [
        Page("/robots.txt", "", "robots", "robots.txt", "text/plain; charset=utf-8",
             site.robots_txt.encode("utf-8"), SITE_INSTALLED),
        _html(site, urls.organs(), "organs", pages.organ_list(site), _newest(site)),
    ]  # fmt: skip
    for organ in site.organs:
        meetings = [m for m in site.meetings if m.organ == organ]
        found.append(_html(site, urls.organ(organ), "meeting_list",
                           pages.meeting_list(site, organ), _newest(site, meetings)))  # fmt: skip
    for meeting in site.meetings:
        for kind in meeting.kinds():
            found.extend(_meeting_documents(site, urls, meeting, kind))
    if site.generation == CGI:
        found.extend(_officeholder_pages(site, urls))
        found.extend(_feeds(site, urls))
    _check_unique(site, found)
    return sorted(found, key=lambda page: (page.path, page.query))


def _meeting_documents(site: Site, urls: Urls, meeting: Meeting, kind: str) -> list[Page]:
    words, published = WORDS[meeting.organ.language], meeting.published_at(kind)
    document_id = meeting.document_id(kind)
    heading = f"{meeting.organ.name} - {words[kind]} {fi_date(meeting.start)}"
    found = [
        _html(site, urls.meeting(document_id), "meeting", pages.meeting_page(site, meeting, kind),
              published),
        _pdf(urls.pdf(str(document_id)), "meeting_pdf", heading,
             [item.title for item in meeting.items], published),
    ]  # fmt: skip
    for index, item in enumerate(meeting.items):
        item_id = meeting.item_id(kind, index)
        found.append(_html(site, urls.item(item_id), "item",
                           pages.item_page(site, meeting, kind, index), published))  # fmt: skip
        text = [item.proposal, *([item.decision] if kind == MINUTES else [])]
        found.append(_pdf(urls.pdf(item_id), "item_pdf", item.title, text, published))
        for k, attachment in enumerate(item.attachments, 1):
            if attachment.public:
                found.append(_pdf(urls.pdf(f"{item_id}-{k}"), "attachment", attachment.name,
                                  [item.title], published))  # fmt: skip
    if kind == MINUTES:
        for k, appeal in enumerate(meeting.appeals, 1):
            found.append(_pdf(urls.pdf(f"{document_id}-0-{k}"), "appeal_document", appeal.name,
                              [f"§ {appeal.articles}"], published))  # fmt: skip
    return found


def _officeholder_pages(site: Site, urls: Urls) -> list[Page]:
    latest = max((_noon(d.day) for d in site.decisions), default=SITE_INSTALLED)
    found = [_html(site, urls.offices(), "offices", pages.office_list(site), latest)]
    for office in site.offices:
        days = [_noon(d.day) for d in site.decisions if d.office == office]
        found.append(_html(site, urls.office(office), "office", pages.decision_list(site, office),
                           max(days, default=SITE_INSTALLED)))  # fmt: skip
    for decision in site.decisions:
        found.append(_html(site, urls.decision(decision), "decision",
                           pages.decision_page(site, decision), _noon(decision.day),
                           title=decision.title))  # fmt: skip
    return found


def _feeds(site: Site, urls: Urls) -> list[Page]:
    feeds = (
        ("meetingitems", pages.item_feed_entries(site)),
        ("meetings", pages.meeting_feed_entries(site)),
        ("official_decisions", pages.decision_feed_entries(site)),
    )
    return [
        Page(*urls.feed(name), "feed", f"{site.base_path.strip('/')}/cgi/rss/{name}.xml",
             "application/rss+xml; charset=ISO-8859-1",
             pages.feed(site, name, entries).encode("iso-8859-1"),
             max((entry[2] for entry in entries), default=SITE_INSTALLED))
        for name, entries in feeds
    ]  # fmt: skip


def _html(site: Site, target, kind: str, html: str, modified: datetime, title=None) -> Page:
    path, query = target
    return Page(path, query, kind, _file_for(path, query), f"text/html; charset={site.encoding}",
                html.encode(site.encoding), modified, title)  # fmt: skip


def _pdf(target, kind: str, heading: str, paragraphs: list[str], modified: datetime) -> Page:
    path, query = target
    content = simple_pdf(path, heading, paragraphs, modified)
    return Page(path, query, kind, _file_for(path, query), PDF, content, modified, heading)


def _file_for(path: str, query: str) -> str:
    """``/kokous/TELIMET.HTM`` -> ``kokous/TELIMET.HTM``; a CGI page -> ``.../cgi/<page>/<id>.htm``."""  # noqa: E501
    if not query:
        return path.lstrip("/")
    fields = dict(part.split("=", 1) for part in query.split("&"))
    folder = path.lstrip("/").removesuffix("DREQUEST.PHP")
    return f"{folder}{fields['page']}/{fields.get('id', 'index')}.htm"


def _newest(site: Site, meetings=None) -> datetime:
    meetings = site.meetings if meetings is None else meetings
    moments = [m.published_at(kind) for m in meetings for kind in m.kinds()]
    return max(moments, default=SITE_INSTALLED)


def _noon(day) -> datetime:
    return datetime(day.year, day.month, day.day, 12, tzinfo=HELSINKI)


def _check_unique(site: Site, found: list[Page]) -> None:
    requests, files = set(), set()
    for page in found:
        if (page.path, page.query) in requests or page.file in files:
            raise ValueError(f"{site.municipality}: two pages for {page.path}?{page.query}")
        requests.add((page.path, page.query))
        files.add(page.file)


def _clear_site_dir(site_dir: Path) -> None:
    """Remove the previous output, but never a directory this generator did not write."""
    if not site_dir.exists():
        return
    if any(site_dir.iterdir()) and not (site_dir / MANIFEST_NAME).exists():
        raise FileExistsError(f"{site_dir} exists without {MANIFEST_NAME}; not overwriting it")
    shutil.rmtree(site_dir)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUTPUT_ROOT,
                        help="root to write <root>/<site>/ under")  # fmt: skip
    args = parser.parse_args(argv)
    for site_dir in generate(args.out):
        print(site_dir)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
