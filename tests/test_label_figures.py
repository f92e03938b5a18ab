"""The figure code of bench/label_figures.py on tiny inputs (the METER numbers are recorded
in bench/RESULTS.md section 7, never asserted)."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from label_figures import figures, quoted, share, verbatim_runs  # noqa: E402

from generator.compare import compare_pair  # noqa: E402
from generator.segment import article_from_text  # noqa: E402

NARRATION = ("The council approved the new harbour plan on Tuesday after a long debate about costs, "
             "jobs and the old fish market that stands on the quay.")
QUOTE = "We have waited twenty years for this harbour and the town deserves it"


def test_quoted_marks_the_words_inside_quotation_marks_only():
    article = article_from_text("a", f'The mayor said: "{QUOTE}." Then the meeting closed.')
    flags = quoted(article, speech_only=False)
    assert sum(flags) == len(QUOTE.split())
    assert not flags[0] and not flags[-1]


def test_narrator_share_leaves_a_shared_quote_out():
    source = article_from_text("s", f'{NARRATION} The mayor said: "{QUOTE}."')
    # Only the quote is taken from the source; the narration is the paper's own.
    paper = article_from_text("p", 'Shops on the seafront closed early as crowds gathered outside the town hall '
                                   f'to hear the vote. The mayor said: "{QUOTE}." Traders were divided.')
    result = compare_pair(paper, source)
    assert result.verbatim + result.edited > 0.3
    got = figures(paper, source, quoted(source, speech_only=False), result)
    assert got["narrator"] < got["lexical"] / 2  # only "The mayor said" is aligned outside the quote
    assert got["narrator_run_10"] < got["verbatim_run_10"]


def test_verbatim_runs_count_long_unchanged_blocks_only():
    source = article_from_text("s", NARRATION)
    copy = article_from_text("p", NARRATION)
    result = compare_pair(copy, source)
    words = len(copy.words)
    assert verbatim_runs(copy, source, result, words) == [(0, words)]
    assert verbatim_runs(copy, source, result, words + 1) == []


def test_share_counts_within_the_given_words():
    assert share([True, True, False, False], [True, False, True, True]) == pytest.approx(1 / 3)
    assert share([True], [False]) == 0.0
