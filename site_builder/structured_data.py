"""JSON-LD (schema.org) for action pages, so search engines and tools can read a decision.

Type ``Legislation``: schema.org's "legal document ... (enforceable or not) or a component
of a legal act", a CreativeWork with the properties a municipal decision has: who passed
it (``legislationPassedBy``), where it applies (``legislationJurisdiction``), its date and
its diary number (``legislationIdentifier``). A plain CreativeWork would lose all of those.
"""

from __future__ import annotations

import json

from markupsafe import Markup

from site_builder.filters import iso_date, localized, safe_url
from site_builder.paths import SiteUrls

SCHEMA_ORG = "https://schema.org"
# Inside <script> only "</" could end the element early; escaping <, > and & covers it and
# any "<!--" while staying valid JSON.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def action_json_ld(
    action: dict,
    municipality: dict,
    organization: dict | None,
    meeting: dict | None,
    urls: SiteUrls,
    language: str,
    modified: bool = False,
) -> Markup:
    """The ``<script type="application/ld+json">`` body for one action page."""
    data = {
        "@context": SCHEMA_ORG,
        "@type": "Legislation",
        "name": action["title"],
        "url": urls.absolute(urls.record(action["id"])),
        "inLanguage": action["language"],
        "identifier": action["register_id"],
        "legislationIdentifier": action["register_id"],
        "dateCreated": iso_date(action["date"]),
        "legislationDate": iso_date(action["date"]),
        "dateModified": iso_date(action["fetched_at"]) if modified else None,
        "legislationJurisdiction": {
            "@type": "AdministrativeArea",
            "name": localized(municipality["name"], language),
        },
        "legislationPassedBy": _organization(organization, urls, language),
        "isPartOf": _meeting_document(meeting, organization, urls, language),
        "isBasedOn": safe_url(action["source_url"]),
        "workTranslation": [
            {
                "@type": "Legislation",
                "url": urls.absolute(urls.record(item["id"])),
                "inLanguage": item["language"],
            }
            for item in action["translations"]
        ],
    }
    compact = {key: value for key, value in data.items() if value not in (None, "", [])}
    # Without indent json uses its C encoder: this runs for every action page.
    text = json.dumps(compact, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.translate(_SCRIPT_SAFE))


def _organization(organization: dict | None, urls: SiteUrls, language: str) -> dict | None:
    if not organization:
        return None
    return {
        "@type": "GovernmentOrganization",
        "name": localized(organization["name"], language),
        "url": urls.absolute(urls.record(organization["id"])),
    }


def _meeting_document(
    meeting: dict | None, organization: dict | None, urls: SiteUrls, language: str
) -> dict | None:
    """The agenda or minutes the action is a part of."""
    if not meeting:
        return None
    name = " ".join(
        part
        for part in (
            localized(organization["name"], language) if organization else "",
            meeting["number"] or iso_date(meeting["start"]),
        )
        if part
    )
    return {
        "@type": "CreativeWork",
        "name": name,
        "url": urls.absolute(urls.record(meeting["id"])),
        "dateCreated": iso_date(meeting["start"]) or None,
    }


def item_json_ld(
    item: dict,
    action: dict,
    municipality: dict,
    organization: dict | None,
    meeting: dict | None,
    urls: SiteUrls,
    language: str,
) -> Markup:
    """An item page: the decision (the document shown) as ``Legislation`` at the item's own
    URL; its other-language documents are the item itself, not translations of it."""
    return action_json_ld(
        {**action, "id": item["id"], "translations": []},
        municipality,
        organization,
        meeting,
        urls,
        language,
    )
