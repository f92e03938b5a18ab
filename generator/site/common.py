"""Pieces every page context shares: the site's identity, links, labels and colours."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from ..marks import Mark, Run, runs
from ..model import Article, Span

# Okabe–Ito: a qualitative palette that stays distinct for the common colour-vision
# deficiencies; every use is paired with a number or a text label.
SOURCE_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999")


@dataclass(frozen=True, slots=True)
class SiteInfo:
    title: str
    description: str
    footer: str
    semantic: bool
    """Whether paraphrase detection ran (stated on every page that shows reuse)."""
    stories: bool = False
    """The articles fall into several stories: the front page lists them instead of a matrix."""


@dataclass(frozen=True, slots=True)
class ParagraphView:
    runs: tuple[Run, ...]
    trimmed: bool
    """The whole paragraph was set aside by cleaning."""
    trimmed_rule: str = ""


def safe_url(url: str | None) -> str | None:
    """Only http(s) addresses become links; anything else is shown as text."""
    if not url:
        return None
    return url if urlsplit(url.strip()).scheme.lower() in ("http", "https") else None


def host(url: str | None) -> str:
    return urlsplit(url).netloc.removeprefix("www.") if url else ""


def percent(value: float) -> str:
    """A share as a whole percentage, with '<1%' for small non-zero shares."""
    if value <= 0:
        return "0%"
    return "<1%" if value < 0.005 else f"{round(value * 100)}%"


def display_date(iso: str | None) -> str:
    return iso[:10] if iso else "undated"


def paragraphs(article: Article, marks: list[Mark]) -> tuple[ParagraphView, ...]:
    """The article's paragraphs cut into runs of equal highlighting."""
    result = []
    for para in article.paragraphs:
        whole = next((m for m in marks if m.kind == "trimmed" and m.start <= para.start and m.end >= para.end), None)
        result.append(ParagraphView(tuple(runs(article.text, para, marks)), whole is not None,
                                    whole.ref if whole else ""))
    return tuple(result)


def trimmed_marks(article: Article) -> list[Mark]:
    return [Mark(t.start, t.end, "trimmed", ref=t.rule, label=f"not analysed: {t.rule}") for t in article.trimmed]


def word_span(article: Article, first: int, last: int) -> Span:
    """Characters from the start of word ``first`` to the end of word ``last - 1``."""
    return Span(article.words.starts[first], article.words.ends[last - 1])
