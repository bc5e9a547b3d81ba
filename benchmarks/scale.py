"""Issue 20 goal 4, past one machine: what decides the plan, measured on a large store.

    python -m benchmarks.scale --store /tmp/avoin-1m/store.sqlite --size 1000000 \\
        --town kristinestad --period 2025 --work /tmp/avoin-1m/work \\
        --output benchmarks/scale_1m.json

A whole pipeline run at 1M actions takes many hours on two cores, so this measures the
parts the plan turns on (docs/scale.md), each in a process of its own (benchmarks/steps.py),
so every figure has its own CPU seconds and peak memory:

1. **The store**: written with benchmarks/corpus.py unless ``--store`` exists
   (``--corpus-result`` then supplies the figures of that write); its bytes and write rate.
2. **The store's reads the pipeline depends on** (``QUERIES``), on the whole store.
3. **One partition**: the actions of one town in one period (a year, or a month as
   ``2025-10``) copied into a store of their own (``extract_partition``), then the steps a
   batch runner would run per partition: the dumps, the site build, Pagefind, Whoosh.

The whole is extrapolated from those parts in docs/scale.md, which says what was measured
and what was not.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from benchmarks.run import machine_facts, run_step

# Tables holding a town's records, with the column that names the town, and the date
# column that puts a record in a period (None: the town's records of every period).
TOWN_TABLES = (
    ("municipalities", "id", None),
    ("organizations", "municipality", None),
    ("meetings", "municipality", "start"),
    ("actions", "municipality", "date"),
)
RANDOM_READS = 1_000


# -- the store's reads ----------------------------------------------------------------------


def _action_states(store, args: dict) -> int:
    """Search (and the parallel build's plan): every action's id, content hash, date."""
    return sum(1 for _ in store.action_states())


def _town_digests(store, args: dict) -> int:
    """The dumps: a town's actions without their JSON, to tell which partitions changed."""
    from transform.schema import RecordType

    return sum(1 for _ in store.record_digests(RecordType.ACTION, args["town"]))


def _period_records(store, args: dict) -> int:
    """The dumps: one town-year partition re-read whole (the one a night changed)."""
    from transform.schema import RecordType

    year = args["period"][:4]
    return sum(1 for _ in store.iter_period_records(RecordType.ACTION, args["town"], year))


def _town_stream(store, args: dict) -> int:
    """The dumps' per-town files: a town's actions decoded one at a time."""
    from transform.schema import RecordType

    return sum(1 for _ in store.iter_records(RecordType.ACTION, args["town"]))


def _town_list(store, args: dict) -> int:
    """The site build: a town's actions read into one list (site_builder/published.py)."""
    return len(store.actions(municipality=args["town"], include_withdrawn=True))


def _random_actions(store, args: dict) -> int:
    """Search and the incremental steps: changed actions read one by one by id."""
    ids = [state["id"] for state in store.action_states()]
    chosen = random.Random(11).sample(ids, min(RANDOM_READS, len(ids)))
    return sum(1 for action_id in chosen if store.action(action_id) is not None)


def _changed_since(store, args: dict) -> int:
    """A night's change log: the changes recorded since a time (no index on the time)."""
    rows = store._db.execute(
        "SELECT count(*) FROM changes WHERE changed_at >= ?", (args["since"],)
    ).fetchone()
    return rows[0]


QUERIES = {
    "action_states": _action_states,
    "town_digests": _town_digests,
    "period_records": _period_records,
    "town_stream": _town_stream,
    "town_list": _town_list,
    "random_actions": _random_actions,
    "changed_since": _changed_since,
}


def run_query(name: str, args: dict) -> dict:
    """One store read (``QUERIES``), for benchmarks.steps's ``store_query`` step."""
    from transform.store import Store

    with Store(args["store"]) as store:
        return {"query": name, "count": QUERIES[name](store, args)}


# -- one partition --------------------------------------------------------------------------


def extract_partition(source: Path, destination: Path, town: str, period: str) -> dict:
    """A store of its own holding ``town``'s municipality and organisations and its
    meetings and actions dated in ``period`` (a prefix of the ISO date: "2025", "2025-10"),
    with their versions and logged changes: what one batch job of a build partitioned by
    town would read. Counts of the rows copied, by table."""
    from transform.store import Store

    for suffix in ("", "-wal", "-shm"):
        Path(f"{destination}{suffix}").unlink(missing_ok=True)
    with Store(destination):
        pass  # the schema, by the store's own migrations
    copied = {}
    with sqlite3.connect(f"file:{destination}", uri=True) as db:
        db.execute("ATTACH DATABASE ? AS source", (f"file:{source}?mode=ro",))
        for table, town_column, date_column in TOWN_TABLES:
            where, values = f"{town_column} = ?", [town]
            if date_column:
                where += f" AND substr({date_column}, 1, {len(period)}) = ?"
                values.append(period)
            cursor = db.execute(
                f"INSERT INTO main.{table} SELECT * FROM source.{table} WHERE {where}", values
            )
            copied[table] = cursor.rowcount
        copied["action_versions"] = db.execute(
            "INSERT INTO main.action_versions SELECT * FROM source.action_versions "
            "WHERE action_id IN (SELECT id FROM main.actions)"
        ).rowcount
        copied["changes"] = db.execute(
            "INSERT INTO main.changes SELECT * FROM source.changes WHERE municipality = ? "
            "AND (record_id IN (SELECT id FROM main.actions) "
            "OR record_id IN (SELECT id FROM main.meetings) "
            "OR record_id IN (SELECT id FROM main.organizations) OR record_id = ?)",
            (town, town),
        ).rowcount
    return copied


PARTITION_STEPS = (
    ("export", "export"),
    ("build", "build"),
    ("pagefind", "pagefind"),
    ("whoosh", "whoosh"),
)


def measure_partition(options, log) -> dict:
    work = options.work / f"{options.town}-{options.period}"
    work.mkdir(parents=True, exist_ok=True)
    store, site, index = work / "store.sqlite", work / "site", work / "index"
    started, cpu_started = time.perf_counter(), time.process_time()
    copied = extract_partition(options.store, store, options.town, options.period)
    results = {
        "town": options.town,
        "period": options.period,
        "extract": {
            "copied": copied,
            "seconds": time.perf_counter() - started,
            "cpu_seconds": time.process_time() - cpu_started,
            "store_bytes": store.stat().st_size,
        },
    }
    log(f"partition {options.town} {options.period}: {copied}")
    arguments = {"store": str(store), "site": str(site), "index": str(index)}
    for key, name in PARTITION_STEPS:
        results[key] = run_step(name, arguments, None)
        log(f"  {key}: {_summary(results[key])}")
    return results


# -- the whole, extrapolated ----------------------------------------------------------------

NATIONAL_ACTIONS = 6_000_000  # ~300 municipalities and the welfare regions (issue 20)
NATIONAL_PUBLISHERS = 320


def extrapolate(results: dict, actions: int = NATIONAL_ACTIONS) -> dict:
    """The partition's CPU seconds per action, times ``actions``: what a full build of the
    whole costs if it is the sum of its partitions (it is: dumps, pages and Pagefind bundles
    are already per municipality and year). The store's bytes and write time in
    proportion to the measured store. Nothing here was measured at ``actions``."""
    partition, store = results["partition"], results["store"]
    measured = partition["extract"]["copied"]["actions"]
    per_action = {
        key: partition[key]["cpu_seconds"] / measured
        for key, _ in PARTITION_STEPS
        if "error" not in partition[key]
    }
    stored = store["rows"]["actions"]
    return {
        "actions": actions,
        "cpu_hours": {key: value * actions / 3600 for key, value in per_action.items()},
        "cpu_hours_full_build": sum(
            per_action[key] for key in ("export", "build", "pagefind") if key in per_action
        )
        * actions
        / 3600,
        "store_gib": store["bytes"] * actions / stored / 2**30,
        "store_write_cpu_hours": (store["write"].get("cpu_seconds") or 0) * actions / stored / 3600,
        "partition_peak_mib": {
            key: max(partition[key]["peak_rss_mib"], partition[key]["children_peak_rss_mib"])
            for key in per_action
        },
    }


# -- the run --------------------------------------------------------------------------------


def measure_store(options, log) -> dict:
    if options.store.exists():
        figures = json.loads(options.corpus_result.read_text()) if options.corpus_result else {}
    else:
        log(f"writing {options.size:,} actions to {options.store} ...")
        figures = run_step("corpus", {"store": str(options.store), "size": options.size}, None)
    with sqlite3.connect(f"file:{options.store}?mode=ro", uri=True) as db:
        counts = {
            table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("actions", "meetings", "organizations", "changes")
        }
        towns = dict(db.execute("SELECT municipality, count(*) FROM actions GROUP BY 1"))
    return {
        "write": figures,
        "bytes": sum(
            Path(f"{options.store}{suffix}").stat().st_size
            for suffix in ("", "-wal")
            if Path(f"{options.store}{suffix}").exists()
        ),
        "rows": counts,
        "actions_by_town": towns,
    }


def measure_queries(options, log) -> dict:
    arguments = {
        "store": str(options.store),
        "town": options.town,
        "period": options.period,
        "since": options.since,
    }
    results = {}
    for name in QUERIES:
        results[name] = run_step("store_query", {**arguments, "query": name}, None)
        log(f"  query {name}: {_summary(results[name])}")
    return results


def _summary(result: dict) -> str:
    if "error" in result:
        return f"FAILED {result['error'].splitlines()[-1]}"
    return (
        f"{result.get('count')} in {result['seconds']:.1f} s ({result['cpu_seconds']:.1f} s "
        f"CPU), {max(result['peak_rss_mib'], result['children_peak_rss_mib']):.0f} MiB"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.scale",
        description=__doc__.split("\n\n")[0],
        epilog="example: python -m benchmarks.scale --store /tmp/s.sqlite --size 1000000",
    )
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--size", type=int, default=1_000_000, help="actions, when writing")
    parser.add_argument(
        "--corpus-result", type=Path, help="the corpus step's JSON of an existing --store"
    )
    parser.add_argument("--town", default="kristinestad")
    parser.add_argument("--period", default="2025", help="a year, or a month as 2025-10")
    parser.add_argument(
        "--since", default="2026-11-01", help="the changed-since query's time (ISO)"
    )
    parser.add_argument("--work", type=Path, required=True, help="the partition goes here")
    parser.add_argument(
        "--phases",
        default="store,queries,partition",
        help="comma-separated, in this order; an existing --output keeps the others",
    )
    parser.add_argument("--output", type=Path, required=True)
    options = parser.parse_args(argv)

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    results = json.loads(options.output.read_text()) if options.output.exists() else {}
    results["machine"] = machine_facts()
    phases = {"store": measure_store, "queries": measure_queries, "partition": measure_partition}
    for phase in options.phases.split(","):
        log(f"{phase} ...")
        results[phase] = phases[phase](options, log)
        results[phase]["finished"] = datetime.now(UTC).isoformat(timespec="seconds")
        options.output.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n")
    if "store" in results and "partition" in results:
        results["extrapolated"] = extrapolate(results)
        options.output.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n")
    print(f"results: {options.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
