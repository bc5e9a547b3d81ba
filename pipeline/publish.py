"""Atomic publishing: build into a fresh release directory, then swap one symlink.

    public -> .public.releases/20261123T021500.123456789Z/

The web server serves ``public``; it sees the old site or the new one, never a half-built
one, because the switch is a single rename of a symlink. A build that dies leaves only an
unlinked, incomplete release, removed by the next run. The previous release is kept for
``avoin rollback``.

A new release starts as a hard-linked copy of the live one, so an incremental build
writes only what changed. That is safe only because every writer replaces files
(temp file + rename) instead of writing into them: a write into a hard-linked file would
change the live site too. The dumps are not copied: the export makes them anew each time
(the Pagefind index is copied: site_builder/search.py replaces its files one by one and
skips Pagefind altogether when no page changed).
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path

COMPLETE_MARKER = ".release-complete"
NOT_SEEDED = ("data",)
KEEP_RELEASES = 3


class PublishError(RuntimeError):
    """The site could not be published; the live site is unchanged."""


def releases_dir(out: Path) -> Path:
    return out.parent / f".{out.name}.releases"


def current_release(out: Path) -> Path | None:
    """The release the live symlink points at, or None when nothing is published yet."""
    if out.is_symlink():
        return (out.parent / os.readlink(out)).resolve()
    return None


def publish(out: Path, build: Callable[[Path], object]):
    """Run ``build(release_dir)`` on a fresh release, then make it live. Returns build's result."""
    out = Path(out)
    _adopt_plain_directory(out)
    remove_incomplete_releases(out)
    release = _new_release_dir(out)
    try:
        _seed_from(current_release(out), release)
        result = build(release)
    except BaseException:
        # A failed build leaves nothing behind (a killed one is cleaned up next time).
        shutil.rmtree(release, ignore_errors=True)
        raise
    (release / COMPLETE_MARKER).write_text(time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()))
    _point(out, release)
    prune_releases(out)
    return result


def rollback(out: Path) -> Path:
    """Make the release before the live one live again; returns it."""
    out = Path(out)
    live = current_release(out)
    earlier = [r for r in complete_releases(out) if live is None or r.name < live.name]
    if not earlier:
        raise PublishError(f"no earlier complete release of {out} to roll back to")
    _point(out, earlier[-1])
    return earlier[-1]


def complete_releases(out: Path) -> list[Path]:
    root = releases_dir(out)
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir() if (p / COMPLETE_MARKER).is_file())


def remove_incomplete_releases(out: Path) -> list[Path]:
    """Releases a killed build left behind (never linked, never complete)."""
    root = releases_dir(out)
    removed = []
    if root.is_dir():
        for release in root.iterdir():
            if not (release / COMPLETE_MARKER).is_file() and release != current_release(out):
                shutil.rmtree(release)
                removed.append(release)
    return removed


def prune_releases(out: Path, keep: int = KEEP_RELEASES) -> None:
    live = current_release(out)
    for release in complete_releases(out)[:-keep]:
        if release != live:
            shutil.rmtree(release)


def _new_release_dir(out: Path) -> Path:
    # Names sort in creation order: rollback picks "the one before" by name.
    now = time.time_ns()
    stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime(now // 10**9))
    release = releases_dir(out) / f"{stamp}.{now % 10**9:09d}Z"
    release.mkdir(parents=True)
    return release


def _seed_from(live: Path | None, release: Path) -> None:
    if live is None or not live.is_dir():
        return
    for entry in live.iterdir():
        if entry.name in NOT_SEEDED or entry.name == COMPLETE_MARKER:
            continue
        target = release / entry.name
        if entry.is_dir():
            shutil.copytree(entry, target, copy_function=os.link, symlinks=True)
        else:
            os.link(entry, target)


def _point(out: Path, release: Path) -> None:
    """Atomically make ``out`` a symlink to ``release`` (relative, so the tree can move)."""
    temporary = out.parent / f".{out.name}.swap-{os.getpid()}"
    temporary.unlink(missing_ok=True)
    temporary.symlink_to(os.path.relpath(release, out.parent))
    os.replace(temporary, out)


def _adopt_plain_directory(out: Path) -> None:
    """A site built before atomic publishing is a plain directory: make it the first release."""
    if out.is_dir() and not out.is_symlink():
        release = _new_release_dir(out)
        release.rmdir()
        os.rename(out, release)
        (release / COMPLETE_MARKER).write_text("adopted")
        _point(out, release)
    elif out.exists() and not out.is_symlink():
        raise PublishError(f"{out} exists and is not a directory")
