"""Detectors for personal data (transform/privacy.py)."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from transform.privacy import (
    EMAIL_REPLACEMENT,
    PHONE_REPLACEMENT,
    OfficialContacts,
    find_emails,
    find_hetus,
    find_person_names,
    find_phones,
    hetu_check_character,
    looks_like_hetu,
    masked_hetu,
    redact_hetus,
    redact_hetus_counted,
    redact_private_contacts,
)
from transform.reader_view import html_view

SAMPLE_HETU = "150372-958K"  # the sample site's fictional code (individual number 900-999)
HETU_REPLACEMENT = "150372-****"  # how it is published: the layout stays


def make_hetu(birth_date: str, sign: str, individual: str) -> str:
    return f"{birth_date}{sign}{individual}{hetu_check_character(birth_date + individual)}"


def wrong_check(code: str) -> str:
    check = "A" if code[-1] != "A" else "B"
    return code[:-1] + check


# --- henkilötunnus -------------------------------------------------------------------


@pytest.mark.parametrize(
    "code",
    [
        "131052-308T",  # the example in the Digital and Population Data Services Agency's guide
        "010594Y9032",  # its example for the 2023 alternative signs
        SAMPLE_HETU,
        "150372-958k",  # typed in lower case
        "010594X9043",  # 2023 alternative 1900s signs
        "020594W903P",
        "020594V904R",
        "020594U905S",
        "010108A9450",
        "020308B9458",  # 2023 alternative 2000s signs
        "020308C9469",
        "020308D947A",
        "020308E948B",
        "020308F949C",
        "131052+308T",  # born in the 1800s
    ],
)
def test_valid_codes_are_recognised(code):
    assert looks_like_hetu(code)
    assert find_hetus(f"tunnus {code}.") == [code]


def test_every_century_sign_is_accepted():
    for sign in "+-AYXWVUBCDEF":
        assert looks_like_hetu(make_hetu("241280", sign, "111")), sign


@pytest.mark.parametrize(
    "not_a_code",
    [
        wrong_check(SAMPLE_HETU),
        "320172-958K",  # day 32
        "151372-958K",  # month 13
        "150372G958K",  # G is no century sign
        "150372-958",  # too short
        "15037-2958K",
    ],
)
def test_near_codes_are_not_codes(not_a_code):
    assert not looks_like_hetu(not_a_code)
    assert find_hetus(not_a_code) == []


def test_redaction_replaces_valid_codes_wherever_they_stand():
    text = f"Kettunen ({SAMPLE_HETU}), x{SAMPLE_HETU}y ja 12{SAMPLE_HETU}"
    assert redact_hetus(text) == (
        f"Kettunen ({HETU_REPLACEMENT}), x{HETU_REPLACEMENT}y ja 12{HETU_REPLACEMENT}"
    )


def test_wrong_check_character_is_kept_unless_labelled():
    mistyped = wrong_check(SAMPLE_HETU)
    assert redact_hetus(f"Viite {mistyped}") == f"Viite {mistyped}"


@pytest.mark.parametrize(
    "label",
    [
        "henkilötunnus",
        "Henkilötunnus:",
        "hetu",
        "HETU:",
        "henkilötunnukseltaan",
        "personbeteckning",
        "Personbeteckning:",
        "sotu",
    ],
)
def test_wrong_check_character_is_removed_after_a_label(label):
    mistyped = wrong_check(SAMPLE_HETU)
    assert redact_hetus(f"{label} {mistyped}") == f"{label} {masked_hetu(mistyped)}"


def test_an_invalid_shape_cannot_hide_an_overlapping_valid_code():
    # "150372-0101" has the shape but a wrong check character ("0" is right); a valid code
    # starts inside it, after the first sign.
    valid = make_hetu("010190", "-", "123")
    text = "150372-" + valid
    assert not looks_like_hetu(text[:11])
    assert find_hetus(text) == [valid]
    assert find_hetus(redact_hetus(text)) == []


def test_adjacent_codes_are_all_removed():
    text = SAMPLE_HETU + SAMPLE_HETU
    redacted, count = redact_hetus_counted(text)
    assert count == 2
    assert redacted == HETU_REPLACEMENT * 2


# --- phones, e-mails, names ----------------------------------------------------------


@pytest.mark.parametrize(
    "number",
    [
        "040 718 2290",
        "03 621 2133",
        "+358 40 718 2290",
        "050-4421876",
        "0407182290",
        "(09) 310 1234",
        "+358 (0)40 718 2290",
    ],
)
def test_phone_numbers_are_found(number):
    text = f"puh. {number}, muuta"
    assert [text[a:b] for a, b in find_phones(text)] == [number]


def test_phone_without_trunk_zero_is_found_after_a_label():
    text = "Puh 621 2133."
    assert [text[a:b] for a, b in find_phones(text)] == ["621 2133"]


@pytest.mark.parametrize(
    "not_a_phone",
    [
        "1 000 000 000 euroa",
        "Y-tunnus 0123456-7",
        "12.1.2025",
        "HML/702/03.07.00/2025",
        "tila 109-412-3-71",
        "13100 Hämeenlinna",
        "vuosina 2026-2027",
        "00100 Helsinki",
        "16 500 kerrosneliömetriä",
        "klo 09.00-12.00",
    ],
)
def test_other_numbers_are_not_phones(not_a_phone):
    assert find_phones(not_a_phone) == []


@pytest.mark.parametrize(
    "address",
    [
        "aapo.kettunen@example.com",
        "etunimi.sukunimi(at)vaasa.fi",
        "kirjaamo@hameenlinna.fi",
        "anna-liisa.o'brien@firma.fi".replace("'", ""),
    ],
)
def test_email_addresses_are_found(address):
    text = f"Osoite: {address}."
    assert [text[a:b] for a, b in find_emails(text)] == [address]


def test_person_names_exclude_companies():
    text = "Aapo Kettunen, Rakennus Vanaja Oy ja Sari Mäkelä-Koivu"
    assert [text[a:b] for a, b in find_person_names(text)] == ["Aapo Kettunen", "Sari Mäkelä-Koivu"]


HAMEENLINNA_OFFICIALS = OfficialContacts.from_people(
    {"hameenlinna.fi"}, ["kaupunginlakimies Heidi Salonen", "kaupunginjohtaja Juhani Lehtola"]
)


def test_officials_are_read_from_role_strings():
    assert HAMEENLINNA_OFFICIALS.names == {("heidi", "salonen"), ("juhani", "lehtola")}


@pytest.mark.parametrize(
    ("name", "official"),
    [
        ("Heidi Salonen", True),
        ("Heidi Salosen", True),  # genitive
        ("Salonen Heidi", True),
        ("Juhani Lehtolan", True),
        ("Heidi Lehtola", False),  # one official's first name, another's surname
        ("Heidi Kettunen", False),
        ("Aapo Salonen", False),
    ],
)
def test_official_names_match_whole_names(name, official):
    assert HAMEENLINNA_OFFICIALS.is_official_name(name) is official


def redact_fi(text: str) -> str:
    return redact_private_contacts(text, HAMEENLINNA_OFFICIALS, "fi")[0]


def test_private_phone_and_email_are_removed():
    text = "Aapo Kettunen, Rauhankatu 14 B 7, puh. 040 718 2290, aapo.kettunen@example.com, on"
    redacted, counts = redact_private_contacts(text, HAMEENLINNA_OFFICIALS, "fi")
    assert redacted == (
        f"Aapo Kettunen, Rauhankatu 14 B 7, puh. {PHONE_REPLACEMENT['fi']}, "
        f"{EMAIL_REPLACEMENT['fi']}, on"
    )
    assert counts == {"phone": 1, "email": 1}


def test_swedish_replacements():
    text = "Sökanden Lars Westin, tfn 040 123 4567, lars@example.com."
    redacted, _ = redact_private_contacts(text, OfficialContacts(), "sv")
    assert PHONE_REPLACEMENT["sv"] in redacted
    assert EMAIL_REPLACEMENT["sv"] in redacted


@pytest.mark.parametrize(
    "official_text",
    [
        "kaupunginlakimies Heidi Salonen, puh. 03 621 2133, heidi.salonen@hameenlinna.fi",
        "Lisätietoja antaa insinööri Matti Virtanen, puh. 040 555 1234, matti@konsultti.fi",
        "Upplysningar ger planerare Anna Berg, tfn 06 221 1234",
        "Kaupungin vaihde 03 621 2000.",
        "Ärenden sköts av registratorskontoret, växel 06 221 1111.",
        "Yhteydenotot: kirjaamo@hameenlinna.fi",
        "Yhteydenotot: tekniikka@palvelut.hameenlinna.fi",
        "Heidi Salosen sähköposti on heidi.salonen@hyvinvointialue.fi",
        "Asiaa hoitaa kaupunginjohtaja Juhani Lehtola (juhani.lehtola@gmail.com).",
        "puh. 03 621 2133, heidi.salonen@hameenlinna.fi",
    ],
)
def test_officials_contact_details_stay(official_text):
    assert redact_fi(official_text) == official_text


@pytest.mark.parametrize(
    "private_text",
    [
        # An official named earlier in the sentence does not make a later person's number official.
        "Heidi Salonen neuvotteli Aapo Kettusen (p. 040 718 2290) kanssa.",
        # A contact sentence does not extend to the next sentence.
        "Lisätietoja antaa Heidi Salonen. Hakija Aapo Kettunen, puh. 040 718 2290.",
        "Hakijan puhelinnumero on 050 442 1876.",
        "Sökanden Lars Westin, lars.westin@gmail.com.",
        # An address at a town domain is official; naming a town official in the local part of
        # a private address is not.
        "Yhteydenotot heidi.salonen@gmail.com",
    ],
)
def test_private_contact_details_go(private_text):
    redacted = redact_fi(private_text)
    assert PHONE_REPLACEMENT["fi"] in redacted or EMAIL_REPLACEMENT["fi"] in redacted


# --- properties ----------------------------------------------------------------------

# Text rich in the characters codes are made of, so that shapes occur often.
code_like_text = st.lists(
    st.sampled_from(
        list("0123456789-+ABCDEFHKLNRTUVWXYabc []:/.,\n")
        + [
            "henkilötunnus ",
            "hetu ",
            "personbeteckning ",
            HETU_REPLACEMENT,
            SAMPLE_HETU,
            "020308F949C",
            "010594Y9032",
        ]
    ),
    max_size=60,
).map("".join)


@settings(max_examples=400)
@given(st.one_of(st.text(), code_like_text))
@example(SAMPLE_HETU + SAMPLE_HETU)
@example("150372-" + make_hetu("010190", "-", "123"))
def test_redaction_is_idempotent_and_leaves_no_valid_code(text):
    once = redact_hetus(text)
    assert redact_hetus(once) == once
    assert find_hetus(once) == []


@given(st.text(), st.text())
def test_an_inserted_code_never_survives(before, after):
    assert SAMPLE_HETU not in redact_hetus(before + SAMPLE_HETU + after)


@given(st.one_of(st.text(), code_like_text))
def test_detectors_never_crash(text):
    looks_like_hetu(text)
    find_phones(text)
    find_emails(text)
    find_person_names(text)
    redacted, counts = redact_private_contacts(text, HAMEENLINNA_OFFICIALS, "sv")
    assert set(counts) <= {"phone", "email"}
    assert redact_private_contacts(redacted, HAMEENLINNA_OFFICIALS, "sv")[1] == {}


# --- codes in disguise (issue 13, 1) -------------------------------------------------

DISGUISED = {
    "non-breaking hyphen": "150372\u2011958K",
    "en dash": "150372\u2013958K",
    "minus sign": "150372\u2212958K",
    "soft hyphen inside": "1503\u00ad72-958K",
    "zero-width space inside": "150\u200b372-958K",
    "word joiner inside": "150372-95\u20608K",
    "no-break space inside": "1503\u00a072-958K",
    "fullwidth": "\uff11\uff15\uff10\uff13\uff17\uff12\uff0d\uff19\uff15\uff18\uff2b",
    "markup between the parts": "150372<span>-</span>958K",
    "markup inside the date": "15<b>03</b>72-958K",
    "entity for the sign": "150372&#8209;958K",
    "entity for the sign, hex": "150372&#x2d;958K",
    "check character as an entity": "150372-958&#75;",
}


@pytest.mark.parametrize("disguised", DISGUISED.values(), ids=DISGUISED.keys())
def test_a_code_in_disguise_is_found_and_masked_in_its_layout(disguised):
    text = f"Hakija {disguised}, Hämeenlinna"
    redacted = redact_hetus(text)
    assert find_hetus(text) == [SAMPLE_HETU]
    assert find_hetus(redacted) == []
    assert "150372-****" in html_view(redacted).text
    assert redacted.startswith("Hakija ") and redacted.endswith(", Hämeenlinna")


def test_look_alike_century_signs_are_folded():
    code = make_hetu("020308", "A", "945")
    for look_alike in ("\u0410", "\u0391", "\uff21"):  # Cyrillic, Greek, fullwidth A
        disguised = code.replace("A", look_alike)
        assert find_hetus(disguised) == [code]
        assert redact_hetus(disguised) == "020308A****"


def test_markup_around_a_masked_code_stays_well_formed():
    assert redact_hetus("<p>150372<span>-</span><b>958K</b></p>") == (
        "<p>150372<span>-</span><b>****</b></p>"
    )


SPACED = {
    "spaces around the sign": ("150372 - 958K", "150372 - ****"),
    "space before the sign": ("150372 -958K", "150372 -****"),
    "space after the sign": ("150372- 958K", "150372- ****"),
    "wrapped after the sign": ("150372-\n958K", "150372-\n****"),
    "wrapped before the sign": ("150372\n-958K", "150372\n-****"),
    "tab and space": ("150372\t- 958k", "150372\t- ****"),
}


@pytest.mark.parametrize("spaced, masked", SPACED.values(), ids=SPACED.keys())
def test_a_code_typed_with_spaces_or_wrapped_at_its_sign_is_found_and_masked(spaced, masked):
    text = f"Hakija {spaced}, Hämeenlinna"
    redacted = redact_hetus(text)
    assert find_hetus(text) in ([SAMPLE_HETU], [SAMPLE_HETU.lower()])
    assert redacted == f"Hakija {masked}, Hämeenlinna"
    assert find_hetus(redacted) == [] and redact_hetus(redacted) == redacted


def test_spaced_numbers_with_a_wrong_check_character_are_kept():
    text = "Sopimus 150372 - 958J ja tilinumero 123456 A 7890"
    assert find_hetus(text) == [] and redact_hetus(text) == text


def test_a_labelled_mistyped_code_is_removed_spaced_too():
    assert redact_hetus("henkilötunnus 150372 - 958J") == "henkilötunnus 150372 - ****"


def test_a_code_split_over_two_paragraphs_is_not_joined():
    """A reader sees two lines; "150372" alone is no code."""
    text = "<p>150372</p><p>-958K</p>"
    assert redact_hetus(text) == text


_FORMAT_CHARACTERS = [
    "\u00ad",
    "\u200b",
    "\u200c",
    "\u200d",
    "\u2060",
    "\ufeff",
    "\u00a0",
    "\u202f",
    "\u2009",
]
_DASH_LIKES = [
    "-",
    "\u2010",
    "\u2011",
    "\u2012",
    "\u2013",
    "\u2014",
    "\u2212",
    "\ufe63",
    "\uff0d",
    "&#8209;",
    "<i>-</i>",
]


@st.composite
def disguised_codes(draw):
    """A valid code, with any mix of the disguises a reader would see through."""
    day, month = draw(st.integers(1, 28)), draw(st.integers(1, 12))
    birth_date = f"{day:02d}{month:02d}{draw(st.integers(0, 99)):02d}"
    code = make_hetu(birth_date, "-", f"{draw(st.integers(2, 899)):03d}")
    pieces = [draw(st.sampled_from([c, chr(ord(c) + 0xFEE0)])) if c.isalnum() else c for c in code]
    pieces[6] = draw(st.sampled_from(_DASH_LIKES))
    for index in draw(st.lists(st.integers(1, 10), max_size=4)):
        pieces[index] = (
            draw(st.sampled_from(_FORMAT_CHARACTERS + ["<span>", "</b>"])) + (pieces[index])
        )
    return code, "".join(pieces)


@settings(max_examples=300)
@given(disguised_codes(), st.text(max_size=20), st.text(max_size=20))
def test_no_code_survives_in_any_disguise(disguised, before, after):
    code, written = disguised
    redacted = redact_hetus(f"{before} {written} {after}")
    assert find_hetus(redacted) == []
    assert code not in html_view(redacted).text
    assert redact_hetus(redacted) == redacted


@pytest.mark.parametrize(
    "markup",
    [
        f'<a title="{SAMPLE_HETU}" href="https://x/?h={SAMPLE_HETU}">liite</a>',  # in a tag
        f"<p>x &amp;{SAMPLE_HETU}</p>",  # beside an entity
        f"<p>{SAMPLE_HETU}</p>",
    ],
)
def test_a_plain_code_in_or_beside_markup_is_masked(markup):
    redacted = redact_hetus(markup)
    assert SAMPLE_HETU not in redacted and HETU_REPLACEMENT in redacted
