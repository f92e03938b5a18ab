"""Compare stage: how much of an article lies in passages aligned to a source.

``compare_pair`` is the public entry point; ``prepare`` results are cached per article so
the n-gram index of an article is built once however many pairs it takes part in.
``compare_all`` does every ordered pair of a set and skips pairs without a shared seed.
"""

from __future__ import annotations

import pickle
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz

from .align import Chain, Prepared, Run, best_chains, exact_runs, prepare
from .article_memo import memoised
from .cache import Cache
from .compare_cache import cached_rows, row_keys
from .compare_settings import DEFAULT, AlignSettings, PruneSettings
from .model import Article, PairResult, Passage
from .pairs import PairTable, StoredRow
from .parallel import map_rows
from .passages import edited_passages, make_passage
from .vocabulary import VocabularyBits, figures, pair_counts
from .shingles import local_order, seed_postings, shared_counts, shared_seeds, shingle_arrays


_CACHE: OrderedDict[tuple[str, int], tuple[Article, Prepared]] = OrderedDict()
_CACHE_SIZE = 4096


def prepared(article: Article, seed: int = DEFAULT.seed) -> Prepared:
    """``align.prepare`` memoised by article id (checked against the very same object)."""
    return memoised(_CACHE, _CACHE_SIZE, (article.id, seed), article, lambda: prepare(article, seed))


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
    vocab: tuple[int, int] | None = None,
    shared: list[int] | None = None,
) -> PairResult:
    """``compare_pair`` with the per-article indexes (and, optionally, the containment,
    shared content word counts, ``VocabularyBits.counts``, and shared seed hashes)
    supplied by the caller."""
    cont = _containment(a, s) if cont is None else cont
    if a.seed_set.isdisjoint(s.seed_set) if shared is None else not shared:  # no work (common in a large set)
        return _result(article, source, (), cont, vocab)
    runs = exact_runs(a, s, settings.max_fanout, shared)
    chains = best_chains(
        runs, a, s, settings.max_gap, settings.min_passage, settings.seed, settings.edge_skip
    )
    passages = []
    for chain in chains:
        passages.extend(_passages(chain, article, source, a, settings))
    if passages or cont:  # the pairs compare_all aligns and counts vocabulary for: exact pruning stays exact
        passages.extend(edited_passages(article, source, passages, settings))
    passages.sort(key=lambda p: p.a_start)
    return _result(article, source, tuple(passages), cont, vocab)


def _result(article: Article, source: Article, passages: tuple[Passage, ...], cont: float,
            vocab: tuple[int, int] | None) -> PairResult:
    """The pair's figures; shared vocabulary only where the pair shares a 5-word sequence or
    a passage, so that a pair sharing nothing stays all zero (``pairs.is_zero``)."""
    total = len(article.words)
    verbatim = sum(p.verbatim_words for p in passages)
    edited = sum(p.a_end - p.a_start for p in passages) - verbatim
    v, e = (round(verbatim / total, 4), round(edited / total, 4)) if total else (0.0, 0.0)
    if not (passages or cont):
        shared_words, new_words = 0.0, 0
    else:
        shared_words, new_words = figures(*(pair_counts(article, source) if vocab is None else vocab))
    return PairResult(
        article=article.id,
        source=source.id,
        reuse=round(v + e, 4),
        verbatim=v,
        edited=e,
        paraphrase=0.0,
        containment=cont,
        passages=passages,
        vocabulary=shared_words,
        new_words=new_words,
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
        return [make_passage(article, source, a0, a1, s0, s1, score)]
    if len(chain.runs) == 1:
        return []
    runs = chain.runs
    cut = max(range(1, len(runs)), key=lambda k: (_gap(runs[k - 1], runs[k]), -k))
    left, right = chain.split(cut)
    return _passages(left, article, source, a, settings) + _passages(right, article, source, a, settings)


def _gap(p: Run, r: Run) -> int:
    return max(r.a - p.a - p.size, r.s - p.s - p.size)


@dataclass(frozen=True, slots=True)
class CompareStats:
    """What the last ``compare_all`` did: pairs aligned now, pairs taken from the cache."""

    computed: int = 0
    reused: int = 0


LAST_STATS = CompareStats()

PARALLEL_MIN_PAIRS = 2000
"""Fewer pairs to align than this are aligned in-process: starting workers costs more."""
PREPARE_AHEAD_MAX = 2000
"""Most articles whose seed indexes are built once before the workers start (a fork pool
inherits them). Past it each worker builds the indexes its rows need: at N = 10,000 all of
them held 2.5 GB in the parent, and each worker's touched copies as much again."""


@dataclass(frozen=True, slots=True)
class _Work:
    """What the workers share (inherited by fork or sent once to a Dask cluster)."""

    articles: list[Article]
    prepped: dict[int, Prepared] | None
    """Seed indexes of the articles some pair still to align involves (None: make them
    where the work runs)."""
    todo: list[tuple[int, list[int]]]
    """(article, the sources to align it with), one entry per row with work left."""
    shared_shingles: list[dict[int, int]] | None
    """Shared 5-word shingle counts of every pair sharing one; None: count them here."""
    shingles: list
    """Each article's distinct shingle hashes (sorted numpy arrays)."""
    vocabulary: VocabularyBits
    settings: AlignSettings
    postings: dict[int, list[int]] | None = None
    """Seed hash → the indexes of the prepared articles holding it (None: not made)."""


def compare_all(
    articles: list[Article], settings: AlignSettings = DEFAULT, jobs: int = 1, cache: Cache | None = None,
    scheduler: str | None = None, prune: PruneSettings = PruneSettings(),
) -> PairTable:
    """Every ordered pair of distinct articles, row by row (article, then source, in the
    given order). Shared shingle (and seed) counts come from sparse matrix products; only
    pairs that can hold a passage are aligned, over ``jobs`` processes or on the Dask
    cluster at ``scheduler``, each article's row looked up in ``cache`` first (this process
    reads and writes the cache, so it serves a cluster too). The result does not depend on
    ``jobs``, ``scheduler`` or the cache.

    Up to ``prune.exact_max`` articles the pruning is exact: a passage holds a run of
    ``min_anchor`` identical words, so with ``min_anchor >= 5`` a pair that shares no 5-word
    shingle (else: no seed) has none. Such pairs stay implicit in the table (all zero);
    the others are stored. Above it, see ``PruneSettings``: the table is not complete.
    """
    global LAST_STATS
    keys = row_keys(articles, settings)
    shingles = shingle_arrays(articles, keys, cache)
    complete = len(articles) <= prune.exact_max
    if complete:
        shared = shared_counts(shingles)
        seeds = shared if settings.min_anchor >= 5 else shared_counts([prepared(a, settings.seed).seed_set
                                                                         for a in articles])
        candidates = [sorted(j for j in seeds[i] if j != i) for i in range(len(articles))]
    else:
        shared = None
        rare = shared_counts(shingles, prune.rare_df)
        candidates = [sorted(j for j, c in rare[i].items() if c >= prune.min_rare and j != i)
                      for i in range(len(articles))]
    rows, todo, reused = cached_rows(cache, keys, candidates)
    needed = sorted({i for i, js in todo if js} | {j for _, js in todo for j in js})
    # Indexes are several times an article's size: past PREPARE_AHEAD_MAX, or for a cluster,
    # each task builds those of its rows, taken in an order that keeps a story's rows together.
    ahead = not scheduler and len(needed) <= PREPARE_AHEAD_MAX
    prepped = {k: prepared(articles[k], settings.seed) for k in needed} if ahead else None
    shared_only = complete and settings.min_anchor < 5
    vocabulary = VocabularyBits(articles if todo or shared_only else [])  # a warm build needs none
    work = _Work(articles, prepped, todo if ahead else local_order(todo, candidates), shared, shingles,
                 vocabulary, settings, seed_postings(prepped) if ahead else None)
    jobs = jobs if sum(len(js) for _, js in todo) >= PARALLEL_MIN_PAIRS or scheduler else 1
    for chunk in map_rows(_align_rows, work, len(todo), jobs, scheduler):
        for i, sources, blob in chunk:
            if rows[i]:  # part of the row came from the cache
                rows[i] = dict(sorted({**rows[i], **StoredRow(blob, sources).load()}.items()))
                blob, sources = pickle.dumps(tuple(rows[i].values()), pickle.HIGHEST_PROTOCOL), list(rows[i])
            rows[i] = StoredRow(blob, sources)  # kept pickled until a stage reads it
            if cache:
                cache.put("pairs", keys[i][0], (tuple(keys[j][1] for j in sources), blob))
    _WORKER_INDEXES.clear()  # filled when this process aligned rows itself
    LAST_STATS = CompareStats(sum(len(js) for _, js in todo), reused)
    if shared_only:
        _store_shared_only(articles, shingles, shared, rows, vocabulary)
    return PairTable((a.id for a in articles), rows, complete)


def _store_shared_only(articles, shingles, shared, rows, vocabulary: VocabularyBits) -> None:
    """Pairs sharing a shingle but never aligned (``min_anchor < 5`` and no shared seed):
    stored with their containment, as they are not all zero."""
    for i, row in enumerate(rows):
        row = row.load() if isinstance(row, StoredRow) else row
        for j, count in shared[i].items():
            if j != i and j not in row:
                row[j] = PairResult(articles[i].id, articles[j].id, 0.0, 0.0, 0.0, 0.0,  # = _result(…, (), …)
                                    _cont(count, len(shingles[i])), (), *figures(*vocabulary.counts(i, j)))
        rows[i] = dict(sorted(row.items()))


def _cont(shared: int, total: int) -> float:
    return round(shared / total, 4) if total else 0.0


def _align_rows(work: _Work, rows: range) -> list[tuple[int, list[int], bytes]]:
    """The pairs left to align of some rows: (article index, source indexes, the results
    pickled in that order). Indexes not handed over are built here, for these rows only."""
    out = []
    index = work.prepped.__getitem__ if work.prepped is not None else lambda k: _worker_index(work, k)
    for k in rows:
        i, sources = work.todo[k]
        article, a = work.articles[i], index(i) if sources else None
        fresh = []
        seeds = shared_seeds(work.postings, a, sources) if work.postings is not None and sources else {}
        for j in sources:
            s = index(j)
            fresh.append(compare_prepared(article, work.articles[j], a, s, work.settings, _pair_cont(work, i, j),
                                          work.vocabulary.counts(i, j), seeds.get(j)))
        out.append((i, sources, pickle.dumps(tuple(fresh), pickle.HIGHEST_PROTOCOL)))
    return out


def _pair_cont(work: _Work, i: int, j: int) -> float:
    mine = work.shingles[i]
    if work.shared_shingles is not None:
        return _cont(work.shared_shingles[i][j], mine.size)
    return _cont(np.intersect1d(mine, work.shingles[j], assume_unique=True).size, mine.size)


_WORKER_INDEXES: OrderedDict[tuple[str, int], tuple[Article, Prepared]] = OrderedDict()
WORKER_INDEXES = 1500
"""Seed indexes a worker keeps between rows (least recently used dropped): ~0.25 MB each."""


def _worker_index(work: _Work, k: int) -> Prepared:
    article, seed = work.articles[k], work.settings.seed
    # Without shingle sets: containment is counted from work.shingles.
    return memoised(_WORKER_INDEXES, WORKER_INDEXES, (article.id, seed), article,
                    lambda: prepare(article, seed, shingles=False))
