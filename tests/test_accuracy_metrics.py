"""The metric code of bench/accuracy.py on tiny inputs (the corpus numbers are recorded in
bench/ACCURACY.md, never asserted)."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from metrics import accuracy, best_thresholds, macro_f1, prf, roc_auc, span_prf, spearman  # noqa: E402


def test_auc_perfect_reversed_and_ties():
    assert roc_auc([0.9, 0.8, 0.1, 0.2], [True, True, False, False]) == 1.0
    assert roc_auc([0.1, 0.2, 0.9, 0.8], [True, True, False, False]) == 0.0
    assert roc_auc([0.5, 0.5], [True, False]) == 0.5
    # one positive above one negative of two, tied with the other: (1 + 0.5) / 2
    assert roc_auc([0.5, 0.5, 0.2], [True, False, False]) == 0.75


def test_auc_needs_both_classes():
    with pytest.raises(ValueError):
        roc_auc([0.1, 0.2], [True, True])


def test_prf_and_zero_division():
    assert prf(2, 2, 0) == (0.5, 1.0, pytest.approx(2 / 3))
    assert prf(0, 0, 0) == (0.0, 0.0, 0.0)


def test_macro_f1_averages_per_class_f1():
    truth = ["a", "a", "b", "c"]
    pred = ["a", "b", "b", "c"]
    # a: P 1 R 0.5 F 2/3; b: P 0.5 R 1 F 2/3; c: 1
    assert macro_f1(truth, pred, ["a", "b", "c"]) == pytest.approx((2 / 3 + 2 / 3 + 1) / 3)
    assert macro_f1(["a"], ["a"], ["a", "b"]) == 0.5
    assert accuracy(truth, pred) == 0.75


def test_spearman_with_ties_and_order():
    assert spearman([1, 2, 3, 4], [10, 20, 30, 40]) == pytest.approx(1.0)
    assert spearman([1, 2, 3, 4], [4, 3, 2, 1]) == pytest.approx(-1.0)
    assert spearman([1, 1, 2, 2], [1, 2, 3, 4]) == pytest.approx(0.894427, abs=1e-6)


def test_span_prf_counts_each_span_once():
    gold = [(0, 5), (10, 20), (30, 40)]
    assert span_prf(gold, [(0, 5), (0, 5), (10, 21)]) == (pytest.approx(1 / 3), pytest.approx(1 / 3),
                                                          pytest.approx(1 / 3))
    assert span_prf([], []) == (0.0, 0.0, 0.0)


def test_best_thresholds_separates_three_levels():
    scores = [0.05, 0.1, 0.3, 0.4, 0.8, 0.9]
    truth = ["n", "n", "p", "p", "w", "w"]
    t1, t2, f1 = best_thresholds(scores, truth, "n", "p", "w", [0.0, 0.2, 0.5, 0.95])
    assert (t1, t2, f1) == (0.2, 0.5, 1.0)
