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

from .align import Chain, Prepared, Run, best_chains, exact_runs, prepare
from .cache import Cache, digest
from .model import Article, EditOp, Passage, PairResult
from .parallel import map_rows


@dataclass(frozen=True, slots=True)
class AlignSettings:
    """Passage alignment parameters, calibrated on METER courts (bench/calibrate.py).

    With these defaults, over 354 token-tagged METER articles × their PA files, words in
    passages against words tagged Verbatim or Rewrite: precision 0.910, recall 0.538;
    unchanged words against Verbatim: precision 0.912, recall 0.634. Recall is bounded by
    METER's tagging: Rewrite spans are mostly re-worded (paraphrase, not edits), and 35% of
    Verbatim words lie in stretches of 7 words or fewer between rewrites.
    """

    seed: int = 3
    """Seed n-gram length in words; a seed made only of stopwords is ignored. On METER
    seed 4 loses recall at every setting (aligned-word F1 0.611 against 0.665 for 3 at max_gap 10)."""
    min_passage: int = 8
    """Minimum passage length in words (span in the article). Keeps stock phrases ("Russian
    President Vladimir Putin", "according to state media") from counting on their own;
    6 gains 0.02 recall on METER for 0.01 precision."""
    min_content: int = 4
    """Minimum number of non-stopwords in a passage (3 or 4: within 0.01 on METER)."""
    edit_tolerance: float = 60.0
    """Minimum rapidfuzz ``fuzz.ratio`` (0-100) of the passage's words in both texts; a
    chain below it is split at its widest gap and each part tried again. 40-70 change
    METER figures by under 0.01: the gap limit already keeps chains similar."""
    max_gap: int = 15
    """Most words skipped in either text between two exact runs of one passage: the main
    precision/recall knob. METER aligned words P/R with the other defaults: gap 10
    0.923/0.503, 15 0.910/0.538; without ``min_anchor`` (3): 6 0.929/0.473, 10
    0.917/0.521, 15 0.897/0.564, 20 0.883/0.595."""
    edge_skip: int = 2
    """At a passage's ends, words skipped to reach the next shared content word (so an edit
    in the first or last words of a copied sentence stays inside the passage); +0.01
    METER recall over 0."""
    min_anchor: int = 5
    """A passage needs one run of at least this many identical words: three stock phrases
    in the same order ("Putin ... according to state media ... the United States") are not
    a passage. Costs METER recall (3: 0.576, 5: 0.538 at gap 15) for precision (0.895,
    0.910) and robustness against runs of stock phrases."""
    max_fanout: int = 4
    """A seed found more often than this in the source is a refrain there, not evidence."""


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
    article: Article,
    source: Article,
    a: Prepared,
    s: Prepared,
    settings: AlignSettings,
    cont: float | None = None,
) -> PairResult:
    """``compare_pair`` with the per-article indexes (and, optionally, the containment)
    supplied by the caller."""
    cont = _containment(a, s) if cont is None else cont
    if a.seed_set.isdisjoint(s.seed_set):  # the common case in a large set: no work
        return _result(article, source, (), cont)
    runs = exact_runs(a, s, settings.max_fanout)
    chains = best_chains(
        runs, a, s, settings.max_gap, settings.min_passage, settings.seed, settings.edge_skip
    )
    passages = []
    for chain in chains:
        passages.extend(_passages(chain, article, source, a, settings))
    passages.sort(key=lambda p: p.a_start)
    return _result(article, source, tuple(passages), cont)


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


def _passages(chain: Chain, article: Article, source: Article, a: Prepared, settings: AlignSettings) -> list[Passage]:
    """The chain as a passage if it passes the checks, else its halves split at the widest gap."""
    a0, a1, s0, s1 = chain.a0, chain.a1, chain.s0, chain.s1
    if (
        a1 - a0 < settings.min_passage
        or sum(a.content[a0:a1]) < settings.min_content
        or max(r.size for r in chain.runs) < settings.min_anchor
    ):
        return []
    score = fuzz.ratio(" ".join(article.words.norm[a0:a1]), " ".join(source.words.norm[s0:s1]))
    if score >= settings.edit_tolerance:
        return [_passage(article, source, a0, a1, s0, s1, score)]
    if len(chain.runs) == 1:
        return []
    runs = chain.runs
    cut = max(range(1, len(runs)), key=lambda k: (_gap(runs[k - 1], runs[k]), -k))
    left, right = chain.split(cut)
    return _passages(left, article, source, a, settings) + _passages(right, article, source, a, settings)


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


def fingerprint(article: Article) -> str:
    """Hash of everything a pair result depends on in one article (id, text, words)."""
    w = article.words
    return digest(article.id, article.text, w.norm, w.starts, w.ends)


@dataclass(frozen=True, slots=True)
class CompareStats:
    """What the last ``compare_all`` did: pairs aligned now, pairs taken from the cache."""

    computed: int = 0
    reused: int = 0


LAST_STATS = CompareStats()

PARALLEL_MIN_PAIRS = 2000
"""Fewer candidate pairs than this are aligned in-process: starting workers costs more."""


@dataclass(frozen=True, slots=True)
class _Work:
    """What the workers share (inherited by fork, never pickled)."""

    articles: list[Article]
    prepped: list[Prepared]
    candidates: list[list[int]]
    """For each article, the sources it can hold a passage from, in order."""
    shared_shingles: list[dict[int, int]]
    settings: AlignSettings
    fingerprints: list[str]
    cache: Cache | None
    settings_key: str


def compare_all(
    articles: list[Article], settings: AlignSettings = DEFAULT, jobs: int = 1, cache: Cache | None = None,
    scheduler: str | None = None,
) -> list[PairResult]:
    """Every ordered pair of distinct articles, row by row (article, then source, in the
    given order). Shared shingle (and seed) counts for all pairs come from sparse matrix
    products; only pairs that can hold a passage are aligned, over ``jobs`` processes,
    each article's row looked up in ``cache`` first. The result does not depend on
    ``jobs`` or on the cache.

    The pruning is exact: a passage holds a run of ``min_anchor`` identical words, so
    with ``min_anchor >= 5`` a pair that shares no 5-word shingle (else: no seed) has
    none, and its result (reuse 0, containment from the counts) is written directly.

    With a Dask ``scheduler`` address the candidate pairs are aligned on that cluster;
    its workers do not share this machine's disk, so the pair cache is not used there.
    """
    global LAST_STATS
    cache = None if scheduler else cache
    prepped = [prepared(article, settings.seed) for article in articles]
    shared_shingles = _shared_counts([p.shingles for p in prepped])
    shared = shared_shingles if settings.min_anchor >= 5 else _shared_counts([p.seed_set for p in prepped])
    candidates = [sorted(j for j, c in shared[i].items() if c and j != i) for i in range(len(articles))]
    work = _Work(articles, prepped, candidates, shared_shingles, settings,
                 [fingerprint(a) for a in articles] if cache else [], cache,
                 digest(repr(settings)))
    jobs = jobs if sum(map(len, candidates)) >= PARALLEL_MIN_PAIRS else 1
    chunks = map_rows(_align_rows, work, len(articles), jobs, scheduler)
    LAST_STATS = CompareStats(sum(c[1] for c in chunks), sum(c[2] for c in chunks))
    rows = [row for chunk in chunks for row in chunk[0]]
    results = []
    for i, (article, a) in enumerate(zip(articles, prepped)):
        aligned = rows[i]
        for j, source in enumerate(articles):
            if i == j:
                continue
            hit = aligned.get(j)
            if hit is None:
                hit = PairResult(article.id, source.id, 0.0, 0.0, 0.0, 0.0,  # = _result(…, (), …)
                                 _cont(shared_shingles[i].get(j, 0), a), ())
            results.append(hit)
    return results


def _cont(shared: int, a: Prepared) -> float:
    return round(shared / len(a.shingles), 4) if a.shingles else 0.0


def _align_rows(work: _Work, rows: range) -> tuple[list[dict[int, PairResult]], int, int]:
    """The candidate pairs of some articles (source index → result), and how many were
    computed and reused from the cache."""
    out, computed, reused = [], 0, 0
    for i in rows:
        article, a = work.articles[i], work.prepped[i]
        key = f"{work.fingerprints[i]}-{work.settings_key}" if work.cache else ""
        cached = (work.cache.get("pairs", key) if work.cache else None) or {}
        row, fresh = {}, {}
        for j in work.candidates[i]:
            source = work.articles[j]
            hit = cached.get(work.fingerprints[j]) if work.cache else None
            if hit is None:
                cont = _cont(work.shared_shingles[i].get(j, 0), a)
                hit = compare_prepared(article, source, a, work.prepped[j], work.settings, cont)
                computed += 1
            else:
                reused += 1
            row[j] = hit
            if work.cache:
                fresh[work.fingerprints[j]] = hit
        if work.cache and fresh.keys() != cached.keys():
            work.cache.put("pairs", key, fresh)
        out.append(row)
    return out, computed, reused


def _shared_counts(sets: list[frozenset[int]]) -> list[dict[int, int]]:
    """For each set, how many elements it shares with each other set (absent: none), by a
    sparse incidence-matrix product (design.md: 0.22 s at N = 1,000)."""
    import numpy as np
    from scipy import sparse

    columns: dict[int, int] = {}
    rows = [np.fromiter((columns.setdefault(h, len(columns)) for h in s), dtype=np.int64) for s in sets]
    indptr = np.cumsum([0] + [len(r) for r in rows])
    indices = np.concatenate(rows) if rows else np.zeros(0, dtype=np.int64)
    incidence = sparse.csr_matrix(
        (np.ones(len(indices), dtype=np.int32), indices, indptr), shape=(len(sets), len(columns))
    )
    product = (incidence @ incidence.T).tocsr()
    return [
        dict(zip(product.indices[product.indptr[k] : product.indptr[k + 1]].tolist(),
                 product.data[product.indptr[k] : product.indptr[k + 1]].tolist()))
        for k in range(len(sets))
    ]
