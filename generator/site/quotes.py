"""Context of the quote table: a row per quote cluster, a column per article."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Article, QuoteCluster, QuoteOccurrence

STATUS_LABELS = {
    "verbatim": ("=", "verbatim", "quoted word for word"),
    "altered": ("≠", "altered", "quoted with words changed"),
    "partial": ("…", "partial", "only part of it quoted"),
    "unquoted": ("!", "unquoted", "its words used without quotation marks"),
    "absent": ("·", "absent", "not in this article"),
}


@dataclass(frozen=True, slots=True)
class QuoteCell:
    occurrence: QuoteOccurrence
    icon: str
    label: str
    meaning: str
    origin: bool
    article: Article
    number: int
    """The article's column number (publication order)."""


@dataclass(frozen=True, slots=True)
class QuoteRowView:
    cluster: QuoteCluster
    origin: Article
    cells: tuple[QuoteCell, ...]
    """One per article, in the column order."""


def quote_rows(clusters: tuple[QuoteCluster, ...], articles: tuple[Article, ...],
               sparse: bool = False) -> tuple[QuoteRowView, ...]:
    """A row per cluster with a cell per article, or (``sparse``, for a large set) only the
    cells of the articles that quote or use it."""
    by_id = {a.id: a for a in articles}
    number = {a.id: n for n, a in enumerate(articles, 1)}
    rows = []
    for cluster in clusters:
        if sparse:
            found = sorted((number[o.article], o) for o in cluster.occurrences
                           if o.status != "absent" and o.article in number)
            cells = tuple(QuoteCell(o, *STATUS_LABELS[o.status], o.article == cluster.origin, by_id[o.article], n)
                          for n, o in found)
            rows.append(QuoteRowView(cluster, by_id[cluster.origin], cells))
            continue
        occ = {o.article: o for o in cluster.occurrences}
        cells = tuple(QuoteCell(occ[a.id], *STATUS_LABELS[occ[a.id].status], a.id == cluster.origin, a, n)
                      for n, a in enumerate(articles, 1) if a.id in occ)
        rows.append(QuoteRowView(cluster, by_id[cluster.origin], cells))
    return tuple(rows)


def speakers(clusters: tuple[QuoteCluster, ...]) -> list[str]:
    return sorted({c.speaker for c in clusters if c.speaker})
