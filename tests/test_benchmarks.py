"""The benchmark (benchmarks/run.py) runs end to end at a tiny size. No timing assertions:
the figures depend on the machine; this only keeps the benchmark itself working."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.corpus import write_corpus
from benchmarks.run import SIZE_ROWS, TARGETS
from transform.store import Store

pytestmark = pytest.mark.slow
PROJECT_ROOT = Path(__file__).resolve().parent.parent
STEP_KEYS = [key for key, _, _ in SIZE_ROWS]


@pytest.fixture(scope="module")
def tiny_run(tmp_path_factory):
    work = tmp_path_factory.mktemp("bench")
    output = work / "results.json"
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "benchmarks.run",
            "--sizes",
            "120",
            "--quick",
            "--output",
            str(output),
            "--workdir",
            str(work / "work"),
        ],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    return completed, output


def test_the_benchmark_completes_and_prints_the_table(tiny_run):
    completed, _ = tiny_run
    assert completed.returncode == 0, completed.stderr[-3000:]
    assert "FAILED" not in completed.stdout
    for label in (
        "site: build_site",
        "ref: raw jinja2",
        "search: index_site (Pagefind)",
        "ref: Pagefind binary alone",
        "dumps: export_dumps",
        "whoosh: full index",
        "incr: build_site",
        "whoosh: update after 1,000 changed",
        "parse: item PDFs",
        "parse: item pages (HTML)",
        "parse: attachment files (all kinds)",
    ):
        assert label in completed.stdout
    for description in TARGETS.values():
        assert description in completed.stdout


def test_the_results_file_has_every_step(tiny_run):
    _, output = tiny_run
    results = json.loads(output.read_text(encoding="utf-8"))
    assert {"cores", "python", "date"} <= set(results["machine"])
    size = results["sizes"]["120"]
    for key in STEP_KEYS:
        assert "error" not in size[key], (key, size[key])
        assert size[key]["seconds"] >= 0 and size[key]["peak_rss_mib"] > 0
    assert size["corpus"]["count"] == 120
    assert (
        size["build"]["written"] > 120
        and size["jinja_reference"]["count"] == (size["build"]["written"])
    )
    assert size["incremental_build"]["written"] < size["build"]["written"]
    assert size["whoosh_incremental"]["updated"] == 120  # 1,000 asked, 120 there
    assert {"ratio", "ratio_to"} <= set(size["build"])
    categories = results["parse"]["categories"]
    assert all(
        categories[name]["documents"] > 0
        for name in ("meeting_pages", "item_pages_html", "item_pdfs", "attachment_files")
    )
    assert {check["target"] for check in results["targets"]} == set(TARGETS)


def test_the_corpus_is_deterministic_and_realistic(tmp_path):
    def snapshot(path):
        write_corpus(path, 150)
        with Store(path) as store:
            return [
                (a["id"], a["title"], a["contents"], a["attachments"]) for a in store.actions()
            ], store.counts()

    first, counts = snapshot(tmp_path / "a.sqlite")
    second, _ = snapshot(tmp_path / "b.sqlite")
    assert first == second
    assert counts["actions"] == 150 and counts["municipalities"] == 5
    with Store(tmp_path / "a.sqlite") as store:
        actions = store.actions()
        meetings = store.meetings()
    assert {action["language"] for action in actions} == {"fi", "sv"}
    sizes = sorted(sum(1 for a in actions if a["meeting"] == m["id"]) for m in meetings)
    assert max(sizes) <= 15 and sizes[len(sizes) // 2] >= 8  # a town's last meeting: the rest
    presentations = [
        len(c["text"]) for a in actions for c in a["contents"] if c["type"] == "presentation"
    ]
    assert min(presentations) >= 1500 and max(presentations) <= 6000
    assert any(not a["meeting"] for a in actions)  # officeholder decisions
    assert {a["outcome"] for a in actions} >= {"approved_as_proposed", "tabled"}
