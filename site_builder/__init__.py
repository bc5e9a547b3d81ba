"""Store -> static site. Entry point: ``build_site`` (site_builder/build.py)."""

from site_builder.build import BuildReport, build_site

__all__ = ["BuildReport", "build_site"]
