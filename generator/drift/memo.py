"""Drift findings of each provenance link, remembered between builds by content.

The findings of one link depend only on the article, its source and their pair result:
the texts, sentences and words of the two (what facts and names are read from) and the
aligned passages; and on whether the source is the article's main one (titles are compared
beyond the passages only for that one). Each link's findings are kept under a digest of
exactly that, in one cache entry keyed by the drift code, so a rebuild after adding an
article recomputes only the links whose article, source or pair changed. A build writes back only the entries it
used (the entry never grows past one build's worth), and only when they changed.
"""

from __future__ import annotations

import importlib
import sys
from array import array
from collections.abc import Callable

from ..cache import Cache, code_digest, digest, plain_digest
from ..compare_cache import fingerprint
from ..model import Article, PairResult

KIND = "drift-memo"


CODE_MODULES = ("compare", "facts")
"""This package's modules the findings come from, beside the package itself."""


def _code() -> str:
    """The code the findings come from: this package's stage, passage comparison and facts,
    and the name rules the facts use. The modules are taken from ``sys.modules``:
    ``from . import facts`` gives the package's function ``facts``, whose source alone left
    a change to the rest of facts.py (a number rule) serving stale findings."""
    from ..quotes import names

    modules = [importlib.import_module(f"{__package__}.{name}") for name in CODE_MODULES]
    return code_digest(sys.modules[__package__], *modules, names)


def article_key(article: Article) -> str:
    """What drift reads of an article: id, text, words (``fingerprint``) and sentences."""
    spans = array("q", [x for s in article.sentences for x in (s.start, s.end)]).tobytes()
    return digest(fingerprint(article), spans)


class LinkMemo:
    """Findings by link content: those the last build stored, and this build's."""

    def __init__(self, cache: Cache | None):
        self.cache = cache
        self.code = _code() if cache else ""
        stored = cache.get(KIND, self.code) if cache else None
        self._old: dict[str, tuple] = stored if isinstance(stored, dict) else {}
        self._new: dict[str, tuple] = {}
        self._keys: dict[str, str] = {}
        self.computed = 0
        """Links whose findings this build had to compute."""

    def findings(self, article: Article, source: Article, pair: PairResult, compute: Callable[[], list],
                 variant: object = None) -> list:
        """``variant``: what else the findings depend on (whether the source is the article's main one)."""
        key = digest(self._key(article), self._key(source), plain_digest(pair), variant)
        if key not in self._new:
            found = self._old.get(key)
            if found is None:
                found = tuple(compute())
                self.computed += 1
            self._new[key] = found
        return list(self._new[key])

    def _key(self, article: Article) -> str:
        if article.id not in self._keys:
            self._keys[article.id] = article_key(article)
        return self._keys[article.id]

    def save(self) -> None:
        """Store this build's entries if they differ from the stored ones."""
        if self.cache and (self.computed or len(self._new) != len(self._old)):
            self.cache.put(KIND, self.code, self._new)
