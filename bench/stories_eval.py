"""Story clustering against known groups: METER courts, where every PA wire text and
newspaper article sits in a folder ``DATE/CATCHLINE`` (its story).

    python bench/stories_eval.py [--corpora DIR] [--semantic]

Every PA file and every newspaper file is one article (read, cleaned and segmented by
wiretrace); all ordered pairs are compared with ``compare_all`` and grouped by
``generator.stories.stories`` at a grid of thresholds. Scores are B-cubed (Bagga &
Baldwin 1998: per article, the share of its cluster that is in its gold story, averaged =
precision or "purity"; the share of its gold story in its cluster = recall) and pairwise
(over pairs of articles put together / together in the gold). The corpus is read from
../shared/corpora at run time and never copied.

``--semantic`` adds links by meaning (``generator.stories.meaning_links``: article vectors
from all-MiniLM-L6-v2 sentence embeddings, cached in bench/out/stories-semantic/) at a grid
of ``min_meaning`` thresholds, over the default text links. Paraphrase passages are not
computed for the ~2 M pairs, so text links are lexical only.
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
from generator.stories import MIN_CONTAINMENT, MIN_MEANING, MIN_REUSE, stories  # noqa: E402

MEANING_GRID = [0.8, 0.85, 0.88, 0.9, 0.92, 0.94, 0.96]
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
    parser.add_argument("--semantic", action="store_true", help="also link by meaning (real model)")
    parser.add_argument("--halves", action="store_true",
                        help="with --semantic: the meaning grid on each half of the gold stories (alternate "
                             "story names), to choose on one half and report on the other")
    args = parser.parse_args()
    started = time.perf_counter()
    articles, gold = corpus(args.corpora / "meter-courts")
    pairs = compare_all(articles, jobs=2)
    print(f"{len(articles)} articles, {len(set(gold.values()))} gold stories, "
          f"compared in {time.perf_counter() - started:.0f} s\n")
    print("| min reuse | min containment | min meaning | stories | B³ precision (purity) | B³ recall | B³ F1 "
          "| pairwise precision | pairwise recall |")
    print("|---|---|---|---|---|---|---|---|---|")
    for reuse, cont in sorted(set(GRID) | {(MIN_REUSE, MIN_CONTAINMENT)}):
        _row(articles, pairs, gold, reuse, cont, None, None)
    if args.semantic:
        meaning = _article_vectors(articles)
        for threshold in sorted(set(MEANING_GRID) | {MIN_MEANING}):
            _row(articles, pairs, gold, MIN_REUSE, MIN_CONTAINMENT, meaning, threshold)
        if args.halves:
            names = sorted(set(gold.values()))
            for half in (0, 1):
                stories_in = set(names[half::2])
                part = [a for a in articles if gold[a.id] in stories_in]
                print(f"\nhalf {'AB'[half]}: {len(part)} articles, {len(stories_in)} gold stories\n")
                for threshold in [None, *sorted(set(MEANING_GRID) | {MIN_MEANING})]:
                    _row(part, pairs, {a.id: gold[a.id] for a in part}, MIN_REUSE, MIN_CONTAINMENT,
                         meaning if threshold else None, threshold)


def _row(articles, pairs, gold, reuse, cont, meaning, threshold) -> None:
    found = {a: s.id for s in stories(tuple(articles), pairs, min_reuse=reuse, min_containment=cont,
                                      meaning=meaning, min_meaning=threshold or MIN_MEANING)
             for a in s.articles}
    p, r = bcubed(found, gold)
    pp, pr = pairwise(found, gold)
    default = (reuse, cont) == (MIN_REUSE, MIN_CONTAINMENT) and threshold in (None, MIN_MEANING)
    mark = " (default)" if default else ""
    print(f"| {reuse}{mark} | {cont} | {threshold or 'off'} | {len(set(found.values()))} | {p:.3f} | {r:.3f} | "
          f"{2 * p * r / (p + r):.3f} | {pp:.3f} | {pr:.3f} |", flush=True)


def _article_vectors(articles):
    from generator.semantic.articles import article_vectors
    from generator.semantic.encoder import Embeddings, LazyModel

    started = time.perf_counter()
    emb = Embeddings(LazyModel(), BENCH / "out" / "stories-semantic")
    vectors = article_vectors(articles, emb)
    emb.save()
    print(f"\n(article vectors: {len(emb.vectors)} sentences, {time.perf_counter() - started:.0f} s)\n")
    return vectors


if __name__ == "__main__":
    main()
