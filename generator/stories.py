"""Stories stage: group a mixed corpus into stories by the text its articles share.

Two articles are **linked** when, in both directions, the containment (share of 5-word
shingles found in the other) is at least ``MIN_CONTAINMENT``, or the reuse (share of words
in passages aligned to the other) at least ``MIN_REUSE``. Both directions, not either: a
long wire round-up holds many short stories, and a short brief is mostly contained in it;
"either" chained unrelated stories into one on METER (B-cubed precision 0.55 against 0.84).
When the semantic extension ran, reuse includes paraphrase, so articles that say the same
thing in other words link too. A story is a connected component of the links (single
linkage: a chain of rewrites is one story).

``site.yml``'s ``stories`` pins articles (by id or by file path) to named stories; the
other articles are grouped among themselves, and a group linked to pinned articles joins
the story it has the most links to. An unpinned story is named by its earliest article's
id. Stories are listed largest first, then by their first article.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .model import Article, PairResult

MIN_CONTAINMENT = 0.03
"""Share of an article's 5-word shingles found in the other (both directions). On METER
courts this with ``MIN_REUSE`` gives B-cubed purity 0.84, recall 0.66 (bench/RESULTS.md §5)."""
MIN_REUSE = 0.1
"""Share of an article's words in passages aligned to the other (both directions)."""


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


def stories(articles: tuple[Article, ...], pairs: list[PairResult] | tuple[PairResult, ...],
            pins: tuple[tuple[str, tuple[str, ...]], ...] = (), content: str = "content",
            min_reuse: float = MIN_REUSE, min_containment: float = MIN_CONTAINMENT) -> tuple[Story, ...]:
    """The stories of ``articles`` (in publication order), from the linked pairs and pins."""
    index = {a.id: k for k, a in enumerate(articles)}
    pinned = pin_map(articles, pins, content)
    groups = _Groups(len(articles))
    to_pins: list[tuple[str, str]] = []
    by_pair = {(p.article, p.source): p for p in pairs}
    for p in pairs:
        if p.article not in index or p.source not in index or p.article > p.source:
            continue  # each unordered pair once
        if not linked(p, by_pair.get((p.source, p.article)), min_reuse, min_containment):
            continue
        a, s = pinned.get(p.article), pinned.get(p.source)
        if a is None and s is None:
            groups.join(index[p.article], index[p.source])
        elif (a is None) != (s is None):
            to_pins.append((p.article if a is None else p.source, a or s))
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
