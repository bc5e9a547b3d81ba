"""Detectors for personal data in decision texts: identity codes, phones, e-mails, names.

Pure text functions; transform/publishing.py decides when each one applies. The rules and
their reasons are in docs/publishing.md ("Publishing rules").

Henkilötunnus (personal identity code, personbeteckning): ``DDMMYYCZZZQ`` where C is the
century sign (``+`` 1800s; ``-`` and, since 2023, ``Y X W V U`` 1900s; ``A`` and, since 2023,
``B C D E F`` 2000s), ZZZ the individual number and Q the check character:
``"0123456789ABCDEFHJKLMNPRSTUVWXY"[int(DDMMYYZZZ) % 31]``.
"""

from __future__ import annotations

import html
import os
import re
from collections import Counter
from dataclasses import dataclass, field

from transform.reader_view import (
    ReaderView,
    html_view,
    may_be_markup,
    needs_folding,
    plain_view,
    split_markup,
)

PHONE_REPLACEMENT = {"fi": "[puhelinnumero poistettu]", "sv": "[telefonnummer borttaget]"}
EMAIL_REPLACEMENT = {"fi": "[sähköposti poistettu]", "sv": "[e-post borttagen]"}

_CHECK_CHARACTERS = "0123456789ABCDEFHJKLMNPRSTUVWXY"
_CENTURY_SIGNS = "+-AYXWVUBCDEF"
# Case-insensitive: a code typed in lower case is still somebody's identity code. No word
# boundaries: a code glued to other digits or letters ("tunnus150372-958K1") is still a code,
# and without boundaries removing one code can never expose another (see redact_hetus).
_HETU_SHAPE = r"(\d{6})([" + re.escape(_CENTURY_SIGNS) + r"])(\d{3})([0-9A-Z])"
_HETU = re.compile(_HETU_SHAPE, re.IGNORECASE)
# Lookahead: every 11-character window, overlapping ones included.
_HETU_WINDOWS = re.compile(f"(?=({_HETU_SHAPE}))", re.IGNORECASE)
# A code typed with ASCII spaces around its sign, or wrapped onto the next line where a PDF
# line ends ("150372 - 958K", "150372-\n958K"): one line break at most, as two are two
# paragraphs and "150372" alone is no code.
_GAP = r"[ \t]{0,3}(?:\n[ \t]{0,3})?"
_SPACED_HETU_WINDOWS = re.compile(
    rf"(?=((\d{{6}}){_GAP}([{re.escape(_CENTURY_SIGNS)}]){_GAP}(\d{{3}})([0-9A-Z])))",
    re.IGNORECASE,
)
# What masking keeps: DDMMYY, any gap and the century sign.
_KEPT_PART = re.compile(r"\d{6}\s*.")
# A shape with a wrong check character is usually some other number, but right after one of
# these words it is a mistyped identity code and must go as well.
_HETU_LABEL = re.compile(
    r"(hetu|henkilötun|sotu|personbeteckn|socialskyddssignum)\w*\W{0,12}$", re.IGNORECASE
)
_LABEL_WINDOW = 40
# Cheap tests before the costly patterns (whose leading lookarounds are tried at every
# position): an identity code has six digits and a century sign, a phone number five digits
# with single spaces or hyphens between them. Most texts have neither and stop there.
_FIVE_DIGITS = re.compile(r"\d(?:[ -]?\d){4}")
# Sign and individual number too: "152100 euroa" is six digits, a gap and an "e", no code.
_HETU_HINT = re.compile(rf"\d{{6}}{_GAP}[-+A-FU-Ya-fu-y]{_GAP}\d{{3}}")


def _may_hold_hetu(text: str) -> bool:
    return _FIVE_DIGITS.search(text) is not None and _HETU_HINT.search(text) is not None


def hetu_check_character(date_and_individual_number: str) -> str:
    """The check character for the nine digits DDMMYY + ZZZ."""
    return _CHECK_CHARACTERS[int(date_and_individual_number) % 31]


def _is_valid_hetu(birth_date: str, individual: str, check: str) -> bool:
    day, month = int(birth_date[:2]), int(birth_date[2:4])
    # Day and month must be plausible. No full calendar check: keeping a code with 30.2.
    # in it is worse than removing a non-code.
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return False
    return hetu_check_character(birth_date + individual) == check.upper()


def _is_labelled(text: str, start: int) -> bool:
    return _HETU_LABEL.search(text[max(0, start - _LABEL_WINDOW) : start]) is not None


def looks_like_hetu(text: str) -> bool:
    """True when the whole string (surrounding spaces aside) is a valid identity code, as
    a reader sees it (see transform/reader_view.py)."""
    match = _HETU.fullmatch(plain_view(text).text.strip())
    return match is not None and _is_valid_hetu(match[1], match[3], match[4])


def find_hetus(text: str) -> list[str]:
    """Valid identity codes a reader sees in the text (as plain text, and as HTML when it
    may be markup), folded to ASCII, in order, overlapping ones included."""
    found = _codes_in(plain_view(text).text)
    if may_be_markup(text) and _markup_may_hold_code(text):
        found += [code for code in _codes_in(html_view(text).text) if code not in found]
    return found


def _codes_in(view_text: str) -> list[str]:
    if not _may_hold_hetu(view_text):
        return []
    found: dict[int, str] = {}  # by start: a code written together is also a "spaced" one
    for match in _code_windows(view_text):
        if _is_valid_hetu(match[2], match[4], match[5]):
            found.setdefault(match.start(), "".join(match.group(2, 3, 4, 5)))
    return list(found.values())


def _code_windows(text: str) -> list[re.Match]:
    """Every code-shaped window, written together or spaced, in text order."""
    windows = [*_HETU_WINDOWS.finditer(text), *_SPACED_HETU_WINDOWS.finditer(text)]
    return sorted(windows, key=lambda match: (match.start(), len(match[1])))


def _hetu_spans(text: str) -> list[tuple[int, int]]:
    """Spans to remove: valid codes, and labelled code shapes, merged where they overlap."""
    spans: list[tuple[int, int]] = []
    if not _may_hold_hetu(text):
        return spans
    for match in _code_windows(text):
        start = match.start()
        if not (_is_valid_hetu(match[2], match[4], match[5]) or _is_labelled(text, start)):
            continue
        end = start + len(match[1])
        if spans and start < spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans


def masked_hetu(code: str) -> str:
    """``150585-205X`` -> ``150585-****``: the layout stays, the person's number goes.

    The kept date and century sign can never complete a code again: every code needs
    digits after its sign, and ``*`` is neither a digit nor a check character.
    """
    kept = _KEPT_PART.match(code)
    cut = kept.end() if kept else 7
    return code[:cut] + "".join("*" if c.isalnum() else c for c in code[cut:])


def redact_hetus_counted(text: str) -> tuple[str, int]:
    """redact_hetus, and how many codes it masked.

    Matching runs on what a reader sees (transform/reader_view.py): the plain text with
    disguises folded, then, when the text may be HTML, the page a browser would show.
    Every 11-character window is checked, so an invalid shape cannot hide an overlapping
    valid code; a masked code contains no valid one, so redacting again changes nothing.
    """
    if may_be_markup(text) and not _markup_may_hold_code(text):
        return text, 0  # most HTML sections: one cheap look instead of two passes
    redacted, found = _redact_in(plain_view(text))
    if may_be_markup(redacted) and _markup_may_hold_code(redacted):
        redacted, more = _redact_in(html_view(redacted))
        found += more
    return redacted, found


def _markup_may_hold_code(text: str) -> bool:
    """Cheap and never wrong by omission: a code either side of the flattening lies in
    the text between the tags (with or without its entities decoded) or in a tag."""
    if needs_folding(text):
        return True
    between, tags = split_markup(text)
    if _may_hold_hetu(between) or _may_hold_hetu(tags):
        return True
    if "&" not in between:
        return False
    decoded = html.unescape(between)
    return needs_folding(decoded) or _may_hold_hetu(decoded)


def _redact_in(view: ReaderView) -> tuple[str, int]:
    spans = _hetu_spans(view.text)
    if not spans:
        return view.original, 0
    return view.replace(spans, masked_hetu), len(spans)


def redact_hetus(text: str) -> str:
    return redact_hetus_counted(text)[0]


# Finnish numbers: a trunk 0 or +358, an area or operator code, then 5-9 more digits with
# optional single spaces or hyphens ("040 718 2290", "03 621 2133", "+358 50 442 1876").
# Not inside a longer number ("1 000 000 000 euroa"), not a business id ("0123456-7").
_PHONE = re.compile(
    r"(?<![\w+])(?<!\d[ -])(?!\d{7}-\d(?!\d))"
    r"(?:\+358[ -]?\(?0?\)?\d{1,3}|\(?0\d{1,3}\)?)(?:[ -]?\d){5,9}(?!\d)"
)
# Numbers without a trunk 0 count only right after a phone label ("puh. 621 2133").
_LABELLED_PHONE = re.compile(
    r"\b(?:puh|puhelin|p|gsm|tel|tfn|telefon|mob)\.?:? ?(\d(?:[ -]?\d){5,11})(?!\d)",
    re.IGNORECASE,
)
# "(at)" and "[at]" spellings are common in Finnish documents that hide addresses from bots.
_EMAIL = re.compile(
    r"(?<![\w.%+-])[\w.%+-]+ ?(?:@|\(at\)|\[at\]) ?((?:[\w-]+\.)+[A-Za-z]{2,})(?![\w-])"
)
# Two capitalised words: "Aapo Kettunen", "Kettunen Aapo", "Sari Mäkelä-Koivu".
_NAME_WORD = r"[A-ZÅÄÖÜÉ][a-zåäöüé]+(?:-[A-ZÅÄÖÜÉ][a-zåäöüé]+)?"
PERSON_NAME = re.compile(rf"\b{_NAME_WORD}\s+{_NAME_WORD}\b")
_COMPANY_SUFFIX = re.compile(r"^\s*(?:Oy|Oyj|Ab|Abp|Ky|Kb|Tmi|ry|rf|Ay)\b")
# Sentences that list officials to contact ("Lisätietoja antaa …", "Upplysningar ger …");
# every number and address in them is official.
_CONTACT_SENTENCE_LABEL = re.compile(
    r"^\s*(lisätiedo|lisätietoja|lisätietojen antaja|valmistelij|esittelij|yhteyshenkilö"
    r"|tiedustelu|upplysning|beredare|beredning|föredragande|kontaktperson|förfrågning)",
    re.IGNORECASE,
)
# Shared official numbers: the word comes just before the number.
_SWITCHBOARD = re.compile(
    r"(vaihde|vaihteen|kirjaamo|asiakaspalvelu|neuvonta|päivystys|växel|registratur"
    r"|registratorskontor|kundtjänst|rådgivning)\w*\W{0,20}$",
    re.IGNORECASE,
)
_SEPARATORS = re.compile(r"[ ,;/]*")
_SENTENCE_END = re.compile(r"\n|[.!?]\s+(?=[A-ZÅÄÖ])")


def find_phones(text: str) -> list[tuple[int, int]]:
    """Spans of phone numbers, in order, not overlapping."""
    if not _FIVE_DIGITS.search(text):
        return []
    spans = [m.span() for m in _PHONE.finditer(text)]
    spans += [m.span(1) for m in _LABELLED_PHONE.finditer(text)]
    return _without_overlaps(spans)


def find_emails(text: str) -> list[tuple[int, int]]:
    """Spans of e-mail addresses, including "name(at)domain.fi" spellings."""
    # The pattern needs one of these; testing for them first is 50x cheaper on long texts.
    if "@" not in text and "(at)" not in text and "[at]" not in text:
        return []
    return [m.span() for m in _EMAIL.finditer(text)]


def find_person_names(text: str) -> list[tuple[int, int]]:
    """Spans of "Firstname Lastname"-shaped pairs that are not company names ("… Oy")."""
    return [
        m.span() for m in PERSON_NAME.finditer(text) if not _COMPANY_SUFFIX.match(text[m.end() :])
    ]


def _without_overlaps(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    kept: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if kept and start < kept[-1][1]:
            continue
        kept.append((start, end))
    return kept


def ascii_fold(text: str) -> str:
    """ "Mäkelä-Koivu" -> "makela-koivu", as official address local parts are written."""
    return text.lower().translate(str.maketrans("äöåüé", "aoaue"))


@dataclass(frozen=True)
class OfficialContacts:
    """What marks a contact detail as an official's, for one action.

    domains: e-mail domains of the municipality and other public bodies (subdomains count).
    names: officials' names (presenter, preparers, decision maker), each a tuple of its
    words in lower case folded to ASCII (see ascii_fold): ``("heidi", "salonen")``.
    """

    domains: frozenset[str] = frozenset()
    names: frozenset[tuple[str, ...]] = field(default_factory=frozenset)

    @classmethod
    def from_people(cls, domains, people) -> OfficialContacts:
        """From e-mail domains and strings naming officials ("kaupunginlakimies Heidi Salonen")."""
        names = {
            tuple(ascii_fold(word) for word in person[start:end].split())
            for person in people
            for start, end in find_person_names(person)
        }
        return cls(domains=frozenset(domains), names=frozenset(names))

    def is_official_address(self, address: str) -> bool:
        domain = re.split(r" ?(?:@|\(at\)|\[at\]) ?", address.lower(), maxsplit=1)[-1]
        return any(domain == d or domain.endswith("." + d) for d in self.domains)

    def is_official_name(self, name: str) -> bool:
        """Every word must be one official's, in either order and allowing for Finnish
        inflection ("Heidi Salosen", "Salonen Heidi"); one shared word is a namesake."""
        words = [ascii_fold(word) for word in name.split()]
        return len(words) >= 2 and any(
            all(any(_same_name_word(word, known) for known in official) for word in words)
            for official in self.names
        )


def _same_name_word(word: str, known: str) -> bool:
    # Case endings change at most the last three letters: Salonen/Salosen, Lehtola/Lehtolan.
    if word == known:
        return True
    shared = len(os.path.commonprefix([word, known]))
    return min(len(word), len(known)) >= 4 and shared >= max(4, min(len(word), len(known)) - 3)


def redact_private_contacts(
    text: str, officials: OfficialContacts, language: str = "fi"
) -> tuple[str, Counter]:
    """Remove phone numbers and e-mail addresses that are not officials' (see module doc)."""
    counts: Counter = Counter()
    emails, phones = find_emails(text), find_phones(text)
    if not emails and not phones:
        return text, counts
    removals: list[tuple[int, int, str]] = []
    for start, end in emails:
        if not _is_official_email_at(text, start, end, officials):
            removals.append((start, end, "email"))
    for start, end in phones:
        if not _is_official_phone_at(text, start, end, officials):
            removals.append((start, end, "phone"))
    replacements = {"email": EMAIL_REPLACEMENT, "phone": PHONE_REPLACEMENT}
    pieces, position = [], 0
    for start, end, kind in _without_overlapping_removals(removals):
        pieces += [text[position:start], _in_language(replacements[kind], language)]
        position = end
        counts[kind] += 1
    pieces.append(text[position:])
    return "".join(pieces), counts


def _without_overlapping_removals(removals: list[tuple[int, int, str]]):
    kept: list[tuple[int, int, str]] = []
    for removal in sorted(removals):
        if kept and removal[0] < kept[-1][1]:
            continue
        kept.append(removal)
    return kept


def _in_language(texts: dict, language: str) -> str:
    return texts.get(language, texts["fi"])


def _sentence_before(text: str, start: int) -> str:
    boundaries = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    return text[boundaries[-1] if boundaries else 0 : start]


def _is_official_email_at(text: str, start: int, end: int, officials: OfficialContacts) -> bool:
    if officials.is_official_address(text[start:end]):
        return True
    return _is_officials_context(_sentence_before(text, start), officials)


def _is_official_phone_at(text: str, start: int, end: int, officials: OfficialContacts) -> bool:
    before = _sentence_before(text, start)
    if _SWITCHBOARD.search(before):
        return True
    if _is_officials_context(before, officials):
        return True
    # "puh. 03 621 2133, heidi.salonen@hameenlinna.fi" with nobody named: the official's.
    return not find_person_names(before) and _next_email_is_official(text, end, officials)


def _is_officials_context(sentence_before: str, officials: OfficialContacts) -> bool:
    """A contact sentence ("Lisätietoja antaa …"), or the last person named before the
    number or address in its sentence is an official."""
    if _CONTACT_SENTENCE_LABEL.match(sentence_before):
        return True
    names = find_person_names(sentence_before)
    if not names:
        return False
    last_start, last_end = names[-1]
    return officials.is_official_name(sentence_before[last_start:last_end])


def _next_email_is_official(text: str, end: int, officials: OfficialContacts) -> bool:
    """ "puh. 03 621 2133, heidi.salonen@hameenlinna.fi": a number paired with an official
    address and no name of its own is that official's."""
    following = _EMAIL.match(text, _SEPARATORS.match(text, end).end())
    return following is not None and officials.is_official_address(following.group(0))
