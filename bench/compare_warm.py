"""CPU time of the compare stage on a site whose pair cache is filled, and of what reads it.

    python bench/compare_warm.py SITE [JOBS]     # run it twice: the first run fills the cache

Prints, for ``compare_all`` on the site's articles (its own cache folder), the CPU seconds
(this process and its workers) and peak RSS, then the CPU seconds of the first pass over
every stored pair (where cached rows are unpickled), of a pass over every ordered pair (the
all-zero ones made on the way, as report.json's writer does not) and of provenance.
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from generator import compare  # noqa: E402
from generator.compare_settings import split_settings  # noqa: E402
from generator.build import load_site  # noqa: E402
from generator.cache import Cache  # noqa: E402
from generator.provenance import provenance  # noqa: E402


def cpu() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> None:
    site, jobs = Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 1
    config, articles, _ = load_site(site)
    settings, prune = split_settings(config.compare)
    started, wall = cpu(), time.perf_counter()
    table = compare.compare_all(articles, settings, jobs, Cache.for_site(site), None, prune)
    line = {"n": len(articles), "jobs": jobs, "compare_cpu_s": round(cpu() - started, 2),
            "compare_wall_s": round(time.perf_counter() - wall, 2),
            "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
            "computed": compare.LAST_STATS.computed, "reused": compare.LAST_STATS.reused}
    started = cpu()
    line["stored_pairs"] = sum(1 for _ in table.stored)
    line["first_read_cpu_s"] = round(cpu() - started, 2)
    started = cpu()
    line["every_pair"] = sum(1 for _ in table)
    line["every_pair_cpu_s"] = round(cpu() - started, 2)
    started = cpu()
    provenance(articles, table)
    line["provenance_cpu_s"] = round(cpu() - started, 2)
    print(line, flush=True)


if __name__ == "__main__":
    main()
