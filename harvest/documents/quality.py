"""How far a PDF page's text layer can be trusted, and the repairs that are safe.

Damaged text layers are common in whole-meeting PDFs: ligature glyphs (ti, ft, fi, fl) drop
out ("ungdomsfullmäktge", "underskrifer"), some fonts map letters wrongly ("protokojjet"),
zero-width spaces follow commas and hyphens, and a scanned page has no text at all. We
measure each page by the share of its lower-case words the Finnish (Voikko) or Swedish
(Hunspell) vocabulary knows, in whichever language reads better. Zero-width characters
are always removed. An unknown word is repaired only when putting back one dropped
ligature letter (or pair) makes exactly one known word. A page still below the threshold,
or without text, is unreliable: the site says its text may contain errors
(harvest/documents/ocr.py reads such pages again when Tesseract is installed).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from harvest import pdftext
from harvest.pdftext import VisualLine
from transform.analysis import FINNISH, FINNISH_ANALYSER, SWEDISH, SWEDISH_ANALYSER

ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_WORD = re.compile(r"\b[a-zåäöé]{3,}\b")  # lower case: names and acronyms are not measured
# Repairs also look at capitalised words ("Ungdomsfullmäktge", "Underskrifer").
# Not inside e-mail addresses or URLs ("kirsi.vesala@lapua.fi"), and not a compound's first
# part before its hyphen ("esi- ja perusopetus": "esi" alone is no word to repair).
_REPAIRABLE = re.compile(r"(?<![\w.@/-])[A-ZÅÄÖa-zåäöé][a-zåäöé]{2,}(?![\w@/-]|\.\w)")
# Ligature glyphs whose letters drop out of a damaged text layer: one letter of the pair
# ("fullmäktge", "underskrifer") or the whole pair (only put back in longer words).
_LIGATURES = ("fi", "fl", "ff", "ft", "ti", "tt")
_SINGLE_LETTERS = ("i", "l", "f", "t")
_MIN_PAIR_WORD = 8
RELIABLE_SHARE = 0.85  # known words on a good page (the real samples: 0.93-0.99)
_MIN_WORDS = 8  # fewer words say too little to judge a page


@dataclass(frozen=True)
class PageQuality:
    page: int
    words: int
    known_share: float
    language: str | None
    repaired: int = 0
    has_text: bool = True
    ocr: bool = False

    @property
    def reliable(self) -> bool:
        if not self.has_text or self.ocr:
            return False  # a scan, even read by OCR, may contain errors
        return self.words < _MIN_WORDS or self.known_share >= RELIABLE_SHARE


def repair_lines(lines: list[VisualLine], body: bytes = b"") -> tuple[list, list[PageQuality]]:
    """Lines with zero-width characters removed and ligature drop-outs put back, and the
    quality of every page (pages without any text included, from the PDF's page count)."""
    lines = [_without_zero_width(line) for line in lines]
    by_page: dict[int, list[VisualLine]] = {}
    for line in lines:
        by_page.setdefault(line.page, []).append(line)
    repaired, quality = [], []
    for page in range(1, max([_page_count(body), *by_page, 0]) + 1):
        page_lines, page_quality = repair_page(page, by_page.get(page, []))
        repaired.extend(page_lines)
        quality.append(page_quality)
    return repaired, quality


def repair_page(page: int, lines: list[VisualLine]) -> tuple[list, PageQuality]:
    if not lines:
        return [], PageQuality(page, 0, 0.0, None, has_text=False)
    language = _page_language(" ".join(line.text for line in lines))
    if language is None:
        return lines, measure(page, lines, None)
    fixes = 0
    out = []
    for line in lines:
        fragments = []
        for fragment in line.fragments:
            text, count = repair_text(fragment.text, language)
            fixes += count
            fragments.append(replace(fragment, text=text))
        out.append(replace(line, fragments=tuple(fragments)))
    return out, replace(measure(page, out, language), repaired=fixes)


def measure(page: int, lines: list[VisualLine], language: str | None) -> PageQuality:
    words = _WORD.findall(" ".join(line.text for line in lines))
    if language is None or not words:
        return PageQuality(page, len(words), 1.0 if not words else 0.0, language)
    known = sum(1 for word in words if known_word(word, language))
    return PageQuality(page, len(words), round(known / len(words), 3), language)


def repair_text(text: str, language: str) -> tuple[str, int]:
    count = 0

    def fix(match: re.Match) -> str:
        nonlocal count
        word = match.group()
        lower = word.lower()
        if word[0].isupper() and not _starts_sentence(text, match.start()):
            return word  # a capitalised word inside a sentence is a name: never "repaired"
        if known_word(lower, language):
            return word
        # A capitalised word may be a name the vocabulary lacks ("Esimerkkilän"): only the
        # smallest repair, one lost letter, is tried there, never a whole lost pair.
        repaired = ligature_repair(lower, language, pairs=not word[0].isupper())
        if repaired is None:
            return word
        count += 1
        return repaired[0].upper() + repaired[1:] if word[0].isupper() else repaired

    return _REPAIRABLE.sub(fix, text), count


@functools.lru_cache(maxsize=50_000)
def ligature_repair(word: str, language: str, pairs: bool = True) -> str | None:
    """The one known word that putting back dropped ligature letters makes, else None.
    ``pairs``: also try putting back a whole lost pair (in long words)."""
    found = set()
    for cut in range(1, len(word)):
        for candidate in _candidates(word, cut, pairs):
            if known_word(candidate, language):
                found.add(candidate)
                if len(found) > 1:
                    return None  # ambiguous: leave the word as written
    return found.pop() if found else None


def _candidates(word: str, cut: int, pairs: bool = True):
    """Words with a ligature's lost letter put back at ``cut``: the letter must make a
    ligature with its neighbour ("t" after "f", "i" after "t"), or the whole pair."""
    before, after = word[cut - 1], word[cut]
    for letter in _SINGLE_LETTERS:
        if before + letter in _LIGATURES or letter + after in _LIGATURES:
            yield word[:cut] + letter + word[cut:]
    if pairs and len(word) >= _MIN_PAIR_WORD:
        for pair in _LIGATURES:
            yield word[:cut] + pair + word[cut:]


@functools.lru_cache(maxsize=200_000)
def known_word(word: str, language: str) -> bool:
    if language == FINNISH and FINNISH_ANALYSER.available():
        return bool(FINNISH_ANALYSER._load().spell(word))
    if language == SWEDISH and SWEDISH_ANALYSER.available():
        return bool(SWEDISH_ANALYSER._load().lookup(word))
    return True  # no vocabulary: nothing can be measured, nothing is flagged


def _starts_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip()
    return not before or before.endswith((".", ":", "!", "?"))


def _page_language(text: str) -> str | None:
    """The language whose vocabulary knows more of the page's first words."""
    words = _WORD.findall(text)[:60]
    if not words:
        return None
    scores = {
        language: sum(known_word(word, language) for word in words)
        for language in (FINNISH, SWEDISH)
    }
    return max(scores, key=scores.get)


def _without_zero_width(line: VisualLine) -> VisualLine:
    if not any(ZERO_WIDTH.search(fragment.text) for fragment in line.fragments):
        return line
    fragments = tuple(
        replace(fragment, text=ZERO_WIDTH.sub("", fragment.text)) for fragment in line.fragments
    )
    return replace(line, fragments=fragments)


def _page_count(body: bytes) -> int:
    if not body.startswith(b"%PDF") and b"%PDF-" not in body[:1024]:
        return 0
    return pdftext.page_count(body) or 0


def quality_summary(quality: list[PageQuality]) -> dict | None:
    """For the action record: None when every page reads well."""
    bad = [page for page in quality if not page.reliable]
    if not bad:
        return None
    return {
        "reliable": False,
        "pages": [page.page for page in bad],
        "known_share": min(page.known_share for page in bad),
        "ocr": any(page.ocr for page in bad),
    }
