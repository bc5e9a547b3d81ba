"""Items and matters from actions (transform/items.py), votes (transform/votes.py) and
procedural items (transform/procedural.py)."""

from __future__ import annotations

import pytest

from transform.items import group_items, matter_id
from transform.procedural import is_procedural
from transform.votes import extract_dissents, extract_votes

TOWN = {"id": "testby", "languages": ["sv", "fi"]}
ORGANS = [
    {"id": "testby:org:1", "name": "Kommunfullmäktige"},
    {"id": "testby:org:2", "name": "Kunnanvaltuusto"},
    {"id": "testby:org:3", "name": "Kommunstyrelsen"},
    {"id": "testby:org:9", "name": "Tekniska direktören"},
]
MEETINGS = [
    {"id": "testby:meeting:a", "organization": "testby:org:3", "document_kind": "agenda"},
    {"id": "testby:meeting:m", "organization": "testby:org:3", "document_kind": "minutes"},
    {"id": "testby:meeting:sv", "organization": "testby:org:1", "document_kind": "minutes"},
    {"id": "testby:meeting:fi", "organization": "testby:org:2", "document_kind": "minutes"},
]


def action(
    origin,
    meeting,
    number,
    title,
    register_id=None,
    organ="testby:org:3",
    date="2026-11-02",
    language="sv",
    **fields,
):
    return {
        "id": f"testby:action:{origin}",
        "meeting": meeting,
        "organization": organ,
        "article_number": number,
        "title": title,
        "register_id": register_id,
        "date": date,
        "language": language,
        **fields,
    }


def items_of(actions):
    derived = group_items(TOWN, ORGANS, MEETINGS, actions)
    return {
        item["id"]: sorted(d["action"].split(":")[2] for d in item["documents"])
        for item in derived.items
    }, derived


def test_agenda_and_minutes_numbered_differently_are_one_item():
    """Dynasty: agenda item 3 is the minutes' § 187 (register number), item 1 is § 185
    (title); the agenda's numbers name the items."""
    items, _ = items_of(
        [
            action("a1", "testby:meeting:a", "1", "Mötets laglighet och beslutförhet"),
            action("a3", "testby:meeting:a", "3", "Budget 2027", "KRS/1/2026"),
            action("a4", "testby:meeting:a", "4", "Skattesats", "KRS/2/2026"),
            action("m185", "testby:meeting:m", "185", "Mötets laglighet och beslutförhet"),
            action("m187", "testby:meeting:m", "187", "Budget 2027", "KRS/1/2026"),
            # § 3 of the minutes is not the agenda's item 3: never two documents of one meeting
            action("m3", "testby:meeting:m", "4", "Skattesats", "KRS/2/2026"),
        ]
    )
    assert items == {
        "testby:item:3-20261102-1": ["a1", "m185"],
        "testby:item:3-20261102-3": ["a3", "m187"],
        "testby:item:3-20261102-4": ["a4", "m3"],
    }


def test_language_versions_of_twin_organs_are_one_item_in_one_matter():
    items, derived = items_of(
        [
            action(
                "sv53",
                "testby:meeting:sv",
                "53",
                "Budget 2027",
                "PEDDno-2026-355",
                organ="testby:org:1",
                outcome="amended",
            ),
            action(
                "fi53",
                "testby:meeting:fi",
                "53",
                "Talousarvio 2027",
                "PEDDno-2026-355",
                organ="testby:org:2",
                language="fi",
                outcome="amended",
            ),
        ]
    )
    assert items == {"testby:item:1-20261102-53": ["fi53", "sv53"]}
    item = derived.items[0]
    assert item["decision_document"] == "testby:action:sv53"  # the main language's
    assert (item["status"], item["outcome"]) == ("decided", "amended")
    assert derived.matters[0]["id"] == "testby:matter:peddno-2026-355"
    assert derived.matters[0]["items"] == [item["id"]]


def test_an_agenda_only_item_is_pending_and_officeholder_decisions_are_their_own():
    _, derived = items_of(
        [
            action("a5", "testby:meeting:a", "5", "Avtal", "KRS/5/2026"),
            action(
                "d1",
                None,
                "12",
                "Upphandling",
                "KRS/5/2026",
                organ="testby:org:9",
                date="2026-12-01",
                outcome="decided",
                decision_maker="Tekniska direktören",
            ),
        ]
    )
    by_id = {item["id"]: item for item in derived.items}
    assert by_id["testby:item:3-20261102-5"]["status"] == "pending"
    assert by_id["testby:item:3-20261102-5"]["outcome"] is None
    assert by_id["testby:item:9-20261201-12"]["outcome"] == "decided"
    assert derived.matters[0]["items"] == [
        "testby:item:3-20261102-5",
        "testby:item:9-20261201-12",
    ]  # oldest first


def test_matter_ids_are_plain_path_segments():
    assert matter_id("vaasa", " VAA/2233/08.01.00/2026 ") == ("vaasa:matter:vaa-2233-08.01.00-2026")
    assert matter_id("vaasa", "") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Puheenjohtaja esitti äänestettäväksi siten, että kaupunginhallituksen esitystä "
            "kannattavat äänestävät JAA ja valtuutettu Niemen "
            "muutosehdotusta kannattavat äänestävät "
            "EI. Äänestyksessä annettiin 23 JAA-ääntä ja 28 EI-ääntä (1 tyhjä, 2 poissa).",
            {
                "yes": 23,
                "no": 28,
                "blank": 1,
                "absent": 2,
                "majority": 28,
                "minority": 23,
                "yes_proposal": "kaupunginhallituksen esitystä",
                "no_proposal": "valtuutettu Niemen muutosehdotusta",
            },
        ),
        (
            "De som understöder stadsstyrelsens förslag röstar JA och de som understöder Backmans "
            "förslag röstar NEJ. Vid omröstningen avgavs 12 JA-röster och 15 NEJ-röster.",
            {
                "yes": 12,
                "no": 15,
                "majority": 15,
                "minority": 12,
                "yes_proposal": "stadsstyrelsens förslag",
                "no_proposal": "Backmans förslag",
            },
        ),
        (  # in capitals: the proposals' words are looked for in any case
            "DE SOM UNDERSTÖDER STYRELSENS FÖRSLAG RÖSTAR JA OCH DE SOM UNDERSTÖDER "
            "ÅBERGS FÖRSLAG RÖSTAR NEJ. Vid omröstningen avgavs 3 JA-röster och 4 NEJ-röster.",
            {
                "yes": 3,
                "no": 4,
                "majority": 4,
                "minority": 3,
                "yes_proposal": "STYRELSENS FÖRSLAG",
                "no_proposal": "ÅBERGS FÖRSLAG",
            },
        ),
        ("Hylättiin esitys äänin 5-4.", {"majority": 5, "minority": 4}),
        (
            "Beslutet ändrades efter omröstning (24–11): anslaget höjs.",
            {"majority": 24, "minority": 11},
        ),
    ],
)
def test_votes_are_read_in_finnish_and_swedish(text, expected):
    votes = extract_votes({"contents": [{"type": "proceedings", "text": text}]})
    assert len(votes) == 1
    assert {
        key: value for key, value in votes[0].items() if value is not None and key != "text"
    } == expected


def test_dissents_are_kept_as_written():
    text = "Hyväksyttiin. Valtuutettu Laine jätti päätöksestä eriävän mielipiteen."
    assert extract_dissents({"contents": [{"type": "decision", "text": text}]}) == [
        "Valtuutettu Laine jätti päätöksestä eriävän mielipiteen."
    ]


@pytest.mark.parametrize(
    ("title", "procedural"),
    [
        ("Kokouksen laillisuus ja päätösvaltaisuus", True),
        ("Val av protokolljusterare", True),
        ("Pöytäkirjan kansilehti", True),
        ("Oikaisuvaatimusohje", True),
        ("Kaupunginhallitus 26.10.2026", True),
        ("Talousarvio 2027", False),
        ("Laglighet och beslutförhet i budgetfrågor", False),
    ],
)
def test_procedural_items_by_title(title, procedural):
    assert is_procedural({"title": title}) is procedural


def test_names_are_read_where_the_minutes_list_them():
    text = (
        "Äänestyksessä annettiin 2 JAA-ääntä ja 1 EI-ääntä.\n"
        "JAA: Niemi, Kallio\nEI: Laine\nPoissa: Virta"
    )
    (vote,) = extract_votes({"contents": [{"type": "proceedings", "text": text}]})
    assert (vote["yes_names"], vote["no_names"], vote["absent_names"]) == (
        ["Niemi", "Kallio"],
        ["Laine"],
        ["Virta"],
    )
    assert vote["blank_names"] is None
