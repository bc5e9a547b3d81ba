"""The one item-document reader on templates the project wrote (tests/document_templates.py):
PDF, DOCX, DOC and RTF; Finnish and Swedish; label columns, tables, tabs, own-line and
colon labels; labels wrapped over lines; letterhead and date header on every page."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from harvest.documents import DocumentFormat, DocumentReadError, detect_format, read_document
from harvest.pdftext import extract_lines
from harvest.platforms import ParseError, parse_page
from tests import document_templates as t
from transform.analysis import FINNISH_ANALYSER, SWEDISH_ANALYSER
from transform.schema import ContentType, PageKind, RecordType, validate_record

PROXY = "https://tweb.esimerkkila.fi/ktwebbin/ktproxy2.dll?doctype=3&docid="


def _doc_tools_or_skip() -> None:
    """DOC needs Debian's antiword (and catdoc for what antiword refuses). In CI their
    absence is a failure, not a skip."""
    missing = [tool for tool in ("antiword", "catdoc") if shutil.which(tool) is None]
    if not missing:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{' and '.join(missing)} missing: apt-get install antiword catdoc")
    pytest.skip(f"{' and '.join(missing)} not installed")


TEMPLATES = {
    "fi-label-column-pdf": (t.oulu_like_item, lambda i: t.label_column_pdf(i), DocumentFormat.PDF),
    "fi-label-column-docx": (t.oulu_like_item, lambda i: t.table_docx(i), DocumentFormat.DOCX),
    "sv-table-docx": (t.swedish_table_item, lambda i: t.table_docx(i), DocumentFormat.DOCX),
    "sv-table-rtf": (
        t.swedish_table_item,
        lambda i: t.committed("swedish_table.rtf"),
        DocumentFormat.RTF,
    ),
    "fi-wide-table-doc": (
        t.finnish_doc_item,
        lambda i: t.committed("finnish_table.doc"),
        DocumentFormat.DOC,
    ),
    "fi-wide-table-docx": (
        t.finnish_doc_item,
        lambda i: t.table_docx(i, label_cm=4.5),
        DocumentFormat.DOCX,
    ),
    "fi-tab-docx": (t.finnish_doc_item, lambda i: t.tab_docx(i), DocumentFormat.DOCX),
    "fi-stacked-header-plain-title-pdf": (
        t.oulu_like_item,
        lambda i: t.label_column_pdf(
            i, label_width=36, text_x=58, stacked_header=True, bold_title=False
        ),
        DocumentFormat.PDF,
    ),  # fmt: skip
    "sv-own-line-pdf": (t.swedish_own_line_item, lambda i: t.own_line_pdf(i), DocumentFormat.PDF),
    "sv-label-column-pdf": (
        t.swedish_table_item,
        lambda i: t.label_column_pdf(i, label_width=28),
        DocumentFormat.PDF,
    ),
}


def _parsed(name: str) -> tuple[t.Item, dict, object]:
    make_item, build, expected_format = TEMPLATES[name]
    if expected_format is DocumentFormat.DOC:
        _doc_tools_or_skip()
    item = make_item()
    body = build(item)
    assert detect_format(body) is expected_format
    result = parse_page("ktweb", None, body, PROXY + "4711", "esimerkkila", {})
    (action,) = result["actions"]
    validate_record(RecordType.ACTION, action)
    return item, action, result


def _vocabulary_knows(block: t.Block) -> bool:
    from harvest.platforms.sections import label_kind

    return label_kind(block.reported_label) is not None


@pytest.mark.parametrize("name", TEMPLATES)
def test_template_parses_field_by_field(name):
    item, action, result = _parsed(name)
    assert result["page"] == PageKind.ACTION
    assert action["title"] == item.title  # never the letterhead or the date header
    assert action["register_id"] == item.register_id
    assert action.get("preparers", []) == item.preparers
    assert action.get("presenter") == item.presenter
    assert action.get("history", []) == item.history
    assert [a["name"] for a in action.get("attachments", [])] == item.attachments
    assert action["language"] == item.language


@pytest.mark.parametrize("name", TEMPLATES)
def test_template_sections_in_order_with_their_labels(name):
    item, action, _ = _parsed(name)
    expected = [(b.kind, b.reported_label) for b in item.content_blocks()]
    assert [(c["type"], c["label"]) for c in action["contents"]] == expected
    by_label = {c["label"]: c["text"] for c in action["contents"]}
    for block in item.content_blocks():
        assert by_label[block.reported_label].split()[:3] == block.paragraphs[0].split()[:3]


@pytest.mark.parametrize("name", TEMPLATES)
def test_template_drift_is_reported(name):
    item, _, result = _parsed(name)
    (document,) = result["documents"]
    unknown = [b.reported_label for b in item.blocks if not _vocabulary_knows(b)]
    assert document["unknown_labels"] == unknown
    assert document["format"] == TEMPLATES[name][2]
    assert (document["known_share"] == 1.0) == (not unknown)
    assert document["known_share"] > 0.8


@pytest.mark.parametrize(
    "names",
    [
        ["fi-wide-table-doc", "fi-wide-table-docx", "fi-tab-docx"],
        ["sv-table-docx", "sv-table-rtf", "sv-label-column-pdf"],
        ["fi-label-column-pdf", "fi-label-column-docx"],
    ],
)
def test_one_item_in_every_format_parses_the_same(names):
    def fields(name):
        _, action, _ = _parsed(name)
        return {key: value for key, value in action.items() if key != "pdf_url"}

    first, *others = names
    for other in others:
        assert fields(other) == fields(first), other


def test_preparers_hold_only_people_even_beside_a_distribution_block():
    _, action, _ = _parsed("fi-label-column-pdf")
    contents = {c["label"]: c["text"] for c in action["contents"]}
    assert action["preparers"] == ["talousjohtaja Matti Malli", "konsernicontroller Liisa Laine"]
    assert contents["Täytäntöönpanotiedot"].startswith("Asia tiedoksi kaupunginvaltuustoon")
    assert "Oikaisuvaatimus" in contents["Täytäntöönpanotiedot"]


def test_label_column_pdf_repeats_letterhead_and_date_on_every_page():
    item = t.oulu_like_item()
    body = t.label_column_pdf(item)
    assert max(line.page for line in extract_lines(body)) >= 2
    reading = read_document(body)
    assert reading.layout == "label column"
    text = " ".join(block.text for block in reading.blocks)
    assert item.letterhead not in text and "Päivämäärä" not in text


@pytest.mark.parametrize("stacked", [False, True])
@pytest.mark.parametrize("bold_title", [False, True])
def test_single_page_letterhead_is_not_the_title(stacked, bold_title):
    item = t.oulu_like_item()
    item.blocks = item.blocks[:3]  # one page: the header is not removed as page furniture
    body = t.label_column_pdf(item, stacked_header=stacked, bold_title=bold_title)
    assert read_document(body).title == item.title


# --- formats and broken input ------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (b"%PDF-1.4 ...", DocumentFormat.PDF),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, DocumentFormat.DOC),
        (b"{\\rtf1\\ansi hello}", DocumentFormat.RTF),
        (b"<!DOCTYPE html><html><body>x</body></html>", DocumentFormat.HTML),
        (b"PK\x03\x04 not a zip", DocumentFormat.UNKNOWN),
        (b"GIF89a", DocumentFormat.UNKNOWN),
    ],
)
def test_format_is_told_by_bytes(body, expected):
    assert detect_format(body) is expected


@pytest.mark.parametrize(
    "body",
    [
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"garbage" * 50,  # a broken Word file
        b"PK\x03\x04" + b"\0" * 40,  # a broken zip
        b"GIF89a\x01\x00",
        b"",
    ],
)
def test_a_document_we_cannot_read_is_one_parse_error(body):
    if body.startswith(b"\xd0\xcf"):
        _doc_tools_or_skip()
    with pytest.raises(ParseError) as error:
        parse_page("ktweb", PageKind.ACTION, body, PROXY + "1", "esimerkkila", {})
    assert "\n" not in str(error.value) and "item document 1" in str(error.value)


def test_unreadable_doc_is_a_read_error_not_a_crash():
    _doc_tools_or_skip()
    with pytest.raises(DocumentReadError, match="unreadable DOC"):
        read_document(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)


def test_html_item_document_is_read_like_the_others():
    html = (
        "<html><body><p><b>Asuntotuotannon ohjelma 2025</b></p><p>ESIM/9/10.03.00/2025</p>"
        "<table><tr><td>Päätösesitys</td><td>Hyväksytään ohjelma.</td></tr>"
        "<tr><td>Päätös</td><td>Hyväksyttiin.</td></tr></table></body></html>"
    ).encode()
    (action,) = parse_page("ktweb", None, html, PROXY + "9", "esimerkkila", {})["actions"]
    assert action["title"] == "Asuntotuotannon ohjelma 2025"
    assert [c["type"] for c in action["contents"]] == [ContentType.PROPOSAL, ContentType.DECISION]


# --- properties: any order of sections, any wrapping of labels ---------------------------


def _wrapped(block: t.Block, choice: int) -> tuple[str, str]:
    """(label as printed, as it must be reported): as the template prints it, broken at a
    space, or hyphenated."""
    label = block.reported_label
    if "\n" in block.label or choice == 0:
        return block.label, label
    spaces = [i for i, ch in enumerate(label) if ch == " "]
    if choice == 1 and spaces:
        cut = spaces[len(spaces) // 2]
        return f"{label[:cut]}\n{label[cut + 1 :]}", label
    if choice == 2 and " " not in label and len(label) >= 9:
        cut = len(label) // 2
        return f"{label[:cut]}-\n{label[cut:]}", label
    return label, label


def _shufflable_item(order: list[int], wraps: list[int]) -> t.Item:
    item = t.oulu_like_item()
    base = [b for b in item.blocks if b.kind not in (t.HISTORY,)]
    base.append(t.Block("Vaikutukset", ["Vaikutukset kuntalaisille ovat vähäiset."],
                        ContentType.OTHER))  # fmt: skip
    blocks = []
    for position, wrap in zip(order, wraps, strict=True):
        block = base[position]
        printed, reported = _wrapped(block, wrap)
        blocks.append(t.Block(printed, block.paragraphs, block.kind, reported))
    item.blocks, item.history = blocks, []
    return item


_SHUFFLE = st.permutations(range(8)).flatmap(
    lambda order: st.tuples(
        st.just(list(order)), st.lists(st.integers(0, 2), min_size=8, max_size=8),
        st.sampled_from(["pdf", "docx"]),
    )
)  # fmt: skip


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_SHUFFLE)
def test_any_section_order_and_label_wrapping_parses_the_same(case):
    order, wraps, kind = case
    item = _shufflable_item(order, wraps)
    body = t.label_column_pdf(item, label_width=34) if kind == "pdf" else t.table_docx(item)
    fields = read_document(body).fields()
    expected = [(b.kind, b.reported_label) for b in item.content_blocks()]
    assert [(c["type"], c["label"]) for c in fields["contents"]] == expected
    assert fields["preparers"] == item.preparers
    assert [a["name"] for a in fields["attachments"]] == item.attachments
    assert fields["title"] == item.title
    # An unknown label starts its own block: its text never joins the block above.
    other = next(c for c in fields["contents"] if c["label"] == "Vaikutukset")
    assert other["text"] == "Vaikutukset kuntalaisille ovat vähäiset."


def test_parse_explain_prints_blocks_and_labels(tmp_path):
    from click.testing import CliRunner

    from cli import main

    path = tmp_path / "item.docx"
    path.write_bytes(t.table_docx(t.swedish_table_item()))
    result = CliRunner().invoke(main, ["parse", str(path), "--platform", "ktweb", "--explain"])
    assert result.exit_code == 0, result.output
    assert "format: docx    layout: label column" in result.output
    assert "title: 'Borgen för Exempelby Energi Ab:s investeringslån'" in result.output
    assert "other (unknown label)      'Konsekvenser'" in result.output
    assert "proposal                   'Förslag'" in result.output
    assert "unknown labels: 'Konsekvenser'" in result.output


def test_parse_explain_on_an_unreadable_file_exits_2(tmp_path):
    from click.testing import CliRunner

    from cli import main

    path = tmp_path / "x.bin"
    path.write_bytes(b"GIF89a")
    result = CliRunner().invoke(main, ["parse", str(path), "--platform", "ktweb", "--explain"])
    assert result.exit_code == 2 and "not a document format we read" in result.output


def test_doc_falls_back_to_catdoc_and_parses_the_same(monkeypatch):
    from harvest.documents import readers

    _doc_tools_or_skip()
    body = t.committed("finnish_table.doc")
    with_antiword = read_document(body).fields()
    catdoc_only = tuple(c for c in readers.DOC_CONVERTERS if c[0] == "catdoc")
    monkeypatch.setattr(readers, "DOC_CONVERTERS", (("no-such-antiword",), *catdoc_only))
    assert read_document(body).fields() == with_antiword


def test_doc_without_any_converter_is_one_clear_error(monkeypatch):
    from harvest.documents import readers

    monkeypatch.setattr(readers, "DOC_CONVERTERS", (("no-such-antiword",), ("no-such-catdoc",)))
    with pytest.raises(ParseError, match="no-such-antiword is not installed"):
        parse_page("ktweb", None, t.committed("finnish_table.doc"), PROXY + "5", "x", {})


_MAGIC = [b"%PDF-1.4\n", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"{\\rtf1 ", b"<html><body>", b""]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(_MAGIC), st.binary(max_size=400))
def test_any_bytes_are_a_reading_or_one_read_error(magic, rest):
    if magic.startswith(b"\xd0\xcf"):
        _doc_tools_or_skip()
    try:
        read_document(magic + rest)
    except DocumentReadError as error:
        assert "\n" not in str(error)


def test_a_broken_docx_is_a_read_error():
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<not-xml")
        archive.writestr("[Content_Types].xml", "<Types/>")
    with pytest.raises(DocumentReadError, match="unreadable DOCX"):
        read_document(buffer.getvalue())


SAMPLE_ITEMS = sorted(
    (Path(__file__).parents[1] / "sample_sites/ktweb/hameenlinna/ktwebbin/ktproxy2/doctype-3").glob(
        "*.pdf"
    )
)


def test_sample_site_item_documents_keep_title_preparers_and_known_labels():
    """The sample sites' item PDFs (another template): all read, every label known."""
    assert len(SAMPLE_ITEMS) > 20
    for path in SAMPLE_ITEMS:
        body = path.read_bytes()
        reading = read_document(body)
        fields = reading.fields()
        assert reading.title and not reading.unknown_labels, path.name
        printed = any("Valmistelij" in line.text for line in extract_lines(body))
        assert bool(fields["preparers"]) == printed, path.name
        for person in fields["preparers"] or []:
            assert "puh" not in person and "@" not in person, path.name


# --- A single item's PDF gets the text-quality checks of whole-meeting documents ----------


def _damaged_item_pdf() -> bytes:
    """Page 1 with ligature drop-outs and a zero-width space; page 2 a scan."""
    from tests.meeting_documents import ZWSP, _Pdf, _scanned_page

    pdf = _Pdf()
    pdf.add_page()
    pdf.text_at(20, 170, "Ungdomsfullmäktiges verksamhetsplan 2027", bold=True, gap=6)
    pdf.text_at(20, 170, "Beskrivning", bold=True, gap=0)
    pdf.text_at(
        20,
        170,
        f"Ungdomsfullmäktge har lämnat sin verksamhetsplan,{ZWSP} som stadsstyrelsen "
        "ska anteckna för kännedom. Planen har godkänts av ungdomsfullmäktige i oktober.",
        gap=6,
    )
    pdf.text_at(20, 170, "Beslutsförslag", bold=True, gap=0)
    pdf.text_at(20, 170, "Stadsstyrelsen antecknar verksamhetsplanen för kännedom.")
    pdf.add_page()
    _scanned_page(pdf, "Bilaga: verksamhetsplanen för år 2027 med budget och tidtabell.")
    return bytes(pdf.output())


def test_a_scanned_page_of_an_item_pdf_is_flagged_on_the_action():
    result = parse_page("ktweb", None, _damaged_item_pdf(), PROXY + "4712", "esimerkkila", {})
    (action,) = result["actions"]
    validate_record(RecordType.ACTION, action)
    assert action["unreliable_pages"] == [2]
    texts = " ".join(content["text"] for content in action["contents"])
    assert "\u200b" not in texts and "verksamhetsplanen för kännedom" in texts


def test_a_clean_item_pdf_has_no_unreliable_pages():
    _, action, _ = _parsed("fi-label-column-pdf")
    assert action.get("unreliable_pages") is None


@pytest.mark.skipif(
    not (FINNISH_ANALYSER.available() and SWEDISH_ANALYSER.available()),
    reason="Voikko (voikko-fi) and Hunspell Swedish (hunspell-sv) measure the text",
)
def test_ligature_drop_outs_in_an_item_pdf_are_repaired():
    reading = read_document(_damaged_item_pdf())
    texts = " ".join(content["text"] for content in reading.fields()["contents"])
    assert "Ungdomsfullmäktige har lämnat" in texts and "fullmäktge" not in texts
