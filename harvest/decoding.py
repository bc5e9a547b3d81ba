"""Page bytes to text, for sites that rarely say their encoding truthfully.

Order of evidence: a byte order mark; UTF-16 without a mark (some KTweb installs serve it,
recognisable by NUL bytes in every other position); the page's own ``<meta>`` charset; a
strict UTF-8 attempt; windows-1252, the encoding of most Finnish municipal pages.
"""

from __future__ import annotations

import codecs
import re

# Look for NULs and <meta> only near the start, as browsers do.
_SNIFF_BYTES = 4096
# Share of NULs at odd (or even) offsets above which bytes are UTF-16 text in Latin script.
_UTF16_NUL_SHARE = 0.3
_META_CHARSET = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([a-z0-9_.:-]+)", re.I)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: its mark starts the same way
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Labels browsers treat as windows-1252 (WHATWG Encoding Standard).
_WINDOWS_1252_ALIASES = {"cp1252", "latin_1", "iso8859_1", "ascii"}
_SINGLE_BYTE = re.compile(r"^(cp125\d|latin_\d|iso8859_\d+|mac_\w+|ascii|cp8\d\d|koi8_\w)$")


def decode_page(body: bytes) -> str:
    """The page as text; never fails (undecodable bytes become replacement characters)."""
    encoding = sniff_encoding(body)
    if encoding == "cp1252":
        return body.decode("cp1252", errors=_C1_PASSTHROUGH)
    return body.decode(encoding, errors="replace")


def sniff_encoding(body: bytes) -> str:
    """Python codec name for the page bytes."""
    head = body[:_SNIFF_BYTES]
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding
    utf16 = _utf16_without_bom(head)
    if utf16:
        return utf16
    declared = _declared_charset(head)
    if declared and _bytes_agree(body, declared):
        return declared
    if _is_utf8(body):
        return "utf-8"
    return "cp1252"


def _utf16_without_bom(head: bytes) -> str | None:
    """ASCII markup in UTF-16 puts a NUL beside every character: LE at odd, BE at even offsets."""
    pairs = len(head) // 2
    if pairs < 2:
        return None
    nuls_at_odd = head[1::2].count(0) / pairs
    nuls_at_even = head[0::2].count(0) / pairs
    if nuls_at_odd > _UTF16_NUL_SHARE and nuls_at_even < _UTF16_NUL_SHARE / 3:
        return "utf-16-le"
    if nuls_at_even > _UTF16_NUL_SHARE and nuls_at_odd < _UTF16_NUL_SHARE / 3:
        return "utf-16-be"
    return None


def _declared_charset(head: bytes) -> str | None:
    match = _META_CHARSET.search(head)
    if not match:
        return None
    try:
        name = codecs.lookup(match.group(1).decode("ascii")).name.replace("-", "_")
    except LookupError:
        return None  # an unknown label is no evidence
    if name in _WINDOWS_1252_ALIASES:
        return "cp1252"
    if name.startswith("utf_16") or name.startswith("utf_32"):
        return "utf-8"  # bytes without NULs cannot be UTF-16 whatever the page says
    return "utf-8" if name == "utf_8" else name


def _bytes_agree(body: bytes, declared: str) -> bool:
    """False when the bytes contradict the declaration, which old templates often get wrong."""
    if declared == "utf-8":
        return _is_utf8(body)
    if _SINGLE_BYTE.match(declared.replace("-", "_")):
        # Text in a single-byte encoding almost never forms valid multi-byte UTF-8.
        return not (_is_utf8(body) and not body.isascii())
    return True


def _is_utf8(body: bytes) -> bool:
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _pass_c1_through(error: UnicodeDecodeError) -> tuple[str, int]:
    # The five bytes windows-1252 leaves undefined decode to the same code points,
    # as browsers do, instead of failing the page.
    undefined = error.object[error.start : error.end]
    return "".join(chr(byte) for byte in undefined), error.end


_C1_PASSTHROUGH = "avoin-c1-passthrough"
codecs.register_error(_C1_PASSTHROUGH, _pass_c1_through)
