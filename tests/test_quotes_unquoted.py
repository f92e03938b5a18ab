"""The ``unquoted`` status needs the quote's wording kept (design.md): the same words in
order, spelling aside, at most one in ten changed; reworded text is not ``unquoted``."""

from __future__ import annotations

from generator.model import Metadata
from generator.quotes import extract_quotes
from generator.quotes.match import QuoteWords
from generator.quotes.unquoted import Narrative, find_unquoted, kept_wording
from generator.segment import article_from_text


def _found(origin: str, text: str):
    source = article_from_text("a", origin, Metadata(), 0)
    (quote,) = extract_quotes(source)
    article = article_from_text("b", text, Metadata(), 1)
    return find_unquoted(QuoteWords.of(quote), Narrative.of(article, extract_quotes(article)))


def test_kept_wording_is_unquoted():
    found = _found('Wang said the peace must be "recognized by both Russia and Ukraine".',
                   "Beijing wants a settlement recognized by both Russia and Ukraine, officials say.")
    assert found is not None and found.text == "recognized by both Russia and Ukraine"


def test_a_spelling_variant_keeps_the_wording():
    found = _found('Wang said the peace must be "recognized by both Russia and Ukraine".',
                   "Beijing wants a settlement recognised by both Russia and Ukraine, officials say.")
    assert found is not None and found.text == "recognised by both Russia and Ukraine"


def test_reworded_text_is_not_unquoted():
    # "oppose" -> "opposition to": 85 on the character ratio, but the wording is not kept.
    assert _found('Both sides "oppose a Cold War mentality", Wang said.',
                  "He stressed their opposition to a Cold War mentality and bloc politics.") is None


def test_one_change_in_ten_words_keeps_the_wording():
    quote = tuple("we will keep working with all our partners on the new trade rules".split())
    one = tuple("we will keep working with all of our partners on the new trade rules".split())
    two = tuple("we will keep on working with all of our partners on the new trade rules".split())
    assert kept_wording(quote, one) == (0, len(one))
    assert kept_wording(quote, two) is None
    # Words of the stretch around the quote are outside it, not additions to it.
    assert kept_wording(quote[:5], ("said",) + quote[:5] + ("today",)) == (1, 6)
    assert kept_wording(quote[:5], quote[:2] + ("always",) + quote[2:5]) is None
