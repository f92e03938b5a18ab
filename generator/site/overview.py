"""Context of the front page: key findings, the matrix, the derivation graph, the list."""

from __future__ import annotations

from dataclasses import dataclass

from ..labels import derivation_label
from ..model import Article, PairResult, QuoteCluster
from .common import percent

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


@dataclass(frozen=True, slots=True)
class Edge:
    article: str
    source: str
    share: float
    credited: bool


@dataclass(frozen=True, slots=True)
class Node:
    article: Article
    x: float
    y: float
    number: int


@dataclass(frozen=True, slots=True)
class Graph:
    nodes: tuple[Node, ...]
    edges: tuple[tuple[Node, Node, Edge], ...]
    width: int
    height: int


def cell(pair: PairResult | None, page: str | None) -> Cell:
    if pair is None:
        return Cell(None, "", False, "", None)
    level = min(len(CELL_FILLS) - 1, int(pair.reuse * (len(CELL_FILLS) - 1) + 0.999)) if pair.reuse > 0 else 0
    return Cell(pair, CELL_FILLS[level], level >= 5, derivation_label(pair.reuse), page)


def graph(articles: tuple[Article, ...], edges: list[Edge]) -> Graph:
    """Articles left to right in publication order, zig-zagging so that edges stay visible."""
    step, lanes = 150, 3
    nodes = {a.id: Node(a, 70 + i * step, 50 + (i % lanes) * 70, i + 1) for i, a in enumerate(articles)}
    placed = tuple((nodes[e.source], nodes[e.article], e) for e in edges if e.source in nodes and e.article in nodes)
    width = 140 + step * max(0, len(articles) - 1)
    return Graph(tuple(nodes.values()), placed, width, 70 * min(lanes, len(articles)) + 40)


def findings(articles: tuple[Article, ...], pairs: dict[tuple[str, str], PairResult], edges: list[Edge],
             clusters: tuple[QuoteCluster, ...], semantic: bool) -> list[str]:
    """Key findings in plain sentences, most important first."""
    by_id = {a.id: a for a in articles}
    result = []
    if articles:
        first = articles[0]
        dated = f"published {first.meta.published[:10]}" if first.meta.published else "undated, placed first by the evidence"
        result.append(f"The earliest article is “{first.title}”{_outlet(first)} ({dated}).")
    for article in articles[1:]:
        own = [e for e in edges if e.article == article.id]
        if not own:
            continue
        main = max(own, key=lambda e: e.share)
        src = by_id[main.source]
        total = pairs[(article.id, main.source)].reuse
        credit = "and credits it" if main.credited else "without crediting it"
        result.append(f"“{article.title}”{_outlet(article)} took {percent(total)} of its words from "
                      f"“{src.title}”{_outlet(src)} ({derivation_label(total)}), {credit}.")
    result.extend(_quote_findings(clusters, by_id))
    if not semantic:
        result.append("Paraphrase detection was off for this build: reworded passages are not counted as reuse.")
    return result


def _outlet(article: Article) -> str:
    return f" ({article.meta.outlet})" if article.meta.outlet else ""


def _quote_findings(clusters: tuple[QuoteCluster, ...], by_id: dict[str, Article]) -> list[str]:
    result = []
    for status, sentence in (("altered", "{names} changed the wording inside quotation marks of {n}."),
                             ("unquoted", "{names} used the wording of {n} without quotation marks.")):
        hits = [o for c in clusters for o in c.occurrences if o.status == status]
        if hits:
            names = _list(sorted({by_id[o.article].title for o in hits}))
            n = f"{len(hits)} quotation{'s' if len(hits) > 1 else ''}"
            result.append(sentence.format(names=names, n=n))
    return result


def _list(names: list[str]) -> str:
    quoted = [f"“{n}”" for n in names]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]
