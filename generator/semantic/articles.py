"""Article vectors: what an article is about, as the mean of its sentences' embeddings
(the vectors paraphrase detection already cached), for grouping articles into stories by
meaning."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ..model import Article
from .encoder import DECIMALS, Embeddings
from .units import sentence_words, words_text


def article_vectors(articles: Sequence[Article], emb: Embeddings) -> dict[str, np.ndarray]:
    """Unit-length mean of each article's sentence vectors (articles without words left out)."""
    texts = {a.id: [words_text(a, s, e) for s, e in sentence_words(a) if e > s] for a in articles}
    emb.add([t for a in articles for t in texts[a.id]])
    result = {}
    for a in articles:
        if texts[a.id]:
            mean = emb.matrix(texts[a.id]).mean(axis=0)
            result[a.id] = np.round(mean / max(float(np.linalg.norm(mean)), 1e-12), DECIMALS)
    return result
