"""harvest/decoding.py: page bytes to text, whatever the page claims about itself."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from harvest.decoding import decode_page, sniff_encoding

FIXTURES = Path(__file__).parent / "fixtures" / "ktweb"
FINNISH = "Pöytäkirjan tarkastaminen § 2 – ÅÄÖ åäö €"


def page(body: str, head: str = "") -> str:
    return f"<html><head>{head}</head><body><p>{body}</p></body></html>"


@pytest.mark.parametrize(
    ("bom", "codec", "expected"),
    [
        (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
        (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    ],
)
def test_byte_order_mark_decides(bom, codec, expected):
    body = bom + page(FINNISH, '<meta charset="windows-1252">').encode(codec)
    assert sniff_encoding(body) == expected
    assert FINNISH in decode_page(body)
    assert not decode_page(body).startswith("\ufeff")


@pytest.mark.parametrize(
    ("codec", "expected"), [("utf-16-le", "utf-16-le"), ("utf-16-be", "utf-16-be")]
)
def test_utf16_without_bom_is_recognised_by_its_nul_bytes(codec, expected):
    body = page(FINNISH, '<meta charset="windows-1252">').encode(codec)
    assert sniff_encoding(body) == expected
    assert FINNISH in decode_page(body)


def test_utf16_fixture_without_bom():
    text = decode_page((FIXTURES / "meeting_sv_utf16le_nobom.html").read_bytes())
    assert "Bildningsnämnden: 2/2025" in text
    assert "Skolskjutsar läsåret 2025–2026" in text


def test_odd_length_utf16_does_not_fail():
    body = page(FINNISH).encode("utf-16-le")[:-1]
    assert "Pöytäkirjan" in decode_page(body)


@pytest.mark.parametrize(
    "head",
    [
        '<meta http-equiv="content-type" content="text/html; charset=windows-1252">',
        '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">',
        "<meta charset=latin1>",
    ],
)
def test_declared_single_byte_charset_is_read_as_windows_1252(head):
    # Browsers read ISO-8859-1 as windows-1252: byte 0x80 is the euro sign.
    body = page(FINNISH, head).encode("cp1252")
    assert sniff_encoding(body) == "cp1252"
    assert FINNISH in decode_page(body)


def test_declared_other_charset_is_used():
    body = page("Ääkköset", '<meta charset="iso-8859-15">').encode("iso-8859-15")
    assert sniff_encoding(body) == "iso8859_15"
    assert "Ääkköset" in decode_page(body)


def test_undeclared_utf8_is_tried_before_windows_1252():
    body = page(FINNISH).encode("utf-8")
    assert sniff_encoding(body) == "utf-8"
    assert FINNISH in decode_page(body)


def test_undeclared_non_utf8_falls_back_to_windows_1252():
    body = page(FINNISH).encode("cp1252")
    assert sniff_encoding(body) == "cp1252"
    assert FINNISH in decode_page(body)


def test_utf8_bytes_under_an_old_windows_1252_declaration_are_utf8():
    # Templates keep their old <meta> after a site moves to UTF-8; the bytes tell the truth.
    body = page(FINNISH, '<meta charset="windows-1252">').encode("utf-8")
    assert sniff_encoding(body) == "utf-8"
    assert FINNISH in decode_page(body)


def test_windows_1252_bytes_under_a_utf8_declaration_are_windows_1252():
    body = page(FINNISH, '<meta charset="utf-8">').encode("cp1252")
    assert sniff_encoding(body) == "cp1252"
    assert FINNISH in decode_page(body)


def test_a_utf16_declaration_on_ascii_bytes_is_ignored():
    body = page("Paatos", '<meta charset="utf-16">').encode("ascii")
    assert sniff_encoding(body) == "utf-8"
    assert "Paatos" in decode_page(body)


def test_unknown_charset_label_is_no_evidence():
    body = page(FINNISH, '<meta charset="x-no-such-charset">').encode("utf-8")
    assert sniff_encoding(body) == "utf-8"


def test_bytes_undefined_in_windows_1252_pass_through_as_browsers_do():
    body = page("a\x81b").encode("latin-1") + b"\xe4"
    assert "a\x81b" in decode_page(body)
    assert decode_page(body).endswith("ä")


def test_empty_bytes_decode_to_empty_text():
    assert decode_page(b"") == ""


@given(st.binary(max_size=2000))
def test_decoding_never_fails(body):
    assert isinstance(decode_page(body), str)
