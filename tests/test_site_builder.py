"""The static site builder against a small in-memory store (tests/golden/store.py): pages,
their content, hostile input, paths, the writer, and what every page must have."""

from __future__ import annotations

import copy
import re
from datetime import date
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html
import pytest
from hypothesis import given
from hypothesis import strategies as st

from site_builder import paths
from site_builder.build import build_site
from site_builder.filters import paragraphs, safe_url, section_layout
from site_builder.paths import SiteUrls, UnsafeIdError, page_path
from site_builder.renderer import TEMPLATES_DIR
from site_builder.sanitize import sanitize_html
from site_builder.writer import MANIFEST_FILE, SiteWriter, UnsafePathError
from tests.golden.checks import html_files, structure_problems, text_of
from tests.golden.store import HOSTILE_ORIGIN_IDS, FakeStore, site_records
from transform.publishing import PublishingPolicy
from transform.schema import RecordType, validate_record

POLICY = PublishingPolicy(today=date(2017, 3, 22))
LANGUAGES = ("fi", "sv", "en")
SEARCH_PAGES = {f"{language}/search/index.html" for language in LANGUAGES}


@pytest.fixture(scope="module")
def records() -> dict:
    return site_records()


def build(records: dict, out_dir: Path, **options):
    return build_site(FakeStore(records), out_dir, policy=POLICY, **options)


@pytest.fixture(scope="module")
def site(tmp_path_factory, records) -> Path:
    out_dir = tmp_path_factory.mktemp("public")
    build(records, out_dir, generated_at="2017-03-22T06:00:00+02:00")
    return out_dir


def _page(site: Path, record_id: str, language: str = "fi") -> lxml.html.HtmlElement:
    return lxml.html.fromstring((site / language / page_path(record_id)).read_bytes())


def _html(site: Path, path: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring((site / path).read_bytes())


_text = text_of


def _own_html_files(site: Path) -> list[Path]:
    """Every page but the search page, which site_builder/search.py's tests own."""
    return [
        path for path in html_files(site) if path.relative_to(site).as_posix() not in SEARCH_PAGES
    ]


# --- the fixture data itself is schema-valid ------------------------------------------------


def test_fixture_records_fit_the_schema(records):
    for kind, record_type in (
        ("organizations", RecordType.ORGANIZATION),
        ("meetings", RecordType.MEETING),
        ("actions", RecordType.ACTION),
    ):
        for record in records[kind]:
            validate_record(record_type, record)


# --- pages ----------------------------------------------------------------------------------


def test_every_record_has_a_page_in_every_language(site, records):
    for language in LANGUAGES:
        for kind in ("municipalities", "organizations", "meetings", "actions"):
            for record in records[kind]:
                assert (site / language / page_path(record["id"])).is_file(), (language, record)
        for page in ("index.html", "404.html", "about/index.html", "downloads/index.html"):
            assert (site / language / page).is_file()
    for root_file in (
        "index.html",
        "404.html",
        "robots.txt",
        "sitemap.xml",
        "static/style.css",
        MANIFEST_FILE,
    ):
        assert (site / root_file).is_file()


def test_build_report_counts_every_file(tmp_path, records):
    report = build(records, tmp_path)
    files = [path for path in tmp_path.rglob("*") if path.is_file() and path.name != MANIFEST_FILE]
    assert report.written == report.pages == len(files)
    assert report.unchanged == report.deleted == report.withheld == 0
    assert not report.oversized_paths
    assert str(report) == f"{len(files)} files, {len(files)} written, 0 unchanged"


def test_root_lets_the_visitor_choose_each_language_described_in_itself(site):
    root = _html(site, "index.html")
    assert not root.cssselect('meta[http-equiv="refresh"]')  # nobody is sent to Finnish
    assert [a.get("href") for a in root.cssselect(".language-choice a")] == ["/fi/", "/sv/", "/en/"]
    choices = root.cssselect(".language-choice li")
    assert [choice.get("lang") for choice in choices] == ["fi", "sv", "en"]
    assert "Kommunernas beslut" in _text(choices[1])
    assert "The records are in Finnish and Swedish" in _text(choices[2])


def test_english_pages_say_the_records_are_in_finnish_and_swedish(site):
    for path in ("en/index.html", "en/vaasa/item/kh-20170320-12/index.html"):
        note = _html(site, path).cssselect("main p.language-note")[0]
        assert _text(note).startswith("The records are in Finnish and Swedish")
    assert not _html(site, "fi/index.html").cssselect("p.language-note")


def test_downloads_page_puts_the_whole_archive_first_then_each_town():
    """The order of the page (the golden build has no dumps; the demo's pages do)."""
    from site_builder.downloads import group_dumps

    dumps = [
        {"path": p, "format": f, "table": t, "municipality": m}
        for p, f, t, m in [
            ("vaasa/actions.csv", "csv", "actions", "vaasa"),
            ("actions.csv", "csv", "actions", None),
            ("items.csv", "csv", "items", None),
            ("items.excel.csv", "excel-csv", "items", None),
            ("avoin.sqlite", "sqlite", None, None),
            ("kristinestad/items.csv", "csv", "items", "kristinestad"),
        ]
    ]
    whole, towns = group_dumps(dumps)
    assert [d["path"] for d in whole] == [
        "items.excel.csv",
        "items.csv",
        "actions.csv",
        "avoin.sqlite",
    ]
    assert [town for town, _ in towns] == ["kristinestad", "vaasa"]


def test_home_lists_latest_decisions_newest_first_and_links_municipalities(site):
    home = _html(site, "fi/index.html")
    decisions = [_text(link) for link in home.cssselect("#latest-heading + ul > li > a")]
    # Each decided item once (agenda, minutes and the Swedish minutes are one item); the
    # agenda-only "Ilmoitusasiat" is not decided yet.
    assert decisions == [
        "Budgetändring 2017",
        "Talousarviomuutos 2017",
        'Kaavoitus <script>alert("title")</script><b style="position:fixed">x</b>',
        "Talousarviomuutos 2017",
        "Rakennuslupa, Kauppapuistikko 1",
    ]
    assert home.cssselect("#latest-heading + ul > li > a")[1].get("href") == (
        "/fi/vaasa/item/kh-20170320-12/"
    )
    hrefs = [link.get("href") for link in home.cssselect(".municipality-list a")]
    assert hrefs == ["/fi/kristinestad/", "/fi/vaasa/"]
    assert "Kristiinankaupunki (Kristinestad)" in _text(home)
    assert "22.3.2017 klo 6.00" in _text(home)  # generated_at


def test_home_has_a_search_form_that_works_as_a_plain_get(site):
    form = _html(site, "fi/index.html").cssselect("form.search-form")[0]
    assert (form.get("action"), form.get("method")) == ("/fi/search/", "get")
    field = form.cssselect("input[type=search]")[0]
    assert field.get("name") == "q"
    assert form.cssselect(f"label[for={field.get('id')}]")


def test_municipality_page_lists_organs_and_latest_meetings(site):
    page = _page(site, "vaasa")
    assert _text(page.cssselect("h1")[0]) == "Vaasa (Vasa)"
    assert [_text(a) for a in page.cssselect("#organs-heading + ul a")] == [
        "Kaupunginhallitus",
        "Rakennusvalvontajohtaja",
    ]
    meetings = [_text(li) for li in page.cssselect("#meetings-heading + ul > li")]
    assert meetings == [
        "Kaupunginhallitus 5/2017 20.3.2017 klo 16.00 Pöytäkirja",
        "Kaupunginhallitus 5/2017 20.3.2017 klo 16.00 Esityslista",
        "Kaupunginhallitus 5/2017 20.3.2017 klo 16.00 Pöytäkirja svenska",
        "Kaupunginhallitus 3/2017 6.3.2017 klo 16.00 Pöytäkirja",
        "Kaupunginhallitus 4/2016 7.11.2016 klo 16.00 Esityslista",
    ]
    assert page.cssselect("#meetings-heading + ul > li")[2].cssselect("span[lang=sv]")


def test_organ_page_links_one_page_per_year_with_counts(site):
    page = _page(site, "vaasa:org:kh")
    years = [
        (
            _text(li.cssselect("a")[0]),
            li.cssselect("a")[0].get("href"),
            _text(li.cssselect(".meta")[0]),
        )
        for li in page.cssselect(".years li")
    ]
    # Meetings held, not documents: the agenda and two minutes of 5/2017 are one meeting.
    assert years == [
        ("2017", "/fi/vaasa/org/kh/2017/", "2 kokousta"),
        ("2016", "/fi/vaasa/org/kh/2016/", "1 kokous"),
    ]
    year = _html(site, "fi/vaasa/org/kh/2016/index.html")
    assert _text(year.cssselect("h1")[0]) == "Kaupunginhallitus 2016"
    assert [_text(a) for a in year.cssselect("#meetings-heading + ul a")] == ["Kokous 4/2016"]


def test_long_years_continue_on_numbered_pages(tmp_path, records, monkeypatch):
    monkeypatch.setattr("site_builder.municipality_pages.LIST_PAGE_SIZE", 2)
    build(records, tmp_path)
    first = _html(tmp_path, "fi/vaasa/org/kh/2017/index.html")
    second = _html(tmp_path, "fi/vaasa/org/kh/2017/2/index.html")
    assert len(first.cssselect("#meetings-heading + ul > li")) == 2
    assert len(second.cssselect("#meetings-heading + ul > li")) == 2
    assert _text(second.cssselect("h1")[0]) == "Kaupunginhallitus 2017, sivu 2"
    assert [a.get("href") for a in first.cssselect(".pagination a")] == ["/fi/vaasa/org/kh/2017/2/"]


def test_officeholder_decisions_are_listed_on_their_organ_page(site):
    page = _page(site, "vaasa:org:rvj")
    assert "Uusimmat viranhaltijapäätökset" in _text(page)
    links = [a.get("href") for a in page.cssselect("#decisions-heading ~ ul a")]
    # The decision's item page (an unnumbered decision's item keeps its document's id).
    assert links == ["/fi/" + page_path("vaasa:item:x%2e%2e").removesuffix("index.html")]
    assert not page.cssselect("#meetings-heading")  # an officeholder has no meetings
    year = _html(site, "fi/vaasa/org/rvj/2017/index.html")
    assert "Viranhaltijapäätökset" in _text(year)
    assert "1 päätös" in _text(page.cssselect(".years")[0])


def test_meeting_page_lists_actions_in_order_with_section_numbers(site):
    page = _page(site, "vaasa:meeting:2017-5")
    items = [_text(li) for li in page.cssselect("ol.agenda > li")]
    assert items[0] == "§ 12 Talousarviomuutos 2017 Hyväksyttiin ehdotuksen mukaisesti"
    assert items[1].startswith("§ 13 Kaavoitus")
    assert _text(page.cssselect("h1")[0]) == "Kaupunginhallitus 5/2017 Pöytäkirja"


def test_agenda_and_minutes_of_a_meeting_link_to_each_other(site):
    minutes = _page(site, "vaasa:meeting:2017-5")
    agenda = _page(site, "vaasa:meeting:2017-5-agenda")
    assert minutes.cssselect(".counterpart a")[0].get("href") == "/fi/vaasa/meeting/2017-5-agenda/"
    assert _text(minutes.cssselect(".counterpart")[0]) == "Kokouksen esityslista"
    assert agenda.cssselect(".counterpart a")[0].get("href") == "/fi/vaasa/meeting/2017-5/"
    # The Swedish minutes are a translation of the minutes, not their counterpart.
    assert not _page(site, "vaasa:meeting:2017-5-sv").cssselect(".counterpart")


def test_action_page_shows_sections_in_order_with_their_labels(site):
    page = _page(site, "vaasa:action:123")
    headings = [_text(h) for h in page.cssselect("article section.content h2")]
    assert headings == ["Perustelut", "Päätösehdotus", "Päätös"]
    presentation = page.cssselect("section.content-presentation .content-body p")
    assert [_text(p) for p in presentation] == ["Ensimmäinen kappale.", "Toinen kappale jatkuu."]
    assert page.cssselect("section.content-decision strong")[0].text == "hyväksyttiin"


def test_proposal_and_decision_sit_together_for_comparison(site):
    pair = _page(site, "vaasa:action:123").cssselect("div.compare")
    assert len(pair) == 1
    assert [section.get("class") for section in pair[0]] == [
        "content content-proposal",
        "content content-decision",
    ]


@pytest.mark.parametrize(
    "types, expected",
    [
        (
            ["presentation", "proposal", "decision", "appeal"],
            [["presentation"], ["proposal", "decision"], ["appeal"]],
        ),
        (["proposal", "proceedings", "decision"], [["proceedings"], ["proposal", "decision"]]),
        (["decision", "proposal"], [["decision"], ["proposal"]]),
        (["proposal", "other"], [["proposal"], ["other"]]),
        ([], []),
    ],
)
def test_section_layout_pairs_a_proposal_with_the_decision_after_it(types, expected):
    layout = section_layout([{"type": kind} for kind in types])
    assert [[content["type"] for content in group] for group in layout] == expected


def test_action_page_shows_facts_register_id_and_source(site):
    page = _page(site, "vaasa:action:123")
    facts = dict(
        zip(
            (_text(dt) for dt in page.cssselect("dl.facts dt")),
            (_text(dd) for dd in page.cssselect("dl.facts dd")),
            strict=True,
        )
    )
    assert facts["Diaarinumero"] == "VD/1545/00.04.00/2017"
    assert facts["Pykälä"] == "§ 12"
    assert facts["Päivämäärä"] == "20.3.2017"
    assert facts["Toimielin"] == "Kaupunginhallitus"
    assert facts["Asiakirja"] == "Pöytäkirja"
    assert facts["Päätöksen laatu"] == "Hyväksyttiin ehdotuksen mukaisesti"
    assert facts["Arkistoitu ensimmäisen kerran"] == "14.3.2017"
    assert facts["Viimeksi päivitetty"] == "22.3.2017"
    sources = {a.get("href"): _text(a) for a in page.cssselect(".source-links a")}
    assert sources == {
        "https://example.org/vaasa/item": "Alkuperäinen sivu",
        "https://example.org/v/123.pdf": "Alkuperäinen PDF",
    }


def test_action_page_gives_the_search_index_its_filters_and_metadata(site):
    """Codes, not words: one index serves every UI language, the search page words them."""
    page = _page(site, "vaasa:action:123")
    body = page.cssselect("[data-pagefind-body]")
    assert len(body) == 1 and body[0].tag == "article"
    filters = {
        element.get("data-pagefind-filter") for element in page.cssselect("[data-pagefind-filter]")
    }
    assert filters == {
        "municipality:vaasa",
        "organ:vaasa:org:kh",
        "kind:minutes",
        "year:2017",
        "outcome:approved_as_proposed",
        "topic:economy_budget",
    }
    metadata = {
        element.get("data-pagefind-meta") for element in page.cssselect("[data-pagefind-meta]")
    }
    assert metadata == {
        "language:fi",
        "title",
        "date:2017-03-20",
        "municipality:vaasa",
        "organ:vaasa:org:kh",
        "section",
        "kind:minutes",
        "keys",
        "item:/fi/vaasa/item/kh-20170320-12/",  # the result opens the item's page
    }
    assert _text(page.cssselect("[data-pagefind-meta=title]")[0]) == "Talousarviomuutos 2017"
    assert _text(page.cssselect("[data-pagefind-meta=section]")[0]) == "§ 12"
    assert page.cssselect("time")[0].get("data-pagefind-sort") == "date:2017-03-20"
    assert not _page(site, "vaasa").cssselect("[data-pagefind-body]")


@pytest.mark.parametrize(
    ("record_id", "indexed_in"),
    [
        ("vaasa:action:123", "fi"),
        ("vaasa:action:123-sv", "sv"),
        ("kristinestad:action:900", "sv"),
        ("vaasa:action:a/b", "fi"),
    ],
)
def test_a_record_is_indexed_once_in_its_own_languages_tree(site, records, record_id, indexed_in):
    """Finnish and Swedish records in their own tree, any other in the Finnish one."""
    language = next(a for a in records["actions"] if a["id"] == record_id).get("language")
    assert indexed_in == (language if language in ("fi", "sv") else "fi")
    indexed = [
        tree for tree in LANGUAGES if _page(site, record_id, tree).cssselect("[data-pagefind-body]")
    ]
    assert indexed == [indexed_in]


def test_the_agenda_copy_of_a_decided_item_is_not_a_search_result(site):
    """One result per item and language: the minutes' item is indexed, the agenda's copy of
    the same item keeps its page, unindexed, with its link to the item."""
    agenda = _page(site, "vaasa:action:123-agenda", "fi")
    assert not agenda.cssselect("[data-pagefind-body]")
    assert agenda.cssselect("a[href='/fi/vaasa/item/kh-20170320-12/']")
    assert _page(site, "vaasa:action:123", "fi").cssselect("[data-pagefind-body]")


def test_officeholder_decision_is_its_own_kind_of_document(site, records):
    officeholder = next(a for a in records["actions"] if not a.get("meeting"))
    page = _page(site, officeholder["id"], "sv" if officeholder.get("language") == "sv" else "fi")
    assert (
        page.cssselect("[data-pagefind-filter^='kind:']")[0].get("data-pagefind-filter")
        == "kind:officeholder"
    )


def test_search_page_words_every_filter_code_in_its_language(site):
    """The index filters by codes; each code the pages can carry has an option here."""
    from transform.schema import DocumentKind, Outcome

    page = _html(site, "sv/search/index.html")
    options = {
        select.get("data-filter"): {
            option.get("value"): _text(option) for option in select.cssselect("option")
        }
        for select in page.cssselect("select[data-filter]")
    }
    assert set(options["kind"]) == {"", *DocumentKind, "officeholder"}
    assert set(options["outcome"]) == {"", *Outcome}
    assert options["kind"]["minutes"] == "Protokoll"
    assert options["municipality"] == {"": "Alla", "kristinestad": "Kristinestad", "vaasa": "Vasa"}
    groups = {
        group.get("label"): [option.get("value") for option in group.cssselect("option")]
        for group in page.cssselect("#filter-organ optgroup")
    }
    assert groups == {
        "Kristinestad": ["kristinestad:org:sty"],
        "Vasa": ["vaasa:org:kh", "vaasa:org:rvj"],
    }


def test_indexed_text_keeps_facts_apart(site):
    """Pagefind reads text content: a fact glued to its label or to the next fact
    ("DiaarinumeroVD/1545/...") could not be found by itself."""
    body = _page(site, "vaasa:action:123").cssselect("[data-pagefind-body]")[0]
    words = body.text_content().split()
    for fact in ("VD/1545/00.04.00/2017", "Diaarinumero", "20.3.2017", "Pykälä", "00.04.00"):
        assert fact in words, fact


def test_action_page_links_its_other_language_version(site):
    finnish = _page(site, "vaasa:action:123")
    link = finnish.cssselect(".translations a")[0]
    assert (link.get("href"), link.get("hreflang"), link.get("lang")) == (
        "/fi/vaasa/action/123-sv/",
        "sv",
        "sv",
    )
    assert _text(finnish.cssselect(".translations li")[0]) == "svenska: Ändring av budgeten 2017"
    swedish = _page(site, "vaasa:action:123-sv", "sv")
    back = swedish.cssselect(".translations a")[0]
    assert (back.get("href"), back.get("lang")) == ("/sv/vaasa/action/123/", "fi")
    assert not _page(site, "kristinestad:action:900").cssselect(".translations")


def test_a_translation_that_is_not_published_is_not_linked(tmp_path, records):
    changed = copy.deepcopy(records)
    changed["actions"][0]["translations"] = [{"language": "sv", "id": "vaasa:action:nowhere"}]
    build(changed, tmp_path)
    assert not _page(tmp_path, "vaasa:action:123").cssselect(".translations")


def test_action_page_lists_attachments_and_withholds_non_public_ones(site):
    page = _page(site, "vaasa:action:123")
    public, secret, dropped, scanned = page.cssselect("ul.attachments > li")
    assert public.cssselect("a")[0].get("href") == "https://example.org/v/a1.pdf"
    assert not secret.cssselect("a")
    assert "Ei julkinen: JulkL 24 § 1 mom. 20 k." in _text(secret)


def test_attachment_text_is_folded_under_its_name_and_kept_after_the_source_drops_it(site):
    page = _page(site, "vaasa:action:123")
    public, secret, dropped, scanned = page.cssselect("ul.attachments > li")
    assert "Liikuntahalli · 120000" in _text(public.cssselect("details.attachment-text")[0])
    assert "(2 sivua)" in _text(public.cssselect("summary")[0])
    assert not secret.cssselect("details")
    # The source no longer offers the file: no link, the text stays.
    assert not dropped.cssselect("a")
    assert "lähde ei enää tarjoa tiedostoa; sen teksti säilyy täällä" in _text(dropped)
    assert "Selvityksen teksti." in _text(dropped.cssselect("details")[0])
    assert "ilman tekstikerrosta" in _text(scanned) and not scanned.cssselect("details")


def test_changed_action_says_when_it_was_updated_and_links_its_earlier_versions(site):
    page = _page(site, "vaasa:action:123")
    assert _text(page.cssselect("p.notice")[0]) == "Päivitetty 22.3.2017. Aiemmat versiot"
    versions = page.cssselect("ul.versions a")
    assert [(_text(a), a.get("href")) for a in versions] == [
        ("Versio 14.3.2017", "/fi/vaasa/action/123/version/1/")
    ]
    assert not _page(site, "vaasa:action:a/b").cssselect("ul.versions, p.notice")


def test_earlier_version_has_its_own_page_with_its_text(site):
    page = _html(site, "fi/vaasa/action/123/version/1/index.html")
    assert _text(page.cssselect("h1")[0]) == "Versio 14.3.2017: Talousarviomuutos 2017"
    assert [_text(h) for h in page.cssselect("section.content h2")] == [
        "Perustelut",
        "Päätösehdotus",
    ]
    assert "14.3.2017–22.3.2017" in _text(page.cssselect(".notice")[0])
    assert page.cssselect(".notice a")[0].get("href") == "/fi/vaasa/action/123/"


def test_breadcrumbs_lead_from_home_to_the_action(site):
    crumbs = _page(site, "vaasa:action:123").cssselect("nav.breadcrumbs li")
    assert [_text(li) for li in crumbs] == [
        "Etusivu",
        "Vaasa",
        "Kaupunginhallitus",
        "Kaupunginhallitus 5/2017",
        "Talousarviomuutos 2017",
    ]
    assert crumbs[-1].cssselect("[aria-current=page]")


def test_swedish_content_is_marked_with_its_language(site):
    page = _page(site, "kristinestad:action:900")
    assert page.get("lang") == "fi"
    assert page.cssselect("h1")[0].get("lang") == "sv"
    assert {body.get("lang") for body in page.cssselect(".content-body")} == {"sv"}
    assert [_text(h) for h in page.cssselect("section.content h2")] == ["Beslutsförslag", "Beslut"]
    # The organ name is in the municipality's main language, Swedish in Kristinestad.
    assert page.cssselect("dd[data-pagefind-filter^='organ:'] span")[0].get("lang") == "sv"
    assert _page(site, "vaasa:action:123").cssselect("h1")[0].get("lang") is None
    swedish_ui = _page(site, "kristinestad:action:900", "sv")
    assert swedish_ui.get("lang") == "sv" and swedish_ui.cssselect("h1")[0].get("lang") is None


def test_withdrawn_action_keeps_its_title_but_not_its_text(tmp_path, records):
    changed = copy.deepcopy(records)
    changed["actions"][0]["withdrawn_at"] = "2017-05-01T02:00:00+00:00"
    build(changed, tmp_path)
    page = _page(tmp_path, "vaasa:action:123")
    assert "Lähde poisti tämän 1.5.2017." in _text(page)
    assert "Talousarviomuutos 2017" in _text(page)
    assert not page.cssselect("section.content, ul.attachments, ul.versions")
    assert not page.cssselect("[data-pagefind-body], script")  # not indexed, no JSON-LD
    home = [_text(a) for a in _html(tmp_path, "fi/index.html").cssselect("#latest-heading + ul a")]
    # The item is still news, shown by its Swedish minutes now; the earlier handling stays.
    assert home.count("Ändring av budgeten 2017") == 1
    assert home.count("Talousarviomuutos 2017") == 1


def test_about_page_names_the_sources_and_the_licence(site):
    page = _html(site, "fi/about/index.html")
    sources = [a.get("href") for a in page.cssselect("#sources-heading + ul a")]
    assert sources == ["/fi/kristinestad/", "/fi/vaasa/", "https://example.org/v/"]
    assert "CC BY 4.0" in _text(page)
    assert "60 päivää päätöksen jälkeen" in _text(page)


def test_downloads_page_says_when_no_dumps_were_built(site):
    page = _html(site, "fi/downloads/index.html")
    assert "Ladattavia aineistoja ei ole vielä tehty." in _text(page)
    assert not page.cssselect("table")


def test_withheld_records_are_not_shown_anywhere(tmp_path, records):
    policy = PublishingPolicy(today=date(2017, 3, 22), takedowns=frozenset({"vaasa:action:124"}))
    report = build_site(FakeStore(records), tmp_path, policy=policy)
    assert report.withheld == 1 and "1 records withheld" in str(report)
    assert not (tmp_path / "fi" / page_path("vaasa:action:124")).exists()
    for path in tmp_path.rglob("*"):
        if path.is_file():
            # The withheld title; "Kaavoitus ja rakentaminen" is a topic's name.
            assert not re.search(
                "Kaavoitus(?! ja rakentaminen)", path.read_text(encoding="utf-8")
            ), path


# --- hostile input --------------------------------------------------------------------------


def test_no_output_file_carries_script_event_handlers_or_javascript_urls(site):
    for path in site.rglob("*"):
        if not path.is_file() or path.suffix == ".js":
            continue
        text = path.read_text(encoding="utf-8").lower()
        if path.relative_to(site).as_posix() not in SEARCH_PAGES:
            # The only script element is JSON-LD: data, never run (and the CSP forbids it).
            assert text.count("<script") == text.count('<script type="application/ld+json">')
        assert "javascript:" not in text, path
        assert "onerror" not in text and "onclick" not in text and "onload" not in text, path
        assert "<iframe" not in text and "<svg" not in text and "<img" not in text, path


def test_no_element_has_inline_style_or_handlers(site):
    for path in html_files(site):
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
    assert _text(body) == "Hyväksytäänlinkkisoluab"
    cell = body.cssselect("td")[0]
    assert dict(cell.attrib) == {"colspan": "2"}


@pytest.mark.parametrize(
    "html, expected",
    [
        ("<p onclick='x()'>a</p>", "<p>a</p>"),
        ("<script>alert(1)</script>b", "b"),
        ('<a href="javascript:alert(1)">c</a>', "c"),
        ('<p style="color:red" class="x" id="y">d</p>', "<p>d</p>"),
        ("<h2>e</h2><h3>f</h3>", "e<h3>f</h3>"),
        ("<style>p{}</style><!-- note -->g", "g"),
        ('<td rowspan="2" colspan="3">h</td>', "h"),  # a lone cell is not a table
    ],
)
def test_sanitize_html(html, expected):
    assert sanitize_html(html) == expected


@pytest.mark.parametrize(
    "url, expected",
    [
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
    ],
)
def test_safe_url_links_only_plain_web_addresses(url, expected):
    assert safe_url(url) == expected


# --- paths ----------------------------------------------------------------------------------

SAFE_SEGMENT = re.compile(r"^(~[0-9a-f]{16}|[a-z0-9._-]{1,64})$")


@pytest.mark.parametrize(
    "record_id, expected",
    [
        ("vaasa", "vaasa/index.html"),
        ("vaasa:org:kh", "vaasa/org/kh/index.html"),
        ("vaasa:meeting:2017-5", "vaasa/meeting/2017-5/index.html"),
        ("vaasa:action:123", "vaasa/action/123/index.html"),
        ("vaasa:action:a.b_c-1", "vaasa/action/a.b_c-1/index.html"),
    ],
)
def test_page_path_uses_plain_origin_ids_verbatim(record_id, expected):
    assert page_path(record_id, {"vaasa"}) == expected


@pytest.mark.parametrize(
    "origin_id",
    [
        *HOSTILE_ORIGIN_IDS,
        "..",
        ".",
        "",
        "a\\b",
        "a\x00b",
        "ä",
        "x" * 65,
        "a b",
        "~abc",
        "vaasa:action:1",
    ],
)
def test_page_path_hashes_anything_else(tmp_path, origin_id):
    path = page_path(f"vaasa:action:{origin_id}", {"vaasa"})
    municipality, kind, segment, index = path.split("/")
    assert (municipality, kind, index) == ("vaasa", "action", "index.html")
    assert segment.startswith("~") and SAFE_SEGMENT.match(segment)
    assert (tmp_path / path).resolve().is_relative_to(tmp_path.resolve())


@pytest.mark.parametrize(
    "record_id",
    [
        "../x:action:1",
        "Vaasa:action:1",
        "vaasa/..:action:1",
        ":action:1",
        "espoo:action:1",
        "vaasa:secret:1",
        "vaasa:action",
        "vaasa:../..:1",
    ],
)
def test_page_path_refuses_unknown_municipalities_and_kinds(record_id):
    with pytest.raises(UnsafeIdError):
        page_path(record_id, {"vaasa"})


def test_record_links_are_the_same_remembered_or_not(monkeypatch):
    monkeypatch.setattr(paths, "_REMEMBERED_RECORD_URLS", 2)  # forgets every third link
    urls = SiteUrls("/avoin/", {"vaasa"}, "sv")
    ids = ["vaasa", "vaasa:org:kh", "vaasa:action:1", "vaasa:action:2", "vaasa:org:kh"]
    for _ in range(2):
        assert [urls.record(record_id) for record_id in ids] == [
            "/avoin/sv/vaasa/",
            "/avoin/sv/vaasa/org/kh/",
            "/avoin/sv/vaasa/action/1/",
            "/avoin/sv/vaasa/action/2/",
            "/avoin/sv/vaasa/org/kh/",
        ]
    for _ in range(2):  # a refused id is refused every time, never remembered
        with pytest.raises(UnsafeIdError):
            urls.record("espoo:action:1")
    assert (urls.home, urls.topics, urls.search) == (
        "/avoin/sv/",
        "/avoin/sv/topic/",
        "/avoin/sv/search/",
    )


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
    assert (site / "fi" / page_path("vaasa:meeting:../../etc")).is_file()


@pytest.mark.parametrize(
    "relative_path",
    [
        "../escape.html",
        "/etc/passwd",
        "a/../../b.html",
        "",
        ".",
        "a//b.html",
        "a\\..\\b.html",
    ],
)
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
# --- every page: structure, accessibility, links --------------------------------------------


def test_every_page_has_one_h1_a_title_lang_landmarks_and_a_skip_link(site):
    for path in _own_html_files(site):
        relative = path.relative_to(site).as_posix()
        language = relative.split("/")[0] if relative.split("/")[0] in LANGUAGES else "fi"
        page = lxml.html.fromstring(path.read_bytes())
        assert len(page.cssselect("h1")) == 1, path
        assert _text(page.cssselect("h1")[0]), path
        assert page.findtext(".//title").strip().endswith("– Avoin"), path
        assert page.get("lang") == language, path
        for landmark in ("header", "main", "footer"):
            assert len(page.cssselect(f"body > {landmark}")) == 1, (path, landmark)
        assert page.cssselect("header nav[aria-label]"), path
        skip = page.cssselect("body > a")[0]
        assert skip.get("href") == "#main" and page.cssselect("main#main"), path
        assert not page.cssselect("iframe, img, script:not([type='application/ld+json'])"), path
        if path.name != "404.html" and path.parent not in (site, site / language):
            assert page.cssselect("nav.breadcrumbs"), path


def test_every_page_links_itself_in_the_other_languages(site):
    for path in _own_html_files(site):
        relative = path.relative_to(site).as_posix()
        page = lxml.html.fromstring(path.read_bytes())
        own = relative.split("/", 1)[1] if relative.split("/")[0] in LANGUAGES else relative
        switch = {a.get("hreflang"): a.get("href") for a in page.cssselect("nav.language-switch a")}
        current = page.get("lang")
        expected = {
            code: "/" + code + "/" + own.removesuffix("index.html")
            for code in LANGUAGES
            if code != current
        }
        assert switch == expected, path
        alternates = {
            link.get("hreflang")
            for link in page.cssselect("link[rel=alternate]")
            if link.get("hreflang")
        }
        assert alternates == set(LANGUAGES), path


def test_links_stay_in_the_page_language_except_the_language_switch(site):
    for language in LANGUAGES:
        for path in _own_html_files(site / language):
            page = lxml.html.fromstring(path.read_bytes())
            switch = set(page.cssselect("nav.language-switch a"))
            for element in page.xpath("//a[@href] | //link[@href] | //form[@action]"):
                target = element.get("href") or element.get("action")
                if element in switch or element.get("hreflang") or not target.startswith("/"):
                    continue
                if target.startswith(("/static/", "/data/")):
                    continue
                assert target.startswith(f"/{language}/"), (path, target)


def test_every_internal_link_resolves_to_a_built_file(site):
    for path in html_files(site):
        page = lxml.html.fromstring(path.read_bytes())
        ids = {element.get("id") for element in page.iter() if element.get("id")}
        for element in page.xpath("//a[@href] | //link[@href] | //form[@action]"):
            target = element.get("href") or element.get("action")
            parts = urlsplit(target)
            if parts.scheme in ("http", "https"):
                assert parts.netloc.endswith(("example.org", "creativecommons.org")), target
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
    build(records, tmp_path, base_url="/avoin/")
    page = _page(tmp_path, "vaasa:action:123")
    internal = [href for href in page.xpath("//@href") if not href.startswith(("http", "#"))]
    assert internal and all(href.startswith("/avoin/") for href in internal)
    not_found = lxml.html.fromstring((tmp_path / "404.html").read_bytes())
    assert not_found.cssselect("link[rel=stylesheet]")[0].get("href") == "/avoin/static/style.css"


def test_an_absolute_base_url_makes_machine_readable_urls_absolute_only(tmp_path, records):
    build(records, tmp_path, base_url="https://avoin.example/archive/")
    page = _page(tmp_path, "vaasa:action:123")
    assert page.cssselect("nav.breadcrumbs a")[0].get("href") == "/archive/fi/"
    assert page.cssselect("link[rel=canonical]")[0].get("href") == (
        "https://avoin.example/archive/fi/vaasa/action/123/"
    )


def test_every_record_page_is_reachable_from_home(site):
    seen, queue = set(), ["fi/index.html"]
    while queue:
        current = queue.pop()
        if current in seen or not current.endswith(".html"):
            continue
        seen.add(current)
        page = lxml.html.fromstring((site / current).read_bytes())
        for link in page.xpath("//a/@href"):
            if link.startswith("/"):
                relative = unquote(link).lstrip("/")
                queue.append(
                    relative + "index.html" if relative.endswith("/") or not relative else relative
                )
    built = {path.relative_to(site).as_posix() for path in html_files(site)}
    not_linked = {"index.html", "404.html"}  # the root redirect and the server's 404 page
    assert built - seen == {f"{language}/404.html" for language in LANGUAGES} | not_linked


def test_every_page_is_well_formed_html5(site):
    for path in html_files(site):
        assert not structure_problems(path.read_text(encoding="utf-8")), path
        page = lxml.html.fromstring(path.read_bytes())
        assert [child.tag for child in page] == ["head", "body"], path
        assert page.cssselect("head > meta[charset=utf-8]"), path
        assert page.cssselect("head > meta[name=viewport]"), path


def test_the_checker_catches_what_it_should():
    problems = structure_problems('<p>x<div id="a"></p></div><span id="a" lang="xx"></span>')
    assert len(problems) >= 4  # no doctype, misnested, duplicate id, unknown lang


def test_no_page_is_over_200_kb(site):
    for path in html_files(site):
        assert path.stat().st_size <= 200_000, path


def test_oversized_pages_are_reported(tmp_path, records, monkeypatch):
    monkeypatch.setattr("site_builder.build.PAGE_SIZE_LIMIT", 5_000)
    report = build(records, tmp_path)
    assert "fi/vaasa/action/123/index.html" in report.oversized_paths
    assert "pages over 5000 bytes" in str(report)


def test_pages_load_nothing_from_elsewhere(site):
    for path in _own_html_files(site):
        page = lxml.html.fromstring(path.read_bytes())
        for element in page.xpath("//link[@rel='stylesheet'] | //script[@src] | //img"):
            assert (element.get("href") or element.get("src")).startswith("/"), path
        policy = page.cssselect('meta[http-equiv="Content-Security-Policy"]')[0].get("content")
        assert "default-src 'self'" in policy and "script-src 'none'" in policy, path


# --- CSS ------------------------------------------------------------------------------------


def _relative_luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(first: str, second: str) -> float:
    lighter, darker = sorted(
        (_relative_luminance(first), _relative_luminance(second)), reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)


def _css() -> str:
    return (TEMPLATES_DIR / "static" / "style.css").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "text, background",
    [
        ("text", "background"),
        ("muted", "background"),
        ("link", "background"),
        ("link-visited", "background"),
        ("link", "highlight-background"),
        ("text", "highlight-background"),
        ("muted", "highlight-background"),
        ("header-text", "header-background"),
        ("notice-text", "notice-background"),
        ("focus-text", "focus-background"),
    ],
)
def test_colour_pairs_meet_wcag_aa(text, background):
    colours = dict(re.findall(r"--color-([a-z-]+):\s*(#[0-9a-f]{6});", _css()))
    assert _contrast(colours[text], colours[background]) >= 4.5


def test_css_has_no_fixed_widths_or_external_resources():
    css = _css()
    assert not re.search(r"(?<![-\w])(min-|max-)?width:\s*\d+(\.\d+)?px", css)
    assert "@import" not in css and "url(" not in css and "http" not in css


def test_paragraphs_split_on_blank_lines_and_escape():
    assert str(paragraphs("a <b>\n\n\nline\nbreak")) == "<p>a &lt;b&gt;</p>\n<p>line<br>\nbreak</p>"


def test_an_empty_municipality_still_gets_a_valid_page(tmp_path, records):
    empty = {**copy.deepcopy(records), "organizations": [], "meetings": [], "actions": []}
    build(empty, tmp_path)
    page = _page(tmp_path, "vaasa")
    assert "Ei vielä toimielimiä." in _text(page) and "Ei vielä kokouksia." in _text(page)
    assert "Ei vielä päätöksiä." in _text(_html(tmp_path, "fi/index.html"))


# --- items and matters (issue 14) -----------------------------------------------------------


def test_item_page_puts_the_decision_first(site):
    page = _html(site, "fi/vaasa/item/kh-20170320-12/index.html")
    lead = _text(page.cssselect("p.decision-lead")[0])
    assert lead == "Kaupunginhallitus päätti 20.3.2017: hyväksyttiin esityksen mukaisesti."
    main = page.cssselect("main")[0]
    headings = [_text(h) for h in main.cssselect("h2")]
    assert headings[0] == "Päätös"  # the decision before facts, documents and full text
    documents = [a.get("href") for a in page.cssselect("#documents-heading + ul a")]
    assert documents == [
        "/fi/vaasa/action/123-agenda/",
        "/fi/vaasa/action/123/",
        "/fi/vaasa/action/123-sv/",
    ]


def test_item_page_links_the_earlier_handling_and_the_matter(site):
    page = _html(site, "fi/vaasa/item/kh-20170320-12/index.html")
    history = page.cssselect("#history-heading + ul a")
    assert [a.get("href") for a in history] == ["/fi/vaasa/item/kh-20170306-3/"]
    timeline = [_text(li) for li in page.cssselect("#matter-heading + ol > li")]
    assert len(timeline) == 2 and timeline[0].startswith("6.3.2017 Kaupunginhallitus § 3")
    matter = _html(site, "fi/vaasa/matter/vd-1545-00.04.00-2017/index.html")
    assert [a.get("href") for a in matter.cssselect("#handlings-heading + ol a")] == [
        "/fi/vaasa/item/kh-20170306-3/",
        "/fi/vaasa/item/kh-20170320-12/",
    ]
    assert (site / "fi/vaasa/matter/vd-1545-00.04.00-2017/feed.atom").is_file()


def test_item_page_shows_the_vote_as_a_table_and_the_dissent(site):
    page = _html(site, "sv/vaasa/item/kh-20170306-3/index.html")
    rows = [[_text(cell) for cell in row] for row in page.cssselect("table.votes tr")]
    assert rows == [["Ja (esitystä)", "4"], ["Nej (palautusehdotusta)", "7"], ["Blankt", "1"]]
    assert "Jäsen Aho jätti päätöksestä eriävän mielipiteen." in _text(
        page.cssselect("#dissents-heading + ul")[0]
    )
    assert "återremitterades" in _text(page.cssselect("p.decision-lead")[0])


def test_agenda_only_item_says_it_is_not_decided_yet(site):
    page = _html(site, "fi/" + page_path("vaasa:item:kh-20161107-40"))
    assert _text(page.cssselect("p.decision-lead")[0]).startswith(
        "Ei vielä päätetty – käsitellään 7.11.2016"
    )


def test_every_document_links_its_item(site):
    page = _page(site, "vaasa:action:123-agenda")
    assert page.cssselect("p.item-link a")[0].get("href") == "/fi/vaasa/item/kh-20170320-12/"


def test_meeting_facts_are_read_from_the_cover_page():
    from site_builder.meeting_facts import meeting_facts

    cover = {
        "contents": [
            {
                "type": "presentation",
                "text": (
                    "Vasa stad Svenska utbildningsnämnden Protokoll "
                    "2/2025\n\nTid 18.2.2025 17:00\n\n"
                    "Plats Rådhuset, mötesrum Dragonen\n\nNärvarande Ulla "
                    "Sundqvist, ordförande Emma "
                    "Nyberg Oskar Wikström\n\nBehandlade ärenden § 9"
                ),
            }
        ]
    }
    not_from_a_cover_record = {"secretary": None, "people": [], "published": None}
    assert meeting_facts([{"contents": []}, cover]) == {
        "place": "Rådhuset, mötesrum Dragonen",
        "chair": "Ulla Sundqvist",
        "attendance": "Ulla Sundqvist, ordförande Emma Nyberg Oskar Wikström",
        **not_from_a_cover_record,
    }
    assert meeting_facts([]) == {
        "place": None,
        "chair": None,
        "attendance": None,
        **not_from_a_cover_record,
    }


def test_meeting_facts_of_an_imported_meeting_come_from_its_record():
    from site_builder.meeting_facts import meeting_facts

    people = [{"name": "Anna Berg", "role": "ordförande", "group": "Beslutande", "present": True}]
    meeting = {
        "place": "Stadshuset",
        "chair": "Anna Berg",
        "secretary": "Maria Holm",
        "attendance": people,
        "published": "2023-02-06",
    }
    assert meeting_facts([], meeting) == {
        "place": "Stadshuset",
        "chair": "Anna Berg",
        "attendance": None,
        "secretary": "Maria Holm",
        "people": people,
        "published": "2023-02-06",
    }


def test_a_body_in_two_languages_is_one_organ_named_in_each_ui_language(tmp_path, records):
    twins = copy.deepcopy(records)
    twins["organizations"].append(
        {
            "id": "kristinestad:org:kst",
            "municipality": "kristinestad",
            "name": "Kaupunginhallitus",
            "classification": "board",
            "origin_id": "kst",
        }
    )
    twins["meetings"].append(
        {
            **copy.deepcopy(twins["meetings"][-1]),
            "id": "kristinestad:meeting:78",
            "origin_id": "78",
            "organization": "kristinestad:org:kst",
            "language": "fi",
        }
    )
    build(twins, tmp_path)
    organs = [_text(a) for a in _page(tmp_path, "kristinestad").cssselect("#organs-heading + ul a")]
    assert organs == ["Kaupunginhallitus"]  # once, in the Finnish UI's language
    swedish = _page(tmp_path, "kristinestad:org:kst", "sv")
    assert _text(swedish.cssselect("h1")[0]) == "Stadsstyrelsen"
    assert "1 sammanträde" in _text(swedish.cssselect(".years")[0])  # one meeting, two texts


def test_writer_keeps_no_page_through_a_symlink_out(tmp_path):
    out_dir, outside = tmp_path / "out", tmp_path / "outside"
    (out_dir / "fi").mkdir(parents=True)
    (outside / "1").mkdir(parents=True)
    (outside / "1" / "index.html").write_text("x", encoding="utf-8")
    (out_dir / "fi" / "vaasa").symlink_to(outside)
    writer = SiteWriter(out_dir)
    with pytest.raises(UnsafePathError):
        writer.keep(["fi/vaasa/1/index.html"])
    assert writer.keep(["fi/index.html"]) is False  # not there: to be written


def test_writer_keeps_pages_that_are_there(tmp_path):
    writer = SiteWriter(tmp_path)
    writer.write_text("fi/vaasa/1/index.html", "one")
    again = SiteWriter(tmp_path)
    assert again.keep(["fi/vaasa/1/index.html"])
    assert again.produced == {"fi/vaasa/1/index.html": 3}


def test_template_calls_take_jinja2s_way_where_it_matters():
    """The renderer's shorter call path (renderer._PageContext) for plain functions must
    give what jinja2's own does: context for pass_context callables (with the block's
    variables), arguments passed as given, undefined for a StopIteration."""
    from jinja2 import pass_context

    from site_builder.renderer import make_environment

    class Greeter:
        @pass_context
        def __call__(self, context, name):
            return f"{context['greeting']} {name}"

    def stops():
        raise StopIteration

    environment = make_environment("sv", {"organization_names": {}, "organization_by_id": {}})
    template = environment.from_string(
        "{% set greeting = 'hej' %}{% for n in [1] %}"
        "{{ plain(n, extra='x') }}|{{ seen(n) }}|{{ greeter('du') }}|{{ method('a,b') }}|"
        "{{ stops() is undefined }}{% endfor %}"
    )
    rendered = template.render(
        plain=lambda value, extra: f"{value}{extra}",
        seen=pass_context(lambda context, value: f"{context['greeting']}{value}"),
        greeter=Greeter(),
        method="-".join,
        stops=stops,
    )
    assert rendered == "1x|hej1|hej du|a-,-b|True"


def test_record_fields_read_as_jinja2_reads_them():
    """The renderer's shorter field lookup (renderer._RecordEnvironment) must not let a
    record's key hide a dict method, nor a missing field pass unnoticed."""
    from jinja2 import UndefinedError

    from site_builder.renderer import make_environment

    environment = make_environment("fi", {"organization_names": {}, "organization_by_id": {}})
    template = environment.from_string(
        "{{ record.items is callable }}|{{ record.title }}|{{ record.get('title') }}"
    )
    record = {"items": 1, "get": 2, "title": "<b>"}
    assert template.render(record=record) == "True|&lt;b&gt;|&lt;b&gt;"
    with pytest.raises(UndefinedError):
        environment.from_string("{{ record.titel }}").render(record=record)


def test_shared_macros_read_only_their_arguments_and_globals(tmp_path):
    """_partials.html is imported without the page's context, so that jinja2 makes its
    macros once per template and not on every page: whatever else they read must be a
    global of every language's environment (renderer.PageRenderer)."""
    from jinja2 import nodes

    from site_builder.fingerprints import PageFingerprints
    from site_builder.paths import SiteUrls
    from site_builder.renderer import PageRenderer

    renderer = PageRenderer(
        SiteUrls("/", ["vaasa"]), SiteWriter(tmp_path), PageFingerprints(tmp_path, "salt")
    )
    for language, environment in renderer.environments.items():
        source = environment.loader.get_source(environment, "_partials.html")[0]
        tree = environment.parse(source)
        read = {name.name for name in tree.find_all(nodes.Name) if name.ctx == "load"}
        own = {name.name for name in tree.find_all(nodes.Name) if name.ctx in ("store", "param")}
        own |= {macro.name for macro in tree.find_all(nodes.Macro)} | {"loop"}
        assert {"urls", "ui_lang", "organization_by_id"} <= read
        assert read - own <= environment.globals.keys()
        assert environment.globals["ui_lang"] == language
    for template in TEMPLATES_DIR.glob("*.html"):
        assert "with context" not in template.read_text(encoding="utf-8"), template.name


def test_writer_compares_only_files_that_can_be_there(tmp_path, monkeypatch):
    """A page in a directory this build made cannot be there from before, so the writer
    does not read for it; a page in an existing directory is compared and kept when equal."""
    from site_builder import writer as writer_module

    (tmp_path / "fi" / "old").mkdir(parents=True)
    (tmp_path / "fi" / "old" / "index.html").write_text("same", encoding="utf-8")
    compared = []
    holds = writer_module._holds
    monkeypatch.setattr(
        writer_module, "_holds", lambda target, data: compared.append(target) or holds(target, data)
    )
    writer = SiteWriter(tmp_path)
    assert writer.write_text("fi/new/1/index.html", "<p>1</p>")
    assert writer.write_text("fi/new/1/feed.atom", "<feed/>")
    assert not writer.write_text("fi/old/index.html", "same")
    assert writer.write_text("fi/old/other.html", "other")
    assert compared == [tmp_path / "fi/old/index.html", tmp_path / "fi/old/other.html"]
    assert (tmp_path / "fi/new/1/index.html").read_text(encoding="utf-8") == "<p>1</p>"
    assert (tmp_path / "fi/new/1/feed.atom").stat().st_mode & 0o777 == 0o644
    assert writer.written == ["fi/new/1/index.html", "fi/new/1/feed.atom", "fi/old/other.html"]


def test_record_markup_functions_escape_harvested_text():
    """action_title, meeting_label, section_number and outcome (site_builder/markup.py,
    once macros) put harvested text on every page: escaped, in the page's language."""
    from site_builder.markup import LanguageMarkup

    tables = {
        "organization_names": {},
        "municipality_by_id": {"vaasa": {"languages": ["fi", "sv"]}},
        "organization_by_id": {
            "vaasa:org:kh": {"municipality": "vaasa", "name": {"fi": "Hallitus <b>"}}
        },
    }
    sv = LanguageMarkup("sv", tables)
    assert sv.action_title({"title": "<script>x</script>"}) == "&lt;script&gt;x&lt;/script&gt;"
    assert sv.action_title({"title": None}) == "Ärende utan rubrik"
    assert sv.section_number({"article_number": "5<"}) == "§ 5&lt;"
    assert sv.section_number({"article_number": None}) == ""
    meeting = {"organization": "vaasa:org:kh", "number": None, "start": "2017-03-20"}
    assert sv.meeting_label(meeting) == '<span lang="fi">Hallitus &lt;b&gt;</span> 20 mars 2017'
    assert sv.meeting_label({**meeting, "number": "5/2017"}).endswith("</span> 5/2017")
    assert sv.outcome({"outcome": "approved_as_proposed"}) == (
        '<span class="outcome outcome-approved_as_proposed">Godkändes enligt förslaget</span>'
    )
    assert sv.outcome({"outcome": "unknown"}) == sv.outcome({"outcome": None}) == ""
    assert sv.withdrawn_mark({"withdrawn_at": None}) == ""


def test_content_sections_escape_labels_and_sanitise_bodies():
    """content_sections (site_builder/markup.py, once a macro) puts the source's labels and
    texts on every action and item page: labels escaped, HTML bodies sanitised, the
    proposal beside its decision."""
    from site_builder.markup import LanguageMarkup

    sections = LanguageMarkup("sv", {}).content_sections(
        [
            {"type": "proposal", "label": "<b>Esitys</b>", "text": "e", "html": None},
            {"type": "decision", "label": None, "text": None, "html": "<p onclick=x>ok</p>"},
            {"type": "appeal", "label": None, "text": "a & b", "html": None},
        ],
        "fi",
        3,
    )
    assert sections == (
        '<div class="compare">\n'
        '<section class="content content-proposal">\n<h3 lang="fi">&lt;b&gt;Esitys&lt;/b&gt;</h3>\n'
        '<p class="content-kind">Beslutsförslag</p>\n'
        '<div class="content-body" lang="fi">\n<p>e</p>\n</div>\n</section>\n\n'
        '<section class="content content-decision">\n<h3>Beslut</h3>\n'
        '<div class="content-body" lang="fi">\n<p>ok</p>\n</div>\n</section>\n\n'
        "</div>\n"
        '<details class="content content-appeal">\n'
        "<summary><h3>Anvisningar för sökande av ändring</h3></summary>\n"
        '<div class="content-body" lang="fi">\n<p>a &amp; b</p>\n</div>\n</details>\n\n'
    )
