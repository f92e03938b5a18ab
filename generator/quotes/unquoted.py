"""Finding a quote's wording in an article's own narrative, without quotation marks.

Only the kept words outside the article's quotations are searched (a blocker word
stands in for quoted ones so an alignment cannot bridge them); a cheap shared-word
filter runs before the one rapidfuzz alignment per candidate article.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from rapidfuzz import fuzz

from ..model import Article, Quote
from .match import QuoteWords

MIN_WORDS = 4
"""A quote shorter than this is only ever matched where it is quoted."""
SCORE_MIN = 85.0
"""Character partial-ratio of the canonical words against the article's words."""
WORDS_MIN = 0.7
"""Share of the canonical words that must appear, in order, in the matched stretch."""
SHARED_MIN = 0.6
"""Share of the canonical distinct words the article must contain to be searched at all."""
BLOCK = "\x00"


@dataclass(frozen=True, slots=True)
class Narrative:
    """An article's kept words outside quotations, joined for alignment."""

    article: Article
    norm: tuple[str, ...]
    offsets: tuple[int, ...]
    """Start of each word in ``joined``."""
    joined: str
    vocabulary: frozenset[str]

    @classmethod
    def of(cls, article: Article, quotes: tuple[Quote, ...]) -> Narrative:
        cuts = sorted((q.start, q.end) for q in quotes)
        words = article.words
        norm, offsets, pos = [], [], 0
        for i, w in enumerate(words.norm):
            k = bisect_right(cuts, (words.starts[i], float("inf"))) - 1
            quoted = k >= 0 and cuts[k][0] <= words.starts[i] < cuts[k][1]
            norm.append(BLOCK if quoted else w)
            offsets.append(pos)
            pos += len(norm[-1]) + 1
        return cls(article, tuple(norm), tuple(offsets), " ".join(norm), frozenset(norm))


@dataclass(frozen=True, slots=True)
class Found:
    start: int
    end: int
    text: str
    score: float


def find_unquoted(canon: QuoteWords, narrative: Narrative) -> Found | None:
    """Where the article uses the quote's wording without quotation marks, if it does."""
    words = set(canon.norm)
    if len(canon.norm) < MIN_WORDS or len(words & narrative.vocabulary) < SHARED_MIN * len(words):
        return None
    al = fuzz.partial_ratio_alignment(canon.joined, narrative.joined, score_cutoff=SCORE_MIN)
    if not al:
        return None
    first = max(0, bisect_right(narrative.offsets, al.dest_start) - 1)
    last = bisect_right(narrative.offsets, max(al.dest_start, al.dest_end - 1))
    stretch = narrative.norm[first:last]
    if BLOCK in stretch or fuzz.ratio(canon.norm, stretch) < WORDS_MIN * 100:
        return None
    a = narrative.article
    start, end = a.words.starts[first], a.words.ends[last - 1]
    return Found(start, end, a.text[start:end], al.score)
