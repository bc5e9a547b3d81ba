"""Topic pages and feeds: the latest decided items of one topic (transform/topics.py),
across all towns (``topic/<slug>/``) and per town (``<town>/topic/<slug>/``), each with an
Atom feed, plus a page listing the topics (``topic/``).

A town's topic pages are built with the town's other pages (each town may be built in a
process of its own, site_builder/parallel.py); it hands its latest items per topic back,
and the all-towns pages are built from those after every town.
"""

from __future__ import annotations

from collections import defaultdict

from site_builder.feeds import FEED_SIZE, atom_feed
from site_builder.filters import localized
from site_builder.i18n import TOPIC_LABELS, translator
from site_builder.paths import FEED_FILE, TOPIC_SEGMENT, TOPICS_PAGE, sub_page_path, topic_path
from transform.topics import TOPICS, Topic, topic_ids

LATEST_ON_TOPIC_PAGE = 50


def decisions_by_topic(decisions: list[dict]) -> dict[str, list[dict]]:
    """Topic id -> its items, in the order given (the lists' newest first)."""
    grouped: dict[str, list[dict]] = defaultdict(list)
    for item in decisions:
        for topic in topic_ids(item):
            grouped[topic].append(item)
    return dict(grouped)


def newest_first(items: list[dict]) -> list[dict]:
    """Items of several towns: date descending; ties by id, so every build agrees."""
    return sorted(
        sorted(items, key=lambda item: item["id"]),
        key=lambda item: item.get("date") or "",
        reverse=True,
    )


def render_topic_page(
    renderer,
    sitemap,
    slug_topic,
    items: list[dict],
    municipality: dict | None,
    meeting_by_id: dict,
    extra: dict,
) -> None:
    """One topic's page and feed, all towns' (``municipality`` None) or one town's."""
    topic = slug_topic.topic
    town = municipality["id"] if municipality else None
    path = topic_path(slug_topic.slug, town)
    feed_path = topic_path(slug_topic.slug, town, FEED_FILE)
    latest = items[:LATEST_ON_TOPIC_PAGE]
    sitemap.add(town, path)
    shown = items[: max(LATEST_ON_TOPIC_PAGE, FEED_SIZE)]  # the page's and the feed's
    inputs = list_inputs(renderer, shown, meeting_by_id, extra, topic=topic.value)
    if renderer.fingerprints.unchanged(path, inputs) and renderer.keep([path, feed_path]):
        return
    renderer.render(
        path,
        "topic.html",
        {
            **extra,
            "topic": topic.value,
            "slug": slug_topic.slug,
            "topic_municipality": municipality,
            "items": latest,
            "feed_path": feed_path,
            "plain_leads": topic == Topic.CHILDREN_YOUTH,
        },
    )

    def make_feed(language, urls):
        _ = translator(language)
        name = _(TOPIC_LABELS[topic])
        if municipality:
            name = f"{name} – {localized(municipality['name'], language)}"
        return atom_feed(
            language,
            urls,
            page_path=path,
            feed_path=feed_path,
            title=name,
            author=_("Avoin")
            if municipality is None
            else localized(municipality["name"], language),
            actions=items[:FEED_SIZE],
            organization_by_id=renderer.shared_context["organization_by_id"],
            meeting_by_id=meeting_by_id,
        )

    renderer.render_text(feed_path, make_feed)


def list_inputs(renderer, items: list[dict], meeting_by_id: dict, *contexts: dict, **more) -> dict:
    """Everything a list of items (a page or a feed) shows besides the code
    (fingerprints.py): the items, and the organs, towns and meetings they name."""
    shared = renderer.shared_context
    organs = {item["organization"] for item in items} | {
        organ for item in items for organ in item["organizations"]
    }
    towns = {item["municipality"] for item in items}
    return {
        **{key: value for context in contexts for key, value in context.items()},
        **more,
        "items": [renderer.fingerprints.record_digest(item) for item in items],
        "organizations": [
            shared["organization_by_id"].get(organ) for organ in sorted(organs - {None})
        ],
        "municipalities": [
            shared["municipality_by_id"].get(town) for town in sorted(towns - {None})
        ],
        "meetings": [meeting_by_id.get(item["meeting"]) for item in items],
    }


def build_town_topic_pages(
    renderer, sitemap, municipality: dict, decisions: list[dict], meeting_by_id: dict
) -> dict[str, list[dict]]:
    """A town's topic pages; returns its latest items per topic for the all-towns pages."""
    by_topic = decisions_by_topic(decisions)
    for info in TOPICS:
        items = by_topic.get(info.topic.value)
        if items:
            render_topic_page(
                renderer,
                sitemap,
                info,
                items,
                municipality,
                meeting_by_id,
                {"municipality": municipality, "topic_towns": []},
            )
            organ_topic_feeds(renderer, info, items, municipality, meeting_by_id)
    return {topic: items[:LATEST_ON_TOPIC_PAGE] for topic, items in by_topic.items()}


def organ_topic_feed_path(organ_page_path: str, slug: str) -> str:
    """``vaasa/org/4122/topic/children-youth/feed.atom``: what the search page's "follow
    this search" link asks for when an organ and a topic are chosen."""
    return sub_page_path(organ_page_path, TOPIC_SEGMENT, slug, file_name=FEED_FILE)


def organ_topic_feeds(
    renderer, info, items: list[dict], municipality: dict, meeting_by_id: dict
) -> None:
    """One feed per organ that has items of the topic: a saved search answered by a
    pre-built file (docs/topics.md says what a static site can and cannot follow)."""
    organization_by_id = renderer.shared_context["organization_by_id"]
    by_organ: dict[str, list[dict]] = defaultdict(list)
    for item in items:
        for organ in item["organizations"]:
            by_organ[organ].append(item)
    for organ, organ_items in sorted(by_organ.items()):
        organ_path = renderer.urls.page_path(organ)
        organization = organization_by_id.get(organ) or {"name": organ}
        feed_path = organ_topic_feed_path(organ_path, info.slug)
        inputs = list_inputs(
            renderer,
            organ_items[:FEED_SIZE],
            meeting_by_id,
            organization=organization,
            municipality=municipality,
        )
        if renderer.fingerprints.unchanged(feed_path, inputs) and renderer.keep([feed_path]):
            continue
        renderer.render_text(
            feed_path,
            _organ_feed_maker(
                renderer, info, organ_items, organ_path, organization, municipality, meeting_by_id
            ),
        )


def _organ_feed_maker(renderer, info, items, organ_path, organization, municipality, meeting_by_id):
    def make_feed(language, urls):
        _ = translator(language)
        name = f"{_(TOPIC_LABELS[info.topic])} – {localized(organization['name'], language)}"
        return atom_feed(
            language,
            urls,
            page_path=organ_path,
            feed_path=organ_topic_feed_path(organ_path, info.slug),
            title=name,
            author=localized(municipality["name"], language),
            actions=items[:FEED_SIZE],
            organization_by_id=renderer.shared_context["organization_by_id"],
            meeting_by_id=meeting_by_id,
        )

    return make_feed


def build_topic_pages(
    renderer, sitemap, municipalities: list[dict], town_topics: dict[str, dict[str, list[dict]]]
) -> None:
    """The topics page and every topic's all-towns page.

    ``town_topics``: municipality id -> topic id -> that town's latest items."""
    summary = []
    for info in TOPICS:
        towns = [
            municipality
            for municipality in municipalities
            if town_topics.get(municipality["id"], {}).get(info.topic.value)
        ]
        items = newest_first(
            [
                item
                for municipality in towns
                for item in town_topics[municipality["id"]][info.topic.value]
            ]
        )
        summary.append((info, towns))
        if items:
            render_topic_page(renderer, sitemap, info, items, None, {}, {"topic_towns": towns})
    renderer.render(TOPICS_PAGE, "topics.html", {"topic_summary": summary})
    sitemap.add(None, TOPICS_PAGE)
