"""Stories stage: group a mixed corpus into stories by the text its articles share.

Two articles are **linked** when, in both directions, the containment (share of 5-word
shingles found in the other) is at least ``MIN_CONTAINMENT``, or the reuse (share of words
in passages aligned to the other) at least ``MIN_REUSE``. Both directions, not either: a
long wire round-up holds many short stories, and a short brief is mostly contained in it;
"either" chained unrelated stories into one on METER (B-cubed precision 0.55 against 0.84).
When the semantic extension ran, reuse includes paraphrase, and two articles also link
**by meaning** when their article vectors (the mean of their sentences' embeddings) have a
cosine of at least ``MIN_MEANING``: reports of one event written apart share little text.
A story is a connected component of the links (single linkage: a chain of rewrites is one
story).

``site.yml``'s ``stories`` pins articles (by id or by file path) to named stories; the
other articles are grouped among themselves, and a group linked to pinned articles joins
the story it has the most links to. An unpinned story is named by its earliest article's
id. Stories are listed largest first, then by their first article.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

import numpy as np

from .model import Article, PairResult
from .pairs import stored

MIN_CONTAINMENT = 0.03
"""Share of an article's 5-word shingles found in the other (both directions). On METER
courts this with ``MIN_REUSE`` gives B-cubed purity 0.84, recall 0.66 (bench/RESULTS.md §5)."""
MIN_REUSE = 0.1
"""Share of an article's words in passages aligned to the other (both directions)."""
MIN_MEANING = 0.85
"""Least cosine of two article vectors that links them by meaning (semantic extension on).
On METER courts, with the text links: B-cubed purity 0.82, recall 0.77 (F1 0.80, the best of
0.80-0.96) against 0.85 / 0.66 by text alone (bench/RESULTS.md §5)."""


@dataclass(frozen=True, slots=True)
class Story:
    """A group of articles about one story."""

    id: str
    """Folder name under ``stories/``: the pinned name, else the first article's id."""
    articles: tuple[str, ...]
    """Article ids in publication order."""
    pinned: bool = False
    """Named in site.yml."""


def linked(pair: PairResult, back: PairResult | None, min_reuse: float = MIN_REUSE,
           min_containment: float = MIN_CONTAINMENT) -> bool:
    """Whether the pair and its reverse (``back``) put the two articles in one story."""
    if back is None:
        return False
    return (min(pair.containment, back.containment) >= min_containment
            or min(pair.reuse, back.reuse) >= min_reuse)


class _Groups:
    """Union-find over article indexes."""

    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def pin_map(articles: tuple[Article, ...], pins: tuple[tuple[str, tuple[str, ...]], ...],
            content: str = "content") -> dict[str, str]:
    """Article id → pinned story id; a pin names an article by id or by file path
    (relative to the site folder or to ``content``)."""
    by_file = {a.file: a.id for a in articles}
    ids = {a.id for a in articles}
    result: dict[str, str] = {}
    for story, names in pins:
        for name in names:
            article = name if name in ids else by_file.get(name) or by_file.get(f"{content}/{name}")
            if article and article not in result:
                result[article] = story
    return result


def text_links(articles: tuple[Article, ...], pairs, min_reuse: float = MIN_REUSE,
               min_containment: float = MIN_CONTAINMENT) -> Iterator[tuple[str, str]]:
    """Unordered pairs of article ids linked by the text they share."""
    ids = {a.id for a in articles}
    if min_reuse > 0 and min_containment > 0:
        pairs = list(stored(pairs))  # an all-zero pair links nothing: skip the ~10^6 implicit ones
    by_pair = {(p.article, p.source): p for p in pairs}
    for p in pairs:
        if p.article in ids and p.source in ids and p.article < p.source \
                and linked(p, by_pair.get((p.source, p.article)), min_reuse, min_containment):
            yield p.article, p.source


def meaning_links(articles: tuple[Article, ...], vectors: Mapping[str, np.ndarray],
                  min_meaning: float = MIN_MEANING) -> Iterator[tuple[str, str]]:
    """Unordered pairs of article ids whose article vectors are at least ``min_meaning`` alike."""
    ids = [a.id for a in articles if a.id in vectors]
    if len(ids) < 2:
        return
    matrix = np.stack([vectors[i] for i in ids])
    for i, j in zip(*np.nonzero(np.triu((matrix @ matrix.T).round(4) >= min_meaning, k=1))):
        yield ids[i], ids[j]


def stories(articles: tuple[Article, ...], pairs: list[PairResult] | tuple[PairResult, ...],
            pins: tuple[tuple[str, tuple[str, ...]], ...] = (), content: str = "content",
            min_reuse: float = MIN_REUSE, min_containment: float = MIN_CONTAINMENT,
            meaning: Mapping[str, np.ndarray] | None = None, min_meaning: float = MIN_MEANING) -> tuple[Story, ...]:
    """The stories of ``articles`` (in publication order), from the linked pairs, the
    article vectors when given (``meaning``) and the pins."""
    index = {a.id: k for k, a in enumerate(articles)}
    pinned = pin_map(articles, pins, content)
    groups = _Groups(len(articles))
    to_pins: list[tuple[str, str]] = []
    links = list(text_links(articles, pairs, min_reuse, min_containment))
    if meaning:
        links = list(dict.fromkeys(links + list(meaning_links(articles, meaning, min_meaning))))
    for first, second in links:
        a, s = pinned.get(first), pinned.get(second)
        if a is None and s is None:
            groups.join(index[first], index[second])
        elif (a is None) != (s is None):
            to_pins.append((first if a is None else second, a or s))
    members: dict[str, list[str]] = {}
    for article in articles:
        if article.id in pinned:
            continue
        root = articles[groups.find(index[article.id])].id
        members.setdefault(root, []).append(article.id)
    votes: dict[str, Counter] = {}
    for article_id, story in to_pins:
        votes.setdefault(articles[groups.find(index[article_id])].id, Counter())[story] += 1
    pin_order = [story for story, _ in pins]
    named: dict[str, list[str]] = {story: [] for story in pin_order}
    for article in articles:
        if article.id in pinned:
            named[pinned[article.id]].append(article.id)
    result = []
    for root, ids in members.items():
        vote = votes.get(root)
        if vote:
            best = max(vote, key=lambda s: (vote[s], -pin_order.index(s)))
            named[best].extend(ids)
        else:
            result.append(Story(root, tuple(ids)))
    taken = set(named)
    result = [Story(_free(s.id, taken), s.articles) for s in result]
    result += [Story(story, tuple(sorted(ids, key=index.__getitem__)), pinned=True)
               for story, ids in named.items() if ids]
    return tuple(sorted(result, key=lambda s: (-len(s.articles), index[s.articles[0]])))


def _free(name: str, taken: set[str]) -> str:
    """``name``, or ``name-2``, ``name-3``… if a pinned story already has it."""
    candidate, k = name, 1
    while candidate in taken:
        k += 1
        candidate = f"{name}-{k}"
    taken.add(candidate)
    return candidate
