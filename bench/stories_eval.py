"""Story clustering against known groups: METER courts, where every PA wire text and
newspaper article sits in a folder ``DATE/CATCHLINE`` (its story).

    python bench/stories_eval.py [--corpora DIR]

Every PA file and every newspaper file is one article (read, cleaned and segmented by
wiretrace); all ordered pairs are compared with ``compare_all`` and grouped by
``generator.stories.stories`` at a grid of thresholds. Scores are B-cubed (Bagga &
Baldwin 1998: per article, the share of its cluster that is in its gold story, averaged =
precision or "purity"; the share of its gold story in its cluster = recall) and pairwise
(over pairs of articles put together / together in the gold). The corpus is read from
../shared/corpora at run time and never copied.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from itertools import combinations
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path[:0] = [str(ROOT), str(BENCH)]

from accuracy import article  # noqa: E402

from generator.compare import compare_all  # noqa: E402
from generator.stories import MIN_CONTAINMENT, MIN_REUSE, stories  # noqa: E402

GRID = [(0.1, 0.02), (0.1, 0.05), (0.15, 0.03), (0.2, 0.05), (1.01, 0.03), (0.1, 1.01)]
"""(min reuse, min containment), both directions; 1.01 switches a criterion off."""


def corpus(root: Path) -> tuple[list, dict[str, str]]:
    files = sorted((root / "PA/rawtexts/courts").glob("*/*/*.txt")) + \
        sorted((root / "newspapers/rawtexts/courts").glob("*/*/*.txt"))
    articles, gold = [], {}
    for n, path in enumerate(files):
        a = article(f"m{n}", [path])
        if a.words:
            articles.append(a)
            gold[a.id] = f"{path.parent.parent.name}/{path.parent.name}"
    return articles, gold


def bcubed(found: dict[str, str], gold: dict[str, str]) -> tuple[float, float]:
    size_f, size_g = Counter(found.values()), Counter(gold.values())
    both = Counter((found[a], gold[a]) for a in gold)
    p = sum(both[found[a], gold[a]] / size_f[found[a]] for a in gold) / len(gold)
    r = sum(both[found[a], gold[a]] / size_g[gold[a]] for a in gold) / len(gold)
    return p, r


def pairwise(found: dict[str, str], gold: dict[str, str]) -> tuple[float, float]:
    ids = sorted(gold)
    tp = fp = fn = 0
    for a, b in combinations(ids, 2):
        same_f, same_g = found[a] == found[b], gold[a] == gold[b]
        tp += same_f and same_g
        fp += same_f and not same_g
        fn += same_g and not same_f
    return tp / max(1, tp + fp), tp / max(1, tp + fn)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    args = parser.parse_args()
    started = time.perf_counter()
    articles, gold = corpus(args.corpora / "meter-courts")
    pairs = compare_all(articles, jobs=2)
    print(f"{len(articles)} articles, {len(set(gold.values()))} gold stories, "
          f"compared in {time.perf_counter() - started:.0f} s\n")
    print("| min reuse | min containment | stories | B³ precision (purity) | B³ recall | B³ F1 "
          "| pairwise precision | pairwise recall |")
    print("|---|---|---|---|---|---|---|---|")
    for reuse, cont in sorted(set(GRID) | {(MIN_REUSE, MIN_CONTAINMENT)}):
        found = {a: s.id for s in stories(tuple(articles), pairs, min_reuse=reuse, min_containment=cont)
                 for a in s.articles}
        p, r = bcubed(found, gold)
        pp, pr = pairwise(found, gold)
        mark = " (default)" if (reuse, cont) == (MIN_REUSE, MIN_CONTAINMENT) else ""
        print(f"| {reuse}{mark} | {cont} | {len(set(found.values()))} | {p:.3f} | {r:.3f} | "
              f"{2 * p * r / (p + r):.3f} | {pp:.3f} | {pr:.3f} |")


if __name__ == "__main__":
    main()
