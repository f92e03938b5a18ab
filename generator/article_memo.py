"""Per-process memos of work done on one article (its alignment index, its sentence index),
kept by article id and checked against the very same object: a worker reuses them for every
pair the article takes part in."""

from __future__ import annotations

from collections import OrderedDict
from typing import Callable, Hashable, TypeVar

from .model import Article

T = TypeVar("T")


def memoised(memo: OrderedDict[Hashable, tuple[Article, T]], size: int, key: Hashable, article: Article,
             make: Callable[[], T]) -> T:
    """``make()`` for this article object under ``key``, kept in ``memo`` (least recently used
    dropped past ``size``)."""
    hit = memo.get(key)
    if hit is not None and hit[0] is article:
        memo.move_to_end(key)
        return hit[1]
    result = make()
    memo[key] = (article, result)
    if len(memo) > size:
        memo.popitem(last=False)
    return result
