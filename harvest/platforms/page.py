"""What every platform parser needs besides the bytes: the page's URL, municipality and
context, record and id helpers, the result shape of the parser contract, and links."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urljoin

from transform.schema import PageKind, RecordType, make_id, normalise_origin_id

# Ids of records parsed without a municipality (`avoin parse` without --municipality).
UNKNOWN_MUNICIPALITY = "unknown"


@dataclass
class Page:
    """One page being parsed; collects row-level errors for the result's "errors"."""

    url: str
    municipality: str | None
    context: dict
    errors: list[str] = field(default_factory=list)

    def record(self, record_type: RecordType, origin_id) -> dict:
        origin_id = normalise_origin_id(origin_id)
        record = {"id": self.ref(record_type, origin_id), "origin_id": origin_id}
        if self.municipality:
            record["municipality"] = self.municipality
        return record

    def ref(self, record_type: RecordType, origin_id) -> str | None:
        if origin_id in (None, ""):
            return None
        return make_id(self.municipality or UNKNOWN_MUNICIPALITY, record_type, str(origin_id))

    def absolute(self, href: str) -> str:
        try:
            return urljoin(self.url, href.strip())
        except ValueError:  # unparseable: kept as written, no link pattern will match it
            return href.strip()

    def result(
        self, kind: PageKind, *, organizations=(), meetings=(), actions=(), links=(), documents=()
    ):
        """``documents``: how each document was read (format, layout, unknown labels, the
        share of its text in known sections), for the run report's template-drift lines."""
        return {
            "page": kind,
            "organizations": list(organizations),
            "meetings": list(meetings),
            "actions": list(actions),
            "links": list(links),
            "errors": list(self.errors),
            "documents": list(documents),
        }


def link_to(kind: PageKind, url: str, context: dict, method="GET", body=None) -> dict:
    """A page for the spider to consider; context keys without a value are left out."""
    context = {key: value for key, value in context.items() if value is not None}
    return {"page_kind": kind, "url": url, "method": method, "body": body, "context": context}


def looks_like_pdf(body: bytes) -> bool:
    return body[:1024].lstrip().startswith(b"%PDF-")


def looks_like_office_document(body: bytes) -> bool:
    """A PDF, Word (DOC, DOCX) or RTF file: an item document, never an HTML page."""
    from harvest.documents.formats import DocumentFormat, detect_format

    return detect_format(body) in (
        DocumentFormat.PDF, DocumentFormat.DOC, DocumentFormat.DOCX, DocumentFormat.RTF
    )  # fmt: skip
