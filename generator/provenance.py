"""Provenance stage: publication order, each article's direct sources, and credit given.

Pure functions over ``Article``s and the ``PairResult``s of the compare stage.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import lru_cache
from urllib.parse import urlsplit

from .model import Article, PairResult
from .pairs import stored

CONTAINED = 0.8
"""An article of which this share lies in passages aligned to another is taken to be the
earlier one (the other contains it almost completely)."""
MIN_SHARE = 0.05
"""A direct source must explain at least this share of the article's words by itself."""


@dataclass(frozen=True, slots=True)
class SourceLink:
    """One article's direct source."""

    article: str
    source: str
    reuse: float
    """reuse(article, source), as in the pair's result."""
    share: float
    """Share of the article's words this source explains that no better source does."""
    credited: bool
    credit_text: str | None
    """The credit line or the sentence that names the source's outlet."""


@dataclass(frozen=True, slots=True)
class Provenance:
    order: tuple[str, ...]
    """Article ids, earliest first."""
    links: tuple[SourceLink, ...]
    """Direct sources, grouped by article in publication order, best source first."""

    def sources_of(self, article_id: str) -> tuple[SourceLink, ...]:
        return tuple(link for link in self.links if link.article == article_id)


def provenance(articles: list[Article], pairs: list[PairResult]) -> Provenance:
    """Order the articles and find, for each, its direct sources and whether it credits them."""
    by_pair = {(p.article, p.source): p for p in stored(pairs)}  # a missing pair counts as all zero
    order = publication_order(articles, by_pair)
    by_id = {a.id: a for a in articles}
    position_of = {article_id: k for k, article_id in enumerate(order)}
    taken_from: dict[str, list[str]] = {}
    for article_id, source_id in by_pair:
        taken_from.setdefault(article_id, []).append(source_id)
    links = []
    for position, article_id in enumerate(order):
        # Only the earlier articles it shares text with: a scan of every earlier one is
        # quadratic (5·10^7 lookups at N = 10,000) and finds the same sources.
        earlier = [by_id[i] for i in sorted(taken_from.get(article_id, ()), key=position_of.__getitem__)
                   if position_of[i] < position]
        for source, result, share in direct_sources(by_id[article_id], earlier, by_pair):
            credited, text = credit(by_id[article_id], source)
            links.append(SourceLink(article_id, source.id, result.reuse, share, credited, text))
    return Provenance(order=order, links=tuple(links))


# --- publication order ----------------------------------------------------------------


@lru_cache(maxsize=1 << 14)
def _timestamp(published: str | None) -> float | None:
    """Seconds since the epoch of an ISO date or date-time (naive ones read as UTC).
    Remembered: an article page asks it of each later source (115,000 parses in the
    article pages of an N = 1,000 rebuild, for a few dozen distinct dates)."""
    if not published:
        return None
    try:
        moment = datetime.fromisoformat(published.replace("Z", "+00:00"))
    except ValueError:
        return None
    return (moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)).timestamp()


def dated(article: Article) -> bool:
    """Whether the article's publication date is known (else its place is inferred)."""
    return _timestamp(article.meta.published) is not None


def order_known(a: Article, b: Article) -> bool:
    """Whether the dates alone tell which of two articles was published first: both dated,
    and on different days or both stamped with different times. A bare date says only "some
    time that day", so against another article of that day the order is a guess (the timed
    one is placed first, see ``_date_key``), as is that of two undated ones or of a tie."""
    if not (dated(a) and dated(b)):
        return False
    first, second = a.meta.published or "", b.meta.published or ""
    if "T" in first and "T" in second:
        return _timestamp(first) != _timestamp(second)
    return first[:10] != second[:10]


def same_day_guess(articles: Iterable[Article]) -> bool:
    """Whether two dated articles share a day without times that order them."""
    days: dict[str, list[Article]] = {}
    for article in articles:
        if dated(article):
            days.setdefault((article.meta.published or "")[:10], []).append(article)
    return any(not order_known(a, b) for group in days.values() for a, b in zip(group, group[1:]))


def _date_key(article: Article) -> tuple:
    """Sort key of a dated article. A bare date says only "some time that day", so on the
    same day it goes after the articles stamped with a time: originals from a CMS carry
    exact times, scraped copies often only the day."""
    published = article.meta.published or ""
    return (published[:10], "T" not in published, _timestamp(published), article.order)


def contained(a: str, b: str, by_pair: dict[tuple[str, str], PairResult]) -> bool:
    """True if ``a``'s text lies almost wholly in ``b`` (and not the other way round as
    much). Only words taken as text count: a paraphrase shares meaning, which says nothing
    about which article was written first."""
    ab, ba = by_pair.get((a, b)), by_pair.get((b, a))
    share = _taken(ab)
    return share >= CONTAINED and share > _taken(ba)


def _taken(pair: PairResult | None) -> float:
    return pair.verbatim + pair.edited if pair else 0.0


def publication_order(articles: list[Article], by_pair: dict[tuple[str, str], PairResult]) -> tuple[str, ...]:
    """Dated articles by date (a bare date after the timed ones of its day; file order breaks ties); each undated one, in file order,
    right after the last article it contains, else right before the first one that contains
    it, else at the end."""
    order = [a.id for a in sorted((a for a in articles if dated(a)), key=_date_key)]
    for article in sorted((a for a in articles if not dated(a)), key=lambda a: a.order):
        after = [k for k, other in enumerate(order) if contained(other, article.id, by_pair)]
        before = [k for k, other in enumerate(order) if contained(article.id, other, by_pair)]
        position = max(after) + 1 if after else min(before) if before else len(order)
        order.insert(position, article.id)
    return tuple(order)


# --- direct sources -------------------------------------------------------------------


def _covered(result: PairResult) -> set[int]:
    return {i for p in result.passages for i in range(p.a_start, p.a_end)}


def direct_sources(
    article: Article, earlier: list[Article], by_pair: dict[tuple[str, str], PairResult]
) -> list[tuple[Article, PairResult, float]]:
    """Earlier articles that explain a share of ``article`` no better source explains.

    Sources are taken greedily, most covered words first (ties: more verbatim words, then
    the earliest, the original of identical copies); a source only counts for the words the
    ones before it did not cover. So if C copies B and B copies A, A is a direct source of
    C only for text of A that B left out.
    """
    total = len(article.words)
    candidates = []
    for position, source in enumerate(earlier):
        result = by_pair.get((article.id, source.id))
        if total and result and result.passages:
            candidates.append((source, result, _covered(result), position))
    candidates.sort(key=lambda c: (-len(c[2]), -c[1].verbatim, c[3]))
    explained: set[int] = set()
    found = []
    for source, result, covered, _ in candidates:
        share = len(covered - explained) / total
        if share >= MIN_SHARE:
            found.append((source, result, round(share, 4)))
            explained |= covered
    return found


# --- credit ---------------------------------------------------------------------------


def _names(source: Article) -> list[re.Pattern[str]]:
    """Patterns for the source's outlet name (case kept: outlets are proper names) and the
    domain of its URL (any case)."""
    patterns = []
    outlet = (source.meta.outlet or "").strip()
    if outlet:
        bare = re.sub(r"^the\s+", "", outlet, flags=re.IGNORECASE)
        patterns.append(re.compile(rf"(?<!\w)(?:{re.escape(outlet)}|{re.escape(bare)})(?!\w)"))
    host = urlsplit(source.meta.url or "").hostname or ""
    host = host.removeprefix("www.")
    if host:
        patterns.append(re.compile(rf"(?<![\w.]){re.escape(host)}(?!\w)", re.IGNORECASE))
    return patterns


def credit(article: Article, source: Article) -> tuple[bool, str | None]:
    """Whether ``article`` credits ``source``: a credit line, else a sentence naming the
    source's outlet or domain. Returns the line or sentence found."""
    patterns = _names(source)
    for line in article.credits:
        if any(p.search(line) for p in patterns):
            return True, line
    for pattern in patterns:
        match = pattern.search(article.text)
        if match:
            return True, _sentence_at(article, match.start())
    return False, None


def _sentence_at(article: Article, offset: int) -> str:
    """The sentence (or, in trimmed text, the paragraph) holding a character offset."""
    for span in (*article.sentences, *article.paragraphs):
        if span.start <= offset < span.end:
            return article.text[span.start : span.end]
    return article.text[max(0, offset - 60) : offset + 60]
