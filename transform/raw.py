"""Raw snapshots: the harvested bytes, stored once under their sha256.

``data/raw/<sha[:2]>/<sha256>`` holds the exact bytes of one page or PDF. Naming
files by their hash means a re-harvest of an unchanged page costs no disk, and a
re-parse (new parser version) needs no network.
"""

from __future__ import annotations

import errno
import hashlib
import os
import tempfile
from pathlib import Path


class SnapshotError(OSError):
    """A snapshot cannot be saved or loaded (the message says which and why)."""


class SnapshotMissing(SnapshotError):
    pass


class SnapshotCorrupt(SnapshotError):
    pass


def snapshot_path(raw_dir: Path, sha256: str) -> Path:
    # Two-character shards keep directories small enough to list.
    return Path(raw_dir) / sha256[:2] / sha256


def save_snapshot(raw_dir: Path, body: bytes) -> str:
    """Store ``body`` under its sha256 and return the hash.

    The file appears complete or not at all (temp file, fsync, rename), so a
    crash or a full disk never leaves a truncated snapshot behind.
    """
    sha256 = hashlib.sha256(body).hexdigest()
    path = snapshot_path(raw_dir, sha256)
    if path.exists():
        return sha256
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _write_atomically(path, body)
    except OSError as error:
        raise SnapshotError(_describe_write_failure(path, error)) from error
    return sha256


def load_snapshot(raw_dir: Path, sha256: str) -> bytes:
    """The bytes saved under ``sha256``; raises SnapshotMissing or SnapshotCorrupt."""
    path = snapshot_path(raw_dir, sha256)
    try:
        body = path.read_bytes()
    except FileNotFoundError:
        raise SnapshotMissing(f"raw snapshot {sha256} is missing ({path})") from None
    actual = hashlib.sha256(body).hexdigest()
    if actual != sha256:
        raise SnapshotCorrupt(f"raw snapshot {path} is corrupt: its content hashes to {actual}")
    return body


def _write_atomically(path: Path, body: bytes) -> None:
    # The temp file lives in the target directory so os.replace is a same-filesystem rename.
    fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=".partial-")
    try:
        _write_all(fd, body)
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        os.unlink(temp_name)
        raise
    os.close(fd)
    os.replace(temp_name, path)
    _fsync_directory(path.parent)


def _write_all(fd: int, body: bytes) -> None:
    view = memoryview(body)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _fsync_directory(directory: Path) -> None:
    """Make the rename itself durable (POSIX); a no-op where directories cannot be opened."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _describe_write_failure(path: Path, error: OSError) -> str:
    if error.errno == errno.ENOSPC:
        return f"cannot save raw snapshot {path}: disk full; nothing was written"
    return f"cannot save raw snapshot {path}: {error.strerror or error}"
