"""Context of the front page: key findings, the matrix, the derivation graph, the list."""

from __future__ import annotations

from dataclasses import dataclass

from ..labels import pair_label
from ..model import Article, PairResult
from ..paths import pair_page
from ..provenance import order_known
from .common import display_date
from .findings import Link, findings  # noqa: F401 - re-exported for the site stage

# Sequential, colour-blind-safe fill for matrix cells (light → dark blue, ColorBrewer Blues);
# text colour switches to white on the dark half to keep WCAG AA contrast.
CELL_FILLS = ("#f7fbff", "#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b")


@dataclass(frozen=True, slots=True)
class Cell:
    pair: PairResult | None
    """None on the diagonal."""
    fill: str
    dark: bool
    label: str
    page: str | None
    later: bool = False
    """The column (source) article was published after the row article."""


@dataclass(frozen=True, slots=True)
class Node:
    """An article in the derivation graph: one row, in publication order."""

    article: Article
    number: int
    x: float
    y: float
    label: str
    """The title, shortened to fit beside the node (the full title is the tooltip)."""
    meta: str
    """Outlet and date, under the label."""


@dataclass(frozen=True, slots=True)
class GraphEdge:
    source: Node
    target: Node
    link: Link
    path: str
    """SVG path data: an arc on the left of the column of nodes."""
    label_x: float
    label_y: float
    page: str | None
    """The pair page of (article, source), if it has one."""
    further: bool = False
    """Not the article's main source: its share is what it adds to the sources before it,
    less than all the text the two share (``link.reuse``)."""


@dataclass(frozen=True, slots=True)
class Graph:
    nodes: tuple[Node, ...]
    edges: tuple[GraphEdge, ...]
    width: int
    height: int


LATER_SOURCE = "shared; column is later"
"""Label of a cell above the diagonal: text in common with a later article, which cannot
be where the row article took it from (the figure stays, as evidence of the relation)."""
PROBABLY_LATER_SOURCE = "shared; column probably later"
"""The same where the dates do not tell the order (one article undated, or both of one day
and one without a time): it is inferred or a guess."""


def cell(pair: PairResult | None, page: str | None, later: bool = False, inferred: bool = False) -> Cell:
    """``inferred``: the dates do not tell the order of the two articles (``order_known``)."""
    if pair is None:
        return Cell(None, "", False, "", None)
    level = min(len(CELL_FILLS) - 1, int(pair.reuse * (len(CELL_FILLS) - 1) + 0.999)) if pair.reuse > 0 else 0
    label = (PROBABLY_LATER_SOURCE if inferred else LATER_SOURCE) if later else pair_label(pair)
    return Cell(pair, CELL_FILLS[level], level >= 6, label, page, later)


MATRIX_MAX = 150
"""Above this many articles the front page lists each article's top sources instead of the
N × N matrix (54 MB of HTML at N = 1,000); pairs.csv keeps every pair."""
TOP_SOURCES = 5
"""Sources listed per article in that large-set view."""


@dataclass(frozen=True, slots=True)
class TopSource:
    source: Article
    number: int
    """The source's number in publication order (its row in the list of articles)."""
    cell: Cell


@dataclass(frozen=True, slots=True)
class TopRow:
    """An article and the sources it took most from, largest share first."""

    article: Article
    number: int
    sources: tuple[TopSource, ...]


def matrix(articles: tuple[Article, ...], pairs: dict[tuple[str, str], PairResult],
           worthy: set[tuple[str, str]]) -> list[list[Cell]] | None:
    """The N × N cells (rows: articles, columns: sources), or None past ``MATRIX_MAX``."""
    if len(articles) > MATRIX_MAX:
        return None
    return [[cell(pairs.get((a.id, s.id)), pair_page(a.id, s.id) if (a.id, s.id) in worthy else None,
                  later=j > i, inferred=not order_known(a, s))
             for j, s in enumerate(articles)] for i, a in enumerate(articles)]


def top_sources(articles: tuple[Article, ...], pairs: tuple[PairResult, ...],
                worthy: set[tuple[str, str]], numbers: dict[str, int] | None = None) -> tuple[TopRow, ...]:
    """Past ``MATRIX_MAX`` articles: each article's ``TOP_SOURCES`` sources with any reuse
    (ties: earlier source first); nothing for a set small enough for the matrix.
    ``numbers``: the articles' site-wide numbers (default: their place in ``articles``)."""
    if len(articles) <= MATRIX_MAX:
        return ()
    numbers = numbers or {a.id: n for n, a in enumerate(articles, 1)}
    by_id = {a.id: a for a in articles}
    found: dict[str, list[PairResult]] = {}
    for p in pairs:
        if p.reuse > 0 and p.source in by_id:
            found.setdefault(p.article, []).append(p)
    rows = []
    for a in articles:
        best = sorted(found.get(a.id, ()), key=lambda p: (-p.reuse, numbers[p.source]))[:TOP_SOURCES]
        rows.append(TopRow(a, numbers[a.id], tuple(
            TopSource(by_id[p.source], numbers[p.source],
                      cell(p, pair_page(p.article, p.source) if (p.article, p.source) in worthy else None,
                           later=numbers[p.source] > numbers[a.id],
                           inferred=not order_known(a, by_id[p.source])))
            for p in best)))
    return tuple(rows)


# Derivation graph, an arc diagram: nodes in a column, top to bottom in publication order,
# titles to the right, arcs on the left. An arc bulges out in proportion to the rows it
# spans, so labels at the tips of arcs never collide: arcs sharing a midpoint differ by at
# least two rows of span (ARC_STEP * 0.75 * 2 apart), other arcs by half a row in height.
ROW, RADIUS, ARC_STEP, MAX_SPAN, LABEL_CHARS, TOP = 50, 13, 42, 12, 50, 26


def graph(articles: tuple[Article, ...], links: list[Link], pair_pages: dict[tuple[str, str], str],
          numbers: dict[str, int] | None = None) -> Graph:
    """``numbers``: the articles' site-wide numbers shown on the nodes (default: their rows)."""
    spans = [abs(_row(articles, k.article) - _row(articles, k.source)) for k in links]
    bulge = 0.75 * ARC_STEP * min(MAX_SPAN, max(spans, default=1))
    x = round(bulge + 40 + RADIUS)
    nodes = {a.id: Node(a, numbers[a.id] if numbers else n + 1, x, TOP + n * ROW, _shorten(a.title), _meta(a))
             for n, a in enumerate(articles)}
    seen: set[str] = set()  # links come best source first: the first of an article is its main one
    edges = []
    for k in links:
        if k.source in nodes and k.article in nodes:
            edges.append(_edge(nodes[k.source], nodes[k.article], k, pair_pages.get((k.article, k.source)),
                               further=k.article in seen))
            seen.add(k.article)
    width = x + RADIUS + 10 + int(LABEL_CHARS * 7.4)
    return Graph(tuple(nodes.values()), tuple(edges), width, TOP + ROW * max(0, len(articles) - 1) + 30)


def _row(articles: tuple[Article, ...], article_id: str) -> int:
    return next((n for n, a in enumerate(articles) if a.id == article_id), 0)


def _edge(source: Node, target: Node, link: Link, page: str | None, further: bool) -> GraphEdge:
    span = min(MAX_SPAN, round(abs(target.y - source.y) / ROW))
    off = ARC_STEP * span
    x0, y0, y1 = source.x - RADIUS, source.y, target.y
    path = f"M{x0},{y0} C{x0 - off},{y0} {x0 - off},{y1} {x0 - 2},{y1}"
    return GraphEdge(source, target, link, path, round(x0 - 0.75 * off, 1), (y0 + y1) / 2 + 4, page, further)


def _shorten(title: str) -> str:
    if len(title) <= LABEL_CHARS:
        return title
    return title[:LABEL_CHARS - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _meta(article: Article) -> str:
    return " · ".join(x for x in (article.meta.outlet, display_date(article.meta.published)) if x)
