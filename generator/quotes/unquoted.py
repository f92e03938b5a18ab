"""Finding a quote's wording in an article's own narrative, without quotation marks.

Only the kept words outside the article's quotations are searched (a blocker word
stands in for quoted ones so an alignment cannot bridge them). Two exact word-count
filters run before the one rapidfuzz alignment per candidate article: the share of the
quote's distinct words the narrative holds, and ``window_bound`` (a match needs most of
the quote's words inside one short stretch).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import LCSseq, Levenshtein

from ..model import Article, Quote
from .match import QuoteWords, partial_possible

MIN_WORDS = 4
"""A quote shorter than this is only ever matched where it is quoted."""
SCORE_MIN = 85.0
"""Character partial-ratio of the canonical words against the article's words."""
WORDS_MIN = 0.7
"""Share of the canonical words that must appear, in order, in the matched stretch."""
SHARED_MIN = 0.6
"""Share of the canonical distinct words the article must contain to be searched at all."""
WORDS_PER_CHANGE = 10
"""The wording is kept when at most one word in this many is changed, added or dropped
(none in a quote of fewer words): "oppose a Cold War mentality" is not kept by "opposition
to a Cold War mentality", which says it in other words (absent, or paraphrased)."""
SPELLING_MIN = 85.0
"""Character ratio above which two words are one word spelled two ways (recognized/recognised)."""
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
    positions: dict[str, tuple[int, ...]]
    """Where each word (blocker excluded) stands in ``norm``, in order."""
    blocks: tuple[int, ...]
    """Positions of the blocker word, in order."""

    @classmethod
    def of(cls, article: Article, quotes: tuple[Quote, ...]) -> Narrative:
        return cls.of_words(article, narrative_words(article, quotes))

    @classmethod
    def of_words(cls, article: Article, norm: list[str]) -> Narrative:
        """The narrative of ``norm``, the article's ``narrative_words``."""
        offsets, pos = [], 0
        for w in norm:
            offsets.append(pos)
            pos += len(w) + 1
        positions: dict[str, list[int]] = {}
        for i, w in enumerate(norm):
            positions.setdefault(w, []).append(i)
        blocks = tuple(positions.pop(BLOCK, ()))
        return cls(article, tuple(norm), tuple(offsets), " ".join(norm), frozenset(norm),
                   {w: tuple(ps) for w, ps in positions.items()}, blocks)


def narrative_words(article: Article, quotes: tuple[Quote, ...]) -> list[str]:
    """The article's words, the blocker standing in for each quoted one."""
    cuts = sorted((q.start, q.end) for q in quotes)
    words = article.words
    norm = []
    for start, w in zip(words.starts, words.norm):
        k = bisect_right(cuts, (start, float("inf"))) - 1
        norm.append(BLOCK if k >= 0 and cuts[k][0] <= start < cuts[k][1] else w)
    return norm


def vocabulary(article: Article, quotes: tuple[Quote, ...]) -> frozenset[str]:
    """``Narrative.of(article, quotes).vocabulary`` without the rest of the narrative."""
    return frozenset(narrative_words(article, quotes))


@dataclass(frozen=True, slots=True)
class Found:
    start: int
    end: int
    text: str
    score: float


def find_unquoted(canon: QuoteWords, narrative: Narrative) -> Found | None:
    """Where the article uses the quote's wording without quotation marks, if it does."""
    if not shares_enough(canon, narrative.vocabulary):
        return None
    needed = _common_needed(len(canon.norm))
    if window_bound(canon.norm, narrative) < needed or common_bound(canon.norm, narrative) < needed:
        return None  # no stretch can pass the word-ratio test below: skip the alignment
    if not partial_possible(canon.joined, narrative.joined, SCORE_MIN):
        return None
    al = fuzz.partial_ratio_alignment(canon.joined, narrative.joined, score_cutoff=SCORE_MIN)
    if not al:
        return None
    first = max(0, bisect_right(narrative.offsets, al.dest_start) - 1)
    last = bisect_right(narrative.offsets, max(al.dest_start, al.dest_end - 1))
    stretch = narrative.norm[first:last]
    if BLOCK in stretch or fuzz.ratio(canon.norm, stretch) < WORDS_MIN * 100:
        return None
    kept = kept_wording(canon.norm, stretch)
    if kept is None:
        return None
    a = narrative.article
    start, end = a.words.starts[first + kept[0]], a.words.ends[first + kept[1] - 1]
    return Found(start, end, a.text[start:end], al.score)


def kept_wording(quote: tuple[str, ...], stretch: tuple[str, ...]) -> tuple[int, int] | None:
    """The word range of ``stretch`` that keeps the quote's wording, or None when more than
    one word in ``WORDS_PER_CHANGE`` of the quote is changed, dropped or added inside it.
    Words match when equal or spelled two ways; words of the stretch before the first and
    after the last matched word are outside the quote, not additions to it."""
    matched: list[int] = []
    for op in Levenshtein.opcodes(quote, stretch):
        if op.tag == "equal":
            matched += range(op.dest_start, op.dest_end)
        elif op.tag == "replace" and op.src_end - op.src_start == op.dest_end - op.dest_start:
            matched += [op.dest_start + k for k in range(op.dest_end - op.dest_start)
                        if _same_word(quote[op.src_start + k], stretch[op.dest_start + k])]
    if not matched:
        return None
    first, last = matched[0], matched[-1] + 1
    changes = (len(quote) - len(matched)) + (last - first - len(matched))
    return (first, last) if changes <= len(quote) // WORDS_PER_CHANGE else None


def _same_word(a: str, b: str) -> bool:
    return min(len(a), len(b)) >= 4 and fuzz.ratio(a, b) >= SPELLING_MIN


def shares_enough(canon: QuoteWords, vocabulary: frozenset[str]) -> bool:
    """Whether a narrative of this ``vocabulary`` is worth searching for the quote at all."""
    words = set(canon.norm)
    return len(canon.norm) >= MIN_WORDS and len(words & vocabulary) >= SHARED_MIN * len(words)


def _common_needed(n: int) -> float:
    """Fewest words a stretch must share with an ``n``-word quote to pass the word ratio.

    ``fuzz.ratio`` of word sequences is 200·L / (n + m), L their longest common subsequence
    and m the stretch's length ≥ L; reaching r = 100·WORDS_MIN needs L ≥ r·n / (200 − r).
    """
    r = WORDS_MIN * 100
    return r * n / (200 - r) - 1e-9


def _widest(n: int) -> int:
    """Longest stretch that can pass the word ratio with an ``n``-word quote: m ≤ 200·L/r − n
    with L ≤ n."""
    r = WORDS_MIN * 100
    return int((200 - r) * n / r) + 1


WINDOW_STEPS = 4
"""``common_bound`` windows start every 1/WINDOW_STEPS of the widest stretch."""


def common_bound(quote: tuple[str, ...], narrative: Narrative) -> int:
    """An upper bound of the longest common subsequence of ``quote`` and any stretch of at
    most ``_widest`` narrative words: each such stretch lies inside one of the overlapping
    windows compared here, and a stretch's LCS is at most its window's."""
    width = _widest(len(quote))
    step = max(1, width // WINDOW_STEPS)
    words = narrative.norm
    return max(LCSseq.similarity(quote, words[k:k + width + step])
               for k in range(0, max(1, len(words) - width + step), step))


def window_bound(quote: tuple[str, ...], narrative: Narrative) -> int:
    """An upper bound of the words any blocker-free stretch of at most ``_widest`` words of
    the narrative has in common (as a multiset) with ``quote``, hence of their longest common
    subsequence.

    An occurrence of a word the quote holds c times counts for the windows that start after
    the c-th previous occurrence of the word (so no window counts it more than c times),
    after the last blocker before it, and at most ``_widest`` words before it: each is a
    range of window starts; the bound is the largest overlap of those ranges.
    """
    width = _widest(len(quote))
    blocks = narrative.blocks
    events = []
    for word, count in Counter(quote).items():
        found = narrative.positions.get(word, ())
        for j, i in enumerate(found):
            lo = i - width + 1
            if j >= count:
                lo = max(lo, found[j - count] + 1)
            k = bisect_right(blocks, i)
            if k:
                lo = max(lo, blocks[k - 1] + 1)
            events.append((lo, 1))
            events.append((i + 1, -1))
    events.sort()
    best = level = 0
    for _, step in events:
        level += step
        best = max(best, level)
    return best
