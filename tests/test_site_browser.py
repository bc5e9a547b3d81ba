"""The built demo site in a real browser: accessibility (axe-core), search, narrow screens.

One demo build per session (a subprocess: scrapy's reactor runs once per process), served
from 127.0.0.1 and opened in headless Debian Chromium. Without Chromium these tests fail
when CI=true and are skipped, with the reason shown, elsewhere.
"""

from __future__ import annotations

import json
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
from lxml import html as lxml_html

from site_builder.build import build_site
from site_builder.paths import (
    ABOUT_PAGE,
    DOWNLOADS_PAGE,
    INDEX_FILE,
    NOT_FOUND_FILE,
    SCHEMA_PAGE,
    SEARCH_PAGE,
    STATUS_PAGE,
    TOPICS_PAGE,
    language_path,
    page_path,
)
from site_builder.search import index_site
from site_builder.search_text import is_item_entry
from tests.browser import (
    CHROMIUM_FLAGS,
    SitePage,
    axe_violations,
    build_demo_site,
    require_browser,
    serve,
    showcase_action,
    url_path,
)
from tests.golden.build import POLICY as GOLDEN_POLICY
from tests.golden.build import STATUS
from tests.golden.store import FakeStore, site_records
from tests.test_search_analysis import require_analysers
from transform.schema import DerivedType
from transform.search import is_search_result
from transform.store import Store

try:
    from playwright.sync_api import expect
except ImportError:  # require_browser() says what is missing, failing in CI
    expect = None

pytestmark = pytest.mark.slow

LANGUAGES = ("fi", "sv")
# axe and the narrow screen check every UI language and every page kind.
UI_LANGUAGES = ("fi", "sv", "en")
PAGE_KINDS = (
    "home",
    "municipality",
    "organ",
    "meeting",
    "action",
    "item",
    "matter",
    "search",
    "downloads",
    "schema",
    "about",
    "status",
    "404",
    "root",
    "topics",
    "topic",
    "town-topic",
    "upcoming",
)
NARROW_WIDTH = 320
SEARCH_TIMEOUT_MS = 10_000
RESULT_LINKS = "#search-results .search-result h2 a"


@pytest.fixture(scope="session")
def chromium():
    return require_browser()


@pytest.fixture(scope="session")
def demo(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("browser-demo")
    return build_demo_site(tmp), tmp / "data" / "avoin.sqlite"


@pytest.fixture(scope="session")
def public(demo):
    return demo[0]


@pytest.fixture(scope="session")
def base_url(public):
    with serve(public) as url:
        yield url


@pytest.fixture(scope="session")
def browser(chromium):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


def open_page(browser, width: int):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.set_default_timeout(SEARCH_TIMEOUT_MS)
    return context, page


@pytest.fixture
def page(browser):
    """A fresh page for tests that search and click."""
    context, page = open_page(browser, 1280)
    yield page
    context.close()


@pytest.fixture(scope="session")
def desktop_page(browser):
    """One page reused by the checks that only load and inspect (a new tab each is slower)."""
    context, page = open_page(browser, 1280)
    yield page
    context.close()


@pytest.fixture(scope="session")
def phone_page(browser):
    context, page = open_page(browser, NARROW_WIDTH)
    yield page
    context.close()


@pytest.fixture(scope="session")
def site_pages(public) -> dict[tuple[str, str], SitePage]:
    return {
        (language, kind): find_page(public, language, kind)
        for language in UI_LANGUAGES
        for kind in PAGE_KINDS
    }


@pytest.fixture(scope="session")
def records(demo):
    with Store(demo[1]) as store:
        return {
            "actions": store.actions(),
            "organizations": store.organizations(),
            "municipalities": store.municipalities(),
            "item_of": {
                doc["action"]: item
                for item in store.derived_records(DerivedType.ITEM)
                for doc in item["documents"]
            },
        }


# --- finding one page of each kind in the built site --------------------------------------

SITE_PAGE_FILES = {
    "home": INDEX_FILE,
    "search": SEARCH_PAGE,
    "downloads": DOWNLOADS_PAGE,
    "schema": SCHEMA_PAGE,
    "about": ABOUT_PAGE,
    "status": STATUS_PAGE,
    "404": NOT_FOUND_FILE,
    "topics": TOPICS_PAGE,
}
RECORD_PAGE_GLOBS = {
    "municipality": "*/index.html",
    "organ": "*/org/*/index.html",
    "meeting": "*/meeting/*/index.html",
    "action": "*/action/*/index.html",
    "item": "*/item/*/index.html",
    "matter": "*/matter/*/index.html",
    "topic": "topic/*/index.html",
    "town-topic": "*/topic/*/index.html",
    "upcoming": "*/upcoming/index.html",
}


def find_page(public: Path, language: str, kind: str) -> SitePage:
    if kind == "root":  # one page for every language: the language choice
        return SitePage(kind, language, url_path(INDEX_FILE))
    if kind in SITE_PAGE_FILES:
        file = language_path(language, SITE_PAGE_FILES[kind])
    else:
        file = _richest_record_page(public, language, kind)
    assert (public / file).is_file(), f"no {kind} page: {file}"
    return SitePage(kind, language, url_path(file))


def _richest_record_page(public: Path, language: str, kind: str) -> str:
    """The largest page of a kind, so axe and the narrow screen see most of the markup."""
    root = public / language
    pages = [
        page
        for page in root.glob(RECORD_PAGE_GLOBS[kind])
        if kind != "municipality" or (page.parent / "org").is_dir()
    ]
    assert pages, f"no {kind} page under {root}"
    richest = max(pages, key=lambda page: (page.stat().st_size, page.as_posix()))
    return richest.relative_to(public).as_posix()


def result_url(action: dict, language: str, records: dict) -> str:
    """Where a search result for the action leads: its item's page."""
    municipalities = [m["id"] for m in records["municipalities"]]
    item = records["item_of"][action["id"]]
    return f"/{language}/" + url_path(page_path(item["id"], municipalities))


# --- the index ---------------------------------------------------------------------------


def _bundle_of(action: dict, actions: list[dict]) -> str:
    """Its town's newest three months (by the indexed actions' dates) in the town's recent
    bundle, the rest by year (site_builder/search.py)."""
    town = action["municipality"]
    newest = max(a["date"][:7] for a in actions if a["municipality"] == town and a.get("date"))
    year, month = int(newest[:4]), int(newest[5:7])
    if (
        action.get("date")
        and action["date"][:7] >= f"{year - (month <= 2)}-{(month - 3) % 12 + 1:02d}"
    ):
        return f"{town}-recent"
    return f"{town}-{action['date'][:4] if action.get('date') else 'undated'}"


def test_each_record_is_indexed_once_in_its_own_language(public, records):
    """Swedish records in the Swedish index, the others in the Finnish one, none twice;
    one bundle per municipality and year, its newest months in one of their own. A
    meeting's unnumbered pages (cover, signatures, appeal instructions) are not results, so
    not indexed."""
    listing = json.loads((public / "pagefind" / "bundles.json").read_text("utf-8"))
    indexed = Counter()
    for bundle in listing["bundles"]:
        indexed.update(bundle["languages"])
    actions = [
        a
        for a in records["actions"]
        if not a.get("withdrawn_at")
        and is_search_result(a)
        and is_item_entry(a, records["item_of"].get(a["id"]))
    ]
    assert indexed == Counter("sv" if a.get("language") == "sv" else "fi" for a in actions)
    # One entry per item and language: the agenda's copy of a decided item is not one.
    entries = Counter((records["item_of"][a["id"]]["id"], a.get("language")) for a in actions)
    assert entries and max(entries.values()) == 1
    assert len(actions) < len([a for a in records["actions"] if is_search_result(a)])
    assert {bundle["name"] for bundle in listing["bundles"]} == {
        _bundle_of(a, actions) for a in actions
    }
    assert not any(
        "data-pagefind-body" in page.read_text("utf-8") for page in (public / "en").rglob("*.html")
    )


def test_reindexing_an_unchanged_site_writes_nothing(public):
    report = index_site(public)
    assert (report["written"], report["removed"], report["reindexed"]) == (0, 0, False)
    assert report["bundles_reindexed"] == [] and report["unchanged"] > report["bundles"]


def test_reindexing_after_a_page_went_away_drops_its_chunks(public, tmp_path):
    site = tmp_path / "public"
    shutil.copytree(public / "sv", site / "sv")  # one language tree is enough, and quicker
    before = index_site(site)
    pages = sorted(
        site.glob("sv/*/action/*/index.html"),
        key=lambda page: "data-pagefind-body" not in page.read_text("utf-8"),
    )
    gone = pages[0].parts[-4]  # an indexed page's municipality
    pages[0].unlink()
    report = index_site(site)
    assert report["reindexed"] and report["pages"] == before["pages"] - 1
    assert [name.rsplit("-", 1)[0] for name in report["bundles_reindexed"]] == [gone]
    assert report["written"] > 0 and report["removed"] > 0
    names = {p.name for p in (site / "pagefind").rglob("*") if p.is_file()}
    assert not any(name.startswith(".tmp-") for name in names)


def test_register_id_is_a_word_of_its_own_in_the_indexed_text(public, records):
    """Pagefind reads a page's text as textContent: elements with no whitespace between them
    (``<dt>Diaarinumero</dt><dd>HML/1/…</dd>``) run together into one unsearchable word."""
    action = showcase_action(records["actions"])
    municipalities = [m["id"] for m in records["municipalities"]]
    file = public / language_path("fi", page_path(action["id"], municipalities))
    body = lxml_html.parse(str(file)).getroot().xpath("//*[@data-pagefind-body]")
    assert len(body) == 1, f"{file}: no single data-pagefind-body element"
    text = body[0].text_content()
    glued = next((word for word in text.split() if action["register_id"] in word), None)
    assert glued == action["register_id"], f"indexed as the word {glued!r}"


# --- (a) accessibility ---------------------------------------------------------------------


@pytest.mark.parametrize("language", UI_LANGUAGES)
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_no_wcag_21_aa_violations(desktop_page, base_url, site_pages, language, kind):
    page, site_page = desktop_page, site_pages[(language, kind)]
    response = page.goto(base_url + site_page.path)
    assert response.ok, f"{site_page.path}: HTTP {response.status}"
    if kind == "search":
        # Check the page with results and filters shown, not only the empty form.
        search(page, "kaava" if language == "fi" else "2025")
    violations = axe_violations(page)
    assert violations == [], f"{site_page.path}: {violations}"


# --- (e) narrow screens ----------------------------------------------------------------------


@pytest.mark.parametrize("language", UI_LANGUAGES)
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_no_horizontal_scroll_at_320_px(phone_page, base_url, site_pages, language, kind):
    page, site_page = phone_page, site_pages[(language, kind)]
    page.goto(base_url + site_page.path)
    if kind == "search":
        search(page, "kaava" if language == "fi" else "2025")
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= NARROW_WIDTH, f"{site_page.path} is {width} px wide at {NARROW_WIDTH} px"


# --- the status page with a run report ------------------------------------------------------


@pytest.fixture(scope="session")
def status_site(tmp_path_factory):
    """The demo has no run report: the status page as a nightly run renders it (the golden
    report: a fine, a stale and a skipped source), built from the golden store."""
    site = tmp_path_factory.mktemp("status-site")
    build_site(FakeStore(site_records()), site, policy=GOLDEN_POLICY, status=STATUS)
    with serve(site) as url:
        yield url


@pytest.mark.parametrize("width", [1280, NARROW_WIDTH])
@pytest.mark.parametrize("language", LANGUAGES)
def test_status_page_with_a_report_passes_axe_and_fits_narrow_screens(
    browser, status_site, language, width
):
    context, page = open_page(browser, width)
    try:
        response = page.goto(f"{status_site}{language}/status/")
        assert response.ok
        assert page.locator("table.status tbody tr").count() == len(STATUS["sources"])
        assert axe_violations(page) == []
        scroll_width = page.evaluate("() => document.documentElement.scrollWidth")
        assert scroll_width <= width, f"{language}/status/ is {scroll_width} px wide"
    finally:
        context.close()


# --- (b, c, d) search -------------------------------------------------------------------------


def search(page, query: str) -> list[str]:
    """Type ``query`` as a person would, press Enter and wait for the announced count."""
    page.get_by_role("searchbox").fill(query)
    page.get_by_role("searchbox").press("Enter")
    wait_for_count(page, query)
    return result_urls(page)


def wait_for_count(page, query: str, *, not_before: str | None = None) -> None:
    """The live region's final text ("12 tulosta haulla ”x”."), not "Haetaan…" on the way."""
    status = page.locator("#search-status")
    if not_before is not None:
        expect(status).not_to_have_text(not_before)
    expect(status).to_have_text(re.compile(re.escape(query) + r"\W*\.$"))


def result_urls(page) -> list[str]:
    return [
        re.sub(r"^https?://[^/]+", "", link.get_attribute("href"))
        for link in page.locator(RESULT_LINKS).all()
    ]


def result_count(page) -> int:
    match = re.search(r"\d+", page.locator("#search-status").inner_text())
    return int(match.group()) if match else 0


def test_search_finds_an_action_and_opens_it(page, base_url, site_pages, records):
    action = showcase_action(records["actions"])
    word = max(re.findall(r"\w+", action["title"]), key=len)
    page.goto(base_url + site_pages[("fi", "search")].path)
    search(page, word)
    titled = page.locator(RESULT_LINKS).filter(has_text=action["title"])
    assert titled.count() >= 1, f"{word!r}: {result_urls(page)}"
    assert page.locator("#search-results .excerpt mark").count() >= 1  # matches are marked
    titled.first.click()
    expect(page.locator("h1")).to_have_text(action["title"])


@pytest.mark.parametrize(("searcher", "record_language"), [("fi", "sv"), ("sv", "fi")])
def test_a_record_in_the_other_language_is_found_and_opens_in_the_searchers(
    page, base_url, site_pages, records, searcher, record_language
):
    """One index serves every UI language: a Swedish record from the Finnish search page
    (and the other way round) opens in the searcher's language tree."""
    action = showcase_in(records["actions"], record_language)
    word = max(re.findall(r"\w+", action["title"]), key=len)
    page.goto(base_url + site_pages[(searcher, "search")].path)
    urls = search(page, word)
    assert result_url(action, searcher, records) in urls, f"{word!r}: {urls}"
    titled = page.locator(RESULT_LINKS).filter(has_text=action["title"])
    assert titled.first.get_attribute("lang") == record_language
    titled.first.click()
    # The result opens the item's page, its decision first.
    expect(page.locator("h1")).to_have_text(records["item_of"][action["id"]]["title"])
    assert url_path_of(page.url).startswith(f"/{searcher}/{action['municipality']}/item/")
    assert page.locator("html").get_attribute("lang") == searcher


def showcase_in(actions: list[dict], language: str) -> dict:
    """The action in ``language`` with the longest word in its title: a word few share."""
    return max(
        (a for a in actions if a.get("language") == language and not a.get("withdrawn_at")),
        key=lambda a: (max(len(word) for word in re.findall(r"\w+", a["title"])), a["id"]),
    )


def url_path_of(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


def test_search_by_register_id_finds_the_action(page, base_url, site_pages, records):
    action = showcase_action(records["actions"])
    same_id = {
        result_url(a, "fi", records)
        for a in records["actions"]
        if a.get("register_id") == action["register_id"]
    }
    page.goto(base_url + site_pages[("fi", "search")].path)
    urls = search(page, action["register_id"])
    assert urls and urls[0] in same_id, f"{action['register_id']}: {urls[:5]}"


def test_search_by_section_and_organ_finds_the_action(page, base_url, site_pages, records):
    action = showcase_action(records["actions"])
    organ = next(o for o in records["organizations"] if o["id"] == action["organization"])
    organ_name = finnish(organ["name"])
    same_section = {
        result_url(a, "fi", records)
        for a in records["actions"]
        if a.get("organization") == action["organization"]
        and a.get("article_number") == action["article_number"]
    }
    page.goto(base_url + site_pages[("fi", "search")].path)
    urls = search(page, f"§ {action['article_number']} {organ_name}")
    assert set(urls[:3]) & same_section, f"§ {action['article_number']} {organ_name}: {urls[:5]}"


def test_filtering_by_municipality_narrows_the_results(page, base_url, site_pages, records):
    action = showcase_action(records["actions"])
    municipality = next(m for m in records["municipalities"] if m["id"] == action["municipality"])
    page.goto(base_url + site_pages[("fi", "search")].path)
    search(page, "2025")
    everywhere, before = result_count(page), page.locator("#search-status").inner_text()
    page.get_by_label("Kunta", exact=True).select_option(label=finnish(municipality["name"]))
    wait_for_count(page, "2025", not_before=before)
    narrowed = result_count(page)
    assert 0 < narrowed < everywhere
    assert all(url.startswith(f"/fi/{municipality['id']}/") for url in result_urls(page))


@pytest.fixture(scope="session")
def site_under_a_base_url(tmp_path_factory):
    """The golden site built for /avoin/, served from the directory above it."""
    root = tmp_path_factory.mktemp("base-url")
    build_site(FakeStore(site_records()), root / "avoin", base_url="/avoin/", policy=GOLDEN_POLICY)
    index_site(root / "avoin")
    with serve(root) as url:
        yield url + "avoin/"


def test_results_link_into_the_searchers_tree_under_the_sites_base_url(
    browser, site_under_a_base_url
):
    context, page = open_page(browser, 1280)
    try:
        page.goto(site_under_a_base_url + "sv/search/")
        urls = search(page, "Talousarviomuutos")  # a Finnish record, from the Swedish page
        assert "/avoin/sv/vaasa/item/kh-20170320-12/" in urls, urls  # action 123's item
        assert all(url.startswith("/avoin/sv/vaasa/") for url in urls)
    finally:
        context.close()


def test_filters_work_across_bundles_and_languages_in_the_pages_words(
    page, base_url, site_pages, records
):
    """A year's records sit in several bundles (one per municipality), Finnish and Swedish
    ones in separate indexes: a filter sees them all. The options are the codes the index
    has, in the search page's language."""
    actions = [
        a
        for a in records["actions"]
        if not a.get("withdrawn_at")
        and a.get("date")
        and is_search_result(a)
        and is_item_entry(a, records["item_of"].get(a["id"]))
    ]
    year = min(a["date"][:4] for a in actions)
    of_year = [a for a in actions if a["date"].startswith(year)]
    organ = next(
        o
        for o in records["organizations"]
        if o["municipality"] == "kristinestad"
        and any(a["organization"] == o["id"] for a in of_year)
    )
    page.goto(base_url + site_pages[("sv", "search")].path)
    expect(page.locator("#filter-year option")).not_to_have_count(1)
    assert "Protokoll" in page.locator("#filter-kind option").all_inner_texts()
    page.locator("#filter-year").select_option(year)
    wait_for_count(page, "")
    assert result_count(page) == len(of_year) and len({a["municipality"] for a in of_year}) > 1
    assert all(url.startswith("/sv/") for url in result_urls(page))
    before = page.locator("#search-status").inner_text()
    page.locator("#filter-organ").select_option(organ["id"])
    wait_for_count(page, "", not_before=before)
    assert result_count(page) == sum(a["organization"] == organ["id"] for a in of_year)
    assert all(url.startswith("/sv/kristinestad/") for url in result_urls(page))


def finnish(name) -> str:
    return name.get("fi") or next(iter(name.values())) if isinstance(name, dict) else name


def test_filtering_by_topic_narrows_the_results_and_offers_the_choices_feed(
    page, base_url, site_pages, public, records
):
    """The topic filter keeps the items of the topic; the feed link follows the chosen town
    and topic with a pre-built feed (and says when there is none)."""
    municipalities = [m["id"] for m in records["municipalities"]]
    item_by_url = {
        "/fi/" + url_path(page_path(item["id"], municipalities)): item
        for item in records["item_of"].values()
    }
    page.goto(base_url + site_pages[("fi", "search")].path)
    page.locator("#filter-topic").select_option("children_youth")
    wait_for_count(page, "")
    urls = result_urls(page)
    assert urls
    for url in urls:
        topics = [tag["topic"] for tag in item_by_url[url]["topics"]]
        assert "children_youth" in topics, url
    expect(page.locator("#search-feed-link")).to_have_attribute(
        "href", "/fi/topic/children-youth/feed.atom"
    )
    town = urls[0].split("/")[2]
    before = page.locator("#search-status").inner_text()
    page.locator("#filter-municipality").select_option(town)
    wait_for_count(page, "", not_before=before)
    assert all(url.startswith(f"/fi/{town}/") for url in result_urls(page))
    feed = f"/fi/{town}/topic/children-youth/feed.atom"
    expect(page.locator("#search-feed-link")).to_have_attribute("href", feed)
    assert (public / feed.lstrip("/")).is_file()


def test_search_page_runs_under_its_csp_without_errors(page, base_url, site_pages):
    errors = []

    def note_error(message):
        if message.type == "error" and "favicon" not in message.location.get("url", ""):
            errors.append(message.text)

    page.on("console", note_error)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(base_url + site_pages[("sv", "search")].path)
    search(page, "2025")
    assert errors == []


def test_search_page_without_javascript_points_to_the_browse_pages(browser, base_url, site_pages):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(base_url + site_pages[("fi", "search")].path)
        assert not page.locator("#search-form").is_visible()
        expect(page.locator("main .notice")).to_contain_text("JavaScript")
        assert page.locator("main a[href^='/fi/']").count() >= 2  # home and municipalities
    finally:
        context.close()


# --- the search page's behaviour (issue 15) -------------------------------------------------


def test_enter_before_the_index_is_ready_waits_and_focuses_the_count(page, base_url, site_pages):
    """No reload (the field keeps its text, the URL no ?q= from a form GET) and the count,
    once there, has the focus, so a screen reader reads it next."""
    slow_index = []
    page.route(
        "**/pagefind/bundles.json",
        lambda route: (slow_index.append(1), page.wait_for_timeout(1500), route.continue_()),
    )
    page.goto(base_url + site_pages[("fi", "search")].path, wait_until="commit")
    page.get_by_role("searchbox").fill("talousarvio")
    page.get_by_role("searchbox").press("Enter")
    wait_for_count(page, "talousarvio")
    assert slow_index, "the index was not loaded through the slowed route"
    assert page.get_by_role("searchbox").input_value() == "talousarvio"
    assert page.evaluate("document.activeElement.id") == "search-status"


def test_an_empty_query_shows_the_browse_links_not_a_count(page, base_url, site_pages):
    page.goto(base_url + site_pages[("fi", "search")].path)
    browse = page.locator("#search-browse")
    expect(browse).to_be_visible()
    assert browse.get_by_role("link").count() >= 1
    search(page, "talousarvio")
    expect(browse).to_be_hidden()
    page.get_by_role("searchbox").fill("")
    page.get_by_role("searchbox").press("Enter")
    expect(browse).to_be_visible()
    expect(page.locator("#search-status")).to_have_text("")


def test_filters_fold_into_a_disclosure_on_a_phone(browser, base_url, site_pages):
    context, narrow = open_page(browser, NARROW_WIDTH)
    try:
        narrow.goto(base_url + site_pages[("fi", "search")].path)
        expect(narrow.locator("#search-filters-toggle")).to_be_visible()
        expect(narrow.locator("#filter-municipality")).to_be_hidden()
        narrow.locator("#search-filters-toggle summary").click()
        expect(narrow.locator("#filter-municipality")).to_be_visible()
    finally:
        context.close()


def test_a_compound_part_finds_the_word_and_the_excerpt_marks_it(page, base_url, site_pages):
    """ "veroprosentti" is in no record as such; "Tuloveroprosentti", "tuloveroprosentiksi"
    are. The excerpt is the record's text with that word marked, not metadata. The page
    with its results and the filters' disclosure still passes axe."""
    require_analysers()
    page.goto(base_url + site_pages[("fi", "search")].path)
    assert search(page, "veroprosentti")
    assert axe_violations(page) == []
    marked = page.locator("#search-results .excerpt mark").all_inner_texts()
    assert any("veroprosent" in word.lower() for word in marked), marked
    excerpt = page.locator("#search-results .excerpt").first.inner_text()
    assert "⁂" not in excerpt and "|" not in excerpt


def test_a_word_in_no_record_finds_nothing(page, base_url, site_pages):
    page.goto(base_url + site_pages[("fi", "search")].path)
    assert search(page, "päiväkoti") == []
