"""KTweb's per-organ RSS 2.0 feeds (pk_rssfeed.htm / epj_rssfeed.htm?toimielin=<id>).

Links are root-relative (not valid RSS strictly, but it keeps the site port-independent);
a reader resolves them against the feed's own URL.
"""

from __future__ import annotations

from email.utils import format_datetime
from xml.sax.saxutils import escape

from sample_sites import urls
from sample_sites.documents import meeting_rows
from sample_sites.model import DOCUMENT_WORDS, UI_WORDS, Meeting, Organ, Site, fi_datetime


def organ_feed(site: Site, kind: str, organ: Organ, meetings: list[Meeting]) -> str:
    ui = UI_WORDS[site.ui_language]
    town = site.town_name[site.ui_language]
    feed_kind = ui["feed_kind_" + kind]
    items = "".join(_feed_item(site, kind, meeting) for meeting in meetings)
    last_build = max((m.published_at(kind) for m in meetings), default=None)
    last_build_line = (
        f"    <lastBuildDate>{format_datetime(last_build)}</lastBuildDate>\n" if last_build else ""
    )
    return (
        f'<?xml version="1.0" encoding="{site.encoding}"?>\n'
        '<rss version="2.0">\n'
        "  <channel>\n"
        f"    <title>{escape(f'{town}: {organ.name} - {feed_kind}')}</title>\n"
        f"    <link>{escape(urls.search_form_path(site, kind))}</link>\n"
        f"    <description>{escape(f'{organ.name}, {feed_kind}')}</description>\n"
        f"    <language>{organ.language}</language>\n"
        f"{last_build_line}"
        f"{items}"
        "  </channel>\n"
        "</rss>\n"
    )


def _feed_item(site: Site, kind: str, meeting: Meeting) -> str:
    words = DOCUMENT_WORDS[meeting.organ.language]
    link = urls.meeting_href(site, kind, meeting.bid)
    title = f"{meeting.organ.name} {meeting.number}, {fi_datetime(meeting.start)} - {words[kind]}"
    articles = [
        f"§ {row.article} {row.title}" for row in meeting_rows(meeting, kind) if row.article
    ]
    return (
        "    <item>\n"
        f"      <title>{escape(title)}</title>\n"
        f"      <link>{escape(link)}</link>\n"
        f'      <guid isPermaLink="false">{escape(link)}</guid>\n'
        f"      <pubDate>{format_datetime(meeting.published_at(kind))}</pubDate>\n"
        f"      <description>{escape('; '.join(articles))}</description>\n"
        "    </item>\n"
    )
