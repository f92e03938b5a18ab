"""A ``with`` block that prints its CPU and wall seconds, peak RSS and load average when it
ends: the one timer of bench/analysis_stages.py and bench/build_stages.py."""

from __future__ import annotations

import os
import resource
import time


def cpu_seconds() -> float:
    """User + system CPU of this process and of its finished child processes."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


class Stage:
    """Prints the CPU and wall seconds of the block it wraps."""

    def __init__(self, name: str):
        self.name = name

    def __enter__(self):
        self.cpu, self.wall = cpu_seconds(), time.perf_counter()

    def __exit__(self, *exc):
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        print(f"{self.name}: cpu {cpu_seconds() - self.cpu:.1f} s, wall {time.perf_counter() - self.wall:.1f} s, "
              f"peak rss {rss} MB, load {os.getloadavg()[0]:.1f}", flush=True)
