"""Worker processes for the analysis: a function over consecutive ranges of rows.

The work's shared data (articles, their indexes) is handed to the workers by ``fork``:
it is set in a module global before the pool starts, so only the row ranges and the
results cross process boundaries. Results come back in row order, so a build with any
number of jobs gives the same output as one with a single process.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")

CHUNKS_PER_JOB = 8
"""Ranges per worker: enough that a worker with cheap rows picks up more of them."""

MAX_JOBS_PER_CORE = 4
"""More worker processes than this per core only cost memory: ``jobs: 100000`` forked a
process per row range (the fork pool starts every worker at once)."""

_PAYLOAD: Any = None


def default_jobs(jobs: int | None) -> int:
    """``jobs`` if given, else the cores this process may use."""
    if jobs:
        return max(1, jobs)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def ranges(n: int, parts: int) -> list[range]:
    """``range(n)`` cut into at most ``parts`` consecutive, non-empty ranges."""
    parts = max(1, min(parts, n))
    bounds = [n * k // parts for k in range(parts + 1)]
    return [range(bounds[k], bounds[k + 1]) for k in range(parts) if bounds[k] < bounds[k + 1]]


def _call(task: tuple[Callable[[Any, range], T], range]) -> T:
    fn, rows = task
    return fn(_PAYLOAD, rows)


def map_rows(fn: Callable[[Any, range], T], payload: Any, n: int, jobs: int,
             scheduler: str | None = None) -> list[T]:
    """``fn(payload, rows)`` for consecutive ranges covering ``range(n)``, in order.

    ``fn`` must be a module-level function. With a Dask ``scheduler`` address the rows run
    on that cluster (generator/distributed.py). With one job, or where ``fork`` is not
    available, everything runs in this process.
    """
    if scheduler:
        from .distributed import map_rows as dask_map_rows

        return dask_map_rows(fn, payload, n, scheduler)
    if jobs <= 1 or n < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [fn(payload, rows) for rows in ranges(n, 1)]
    global _PAYLOAD
    _PAYLOAD = payload
    jobs = min(jobs, MAX_JOBS_PER_CORE * default_jobs(None))
    tasks = [(fn, rows) for rows in ranges(n, jobs * CHUNKS_PER_JOB)]
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=min(jobs, len(tasks)), mp_context=context) as pool:
            return list(pool.map(_call, tasks))
    finally:
        _PAYLOAD = None
