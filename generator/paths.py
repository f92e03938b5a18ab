"""Where each page lives in the output folder (all links between pages are relative)."""

from __future__ import annotations

import posixpath


def article_page(article_id: str) -> str:
    return f"articles/{article_id}.html"


def pair_page(article_id: str, source_id: str) -> str:
    return f"pairs/{article_id}--{source_id}.html"


def relative(target: str, from_page: str) -> str:
    """Link from one output page to another output path."""
    return posixpath.relpath(target, posixpath.dirname(from_page) or ".")


PAIR_PAGE_MIN_REUSE = 0.0
"""A pair gets a page when any of the article's words are aligned to the source."""
PAIR_PAGES_PER_ARTICLE = 20
"""At most this many pair pages per article (its top sources), so large sets stay buildable."""


def worthy_pairs(pairs, article_count: int) -> set[tuple[str, str]]:
    """(article, source) of the pairs that get a page: any reuse, each article's top sources."""
    by_article: dict[str, list] = {}
    for p in pairs:
        if p.reuse > PAIR_PAGE_MIN_REUSE:
            by_article.setdefault(p.article, []).append(p)
    return {(p.article, p.source) for ps in by_article.values()
            for p in sorted(ps, key=lambda p: -p.reuse)[:PAIR_PAGES_PER_ARTICLE]}
