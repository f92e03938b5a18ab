"""Context of an article page: its text with reuse and quotes marked, and its figures."""

from __future__ import annotations

from dataclasses import dataclass

from ..labels import pair_label
from ..marks import Mark
from ..provenance import order_known
from ..segment import opening_words
from ..model import Article, PairResult, QuoteCluster, QuoteOccurrence
from .common import SOURCE_COLOURS, ParagraphView, paragraphs, trimmed_marks, word_span
from .drift import DriftRow, drift_marks


@dataclass(frozen=True, slots=True)
class SourceRow:
    """One other article, and how much text this article shares with it."""

    source: Article
    pair: PairResult
    label: str | None
    """The derivation label; None for a later article, which cannot be a source."""
    colour: int | None
    """Colour slot (1-8, CSS class ``src-N``) of the source in this page's text (None if no
    word is shown as from it)."""
    number: int
    """The source's site-wide number (publication order), as on the front page."""
    direct: bool
    credited: bool | None
    later: bool = False
    """Published after this article: the text is shared, not taken from it."""
    inferred: bool = False
    """The dates do not tell which came first (one undated, or the same day without times)."""


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
    """Share of the article's words shown as taken from earlier articles."""
    number: int = 0
    """The article's site-wide number (publication order)."""
    title_from_text: bool = False
    """The file gave no title: the article is named by its opening words."""
    from_direct: float = 0.0
    """The part of ``reused`` aligned to its direct sources: the total of their shares on the
    front page (words any direct source covers are shown as from one)."""
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


def _source_marks(article: Article, owner: list[tuple[str, str] | None], numbers: dict[str, int],
                  colours: dict[str, int]) -> list[Mark]:
    marks, i = [], 0
    while i < len(owner):
        j = i + 1
        while j < len(owner) and owner[j] == owner[i]:
            j += 1
        if owner[i]:
            source, kind = owner[i]
            span = word_span(article, i, j)
            marks.append(Mark(span.start, span.end, kind, ref=source, group=f"src-{colours[source]}",
                              label=f"{kind} from article {numbers[source]}", badge=str(numbers[source])))
        i = j
    return marks


def _quote_marks(rows: list[QuoteRow]) -> list[Mark]:
    return [Mark(r.occurrence.start, r.occurrence.end, f"quote-{r.occurrence.status}", ref=r.cluster.id,
                 label=f"quote {r.cluster.id}: {r.occurrence.status}")
            for r in rows if r.occurrence.start is not None and r.occurrence.end is not None]


def article_view(article: Article, pairs: list[PairResult], sources: dict[str, Article],
                 direct: dict[str, bool], quoted: list[tuple[QuoteCluster, QuoteOccurrence]],
                 numbers: dict[str, int], drift: tuple[DriftRow, ...] = ()) -> ArticleView:
    """``pairs``: this article against the others it shares any text with; ``direct``:
    direct source id → credited; ``quoted``: the clusters this article quotes or uses;
    ``numbers``: the site-wide number (publication order) of the article and of each source.

    Only earlier articles can be where the article's text came from: the highlights and the
    reused share count them alone; later ones are listed as sharing text, without a label.
    """
    mine = numbers[article.id]
    earlier = sorted((p for p in pairs if numbers[p.source] < mine),
                     key=lambda p: (p.source not in direct, -p.reuse, numbers[p.source]))
    later = sorted((p for p in pairs if numbers[p.source] > mine), key=lambda p: (-p.reuse, numbers[p.source]))
    owner = _word_sources(article, earlier, {p.source: n for n, p in enumerate(earlier)})
    present = {o[0] for o in owner if o}
    colours = {s: n % len(SOURCE_COLOURS) + 1 for n, s in enumerate(p.source for p in earlier if p.source in present)}
    rows = tuple(
        SourceRow(sources[p.source], p, pair_label(p), colours.get(p.source), numbers[p.source],
                  p.source in direct, direct.get(p.source))
        for p in earlier) + tuple(
        SourceRow(sources[p.source], p, None, None, numbers[p.source], False, None, later=True,
                  inferred=not order_known(article, sources[p.source]))
        for p in later)
    quotes = [QuoteRow(c, o, c.origin == article.id) for c, o in quoted]
    marks = trimmed_marks(article) + _source_marks(article, owner, numbers, colours) + _quote_marks(quotes)
    marks += drift_marks(tuple(r.finding for r in drift), article.id)
    reused = sum(1 for o in owner if o) / len(owner) if owner else 0.0
    from_direct = sum(1 for o in owner if o and o[0] in direct) / len(owner) if owner else 0.0
    return ArticleView(article, paragraphs(article, marks), rows, tuple(quotes), reused, number=mine, drift=drift,
                       title_from_text=article.meta.title == opening_words(article), from_direct=from_direct)

