"""Packaging that setup.cfg cannot say: the required top-level folders ``templates/`` and
``data/`` ship inside the packages that read them (transform/resources.py finds them)."""

from setuptools import find_packages, setup

CODE_PACKAGES = ["harvest", "transform", "site_builder", "pipeline", "sample_sites"]
MAPPED_FOLDERS = {"site_builder.templates": "templates", "transform.defaults": "data"}

setup(
    packages=find_packages(include=[p + suffix for p in CODE_PACKAGES for suffix in ("", ".*")])
    + list(MAPPED_FOLDERS),
    package_dir=MAPPED_FOLDERS,
)
