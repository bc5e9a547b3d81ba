"""Attachments (issue 18): read by kind, never fetched when withheld, kept in the store,
published within the rules, and searchable."""

from __future__ import annotations

import io
import sqlite3
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from harvest.documents.attachments import XLSX, read_attachment
from harvest.platforms import ParseError, parse_page
from harvest.platforms.sections import attachment_record
from harvest.spiders.base import attachment_file_links, withheld_attachments
from sample_sites.attachment_files import docx, scanned_pdf, text_pdf, xlsx
from transform.publishing import PublishingPolicy, publishable
from transform.schema import AttachmentExtraction, PageKind, RecordType, make_id
from transform.search import action_document
from transform.store import Store

CREATED = datetime(2026, 11, 16, tzinfo=UTC)
TOWN = "testby"
ACTION = make_id(TOWN, RecordType.ACTION, "a1")
FILE_URL = "https://t.example/liite-1.pdf"
PEDERSORE_FILES = Path(__file__).parents[1] / "sample_sites/cloudnc/pedersore/download"


def provenance(url, sha="a" * 64, fetched_at="2026-11-17T01:00:00+00:00"):
    return {"source_url": url, "fetched_at": fetched_at, "raw_sha256": sha, "parser_version": "1"}


# -- reading, by kind ----------------------------------------------------------------------


def test_text_pdf_is_extracted_with_its_pages():
    read = read_attachment(text_pdf("Selvitys.pdf", "Tuulivoimapuiston meluselvitys.", CREATED))
    assert read.media_type == "application/pdf"
    assert read.extraction is AttachmentExtraction.EXTRACTED and read.pages == 1
    assert "meluselvitys" in read.text


def test_scanned_pdf_is_recorded_as_having_no_text_layer():
    read = read_attachment(scanned_pdf("Kartta.pdf", CREATED))
    assert read.extraction is AttachmentExtraction.NO_TEXT_LAYER
    assert read.pages == 2 and read.text is None and "no OCR" in read.note


def test_docx_and_xlsx_are_read_as_text():
    statement = read_attachment(docx("Lausunto.docx", "Ensimmäinen kappale.\n\nToinen."))
    assert statement.extraction is AttachmentExtraction.EXTRACTED
    assert "Toinen." in statement.text
    table = read_attachment(xlsx([["Hanke", "2027"], ["Tekonurmi", "350000"]]))
    assert table.media_type == XLSX and table.pages == 1
    assert table.text.splitlines() == ["Hanke\t2027", "Tekonurmi\t350000"]


def test_ods_rows_are_read_as_text():
    table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    content = (
        f'<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:'
        f'office:1.0" xmlns:table="{table}" xmlns:text="{text}"><office:body>'
        "<table:table><table:table-row><table:table-cell><text:p>Kohde</text:p>"
        "</table:table-cell><table:table-cell><text:p>Euroa</text:p></table:table-cell>"
        "</table:table-row></table:table></office:body></office:document-content>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content)
    read = read_attachment(buffer.getvalue())
    assert read.extraction is AttachmentExtraction.EXTRACTED and read.text == "Kohde\tEuroa"


@pytest.mark.parametrize(
    "body, extraction",
    [
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, AttachmentExtraction.IMAGE),
        (b"\xff\xd8\xff\xe0" + b"\x00" * 64, AttachmentExtraction.IMAGE),
        (b"not a document at all", AttachmentExtraction.FAILED),
        (b"%PDF-1.4\ncut short", AttachmentExtraction.FAILED),
        # A lost session or a missing file answered with a page: its text is not the file's.
        (
            b"<html><title>Istunto vanhentui</title><body>Kirjaudu</body></html>",
            AttachmentExtraction.FAILED,
        ),
    ],
)
def test_images_and_broken_files_are_results_not_errors(body, extraction):
    read = read_attachment(body)
    assert read.extraction is extraction and read.text is None and read.note


def test_every_sample_attachment_file_reads_as_its_kind():
    kinds = {path.name: read_attachment(path.read_bytes()) for path in PEDERSORE_FILES.iterdir()}
    assert kinds["720204-1.pdf"].extraction is AttachmentExtraction.NO_TEXT_LAYER
    assert "bullerplank" in kinds["720204-2.pdf"].text
    assert "tjäderspelplatserna" in kinds["720403-1.docx"].text
    assert "Konstgräsplan vid Kyrkoby\t350000\t0" in kinds["720202-2.xlsx"].text
    others = [name for name in kinds if name != "720204-1.pdf"]
    assert all(kinds[name].extraction is AttachmentExtraction.EXTRACTED for name in others)


@pytest.mark.parametrize("body", [b"", b"  \n", b"<html><title>Virhe</title></html>"])
def test_an_error_page_or_nothing_instead_of_a_file_is_a_parse_error(body):
    with pytest.raises(ParseError):  # logged as a failed parse: asked for again next night
        parse_page("dynasty", PageKind.ATTACHMENT_FILE, body, FILE_URL, TOWN)


def test_parse_page_reads_a_file_on_any_platform_under_its_listed_url():
    body = text_pdf("Liite.pdf", "Sisältö.", CREATED)
    result = parse_page(
        "ktweb",
        PageKind.ATTACHMENT_FILE,
        body,
        "https://t.example/moved",
        TOWN,
        {"attachment_url": FILE_URL},
    )
    [file] = result["attachment_files"]
    assert file["url"] == FILE_URL and file["municipality"] == TOWN
    assert file["extraction"] == "extracted"


# -- never fetching what is withheld ---------------------------------------------------------


def test_only_public_attachments_with_a_url_lead_to_their_files():
    attachments = [
        attachment_record("Liite 1 Kaavaselostus", FILE_URL),
        attachment_record("Liite 2 Tarjousvertailu (ei julkinen)", "https://t.example/2.pdf"),
        attachment_record("Bilaga 3 Anbud, sekretessbelagd", "https://t.example/3.pdf"),
        attachment_record(
            "Liite 4 Salassa pidettävä", None, "salassa pidettävä", listed_without_link=True
        ),
        # A record that claims to be public but whose name says otherwise is not asked for.
        {"name": "Liite 5 ei julkinen", "url": "https://t.example/5.pdf", "public": True},
    ]
    result = {"actions": [{"id": ACTION, "attachments": attachments}]}
    links = attachment_file_links(result)
    assert [link["url"] for link in links] == [FILE_URL]
    assert links[0]["page_kind"] == PageKind.ATTACHMENT_FILE
    assert links[0]["context"] == {"action": ACTION, "attachment_url": FILE_URL}
    assert withheld_attachments(result) == 3


# -- the store -------------------------------------------------------------------------------


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "avoin.sqlite") as opened:
        yield opened


def listed_action(**fields):
    return {
        "id": ACTION,
        "origin_id": "a1",
        "title": "Asemakaava",
        "contents": [{"type": "decision", "label": "Päätös", "text": "Hyväksyttiin."}],
        "attachments": [
            {"name": "Liite 1", "url": FILE_URL, "public": True, "media_type": "application/pdf"}
        ],
        **fields,
    }


def file_result(text="Kaavaselostuksen teksti."):
    return {
        "page": PageKind.ATTACHMENT_FILE,
        "attachment_files": [
            {
                "url": FILE_URL,
                "municipality": TOWN,
                "media_type": "application/pdf",
                "extraction": "extracted",
                "text": text,
                "pages": 3,
                "note": None,
            }
        ],
    }


def test_a_file_fills_the_action_and_survives_a_new_merge_of_the_item(store):
    store.merge_page({"actions": [listed_action()]}, provenance("https://t.example/item"))
    store.merge_page(file_result(), provenance(FILE_URL, sha="b" * 64))
    [attachment] = store.action(ACTION)["attachments"]
    assert attachment["text"] == "Kaavaselostuksen teksti." and attachment["pages"] == 3
    assert attachment["sha256"] == "b" * 64 and attachment["extraction"] == "extracted"
    # The action keeps its own provenance, and the text is no new version of the decision.
    assert store.action(ACTION)["source_url"] == "https://t.example/item"
    assert [v["version"] for v in store.action_versions(ACTION)] == [1]
    # The item page again (its list has no text): the text is filled back in.
    store.merge_page(
        {"actions": [listed_action(title="Asemakaava (muutettu)")]},
        provenance("https://t.example/item", fetched_at="2026-11-18T01:00:00+00:00"),
    )
    assert store.action(ACTION)["attachments"][0]["text"] == "Kaavaselostuksen teksti."


def test_a_file_fetched_before_its_item_is_filled_in_when_the_item_comes(store):
    store.merge_page(file_result(), provenance(FILE_URL))
    store.merge_page({"actions": [listed_action()]}, provenance("https://t.example/item"))
    assert store.action(ACTION)["attachments"][0]["extraction"] == "extracted"
    assert store.attachment_file_counts() == {"extracted": 1}


def test_a_file_the_source_drops_keeps_its_text(store):
    store.merge_page({"actions": [listed_action()]}, provenance("https://t.example/item"))
    store.merge_page(file_result(), provenance(FILE_URL))
    store.log_request(
        municipality=TOWN,
        platform="ktweb",
        page_kind=PageKind.ATTACHMENT_FILE,
        url=FILE_URL,
        status=404,
        error="http_404",
        fetched_at="2027-12-01T01:00:00+00:00",
    )
    store.mark_gone_attachment_files()
    [attachment] = store.action(ACTION)["attachments"]
    assert attachment["source_gone_at"] == "2027-12-01T01:00:00+00:00"
    assert attachment["text"] == "Kaavaselostuksen teksti."


def test_the_public_copy_of_the_store_has_no_unredacted_file_texts(store, tmp_path):
    store.merge_page(file_result(), provenance(FILE_URL))
    with store.open_public_copy(tmp_path / "public.sqlite") as copy:
        copy.finish(lambda record_type, record: record)
    tables = {
        row[0]
        for row in sqlite3.connect(tmp_path / "public.sqlite").execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'"
        )
    }
    assert "attachment_files" not in tables


# -- publishing and search -------------------------------------------------------------------


def test_attachment_text_passes_the_publishing_rules():
    record = listed_action(date="2026-11-16", municipality=TOWN)
    record["attachments"][0]["text"] = "Hakija 150372-958K, puh. 040 123 4567."
    published = publishable(RecordType.ACTION, record, PublishingPolicy())
    text = published["attachments"][0]["text"]
    assert "150372-958K" not in text


def test_a_word_only_in_an_attachment_is_in_the_search_document():
    record = listed_action(language="fi", municipality=TOWN)
    record["attachments"][0]["text"] = "Tekonurmikentän kustannusarvio."
    document = action_document(record, {})
    assert "Tekonurmikentän" in document["text_fi"]
