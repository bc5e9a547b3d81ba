"""Whole-meeting documents: split into items with their sections, the cover read, damaged
text repaired or flagged, and ``avoin import`` (idempotent, provenance, twins).

Our own PDFs come from tests/meeting_documents.py (three layouts); the contract tests read
the three real CloudNC whole-meeting PDFs from ../shared/real-pages when they are there.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from harvest.documents.meeting import read_meeting_document
from harvest.documents.ocr import ocr_available
from harvest.documents.quality import ZERO_WIDTH, repair_text
from tests import meeting_documents
from transform.analysis import FINNISH_ANALYSER, SWEDISH_ANALYSER
from transform.importing import import_files
from transform.schema import RecordType, make_id
from transform.store import Store

REAL = Path(__file__).resolve().parents[2] / "shared" / "real-pages" / "cloudnc-lapua-2025"
needs_vocabularies = pytest.mark.skipif(
    not (FINNISH_ANALYSER.available() and SWEDISH_ANALYSER.available()),
    reason="Voikko (voikko-fi) and Hunspell Swedish (hunspell-sv) measure the text",
)


@pytest.fixture(scope="module")
def samples() -> dict:
    return {
        layout: read_meeting_document(make(), meeting_documents.FILE_NAMES[layout])
        for layout, make in meeting_documents.LAYOUTS.items()
    }


def _contents(item) -> dict[str, tuple[str, str]]:
    """label -> (type, text) of an item's contents."""
    return {c["label"]: (str(c["type"]), c["text"]) for c in item.fields()["contents"] or []}


# --- Splitting ---------------------------------------------------------------------------

EXPECTED_ITEMS = {
    "swedish_tweb": [
        ("1", "Val av protokolljusterare", None),
        ("2", "Utlåtande om ungdomsfullmäktiges verksamhetsplan", "NKBY/723/00.00.01.05/2022"),
        ("3", "Anmälningsärenden", "NKBY/12/00.01.00/2023"),
    ],
    "finnish_cloudnc": [
        ("12", "Kokouksen laillisuus ja päätösvaltaisuus", None),
        ("13", "Katuvalojen uusiminen", "ESIMDno-2024-118"),
        ("14", "Lausunto kaavamuutoksesta", None),  # its page is a scan
    ],
    "finnish_two_column": [
        ("5", "Talousarvion toteutuminen", "KH/45/02.02.01/2024"),
        ("6", "Koulukuljetusten hankinta", "KH/52/02.08.00/2024"),
    ],
}


@pytest.mark.parametrize("layout", sorted(EXPECTED_ITEMS))
def test_each_layout_splits_into_its_items(samples, layout):
    items = samples[layout].items
    assert [(i.article_number, i.title, i.register_id) for i in items] == EXPECTED_ITEMS[layout]


def test_swedish_inline_labels_name_who_proposes_and_decides(samples):
    item = samples["swedish_tweb"].items[1]
    contents = _contents(item)
    assert contents["Beredning"][0] == "presentation"
    assert contents["Stadsdirektör Per Nyströms förslag"] == (
        "proposal", "Stadsstyrelsen ger ett positivt utlåtande om verksamhetsplanen.")  # fmt: skip
    assert contents["Stadsstyrelsens beslut"] == ("decision", "Förslaget godkändes.")
    assert item.reading.history[0]["date"] == "2022-12-12"
    third = _contents(samples["swedish_tweb"].items[2])
    assert third["Ordförandes förslag"][0] == "proposal"
    assert third["Beslut"][0] == "decision"


def test_finnish_cloudnc_sections_presenter_and_preparer(samples):
    item = samples["finnish_cloudnc"].items[1]
    fields = item.fields()
    assert fields["presenter"] == "Pekka Salo, tekninen johtaja"
    assert fields["preparers"] == ["Liisa Virta, kuntatekniikan päällikkö"]
    contents = _contents(item)
    assert contents["Ehdotus"] == (
        "proposal", "Tekninen lautakunta hyväksyy katuvalojen uusimisen suunnitelman.")  # fmt: skip
    assert contents["Päätös"] == ("decision", "Lautakunta hyväksyi ehdotuksen.")
    assert "LED-valaisimiksi" in contents[None][1]


def test_two_column_labels_in_their_column(samples):
    contents = _contents(samples["finnish_two_column"].items[0])
    assert contents["Selostus"][0] == "presentation"
    proposal = "Kunnanhallitus merkitsee toteutuman tiedoksi."
    assert contents["Päätösehdotus"] == ("proposal", proposal)
    assert contents["Päätös"] == ("decision", "Hyväksyttiin.")


@pytest.mark.parametrize("layout", ["swedish_tweb", "finnish_cloudnc"])
def test_appeal_instructions_mark_the_items_they_name(samples, layout):
    document = samples[layout]
    assert len(document.appeal) == 1
    assert all(item.appeal is document.appeal[0] for item in document.items)
    assert document.appeal[0]["type"] == "appeal"


def test_running_headers_never_reach_the_text(samples):
    for item in samples["swedish_tweb"].items:
        assert not any("Sida" in c["text"] for c in item.fields()["contents"])


# --- The cover ---------------------------------------------------------------------------


@needs_vocabularies  # the damaged "Underskrifer" ends the attendance once repaired
def test_swedish_cover_with_marks(samples):
    cover = samples["swedish_tweb"].cover
    assert (cover.organ, cover.document_kind) == ("Stadsstyrelsen", "minutes")
    assert cover.start == "2023-01-30T18:00:00+02:00"
    assert cover.place == "Stadshuset, sessionssalen"
    assert (cover.chair, cover.secretary, cover.published) == (
        "Anna Berg", "Maria Holm", "2023-02-06")  # fmt: skip
    presence = {person["name"]: person["present"] for person in cover.attendance}
    assert presence["Karin Sjö"] is False and presence["Johan Ek"] is True
    groups = {person["name"]: person["group"] for person in cover.attendance}
    assert groups["Lisa Strand"] == "Ersättare"
    # The signatures under the repaired "Underskrifter" are not more attendance.
    assert len(cover.attendance) == 7


def test_finnish_cover_absent_group(samples):
    cover = samples["finnish_cloudnc"].cover
    assert cover.start == "2024-03-14T17:00:00+02:00"
    assert (cover.chair, cover.secretary, cover.published) == ("Matti Niemi", "Sari Mäki",
                                                               "2024-03-21")  # fmt: skip
    absent = [person["name"] for person in cover.attendance if not person["present"]]
    assert absent == ["Ville Aho"]
    assert samples["finnish_cloudnc"].listed["14"] == "Lausunto kaavamuutoksesta"


# --- Text quality ------------------------------------------------------------------------


@needs_vocabularies
def test_ligature_drop_outs_repaired():
    assert repair_text("Ungdomsfullmäktge har underskrifer", "sv") == (
        "Ungdomsfullmäktige har underskrifter", 2)  # fmt: skip
    assert repair_text("Protokojjet är justerat", "sv") == ("Protokojjet är justerat", 0)


@needs_vocabularies
def test_damaged_sample_text_repaired_and_zero_width_removed(samples):
    text = _contents(samples["swedish_tweb"].items[1])["Beredning"][1]
    assert "Ungdomsfullmäktige har lämnat" in text and "underskrifter" in text
    for document in samples.values():
        for item in document.items:
            for content in item.fields()["contents"] or []:
                assert not ZERO_WIDTH.search(content["text"])


@needs_vocabularies
def test_unreliable_pages_flagged(samples):
    assert samples["swedish_tweb"].unreliable_pages == []
    assert samples["finnish_two_column"].unreliable_pages == [3]  # the misprinted page
    assert samples["finnish_cloudnc"].unreliable_pages == [4]  # the scan, OCR'd or not
    scanned = samples["finnish_cloudnc"].items[2]
    assert scanned.pages == [4]
    assert samples["finnish_cloudnc"].quality[3].ocr is ocr_available()


# --- Real whole-meeting PDFs (CloudNC, Finnish) ------------------------------------------

REAL_EXPECTED = {
    "Esityslista-Tarkastuslautakunta - 19.11.2025, klo 15_00.pdf": (
        "agenda", list(range(62, 70)), "2025-11-19T15:00:00+02:00", "Mikko Martikkala"),
    "Pöytäkirja-Tarkastuslautakunta - 18.03.2025, klo 17_00.pdf": (
        "minutes", list(range(19, 23)), "2025-03-18T17:00:00+02:00", "Markku Keskikallio"),
    "Pöytäkirja-Tekninen lautakunta - 16.09.2025, klo 17_26.pdf": (
        "minutes", list(range(123, 136)), "2025-09-16T17:26:00+03:00", "Ville Yli-Rantala"),
}  # fmt: skip


@pytest.mark.skipif(not REAL.is_dir(), reason="the real whole-meeting PDFs are not here")
@pytest.mark.parametrize("name", sorted(REAL_EXPECTED))
def test_real_whole_meeting_pdfs(name):
    kind, numbers, start, chair = REAL_EXPECTED[name]
    document = read_meeting_document((REAL / name).read_bytes(), name)
    assert [int(item.article_number) for item in document.items] == numbers
    assert (document.cover.document_kind, document.cover.start) == (kind, start)
    assert document.cover.chair == chair
    assert all(item.title for item in document.items)
    for item in document.items:
        types = [str(c["type"]) for c in item.fields()["contents"] or []]
        # "Muut asiat" (other business) in the real minutes lists topics without a decision.
        no_decision = item.title == "Muut asiat" and document.cover.document_kind == "minutes"
        assert "proposal" in types or "decision" in types or no_decision, item.article_number


@pytest.mark.skipif(not REAL.is_dir(), reason="the real whole-meeting PDFs are not here")
def test_real_minutes_item_fields():
    name = "Pöytäkirja-Tekninen lautakunta - 16.09.2025, klo 17_26.pdf"
    document = read_meeting_document((REAL / name).read_bytes(), name)
    item = next(item for item in document.items if item.article_number == "126")
    fields = item.fields()
    assert (item.title, item.register_id) == ("Mikroliikennelupa", "LAPDno-2025-796")
    assert fields["presenter"] == "Mirva Korpi, Tekninen johtaja"
    assert fields["preparers"] == ["Mirva Korpi, Tekninen johtaja"]
    assert len(fields["attachments"]) == 2
    contents = _contents(item)
    assert contents["Ehdotus"][1].startswith("Tekninen lautakunta merkitsee luonnoksen")
    assert contents["Päätös"][1].startswith("Lautakunta hyväksyi ehdotuksen.")
    appeals = {i.article_number: i.appeal["label"] for i in document.items if i.appeal}
    assert appeals["127"] == "Oikaisuvaatimus" and appeals["126"] == "Muutoksenhakukielto"
    assert document.cover.published == "2025-09-19"
    assert document.unreliable_pages == []


# --- avoin import ------------------------------------------------------------------------


@pytest.fixture()
def archive(tmp_path) -> tuple[Store, Path]:
    folder = meeting_documents.write_all(tmp_path / "archive")[0].parent
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    store = Store(tmp_path / "avoin.sqlite")
    store.upsert_municipality({"id": "kristinestad", "name": {"sv": "Kristinestad"}})
    yield store, folder
    store.close()


def test_import_counts_files_meetings_items_and_errors(archive):
    store, folder = archive
    report = import_files(store, [folder], "kristinestad")
    assert (report.files, report.meetings_added, report.items_added) == (4, 3, 8)
    assert len(report.errors) == 1 and report.errors[0].startswith("broken.pdf")
    again = import_files(store, [folder], "kristinestad")
    assert (again.skipped, again.meetings_added, again.items_added) == (3, 0, 0)
    assert len(store.actions("kristinestad")) == 8


def test_import_provenance_and_meeting_facts(archive):
    store, folder = archive
    import_files(store, [folder / meeting_documents.FILE_NAMES["swedish_tweb"]], "kristinestad")
    (meeting,) = store.meetings("kristinestad")
    assert meeting["source_url"] == "imported file Protokoll-Stadsstyrelsen - 30.01.2023.pdf"
    assert len(meeting["raw_sha256"]) == 64
    assert meeting["chair"] == "Anna Berg" and meeting["place"] == "Stadshuset, sessionssalen"
    assert any(not person["present"] for person in meeting["attendance"])
    assert {action["date"] for action in store.actions("kristinestad")} == {"2023-01-30"}


def test_import_flags_unreliable_pages_on_their_items(archive):
    store, folder = archive
    import_files(store, [folder], "kristinestad")
    flagged = {a["article_number"]: a.get("unreliable_pages") for a in store.actions()}
    assert flagged["14"] == [4] and flagged["13"] is None


def test_import_joins_the_item_level_twin(archive):
    store, folder = archive
    organ = make_id("kristinestad", RecordType.ORGANIZATION, "42")
    meeting = make_id("kristinestad", RecordType.MEETING, "9001")
    twin = make_id("kristinestad", RecordType.ACTION, "77")
    store.merge_page(
        {"organizations": [{"id": organ, "name": "Stadsstyrelsen", "origin_id": "42"}],
         "meetings": [{"id": meeting, "organization": organ, "origin_id": "9001",
                       "start": "2023-01-30T18:00:00+02:00", "document_kind": "minutes"}],
         "actions": [{"id": twin, "meeting": meeting, "article_number": "2", "origin_id": "77",
                      "title": "Utlåtande om ungdomsfullmäktiges verksamhetsplan"}]},
        {"source_url": "https://example.org/2", "fetched_at": "2023-02-01T00:00:00Z",
         "raw_sha256": "0" * 64, "parser_version": "test"},
    )  # fmt: skip
    report = import_files(store, [folder / meeting_documents.FILE_NAMES["swedish_tweb"]],
                          "kristinestad")  # fmt: skip
    assert (report.meetings_added, report.items_added, report.items_merged) == (0, 2, 1)
    actions = store.actions("kristinestad")
    assert [a["article_number"] for a in actions].count("2") == 1  # never duplicated
    merged = store.action(twin)
    assert merged["register_id"] == "NKBY/723/00.00.01.05/2022"  # filled from the file
    (imported,) = store.imported_files("kristinestad")
    assert json.loads(imported["twins"]) == [twin]
    assert store.meetings("kristinestad")[0]["chair"] == "Anna Berg"


@needs_vocabularies
def test_ocr_replaces_a_noisy_text_layer_only_when_it_reads_better(monkeypatch, samples):
    """Tesseract stubbed: a page of noise takes an OCR text that reads well; noise for
    noise is no gain (OCR loses the label column)."""
    from harvest.documents import ocr

    good = "§ 6 Koulukuljetusten hankinta\nKoulukuljetukset kilpailutetaan lukuvuosille."
    body = meeting_documents.finnish_two_column()
    monkeypatch.setattr(ocr, "ocr_available", lambda: True)
    for text, replaced in ((good, True), ("Kovjvkvjjcfvkscf k!jpq!jvfcfqqn", False)):
        monkeypatch.setattr(ocr, "ocr_page", lambda body, page, text=text: text)
        document = read_meeting_document(body, meeting_documents.FILE_NAMES["finnish_two_column"])
        assert document.quality[2].ocr is replaced
        assert document.unreliable_pages == [3]  # an OCR'd page is never taken as good text
        assert document.items[1].title == "Koulukuljetusten hankinta"
