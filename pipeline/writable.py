"""Can a run write where it must? Checked before the lock, so a read-only data dir or web
root is one clear line and exit 2, not a traceback halfway through the night."""

from __future__ import annotations

import errno
import tempfile
from pathlib import Path

# Errors that mean "this path cannot be written", as opposed to a bug or a full disk.
_NOT_WRITABLE = {errno.EACCES, errno.EPERM, errno.EROFS}


def unwritable_reason(directories: list[Path], files: list[Path]) -> str | None:
    """The first path a run could not write, as "PATH is not writable (why)", or None.

    Directories are created when missing and probed with a temporary file (root ignores
    permission bits, so asking ``os.access`` would lie); existing files are opened for
    writing without changing them.
    """
    for directory in directories:
        problem = _directory_problem(directory)
        if problem:
            return problem
    for path in files:
        problem = _file_problem(path)
        if problem:
            return problem
    return None


def describe_not_writable(error: OSError) -> str | None:
    """One line for an OSError that is a permission or read-only failure, else None."""
    if error.errno not in _NOT_WRITABLE:
        return None
    return f"{error.filename or 'a path'} is not writable ({error.strerror})"


def _directory_problem(directory: Path) -> str | None:
    try:
        directory.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=directory, prefix=".avoin-write-probe-"):
            pass
    except OSError as error:
        return f"{directory} is not writable ({error.strerror})"
    return None


def _file_problem(path: Path) -> str | None:
    try:
        with open(path, "r+b"):
            pass
    except FileNotFoundError:
        return None
    except OSError as error:
        return f"{path} is not writable ({error.strerror})"
    return None
