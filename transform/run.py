"""The transform stage: raw snapshots in the harvest log -> schema records in the store.

Each pending snapshot is parsed by its platform's parser and merged in its own
transaction, so an interrupted run leaves every document either fully merged
or not at all. A document that cannot be parsed is reported and the run goes on.

How a run counts (``TransformReport.counts``): every organization, meeting and
action the store holds after the run is counted exactly once, as *inserted*
(new in this run), *updated* (different from what it was before the run) or
*unchanged* (everything else). So a second run over the same input honestly
reports "0 inserted, 0 updated, N unchanged" with N the records held, whether
it re-reads the snapshots (``reparse_all``) or finds nothing pending; and a
record changed by one page and changed back by another within the run counts
as unchanged. Per-page merge counts (``Store.merge_page``) would instead count a
record once per page that mentions it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from harvest.platforms import ParseError
from harvest.sources import Sources
from transform.drift import SourceDrift, drift_problems
from transform.items import link_items
from transform.languages import link_language_versions
from transform.parse_limits import DocumentTooLarge, LimitedParser, ParseLimits
from transform.raw import SnapshotError, load_snapshot
from transform.removal import detect_removals
from transform.schema import PARSER_VERSION, AttachmentExtraction, PageKind, SchemaError
from transform.store import Counts, RunKind, RunStatus, Store

Progress = Callable[[int, int], None]  # (documents done, documents pending)


@dataclass
class TransformReport:
    counts: Counts = field(default_factory=Counts)
    documents: int = 0  # parsed and merged
    errors: list[dict] = field(default_factory=list)  # {url, sha256, error}
    # Parts of a document the parser skipped (a row without a link, an odd date): the
    # document was merged, but the skipped part is counted and named.
    warnings: list[dict] = field(default_factory=list)  # {url, sha256, error}
    withdrawn: list[str] = field(default_factory=list)  # ids the sources stopped listing
    # Per source: how the item documents matched the label vocabulary (transform/drift.py).
    templates: dict[str, SourceDrift] = field(default_factory=dict)
    # Attachment files read in this run, by extraction status (extracted, failed, ...).
    attachments: dict[str, int] = field(default_factory=dict)
    run_id: int | None = None

    def record_attachment_files(self, files) -> None:
        for file in files or ():
            status = file.get("extraction") or "unknown"
            self.attachments[status] = self.attachments.get(status, 0) + 1

    def record_documents(self, source: str | None, documents) -> None:
        for document in documents or ():
            self.templates.setdefault(source or "unknown", SourceDrift()).add(document)

    @property
    def problems(self) -> list[str]:
        """Sources whose documents suddenly read as mostly 'other'."""
        return drift_problems(self.templates)

    def __str__(self) -> str:
        errors = f"{len(self.errors)} error{'' if len(self.errors) == 1 else 's'}"
        warnings = f", {len(self.warnings)} skipped rows" if self.warnings else ""
        withdrawn = f", {len(self.withdrawn)} withdrawn" if self.withdrawn else ""
        return (
            f"{self.documents} documents parsed, {errors}{warnings}; "
            f"{self.counts}{withdrawn}{self._attachments_text()}"
        )

    def _attachments_text(self) -> str:
        if not self.attachments:
            return ""
        read = ", ".join(f"{n} {status}" for status, n in sorted(self.attachments.items()))
        return f"; attachment files read: {read}"

    def summary(self) -> str:
        """The one-line report, then one line per failed document and skipped row."""
        lines = [str(self)]
        lines += [f"  error: {error['url']}: {error['error']}" for error in self.errors]
        lines += [f"  skipped: {entry['url']}: {entry['error']}" for entry in self.warnings]
        lines += [drift.summary(source) for source, drift in sorted(self.templates.items())]
        return "\n".join(lines)

    def as_dict(self) -> dict:
        return {
            "documents": self.documents,
            "errors": self.errors,
            "warnings": self.warnings,
            "withdrawn": self.withdrawn,
            "templates": {source: d.as_dict() for source, d in sorted(self.templates.items())},
            "problems": self.problems,
            "attachments": dict(sorted(self.attachments.items())),
            **self.counts.as_dict(),
        }


def sync_municipalities(store: Store, sources: Sources) -> Counts:
    """Municipality records come from configuration (data/sources.toml), not pages."""
    counts = Counts()
    with store.transaction():
        for source in sources.municipalities:
            counts += store.upsert_municipality(source.as_municipality_record())
    return counts


def transform_pending(
    store: Store,
    raw_dir: Path,
    parser_version: str = PARSER_VERSION,
    progress: Progress | None = None,
    reparse_all: bool = False,
    limits: ParseLimits | None = None,
) -> TransformReport:
    """Parse every snapshot not yet parsed by ``parser_version`` and merge the records.

    ``reparse_all`` ignores the parse log (for a new parser version, or to re-check
    everything). Each document is parsed within ``limits`` (transform/parse_limits.py).
    The run is recorded in the runs table with its report.
    """
    rows = store.pending_snapshots(parser_version, include_parsed=reparse_all)
    report = TransformReport(run_id=store.start_run(RunKind.TRANSFORM))
    merged = Counts()
    try:
        with LimitedParser(limits) as parser:
            merged += _transform_rows(
                store, raw_dir, rows, parser_version, report, parser, progress
            )
        # Once all documents are in: a pair needs both of its language versions merged.
        merged += link_language_versions(store)
        merged += store.mark_gone_attachment_files()
        link_items(store)  # items and matters follow the actions just merged
    except BaseException:
        store.finish_run(report.run_id, RunStatus.FAILED, report.as_dict())
        raise
    report.counts = store.net_counts(merged.changed)
    status = RunStatus.PARTIAL if report.errors else RunStatus.OK
    store.finish_run(report.run_id, status, report.as_dict())
    return report


def _transform_rows(store, raw_dir, rows, parser_version, report, parser, progress) -> Counts:
    merged = Counts()
    for done, row in enumerate(rows, start=1):
        counts, error = transform_snapshot(store, raw_dir, row, parser_version, report, parser)
        if error:
            report.errors.append(error)
        else:
            report.documents += 1
            merged += counts
        if progress:
            progress(done, len(rows))
    return merged


def transform_snapshot(
    store: Store,
    raw_dir: Path,
    row: dict,
    parser_version: str = PARSER_VERSION,
    report: TransformReport | None = None,
    parser: LimitedParser | None = None,
) -> tuple[Counts, dict | None]:
    """Parse and merge one harvest-log row; returns (counts, error or None).

    A parse or schema error is recorded in the parse log (not retried until the
    parser version changes). A missing or corrupt snapshot is not: it is retried
    once the bytes are back. Anything else is a bug and propagates, naming the
    document; the store keeps its state from before this document.
    """
    try:
        body = load_snapshot(raw_dir, row["sha256"])
    except SnapshotError as error:
        return Counts(), _error_entry(row, error)
    try:
        result = _parse_or_note(parser, row, body)
        with store.transaction():
            counts = store.merge_page(result, _provenance(row, parser_version))
            withdrawn = detect_removals(store, row["page_kind"], result, row["fetched_at"])
            store.record_parse(row, parser_version)
        if report is not None:
            report.warnings += [_error_entry(row, m) for m in result.get("errors", ())]
            report.withdrawn += withdrawn
            report.record_documents(row["municipality"], result.get("documents"))
            report.record_attachment_files(result.get("attachment_files"))
    except (ParseError, SchemaError) as error:
        with store.transaction():
            store.record_parse(row, parser_version, error=str(error))
        return Counts(), _error_entry(row, error)
    except BaseException as error:
        error.add_note(f"while transforming {row['url']} (raw snapshot {row['sha256']})")
        raise
    return counts, None


def _parse_or_note(parser: LimitedParser | None, row: dict, body: bytes) -> dict:
    """An attachment's file over the parse limits is kept as a failed extraction with the
    reason: reading it again gives the same answer, and its item is not at fault. (An error
    page instead of the file stays a parse error, so the file is asked for again.)"""
    try:
        return _parse(parser, row, body)
    except DocumentTooLarge as error:
        if row["page_kind"] != PageKind.ATTACHMENT_FILE:
            raise
        context = row.get("context") or {}
        failed = {
            "url": context.get("attachment_url") or row["url"],
            "municipality": row["municipality"],
            "media_type": row.get("media_type"),
            "extraction": AttachmentExtraction.FAILED.value,
            "note": str(error)[:300],
        }
        return {"page": PageKind.ATTACHMENT_FILE, "attachment_files": [failed]}


def _parse(parser: LimitedParser | None, row: dict, body: bytes) -> dict:
    arguments = (
        row["platform"],
        row["page_kind"],
        body,
        row["url"],
        row["municipality"],
        row["context"],
    )
    if parser is None:
        with LimitedParser() as one_off:
            return one_off.parse(*arguments)
    return parser.parse(*arguments)


def _provenance(row: dict, parser_version: str) -> dict:
    return {
        "source_url": row["url"],
        "fetched_at": row["fetched_at"],
        "raw_sha256": row["sha256"],
        "parser_version": parser_version,
    }


def _error_entry(row: dict, error: Exception) -> dict:
    return {"url": row["url"], "sha256": row["sha256"], "error": str(error)}
