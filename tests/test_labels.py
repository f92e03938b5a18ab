"""Derivation labels: thresholds on reuse, and their place in report.json."""

from generator.labels import (INDEPENDENT, PARTIALLY, PARTIALLY_MIN_REUSE, WHOLLY, WHOLLY_MIN_REUSE,
                              derivation_label)


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
        assert pair["label"] == derivation_label(pair["reuse"])
