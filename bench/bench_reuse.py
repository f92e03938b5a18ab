"""Reuse analysis over all ordered pairs of synthetic sets, against a naive difflib baseline.

    python bench/bench_reuse.py              # N = 10, 100, 1000, one subprocess each
    python bench/bench_reuse.py --one 100    # a single size, printed as JSON

Analysis time covers preparing every article's seed index and ``compare_all`` over the
N x (N - 1) ordered pairs, on one core. Peak memory is the process's ru_maxrss (its
high-water mark, so it includes Python, the set and the results).
The baseline scores every sentence of A against every sentence of S with
difflib.SequenceMatcher over words; it is timed on a sample of article pairs (all pairs
for N = 10) and extrapolated to N x (N - 1) pairs.
"""

from __future__ import annotations

import argparse
import difflib
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generator import compare  # noqa: E402
from synth import generate  # noqa: E402

BASELINE_SAMPLE = 40


def naive_pair(article, source) -> float:
    """Share of A's words in sentences with a SequenceMatcher ratio of 0.5+ to some S sentence."""
    def sentences(a):
        return [[w for w in a.text[s.start : s.end].casefold().split()] for s in a.sentences]

    reused = total = 0
    targets = sentences(source)
    for words in sentences(article):
        total += len(words)
        matcher = difflib.SequenceMatcher(None, autojunk=False)
        matcher.set_seq2(words)
        if any((matcher.set_seq1(t), matcher.ratio())[1] >= 0.5 for t in targets):
            reused += len(words)
    return reused / total if total else 0.0


def run_one(n: int) -> dict:
    data = generate(n, seed=1)
    articles = list(data.articles)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    compare._CACHE.clear()
    start = time.perf_counter()
    results = compare.compare_all(articles)
    elapsed = time.perf_counter() - start
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    index = {(r.article, r.source): r for r in results}
    errors = [
        abs(index[(a.id, articles[p].id)].reuse - data.truth(k, p))
        for k, (a, p) in enumerate(zip(articles, data.parents))
        if p is not None
    ]
    pairs = [(i, j) for i in range(n) for j in range(n) if i != j]
    sample = pairs if n <= 10 else random.Random(0).sample(pairs, BASELINE_SAMPLE)
    start = time.perf_counter()
    for i, j in sample:
        naive_pair(articles[i], articles[j])
    per_pair = (time.perf_counter() - start) / len(sample)
    return {
        "n": n,
        "pairs": len(results),
        "aligned_pairs": sum(1 for r in results if r.passages),
        "words_mean": round(sum(len(a.words) for a in articles) / n),
        "analysis_s": round(elapsed, 2),
        "us_per_pair": round(elapsed / len(results) * 1e6, 1),
        "maxrss_mb": round(rss_after / 1024, 1),
        "maxrss_growth_mb": round((rss_after - rss_before) / 1024, 1),
        "reuse_mae_vs_parent": round(sum(errors) / len(errors), 4) if errors else None,
        "baseline_pairs_timed": len(sample),
        "baseline_s_per_pair": round(per_pair, 4),
        "baseline_total_s": round(per_pair * len(results), 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--one", type=int)
    parser.add_argument("--sizes", default="10,100,1000")
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one)))
        return
    for n in map(int, args.sizes.split(",")):
        out = subprocess.run([sys.executable, __file__, "--one", str(n)], capture_output=True, text=True, check=True)
        print(out.stdout.strip(), flush=True)


if __name__ == "__main__":
    main()
