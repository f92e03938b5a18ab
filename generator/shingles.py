"""Who shares word n-grams with whom: the numbers the compare stage prunes pairs by.

Each article's distinct 5-word shingle hashes (cached as a sorted numpy array), the count
of shingles every pair shares (one sparse incidence-matrix product for the whole set), an
order of the rows that keeps articles sharing candidates together, and the seeds a row's
article shares with each of its sources (from posting lists).
"""

from __future__ import annotations

import numpy as np

from .align import Prepared
from .cache import Cache, cached
from .model import Article
from .text import shingle_hashes


def shingle_arrays(articles: list[Article], keys: list[tuple[str, str]], cache: Cache | None) -> list:
    """Each article's 5-word shingle hashes, distinct and sorted (a numpy array), cached."""
    def compute(article: Article):
        return np.array(sorted(shingle_hashes(article.words.norm)), dtype=np.int64)

    return [cached(cache, "shingles", key, lambda: compute(article)) for article, (_, key) in zip(articles, keys)]


SMALL_SET = 200
"""Up to this many sets the counts come from one bit mask a set (a pair: one AND and a
popcount), which spares a small build the import of scipy (~0.15 s, more than the work)."""


def shared_counts(sets: list, max_df: int | None = None) -> list[dict[int, int]]:
    """For each set of hashes (a set or a numpy array of distinct values), how many it shares
    with each set, itself included (absent: none), by a sparse incidence-matrix product
    (design.md: 0.22 s at N = 1,000); with ``max_df``, only hashes found in at most that
    many sets count."""
    n = len(sets)
    arrays = [s if isinstance(s, np.ndarray) else np.fromiter(s, dtype=np.int64, count=len(s)) for s in sets]
    hashes = np.concatenate(arrays) if arrays else np.zeros(0, dtype=np.int64)
    _, columns = np.unique(hashes, return_inverse=True)
    owners = np.repeat(np.arange(n), [len(a) for a in arrays])
    df = np.bincount(columns)
    keep = ((df >= 2) & (df <= max_df) if max_df is not None else df >= 2)[columns]  # alone: shares nothing
    if n <= SMALL_SET:
        return _counts_by_masks(n, owners[keep], columns[keep])
    from scipy import sparse  # imported on first use: ~0.15-0.3 s

    incidence = sparse.csr_matrix((np.ones(int(keep.sum()), dtype=np.int32), (owners[keep], columns[keep])),
                                  shape=(n, len(df)))
    product = (incidence @ incidence.T).tocsr()
    return [
        dict(zip(product.indices[product.indptr[k] : product.indptr[k + 1]].tolist(),
                 product.data[product.indptr[k] : product.indptr[k + 1]].tolist()))
        for k in range(n)
    ]


def _counts_by_masks(n: int, owners: np.ndarray, columns: np.ndarray) -> list[dict[int, int]]:
    """``shared_counts`` of ``n`` sets given as (owner, column) incidences, by bit masks."""
    _, dense = np.unique(columns, return_inverse=True)
    width = int(dense.max()) + 1 if len(dense) else 1
    masks = []
    for k in range(n):
        flags = np.zeros(width, dtype=bool)
        flags[dense[owners == k]] = True
        masks.append(int.from_bytes(np.packbits(flags, bitorder="little").tobytes(), "little"))
    counts: list[dict[int, int]] = [{} for _ in range(n)]
    for i in range(n):
        for j in range(i, n):
            shared = (masks[i] & masks[j]).bit_count()
            if shared:
                counts[i][j] = counts[j][i] = shared
    return counts


def local_order(todo: list[tuple[int, list[int]]], candidates: list[list[int]]) -> list[tuple[int, list[int]]]:
    """``todo`` with rows that share candidates next to each other (reverse Cuthill-McKee
    order of the candidate graph), so consecutive rows need mostly the same indexes."""
    from scipy import sparse
    from scipy.sparse.csgraph import reverse_cuthill_mckee

    n = len(candidates)
    sources = np.array([j for js in candidates for j in js], dtype=np.int32)
    owners = np.repeat(np.arange(n, dtype=np.int32), [len(js) for js in candidates])
    graph = sparse.csr_matrix((np.ones(len(sources), dtype=np.int8), (owners, sources)), shape=(n, n))
    rank = np.empty(n, dtype=np.int64)
    rank[reverse_cuthill_mckee((graph + graph.T).tocsr(), symmetric_mode=True)] = np.arange(n)
    return sorted(todo, key=lambda row: rank[row[0]])


def seed_postings(prepped: dict[int, Prepared]) -> dict[int, list[int]]:
    """Seed hash → the articles holding it, for the seeds of two articles or more. A row
    then gathers each source's shared seeds from its own seeds' lists (~6,000 entries a row
    at N = 1,000) instead of intersecting its ~600 seeds with every source's (~200,000
    look-ups a row, a third of the compare stage)."""
    postings: dict[int, list[int]] = {}
    for k, p in prepped.items():
        for h in p.seed_set:
            postings.setdefault(h, []).append(k)
    return {h: ks for h, ks in postings.items() if len(ks) > 1}


def shared_seeds(postings: dict[int, list[int]], a: Prepared, sources: list[int]) -> dict[int, list[int]]:
    """The seed hashes ``a`` shares with each of ``sources`` (an empty list: none)."""
    shared: dict[int, list[int]] = {j: [] for j in sources}
    for h in a.seed_set:
        for j in postings.get(h, ()):
            found = shared.get(j)
            if found is not None:
                found.append(h)
    return shared
