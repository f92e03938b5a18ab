"""Units of an article that paraphrase detection encodes: the runs of words lexical
alignment left unaligned inside each sentence, and the text that stands for each run.

The text of a run is chosen from a fixed set per sentence: the whole sentence when the run
fills most of it, else the clauses (cut at , ; : dashes, brackets, quotation marks and
words such as "and", "which") lying at least half inside the run. So a text is the same
for every pair that leaves about the same words unaligned, and the embeddings of a build
grow with its sentences, not with its pairs (a run cut at its own edges was a new text for
nearly every pair). Only a run inside one long clause keeps its own edges.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np

from ..align import STOPWORDS
from ..model import Article
from ..segment import sentence_words

CLAUSE_BREAK = re.compile(r"[,;:()\[\]\u2013\u2014\"\u201c\u201d\u00ab\u00bb]|\s-\s")
"""Punctuation between two words that starts a new clause."""
CLAUSE_WORDS = frozenset({"and", "but", "or", "while", "whereas", "which", "who", "although", "though",
                          "because", "after", "before", "since", "when", "where"})
"""Words that start a new clause."""


@dataclass(frozen=True, slots=True)
class Unit:
    """A stretch of words ``[start, end)`` inside sentence ``sentence`` of an article, and
    the text encoded for it."""

    sentence: int
    start: int
    end: int
    text: str
    whole: bool = False
    """The text is the whole sentence."""


def words_text(article: Article, start: int, end: int) -> str:
    return article.text[article.words.starts[start]:article.words.ends[end - 1]]


def covered_mask(length: int, ranges: Sequence[tuple[int, int]]) -> np.ndarray:
    mask = np.zeros(length, dtype=bool)
    for start, end in ranges:
        mask[start:end] = True
    return mask


def clauses(article: Article, first: int, last: int) -> list[tuple[int, int]]:
    """Word ranges of the clauses of the sentence ``[first, last)``."""
    text, starts, ends = article.text, article.words.starts, article.words.ends
    norm = article.words.norm
    cuts = [i for i in range(first + 1, last)
            if norm[i] in CLAUSE_WORDS or CLAUSE_BREAK.search(text[ends[i - 1]:starts[i]])]
    bounds = [first, *cuts, last]
    return list(pairwise(bounds))


def run_text(article: Article, first: int, last: int, i: int, j: int) -> tuple[int, int]:
    """Word range of the text that stands for the run ``[i, j)`` of the sentence
    ``[first, last)``: the clauses at least half inside the run, else the run itself (a
    run inside one long clause, cut at its own edges: the rare pair-specific text)."""
    inside = [(a, b) for a, b in clauses(article, first, last) if 2 * (min(b, j) - max(a, i)) >= b - a]
    return (inside[0][0], inside[-1][1]) if inside else (i, j)


def units(article: Article, covered: np.ndarray, settings) -> list[Unit]:
    """Runs of unaligned words inside each sentence, long enough to mean something."""
    result = []
    norm = article.words.norm
    for k, (first, last) in enumerate(sentence_words(article)):
        runs = uncovered_runs(covered, first, last)
        whole = len(runs) == 1 and runs[0][1] - runs[0][0] >= settings.whole_sentence * (last - first)
        for i, j in runs:
            content = sum(1 for w in norm[i:j] if w not in STOPWORDS)
            if j - i >= settings.min_words and content >= settings.min_content:
                a, b = (first, last) if whole else run_text(article, first, last, i, j)
                result.append(Unit(k, i, j, words_text(article, a, b), whole or (a, b) == (first, last)))
    return result


def uncovered_runs(covered: np.ndarray, first: int, last: int) -> list[tuple[int, int]]:
    """Word ranges ``[i, j)`` of ``[first, last)`` that lexical alignment left uncovered."""
    runs, i = [], first
    while i < last:
        if covered[i]:
            i += 1
            continue
        j = i
        while j < last and not covered[j]:
            j += 1
        runs.append((i, j))
        i = j
    return runs
