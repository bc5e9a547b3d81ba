"""The Dynasty sample sites (sample_sites/dynasty/): current, varied, without dead links."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import lxml.etree
import lxml.html
import pytest

from harvest.replay import ReplayServer, find_site_dirs
from sample_sites.dynasty.content import OMAHAME, SITES, STATIC_EXAMPLE
from sample_sites.dynasty.generate import OUTPUT_ROOT, generate
from sample_sites.dynasty.model import AGENDA, MINUTES
from sample_sites.dynasty.pdfs import UnsupportedCharacterError, simple_pdf

SITE_DIRS = [OUTPUT_ROOT / site.municipality for site in SITES]


def manifest(site_dir: Path) -> dict:
    return json.loads((site_dir / "manifest.json").read_text(encoding="utf-8"))


def test_committed_sites_equal_a_fresh_generation(tmp_path):
    generate(tmp_path)
    for site_dir in SITE_DIRS:
        fresh_dir = tmp_path / site_dir.name
        committed = {p.relative_to(site_dir) for p in site_dir.rglob("*") if p.is_file()}
        fresh = {p.relative_to(fresh_dir) for p in fresh_dir.rglob("*") if p.is_file()}
        assert committed == fresh, "run: python -m sample_sites.dynasty.generate"
        changed = [str(p) for p in sorted(fresh)
                   if (fresh_dir / p).read_bytes() != (site_dir / p).read_bytes()]  # fmt: skip
        assert changed == [], "run: python -m sample_sites.dynasty.generate"


def test_sites_are_found_where_the_demo_looks():
    found = find_site_dirs(OUTPUT_ROOT.parent)
    assert set(SITE_DIRS) <= set(found)
    assert [manifest(d)["platform"] for d in SITE_DIRS] == ["dynasty", "dynasty"]
    assert manifest(OUTPUT_ROOT / "omahame")["base_path"] == "/djulkaisu/"
    assert manifest(OUTPUT_ROOT / "static-example")["base_path"] == "/kokous/"


def test_omahame_is_large_and_varied_enough():
    organs = {meeting.organ for meeting in OMAHAME.meetings}
    kinds = [kind for meeting in OMAHAME.meetings for kind in meeting.kinds()]
    items = [item for meeting in OMAHAME.meetings for item in meeting.items]
    assert len(organs) >= 3 and len(OMAHAME.meetings) >= 4
    assert kinds.count(AGENDA) >= 4 and kinds.count(MINUTES) >= 4
    assert len(items) >= 20 and len(OMAHAME.decisions) >= 5
    decisions = " ".join(item.decision for item in items)
    for phrase in ("Hyväksyttiin esitys.", "Asia jätettiin pöydälle.",
                   "Asia palautettiin valmisteluun.", "Merkittiin tiedoksi.", "muutettuna",
                   "Hylättiin esitys"):  # fmt: skip
        assert phrase in decisions


def test_static_example_has_swedish_and_finnish_organs():
    languages = {meeting.organ.language for meeting in STATIC_EXAMPLE.meetings}
    items = [item for meeting in STATIC_EXAMPLE.meetings for item in meeting.items]
    assert languages == {"fi", "sv"}
    assert len(STATIC_EXAMPLE.organs) >= 2 and len(STATIC_EXAMPLE.meetings) >= 2
    assert sum(len(m.items) * len(m.kinds()) for m in STATIC_EXAMPLE.meetings) >= 8
    decisions = " ".join(item.decision for item in items)
    for phrase in ("Förslaget godkändes.", "Ärendet bordlades.", "Ärendet återremitterades.",
                   "Antecknades för kännedom."):  # fmt: skip
        assert phrase in decisions


@pytest.mark.parametrize("site_dir", SITE_DIRS, ids=lambda path: path.name)
def test_every_link_resolves_to_a_recorded_page(site_dir):
    replay = ReplayServer(site_dir)  # not started: only its manifest lookup is used
    checked = 0
    for entry in manifest(site_dir)["entries"]:
        content_type = entry["content_type"]
        if not content_type.startswith(("text/html", "application/rss+xml")):
            continue
        page_url = "http://site" + entry["path"] + (f"?{entry['query']}" if entry["query"] else "")
        for href in _links((site_dir / entry["file"]).read_bytes(), content_type):
            assert not urlsplit(href).netloc, f"absolute link {href} in {entry['file']}"
            target = urlsplit(urljoin(page_url, href))
            found = replay.manifest.find("GET", target.path, target.query, b"")
            assert found is not None, f"dead link {href} in {entry['file']}"
            checked += 1
    assert checked > 100


def _links(content: bytes, content_type: str) -> list[str]:
    if "rss" in content_type:
        return lxml.etree.fromstring(content).xpath("/rss/channel/item/link/text()")
    charset = content_type.split("charset=")[1]
    return [href for href in lxml.html.fromstring(content.decode(charset)).xpath("//a/@href")
            if not href.startswith("mailto:")]  # fmt: skip


def test_pages_use_dynasty_encodings_and_markers():
    omahame = OUTPUT_ROOT / "omahame"
    entries = manifest(omahame)["entries"]
    feeds = [e for e in entries if e["kind"] == "feed"]
    assert sorted(e["query"] for e in feeds) == [
        "page=rss/meetingitems&show=30", "page=rss/meetings&show=30",
        "page=rss/official_decisions&show=30",
    ]  # fmt: skip
    feed = (omahame / feeds[0]["file"]).read_bytes()
    assert feed.startswith(b'<?xml version="1.0" encoding="ISO-8859-1"?>')
    assert b"<![CDATA[Aluehallitus 16.11.2026 / " in feed
    item = next(e for e in entries if e["kind"] == "item")
    html = (omahame / item["file"]).read_bytes()
    assert item["content_type"] == "text/html; charset=windows-1252"
    assert "Pöytäkirja".encode("windows-1252") in html or "Esityslista".encode("cp1252") in html
    for marker in (b"<!--DATA_BEGIN-->", b"<!--DATA_END-->", b'class="WordSection1"',
                   b'label class="h3"', b'type="hidden" name="id"'):  # fmt: skip
        assert marker in html
    assert (omahame / "robots.txt").read_text() == "User-agent: *\nAllow: /\n"


def test_only_public_attachments_have_files():
    entries = manifest(OUTPUT_ROOT / "omahame")["entries"]
    names = {e["title"] for e in entries if e["kind"] == "attachment"}
    assert "Kartta kiinteistöstä" in names and "Kauppakirjaluonnos" not in names


def test_pdf_generator_refuses_characters_the_core_font_cannot_print():
    with pytest.raises(UnsupportedCharacterError, match="x.PDF"):
        simple_pdf("x.PDF", "Talousarvio 2027–2028", [], OMAHAME.meetings[0].start)
