"""Where the files the package ships are, and where a run keeps its own data.

Templates, the gettext catalogues, the sample sites and the default configuration ship as
package data and are found with ``importlib.resources``, so an installed wheel works from
any directory. The repository keeps them in its top-level folders (``templates/``,
``data/``, ``sample_sites/``); setup.py maps those folders into the packages that read
them. Run data (store, snapshots, reports) never goes to the install location: it lives
in ``./data`` under the working directory, or ``$AVOIN_DATA_DIR``, or ``--data-dir``.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

DATA_DIR_VARIABLE = "AVOIN_DATA_DIR"


def shipped_directory(package: str) -> Path:
    """The directory of a package shipped with Avoin (installed as plain files)."""
    directory = Path(str(resources.files(package)))
    if not directory.is_dir():  # a zipped install would need extracting; we never zip
        raise FileNotFoundError(f"{package}: package data is not a directory: {directory}")
    return directory


def templates_directory() -> Path:
    return shipped_directory("site_builder.templates")


def sample_sites_directory() -> Path:
    return shipped_directory("sample_sites")


def shipped_defaults_directory() -> Path:
    """The default ``sources.toml`` and ``takedowns.toml`` (the repository's ``data/``)."""
    return shipped_directory("transform.defaults")


def default_data_directory() -> Path:
    """``$AVOIN_DATA_DIR`` when set, else ``./data`` under the working directory."""
    return Path(os.environ.get(DATA_DIR_VARIABLE) or "data")


def configuration_file(data_dir: Path, name: str) -> Path:
    """A configuration file from the data dir when staff keep one there, else the shipped one."""
    own = data_dir / name
    return own if own.is_file() else shipped_defaults_directory() / name
