"""Reading the analysis's pairs without making the all-zero ones (generator/pairs.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..model import PairResult
from ..pairs import PairTable, stored, zero


def lookup(pairs: PairTable | Iterable[PairResult]) -> Callable[[str, str], PairResult | None]:
    """(article, source) → result: all-zero for an implicit pair of a complete table, None
    for a pair not listed, as a dict of every listed pair would answer."""
    if isinstance(pairs, PairTable):
        return pairs.get
    found = {(p.article, p.source): p for p in pairs}
    return lambda article, source: found.get((article, source))


class StoredPairs(dict):
    """(article, source) → the stored results; reading a pair not stored gives an all-zero
    one (what a complete table lists for it)."""

    def __missing__(self, key: tuple[str, str]) -> PairResult:
        return zero(*key)


def pairs_by_key(pairs: PairTable | Iterable[PairResult], every: bool) -> dict[tuple[str, str], PairResult]:
    """The pairs by (article, source): every listed one if ``every`` (a matrix shows each
    cell), else only those that hold anything."""
    return {(p.article, p.source): p for p in pairs} if every else \
        StoredPairs(((p.article, p.source), p) for p in stored(pairs))


def story_pairs(pairs: PairTable | Iterable[PairResult], ids: set[str]) -> PairTable | tuple[PairResult, ...]:
    """The pairs between articles of ``ids``, listed in the same order as in ``pairs``."""
    if not isinstance(pairs, PairTable):
        return tuple(p for p in pairs if p.article in ids and p.source in ids)
    return PairTable.from_results([i for i in pairs.ids if i in ids],
                                  (p for p in pairs.stored if p.article in ids and p.source in ids), pairs.complete)
