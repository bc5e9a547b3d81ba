"""The status page (``/fi/status/``, ``/sv/status/``, ``/en/status/``): how the last
nightly update went, for readers.

``build_site(..., status=report)`` gets the nightly run's report (pipeline/nightly.py,
``NightlyReport.as_dict()``). The page shows, per municipality, this run's outcome (ok,
failed, or skipped with the reason), the last successful harvest, a warning in words when
that is more than three days ago (``stale``), the requests made and the harvest errors by
kind; then the run's record counts and what the publishing rules did in this build.

- **Record counts are the run's totals**, said so on the page. The report has no counts per
  municipality, and the change log cannot supply them here: the store's ``changes`` table
  does record each change's municipality and run, but transform/changes.py folds the
  whole log at once (for the dumps), and the report does not carry the id of the
  transform run its changes were logged under.
- **Takedowns and redactions are this build's own counts** (``PublishedStore``): exactly
  what the published site withheld and removed, the numbers the nightly copies into its
  report from ``BuildReport``. Takedowns are a count, never the ids.
- **Only counts and our own words.** Error samples, problems and URLs stay in the run files
  and ``status.json``; a skip reason (written by harvest/run.py, in English) is shown as
  English.

A report from an older or a failed run may lack any key: what is missing counts as zero or
unknown. Without a report the page is still built and says none is available yet, so the
footer link every page carries never leads to a 404.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from pipeline.nightly import STALE_AFTER
from site_builder import i18n
from transform.publishing import REDACTION_KEYS

# A source is stale after this many days without a successful harvest (the nightly decides).
STALE_AFTER_DAYS = STALE_AFTER.days
OK, FAILED, SKIPPED = "ok", "failed", "skipped"
_HTTP_ERROR = re.compile(r"^http_(\d{3})$")


@dataclass(frozen=True)
class SourceStatus:
    """One municipality's line of the report."""

    municipality: str
    outcome: str  # OK, FAILED or SKIPPED
    skipped_reason: str | None
    last_success: str | None  # ISO timestamp
    stale: bool
    requests: int
    pages_saved: int
    pages_unchanged: int
    errors: tuple[tuple[str, int], ...]  # (kind, count), by kind


@dataclass(frozen=True)
class RunStatus:
    run_id: int | None
    started_at: str | None
    sources: tuple[SourceStatus, ...]
    records: dict[str, int]  # added, updated, withdrawn, unchanged: the whole run's
    documents: int
    transform_errors: int
    transform_warnings: int

    @property
    def stale_sources(self) -> list[SourceStatus]:
        return [source for source in self.sources if source.stale]


def run_status(report: Mapping | None) -> RunStatus | None:
    """The page's view of a nightly report; None when there is no report."""
    if not report:
        return None
    sources = report.get("sources") or {}
    transform = report.get("transform") or {}
    return RunStatus(
        run_id=report.get("run_id"),
        started_at=report.get("started_at") or None,
        sources=tuple(
            _source_status(municipality, sources[municipality] or {})
            for municipality in sorted(sources)
        ),
        records={
            "added": _count(transform.get("inserted")),
            "updated": _count(transform.get("updated")),
            "withdrawn": _count(transform.get("withdrawn")),  # the ids, in the report
            "unchanged": _count(transform.get("unchanged")),
        },
        documents=_count(transform.get("documents")),
        transform_errors=_count(transform.get("errors")),
        transform_warnings=_count(transform.get("warnings")),
    )


def _source_status(municipality: str, health: Mapping) -> SourceStatus:
    skipped = health.get("skipped")
    outcome = SKIPPED if skipped else OK if health.get("ok") else FAILED
    errors = health.get("errors") or {}
    return SourceStatus(
        municipality=str(municipality),
        outcome=outcome,
        skipped_reason=skipped if isinstance(skipped, str) else None,
        last_success=health.get("last_success") or None,
        stale=bool(health.get("stale")),
        requests=_count(health.get("requests")),
        pages_saved=_count(health.get("pages_saved")),
        pages_unchanged=_count(health.get("pages_unchanged")),
        errors=tuple(
            sorted(
                ((str(kind), _count(count)) for kind, count in errors.items() if _count(count)),
                key=lambda error: error[0].lower(),
            )
        ),
    )


def _count(value) -> int:
    """A count from the report: a number, or a list (of ids, of problems) to count."""
    if isinstance(value, bool) or value is None:
        return 0
    if isinstance(value, int):
        return value
    if isinstance(value, list | tuple | dict | set | frozenset):
        return len(value)
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def redaction_rows(redactions: Mapping[str, int]) -> list[tuple[str, int]]:
    """Every kind of redaction, in the rules' order, zero included: the page lists them all."""
    return [(key, int(redactions.get(key, 0))) for key in REDACTION_KEYS]


def harvest_error_label(kind: str, language: str) -> str | None:
    """A harvest error kind in words in ``language``; None for a kind we have no words for
    (the page shows the kind itself)."""
    _ = i18n.translator(language)
    match = _HTTP_ERROR.match(kind)
    if match:
        return _("HTTP error %(status)s", status=match.group(1))
    message_id = i18n.HARVEST_ERROR_LABELS.get(kind)
    return _(message_id) if message_id else None


def status_context(
    report: Mapping | None,
    redactions: Mapping[str, int],
    takedowns: int,
    reach: Mapping[str, ArchiveReach] | None = None,
) -> dict:
    """The status page template's context."""
    return {
        "run": run_status(report),
        "redactions": redaction_rows(redactions),
        "takedowns": takedowns,
        "stale_days": STALE_AFTER_DAYS,
        "reach": dict(reach or {}),
    }


@dataclass(frozen=True)
class ArchiveReach:
    """How far back we hold a source's meetings, and how far back the source itself still
    lists them (towns keep one or two years online; keeping the rest is our value)."""

    first: str  # the oldest meeting we hold (ISO timestamp)
    last: str
    meetings: int
    source_since: str | None  # the oldest meeting in the source's latest listings


# Meetings seen within this of a source's newest sighting were in its latest listings.
SEEN_IN_ONE_HARVEST = timedelta(days=2)


def archive_reach(meetings: Iterable[Mapping]) -> dict[str, ArchiveReach]:
    """Per municipality, from its (not withdrawn) meeting records."""
    by_town: dict[str, list[Mapping]] = defaultdict(list)
    for meeting in meetings:
        if meeting.get("start") and not meeting.get("withdrawn_at"):
            by_town[str(meeting.get("municipality"))].append(meeting)
    return {town: _reach(held) for town, held in by_town.items()}


def _reach(meetings: list[Mapping]) -> ArchiveReach:
    starts = sorted(str(meeting["start"]) for meeting in meetings)
    sightings = [(str(m["last_seen"]), str(m["start"])) for m in meetings if m.get("last_seen")]
    source_since = None
    if sightings:
        newest = datetime.fromisoformat(max(seen for seen, _ in sightings))
        listed = [
            start
            for seen, start in sightings
            if newest - datetime.fromisoformat(seen) <= SEEN_IN_ONE_HARVEST
        ]
        source_since = min(listed)
    return ArchiveReach(starts[0], starts[-1], len(starts), source_since)
