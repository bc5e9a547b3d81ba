"""Municipalities built in worker processes (site_builder/parallel.py) give the very site a
single process builds, on a real store (the benchmark's synthetic corpus)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from benchmarks.corpus import change_actions, write_corpus
from site_builder.build import build_site
from site_builder.parallel import _groups
from transform.publishing import PublishingPolicy
from transform.store import Store

POLICY = PublishingPolicy(today=date(2026, 12, 1))


def tree(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("parallel") / "store.sqlite"
    write_corpus(path, 300, 7)
    with Store(path) as opened:
        yield opened


def test_two_workers_build_what_one_builds(store, tmp_path):
    serial = build_site(store, tmp_path / "serial", policy=POLICY, workers=1)
    parallel = build_site(store, tmp_path / "parallel", policy=POLICY, workers=2)
    assert tree(tmp_path / "serial") == tree(tmp_path / "parallel")
    assert sorted(serial.written_paths) == sorted(parallel.written_paths)
    assert (serial.redactions, serial.withheld) == (parallel.redactions, parallel.withheld)


def test_an_incremental_parallel_build_keeps_what_did_not_change(store, tmp_path):
    build_site(store, tmp_path / "site", policy=POLICY, workers=2)
    changed = change_actions(store, count=2, recent=True)
    report = build_site(store, tmp_path / "site", policy=POLICY, workers=2)
    build_site(store, tmp_path / "full", policy=POLICY, workers=1)
    assert tree(tmp_path / "site") == tree(tmp_path / "full")
    assert report.unchanged > 10 * report.written  # most pages were kept
    written = "\n".join(report.written_paths)
    assert all(action_id.split(":")[-1] in written for action_id in changed)


def test_groups_are_balanced_and_keep_the_store_order(store):
    municipalities = sorted(store.municipalities(), key=lambda record: record["id"])
    groups = _groups(store, municipalities, 2)
    assert len(groups) == 2
    assert sorted(m["id"] for group in groups for m in group) == [m["id"] for m in municipalities]
    for group in groups:
        ids = [m["id"] for m in group]
        assert ids == sorted(ids)


def test_a_store_without_a_path_is_built_in_one_group(store):
    class InMemory:
        def municipalities(self):
            return store.municipalities()

    assert len(_groups(InMemory(), store.municipalities(), 2)) == 1
