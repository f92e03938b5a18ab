"""Context of an article page: its text with reuse and quotes marked, and its figures."""

from __future__ import annotations

from dataclasses import dataclass

from ..labels import pair_label
from ..marks import Mark
from ..model import Article, PairResult, QuoteCluster, QuoteOccurrence
from .common import SOURCE_COLOURS, ParagraphView, paragraphs, trimmed_marks, word_span
from .drift import DriftRow, drift_marks


@dataclass(frozen=True, slots=True)
class SourceRow:
    """One other article, and how much of this article came from it."""

    source: Article
    pair: PairResult
    label: str
    colour: str | None
    """Highlight colour of the source in this page's text (None if no word is shown as from it)."""
    number: int | None
    direct: bool
    credited: bool | None


@dataclass(frozen=True, slots=True)
class QuoteRow:
    cluster: QuoteCluster
    occurrence: QuoteOccurrence
    new: bool
    """The quote appears first in this article."""


@dataclass(frozen=True, slots=True)
class ArticleView:
    article: Article
    paragraphs: tuple[ParagraphView, ...]
    sources: tuple[SourceRow, ...]
    quotes: tuple[QuoteRow, ...]
    reused: float
    """Share of the article's words shown as taken from some other article."""
    drift: tuple[DriftRow, ...] = ()
    """What this article changed in the facts it took from its direct sources."""


def _word_sources(article: Article, pairs: list[PairResult], rank: dict[str, int]) -> list[tuple[str, str] | None]:
    """For each word, (source id, passage kind) of the likeliest source covering it."""
    owner: list[tuple[str, str] | None] = [None] * len(article.words)
    best: list[int] = [len(rank) + 1] * len(article.words)
    for pair in pairs:
        r = rank[pair.source]
        for p in pair.passages:
            for i in range(p.a_start, p.a_end):
                if r < best[i]:
                    best[i], owner[i] = r, (pair.source, p.kind)
    return owner


def _source_marks(article: Article, owner: list[tuple[str, str] | None], numbers: dict[str, int]) -> list[Mark]:
    marks, i = [], 0
    while i < len(owner):
        j = i + 1
        while j < len(owner) and owner[j] == owner[i]:
            j += 1
        if owner[i]:
            source, kind = owner[i]
            span = word_span(article, i, j)
            marks.append(Mark(span.start, span.end, kind, ref=source, group=f"s{numbers[source]}",
                              label=f"{kind} from source {numbers[source]}"))
        i = j
    return marks


def _quote_marks(rows: list[QuoteRow]) -> list[Mark]:
    return [Mark(r.occurrence.start, r.occurrence.end, f"quote-{r.occurrence.status}", ref=r.cluster.id,
                 label=f"quote {r.cluster.id}: {r.occurrence.status}")
            for r in rows if r.occurrence.start is not None and r.occurrence.end is not None]


def article_view(article: Article, pairs: list[PairResult], sources: dict[str, Article],
                 direct: dict[str, bool], quoted: list[tuple[QuoteCluster, QuoteOccurrence]],
                 drift: tuple[DriftRow, ...] = ()) -> ArticleView:
    """``pairs``: this article against the others it shares any text with; ``direct``:
    direct source id → credited; ``quoted``: the clusters this article quotes or uses."""
    pairs = sorted(pairs, key=lambda p: (p.source not in direct, -p.reuse, sources[p.source].order))
    rank = {p.source: n for n, p in enumerate(pairs)}
    owner = _word_sources(article, pairs, rank)
    present = {o[0] for o in owner if o}
    shown = [p.source for p in pairs if p.source in present]
    numbers = {s: n for n, s in enumerate(shown, 1)}
    rows = tuple(
        SourceRow(sources[p.source], p, pair_label(p),
                  SOURCE_COLOURS[(numbers[p.source] - 1) % len(SOURCE_COLOURS)] if p.source in numbers else None,
                  numbers.get(p.source), p.source in direct, direct.get(p.source))
        for p in pairs)
    quotes = [QuoteRow(c, o, c.origin == article.id) for c, o in quoted]
    marks = trimmed_marks(article) + _source_marks(article, owner, numbers) + _quote_marks(quotes)
    marks += drift_marks(tuple(r.finding for r in drift), article.id)
    reused = sum(1 for o in owner if o) / len(owner) if owner else 0.0
    return ArticleView(article, paragraphs(article, marks), rows, tuple(quotes), reused, drift)
