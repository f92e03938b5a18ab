"""Paraphrase passages: the stretches of an article that lexical alignment left unaligned,
matched to sentences of the source by the cosine similarity of their embeddings.

Units of the article are the runs of unaligned words inside one sentence (a whole
sentence when nothing of it was aligned, clauses when part of it was: ``units.py``). Each
unit is compared with every sentence of the source and with every two consecutive source
sentences joined (a merge); two consecutive units joined are compared with every source
sentence (a split). Candidates above the threshold are taken best first, each unit and
each source sentence used once.

Cost: every text but a split of two partial units is fixed per article, so its embedding
serves every pair. A pair whose sentences never reach ``member_min`` against each other is
skipped (``related``), exactly: every candidate needs a part at least that similar, and a
unit that is not a whole sentence is kept only where its sentence reaches it too.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from ..model import Article, PairResult, Passage
from .encoder import Embeddings
from .units import Unit, covered_mask, sentence_words, units, words_text

__all__ = ["Candidate", "Joins", "Plan", "SemanticSettings", "SourceTexts", "Unit", "candidates", "choose",
           "joins", "plan", "related", "sentence_words", "units", "with_paraphrase", "words_text"]


@dataclass(frozen=True, slots=True)
class SemanticSettings:
    """Paraphrase alignment parameters, calibrated in bench/semantic_calibrate.py."""

    threshold: float = 0.77
    """Least cosine similarity of a unit and its source sentence(s): the lowest threshold
    with precision 0.80 on MSRP train, whose negatives are same-event news sentences (the
    best-accuracy threshold, 0.69, passes most of them: a story's sentences are all on one
    subject). On the test parts: MSRP accuracy 0.687, P/R 0.789/0.723; PAN accuracy
    0.827, P/R 0.981/0.667 (bench/semantic_calibrate.py, bench/RESULTS.md)."""

    member_min: float = 0.5
    """In a merge or a split, least similarity of each joined sentence on its own: both
    must take part, not only be on the same subject."""
    margin: float = 0.0
    """How much a joined candidate must beat the best of its parts alone."""
    min_words: int = 6
    """Shortest unit (words); shorter leftovers are ignored."""
    min_content: int = 3
    """Least number of non-stopwords in a unit."""
    source_covered: float = 0.8
    """A source sentence whose words are this much aligned already is not matched again."""
    whole_sentence: float = 0.7
    """A sentence's one unaligned run that fills at least this share of it is encoded as the
    whole sentence: its text is then the same for every pair, so the embedding cache holds
    one vector per sentence instead of one per leftover per pair (a cold build grew with the
    square of the corpus otherwise)."""
    splits_per_pair: int = 4
    """Most splits of two partial units (texts only this pair has) encoded per pair: those
    whose weaker part is the most similar to a source sentence."""

    def __post_init__(self) -> None:
        if self.threshold < self.member_min:
            raise ValueError("threshold below member_min: related() would no longer be exact")


DEFAULT = SemanticSettings()


@dataclass(frozen=True, slots=True)
class Candidate:
    score: float
    units: tuple[int, ...]
    """Indexes of the article's units."""
    sentences: tuple[int, ...]
    """Indexes of the source's sentences."""


@dataclass(frozen=True, slots=True)
class Plan:
    """What one pair needs encoded: its units, joined units and source sentences."""

    pair: PairResult
    units: list[Unit]
    joined_units: list[tuple[int, int]]
    sources: list[int]
    """Source sentences still open to matching."""
    texts_a: list[str]
    texts_a2: list[str]


def related(article_vectors: np.ndarray, source_vectors: np.ndarray, settings: SemanticSettings) -> bool:
    """Whether some sentence of the article reaches ``member_min`` against some sentence of
    the source: if none does, no candidate can pass, and the pair is not planned at all."""
    if not len(article_vectors) or not len(source_vectors):
        return False
    return bool((article_vectors @ source_vectors.T).max() >= settings.member_min)


def plan(pair: PairResult, article: Article, source: Article, settings: SemanticSettings,
         sentence_best: np.ndarray | None = None) -> Plan:
    """The pair's units and open source sentences. ``sentence_best``: each article
    sentence's best similarity to a source sentence; a unit that is not a whole sentence is
    kept only where it reaches ``member_min`` (what makes ``related`` exact)."""
    lexical = [(p.a_start, p.a_end) for p in pair.passages]
    found = units(article, covered_mask(len(article.words), lexical), settings)
    if sentence_best is not None:
        found = [u for u in found if u.whole or sentence_best[u.sentence] >= settings.member_min]
    joined = [(i, i + 1) for i in range(len(found) - 1) if found[i + 1].sentence == found[i].sentence + 1]
    s_cov = covered_mask(len(source.words), [(p.s_start, p.s_end) for p in pair.passages])
    open_ = [k for k, (a, b) in enumerate(sentence_words(source))
             if b > a and s_cov[a:b].mean() < settings.source_covered]
    return Plan(pair, found, joined, open_, [u.text for u in found],
                [found[i].text + " " + found[j].text for i, j in joined])


class SourceTexts:
    """Sentence texts of each article, alone and two consecutive ones joined."""

    def __init__(self, article: Article):
        ranges = sentence_words(article)
        self.ranges = ranges
        self.single = [words_text(article, a, b) if b > a else "" for a, b in ranges]
        self.double = [self.single[k] + " " + self.single[k + 1] for k in range(len(ranges) - 1)]


@dataclass(frozen=True, slots=True)
class Joins:
    """The joined texts worth encoding for one pair: only where both parts are similar
    enough on their own (``member_min``), so results equal encoding them all, except that
    splits of two units that are not whole sentences are capped (``splits_per_pair``)."""

    single: np.ndarray
    """Cosine of each unit (row) with each open source sentence (column)."""
    merges: list[int]
    """Source sentences k whose join with k + 1 some unit may render."""
    splits: list[int]
    """Indexes into ``plan.joined_units`` that may render some source sentence."""

    def texts(self, plan: Plan, src: SourceTexts) -> list[str]:
        return [src.double[k] for k in self.merges] + [plan.texts_a2[g] for g in self.splits]


def joins(plan: Plan, src: SourceTexts, emb: Embeddings, settings: SemanticSettings) -> Joins:
    if not plan.units or not plan.sources:
        return Joins(np.zeros((0, 0)), [], [])
    single = _cos(emb.matrix(plan.texts_a), emb.matrix([src.single[k] for k in plan.sources]))
    near = single >= settings.member_min
    pos = {k: c for c, k in enumerate(plan.sources)}
    merges = [k for k in plan.sources if k + 1 in pos and (near[:, pos[k]] & near[:, pos[k + 1]]).any()]
    splits = [g for g, (i, j) in enumerate(plan.joined_units) if (near[i] & near[j]).any()]
    return Joins(single, merges, _fewest_splits(plan, splits, single, settings))


def _fewest_splits(plan: Plan, splits: list[int], single: np.ndarray, settings: SemanticSettings) -> list[int]:
    """Splits of two whole sentences (texts fixed per article) and the best
    ``splits_per_pair`` of the others, by their weaker part's best similarity."""
    fixed = [g for g in splits if all(plan.units[u].whole for u in plan.joined_units[g])]
    own = [g for g in splits if g not in fixed]
    weaker = {g: float(np.minimum(*(single[u] for u in plan.joined_units[g])).max()) for g in own}
    own = sorted(own, key=lambda g: (-round(weaker[g], 4), g))[: settings.splits_per_pair]
    return sorted(fixed + own)


def candidates(plan: Plan, src: SourceTexts, emb: Embeddings, settings: SemanticSettings,
               found_joins: Joins | None = None) -> list[Candidate]:
    """Every match above the threshold: unit × sentence, unit × two sentences, two units × sentence."""
    j = found_joins or joins(plan, src, emb, settings)
    if not plan.units or not plan.sources:
        return []
    open_, single = plan.sources, j.single
    found = [Candidate(single[u, c], (u,), (open_[c],)) for u, c in zip(*np.nonzero(single >= settings.threshold))]
    pos = {k: c for c, k in enumerate(open_)}
    if j.merges:
        merged = _cos(emb.matrix(plan.texts_a), emb.matrix([src.double[k] for k in j.merges]))
        for u, m in zip(*np.nonzero(merged >= settings.threshold)):
            k = j.merges[m]
            parts = single[u, pos[k]], single[u, pos[k + 1]]
            if min(parts) >= settings.member_min and merged[u, m] > max(parts) + settings.margin:
                found.append(Candidate(merged[u, m], (u,), (k, k + 1)))
    if j.splits:
        split = _cos(emb.matrix([plan.texts_a2[g] for g in j.splits]), emb.matrix([src.single[k] for k in open_]))
        for g, c in zip(*np.nonzero(split >= settings.threshold)):
            a, b = plan.joined_units[j.splits[g]]
            parts = single[a, c], single[b, c]
            if min(parts) >= settings.member_min and split[g, c] > max(parts) + settings.margin:
                found.append(Candidate(split[g, c], (a, b), (open_[c],)))
    return [replace(c, score=round(float(c.score), 4)) for c in found]


def _cos(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return a @ b.T


def choose(found: list[Candidate]) -> list[Candidate]:
    """Best first, each unit and each source sentence used once (ties: earliest unit)."""
    used_u: set[int] = set()
    used_s: set[int] = set()
    chosen = []
    for c in sorted(found, key=lambda c: (-c.score, c.units, c.sentences)):
        if used_u.isdisjoint(c.units) and used_s.isdisjoint(c.sentences):
            chosen.append(c)
            used_u.update(c.units)
            used_s.update(c.sentences)
    return chosen


def with_paraphrase(plan: Plan, chosen: list[Candidate], src: SourceTexts, total: int) -> PairResult:
    """The pair with a paraphrase passage for each chosen unit and its share of the words."""
    pair = plan.pair
    if not chosen:
        return pair
    added = []
    for c in chosen:
        s0, s1 = src.ranges[c.sentences[0]][0], src.ranges[c.sentences[-1]][1]
        for u in c.units:
            unit = plan.units[u]
            added.append(Passage(unit.start, unit.end, s0, s1, "paraphrase", round(c.score * 100, 2), 0))
    share = round(sum(p.a_end - p.a_start for p in added) / total, 4)
    passages = tuple(sorted(pair.passages + tuple(added), key=lambda p: p.a_start))
    reuse = min(1.0, round(pair.verbatim + pair.edited + share, 4))
    return replace(pair, paraphrase=share, reuse=reuse, passages=passages)
