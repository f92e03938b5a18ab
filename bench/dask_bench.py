"""Throughput of the pair alignment on a local two-worker Dask cluster against one process.

    python bench/dask_bench.py --sizes 200,1000

For each N, a synthetic set (bench/synth.py, one story, ~600 words an article) is compared
with ``compare_all`` three ways: in this process (jobs 1), over a fork pool (jobs 2) and on
a ``LocalCluster(n_workers=2, processes=True, threads_per_worker=1)`` through its
scheduler address, as ``wiretrace build --scheduler`` does. Prints one JSON line per run:
wall seconds, candidate pairs aligned, pairs per second, and whether the results equal the
single-process ones.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH.parent), str(BENCH)]

from synth import generate  # noqa: E402

from generator import compare  # noqa: E402


def timed(articles, **kwargs) -> tuple[float, list]:
    started = time.perf_counter()
    result = compare.compare_all(articles, **kwargs)
    return time.perf_counter() - started, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="200,1000")
    args = parser.parse_args()
    from dask.distributed import LocalCluster

    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=":0") as cluster:
        for n in map(int, args.sizes.split(",")):
            articles = list(generate(n, seed=0).articles)
            base_time, base = timed(articles, jobs=1)
            aligned = compare.LAST_STATS.computed
            for name, kwargs in (("one process", {"jobs": 1}), ("fork pool, 2 jobs", {"jobs": 2}),
                                 ("dask LocalCluster, 2 workers", {"scheduler": cluster.scheduler_address})):
                wall, result = (base_time, base) if name == "one process" else timed(articles, **kwargs)
                print(json.dumps({"n": n, "run": name, "wall_s": round(wall, 2), "aligned_pairs": aligned,
                                  "pairs_per_s": round(aligned / wall, 1), "identical": result == base}),
                      flush=True)


if __name__ == "__main__":
    main()
