"""Drift between two plain texts, without a site: for tests, benchmarks and tools."""

from __future__ import annotations

from dataclasses import replace

from ..compare import compare_pair
from ..model import Passage
from ..provenance import Provenance, SourceLink
from ..quotes import cluster_quotes, extract_quotes
from ..segment import article_from_text
from . import DriftFinding, find_drift


def drift_of_texts(source: str, rewrite: str, paraphrase: bool = False) -> tuple[DriftFinding, ...]:
    """Findings of ``rewrite`` against ``source``: aligned by the compare stage, or (with
    ``paraphrase``) as one paraphrase passage over both whole texts."""
    src = article_from_text("source", source, order=0)
    art = article_from_text("rewrite", rewrite, order=1)
    pair = compare_pair(art, src)
    if paraphrase:
        whole = Passage(0, len(art.words), 0, len(src.words), "paraphrase", 80.0, 0)
        pair = replace(pair, passages=(whole,))
    order = ("source", "rewrite")
    clusters = cluster_quotes((src, art), {a.id: extract_quotes(a) for a in (src, art)}, order)
    prov = Provenance(order=order, links=(SourceLink("rewrite", "source", pair.reuse, pair.reuse, False, None),))
    return find_drift((src, art), (pair,), clusters, prov)
