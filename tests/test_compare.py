"""Passage alignment and reuse figures (generator.compare)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator import compare
from generator.align import prepare
from generator.compare import compare_all, compare_pair, compare_prepared, containment
from generator.compare_settings import AlignSettings
from generator.segment import article_from_text

CONTENT = Path(__file__).resolve().parents[1] / "content"
SETTINGS = AlignSettings()


def art(article_id: str, text: str):
    return article_from_text(article_id, text)


def load_seed(prefix: str):
    """A demo article; seed 000 is a WordPress post, read with a minimal local helper so
    these tests do not depend on the reader stage."""
    path = next(CONTENT.glob(f"{prefix}_*.txt"))
    raw = path.read_text(encoding="utf-8")
    if raw.lstrip().startswith("{"):
        from selectolax.lexbor import LexborHTMLParser

        html = json.loads(raw)["content"]["rendered"]
        raw = "\n\n".join(p.text().strip() for p in LexborHTMLParser(html).css("p"))
    return art(prefix, raw)


def aligned_text(article, result) -> list[str]:
    return [" ".join(article.words.norm[p.a_start : p.a_end]) for p in result.passages]


def is_aligned(article, result, phrase: str) -> bool:
    return any(phrase in text for text in aligned_text(article, result))


# --- the demo seeds -------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds():
    return load_seed("000"), load_seed("003")


def test_seed_003_copies_two_paragraphs_of_000(seeds):
    cnn, copy = seeds
    result = compare_pair(copy, cnn, SETTINGS)
    assert is_aligned(copy, result, "elevated to the highest level in history and alluded")
    assert is_aligned(copy, result, "wang told his counterpart that china supports holding an international peace conference")
    assert is_aligned(copy, result, "all peace plans are discussed fairly")


def test_seed_003_lavrov_remarks_are_not_aligned(seeds):
    cnn, copy = seeds
    result = compare_pair(copy, cnn, SETTINGS)
    start = copy.text.index("We would like to express")
    end = copy.text.index("he added.")
    for p in result.passages:
        assert copy.words.ends[p.a_end - 1] <= start or copy.words.starts[p.a_start] >= end


def test_spelling_change_is_an_edit(seeds):
    cnn, copy = seeds
    result = compare_pair(copy, cnn, SETTINGS)
    edits = [e for p in result.passages for e in p.edits]
    assert any(e.op == "replace" and e.article_text == "recognised" and e.source_text == "recognized" for e in edits)


# --- a hand-made article with known copied spans --------------------------------------

SOURCE = [
    "The harbour authority approved a plan on Monday to dredge the northern channel before the winter storms arrive.",
    "Engineers estimate that the work will cost about twelve million euros and take four months to finish.",
    "Fishing crews have complained for years that silt trapped their boats at low tide during the busy season.",
    "A spokeswoman for the authority said contractors would begin moving equipment to the quay next week.",
    "Environmental groups warned that dredging could disturb seagrass beds where juvenile cod spend their first summer.",
    "The mayor welcomed the decision and promised regular public updates on the progress of the project.",
    "Local shops expect more visitors once larger ferries can dock safely throughout the whole year again.",
    "The last major dredging of the channel took place almost thirty years ago under a different council.",
]
COPIED = SOURCE[:4]
EDITED = [  # one word replaced, one inserted, one dropped
    "Environmental groups cautioned that dredging could disturb seagrass beds where juvenile cod spend their first summer.",
    "The mayor warmly welcomed the decision and promised public updates on the progress of the project.",
]
NEW = [
    "Residents of the old town queued for hours outside the library to read the full planning documents themselves.",
    "Several of them asked whether the nearby beach would lose sand as currents shift after the channel deepens.",
]


def words(sentences: list[str]) -> int:
    return sum(len(art("w", s).words) for s in sentences)


def test_known_spans_reuse_within_005():
    source = art("src", " ".join(SOURCE))
    article = art("a", " ".join([COPIED[0], NEW[0], COPIED[1], COPIED[2], EDITED[0], NEW[1], COPIED[3], EDITED[1]]))
    truth = words(COPIED + EDITED) / len(article.words)
    result = compare_pair(article, source, SETTINGS)
    assert abs(result.reuse - truth) <= 0.05
    assert result.verbatim > result.edited > 0
    assert result.reuse == round(result.verbatim + result.edited + result.paraphrase, 4)
    assert not any(is_aligned(article, result, n) for n in ("queued for hours", "lose sand as currents"))


def test_each_article_word_aligned_once():
    source = art("src", " ".join(SOURCE + SOURCE[:2]))
    article = art("a", " ".join([SOURCE[0], SOURCE[0], NEW[0], SOURCE[1]]))
    result = compare_pair(article, source, SETTINGS)
    covered = [i for p in result.passages for i in range(p.a_start, p.a_end)]
    assert len(covered) == len(set(covered))
    assert result.reuse == pytest.approx(words([SOURCE[0], SOURCE[0], SOURCE[1]]) / len(article.words), abs=0.001)


# --- sentence-level rewrites ----------------------------------------------------------


def test_clause_lifted_into_longer_sentence():
    source = art("s", SOURCE[0] + " " + SOURCE[1])
    article = art(
        "a",
        "Critics were quick to point out that the harbour authority approved a plan on Monday "
        "to dredge the northern channel, although nobody asked the ferry operators first.",
    )
    result = compare_pair(article, source, SETTINGS)
    assert aligned_text(article, result) == ["the harbour authority approved a plan on monday to dredge the northern channel"]
    assert result.verbatim == round(13 / len(article.words), 4)


def test_two_sentences_merged_into_one():
    source = art("s", SOURCE[1] + " " + SOURCE[2])
    merged = SOURCE[1][:-1] + ", and fishing crews have complained for years that silt trapped their boats at low tide."
    result = compare_pair(art("a", merged), source, SETTINGS)
    assert result.reuse == 1.0
    assert len(result.passages) == 1 and result.passages[0].kind == "edited"


def test_one_sentence_split_in_two():
    source = art("s", "Environmental groups warned that dredging could disturb seagrass beds, which are where juvenile cod spend their first summer before they head out to sea.")
    split = "Environmental groups warned that dredging could disturb seagrass beds. Juvenile cod spend their first summer there before they head out to sea."
    article = art("a", split)
    result = compare_pair(article, source, SETTINGS)
    assert result.reuse >= 0.9
    assert result.verbatim >= 0.75


def test_common_phrases_are_not_aligned():
    source = art("s", "Russian President Vladimir Putin met farmers in Siberia, according to state media. "
                      "Trade with the United States fell sharply last year.")
    article = art("a", "Officials in Kyiv accused Russian President Vladimir Putin of stalling, according to state media, "
                       "while the United States announced new aid.")
    result = compare_pair(article, source, SETTINGS)
    assert result.passages == () and result.reuse == 0.0


def test_unrelated_articles_exit_early():
    result = compare_pair(art("a", NEW[0]), art("s", SOURCE[0]), SETTINGS)
    assert result.reuse == 0.0 and result.containment == 0.0 and result.passages == ()


# --- edge cases and contract ----------------------------------------------------------


def test_empty_articles():
    empty, full = art("e", ""), art("f", " ".join(SOURCE))
    for a, s in ((empty, full), (full, empty), (empty, art("e2", ""))):
        result = compare_pair(a, s, SETTINGS)
        assert (result.reuse, result.verbatim, result.edited, result.containment) == (0.0, 0.0, 0.0, 0.0)
    assert containment(empty, full) == 0.0


def test_deterministic_and_cache_independent(seeds):
    cnn, copy = seeds
    first = compare_pair(copy, cnn, SETTINGS)
    compare._CACHE.clear()
    assert compare_pair(copy, cnn, SETTINGS) == first
    fresh = compare_prepared(copy, cnn, prepare(copy, 3), prepare(cnn, 3), SETTINGS)
    assert fresh == first


def test_containment_definition():
    source = art("s", "one two three four five six seven")
    article = art("a", "one two three four five six nine ten")
    # shingles of A: 4; shared: "one..five", "two..six"
    assert containment(article, source) == 0.5
    assert compare_pair(article, source, SETTINGS).containment == 0.5


def test_shared_vocabulary_definition():
    source = art("s", "one two three four five six seven judge")
    article = art("a", "one two three four five and the jury nine")
    # distinct content words of A: one..five, jury, nine (7; "and", "the" are stopwords); 5 in S
    result = compare_pair(article, source, SETTINGS)
    assert (result.vocabulary, result.new_words) == (round(5 / 7, 4), 2)
    # a pair that shares no 5-word sequence stays all zero, whatever words it shares
    apart = art("b", "five four three two one jury nine")
    assert (compare_pair(apart, source, SETTINGS).vocabulary, compare_pair(apart, source, SETTINGS).new_words) == (0, 0)


def test_figures_rounded_to_four_decimals(seeds):
    cnn, copy = seeds
    result = compare_pair(copy, cnn, SETTINGS)
    for value in (result.reuse, result.verbatim, result.edited, result.containment):
        assert value == round(value, 4)
    assert 0 < result.reuse <= 1


def test_compare_all_matches_compare_pair(seeds):
    articles = [*seeds, art("n", " ".join(NEW)), art("s", " ".join(SOURCE)), art("e", "")]
    results = compare_all(articles, SETTINGS)
    expected = [compare_pair(a, s, SETTINGS) for a in articles for s in articles if a is not s]
    assert results == expected
    assert any(p.vocabulary for p in expected)  # counted by bit masks in compare_all, by sets here
    anchored_short = AlignSettings(min_anchor=3)  # pairs sharing a shingle but no passage are stored too
    assert compare_all(articles, anchored_short) == [compare_pair(a, s, anchored_short)
                                                     for a in articles for s in articles if a is not s]
