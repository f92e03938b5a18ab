"""Passages made from aligned word spans: their words classified by a word-level diff and
their edits recorded, and the edited passages of unaligned sentences rewritten from a
source sentence (generator/edited.py)."""

from __future__ import annotations

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from .compare_settings import AlignSettings
from .edited import edited_stretches
from .model import Article, EditOp, Passage


def make_passage(article: Article, source: Article, a0: int, a1: int, s0: int, s1: int, score: float) -> Passage:
    """Classify the passage's words with a word-level diff and record its edits."""
    ops = Levenshtein.opcodes(article.words.norm[a0:a1], source.words.norm[s0:s1])
    verbatim, edits = 0, []
    for op in ops:
        if op.tag == "equal":
            verbatim += op.src_end - op.src_start
            continue
        edits.append(
            EditOp(
                op=op.tag,
                article_text=_display(article, a0 + op.src_start, a0 + op.src_end),
                source_text=_display(source, s0 + op.dest_start, s0 + op.dest_end),
            )
        )
    return Passage(
        a_start=a0,
        a_end=a1,
        s_start=s0,
        s_end=s1,
        kind="edited" if edits else "verbatim",
        score=round(score, 4),
        verbatim_words=verbatim,
        edits=tuple(edits),
    )


def _display(article: Article, start: int, end: int) -> str:
    """The article's displayed text from word ``start`` to word ``end`` (exclusive)."""
    if end <= start:
        return ""
    return article.text[article.words.starts[start] : article.words.ends[end - 1]]


def edited_passages(article: Article, source: Article, passages: list[Passage],
                    settings: AlignSettings) -> list[Passage]:
    """Edited passages for the unaligned sentences rewritten from a source sentence."""
    if settings.sentence_share > 1:
        return []
    found = edited_stretches(article, source, [(p.a_start, p.a_end) for p in passages], settings.sentence_share,
                             settings.partial_share, settings.sentence_min_shared)
    norm_a, norm_s = article.words.norm, source.words.norm
    return [make_passage(article, source, e.a0, e.a1, e.s0, e.s1,
                         fuzz.ratio(" ".join(norm_a[e.a0:e.a1]), " ".join(norm_s[e.s0:e.s1]))) for e in found]
