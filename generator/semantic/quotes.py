"""Quotes whose meaning survives without their wording: a post-pass over the clusters.

An article that does not quote a cluster (status ``absent`` or ``unquoted``) may still say
what the quote said in other words (seed 001 renders Lavrov's "are futile" as "are
pointless"). The quote's context, the origin's sentence(s) around it, is compared with each
sentence of the article; the best sentence is the paraphrase when it is similar enough
*and* owes that similarity to the quote: it must be less similar to the context with the
quote cut out. The status is left as it is (design.md's definitions); only
``QuoteOccurrence.paraphrase`` is set.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np

from ..model import Article, QuoteCluster, QuoteOccurrence
from .align import sentence_words, words_text
from .encoder import Embeddings


@dataclass(frozen=True, slots=True)
class QuoteSettings:
    threshold: float = 0.70
    """Least similarity of the article's sentence to the quote's context."""
    gain: float = 0.05
    """How much more similar the sentence is to the context than to the context without
    the quote: the quote's words must count for the match."""


@dataclass(frozen=True, slots=True)
class Context:
    """The origin's sentences around a quote, with and without the quote itself."""

    full: str
    without: str


def context(origin: Article, occurrence: QuoteOccurrence) -> Context | None:
    if occurrence.start is None or occurrence.end is None:
        return None
    spans = [s for s in origin.sentences if s.end > occurrence.start and s.start < occurrence.end]
    if not spans:
        return None
    start, end = spans[0].start, spans[-1].end
    text = origin.text
    full = text[start:end]
    without = (text[start:occurrence.start] + "…" + text[occurrence.end:end]).strip()
    return Context(full, without)


def paraphrased_quotes(clusters: Sequence[QuoteCluster], articles: Mapping[str, Article],
                       emb: Embeddings, settings: QuoteSettings = QuoteSettings()) -> tuple[QuoteCluster, ...]:
    sentences = {aid: [words_text(a, s, e) for s, e in sentence_words(a) if e > s] for aid, a in articles.items()}
    result = []
    for cluster in clusters:
        origin = next((o for o in cluster.occurrences if o.article == cluster.origin), None)
        ctx = context(articles[cluster.origin], origin) if origin and cluster.origin in articles else None
        if ctx is None:
            result.append(cluster)
            continue
        occurrences = tuple(_occurrence(o, ctx, sentences.get(o.article, []), emb, settings)
                            for o in cluster.occurrences)
        result.append(replace(cluster, occurrences=occurrences))
    return tuple(result)


def _occurrence(o: QuoteOccurrence, ctx: Context, sentences: list[str], emb: Embeddings,
                settings: QuoteSettings) -> QuoteOccurrence:
    if o.status not in ("absent", "unquoted") or o.paraphrase or not sentences:
        return o
    cos = emb.matrix(sentences) @ emb.matrix([ctx.full, ctx.without]).T
    best = int(np.argmax(cos[:, 0]))  # first of equals
    full, without = round(float(cos[best, 0]), 4), round(float(cos[best, 1]), 4)
    if full < settings.threshold or full - without < settings.gain:
        return o
    if o.status == "unquoted" and o.text and o.text in sentences[best]:
        return o  # the sentence that keeps the wording: nothing more to say
    return replace(o, paraphrase=sentences[best])
