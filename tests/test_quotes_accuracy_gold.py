"""How bench/quotes_accuracy.py reads PolNeAR's brat Content spans into gold direct quotes
(hand-written sentences; the corpus figures are recorded in bench/RESULTS.md, never asserted)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from quotes_accuracy import core, gold, spans  # noqa: E402


def _gold_texts(tmp_path, text: str, content: str) -> list[str]:
    ann = tmp_path / "x_0001.ann"
    ann.write_text(f"T1\tSource 0 3\tAnn\nT2\tContent {content}\tx\nT3\tAttribution 4 8\tsaid\n"
                   "E1\tAttribution:T3 Content:T2 Source:T1\n", encoding="utf-8")
    return [text[slice(*core(text, s, e))] for s, e, _src in gold(text, ann)]


def test_fragments_split_only_at_sentence_ends_are_one_span():
    text = 'Ann said "One. Two." She said, "Three."'
    # brat cut the first quote at its sentence end; the gap with words in it stays a gap
    assert spans("9 14;15 20;31 39", text) == [(9, 20), (31, 39)]


def test_a_quote_of_several_sentences_cut_by_the_annotation_tool_is_one_gold_quote(tmp_path):
    text = 'Ann said: "We came. We saw. We left." Then she went home.'
    assert _gold_texts(tmp_path, text, "10 19;20 27;28 37") == ["We came. We saw. We left"]


def test_quote_interrupted_by_its_attribution_stays_two_gold_quotes(tmp_path):
    text = '"We came," Ann said, "and we left."'
    assert _gold_texts(tmp_path, text, "0 9;21 35") == ["We came", "and we left"]


def test_a_content_leaving_out_its_marks_is_widened_to_them(tmp_path):
    text = 'Ann said: "We came and we left," and went home.'
    assert _gold_texts(tmp_path, text, "11 30") == ["We came and we left"]


def test_a_mark_closing_an_earlier_quote_does_not_widen_a_content(tmp_path):
    text = 'Ann said "Go." They shouted "Stop."'
    assert _gold_texts(tmp_path, text, "15 35") == []


def test_a_content_holding_several_quotations_is_one_gold_quote_each(tmp_path):
    text = 'Ann said: "We came." \n\n"We left." She added, "We will return."'
    # One Content over three quotations: two paragraphs, then one after its own lead-in.
    assert _gold_texts(tmp_path, text, f"10 {len(text)}") == ["We came", "We left", "We will return"]


def test_quotes_nested_in_a_content_and_paragraphs_of_one_quotation_stay_whole(tmp_path):
    text = 'Ann: "He said "never" twice." Bob: "One. \n\n"Two."'
    assert _gold_texts(tmp_path, text, "5 29") == ['He said "never" twice']
    assert _gold_texts(tmp_path, text, f"35 {len(text)}") == ['One. \n\n"Two']


def test_quoted_words_worked_into_reported_speech_stay_one_content(tmp_path):
    text = 'Ann admitted "one or two cases" where funds may have "slipped through."'
    assert _gold_texts(tmp_path, text, f"13 {len(text)}") == ['one or two cases" where funds may have "slipped through']
