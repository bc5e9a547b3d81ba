"""harvest/platforms/sections.py: the decision-text vocabulary KTweb and Dynasty share."""

from __future__ import annotations

import pytest

from harvest.platforms.sections import (
    ATTACHMENTS,
    DECISION_MAKER,
    PREPARERS,
    PRESENTER,
    Section,
    attachment_record,
    contents_of,
    fold_history,
    function_code_of,
    history_entry,
    label_kind,
    language_of,
    parse_start,
    people_in,
    person_name,
    register_id_in,
)
from transform.schema import ContentType


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Päätösehdotus", (ContentType.PROPOSAL, "fi")),
        ("Beslutsförslag:", (ContentType.PROPOSAL, "sv")),
        ("Kaupunginjohtajan päätösehdotus", (ContentType.PROPOSAL, "fi")),
        ("Valmistelijat / lisätiedot:", (PREPARERS, "fi")),
        ("Beredare / mer information", (PREPARERS, "sv")),
        ("Föredragande", (PRESENTER, "sv")),
        ("Päättäjä", (DECISION_MAKER, "fi")),
        ("Bilagor", (ATTACHMENTS, "sv")),
        ("Oikaisuvaatimusohje", (ContentType.APPEAL, "fi")),
        ("Päätöshistoria", (ContentType.OTHER, "fi")),
        ("Valmistelijat / Päätös", None),  # two different things
        ("Uusi kuntalaki", None),
    ],
)
def test_label_kind(label, expected):
    assert label_kind(label) == expected


@pytest.mark.parametrize(
    ("texts", "register_id", "code"),
    [
        (["Dnro 2771/10.03.01/2026"], "2771/10.03.01/2026", "10.03.01"),
        (["x", "VD/1545/00.04.00/2017"], "VD/1545/00.04.00/2017", "00.04.00"),
        (["730/2017", "00.01.01.00"], None, None),  # the split form is the platform's business
    ],
)
def test_register_id_and_function_code(texts, register_id, code):
    found = register_id_in(texts)
    assert (found, function_code_of(found)) == (register_id, code)


def test_history_entries_in_both_orders():
    assert (
        history_entry("Kaupunginhallitus 105 § 10.4.2017")
        == history_entry("Kaupunginhallitus 10.4.2017 § 105")
        == {"organization": "Kaupunginhallitus", "date": "2017-04-10", "article_number": "105"}
    )
    assert history_entry("Kaupunginhallitus 31.2.2017 § 105") is None


def test_start_keeps_the_helsinki_offset_of_the_day():
    assert parse_start("08.05.2017 klo 15:30") == "2017-05-08T15:30:00+03:00"
    assert parse_start("12.12.2016 kl. 17.00") == "2016-12-12T17:00:00+02:00"
    assert parse_start("29.05.2017") == "2017-05-29"


def test_people_lose_their_contact_details():
    assert person_name("Riitta-Liisa Kammonen, puh.  050 597 0956") == "Riitta-Liisa Kammonen"
    assert person_name("etunimi.sukunimi@espoo.fi") == ""
    section = Section(PREPARERS, "fi", "Valmistelija", [("A B, tfn 06 123; C D", True)])
    assert people_in([section], PREPARERS) == ["A B", "C D"]


def test_earlier_handlings_are_folded_into_the_history_section():
    sections = [
        Section(ContentType.PROPOSAL, "fi", "Päätösehdotus", [("Hyväksytään.", True)]),
        Section(ContentType.DECISION, "fi", "Päätös", [("Hyväksyttiin esitys.", True)]),
        Section(ContentType.OTHER, "fi", "Päätöshistoria", []),
        Section(ContentType.PROPOSAL, "fi", "Päätösehdotus", [("Hyväksytään.", True)]),
        Section(ContentType.DECISION, "fi", "Päätös", [("Asia jätettiin pöydälle.", True)]),
        Section(ContentType.OTHER, "fi", "Tiedoksi", [("Hakija", True)]),
    ]
    contents = contents_of(fold_history(sections))
    assert [(c["type"], c["label"]) for c in contents] == [
        (ContentType.PROPOSAL, "Päätösehdotus"),
        (ContentType.DECISION, "Päätös"),
        (ContentType.OTHER, "Päätöshistoria"),
        (ContentType.OTHER, "Tiedoksi"),
    ]
    assert contents[2]["text"] == (
        "Päätösehdotus\n\nHyväksytään.\n\nPäätös\n\nAsia jätettiin pöydälle."
    )
    assert language_of(sections) == "fi"


def test_withheld_attachments_keep_their_mention_without_a_url():
    assert attachment_record("Tarjousvertailu", "http://x/1.PDF", "Salassa pidettävä") == {
        "public": False, "name": "Tarjousvertailu",
        "confidentiality_reason": "Salassa pidettävä",
    }  # fmt: skip
    assert attachment_record("Kartta.pdf", "http://x/2.PDF") == {
        "public": True, "name": "Kartta.pdf", "url": "http://x/2.PDF",
        "media_type": "application/pdf",
    }  # fmt: skip
