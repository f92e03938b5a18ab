"""Clustering: the same quotation across articles, and its status in every article.

Articles are visited in publication order. Each speech quote is compared with the
clusters begun by earlier articles (candidates found through their rarest shared
words); a quote that renders no earlier cluster begins a new one, with its article
as origin. Quotes marked ``speech=False`` (titles, scare quotes) are left out.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain

from ..cache import Cache
from ..model import Article, Quote, QuoteCluster, QuoteOccurrence
from ..parallel import map_rows
from .match import Match, QuoteWords, better, compare
from .memo import Narratives, QuoteMemo, words_key
from .unquoted import MIN_WORDS, Found, find_unquoted, shares_enough

RARE_KEYS = 3
"""How many of a quote's rarest words look up candidate clusters."""
COVERED_MIN = 0.5
"""Share of a quote's words a match must use for the quote not to begin its own cluster."""
PARALLEL_MIN_SEARCHES = 200
"""Fewer unquoted searches than this run in the build's process (workers cost more)."""


@dataclass(slots=True)
class _Builder:
    """A cluster while it grows (mutable here only; the result is frozen)."""

    canon: QuoteWords
    key: bytes
    """``words_key`` of the canonical words."""
    origin: str
    found: dict[str, tuple[Match, QuoteWords]] = field(default_factory=dict)


def cluster_quotes(
    articles: Sequence[Article], quotes: Mapping[str, tuple[Quote, ...]], order: Sequence[str],
    cache: Cache | None = None, jobs: int = 1, scheduler: str | None = None,
    neighbours: Mapping[str, set[str]] | None = None,
) -> tuple[QuoteCluster, ...]:
    """Quote clusters with one occurrence per article (``order``: earliest article first).
    With a ``cache``, comparisons made by the previous build are not run again; the searches
    for unquoted use run over ``jobs`` processes, or on the Dask cluster at ``scheduler``.

    ``neighbours`` (article → the articles it was compared with) is given when the compare
    stage pruned its candidate pairs (a large set): then, in the same spirit, an article's
    quotes are matched only against clusters with a member among its neighbours, and a
    cluster is searched for unquoted use only in its members' neighbours, in this process.
    Without it every quote meets every cluster sharing a rare word."""
    by_id = {a.id: a for a in articles}
    ids = [aid for aid in order if aid in by_id]
    ids += sorted((a.id for a in articles if a.id not in set(ids)), key=lambda i: by_id[i].order)
    memo = QuoteMemo(cache)
    frequency = Counter(w for aid in ids for q in quotes.get(aid, ()) if q.speech for w in set(QuoteWords.of(q).norm))
    if scheduler:
        _compare_ahead(ids, quotes, frequency, memo, neighbours, scheduler)
    builders = _match_all(ids, quotes, frequency, memo, neighbours)
    narratives = Narratives({aid: by_id[aid] for aid in ids}, quotes)
    position = {aid: k for k, aid in enumerate(ids)}
    candidates = _search_candidates(builders, ids, narratives, memo, neighbours)
    # On a pruned (large) set the process is big and each forked searcher copied ~0.4 GB of
    # it (N = 10,000) for ~25 s of searching saved: they run here (a Dask cluster still serves).
    _search_missing(builders, candidates, position, narratives, memo, jobs if neighbours is None else 1, scheduler)
    articles = tuple(ids)  # shared by every cluster
    clusters = tuple(_freeze(b, c, position, articles, narratives, memo) for b, c in zip(builders, candidates))
    memo.save()
    return clusters


@dataclass(frozen=True, slots=True)
class _Quote:
    """A speech quote's words and their ``words_key``."""

    words: QuoteWords
    key: bytes


def _speech_quotes(quotes: tuple[Quote, ...]) -> list[_Quote]:
    """An article's speech quotes and their words, made when a pass reaches the article (at
    N = 10,000 those of every article were 0.5 GB; the clusters keep a third of them)."""
    return [_Quote(w, words_key(w)) for w in (QuoteWords.of(q) for q in quotes if q.speech)]


def _match_all(ids: list[str], quotes: Mapping[str, tuple[Quote, ...]], frequency: Counter, memo: QuoteMemo,
               neighbours: Mapping[str, set[str]] | None) -> list[_Builder]:
    """The clusters, grown article by article in publication order."""
    builders: list[_Builder] = []
    index: dict[str, list[int]] = defaultdict(list)
    for aid in ids:
        words = _speech_quotes(quotes.get(aid, ()))
        covered = _match_earlier(aid, words, builders, index, frequency, memo, _near(neighbours, aid))
        _begin_clusters(aid, [q for q in words if id(q) not in covered], builders, index)
    return builders


def _search_candidates(builders: list[_Builder], ids: list[str], narratives: Narratives, memo: QuoteMemo,
                       neighbours: Mapping[str, set[str]] | None) -> list[set[str]]:
    """Each cluster's articles to search for unquoted use (those quoting it left out)."""
    holders: dict[str, list[str]] = defaultdict(list)  # each article once per word: lists, not sets
    for aid in ids:
        for w in memo.vocabulary(narratives.keys[aid], lambda: narratives.vocabulary(aid)):  # noqa: B023 - called at once
            holders[w].append(aid)
    candidates = [_unquoted_candidates(b.canon, holders) - b.found.keys() for b in builders]
    if neighbours is not None:
        candidates = [c & _members_neighbours(b, neighbours) for b, c in zip(builders, candidates)]
    return candidates


def _keys(quote: QuoteWords, frequency: Counter) -> list[str]:
    return sorted(set(quote.norm), key=lambda w: (frequency[w], w))[:RARE_KEYS]


def _near(neighbours: Mapping[str, set[str]] | None, aid: str) -> set[str] | None:
    """The articles ``aid`` was compared with, or None when every pair was compared."""
    return None if neighbours is None else neighbours.get(aid, set())


def _compare_ahead(ids: list[str], quotes: Mapping[str, tuple[Quote, ...]], frequency: Counter, memo: QuoteMemo,
                   neighbours: Mapping[str, set[str]] | None, scheduler: str) -> None:
    """Run on the Dask cluster, before the sequential pass, the comparisons it will ask for:
    each quote against every earlier article's quote sharing one of its rare words (a
    superset of the clusters' first quotes; on a pruned set, those of its neighbours). The
    pass computes any it still lacks itself, so the clusters are the same either way."""
    earlier: dict[str, list[_Quote]] = defaultdict(list)
    owner: dict[int, str] = {}
    todo: dict[tuple[bytes, bytes], tuple[QuoteWords, QuoteWords]] = {}
    for aid in ids:
        near = _near(neighbours, aid)
        words = _speech_quotes(quotes.get(aid, ()))
        for quote in words:
            for other in chain.from_iterable(earlier.get(w, ()) for w in _keys(quote.words, frequency)):
                key = (quote.key, other.key)
                if (near is None or owner[id(other)] in near) and key not in todo and not memo.knows_compare(*key):
                    todo[key] = (quote.words, other.words)
        for quote in words:
            owner[id(quote)] = aid
            for w in set(quote.words.norm):
                earlier[w].append(quote)
    pairs = list(todo.values())
    found = chain.from_iterable(map_rows(_compare_rows, pairs, len(pairs), 1, scheduler))
    memo.add_compared(zip(todo, found))


def _compare_rows(pairs: list[tuple[QuoteWords, QuoteWords]], rows: range) -> list[Match | None]:
    return [compare(*pairs[i]) for i in rows]


def _match_earlier(aid: str, quotes: list[_Quote], builders: list[_Builder], index: dict[str, list[int]],
                   frequency: Counter, memo: QuoteMemo, near: set[str] | None) -> set[int]:
    """Record the best quote of this article for each earlier cluster (with ``near``: only
    clusters with a member in it); return the quotes that render an earlier cluster (they
    begin no cluster of their own)."""
    best: dict[int, tuple[Match, QuoteWords]] = {}
    covered = set()
    for quote in quotes:
        for ci in sorted({ci for w in _keys(quote.words, frequency) for ci in index.get(w, ())}):
            builder = builders[ci]
            if near is not None and near.isdisjoint(builder.found):
                continue
            match = memo.compare(quote.words, quote.key, builder.canon, builder.key)
            if not match:
                continue
            if match.end - match.start >= COVERED_MIN * len(quote.words.norm):
                covered.add(id(quote))  # a rendering of an earlier quote, even if not the best
            if better(match, best.get(ci, (None,))[0]):
                best[ci] = (match, quote.words)
    for ci, found in best.items():
        builders[ci].found[aid] = found
    return covered


def _begin_clusters(aid: str, quotes: list[_Quote], builders: list[_Builder],
                    index: dict[str, list[int]]) -> None:
    """New clusters for quotes first seen in this article (a repeated quote only once)."""
    seen: set[tuple[str, ...]] = set()
    for quote in quotes:
        words = quote.words
        if not words.norm or words.norm in seen:
            continue
        seen.add(words.norm)
        builders.append(_Builder(words, quote.key, aid, {aid: (Match("verbatim", 100.0, 0, len(words.norm)), words)}))
        for w in set(words.norm):
            index[w].append(len(builders) - 1)


def _cluster_id(builder: _Builder) -> str:
    """Stable across builds: a hash of the origin and the canonical words."""
    key = f"{builder.origin}\n{builder.canon.joined}".encode()
    return "q-" + hashlib.blake2b(key, digest_size=5).hexdigest()


def _members_neighbours(builder: _Builder, neighbours: Mapping[str, set[str]]) -> set[str]:
    return set().union(*(neighbours.get(a, ()) for a in builder.found))


def _unquoted_candidates(canon: QuoteWords, holders: Mapping[str, list[str]]) -> set[str]:
    """Articles whose narrative holds two of the quote's three rarest words (a quote used
    "mostly intact" keeps most of them)."""
    if len(canon.norm) < MIN_WORDS:
        return set()
    rarest = sorted(set(canon.norm), key=lambda w: (len(holders.get(w, ())), w))[:3]
    counts = Counter(aid for w in rarest for aid in holders.get(w, ()))
    return {aid for aid, n in counts.items() if n >= min(2, len(rarest))}


def _search_missing(builders: list[_Builder], candidates: list[set[str]], position: Mapping[str, int],
                    narratives: Narratives, memo: QuoteMemo, jobs: int, scheduler: str | None) -> None:
    """Run the unquoted searches the memo lacks over ``jobs`` processes (or the Dask cluster
    at ``scheduler``), in article order so that each worker builds the narratives of its own
    articles. Those the article's vocabulary rules out (most) are settled here, no
    narrative built: a forked worker copies the pages of every article it reads."""
    todo = []
    for k, ci, aid in sorted((position[aid], ci, aid) for ci, found in enumerate(candidates) for aid in found
                             if not memo.knows_unquoted(builders[ci].key, narratives.keys[aid])):
        nkey = narratives.keys[aid]
        if shares_enough(builders[ci].canon, memo.vocabulary(nkey, lambda: narratives.vocabulary(aid))):  # noqa: B023
            todo.append((k, ci, aid))
        else:
            memo.add_unquoted(builders[ci].key, nkey, None)
    narratives.prepare(aid for _, _, aid in todo)
    chunks = map_rows(_search_rows, (todo, builders, narratives), len(todo),
                      jobs if len(todo) >= PARALLEL_MIN_SEARCHES or scheduler else 1, scheduler)
    for (_, ci, aid), found in zip(todo, (f for chunk in chunks for f in chunk)):
        memo.add_unquoted(builders[ci].key, narratives.keys[aid], found)


def _search_rows(payload: tuple[list, list[_Builder], Narratives], rows: range) -> list[Found | None]:
    """The searches of ``rows`` of ``todo`` (in article order: one narrative built at a time)."""
    todo, builders, narratives = payload
    found, narrative = [], None
    for i in rows:
        _, ci, aid = todo[i]
        if narrative is None or narrative.article.id != aid:
            narrative = narratives.build(aid)
        found.append(find_unquoted(builders[ci].canon, narrative))
    return found


def _freeze(builder: _Builder, candidates: set[str], position: Mapping[str, int], articles: tuple[str, ...],
            narratives: Narratives, memo: QuoteMemo) -> QuoteCluster:
    """The cluster: the occurrences of the articles that quote it (``found``) or use it
    among the ``candidates``, in article ``position`` order; every other article of
    ``articles`` is absent, implied (a large set costs no loop over every article)."""
    occurrences = []
    for _, aid in sorted((position[aid], aid) for aid in candidates | builder.found.keys()):
        if aid in builder.found:
            occurrences.append(_quoted(aid, *builder.found[aid]))
        else:
            found = memo.find_unquoted(builder.canon, builder.key, narratives.keys[aid],
                                       lambda: narratives.build(aid))  # noqa: B023 - called at once
            if found:
                occurrences.append(_unquoted(aid, found))
    speakers = [builder.canon.quote.speaker] + [o.speaker for o in occurrences]
    quote = builder.canon.quote
    return QuoteCluster(_cluster_id(builder), quote.text, next((s for s in speakers if s), None),
                        builder.origin, tuple(occurrences), articles)


def _quoted(aid: str, match: Match, quote: QuoteWords) -> QuoteOccurrence:
    whole = match.start == 0 and match.end == len(quote.norm)
    start = quote.quote.start if whole else quote.starts[match.start]
    end = quote.quote.end if whole else quote.ends[match.end - 1]
    text = quote.quote.text[start - quote.quote.start : end - quote.quote.start]
    return QuoteOccurrence(aid, match.status, text, round(match.score, 1), start, end,
                           match.edits, quote.quote.speaker)


def _unquoted(aid: str, found: Found) -> QuoteOccurrence:
    return QuoteOccurrence(aid, "unquoted", found.text, round(found.score, 1), found.start, found.end)
