"""Compare stage: how much of an article lies in passages aligned to a source.

``compare_pair`` is the public entry point; ``prepare`` results are cached per article so
the n-gram index of an article is built once however many pairs it takes part in.
``compare_all`` does every ordered pair of a set and skips pairs without a shared seed.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from .align import Prepared, Run, best_chains, exact_runs, prepare
from .model import Article, EditOp, Passage, PairResult


@dataclass(frozen=True, slots=True)
class AlignSettings:
    """Passage alignment parameters; defaults calibrated on METER courts (bench/RESULTS.md)."""

    seed: int = 3
    """Seed n-gram length in words. A seed with no content word is ignored. 3 finds
    passages with an edit every few words; 4–5 lose METER rewrites (recall)."""
    min_passage: int = 8
    """Minimum passage length in words (span in the article). Keeps stock phrases ("Russian
    President Vladimir Putin", "according to state media") from counting on their own."""
    min_content: int = 4
    """Minimum number of non-stopwords in a passage."""
    edit_tolerance: float = 60.0
    """Minimum rapidfuzz ``fuzz.ratio`` (0–100) of the passage's words in both texts; a
    chain below it is split at its widest gap and each part tried again."""
    max_gap: int = 6
    """Most words skipped in either text between two exact runs of one passage."""
    max_fanout: int = 4
    """A seed that occurs more often than this in the source is a refrain: not a seed."""


DEFAULT = AlignSettings()

_CACHE: OrderedDict[tuple[str, int], tuple[Article, Prepared]] = OrderedDict()
_CACHE_SIZE = 4096


def prepared(article: Article, seed: int = DEFAULT.seed) -> Prepared:
    """``align.prepare`` memoised by article id (checked against the very same object)."""
    key = (article.id, seed)
    hit = _CACHE.get(key)
    if hit is not None and hit[0] is article:
        _CACHE.move_to_end(key)
        return hit[1]
    result = prepare(article, seed)
    _CACHE[key] = (article, result)
    if len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)
    return result


def containment(article: Article, source: Article) -> float:
    """Share of the article's 5-word shingles found in the source (design.md), 4 decimals."""
    return _containment(prepared(article), prepared(source))


def _containment(a: Prepared, s: Prepared) -> float:
    return round(len(a.shingles & s.shingles) / len(a.shingles), 4) if a.shingles else 0.0


def compare_pair(article: Article, source: Article, settings: AlignSettings = DEFAULT) -> PairResult:
    """Passages of ``article`` aligned to ``source`` and the share of its words in them."""
    a, s = prepared(article, settings.seed), prepared(source, settings.seed)
    return compare_prepared(article, source, a, s, settings)


def compare_prepared(
    article: Article, source: Article, a: Prepared, s: Prepared, settings: AlignSettings
) -> PairResult:
    """``compare_pair`` with the per-article indexes supplied by the caller."""
    if a.seed_set.isdisjoint(s.seed_set):  # the common case in a large set: no work
        return _result(article, source, (), _containment(a, s))
    runs = exact_runs(a, s, settings.max_fanout)
    chains = best_chains(runs, settings.max_gap, settings.min_passage, settings.seed)
    passages = []
    for chain in chains:
        passages.extend(_passages(chain, article, source, a, settings))
    passages.sort(key=lambda p: p.a_start)
    return _result(article, source, tuple(passages), _containment(a, s))


def _result(article: Article, source: Article, passages: tuple[Passage, ...], cont: float) -> PairResult:
    total = len(article.words)
    verbatim = sum(p.verbatim_words for p in passages)
    edited = sum(p.a_end - p.a_start for p in passages) - verbatim
    v, e = (round(verbatim / total, 4), round(edited / total, 4)) if total else (0.0, 0.0)
    return PairResult(
        article=article.id,
        source=source.id,
        reuse=round(v + e, 4),
        verbatim=v,
        edited=e,
        paraphrase=0.0,
        containment=cont,
        passages=passages,
    )


def _passages(
    chain: list[Run], article: Article, source: Article, a: Prepared, settings: AlignSettings
) -> list[Passage]:
    """The chain as a passage if it passes the checks, else its halves split at the widest gap."""
    a0, a1 = chain[0].a, chain[-1].a + chain[-1].size
    s0, s1 = chain[0].s, chain[-1].s + chain[-1].size
    if a1 - a0 < settings.min_passage or sum(a.content[a0:a1]) < settings.min_content:
        return []
    a_words, s_words = article.words.norm[a0:a1], source.words.norm[s0:s1]
    score = fuzz.ratio(" ".join(a_words), " ".join(s_words))
    if score >= settings.edit_tolerance:
        return [_passage(article, source, a0, a1, s0, s1, score)]
    if len(chain) == 1:
        return []
    cut = max(range(1, len(chain)), key=lambda k: (_gap(chain[k - 1], chain[k]), -k))
    return _passages(chain[:cut], article, source, a, settings) + _passages(
        chain[cut:], article, source, a, settings
    )


def _gap(p: Run, r: Run) -> int:
    return max(r.a - p.a - p.size, r.s - p.s - p.size)


def _passage(article: Article, source: Article, a0: int, a1: int, s0: int, s1: int, score: float) -> Passage:
    """Classify the passage's words with a word-level diff and record its edits."""
    ops = Levenshtein.opcodes(article.words.norm[a0:a1], source.words.norm[s0:s1])
    verbatim, edits = 0, []
    for op in ops:
        if op.tag == "equal":
            verbatim += op.src_end - op.src_start
            continue
        edits.append(
            EditOp(
                op=op.tag,
                article_text=_display(article, a0 + op.src_start, a0 + op.src_end),
                source_text=_display(source, s0 + op.dest_start, s0 + op.dest_end),
            )
        )
    return Passage(
        a_start=a0,
        a_end=a1,
        s_start=s0,
        s_end=s1,
        kind="edited" if edits else "verbatim",
        score=round(score, 4),
        verbatim_words=verbatim,
        edits=tuple(edits),
    )


def _display(article: Article, start: int, end: int) -> str:
    """The article's displayed text from word ``start`` to word ``end`` (exclusive)."""
    if end <= start:
        return ""
    return article.text[article.words.starts[start] : article.words.ends[end - 1]]
