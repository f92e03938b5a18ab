"""Edited sentences: rewritten sentences that share no 5-word run with their source
(generator.edited, through generator.compare)."""

from __future__ import annotations

from generator.compare import compare_all, compare_pair
from generator.compare_settings import AlignSettings
from generator.edited import edited_stretches
from generator.segment import article_from_text

SOURCE = (
    "The harbour authority approved a plan on Monday to dredge the northern channel before the winter storms arrive. "
    "Engineers estimate that the work will cost about twelve million euros and take four months to finish. "
    "Fishing crews have complained for years that silt trapped their boats at low tide during the busy season. "
    "A spokeswoman for the authority said contractors would begin moving equipment to the quay next week."
)
COPIED = "The harbour authority approved a plan on Monday to dredge the northern channel before the winter storms arrive."
REWRITTEN = "Finishing the work will take four months, engineers estimate, at a cost of some twelve million euros."
MERGED = ("Silt has trapped fishing boats at low tide for years, crews complain, and contractors will move "
          "equipment to the town quay next week, a spokeswoman said.")
NEW = "Residents of the old town queued for hours outside the library to read the full planning documents."
SAME_SUBJECT = ("The harbour authority has faced criticism from residents who think the channel plan ignores "
                "flooding in the old town.")
OFF = AlignSettings(sentence_share=2.0)


def art(article_id: str, text: str):
    return article_from_text(article_id, text)


def span_of(article, passage) -> str:
    return " ".join(article.words.norm[passage.a_start:passage.a_end])


def source_text(source, passage) -> str:
    return " ".join(source.words.norm[passage.s_start:passage.s_end])


def test_rewritten_sentence_is_an_edited_passage():
    source, article = art("s", SOURCE), art("a", f"{COPIED} {NEW} {REWRITTEN}")
    result = compare_pair(article, source)
    rewritten = [p for p in result.passages if "engineers" in span_of(article, p)]
    assert len(rewritten) == 1 and rewritten[0].kind == "edited"
    # cut to the first and last shared word ("finishing" is not in the source)
    assert span_of(article, rewritten[0]).startswith("work will take four months")
    assert source_text(source, rewritten[0]).startswith("engineers estimate")
    assert result.reuse > compare_pair(article, source, OFF).reuse
    assert result.reuse == round(result.verbatim + result.edited, 4)


def test_two_source_sentences_merged_into_one():
    source, article = art("s", SOURCE), art("a", f"{COPIED} {NEW} {MERGED}")
    merged = [p for p in compare_pair(article, source).passages if "silt" in span_of(article, p)]
    assert len(merged) == 1
    text = source_text(source, merged[0])
    assert text.startswith("fishing crews") and text.endswith("next week")


def test_sentence_on_the_same_subject_is_not_aligned():
    source, article = art("s", SOURCE), art("a", f"{COPIED} {NEW} {SAME_SUBJECT}")
    result = compare_pair(article, source)
    assert not any("criticism" in span_of(article, p) for p in result.passages)
    assert result == compare_pair(article, source, OFF)


def test_pair_sharing_no_five_words_gets_no_edited_sentence():
    # the pruning of compare_all drops such pairs unaligned: compare_pair must agree
    result = compare_pair(art("a", REWRITTEN), art("s", SOURCE))
    assert result.passages == () and result.reuse == 0.0


def test_rest_of_a_partly_aligned_sentence_needs_a_lower_share():
    source = art("s", SOURCE)
    # a passage reaches into the sentence; its rest shares 2 of its 5 content words with one
    # source sentence (work, cost)
    article = art("a", COPIED[:-1] + "; the work will cost a heavy price, critics say.")
    aligned = [(0, 18)]  # the copied words
    assert edited_stretches(article, source, aligned, 0.7, 0.3, 2) != []
    assert edited_stretches(article, source, aligned, 0.7, 0.5, 2) == []


def test_compare_all_matches_compare_pair_with_edited_sentences():
    articles = [art("s", SOURCE), art("a", f"{COPIED} {NEW} {REWRITTEN} {NEW} {MERGED}"), art("r", REWRITTEN),
                art("n", SAME_SUBJECT)]
    expected = [compare_pair(a, s) for a in articles for s in articles if a is not s]
    assert compare_all(articles) == expected
    assert any(p.kind == "edited" for r in expected for p in r.passages)


def test_a_reordered_passage_shows_both_wordings_instead_of_a_diff():
    from generator.site.pair import READABLE_DIFF, passage_view

    reordered = "Twelve million euros and four months: that is what engineers estimate the work will cost and take."
    source, article = art("s", SOURCE), art("a", f"{COPIED} {NEW} {reordered}")
    [passage] = [p for p in compare_pair(article, source).passages if "twelve" in span_of(article, p)]
    view = passage_view(1, passage, article, source)
    assert passage.kind == "edited" and passage.score < READABLE_DIFF and view.diff == ()
    assert view.article_text.startswith("Twelve million") and view.source_text.startswith("Engineers estimate")
    other = art("m", f"{COPIED} {NEW} {MERGED}")
    merged = next(p for p in compare_pair(other, source).passages if p.a_start > 30)
    assert merged.score >= READABLE_DIFF and passage_view(1, merged, other, source).diff  # lines up: a diff


def test_a_stretch_sharing_no_word_with_the_source_is_skipped():
    # with no least share or count, the unaligned rest below shares no word with the source:
    # there is nothing to cut it to (this raised IndexError)
    source = art("s", SOURCE)
    article = art("a", COPIED[:-1] + "; residents queued outside libraries yesterday.")
    assert edited_stretches(article, source, [(0, 18)], 0.7, 0.0, 0) == []
