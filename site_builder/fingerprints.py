"""What each record's pages were rendered from, so a rebuild skips records that did not change.

Rendering is most of a build's time and an archive's pages are mostly action pages that
never change again. Each action's pages (every language, its earlier versions) are
rendered from a known set of inputs: the published record, its versions, its municipality,
organs, meeting and translations. Their digest is kept beside the site
(``FINGERPRINT_FILE``); when it matches and the pages are there, the pages are kept as they
are. The digests are salted with the builder's own code, templates and catalogues, so any
change to how pages are made renders everything again.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

FINGERPRINT_FILE = ".avoin-page-inputs.json"
SITE_BUILDER_DIR = Path(__file__).resolve().parent


def code_digest(templates_dir: Path, *settings: object) -> str:
    """A digest of everything besides the records that shapes a page: the builder's code,
    templates and catalogues, and the build settings."""
    digest = hashlib.sha256(json.dumps(settings, default=str).encode("utf-8"))
    sources = sorted(
        [
            *SITE_BUILDER_DIR.rglob("*.py"),
            *SITE_BUILDER_DIR.rglob("*.po"),
            *templates_dir.glob("*.html"),
        ]
    )
    for source in sources:
        digest.update(source.name.encode("utf-8"))
        digest.update(source.read_bytes())
    return digest.hexdigest()


class PageFingerprints:
    def __init__(self, out_dir: Path, salt: str):
        self.salt = salt
        self.previous = _load(Path(out_dir) / FINGERPRINT_FILE, salt)
        self.current: dict[str, str] = {}
        # id(record) -> (record, digest): kept with the record so an id is never reused.
        self._record_digests: dict[int, tuple[dict, str]] = {}

    def unchanged(self, key: str, inputs: object) -> bool:
        """Records the inputs of ``key``'s pages; True when they are those of the last build."""
        digest = _digest(inputs)
        self.current[key] = digest
        return self.previous.get(key) == digest

    def record_digest(self, record: dict | None) -> str | None:
        """A digest of one record, made once per build however many pages show it (an
        action is on its own page, its item's and its meeting's; an item on its matter's
        and on lists and feeds)."""
        if record is None:
            return None
        known = self._record_digests.get(id(record))
        if known is None or known[0] is not record:
            known = (record, _digest(record))
            self._record_digests[id(record)] = known
        return known[1]

    def forget_records(self) -> None:
        """Drop the remembered digests and the records they hold: called after each
        municipality, so a build holds one municipality's records at a time."""
        self._record_digests.clear()

    def as_text(self) -> str:
        return (
            json.dumps({"salt": self.salt, "pages": self.current}, sort_keys=True, indent=0) + "\n"
        )


def _digest(inputs: object) -> str:
    canonical = json.dumps(inputs, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _load(path: Path, salt: str) -> dict[str, str]:
    """The previous build's digests; none when that build was made by other code (or the
    file is unreadable: then everything is simply rendered again)."""
    try:
        saved = json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return {}
    if not isinstance(saved, dict) or saved.get("salt") != salt:
        return {}
    pages = saved.get("pages")
    return pages if isinstance(pages, dict) else {}
