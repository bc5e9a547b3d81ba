"""Writes the built site: only files whose bytes changed, each replaced atomically.

Skipping unchanged files keeps file times stable for the web server, the CDN and a later
incremental build. A file is written to a temporary sibling and moved over the old one
with ``os.replace``, so a reader never sees half a page.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class UnsafePathError(ValueError):
    """A page path that would land outside the output directory."""


class SiteWriter:
    def __init__(self, out_dir: Path):
        self.out_dir = Path(out_dir).resolve()
        self.written: list[str] = []
        self.unchanged: list[str] = []
        self._produced: set[str] = set()

    def write_text(self, relative_path: str, text: str) -> bool:
        """Write ``text`` at ``relative_path`` unless the file already holds it; True if written."""
        target = self.target_of(relative_path)
        if relative_path in self._produced:
            # Two records mapped to one page; one would silently replace the other.
            raise UnsafePathError(f"two pages at {relative_path!r} in one build")
        self._produced.add(relative_path)
        data = text.encode("utf-8")
        if _holds(target, data):
            self.unchanged.append(relative_path)
            return False
        target.parent.mkdir(parents=True, exist_ok=True)
        _replace_atomically(target, data)
        self.written.append(relative_path)
        return True

    def target_of(self, relative_path: str) -> Path:
        """The absolute target; refuses anything that is not a plain path inside out_dir.

        paths.page_path already makes safe paths; this is the last line of defence should
        a future caller pass something else.
        """
        parts = relative_path.split("/")
        if "\\" in relative_path or any(part in ("", ".", "..") for part in parts):
            raise UnsafePathError(f"not a plain relative path: {relative_path!r}")
        target = self.out_dir.joinpath(*parts)
        if not target.resolve().is_relative_to(self.out_dir):
            raise UnsafePathError(f"{relative_path!r} resolves outside {self.out_dir}")
        return target


def _holds(target: Path, data: bytes) -> bool:
    try:
        return target.stat().st_size == len(data) and target.read_bytes() == data
    except FileNotFoundError:
        return False


def _replace_atomically(target: Path, data: bytes) -> None:
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        # Static pages are world-readable; mkstemp's private 0600 would hide them from the server.
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        os.unlink(temporary)
        raise
