"""The token-tagged METER courts articles, shared by the calibration and accuracy scripts."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from generator.model import Article, Passage
from generator.segment import article_from_text
from generator.text import WORD_RE

MISTAGGED = {"newspapers/rawtexts/courts/08.12.99/body/body311_sun.txt"}  # tags do not match text


def tagged_articles(root: Path) -> Iterator[tuple[int, dict, Article, list[str]]]:
    """(line number, row, article, tag of each word) of every tagged newspaper article whose
    tags line up with its words."""
    for k, line in enumerate(open(root / "derived/lexical_segments.jsonl", encoding="utf-8")):
        row = json.loads(line)
        if row["newspaper_file"] in MISTAGGED:
            continue
        text = "".join(seg["text"] for seg in row["segments"])
        tags = [""] * len(text)
        for seg in row["segments"]:
            tags[seg["start"]:seg["end"]] = [seg["type"]] * (seg["end"] - seg["start"])
        article = article_from_text(f"np{k}", text.replace("\n", " "))
        # article_from_text normalises spaces, so label its words by their order instead.
        labels = [tags[m.start()] for m in WORD_RE.finditer(text)]
        if len(labels) == len(article.words):
            yield k, row, article, labels


def unchanged_words(article: Article, source: Article, passage: Passage) -> Iterator[int]:
    """Article word indexes of a passage that the word-level diff keeps unchanged."""
    a = article.words.norm[passage.a_start:passage.a_end]
    s = source.words.norm[passage.s_start:passage.s_end]
    for op in Levenshtein.opcodes(a, s):
        if op.tag == "equal":
            yield from range(passage.a_start + op.src_start, passage.a_start + op.src_end)
