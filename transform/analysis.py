"""Language analysis for both searches: words to base forms and compound parts.

One function, two uses. ``index_forms(word, language)`` is what a word is indexed as: the
word itself, its base forms and, for a compound, its parts, every run of parts, and the
word as written from each inner part on (tuloveroprosentiksi → tuloveroprosentti,
veroprosentti, tulovero, prosentti, vero, tulo, veroprosentiksi, prosentiksi).
``query_forms(word, language)`` is what a searched word looks for: the word and its base
forms only. A query is never split into parts, so "päiväkoti" finds a record that says
"päiväkoti" (in any inflection, or as the end of a longer compound), not every record that
says "päivä" and "koti".

- **Finnish**: Voikko (libvoikko with the voikko-fi dictionary), the analyser OpenAhjo
  used. Its STRUCTURE attribute marks where each compound part starts.
- **Swedish**: Hunspell's Swedish dictionary (Debian's hunspell-sv, the LibreOffice one)
  through spylls, Hunspell in pure Python: its compound rules split
  detaljplaneändringen into detaljplane + ändringen, and its affix rules give the base
  forms (ändring, detaljplan).
- Anything else, an unknown word, or a missing analyser: the Snowball stem, as before.

The browser's index also gets ``finnish_inflections`` of each form (kaavoja for kaava),
because the browser only stems a query. ``whoosh_analyzer`` puts the same functions into
Whoosh. A missing analyser is not silent: ``analysers_missing()`` names it, and the site build and
``avoin search`` print it (``warn_if_degraded``). Analyses are cached per word; the
vocabulary of an archive is small next to its text.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from whoosh.analysis import Filter, LowercaseFilter, RegexTokenizer
from whoosh.lang import stemmer_for_language

FINNISH = "fi"
SWEDISH = "sv"
LANGUAGES = (FINNISH, SWEDISH)
HUNSPELL_DIRECTORIES = (Path("/usr/share/hunspell"), Path("/usr/share/myspell"))
VOIKKO_DIRECTORIES = (Path("/usr/lib/voikko"), Path("/usr/share/voikko"))
SWEDISH_DICTIONARIES = ("sv_FI", "sv_SE")
# Shorter compound parts are mostly linking letters or noise ("s", "e"); never indexed.
MIN_PART_LENGTH = 3
# Swedish joins compound parts with a linking letter (skatte-sats, detaljplane-ändring).
SWEDISH_LINKING_LETTERS = "esuao"
CACHE_SIZE = 200_000
SWITCH = "AVOIN_SEARCH_ANALYSIS"

# A word: letters and digits, with inner hyphens, dots or slashes kept (register numbers,
# "LED-valaisin"); the same rule as the tokenizer of the Whoosh analyzer.
WORD = re.compile(r"\w+(?:[-./:]\w+)*")


@dataclass(frozen=True)
class Token:
    text: str  # as written
    start: int
    end: int


def tokens(text: str) -> Iterator[Token]:
    for match in WORD.finditer(text):
        yield Token(match.group(), match.start(), match.end())


def index_forms(word: str, language: str | None) -> list[str]:
    """Every form ``word`` is indexed under, lower-case, the word itself first."""
    lowered = word.lower()
    return _unique([lowered, *_analysed(lowered, language, parts=True)])


def query_forms(word: str, language: str | None) -> list[str]:
    """What a searched word looks for: itself and its base forms, lower-case."""
    lowered = word.lower()
    return _unique([lowered, *_analysed(lowered, language, parts=False)])


def analysis_enabled() -> bool:
    """AVOIN_SEARCH_ANALYSIS=off: Snowball stems only and no index-only blocks, as before
    the analysis (for measuring what it costs, or as an escape hatch)."""
    return os.environ.get(SWITCH, "on") != "off"


def _analysed(word: str, language: str | None, parts: bool) -> tuple[str, ...]:
    if not analysis_enabled():
        languages = (language,) if language in LANGUAGES else LANGUAGES
        return tuple(stem(word, code) for code in languages)
    if not any(character.isalpha() for character in word):
        return ()  # numbers and register numbers are matched as written
    languages = (language,) if language in LANGUAGES else LANGUAGES
    forms: list[str] = []
    for code in languages:
        forms.extend(_analyse(word, code, parts))
    return tuple(forms)


@functools.lru_cache(maxsize=CACHE_SIZE)
def _analyse(word: str, language: str, parts: bool) -> tuple[str, ...]:
    key = (word, language, parts)
    analyser = FINNISH_ANALYSER if language == FINNISH else SWEDISH_ANALYSER
    # What was remembered is of the analysers there; one found missing is not asked.
    forms = None if analyser.found_missing() else _REMEMBERED.get(key)
    if forms is None:
        forms = _NEW[key] = _analysed_now(word, language, parts)
    return forms


def _analysed_now(word: str, language: str, parts: bool) -> tuple[str, ...]:
    analyser = FINNISH_ANALYSER if language == FINNISH else SWEDISH_ANALYSER
    analyses = analyser.analyse(word) if analyser.available() else []
    if not analyses:
        return (stem(word, language),)
    forms = [analysis.base for analysis in analyses]
    if parts:
        for analysis in analyses:
            forms.extend(analysis.parts_and_suffixes())
            forms.extend(written_endings(word, analysis))
    return tuple(forms)


# -- analyses remembered across processes -------------------------------------------------

# (word, language, parts) -> forms loaded from the store, and those this process made
# (transform/topics.py KeywordMemo loads and saves them): a night's new texts repeat the
# archive's vocabulary, and a cold process would analyse it all again, Swedish through
# spylls after reading its dictionary for a CPU second or more.
_REMEMBERED: dict[tuple[str, str, bool], tuple[str, ...]] = {}
_NEW: dict[tuple[str, str, bool], tuple[str, ...]] = {}


def remember_analyses(known: Iterable[tuple[str, str, bool, tuple[str, ...]]]) -> None:
    """Take ``(word, language, parts, forms)`` made under ``remembered_signature()``."""
    for word, language, parts, forms in known:
        _REMEMBERED.setdefault((word, language, parts), forms)


def new_analyses() -> list[tuple[str, str, bool, tuple[str, ...]]]:
    """The analyses made since the last call, to be remembered."""
    rows = [(*key, forms) for key, forms in _NEW.items()]
    _NEW.clear()
    return rows


def remembered_signature() -> str:
    """What remembered analyses hold under: this code, the switch, which analysers are
    there, and the dictionaries' files (a new dictionary analyses words anew)."""
    digest = hashlib.sha256(analysis_signature().encode("ascii"))
    for path in _dictionary_files():
        status = path.stat()
        digest.update(f"{path}\x1f{status.st_size}\x1f{status.st_mtime_ns}\x1e".encode())
    try:
        import libvoikko

        digest.update(libvoikko.Voikko.getVersion().encode())
    except (ImportError, OSError, AttributeError):
        digest.update(b"no libvoikko")
    return digest.hexdigest()


def _dictionary_files() -> list[Path]:
    swedish = _swedish_dictionary_path()
    files = [swedish.with_suffix(".dic"), swedish.with_suffix(".aff")] if swedish else []
    for directory in VOIKKO_DIRECTORIES:
        files.extend(sorted(directory.glob("*/*/*.vfst")))
    return files


def written_endings(word: str, analysis: Analysis) -> list[str]:
    """The word as written from each inner part on (talvikunnossapidon -> kunnossapidon,
    pidon): a searcher's inflected compound part matches it as typed, which matters in
    the browser, where a query is only stemmed."""
    endings = []
    start = 0
    for part in analysis.parts[:-1]:
        start += len(part)
        if word[:start] != analysis.base[:start]:
            break  # the written word no longer follows the base form
        if len(word) - start >= MIN_PART_LENGTH:
            endings.append(word[start:])
    return endings


def stem(word: str, language: str) -> str:
    """The Snowball stem (Whoosh ships the stemmers): the fallback for unknown words."""
    return stemmer_for_language(language)(word)


def _unique(forms: list[str]) -> list[str]:
    return list(dict.fromkeys(form for form in forms if form))


# -- analyses ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Analysis:
    """One reading of a word: its base form, and its compound parts in base form (the
    last part's base form ends the base form of the whole; earlier parts as written)."""

    base: str
    parts: tuple[str, ...] = ()
    part_bases: tuple[str, ...] = ()  # base forms of non-final parts, where they differ

    def parts_and_suffixes(self) -> list[str]:
        if len(self.parts) < 2:
            return []
        forms = [part for part in (*self.parts, *self.part_bases) if len(part) >= MIN_PART_LENGTH]
        # Every run of two or more parts: tulo|vero|prosentti -> veroprosentti, tulovero.
        forms.extend(compound_spans(self.parts))
        return forms


def compound_spans(parts: tuple[str, ...]) -> list[str]:
    """The compounds inside a compound: its runs of two or more parts, but the whole."""
    count = len(parts)
    return [
        "".join(parts[start:end])
        for start in range(count)
        for end in range(start + 2, count + 1)
        if (start, end) != (0, count)
    ]


class _LazyAnalyser:
    """An analyser whose tool is opened on first use; what is missing is said once."""

    def __init__(self) -> None:
        self._tool = None
        self._problem: str | None = None

    def available(self) -> bool:
        return self._load() is not None

    def found_missing(self) -> bool:
        """Known missing, without opening the tool."""
        return self._tool is None and self._problem is not None

    def problem(self) -> str | None:
        if self._tool is None and self._problem is None:
            # Asked by every build and export (the analysis signature): say what is
            # missing without opening the tool when that can be told cheaply.
            missing = self._missing()
            if missing is not False:
                return missing
        self._load()
        return self._problem

    def _missing(self) -> str | None | bool:
        """What is missing, told without opening the tool; False when that cannot be told."""
        return False

    def _load(self):
        if self._tool is None and self._problem is None:
            self._tool, self._problem = self._open()
        return self._tool

    def _open(self) -> tuple[object | None, str | None]:
        """(the tool, None) or (None, what is missing)."""
        raise NotImplementedError


class FinnishAnalyser(_LazyAnalyser):
    """Voikko, when libvoikko and the voikko-fi dictionary are installed."""

    def _open(self):
        try:
            import libvoikko

            return libvoikko.Voikko(FINNISH), None
        except (ImportError, OSError) as error:  # the binding, the C library
            return None, f"Voikko (Finnish) is missing: {error}"
        except libvoikko.VoikkoException as error:  # the dictionary
            return None, f"Voikko (Finnish) has no dictionary: {error}"

    def analyse(self, word: str) -> list[Analysis]:
        readings = [reading for reading in self._load().analyze(word) if reading.get("BASEFORM")]
        return [_finnish_analysis(reading) for reading in _plainest(readings)]


def _plainest(readings: list[dict]) -> list[dict]:
    """Per base form, the readings with the fewest derivations: Voikko also reads
    asemakaava as ase+makaa+v+a, beside asema+kaava."""
    best: dict[str, list[dict]] = {}
    for reading in readings:
        base = reading["BASEFORM"].lower()
        kept = best.setdefault(base, [])
        if kept and _derivations(kept[0]) < _derivations(reading):
            continue
        if kept and _derivations(kept[0]) > _derivations(reading):
            kept.clear()
        kept.append(reading)
    return [reading for kept in best.values() for reading in kept]


def _derivations(reading: dict) -> int:
    return (reading.get("WORDBASES") or "").count("(+")


def _finnish_analysis(reading: dict) -> Analysis:
    base = reading["BASEFORM"].lower()
    parts = _structure_parts(base, reading.get("STRUCTURE") or "")
    return Analysis(base, parts, _finnish_part_bases(reading.get("WORDBASES") or "", parts))


def _structure_parts(base: str, structure: str) -> tuple[str, ...]:
    """Voikko's STRUCTURE (``=pppp=pppp=ppppppppp``) cut into the base form's parts."""
    parts: list[str] = []
    position = 0
    for character in structure:
        if character == "=":
            parts.append("")
            continue
        if position >= len(base):
            break
        if not parts:
            parts.append("")
        parts[-1] += base[position]
        position += 1
    parts = [part.strip("-") for part in parts if part.strip("-")]
    return tuple(parts) if "".join(parts) == base.replace("-", "") else ()


def _finnish_part_bases(wordbases: str, parts: tuple[str, ...]) -> tuple[str, ...]:
    """Base forms of non-final parts (kaupungin|hallitus: kaupunki), from WORDBASES."""
    bases = re.findall(r"\+([^+(]+)\(([^)+]+)\)", wordbases)
    return tuple(
        base.lower()
        for written, base in bases[:-1]
        if base.lower() != written.lower() and written.lower() in parts
    )


class SwedishAnalyser(_LazyAnalyser):
    """Hunspell's Swedish dictionary read by spylls."""

    def _missing(self) -> str | None:
        # Reading the dictionary takes a CPU second or more; its files being there will do.
        if importlib.util.find_spec("spylls") is None:
            return "spylls (Swedish) is missing"
        if _swedish_dictionary_path() is None:
            return "the Swedish Hunspell dictionary is missing (Debian package hunspell-sv)"
        return None

    def _open(self):
        path = _swedish_dictionary_path()
        try:
            from spylls.hunspell import Dictionary
        except ImportError as error:
            return None, f"spylls (Swedish) is missing: {error}"
        if path is None:
            return None, "the Swedish Hunspell dictionary is missing (Debian package hunspell-sv)"
        return Dictionary.from_files(str(path)), None

    def analyse(self, word: str) -> list[Analysis]:
        return self._dictionary_analyses(word) or self._split_in_two(word)

    def _dictionary_analyses(self, word: str) -> list[Analysis]:
        analyses = []
        for form in self._load().lookuper.good_forms(word):
            if hasattr(form, "parts"):
                analyses.append(self._compound(form.parts))
            else:
                analyses.append(Analysis(form.stem.lower()))
        return analyses

    def _split_in_two(self, word: str) -> list[Analysis]:
        """A compound Hunspell's rules do not allow (three parts with a linking s:
        skolnäts|utredning): the first cut into two words it knows."""
        for cut in range(MIN_PART_LENGTH, len(word) - MIN_PART_LENGTH + 1):
            head, tail = word[:cut], word[cut:]
            tails = self._dictionary_analyses(tail)
            heads = self._dictionary_analyses(head) if tails else []
            if heads:
                return [_joined(head, heads, tail_analysis) for tail_analysis in tails]
        return []

    def _compound(self, forms) -> Analysis:
        written = [form.text.lower() for form in forms[:-1]]
        parts = (*written, forms[-1].stem.lower())
        # A part or a run of parts before the last one, without its linking letter:
        # inkomst|skatte|sats -> skatt, inkomstskatt.
        heads = [*written, *("".join(written[start:]) for start in range(len(written) - 1))]
        part_bases = tuple(base for head in heads if (base := self._without_linking_letter(head)))
        return Analysis("".join(parts), parts, part_bases)

    def _without_linking_letter(self, part: str) -> str | None:
        """skatte -> skatt, detaljplane -> detaljplan, simhalls -> simhall."""
        if len(part) <= MIN_PART_LENGTH or part[-1] not in SWEDISH_LINKING_LETTERS:
            return None
        shorter = part[:-1]
        return shorter if self._load().lookup(shorter) else None


def _joined(head: str, heads: list[Analysis], tail: Analysis) -> Analysis:
    head_forms = [
        form for analysis in heads for form in (analysis.base, *analysis.parts_and_suffixes())
    ]
    parts = (head, *(tail.parts or (tail.base,)))
    return Analysis(head + tail.base, parts, tuple(head_forms) + tail.part_bases)


def _swedish_dictionary_path() -> Path | None:
    for directory in HUNSPELL_DIRECTORIES:
        for name in SWEDISH_DICTIONARIES:
            if (directory / f"{name}.dic").is_file() and (directory / f"{name}.aff").is_file():
                return directory / name
    return None


FINNISH_ANALYSER = FinnishAnalyser()
SWEDISH_ANALYSER = SwedishAnalyser()


def analysers_missing() -> list[str]:
    """Why the analysis is degraded to stemming, one line per missing analyser."""
    return [
        problem
        for analyser in (FINNISH_ANALYSER, SWEDISH_ANALYSER)
        if (problem := analyser.problem())
    ]


def warn_if_degraded(stream=None) -> list[str]:
    """Say loudly, on stderr, that search falls back to stemming; returns the problems."""
    problems = analysers_missing()
    for problem in problems:
        print(
            f"WARNING: {problem}. Search falls back to Snowball stemming: base forms and "
            "compound parts will be missed. Install it (see README, Search).",
            file=stream or sys.stderr,
        )
    return problems


def analysed_terms(text: str, language: str | None) -> list[list[str]]:
    """For each word of ``text`` that analysis adds to: [word, form, form, ...]. What the
    browser index is fed beside the text (site_builder), one group per distinct word."""
    if not analysis_enabled():
        return []
    groups: dict[str, tuple[str, ...]] = {}
    for word in WORD.findall(text):
        lowered = word.lower()
        if lowered not in groups:
            groups[lowered] = _word_group(lowered, language)
    return [list(forms) for forms in groups.values() if forms]


@functools.lru_cache(maxsize=CACHE_SIZE)
def _word_group(lowered: str, language: str | None) -> tuple[str, ...]:
    """A word's group for ``analysed_terms``, or () when analysis adds nothing to it.
    Cached: every page repeats the archive's vocabulary (only called with the analysis on)."""
    forms = index_forms(lowered, language)
    if language in (FINNISH, None):
        forms = _unique(
            [*forms, *(inflected for form in forms for inflected in finnish_inflections(form))]
        )
    return tuple(forms) if len(forms) > 1 else ()


# -- inflected forms for the browser -------------------------------------------------------

# The browser cannot analyse a query; Pagefind only stems it, and Snowball does not undo
# Finnish stem changes: kaavoja stems to kaavo-, lautakunnan to lautakunn-, while kaava
# and lautakunta stem to kaav-, lautakunt-. So the browser's index also gets, for each
# base form, a few singular and plural forms in the other stems, each made by rule
# from the base form and kept only when Voikko reads it back as that word: a searched
# inflection then meets a form with its own stem.
WEAK_GRADES = (
    ("kk", "k"),
    ("pp", "p"),
    ("tt", "t"),
    ("nk", "ng"),
    ("mp", "mm"),
    ("lt", "ll"),
    ("nt", "nn"),
    ("rt", "rr"),
    ("k", ""),
    ("p", "v"),
    ("t", "d"),
)
VOWEL = re.compile(r"[aeiouyäö]$")


def finnish_inflections(base: str) -> list[str]:
    """Genitive singular, partitive plural and inessive plural forms of a Finnish noun or
    adjective, those of the candidates Voikko confirms; [] for anything else."""
    if len(base) < 4 or not base.isalpha() or not VOWEL.search(base):
        return []
    return list(_finnish_inflections(base))


@functools.lru_cache(maxsize=CACHE_SIZE)
def _finnish_inflections(base: str) -> tuple[str, ...]:
    if not FINNISH_ANALYSER.available() or not analysis_enabled():
        return ()
    weak = _weak_grade(base)
    candidates = (
        [f"{weak}n", f"{base}n"],  # kaavan, lautakunnan, kadun
        [
            stem + ending
            for stem in (base[:-1], weak[:-1])
            for ending in ("oja", "öjä", "ia", "iä", "eja", "ejä", "oita", "öitä", "ita", "itä")
        ]
        + [f"{base}ja", f"{base}jä", f"{base}ita", f"{base}itä"],  # kaavoja, tontteja, urakoita
        [
            stem + ending
            for stem in (weak[:-1], weak)
            for ending in ("oissa", "öissä", "issa", "issä", "eissa", "eissä")
        ],  # lautakunnissa, kaduissa
    )
    numbers = ("singular", "plural", "plural")
    # Every confirmed form: a word may have two plurals (urakoita, urakkoja).
    return tuple(
        form
        for forms, number in zip(candidates, numbers, strict=True)
        for form in dict.fromkeys(forms)
        if _reads_as(form, base, number)
    )


def _weak_grade(base: str) -> str:
    """lautakunta -> lautakunna, tontti -> tonti, katu -> kadu: the consonant before the
    last vowel weakened (the rule; Voikko judges the result)."""
    stem, vowel = base[:-1], base[-1]
    for strong, weak in WEAK_GRADES:
        if stem.endswith(strong) and len(stem) > len(strong):
            return stem[: -len(strong)] + weak + vowel
    return base


def _reads_as(form: str, base: str, number: str) -> bool:
    return any(
        (reading.get("BASEFORM") or "").lower() == base and reading.get("NUMBER") == number
        for reading in FINNISH_ANALYSER._load().analyze(form)
    )


# -- the Whoosh analyzer -------------------------------------------------------------------


def whoosh_analyzer(language: str | None):
    """A Whoosh analyzer on the same functions: at index time a word's ``index_forms``
    at the word's position, at query time its ``query_forms``."""
    return RegexTokenizer(WORD) | LowercaseFilter() | FormsFilter(language)


class FormsFilter(Filter):
    def __init__(self, language: str | None):
        self.language = language

    def __eq__(self, other):
        return type(other) is type(self) and other.language == self.language

    def __call__(self, stream):
        for token in stream:
            for form in self._forms(token):  # all at the word's position: phrases still match
                token.text = form
                yield token

    def _forms(self, token) -> list[str]:
        if token.mode != "query":
            return index_forms(token.text, self.language)
        # Whoosh asks for character offsets only when it parses a quoted phrase: a phrase
        # is matched word for word as written.
        return (
            [token.text]
            if getattr(token, "chars", False)
            else query_forms(token.text, self.language)
        )


def analysis_signature() -> str:
    """Changes when what the analysis yields may change (this code, a missing analyser):
    pages that carry the analysis are then rendered again."""
    source = Path(__file__).read_bytes()
    state = "\n".join([*analysers_missing(), str(analysis_enabled())]).encode("utf-8")
    return hashlib.sha256(source + b"\0" + state).hexdigest()[:16]
