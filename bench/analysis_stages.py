"""CPU and wall time of each analysis stage of a site, printed as each one ends.

    python bench/analysis_stages.py SITE [JOBS] [--skip-quote-clusters]

For long runs (N = 10,000) where one slow stage would hide the others: the stages of
``generator.build.analyse`` run one by one (semantic analysis as site.yml says), each
line giving the stage's CPU seconds (this process and finished workers), wall seconds, the
process's peak RSS so far and the load average. ``--skip-quote-clusters`` leaves out quote
clustering and what needs it (drift).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from generator import compare  # noqa: E402
from generator.compare_settings import split_settings  # noqa: E402
from generator.build import extract_all, load_site  # noqa: E402
from generator.cache import Cache  # noqa: E402
from generator.drift import find_drift  # noqa: E402
from generator.progress import Progress  # noqa: E402
from generator.provenance import provenance  # noqa: E402
from generator.quotes import cluster_quotes  # noqa: E402
from generator.stories import stories  # noqa: E402
from stage_timer import Stage  # noqa: E402


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    site, jobs = Path(args[0]), int(args[1]) if len(args) > 1 else 2
    with Stage("read, clean, segment"):
        config, articles, _ = load_site(site)
    settings, prune = split_settings(config.compare)
    cache = Cache.for_site(site)
    with Stage(f"compare ({len(articles)} articles)"):
        pairs = compare.compare_all(articles, settings, jobs, cache, None, prune)
    print(f"  aligned {compare.LAST_STATS.computed}, from cache {compare.LAST_STATS.reused}, "
          f"listed {len(pairs)}, complete {pairs.complete}", flush=True)
    with Stage("provenance (reads every stored row)"):
        prov = provenance(articles, pairs)
    by_id = {a.id: a for a in articles}
    ordered = tuple(by_id[i] for i in prov.order)
    with Stage("quotes: extract"):
        quotes = extract_all(ordered, cache, Progress(enabled=False), None)
    if "--skip-quote-clusters" not in sys.argv:
        with Stage("quotes: cluster"):
            clusters = cluster_quotes(ordered, quotes, prov.order, cache, jobs, None,
                                      None if pairs.complete else pairs.neighbours())
        print(f"  {len(clusters)} quote clusters", flush=True)
        with Stage("drift"):
            find_drift(ordered, pairs, clusters, prov)
    with Stage("stories"):
        found = stories(ordered, pairs, config.stories, config.content)
    print(f"  {len(found)} stories", flush=True)


if __name__ == "__main__":
    main()
