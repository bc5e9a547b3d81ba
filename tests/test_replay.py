"""The replay server (harvest/replay.py) and the recorded sample sites it serves."""

from __future__ import annotations

import hashlib
import http.client
import json
import re
import socket
from dataclasses import replace
from datetime import date, timedelta
from email.utils import format_datetime, parsedate_to_datetime
from functools import cache
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import lxml.etree
import lxml.html
import pytest
from pdfminer.high_level import extract_text

from harvest.replay import ReplayServer, find_site_dirs, start_sample_sites
from sample_sites.content import SITES, hameenlinna
from sample_sites.documents import meeting_rows
from sample_sites.generate import SAMPLE_SITES_ROOT, generate
from sample_sites.pdf_documents import UnsupportedCharacterError, item_pdf

# The KTweb sites; other platforms' sample sites are tested with their platform.
SITE_DIRS = [d for d in find_site_dirs(SAMPLE_SITES_ROOT) if d.parent.name == "ktweb"]
HAMEENLINNA = SAMPLE_SITES_ROOT / "ktweb" / "hameenlinna"
MEETING_PAGE = "/ktwebscr/pk_asil_tweb.htm?+bid=31201"
MEETING_FILE = "ktwebscr/pk_asil_tweb/bid-31201.htm"
ITEM_PDF = "/ktwebbin/ktproxy2.dll?doctype=3&docid=3120154"
MEETING_LIST = "/ktwebscr/pk_kokl_tweb.htm"
TODAY = date(2026, 11, 23)  # the date the sample content was written for
CHECKED_LINK = re.compile(r"_asil_tweb\.htm|ktproxy2\.dll|epjattn_tweb\.htm")
HETU_SHAPE = re.compile(r"\b(\d{6})[-+A](\d{3})([0-9A-Y])\b")


# -- helpers ---------------------------------------------------------------------------------


def fetch(
    base_url: str,
    target: str,
    *,
    method: str = "GET",
    body: bytes | None = None,
    headers: dict | None = None,
    timeout: float = 5,
) -> tuple[int, dict, bytes]:
    """One raw HTTP exchange; the target is sent exactly as given (no URL re-quoting)."""
    parts = urlsplit(base_url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    try:
        request_headers = dict(headers or {})
        if body is not None:
            request_headers.setdefault("Content-Type", "application/x-www-form-urlencoded")
        connection.request(method, target, body=body, headers=request_headers)
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def manifest(site_dir: Path) -> dict:
    return json.loads((site_dir / "manifest.json").read_text(encoding="utf-8"))


def entry_target(entry: dict) -> str:
    return entry["path"] + (f"?{entry['query']}" if entry["query"] else "")


def charset_of(content_type: str) -> str:
    return content_type.split("charset=")[1]


@cache
def pdf_text(path: Path) -> str:
    return extract_text(path)


def normalised(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def server():
    with ReplayServer(HAMEENLINNA) as replay:
        yield replay


@pytest.fixture
def fresh_server():
    """A server of its own, for tests that set faults or count requests."""
    with ReplayServer(HAMEENLINNA) as replay:
        yield replay


# -- serving ---------------------------------------------------------------------------------


def test_server_binds_loopback_on_a_free_port(server):
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+", server.url)
    assert urlsplit(server.url).port != 0
    assert server.base_url == server.url + "/ktwebscr/"


@pytest.mark.parametrize(
    "kind",
    [
        "robots",
        "search_form",
        "meeting",
        "item_document",
        "feed",
        "attachment_list",
        "attachment_document",
        "meeting_list",
    ],
)
def test_serves_each_kind_of_page_byte_for_byte(server, kind):
    entry = next(e for e in manifest(HAMEENLINNA)["entries"] if e["kind"] == kind)
    body = ("kirjaamo=" + entry["body"]["kirjaamo"]).encode() if entry["body"] else None
    status, headers, content = fetch(
        server.url, entry_target(entry), method=entry["method"], body=body
    )
    assert status == 200
    assert content == (HAMEENLINNA / entry["file"]).read_bytes()
    assert headers["Content-Type"] == entry["content_type"]


def test_meeting_list_answers_organ_id_with_and_without_float_suffix(server):
    expected = (HAMEENLINNA / "ktwebscr/pk_kokl_tweb/kirjaamo-21015.htm").read_bytes()
    for form in (
        b"kirjaamo=21015.000000&oper=where",
        b"kirjaamo=21015&oper=where",
        b"oper=where&kirjaamo=21015&pvm1=&pvm2=",
    ):
        status, _, content = fetch(server.url, MEETING_LIST, method="POST", body=form)
        assert (status, content) == (200, expected), form


def test_meeting_list_for_all_organs_lists_every_meeting_with_minutes(server):
    status, _, content = fetch(
        server.url, MEETING_LIST, method="POST", body=b"kirjaamo=&oper=where"
    )
    assert status == 200
    assert content.count(b"pk_asil_tweb.htm?+bid=") == 3


def test_query_parameters_match_in_any_order_and_percent_encoded(server):
    expected = (HAMEENLINNA / "ktwebbin/ktproxy2/doctype-3/3120154.pdf").read_bytes()
    assert fetch(server.url, "/ktwebbin/ktproxy2.dll?docid=3120154&doctype=3")[2] == expected
    assert fetch(server.url, "/ktwebscr/pk_asil_tweb.htm?%2Bbid=31201")[0] == 200


@pytest.mark.parametrize(
    "method, target, body",
    [
        ("GET", "/nothing/here.htm", None),
        ("GET", "/ktwebscr/pk_asil_tweb.htm?+bid=99999", None),
        ("GET", "/ktwebscr/pk_asil_tweb.htm? bid=31201", None),  # "+" is not a space
        ("POST", MEETING_LIST, b"kirjaamo=12345&oper=where"),
        ("GET", MEETING_LIST, None),
    ],
)
def test_unknown_requests_get_a_small_html_404(server, method, target, body):
    status, headers, content = fetch(
        server.url, target.replace(" ", "%20"), method=method, body=body
    )
    assert status == 404
    assert headers["Content-Type"].startswith("text/html")
    assert b"404" in content and len(content) < 500


def test_head_sends_headers_only(server):
    status, headers, content = fetch(server.url, MEETING_PAGE, method="HEAD")
    assert status == 200 and content == b""
    assert int(headers["Content-Length"]) == len((HAMEENLINNA / MEETING_FILE).read_bytes())


def test_conditional_get_answers_304_while_validators_match(server):
    _, headers, content = fetch(server.url, MEETING_PAGE)
    assert headers["ETag"].strip('"') == hashlib.sha256(content).hexdigest()
    last_modified = parsedate_to_datetime(headers["Last-Modified"])

    def status_with(request_headers: dict) -> int:
        status, _, body = fetch(server.url, MEETING_PAGE, headers=request_headers)
        assert status == 200 or body == b""
        return status

    assert status_with({"If-None-Match": headers["ETag"]}) == 304
    assert status_with({"If-None-Match": '"stale", ' + headers["ETag"]}) == 304
    assert status_with({"If-None-Match": '"stale"'}) == 200
    assert status_with({"If-Modified-Since": headers["Last-Modified"]}) == 304
    earlier = format_datetime(last_modified - timedelta(seconds=1), usegmt=True)
    assert status_with({"If-Modified-Since": earlier}) == 200
    assert status_with({"If-Modified-Since": "not a date"}) == 200
    # If-None-Match decides when both are sent (RFC 9110 13.2.2).
    assert (
        status_with({"If-None-Match": '"stale"', "If-Modified-Since": headers["Last-Modified"]})
        == 200
    )


# -- request log -----------------------------------------------------------------------------


def test_request_log_records_method_path_and_body(fresh_server):
    fetch(fresh_server.url, MEETING_PAGE)
    fetch(fresh_server.url, MEETING_LIST, method="POST", body=b"kirjaamo=21015&oper=where")
    fetch(fresh_server.url, "/missing")
    assert all(r.user_agent == "" for r in fresh_server.requests)  # http.client sends none
    assert [(r.method, r.path, r.body) for r in fresh_server.requests] == [
        ("GET", MEETING_PAGE, ""),
        ("POST", MEETING_LIST, "kirjaamo=21015&oper=where"),
        ("GET", "/missing", ""),
    ]
    fresh_server.reset_requests()
    assert fresh_server.requests == []


# -- faults ----------------------------------------------------------------------------------


def test_status_fault_with_headers_applies_only_the_first_times(fresh_server):
    fresh_server.set_fault(
        MEETING_PAGE, {"status": 503, "headers": {"Retry-After": "1"}, "times": 2}
    )
    for _ in range(2):
        status, headers, _ = fetch(fresh_server.url, MEETING_PAGE)
        assert (status, headers["Retry-After"]) == (503, "1")
    assert fetch(fresh_server.url, MEETING_PAGE)[0] == 200


def test_path_prefix_fault_hits_every_document_and_exact_key_wins(fresh_server):
    fresh_server.set_fault("/ktwebbin/ktproxy2.dll", {"status": 500})
    fresh_server.set_fault(ITEM_PDF, {"status": 404})
    assert fetch(fresh_server.url, "/ktwebbin/ktproxy2.dll?doctype=3&docid=3120153")[0] == 500
    assert fetch(fresh_server.url, ITEM_PDF)[0] == 404
    assert fetch(fresh_server.url, MEETING_PAGE)[0] == 200
    fresh_server.clear_faults()
    assert fetch(fresh_server.url, ITEM_PDF)[0] == 200


def test_body_file_fault_serves_a_login_page_instead_of_a_pdf(tmp_path):
    login = tmp_path / "login.html"
    login.write_text("<html><body><form>Kirjaudu sisään</form></body></html>", encoding="utf-8")
    with ReplayServer(HAMEENLINNA, faults={ITEM_PDF: {"body_file": str(login)}}) as replay:
        status, headers, content = fetch(replay.url, ITEM_PDF)
    assert status == 200
    assert content == login.read_bytes()
    assert headers["Content-Type"].startswith("text/html")


def test_inline_body_fault_with_content_type(fresh_server):
    fresh_server.set_fault(ITEM_PDF, {"body": "changed", "content_type": "application/pdf"})
    status, headers, content = fetch(fresh_server.url, ITEM_PDF)
    assert (status, content, headers["Content-Type"]) == (200, b"changed", "application/pdf")


def test_truncate_fault_cuts_the_file(fresh_server):
    fresh_server.set_fault(ITEM_PDF, {"truncate": 100})
    status, headers, content = fetch(fresh_server.url, ITEM_PDF)
    full = (HAMEENLINNA / "ktwebbin/ktproxy2/doctype-3/3120154.pdf").read_bytes()
    assert (status, content, headers["Content-Length"]) == (200, full[:100], "100")


def test_truncate_with_dropped_connection_leaves_the_body_incomplete(fresh_server):
    fresh_server.set_fault(ITEM_PDF, {"truncate": 100, "drop_connection": True})
    with pytest.raises(http.client.IncompleteRead):
        fetch(fresh_server.url, ITEM_PDF)


def test_delay_fault_makes_a_client_time_out_and_stop_stays_fast(fresh_server):
    fresh_server.set_fault(MEETING_PAGE, {"delay": 3, "times": 1})
    with pytest.raises((TimeoutError, socket.timeout)):
        fetch(fresh_server.url, MEETING_PAGE, timeout=0.2)
    assert fetch(fresh_server.url, MEETING_PAGE)[0] == 200


def test_faults_are_checked_when_set(fresh_server, tmp_path):
    with pytest.raises(ValueError, match="unknown fields"):
        fresh_server.set_fault(MEETING_PAGE, {"stauts": 500})
    with pytest.raises(ValueError, match="does not exist"):
        fresh_server.set_fault(MEETING_PAGE, {"body_file": str(tmp_path / "missing.html")})
    with pytest.raises(ValueError, match="times"):
        fresh_server.set_fault(MEETING_PAGE, {"status": 500, "times": 0})


def test_start_sample_sites_starts_one_server_per_municipality():
    servers = start_sample_sites()
    try:
        # KTweb sites, and the other platforms' sites as they come (cloudnc: pedersore).
        assert {"hameenlinna", "kristinestad", "vaasa", "pedersore"} <= set(servers)
        kristinestad = servers["kristinestad"]
        assert kristinestad.base_url.endswith("/ktwebbin/dbisa.dll/ktwebscr/")
        assert fetch(kristinestad.url, "/robots.txt")[0] == 200
    finally:
        for replay in servers.values():
            replay.stop()


# -- the generated sites ---------------------------------------------------------------------


def test_committed_sites_equal_a_fresh_generation(tmp_path):
    generate(tmp_path)
    committed_root = SAMPLE_SITES_ROOT / "ktweb"
    fresh_root = tmp_path / "ktweb"
    committed = {p.relative_to(committed_root) for p in committed_root.rglob("*") if p.is_file()}
    fresh = {p.relative_to(fresh_root) for p in fresh_root.rglob("*") if p.is_file()}
    assert committed == fresh, "run: python -m sample_sites.generate"
    changed = [
        str(p)
        for p in sorted(fresh)
        if (fresh_root / p).read_bytes() != (committed_root / p).read_bytes()
    ]
    assert changed == [], "run: python -m sample_sites.generate"


def test_content_is_large_and_varied_enough():
    organs = {(site.municipality, m.organ.id) for site in SITES for m in site.meetings}
    meetings = [m for site in SITES for m in site.meetings]
    items = [item for meeting in meetings for item in meeting.items]
    assert len(organs) >= 3 and len(meetings) >= 6 and len(items) >= 30
    recent = [m for m in meetings if TODAY - timedelta(days=60) <= m.start.date() <= TODAY]
    assert len(recent) >= 2
    decisions = " ".join(item.decision for item in items)
    for phrase in (
        "Hyväksyttiin esitys.",
        "Asia jätettiin pöydälle.",
        "Asia palautettiin valmisteluun.",
        "Merkittiin tiedoksi.",
        "Förslaget godkändes.",
        "Ärendet bordlades.",
        "Antecknades för kännedom.",
        "Ärendet återremitterades.",
    ):
        assert phrase in decisions


@pytest.mark.parametrize("site_dir", SITE_DIRS, ids=lambda path: path.name)
def test_search_forms_offer_at_least_three_organs(site_dir):
    forms = [e for e in manifest(site_dir)["entries"] if e["kind"] == "search_form"]
    assert len(forms) == 2
    for entry in forms:
        page = (site_dir / entry["file"]).read_bytes().decode(charset_of(entry["content_type"]))
        form = lxml.html.fromstring(page).xpath("//form[@method='POST']")[0]
        assert form.get("action").endswith("_kokl_tweb.htm")
        options = form.xpath(".//select[@name='kirjaamo']/option[@value!='']/@value")
        assert len(options) >= 3
        assert all(re.fullmatch(r"\d+\.000000", value) for value in options)


@pytest.mark.parametrize("site_dir", SITE_DIRS, ids=lambda path: path.name)
def test_every_link_resolves_to_a_recorded_page(site_dir):
    """No dead links: meeting, document and attachment links all hit the manifest."""
    replay = ReplayServer(site_dir)  # not started: only its manifest lookup is used
    checked = 0
    for entry in manifest(site_dir)["entries"]:
        if not entry["content_type"].startswith(("text/html", "application/rss+xml")):
            continue
        for href in _links((site_dir / entry["file"]).read_bytes(), entry["content_type"]):
            assert not urlsplit(href).netloc, f"absolute link {href} in {entry['file']}"
            if not CHECKED_LINK.search(href):
                continue
            target = urlsplit(urljoin("http://site" + entry_target(entry), href))
            found = replay.manifest.find("GET", target.path, target.query, b"")
            assert found is not None, f"dead link {href} in {entry['file']}"
            checked += 1
    assert checked > 50


def _links(content: bytes, content_type: str) -> list[str]:
    if "rss" in content_type:
        return lxml.etree.fromstring(content).xpath("/rss/channel/item/link/text()")
    text = content.decode(charset_of(content_type))
    return [
        href
        for href in lxml.html.fromstring(text).xpath("//a/@href")
        if not href.startswith("javascript:")
    ]


@pytest.mark.parametrize("site_dir", SITE_DIRS, ids=lambda path: path.name)
def test_every_pdf_is_a_pdf_whose_text_holds_its_title(site_dir):
    pdfs = [e for e in manifest(site_dir)["entries"] if e["content_type"] == "application/pdf"]
    assert len(pdfs) >= 40
    for entry in pdfs:
        content = (site_dir / entry["file"]).read_bytes()
        assert content.startswith(b"%PDF-")
        assert normalised(entry["title"]) in normalised(pdf_text(site_dir / entry["file"]))


def test_only_the_documented_item_carries_a_henkilotunnus_shaped_string():
    """§ 90 of Hämeenlinna's board 17.3.2025 (agenda 3120104, minutes 3120154) - for redaction."""
    carriers = set()
    for site_dir in SITE_DIRS:
        for entry in manifest(site_dir)["entries"]:
            if entry["content_type"] == "application/pdf":
                text = pdf_text(site_dir / entry["file"])
                if HETU_SHAPE.search(text):
                    carriers.add(entry_target(entry))
    assert carriers == {"/ktwebbin/ktproxy2.dll?doctype=3&docid=3120104", ITEM_PDF}
    digits, individual, check = HETU_SHAPE.search("150372-958K").groups()
    assert "0123456789ABCDEFHJKLMNPRSTUVWXY"[int(digits + individual) % 31] == check


def test_sites_use_their_encodings_and_robots():
    vaasa = SAMPLE_SITES_ROOT / "ktweb" / "vaasa"
    utf16 = (vaasa / "ktwebscr/pk_asil_tweb/bid-88522.htm").read_bytes()
    assert not utf16.startswith((b"\xff\xfe", b"\xfe\xff"))
    assert "Tekninen lautakunta" in utf16.decode("utf-16-le")
    assert (vaasa / "robots.txt").read_text() == "User-agent: *\nDisallow: /\n"
    kristinestad = SAMPLE_SITES_ROOT / "ktweb" / "kristinestad"
    page = (kristinestad / "ktwebbin/dbisa.dll/ktwebscr/pk_asil_tweb/bid-23345.htm").read_bytes()
    assert b'<meta charset="utf-8">' in page and "Protokollets pärm" in page.decode("utf-8")
    assert b'class="table table-striped' in page and b"data0" not in page
    plain = (HAMEENLINNA / MEETING_FILE).read_bytes()
    assert "Pöytäkirjan kansilehti".encode("windows-1252") in plain


def test_generator_refuses_characters_the_pdf_font_cannot_print():
    meeting = hameenlinna.BOARD_MARCH_2025
    en_dash_item = replace(meeting.items[1], proposal="2026 – 2027")
    document = meeting_rows(replace(meeting, items=(en_dash_item,)), "agenda")[1]
    with pytest.raises(UnsupportedCharacterError, match="document 3120102"):
        item_pdf(hameenlinna.SITE, document)
