"""Topic pages, topic and saved-search feeds on the demo site; every feed is checked
against the Atom format's requirements (RFC 4287)."""

from __future__ import annotations

import csv
import re
from datetime import datetime
from urllib.parse import urlsplit

import lxml.etree
import lxml.html
import pytest

from site_builder.i18n import TOPIC_LABELS, UI_LANGUAGES, translator
from tests.harvesting import avoin
from transform.topics import TOPICS, Topic, topic_slug

pytestmark = pytest.mark.slow

ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")
CHILDREN = Topic.CHILDREN_YOUTH.value


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("topic-site")
    result = avoin("demo", "--out", tmp / "public", "--data-dir", tmp / "data")
    assert result.returncode == 0, result.stderr
    return (tmp / "public").resolve()


@pytest.fixture(scope="module")
def decided_rows(site):
    """items.csv rows a list shows: decided, not procedural."""
    with open(site / "data" / "items.csv", encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    return [row for row in rows if row["status"] == "decided" and row["procedural"] != "true"]


def _topics(row) -> set[str]:
    return set(filter(None, row["topics"].split(" | ")))


def _listed_items(page_file) -> set[str]:
    page = lxml.html.fromstring(page_file.read_bytes())
    links = page.cssselect("main .record-list a[href*='/item/']")
    return {
        link.get("href").rstrip("/").rsplit("/", 3)[-3]
        + ":item:"
        + link.get("href").rstrip("/").rsplit("/", 1)[-1]
        for link in links
    }


def test_the_topic_page_lists_every_decided_item_of_the_topic_and_no_other(site, decided_rows):
    for info in TOPICS:
        expected = {row["id"] for row in decided_rows if info.topic.value in _topics(row)}
        page = site / "fi" / "topic" / info.slug / "index.html"
        if not expected:
            assert not page.exists()
            continue
        assert _listed_items(page) == expected, info.topic


def test_each_town_has_its_own_topic_page_with_only_its_items(site, decided_rows):
    towns = {row["municipality"] for row in decided_rows if CHILDREN in _topics(row)}
    assert len(towns) >= 3
    for town in towns:
        expected = {
            row["id"]
            for row in decided_rows
            if row["municipality"] == town and CHILDREN in _topics(row)
        }
        page = site / "sv" / town / "topic" / topic_slug(CHILDREN) / "index.html"
        assert _listed_items(page) == expected


def test_topic_pages_speak_each_ui_language(site):
    for language in UI_LANGUAGES:
        name = translator(language)(TOPIC_LABELS[Topic.CHILDREN_YOUTH])
        assert name == next(
            info.name[language] for info in TOPICS if info.topic == Topic.CHILDREN_YOUTH
        )
        page = lxml.html.fromstring(
            (site / language / "topic" / "children-youth" / "index.html").read_bytes()
        )
        assert page.get("lang") == language
        assert page.cssselect("h1")[0].text_content().strip() == name
        index = lxml.html.fromstring((site / language / "topic" / "index.html").read_bytes())
        assert name in index.text_content()


def test_children_page_gives_each_item_a_lead_labelled_as_generated(site):
    page = lxml.html.fromstring(
        (site / "fi" / "topic" / "children-youth" / "index.html").read_bytes()
    )
    entries = page.cssselect("main .record-list > li")
    assert entries
    for entry in entries:
        lead = entry.cssselect(".plain-lead")[0].text_content()
        date = entry.cssselect(".meta > span")[0].text_content().strip()
        assert lead.startswith("Koottu päätöksen tiedoista:")
        assert date in lead  # made from the item's own facts
    # Other topics carry no generated text.
    other = (site / "fi" / "topic" / "economy-budget" / "index.html").read_text("utf-8")
    assert "plain-lead" not in other


def test_a_feed_for_every_organ_and_topic_that_has_items_and_none_other(site, decided_rows):
    expected = set()
    for row in decided_rows:
        for topic in _topics(row):
            expected.add((row["organization"], topic))
    found = set()
    for feed in (site / "en").glob("*/org/*/topic/*/feed.atom"):
        town, _, organ, _, slug = feed.relative_to(site / "en").parts[:5]
        found.add((f"{town}:org:{organ}", slug.replace("-", "_")))
    assert expected <= found
    with open(site / "data" / "actions.csv", encoding="utf-8", newline="") as file:
        organ_of = {row["id"]: row["organization"] for row in csv.DictReader(file)}
    for row in decided_rows:  # each document's organ counts, as on the organ pages
        for document in row["documents"].split(" | "):
            expected |= {(organ_of[document], topic) for topic in _topics(row)}
    assert found == expected


def test_every_feed_of_the_site_is_valid_atom(site):
    feeds = sorted(site.glob("*/**/feed.atom"))
    kinds = {_feed_kind(path.relative_to(site)) for path in feeds}
    assert {"municipality", "organ", "matter", "topic", "town topic", "organ topic"} <= kinds
    for path in feeds:
        problems = atom_problems(lxml.etree.parse(str(path)).getroot())
        assert not problems, f"{path.relative_to(site)}: {problems}"


def _feed_kind(relative) -> str:
    parts = relative.parts[1:-1]
    if parts[0] == "topic":
        return "topic"
    if len(parts) == 1:
        return "municipality"
    if parts[1] == "topic":
        return "town topic"
    if parts[1] == "org":
        return "organ topic" if "topic" in parts else "organ"
    return parts[1]


def atom_problems(feed) -> list[str]:
    """What RFC 4287 requires of a feed and its entries (section 4.1), checked."""
    problems = []
    if feed.tag != f"{ATOM}feed":
        return [f"root is {feed.tag}"]
    problems += _required_once(feed, ("id", "title", "updated"), "feed")
    entries = feed.findall(f"{ATOM}entry")
    if feed.find(f"{ATOM}author") is None and any(
        entry.find(f"{ATOM}author") is None for entry in entries
    ):
        problems.append("no author on the feed or an entry")
    if not feed.findall(f"{ATOM}link[@rel='self']"):
        problems.append("no self link")
    ids = [entry.findtext(f"{ATOM}id") for entry in entries]
    if len(set(ids)) != len(ids):
        problems.append("entry ids repeat")
    for element in [feed, *entries]:
        for stamp in element.findall(f"{ATOM}updated") + element.findall(f"{ATOM}published"):
            if not RFC3339.match(stamp.text or "") or not _parses(stamp.text):
                problems.append(f"not an RFC 3339 date: {stamp.text!r}")
        identifier = element.findtext(f"{ATOM}id") or ""
        if not urlsplit(identifier).scheme:
            problems.append(f"id is not an IRI: {identifier!r}")
        for link in element.findall(f"{ATOM}link"):
            if not link.get("href"):
                problems.append("link without href")
    for entry in entries:
        problems += _required_once(entry, ("id", "title", "updated"), "entry")
        if entry.find(f"{ATOM}content") is None and not entry.findall(
            f"{ATOM}link[@rel='alternate']"
        ):
            problems.append("entry without content or alternate link")
    return problems


def _required_once(element, names, where) -> list[str]:
    return [
        f"{where} has {len(element.findall(f'{ATOM}{name}'))} <{name}>"
        for name in names
        if len(element.findall(f"{ATOM}{name}")) != 1
    ]


def _parses(stamp: str) -> bool:
    try:
        datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True
