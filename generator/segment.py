"""Segmentation stage: cleaned text → an ``Article`` with sentences and word tokens."""

from __future__ import annotations

import re
from bisect import bisect_left

from .model import Article, Document, Metadata, Span, Trimmed
from .text import join_paragraphs, paragraph_spans, sentences, tokenize


def analysed_spans(paragraphs: tuple[Span, ...], trimmed: tuple[Trimmed, ...]) -> list[Span]:
    """The parts of the paragraphs that cleaning kept (trimmed ranges cut out)."""
    result = []
    cuts = sorted((t.start, t.end) for t in trimmed)
    for para in paragraphs:
        pos = para.start
        for start, end in cuts:
            if end <= pos or start >= para.end:
                continue
            if start > pos:
                result.append(Span(pos, start))
            pos = max(pos, end)
        if pos < para.end:
            result.append(Span(pos, para.end))
    return [s for s in result if s.end > s.start]


def segment(
    article_id: str,
    document: Document,
    trimmed: tuple[Trimmed, ...] = (),
    credits: tuple[str, ...] = (),
    order: int = 0,
) -> Article:
    """Build the ``Article`` of a document whose ``trimmed`` ranges cleaning set aside."""
    text = document.text
    paragraphs = paragraph_spans(text)
    kept = analysed_spans(paragraphs, trimmed)
    return Article(
        id=article_id,
        file=document.file,
        format=document.format,
        meta=document.meta,
        text=text,
        paragraphs=paragraphs,
        trimmed=trimmed,
        credits=credits,
        sentences=sentences(text, kept),
        words=tokenize(text, kept),
        order=order,
    )


def sentence_words(article: Article) -> list[tuple[int, int]]:
    """Word range ``[start, end)`` of each sentence."""
    starts = article.words.starts
    return [(bisect_left(starts, s.start), bisect_left(starts, s.end)) for s in article.sentences]


def article_from_text(article_id: str, text: str, meta: Metadata | None = None, order: int = 0) -> Article:
    """An article straight from plain text, paragraphs separated by blank lines (for tests
    and tools that skip reading and cleaning)."""
    body = join_paragraphs(text.split("\n\n"))
    document = Document(file=f"{article_id}.txt", format="text", text=body, meta=meta or Metadata())
    return segment(article_id, document, order=order)


TITLE_WORDS = 12
"""An untitled article is named by this many words of its first sentence."""


def opening_words(article: Article) -> str:
    """The name of an untitled article: the start of its first sentence ("" without one)."""
    if not article.sentences:
        return ""
    first = article.sentences[0]
    words = article.text[first.start:first.end].split()
    title = " ".join(words[:TITLE_WORDS]) + ("…" if len(words) > TITLE_WORDS else "")
    return re.sub(r"[.,;:]$", "", title)
