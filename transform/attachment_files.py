"""What the store knows of each fetched attachment file, and how actions get it.

An attachment's file is fetched once and read once (PageKind.ATTACHMENT_FILE); the result
is kept per url in ``attachment_files`` (its sha256, media type, pages, extraction status
and unredacted text: private, never in the public copy). Every action that lists that url
gets the result in its attachment entry, both when the file arrives after the action and
when an action is merged (again) after the file: merging an item page replaces its
attachment list, and the text must survive that.
"""

from __future__ import annotations

import json
import sqlite3

# Filled into the action's attachment entry from the file (schema ATTACHMENT_FIELDS).
FILE_FIELDS = (
    "media_type",
    "sha256",
    "text",
    "pages",
    "extraction",
    "extraction_note",
    "source_gone_at",
)
# The source's answers that say a file is gone (not a passing fault such as 500 or a timeout).
GONE_STATUSES = (404, 410)


def save_file(db: sqlite3.Connection, record: dict, provenance: dict) -> None:
    db.execute(
        "INSERT INTO attachment_files (url, municipality, sha256, media_type, pages, "
        "extraction, extraction_note, text, fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (url) DO UPDATE SET municipality = excluded.municipality, "
        "sha256 = excluded.sha256, media_type = excluded.media_type, pages = excluded.pages, "
        "extraction = excluded.extraction, extraction_note = excluded.extraction_note, "
        "text = excluded.text, fetched_at = excluded.fetched_at, source_gone_at = NULL",
        (
            record["url"],
            record.get("municipality") or "unknown",
            provenance.get("raw_sha256"),
            record.get("media_type"),
            record.get("pages"),
            record.get("extraction"),
            record.get("note"),
            record.get("text"),
            provenance.get("fetched_at"),
        ),
    )


def files_for(db: sqlite3.Connection, urls: list[str]) -> dict[str, dict]:
    """url -> the attachment fields its file gave, for the urls we hold a file of."""
    if not urls:
        return {}
    marks = ", ".join("?" for _ in urls)
    rows = db.execute(
        f"SELECT url, {', '.join(FILE_FIELDS)} FROM attachment_files WHERE url IN ({marks})",
        urls,
    ).fetchall()
    return {row["url"]: {field: row[field] for field in FILE_FIELDS} for row in rows}


def with_files(db: sqlite3.Connection, action: dict) -> dict:
    """The action with what its public attachments' files gave (others left as they are)."""
    attachments = action.get("attachments")
    if not attachments:
        return action
    files = files_for(db, [a["url"] for a in attachments if a.get("url") and a.get("public")])
    if not files:
        return action
    filled = []
    for attachment in attachments:
        file = files.get(attachment.get("url")) if attachment.get("public") else None
        filled.append({**attachment, **_without_none(file)} if file else attachment)
    return {**action, "attachments": filled}


def actions_listing(db: sqlite3.Connection, url: str) -> list[sqlite3.Row]:
    """Rows of the actions whose attachment list holds ``url`` (a LIKE pre-filter on the
    JSON text, then an exact check)."""
    pattern = "%" + json.dumps(url)[1:-1].replace("%", r"\%").replace("_", r"\_") + "%"
    rows = db.execute(
        r"SELECT * FROM actions WHERE withdrawn_at IS NULL AND data LIKE ? ESCAPE '\' ORDER BY id",
        (pattern,),
    ).fetchall()
    return [row for row in rows if _lists(json.loads(row["data"]), url)]


def _lists(action: dict, url: str) -> bool:
    return any(a.get("url") == url for a in action.get("attachments") or ())


def _without_none(values: dict) -> dict:
    return {key: value for key, value in values.items() if value is not None}


def mark_gone(db: sqlite3.Connection) -> list[str]:
    """Files whose url the source last answered with 404/410 after we fetched them: the text
    is kept, the link is no longer offered. Returns the urls newly marked."""
    marks = ", ".join(str(status) for status in GONE_STATUSES)
    rows = db.execute(
        f"""
        SELECT files.url, latest.fetched_at FROM attachment_files AS files
        JOIN (
            SELECT url, status, fetched_at, ROW_NUMBER() OVER (
                PARTITION BY url ORDER BY fetched_at DESC, id DESC) AS recency
            FROM harvest_log WHERE page_kind = 'attachment_file'
        ) AS latest ON latest.url = files.url AND latest.recency = 1
        WHERE latest.status IN ({marks}) AND files.source_gone_at IS NULL
        """
    ).fetchall()
    for row in rows:
        db.execute(
            "UPDATE attachment_files SET source_gone_at = ? WHERE url = ?",
            (row["fetched_at"], row["url"]),
        )
    return [row["url"] for row in rows]


def attachment_counts(db: sqlite3.Connection) -> dict[str, int]:
    """Files held by extraction status (extracted, no_text_layer, image, empty, failed)."""
    rows = db.execute(
        "SELECT extraction, COUNT(*) AS n FROM attachment_files GROUP BY extraction"
    ).fetchall()
    return {row["extraction"]: row["n"] for row in rows}
