"""The label rule of generator/labels.py on METER courts cases, and the fits behind it.

A case carries a pair's figures (lexical reuse, reuse with paraphrase, containment, shared
vocabulary) and METER's label. ``rule_labels`` runs ``labels.pair_label`` itself on them;
the fits search thresholds on the calibration half, vectorised (a joint search over four
thresholds is about 10^5 labellings).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from generator import labels
from generator.model import PairResult

CLASSES = (labels.INDEPENDENT, labels.PARTIALLY, labels.WHOLLY)
"""Label levels in order: 0, 1, 2."""


def case_pair(case, paraphrase: bool) -> PairResult:
    """The case's figures as the PairResult the product labels (paraphrase left out unless
    ``paraphrase``)."""
    reuse = case.reuse if paraphrase else case.lexical
    return PairResult("np", "pa", reuse, case.lexical, 0.0, round(reuse - case.lexical, 4), case.containment,
                      vocabulary=case.vocabulary, new_words=case.new_words)


def rule_labels(cases: Sequence, paraphrase: bool = False) -> list[str]:
    """``labels.pair_label`` of every case."""
    return [labels.pair_label(case_pair(c, paraphrase)) for c in cases]


def levels(x: np.ndarray, partially: float, wholly: float) -> np.ndarray:
    return (x >= partially).astype(np.int8) + (x >= wholly).astype(np.int8)


def macro_f1_levels(truth: np.ndarray, predicted: np.ndarray) -> float:
    """Macro-F1 over the three levels (the same figure as metrics.macro_f1, on integers)."""
    confusion = np.bincount(truth * 3 + predicted, minlength=9).reshape(3, 3)
    tp = np.diag(confusion)
    denominators = confusion.sum(axis=0) + confusion.sum(axis=1)
    return float(np.mean(np.where(tp > 0, 2 * tp / np.maximum(denominators, 1), 0.0)))


def truth_levels(cases: Sequence) -> np.ndarray:
    return np.array([CLASSES.index(c.truth) for c in cases])


def fit_second_figure(cases: Sequence, first: str, first_thresholds: tuple[float, float], second: str,
                      grid: Sequence[float]) -> tuple[float, float, float]:
    """(partially, wholly, macro-F1): thresholds on ``second`` with the best macro-F1 when the
    label is the higher level of the two figures, ``first``'s thresholds fixed."""
    truth = truth_levels(cases)
    base = levels(np.array([getattr(c, first) for c in cases]), *first_thresholds)
    x = np.array([getattr(c, second) for c in cases])
    best = (0.0, 0.0, -1.0)
    for i, t1 in enumerate(grid):
        for t2 in grid[i + 1:]:
            f = macro_f1_levels(truth, np.maximum(base, levels(x, t1, t2)))
            if f > best[2]:
                best = (float(t1), float(t2), f)
    return best


def fit_jointly(cases: Sequence, first: str, first_partially: Sequence[float], first_wholly: float,
                second: str, grid: Sequence[float]) -> tuple[float, float, float, float]:
    """(first's partially threshold, second's partially, second's wholly, macro-F1): as
    ``fit_second_figure`` with the first figure's partially threshold searched too."""
    best = (0.0, 0.0, 0.0, -1.0)
    for p in first_partially:
        t1, t2, f = fit_second_figure(cases, first, (p, first_wholly), second, grid)
        if f > best[3]:
            best = (float(p), t1, t2, f)
    return best


def two_figure_labels(cases: Sequence, first: str, first_thresholds: tuple[float, float], second: str,
                      second_thresholds: tuple[float, float]) -> list[str]:
    """The higher level of two figures' labels, for any thresholds."""
    a = levels(np.array([getattr(c, first) for c in cases]), *first_thresholds)
    b = levels(np.array([getattr(c, second) for c in cases]), *second_thresholds)
    return [CLASSES[k] for k in np.maximum(a, b)]


def capped_labels(cases: Sequence, lexical: tuple[float, float], vocabulary: tuple[float, float],
                  cap: float) -> np.ndarray:
    """Levels of the two-figure rule where wholly derived also needs at most ``cap`` new
    words (else partially), without paraphrase."""
    level = np.maximum(levels(np.array([c.lexical for c in cases]), *lexical),
                       levels(np.array([c.vocabulary for c in cases]), *vocabulary))
    return np.where((level == 2) & (np.array([c.new_words for c in cases]) > cap), 1, level)


def fit_cap(cases: Sequence, lexical: tuple[float, float], grid: Sequence[float], caps: Sequence[int]
            ) -> tuple[float, float, int, float]:
    """(vocabulary partially, vocabulary wholly, new-word cap, macro-F1) with the best
    macro-F1 of ``capped_labels``, the lexical thresholds fixed."""
    truth = truth_levels(cases)
    best = (0.0, 0.0, 0, -1.0)
    for i, t1 in enumerate(grid):
        for t2 in grid[i + 1:]:
            for cap in caps:
                f = macro_f1_levels(truth, capped_labels(cases, lexical, (t1, t2), cap))
                if f > best[3]:
                    best = (float(t1), float(t2), int(cap), f)
    return best
