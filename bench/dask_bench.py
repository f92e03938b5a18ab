"""Throughput of the pair alignment on a local two-worker Dask cluster against one process.

    python bench/dask_bench.py --sizes 200,1000
    python bench/dask_bench.py --sizes 10000 --runs one,dask   # many stories past 1,000

For each N, a synthetic set (bench/synth.py, ~600 words an article; one story up to 1,000
articles, many stories above) is compared with ``compare_all`` (no cache) three ways: in
this process (jobs 1), over a fork pool (jobs 2) and on a ``LocalCluster(n_workers=2,
processes=True, threads_per_worker=1)`` through its scheduler address, as ``wiretrace
build --scheduler`` does. Prints one JSON line per run: wall seconds, CPU seconds of this
process and the cluster's processes, candidate pairs aligned, pairs per second of wall
time, whether the results equal the single-process ones, and the load average.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time

import psutil
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH.parent), str(BENCH)]

from bench_build import STORIES_ABOVE  # noqa: E402
from synth import generate  # noqa: E402

from generator import compare  # noqa: E402


def _cpu(procs) -> float:
    """CPU seconds (user + system) of this process, its finished children and ``procs``."""
    own = os.times()
    total = own.user + own.system + own.children_user + own.children_system
    for p in procs:
        try:
            t = p.cpu_times()
            total += t.user + t.system
        except psutil.NoSuchProcess:
            pass
    return total


def timed(articles, procs=(), **kwargs) -> tuple[float, float, object]:
    cpu, started = _cpu(procs), time.perf_counter()
    result = compare.compare_all(articles, **kwargs)
    return time.perf_counter() - started, _cpu(procs) - cpu, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="200,1000")
    parser.add_argument("--runs", default="one,fork,dask", help="which of the three runs, comma-separated")
    args = parser.parse_args()
    runs = {"one": ("one process", {"jobs": 1}), "fork": ("fork pool, 2 jobs", {"jobs": 2}),
            "dask": ("dask LocalCluster, 2 workers", {"scheduler": None})}
    from dask.distributed import LocalCluster

    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=":0") as cluster:
        workers = psutil.Process().children(recursive=True)
        for n in map(int, args.sizes.split(",")):
            articles = list(generate(n, seed=0, stories=n > STORIES_ABOVE).articles)
            base = None
            for name, kwargs in (runs[r] for r in args.runs.split(",")):
                if "scheduler" in kwargs:
                    kwargs = {"scheduler": cluster.scheduler_address}
                wall, cpu, result = timed(articles, workers if "scheduler" in kwargs else (), **kwargs)
                base = result if base is None else base
                aligned = compare.LAST_STATS.computed
                print(json.dumps({"n": n, "run": name, "wall_s": round(wall, 2), "cpu_s": round(cpu, 2),
                                  "aligned_pairs": aligned, "pairs_per_s": round(aligned / wall, 1),
                                  "identical": result == base, "load": round(os.getloadavg()[0], 1)}),
                      flush=True)

if __name__ == "__main__":
    main()
