"""The publishing rules (transform/publishing.py)."""

from __future__ import annotations

import copy
import json
import re
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from harvest.platforms import parse_page
from transform.privacy import (
    PHONE_REPLACEMENT,
    find_hetus,
    hetu_check_character,
    masked_hetu,
)
from transform.publishing import (
    DEFAULT_TAKEDOWNS,
    NOTICE_LABEL,
    REDACTION_KEYS,
    PublishingPolicy,
    TakedownsError,
    concerns_private_person,
    load_takedowns,
    publishable,
)
from transform.schema import ContentType, RecordType, validate_record

SAMPLE_HETU = "150372-958K"
HETU_REPLACEMENT = masked_hetu(SAMPLE_HETU)  # "150372-****"
DECIDED = date(2025, 3, 17)
WITHIN_RETENTION = PublishingPolicy(today=DECIDED + timedelta(days=3))
PAST_RETENTION = PublishingPolicy(today=DECIDED + timedelta(days=200))
PROJECT = Path(__file__).resolve().parent.parent
SAMPLE_HAMEENLINNA = PROJECT / "sample_sites" / "ktweb" / "hameenlinna"


def _hex_digest_containing_a_valid_code() -> str:
    """A lower-case hex run that is a valid code (century sign "a", check character 0-f)."""
    for individual in range(100, 1000):
        check = hetu_check_character(f"150372{individual}")
        if check in "0123456789ABCDEF":
            return f"150372a{individual}{check.lower()}"
    raise AssertionError("no such code")


HEX_WITH_A_CODE = _hex_digest_containing_a_valid_code()


def private_action(**changes) -> dict:
    action = {
        "id": "hameenlinna:action:3120154",
        "municipality": "hameenlinna",
        "organization": "hameenlinna:org:21015",
        "meeting": "hameenlinna:meeting:31201",
        "origin_id": "3120154",
        "title": f"Vahingonkorvausvaatimus / Aapo Kettunen {SAMPLE_HETU}",
        "language": "fi",
        "date": DECIDED.isoformat(),
        "presenter": "kaupunginjohtaja Juhani Lehtola",
        "preparers": ["kaupunginlakimies Heidi Salonen"],
        "history": [
            {"organization": f"Hakemus {SAMPLE_HETU}", "date": "2025-03-17", "article_number": "90"}
        ],
        "contents": [
            {
                "type": "presentation",
                "label": "Esittelyteksti",
                "text": f"Aapo Kettunen ({SAMPLE_HETU}), puh. 040 718 2290, aapo@example.com, "
                "vaatii korvausta. Lisätietoja antaa Heidi Salonen, puh. 03 621 2133, "
                "heidi.salonen@hameenlinna.fi.",
                "html": f"<p>Aapo Kettunen ({SAMPLE_HETU})</p>",
            },
            {"type": "decision", "label": "Päätös", "text": "Hyväksyttiin esitys."},
        ],
        "attachments": [
            {
                "name": f"Korvausvaatimus {SAMPLE_HETU}",
                "url": "https://x/liite.pdf",
                "public": True,
                "media_type": "application/pdf",
                "sha256": "ab" * 32,
                "text": f"Hakija {SAMPLE_HETU}",
            },
        ],
        "pdf_url": "https://x/ktproxy2.dll?doctype=3&docid=3120154",
        "source_url": "https://x/ktproxy2.dll?doctype=3&docid=3120154",
        "raw_sha256": "0" * 64,
    }
    action.update(changes)
    return action


def public_action(**changes) -> dict:
    action = private_action(
        title="Katujen talvikunnossapidon urakka 2027-2030, hankintapäätös",
        contents=[
            {
                "type": "presentation",
                "label": "Esittelyteksti",
                "text": "Tarjouksia saatiin viisi. Urakoitsijan yhteyshenkilö Pekka Puro, "
                "puh. 040 123 4567, pekka.puro@tiepalvelu.fi. Lisätietoja antaa Heidi "
                "Salonen, puh. 03 621 2133, heidi.salonen@hameenlinna.fi.",
            },
        ],
        attachments=[
            {
                "name": "Urakka-alueiden kartta",
                "url": "https://x/kartta.pdf",
                "public": True,
                "text": "Alueet 1-4.",
            }
        ],
        history=[
            {"organization": "Kaupunginhallitus", "date": "2025-03-17", "article_number": "90"}
        ],
    )
    action.update(changes)
    return action


def dumped(record) -> str:
    return json.dumps(record, ensure_ascii=False)


# --- the policy and the takedown list ------------------------------------------------


def test_policy_defaults():
    policy = PublishingPolicy()
    assert policy.retention_days == 60
    assert policy.takedowns == frozenset()
    assert policy.today == date.today()


def test_shipped_takedown_list_loads_and_is_empty():
    assert DEFAULT_TAKEDOWNS.exists()
    assert load_takedowns() == frozenset()
    policy = PublishingPolicy.load(today=DECIDED, retention_days=30)
    assert (policy.takedowns, policy.today, policy.retention_days) == (frozenset(), DECIDED, 30)


GOOD_TAKEDOWNS = """\
# comment
[[takedown]]
id = "vaasa:action:123"
reason = "Request by the person concerned"
requested = 2026-01-02

[[takedown]]
id = "hameenlinna:meeting:31201"
reason = "Court order"
requested = 2026-02-03
"""


def test_takedown_list_is_read(tmp_path):
    path = tmp_path / "takedowns.toml"
    path.write_text(GOOD_TAKEDOWNS, encoding="utf-8")
    policy = PublishingPolicy.load(path)
    assert policy.takedowns == {"vaasa:action:123", "hameenlinna:meeting:31201"}


@pytest.mark.parametrize(
    ("old", "new", "line", "field_name"),
    [
        ('id = "vaasa:action:123"\n', "", 2, "id"),
        ('id = "vaasa:action:123"', 'id = "vaasa-123"', 3, "id"),
        ('reason = "Court order"', 'reason = "  "', 9, "reason"),
        ("requested = 2026-02-03", 'requested = "2026-02-03"', 10, "requested"),
        ("requested = 2026-02-03", "requested = 2026-02-03T10:00:00", 10, "requested"),
        ('"hameenlinna:meeting:31201"', '"vaasa:action:123"', 8, "id"),
        ("requested = 2026-01-02\n", "requested = 2026-01-02\nrequester = 'X'\n", 6, "requester"),
    ],
)
def test_bad_takedown_list_names_line_and_field(tmp_path, old, new, line, field_name):
    path = tmp_path / "takedowns.toml"
    path.write_text(GOOD_TAKEDOWNS.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(TakedownsError) as error:
        PublishingPolicy.load(path)
    assert f"line {line}:" in str(error.value)
    assert f"field {field_name!r}" in str(error.value)


def test_takedown_list_syntax_error_and_missing_file(tmp_path):
    path = tmp_path / "takedowns.toml"
    path.write_text("[[takedown]\nid = 1\n", encoding="utf-8")
    with pytest.raises(TakedownsError, match=r"takedowns.toml: .*line 1"):
        load_takedowns(path)
    with pytest.raises(TakedownsError, match="cannot read"):
        load_takedowns(tmp_path / "missing.toml")


def test_negative_retention_is_refused():
    with pytest.raises(ValueError, match="retention_days"):
        PublishingPolicy.load(retention_days=-1)


# --- takedowns -----------------------------------------------------------------------


def test_taken_down_record_is_not_published_and_is_counted():
    policy = PublishingPolicy(takedowns=frozenset({"hameenlinna:action:3120154"}))
    counter = Counter()
    assert publishable(RecordType.ACTION, private_action(), policy, counter) is None
    assert counter == {"takedown": 1}


def test_taking_down_a_meeting_takes_down_its_items():
    policy = PublishingPolicy(takedowns=frozenset({"hameenlinna:meeting:31201"}))
    meeting = {"id": "hameenlinna:meeting:31201", "number": "5/2025"}
    assert publishable(RecordType.MEETING, meeting, policy) is None
    assert publishable(RecordType.ACTION, private_action(), policy) is None
    assert publishable(RecordType.ACTION, private_action(meeting="x:meeting:1"), policy)


# --- identity codes: always ----------------------------------------------------------


@pytest.mark.parametrize("policy", [WITHIN_RETENTION, PAST_RETENTION], ids=["fresh", "old"])
def test_identity_codes_never_leave_whatever_the_age(policy):
    counter = Counter()
    published = publishable(RecordType.ACTION, private_action(), policy, counter)
    assert find_hetus(dumped(published)) == []
    assert SAMPLE_HETU not in dumped(published)
    # title, text, html, attachment name and text, history: counted before any withholding
    assert counter["hetu"] == 6


def test_identity_codes_are_replaced_in_every_text_field_before_retention():
    published = publishable(RecordType.ACTION, private_action(), WITHIN_RETENTION)
    assert published["title"] == f"Vahingonkorvausvaatimus / Aapo Kettunen {HETU_REPLACEMENT}"
    assert HETU_REPLACEMENT in published["contents"][0]["text"]
    assert HETU_REPLACEMENT in published["contents"][0]["html"]
    assert published["attachments"][0]["name"] == f"Korvausvaatimus {HETU_REPLACEMENT}"
    assert published["attachments"][0]["text"] == f"Hakija {HETU_REPLACEMENT}"
    assert published["history"][0]["organization"] == f"Hakemus {HETU_REPLACEMENT}"


def test_machine_values_are_never_rewritten():
    # A hash may by chance contain a code-shaped run; changing it would corrupt it.
    digest = HEX_WITH_A_CODE + "0" * (64 - len(HEX_WITH_A_CODE))
    assert find_hetus(digest)
    action = private_action(raw_sha256=digest)
    published = publishable(RecordType.ACTION, action, WITHIN_RETENTION)
    assert published["raw_sha256"] == digest
    assert published["attachments"][0]["sha256"] == "ab" * 32


def test_input_record_is_never_changed():
    original = private_action()
    untouched = copy.deepcopy(original)
    publishable(RecordType.ACTION, original, PAST_RETENTION)
    publishable(RecordType.ACTION, original, WITHIN_RETENTION)
    assert original == untouched


def test_other_record_types_lose_identity_codes_only():
    organization = {"id": "vaasa:org:1", "name": f"Toimielin {SAMPLE_HETU} puh. 040 123 4567"}
    published = publishable(RecordType.ORGANIZATION, organization, PAST_RETENTION)
    assert published == {
        "id": "vaasa:org:1",
        "name": f"Toimielin {HETU_REPLACEMENT} puh. 040 123 4567",
    }


# --- contact details: after retention ------------------------------------------------


def test_contact_details_stay_during_the_appeal_period():
    published = publishable(RecordType.ACTION, public_action(), WITHIN_RETENTION)
    assert "040 123 4567" in published["contents"][0]["text"]
    assert "pekka.puro@tiepalvelu.fi" in published["contents"][0]["text"]


def test_private_contact_details_go_after_retention_officials_stay():
    counter = Counter()
    published = publishable(RecordType.ACTION, public_action(), PAST_RETENTION, counter)
    text = published["contents"][0]["text"]
    assert "040 123 4567" not in text
    assert "pekka.puro@tiepalvelu.fi" not in text
    assert f"Pekka Puro, puh. {PHONE_REPLACEMENT['fi']}" in text
    assert "Heidi Salonen, puh. 03 621 2133, heidi.salonen@hameenlinna.fi" in text
    assert counter == {"phone": 1, "email": 1}


def test_links_keep_their_numbers():
    action = public_action(source_url="https://x/ktproxy2.dll?docid=0407182290123")
    published = publishable(RecordType.ACTION, action, PAST_RETENTION)
    assert published["source_url"] == action["source_url"]


@pytest.mark.parametrize(("age", "shown"), [(60, True), (61, False)])
def test_retention_period_counts_days_from_the_decision(age, shown):
    policy = PublishingPolicy(today=DECIDED + timedelta(days=age))
    published = publishable(RecordType.ACTION, public_action(), policy)
    assert ("040 123 4567" in published["contents"][0]["text"]) is shown


def test_action_without_any_date_is_treated_as_old():
    action = public_action(date=None, history=[])
    published = publishable(RecordType.ACTION, action, WITHIN_RETENTION)
    assert "040 123 4567" not in published["contents"][0]["text"]


def test_history_date_stands_in_for_a_missing_date():
    action = public_action(date=None)
    published = publishable(RecordType.ACTION, action, WITHIN_RETENTION)
    assert "040 123 4567" in published["contents"][0]["text"]


# --- private-person matters: text withheld after retention ---------------------------


def test_private_matter_keeps_its_text_during_the_appeal_period():
    published = publishable(RecordType.ACTION, private_action(), WITHIN_RETENTION)
    assert "vaatii korvausta" in published["contents"][0]["text"]


def test_private_matter_is_withheld_after_retention():
    counter = Counter()
    published = publishable(RecordType.ACTION, private_action(), PAST_RETENTION, counter)
    assert published["title"] == "Vahingonkorvausvaatimus / [nimi poistettu]"
    [notice] = published["contents"]
    assert notice["type"] == ContentType.OTHER
    assert notice["label"] == NOTICE_LABEL["fi"] == "Henkilötietoja poistettu"
    assert published["attachments"] == [
        {
            "name": "Liite 1",
            "url": None,
            "public": True,
            "confidentiality_reason": None,
            "media_type": "application/pdf",
            "sha256": None,
            "text": None,
            "pages": None,
            "extraction": None,
            "extraction_note": None,
            "source_gone_at": None,
        }
    ]
    assert published["pdf_url"] is None
    for kept in ("id", "register_id", "presenter", "preparers", "date", "source_url", "meeting"):
        assert published.get(kept) == private_action().get(kept)
    assert "Kettu" not in dumped(published)
    assert counter["private_text"] == 1
    validate_record(RecordType.ACTION, published)


def test_swedish_private_matter_gets_a_swedish_notice_and_placeholder():
    action = private_action(
        language="sv",
        title="Skadeståndsanspråk / Lars Westin",
        contents=[
            {
                "type": "presentation",
                "label": "Föredragning",
                "text": "Lars Westin yrkar på ersättning.",
            }
        ],
    )
    published = publishable(RecordType.ACTION, action, PAST_RETENTION)
    assert published["title"] == "Skadeståndsanspråk / [namn borttaget]"
    assert published["contents"][0]["label"] == "Personuppgifter borttagna"
    assert published["attachments"][0]["name"] == "Bilaga 1"


def test_person_name_in_a_title_without_separator_is_replaced():
    action = private_action(title="Oikaisuvaatimus, Reija Laaksonen")
    published = publishable(RecordType.ACTION, action, PAST_RETENTION)
    assert published["title"] == "Oikaisuvaatimus, [nimi poistettu]"


def test_company_after_the_separator_goes_too_when_the_matter_is_private():
    # The simple rule: in a private matter everything after " / " names the party.
    action = private_action(title="Maa-aineslupa / Soramonttu Oy")
    published = publishable(RecordType.ACTION, action, PAST_RETENTION)
    assert published["title"] == "Maa-aineslupa / [nimi poistettu]"


def test_private_tombstone_keeps_saying_it_was_removed_by_the_source():
    tombstone = {
        key: value
        for key, value in private_action().items()
        if key not in ("contents", "attachments")
    }
    tombstone["withdrawn_at"] = "2025-05-01T00:00:00+00:00"
    published = publishable(RecordType.ACTION, tombstone, PAST_RETENTION)
    assert "contents" not in published
    assert published["withdrawn_at"] == tombstone["withdrawn_at"]
    assert published["title"].startswith("Vahingonkorvausvaatimus / [nimi poistettu]")


def test_counter_uses_only_the_documented_keys():
    counter = Counter()
    for action in (private_action(), public_action()):
        for policy in (WITHIN_RETENTION, PAST_RETENTION):
            publishable(RecordType.ACTION, action, policy, counter)
    assert set(counter) <= set(REDACTION_KEYS)
    assert counter["private_text"] == 1


# --- recognising private-person matters ----------------------------------------------


def action_with(title: str, text: str = "", language: str = "fi") -> dict:
    return {
        "id": "x:action:1",
        "title": title,
        "language": language,
        "contents": [{"type": "presentation", "label": "", "text": text}] if text else [],
    }


PRIVATE_MATTERS = {
    "fi-damages-with-name": action_with("Vahingonkorvausvaatimus / Aapo Kettunen"),
    "fi-damages-no-name": action_with("Vahingonkorvausvaatimus"),
    "fi-name-after-separator": action_with("Kaupungin vuokra-asunnon häätö / Kettunen Aapo"),
    "fi-rectification": action_with("Oikaisuvaatimus varhaiskasvatusmaksua koskevasta päätöksestä"),
    "fi-social-assistance": action_with(
        "Muutoksenhaku", "Hakija on hakenut toimeentulotukea vuokraan."
    ),
    "fi-child-welfare": action_with("Lastensuojelun sijoitus, yksilöasia"),
    "fi-dismissal": action_with("Työsuhteen päättäminen", "Työntekijä irtisanotaan."),
    "fi-warning": action_with("Kirjallinen varoitus"),
    "fi-pupil-transport": action_with("Oppilaan koulukuljetusetu lukuvuonna 2026-2027"),
    "fi-fee-waiver": action_with("Maksuvapautushakemus"),
    "fi-exception-permit": action_with(
        "Poikkeamispäätös, omakotitalon rakentaminen Ojoisten kylään"
    ),
    "fi-soil-permit": action_with("Maa-aineslupa tilalle 109-412-3-71"),
    "fi-hetu-in-text": action_with("Asia 5", f"Hakija {SAMPLE_HETU} pyytää"),
    "fi-private-person-word": action_with("Kiinteistön kauppa", "Ostaja on yksityishenkilö."),
    "sv-damages": action_with("Skadeståndsanspråk", language="sv"),
    "sv-name-after-separator": action_with("Ersättning för skada / Lars Westin", language="sv"),
    "sv-reconsideration": action_with("Begäran om omprövning av beslut om avgift", language="sv"),
    "sv-income-support": action_with("Besvär", "Utkomststöd för januari.", language="sv"),
    "sv-child-welfare": action_with("Barnskyddsärende", language="sv"),
    "sv-dismissal": action_with("Uppsägning av arbetsavtal", language="sv"),
    "sv-personnel": action_with("Personalärende", language="sv"),
    "sv-fee-waiver": action_with("Ansökan om avgiftsbefrielse", language="sv"),
    "sv-exception": action_with(
        "Avvikelsebeslut för byggande av fritidsbostad i Härkmeri", language="sv"
    ),
    "sv-building-permit": action_with("Bygglov för bastu", language="sv"),
    "sv-custody": action_with("Ärende", "Vårdnaden om barnet utreds.", language="sv"),
}
PUBLIC_MATTERS = {
    "fi-budget": action_with("Talousarvio 2027 ja taloussuunnitelma 2028-2029"),
    "fi-zoning-with-objections": action_with(
        "Asemakaavan muutos, Keinusaaren asuinkortteli 115",
        "Kaavaehdotuksesta saatiin neljä lausuntoa ja kaksi muistutusta.",
    ),
    "fi-appointment": action_with(
        "Varhaiskasvatusjohtajan virkavaali", "Valitaan kasvatustieteen maisteri Tuula Hirvonen."
    ),
    "fi-office-filled": action_with("Henkilöstöjohtajan viran täyttäminen"),
    "fi-trustee-election": action_with("Tarkastuslautakunnan puheenjohtajan valinta"),
    "fi-statement": action_with("Lausunto Hämeen liitolle maakuntakaavan luonnoksesta"),
    "fi-procurement": action_with("Katujen talvikunnossapidon urakka, hankintapäätös"),
    "fi-legality": action_with("Kokouksen laillisuus ja päätösvaltaisuus"),
    "fi-warning-signs-in-text": action_with(
        "Katujen kunnossapito", "Kuoppa merkittiin varoitusmerkein."
    ),
    "fi-school-transport-general": action_with("Koulukuljetusten järjestäminen 2026"),
    "fi-appeal-instructions": {
        "id": "x:action:2",
        "title": "Tilinpäätös 2024",
        "contents": [
            {
                "type": "appeal",
                "label": "Muutoksenhaku",
                "text": "Tähän päätökseen voi hakea oikaisuvaatimuksella muutosta.",
            }
        ],
    },
    "fi-title-with-slash-not-a-name": action_with("Talousarvio 2027 / investointiosa"),
    "fi-company-after-slash": action_with("Hankintapäätös / Vanajan Tiepalvelu Oy"),
    "sv-budget": action_with("Budget 2027 och ekonomiplan 2028-2029", language="sv"),
    "sv-trustee-election": action_with(
        "Val av revisionsnämndens ordförande", "Erik Sjöberg väljs.", language="sv"
    ),
    "sv-motion": action_with(
        "Svar på motion om avgiftsfria simhallsbesök för pensionärer", language="sv"
    ),
    "sv-zoning": action_with("Detaljplaneändring för kvarter 17 i centrum", language="sv"),
    "sv-school-transport-general": action_with(
        "Skolskjutsar till Gerby skola läsåret 2025-2026",
        "Ledamot Oskar Wikström föreslog bordläggning.",
        language="sv",
    ),
    "sv-procurement": action_with("Vinterunderhåll av gator 2027-2029, upphandling", language="sv"),
    "sv-appointment": action_with("Tjänsteval, bildningsdirektör", language="sv"),
    "sv-notices": action_with("Delgivningar", language="sv"),
}


@pytest.mark.parametrize("action", PRIVATE_MATTERS.values(), ids=PRIVATE_MATTERS.keys())
def test_private_matter_recognised_else_it_would_leak(action):
    assert concerns_private_person(action)


@pytest.mark.parametrize("action", PUBLIC_MATTERS.values(), ids=PUBLIC_MATTERS.keys())
def test_public_matter_not_flagged_else_it_would_be_hidden_needlessly(action):
    assert not concerns_private_person(action)


def test_both_directions_are_tested_in_both_languages():
    for examples in (PRIVATE_MATTERS, PUBLIC_MATTERS):
        assert len(examples) >= 15
        assert sum(key.startswith("fi-") for key in examples) >= 7
        assert sum(key.startswith("sv-") for key in examples) >= 7


# --- the sample site's private item --------------------------------------------------


def sample_item(docid: str) -> dict:
    manifest = json.loads((SAMPLE_HAMEENLINNA / "manifest.json").read_text(encoding="utf-8"))
    [entry] = [e for e in manifest["entries"] if e["query"] == f"doctype=3&docid={docid}"]
    url = f"https://hameenlinna.tweb.fi{entry['path']}?{entry['query']}"
    body = (SAMPLE_HAMEENLINNA / entry["file"]).read_bytes()
    [action] = parse_page("ktweb", "action", body, url, municipality="hameenlinna")["actions"]
    return action


def test_sample_private_item_hetu_never_output_even_before_retention():
    action = sample_item("3120154")
    assert SAMPLE_HETU in dumped(action)  # the source shows it; we must not
    published = publishable(RecordType.ACTION, action, WITHIN_RETENTION)
    assert SAMPLE_HETU not in dumped(published)
    assert find_hetus(dumped(published)) == []
    assert "Aapo Kettunen" in dumped(published)  # within the appeal period the name is shown


def test_sample_private_item_is_withheld_after_retention():
    action = sample_item("3120154")
    counter = Counter()
    published = publishable(RecordType.ACTION, action, PAST_RETENTION, counter)
    output = dumped(published)
    for personal in (SAMPLE_HETU, "Kettu", "040 718 2290", "aapo.kettunen", "Rauhankatu"):
        assert personal not in output
    assert published["title"] == "Vahingonkorvausvaatimus / [nimi poistettu]"
    assert [c["label"] for c in published["contents"]] == ["Henkilötietoja poistettu"]
    assert published["preparers"] == ["kaupunginlakimies Heidi Salonen"]
    assert counter == {"hetu": 1, "private_text": 1}


# --- properties ----------------------------------------------------------------------

texts = st.text(alphabet=st.characters(codec="utf-8"), max_size=40) | st.sampled_from(
    [
        SAMPLE_HETU,
        "Aapo Kettunen, puh. 040 718 2290",
        "hetu 150372-958L",
        "a@b.fi",
    ]
)


@settings(max_examples=150, deadline=None)
@given(title=texts, text=texts, name=texts, age=st.integers(min_value=0, max_value=400))
def test_any_action_publishes_without_crashing_or_codes(title, text, name, age):
    action = private_action(
        title=title,
        contents=[{"type": "proposal", "label": "", "text": text}],
        attachments=[{"name": name, "text": text}],
    )
    policy = PublishingPolicy(today=DECIDED + timedelta(days=age))
    published = publishable(RecordType.ACTION, action, policy)
    assert find_hetus(dumped(published)) == []
    counter = Counter()
    publishable(RecordType.ACTION, published, policy, counter)
    assert counter["hetu"] == 0


def test_no_sample_item_outputs_an_identity_code():
    for pdf in sorted(PROJECT.glob("sample_sites/ktweb/*/ktwebbin/ktproxy2/doctype-3/*.pdf")):
        url = f"https://x/ktwebbin/ktproxy2.dll?doctype=3&docid={pdf.stem}"
        for action in parse_page("ktweb", "action", pdf.read_bytes(), url)["actions"]:
            for policy in (WITHIN_RETENTION, PAST_RETENTION):
                published = publishable(RecordType.ACTION, action, policy)
                assert find_hetus(dumped(published)) == [], pdf.name
                assert not re.search(r"\d{6}[-+A-FYXWVU]\d{3}", dumped(published)), pdf.name
