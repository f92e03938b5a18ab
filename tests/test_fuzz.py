"""Property tests with a fixed budget (derandomized, so CI runs are reproducible): readers,
sentence splitter, tokenizer and quote extractor never crash on arbitrary text, every
offset lies inside the text and every quote's text is the slice it points at."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.errors import ContentError
from generator.model import Span
from generator.quotes import extract_quotes
from generator.readers import read_text
from generator.segment import article_from_text
from generator.text import join_paragraphs, normalise, sentence_spans, tokenize

FUZZ = settings(max_examples=200, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Text that looks like news: words, punctuation and every quotation mark, with line breaks,
# bidi and zero-width characters, plus anything else Unicode has.
PIECES = st.sampled_from([
    "The", "minister", "said", "Mr.", "Dr", "U.S.", "Lavrov", "Xi Jinping", "Jane Doe", ",", ".", "!", "?", "…",
    ":", ";", "\"", "'", "“", "”", "‘", "’", "«", "»", "„", "``", "''", "—", "-", "(", ")", "\n", "\n\n", " ",
    "\u202e", "\u200b", "\u00ad", "\ufeff", "\x00", "\r", "\t", "<p>", "</p>", "<script>", "{{", "}}", "---",
    "=HYPERLINK(", "said.", "told reporters", "according to", "he said", "she added", "1.5", "2024",
])
NEWSY = st.lists(st.one_of(PIECES, st.text(max_size=6)), max_size=60).map(" ".join)
PREFIXES = st.sampled_from(["", "---\n", "---\ntitle: x\n---\n", "{", "[", "{\"content\": {\"rendered\": ",
                            "<!doctype html><html><body>", "<html>", "---\ntitle: [\n---\n", "\ufeff",
                            "[{\"content\": {\"rendered\": \"<p>a</p>\"}}, 3]", "\x19"])


@FUZZ
@given(PREFIXES, NEWSY)
def test_readers_read_or_explain_any_text(prefix, body):
    try:
        docs = read_text("content/fuzz.txt", prefix + body)
    except ContentError as exc:
        assert exc.problem.file == "content/fuzz.txt" and exc.problem.message
        return
    for doc in docs:
        assert isinstance(doc.text, str)
        assert "\r" not in doc.text


@FUZZ
@given(st.text())
def test_normalise_is_idempotent_and_invisible_free(text):
    once = normalise(text)
    assert normalise(once) == once
    assert "\u202e" not in once and "\u200b" not in once


def _check_spans(spans, text, within: Span):
    previous_end = within.start
    for span in spans:
        assert within.start <= span.start < span.end <= within.end <= len(text)
        assert span.start >= previous_end  # ordered, not overlapping
        previous_end = span.end


@FUZZ
@given(st.one_of(NEWSY, st.text()), st.data())
def test_sentences_and_tokens_stay_inside_the_text_in_order(text, data):
    start = data.draw(st.integers(0, len(text)))
    span = Span(start, data.draw(st.integers(start, len(text))))
    _check_spans(sentence_spans(text, span), text, span)
    words = tokenize(text, [span])
    assert len(words.norm) == len(words.starts) == len(words.ends)
    _check_spans([Span(s, e) for s, e in zip(words.starts, words.ends)], text, span)
    for word, s, e in zip(words.norm, words.starts, words.ends):
        assert word == text[s:e].casefold()


@FUZZ
@given(st.lists(NEWSY, min_size=1, max_size=6))
def test_quote_extraction_never_crashes_and_quotes_are_slices(paragraphs):
    text = join_paragraphs(paragraphs)
    article = article_from_text("fuzz", text)
    _check_spans(article.sentences, article.text, Span(0, len(article.text)))
    for quote in extract_quotes(article):
        assert 0 <= quote.start <= quote.end <= len(article.text)
        assert quote.text == article.text[quote.start:quote.end]
