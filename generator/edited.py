"""Edited sentences: stretches that passage alignment left unaligned but whose content
words largely come from one sentence of the source, or from two adjacent ones.

A reporter rewriting wire copy keeps a sentence's names, numbers and key words while
reordering its clauses and changing the words between them, so that no run of five
identical words survives for ``align`` to anchor a passage on (METER courts: two thirds of
the words tagged Rewrite were in no passage). Each unaligned stretch of an article
sentence is matched, by its distinct content words (``align.STOPWORDS`` left out), with the
source sentence or pair of adjacent sentences holding most of them; where that share
reaches ``AlignSettings.sentence_share`` (lower, ``partial_share``, for the rest of a
sentence a passage already reaches into) the stretch from its first to its last shared word
is an edited passage.

Independent reports of one event share names and words too, so the thresholds were
calibrated against METER's tags and labels together (bench/RESULTS.md section 7, session 4).

Matches stay sentence-sized (``MAX_WORDS``): a "sentence" of hundreds of words holds some
of every word. Only pairs that share a 5-word sequence or a passage are looked at
(``compare.compare_prepared``), the pairs ``compare_all`` aligns anyway.

Cost: an inverted index of content words to sentences per article (memoised like the seed
index), and per unaligned stretch one look-up per content word: linear in the words of a
pair, never sentences × sentences.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass

from .align import STOPWORDS
from .article_memo import memoised
from .model import Article
from .segment import sentence_words


MAX_WORDS = 80
"""Longest sentence, pair of joined sentences or unaligned stretch matched (words): longer
"sentences" are text the splitter could not cut (no capitals after full stops, a list), and
a window that large holds most words of anything (METER calibration half: 60 costs 0.016
recall, 80 none)."""
JOIN_MIN = 2
"""Least number of the stretch's words each of two joined source sentences must hold on its
own: one shared word is no reason to take in a whole second sentence."""


@dataclass(frozen=True, slots=True)
class SentenceIndex:
    """Per-article data every pair reuses: its sentences' content words and where each occurs."""

    ranges: tuple[tuple[int, int], ...]
    """Word range ``[start, end)`` of each sentence."""
    words: tuple[frozenset[str], ...]
    """Distinct content words of each sentence."""
    starts: tuple[int, ...]
    """First word of each sentence."""
    where: dict[str, tuple[int, ...]]
    """Content word → the sentences of at most ``MAX_WORDS`` words holding it, in order."""
    vocabulary: frozenset[str]
    """The keys of ``where``."""
    joinable: frozenset[int]
    """Sentences k that may be joined with k + 1: the two hold at most ``MAX_WORDS`` words."""


@dataclass(frozen=True, slots=True)
class Stretch:
    """Article words ``[a0, a1)`` rewritten from source words ``[s0, s1)``."""

    a0: int
    a1: int
    s0: int
    s1: int


def sentence_index(article: Article) -> SentenceIndex:
    norm = article.words.norm
    ranges = tuple(sentence_words(article))
    words = tuple(frozenset(w for w in norm[a:b] if w not in STOPWORDS) for a, b in ranges)
    where: dict[str, list[int]] = {}
    for k, ws in enumerate(words):
        if ranges[k][1] - ranges[k][0] <= MAX_WORDS:
            for w in ws:
                where.setdefault(w, []).append(k)
    joinable = frozenset(k for k in range(len(ranges) - 1) if ranges[k + 1][1] - ranges[k][0] <= MAX_WORDS)
    return SentenceIndex(ranges, words, tuple(a for a, _ in ranges), {w: tuple(ks) for w, ks in where.items()},
                         frozenset(where), joinable)


_MEMO: OrderedDict[str, tuple[Article, SentenceIndex]] = OrderedDict()
_MEMO_SIZE = 4096


def indexed(article: Article) -> SentenceIndex:
    """``sentence_index`` memoised by article id (checked against the very same object; the
    least recently used dropped past ``_MEMO_SIZE``)."""
    return memoised(_MEMO, _MEMO_SIZE, article.id, article, lambda: sentence_index(article))


def edited_stretches(article: Article, source: Article, aligned: Sequence[tuple[int, int]], sentence_share: float,
                     partial_share: float, min_shared: int) -> list[Stretch]:
    """The article's unaligned stretches (``aligned``: word ranges of its passages) whose
    distinct content words come, at least ``sentence_share`` of them (``partial_share`` in a
    sentence a passage reaches into) and ``min_shared`` in number, from one source sentence
    or two adjacent ones; each cut to its first and last shared word."""
    a_idx, s_idx = indexed(article), indexed(source)
    norm, vocabulary = article.words.norm, s_idx.vocabulary
    covered = bytearray(len(norm))
    for start, end in aligned:
        covered[start:end] = b"\1" * (end - start)
    # How many of a whole sentence's words the source has at all bounds what one window can
    # hold: counted from the words the two share (few, for most pairs), not sentence by
    # sentence. The sentences a passage reaches into are looked at in any case.
    in_source: dict[int, int] = {}
    for w in a_idx.vocabulary & vocabulary:
        for k in a_idx.where[w]:
            in_source[k] = in_source.get(k, 0) + 1
    found = []
    for k in sorted({k for k, n in in_source.items() if n >= min_shared} | _touched(a_idx, aligned)):
        first, last = a_idx.ranges[k]
        whole = covered.find(1, first, last) == -1
        if whole and in_source.get(k, 0) < max(min_shared, sentence_share * len(a_idx.words[k])):
            continue
        share = sentence_share if whole else partial_share
        for i, j in [(first, last)] if whole else _unaligned(covered, first, last):
            if j - i > MAX_WORDS:
                continue
            words = a_idx.words[k] if whole else {w for w in norm[i:j] if w not in STOPWORDS}
            least = max(min_shared, share * len(words))
            from_source = words & vocabulary
            if len(words) < min_shared or len(from_source) < least:
                continue
            window, shared = _best_window(from_source, s_idx)
            if shared and len(shared) >= least:  # no shared word: nothing to cut to
                found.append(_stretch(article, source, i, j, window, shared, s_idx))
    return found


def _touched(index: SentenceIndex, aligned: Sequence[tuple[int, int]]) -> set[int]:
    """The sentences that the word ranges ``aligned`` overlap."""
    return {k for start, end in aligned
            for k in range(bisect_right(index.starts, start) - 1, bisect_left(index.starts, end))}


def _unaligned(covered: bytearray, first: int, last: int) -> list[tuple[int, int]]:
    """Word ranges of ``[first, last)`` outside every passage."""
    runs = []
    i = covered.find(0, first, last)
    while i != -1:
        j = covered.find(1, i, last)
        j = last if j == -1 else j
        runs.append((i, j))
        i = covered.find(0, j, last)
    return runs


def _best_window(words: set[str], s_idx: SentenceIndex) -> tuple[tuple[int, int], frozenset[str]]:
    """The source sentences ``[k, m)`` holding most of ``words`` (each found in the source),
    and those words: one sentence, or two adjacent ones (a merge) when both hold ``JOIN_MIN``
    of them the other lacks and together more than any one; ties go to the earliest."""
    singles: dict[int, int] = {}
    doubles: dict[int, int] = {}  # window k covers sentences k and k + 1
    joinable = s_idx.joinable
    for w in words:
        ks = s_idx.where[w]
        for k in ks:
            singles[k] = singles.get(k, 0) + 1
        for k in ({k - 1 for k in ks} | set(ks)) & joinable:
            doubles[k] = doubles.get(k, 0) + 1
    if not singles:
        return (0, 1), frozenset()
    k1, n1 = max(singles.items(), key=lambda kv: (kv[1], -kv[0]))
    k2, n2 = max(doubles.items(), key=lambda kv: (kv[1], -kv[0]), default=(0, 0))
    if n2 > n1:
        first, second = words & s_idx.words[k2], words & s_idx.words[k2 + 1]
        if len(first - second) >= JOIN_MIN and len(second - first) >= JOIN_MIN:
            return (k2, k2 + 2), frozenset(first | second)
    return (k1, k1 + 1), frozenset(words & s_idx.words[k1])


def _stretch(article: Article, source: Article, i: int, j: int, window: tuple[int, int], shared: frozenset[str],
             s_idx: SentenceIndex) -> Stretch:
    """The article run ``[i, j)`` and the source window, each cut to its first and last shared word."""
    a = [x for x in range(i, j) if article.words.norm[x] in shared]
    s0, s1 = s_idx.ranges[window[0]][0], s_idx.ranges[window[1] - 1][1]
    s = [y for y in range(s0, s1) if source.words.norm[y] in shared]
    return Stretch(a[0], a[-1] + 1, s[0], s[-1] + 1)
