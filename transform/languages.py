"""One document in two languages: two actions linked to each other.

Bilingual municipalities publish a translation as a document of its own: KTweb and
Dynasty as a separate meeting of a separately named organ ("Kaupunginvaltuusto" and
"Stadsfullmäktige", same date, same § numbers), CloudNC as a meeting of the organ in
the other language. Both are kept, neither merged into the other nor lost; each
action's ``translations`` lists the other's ``{language, id}``.

``link_language_versions(store)`` runs at the end of every transform run and links two
actions when all of these hold (the rule is conservative; a missed link costs less
than a wrong one):

1. same municipality, same date (the meeting's), same document kind (agenda or
   minutes), same article number (§), different language (store query);
2. their organs are the same organization, or their names are translations of each
   other word for word (``organ_key``: "Sivistyslautakunnan suomenkielinen jaosto" and
   "Bildningsnämndens finska sektion" both read education-committee-finnish-division);
   a word not in the tables below means no link;
3. their register numbers (diaarinumero) do not contradict each other;
4. the pairing is unambiguous: an action with two candidates in the same language is
   linked to neither.

Links that no longer hold (a partner withdrawn, renumbered) are removed. Running it
again changes nothing.
"""

from __future__ import annotations

import re
from collections import defaultdict

from transform.store import Counts, Store

# Organ kinds: every form seen in organ names (base, Finnish genitive, Swedish definite
# and genitive) -> the kind. Longer endings are tried first ("keskusvaalilautakunta").
ORGAN_KINDS = {
    "council": ("valtuusto", "valtuuston", "fullmäktige", "fullmäktiges"),
    "board": ("hallitus", "hallituksen", "styrelse", "styrelsen", "styrelsens"),
    "committee": ("lautakunta", "lautakunnan", "nämnd", "nämnden", "nämndens"),
    "division": ("jaosto", "jaoston", "sektion", "sektionen", "sektionens"),
    "directorate": ("johtokunta", "johtokunnan", "direktion", "direktionen", "direktionens"),
    "commission": ("toimikunta", "toimikunnan", "kommission", "kommissionen"),
    "advisory_council": ("neuvosto", "neuvoston", "råd", "rådet", "rådets"),
}
# What an organ is for: Finnish and Swedish words (whole words, or the first part of a
# compound such as kaupungin|valtuusto, stads|fullmäktige) -> one meaning.
ORGAN_DOMAINS = {
    "city": ("kaupungin", "stads"),
    "municipality": ("kunnan", "kommun"),
    "technical": ("tekninen", "teknisen", "tekniska", "teknisk"),
    "education": ("sivistys", "bildnings"),
    "schooling": ("koulutus", "utbildnings"),
    "upbringing": ("kasvatus", "fostrings"),
    "teaching": ("opetus", "undervisnings"),
    "environment": ("ympäristö", "miljö"),
    "building": ("rakennus", "byggnads"),
    "audit": ("tarkastus", "revisions"),
    "central_election": ("keskusvaali", "centralval"),
    "election": ("vaali", "val"),
    "basic_security": ("perusturva", "grundtrygghets"),
    "social": ("sosiaali", "social"),
    "leisure": ("vapaa-aika", "fritids"),
    "culture": ("kulttuuri", "kultur"),
    "youth": ("nuoriso", "ungdoms"),
    "elderly": ("vanhus", "äldre"),
    "disability": ("vammais", "handikapp"),
    "group": ("konserni", "koncern"),
    "personnel": ("henkilöstö", "personal"),
    "planning": ("kaavoitus", "planläggnings"),
    "land_use": ("maankäyttö", "markanvändnings"),
    "permit": ("lupa", "tillstånds"),
    "finnish": ("suomenkielinen", "finska", "finskspråkiga"),
    "swedish": ("ruotsinkielinen", "svenska", "svenskspråkiga"),
}
# Words that join parts of a name ("Kasvatus- ja opetuslautakunta").
CONJUNCTIONS = frozenset({"ja", "och"})

_KIND_OF = {form: kind for kind, forms in ORGAN_KINDS.items() for form in forms}
_KIND_FORMS_LONGEST_FIRST = sorted(_KIND_OF, key=len, reverse=True)
_DOMAIN_OF = {form: domain for domain, forms in ORGAN_DOMAINS.items() for form in forms}


def organ_key(name: str | None) -> tuple[str, ...] | None:
    """The organ's name as language-free meanings, or None when a word is not known.

    ``organ_key("Tekninen lautakunta") == organ_key("Tekniska nämnden")``.
    """
    if not name:
        return None
    key: list[str] = []
    for word in re.split(r"\s+", name.casefold().strip()):
        if word in CONJUNCTIONS:
            continue
        meanings = _word_meanings(word.rstrip("-"))  # "kasvatus-" ja opetus...
        if meanings is None:
            return None
        key += meanings
    return tuple(key) if key and key[-1] in ORGAN_KINDS else None


def _word_meanings(word: str) -> list[str] | None:
    if word in _DOMAIN_OF:
        return [_DOMAIN_OF[word]]
    for form in _KIND_FORMS_LONGEST_FIRST:
        if word.endswith(form):
            prefix = word[: -len(form)].rstrip("-")
            if not prefix:
                return [_KIND_OF[form]]
            if prefix in _DOMAIN_OF:
                return [_DOMAIN_OF[prefix], _KIND_OF[form]]
            return None
    return None


def same_organ(pair: dict) -> bool:
    """The same organization, or organ names that translate each other."""
    if pair["organization"] and pair["organization"] == pair["other_organization"]:
        return True
    key = organ_key(pair["organization_name"])
    return key is not None and key == organ_key(pair["other_organization_name"])


def _register_ids_agree(pair: dict) -> bool:
    first, second = pair["register_id"], pair["other_register_id"]
    return not (first and second) or " ".join(first.split()) == " ".join(second.split())


def language_links(candidates: list[dict]) -> dict[str, list[dict]]:
    """action id -> its translations, from the store's candidate pairs (rules 2-4)."""
    partners: dict[tuple[str, str], set[str]] = defaultdict(set)
    language_of: dict[str, str] = {}
    for pair in candidates:
        if not (same_organ(pair) and _register_ids_agree(pair)):
            continue
        first, second = pair["id"], pair["other_id"]
        language_of[first], language_of[second] = pair["language"], pair["other_language"]
        partners[first, pair["other_language"]].add(second)
        partners[second, pair["language"]].add(first)

    def unambiguous(action_id: str, partner_id: str) -> bool:
        return partners[action_id, language_of[partner_id]] == {partner_id} and partners[
            partner_id, language_of[action_id]
        ] == {action_id}

    links: dict[str, list[dict]] = defaultdict(list)
    for (action_id, language), ids in sorted(partners.items()):
        for partner_id in sorted(ids):
            if unambiguous(action_id, partner_id):
                links[action_id].append({"language": language, "id": partner_id})
    return dict(links)


def link_language_versions(store: Store) -> Counts:
    """Set every action's ``translations`` to what the rules find now; returns the
    records changed (counted like merges, so a run reports them)."""
    counts = Counts()
    with store.transaction():
        wanted = language_links(store.translation_candidates())
        held = store.translations_held()
        for action_id in sorted(wanted.keys() | held.keys()):
            if wanted.get(action_id, []) != held.get(action_id, []):
                counts += store.set_translations(action_id, wanted.get(action_id, []))
    return counts
