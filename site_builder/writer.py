"""Writes the built site: only files whose bytes changed, each replaced atomically.

Skipping unchanged files keeps file times stable for the web server, the CDN and a later
incremental build. A file is written to a temporary sibling and moved over the old one
with ``os.replace``, so a reader never sees half a page.

The writer keeps a manifest of the files it produced (``MANIFEST_FILE``). The next build
deletes files that were in the manifest but were not produced again: pages of records that
vanished (a takedown, a record the source dropped). Files other stages put in the same
directory (dumps under ``data/``, the Pagefind index) are never in the manifest, so never
touched.
"""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

MANIFEST_FILE = ".avoin-site-files"


class UnsafePathError(ValueError):
    """A page path that would land outside the output directory."""


class SiteWriter:
    def __init__(self, out_dir: Path):
        self.out_dir = Path(out_dir).resolve()
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self._root = f"{self.out_dir}{os.sep}"
        self.written: list[str] = []
        self.unchanged: list[str] = []
        self.deleted: list[str] = []
        self._produced: dict[str, int] = {}  # path -> size in bytes
        # Directories known to exist inside out_dir (resolved once each, not once per file).
        self._safe_directories: set[Path] = {self.out_dir}
        self._safe_relative: set[str] = set()  # the same for kept pages, relative to out_dir
        self._new_directories: set[Path] = set()  # made by this writer, so empty before it

    def write_text(self, relative_path: str, text: str) -> bool:
        """Write ``text`` at ``relative_path`` unless the file already holds it; True if written."""
        target = self.target_of(relative_path)
        if relative_path in self._produced:
            # Two records mapped to one page; one would silently replace the other.
            raise UnsafePathError(f"two pages at {relative_path!r} in one build")
        data = text.encode("utf-8")
        self._produced[relative_path] = len(data)
        self._ensure_directory(relative_path, target.parent)
        # A directory this build made holds nothing from before: nothing to compare with.
        if target.parent not in self._new_directories and _holds(target, data):
            self.unchanged.append(relative_path)
            return False
        _replace_atomically(target, data)
        self.written.append(relative_path)
        return True

    def keep(self, relative_paths: list[str]) -> bool:
        """Count existing files as produced by this build without rewriting them (their
        inputs did not change). All or nothing: False, and none counted, when one of them
        is not there and all must be written."""
        sizes = []
        for relative_path in relative_paths:
            if relative_path in self._produced:
                raise UnsafePathError(f"two pages at {relative_path!r} in one build")
            _check_plain(relative_path)
            try:
                self._check_directory(relative_path, relative_path.rpartition("/")[0])
                sizes.append(os.stat(self._root + relative_path).st_size)
            except FileNotFoundError:
                return False
        for relative_path, size in zip(relative_paths, sizes, strict=True):
            self._produced[relative_path] = size
            self.unchanged.append(relative_path)
        return True

    @property
    def produced(self) -> dict[str, int]:
        """Every file this build produced (written or kept) and its size."""
        return self._produced

    def adopt(self, written: list[str], unchanged: list[str], produced: dict[str, int]) -> None:
        """Count files another writer (a worker process, site_builder/parallel.py) produced
        in the same directory as this build's own."""
        clashes = produced.keys() & self._produced.keys()
        if clashes:
            raise UnsafePathError(f"two pages at {sorted(clashes)[0]!r} in one build")
        self._produced.update(produced)
        self.written.extend(written)
        self.unchanged.extend(unchanged)

    def size_of(self, relative_path: str) -> int:
        return self._produced[relative_path]

    def finish(self) -> None:
        """Delete what the previous build produced and this one did not; save the manifest."""
        manifest = self.out_dir / MANIFEST_FILE
        previous = manifest.read_text(encoding="utf-8").split() if manifest.exists() else []
        for relative_path in sorted(set(previous) - set(self._produced)):
            target = self.target_of(relative_path)  # a tampered manifest cannot reach outside
            if target.is_file():
                target.unlink()
                self.deleted.append(relative_path)
                _remove_empty_parents(target.parent, self.out_dir)
        listing = "".join(f"{path}\n" for path in sorted(self._produced))
        if not _holds(manifest, listing.encode("utf-8")):
            _replace_atomically(manifest, listing.encode("utf-8"))

    def target_of(self, relative_path: str) -> Path:
        """The absolute target; refuses anything that is not a plain path inside out_dir.

        paths.page_path already makes safe paths; this is the last line of defence should
        a future caller pass something else.
        """
        _check_plain(relative_path)
        target = Path(f"{self._root}{relative_path}")  # one parse, not one per part
        if target.parent not in self._safe_directories and target.parent.exists():
            self._check_inside(relative_path, target.parent)
        return target

    def _check_directory(self, relative_path: str, directory: str) -> None:
        """``_check_inside`` for a kept page, on strings: one lstat per directory not seen
        yet, no Path objects (a night keeps a hundred thousand pages, each in its own
        directory). FileNotFoundError when a directory is not there."""
        if not directory or directory in self._safe_relative:
            return
        self._check_directory(relative_path, directory.rpartition("/")[0])
        if stat.S_ISLNK(os.lstat(self._root + directory).st_mode):
            self._check_inside(relative_path, Path(self._root + directory))
        self._safe_relative.add(directory)

    def _ensure_directory(self, relative_path: str, directory: Path) -> None:
        """Create the missing directories up to the nearest one known to be safe; one that
        exists but is not known yet is checked first (it may be a planted symlink)."""
        missing = []
        while directory not in self._safe_directories:
            if directory.exists():
                self._check_inside(relative_path, directory)
                break
            missing.append(directory)
            directory = directory.parent
        for new_directory in reversed(missing):
            try:
                new_directory.mkdir()
                self._new_directories.add(new_directory)
            except FileExistsError:  # made meanwhile by another process: not known empty
                pass
            self._safe_directories.add(new_directory)

    def _check_inside(self, relative_path: str, directory: Path) -> None:
        """A directory on the way (a symlink planted in the tree) must not lead outside.
        The file itself may be a symlink: it is replaced, never written through."""
        # Walk up to a directory known to be safe, then down again: a real directory in a
        # safe one is safe, so each costs one lstat instead of resolving the whole path.
        unchecked = []
        while directory not in self._safe_directories:
            if directory == directory.parent:  # walked past the root: not in out_dir at all
                raise UnsafePathError(f"{relative_path!r} is outside {self.out_dir}")
            unchecked.append(directory)
            directory = directory.parent
        for directory in reversed(unchecked):
            if directory.is_symlink() and not directory.resolve().is_relative_to(self.out_dir):
                raise UnsafePathError(f"{relative_path!r} resolves outside {self.out_dir}")
            self._safe_directories.add(directory)


def _check_plain(relative_path: str) -> None:
    parts = relative_path.split("/")
    if "\\" in relative_path or any(part in ("", ".", "..") for part in parts):
        raise UnsafePathError(f"not a plain relative path: {relative_path!r}")


def _holds(target: Path, data: bytes) -> bool:
    try:
        return target.stat().st_size == len(data) and target.read_bytes() == data
    except FileNotFoundError:
        return False


def _remove_empty_parents(directory: Path, root: Path) -> None:
    while directory != root and directory.is_relative_to(root) and not any(directory.iterdir()):
        directory.rmdir()
        directory = directory.parent


def write_if_changed(target: Path, data: bytes) -> bool:
    """Replace ``target`` atomically with ``data`` unless it already holds exactly that;
    True if written. For files outside a build's manifest (the search index)."""
    if _holds(target, data):
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    _replace_atomically(target, data)
    return True


def _replace_atomically(target: Path, data: bytes) -> None:
    # One builder per output directory (the nightly lock), so process and thread make the
    # name unique; O_EXCL refuses a planted file or symlink of that name.
    temporary = target.parent / (f".tmp-{os.getpid()}-{threading.get_ident()}-{target.name}.part")
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    try:
        try:
            # Static pages are world-readable, whatever the umask says.
            os.fchmod(handle, 0o644)
            _write_all(handle, data)
        finally:
            os.close(handle)
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _write_all(handle: int, data: bytes) -> None:
    """``os.write`` until every byte is written (a plain file takes them in one go; a
    buffered file object around it cost more than the write)."""
    view = memoryview(data)
    while view:
        view = view[os.write(handle, view) :]
