"""Passage alignment between two token lists: seeds → exact runs → chained passages.

The steps, each a short function:

1. ``prepare``: hash every seed n-gram of an article once (the per-article index a caller
   caches and reuses for every pair).
2. ``exact_runs``: look A's seeds up in S's index and grow each hit along its diagonal
   into a maximal run of identical words.
3. ``best_chains``: chain runs that follow each other in both texts with small gaps (an
   edit, a dropped clause, a merged or split sentence) into passages, best chain first,
   each of A's words used once.

Word-level classification and edit operations live in ``passages.py``.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Mapping

from .model import Article
from .text import shingle_hashes

# Function words: a seed made only of these ("of the united") says nothing about reuse,
# and a passage needs some words outside this list to count.
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers herself him himself his how i if
    in into is it its itself just me more most my myself no nor not now of off on once only
    or other our ours ourselves out over own same she should so some such than that the their
    theirs them themselves then there these they this those through to too under until up
    very was we were what when where which while who whom why will with would you your yours
    yourself yourselves s t said says say told""".split()
)


@dataclass(frozen=True, slots=True)
class Run:
    """Identical words ``A[a:a+size] == S[s:s+size]``."""

    a: int
    s: int
    size: int


@dataclass(frozen=True, slots=True, eq=False)
class Prepared:
    """Per-article data every pair reuses: computed once per article and seed length."""

    id: str
    seed: int
    """Seed n-gram length the index was built for."""
    norm: tuple[str, ...]
    content: tuple[bool, ...]
    """True where the word is not a stopword."""
    seeds: tuple[int, ...]
    """Hash of the seed n-gram starting at each position, -1 if it has no content word."""
    index: Mapping[int, tuple[int, ...]]
    """Seed hash → positions where it starts."""
    seed_set: frozenset[int]
    shingles: frozenset[int]
    """5-word shingle hashes (design.md's containment)."""


def prepare(article: Article, seed: int, shingles: bool = True) -> Prepared:
    """Seed hashes and index of one article (CRC32, so stable across processes); without
    ``shingles`` (a caller that has them already), an empty shingle set."""
    norm = article.words.norm
    content = tuple(w not in STOPWORDS for w in norm)
    seeds = []
    for i in range(max(0, len(norm) - seed + 1)):
        if any(content[i : i + seed]):
            seeds.append(zlib.crc32(" ".join(norm[i : i + seed]).encode()))
        else:
            seeds.append(-1)
    index: dict[int, list[int]] = {}
    for i, h in enumerate(seeds):
        if h != -1:
            index.setdefault(h, []).append(i)
    return Prepared(
        id=article.id,
        seed=seed,
        norm=norm,
        content=content,
        seeds=tuple(seeds),
        index={h: tuple(p) for h, p in index.items()},
        seed_set=frozenset(index),
        shingles=frozenset(shingle_hashes(norm, 5)) if shingles else frozenset(),
    )


def exact_runs(a: Prepared, s: Prepared, max_fanout: int, shared: Iterable[int] | None = None) -> list[Run]:
    """Maximal runs of identical words grown from shared seeds, sorted by position in A.

    A seed found more than ``max_fanout`` times in S is a refrain, not evidence: skipped.
    ``shared``: the seed hashes the two have in common, if the caller knows them (any order).
    """
    an, sn = a.norm, s.norm
    runs: list[Run] = []
    covered: dict[int, int] = {}  # diagonal s - a → end (in A) of the last run on it
    # Only shared seeds are visited: cheap when two articles have little in common.
    common = a.seed_set & s.seed_set if shared is None else shared
    usable = [h for h in common if len(s.index[h]) <= max_fanout]
    for i, hits in sorted((i, s.index[h]) for h in usable for i in a.index[h]):
        for j in hits:
            if covered.get(j - i, -1) > i or an[i] != sn[j]:
                continue  # inside a run already grown, or a hash collision
            start_a, start_s = i, j
            while start_a > 0 and start_s > 0 and an[start_a - 1] == sn[start_s - 1]:
                start_a, start_s = start_a - 1, start_s - 1
            end_a, end_s = i, j
            while end_a < len(an) and end_s < len(sn) and an[end_a] == sn[end_s]:
                end_a, end_s = end_a + 1, end_s + 1
            if end_a - i < a.seed:
                continue  # collision: the seed itself did not match
            covered[j - i] = end_a
            runs.append(Run(start_a, start_s, end_a - start_a))
    runs.sort(key=lambda r: (r.a, r.s))
    return runs


def _link_gain(p: Run, r: Run, max_gap: int) -> int:
    """Words ``r`` adds after ``p`` in one chain, or -1 if they cannot be chained."""
    if r.a <= p.a or r.s <= p.s or r.a + r.size <= p.a + p.size or r.s + r.size <= p.s + p.size:
        return -1
    gap_a, gap_s = r.a - (p.a + p.size), r.s - (p.s + p.size)
    if gap_a > max_gap or gap_s > max_gap:
        return -1
    return r.size - max(0, -gap_a, -gap_s)


def _best_chain(runs: list[Run], max_gap: int) -> list[Run]:
    """The chain of runs covering most of A's words (ties: earliest), by dynamic programming."""
    score = [r.size for r in runs]
    back = [-1] * len(runs)
    for k, r in enumerate(runs):
        for m in range(k):
            p = runs[m]
            gain = _link_gain(p, r, max_gap)
            if gain > 0 and score[m] + gain > score[k]:
                score[k], back[k] = score[m] + gain, m
    k = max(range(len(runs)), key=lambda n: (score[n], -n))
    chain = []
    while k != -1:
        chain.append(runs[k])
        k = back[k]
    return chain[::-1]


def _clip(run: Run, lo: int, hi: int, min_size: int) -> list[Run]:
    """The parts of ``run`` outside A's word range ``[lo, hi)`` that are still long enough."""
    parts = []
    if run.a < lo:
        parts.append(Run(run.a, run.s, min(run.size, lo - run.a)))
    end = run.a + run.size
    if end > hi:
        start = max(run.a, hi)
        parts.append(Run(start, run.s + start - run.a, end - start))
    return [p for p in parts if p.size >= min_size]


@dataclass(frozen=True, slots=True)
class Chain:
    """Runs that form one passage, and the passage's word ranges in A and S."""

    runs: tuple[Run, ...]
    a0: int
    a1: int
    s0: int
    s1: int

    def split(self, k: int) -> tuple[Chain, Chain]:
        """The chain cut before its run ``k``; the outer bounds stay with the halves."""
        left, right = self.runs[:k], self.runs[k:]
        return (
            Chain(left, self.a0, left[-1].a + left[-1].size, self.s0, left[-1].s + left[-1].size),
            Chain(right, right[0].a, self.a1, right[0].s, self.s1),
        )


@lru_cache(maxsize=None)
def _offsets(skip: int) -> tuple[tuple[int, int], ...]:
    """Skips in A and S to try at a passage edge, nearest first."""
    return tuple(sorted(((da, ds) for da in range(skip + 1) for ds in range(skip + 1)), key=lambda o: (sum(o), o)))


def _reach(a: Prepared, s: Prepared, i: int, j: int, step: int, lo: int, hi: int, skip: int) -> tuple[int, int]:
    """Move a passage edge outwards (``step`` -1 or +1) over edits at the boundary: to the
    nearest content word both texts share within ``skip`` words, then over identical words.
    ``(i, j)`` are the first positions outside the passage; A stays inside ``[lo, hi)``."""
    an, sn, content, ns = a.norm, s.norm, a.content, len(s.norm)
    offsets = _offsets(skip)
    while True:
        for da, ds in offsets:
            x, y = i + step * da, j + step * ds
            if lo <= x < hi and 0 <= y < ns and an[x] == sn[y] and content[x]:
                i, j = x, y
                break
        else:
            return i, j
        while lo <= i < hi and 0 <= j < ns and an[i] == sn[j]:
            i, j = i + step, j + step


def extend(chain: list[Run], a: Prepared, s: Prepared, lo: int, hi: int, skip: int) -> Chain:
    """The chain with its edges moved over boundary edits, staying inside A's ``[lo, hi)``."""
    first, last = chain[0], chain[-1]
    i, j = _reach(a, s, first.a - 1, first.s - 1, -1, lo, hi, skip)
    k, m = _reach(a, s, last.a + last.size, last.s + last.size, 1, lo, hi, skip)
    return Chain(tuple(chain), i + 1, k, j + 1, m)


def best_chains(
    runs: list[Run], a: Prepared, s: Prepared, max_gap: int, min_words: int, min_run: int, skip: int
) -> list[Chain]:
    """Disjoint chains (in A) of at least ``min_words`` words, best first.

    Each round takes the chain that covers most words, extends its edges over boundary
    edits, then cuts the A range it spans out of the remaining runs, so every word of A is
    aligned at most once.
    """
    chains: list[Chain] = []
    while runs:
        best = _best_chain(runs, max_gap)
        if best[-1].a + best[-1].size - best[0].a < min_words:
            break
        lo = max((c.a1 for c in chains if c.a1 <= best[0].a), default=0)
        hi = min((c.a0 for c in chains if c.a0 >= best[-1].a + best[-1].size), default=len(a.norm))
        chain = extend(best, a, s, lo, hi, skip)
        chains.append(chain)
        runs = [p for r in runs for p in _clip(r, chain.a0, chain.a1, min_run)]
    return chains
