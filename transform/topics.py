"""Topics: one small vocabulary shared by every town, so a resident can follow "children
and young people" across Riihimäki, Hämeenlinna, Vaasa, Pedersöre and Kristinestad.

An item is tagged when its items are derived (transform/items.py), from two sources:

1. **The task classification code** (tehtäväluokka, JHS 191: ``10.02.03``), where the item's
   documents carry one. A code prefix names a topic only where the classification is
   unambiguous (``10`` land use and building, ``08`` traffic); many codes say nothing
   (``00.04`` cooperation, ``02.08`` procurement) and are left to the words.
2. **Finnish and Swedish keyword rules** on the title and the text. Words are compared by
   their base forms and compound parts (transform/analysis.py: "päiväkodin" is päiväkoti,
   "kouluverkkoselvitys" has koulu), so no inflection or compound is missed and no
   substring matches by accident. A keyword in the title tags the item; in the text only
   when it comes up at least ``TEXT_MIN_HITS`` times, because a text names things in
   passing (a cycle path "between the school and the centre"). A budget's or financial
   report's text names every sector it funds, so an item the code or title files under
   economy is tagged by its code and title only.

Children and young people cut across the classification (a school's renovation is building,
its transport is traffic), so keyword rules add topics to what the code says. Each tag keeps
the rule that fired (``function_code:12.01``, ``title:koulu``, ``text:oppilas``): a wrong tag
can be traced to its rule. Procedural items (lawful meeting, minute checkers) get none.

The vocabulary is documented in docs/topics.md; tests/topic_judgements.py holds a judged
sample of demo items that measures the rules (tests/test_topics.py).
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections import Counter
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from transform.analysis import (
    WORD,
    analysis_enabled,
    analysis_signature,
    index_forms,
    new_analyses,
    query_forms,
    remember_analyses,
    remembered_signature,
)
from transform.schema import ContentType

TEXT_MIN_HITS = 2
# Since 1.1.2023 the welfare regions decide social and health care; a town's own code 05
# or 06 after that is about something else (a statement, a lease).
WELFARE_REFORM_DATE = "2023-01-01"
# The text that describes the matter; appeal instructions are the same everywhere.
_DESCRIBING = {
    ContentType.SUMMARY,
    ContentType.PRESENTATION,
    ContentType.PROPOSAL,
    ContentType.DECISION,
}


class Topic(StrEnum):
    CHILDREN_YOUTH = "children_youth"
    EDUCATION = "education"
    ZONING_BUILDING = "zoning_building"
    TRAFFIC_STREETS = "traffic_streets"
    ENVIRONMENT = "environment"
    CULTURE_SPORT = "culture_sport"
    SOCIAL_HEALTH = "social_health"
    ECONOMY_BUDGET = "economy_budget"
    PERSONNEL_GOVERNANCE = "personnel_governance"
    PARTICIPATION = "participation"


@dataclass(frozen=True)
class TopicInfo:
    topic: Topic
    name: dict[str, str]  # fi / sv / en
    description: str  # English, for the docs

    @property
    def slug(self) -> str:
        """The topic's URL segment, the same in every UI language (as ``org``, ``item``)."""
        return topic_slug(self.topic.value)


TOPICS: tuple[TopicInfo, ...] = (
    TopicInfo(
        Topic.CHILDREN_YOUTH,
        {"fi": "Lapset ja nuoret", "sv": "Barn och unga", "en": "Children and young people"},
        "Decisions that concern children and young people: schools, early education, "
        "youth services and the youth council, playgrounds, hobbies, student welfare, "
        "child welfare (up to 2022), grants to youth associations, school transport.",
    ),
    TopicInfo(
        Topic.EDUCATION,
        {
            "fi": "Koulutus ja varhaiskasvatus",
            "sv": "Utbildning och småbarnspedagogik",
            "en": "Schools and early education",
        },
        "Early education, basic and upper secondary education, curricula, school "
        "networks, school buildings and the education committee's budget.",
    ),
    TopicInfo(
        Topic.ZONING_BUILDING,
        {
            "fi": "Kaavoitus ja rakentaminen",
            "sv": "Planläggning och byggande",
            "en": "Zoning and building",
        },
        "Regional, master and detailed plans, exceptions, building projects and land sales.",
    ),
    TopicInfo(
        Topic.TRAFFIC_STREETS,
        {"fi": "Liikenne ja kadut", "sv": "Trafik och gator", "en": "Traffic and streets"},
        "Roads, streets and their upkeep, street lighting, parks, parking, cycling and "
        "public transport.",
    ),
    TopicInfo(
        Topic.ENVIRONMENT,
        {"fi": "Ympäristö", "sv": "Miljö", "en": "Environment"},
        "Environmental protection, waste, water, energy and climate.",
    ),
    TopicInfo(
        Topic.CULTURE_SPORT,
        {"fi": "Kulttuuri ja liikunta", "sv": "Kultur och idrott", "en": "Culture and sport"},
        "Libraries, culture, swimming halls, sports facilities and grants to sports and "
        "culture associations.",
    ),
    TopicInfo(
        Topic.SOCIAL_HEALTH,
        {
            "fi": "Sosiaali- ja terveyspalvelut",
            "sv": "Social- och hälsovård",
            "en": "Social and health services",
        },
        "The towns' own social and health services up to 2022; from 2023 the welfare "
        "regions' decisions, and the towns' statements on their plans.",
    ),
    TopicInfo(
        Topic.ECONOMY_BUDGET,
        {"fi": "Talous ja talousarvio", "sv": "Ekonomi och budget", "en": "Economy and budget"},
        "Budgets and their follow-up, financial statements, tax rates.",
    ),
    TopicInfo(
        Topic.PERSONNEL_GOVERNANCE,
        {
            "fi": "Henkilöstö ja hallinto",
            "sv": "Personal och förvaltning",
            "en": "Personnel and governance",
        },
        "Posts and appointments, elections of elected officials, administrative "
        "rules and delegation.",
    ),
    TopicInfo(
        Topic.PARTICIPATION,
        {"fi": "Osallisuus", "sv": "Delaktighet", "en": "Participation"},
        "Residents' initiatives, the youth, elderly and disability councils, hearings, "
        "participatory budgeting and grants to village and residents' associations.",
    ),
)
TOPIC_INFO = {info.topic: info for info in TOPICS}

# Code prefix -> topic, longest prefix first wins; codes not here say nothing (JHS 191).
FUNCTION_CODE_TOPICS: dict[str, Topic] = {
    "00.00": Topic.PERSONNEL_GOVERNANCE,  # the municipality's organs and elections
    "00.01": Topic.PERSONNEL_GOVERNANCE,  # administrative rules
    "01": Topic.PERSONNEL_GOVERNANCE,  # personnel
    "02.02": Topic.ECONOMY_BUDGET,  # budget and its follow-up
    "02.03": Topic.ECONOMY_BUDGET,  # taxation
    "02.06": Topic.ECONOMY_BUDGET,  # financial statements
    "05": Topic.SOCIAL_HEALTH,  # social services (up to 2022)
    "06": Topic.SOCIAL_HEALTH,  # health care (up to 2022)
    "08": Topic.TRAFFIC_STREETS,
    "10.00": Topic.ZONING_BUILDING,  # land use and land property
    "10.02": Topic.ZONING_BUILDING,  # planning
    "10.03": Topic.ZONING_BUILDING,  # building
    "11": Topic.ENVIRONMENT,
    "12.00": Topic.EDUCATION,  # education and culture: general administration
    "12.01": Topic.EDUCATION,  # early and basic education
    "12.03": Topic.CULTURE_SPORT,  # sport
    "12.04": Topic.CULTURE_SPORT,  # culture
    "12.05": Topic.CHILDREN_YOUTH,  # youth services
    "12.06": Topic.CULTURE_SPORT,  # libraries
}
_UP_TO_2022 = {Topic.SOCIAL_HEALTH}


# Keyword rules: base forms (Finnish and Swedish together; a word is analysed in its
# document's language). A compound matches by any of its parts.
def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


KEYWORDS: dict[Topic, tuple[str, ...]] = {
    Topic.CHILDREN_YOUTH: _words(
        "lapsi nuori nuoriso koulu peruskoulu perusopetus esiopetus varhaiskasvatus päiväkoti "
        "oppilas koululainen iltapäivätoiminta koulukuljetus leikkipuisto harrastus "
        "oppilashuolto lukuvuosisuunnitelma opetussuunnitelma barn unga ungdom skola "
        "skolskjuts elev förskola daghem småbarnspedagogik eftermiddagsverksamhet "
        "morgonverksamhet lekpark hobby elevvård läsårsplan skolnät skolnätsutredning "
        "grundläggande"
    ),
    Topic.EDUCATION: _words(
        "koulu perusopetus esiopetus varhaiskasvatus päiväkoti oppilas opetus lukio "
        "opetussuunnitelma lukuvuosisuunnitelma iltapäivätoiminta koulukuljetus "
        "sivistyslautakunta skola skolskjuts elev förskola daghem småbarnspedagogik "
        "undervisning utbildning gymnasium läsårsplan skolnät skolnätsutredning "
        "eftermiddagsverksamhet bildningsnämnd"
    ),
    Topic.ZONING_BUILDING: _words(
        "kaava asemakaava yleiskaava maakuntakaava poikkeamispäätös tontti rakentaminen "
        "peruskorjaus detaljplan generalplan landskapsplan avvikelsebeslut tomt byggande"
    ),
    Topic.TRAFFIC_STREETS: _words(
        "liikenne katu tie pysäköinti pyöräily joukkoliikenne talvikunnossapito katuvalaistus "
        "liikennemerkki puisto trafik gata väg parkering cykelväg kollektivtrafik "
        "vinterunderhåll gatubelysning"
    ),
    Topic.ENVIRONMENT: _words(
        "ympäristönsuojelu ympäristölautakunta jäte jätelautakunta ilmasto luonnonsuojelu "
        "vesihuolto miljö avfall klimat naturskydd vattentjänst"
    ),
    Topic.CULTURE_SPORT: _words(
        "kulttuuri kirjasto liikunta uimahalli urheilu museo teatteri näytelmä kultur "
        "bibliotek idrott simhall idrottsförening museum teater"
    ),
    Topic.SOCIAL_HEALTH: _words(
        "sosiaali terveys hyvinvointialue vanhuspalvelu terveyskeskus social hälsovård "
        "välfärdsområde hälsostation äldreomsorg"
    ),
    Topic.ECONOMY_BUDGET: _words(
        "talousarvio tilinpäätös tuloveroprosentti veroprosentti seurantaraportti "
        "toteutumisennuste talousarviomuutos budget bokslut inkomstskattesats delårsrapport "
        "budgetuppföljning"
    ),
    Topic.PERSONNEL_GOVERNANCE: _words(
        "virkavaali virka henkilöstö hallintosääntö sijainen tarkastuslautakunta "
        "förvaltningsstadga personalplan delegeringsbeslut val ersättare revisionsnämnd "
        "tjänst"
    ),
    Topic.PARTICIPATION: _words(
        "kuntalaisaloite nuorisovaltuusto vanhusneuvosto vammaisneuvosto osallisuus "
        "osallistuva asukasyhdistys kyläyhdistys invånarinitiativ ungdomsfullmäktige äldreråd "
        "delaktighet byaförening"
    ),
}


@dataclass(frozen=True)
class Tag:
    topic: Topic
    rule: str  # which rule fired: "function_code:12.01", "title:koulu", "text:oppilas"

    def as_record(self) -> dict:
        return {"topic": self.topic.value, "rule": self.rule}


class KeywordMemo:
    """The keyword rules' tags of each text, remembered in the store (table
    ``keyword_tags``) under a digest of the text, its language, these rules and the
    analysis: analysing every item's words is most of deriving items, and a night changes
    few of them. Without a store it only remembers within the run. Call ``save()`` to keep
    what was computed. The words of a text not remembered are analysed through the
    store's remembered word analyses (table ``word_analyses``, transform/analysis.py)."""

    def __init__(self, store=None):
        self.store = store
        self._salt = _rules_salt()
        self._known: dict[str, str] | None = None
        self._new: list[tuple[str, str, str]] = []  # (action id, input key, tags)
        self._analyses_signature: str | None = None  # set once the store's are loaded

    def tags(self, shown: dict) -> list[Tag]:
        key = self._input_key(shown)
        known = self._remembered()
        if key not in known:
            self.recall_analyses()
            known[key] = json.dumps(
                [[tag.topic.value, tag.rule] for tag in _keyword_tags(shown, text=True)]
            )
            self._new.append((shown["id"], key, known[key]))
        return [Tag(Topic(topic), rule) for topic, rule in json.loads(known[key])]

    def save(self) -> None:
        if self.store is not None and self._new:
            self.store.save_keyword_tags(self._new)
        self._new = []
        analyses = new_analyses()
        if self._analyses_signature is not None and analyses:
            self.store.save_word_analyses(self._analyses_signature, analyses)

    def recall_analyses(self) -> None:
        """The store's word analyses, once, before the first text must be analysed (the
        site build calls it first: its pages' search blocks analyse words too)."""
        if self.store is not None and self._analyses_signature is None:
            self._analyses_signature = remembered_signature()
            remember_analyses(self.store.word_analyses(self._analyses_signature))

    def _input_key(self, shown: dict) -> str:
        digest = hashlib.sha256(self._salt)
        texts = (shown.get("language") or "", shown.get("title") or "", _describing_text(shown))
        for part in texts:
            digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
        return digest.hexdigest()

    def _remembered(self) -> dict[str, str]:
        if self._known is None:
            self._known = self.store.keyword_tags() if self.store is not None else {}
        return self._known


def _rules_salt() -> bytes:
    """These rules and the analysis they compare words with (its code, its analysers)."""
    source = Path(__file__).read_bytes()
    return hashlib.sha256(source + analysis_signature().encode("ascii")).digest()


def item_topics(
    shown: dict,
    documents: list[dict],
    procedural: bool,
    memo: KeywordMemo | None = None,
    welfare_region: bool = False,
) -> list[dict]:
    """The topics of an item as ``[{"topic", "rule"}]``, one per topic, in vocabulary order:
    the first rule that fired (code before title before text). A welfare region's social and
    health codes count in any year: since 2023 it, not the town, decides them."""
    if procedural:
        return []
    since = None if welfare_region else shown.get("date")
    keyword_tags = memo.tags(shown) if memo is not None else _keyword_tags(shown, text=True)
    tags = [*_code_tags(documents, since), *keyword_tags]
    if any(tag.topic == Topic.ECONOMY_BUDGET and not tag.rule.startswith("text:") for tag in tags):
        # A budget's text names every sector it funds: only its title and code count.
        tags = [tag for tag in tags if not tag.rule.startswith("text:")]
    first: dict[Topic, Tag] = {}
    for tag in tags:
        first.setdefault(tag.topic, tag)
    return [first[info.topic].as_record() for info in TOPICS if info.topic in first]


def topic_slug(topic: str) -> str:
    return topic.replace("_", "-")


def topic_ids(item: dict) -> list[str]:
    return [tag["topic"] for tag in item.get("topics") or ()]


def _code_tags(documents: list[dict], date: str | None) -> list[Tag]:
    tags = []
    for code in sorted({document.get("function_code") for document in documents} - {None}):
        prefix = _matching_prefix(code)
        if prefix is None:
            continue
        topic = FUNCTION_CODE_TOPICS[prefix]
        if topic in _UP_TO_2022 and date and date >= WELFARE_REFORM_DATE:
            continue
        tags.append(Tag(topic, f"function_code:{prefix}"))
    return tags


def _matching_prefix(code: str) -> str | None:
    for prefix in sorted(FUNCTION_CODE_TOPICS, key=len, reverse=True):
        if code == prefix or code.startswith(prefix + "."):
            return prefix
    return None


def _keyword_tags(shown: dict, text: bool) -> list[Tag]:
    language = shown.get("language")
    title_forms = _forms_of(shown.get("title") or "", language)
    text_forms = _forms_of(_describing_text(shown), language)
    tags = []
    for topic, keywords in KEYWORDS.items():
        for keyword in keywords:
            looked_for = _keyword_forms(keyword, language)
            if title_forms.keys() & looked_for:
                tags.append(Tag(topic, f"title:{keyword}"))
                break
            if text and sum(text_forms[form] for form in looked_for) >= TEXT_MIN_HITS:
                tags.append(Tag(topic, f"text:{keyword}"))
                break
    return tags


def _keyword_forms(keyword: str, language: str | None) -> frozenset[str]:
    return _cached_keyword_forms(keyword, language, analysis_enabled())


@functools.lru_cache(maxsize=4096)
def _cached_keyword_forms(keyword: str, language: str | None, enabled: bool) -> frozenset[str]:
    # ``enabled`` only keys the cache: the switch changes what the analysis yields.
    return frozenset(query_forms(keyword, language))


def _forms_of(text: str, language: str | None) -> Counter:
    """How many words of ``text`` have each form (a word counts once per form)."""
    counts: Counter = Counter()
    enabled = analysis_enabled()
    # Each distinct word analysed once: a text repeats its words, an archive its vocabulary.
    for word, times in Counter(WORD.findall(text)).items():
        for form in _word_forms(word, language, enabled):
            counts[form] += times
    return counts


@functools.lru_cache(maxsize=200_000)
def _word_forms(word: str, language: str | None, enabled: bool) -> frozenset[str]:
    return frozenset(index_forms(word, language))


def _describing_text(action: dict) -> str:
    return "\n".join(
        content.get("text") or ""
        for content in action.get("contents") or ()
        if content.get("type") in _DESCRIBING
    )
