"""Store -> static site. Entry point: ``build_site`` (site_builder/build.py)."""

__all__ = ["BuildReport", "build_site"]


def __getattr__(name: str):
    # Imported on first use: the search index (site_builder.search), run by itself after a
    # build, needs none of the builder (0.6 CPU s of imports).
    if name in __all__:
        from site_builder import build

        return getattr(build, name)
    raise AttributeError(f"module 'site_builder' has no attribute {name!r}")
