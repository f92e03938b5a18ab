"""Shared vocabulary: the share of an article's distinct content words found in a source.

A brief rewritten from the wire keeps the wire's names, numbers and key words when it keeps
no sentence, so this figure sees derivation that passage alignment misses
(generator/labels.py). Stopwords (``align.STOPWORDS``) do not count.

``VocabularyBits`` holds a whole set's vocabularies as one bit mask per article (a bit for
each word found in two articles or more), so the compare stage counts a pair's shared
words with one AND and a popcount instead of a set intersection.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np

from .align import STOPWORDS
from .model import Article


def content_words(article: Article) -> frozenset[str]:
    return frozenset(w for w in article.words.norm if w not in STOPWORDS)


def figures(shared: int, total: int) -> tuple[float, int]:
    """(shared vocabulary, new words) of an article with ``total`` distinct content words,
    ``shared`` of them found in the source: the share to 4 decimals (0 for an article
    without any) and the count of the others."""
    return (round(shared / total, 4) if total else 0.0), total - shared


def pair_counts(article: Article, source: Article) -> tuple[int, int]:
    """(content words of ``article`` found in ``source``, content words of ``article``) for
    one pair; ``VocabularyBits.counts`` gives the same for a whole set."""
    mine = content_words(article)
    return len(mine & content_words(source)), len(mine)


class VocabularyBits:
    """The content words of each article of a set, as ints whose set bits are its words."""

    def __init__(self, articles: Sequence[Article]):
        words = [content_words(a) for a in articles]
        df = Counter(w for ws in words for w in ws)
        bit = {w: k for k, w in enumerate(sorted(w for w, n in df.items() if n >= 2))}
        self.sizes = [len(ws) for ws in words]
        self.masks = [_mask([bit[w] for w in ws if w in bit], len(bit)) for ws in words]

    def counts(self, i: int, j: int) -> tuple[int, int]:
        """(content words of article ``i`` found in source ``j``, content words of ``i``)."""
        return (self.masks[i] & self.masks[j]).bit_count(), self.sizes[i]


def _mask(bits: list[int], width: int) -> int:
    flags = np.zeros(max(width, 1), dtype=bool)
    flags[bits] = True
    return int.from_bytes(np.packbits(flags, bitorder="little").tobytes(), "little")
