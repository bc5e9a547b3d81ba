"""One measured benchmark step, run in a process of its own by run.py:

    python -m benchmarks.steps STEP '{"store": ..., "site": ..., ...}'

prints one JSON line: the step's own figures plus ``seconds`` (wall clock of the measured
call only, not the imports), ``cpu_seconds`` (user + system of this process and of the
processes it waited for, e.g. Pagefind), ``peak_rss_mib`` (this process's
``ru_maxrss``) and ``children_peak_rss_mib`` (the largest waited-for child's).

Steps: parse, corpus, export, build, pagefind, pagefind_alone, jinja_reference,
whoosh_full, change, whoosh_change, whoosh_incremental, store_query. What each measures
is in its docstring; run.py strings them together per size, scale.py measures at 1M.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SAMPLE_SITES = PROJECT_ROOT / "sample_sites"
GENERATED_AT = "2026-11-30T02:00:00+00:00"


def policy():
    from benchmarks.corpus import POLICY_TODAY
    from transform.publishing import PublishingPolicy

    return PublishingPolicy(today=POLICY_TODAY)  # no takedowns, a fixed "today"


# -- transform throughput ----------------------------------------------------------------


# Manifest kinds of attachment files (KTweb names its documents by what they are).
ATTACHMENT_FILE_KINDS = ("attachment", "attachment_document")


def sample_documents() -> dict[str, list[tuple]]:
    """The sample sites' meeting pages, the item documents they link to and every
    attachment file they serve (PDF, scan, DOCX, XLSX), as ``(platform, page_kind, body,
    url, municipality, context)`` by category."""
    from urllib.parse import urlsplit

    from harvest.platforms import parse_page
    from harvest.replay import Manifest, find_site_dirs

    documents: dict[str, list[tuple]] = {
        "meeting_pages": [],
        "item_pages_html": [],
        "item_records_json": [],
        "item_pdfs": [],
        "attachment_files": [],
    }
    for site_dir in find_site_dirs(SAMPLE_SITES):
        manifest = Manifest(site_dir)
        host = f"http://{manifest.municipality}.sample.invalid"
        for entry in manifest.entries:
            url = host + entry.path + (f"?{entry.query}" if entry.query else "")
            if entry.kind in ATTACHMENT_FILE_KINDS:
                documents["attachment_files"].append(
                    (
                        manifest.platform,
                        "attachment_file",
                        entry.file.read_bytes(),
                        url,
                        manifest.municipality,
                        {},
                    )
                )
            if entry.kind != "meeting":
                continue
            body = entry.file.read_bytes()
            page = (manifest.platform, "meeting", body, url, manifest.municipality, {})
            documents["meeting_pages"].append(page)
            result = parse_page(*page)
            for link in result.get("links") or ():
                if link["page_kind"] != "action":
                    continue
                split = urlsplit(link["url"])
                target = manifest.find(
                    link["method"], split.path, split.query, (link.get("body") or "").encode()
                )
                if target is None:
                    continue
                item_body = target.file.read_bytes()
                category = (
                    "item_pdfs"
                    if item_body.startswith(b"%PDF")
                    else "item_records_json"
                    if target.file.suffix == ".json"
                    else "item_pages_html"
                )
                documents[category].append(
                    (
                        manifest.platform,
                        "action",
                        item_body,
                        link["url"],
                        manifest.municipality,
                        link.get("context") or {},
                    )
                )
    return documents


def step_parse(args: dict) -> dict:
    """Parse every sample meeting page and the items it links to, one category at a time,
    ``rounds`` times; documents per second (median over rounds) on one core."""
    from harvest.platforms import parse_page

    documents = sample_documents()
    rounds = args.get("rounds", 5)
    result = {"categories": {}}
    for category, pages in documents.items():
        times, cpu_times = [], []
        for _ in range(rounds):
            started, cpu_started = time.perf_counter(), time.process_time()
            for page in pages:
                parse_page(*page)
            times.append(time.perf_counter() - started)
            cpu_times.append(time.process_time() - cpu_started)
        median, cpu_median = statistics.median(times), statistics.median(cpu_times)
        result["categories"][category] = {
            "documents": len(pages),
            "rounds": rounds,
            "median_seconds": median,
            "median_cpu_seconds": cpu_median,
            "per_second": len(pages) / median if median else None,
            # Per core: documents per CPU second, which other load on the machine
            # does not dilute the way it dilutes wall-clock time.
            "per_cpu_second": len(pages) / cpu_median if cpu_median else None,
            "bytes": sum(len(page[2]) for page in pages),
        }
    result["count"] = sum(len(pages) for pages in documents.values()) * rounds
    return result


# -- the store ---------------------------------------------------------------------------


def step_corpus(args: dict) -> dict:
    """Write the synthetic store (merge_page, one transaction per municipality)."""
    from benchmarks.corpus import write_corpus

    report = write_corpus(args["store"], args["size"], args.get("seed", 7))
    return {
        "count": report.actions,
        "meetings": report.meetings,
        "organizations": report.organizations,
        "store_bytes": Path(args["store"]).stat().st_size,
    }


def step_change(args: dict) -> dict:
    """Change the decision text of a fraction (or a count) of the actions via merge_page,
    chosen among all or (``recent``) among the newest."""
    from benchmarks.corpus import change_actions
    from transform.store import Store

    with Store(args["store"]) as store:
        changed = change_actions(
            store,
            fraction=args.get("fraction"),
            count=args.get("count"),
            seed=args.get("seed", 8),
            fetched_at=args["fetched_at"],
            recent=args.get("recent", False),
        )
    return {"count": len(changed)}


# -- publishing: dumps, pages, search ----------------------------------------------------


def step_export(args: dict) -> dict:
    """export_dumps into <site>/data (as `avoin build` does before the pages)."""
    from transform.export import export_dumps
    from transform.store import Store

    with Store(args["store"]) as store:
        report = export_dumps(store, Path(args["site"]), policy=policy(), generated_at=GENERATED_AT)
    return {
        "count": sum(report.records.values()),
        "files": len(report.files),
        "bytes": sum(entry.bytes for entry in report.files),
        "records": dict(report.records),
        "partitions_reused": report.partitions_reused,
        "partitions_rebuilt": report.partitions_rebuilt,
        "files_reused": report.files_reused,
    }


def step_build(args: dict) -> dict:
    """build_site into <site>; ``count`` = files written (pages, feeds, sitemaps, ...)."""
    from site_builder.build import build_site
    from transform.store import Store

    with Store(args["store"]) as store:
        report = build_site(store, Path(args["site"]), policy=policy(), generated_at=GENERATED_AT)
    html_written = sum(1 for path in report.written_paths if path.endswith(".html"))
    return {
        "count": report.written,
        "files": report.pages,
        "written": report.written,
        "html_written": html_written,
        "unchanged": report.unchanged,
        "deleted": report.deleted,
        "withheld": report.withheld,
    }


def step_pagefind(args: dict) -> dict:
    """site_builder.search.index_site on the built site (our wrapper around Pagefind: the
    pages read or looked up in the cache, the bundles that changed indexed, two at a time)."""
    from site_builder.search import index_site

    report = index_site(Path(args["site"]))
    return {
        "count": report["pages"],
        **{key: report[key] for key in ("written", "unchanged", "removed", "reindexed", "bundles")},
        "bundles_reindexed": len(report["bundles_reindexed"]),
    }


def step_pagefind_alone(args: dict) -> dict:
    """The reference: the Pagefind binary alone over the pages index_site gives it, bundle by
    bundle on the same scratch trees of hard links, two runs at a time. Only the runs are
    measured (``measured_seconds``), not reading the pages or linking them."""
    from concurrent.futures import ThreadPoolExecutor

    from site_builder.search import PARALLEL_RUNS, link_pages, pagefind_command, plan_bundles

    site = Path(args["site"])
    with tempfile.TemporaryDirectory(prefix="avoin-bench-pagefind-", dir=site) as scratch:
        runs = []  # (command, output)
        for bundle in plan_bundles(site):
            pages, output = (Path(scratch, bundle.name, part) for part in ("site", "out"))
            link_pages(site.resolve(), [path for path, _ in bundle.pages], pages)
            runs.append((pagefind_command(pages, output), output))
        started = time.perf_counter()
        with ThreadPoolExecutor(PARALLEL_RUNS) as pool:
            list(
                pool.map(lambda run: subprocess.run(run[0], check=True, capture_output=True), runs)
            )
        seconds = time.perf_counter() - started
        pages = sum(_pages_indexed(output) for _, output in runs)
    return {"count": pages, "measured_seconds": seconds, "bundles": len(runs)}


def _pages_indexed(output: Path) -> int:
    entry = json.loads((output / "pagefind-entry.json").read_text())
    return sum(language["page_count"] for language in entry["languages"].values())


REFERENCE_TEMPLATE = """<!doctype html>
<html lang="{{ lang }}"><head><meta charset="utf-8"><title>{{ action.title }}</title></head>
<body><main><h1>{{ action.title }}</h1>
<p>{{ action.date }} {{ action.register_id }}</p>
{% for content in action.contents %}<section><h2>{{ content.label }}</h2>
{% for paragraph in content.text.split("\\n\\n") %}<p>{{ paragraph }}</p>
{% endfor %}</section>
{% endfor %}</main></body></html>
"""


def step_jinja_reference(args: dict) -> dict:
    """The reference: ``pages`` pages rendered with a trivial jinja2 template (autoescape)
    from the store's actions (streamed, cycled when there are fewer), written as files in
    per-page directories, three languages per action like the site."""
    from jinja2 import Environment

    from transform.schema import RecordType
    from transform.store import Store

    out = Path(args["out"])
    if out.exists():
        shutil.rmtree(out)
    template = Environment(autoescape=True).from_string(REFERENCE_TEMPLATE)
    wanted = args["pages"]
    written = 0
    with Store(args["store"]) as store:
        while written < wanted:
            for action in store.iter_records(RecordType.ACTION):
                for lang in ("fi", "sv", "en"):
                    directory = out / lang / action["id"].replace(":", "/") / str(written)
                    directory.mkdir(parents=True, exist_ok=True)
                    (directory / "index.html").write_text(
                        template.render(action=action, lang=lang), encoding="utf-8"
                    )
                    written += 1
                    if written >= wanted:
                        break
                if written >= wanted:
                    break
    return {"count": written}


def step_whoosh(args: dict) -> dict:
    """transform.search.update_index: a full index into an empty directory, or an update
    of an existing one (``incremental``)."""
    from transform.search import update_index
    from transform.store import Store

    index_dir = Path(args["index"])
    if not args.get("incremental") and index_dir.exists():
        shutil.rmtree(index_dir)
    with Store(args["store"]) as store:
        report = update_index(store, index_dir, policy())
    return {
        "count": report.added + report.updated + report.removed,
        "added": report.added,
        "updated": report.updated,
        "removed": report.removed,
        "unchanged": report.unchanged,
        "index_bytes": sum(p.stat().st_size for p in index_dir.rglob("*") if p.is_file()),
    }


def step_store_query(args: dict) -> dict:
    """One of the store's reads the pipeline depends on (benchmarks/scale.py QUERIES)."""
    from benchmarks.scale import run_query

    return run_query(args["query"], args)


STEPS = {
    "parse": step_parse,
    "corpus": step_corpus,
    "change": step_change,
    "export": step_export,
    "build": step_build,
    "pagefind": step_pagefind,
    "pagefind_alone": step_pagefind_alone,
    "jinja_reference": step_jinja_reference,
    "whoosh": step_whoosh,
    "store_query": step_store_query,
}


def _cpu(usage) -> float:
    return usage.ru_utime + usage.ru_stime


def run_step(name: str, args: dict) -> dict:
    function = STEPS[name]
    self_before = resource.getrusage(resource.RUSAGE_SELF)
    children_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = function(args)
    seconds = time.perf_counter() - started
    self_after = resource.getrusage(resource.RUSAGE_SELF)
    children_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # Linux reports ru_maxrss in KiB.
    return {
        "step": name,
        **result,
        "seconds": seconds,
        "cpu_seconds": (
            _cpu(self_after) - _cpu(self_before) + _cpu(children_after) - _cpu(children_before)
        ),
        "peak_rss_mib": self_after.ru_maxrss / 1024,
        "children_peak_rss_mib": children_after.ru_maxrss / 1024,
        "load_average": os.getloadavg()[0],
    }


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in STEPS:
        print(f"usage: python -m benchmarks.steps {{{','.join(STEPS)}}} JSON_ARGS", file=sys.stderr)
        return 2
    result = run_step(argv[0], json.loads(argv[1]))
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
