"""Atomic publishing, rollback and the run lock."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys

import pytest

from pipeline.lock import LockBusy, RunLock
from pipeline.publish import (
    PublishError,
    complete_releases,
    current_release,
    publish,
    releases_dir,
    rollback,
)


def tree(path):
    return {p.relative_to(path).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(path.rglob("*")) if p.is_file() and p.name != ".release-complete"}


def write_replacing(path, text):
    """How every writer must write in a release: a new file renamed over the old."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def site_builder(pages):
    def build(release):
        for name, text in pages.items():
            write_replacing(release / name, text)
        return len(pages)
    return build


def test_publish_makes_the_build_live_through_a_symlink(tmp_path):
    out = tmp_path / "public"
    assert publish(out, site_builder({"index.html": "one"})) == 1
    assert out.is_symlink()
    assert (out / "index.html").read_text() == "one"


def test_the_previous_release_is_untouched_by_the_next_build(tmp_path):
    out = tmp_path / "public"
    publish(out, site_builder({"index.html": "one", "a/page.html": "A", "b/page.html": "B"}))
    first = current_release(out)
    before = tree(first)
    publish(out, site_builder({"a/page.html": "A changed"}))
    assert tree(first) == before
    assert (out / "a/page.html").read_text() == "A changed"
    assert (out / "b/page.html").read_text() == "B"  # seeded from the live release


def test_unchanged_files_are_shared_not_copied(tmp_path):
    out = tmp_path / "public"
    publish(out, site_builder({"big.html": "x" * 10000}))
    first = current_release(out)
    publish(out, site_builder({}))
    assert (out / "big.html").stat().st_ino == (first / "big.html").stat().st_ino


def test_dumps_are_not_seeded(tmp_path):
    out = tmp_path / "public"
    publish(out, site_builder({"data/actions.csv": "old", "pagefind/x.pf": "kept"}))
    publish(out, site_builder({"index.html": "new"}))
    assert not (out / "data").exists()
    assert (out / "pagefind" / "x.pf").read_text() == "kept"


def test_a_failing_build_leaves_the_live_site_as_it_was(tmp_path):
    out = tmp_path / "public"
    publish(out, site_builder({"index.html": "good"}))

    def broken(release):
        write_replacing(release / "index.html", "half")
        raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError):
        publish(out, broken)
    assert (out / "index.html").read_text() == "good"
    # The next run removes the half-built release.
    publish(out, site_builder({}))
    assert all((r / ".release-complete").exists() for r in releases_dir(out).iterdir())


def test_rollback_returns_to_the_previous_release_and_fails_clearly_without_one(tmp_path):
    out = tmp_path / "public"
    with pytest.raises(PublishError):
        rollback(out)
    publish(out, site_builder({"index.html": "one"}))
    with pytest.raises(PublishError, match="no earlier"):
        rollback(out)
    publish(out, site_builder({"index.html": "two"}))
    rollback(out)
    assert (out / "index.html").read_text() == "one"


def test_old_releases_are_pruned(tmp_path):
    out = tmp_path / "public"
    for number in range(5):
        publish(out, site_builder({"index.html": str(number)}))
    assert len(complete_releases(out)) == 3
    assert (out / "index.html").read_text() == "4"


def test_a_plain_directory_from_before_is_adopted(tmp_path):
    out = tmp_path / "public"
    out.mkdir()
    (out / "index.html").write_text("legacy")
    publish(out, site_builder({"new.html": "n"}))
    assert out.is_symlink()
    assert (out / "index.html").read_text() == "legacy"
    rollback(out)
    assert not (out / "new.html").exists()


def test_lock_stops_a_second_run(tmp_path):
    path = tmp_path / "avoin.lock"
    with RunLock(path), pytest.raises(LockBusy, match="another run"):
        RunLock(path).acquire()
    assert not path.exists()


def test_a_stale_lock_of_a_dead_process_is_taken_over(tmp_path):
    path = tmp_path / "avoin.lock"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    path.write_text(json.dumps({"pid": int(dead.stdout), "since": "yesterday"}))
    lock = RunLock(path)
    with lock:
        assert lock.stale_taken_over["pid"] == int(dead.stdout)
        assert json.loads(path.read_text())["pid"] == os.getpid()
