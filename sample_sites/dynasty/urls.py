"""Dynasty's URLs in either generation, as (path, query) pairs; links are root-relative so a
site works on any host and port.

Static export: every page is a file under ``/kokous/``. CGI: pages come from
``<base>cgi/DREQUEST.PHP?page=...&id=...``; PDFs stay files under ``<base>kokous/``.
"""

from __future__ import annotations

from html import escape

from sample_sites.dynasty.model import CGI, Decision, Office, Organ, Site

FEED_SIZE = 30


class Urls:
    def __init__(self, site: Site):
        self.site = site
        self.cgi = site.generation == CGI
        self.files = site.base_path + ("kokous/" if self.cgi else "")
        self.script = site.base_path + "cgi/DREQUEST.PHP"

    def _page(self, page: str, file: str, id_: object = None) -> tuple[str, str]:
        if self.cgi:
            query = f"page={page}" + (f"&id={id_}" if id_ is not None else "")
            return self.script, query
        return self.files + file, ""

    def organs(self):
        return self._page("meeting_frames", "TELIMET.HTM")

    def organ(self, organ: Organ):
        return self._page("meetings", f"TELIN-{organ.id}.HTM", organ.id)

    def meeting(self, document_id: int):
        return self._page("meeting", f"{document_id}.HTM", document_id)

    def item(self, item_id: str):
        return self._page("meetingitem", f"{item_id}.HTM", item_id)

    def offices(self):
        return self._page("official_frames", "")

    def office(self, office: Office):
        return self._page("official_handlers", "", office.id)

    def decision(self, decision: Decision):
        return self._page("official_decision", "", decision.id)

    def feed(self, name: str):
        return self.script, f"page=rss/{name}&show={FEED_SIZE}"

    def pdf(self, name: str):
        """``<meeting>``, ``<item>``, ``<item>-<k>`` (attachment), ``<meeting>-0-<k>`` (appeal)."""
        return self.files + f"{name}.PDF", ""


def href(target: tuple[str, str]) -> str:
    """For an HTML attribute: the ampersands of the query escaped."""
    path, query = target
    return escape(f"{path}?{query}" if query else path)


def plain(target: tuple[str, str]) -> str:
    path, query = target
    return f"{path}?{query}" if query else path
