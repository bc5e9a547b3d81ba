"""KTweb's URL patterns. Every link is root-relative so a site works on any host and port."""

from __future__ import annotations

from sample_sites.model import KIND_PREFIX, Organ, Site

# The document proxy sits under /ktwebbin/ even where the pages live under /ktwebscr/.
KTPROXY_PATH = "/ktwebbin/ktproxy2.dll"
ITEM_DOCTYPE = 3
ATTACHMENT_DOCTYPE = 1


def search_form_path(site: Site, kind: str) -> str:
    return f"{site.base_path}{KIND_PREFIX[kind]}_tek_tweb.htm"


def meeting_list_path(site: Site, kind: str) -> str:
    return f"{site.base_path}{KIND_PREFIX[kind]}_kokl_tweb.htm"


def meeting_path(site: Site, kind: str) -> str:
    return f"{site.base_path}{KIND_PREFIX[kind]}_asil_tweb.htm"


def meeting_query(bid: int) -> str:
    # The "+" is part of KTweb's real URLs; it is not an encoded space.
    return f"+bid={bid}"


def attachment_list_path(site: Site) -> str:
    return f"{site.base_path}epjattn_tweb.htm"


def document_query(docid: int, doctype: int = ITEM_DOCTYPE) -> str:
    return f"doctype={doctype}&docid={docid}"


def feed_path(site: Site, kind: str) -> str:
    return f"{site.base_path}{KIND_PREFIX[kind]}_rssfeed.htm"


def feed_query(organ: Organ) -> str:
    return f"toimielin={organ.id}"


def stylesheet_path(site: Site) -> str:
    return f"{site.base_path}ktweb.css"


def href(path: str, query: str = "") -> str:
    return f"{path}?{query}" if query else path


def meeting_href(site: Site, kind: str, bid: int) -> str:
    return href(meeting_path(site, kind), meeting_query(bid))


def document_href(docid: int, doctype: int = ITEM_DOCTYPE) -> str:
    return href(KTPROXY_PATH, document_query(docid, doctype))


def attachment_list_href(site: Site, docid: int) -> str:
    return href(attachment_list_path(site), str(docid))
