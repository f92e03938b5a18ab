"""Quotes stage: quotations of each article, their speakers, and clusters across articles.

    extract_quotes(article) -> tuple[Quote, ...]
    cluster_quotes(articles, quotes, order) -> tuple[QuoteCluster, ...]
    resolve_speakers(clusters, groups) -> tuple[QuoteCluster, ...]   # one name per person
"""

from .cluster import cluster_quotes
from .extract import extract_quotes
from .speakers import resolve_speakers

__all__ = ["cluster_quotes", "extract_quotes", "resolve_speakers"]
