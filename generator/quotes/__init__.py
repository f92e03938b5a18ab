"""Quotes stage: quotations of each article, their speakers, and clusters across articles.

    extract_quotes(article) -> tuple[Quote, ...]
    cluster_quotes(articles, quotes, order) -> tuple[QuoteCluster, ...]
"""

from .cluster import cluster_quotes
from .extract import extract_quotes

__all__ = ["cluster_quotes", "extract_quotes"]
