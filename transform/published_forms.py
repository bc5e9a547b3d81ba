"""The publishing rules with a memory: each record's published form is kept in the store
(table ``published_forms``) under a key of everything it depends on, so the dumps, the
site and the next night reuse it instead of running the rules again.

The rules (transform/publishing.py) are most of the cost of reading the archive for
publishing; a night changes a few hundred records of a hundred thousand. What a record's
published form depends on: the record itself, whether it is past the retention period
today (the only way the date enters the rules), and the rules' own code. Takedowns are
checked before the memory is consulted, so a new takedown acts at once. A published form
equal to the record is remembered as "unchanged" (no copy of the text is kept); the table
is never copied into the public dump (transform/store.py PublicCopy).
"""

from __future__ import annotations

import collections
import hashlib
import json
from pathlib import Path

from transform.publishing import (
    PublishingPolicy,
    is_taken_down,
    past_retention,
    publishable,
)
from transform.schema import RecordType

_TRANSFORM_DIR = Path(__file__).resolve().parent
# The modules whose code decides a published form.
RULES_MODULES = ("publishing.py", "privacy.py", "reader_view.py", "published_forms.py")


def rules_digest() -> str:
    digest = hashlib.sha256()
    for name in RULES_MODULES:
        digest.update((_TRANSFORM_DIR / name).read_bytes())
    return digest.hexdigest()


class PublishedForms:
    """``publish(record_type, record, counter)``: ``publishable`` for the store's records,
    remembered.

    Redaction counts go to ``counter`` when one is given, on a reuse too (a report counts
    what the published files hold, not what this run happened to compute). Call ``save()``
    to keep what was computed; without it the next run computes it again.
    """

    def __init__(self, store, policy: PublishingPolicy):
        self.store = store
        self.policy = policy
        self.computed = 0
        self.reused = 0
        self._salt = rules_digest().encode("ascii")
        self._known: dict[RecordType, dict] = {}
        self._new: dict[RecordType, list[tuple]] = collections.defaultdict(list)

    def publish(
        self, record_type: RecordType, record: dict, counter: collections.Counter | None = None
    ) -> dict | None:
        """The record as it may be published, or None when it must not be (a takedown)."""
        record_type = RecordType(record_type)
        counter = counter if counter is not None else collections.Counter()
        if is_taken_down(record, self.policy):
            counter["takedown"] += 1
            return None
        key = self._input_key(record_type, record)
        remembered = self._remembered(record_type).get(_memory_id(record))
        if remembered is not None and remembered[0] == key:
            self.reused += 1
            return self._recalled(record, remembered, counter)
        counts: collections.Counter = collections.Counter()
        published = publishable(record_type, record, self.policy, counts)
        counter.update(counts)
        self.computed += 1
        self._new[record_type].append(
            (
                _memory_id(record),
                key,
                # Key order kept: dumps write fields in the order the record has them.
                None if published == record else json.dumps(published, ensure_ascii=False),
                json.dumps(dict(counts), sort_keys=True),
            )
        )
        return published

    def save(self) -> None:
        """Remember what this run computed."""
        for record_type, rows in self._new.items():
            if rows:
                self.store.save_published_forms(record_type, rows)
        self._new.clear()

    def _input_key(self, record_type: RecordType, record: dict) -> str:
        digest = hashlib.sha256(self._salt)
        digest.update(b"1" if past_retention(record_type, record, self.policy) else b"0")
        digest.update(_canonical(record).encode("utf-8"))
        return digest.hexdigest()

    def _remembered(self, record_type: RecordType) -> dict:
        if record_type not in self._known:
            self._known[record_type] = self.store.published_forms(record_type)
        return self._known[record_type]

    @staticmethod
    def _recalled(record: dict, remembered: tuple, counter: collections.Counter) -> dict:
        _, data, counts = remembered
        if counts != "{}":
            counter.update(json.loads(counts))
        # A copy either way: callers may complete or change what they get.
        return dict(record) if data is None else json.loads(data)


def _memory_id(record: dict) -> str:
    # Earlier versions of an action share its id.
    version = record.get("version")
    return record["id"] if version is None else f"{record['id']}@{version}"


def _canonical(record: dict) -> str:
    return json.dumps(record, sort_keys=True, ensure_ascii=False, default=str)
