"""Context of a pair page: an article and one source side by side, passages linked."""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from ..labels import raised_by_paraphrase
from ..marks import Mark
from ..provenance import contained, dated, order_known
from ..model import Article, Passage, PairResult
from .common import ParagraphView, paragraphs, trimmed_marks, word_span
from .drift import DriftRow, drift_marks


@dataclass(frozen=True, slots=True)
class DiffPart:
    op: str
    """'equal', 'insert' (only in the article), 'delete' (only in the source) or 'replace'."""
    article_text: str
    source_text: str


@dataclass(frozen=True, slots=True)
class PassageView:
    number: int
    kind: str
    score: float
    words: int
    article_text: str
    source_text: str
    diff: tuple[DiffPart, ...]


@dataclass(frozen=True, slots=True)
class PairView:
    article: Article
    source: Article
    pair: PairResult
    reverse: PairResult | None
    """The same two articles the other way round."""
    article_paragraphs: tuple[ParagraphView, ...]
    source_paragraphs: tuple[ParagraphView, ...]
    passages: tuple[PassageView, ...]
    label: str | None
    """The derivation label of the pair ('wholly derived', ...); None when the source was
    published later (it cannot be where the article's text came from)."""
    drift: tuple[DriftRow, ...] = ()
    """What the article changed in the facts it took from this source."""

    @property
    def later(self) -> bool:
        """The source was published after the article: the two only share text."""
        return self.label is None

    @property
    def by_paraphrase(self) -> bool:
        """The label comes from strong paraphrase (the verdict says so: such a rewrite may add
        more new words than the rule otherwise allows)."""
        return self.label is not None and raised_by_paraphrase(self.pair)

    @property
    def inferred(self) -> bool:
        """The dates do not tell which came first: the order is inferred or a guess."""
        return not order_known(self.article, self.source)

    @property
    def order_doubt(self) -> str:
        """Why the order is uncertain, for the verdict (empty when the dates tell it)."""
        if not self.inferred:
            return ""
        if dated(self.article) and dated(self.source):
            return "both are dated the same day, without times that tell which came first"
        undated = "one of the two is undated" if dated(self.article) or dated(self.source) else "neither is dated"
        a, s = self.article.id, self.source.id
        by_pair = {(a, s): self.pair, (s, a): self.reverse}
        if contained(a, s, by_pair) or contained(s, a, by_pair):
            return f"{undated}: the order is inferred from the text, one contains the other"
        return f"{undated} and neither contains the other's text: the order is a guess"


def _words_text(article: Article, start: int, end: int) -> str:
    if end <= start:
        return ""
    span = word_span(article, start, end)
    return article.text[span.start:span.end]


def word_diff(article: Article, a0: int, a1: int, source: Article, s0: int, s1: int) -> tuple[DiffPart, ...]:
    """Word-level changes from the source's wording to the article's (display text kept)."""
    a_norm, s_norm = article.words.norm[a0:a1], source.words.norm[s0:s1]
    return tuple(
        DiffPart(op.tag, _words_text(article, a0 + op.dest_start, a0 + op.dest_end),
                 _words_text(source, s0 + op.src_start, s0 + op.src_end))
        for op in Levenshtein.opcodes(s_norm, a_norm)
    )


READABLE_DIFF = 50.0
"""Least similarity (rapidfuzz ratio) of an edited passage whose word diff is shown: below it
the sentence was mostly reordered (an edited sentence, generator/edited.py), a diff would
interleave the two wordings, and the page shows them one after the other instead."""


def passage_view(n: int, p: Passage, article: Article, source: Article) -> PassageView:
    readable = p.kind == "edited" and p.score >= READABLE_DIFF
    diff = word_diff(article, p.a_start, p.a_end, source, p.s_start, p.s_end) if readable else ()
    return PassageView(n, p.kind, p.score, p.a_end - p.a_start,
                       _words_text(article, p.a_start, p.a_end), _words_text(source, p.s_start, p.s_end), diff)


def passage_marks(passages: tuple[Passage, ...], doc: Article, side: str) -> list[Mark]:
    marks = []
    for n, p in enumerate(passages, 1):
        first, last = (p.a_start, p.a_end) if side == "a" else (p.s_start, p.s_end)
        if last > first:
            span = word_span(doc, first, last)
            marks.append(Mark(span.start, span.end, p.kind, ref=str(n),
                              label=f"passage {n}: {p.kind}, similarity {round(p.score)}%"))
    return marks


def pair_view(pair: PairResult, reverse: PairResult | None, article: Article, source: Article, label: str | None,
              drift: tuple[DriftRow, ...] = ()) -> PairView:
    passages = tuple(sorted(pair.passages, key=lambda p: p.a_start))
    found = tuple(r.finding for r in drift)
    return PairView(
        article=article, source=source, pair=pair, reverse=reverse,
        article_paragraphs=paragraphs(article, trimmed_marks(article) + passage_marks(passages, article, "a")
                                      + drift_marks(found, article.id, source.id, "a")),
        source_paragraphs=paragraphs(source, trimmed_marks(source) + passage_marks(passages, source, "s")
                                     + drift_marks(found, source.id, source.id, "s")),
        passages=tuple(passage_view(n, p, article, source) for n, p in enumerate(passages, 1)),
        label=label, drift=drift,
    )
