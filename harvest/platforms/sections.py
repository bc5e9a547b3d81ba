"""What Finnish and Swedish decision texts share, whatever platform serves them.

Platforms differ in markup (KTweb: item PDFs with a label column; Dynasty: Word-exported HTML
with bold headings) but not in vocabulary: the same section labels (Päätösehdotus /
Beslutsförslag, ...), register numbers, handling-history lines, preparers with their phone
numbers, attachment lists, the § ranges of appeal instructions, organ names and meeting
headers. A platform parser cuts its document into labelled ``Section``s; the helpers here
turn them into schema fields.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import NamedTuple
from zoneinfo import ZoneInfo

from transform.schema import Classification, ContentType, DocumentKind

HELSINKI = ZoneInfo("Europe/Helsinki")


def with_values(record: dict, **values) -> dict:
    """The record plus the values that are known (None means the page does not say)."""
    record.update({key: value for key, value in values.items() if value is not None})
    return record


# --- Meetings: headers, dates, organs ----------------------------------------------------

KIND_WORDS = {
    DocumentKind.MINUTES: re.compile(r"\b(pöytäkirja|protokoll)\b", re.I),
    DocumentKind.AGENDA: re.compile(r"\b(esityslista|föredragningslista)\b", re.I),
}
# "20.3.2017 17:00"; Swedish and Finnish pages sometimes write "klo"/"kl." before the time.
DATE_TIME = re.compile(
    r"(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s+(?:klo\s+|kl\.?\s*)?(\d{1,2})[:.](\d{2}))?", re.I
)
# First match wins: "Undervisningsnämndens svenskspråkiga sektion" is a subcommittee.
_CLASSIFICATION_WORDS = (
    # Youth councils advise; they are not the municipal council.
    (("nuorisovaltuusto", "ungdomsfullmäktige"), Classification.OTHER),
    (("jaosto", "sektion"), Classification.SUBCOMMITTEE),
    (("valtuusto", "fullmäktige"), Classification.COUNCIL),
    (("hallitus", "styrelse"), Classification.BOARD),
    (
        ("lautakunta", "nämnd", "toimikunta", "kommitté", "johtokunta", "direktion"),
        Classification.COMMITTEE,
    ),
)


def parse_start(text: str) -> str | None:
    """ "20.3.2017 17:00" -> "2017-03-20T17:00:00+02:00"; a date alone stays a date."""
    match = DATE_TIME.search(text)
    if not match:
        return None
    day, month, year, hour, minute = match.groups()
    try:
        if hour is None:
            return date(int(year), int(month), int(day)).isoformat()
        moment = datetime(int(year), int(month), int(day), int(hour), int(minute), tzinfo=HELSINKI)
    except ValueError:
        return None  # e.g. 31.2.2017
    return moment.isoformat()


def document_kind_in(text: str) -> DocumentKind | None:
    for kind, words in KIND_WORDS.items():
        if words.search(text):
            return kind
    return None


def classify_organ(name: str) -> Classification:
    lowered = name.lower()
    for words, classification in _CLASSIFICATION_WORDS:
        if any(word in lowered for word in words):
            return classification
    return Classification.OTHER


# --- Section labels ----------------------------------------------------------------------

# Labels of sections and of a few fields, lower case. What a section holds is a
# ContentType, or the name of the action field its lines fill.
PREPARERS, PRESENTER, ATTACHMENTS = "preparers", "presenter", "attachments"
DECISION_MAKER = "decision_maker"  # who made an officeholder decision
REGISTER = "register_id"  # "Dnro": the diary number stands beside it
# One fi/sv vocabulary for every platform and template; variants real towns use.
LABEL_TABLE = (
    (ContentType.SUMMARY, "fi", ("tiivistelmä", "asian tiivistelmä")),
    (ContentType.SUMMARY, "sv", ("sammandrag",)),
    (
        ContentType.PRESENTATION,
        "fi",
        ("esittelyteksti", "selostus", "perustelut", "asian selostus", "asian valmistelu"),
    ),
    (
        ContentType.PRESENTATION,
        "sv",
        ("beskrivning", "föredragning", "motivering", "beredning", "ärendebeskrivning"),
    ),
    (
        ContentType.PROPOSAL,
        "fi",
        ("päätösehdotus", "päätösesitys", "esitys", "ehdotus", "esittelijän ehdotus"),
    ),
    (ContentType.PROPOSAL, "sv", ("beslutsförslag", "förslag", "framställning")),
    (ContentType.PROCEEDINGS, "fi", ("käsittely",)),
    (ContentType.PROCEEDINGS, "sv", ("behandling",)),
    (ContentType.DECISION, "fi", ("päätös",)),
    (ContentType.DECISION, "sv", ("beslut",)),
    (
        ContentType.APPEAL,
        "fi",
        (
            "muutoksenhaku", "muutoksenhakuohje", "muutoksenhakuohjeet",
            "oikaisuvaatimusohje", "muutoksenhakukielto",
        ),
    ),
    (
        ContentType.APPEAL,
        "sv",
        (
            "besvärsanvisning", "besvärsanvisningar", "sökande av ändring",
            "omprövningsanvisning", "ändringssökande", "anvisning för ändringssökande",
        ),
    ),
    (
        ContentType.OTHER,
        "fi",
        (
            "täytäntöönpano", "täytäntöönpanotiedot", "tiedoksi", "tiedoksianto", "ote",
            "otteet", "jakelu", "oheismateriaali", "päätöshistoria", "aiempi käsittely",
            "aikaisempi käsittely", "käsittelyhistoria",
        ),
    ),
    (
        ContentType.OTHER,
        "sv",
        (
            "verkställighet", "för kännedom", "delgivning", "delgivningsmaterial", "utdrag",
            "sändlista", "beslutshistorik", "tidigare behandling", "behandlingshistorik",
        ),
    ),
    # A minutes or agenda cover page (kansilehti / pärm), served as an unnumbered item.
    (
        ContentType.OTHER,
        "fi",
        (
            "aika", "paikka", "kokousaika", "kokouspaikka", "saapuvilla", "läsnä", "poissa",
            "käsitellyt asiat", "allekirjoitukset", "pöytäkirjan tarkastus", "nähtävänäolo",
        ),
    ),
    (
        ContentType.OTHER,
        "sv",
        (
            "tid", "plats", "sammanträdestid", "sammanträdesplats", "närvarande", "frånvarande",
            "behandlade ärenden", "underskrifter", "protokolljustering", "framläggande",
        ),
    ),
    (
        PREPARERS,
        "fi",
        (
            "valmistelija", "valmistelijat", "lisätiedot", "lisätietojen antaja",
            "lisätietojen antajat", "lisätietoja antaa", "lisätietoja antavat",
        ),
    ),
    (
        PREPARERS,
        "sv",
        (
            "beredare", "mer information", "ytterligare information", "tilläggsuppgifter",
            "tilläggsuppgifter ges av", "upplysningar",
        ),
    ),
    (PRESENTER, "fi", ("esittelijä",)),
    (PRESENTER, "sv", ("föredragande",)),
    (ATTACHMENTS, "fi", ("liitteet", "liite")),
    (ATTACHMENTS, "sv", ("bilagor", "bilaga")),
    (DECISION_MAKER, "fi", ("päättäjä", "päätöksentekijä")),
    (DECISION_MAKER, "sv", ("beslutsfattare",)),
    (REGISTER, "fi", ("dno", "dnro", "diaarinumero", "asianumero")),
    (REGISTER, "sv", ("dnr", "diarienummer", "ärendenummer")),
)  # fmt: skip
_LABELS = {label: (kind, language) for kind, language, labels in LABEL_TABLE for label in labels}
# "Kaupunginjohtajan esitys", "Esittelijän päätösehdotus", "Stadsdirektörens förslag".
# Whole-meeting minutes name who proposes and which organ decides: "Stadsdirektör Per
# Nyströms förslag", "Stadsstyrelsens beslut", "Kaupunginhallituksen päätös".
_LABEL_PATTERNS = (
    (re.compile(r"\w+n (esitys|päätösehdotus|päätösesitys|ehdotus)"), (ContentType.PROPOSAL, "fi")),
    (re.compile(r"(?:\w+ ){0,3}\w+s (förslag|beslutsförslag)"), (ContentType.PROPOSAL, "sv")),
    (re.compile(r"\w+s beslut"), (ContentType.DECISION, "sv")),
    (re.compile(r"\w+n päätös"), (ContentType.DECISION, "fi")),
)
# The heading under which earlier handlings of the matter are repeated.
HISTORY_LABELS = frozenset(
    {
        "päätöshistoria", "beslutshistorik", "aiempi käsittely", "aikaisempi käsittely",
        "käsittelyhistoria", "tidigare behandling", "behandlingshistorik",
    }
)  # fmt: skip
MAX_LABEL_CHARS = 60
COLON_LABEL = re.compile(r"([^:]{2,60}):\s*(\S.*)")
# A label wrapped at a hyphen in a narrow column: "Täytäntöönpano- tiedot".
_WRAPPED_AT_HYPHEN = re.compile(r"(\w) ?- +(?=[a-zåäö])")


def label_kind(candidate: str) -> tuple[ContentType | str, str] | None:
    """(what the section holds, language) when the text is a known label; "A / B" counts
    when both parts name the same thing ("Valmistelijat / Lisätietojen antaja")."""
    if len(candidate) > MAX_LABEL_CHARS:
        return None
    key = label_key(candidate)
    found = [_single_label_kind(part.strip()) for part in key.split("/") if part.strip()]
    if found and None not in found and len({kind for kind, _ in found}) == 1:
        return found[0]
    return None


def label_key(candidate: str) -> str:
    """Lower case, whitespace and hyphen wraps undone, trailing colon and slashes off."""
    key = " ".join(candidate.lower().split()).strip(" :/")
    return _WRAPPED_AT_HYPHEN.sub(r"\1", key)


def _single_label_kind(label: str) -> tuple[ContentType | str, str] | None:
    if label in _LABELS:
        return _LABELS[label]
    for pattern, found in _LABEL_PATTERNS:
        if pattern.fullmatch(label):
            return found
    return None


def label_as_written(text: str) -> str:
    return _WRAPPED_AT_HYPHEN.sub(r"\1", " ".join(text.split())).rstrip(" :/")


def is_history_label(label: str | None) -> bool:
    return bool(label) and label_key(label) in HISTORY_LABELS


# --- Sections to schema fields -----------------------------------------------------------


@dataclass
class Section:
    """A labelled block of a document: what it holds, its label as written, its lines, and
    where it starts (page, distance from the top)."""

    kind: ContentType | str
    language: str | None
    label: str | None
    lines: list[tuple[str, bool]] = field(default_factory=list)  # (text, starts a paragraph)
    known: bool = True  # False: a label not in the vocabulary (kind is OTHER)
    page: int | None = None
    top: float | None = None

    @property
    def text(self) -> str:
        return section_text(self.lines)


def section_text(lines: list[tuple[str, bool]]) -> str:
    """Lines joined into paragraphs, paragraphs separated by a blank line."""
    paragraphs: list[list[str]] = []
    for text, starts_paragraph in lines:
        if starts_paragraph or not paragraphs:
            paragraphs.append([])
        paragraphs[-1].append(text)
    return "\n\n".join(" ".join(paragraph) for paragraph in paragraphs if paragraph).strip()


def contents_of(sections: list[Section]) -> list[dict]:
    """Schema contents: the sections that hold text of the decision, in document order."""
    contents = []
    for section in sections:
        text = section_text(section.lines)
        if isinstance(section.kind, ContentType) and text:
            contents.append({"type": section.kind, "label": section.label, "text": text})
    return contents


_CONTACT_DETAILS = re.compile(
    r"(?:^|,\s*|\s+)(?:(?:puh|puhelin|tel|tfn|gsm|telefon|p)\.?:?\s*\+?\d|\+?\d[\d ()-]{5,}"
    r"|[\w.+-]+@[\w-]+\.\w|(?:s-posti|sähköposti|e-post|e-mail)\b).*$",
    re.I,
)


def people_in(sections: list[Section], kind: str) -> list[str]:
    """Names with titles from preparer/presenter sections, contact details cut off. A line
    broken inside a phone number ("puh. 044 703" / "1236 ja ...") is joined first; what
    does not look like a person (a distribution note, a heading) is left out."""
    names: list[str] = []
    for section in (section for section in sections if section.kind == kind):
        for entry in _person_entries([text for text, _ in section.lines]):
            name = person_name(entry)
            if _looks_like_person(name) and name not in names:
                names.append(name)
    return names


_CONTINUED_LINE_END = re.compile(
    r"(?:[,/-]|\b(?:puh|puhelin|p|tel|tfn|gsm|telefon)\.?:?|\b(?:ja|och))$", re.I
)
_PEOPLE_JOINER = re.compile(r"\s*;\s*|\s+(?:ja|och)\s+")
_CONTACT_IN = re.compile(r"\d{3}|@")


def _person_entries(lines: list[str]) -> list[str]:
    joined: list[str] = []
    for text in (" ".join(line.split()) for line in lines):
        continues = joined and (
            _CONTINUED_LINE_END.search(joined[-1])
            or (joined[-1][-1:].isdigit() and text[:1].isdigit())
        )
        if continues:
            joined[-1] = f"{joined[-1]} {text}"
        elif text:
            joined.append(text)
    return [entry for line in joined for entry in _split_people(line)]


def _split_people(line: str) -> list[str]:
    """ "A, puh. 1; B" and "A, puh. 044 703 1236 ja konsernicontroller B" are two people;
    "hallinto- ja talousjohtaja C" is one (no contact details before the "ja")."""
    entries: list[str] = []
    position = 0
    for joiner in _PEOPLE_JOINER.finditer(line):
        left = line[position : joiner.start()]
        if ";" in joiner.group() or _CONTACT_IN.search(left):
            entries.append(left)
            position = joiner.end()
    entries.append(line[position:])
    return [entry for entry in entries if entry.strip()]


def _looks_like_person(name: str) -> bool:
    """A title and a name: a few words, at least two of them capitalised, no sentence."""
    words = name.split()
    capitalised = [word for word in words if word[:1].isupper()]
    return 2 <= len(words) <= 10 and len(capitalised) >= 2 and ":" not in name


def person_name(text: str) -> str:
    """ "Riitta-Liisa Kammonen, puh. 050 597 0956" -> "Riitta-Liisa Kammonen"."""
    return _CONTACT_DETAILS.sub("", text).strip(" ,.")


def language_of(sections: list[Section]) -> str | None:
    """fi or sv by the labels the document uses; None when it uses none."""
    counts = Counter(section.language for section in sections if section.language)
    if not counts:
        return None
    return "sv" if counts["sv"] > counts["fi"] else "fi"


def fold_history(sections: list[Section], only_repeats: bool = False) -> list[Section]:
    """Earlier handlings repeated under "Päätöshistoria" stay text of that one section, so
    their old proposal and decision are never taken for the current ones. Labels that are
    not decision text (Tiedoksi, Liitteet, ...) end the history. ``only_repeats``: a kind
    not seen before the history is the current one (templates that put the history first)."""
    folded: list[Section] = []
    history: Section | None = None
    seen_before: set = set()
    for section in sections:
        repeat = not only_repeats or section.kind in seen_before
        if is_history_label(section.label):
            history = section
            folded.append(section)
        elif history is not None and section.kind in _HISTORY_TEXT_KINDS and repeat:
            heading = [(section.label, True)] if section.label else []
            history.lines.extend(heading + section.lines)
        else:
            history = None
            folded.append(section)
            seen_before.add(section.kind)
    return folded


_HISTORY_TEXT_KINDS = (
    ContentType.SUMMARY, ContentType.PRESENTATION, ContentType.PROPOSAL,
    ContentType.PROCEEDINGS, ContentType.DECISION, PRESENTER,
)  # fmt: skip


# --- Register numbers and handling history -----------------------------------------------

# "VD/1545/00.04.00/2017", "2771/10.03.01/2026": running number / task classification / year.
REGISTER_ID = re.compile(
    r"(?<![\w/])(?:([A-ZÅÄÖ]{1,10})\s*/\s*)?(\d{1,6})\s*/\s*(\d{2}(?:\.\d{2}){1,3})\s*/\s*(\d{4})(?![\w/])"
)
_REGISTER_LABEL = re.compile(r"^(dnro|dnr|diaarinumero|diarienummer|asianumero)\b\.?:?", re.I)
# The task classification (tehtäväluokka) on its own, as Dynasty's Word exports print it.
FUNCTION_CODE = re.compile(r"\d{2}(?:\.\d{2}){1,3}")


def register_id_in(texts) -> str | None:
    """First diary number among the texts, whitespace normalised: "VD/1545/00.04.00/2017"."""
    for text in texts:
        match = REGISTER_ID.search(text)
        if match:
            prefix, number, code, year = match.groups()
            return "/".join(part for part in (prefix, number, code, year) if part)
    return None


def is_register_line(text: str) -> bool:
    """A line that holds a diary number and nothing else (but its "Dnro" label)."""
    rest = _REGISTER_LABEL.sub("", REGISTER_ID.sub("", text, count=1)).strip(" :")
    return rest == "" and REGISTER_ID.search(text) is not None


def strip_register_label(text: str) -> str:
    return _REGISTER_LABEL.sub("", text).strip(" :")


def function_code_of(register_id: str | None) -> str | None:
    """The task classification inside a diary number: "VD/1545/00.04.00/2017" -> "00.04.00"."""
    if not register_id:
        return None
    codes = [part for part in register_id.split("/") if FUNCTION_CODE.fullmatch(part)]
    return codes[0] if codes else None


_HISTORY_ORGAN = r"(?P<org>[A-ZÅÄÖ][\w .,-]{1,80}?)"
_HISTORY_DATE = r"(?P<date>\d{1,2}\.\d{1,2}\.\d{4})"
_HISTORY = (
    re.compile(rf"{_HISTORY_ORGAN}\s+{_HISTORY_DATE}\s+§\s*(?P<art>\d{{1,4}})"),
    re.compile(rf"{_HISTORY_ORGAN}\s+(?P<art>\d{{1,4}})\s*§\s+{_HISTORY_DATE}"),
)


_HISTORY_LABEL_PREFIX = re.compile(
    r"^(?:" + "|".join(sorted(HISTORY_LABELS, key=len, reverse=True)) + r")\s*:?\s+", re.I
)


def _without_history_label(organ: str) -> str:
    """ "Päätöshistoria Kaupunginhallitus" (label beside the first entry) -> the organ."""
    return _HISTORY_LABEL_PREFIX.sub("", organ).strip()


def history_entry(text: str) -> dict | None:
    """ "Kaupunginhallitus 20.3.2017 § 10" (or "... 10 § 20.3.2017") -> history entry."""
    for pattern in _HISTORY:
        match = pattern.fullmatch(text)
        if match:
            day, month, year = match.group("date").split(".")
            try:
                when = date(int(year), int(month), int(day)).isoformat()
            except ValueError:
                return None
            return {
                "organization": _without_history_label(match.group("org")),
                "date": when,
                "article_number": match.group("art"),
            }
    return None


# --- § ranges of appeal instructions (muutoksenhakuohjeet / besvärsanvisningar) ---------


class CoverageEntry(NamedTuple):
    first: str
    last: str
    part: str | None  # "3" or "1-2": only these points (kohdat) of the §


_COVERAGE_TOKENS = re.compile(r"\d+|[-–]|kohdat|kohta|punkterna|punkt|[kp]|[,;]|\bja\b|\boch\b")
_PART_WORDS = {"kohdat", "kohta", "punkterna", "punkt", "k", "p"}


def appeal_coverage(text: str, known: list[str]) -> list[CoverageEntry] | None:
    """The § an appeal-instruction row covers: "132, 135, 137 kohdat 1-2, 141-142" ->
    entries (first, last, part). Exports that lost the separators ("125-131133134") are read
    with the meeting's own § numbers (``known``). None when the text cannot be read."""
    if _COVERAGE_TOKENS.sub("", text.lower()).strip(" \xa0\t§.:()"):
        return None  # words we do not know: better kept as written than misread
    tokens = []
    for token in _COVERAGE_TOKENS.findall(text.lower()):
        if token in _PART_WORDS:
            tokens.append("k")
        elif token in ("–", "-"):
            tokens.append("-")
        elif token.isdigit():
            tokens.append(token)
        else:
            tokens.append(",")
    compact = "".join(tokens)
    if not compact.strip(","):
        return None
    numbers = sorted(set(known), key=len, reverse=True)
    return next(_coverage_parses(compact, 0, numbers), None)


def _coverage_parses(text: str, pos: int, known: list[str]):
    """Every reading of text[pos:] as entries, most likely first (backtracking)."""
    if pos == len(text):
        yield []
        return
    if text[pos] == ",":
        yield from _coverage_parses(text, pos + 1, known)
        return
    for first, after_first in _articles_at(text, pos, known):
        for last, after_range in _range_end(text, after_first, first, known):
            for part, after_part in _part_at(text, after_range):
                for rest in _coverage_parses(text, after_part, known):
                    yield [CoverageEntry(first, last, part), *rest]


def _articles_at(text: str, pos: int, known: list[str]):
    if known:
        yield from ((n, pos + len(n)) for n in known if text.startswith(n, pos))
        return
    run = re.match(r"\d+", text[pos:])
    if run:
        yield run.group(0), pos + run.end()


def _range_end(text: str, pos: int, first: str, known: list[str]):
    if text.startswith("-", pos):
        for last, end in _articles_at(text, pos + 1, known):
            if int(last) > int(first):
                yield last, end
        return
    yield first, pos


def _part_at(text: str, pos: int):
    if not text.startswith("k", pos):
        yield None, pos
        return
    for first in (1, 2):
        start = text[pos + 1 : pos + 1 + first]
        if len(start) != first or not start.isdigit():
            continue
        end = pos + 1 + first
        for second in (1, 2):
            stop = text[end + 1 : end + 1 + second]
            if text.startswith("-", end) and len(stop) == second and stop.isdigit():
                yield f"{start}-{stop}", end + 1 + second
        yield start, end


def covered_articles(entries: list[CoverageEntry], known: list[str]) -> list[str]:
    """The § numbers the entries cover, in the meeting's order."""
    covered = []
    for entry in entries:
        low, high = int(entry.first), int(entry.last)
        numbers = known or [str(n) for n in range(low, high + 1)]
        covered.extend(n for n in numbers if low <= int(n) <= high and n not in covered)
    return covered


def _entry_text(entry: CoverageEntry, language: str | None) -> str:
    numbers = entry.first if entry.first == entry.last else f"{entry.first}–{entry.last}"
    if entry.part is None:
        return numbers
    several = "-" in entry.part
    word = ("punkterna" if several else "punkt") if language == "sv" else (
        "kohdat" if several else "kohta")  # fmt: skip
    return f"{numbers} {word} {entry.part.replace('-', '–')}"


def coverage_text(entries: list[CoverageEntry], language: str | None) -> str:
    """ "§ 125–131, 133, 137 kohta 3", in the page's language."""
    return "§ " + ", ".join(_entry_text(entry, language) for entry in entries)


# --- Attachments -------------------------------------------------------------------------

CONFIDENTIAL = re.compile(
    r"\b(ei julkinen|salassa pidettävä|salainen|sekretessbelagd|ej offentlig)\b.*", re.I
)
MEDIA_TYPES = {
    "pdf": "application/pdf",
    "doc": "application/msword",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xls": "application/vnd.ms-excel",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ppt": "application/vnd.ms-powerpoint",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "rtf": "application/rtf",
    "txt": "text/plain",
    "htm": "text/html",
    "html": "text/html",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "tif": "image/tiff",
    "tiff": "image/tiff",
    "zip": "application/zip",
}
_EXTENSION = re.compile(r"\.([a-z0-9]{2,4})\s*$", re.I)
_BULLET = re.compile(r"^\s*(?:[-–•*]|\d{1,2}[.)])\s+")
_NUMBERED_ATTACHMENT = re.compile(r"^\s*(liite|bilaga)\s+\d{1,2}\b", re.I)


def confidentiality_reason(text: str) -> str | None:
    match = CONFIDENTIAL.search(text)
    return match.group(0).strip(" ()") if match else None


def media_type_of(name_or_url: str | None) -> str | None:
    extension = _EXTENSION.search(name_or_url or "")
    return MEDIA_TYPES.get(extension.group(1).lower()) if extension else None


def attachment_record(
    text: str, url: str | None = None, reason=None, listed_without_link=False
) -> dict:
    """Attachment record; a withheld one keeps its mention but no url to fetch. A name in
    a decision text counts as public unless marked; a list row without a link does not."""
    reason = reason or confidentiality_reason(text)
    name = CONFIDENTIAL.sub("", text).strip(" ,;:-–(") or None
    public = reason is None and name is not None and not listed_without_link
    return with_values(
        {"public": public},
        name=name,
        url=url if public else None,
        confidentiality_reason=None if public else reason,
        media_type=media_type_of(name),
    )


def attachment_names(lines: list[str]) -> list[str]:
    """One name per list entry: bulleted or numbered entries may wrap over lines."""
    marked = any(_BULLET.match(line) or _NUMBERED_ATTACHMENT.match(line) for line in lines)
    names: list[str] = []
    for line in lines:
        starts_entry = _BULLET.match(line) or _NUMBERED_ATTACHMENT.match(line)
        if starts_entry or not marked or not names:
            names.append(_BULLET.sub("", line).strip())
        else:
            names[-1] = f"{names[-1]} {line}"
    return [name for name in names if name.strip("-–•* ")]


def attachments_in(sections: list[Section]) -> list[dict]:
    """Attachments named in the text's own "Liitteet" sections (no urls: the text has none)."""
    names = []
    for section in (section for section in sections if section.kind == ATTACHMENTS):
        names.extend(attachment_names([text for text, _ in section.lines]))
    return [attachment_record(name) for name in names]
