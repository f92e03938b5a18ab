"""Context of the quote table: a row per quote cluster, a column per article."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..model import Article, QuoteCluster, QuoteOccurrence
from ..quotes.speakers import person_names

STATUS_LABELS = {
    "verbatim": ("=", "verbatim", "quoted word for word"),
    "altered": ("≠", "altered", "quoted with words changed"),
    "partial": ("…", "partial", "only part of it quoted"),
    "unquoted": ("!", "unquoted", "its words used without quotation marks"),
    "absent": ("·", "absent", "not in this article"),
}
PARAPHRASED = ("≈", "paraphrased", "not quoted, but said in other words")
"""How the table shows an absent occurrence with a paraphrase found."""


def _shown(o: QuoteOccurrence) -> tuple[str, str, str]:
    """Icon, label and meaning of an occurrence in the table."""
    return PARAPHRASED if o.status == "absent" and o.paraphrase else STATUS_LABELS[o.status]


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
               sparse: bool = False, numbers: dict[str, int] | None = None) -> tuple[QuoteRowView, ...]:
    """A row per cluster with a cell per article, or (``sparse``, for a large set) only the
    cells of the articles that quote or use it. ``numbers``: the articles' site-wide numbers
    (a story's table shows those), else their place in ``articles``."""
    by_id = {a.id: a for a in articles}
    number = numbers or {a.id: n for n, a in enumerate(articles, 1)}
    rows = []
    for cluster in clusters:
        if sparse:
            found = sorted((number[o.article], o) for o in cluster.found
                           if (o.status != "absent" or o.paraphrase) and o.article in number)
            cells = tuple(QuoteCell(o, *_shown(o), o.article == cluster.origin, by_id[o.article], n)
                          for n, o in found)
            rows.append(QuoteRowView(cluster, by_id[cluster.origin], cells))
            continue
        occ = {o.article: o for o in cluster.occurrences}
        cells = tuple(QuoteCell(occ[a.id], *_shown(occ[a.id]), a.id == cluster.origin, a, number[a.id])
                      for a in articles if a.id in occ)
        rows.append(QuoteRowView(cluster, by_id[cluster.origin], cells))
    return tuple(rows)


def speaker_names(clusters: tuple[QuoteCluster, ...]) -> dict[str, str]:
    """Each speaker → the name the quote table's filter files them under, across stories:
    full names of one person ("Sergei Lavrov", "Sergey Lavrov") go under the spelling most
    quotes use (quotes.speakers.person_names). A single name stays as it is: the analysis
    resolved those within each story, and across stories the same surname may be another
    person."""
    filed = person_names(Counter(c.speaker for c in clusters if c.speaker))
    return {name: name if len(name.split()) == 1 else person for name, person in filed.items()}
