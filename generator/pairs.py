"""The ordered pairs of a set of articles, with the pairs that share nothing left implicit.

At N articles there are N(N-1) ordered pairs, and in a large set nearly all of them share
no word n-gram at all: one ``PairResult`` object each would cost more than the analysis.
A ``PairTable`` stores the results that hold anything (a passage, a shared shingle, a
paraphrase) and stands for every other pair of a complete table with an all-zero result,
made only when someone iterates over every pair (report.json, pairs.csv, the semantic
stage). When the compare stage pruned candidate pairs (``complete`` is False), only the
stored pairs are listed.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterable, Iterator

from .model import PairResult


def is_zero(pair: PairResult) -> bool:
    """Whether the pair holds nothing: what an implicit pair of a complete table stands for."""
    return not (pair.passages or pair.reuse or pair.verbatim or pair.edited or pair.paraphrase
                or pair.containment)


def stored(pairs: Iterable[PairResult]) -> Iterable[PairResult]:
    """The stored results of a ``PairTable``, any other collection as it is: for a stage to
    which an all-zero pair and a missing one mean the same."""
    return pairs.stored if isinstance(pairs, PairTable) else pairs


def zero(article: str, source: str) -> PairResult:
    return PairResult(article, source, 0.0, 0.0, 0.0, 0.0, 0.0, ())


class StoredRow:
    """One article's stored results as the pair cache holds them, unpickled when first read:
    a rebuild that finds most rows in the cache need not make their objects up front."""

    __slots__ = ("blob", "sources")

    def __init__(self, blob: bytes, sources: list[int]):
        self.blob = blob
        """Pickled tuple of ``PairResult``, in the order of ``sources``."""
        self.sources = sources
        """Index of each result's source."""

    def __len__(self) -> int:
        return len(self.sources)

    def load(self) -> dict[int, PairResult]:
        return dict(sorted(zip(self.sources, pickle.loads(self.blob))))


class PairTable:
    """Iterates like a list of ``PairResult``: row by row (article, then source, in the
    order of ``ids``), every ordered pair of distinct articles when ``complete``, else only
    the stored pairs. ``stored`` is the cheap way through: what a stage that ignores
    all-zero pairs should loop over."""

    __slots__ = ("ids", "_rows", "complete", "_index")

    def __init__(self, ids: Iterable[str], rows: list[dict[int, PairResult] | StoredRow], complete: bool = True):
        self.ids = tuple(ids)
        """Article ids, in the order the table lists them."""
        self._rows = rows
        """For each article (index into ``ids``): source index → stored result, in source
        order (or a ``StoredRow`` of them, read on first use)."""
        self.complete = complete
        """False when pairs were pruned: the ones not stored are unknown, not zero."""
        self._index = {a: k for k, a in enumerate(self.ids)}

    @classmethod
    def from_results(cls, ids: Iterable[str], results: Iterable[PairResult], complete: bool = True) -> PairTable:
        """A table of ``results`` (any order), all-zero results of a complete table dropped."""
        ids = tuple(ids)
        index = {a: k for k, a in enumerate(ids)}
        rows: list[dict[int, PairResult]] = [{} for _ in ids]
        for pair in results:
            if not (complete and is_zero(pair)):
                rows[index[pair.article]][index[pair.source]] = pair
        return cls(ids, [dict(sorted(row.items())) for row in rows], complete)

    def row(self, i: int) -> dict[int, PairResult]:
        """Source index → stored result of the ``i``-th article, in source order."""
        row = self._rows[i]
        if isinstance(row, StoredRow):
            row = self._rows[i] = row.load()
        return row

    @property
    def rows(self) -> list[dict[int, PairResult]]:
        return [self.row(i) for i in range(len(self.ids))]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, PairTable):
            return (self.ids, self.complete, self.rows) == (other.ids, other.complete, other.rows)
        if isinstance(other, (list, tuple)):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable rows

    def __len__(self) -> int:
        n = len(self.ids)
        return n * (n - 1) if self.complete else sum(map(len, self._rows))

    def __iter__(self) -> Iterator[PairResult]:
        for article, source, pair in self.listing():
            yield pair if pair is not None else zero(article, source)

    def listing(self) -> Iterator[tuple[str, str, PairResult | None]]:
        """(article, source, stored result or None for an implicit all-zero pair), in the
        table's order: lets a writer format the zero rows without making objects."""
        ids = self.ids
        for i, article in enumerate(ids):
            row = self.row(i)
            if not self.complete:
                for j, pair in row.items():
                    yield article, ids[j], pair
                continue
            for j, source in enumerate(ids):
                if j != i:
                    yield article, source, row.get(j)

    @property
    def stored(self) -> Iterator[PairResult]:
        """The stored results, row by row: every pair that holds anything."""
        for i in range(len(self.ids)):
            yield from self.row(i).values()

    def neighbours(self) -> dict[str, set[str]]:
        """Each article's partners in the stored pairs, in either direction."""
        near: dict[str, set[str]] = {a: set() for a in self.ids}
        for pair in self.stored:
            near[pair.article].add(pair.source)
            near[pair.source].add(pair.article)
        return near

    def get(self, article: str, source: str) -> PairResult | None:
        """The pair's result: stored, all-zero for an implicit pair of a complete table,
        None for an unknown id, a pair with itself or a pruned pair."""
        i, j = self._index.get(article), self._index.get(source)
        if i is None or j is None or i == j:
            return None
        hit = self.row(i).get(j)
        return hit if hit is not None or not self.complete else zero(article, source)
