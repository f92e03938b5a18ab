"""The stories a many-story synthetic site is clustered into, against the generated ones.

    python bench/stories_truth.py SITE N      # SITE: bench_build.make_site(N, ...), N > STORIES_ABOVE

Reads the site's articles and pairs (from its cache when warm), runs ``stories()`` and
compares with ``synth.generate(N, seed=1, stories=True)``: purity, split stories, and for
each article left alone whether it shares any sentence with its story, what kind of article
it is in the generator (copied from a parent, copied by others, or an original sharing only
the story's facts), whether the pair with its best partner was listed (not pruned) and
whether that pair's containment reaches ``MIN_CONTAINMENT`` in both directions.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generator import compare  # noqa: E402
from generator.compare_settings import split_settings  # noqa: E402
from generator.build import load_site  # noqa: E402
from generator.cache import Cache  # noqa: E402
from generator.stories import MIN_CONTAINMENT, stories  # noqa: E402
from synth import generate  # noqa: E402


def main() -> None:
    site, n = Path(sys.argv[1]), int(sys.argv[2])
    config, articles, _ = load_site(site)
    settings, prune = split_settings(config.compare)
    pairs = compare.compare_all(articles, settings, 1, Cache.for_site(site), None, prune)
    found = stories(tuple(articles), pairs, config.stories, config.content)
    data = generate(n, seed=1, stories=True)
    ids = [a.id for a in data.articles]
    label = dict(zip(ids, data.story))
    origins = {aid: {s.origin for s in sentences} for aid, sentences in zip(ids, data.sentences)}
    copied_by = Counter(ids[p] for p in data.parents if p is not None)
    print(f"generated stories {len(set(data.story))}, found {len(found)}, listed pairs {len(pairs)}")
    print("found sizes (size, count), smallest:", sorted(Counter(len(s.articles) for s in found).items())[:8])
    print("found stories mixing generated ones:", sum(len({label[a] for a in s.articles}) > 1 for s in found))
    pieces = Counter(label[s.articles[0]] for s in found)
    print("generated stories split:", sum(v > 1 for v in pieces.values()))
    by_origin: dict[tuple[int, int], set[str]] = defaultdict(set)
    for aid, own in origins.items():
        for o in own:
            by_origin[(label[aid], o)].add(aid)
    alone = [s.articles[0] for s in found if len(s.articles) == 1]
    kinds: Counter = Counter()
    for aid in alone:
        partners = set().union(*(by_origin[(label[aid], o)] for o in origins[aid])) - {aid}
        if not partners:
            kinds["shares no sentence with its story"] += 1
            continue
        parent = data.parents[ids.index(aid)]
        kind = "copied from a parent" if parent is not None else (
            "copied by others" if copied_by[aid] else "original, shares only facts")
        best = max(_both_ways(pairs, aid, b) for b in partners)
        kinds[(kind, "listed" if best[1] else "not listed",
               f"containment {'>=' if best[0] >= MIN_CONTAINMENT else '<'} {MIN_CONTAINMENT}")] += 1
    print(f"single-article stories {len(alone)}:")
    for kind, count in sorted(kinds.items(), key=str):
        print(f"  {kind}: {count}")


def _both_ways(pairs, a: str, b: str) -> tuple[float, bool]:
    """The smaller containment of the two directions, and whether either was listed."""
    there, back = pairs.get(a, b), pairs.get(b, a)
    both = min(there.containment, back.containment) if there and back else 0.0
    return both, there is not None or back is not None


if __name__ == "__main__":
    main()
