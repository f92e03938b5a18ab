"""Evaluation metrics of bench/accuracy.py, on plain sequences (numpy and scipy only)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy.stats import rankdata, spearmanr


def roc_auc(scores: Sequence[float], positive: Sequence[bool]) -> float:
    """Area under the ROC curve: the chance that a random positive scores above a random
    negative, ties counting one half (the Mann-Whitney U statistic)."""
    s, y = np.asarray(scores, float), np.asarray(positive, bool)
    n_pos, n_neg = int(y.sum()), int((~y).sum())
    if not n_pos or not n_neg:
        raise ValueError("AUC needs at least one positive and one negative")
    ranks = rankdata(s)
    return float((ranks[y].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts (0 where undefined)."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def macro_f1(truth: Sequence[str], predicted: Sequence[str], classes: Sequence[str]) -> float:
    """Mean over ``classes`` of each class's F1 (a class never true nor predicted scores 0)."""
    pairs = list(zip(truth, predicted, strict=True))
    scores = []
    for c in classes:
        tp = sum(t == c and p == c for t, p in pairs)
        fp = sum(t != c and p == c for t, p in pairs)
        fn = sum(t == c and p != c for t, p in pairs)
        scores.append(prf(tp, fp, fn)[2])
    return float(np.mean(scores))


def accuracy(truth: Sequence[object], predicted: Sequence[object]) -> float:
    pairs = list(zip(truth, predicted, strict=True))
    return sum(t == p for t, p in pairs) / len(pairs) if pairs else 0.0


def spearman(x: Sequence[float], y: Sequence[float]) -> float:
    """Spearman's rank correlation (ties get average ranks)."""
    return float(spearmanr(x, y).statistic)


def span_prf(gold: Sequence[tuple[int, int]], predicted: Sequence[tuple[int, int]]) -> tuple[float, float, float]:
    """Exact-match precision, recall and F1 of (start, end) spans, each span used once."""
    unmatched = list(gold)
    tp = 0
    for span in predicted:
        if span in unmatched:
            unmatched.remove(span)
            tp += 1
    return prf(tp, len(predicted) - tp, len(unmatched))


def best_thresholds(scores: Sequence[float], truth: Sequence[str], low: str, mid: str, high: str,
                    grid: Sequence[float]) -> tuple[float, float, float]:
    """(mid threshold, high threshold, macro-F1) maximising macro-F1 of the three-level
    labelling score < mid → low, < high → mid, else high; ties go to the first found."""
    s = np.asarray(scores, float)
    best = (0.0, 0.0, -1.0)
    for i, t1 in enumerate(grid):
        for t2 in grid[i + 1:]:
            pred = np.where(s >= t2, high, np.where(s >= t1, mid, low))
            f1 = macro_f1(truth, list(pred), (low, mid, high))
            if f1 > best[2]:
                best = (float(t1), float(t2), f1)
    return best
