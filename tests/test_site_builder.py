"""The static site builder against a small in-memory store: Finnish, Swedish, hostile records."""

from __future__ import annotations

import copy
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html
import pytest
from hypothesis import given
from hypothesis import strategies as st

from site_builder import i18n
from site_builder.build import TEMPLATES_DIR, build_site
from site_builder.filters import format_date, paragraphs, safe_url
from site_builder.paths import UnsafeIdError, page_path
from site_builder.sanitize import sanitize_html
from site_builder.writer import SiteWriter, UnsafePathError
from transform.schema import (
    Classification,
    ContentType,
    DocumentKind,
    Outcome,
    RecordType,
    make_id,
    validate_record,
)

# --- the fake store -------------------------------------------------------------------------

PROVENANCE = {
    "fetched_at": "2017-03-22T02:00:00+00:00", "raw_sha256": "0" * 64, "parser_version": "1",
    "first_seen": "2017-03-14T02:00:00+00:00", "last_seen": "2017-03-22T02:00:00+00:00",
    "withdrawn_at": None,
}
HOSTILE_ORIGIN_IDS = ("../../etc", "a/b", "%2e%2e")


def _action(municipality: str, origin_id: str, **fields) -> dict:
    return {
        "id": make_id(municipality, RecordType.ACTION, origin_id), "municipality": municipality,
        "origin_id": origin_id, "source_url": f"https://example.org/{municipality}/item",
        "contents": [], "attachments": [], **PROVENANCE, **fields,
    }


def _records() -> dict[str, list[dict]]:
    municipalities = [
        {"id": "vaasa", "name": {"fi": "Vaasa", "sv": "Vasa"}, "code": "905",
         "languages": ["fi", "sv"], "platform": "ktweb", "base_url": "https://example.org/v/"},
        {"id": "kristinestad", "name": {"fi": "Kristiinankaupunki", "sv": "Kristinestad"},
         "code": "287", "languages": ["sv", "fi"], "platform": "ktweb", "base_url": ""},
    ]
    organizations = [
        {"id": "vaasa:org:kh", "municipality": "vaasa", "name": "Kaupunginhallitus",
         "classification": Classification.BOARD, "origin_id": "kh"},
        {"id": "vaasa:org:rvj", "municipality": "vaasa", "name": "Rakennusvalvontajohtaja",
         "classification": Classification.OFFICEHOLDER, "origin_id": "rvj"},
        {"id": "kristinestad:org:sty", "municipality": "kristinestad", "name": "Stadsstyrelsen",
         "classification": Classification.BOARD, "origin_id": "sty"},
    ]
    meetings = [
        {"id": "vaasa:meeting:2017-5", "municipality": "vaasa", "organization": "vaasa:org:kh",
         "number": "5/2017", "start": "2017-03-20T16:00:00+02:00",
         "document_kind": DocumentKind.MINUTES, "language": "fi", "origin_id": "2017-5",
         "source_url": "https://example.org/v/meeting/5", "pdf_url": "https://example.org/v/5.pdf",
         **PROVENANCE},
        {"id": "vaasa:meeting:../../etc", "municipality": "vaasa", "organization": "vaasa:org:kh",
         "number": "4/2016", "start": "2016-11-07T16:00:00+02:00",
         "document_kind": DocumentKind.AGENDA, "language": "fi", "origin_id": "../../etc",
         "source_url": "javascript:alert(1)", "pdf_url": None, **PROVENANCE},
        {"id": "kristinestad:meeting:77", "municipality": "kristinestad",
         "organization": "kristinestad:org:sty", "number": "3/2017",
         "start": "2017-03-21T18:00:00+02:00", "document_kind": DocumentKind.MINUTES,
         "language": "sv", "origin_id": "77", "source_url": "https://example.org/k/77",
         "pdf_url": None, **PROVENANCE},
    ]
    actions = [
        _action(
            "vaasa", "123", organization="vaasa:org:kh", meeting="vaasa:meeting:2017-5",
            article_number="12", ordering=1, title="Talousarviomuutos 2017",
            register_id="VD/1545/00.04.00/2017", function_code="00.04.00", language="fi",
            presenter="kaupunginjohtaja Tomas Häyry", preparers=["Talousjohtaja"],
            outcome=Outcome.APPROVED_AS_PROPOSED, date="2017-03-20",
            pdf_url="https://example.org/v/123.pdf",
            history=[{"organization": "vaasa:org:kh", "date": "2017-03-06", "article_number": "3"}],
            contents=[
                {"type": ContentType.PRESENTATION, "label": "Perustelut",
                 "text": "Ensimmäinen kappale.\n\nToinen kappale\njatkuu.", "html": None},
                {"type": ContentType.PROPOSAL, "label": "Päätösehdotus",
                 "text": "Kaupunginhallitus hyväksyy muutoksen.", "html": None},
                {"type": ContentType.DECISION, "label": "Päätös",
                 "text": "Ehdotus hyväksyttiin.",
                 "html": "<p>Ehdotus <strong>hyväksyttiin</strong>.</p>"},
            ],
            attachments=[
                {"name": "Talousarvio.pdf", "url": "https://example.org/v/a1.pdf", "public": True},
                {"name": "Hankintahinnat", "url": None, "public": False,
                 "confidentiality_reason": "JulkL 24 § 1 mom. 20 k."},
            ],
        ),
        _action(
            "vaasa", "124", organization="vaasa:org:kh", meeting="vaasa:meeting:2017-5",
            article_number="13", ordering=2, language="fi", date="2017-03-20",
            title='Kaavoitus <script>alert("title")</script><b style="position:fixed">x</b>',
            source_url="javascript:alert(document.cookie)",
            contents=[{
                "type": ContentType.PROPOSAL, "label": "Ehdotus<script>alert(2)</script>",
                "text": "ignored when html is usable",
                "html": (
                    '<p style="background:url(javascript:alert(3))" onclick="alert(4)">Hyväksytään'
                    '<script>alert(5)</script><img src="x" onerror="alert(6)">'
                    '<a href="javascript:alert(7)">linkki</a><iframe src="https://evil.example">'
                    '</iframe><svg onload="alert(8)"></svg><style>body{display:none}</style></p>'
                    '<table><tr><td colspan="2" onmouseover="alert(9)">solu</td></tr></table>'
                ),
            }],
            attachments=[{"name": "<img src=x>.pdf", "url": "javascript:alert(10)",
                          "public": True}],
        ),
        _action("vaasa", "a/b", organization="vaasa:org:kh", meeting="vaasa:meeting:../../etc",
                article_number="40", ordering=1, title="Ilmoitusasiat", language="fi",
                date="2016-11-07", outcome=Outcome.NOTED),
        _action("vaasa", "%2e%2e", organization="vaasa:org:rvj", meeting=None,
                title="Rakennuslupa, Kauppapuistikko 1", decision_maker="Rakennusvalvontajohtaja",
                language="fi", date="2017-02-01", outcome=Outcome.APPROVED_AS_PROPOSED),
        _action(
            "kristinestad", "900", organization="kristinestad:org:sty",
            meeting="kristinestad:meeting:77", article_number="45", ordering=1,
            title="Budgetändring 2017", register_id="KRS/88/02.02.02/2017", language="sv",
            outcome=Outcome.TABLED, date="2017-03-21",
            contents=[
                {"type": ContentType.PROPOSAL, "label": "Beslutsförslag",
                 "text": "Stadsstyrelsen godkänner ändringen.", "html": None},
                {"type": ContentType.DECISION, "label": "Beslut",
                 "text": "Ärendet bordlades.", "html": None},
            ],
        ),
    ]
    # As the store gives them: oldest first, ending with the current record.
    agenda_version = {
        **copy.deepcopy(actions[0]), "outcome": None, "fetched_at": "2017-03-14T02:00:00+00:00",
        "contents": actions[0]["contents"][:2], "version": 1,
        "valid_from": "2017-03-14T02:00:00+00:00", "valid_to": "2017-03-22T02:00:00+00:00",
    }
    current_version = {**copy.deepcopy(actions[0]), "version": 2,
                       "valid_from": actions[0]["fetched_at"], "valid_to": None}
    return {"municipalities": municipalities, "organizations": organizations,
            "meetings": meetings, "actions": actions,
            "versions": {actions[0]["id"]: [agenda_version, current_version]}}


class FakeStore:
    """Same read methods, orderings and withdrawn filtering as transform.store.Store;
    records are deep-copied out so a build cannot change the fixture."""

    def __init__(self, records: dict):
        self.records = records

    def municipalities(self, include_withdrawn=False) -> list[dict]:
        return copy.deepcopy(self.records["municipalities"])

    def organizations(self, municipality=None, include_withdrawn=False) -> list[dict]:
        return self._select("organizations", include_withdrawn, municipality=municipality)

    def meetings(self, municipality=None, organization=None, include_withdrawn=False):
        found = self._select("meetings", include_withdrawn, municipality=municipality,
                             organization=organization)
        return sorted(found, key=lambda meeting: meeting["start"], reverse=True)

    def actions(self, municipality=None, meeting=None, organization=None,
                include_withdrawn=False) -> list[dict]:
        found = self._select("actions", include_withdrawn, municipality=municipality,
                             meeting=meeting, organization=organization)
        found.sort(key=lambda action: action.get("ordering") or 0)
        found.sort(key=lambda action: action["date"], reverse=True)
        return found

    def action_versions(self, action_id: str) -> list[dict]:
        current = [a for a in self.records["actions"] if a["id"] == action_id]
        if not current or current[0]["withdrawn_at"]:
            return []
        return copy.deepcopy(self.records["versions"].get(action_id, current))

    def _select(self, kind: str, include_withdrawn: bool, **criteria) -> list[dict]:
        return copy.deepcopy([
            record for record in self.records[kind]
            if (include_withdrawn or not record.get("withdrawn_at"))
            and all(value is None or record.get(key) == value for key, value in criteria.items())
        ])


@pytest.fixture(scope="module")
def records() -> dict:
    return _records()


@pytest.fixture(scope="module")
def site(tmp_path_factory, records) -> Path:
    out_dir = tmp_path_factory.mktemp("public")
    build_site(FakeStore(records), out_dir, generated_at="2017-03-22T06:00:00+02:00")
    return out_dir


def _page(site: Path, record_id: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring((site / page_path(record_id)).read_bytes())


def _html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def _text(element) -> str:
    return " ".join(element.text_content().split())


# --- the fixture data itself is schema-valid ------------------------------------------------

def test_fixture_records_fit_the_schema(records):
    for kind, record_type in (("organizations", RecordType.ORGANIZATION),
                              ("meetings", RecordType.MEETING), ("actions", RecordType.ACTION)):
        for record in records[kind]:
            validate_record(record_type, record)


# --- pages ----------------------------------------------------------------------------------

def test_expected_pages_exist(site, records):
    expected = {"index.html", "404.html", "static/style.css", "vaasa/index.html",
                "kristinestad/index.html"}
    for kind in ("organizations", "meetings", "actions"):
        expected |= {page_path(record["id"]) for record in records[kind]}
    built = {path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()}
    assert built == expected


def test_build_report_counts_every_file(tmp_path, records):
    report = build_site(FakeStore(records), tmp_path)
    assert report.written == report.pages == 16
    assert report.unchanged == 0


def test_home_lists_latest_decisions_newest_first_and_links_municipalities(site):
    home = lxml.html.fromstring((site / "index.html").read_bytes())
    decisions = [_text(link) for link in home.cssselect("#latest-heading + ul > li > a")]
    assert decisions == [
        "Budgetändring 2017", "Talousarviomuutos 2017",
        'Kaavoitus <script>alert("title")</script><b style="position:fixed">x</b>',
        "Rakennuslupa, Kauppapuistikko 1", "Ilmoitusasiat"]
    hrefs = {link.get("href") for link in home.cssselect(".municipality-list a")}
    assert hrefs == {"/vaasa/", "/kristinestad/"}
    assert "Kristiinankaupunki (Kristinestad)" in _text(home)
    assert "22.3.2017" in _text(home)  # generated_at


def test_municipality_page_lists_organs_and_latest_meetings(site):
    page = _page(site, "vaasa")
    assert _text(page.cssselect("h1")[0]) == "Vaasa (Vasa)"
    assert [_text(a) for a in page.cssselect("#organs-heading + ul a")] == [
        "Kaupunginhallitus", "Rakennusvalvontajohtaja"]
    assert [_text(a) for a in page.cssselect("#meetings-heading + ul a")] == [
        "Kaupunginhallitus 5/2017", "Kaupunginhallitus 4/2016"]


def test_organ_page_groups_meetings_by_year(site):
    page = _page(site, "vaasa:org:kh")
    assert [_text(h) for h in page.cssselect("h3")] == ["2017", "2016"]
    assert "20.3.2017 klo 16.00" in _text(page)


def test_officeholder_decisions_are_listed_on_their_organ_page(site):
    page = _page(site, "vaasa:org:rvj")
    assert "Viranhaltijapäätökset" in _text(page)
    links = [a.get("href") for a in page.cssselect("#decisions-heading ~ ul a")]
    assert links == ["/" + page_path("vaasa:action:%2e%2e").removesuffix("index.html")]
    assert not page.cssselect("#meetings-heading")  # an officeholder has no meetings


def test_meeting_page_lists_actions_in_order_with_section_numbers(site):
    page = _page(site, "vaasa:meeting:2017-5")
    items = [_text(li) for li in page.cssselect("ol.agenda > li")]
    assert items[0] == "§ 12 Talousarviomuutos 2017 Hyväksyttiin ehdotuksen mukaisesti"
    assert items[1].startswith("§ 13 Kaavoitus")
    assert _text(page.cssselect("h1")[0]) == "Kaupunginhallitus 5/2017"


def test_action_page_shows_sections_in_order_with_their_labels(site):
    page = _page(site, "vaasa:action:123")
    headings = [_text(h) for h in page.cssselect("article > section.content h2")]
    assert headings == ["Perustelut", "Päätösehdotus", "Päätös"]
    presentation = page.cssselect("article > section.content-presentation .content-body p")
    assert [_text(p) for p in presentation] == ["Ensimmäinen kappale.", "Toinen kappale jatkuu."]
    assert page.cssselect("section.content-decision strong")[0].text == "hyväksyttiin"
    assert page.cssselect("section.content-proposal")  # proposal and decision are marked


def test_action_page_shows_facts_register_id_and_source(site):
    page = _page(site, "vaasa:action:123")
    facts = dict(zip((_text(dt) for dt in page.cssselect("dl.facts dt")),
                     (_text(dd) for dd in page.cssselect("dl.facts dd")), strict=True))
    assert facts["Diaarinumero"] == "VD/1545/00.04.00/2017"
    assert facts["Pykälä"] == "§ 12"
    assert facts["Päivämäärä"] == "20.3.2017"
    assert facts["Toimielin"] == "Kaupunginhallitus"
    assert facts["Päätöksen laatu"] == "Hyväksyttiin ehdotuksen mukaisesti"
    assert facts["Arkistoitu ensimmäisen kerran"] == "14.3.2017"
    assert facts["Viimeksi päivitetty"] == "22.3.2017"
    sources = {a.get("href"): _text(a) for a in page.cssselect(".source-links a")}
    assert sources == {"https://example.org/vaasa/item": "Alkuperäinen sivu",
                       "https://example.org/v/123.pdf": "Alkuperäinen PDF"}


def test_action_page_lists_attachments_and_withholds_non_public_ones(site):
    page = _page(site, "vaasa:action:123")
    public, secret = page.cssselect("ul.attachments > li")
    assert public.cssselect("a")[0].get("href") == "https://example.org/v/a1.pdf"
    assert not secret.cssselect("a")
    assert "Ei julkinen: JulkL 24 § 1 mom. 20 k." in _text(secret)


def test_action_page_lists_earlier_versions(site):
    page = _page(site, "vaasa:action:123")
    versions = page.cssselect("details.version")
    assert len(versions) == 1
    assert _text(versions[0].cssselect("summary")[0]) == "Versio 14.3.2017"
    assert [_text(h) for h in versions[0].cssselect("h3")] == ["Perustelut", "Päätösehdotus"]
    assert not _page(site, "vaasa:action:a/b").cssselect("details.version")


def test_breadcrumbs_lead_from_home_to_the_action(site):
    crumbs = _page(site, "vaasa:action:123").cssselect("nav.breadcrumbs li")
    assert [_text(li) for li in crumbs] == [
        "Etusivu", "Vaasa", "Kaupunginhallitus", "Kaupunginhallitus 5/2017",
        "Talousarviomuutos 2017"]
    assert crumbs[-1].cssselect("[aria-current=page]")


def test_swedish_content_is_marked_with_its_language(site):
    page = _page(site, "kristinestad:action:900")
    assert page.get("lang") == "fi"
    assert page.cssselect("h1")[0].get("lang") == "sv"
    assert {body.get("lang") for body in page.cssselect(".content-body")} == {"sv"}
    assert [_text(h) for h in page.cssselect("section.content h2")] == ["Beslutsförslag", "Beslut"]
    assert _page(site, "vaasa:action:123").cssselect("h1")[0].get("lang") is None


def test_withdrawn_action_keeps_its_title_but_not_its_text(tmp_path, records):
    changed = copy.deepcopy(records)
    changed["actions"][0]["withdrawn_at"] = "2017-05-01T02:00:00+00:00"
    build_site(FakeStore(changed), tmp_path)
    page = _page(tmp_path, "vaasa:action:123")
    assert "Lähde poisti tämän 1.5.2017." in _text(page)
    assert "Talousarviomuutos 2017" in _text(page)
    assert not page.cssselect("section.content, ul.attachments, details.version")


# --- hostile input --------------------------------------------------------------------------

def test_no_output_file_carries_script_event_handlers_or_javascript_urls(site):
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8").lower()
        assert "<script" not in text, path
        assert "javascript:" not in text, path
        assert "onerror" not in text and "onclick" not in text and "onload" not in text, path
        assert "<iframe" not in text and "<svg" not in text and "<img" not in text, path


def test_no_element_has_inline_style_or_handlers(site):
    for path in _html_files(site):
        for element in lxml.html.fromstring(path.read_bytes()).iter():
            attributes = set(getattr(element, "attrib", {}))
            assert not {name for name in attributes if name.startswith("on")}, path
            assert "style" not in attributes, path


def test_hostile_title_is_shown_as_text(site):
    page = _page(site, "vaasa:action:124")
    title = _text(page.cssselect("h1")[0])
    assert title == 'Kaavoitus <script>alert("title")</script><b style="position:fixed">x</b>'
    assert not page.cssselect("main b")
    assert not page.cssselect(".source-links")  # the javascript: source URL is not a link
    assert page.cssselect("ul.attachments a") == []


def test_sanitised_html_keeps_the_text_and_table_structure(site):
    body = _page(site, "vaasa:action:124").cssselect(".content-body")[0]
    assert _text(body) == "Hyväksytäänlinkkisolu"
    cell = body.cssselect("td")[0]
    assert dict(cell.attrib) == {"colspan": "2"}


@pytest.mark.parametrize("html, expected", [
    ("<p onclick='x()'>a</p>", "<p>a</p>"),
    ("<script>alert(1)</script>b", "b"),
    ('<a href="javascript:alert(1)">c</a>', "c"),
    ('<p style="color:red" class="x" id="y">d</p>', "<p>d</p>"),
    ("<h2>e</h2><h3>f</h3>", "e<h3>f</h3>"),
    ("<style>p{}</style><!-- note -->g", "g"),
    ('<td rowspan="2" colspan="3">h</td>', 'h'),  # a lone cell is not a table
])
def test_sanitize_html(html, expected):
    assert sanitize_html(html) == expected


@pytest.mark.parametrize("url, expected", [
    ("https://example.org/a.pdf", "https://example.org/a.pdf"),
    ("http://example.org/", "http://example.org/"),
    ("javascript:alert(1)", None),
    ("JavaScript:alert(1)", None),
    (" javascript:alert(1)", None),
    ("java\tscript:alert(1)", None),
    ("data:text/html,<script>", None),
    ("//example.org/a", None),
    ("/relative", None),
    ("https:evil", None),
    (None, None),
])
def test_safe_url_links_only_plain_web_addresses(url, expected):
    assert safe_url(url) == expected


# --- paths ----------------------------------------------------------------------------------

SAFE_SEGMENT = re.compile(r"^(~[0-9a-f]{16}|[A-Za-z0-9._-]{1,64})$")


@pytest.mark.parametrize("record_id, expected", [
    ("vaasa", "vaasa/index.html"),
    ("vaasa:org:kh", "vaasa/org/kh/index.html"),
    ("vaasa:meeting:2017-5", "vaasa/meeting/2017-5/index.html"),
    ("vaasa:action:123", "vaasa/action/123/index.html"),
    ("vaasa:action:A.b_c-1", "vaasa/action/A.b_c-1/index.html"),
])
def test_page_path_uses_plain_origin_ids_verbatim(record_id, expected):
    assert page_path(record_id, {"vaasa"}) == expected


@pytest.mark.parametrize("origin_id", [
    *HOSTILE_ORIGIN_IDS, "..", ".", "", "a\\b", "a\x00b", "ä", "x" * 65, "a b", "~abc",
    "vaasa:action:1",
])
def test_page_path_hashes_anything_else(tmp_path, origin_id):
    path = page_path(f"vaasa:action:{origin_id}", {"vaasa"})
    municipality, kind, segment, index = path.split("/")
    assert (municipality, kind, index) == ("vaasa", "action", "index.html")
    assert segment.startswith("~") and SAFE_SEGMENT.match(segment)
    assert (tmp_path / path).resolve().is_relative_to(tmp_path.resolve())


@pytest.mark.parametrize("record_id", [
    "../x:action:1", "Vaasa:action:1", "vaasa/..:action:1", ":action:1", "espoo:action:1",
    "vaasa:secret:1", "vaasa:action", "vaasa:../..:1",
])
def test_page_path_refuses_unknown_municipalities_and_kinds(record_id):
    with pytest.raises(UnsafeIdError):
        page_path(record_id, {"vaasa"})


@given(st.text(max_size=80))
def test_page_path_of_any_origin_id_is_three_safe_segments(origin_id):
    path = page_path(f"vaasa:meeting:{origin_id}", {"vaasa"})
    municipality, kind, segment, index = path.split("/")
    assert (municipality, kind, index) == ("vaasa", "meeting", "index.html")
    assert SAFE_SEGMENT.match(segment) and segment not in (".", "..")


def test_hostile_ids_are_built_inside_out_dir(site):
    root = site.resolve()
    for path in site.rglob("*"):
        assert path.resolve().is_relative_to(root)
    assert not (site.parent / "etc").exists()
    for origin_id in HOSTILE_ORIGIN_IDS:
        assert page_path(f"vaasa:action:{origin_id}").split("/")[2].startswith("~")
    assert (site / page_path("vaasa:meeting:../../etc")).is_file()


@pytest.mark.parametrize("relative_path", [
    "../escape.html", "/etc/passwd", "a/../../b.html", "", ".", "a//b.html", "a\\..\\b.html",
])
def test_writer_refuses_paths_outside_out_dir(tmp_path, relative_path):
    with pytest.raises(UnsafePathError):
        SiteWriter(tmp_path / "out").write_text(relative_path, "x")


def test_writer_refuses_two_pages_at_one_path(tmp_path):
    writer = SiteWriter(tmp_path)
    writer.write_text("vaasa/index.html", "first")
    with pytest.raises(UnsafePathError):
        writer.write_text("vaasa/index.html", "second")


def test_writer_refuses_to_follow_a_symlink_out(tmp_path):
    out_dir, outside = tmp_path / "out", tmp_path / "outside"
    out_dir.mkdir()
    outside.mkdir()
    (out_dir / "vaasa").symlink_to(outside)
    with pytest.raises(UnsafePathError):
        SiteWriter(out_dir).write_text("vaasa/index.html", "x")
    assert not (outside / "index.html").exists()


# --- every page: structure, accessibility, links --------------------------------------------

def test_every_page_has_one_h1_a_title_lang_landmarks_and_a_skip_link(site):
    for path in _html_files(site):
        page = lxml.html.fromstring(path.read_bytes())
        assert len(page.cssselect("h1")) == 1, path
        assert _text(page.cssselect("h1")[0]), path
        assert page.findtext(".//title").strip().endswith("– Avoin"), path
        assert page.get("lang") == "fi", path
        for landmark in ("header", "main", "footer"):
            assert len(page.cssselect(f"body > {landmark}")) == 1, (path, landmark)
        assert page.cssselect("header nav[aria-label]"), path
        skip = page.cssselect("body > a")[0]
        assert skip.get("href") == "#main" and page.cssselect("main#main"), path
        assert not page.cssselect("script, iframe, img, form"), path
        if path.name != "404.html" and path != site / "index.html":
            assert page.cssselect("nav.breadcrumbs[aria-label=Murupolku]"), path


def test_every_internal_link_resolves_to_a_built_file(site):
    for path in _html_files(site):
        page = lxml.html.fromstring(path.read_bytes())
        ids = {element.get("id") for element in page.iter() if element.get("id")}
        for element in page.xpath("//*[@href or @src]"):
            target = element.get("href") or element.get("src")
            parts = urlsplit(target)
            if parts.scheme in ("http", "https"):
                assert parts.netloc.endswith("example.org"), (path, target)
                continue
            if target.startswith("#"):
                assert target[1:] in ids, (path, target)
                continue
            assert target.startswith("/") and not target.startswith("//"), (path, target)
            relative = unquote(parts.path).lstrip("/")
            if relative == "" or relative.endswith("/"):
                relative += "index.html"
            assert (site / relative).is_file(), (path, target)


def test_a_base_url_prefixes_every_internal_link(tmp_path, records):
    build_site(FakeStore(records), tmp_path, base_url="/avoin/")
    page = _page(tmp_path, "vaasa:action:123")
    internal = [href for href in page.xpath("//@href") if not href.startswith(("http", "#"))]
    assert internal and all(href.startswith("/avoin/") for href in internal)
    not_found = lxml.html.fromstring((tmp_path / "404.html").read_bytes())
    assert not_found.cssselect("link")[0].get("href") == "/avoin/static/style.css"


def test_every_record_page_is_reachable_from_home(site):
    seen, queue = set(), ["index.html"]
    while queue:
        current = queue.pop()
        if current in seen:
            continue
        seen.add(current)
        page = lxml.html.fromstring((site / current).read_bytes())
        for link in page.xpath("//a/@href"):
            if link.startswith("/"):
                relative = unquote(link).lstrip("/")
                queue.append(relative + "index.html" if relative.endswith("/") or not relative
                             else relative)
    built = {path.relative_to(site).as_posix() for path in _html_files(site)}
    assert built - seen == {"404.html"}


VOID_ELEMENTS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                           "meta", "source", "track", "wbr"})
KNOWN_ELEMENTS = VOID_ELEMENTS | frozenset({
    "html", "head", "title", "body", "header", "nav", "main", "footer", "article", "section",
    "h1", "h2", "h3", "h4", "p", "a", "ul", "ol", "li", "dl", "dt", "dd", "span", "div",
    "strong", "em", "b", "i", "table", "thead", "tbody", "tr", "td", "th", "details", "summary",
})


class StrictStructureChecker(HTMLParser):
    """HTML5 well-formedness as we write it: doctype first, every element known and closed
    explicitly in order, no duplicate attribute or id. Stricter than browsers need, which is
    the point: it catches template slips that lenient parsers would quietly repair."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.open_elements: list[str] = []
        self.ids: set[str] = set()
        self.saw_doctype = False
        self.saw_content = False

    def handle_decl(self, decl):
        if decl.lower() != "doctype html" or self.saw_content:
            self.problems.append(f"bad or late doctype {decl!r}")
        self.saw_doctype = True

    def handle_starttag(self, tag, attrs):
        self._content_starts()
        names = [name for name, _ in attrs]
        if len(names) != len(set(names)):
            self.problems.append(f"duplicate attribute in <{tag}>")
        if tag not in KNOWN_ELEMENTS:
            self.problems.append(f"unknown element <{tag}>")
        for name, value in attrs:
            if name == "id":
                if value in self.ids:
                    self.problems.append(f"duplicate id {value!r}")
                self.ids.add(value)
        if tag not in VOID_ELEMENTS:
            self.open_elements.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.problems.append(f"self-closing <{tag}/>")

    def handle_endtag(self, tag):
        if not self.open_elements or self.open_elements[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.open_elements[-1:]}")
        else:
            self.open_elements.pop()

    def handle_data(self, data):
        if data.strip():
            self._content_starts()

    def _content_starts(self):
        if not self.saw_doctype:
            self.problems.append("content before the doctype")
        self.saw_content = True


def test_every_page_is_well_formed_html5(site):
    for path in _html_files(site):
        checker = StrictStructureChecker()
        checker.feed(path.read_text(encoding="utf-8"))
        checker.close()
        assert not checker.problems, (path, checker.problems)
        assert not checker.open_elements, (path, checker.open_elements)
        page = lxml.html.fromstring(path.read_bytes())
        assert [child.tag for child in page] == ["head", "body"], path
        assert page.cssselect("head > meta[charset=utf-8]"), path
        assert page.cssselect("head > meta[name=viewport]"), path


def test_the_checker_catches_what_it_should():
    checker = StrictStructureChecker()
    checker.feed('<p>x<div id="a"></p></div><span id="a"></span>')
    assert len(checker.problems) >= 3  # no doctype, misnested, duplicate id


# --- CSS ------------------------------------------------------------------------------------

def _relative_luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(first: str, second: str) -> float:
    lighter, darker = sorted((_relative_luminance(first), _relative_luminance(second)),
                             reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _css() -> str:
    return (TEMPLATES_DIR / "static" / "style.css").read_text(encoding="utf-8")


@pytest.mark.parametrize("text, background", [
    ("text", "background"), ("muted", "background"), ("link", "background"),
    ("link-visited", "background"), ("link", "highlight-background"),
    ("text", "highlight-background"), ("muted", "highlight-background"),
    ("header-text", "header-background"), ("notice-text", "notice-background"),
    ("focus-text", "focus-background"),
])
def test_colour_pairs_meet_wcag_aa(text, background):
    colours = dict(re.findall(r"--color-([a-z-]+):\s*(#[0-9a-f]{6});", _css()))
    assert _contrast(colours[text], colours[background]) >= 4.5


def test_css_has_no_fixed_widths_or_external_resources():
    css = _css()
    assert not re.search(r"(?<![-\w])(min-|max-)?width:\s*\d+(\.\d+)?px", css)
    assert "@import" not in css and "url(" not in css and "http" not in css


# --- i18n and filters -----------------------------------------------------------------------

def test_every_ui_string_in_the_templates_is_in_every_catalogue():
    used = set()
    for template in TEMPLATES_DIR.glob("*.html"):
        used |= set(re.findall(r'_\("((?:[^"\\]|\\.)*)"', template.read_text(encoding="utf-8")))
    assert used
    for language in i18n.UI_LANGUAGES:
        assert used <= set(i18n.MESSAGES[language]), language


def test_every_enum_label_is_in_every_catalogue():
    tables = (i18n.OUTCOME_LABELS, i18n.CONTENT_TYPE_LABELS, i18n.DOCUMENT_KIND_LABELS,
              i18n.CLASSIFICATION_LABELS)
    enums = (Outcome, ContentType, DocumentKind, Classification)
    for table, enum in zip(tables, enums, strict=True):
        assert set(table) == set(enum)
        for language in i18n.UI_LANGUAGES:
            assert set(table.values()) <= set(i18n.MESSAGES[language])


def test_translator_fails_loudly_on_a_missing_string():
    with pytest.raises(i18n.MissingMessageError):
        i18n.translator("fi")("No such message")


@pytest.mark.parametrize("value, expected", [
    ("2017-03-20", "20.3.2017"),
    ("2017-03-20T16:00:00+02:00", "20.3.2017"),
    ("2017-03-19T22:30:00+00:00", "20.3.2017"),  # midnight has passed in Helsinki
    (None, ""),
])
def test_format_date_is_finnish_style(value, expected):
    assert format_date(value) == expected


def test_paragraphs_split_on_blank_lines_and_escape():
    assert str(paragraphs("a <b>\n\n\nline\nbreak")) == "<p>a &lt;b&gt;</p>\n<p>line<br>\nbreak</p>"


# --- incremental writes ---------------------------------------------------------------------

def test_second_build_writes_nothing(tmp_path, records):
    build_site(FakeStore(records), tmp_path, generated_at="2017-03-22T06:00:00+02:00")
    again = build_site(FakeStore(records), tmp_path, generated_at="2017-03-22T06:00:00+02:00")
    assert again.written == 0
    assert again.unchanged == again.pages == 16
    assert not list(tmp_path.rglob(".tmp-*"))


def test_a_changed_action_rewrites_its_page_and_the_lists_that_show_it(tmp_path, records):
    build_site(FakeStore(records), tmp_path)
    changed = copy.deepcopy(records)
    changed["actions"][0]["title"] = "Talousarviomuutos 2017 (korjattu)"
    report = build_site(FakeStore(changed), tmp_path)
    assert set(report.written_paths) == {
        page_path("vaasa:action:123"), page_path("vaasa:meeting:2017-5"), "index.html"}
    assert "(korjattu)" in (tmp_path / page_path("vaasa:action:123")).read_text(encoding="utf-8")


def test_an_empty_municipality_still_gets_a_valid_page(tmp_path, records):
    empty = {**copy.deepcopy(records), "organizations": [], "meetings": [], "actions": []}
    report = build_site(FakeStore(empty), tmp_path)
    assert report.pages == 5  # home, 404, the stylesheet and the two municipality pages
    page = _page(tmp_path, "vaasa")
    assert "Ei vielä toimielimiä." in _text(page) and "Ei vielä kokouksia." in _text(page)
