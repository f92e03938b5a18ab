"""Quote clustering's two slow comparisons, remembered by content within and between builds.

``compare(quote, canon)`` depends only on the two quotes' words as written, and
``find_unquoted(canon, narrative)`` on the canonical words and the article's narrative
(its text, words and quotation spans). Each result is kept under digests of exactly that,
so a repeated quote is compared once, and a build after adding one article computes only
the comparisons that involve it. The stored memo is keyed by the source code of the
matching modules: a change to them starts afresh. A build writes back only the entries it
used, so the file never grows past one build's worth.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping

from ..cache import Cache, code_digest, plain_digest
from ..model import Article, Quote
from . import match, qgrams, unquoted
from .match import Match, QuoteWords
from .unquoted import Found, Narrative

KIND = "quote-memo"
CODE = code_digest(match, unquoted, qgrams)
"""The matching code the stored results came from."""


def words_key(words: QuoteWords) -> bytes:
    """Digest of a quote's words as written (what ``compare`` reads of it)."""
    return hashlib.blake2b("\x1f".join(words.shown).encode(), digest_size=12).digest()


def narrative_key(article: Article, quotes: tuple[Quote, ...]) -> bytes:
    """Digest of what ``Narrative.of`` reads: the text, words and every quotation span,
    pickled without the memo (an article read from the cache shares its word strings unlike a
    fresh one: with the memo, a cold build's searches were never found again)."""
    w = article.words
    return bytes.fromhex(plain_digest((article.text, w.norm, w.starts, w.ends,
                                       tuple((q.start, q.end) for q in quotes))))


class QuoteMemo:
    """Results by content digest: those stored by the last build, and this build's."""

    def __init__(self, cache: Cache | None = None):
        self.cache = cache
        stored = cache.get(KIND, CODE) if cache else None
        self._old: tuple[dict, dict, dict] = stored if isinstance(stored, tuple) and len(stored) == 3 else ({}, {}, {})
        self._new: tuple[dict, dict, dict] = ({}, {}, {})
        self.computed = 0
        """Comparisons this build had to run (the rest were remembered)."""

    def _get(self, table: int, key, compute: Callable):
        new = self._new[table]
        if key in new:
            return new[key]
        old = self._old[table]
        if key in old:
            value = old[key]
        else:
            value = compute()
            self.computed += 1
        new[key] = value
        return value

    def compare(self, quote: QuoteWords, qkey: bytes, canon: QuoteWords, ckey: bytes) -> Match | None:
        return self._get(0, (qkey, ckey), lambda: match.compare(quote, canon))

    def knows_compare(self, qkey: bytes, ckey: bytes) -> bool:
        return (qkey, ckey) in self._new[0] or (qkey, ckey) in self._old[0]

    def add_compared(self, results: Iterable[tuple[tuple[bytes, bytes], Match | None]]) -> None:
        """``compare`` results computed elsewhere (on a Dask cluster), ahead of the requests:
        kept with the remembered ones, so only those asked for are stored."""
        for key, found in results:
            self._old[0][key] = found
            self.computed += 1

    def find_unquoted(self, canon: QuoteWords, ckey: bytes, nkey: bytes,
                      narrative: Callable[[], Narrative]) -> Found | None:
        return self._get(1, (ckey, nkey), lambda: unquoted.find_unquoted(canon, narrative()))

    def knows_unquoted(self, ckey: bytes, nkey: bytes) -> bool:
        return (ckey, nkey) in self._new[1] or (ckey, nkey) in self._old[1]

    def add_unquoted(self, ckey: bytes, nkey: bytes, found: Found | None) -> None:
        """A ``find_unquoted`` result computed elsewhere (by a worker process)."""
        self._new[1][(ckey, nkey)] = found
        self.computed += 1

    def vocabulary(self, nkey: bytes, compute: Callable[[], frozenset[str]]) -> frozenset[str]:
        return self._get(2, nkey, compute)

    def save(self) -> None:
        """Store this build's entries if they differ from the stored ones."""
        if self.cache and (self.computed or any(len(n) != len(o) for n, o in zip(self._new, self._old))):
            self.cache.put(KIND, CODE, self._new)


class Narratives:
    """Each article's narrative, built when a comparison needs it and not kept (~70 KB an
    article: 0.7 GB at N = 10,000); callers visit one article's comparisons together."""

    def __init__(self, articles: Mapping[str, Article], quotes: Mapping[str, tuple[Quote, ...]]):
        self._articles, self._quotes = articles, quotes
        self.keys = {aid: narrative_key(a, quotes.get(aid, ())) for aid, a in articles.items()}
        self._joined: dict[str, str] = {}

    def prepare(self, aids: Iterable[str]) -> None:
        """Keep the narrative words of ``aids`` joined in one string each: a forked worker
        that builds their narratives from it reads none of the articles' own word objects,
        whose pages it would copy by counting references (~70 KB an article)."""
        for aid in aids:
            if aid not in self._joined:
                self._joined[aid] = " ".join(unquoted.narrative_words(self._articles[aid], self._quotes.get(aid, ())))

    def build(self, aid: str) -> Narrative:
        joined = self._joined.get(aid)
        if joined is None:
            return Narrative.of(self._articles[aid], self._quotes.get(aid, ()))
        return Narrative.of_words(self._articles[aid], joined.split(" ") if joined else [])

    def vocabulary(self, aid: str) -> frozenset[str]:
        """The narrative's vocabulary, no narrative built (its garbage scatters free slots a
        forked worker's allocations then copy)."""
        return unquoted.vocabulary(self._articles[aid], self._quotes.get(aid, ()))
