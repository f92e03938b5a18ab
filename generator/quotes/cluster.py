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

from ..model import Article, Quote, QuoteCluster, QuoteOccurrence
from .match import Match, QuoteWords, better, compare
from .unquoted import MIN_WORDS, Narrative, find_unquoted

RARE_KEYS = 3
"""How many of a quote's rarest words look up candidate clusters."""
COVERED_MIN = 0.5
"""Share of a quote's words a match must use for the quote not to begin its own cluster."""


@dataclass(slots=True)
class _Builder:
    """A cluster while it grows (mutable here only; the result is frozen)."""

    canon: QuoteWords
    origin: str
    found: dict[str, tuple[Match, QuoteWords]] = field(default_factory=dict)


def cluster_quotes(
    articles: Sequence[Article], quotes: Mapping[str, tuple[Quote, ...]], order: Sequence[str]
) -> tuple[QuoteCluster, ...]:
    """Quote clusters with one occurrence per article (``order``: earliest article first)."""
    by_id = {a.id: a for a in articles}
    ids = [aid for aid in order if aid in by_id]
    ids += sorted((a.id for a in articles if a.id not in set(ids)), key=lambda i: by_id[i].order)
    words = {aid: [QuoteWords.of(q) for q in quotes.get(aid, ()) if q.speech] for aid in ids}
    frequency = Counter(w for qs in words.values() for q in qs for w in set(q.norm))
    builders: list[_Builder] = []
    index: dict[str, list[int]] = defaultdict(list)
    for aid in ids:
        covered = _match_earlier(aid, words[aid], builders, index, frequency)
        _begin_clusters(aid, [q for q in words[aid] if id(q) not in covered], builders, index)
    narratives = {aid: Narrative.of(by_id[aid], quotes.get(aid, ())) for aid in ids}
    holders: dict[str, set[str]] = defaultdict(set)
    for aid, narrative in narratives.items():
        for w in narrative.vocabulary:
            holders[w].add(aid)
    # One shared (immutable) absent occurrence per article: most of a large report.
    absent = [QuoteOccurrence(aid, "absent", None, None) for aid in ids]
    position = {aid: k for k, aid in enumerate(ids)}
    return tuple(_freeze(b, position, narratives, holders, absent) for b in builders)


def _keys(quote: QuoteWords, frequency: Counter) -> list[str]:
    return sorted(set(quote.norm), key=lambda w: (frequency[w], w))[:RARE_KEYS]


def _match_earlier(aid: str, quotes: list[QuoteWords], builders: list[_Builder],
                   index: dict[str, list[int]], frequency: Counter) -> set[int]:
    """Record the best quote of this article for each earlier cluster; return the quotes
    that render an earlier cluster (they begin no cluster of their own)."""
    best: dict[int, tuple[Match, QuoteWords]] = {}
    covered = set()
    for quote in quotes:
        for ci in sorted({ci for w in _keys(quote, frequency) for ci in index.get(w, ())}):
            match = compare(quote, builders[ci].canon)
            if not match:
                continue
            if match.end - match.start >= COVERED_MIN * len(quote.norm):
                covered.add(id(quote))  # a rendering of an earlier quote, even if not the best
            if better(match, best.get(ci, (None,))[0]):
                best[ci] = (match, quote)
    for ci, found in best.items():
        builders[ci].found[aid] = found
    return covered


def _begin_clusters(aid: str, quotes: list[QuoteWords], builders: list[_Builder],
                    index: dict[str, list[int]]) -> None:
    """New clusters for quotes first seen in this article (a repeated quote only once)."""
    seen: set[tuple[str, ...]] = set()
    for quote in quotes:
        if not quote.norm or quote.norm in seen:
            continue
        seen.add(quote.norm)
        builders.append(_Builder(quote, aid, {aid: (Match("verbatim", 100.0, 0, len(quote.norm)), quote)}))
        for w in set(quote.norm):
            index[w].append(len(builders) - 1)


def _cluster_id(builder: _Builder) -> str:
    """Stable across builds: a hash of the origin and the canonical words."""
    key = f"{builder.origin}\n{builder.canon.joined}".encode()
    return "q-" + hashlib.blake2b(key, digest_size=5).hexdigest()


def _unquoted_candidates(canon: QuoteWords, holders: Mapping[str, set[str]]) -> set[str]:
    """Articles whose narrative holds two of the quote's three rarest words (a quote used
    "mostly intact" keeps most of them)."""
    if len(canon.norm) < MIN_WORDS:
        return set()
    rarest = sorted(set(canon.norm), key=lambda w: (len(holders.get(w, ())), w))[:3]
    counts = Counter(aid for w in rarest for aid in holders.get(w, ()))
    return {aid for aid, n in counts.items() if n >= min(2, len(rarest))}


def _freeze(builder: _Builder, position: Mapping[str, int], narratives: Mapping[str, Narrative],
            holders: Mapping[str, set[str]], absent: list[QuoteOccurrence]) -> QuoteCluster:
    """The cluster with one occurrence per article: a copy of the shared absent ones
    (``absent``, article ``position`` order) with the articles that quote or use it filled
    in, so a large set costs no Python loop over every cluster and article."""
    occurrences = absent.copy()
    candidates = _unquoted_candidates(builder.canon, holders)
    for k, aid in sorted((position[aid], aid) for aid in candidates | builder.found.keys()):
        if aid in builder.found:
            occurrences[k] = _quoted(aid, *builder.found[aid])
        else:
            occurrences[k] = _unquoted(aid, builder.canon, narratives[aid]) or absent[k]
    speakers = [builder.canon.quote.speaker] + [o.speaker for o in occurrences if o.status != "absent"]
    quote = builder.canon.quote
    return QuoteCluster(_cluster_id(builder), quote.text, next((s for s in speakers if s), None),
                        builder.origin, tuple(occurrences))


def _quoted(aid: str, match: Match, quote: QuoteWords) -> QuoteOccurrence:
    whole = match.start == 0 and match.end == len(quote.norm)
    start = quote.quote.start if whole else quote.starts[match.start]
    end = quote.quote.end if whole else quote.ends[match.end - 1]
    text = quote.quote.text[start - quote.quote.start : end - quote.quote.start]
    return QuoteOccurrence(aid, match.status, text, round(match.score, 1), start, end,
                           match.edits, quote.quote.speaker)


def _unquoted(aid: str, canon: QuoteWords, narrative: Narrative) -> QuoteOccurrence | None:
    found = find_unquoted(canon, narrative)
    if not found:
        return None
    return QuoteOccurrence(aid, "unquoted", found.text, round(found.score, 1), found.start, found.end)
