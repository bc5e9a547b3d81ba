"""The publishing rules with a memory (transform/published_forms.py): what they reuse must
be exactly what the rules would compute now."""

from __future__ import annotations

import collections
import sqlite3
from datetime import timedelta

from tests.test_publishing import DECIDED, PAST_RETENTION, WITHIN_RETENTION, public_action
from transform.published_forms import PublishedForms
from transform.publishing import PublishingPolicy, publishable
from transform.schema import RecordType
from transform.store import PublicCopy, Store

PRIVATE_PHONE = "040 123 4567"


def run_rules(store, policy, records) -> tuple[list, PublishedForms]:
    forms = PublishedForms(store, policy)
    forms.counter = collections.Counter()
    published = [forms.publish(RecordType.ACTION, record, forms.counter) for record in records]
    forms.save()
    return published, forms


def test_a_second_run_reuses_every_form_and_gets_what_the_rules_compute(tmp_path):
    records = [public_action(id=f"hameenlinna:action:{n}", origin_id=str(n)) for n in range(5)]
    with Store(tmp_path / "store.sqlite") as store:
        first, first_forms = run_rules(store, PAST_RETENTION, records)
        again, forms = run_rules(store, PAST_RETENTION, records)
    expected = [publishable(RecordType.ACTION, record, PAST_RETENTION) for record in records]
    assert first == expected and again == expected
    assert PRIVATE_PHONE not in str(again)  # the redacted form, not the record, came back
    assert (first_forms.computed, first_forms.reused) == (5, 0)
    assert (forms.computed, forms.reused) == (0, 5)
    # What was removed is counted on a reuse too: reports describe the published files.
    assert forms.counter == first_forms.counter and forms.counter["phone"] == 5


def test_a_changed_record_is_published_again(tmp_path):
    record = public_action()
    changed = public_action(title="Uusi otsikko, puh. 040 765 4321")
    with Store(tmp_path / "store.sqlite") as store:
        run_rules(store, PAST_RETENTION, [record])
        (published,), forms = run_rules(store, PAST_RETENTION, [changed])
    assert forms.computed == 1
    assert published == publishable(RecordType.ACTION, changed, PAST_RETENTION)


def test_crossing_the_retention_period_publishes_again(tmp_path):
    record = public_action()
    with Store(tmp_path / "store.sqlite") as store:
        (within,), _ = run_rules(store, WITHIN_RETENTION, [record])
        (past,), forms = run_rules(store, PAST_RETENTION, [record])
    assert PRIVATE_PHONE in str(within)
    assert PRIVATE_PHONE not in str(past) and forms.computed == 1


def test_a_new_takedown_acts_although_the_form_is_remembered(tmp_path):
    record = public_action()
    taken_down = PublishingPolicy(
        today=DECIDED + timedelta(days=200), takedowns=frozenset({record["id"]})
    )
    with Store(tmp_path / "store.sqlite") as store:
        run_rules(store, PAST_RETENTION, [record])
        (published,), forms = run_rules(store, taken_down, [record])
    assert published is None and forms.counter["takedown"] == 1


def test_a_form_equal_to_its_record_is_remembered_without_a_copy(tmp_path):
    record = public_action(
        contents=[{"type": "decision", "label": "Päätös", "text": "Hyväksyttiin."}]
    )
    with Store(tmp_path / "store.sqlite") as store:
        (published,), _ = run_rules(store, WITHIN_RETENTION, [record])
        remembered = store.published_forms(RecordType.ACTION)
        (again,), _ = run_rules(store, WITHIN_RETENTION, [record])
    assert published == record == again
    assert remembered[record["id"]][1] is None


def test_forms_made_by_other_rules_are_not_reused(tmp_path, monkeypatch):
    record = public_action()
    with Store(tmp_path / "store.sqlite") as store:
        run_rules(store, PAST_RETENTION, [record])
        monkeypatch.setattr("transform.published_forms.rules_digest", lambda: "other rules")
        _, forms = run_rules(store, PAST_RETENTION, [record])
    assert forms.computed == 1


def test_the_public_copy_has_no_published_forms_or_keyword_tags_table(tmp_path):
    with Store(tmp_path / "store.sqlite") as store:
        run_rules(store, PAST_RETENTION, [public_action()])
        store.save_keyword_tags([("hameenlinna:action:1", "key", "[]")])
        copy = PublicCopy(store._db, tmp_path / "public.sqlite")
        copy.finish(lambda record_type, record: record)
    tables = {
        row[0]
        for row in sqlite3.connect(tmp_path / "public.sqlite").execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'"
        )
    }
    assert "published_forms" not in tables and "actions" in tables
    assert "keyword_tags" not in tables


def test_counts_go_to_the_given_counter(tmp_path):
    counter: collections.Counter = collections.Counter()
    with Store(tmp_path / "store.sqlite") as store:
        PublishedForms(store, PAST_RETENTION).publish(RecordType.ACTION, public_action(), counter)
    assert counter["phone"] == 1
