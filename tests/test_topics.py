"""Topics: the vocabulary, the rules, and the rules measured against a judged sample."""

from __future__ import annotations

import pytest

from tests.harvesting import avoin
from tests.topic_judgements import JUDGED
from transform import analysis, topics
from transform.items import group_items
from transform.store import Store
from transform.topics import TOPICS, Topic, item_topics

MIN_PRECISION = {Topic.CHILDREN_YOUTH: 0.9}


def _action(title, text="", language="fi", function_code=None, date="2026-11-01"):
    return {
        "title": title,
        "language": language,
        "function_code": function_code,
        "date": date,
        "contents": [{"type": "proposal", "text": text}],
    }


def _topics(action, procedural=False):
    return {tag["topic"]: tag["rule"] for tag in item_topics(action, [action], procedural)}


def test_every_topic_has_a_distinct_slug_and_name_in_three_languages():
    assert len({info.slug for info in TOPICS}) == len(TOPICS)
    for language in ("fi", "sv", "en"):
        assert len({info.name[language] for info in TOPICS}) == len(TOPICS)
    assert {info.topic for info in TOPICS} == set(Topic)


def test_inflected_finnish_and_swedish_words_tag_by_their_base_form():
    assert _topics(_action("Päiväkotien aukioloajat"))["children_youth"] == "title:päiväkoti"
    assert "children_youth" in _topics(_action("Skolornas läsårsplaner", language="sv"))
    # A compound part: kouluverkko- is koulu.
    assert "children_youth" in _topics(_action("Kouluverkkoselvitys 2027"))
    # Not a substring match: "koulutus" (training) is no koulu.
    assert "children_youth" not in _topics(_action("Henkilöstön koulutussuunnitelma"))


def test_a_word_in_passing_in_the_text_tags_nothing_but_a_repeated_one_does():
    once = _action("Kevyen liikenteen väylä", "Väylä kulkee koululta keskustaan.")
    assert "children_youth" not in _topics(once)
    twice = _action("Kevyen liikenteen väylä", "Koululaisten reitti. Koululaiset pyöräilevät.")
    assert _topics(twice)["children_youth"] == "text:koululainen"


def test_the_function_code_tags_and_says_so():
    topics = _topics(_action("Lausunto", function_code="10.02.03"))
    assert topics["zoning_building"] == "function_code:10.02"
    # Social and health care left the towns on 1.1.2023: code 05 says nothing after.
    assert "social_health" in _topics(_action("Asia", function_code="05.01.00", date="2022-05-01"))
    assert "social_health" not in _topics(_action("Asia", function_code="05.01.00"))
    # ... to the welfare regions, whose code 05 tags in any year.
    action = _action("Asia", function_code="05.01.00")
    region = item_topics(action, [action], False, welfare_region=True)
    assert region == [{"topic": "social_health", "rule": "function_code:05"}]


def test_procedural_items_have_no_topic():
    assert _topics(_action("Koulun asia"), procedural=True) == {}


@pytest.fixture(scope="module")
def demo_items(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("topics")
    result = avoin("demo", "--out", tmp / "public", "--data-dir", tmp / "data")
    assert result.returncode == 0, result.stderr
    items = {}
    with Store(tmp / "data" / "avoin.sqlite") as store:
        for municipality in store.municipalities():
            derived = group_items(
                municipality,
                store.organizations(municipality["id"]),
                store.meetings(municipality["id"]),
                store.actions(municipality["id"]),
            )
            items.update((item["id"], item) for item in derived.items)
    return items


@pytest.mark.slow
def test_tagging_measured_against_the_judged_sample(demo_items):
    assert len(JUDGED) >= 100
    missing = set(JUDGED) - set(demo_items)
    assert not missing, f"judged items not in the demo: {sorted(missing)}"
    print(
        "\ntopic tagging on the judged sample "
        f"({len(JUDGED)} items, {sum(bool(t) for t in JUDGED.values())} with a topic):"
    )
    for info in TOPICS:
        topic = info.topic.value
        truth = {item_id for item_id, topics in JUDGED.items() if topic in topics}
        tagged = {
            item_id
            for item_id in JUDGED
            if topic in {tag["topic"] for tag in demo_items[item_id]["topics"]}
        }
        right = truth & tagged
        precision = len(right) / len(tagged) if tagged else None
        recall = len(right) / len(truth) if truth else None
        print(
            f"  {topic:22} judged {len(truth):3} tagged {len(tagged):3} "
            f"precision {_share(precision)} recall {_share(recall)}"
            + "".join(
                f"\n    wrong: {item_id} {demo_items[item_id]['topics']}"
                for item_id in sorted(tagged - truth)
            )
            + "".join(f"\n    missed: {item_id}" for item_id in sorted(truth - tagged))
        )
        if info.topic in MIN_PRECISION:
            assert truth and precision is not None
            assert precision >= MIN_PRECISION[info.topic], topic


def test_every_tag_keeps_the_rule_that_fired(demo_items):
    tagged = [tag for item in demo_items.values() for tag in item["topics"]]
    assert tagged
    assert all(tag["rule"].split(":")[0] in {"function_code", "title", "text"} for tag in tagged)


def _share(value):
    return "  n/a" if value is None else f"{value:.2f}"


# -- the keyword tags remembered in the store (KeywordMemo) ---------------------------------


def _with_id(action, number):
    return {**action, "id": f"vaasa:action:{number}"}


def test_remembered_tags_are_what_the_rules_compute_and_are_not_computed_again(
    tmp_path, monkeypatch
):
    actions = [
        _with_id(_action("Päiväkotien aukioloajat"), 1),
        _with_id(_action("Skolornas läsårsplaner", language="sv"), 2),
        _with_id(_action("Kokous", "Oppilas ja oppilas koulussa."), 3),
    ]
    expected = [item_topics(action, [action], False) for action in actions]
    with Store(tmp_path / "store.sqlite") as store:
        memo = topics.KeywordMemo(store)
        assert [item_topics(a, [a], False, memo) for a in actions] == expected
        memo.save()

        def not_again(shown, text):
            raise AssertionError(f"analysed again: {shown['id']}")

        monkeypatch.setattr(topics, "_keyword_tags", not_again)
        again = topics.KeywordMemo(store)
        assert [item_topics(a, [a], False, again) for a in actions] == expected


def test_a_changed_text_is_tagged_anew_and_an_action_keeps_two_keys_at_most(tmp_path):
    texts = ["Koulu", "Päiväkoti", "Kirjasto", "Koulu"]
    with Store(tmp_path / "store.sqlite") as store:
        for title in texts:
            action = _with_id(_action(title), 1)
            memo = topics.KeywordMemo(store)
            assert item_topics(action, [action], False, memo) == item_topics(
                action, [action], False
            )
            memo.save()
        rows = store._db.execute("SELECT input_key FROM keyword_tags").fetchall()
    assert len(rows) == 2


def test_remembered_tags_depend_on_the_analysis(tmp_path, monkeypatch):
    action = _with_id(_action("Päiväkotien aukioloajat"), 1)
    with Store(tmp_path / "store.sqlite") as store:
        memo = topics.KeywordMemo(store)
        item_topics(action, [action], False, memo)
        memo.save()
        monkeypatch.setenv("AVOIN_SEARCH_ANALYSIS", "off")
        memo = topics.KeywordMemo(store)
        assert item_topics(action, [action], False, memo) == item_topics(action, [action], False)
        assert memo._new  # not taken from what the analysis on gave


def _forget_analyses(monkeypatch) -> None:
    """As a fresh process: no analysis cached in memory."""
    monkeypatch.setattr(analysis, "_REMEMBERED", {})
    monkeypatch.setattr(analysis, "_NEW", {})
    for cached in (analysis._analyse, topics._word_forms, topics._cached_keyword_forms):
        cached.cache_clear()


def test_word_analyses_are_remembered_in_the_store_for_the_next_process(tmp_path, monkeypatch):
    first = _with_id(_action("Päiväkotien aukioloajat", "Skolornas läsårsplaner."), 1)
    # Other texts (not remembered as tagged) of the same words, in another order.
    second = _with_id(_action("Aukioloajat päiväkotien", "Läsårsplaner skolornas."), 2)
    _forget_analyses(monkeypatch)
    with Store(tmp_path / "store.sqlite") as store:
        memo = topics.KeywordMemo(store)
        expected = item_topics(first, [first], False, memo)
        memo.save()
        signature = analysis.remembered_signature()
        words = {(word, language) for word, language, _, _ in store.word_analyses(signature)}
        assert ("päiväkotien", "fi") in words

        _forget_analyses(monkeypatch)

        def not_again(word, language, parts):
            raise AssertionError(f"analysed again: {word}")

        monkeypatch.setattr(analysis, "_analysed_now", not_again)
        again = topics.KeywordMemo(store)
        assert item_topics(second, [second], False, again) == expected
        assert again._new  # a text not seen before, of words that were

        # Another analysis or dictionary: what was remembered is not taken, and goes.
        assert list(store.word_analyses("another")) == []
        store.save_word_analyses("another", [("koulu", "fi", True, ("koulu",))])
        assert list(store.word_analyses(signature)) == []
