"""Benchmarks for issue 7 ("Fast at every size"): ``python -m benchmarks.run``.

corpus.py writes a synthetic, seeded store of a given size; steps.py runs one measured
step (a child process each, so peak memory is per step); run.py drives the sizes and
steps, prints the table, checks the targets and writes results.json.
"""
