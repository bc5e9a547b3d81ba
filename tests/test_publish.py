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
    return {
        p.relative_to(path).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(path.rglob("*"))
        if p.is_file() and p.name != ".release-complete"
    }


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
    # The failed build left no half-built release behind.
    assert all((r / ".release-complete").exists() for r in releases_dir(out).iterdir())
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
    RunLock(path).acquire()  # free again once released


def test_a_held_lock_whose_file_is_still_empty_is_not_taken_over(tmp_path):
    """The old lock wrote its owner after creating the file; a second run reading the
    empty file in between took it over (issue 13, 3)."""
    path = tmp_path / "avoin.lock"
    with RunLock(path):
        path.write_text("")
        with pytest.raises(LockBusy):
            RunLock(path).acquire()


def test_a_lock_file_naming_a_live_unrelated_pid_does_not_block(tmp_path):
    """A dead run's pid reused by another process blocked every night (issue 13, 4)."""
    path = tmp_path / "avoin.lock"
    path.write_text(json.dumps({"pid": os.getppid(), "since": "yesterday"}))
    lock = RunLock(path)
    with lock:
        assert json.loads(path.read_text())["pid"] == os.getpid()


def test_the_lock_of_a_killed_run_is_free(tmp_path):
    path = tmp_path / "avoin.lock"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pipeline.lock import RunLock; "
            f"RunLock({str(path)!r}).acquire(); print('held', flush=True); time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(LockBusy, match=f"pid {holder.pid}"):
            RunLock(path).acquire()
    finally:
        holder.kill()
        holder.wait()
    with RunLock(path):
        pass


_OVERLAP_WORKER = """
import os, sys
from pipeline.lock import LockBusy, RunLock
lock_path, inside = sys.argv[1], sys.argv[2]
for _ in range(300):
    try:
        lock = RunLock(lock_path)
        lock.acquire()
    except LockBusy:
        continue
    try:
        fd = os.open(inside, os.O_CREAT | os.O_EXCL | os.O_WRONLY)  # fails if another is in
        os.close(fd)
        os.unlink(inside)
    except FileExistsError:
        print("overlap", flush=True)
    finally:
        lock.release()
"""


def test_runs_in_a_tight_loop_never_overlap(tmp_path):
    """The adversarial run saw 800+ overlaps in 8 s this way with the old lock."""
    workers = [
        subprocess.Popen(
            [
                sys.executable,
                "-c",
                _OVERLAP_WORKER,
                str(tmp_path / "avoin.lock"),
                str(tmp_path / "inside"),
            ],
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    outputs = [worker.communicate(timeout=60)[0] for worker in workers]
    assert all(worker.returncode == 0 for worker in workers)
    assert "overlap" not in "".join(outputs)
