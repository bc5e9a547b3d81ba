"""Builds the golden site: the fixed store (store.py) with a fixed clock, policy, dump
index and schema docs, so the output depends on the builder and templates only."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from unittest import mock

from site_builder import build_site
from site_builder.build import BuildReport
from tests.golden.store import FakeStore, site_records
from transform.publishing import PublishingPolicy

EXPECTED_DIR = Path(__file__).resolve().parent / "expected"
GENERATED_AT = "2017-03-22T06:00:00+02:00"
# Absolute, so the golden feeds, sitemaps and JSON-LD show absolute URLs (pages still link
# root-relative).
BASE_URL = "https://avoin.example/"
# The search page belongs to site_builder/search.py and is tested with it
# (tests/test_site_browser.py); static files (the stylesheet, the search script) are copied
# as they are and tested on their own (contrast, no fixed widths). The golden site is the
# pages the builder renders, so it changes only with the builder and its templates.
# The page-input digests (site_builder/fingerprints.py) change with any code change.
NOT_IN_GOLDEN = frozenset(
    {
        "fi/search/index.html",
        "sv/search/index.html",
        "en/search/index.html",
        ".avoin-page-inputs.json",
    }
)
NOT_IN_GOLDEN_DIRS = ("static/",)
# Within the retention period of every fixture decision: nothing is redacted by date.
POLICY = PublishingPolicy(today=date(2017, 3, 22))
DUMP_INDEX = [
    {
        "path": "actions.csv",
        "format": "csv",
        "table": "actions",
        "municipality": None,
        "bytes": 1_534_567,
        "records": 12_345,
        "generated_at": "2017-03-22T03:00:00+00:00",
    },
    {
        "path": "data/vaasa/actions.jsonl",
        "format": "jsonl",
        "table": "actions",
        "municipality": "vaasa",
        "bytes": 999,
        "records": 7,
        "generated_at": "2017-03-22T03:00:00+00:00",
    },
]
SCHEMA_TABLES = (
    SimpleNamespace(
        name="actions",
        en="One agenda item, section or officeholder decision.",
        fi="Yksi asia, pykälä tai viranhaltijapäätös.",
        term="asia / ärende",
        fields=(
            SimpleNamespace(
                name="register_id",
                type="string",
                en="Diary number as written.",
                fi="Diaarinumero sellaisenaan.",
                term="diaarinumero / diarienummer",
                example="VD/1545/00.04.00/2017",
                enum=(),
            ),
            SimpleNamespace(
                name="outcome",
                type="string",
                en="What was decided.",
                fi="",
                term="",
                example="noted",
                enum=("approved_as_proposed", "noted"),
            ),
        ),
    ),
)

# The nightly run's report the status page shows (pipeline/nightly.py, NightlyReport.as_dict):
# one source fine, one failing for days (stale), one skipped that has no records at all.
STATUS = {
    "run_id": 42,
    "started_at": "2017-03-22T00:15:00+00:00",
    "finished_at": None,
    "exit_status": 2,
    "published": False,
    "release": None,
    "sources": {
        "vaasa": {
            "municipality": "vaasa",
            "platform": "ktweb",
            "ok": True,
            "skipped": None,
            "pages_saved": 12,
            "pages_unchanged": 3,
            "requests": 17,
            "requests_failed": 1,
            "errors": {"http_503": 1, "row_error": 2},
            "error_samples": ["http_503: https://…"],
            "last_success": "2017-03-22T00:20:00+00:00",
            "stale": False,
        },
        "kristinestad": {
            "municipality": "kristinestad",
            "platform": "ktweb",
            "ok": False,
            "skipped": None,
            "pages_saved": 0,
            "pages_unchanged": 0,
            "requests": 4,
            "requests_failed": 4,
            "errors": {"source_down": 4, "SSLError": 1},
            "error_samples": [],
            "last_success": "2017-03-17T00:21:00+00:00",
            "stale": True,
        },
        "pedersore": {
            "municipality": "pedersore",
            "platform": "unknown",
            "ok": False,
            "skipped": "no harvester for platform 'unknown' yet",
            "pages_saved": 0,
            "pages_unchanged": 0,
            "requests": 0,
            "errors": {},
            "last_success": None,
            "stale": False,
        },
    },
    "transform": {
        "documents": 9,
        "errors": [{"url": "https://…", "error": "x"}],
        "warnings": [],
        "withdrawn": ["vaasa:action:1"],
        "inserted": 7,
        "updated": 2,
        "unchanged": 40,
        "summary": "…",
    },
    "build": {},
    "requests": {"vaasa": 17, "kristinestad": 4, "pedersore": 0},
    "redactions": {},
    "takedowns": 0,
    "problems": ["a problem the page does not show"],
}


def build_golden_site(out_dir: Path) -> BuildReport:
    data_dir = Path(out_dir) / "data"
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "index.json").write_text(json.dumps(DUMP_INDEX, indent=1) + "\n", encoding="utf-8")
    with mock.patch("site_builder.build.schema_tables_if_available", return_value=SCHEMA_TABLES):
        return build_site(
            FakeStore(site_records()),
            out_dir,
            base_url=BASE_URL,
            generated_at=GENERATED_AT,
            policy=POLICY,
            status=STATUS,
        )


def golden_files(site: Path) -> dict[str, bytes]:
    """Every file of a built golden site by relative path, less those NOT_IN_GOLDEN."""
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file() and _in_golden(path.relative_to(site).as_posix())
    }


def _in_golden(relative_path: str) -> bool:
    return relative_path not in NOT_IN_GOLDEN and not relative_path.startswith(NOT_IN_GOLDEN_DIRS)
