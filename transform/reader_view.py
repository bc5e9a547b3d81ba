"""The text a reader sees, folded for matching, with a map back to the original string.

Identity codes arrive in disguise: a non-breaking hyphen (U+2011) or a minus sign for the
century sign, a soft hyphen or a zero-width space inside, fullwidth digits, a Cyrillic
``А`` for the century sign ``A``, or markup between the parts
(``150585<span>-</span>205X``). A reader sees a plain code in all of them, so matching
runs on a *view*: NFKC, format characters, combining marks and non-ASCII spaces removed,
dash-like characters folded to ``-``, look-alike letters folded to ASCII, and (for HTML)
tags dropped and entities decoded. Matches are then mapped back to the original, so
everything outside them stays exactly as it was.

Building a view character by character would cost the archive's whole text on every
publish; the original is instead cut into runs that need no folding (kept whole, one
segment each) and the few characters that do.
"""

from __future__ import annotations

import bisect
import functools
import html
import re
import unicodedata
from dataclasses import dataclass

# Letters from other scripts drawn like the Latin ones a code can hold (century signs
# A-F, U-Y; check characters 0-9 and A-Y).
_CONFUSABLES = {
    **dict(zip("АВСЕНКМОРТХУЅІЈаВсеорхуѕіј", "ABCEHKMOPTXYSIJaBceopxysij", strict=True)),
    **dict(zip("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧοϹϲ", "ABEZHIKMNOPTYXoCc", strict=True)),
    "\u2795": "+",
    "\u02d6": "+",
    "\u2796": "-",
    "\u2212": "-",
    "\u02d7": "-",
}
# Block-level tags separate what they hold: "150585</p><p>-205X" is two lines to a reader.
_BLOCK_TAG = re.compile(
    r"<\s*/?\s*(?:p|br|div|li|ul|ol|tr|td|th|table|h[1-6]|blockquote|pre|hr|section|article)\b",
    re.IGNORECASE,
)
_TAG = re.compile(r"<!--.*?-->|<[A-Za-z/!?][^<>]*>", re.DOTALL)
_MARKUP = re.compile(
    r"<!--.*?-->|<[A-Za-z/!?][^<>]*>"
    r"|&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});",
    re.DOTALL,
)


def fold_character(character: str) -> str:
    """What one character counts as for matching ("" when the reader cannot see it)."""
    if character in _CONFUSABLES:
        return _CONFUSABLES[character]
    category = unicodedata.category(character)
    if category in ("Cf", "Mn", "Me") or (category == "Zs" and character != " "):
        return ""
    if category == "Pd":
        return "-"
    folded = unicodedata.normalize("NFKC", character)
    return "".join(
        _CONFUSABLES.get(c, "-" if unicodedata.category(c) == "Pd" else c)
        for c in folded
        if unicodedata.category(c) not in ("Cf", "Mn", "Me")
    )


def _characters_needing_folding() -> frozenset[str]:
    """Every non-ASCII character whose fold is not itself."""
    # Planes 0 and 1 hold every letter, digit and dash that folds; plane 14 tag characters.
    planes = [range(0x80, 0x20000), range(0xE0000, 0xE1000)]
    return frozenset(
        chr(code) for plane in planes for code in plane if fold_character(chr(code)) != chr(code)
    )


_NEEDS_FOLDING = _characters_needing_folding()
# Finnish and Swedish text is Latin-1 (ä, ö, å, é): tested as bytes, ten times faster.
_LATIN1_NEEDING_FOLDING = re.compile(
    b"["
    + b"".join(re.escape(bytes([ord(c)])) for c in sorted(_NEEDS_FOLDING) if ord(c) < 0x100)
    + b"]"
)


def needs_folding(text: str) -> bool:
    """Whether the view of ``text`` differs from it (most texts stop at isascii/latin-1)."""
    if text.isascii():
        return False
    try:
        encoded = text.encode("latin-1")
    except UnicodeEncodeError:
        return not _NEEDS_FOLDING.isdisjoint(text)
    return _LATIN1_NEEDING_FOLDING.search(encoded) is not None


@functools.lru_cache(maxsize=1024)
def _runs_of(characters: frozenset[str]) -> re.Pattern:
    # A class of only the characters present: a class of all of them is slow to match.
    return re.compile("[" + "".join(re.escape(c) for c in sorted(characters)) + "]+")


@dataclass(frozen=True)
class Segment:
    view_start: int
    view_text: str
    original_start: int
    original_end: int
    identity: bool  # view_text is the original slice itself, character for character
    markup: bool = False  # a tag: kept as it is when the text around it is redacted


class ReaderView:
    """The folded text (``text``) and where each of its characters came from."""

    def __init__(self, original: str, segments: list[Segment]):
        self.original = original
        self.segments = segments
        self.text = "".join(segment.view_text for segment in segments)
        self._starts = [segment.view_start for segment in segments]

    def replace(self, spans: list[tuple[int, int]], replacement) -> str:
        """The original with each view span ``(start, end)`` rewritten.

        ``replacement(view_text_of_span)`` gives the new view text, of the same length.
        Tags inside a span are kept (the markup stays well formed); characters the reader
        cannot see (a soft hyphen, a zero-width space) are dropped from it.
        """
        pieces, position = [], 0
        for start, end in spans:
            new_text = replacement(self.text[start:end])
            first, last = self._segment_index(start), self._segment_index(end - 1)
            span_start = self._original_position(self.segments[first], start)
            pieces.append(self.original[position:span_start])
            for index in range(first, last + 1):
                pieces.append(self._rewritten(self.segments[index], start, end, new_text))
            position = self._original_position(self.segments[last], end - 1, end=True)
        pieces.append(self.original[position:])
        return "".join(pieces)

    def _segment_index(self, view_index: int) -> int:
        return bisect.bisect_right(self._starts, view_index) - 1

    def _original_position(self, segment: Segment, view_index: int, end: bool = False) -> int:
        if segment.identity:
            return segment.original_start + view_index - segment.view_start + (1 if end else 0)
        return segment.original_end if end else segment.original_start

    def _rewritten(self, segment: Segment, start: int, end: int, new_text: str) -> str:
        if segment.markup:
            return self.original[segment.original_start : segment.original_end]
        segment_end = segment.view_start + len(segment.view_text)
        inside_from, inside_to = max(start, segment.view_start), min(end, segment_end)
        text = list(segment.view_text)
        text[inside_from - segment.view_start : inside_to - segment.view_start] = new_text[
            inside_from - start : inside_to - start
        ]
        if not segment.identity:
            return "".join(text)
        # A span may begin or end inside a kept run: only its inside is rewritten.
        return "".join(text[inside_from - segment.view_start : inside_to - segment.view_start])


class _Builder:
    def __init__(self):
        self.segments: list[Segment] = []
        self.length = 0

    def add(self, view_text, original_start, original_end, identity=False, markup=False):
        if not view_text and not markup:
            return  # invisible: only its absence counts
        self.segments.append(
            Segment(self.length, view_text, original_start, original_end, identity, markup)
        )
        self.length += len(view_text)

    def add_text(self, text: str, offset: int) -> None:
        position = 0
        present = _NEEDS_FOLDING.intersection(text) if needs_folding(text) else ()
        for match in _runs_of(frozenset(present)).finditer(text) if present else ():
            if match.start() > position:
                self.add(
                    text[position : match.start()],
                    offset + position,
                    offset + match.start(),
                    identity=True,
                )
            for index in range(match.start(), match.end()):
                self.add(fold_character(text[index]), offset + index, offset + index + 1)
            position = match.end()
        if position < len(text):
            self.add(text[position:], offset + position, offset + len(text), identity=True)


def plain_view(text: str) -> ReaderView:
    builder = _Builder()
    builder.add_text(text, 0)
    return ReaderView(text, builder.segments)


def html_view(markup: str) -> ReaderView:
    """What a browser shows of an HTML fragment: tags dropped (block tags as line breaks),
    entities decoded."""
    builder, position = _Builder(), 0
    for match in _MARKUP.finditer(markup):
        builder.add_text(markup[position : match.start()], position)
        token = match.group()
        if token.startswith("&"):
            _add_entity(builder, token, match.start())
        else:
            separator = "\n" if _BLOCK_TAG.match(token) else ""
            builder.add(separator, match.start(), match.end(), markup=True)
        position = match.end()
    builder.add_text(markup[position:], position)
    return ReaderView(markup, builder.segments)


def _add_entity(builder: _Builder, entity: str, start: int) -> None:
    decoded = html.unescape(entity)
    if decoded == entity:  # not an entity after all: plain text
        builder.add_text(entity, start)
        return
    folded = "".join(fold_character(c) for c in decoded)
    builder.add(folded, start, start + len(entity))


def may_be_markup(text: str) -> bool:
    return "<" in text or "&" in text


def split_markup(markup: str) -> tuple[str, str]:
    """(the text between the tags, joined; the tags, one per line), in C. The text joins
    more than the true view does (block tags too), so a code absent there is absent here."""
    return _TAG.sub("", markup), "\n".join(_TAG.findall(markup))
