"""Derivation labels: thresholds on reuse, and their place in report.json."""

from generator.labels import (INDEPENDENT, PARAPHRASE_MIN_SHARE, PARAPHRASE_PARTIALLY_MIN_REUSE,
                              PARAPHRASE_WHOLLY_MIN_REUSE,
                              PARTIALLY, PARTIALLY_MIN_REUSE, PARTIALLY_MIN_VOCABULARY, WHOLLY,
                              WHOLLY_MAX_NEW_WORDS, WHOLLY_MIN_REUSE, WHOLLY_MIN_VOCABULARY, derivation_label,
                              pair_label)
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
    position = {a["id"]: k for k, a in enumerate(demo_report["articles"])}  # publication order
    for pair in demo_report["pairs"]:
        if position[pair["source"]] > position[pair["article"]]:  # a later source: no label
            assert pair["label"] is None
            continue
        assert pair["label"] == pair_label(PairResult(
            pair["article"], pair["source"], pair["reuse"], pair["verbatim"], pair["edited"],
            pair["paraphrase"], pair["containment"], vocabulary=pair["vocabulary"], new_words=pair["new_words"]))


def test_lexical_reuse_labels_a_pair_and_only_strong_paraphrase_raises_the_label():
    def pair(verbatim, edited, paraphrase):
        return PairResult("a", "b", round(verbatim + edited + paraphrase, 4), verbatim, edited, paraphrase, 0.3)

    assert pair_label(pair(0.30, 0.10, 0.0)) == PARTIALLY
    assert pair_label(pair(0.30, 0.10, 0.05)) == PARTIALLY            # some paraphrase: unchanged
    assert pair_label(pair(0.30, 0.10, PARAPHRASE_WHOLLY_MIN_REUSE - 0.40)) == WHOLLY
    assert pair_label(pair(0.03, 0.02, 0.20)) == INDEPENDENT          # 25% paraphrase: not evidence enough
    assert pair_label(pair(0.03, 0.02, PARAPHRASE_PARTIALLY_MIN_REUSE - 0.05)) == PARTIALLY
    assert pair_label(pair(0.05, 0.03, 0.79)) == WHOLLY                # a rewrite keeping hardly a word
    assert pair_label(pair(WHOLLY_MIN_REUSE, 0.0, 0.0)) == WHOLLY
    assert PARTIALLY_MIN_REUSE < PARAPHRASE_PARTIALLY_MIN_REUSE < PARAPHRASE_WHOLLY_MIN_REUSE
    assert WHOLLY_MIN_REUSE < PARAPHRASE_WHOLLY_MIN_REUSE


def test_shared_vocabulary_raises_the_label_and_never_lowers_it():
    def pair(lexical, vocabulary):
        return PairResult("a", "b", lexical, lexical, 0.0, 0.0, 0.1, vocabulary=vocabulary)

    assert PARTIALLY_MIN_VOCABULARY < WHOLLY_MIN_VOCABULARY
    assert pair_label(pair(0.0, PARTIALLY_MIN_VOCABULARY - 0.01)) == INDEPENDENT
    assert pair_label(pair(0.0, PARTIALLY_MIN_VOCABULARY)) == PARTIALLY    # a brief rewritten from the facts
    assert pair_label(pair(0.0, WHOLLY_MIN_VOCABULARY)) == WHOLLY
    assert pair_label(pair(PARTIALLY_MIN_REUSE + 0.1, 0.3)) == PARTIALLY                          # copied passages, other material
    assert pair_label(pair(WHOLLY_MIN_REUSE, 0.5)) == WHOLLY
    assert pair_label(pair(0.2, WHOLLY_MIN_VOCABULARY)) == WHOLLY


def test_an_article_adding_many_words_of_its_own_is_at_most_partially_derived():
    def pair(lexical, vocabulary, new_words, paraphrase=0.0):
        return PairResult("a", "b", lexical + paraphrase, lexical, 0.0, paraphrase, 0.3, vocabulary=vocabulary,
                          new_words=new_words)

    assert pair_label(pair(0.9, 0.95, WHOLLY_MAX_NEW_WORDS)) == WHOLLY
    assert pair_label(pair(0.9, 0.95, WHOLLY_MAX_NEW_WORDS + 1)) == PARTIALLY   # copied, plus its own story
    assert pair_label(pair(0.1, WHOLLY_MIN_VOCABULARY, 3)) == WHOLLY              # a brief rewritten from the facts
    assert pair_label(pair(0.1, WHOLLY_MIN_VOCABULARY, 40)) == PARTIALLY
    assert pair_label(pair(0.0, 0.2, 80)) == INDEPENDENT
    # a rewrite swapping words for synonyms: strong paraphrase is not capped
    assert pair_label(pair(0.05, 0.55, 76, PARAPHRASE_WHOLLY_MIN_REUSE)) == WHOLLY
    # a little paraphrase beside copied text leaves the label to the other figures
    assert pair_label(pair(0.6, 0.95, 30, PARAPHRASE_MIN_SHARE - 0.01)) == PARTIALLY
    assert pair_label(pair(0.5, 0.95, 30, PARAPHRASE_MIN_SHARE)) == WHOLLY


def test_the_demo_rewrites_are_wholly_derived_when_paraphrase_detection_is_on(demo_report):
    if not demo_report["semantic"]:
        return  # without the [semantic] extra the rewrites keep too few words to be told apart
    labels = {(p["article"][:3], p["source"][:3]): p["label"] for p in demo_report["pairs"]}
    assert labels[("001", "000")] == WHOLLY
    assert labels[("002", "000")] == WHOLLY


def test_pages_state_the_thresholds_the_labels_use(demo_site):
    """The matrix help and pair pages print the rule's own numbers, so they cannot drift from it."""
    index = (demo_site / "index.html").read_text(encoding="utf-8")
    pair = next(p for p in sorted((demo_site / "pairs").glob("*.html"))
                if "The label:" in p.read_text(encoding="utf-8")).read_text(encoding="utf-8")
    for page in (index, pair):
        assert f"{round(WHOLLY_MIN_REUSE * 100)}% of the words" in page
        assert f"{round(PARTIALLY_MIN_VOCABULARY * 100)}% of the content words" in page
        assert f"at most {WHOLLY_MAX_NEW_WORDS} " in page
