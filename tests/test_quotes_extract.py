"""Extraction and attribution, on the readable cases of tests/fixtures/quotes/extract.txt."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from generator.model import Trimmed
from generator.quotes import extract_quotes
from generator.segment import article_from_text

FIXTURE = Path(__file__).parent / "fixtures" / "quotes" / "extract.txt"


def load_cases(path: Path) -> list[tuple[str, str, list[tuple[str, str | None, set[str]]]]]:
    """(name, article text, expected quotes) of every case in a fixture file."""
    lines = [line for line in path.read_text(encoding="utf-8").split("\n") if not line.startswith("#")]
    cases = []
    for block in "\n".join(lines).split("=== ")[1:]:
        name, _, rest = block.partition("\n")
        text, _, expected = rest.partition("\n---\n")
        quotes = []
        for line in filter(None, (x.strip() for x in expected.split("\n"))):
            quoted, speaker, *flags = (part.strip() for part in line.split(" @ "))
            quotes.append((quoted.replace("\\n", "\n"), None if speaker == "-" else speaker, set(flags)))
        cases.append((name, text.strip(), quotes))
    return cases


CASES = load_cases(FIXTURE)


def flags(quote) -> set[str]:
    return {name for name, on in (("truncated", quote.truncated), ("not-speech", not quote.speech)) if on}


@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_fixture_case(name, text, expected):
    article = article_from_text("a", text)
    quotes = extract_quotes(article)
    got = [(q.text, q.speaker, flags(q)) for q in quotes]
    assert got == [(t, s, f) for t, s, f in expected]
    for q in quotes:
        assert article.text[q.start : q.end] == q.text
        assert q.text == q.text.strip()


def test_quotes_in_trimmed_text_are_ignored():
    article = article_from_text("a", "“Kept quote here,” said Tom Baker.\n\nRelated: “Trimmed quote,” said Tom Baker.")
    second = article.paragraphs[1]
    article = dataclasses.replace(article, trimmed=(Trimmed(second.start, second.end, "related"),))
    assert [q.text for q in extract_quotes(article)] == ["Kept quote here"]


def test_empty_and_unclosed_marks():
    article = article_from_text("a", "An empty pair “” and a 12\" ruler.")
    assert extract_quotes(article) == ()


DIRECT_CASES = [
    ("“We will win,” Smith said.", True),
    ("Smith said: “We will win.”", True),
    ("Asked about the vote, Smith said, “We will win.”", True),
    ("The ad says “nothing will change until we vote.”", True),
    ("“We will win” Smith said after the count.", True),
    ("Smith said the plan was “a disaster for everyone.”", False),
    ("He writes that Clinton has “built a nearly insurmountable lead.”", False),
    ("“A very large truck” plowed through the barriers on Tuesday.", False),
    # Run-on quote: direct only when its attribution follows at once.
    ("“The river rose fast” the mayor noted on Monday.", True),
    ("“The river rose fast” before the levee broke, the mayor said.", False),
    # ...and the pause may sit inside a closing single mark.
    ("“They want me to say ‘I agree, of course,’” Jane Roe, who opposed the plan, said.", True),
    # Lower-case opening after a comma: direct after an attribution, a fragment after narrative.
    ("In the old town, “the river rose faster than anyone expected.”", False),
    ("The mayor trusts him because, in her words, “he knows the river.”", True),
    ("As the mayor put it, “the river always wins.”", True),
    ("The mayor said at the hearing on Monday, “the river always wins.”", True),
    ("The mayor said that in a dry year, “the river always wins.”", False),
    # A headline credited to its writer is not an utterance.
    ("SPRING CLEANING—“Parks to reopen after the floods,” by Times' Jane Roe: more soon.", False),
    # A heading in capitals run into the quote's line starts the item, as a sentence would.
    ("BRIDGE TO REOPEN IN MAY “The repairs are ahead of schedule.” [Gazette.]", True),
    ("Officials at the FBI and the CIA called it “a joint effort.”", False),
    # An aside: a quote filling a parenthesis, or a lower-case one between dashes.
    ("Voters rank the candidates from 1 (“I will vote for her”) to 5 on the form.", False),
    ("A few cheered (“We will vote for her,” one wrote) at the end.", True),
    ("He praised the plan—“the best we have had in years”—and left.", False),
    ("He wrapped up — “I will fight for you!” — and the balloons fell.", True),
    # A lower-case quote after a dash carries on the narrator's sentence...
    ("He boasted of his club in Jupiter — “which is a phenomenal area.”", False),
    # ...unless its attribution follows at once, as after a comma ending narrative.
    ("If the hack is real — as many believe — “why not raise it?” asked Dunn, a strategist.", True),
    ("Yet, “it is hard to make a causal link,” added Zarate, a former adviser.", True),
    # An attribution is a subject and its verb, not a clause that goes on the sentence.
    ("Obama said “it gets me mad” every time he thinks about the shooting.", False),
    # A verb that names rather than reports does not introduce speech.
    ("Voters pay more for goods labeled “Made in the U.S.A.,” even if they cost more.", False),
    ("He attacked the accreditors, which he called “a cartel for higher education.”", False),
]


@pytest.mark.parametrize(("text", "direct"), DIRECT_CASES)
def test_direct_speech_or_a_fragment_of_the_sentence(text, direct):
    (quote,) = extract_quotes(article_from_text("a", text))
    assert quote.speech
    assert quote.direct is direct


def test_a_fragment_keeps_its_speaker():
    (quote,) = extract_quotes(article_from_text("a", "Smith said the plan was “a disaster for everyone.”"))
    assert (quote.direct, quote.speaker) == (False, "Smith")


def test_a_quote_resumed_after_its_attribution_is_direct():
    first, second = extract_quotes(article_from_text("a", "“The river rose fast,” the mayor said, “and the levee broke.”"))
    assert (first.direct, second.direct, second.speaker) == (True, True, first.speaker)


@pytest.mark.parametrize("text", [
    "She wrote in her memoir, “Quiet Waters.”",
    "A contestant on the network's reality TV show “Island Life” spoke first.",
    "The film, “12 Angry Jurors,” opens on Friday.",
])
def test_titles_after_a_work_noun_are_not_speech(text):
    (quote,) = extract_quotes(article_from_text("a", text))
    assert not quote.speech


@pytest.mark.parametrize(("text", "speaker"), [
    ("“Not again,” Maria Lopez exclaimed.", "Maria Lopez"),
    ("“Tuesday,” Tom Reed answered.", "Tom Reed"),
    ("“We made mistakes,” County Recorder Helen Purcell said.", "Helen Purcell"),
])
def test_less_common_verbs_and_titles_still_give_the_speaker(text, speaker):
    (quote,) = extract_quotes(article_from_text("a", text))
    assert (quote.speech, quote.speaker) == (True, speaker)


def test_the_attribution_of_a_quote_is_in_its_paragraph():
    text = "He has a path to the nomination, which he declared “a total disaster” for his party.\n\nHe noted that he won."
    (quote,) = extract_quotes(article_from_text("a", text))
    assert not quote.direct


@pytest.mark.parametrize("text", [
    # Straight marks nested in a straight-marked quote.
    'Trump tweeted, "Reporting that the killer shouted "Allah hu Akbar!" as he fired." Then he left.',
    # A quote nested in a quote that runs on into the next paragraph.
    'Dr. Ward stated:\n\n"The department isn’t about “Equal Justice Under Law” anymore. It is politics.'
    '\n\n"The latest example is the lawsuit."',
])
def test_a_quote_nested_in_a_quote_stays_in_it(text):
    (quote,) = extract_quotes(article_from_text("a", text))
    assert quote.text.startswith(("Reporting", "The department")) and quote.text.endswith(("fired.", "lawsuit."))
    assert not quote.truncated


def test_a_same_marked_quote_after_an_unclosed_one_is_its_own():
    text = ("She said “and then, ‘It is so nice to meet you.’ I was shocked. “And she said, ‘Do you understand,’” "
            "Roe said.\n\n“I left at once,” she said.")
    quotes = extract_quotes(article_from_text("a", text))
    assert [q.text[:8] for q in quotes] == ["and then", "And she ", "I left a"]


def test_a_title_in_the_attribution_does_not_break_a_speakers_run():
    text = "“We are not winning,” Clinton said on ABC’s “This Week” on Sunday. “It is too soon to say.”"
    first, title, second = extract_quotes(article_from_text("a", text))
    assert not title.speech and (first.speaker, second.speaker) == ("Clinton", "Clinton")


def test_a_name_ends_at_the_end_of_its_sentence():
    from generator.quotes.names import names_in

    text = "Trump spoke of Mitt Romney. Romney said: “He is not the one.”"
    (quote,) = extract_quotes(article_from_text("a", text))
    assert quote.speaker == "Mitt Romney"  # was "Mitt Romney. Romney"
    # Initials and abbreviated titles do not end a name.
    assert [n for _, n in names_in("Army Capt. Ann Roe met George H.W. Bush and Sen. Ted Cruz.")] == \
        ["Ann Roe", "George H.W. Bush", "Ted Cruz"]


@pytest.mark.parametrize("text, speaker", [
    ("Opposition councillor Mark Doyle voted against the plan, calling it “a concrete answer to a climate "
     "question”.", "Mark Doyle"),
    ("Owner Priya Nandakumar said the recipe was old. “My grandmother would be proud,” she said.", "Priya Nandakumar"),
    ("Labour MP Jane Smith said: “This is a scandal.”", "Jane Smith"),
    ("Fischer told Reuters the vote was historic, calling it “a new beginning for the city”.", "Fischer"),
])
def test_a_title_before_a_name_is_not_the_speaker(text, speaker):
    """A capitalised word and a title before the name ('Opposition councillor Mark Doyle') gave
    the speaker 'Opposition', and a false drift finding against articles that named Doyle."""
    assert [q.speaker for q in extract_quotes(article_from_text("a", text))] == [speaker]


@pytest.mark.parametrize("text, speaker", [
    ("“The light bends,” Ångström said.", "Ångström"),
    ("“J'accuse,” Émile Zola wrote.", "Émile Zola"),
    ("“We will not sign,” Сергей Лавров said.", "Сергей Лавров"),
])
def test_a_name_may_start_with_any_capital_letter(text, speaker):
    """Only A-Z started a name: 'Ångström' gave no speaker and 'Émile Zola' became 'Zola'."""
    assert [q.speaker for q in extract_quotes(article_from_text("a", text))] == [speaker]
