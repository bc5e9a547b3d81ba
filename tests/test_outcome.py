"""Outcome classification from decision text, Finnish and Swedish (transform/outcome.py)."""

from __future__ import annotations

import pytest

from transform.outcome import RULES, classify_outcome, classify_text, decision_text
from transform.schema import ContentType, Outcome

APPROVED = Outcome.APPROVED_AS_PROPOSED
AMENDED = Outcome.AMENDED
TABLED = Outcome.TABLED
RETURNED = Outcome.RETURNED
REJECTED = Outcome.REJECTED
NOTED = Outcome.NOTED
UNKNOWN = Outcome.UNKNOWN

DECISIONS = [
    # Approved as proposed, Finnish.
    ("Hyväksyttiin esitys.", APPROVED),
    ("Hyväksyttiin päätösehdotus.", APPROVED),
    ("Esitys hyväksyttiin.", APPROVED),
    ("Päätösehdotus hyväksyttiin yksimielisesti.", APPROVED),
    ("Hyväksyttiin yksimielisesti esitys.", APPROVED),
    ("Kaupunginhallitus hyväksyi esityksen.", APPROVED),
    ("Lautakunta hyväksyi päätösehdotuksen yksimielisesti.", APPROVED),
    ("Hyväksyttiin.", APPROVED),
    ("HYVÄKSYTTIIN ESITYKSEN MUKAISESTI.", APPROVED),
    ("Äänestyksen jälkeen hyväksyttiin päätösehdotus äänin 7-4.", APPROVED),
    ("Äänestyksessä päätösehdotus voitti Anna Virran vastaehdotuksen äänin 8-3.", APPROVED),
    ("Muutosehdotusta ei hyväksytty, joten hyväksyttiin esitys.", APPROVED),
    ("Kaupunginhallitus hylkäsi oikaisuvaatimuksen esityksen mukaisesti.", APPROVED),
    ("Hyväksyttiin esitys ilman muutoksia.", APPROVED),
    ("Esitys hyväksyttiin. Päätös lähetetään tiedoksi rakennusvalvonnalle.", APPROVED),
    (
        "Jäsen Virta ehdotti Laineen kannattamana, että asia jätetään pöydälle. "
        "Ehdotus raukesi. Hyväksyttiin esitys.",
        APPROVED,
    ),
    # Approved as proposed, Swedish.
    ("Förslaget godkändes.", APPROVED),
    ("Godkändes enligt förslaget.", APPROVED),
    ("Beslutsförslaget godkändes enhälligt.", APPROVED),
    ("Stadsstyrelsen godkände förslaget.", APPROVED),
    ("Förslaget godkändes. Till ersättare valdes Helena Sundqvist.", APPROVED),
    ("Efter omröstning godkändes beslutsförslaget med rösterna 6-3.", APPROVED),
    ("Nämnden beslöt i enlighet med förslaget.", APPROVED),
    ("Förslaget godkändes utan ändringar.", APPROVED),
    # Amended.
    ("Hyväksyttiin esitys muutettuna siten, että määräaika on 31.3.2026.", AMENDED),
    ("Päätösehdotus hyväksyttiin muutetussa muodossa.", AMENDED),
    ("Hyväksyttiin seuraavin muutoksin: kohta 3 poistetaan.", AMENDED),
    (
        "Äänestyksen jälkeen kaupunginhallitus hyväksyi Laura Niemen tekemän "
        "muutosehdotuksen äänin 6-5.",
        AMENDED,
    ),
    ("Kaupunginhallitus hyväksyi päätösehdotuksen seuraavalla lisäyksellä: ...", AMENDED),
    ("Esittelijän muutettu päätösehdotus hyväksyttiin.", AMENDED),
    (
        "Kaupunginvaltuusto hyväksyi talousarviomuutokset muutettuna siten, että "
        "Aulangon ulkoilureittien kunnostukseen lisätään 250 000 euroa. Muilta osin "
        "esitys hyväksyttiin.",
        AMENDED,
    ),
    ("Förslaget godkändes med ändringar.", AMENDED),
    (
        "Beslutet ändrades efter omröstning (24–11): anslaget för beläggning av byavägar "
        "höjs med 150 000 euro, i övrigt godkändes budgeten enligt förslaget.",
        AMENDED,
    ),
    (
        "Valtuusto hyväksyi talousarvion muutettuna äänestyksen jälkeen (24–11): "
        "kyläteiden päällystämisen määrärahaa korotetaan 150 000 eurolla.",
        AMENDED,
    ),
    ("Esittelijä muutti päätösehdotustaan. Hyväksyttiin esitys.", AMENDED),
    ("Nämnden godkände ändrat förslag.", AMENDED),
    (
        "Stadsfullmäktige godkände budgeten med den ändringen att anslaget höjs med "
        "60 000 euro. I övrigt godkändes förslaget.",
        AMENDED,
    ),
    ("Efter omröstning 5-4 godkändes Anna Backmans ändringsförslag.", AMENDED),
    ("Efter omröstning omfattade nämnden ändringsförslaget.", AMENDED),
    # Tabled: beats approval.
    ("Asia jätettiin pöydälle.", TABLED),
    ("Hyväksyttiin Satu Rinteen ehdotus jättää asia pöydälle.", TABLED),
    (
        "Kaupunginhallitus päätti yksimielisesti jättää asian pöydälle seuraavaan kokoukseen.",
        TABLED,
    ),
    ("Ärendet bordlades.", TABLED),
    ("Ärendet bordläggs till nästa möte.", TABLED),
    ("Nämnden omfattade enhälligt förslaget om bordläggning.", TABLED),
    # Returned.
    ("Asia palautettiin valmisteluun.", RETURNED),
    ("Asia palautettiin uudelleen valmisteluun.", RETURNED),
    ("Palautettiin.", RETURNED),
    ("Kaupunginhallitus hyväksyi palautusehdotuksen äänin 6-3.", RETURNED),
    ("Ärendet återremitterades.", RETURNED),
    ("Nämnden beslöt om återremiss.", RETURNED),
    # Rejected: the proposal, in so many words.
    ("Esitys hylättiin.", REJECTED),
    ("Hylättiin.", REJECTED),
    ("Kaupunginhallitus hylkäsi esityksen äänin 5-6.", REJECTED),
    ("Esitystä ei hyväksytty.", REJECTED),
    ("Lautakunta ei hyväksynyt päätösehdotusta.", REJECTED),
    ("Förslaget förkastades.", REJECTED),
    ("Förslaget avslogs efter omröstning.", REJECTED),
    ("Förslaget godkändes inte.", REJECTED),
    ("Nämnden godkände inte förslaget.", REJECTED),
    # Noted.
    ("Merkittiin tiedoksi.", NOTED),
    ("Kaupunginhallitus merkitsi pöytäkirjat tiedoksi.", NOTED),
    ("Antecknades för kännedom.", NOTED),
    ("Delgivningarna antecknades till kännedom.", NOTED),
    ("För kännedom.", NOTED),
    # Unknown: no outcome word, or a negation that leaves it open.
    ("Todettiin kokous lailliseksi ja päätösvaltaiseksi.", UNKNOWN),
    ("Pöytäkirjan tarkastajiksi valittiin Minna Koskela ja Eero Mattila.", UNKNOWN),
    ("Mötet konstaterades vara lagligt sammankallat och beslutfört.", UNKNOWN),
    ("Till protokolljusterare valdes Kim Öhman och Maria Hellström.", UNKNOWN),
    ("Oikaisuvaatimus hylättiin.", UNKNOWN),  # a claim, not the proposal
    ("Asiaa ei jätetty pöydälle.", UNKNOWN),
    ("Muutosehdotus hylättiin äänin 3-8.", UNKNOWN),
    ("Kaupunginhallitus ei hyväksynyt oikaisuvaatimusta.", UNKNOWN),
    ("Ehdotus asian jättämisestä pöydälle raukesi kannattamattomana.", UNKNOWN),
    ("Antecknades till protokollet att ledamot Strand anmälde jäv.", UNKNOWN),
    ("Jäsen Virta ehdotti Laineen kannattamana, että asia palautetaan valmisteluun.", UNKNOWN),
    ("Päätös lähetetään tiedoksi teknisen toimen johtajalle.", UNKNOWN),
]


@pytest.mark.parametrize(("text", "expected"), DECISIONS)
def test_decision_sentence_is_classified(text, expected):
    assert classify_text(text) == expected


def test_the_table_covers_every_outcome_in_both_languages():
    assert len(DECISIONS) >= 40
    # decided and procedural are not read from the wording: transform/derive.py sets them
    # from who decided and the title (tests/test_derive.py).
    read_from_text = set(Outcome) - {Outcome.DECIDED, Outcome.PROCEDURAL}
    assert {expected for _, expected in DECISIONS} == read_from_text


def test_rules_are_ordered_by_policy():
    order = [rule.outcome for rule in RULES]
    assert order.index(TABLED) < order.index(APPROVED)
    assert order.index(RETURNED) < order.index(APPROVED)
    assert order.index(AMENDED) < order.index(REJECTED) < order.index(NOTED)


def _action(*contents: tuple[ContentType, str]) -> dict:
    return {
        "id": "x:action:1",
        "contents": [
            {"type": content_type, "label": "", "text": text} for content_type, text in contents
        ],
    }


def test_decision_text_wins_over_proceedings():
    action = _action(
        (ContentType.PROCEEDINGS, "Puheenjohtaja totesi, että asia jätetään pöydälle."),
        (ContentType.DECISION, "Hyväksyttiin esitys."),
    )
    assert decision_text(action) == "Hyväksyttiin esitys."
    assert classify_outcome(action) == APPROVED


def test_proceedings_are_read_when_there_is_no_decision_section():
    action = _action(
        (ContentType.PROPOSAL, "Hyväksytään esitys."),
        (
            ContentType.PROCEEDINGS,
            "Jäsen Granlund ehdotti Ojalan kannattamana, että asia palautetaan valmisteluun. "
            "Puheenjohtaja totesi lautakunnan yksimielisesti hyväksyneen palautusehdotuksen.",
        ),
    )
    assert classify_outcome(action) == RETURNED


@pytest.mark.parametrize(
    "contents",
    [
        (),
        ((ContentType.PROPOSAL, "Kaupunginhallitus hyväksyy esityksen."),),
        ((ContentType.DECISION, "   "),),
    ],
)
def test_nothing_to_read_is_unknown(contents):
    action = _action(*contents)
    assert decision_text(action) is None
    assert classify_outcome(action) == UNKNOWN
