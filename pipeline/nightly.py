"""`avoin nightly`: harvest what is new, transform, build, publish atomically, report.

Exit status (what cron and monitoring read):
  0  every source harvested fine and the site was published;
  1  some sources failed, or a source's item documents read as mostly "other" (template
     drift): the site was published with their last good data;
  2  nothing was published (the build failed, or another run holds the lock).

Every run writes a JSON report to ``data/runs/<run id>.json`` and, inside the published
site, ``status.json`` (the status page reads it). On failure a notification command or
webhook from configuration is called with the report.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from pipeline.lock import LockBusy, RunLock
from pipeline.notify import NotifyConfig, notify
from pipeline.publish import publish, releases_dir
from pipeline.writable import describe_not_writable, unwritable_reason
from transform.privacy import redact_hetus

logger = logging.getLogger(__name__)

EXIT_OK, EXIT_SOME_SOURCES_FAILED, EXIT_NOTHING_PUBLISHED = 0, 1, 2
STALE_AFTER = timedelta(days=3)


@dataclass
class NightlyReport:
    run_id: int | None
    started_at: str
    finished_at: str | None = None
    exit_status: int = EXIT_NOTHING_PUBLISHED
    published: bool = False
    release: str | None = None
    sources: dict[str, dict] = field(default_factory=dict)
    transform: dict = field(default_factory=dict)
    build: dict = field(default_factory=dict)
    requests: dict[str, int] = field(default_factory=dict)
    redactions: dict[str, int] = field(default_factory=dict)
    takedowns: int = 0
    problems: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return dict(self.__dict__)

    def summary_lines(self) -> list[str]:
        lines = [
            f"run {self.run_id}: exit {self.exit_status}, "
            f"{'the site was published' if self.published else 'NOT published'}"
        ]
        for municipality, health in sorted(self.sources.items()):
            state = "ok" if health["ok"] else ("skipped" if health.get("skipped") else "FAILED")
            errors = ", ".join(f"{k} {v}" for k, v in sorted(health["errors"].items()))
            stale = "  STALE: no success for over 3 days" if health.get("stale") else ""
            lines.append(
                f"  {municipality:<13} {state:<8} requests {health['requests']:<4} "
                f"last success {health.get('last_success') or 'never'}"
                f"{'  (' + errors + ')' if errors else ''}{stale}"
            )
        lines += self._attachment_lines()
        if self.transform:
            lines.append(f"  transform: {self.transform.get('summary', '')}")
            lines += _drift_lines(self.transform.get("templates") or {})
        lines += [f"  problem: {problem}" for problem in self.problems]
        return lines

    def _attachment_lines(self) -> list[str]:
        """Attachments over all sources: fetched, failed, withheld (harvest), read (transform)."""
        totals = {
            key: sum(h.get(f"attachments_{key}", 0) for h in self.sources.values())
            for key in ("fetched", "failed", "withheld")
        }
        read = dict(self.transform.get("attachments") or {})
        if not any(totals.values()) and not read:
            return []
        extracted = read.pop("extracted", 0)
        without_text = ", ".join(f"{status} {n}" for status, n in sorted(read.items()))
        return [
            f"  attachments: {totals['fetched']} fetched, {extracted} extracted, "
            f"{sum(read.values())} without text{f' ({without_text})' if without_text else ''}, "
            f"{totals['failed']} failed to fetch, {totals['withheld']} withheld (not public)"
        ]


def _drift_lines(templates: dict) -> list[str]:
    """Per source: item documents read, share in known sections, unknown labels, flag."""
    lines = []
    for source, drift in sorted(templates.items()):
        labels = ", ".join(f"{label!r} ({n})" for label, n in drift["unknown_labels"].items())
        lines.append(
            f"  documents {source}: {drift['documents']} read, "
            f"{drift['known_share']:.0%} in known sections"
            f"{'; unknown labels: ' + labels if labels else ''}"
            f"{'  FLAGGED' if drift['flagged'] else ''}"
        )
    return lines


@dataclass
class NightlySteps:
    """The stages, injected so tests can make any of them fail."""

    harvest: Callable[[], list]  # -> list of harvest.run.SourceReport
    transform: Callable[[], object]  # -> transform.run.TransformReport
    # (release dir, the run report so far: the status page shows it) -> build summary
    build: Callable[[Path, dict], dict]


def run_nightly(
    steps: NightlySteps,
    *,
    data_dir: Path,
    out: Path,
    notify_config: NotifyConfig | None = None,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> NightlyReport:
    report = NightlyReport(run_id=None, started_at=_iso(now()))
    not_writable = unwritable_reason(*_places_written(data_dir, Path(out)))
    if not_writable:  # no run file either (run_id stays None): it could not be written
        report.problems.append(not_writable)
    else:
        _run_with_lock(steps, report, data_dir, out, now)
    report.finished_at = _iso(now())
    _write_run_file(report, data_dir)
    if report.exit_status != EXIT_OK and notify_config is not None:
        problem = notify(notify_config, report.as_dict())
        if problem:
            report.problems.append(problem)
    return report


def _run_with_lock(steps, report, data_dir, out, now) -> None:
    try:
        with RunLock(data_dir / "avoin.lock"):
            _run_locked(steps, report, data_dir, out, now)
    except LockBusy as error:
        report.problems.append(str(error))
        report.exit_status = EXIT_NOTHING_PUBLISHED
    except OSError as error:
        # Something became unwritable during the run (remounted read-only): one line.
        reason = describe_not_writable(error)
        if reason is None:
            raise
        report.problems.append(reason)
        report.exit_status = EXIT_NOTHING_PUBLISHED


def _places_written(data_dir: Path, out: Path) -> tuple[list[Path], list[Path]]:
    """(directories, existing files) a run writes into."""
    directories = [data_dir, data_dir / "raw", data_dir / "runs", out.parent, releases_dir(out)]
    store = data_dir / "avoin.sqlite"
    files = [store, Path(f"{store}-wal"), Path(f"{store}-shm"), data_dir / "avoin.lock"]
    return directories, files


def _run_locked(steps, report, data_dir, out, now) -> None:
    report.run_id = _next_run_number(data_dir)
    previous = _previous_health(data_dir)
    source_reports = steps.harvest()
    report.sources = _health(source_reports, previous, now())
    report.requests = {r.municipality: r.requests for r in source_reports}
    transform_report = steps.transform()
    report.transform = {**transform_report.as_dict(), "summary": str(transform_report)}
    # Template drift (a source's documents read as mostly 'other') is a problem to act on.
    report.problems += report.transform.get("problems") or []

    def build(release: Path) -> dict:
        summary = steps.build(release, public_report(report))
        report.published = True
        report.release = release.name
        report.finished_at = _iso(now())
        report.exit_status = _exit_status(report)  # what the run will exit with, if live
        # Imported here: the site imports STALE_AFTER from this module.
        from site_builder.writer import write_if_changed

        # Replaced, never written into: the release is hard-linked to the live one.
        write_if_changed(
            release / "status.json",
            json.dumps(public_report(report), ensure_ascii=False, indent=2).encode("utf-8"),
        )
        return summary

    try:
        report.build = publish(out, build) or {}
        report.redactions = report.build.get("redactions", {})
        report.takedowns = report.build.get("takedowns", 0)
    except Exception as error:  # any build failure: the live site stays as it was
        logger.exception("build failed")
        report.published = False
        report.problems.append(f"build failed, site not published: {error}")
    report.exit_status = _exit_status(report)


def public_report(report: NightlyReport) -> dict:
    """The report as the site shows it: error messages and URLs quote harvested text, so
    identity codes are masked there too (data/runs/ keeps the report as it was)."""
    return _without_identity_codes(report.as_dict())


def _without_identity_codes(value):
    if isinstance(value, str):
        return redact_hetus(value)
    if isinstance(value, dict):
        return {_without_identity_codes(k): _without_identity_codes(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_without_identity_codes(item) for item in value]
    return value


def _exit_status(report: NightlyReport) -> int:
    if not report.published:
        return EXIT_NOTHING_PUBLISHED
    if any(not h["ok"] and not h.get("skipped") for h in report.sources.values()):
        return EXIT_SOME_SOURCES_FAILED
    if report.transform.get("problems"):
        return EXIT_SOME_SOURCES_FAILED  # template drift: published, but someone must look
    return EXIT_OK


def _health(source_reports, previous: dict, now: datetime) -> dict[str, dict]:
    """Per municipality: this run's outcome, and when it last succeeded (this run or before)."""
    health = {}
    for source in source_reports:
        last = _iso(now) if source.ok else previous.get(source.municipality, {}).get("last_success")
        stale = not source.skipped and (
            last is None or now - datetime.fromisoformat(last) > STALE_AFTER
        )
        health[source.municipality] = {
            **source.as_dict(),
            "requests": source.requests,
            "last_success": last,
            "stale": stale,
        }
    return health


def latest_report(data_dir: Path) -> NightlyReport | None:
    """The report of the last nightly run, for `avoin status`."""
    files = _run_files(data_dir)
    if not files:
        return None
    fields = json.loads(files[-1].read_text(encoding="utf-8"))
    known = NightlyReport.__dataclass_fields__
    return NightlyReport(**{k: v for k, v in fields.items() if k in known})


def _previous_health(data_dir: Path) -> dict:
    latest = _run_files(data_dir)
    if not latest:
        return {}
    return json.loads(latest[-1].read_text(encoding="utf-8")).get("sources", {})


def _run_files(data_dir: Path) -> list[Path]:
    runs = data_dir / "runs"
    return sorted(runs.glob("*.json"), key=lambda p: int(p.stem)) if runs.is_dir() else []


def _next_run_number(data_dir: Path) -> int:
    files = _run_files(data_dir)
    return int(files[-1].stem) + 1 if files else 1


def _write_run_file(report: NightlyReport, data_dir: Path) -> None:
    if report.run_id is None:  # the lock was busy: this run did nothing worth a file
        return
    runs = data_dir / "runs"
    try:
        runs.mkdir(parents=True, exist_ok=True)
        temporary = runs / f".{report.run_id}.json.tmp"
        temporary.write_text(
            json.dumps(report.as_dict(), ensure_ascii=False, indent=2), encoding="utf-8"
        )
        os.replace(temporary, runs / f"{report.run_id}.json")
    except OSError as error:  # the data dir went read-only during the run
        reason = describe_not_writable(error)
        if reason is None:
            raise
        report.problems.append(f"no run report: {reason}")
        report.exit_status = EXIT_NOTHING_PUBLISHED if not report.published else report.exit_status


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")
