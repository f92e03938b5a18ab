"""Drift on the pages: "what changed" lists, highlights, matrix counts, key findings.

Views of ``generator.drift.DriftFinding``; sentences are cut into ``Part``s so that
article names become links in the template and all text stays escaped.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..drift import RANK, DriftFinding
from ..marks import Mark
from ..model import Article
from ..paths import pair_page
from .finding_parts import Namer, Part

KEY_FINDINGS = 3
"""At most this many drift findings (high or medium severity) on the front page."""


@dataclass(frozen=True, slots=True)
class DriftRow:
    """One finding as a line of a "what changed" list."""

    finding: DriftFinding
    source: Article
    what: str
    """What changed, in a sentence (plain text; the template escapes it)."""
    page: str | None
    """The pair page that shows both wordings, if the pair has one."""


@dataclass(frozen=True, slots=True)
class DriftKeyFinding:
    """A front-page finding, shaped like ``site.finding_parts.Finding`` for the same template."""

    parts: tuple[Part, ...]
    kind: str = "drift"
    lead: str = "Facts changed"


def describe(f: DriftFinding) -> str:
    """What the article changed, relative to its source, in a few words."""
    said, has = f"“{f.article_text}”", f"“{f.source_text}”"
    if f.kind == "title":
        return f"calls {f.subject} {said}; the source says {has}"
    if f.kind == "person":
        return f"names {f.article_text} where the source has {f.source_text}"
    if f.kind == "attribution":
        return f"gives a quote to {f.article_text}; its origin gives it to {f.source_text}"
    if f.kind == "added":
        return f"adds {said} ({f.subject}), which the source does not state"
    return f"has {said} where the source has {has} ({f.kind} changed)"


def drift_rows(findings: tuple[DriftFinding, ...], article_id: str, by_id: dict[str, Article],
               worthy: set[tuple[str, str]], source_id: str | None = None) -> tuple[DriftRow, ...]:
    """The findings of one article (against one source, if given)."""
    return tuple(
        DriftRow(f, by_id[f.source], describe(f),
                 pair_page(f.article, f.source) if (f.article, f.source) in worthy else None)
        for f in findings
        if f.article == article_id and (source_id is None or f.source == source_id) and f.source in by_id)


def drift_marks(findings: tuple[DriftFinding, ...], doc_id: str, source_id: str | None = None,
                side: str = "a") -> list[Mark]:
    """Highlights of the changed wordings in one text (the article's side or the source's)."""
    marks = []
    for f in findings:
        if source_id is not None and f.source != source_id:
            continue
        if side == "a" and f.article == doc_id:
            marks.append(Mark(f.a_start, f.a_end, "drift", ref=f.kind, label=f"changed fact ({f.kind}): {describe(f)}"))
        elif side == "s" and f.source == doc_id and f.s_start is not None and f.s_end is not None:
            marks.append(Mark(f.s_start, f.s_end, "drift", ref=f.kind, label=f"fact changed in the article ({f.kind})"))
    return marks


def drift_counts(findings: tuple[DriftFinding, ...]) -> dict[tuple[str, str], int]:
    """Number of findings per (article, source) pair, for the matrix."""
    return dict(Counter((f.article, f.source) for f in findings))


def drift_key_findings(findings: tuple[DriftFinding, ...], articles: tuple[Article, ...],
                       numbers: dict[str, int] | None = None) -> list[DriftKeyFinding]:
    """The most serious findings, as front-page sentences (articles named with ``numbers``,
    their site-wide numbers, else their place in ``articles``)."""
    by_id = {a.id: a for a in articles}
    namer = Namer(articles, numbers)
    serious = sorted((f for f in findings if f.severity != "low" and f.article in by_id and f.source in by_id),
                     key=lambda f: (RANK[f.severity], namer.number[f.article], f.a_start))
    return [DriftKeyFinding((*namer.ref(by_id[f.article], outlet=False),
                             Part(f" {describe(f)} (source: "),
                             *namer.ref(by_id[f.source], outlet=False),
                             Part(").")))
            for f in serious[:KEY_FINDINGS]]
