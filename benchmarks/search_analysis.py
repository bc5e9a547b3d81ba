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
import resource
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
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
        with _timed(timings, "build"):
            build_site(opened, site, policy=policy, workers=1)
        with _timed(timings, "pagefind"):
            pages = index_site(site)["pages"]
        with _timed(timings, "whoosh"):
            update_index(opened, index_dir, policy)
    return {
        **{key: round(value, 2) for key, value in timings.items()},
        "pages_indexed": pages,
        "action_pages_bytes": _bytes(site, "*/*/action/*/index.html"),
        "pagefind_bytes": _bytes(site / "pagefind", "**/*"),
        "whoosh_bytes": _bytes(index_dir, "**/*"),
        "analysers_missing": analysers_missing(),
    }


@contextmanager
def _timed(timings: dict, name: str):
    """Wall seconds and CPU seconds (this process and its children, i.e. Pagefind): on a
    shared machine the CPU time is the steadier of the two."""
    wall, cpu = time.perf_counter(), _cpu_seconds()
    yield
    timings[f"{name}_seconds"] = time.perf_counter() - wall
    timings[f"{name}_cpu_seconds"] = _cpu_seconds() - cpu


def _cpu_seconds() -> float:
    own, children = (
        resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


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
