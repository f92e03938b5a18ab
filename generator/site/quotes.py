"""Context of the quote table: a row per quote cluster, a column per article."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from rapidfuzz import fuzz

from ..model import Article, QuoteCluster, QuoteOccurrence

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


SAME_GIVEN_NAME = 80
"""``fuzz.ratio`` from which two given names with one surname are spellings of one name
("Sergei"/"Sergey" 83, "Jon"/"John" 86; "John"/"Jane" 50, "Li"/"Wang" 0)."""


def speaker_names(clusters: tuple[QuoteCluster, ...]) -> dict[str, str]:
    """Each speaker → the name the quote table files them under: transliterations of one
    name ("Sergei Lavrov", "Sergey Lavrov") go under the spelling most quotes use."""
    counts = Counter(c.speaker for c in clusters if c.speaker)
    filed: dict[str, str] = {}
    for name in sorted(counts, key=lambda n: (-counts[n], n)):
        filed[name] = next((f for f in dict.fromkeys(filed.values()) if _spellings_of_one(f, name)), name)
    return filed


def _spellings_of_one(first: str, second: str) -> bool:
    given_a, _, surname_a = first.rpartition(" ")
    given_b, _, surname_b = second.rpartition(" ")
    return (surname_a.casefold() == surname_b.casefold() and bool(given_a) and bool(given_b)
            and fuzz.ratio(given_a.casefold(), given_b.casefold()) >= SAME_GIVEN_NAME)
