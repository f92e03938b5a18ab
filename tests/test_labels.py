"""Derivation labels: thresholds on reuse, and their place in report.json."""

from generator.labels import (INDEPENDENT, PARTIALLY, PARTIALLY_MIN_REUSE, WHOLLY, WHOLLY_MIN_REUSE,
                              derivation_label, pair_label)
from generator.model import PairResult


def test_thresholds_are_inclusive_lower_bounds():
    assert 0 < PARTIALLY_MIN_REUSE < WHOLLY_MIN_REUSE < 1
    assert derivation_label(0.0) == INDEPENDENT
    assert derivation_label(PARTIALLY_MIN_REUSE - 0.001) == INDEPENDENT
    assert derivation_label(PARTIALLY_MIN_REUSE) == PARTIALLY
    assert derivation_label(WHOLLY_MIN_REUSE - 0.001) == PARTIALLY
    assert derivation_label(WHOLLY_MIN_REUSE) == WHOLLY
    assert derivation_label(1.0) == WHOLLY


def test_every_pair_of_the_report_has_its_label(demo_report):
    assert demo_report["pairs"]
    for pair in demo_report["pairs"]:
        assert pair["label"] == derivation_label(round(pair["verbatim"] + pair["edited"], 4))


def test_a_pair_is_labelled_by_its_lexical_reuse_and_paraphrase_does_not_count():
    lexical = PairResult("a", "b", reuse=0.40, verbatim=0.30, edited=0.10, paraphrase=0.0, containment=0.3)
    paraphrased = PairResult("a", "b", reuse=0.90, verbatim=0.30, edited=0.10, paraphrase=0.50, containment=0.3)
    assert pair_label(lexical) == pair_label(paraphrased) == PARTIALLY
    assert pair_label(PairResult("a", "b", 0.6, 0.6, 0.0, 0.0, 0.5)) == WHOLLY
