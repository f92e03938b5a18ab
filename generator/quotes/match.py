"""Comparing one quotation with a cluster's canonical text: verbatim, altered or partial.

Words are compared case-folded, so case, punctuation, spacing and quote style never
count. Spelling variants (recognized/recognised) are caught by a character-level
ratio over the joined words; the edits shown are word-level.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import LCSseq, Levenshtein

from ..model import EditOp, Quote
from ..text import WORD_RE
from .qgrams import may_reach

ALTERED_MIN = 80.0
"""Character ratio over the joined words above which a quote is the same, altered."""
PARTIAL_MIN = 90.0
"""Partial-ratio above which a shorter quote is an excerpt of the canonical text."""
CONTAINS_MIN = 88.0
"""Partial-ratio above which a longer quote contains the canonical text."""
MIN_PARTIAL_WORDS = 3
WINDOW_MARGIN = 3
"""How many words the stretch of canonical text a shorter quote is compared with may start or
end away from the window its characters line up with: the window is as long as the quote,
so a changed word shifts it and would leave a quote's first or last words outside it."""
SHORT_NEEDLE = 64
"""Up to this many characters in the shorter string rapidfuzz's partial ratio is a fast
bit-parallel scan; past it each call costs far more than the q-gram test (qgrams.py)."""
RANK = {"verbatim": 0, "altered": 1, "partial": 2, "unquoted": 3, "absent": 4}


@dataclass(frozen=True, slots=True)
class QuoteWords:
    """A quote's words: case-folded forms, as written, and their offsets in the article."""

    quote: Quote
    norm: tuple[str, ...]
    shown: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    joined: str = ""
    """The case-folded words joined by spaces (what the character ratios compare)."""

    @classmethod
    def of(cls, quote: Quote) -> QuoteWords:
        found = list(WORD_RE.finditer(quote.text))
        norm = tuple(m.group().casefold() for m in found)
        return cls(quote, norm, tuple(m.group() for m in found), tuple(quote.start + m.start() for m in found),
                   tuple(quote.start + m.end() for m in found), " ".join(norm))


@dataclass(frozen=True, slots=True)
class Match:
    """How a quote renders the canonical text; ``[start, end)`` are the quote's words used."""

    status: str
    score: float
    start: int
    end: int
    edits: tuple[EditOp, ...] = ()


def _find(needle: str, hay: str) -> int:
    """Word index of ``needle`` as consecutive words of ``hay`` (both words joined by single
    spaces; words hold no spaces), or -1."""
    at = f" {hay} ".find(f" {needle} ")
    return -1 if at < 0 else hay.count(" ", 0, at)


def _word_range(words: QuoteWords, char_start: int, char_end: int) -> tuple[int, int]:
    """Word indexes covering a character range of ``words.joined``."""
    pos, first, last = 0, None, 0
    for i, w in enumerate(words.norm):
        if pos + len(w) > char_start and pos < char_end:
            first = i if first is None else first
            last = i + 1
        pos += len(w) + 1
    return (first or 0), last


def edits(canon: QuoteWords, cs: int, ce: int, quote: QuoteWords, qs: int, qe: int) -> tuple[EditOp, ...]:
    """Word-level changes from the canonical words to the quote's words."""
    result = []
    for op in Levenshtein.opcodes(canon.norm[cs:ce], quote.norm[qs:qe]):
        if op.tag != "equal":
            result.append(EditOp(op.tag, " ".join(quote.shown[qs + op.dest_start : qs + op.dest_end]),
                                 " ".join(canon.shown[cs + op.src_start : cs + op.src_end])))
    return tuple(result)


def _closest_stretch(canon: QuoteWords, quote: QuoteWords, spans: list[tuple[range, range]]) -> tuple[int, int]:
    """The canonical words ``[s, e)`` a shorter quote renders: most of the quote's words kept
    in order (a block of canonical words dropped inside the quote stays a deletion instead of
    quote words replacing the words before it), then the fewest word edits (a phrase the
    canonical text repeats: the nearest copy, not every word from an earlier one on shown as
    dropped), then the longest (a quote word beside the cut replaces the canonical word there
    rather than being added), then the earliest; ``s`` in ``starts``, ``e`` in ``ends`` of
    one of ``spans``."""
    q, c = quote.norm, canon.norm
    best, found = None, (spans[0][0].start, spans[0][1].stop - 1)
    for starts, ends in spans:
        for s in starts:
            for e in range(max(s + 1, ends.start), ends.stop):
                if best is not None and min(e - s, len(q)) < -best[0]:
                    continue  # cannot keep as many of the quote's words
                rank = (-LCSseq.similarity(c[s:e], q), Levenshtein.distance(c[s:e], q), s - e, s)
                if best is None or rank < best:
                    best, found = rank, (s, e)
    return found


def _near(cs: int, ce: int, n: int, margin: int = WINDOW_MARGIN) -> tuple[range, range]:
    """Starts and ends within ``margin`` words of ``[cs, ce)`` in ``n`` canonical words."""
    return range(max(0, cs - margin), min(cs + margin, ce - 1) + 1), range(max(1, ce - margin), min(n, ce + margin) + 1)


def _tightest(canon: QuoteWords, quote: QuoteWords) -> list[tuple[range, range]]:
    """Where a shorter quote may lie in the whole canonical text: around the two tightest
    stretches keeping all the words the two have in common in order (the latest start, then
    the earliest end for it; the earliest end, then the latest start for it), found by
    bisection (the common words of a stretch only shrink as it does): a few dozen calls
    instead of one per pair of ends."""
    q, c = quote.norm, canon.norm
    full = LCSseq.similarity(c, q)

    def last_start(e: int) -> int:
        lo, hi = 0, e
        while lo < hi:
            mid = (lo + hi + 1) // 2
            lo, hi = (mid, hi) if LCSseq.similarity(c[mid:e], q) == full else (lo, mid - 1)
        return lo

    def first_end(s: int) -> int:
        lo, hi = s, len(c)
        while lo < hi:
            mid = (lo + hi) // 2
            lo, hi = (lo, mid) if LCSseq.similarity(c[s:mid], q) == full else (mid + 1, hi)
        return hi

    s1 = last_start(len(c))
    e2 = first_end(0)
    spans = []
    for s, e in ((s1, first_end(s1)), (last_start(e2), e2)):
        spans.append((range(max(0, s - WINDOW_MARGIN), s + 1), range(e, min(len(c), e + WINDOW_MARGIN) + 1)))
    return spans


def _excerpt(canon: QuoteWords, quote: QuoteWords, spans: list[tuple[range, range]]) -> tuple[EditOp, ...]:
    """The changes inside a shorter quote against the canonical words it renders (within
    ``spans``): canonical words left out before or after them are the excerpt's cut, not a change."""
    s, e = _closest_stretch(canon, quote, spans)
    return edits(canon, s, e, quote, 0, len(quote.norm))


def partial_bound(ratio: float, len_a: int, len_b: int) -> float:
    """Upper bound of ``fuzz.partial_ratio`` of two strings given their ``fuzz.ratio``.

    The ratio is 200·L / (len_a + len_b) with L their longest common subsequence. A partial
    ratio compares the shorter string (length ``s``) with a window of the other of length
    m ≤ s; their common subsequence is at most min(m, L), so the window scores at most
    200·min(m, L) / (s + m) ≤ 200·L / (s + L).
    """
    common = ratio * (len_a + len_b) / 200
    shorter = min(len_a, len_b)
    return 200 * common / (shorter + common) if shorter else 0.0


def partial_possible(a: str, b: str, cutoff: float) -> bool:
    """False only if ``fuzz.partial_ratio(a, b)`` cannot reach ``cutoff``; the q-gram test
    runs only where the partial ratio is slow."""
    return min(len(a), len(b)) <= SHORT_NEEDLE or may_reach(a, b, cutoff)


def compare(quote: QuoteWords, canon: QuoteWords) -> Match | None:
    """The first status that holds for ``quote`` against ``canon``, or None."""
    q, c = quote.norm, canon.norm
    if not q or not c:
        return None
    if q == c:
        return Match("verbatim", 100.0, 0, len(q))
    if len(c) < MIN_PARTIAL_WORDS or len(q) < MIN_PARTIAL_WORDS:
        return None  # short quotes match only word for word
    at = _find(canon.joined, quote.joined)
    if at >= 0:  # the article quotes more than the canonical text, all of it intact
        return Match("verbatim", 100.0, at, at + len(c))
    if _find(quote.joined, canon.joined) >= 0:
        return Match("partial", 100.0, 0, len(q))
    ratio = fuzz.ratio(quote.joined, canon.joined)
    if ratio >= ALTERED_MIN:  # a shorter quote may be an excerpt: cut ends are no edit
        found = _excerpt(canon, quote, _tightest(canon, quote)) if len(q) < len(c) else ()
        return Match("altered", ratio, 0, len(q), found or edits(canon, 0, len(c), quote, 0, len(q)))
    if partial_bound(ratio, len(quote.joined), len(canon.joined)) < min(PARTIAL_MIN, CONTAINS_MIN) - 1e-6:
        return None  # no window can reach the cutoff: skip the (slow) partial ratio
    if not partial_possible(quote.joined, canon.joined, PARTIAL_MIN if len(q) < len(c) else CONTAINS_MIN):
        return None
    if len(q) < len(c):
        al = fuzz.partial_ratio_alignment(quote.joined, canon.joined, score_cutoff=PARTIAL_MIN)
        if not al:
            return None
        cs, ce = _word_range(canon, al.dest_start, al.dest_end)
        changed = _excerpt(canon, quote, [_near(cs, ce, len(c))])
        return Match("altered" if changed else "partial", al.score, 0, len(q), changed)
    al = fuzz.partial_ratio_alignment(canon.joined, quote.joined, score_cutoff=CONTAINS_MIN)
    if not al:
        return None
    qs, qe = _word_range(quote, al.dest_start, al.dest_end)
    found = edits(canon, 0, len(c), quote, qs, qe)
    return Match("altered" if found else "verbatim", al.score, qs, qe, found)


def better(a: Match, b: Match | None) -> bool:
    """True if ``a`` is a better rendering than ``b``: higher status, score, more words."""
    if b is None:
        return True
    return (-RANK[a.status], a.score, a.end - a.start) > (-RANK[b.status], b.score, b.end - b.start)
