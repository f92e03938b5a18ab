"""Compare stage: how much of an article lies in passages aligned to a source.

``compare_pair`` is the public entry point; ``prepare`` results are cached per article so
the n-gram index of an article is built once however many pairs it takes part in.
``compare_all`` does every ordered pair of a set and skips pairs without a shared seed.
"""

from __future__ import annotations

import pickle
from array import array
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from .align import Chain, Prepared, Run, best_chains, exact_runs, prepare
from .cache import Cache, digest
from .edited import edited_stretches
from .model import Article, EditOp, PairResult, Passage
from .pairs import PairTable, StoredRow
from .parallel import map_rows
from .vocabulary import VocabularyBits, figures, pair_counts
from .shingles import local_order, shared_counts, shingle_arrays


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
    sentence_share: float = 0.7
    """Least share of the distinct content words of an unaligned sentence found in one
    source sentence (or two adjacent ones) for it to be an edited passage
    (``generator/edited.py``); above 1 turns edited sentences off. Fitted on METER's
    calibration half (the label split's even stories: 174 token-tagged articles, 381
    labelled ones) for the best label macro-F1 at aligned-word precision 0.85 or more
    (0.6 / 0.65 / 0.7 / 0.75 / 0.8 tried): words tagged Verbatim or Rewrite, precision/recall
    0.906/0.554 without edited sentences, 0.873/0.650 with 0.7 and ``partial_share`` 0.3
    (0.861/0.669 with 0.6 and 0.3, at a lower label macro-F1: 0.701 against 0.708)."""
    partial_share: float = 0.3
    """The same for the unaligned rest of a sentence a passage reaches into (0.3 / 0.4 / 0.5
    tried): the passage is evidence already."""
    sentence_min_shared: int = 3
    """Least number of shared content words of such an edited passage."""


DEFAULT = AlignSettings()

_CACHE: OrderedDict[tuple[str, int], tuple[Article, Prepared]] = OrderedDict()
_CACHE_SIZE = 4096


def prepared(article: Article, seed: int = DEFAULT.seed) -> Prepared:
    """``align.prepare`` memoised by article id (checked against the very same object)."""
    return _memoised(_CACHE, _CACHE_SIZE, article, seed, lambda: prepare(article, seed))


def _memoised(memo: OrderedDict[tuple[str, int], tuple[Article, Prepared]], size: int, article: Article,
              seed: int, make: Callable[[], Prepared]) -> Prepared:
    """``make()`` for this article object and seed, kept in ``memo`` (least recently used
    dropped past ``size``)."""
    key = (article.id, seed)
    hit = memo.get(key)
    if hit is not None and hit[0] is article:
        memo.move_to_end(key)
        return hit[1]
    result = make()
    memo[key] = (article, result)
    if len(memo) > size:
        memo.popitem(last=False)
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
        passages.extend(_edited_sentences(article, source, passages, settings))
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
        return [_passage(article, source, a0, a1, s0, s1, score)]
    if len(chain.runs) == 1:
        return []
    runs = chain.runs
    cut = max(range(1, len(runs)), key=lambda k: (_gap(runs[k - 1], runs[k]), -k))
    left, right = chain.split(cut)
    return _passages(left, article, source, a, settings) + _passages(right, article, source, a, settings)


def _edited_sentences(article: Article, source: Article, passages: list[Passage],
                      settings: AlignSettings) -> list[Passage]:
    """Edited passages for the unaligned sentences rewritten from a source sentence."""
    if settings.sentence_share > 1:
        return []
    found = edited_stretches(article, source, [(p.a_start, p.a_end) for p in passages], settings.sentence_share,
                             settings.partial_share, settings.sentence_min_shared)
    norm_a, norm_s = article.words.norm, source.words.norm
    return [_passage(article, source, e.a0, e.a1, e.s0, e.s1,
                     fuzz.ratio(" ".join(norm_a[e.a0:e.a1]), " ".join(norm_s[e.s0:e.s1]))) for e in found]


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
    """Hash of everything a pair result depends on in one article (id, text, words).

    Plain strings only: the pickle of a tuple depends on which of its equal strings are one
    object (an article read back from the cache shares them), and so would the hash."""
    w = article.words
    return digest(article.id, article.text, "\n".join(w.norm), array("q", w.starts).tobytes(),
                  array("q", w.ends).tobytes())


@dataclass(frozen=True, slots=True)
class PruneSettings:
    """When candidate pairs are pruned (site.yml ``compare:``, with ``AlignSettings``).

    Up to ``exact_max`` articles every ordered pair is accounted for (the pruning below
    ``exact_max`` is exact, see ``compare_all``). Above it, in the style of passim, only pairs
    sharing at least ``min_rare`` 5-word shingles that each occur in at most ``rare_df``
    articles are aligned and listed in report.json and pairs.csv, which then say
    ``"pairs_complete": false``. Lost: pairs whose shared text is all stock phrases or lines
    copied by more than ``rare_df`` articles, and pairs sharing under ``min_rare`` rare
    shingles (a passage holds a run of ``min_anchor`` identical words, so at least one).
    The semantic stage then looks for paraphrase in the listed pairs only.
    """

    exact_max: int = 2000
    """Largest set compared exactly and completely (design.md: all-pairs counts at N = 1,000
    take a fraction of a second; 10^8 listed pairs at N = 10,000 do not fit a report)."""
    rare_df: int = 100
    """Above ``exact_max``: most articles a shingle may occur in and still make two
    articles candidates (passim's max-df default)."""
    min_rare: int = 2
    """Above ``exact_max``: rare shingles a pair must share to be aligned and listed."""


def split_settings(overrides: tuple[tuple[str, object], ...] = ()) -> tuple[AlignSettings, PruneSettings]:
    """site.yml's ``compare:`` overrides divided between the two settings classes."""
    names = set(PruneSettings.__dataclass_fields__)
    prune = {k: v for k, v in overrides if k in names}
    return AlignSettings(**{k: v for k, v in overrides if k not in names}), PruneSettings(**prune)


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
    keys = _row_keys(articles, settings)
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
    rows, todo, reused = _cached_rows(cache, keys, candidates)
    needed = sorted({i for i, js in todo if js} | {j for _, js in todo for j in js})
    # Indexes are several times an article's size: past PREPARE_AHEAD_MAX, or for a cluster,
    # each task builds those of its rows, taken in an order that keeps a story's rows together.
    ahead = not scheduler and len(needed) <= PREPARE_AHEAD_MAX
    prepped = {k: prepared(articles[k], settings.seed) for k in needed} if ahead else None
    shared_only = complete and settings.min_anchor < 5
    vocabulary = VocabularyBits(articles if todo or shared_only else [])  # a warm build needs none
    work = _Work(articles, prepped, todo if ahead else local_order(todo, candidates), shared, shingles,
                 vocabulary, settings, _seed_postings(prepped) if ahead else None)
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


def _row_keys(articles: list[Article], settings: AlignSettings) -> list[tuple[str, str]]:
    """Per article: the cache key of its row and its key as an entry of other rows."""
    settings_key = digest(repr(settings))
    prints = [fingerprint(a) for a in articles]
    return [(f"{p}-{settings_key}", p) for p in prints]


def _cached_rows(cache: Cache | None, keys: list[tuple[str, str]], candidates: list[list[int]]
                 ) -> tuple[list[dict[int, PairResult] | StoredRow], list[tuple[int, list[int]]], int]:
    """Each row's candidate pairs found in the cache (a row found whole stays pickled until
    read), the rows with pairs left to align (and which), and how many pairs were found."""
    rows: list[dict[int, PairResult] | StoredRow] = []
    todo, reused = [], 0
    for i, js in enumerate(candidates):
        if not js:
            rows.append({})
            continue
        entry = cache.get("pairs", keys[i][0]) if cache else None
        if not (isinstance(entry, tuple) and len(entry) == 2):
            entry = ((), None)
        prints, blob = entry
        index = {keys[j][1]: j for j in js}
        if len(prints) == len(js) and all(p in index for p in prints):
            rows.append(StoredRow(blob, [index[p] for p in prints]))
            reused += len(js)
            continue
        found = zip(prints, pickle.loads(blob)) if blob else ()
        row = {index[p]: hit for p, hit in found if p in index}
        rows.append(row)
        reused += len(row)
        todo.append((i, [j for j in js if j not in row]))
    return rows, todo, reused


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
        seeds = _shared_seeds(work.postings, a, sources) if work.postings is not None and sources else {}
        for j in sources:
            s = index(j)
            fresh.append(compare_prepared(article, work.articles[j], a, s, work.settings, _pair_cont(work, i, j),
                                          work.vocabulary.counts(i, j), seeds.get(j)))
        out.append((i, sources, pickle.dumps(tuple(fresh), pickle.HIGHEST_PROTOCOL)))
    return out


def _seed_postings(prepped: dict[int, Prepared]) -> dict[int, list[int]]:
    """Seed hash → the articles holding it, for the seeds of two articles or more. A row
    then gathers each source's shared seeds from its own seeds' lists (~6,000 entries a row
    at N = 1,000) instead of intersecting its ~600 seeds with every source's (~200,000
    look-ups a row, a third of the compare stage)."""
    postings: dict[int, list[int]] = {}
    for k, p in prepped.items():
        for h in p.seed_set:
            postings.setdefault(h, []).append(k)
    return {h: ks for h, ks in postings.items() if len(ks) > 1}


def _shared_seeds(postings: dict[int, list[int]], a: Prepared, sources: list[int]) -> dict[int, list[int]]:
    """The seed hashes ``a`` shares with each of ``sources`` (an empty list: none)."""
    shared: dict[int, list[int]] = {j: [] for j in sources}
    for h in a.seed_set:
        for j in postings.get(h, ()):
            found = shared.get(j)
            if found is not None:
                found.append(h)
    return shared


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
    return _memoised(_WORKER_INDEXES, WORKER_INDEXES, article, seed, lambda: prepare(article, seed, shingles=False))
