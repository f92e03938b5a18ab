"""Text in other languages and scripts: words, sentences and quotation marks."""

from __future__ import annotations

import json

import pytest

from generator.build import build
from generator.model import Span
from generator.quotes import extract_quotes
from generator.quotes.marks import scan
from generator.segment import article_from_text
from generator.readers import read_text
from generator.text import sentence_spans, tokenize, word_count
from support import make_site

ZH_WIRE = ("波特米尔市议会周一批准了一项耗资两亿欧元的防洪屏障计划。两周前，一场风暴潮淹没了旧港沿岸的三千多所房屋。"
           "\n\n市长菲舍尔对记者说：「我们不能要求人们重建生活，然后让他们暴露在下一场风暴中。」")
ZH_COPY = "据报道，波特米尔市议会周一批准了一项耗资两亿欧元的防洪屏障计划。\n\n另外，当地一家面包店赢得了全国面包大奖。"


def test_each_kana_and_ideograph_is_a_word_and_spaced_words_stay_whole():
    assert tokenize("市长说 Tokyo 東京タワー 2026年").norm == (
        "市", "长", "说", "tokyo", "東", "京", "タ", "ワ", "ー", "2026", "年")


def test_full_width_stops_end_sentences_without_a_space_after_them():
    text = "市长说：「我们会建造屏障。」他又说，不会停止！Hello there. Next one."
    assert [text[s.start:s.end] for s in sentence_spans(text, Span(0, len(text)))] == [
        "市长说：「我们会建造屏障。」", "他又说，不会停止！", "Hello there.", "Next one."]


@pytest.mark.parametrize("text, quotes", [
    ("市长说：「我们会建造屏障。」他又说「他『不会』停止」。", ["我们会建造屏障。", "他『不会』停止"]),
    ("Sie sagte: »Wir bauen die Mauer.« Er widersprach: »Das ist falsch.«",
     ["Wir bauen die Mauer.", "Das ist falsch."]),
    ("»Vi bygger muren,« sagde borgmesteren.", ["Vi bygger muren,"]),
    ("Home » News » World. Le maire a dit « oui, nous la construirons » hier.", [" oui, nous la construirons "]),
])
def test_quotation_marks_of_other_languages(text, quotes):
    assert [text[q.start:q.end] for q in scan(text, [Span(0, len(text))])] == quotes


def test_a_chinese_sentence_in_corner_brackets_is_speech():
    article = article_from_text("a", ZH_WIRE)
    assert [(q.text, q.speech) for q in extract_quotes(article)] == [
        ("我们不能要求人们重建生活，然后让他们暴露在下一场风暴中。", True)]


def test_a_chinese_sentence_copied_word_for_word_is_found(tmp_path):
    site = make_site(tmp_path / "site", {"wire.txt": "防洪屏障\n\n" + ZH_WIRE, "copy.txt": "屏障获批\n\n" + ZH_COPY})
    build(site, site / "public")
    report = json.loads((site / "public" / "report.json").read_text(encoding="utf-8"))
    pair = next(p for p in report["pairs"] if p["article"] == "copy" and p["source"] == "wire")
    # the copy's first sentence (33 of its 56 characters) is the wire's, character for character
    assert 0.5 < pair["verbatim"] < 0.75


def test_a_chinese_headline_on_the_first_line_is_the_title():
    doc = read_text("zh.txt", "防洪屏障获批\n\n" + ZH_COPY)[0]
    assert doc.meta.title == "防洪屏障获批" and doc.text.startswith("据报道")
    assert read_text("zh.txt", "防洪屏障获批。\n\n" + ZH_COPY)[0].meta.title is None  # a sentence


def test_word_count_takes_two_ideographs_for_a_word_and_spaced_words_whole():
    assert (word_count("防洪屏障获批"), word_count("U.S.-led talks"), word_count("東京タワー is tall")) == (3, 2, 5)
