"""What the language analysis costs: index time and size with and without it.

    .venv/bin/python -m benchmarks.search_analysis --actions 1000

On a synthetic store (``benchmarks/corpus.py``, seeded) it builds the site, indexes it with
Pagefind and builds the Whoosh index, once with the analysis (Voikko, Hunspell) and once
with ``AVOIN_SEARCH_ANALYSIS=off`` (Snowball stems, no index-only blocks: the search as it
was). Each mode runs in a process of its own, so the word caches start empty. Results go
to ``benchmarks/search_analysis.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RESULTS_FILE = Path(__file__).with_name("search_analysis.json")
MODES = ("off", "on")


def measure_mode(store: Path, work: Path) -> dict:
    """In this process: build, Pagefind, Whoosh; seconds and bytes of each."""
    from benchmarks.steps import policy as benchmark_policy
    from site_builder.build import build_site
    from site_builder.search import index_site
    from transform.analysis import analysers_missing
    from transform.search import update_index
    from transform.store import Store

    site, index_dir = work / "public", work / "index"
    policy = benchmark_policy()
    timings = {}
    with Store(store) as opened:
        started = time.perf_counter()
        build_site(opened, site, policy=policy, workers=1)
        timings["build_seconds"] = time.perf_counter() - started
        started = time.perf_counter()
        pages = index_site(site)["pages"]
        timings["pagefind_seconds"] = time.perf_counter() - started
        started = time.perf_counter()
        update_index(opened, index_dir, policy)
        timings["whoosh_seconds"] = time.perf_counter() - started
    return {
        **{key: round(value, 2) for key, value in timings.items()},
        "pages_indexed": pages,
        "action_pages_bytes": _bytes(site, "*/*/action/*/index.html"),
        "pagefind_bytes": _bytes(site / "pagefind", "**/*"),
        "whoosh_bytes": _bytes(index_dir, "**/*"),
        "analysers_missing": analysers_missing(),
    }


def _bytes(directory: Path, pattern: str) -> int:
    return sum(path.stat().st_size for path in directory.glob(pattern) if path.is_file())


def run(actions: int) -> dict:
    from benchmarks.corpus import write_corpus

    results = {"actions": actions, "modes": {}}
    with tempfile.TemporaryDirectory(prefix="avoin-bench-analysis-") as scratch:
        store = Path(scratch) / "store.sqlite"
        write_corpus(store, actions)
        for mode in MODES:
            work = Path(scratch) / mode
            work.mkdir()
            environment = {**os.environ, "AVOIN_SEARCH_ANALYSIS": mode}
            output = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "benchmarks.search_analysis",
                    "--measure",
                    str(store),
                    str(work),
                ],
                env=environment,
                capture_output=True,
                text=True,
                check=True,
            )
            results["modes"][mode] = json.loads(output.stdout.splitlines()[-1])
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--actions", type=int, default=1000)
    parser.add_argument(
        "--measure", nargs=2, type=Path, metavar=("STORE", "WORK"), help=argparse.SUPPRESS
    )  # one mode, in a child process
    arguments = parser.parse_args()
    if arguments.measure:
        print(json.dumps(measure_mode(*arguments.measure)))
        return
    results = run(arguments.actions)
    RESULTS_FILE.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
