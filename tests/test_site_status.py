"""The status page (site_builder/status.py, templates/status.html) and what a build reports
about the publishing rules (BuildReport.redactions, .takedowns). The page in a real browser
(axe-core, 320 px) is tested in tests/test_site_browser.py, which owns the browser."""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html
import pytest

from site_builder import i18n
from site_builder.build import build_site
from site_builder.paths import STATUS_PAGE, page_path
from site_builder.status import harvest_error_label, run_status
from tests.golden.build import STATUS
from tests.golden.checks import html_files, structure_problems, text_of
from tests.golden.store import FakeStore, action_record, site_records
from transform.publishing import REDACTION_KEYS, PublishingPolicy

LANGUAGES = i18n.UI_LANGUAGES
POLICY = PublishingPolicy(today=date(2017, 3, 22))
TAKEN_DOWN = "vaasa:action:124"
HETU = "150372-958K"  # a valid henkilötunnus (check character K)
STALE_DAYS = 3


def _stale_warning(language: str) -> str:
    return i18n.catalogue(language).ngettext(
        "no successful harvest for more than %(num)s day",
        "no successful harvest for more than %(num)s days",
        STALE_DAYS,
    )


def _(language: str, message_id: str, **values) -> str:
    return i18n.translator(language)(message_id, **values)


def _status_page(site: Path, language: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring((site / language / STATUS_PAGE).read_bytes())


def _rows(page) -> dict[str, lxml.html.HtmlElement]:
    """The sources table's rows by the municipality's link target (or plain id)."""
    rows = {}
    for row in page.cssselect("table.status tbody tr"):
        header = row.cssselect("th[scope=row]")[0]
        links = header.cssselect("a")
        key = links[0].get("href").strip("/").split("/")[-1] if links else text_of(header)
        rows[key] = row
    return rows


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The fixture store with the golden run report and one takedown."""
    out_dir = tmp_path_factory.mktemp("status")
    policy = PublishingPolicy(today=date(2017, 3, 22), takedowns=frozenset({TAKEN_DOWN}))
    build_site(FakeStore(site_records()), out_dir, policy=policy, status=copy.deepcopy(STATUS))
    return out_dir


@pytest.fixture(scope="module")
def site_without_report(tmp_path_factory) -> Path:
    out_dir = tmp_path_factory.mktemp("no-status")
    build_site(FakeStore(site_records()), out_dir, policy=POLICY)
    return out_dir


# --- the rows ------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_row_per_municipality_with_the_stale_warning_only_where_stale(site, language):
    rows = _rows(_status_page(site, language))
    assert list(rows) == ["kristinestad", "pedersore", "vaasa"]  # as in the report, by id
    warning = _stale_warning(language)
    assert warning in text_of(rows["kristinestad"])
    assert [key for key, row in rows.items() if warning in text_of(row)] == ["kristinestad"]
    # In words, in its own element, not a colour: the warning says "Warning:" too.
    stale = rows["kristinestad"].cssselect("strong.stale-warning")
    assert len(stale) == 1 and text_of(stale[0]).startswith(_(language, "Warning:"))


@pytest.mark.parametrize(
    "language, last_success", [("fi", "22.3.2017"), ("sv", "22 mars 2017"), ("en", "22 Mar 2017")]
)
def test_each_row_says_outcome_last_success_requests_and_errors(site, language, last_success):
    rows = _rows(_status_page(site, language))
    cells = {key: [text_of(cell) for cell in row.cssselect("td")] for key, row in rows.items()}
    outcome, last, _reach, requests, pages, _errors = cells["vaasa"]
    assert outcome == _(language, "OK")
    assert last == last_success
    assert rows["vaasa"].cssselect("time")[0].get("datetime") == "2017-03-22T00:20:00+00:00"
    assert (requests, pages) == ("17", "12")
    assert [text_of(item) for item in rows["vaasa"].cssselect("td li")] == [
        _(language, "HTTP error %(status)s", status="503") + ": 1",
        _(language, "Row of a listing skipped") + ": 2",
    ]
    # A failed source: the kinds we have words for, and the others as they are.
    assert cells["kristinestad"][0] == _(language, "Failed")
    assert [text_of(item) for item in rows["kristinestad"].cssselect("td li")] == [
        _(language, "Source could not be reached") + ": 4",
        "SSLError: 1",
    ]
    # A skipped source gives its reason, in the English it is written in.
    skipped = rows["pedersore"]
    assert cells["pedersore"][0] == (
        _(language, "Skipped") + ": no harvester for platform 'unknown' yet"
    )
    reason = skipped.cssselect("td span")[0]
    assert reason.get("lang") == (None if language == "en" else "en")
    assert cells["pedersore"][1] == _(language, "Never")


def test_the_table_is_accessible_and_every_status_page_is_valid(site, site_without_report):
    for built in (site, site_without_report):
        for language in LANGUAGES:
            html = (built / language / STATUS_PAGE).read_text(encoding="utf-8")
            assert structure_problems(html) == [], (built, language)
            page = lxml.html.fromstring(html)
            assert len(page.cssselect("h1")) == 1
            assert page.cssselect("nav.breadcrumbs")
            for table in page.cssselect("table"):
                assert text_of(table.cssselect("caption")[0])
                assert all(th.get("scope") in ("col", "row") for th in table.cssselect("th"))
                assert table.cssselect("thead th[scope=col]")
    assert _rows(_status_page(site, "fi"))["vaasa"].cssselect("th[scope=row]")


def test_record_counts_are_the_run_totals_shown_once_and_said_to_be(site):
    page = _status_page(site, "en")
    facts = dict(
        zip(
            [text_of(dt) for dt in page.cssselect("#records-heading ~ dl dt")],
            [text_of(dd) for dd in page.cssselect("#records-heading ~ dl dd")],
            strict=True,
        )
    )
    assert facts["Added"] == "7" and facts["Updated"] == "2"
    assert facts["Removed by the source"] == "1"  # the report lists the withdrawn ids
    assert facts["Documents that could not be read"] == "1"
    assert "does not count them per municipality" in text_of(page)
    assert len(page.cssselect("#records-heading")) == 1


def test_the_report_is_read_as_counts_only(site):
    """Error samples, problems and record ids stay out of the page."""
    for language in LANGUAGES:
        html = (site / language / STATUS_PAGE).read_text(encoding="utf-8")
        for private in (
            "a problem the page does not show",
            "vaasa:action:1",
            "http_503:",
            "https://…",
        ):
            assert private not in html, (language, private)


def test_run_and_stale_summary_are_stated_above_the_table(site):
    page = _status_page(site, "sv")
    text = text_of(page.cssselect("main")[0])
    assert "Körning 42, startad 22 mars 2017 kl. 2.15." in text
    summary = page.cssselect(".stale-summary")[0]
    assert text_of(summary).startswith("Varning: 1 källa har inte kunnat samlas in på över 3")
    assert [text_of(li) for li in summary.cssselect("li")] == ["Kristinestad (Kristiinankaupunki)"]


# --- takedowns and redactions ----------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_takedowns_are_counted_never_named(site, language):
    html = (site / language / STATUS_PAGE).read_text(encoding="utf-8")
    page = lxml.html.fromstring(html)
    expected = i18n.catalogue(language).ngettext(
        "The takedown list has %(num)s entry: it is not published.",
        "The takedown list has %(num)s entries: they are not published.",
        1,
    )
    assert expected in text_of(page)
    assert TAKEN_DOWN not in html and "action/124" not in html
    counts = {
        text_of(row.cssselect("th")[0]): text_of(row.cssselect("td")[0])
        for row in page.cssselect("table.redactions tbody tr")
    }
    assert len(counts) == len(REDACTION_KEYS)
    assert counts[_(language, "Records not published because of a takedown")] == "1"


def test_build_report_counts_redactions_and_takedowns(tmp_path):
    records = site_records()
    records["actions"].append(
        action_record(
            "vaasa",
            "hetu",
            title=f"Oikaisuvaatimus, {HETU}",
            date="2017-03-20",
            organization="vaasa:org:rvj",
            language="fi",
        )
    )
    policy = PublishingPolicy(today=date(2017, 3, 22), takedowns=frozenset({TAKEN_DOWN}))
    report = build_site(FakeStore(records), tmp_path, policy=policy)
    assert set(report.redactions) == set(REDACTION_KEYS)
    assert report.redactions["hetu"] == 1
    assert report.redactions["takedown"] == report.withheld == 1
    assert report.takedowns == 1
    assert str(report).endswith("1 records withheld by publishing rules; redacted: 1 hetu")
    assert not [
        path
        for path in tmp_path.rglob("*")
        if path.is_file() and HETU.encode() in path.read_bytes()
    ]
    assert (tmp_path / "fi" / page_path("vaasa:action:hetu")).is_file()
    page = _status_page(tmp_path, "en")
    counts = {
        text_of(row.cssselect("th")[0]): text_of(row.cssselect("td")[0])
        for row in page.cssselect("table.redactions tbody tr")
    }
    assert counts["Personal identity codes removed"] == "1"


def test_a_build_without_redactions_does_not_mention_them(tmp_path):
    report = build_site(FakeStore(site_records()), tmp_path, policy=POLICY)
    assert report.redactions == dict.fromkeys(REDACTION_KEYS, 0)
    assert report.takedowns == 0
    assert "redacted" not in str(report)


# --- without a report, and the footer link ---------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_without_a_report_the_page_says_so(site_without_report, language):
    page = _status_page(site_without_report, language)
    notice = _(
        language,
        "No run report is available yet: this page shows one after the first nightly update.",
    )
    assert text_of(page.cssselect("main .notice")[0]) == notice
    assert not page.cssselect("table.status")
    assert _(language, "The takedown list is empty.") in text_of(page)


@pytest.mark.parametrize("fixture", ["site", "site_without_report"])
def test_every_page_links_the_status_page_of_its_language_from_the_footer(request, fixture):
    built = request.getfixturevalue(fixture)
    pages = html_files(built)
    assert len(pages) > 30
    for path in pages:
        relative = path.relative_to(built).as_posix()
        language = relative.split("/")[0] if relative.split("/")[0] in LANGUAGES else "fi"
        page = lxml.html.fromstring(path.read_bytes())
        if page.cssselect('meta[http-equiv="refresh"]'):
            continue  # the root page only sends visitors on to /fi/
        links = [
            a.get("href")
            for a in page.cssselect("footer a")
            if a.get("href").rstrip("/").endswith("/status")
        ]
        assert links == [f"/{language}/status/"], path
        target = unquote(urlsplit(links[0]).path).lstrip("/") + "index.html"
        assert (built / target).is_file(), (path, target)
        assert text_of(page.cssselect(f'footer a[href="{links[0]}"]')[0]) == _(
            language, "Update status"
        )


# --- reading the report ------------------------------------------------------------------------


def test_a_partial_or_old_report_reads_as_zeros_and_unknowns():
    run = run_status({"sources": {"vaasa": {"ok": False}}, "transform": {"inserted": 3}})
    (source,) = run.sources
    assert (source.outcome, source.last_success, source.stale, source.requests, source.errors) == (
        "failed",
        None,
        False,
        0,
        (),
    )
    assert run.records == {"added": 3, "updated": 0, "withdrawn": 0, "unchanged": 0}
    assert run.run_id is None and run.stale_sources == []
    assert run_status(None) is None and run_status({}) is None


def test_harvest_error_kinds_in_words():
    assert harvest_error_label("http_404", "sv") == "HTTP-fel 404"
    assert harvest_error_label("source_down", "fi") == "Lähteeseen ei saatu yhteyttä"
    assert harvest_error_label("KeyError", "en") is None
    for kind in i18n.HARVEST_ERROR_LABELS:
        for language in LANGUAGES:
            assert harvest_error_label(kind, language)


@pytest.mark.parametrize(
    "language, held",
    [
        ("fi", "5 kokousta, 7.11.2016 – 20.3.2017"),
        ("sv", "5 sammanträden, 7 nov. 2016 – 20 mars 2017"),
        ("en", "5 meetings, 7 Nov 2016 – 20 Mar 2017"),
    ],
)
def test_each_row_says_how_far_back_the_archive_reaches(site, language, held):
    rows = _rows(_status_page(site, language))
    reach = {key: text_of(row.cssselect("td")[2]) for key, row in rows.items()}
    assert reach["vaasa"].startswith(held)
    assert reach["pedersore"] == _(language, "Nothing yet")


def test_the_source_window_is_what_its_latest_listings_showed():
    from site_builder.status import archive_reach

    def meeting(start, seen, town="vaasa", withdrawn=None):
        return {"municipality": town, "start": start, "last_seen": seen, "withdrawn_at": withdrawn}

    reach = archive_reach(
        [
            meeting("2017-03-20T16:00:00+02:00", "2024-01-02T02:00:00+00:00"),  # fell out
            meeting("2025-02-18T17:00:00+02:00", "2026-12-04T02:00:00+00:00"),
            meeting("2026-11-23T17:00:00+02:00", "2026-12-04T02:10:00+00:00"),
            meeting("2016-01-01T17:00:00+02:00", "2026-12-04T02:00:00+00:00", withdrawn="x"),
        ]
    )["vaasa"]
    assert (reach.first[:10], reach.last[:10], reach.meetings) == ("2017-03-20", "2026-11-23", 3)
    assert reach.source_since[:10] == "2025-02-18"
