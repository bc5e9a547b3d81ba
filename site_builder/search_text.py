"""What an action page gives the browser's search index besides its visible text.

Pagefind reads the page; it stems words but knows no base forms and no compound parts. So
the indexed article ends with index-only blocks (``hidden``: never shown, never read by a
screen reader) that hold the analysis of ``transform/analysis.py``, the same that the
Whoosh index uses:

- the analysed title and body: one group per word that analysis adds to, the word as
  written first, then its forms (``tuloveroprosentiksi tuloveroprosentti veroprosentti
  prosentti vero tulo … |``), with Voikko-confirmed inflections of Finnish forms
  (kaavoja for kaava: the browser only stems a query, and Snowball stems the two apart).
  Each block starts with ``⁂``; neither mark is a word to Pagefind.
  ``static/search.js`` reads the groups back to build excerpts from the visible text: a
  match on a form is shown (and marked) on the word it came from.
- the keys: register number, § with the organ's name, so that "§ 406 kaupunginhallitus"
  and "1834/02.02.00/2026" find the item, and search.js can put the exact match first.

Ranking weights (Pagefind's ``data-pagefind-weight``): the title above the body, the
minutes' item (the decision) above the agenda's copy, a case with a register number above
an organising item. Unnumbered meeting pages (cover, signatures, appeal instructions) are
not indexed at all (``transform.search.is_search_result``).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from transform import analysis
from transform import search as whoosh_search
from transform.analysis import analysed_terms
from transform.search import AGENDA_BOOST, NO_REGISTER_ID_BOOST, is_search_result

BLOCK_MARK = "⁂"
GROUP_MARK = "|"
TITLE_WEIGHT = 7.0  # Pagefind's own weight for an <h1>
BODY_WEIGHT = 1.0
KEY_WEIGHT = 10.0  # the most Pagefind allows: an identifier is the strongest evidence
FORMS_WEIGHT = 0.8  # a base form or a part is a little weaker than the word as written


def signature() -> str:
    """Changes with anything here that shapes an action page but is not the builder's
    own code: the analysis (its code, a missing analyser, the switch) and what counts as
    a result. Part of the build's fingerprint salt, so such a change renders pages anew."""
    digest = hashlib.sha256(analysis.analysis_signature().encode("utf-8"))
    digest.update(Path(whoosh_search.__file__).read_bytes())
    return digest.hexdigest()[:16]


def analysed_block(text: str | None, language: str | None) -> str:
    groups = analysed_terms(text or "", language)
    if not groups:
        return ""
    return f"{BLOCK_MARK} " + " ".join(f"{' '.join(group)} {GROUP_MARK}" for group in groups)


def body_text(action: dict) -> str:
    """The contents and the attachments' texts (the page shows both; see attachment_list)."""
    texts = [content.get("text") or "" for content in action.get("contents") or ()]
    return "\n".join([*texts, *whoosh_search.attachment_texts(action)])


def search_keys(action: dict, organ_name: str | None) -> str:
    """Register number; the section both ways round with the organ (``§ 406 X 406 § X``),
    so a query written either way is a phrase of it."""
    keys = [action.get("register_id") or ""]
    number = action.get("article_number")
    if number:
        organ = organ_name or ""
        keys.append(f"§ {number} {organ} {number} § {organ}")
    return " ".join(key for key in keys if key).strip()


def search_weights(action: dict, document_kind: str | None) -> dict[str, float]:
    """Pagefind weights for the title, the body, the analysed forms and the keys."""
    factor = AGENDA_BOOST if document_kind == "agenda" else 1.0
    if not action.get("register_id"):
        factor *= NO_REGISTER_ID_BOOST
    return {
        "title": _weight(TITLE_WEIGHT * factor),
        "body": _weight(BODY_WEIGHT * factor),
        "title_forms": _weight(TITLE_WEIGHT * FORMS_WEIGHT * factor),
        "body_forms": _weight(BODY_WEIGHT * FORMS_WEIGHT * factor),
        "identifiers": _weight(KEY_WEIGHT * factor),
    }


def _weight(value: float) -> str:
    return f"{min(value, 10.0):.2f}".rstrip("0").rstrip(".")


def is_item_entry(action: dict, item: dict | None) -> bool:
    """Whether this document is its item's entry in the browser's index: per language, the
    minutes' copy (the decision) over the agenda's, the agenda's only while the item waits
    for its decision. The search answers one result per item and language, and the result
    opens the item's page, decision first; the agenda's copy stays on its own page."""
    if item is None:
        return True
    language = action.get("language")
    same_language = [doc for doc in item.get("documents") or () if doc["language"] == language]
    decided = [doc for doc in same_language if doc["document_kind"] != "agenda"]
    entry = (decided or same_language or [{"action": action["id"]}])[0]
    return entry["action"] == action["id"]


SEARCH_TEXT_GLOBALS = {
    "is_item_entry": is_item_entry,
    "is_search_result": is_search_result,
    "analysed_block": analysed_block,
    "body_text": body_text,
    "search_keys": search_keys,
    "search_weights": search_weights,
}
