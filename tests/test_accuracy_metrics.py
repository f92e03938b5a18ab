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


def test_polnear_gold_is_the_content_fragments_that_open_and_close_at_marks(tmp_path):
    from quotes_accuracy import core, gold

    text = 'Smith said: "We will win." Jones said the plan was "a disaster" for all.'
    ann = tmp_path / "x_0001.ann"
    ann.write_text(
        "T1\tSource 0 5\tSmith\nT2\tCue 6 10\tsaid\nT3\tContent 12 26\t\"We will win.\"\n"
        "T4\tSource 27 32\tJones\nT5\tContent 38 63\tthe plan was \"a disaster\"\n"
        "T6\tAttribution 6 10\tsaid\n# a note line\n"
        "E1\tAttribution:T6 Content:T3 Cue:T2 Source:T1\nE2\tAttribution:T6 Content:T5 Source:T4\n",
        encoding="utf-8")
    (start, end, source), = gold(text, ann)
    assert (text[slice(*core(text, start, end))], source) == ("We will win", "Smith")


def test_each_prediction_matches_one_gold_quote_and_overlap_needs_90_percent():
    from quotes_accuracy import _matches

    golds = [((0, 100), None), ((0, 100), None), ((200, 300), None)]
    assert _matches(golds, [(0, 100), (205, 300)]) == {0: 0, 2: 1}
    assert _matches([((0, 100), None)], [(0, 89)]) == {}


def test_aligned_words_count_paraphrase_as_aligned_but_never_as_verbatim():
    from accuracy import aligned_words

    from generator.model import Passage, PairResult
    from generator.segment import article_from_text

    paper = article_from_text("a", "one two three four five six")
    source = article_from_text("s", "one two three seven eight nine")
    truth = ["Verbatim", "Verbatim", "Verbatim", "Rewrite", "New", "New"]
    lexical = PairResult("a", "s", 0.5, 0.5, 0.0, 0.0, 0.5, (Passage(0, 3, 0, 3, "verbatim", 100.0, 3),))
    with_paraphrase = PairResult("a", "s", 0.83, 0.5, 0.0, 0.33, 0.5, lexical.passages + (
        Passage(3, 5, 3, 6, "paraphrase", 90.0, 0),))
    cases = [(paper, source, truth, lexical)]
    assert aligned_words(cases, [lexical])["recall"] == pytest.approx(3 / 4)
    result = aligned_words(cases, [with_paraphrase])
    assert (result["recall"], result["precision"]) == (1.0, pytest.approx(4 / 5))
    assert result["verbatim_p"] == 1.0


def test_polnear_gold_counts_a_numbered_second_content_role(tmp_path):
    from quotes_accuracy import core, gold

    text = '"We will win," Smith said. "We will not stop."'
    ann = tmp_path / "x_0001.ann"
    ann.write_text("T1\tContent 0 14\t\"We will win,\"\nT2\tSource 15 20\tSmith\nT3\tCue 21 25\tsaid\n"
                   "T4\tContent 27 46\t\"We will not stop.\"\nT5\tAttribution 21 25\tsaid\n"
                   "E1\tAttribution:T5 Cue:T3 Source:T2 Content:T1 Content2:T4\n", encoding="utf-8")
    quotes = [(text[slice(*core(text, s, e))], src) for s, e, src in gold(text, ann)]
    assert quotes == [("We will win", "Smith"), ("We will not stop", "Smith")]


def test_meter_label_fits_score_like_macro_f1_and_run_the_product_rule():
    from types import SimpleNamespace

    import numpy as np
    from meter_labels import (CLASSES, fit_second_figure, macro_f1_levels, rule_labels, truth_levels,
                              two_figure_labels)

    truth = ["independent", "partially derived", "wholly derived", "wholly derived", "independent"]
    pred = ["independent", "wholly derived", "wholly derived", "partially derived", "partially derived"]
    levels = lambda labels: np.array([CLASSES.index(x) for x in labels])  # noqa: E731
    assert macro_f1_levels(levels(truth), levels(pred)) == pytest.approx(macro_f1(truth, pred, CLASSES))
    # a brief with no aligned passage but the source's words: lexical reuse says independent
    cases = [SimpleNamespace(truth=t, lexical=lx, reuse=lx, containment=0.1, vocabulary=v, new_words=5)
             for t, lx, v in (("independent", 0.0, 0.2), ("wholly derived", 0.0, 0.95),
                              ("partially derived", 0.3, 0.5), ("wholly derived", 0.7, 0.9))]
    assert rule_labels(cases) == ["independent", "wholly derived", "partially derived", "wholly derived"]
    assert list(truth_levels(cases)) == [0, 2, 1, 2]
    t1, t2, f = fit_second_figure(cases, "lexical", (0.09, 0.51), "vocabulary", [0.3, 0.6, 0.9])
    assert (t1, t2, f) == (0.3, 0.6, 1.0)  # the first thresholds that label all four right
    assert two_figure_labels(cases, "lexical", (0.09, 0.51), "vocabulary", (t1, t2))[1] == "wholly derived"
