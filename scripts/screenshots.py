"""Regenerate docs/screenshots/: the home, meeting and action pages in Finnish and Swedish.

Builds the demo site in a temporary directory, serves it on 127.0.0.1 and photographs it in
headless Debian Chromium at 1280 px wide (the same machinery as the browser tests).

Example: .venv/bin/python scripts/screenshots.py
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from site_builder.paths import page_path  # noqa: E402
from tests.browser import (  # noqa: E402
    CHROMIUM_FLAGS,
    build_demo_site,
    chromium_path,
    serve,
    showcase_action,
    url_path,
)
from transform.store import Store  # noqa: E402

WIDTH = 1280
MAX_HEIGHT = 1800  # long pages are cut here: a screenshot shows the look, not every item
LANGUAGES = ("fi", "sv")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    chromium = chromium_path()
    if chromium is None:
        sys.exit("screenshots.py: Chromium not found (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="avoin-screenshots-") as tmp:
        public = build_demo_site(Path(tmp))
        pages = pages_to_show(Path(tmp) / "data" / "avoin.sqlite")
        with serve(public) as base_url, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
            page = browser.new_page(viewport={"width": WIDTH, "height": 900})
            for language in LANGUAGES:
                for kind, path in pages.items():
                    page.goto(f"{base_url}{language}/{path}")
                    height = min(
                        MAX_HEIGHT, page.evaluate("() => document.documentElement.scrollHeight")
                    )
                    target = args.out / f"{language}-{kind}.png"
                    page.screenshot(
                        path=str(target),
                        full_page=True,
                        clip={"x": 0, "y": 0, "width": WIDTH, "height": height},
                    )
                    print(f"wrote {target.relative_to(ROOT)}")
            browser.close()


def pages_to_show(store_path: Path) -> dict[str, str]:
    """Paths within a language tree: the home page, and a real decision with its meeting."""
    with Store(store_path) as store:
        municipalities = [m["id"] for m in store.municipalities()]
        action = showcase_action(store.actions())
    return {
        "home": "",
        "meeting": url_path(page_path(action["meeting"], municipalities)),
        "action": url_path(page_path(action["id"], municipalities)),
    }


if __name__ == "__main__":
    main()
