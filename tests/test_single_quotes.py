"""Curly single quotation marks (British style) and the apostrophes they must not be taken for."""

from __future__ import annotations

import pytest

from generator.quotes import extract_quotes
from generator.segment import article_from_text


def quotes(text: str) -> list[tuple[str, str | None, bool]]:
    """(words, speaker, speech) of each quotation extracted from a one-article text."""
    return [(q.text, q.speaker, q.speech) for q in extract_quotes(article_from_text("a", text))]


def test_single_marked_quote_with_its_speaker():
    assert quotes("‘We cannot wait any longer,’ said Ann Lee.") == [("We cannot wait any longer", "Ann Lee", True)]


def test_single_marked_quote_introduced_by_a_colon():
    assert quotes("Ann Lee said: ‘We cannot wait any longer.’") == [("We cannot wait any longer.", "Ann Lee", True)]


def test_double_marks_nested_in_single_marks():
    assert quotes("‘He said “no” to the deal,’ said Ann Lee.") == [("He said “no” to the deal", "Ann Lee", True)]


def test_single_marks_nested_in_double_marks_stay_inside():
    assert quotes("“He told me ‘never again’ and left,” said Ann Lee.") == \
        [("He told me ‘never again’ and left", "Ann Lee", True)]


def test_interrupted_single_marked_quote():
    text = "‘It is a long story,’ said Ann Lee, ‘and we are not done.’"
    assert [q[0] for q in quotes(text)] == ["It is a long story", "and we are not done."]
    assert quotes(text) == quotes(text.replace("‘", "“").replace("’", "”"))


def test_single_marked_quote_over_two_paragraphs():
    text = "Ann Lee spoke at length.\n\n‘The first part of it.\n\n‘And the second part,’ she said."
    assert quotes(text) == [("The first part of it.\n\n‘And the second part", "Ann Lee", True)]


@pytest.mark.parametrize("text", [
    "Don’t worry, it’s fine, said Ann Lee.",
    "The ’90s were the best years, said O’Brien.",
    "Rock ’n’ roll never dies, and rock ‘n’ roll is here to stay.",
    "The students’ union met the players’ agents on Monday.",
    "‘Tis the season, and the coach told ‘em so back in ‘92.",
])
def test_apostrophes_open_and_close_nothing(text):
    assert quotes(text) == []
    # ...nor pair with the marks of a real quotation after them in the paragraph.
    assert quotes(f"{text} ‘We cannot wait,’ said Ann Lee.") == [("We cannot wait", "Ann Lee", True)]


def test_apostrophes_inside_a_single_marked_quote():
    text = "‘I’m sure the players’ wages and the ’90s rock ’n’ roll will last,’ said Ann Lee."
    assert quotes(text) == [("I’m sure the players’ wages and the ’90s rock ’n’ roll will last", "Ann Lee", True)]


def test_a_possessive_closes_a_scare_quote_when_nothing_surer_follows():
    assert [q[0] for q in quotes("The coach praised the ‘players’ and the fans’ efforts.")] == ["players"]


def test_a_closer_followed_by_a_word_ends_before_the_next_quote_opens():
    text = "‘Black Lives Matter’ Sends a Message to Ann Lee - ‘We Are Not Done.’"
    assert [q for q, _s, _sp in quotes(text)] == ["Black Lives Matter", "We Are Not Done."]


@pytest.mark.parametrize("term", ["launch team", "disaster"])
def test_single_marked_term_classed_like_the_double_marked_one(term):
    single = quotes(f"Officials set up a ‘{term}’ in March.")
    double = quotes(f"Officials set up a “{term}” in March.")
    assert single == double and len(single) == 1 and not single[0][2]


def test_straight_single_marks_are_left_alone():
    assert quotes("'We cannot wait any longer,' said Ann Lee.") == []
