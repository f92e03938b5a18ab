"""Quotes whose meaning survives without their wording: a post-pass over the clusters.

An article that does not quote a cluster (status ``absent`` or ``unquoted``) may still say
what the quote said in other words (seed 001 renders Lavrov's "are futile" as "are
pointless"). The quote's context, the origin's sentence(s) around it, is compared with each
sentence of the article; among the sentences close to it, the one holding a stretch of
words (about as long as the quote) closest to the quote itself renders it, when both are
similar enough. The status is left as it is (design.md's definitions); only
``QuoteOccurrence.paraphrase`` is set.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np

from ..model import Article, QuoteCluster, QuoteOccurrence, sparse
from ..text import WORD_RE
from .align import sentence_words, words_text
from .encoder import Embeddings


@dataclass(frozen=True, slots=True)
class QuoteSettings:
    """Set by hand on the demo seeds (no labelled data for this). Short quotes: the true
    renderings there ("are pointless", "are ineffective", "detached from reality") score
    0.55-0.77 on the quote, the best stretch of other sentences close to the context at
    most 0.49. Long quotes: a stretch as long as the quote is most of a sentence, and
    sentences on the same subject score up to 0.72, so the bar is that of a paraphrase
    (``SemanticSettings.threshold``)."""

    context: float = 0.60
    """Least similarity of the article's sentence to the origin's sentence(s) around the quote."""
    quote: float = 0.52
    """Least similarity of a short quote to a stretch of that sentence of about its length."""
    long_quote: float = 0.77
    """The same for a quote of ``long_words`` words or more."""
    long_words: int = 8
    candidates: int = 3
    """Sentences most similar to the context that are searched for the quote's meaning."""


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    windows: tuple[str, ...]


def context(origin: Article, occurrence: QuoteOccurrence) -> str | None:
    """The origin's sentence(s) around a quote."""
    if occurrence.start is None or occurrence.end is None:
        return None
    spans = [s for s in origin.sentences if s.end > occurrence.start and s.start < occurrence.end]
    return origin.text[spans[0].start:spans[-1].end] if spans else None


LONG_LENGTHS = (8, 12, 18, 27, 40, 60, 90, 135)
"""Window lengths for a long quote: the one nearest the quote's length (on a log scale) is
used, so a sentence's windows are the same for every quote of about that length and their
embeddings are shared across clusters (one length per quote length made the cold cache
grow with clusters x articles)."""


def long_length(size: int) -> int:
    return min(LONG_LENGTHS, key=lambda k: (abs(math.log(k / size)), k))


CHUNK = 12
"""A short quote is first compared with stretches of ``CHUNK`` words every half chunk (the
same for every quote, so their embeddings are shared across clusters), then searched word
by word inside the closest one only: every offset of the whole sentence was four windows per
word, per cluster and article."""


def chunks(start: int, end: int) -> list[tuple[int, int]]:
    """Word ranges of ``CHUNK`` words every half chunk, the last one ending the sentence;
    every stretch of up to ``CHUNK // 2 + 1`` words lies wholly inside one of them."""
    if end - start <= CHUNK:
        return [(start, end)]
    offsets = list(range(start, end - CHUNK + 1, CHUNK // 2))
    if offsets[-1] != end - CHUNK:
        offsets.append(end - CHUNK)
    return [(i, i + CHUNK) for i in offsets]


def windows(article: Article, start: int, end: int, size: int, long: bool = False) -> tuple[str, ...]:
    """Stretches of the words ``[start, end)`` of about ``size`` words (size - 1 to size + 2,
    every offset); for a long quote, stretches of the grid length nearest ``size`` (the
    whole range when it is not longer) end to end, the last one ending the range: every
    stretch of that length overlaps one of them by at least half."""
    if long:
        k = long_length(size)
        if k >= end - start:
            return (words_text(article, start, end),)
        offsets = list(range(start, end - k + 1, k))
        if offsets[-1] != end - k:
            offsets.append(end - k)
        return tuple(words_text(article, i, i + k) for i in offsets)
    sizes = [k for k in range(max(1, size - 1), size + 3) if k <= end - start] or [end - start]
    return tuple(words_text(article, i, i + k) for k in sizes for i in range(start, end - k + 1))


def best_stretch(article: Article, start: int, end: int, size: int, long: bool, quote: np.ndarray,
                 emb: Embeddings) -> float:
    """Highest similarity of the quote to a stretch of the words ``[start, end)``."""
    if not long:
        spans = chunks(start, end)
        if len(spans) > 1:
            near = emb.matrix([words_text(article, a, b) for a, b in spans]) @ quote
            start, end = spans[int(np.argmax(near.round(4)))]
    return round(float((emb.matrix(windows(article, start, end, size, long)) @ quote).max()), 4)


def paraphrased_quotes(clusters: Sequence[QuoteCluster], articles: Mapping[str, Article],
                       emb: Embeddings, settings: QuoteSettings = QuoteSettings()) -> tuple[QuoteCluster, ...]:
    ranges = {aid: [(s, e) for s, e in sentence_words(a) if e > s] for aid, a in articles.items()}
    origins = [c.occurrence(c.origin) for c in clusters]
    contexts = [context(articles[c.origin], o) if o.text and c.origin in articles else None
                for c, o in zip(clusters, origins)]
    emb.add([t for o, ctx in zip(origins, contexts) if ctx for t in (ctx, o.text)])  # one batch
    result = []
    for cluster, origin, ctx in zip(clusters, origins, contexts):
        if ctx is None:
            result.append(cluster)
            continue
        size = len(WORD_RE.findall(origin.text))
        # An article published before the quote's origin cannot have paraphrased it.
        before = set(cluster.articles[:cluster.articles.index(cluster.origin)]) if cluster.origin in cluster.articles \
            else set()
        found = sparse(
            _occurrence(o, ctx, origin.text, articles[o.article], ranges[o.article], size, emb, settings)
            if o.article in articles and o.article not in before else o for o in cluster.occurrences)
        result.append(replace(cluster, found=found))
    return tuple(result)


def _occurrence(o: QuoteOccurrence, ctx: str, quote: str, article: Article, ranges: list[tuple[int, int]],
                size: int, emb: Embeddings, settings: QuoteSettings) -> QuoteOccurrence:
    if o.status not in ("absent", "unquoted") or o.paraphrase or not ranges:
        return o
    texts = [words_text(article, s, e) for s, e in ranges]
    near = (emb.matrix(texts) @ emb.matrix([ctx]).T)[:, 0].round(4)
    order = sorted(range(len(texts)), key=lambda k: (-near[k], k))[: settings.candidates]
    scored = []
    for k in (k for k in order if near[k] >= settings.context):
        if o.status == "unquoted" and o.text and o.text in texts[k]:
            return o  # the sentence that keeps the wording: nothing more to say
        best = best_stretch(article, *ranges[k], size, size >= settings.long_words, emb.matrix([quote])[0], emb)
        scored.append((best, -k))
    bar = settings.long_quote if size >= settings.long_words else settings.quote
    if not scored or max(scored)[0] < bar:
        return o
    return replace(o, paraphrase=texts[-max(scored)[1]])
