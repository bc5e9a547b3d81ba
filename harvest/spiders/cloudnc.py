"""CloudNC / Case M: Nodes -> organs -> (folders ->) meetings -> Contents -> ExtendedProperties.

Everything is OData JSON under ``<base_url>api/opennc/v1/``; harvest/platforms/cloudnc.py
says which node is what and hands back the links to follow.
"""

from __future__ import annotations

from harvest.platforms.cloudnc import API_PATH
from harvest.spiders.base import PlatformSpider
from transform.schema import PageKind, Platform


class CloudncSpider(PlatformSpider):
    platform = Platform.CLOUDNC
    start_pages = ((PageKind.ORGANIZATIONS, API_PATH + "Nodes"),)
    follows = {
        # The top sections lead to the organ lists (both are ORGANIZATIONS pages).
        PageKind.ORGANIZATIONS: (PageKind.ORGANIZATIONS, PageKind.MEETINGS),
        # An organ's children are meetings or folders of meetings (MEETINGS again).
        PageKind.MEETINGS: (PageKind.MEETINGS, PageKind.MEETING),
        PageKind.MEETING: (PageKind.ACTION,),
        PageKind.ACTION: (PageKind.ATTACHMENT_FILE,),  # the public attachments' files
    }

    def page_request(self, page_kind, url, **options):
        request = super().page_request(page_kind, url, **options)
        # OData answers Atom XML to a browser's Accept header; we parse JSON.
        request.headers["Accept"] = "application/json"
        return request

    def count_listing(self, page_kind, url, result):
        # The top of the tree lists sections, not organs: no organs there is no failure
        # as long as it leads to organ lists.
        sections_only = result.get("links") and not result.get("organizations")
        if page_kind == PageKind.ORGANIZATIONS and sections_only:
            return
        super().count_listing(page_kind, url, result)
