"""Where each page lives in the output folder (all links between pages are relative)."""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Mapping
from functools import lru_cache


def article_page(article_id: str) -> str:
    return f"articles/{article_id}.html"


def pair_page(article_id: str, source_id: str) -> str:
    return f"pairs/{article_id}--{source_id}.html"


def relative(target: str, from_page: str) -> str:
    """Link from one output page to another output path."""
    return _relative_to_folder(target, posixpath.dirname(from_page) or ".")


@lru_cache(maxsize=1 << 16)
def _relative_to_folder(target: str, folder: str) -> str:
    """``posixpath.relpath`` (two ``abspath`` calls and a split of each), remembered: the
    pages of one folder link the same targets (an article page at N = 1,000 makes hundreds
    of links, 2-3 s of a rebuild's rendering)."""
    return posixpath.relpath(target, folder)


PAIR_PAGE_MIN_REUSE = 0.0
"""A pair gets a page when any of the article's words are aligned to the source."""
PAIR_PAGES_PER_ARTICLE = 20
"""At most this many pair pages per article (its top sources), so large sets stay buildable."""


def worthy_pairs(pairs, per_article: int = PAIR_PAGES_PER_ARTICLE, order: Mapping[str, int] | None = None,
                 always: Iterable[tuple[str, str]] = ()) -> set[tuple[str, str]]:
    """(article, source) of the pairs that get a page: of the pairs with any reuse, each
    article's ``per_article`` sources with the most (ties: the source earlier in ``order``
    when given, else as listed), and the pairs of ``always`` with any."""
    always = set(always)
    by_article: dict[str, list] = {}
    kept = set()
    for p in pairs:
        if p.reuse > PAIR_PAGE_MIN_REUSE:
            by_article.setdefault(p.article, []).append(p)
            if (p.article, p.source) in always:
                kept.add((p.article, p.source))
    rank = (lambda p: -p.reuse) if order is None else (lambda p: (-p.reuse, order[p.source]))
    return kept | {(p.article, p.source) for ps in by_article.values() for p in sorted(ps, key=rank)[:per_article]}
