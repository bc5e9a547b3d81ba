"""benchmarks/scale.py: the partition a batch job would build holds exactly one town's
records of one period, and every store read it measures runs. No timing assertions."""

from __future__ import annotations

import pytest

from benchmarks.corpus import write_corpus
from benchmarks.scale import QUERIES, extract_partition, extrapolate, run_query
from transform.store import Store


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    path = tmp_path_factory.mktemp("scale") / "store.sqlite"
    write_corpus(path, 300)
    return path


def test_a_partition_holds_one_towns_records_of_one_period(corpus, tmp_path):
    partition = tmp_path / "partition.sqlite"
    copied = extract_partition(corpus, partition, "vaasa", "2024")
    with Store(corpus) as whole:
        expected = {
            action["id"]
            for action in whole.actions(municipality="vaasa")
            if action["date"].startswith("2024")
        }
        organizations = {o["id"] for o in whole.organizations(municipality="vaasa")}
    with Store(partition) as store:
        assert {action["id"] for action in store.actions()} == expected
        assert {o["id"] for o in store.organizations()} == organizations
        assert [m["id"] for m in store.municipalities()] == ["vaasa"]
        assert all(m["start"].startswith("2024") for m in store.meetings())
        assert store.counts()["actions"] == copied["actions"] == len(expected) > 0
        assert {change["municipality"] for change in store.iter_changes()} == {"vaasa"}


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_every_store_read_runs(corpus, name):
    arguments = {"store": str(corpus), "town": "vaasa", "period": "2024", "since": "2000-01-01"}
    count = run_query(name, arguments)["count"]
    assert count > 0


def test_the_whole_is_the_partitions_cost_per_action_times_the_actions():
    def step(cpu):
        return {"cpu_seconds": cpu, "peak_rss_mib": 100.0, "children_peak_rss_mib": 300.0}

    results = {
        "store": {"bytes": 2**30, "rows": {"actions": 1000}, "write": {"cpu_seconds": 36.0}},
        "partition": {
            "extract": {"copied": {"actions": 100}},
            "export": step(1.0),
            "build": step(2.0),
            "pagefind": step(0.6),
            "whoosh": step(0.5),
        },
    }
    whole = extrapolate(results, actions=100_000)
    assert whole["cpu_hours_full_build"] == pytest.approx(1.0)  # 3.6 s per 100, 100,000
    assert whole["cpu_hours"]["whoosh"] == pytest.approx(500 / 3600)
    assert whole["store_gib"] == pytest.approx(100)
    assert whole["store_write_cpu_hours"] == pytest.approx(1.0)
    assert whole["partition_peak_mib"]["pagefind"] == 300.0
