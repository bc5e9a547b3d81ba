"""Issue 7, "Fast at every size": ``python -m benchmarks.run --sizes 1000,10000,100000``.

For each size a synthetic store (benchmarks/corpus.py) is written and then every step
runs in a process of its own (benchmarks/steps.py), so each step's peak memory is its
own: the dumps, a full build, Pagefind, the two references (Pagefind alone on the same
pages, raw jinja2 rendering of as many pages), a full Whoosh index, then 1% of the
actions changed and dumps, build and Pagefind again (incremental), then 1,000 actions
changed and the Whoosh index updated. Parsing the sample sites' real pages and PDFs is
measured once. Prints one table and the targets (PASS / MISS; sizes below 100,000 are
extrapolated linearly and marked so) and writes the figures with the machine's facts to
``--output`` (default benchmarks/results.json).

Timings on a shared machine are noisy: the table shows CPU seconds beside wall seconds,
parse rates are per CPU second (median of rounds), and ratios come from CPU seconds
where both sides run on one core.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = Path(__file__).resolve().parent / "results.json"
DEFAULT_WORKDIR = Path(tempfile.gettempdir()) / "avoin-benchmarks"
TARGET_SIZE = 100_000
CHANGED_FRACTION = 0.01
WHOOSH_CHANGED = 1_000
MIB_LIMIT = 2048
# What decides the bytes of a page besides site_builder/ and templates/.
RENDERING_MODULES = ("publishing.py", "privacy.py", "schema.py", "schema_docs.py")
# Pagefind's peak memory per page indexed: unknown until a smaller size of the same run
# measured it (site_builder/search.py runs it per bundle, so the figure stays small).
PAGEFIND_MIB_PER_PAGE = None

# Issue 20's goals 1-3 are "incremental", "rendering", "full_build" and "memory"; each is
# judged at 100k actions, measured or extrapolated.
INCREMENTAL_SHARE = 0.05
RENDERING_RATIO = 2.0
FULL_BUILD_SECONDS = 600
TARGETS = {
    "full_build": "full build of 100k actions on 2 cores, dumps and search included < 10 min",
    "rendering": "page rendering <= 2x raw jinja2 in CPU seconds, same files",
    "incremental": "a night after 1% of the newest changed: dumps + site + search < 5% of "
    "the full build",
    "memory": "peak memory of every step (Whoosh too) at 100k < 2 GiB",
    "memory_growth": "memory grows no faster than linearly with size",
    "parse_pages": "parsing >= 50 item pages/s per core",
    "parse_pdfs": "parsing >= 5 item PDFs/s per core",
    "whoosh_incremental": "Whoosh update of 1,000 changed actions < 30 s",
}
PARSE_LABELS = {
    "meeting_pages": "parse: meeting pages",
    "item_pages_html": "parse: item pages (HTML)",
    "item_records_json": "parse: item records (JSON)",
    "item_pdfs": "parse: item PDFs",
    "attachment_files": "parse: attachment files (all kinds)",
}
# (key in the size's results, label, unit of "count")
SIZE_ROWS = (
    ("corpus", "store: write corpus (merge_page)", "actions"),
    ("export", "dumps: export_dumps", "records"),
    ("build", "site: build_site", "files"),
    ("jinja_reference", "  ref: raw jinja2, same files", "files"),
    ("pagefind", "search: index_site (Pagefind)", "pages"),
    ("pagefind_alone", "  ref: Pagefind binary alone", "pages"),
    ("full_total", "FULL: dumps + site + search", "actions"),
    ("whoosh_full", "whoosh: full index", "actions"),
    ("change_1pct", "store: change 1% of actions", "actions"),
    ("incremental_export", "incr: export_dumps", "records"),
    ("incremental_build", "incr: build_site", "files"),
    ("incremental_pagefind", "incr: index_site (Pagefind)", "pages"),
    ("incremental_total", "INCR: dumps + site + search", "actions"),
    ("change_whoosh", "store: change 1,000 actions", "actions"),
    ("whoosh_incremental", "whoosh: update after 1,000 changed", "actions"),
)
# Row -> (reference row, whether to compare CPU seconds: both sides single-threaded).
RATIOS = {
    "build": ("jinja_reference", True),
    "pagefind": ("pagefind_alone", False),
    "incremental_build": ("build", True),
    "incremental_total": ("full_total", True),
}


def run_step(name: str, args: dict, timeout: float | None) -> dict:
    """One step in a child process; its JSON line, or {"error": ...} when it failed."""
    command = [sys.executable, "-m", "benchmarks.steps", name, json.dumps(args)]
    started = time.perf_counter()
    try:
        completed = subprocess.run(
            command, cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=timeout
        )
    except subprocess.TimeoutExpired:
        return {"step": name, "error": f"timed out after {timeout} s"}
    if completed.returncode != 0:
        tail = completed.stderr.strip().splitlines()[-12:]
        return {
            "step": name,
            "error": "\n".join(tail) or f"exit {completed.returncode}",
            "seconds": time.perf_counter() - started,
        }
    return json.loads(completed.stdout.strip().splitlines()[-1])


def machine_facts() -> dict:
    model = None
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = None
    with contextlib.suppress(ValueError, OSError):
        memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") // 2**20
    try:
        commit = (
            subprocess.run(
                ["git", "rev-parse", "--short", "HEAD"],
                cwd=PROJECT_ROOT,
                capture_output=True,
                text=True,
            ).stdout.strip()
            or None
        )
    except OSError:
        commit = None
    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "cores": os.cpu_count(),
        "usable_cores": len(os.sched_getaffinity(0))
        if hasattr(os, "sched_getaffinity")
        else os.cpu_count(),
        "cpu_model": model,
        "memory_mib": memory,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "sqlite": __import__("sqlite3").sqlite_version,
        "load_average_at_start": os.getloadavg()[0],
        "git_commit": commit,
        "versions": {
            name: _version(name)
            for name in ("jinja2", "pagefind", "whoosh-reloaded", "pyarrow", "lxml", "pdfminer.six")
        },
    }


def _version(name: str) -> str | None:
    try:
        return version(name)
    except PackageNotFoundError:
        return None


# -- the run -------------------------------------------------------------------------------


def available_mib() -> float | None:
    """MemAvailable from /proc/meminfo (Linux), in MiB."""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


def pagefind_memory_need(pages: int, mib_per_page: float) -> float:
    return pages * mib_per_page


def pagefind_memory_problem(pages: int, mib_per_page: float | None, force: bool) -> str | None:
    """Why Pagefind must not run on ``pages`` pages here, or None. Pagefind holds the whole
    index in memory (about 0.2 MiB per page measured at 10k actions); on a machine without
    swap a run that does not fit gets the kernel's OOM killer, which may pick another
    process."""
    if mib_per_page is None:
        return None
    needed, available = pages * mib_per_page, available_mib()
    if force or available is None or needed < 0.8 * available:
        return None
    return (
        f"skipped: Pagefind would need about {needed / 1024:.1f} GiB for {pages:,} pages "
        f"({mib_per_page * 1024:.0f} KiB/page), {available / 1024:.1f} GiB available; "
        "--force-pagefind runs it anyway"
    )


def run_size(
    size: int,
    workdir: Path,
    timeout: float | None,
    log,
    pagefind_mib_per_page: float | None = PAGEFIND_MIB_PER_PAGE,
    force_pagefind: bool = False,
) -> dict:
    """Every step at one size; each result is a step's JSON (or its error)."""
    work = workdir / f"size-{size}"
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    store, site, index = str(work / "store.sqlite"), str(work / "site"), str(work / "index")
    results: dict[str, dict] = {}

    def step(key: str, name: str, **args) -> dict:
        log(f"  {size:>7} {key} ...")
        problem = None
        if name.startswith("pagefind"):
            pages = (results.get("build") or {}).get("html_written") or size * 4
            problem = pagefind_memory_problem(pages, pagefind_mib_per_page, force_pagefind)
        if problem:
            result = {
                "step": name,
                "error": problem,
                "estimated_peak_rss_mib": pagefind_memory_need(pages, pagefind_mib_per_page),
            }
        else:
            result = run_step(name, args, timeout)
        results[key] = result
        if "error" in result:
            log(f"  {size:>7} {key} FAILED: {result['error'].splitlines()[-1]}")
        else:
            log(f"  {size:>7} {key} {result['seconds']:.1f} s, {result['peak_rss_mib']:.0f} MiB")
        return result

    code_at_start = code_digest()
    step("corpus", "corpus", store=store, size=size)
    # As `avoin build`: the dumps first (the downloads page lists them), then the pages,
    # then Pagefind over the finished pages.
    step("export", "export", store=store, site=site)
    build = step("build", "build", store=store, site=site)
    step("pagefind", "pagefind", site=site)
    step("pagefind_alone", "pagefind_alone", site=site)
    step(
        "jinja_reference",
        "jinja_reference",
        store=store,
        out=str(work / "jinja"),
        pages=build.get("written") or size * 3,
    )
    shutil.rmtree(work / "jinja", ignore_errors=True)
    step("whoosh_full", "whoosh", store=store, index=index)
    # A night's changes are among the newest records (benchmarks/corpus.py RECENT_POOL).
    step(
        "change_1pct",
        "change",
        store=store,
        fraction=CHANGED_FRACTION,
        seed=8,
        fetched_at="2026-11-20T02:00:00+00:00",
        recent=True,
    )
    step("incremental_export", "export", store=store, site=site)
    step("incremental_build", "build", store=store, site=site)
    step("incremental_pagefind", "pagefind", site=site)
    if code_digest() != code_at_start:
        results["warning"] = (
            "the code or templates changed during this size's run: "
            "the incremental figures compare two different builds"
        )
        log(f"  {size:>7} WARNING: {results['warning']}")
    step(
        "change_whoosh",
        "change",
        store=store,
        count=WHOOSH_CHANGED,
        seed=9,
        fetched_at="2026-11-21T02:00:00+00:00",
    )
    step("whoosh_incremental", "whoosh", store=store, index=index, incremental=True)
    results["full_total"] = _total(results, ("export", "build", "pagefind"), size)
    results["incremental_total"] = _total(
        results, ("incremental_export", "incremental_build", "incremental_pagefind"), size
    )
    results["site_bytes"] = _tree_bytes(Path(site))
    return results


def code_digest() -> str:
    """The code and templates the steps run: an incremental build measured after they
    changed (someone editing the tree meanwhile) re-renders everything and means nothing."""
    digest = hashlib.sha256()
    paths = [
        *(PROJECT_ROOT / "site_builder").rglob("*"),
        *(PROJECT_ROOT / "templates").rglob("*"),
        *(PROJECT_ROOT / "transform" / name for name in RENDERING_MODULES),
    ]
    for path in sorted(paths):
        if path.is_file() and path.suffix in (".py", ".html", ".po", ".css", ".js"):
            digest.update(str(path.relative_to(PROJECT_ROOT)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _total(results: dict, keys: tuple[str, ...], size: int) -> dict:
    parts = [results.get(key) or {"error": "missing"} for key in keys]
    failed = [key for key, part in zip(keys, parts, strict=True) if "error" in part]
    if failed:
        measured = sum(part.get("seconds", 0) for part in parts if "error" not in part)
        return {
            "error": f"{', '.join(failed)} did not run to the end "
            f"({parts[keys.index(failed[0])]['error'].splitlines()[-1]}); "
            f"the other parts took {measured:.0f} s"
        }
    return {
        "count": size,
        "seconds": sum(part["seconds"] for part in parts),
        "cpu_seconds": sum(part["cpu_seconds"] for part in parts),
        "peak_rss_mib": max(_peak(part) for part in parts),
        "children_peak_rss_mib": 0.0,
        "parts": list(keys),
    }


def _peak(result: dict) -> float:
    """The step's peak RSS: its own or its largest child's (Pagefind runs as a child)."""
    return max(result.get("peak_rss_mib") or 0.0, result.get("children_peak_rss_mib") or 0.0)


def _tree_bytes(root: Path) -> int:
    return sum(path.stat().st_size for path in root.rglob("*") if path.is_file())


# -- ratios, targets, table -----------------------------------------------------------------


def add_ratios(size_results: dict) -> None:
    for key, (reference_key, use_cpu) in RATIOS.items():
        ours, reference = size_results.get(key, {}), size_results.get(reference_key, {})
        if "error" in ours or "error" in reference or not ours or not reference:
            continue
        ours["ratio_wall"] = ours["seconds"] / reference["seconds"]
        ours["ratio_cpu"] = ours["cpu_seconds"] / reference["cpu_seconds"]
        ours["ratio"] = ours["ratio_cpu"] if use_cpu else ours["ratio_wall"]
        ours["ratio_to"] = reference_key


def check_targets(results: dict) -> list[dict]:
    sizes = sorted(int(size) for size in results["sizes"])
    checks = []

    def add(key: str, passed: bool | None, measured: str, basis: str) -> None:
        checks.append(
            {
                "target": key,
                "description": TARGETS[key],
                "status": "n/a" if passed is None else "PASS" if passed else "MISS",
                "measured": measured,
                "basis": basis,
            }
        )

    parse = results.get("parse", {})
    categories = parse.get("categories", {})
    if "error" in parse or not categories:
        add("parse_pages", None, parse.get("error", "not run"), "")
        add("parse_pdfs", None, parse.get("error", "not run"), "")
    else:
        pages = categories["item_pages_html"]["per_cpu_second"]
        pdfs = categories["item_pdfs"]["per_cpu_second"]
        add(
            "parse_pages",
            pages >= 50,
            f"{pages:.0f} item pages/s per CPU second",
            f"{categories['item_pages_html']['documents']} Dynasty item pages, median of rounds",
        )
        add(
            "parse_pdfs",
            pdfs >= 5,
            f"{pdfs:.1f} item PDFs/s per CPU second",
            f"{categories['item_pdfs']['documents']} KTweb item PDFs, median of rounds",
        )
    if not sizes:
        return checks
    scale = AtTarget(results)
    at = scale.at
    for key, judge in (
        ("full_build", judge_full_build),
        ("rendering", judge_rendering),
        ("incremental", judge_incremental),
        ("memory", judge_memory),
    ):
        add(key, *judge(scale))
    if len(sizes) > 1:
        small, large = sizes[-2], sizes[-1]
        growth = {}
        for key, value in results["sizes"][str(large)].items():
            before = results["sizes"][str(small)].get(key)
            if (
                isinstance(value, dict)
                and "peak_rss_mib" in value
                and before
                and "peak_rss_mib" in before
            ):
                growth[key] = _peak(value) / max(_peak(before), 1)
        if growth:
            worst = max(growth, key=growth.get)
            add(
                "memory_growth",
                growth[worst] <= large / small,
                f"worst {worst}: x{growth[worst]:.1f} for x{large / small:g} actions",
                f"{small:,} vs {large:,}",
            )
    else:
        add("memory_growth", None, "needs two sizes", "")
    whoosh = at.get("whoosh_incremental", {})
    if "error" in whoosh or not whoosh:
        add(
            "whoosh_incremental", None, whoosh.get("error", "not measured"), f"at {scale.largest:,}"
        )
    else:
        add(
            "whoosh_incremental",
            whoosh["seconds"] < 30,
            f"{whoosh['seconds']:.1f} s for {whoosh['count']:,} actions (CPU "
            f"{whoosh['cpu_seconds']:.1f} s)",
            f"at {scale.largest:,}",
        )
    return checks


class AtTarget:
    """The figures of the largest size run, and what they come to at 100k: measured when
    100k ran, else on the line through the two largest sizes (fixed costs do not grow), or
    in proportion with one size only."""

    def __init__(self, results: dict):
        self.sizes = sorted(int(size) for size in results["sizes"])
        self.largest = self.sizes[-1]
        self.at = results["sizes"][str(self.largest)]
        self.smaller = results["sizes"][str(self.sizes[-2])] if len(self.sizes) > 1 else None

    @property
    def basis(self) -> str:
        if self.largest == TARGET_SIZE:
            return f"measured at {self.largest:,}"
        if self.smaller is not None:
            return f"extrapolated from {self.sizes[-2]:,} and {self.largest:,}"
        return f"extrapolated in proportion from {self.largest:,}"

    def value(self, key: str, field: str, figure=None) -> float:
        figure = figure or (lambda result: result[field])
        value = figure(self.at[key])
        if self.largest == TARGET_SIZE:
            return value
        before = (self.smaller or {}).get(key, {})
        if self.smaller is not None and "error" not in before and field in before:
            slope = max(value - figure(before), 0) / (self.largest - self.sizes[-2])
            return value + slope * (TARGET_SIZE - self.largest)
        return value * TARGET_SIZE / self.largest

    def ratio(self, key: str, reference: str, field: str) -> tuple[float, str]:
        """``key`` over ``reference`` at 100k, and its basis. Two lines through noisy small
        sizes can cross anywhere: where either does not grow, the measured ratio stands."""
        measured = self.at[key][field] / self.at[reference][field]
        if self.largest == TARGET_SIZE or self.smaller is None:
            return measured, f"at {self.largest:,}"
        growing = all(
            field in self.smaller.get(part, {}) and self.at[part][field] > self.smaller[part][field]
            for part in (key, reference)
        )
        if not growing:
            return measured, f"at {self.largest:,} (no growth to extrapolate)"
        return self.value(key, field) / self.value(reference, field), self.basis

    def failed(self, *keys: str) -> str | None:
        """Why one of the steps has no figures, or None."""
        for key in keys:
            result = self.at.get(key) or {"error": "not run"}
            if "error" in result:
                return f"{key}: {result['error'].splitlines()[-1]}"
        return None


def judge_full_build(scale: AtTarget) -> tuple[bool | None, str, str]:
    problem = scale.failed("full_total")
    if problem:
        return None, problem, f"at {scale.largest:,}"
    wall, cpu = scale.value("full_total", "seconds"), scale.value("full_total", "cpu_seconds")
    measured = scale.at["full_total"]["seconds"]
    return (
        wall < FULL_BUILD_SECONDS,
        f"{wall / 60:.1f} min wall, {cpu / 60:.1f} min CPU "
        f"({measured:.0f} s wall at {scale.largest:,})",
        scale.basis,
    )


def judge_rendering(scale: AtTarget) -> tuple[bool | None, str, str]:
    problem = scale.failed("build", "jinja_reference")
    if problem:
        return None, problem, f"at {scale.largest:,}"
    ratio, basis = scale.ratio("build", "jinja_reference", "cpu_seconds")
    build = scale.at["build"]
    return (
        ratio <= RENDERING_RATIO,
        f"build_site {ratio:.2f}x raw jinja2 in CPU seconds "
        f"({build['cpu_seconds'] / scale.at['jinja_reference']['cpu_seconds']:.2f}x at "
        f"{scale.largest:,}, {build['written']:,} files each)",
        basis,
    )


def judge_incremental(scale: AtTarget) -> tuple[bool | None, str, str]:
    if scale.at.get("warning"):
        return None, scale.at["warning"], f"at {scale.largest:,}"
    problem = scale.failed("incremental_total", "full_total")
    if problem:
        return None, problem, f"at {scale.largest:,}"
    share, basis = scale.ratio("incremental_total", "full_total", "cpu_seconds")
    wall_share, _ = scale.ratio("incremental_total", "full_total", "seconds")
    return (
        share < INCREMENTAL_SHARE,
        f"{share:.1%} of the full build in CPU seconds (wall {wall_share:.1%})",
        basis,
    )


# Every measured step of a size; the totals only repeat their parts' peaks.
MEMORY_STEPS = tuple(key for key, _, _ in SIZE_ROWS if not key.endswith("_total"))


def judge_memory(scale: AtTarget) -> tuple[bool | None, str, str]:
    """Every step's peak (its own or its largest child's) at 100k: a step that failed
    leaves the target open, one skipped because it would not fit misses it."""
    skipped = {
        key: scale.at[key]["estimated_peak_rss_mib"]
        for key in MEMORY_STEPS
        if "estimated_peak_rss_mib" in (scale.at.get(key) or {})
    }
    if skipped:
        worst = max(skipped, key=skipped.get)
        return (
            False,
            f"{skipped[worst]:.0f} MiB estimated for {worst} (skipped: it would not fit)",
            f"at {scale.largest:,}",
        )
    problem = scale.failed(*MEMORY_STEPS)
    if problem:
        return None, f"not every step measured ({problem})", f"at {scale.largest:,}"
    if scale.largest != TARGET_SIZE and scale.smaller is None:
        return None, "needs 100k or two sizes to extrapolate", ""
    peaks = {key: scale.value(key, "peak_rss_mib", _peak) for key in MEMORY_STEPS}
    worst = max(peaks, key=peaks.get)
    return (
        peaks[worst] < MIB_LIMIT,
        f"{peaks[worst]:.0f} MiB at 100k ({worst}, {_peak(scale.at[worst]):.0f} MiB at "
        f"{scale.largest:,}; whoosh: full index {peaks['whoosh_full']:.0f} MiB)",
        scale.basis,
    )


def format_table(results: dict) -> str:
    header = (
        f"{'size':>7}  {'step':<36} {'wall s':>8} {'CPU s':>8} {'count':>9} "
        f"{'per s':>9}  {'unit':<8} {'peak MiB':>8} {'ratio':>11}"
    )
    lines = [header, "-" * len(header)]
    parse = results.get("parse", {})
    if "error" in parse:
        lines.append(f"{'-':>7}  {'parse':<36} FAILED: {parse['error'].splitlines()[-1]}")
    for category, label in PARSE_LABELS.items():
        figures = parse.get("categories", {}).get(category)
        if figures:
            lines.append(
                f"{'-':>7}  {label:<36} {figures['median_seconds']:>8.2f} "
                f"{figures['median_cpu_seconds']:>8.2f} {figures['documents']:>9} "
                f"{figures['per_cpu_second']:>9.1f}  {'docs/CPUs':<8} "
                f"{parse['peak_rss_mib']:>8.0f} {'':>11}"
            )
    for size in sorted(results["sizes"], key=int):
        size_results = results["sizes"][size]
        if size_results.get("warning"):
            lines.append(f"{int(size):>7}  WARNING: {size_results['warning']}")
        for key, label, unit in SIZE_ROWS:
            row = size_results.get(key)
            if row is None:
                continue
            if "error" in row:
                error = row["error"].splitlines()[-1]
                if error.startswith("skipped: "):
                    lines.append(f"{int(size):>7}  {label:<36} SKIPPED: {error[9:]}")
                else:
                    lines.append(f"{int(size):>7}  {label:<36} FAILED: {error[:90]}")
                continue
            count = row.get("count") or 0
            rate = count / row["seconds"] if row["seconds"] else 0
            ratio = f"{row['ratio']:.2f}x {_short(row['ratio_to'])}" if "ratio" in row else ""
            lines.append(
                f"{int(size):>7}  {label:<36} {row['seconds']:>8.2f} {row['cpu_seconds']:>8.2f} "
                f"{count:>9,} {rate:>9.1f}  {unit:<8} {_peak(row):>8.0f} {ratio:>11}"
            )
        lines.append("")
    return "\n".join(lines)


def _short(key: str) -> str:
    return {
        "jinja_reference": "jinja",
        "pagefind_alone": "pf",
        "build": "full",
        "full_total": "full",
    }.get(key, key)


def format_targets(checks: list[dict]) -> str:
    return "\n".join(
        f"{check['status']:<5} {check['description']}: {check['measured']}"
        + (f" [{check['basis']}]" if check["basis"] else "")
        for check in checks
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.run",
        description=__doc__.split("\n\n")[0],
        epilog="example: python -m benchmarks.run --sizes 1000,10000 --output /tmp/r.json",
    )
    parser.add_argument(
        "--sizes",
        default="1000,10000,100000",
        help="comma-separated numbers of actions (default %(default)s)",
    )
    parser.add_argument(
        "--quick", action="store_true", help="every step, with few parse rounds (for tests)"
    )
    parser.add_argument(
        "--output",
        type=Path,
        default=DEFAULT_OUTPUT,
        help="results JSON (default benchmarks/results.json)",
    )
    parser.add_argument(
        "--workdir",
        type=Path,
        default=DEFAULT_WORKDIR,
        help="stores, sites and indexes go here (default %(default)s)",
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep each size's store, site and index in --workdir"
    )
    parser.add_argument(
        "--parse-rounds",
        type=int,
        default=None,
        help="rounds over the sample documents (default 5, --quick 1)",
    )
    parser.add_argument(
        "--step-timeout",
        type=float,
        default=None,
        help="seconds before a step counts as failed (default: none)",
    )
    parser.add_argument(
        "--force-pagefind",
        action="store_true",
        help="run Pagefind even when it looks too big for the free memory",
    )
    options = parser.parse_args(argv)
    sizes = [int(size.replace("_", "")) for size in options.sizes.split(",") if size.strip()]

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    results: dict = {
        "machine": machine_facts(),
        "options": {
            "sizes": sizes,
            "quick": options.quick,
            "changed_fraction": CHANGED_FRACTION,
            "whoosh_changed": WHOOSH_CHANGED,
        },
        "sizes": {},
    }
    rounds = options.parse_rounds or (1 if options.quick else 5)
    log(f"parse ({rounds} rounds) ...")
    results["parse"] = run_step("parse", {"rounds": rounds}, options.step_timeout)
    options.workdir.mkdir(parents=True, exist_ok=True)
    mib_per_page = PAGEFIND_MIB_PER_PAGE
    for size in sizes:
        size_results = run_size(
            size, options.workdir, options.step_timeout, log, mib_per_page, options.force_pagefind
        )
        alone = size_results.get("pagefind_alone", {})
        if alone.get("count") and alone.get("children_peak_rss_mib"):
            mib_per_page = alone["children_peak_rss_mib"] / alone["count"]
        add_ratios(size_results)
        results["sizes"][str(size)] = size_results
        if not options.keep:
            shutil.rmtree(options.workdir / f"size-{size}", ignore_errors=True)
    results["targets"] = check_targets(results)
    results["finished"] = datetime.now(UTC).isoformat(timespec="seconds")
    print(format_table(results))
    print(format_targets(results["targets"]))
    options.output.parent.mkdir(parents=True, exist_ok=True)
    options.output.write_text(
        json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(f"results: {options.output}")
    failed = [
        key
        for size in results["sizes"].values()
        for key, value in size.items()
        if isinstance(value, dict)
        and "error" in value
        and "estimated_peak_rss_mib" not in value
        and not key.endswith("_total")
    ]
    return 1 if failed or "error" in results["parse"] else 0


if __name__ == "__main__":
    sys.exit(main())
