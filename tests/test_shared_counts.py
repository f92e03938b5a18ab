"""Shared shingle counts: the bit-mask path of small sets equals the sparse product."""

import random

import numpy as np
import pytest

from generator import shingles


def _sets(n: int, seed: int) -> list[np.ndarray]:
    rng = random.Random(seed)
    return [np.array(sorted(rng.sample(range(2000), rng.randint(0, 200))), dtype=np.int64) for _ in range(n)]


def _sorted(counts: list[dict[int, int]]) -> list[dict[int, int]]:
    return [dict(sorted(row.items())) for row in counts]


@pytest.mark.parametrize("n", [0, 1, 2, 7, 60])
@pytest.mark.parametrize("max_df", [None, 3])
def test_masks_count_as_the_sparse_product(n, max_df, monkeypatch):
    sets = _sets(n, seed=n)
    small = shingles.shared_counts(sets, max_df)
    monkeypatch.setattr(shingles, "SMALL_SET", -1)  # force the scipy product
    assert _sorted(small) == _sorted(shingles.shared_counts(sets, max_df))


def test_counts_a_shared_hash_once_per_pair_and_include_the_diagonal():
    sets = [np.array([1, 2, 3]), np.array([2, 3, 4]), np.array([9])]
    assert _sorted(shingles.shared_counts(sets)) == [{0: 2, 1: 2}, {0: 2, 1: 2}, {}]
    assert _sorted(shingles.shared_counts([{1, 2}, {2, 5}, {2}], max_df=2)) == [{}, {}, {}]
