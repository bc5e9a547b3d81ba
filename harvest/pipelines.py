"""Saves every response content-addressed under data/raw/ and logs every request in the store."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from transform.raw import save_snapshot
from transform.schema import PageKind
from transform.store import Store


class RawSnapshotPipeline:
    def __init__(self, store_path: str, raw_dir: str, run_id: int, stats):
        self.stats = stats
        self.store_path = store_path
        self.raw_dir = Path(raw_dir)
        self.run_id = run_id
        self.store = None

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        return cls(
            settings["AVOIN_STORE_PATH"],
            settings["AVOIN_RAW_DIR"],
            settings.getint("AVOIN_RUN_ID"),
            crawler.stats,
        )

    def open_spider(self, spider=None):
        self.store = Store(self.store_path)

    def close_spider(self, spider=None):
        self.store.close()

    def process_item(self, item, spider=None):
        body = item.pop("body", None)
        not_modified = item.pop("not_modified", False)
        fields = {
            **item,
            "run_id": self.run_id,
            "fetched_at": _now(),
            "context": json.dumps(item.get("context") or {}, sort_keys=True),
        }
        if not_modified:
            self.store.log_request(**fields)  # status 304 with the sha256 we already hold
            self.stats.inc_value("avoin/pages_unchanged")
            return item
        if body is not None:
            try:
                fields["sha256"] = save_snapshot(self.raw_dir, body)
                fields["bytes"] = len(body)
            except OSError as error:
                # Disk full or similar: the request is logged as failed, nothing is half-written.
                fields["error"] = f"snapshot_write_failed: {error}"
                self.stats.inc_value("avoin/errors/snapshot_write_failed")
        self.store.log_request(**fields)
        self.stats.inc_value("avoin/pages_saved" if body is not None else "avoin/requests_failed")
        if item.get("page_kind") == PageKind.ATTACHMENT_FILE:
            saved = body is not None and "error" not in fields
            self.stats.inc_value(f"avoin/attachments/{'fetched' if saved else 'failed'}")
        return item


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
