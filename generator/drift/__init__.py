"""Drift stage: what a rewrite changed in the facts it took from its direct sources.

    find_drift(articles, pairs, clusters, provenance) -> tuple[DriftFinding, ...]

Kinds: 'number', 'date' (dates and relative time), 'title', 'person' (one person put in
another's place), 'added' (a fact the source never states) and 'attribution' (a quote
given to another speaker than its origin's).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from ..cache import Cache
from ..model import Article, PairResult, QuoteCluster
from ..pairs import stored
from ..provenance import Provenance
from .compare import Change, compare_passage, compatible, side
from .facts import Fact, People, facts, same_person
from .memo import LinkMemo

SEVERITY = {"title": "high", "person": "high", "attribution": "high", "number": "medium",
            "date": "medium", "added": "low"}
RANK = {"high": 0, "medium": 1, "low": 2}
ATTRIBUTED = ("verbatim", "altered", "partial")


@dataclass(frozen=True, slots=True)
class DriftFinding:
    """One fact of a source that a rewrite changed, or a fact the rewrite added."""

    article: str
    source: str
    kind: str
    """'number', 'date', 'title', 'person', 'added' or 'attribution'."""
    source_text: str | None
    """The source's wording (None for an added fact)."""
    article_text: str
    a_start: int
    a_end: int
    """Character range of the article's wording in ``Article.text``."""
    s_start: int | None
    s_end: int | None
    """Character range of the source's wording in the source's text."""
    passage: int | None
    """Index of the passage pair in ``PairResult.passages`` (None for attribution)."""
    severity: str
    """'high', 'medium' or 'low'."""
    subject: str | None = None
    """The person a title, swap or attribution concerns; the kind of an added fact."""


def find_drift(articles, pairs, clusters, provenance: Provenance,
               cache: Cache | None = None) -> tuple[DriftFinding, ...]:
    """Findings for each article against each of its direct sources, most serious first
    within each article (articles in publication order). With a ``cache``, the findings of
    a link whose article, source and pair are unchanged are those of the last build."""
    by_id = {a.id: a for a in articles}
    by_pair = {(p.article, p.source): p for p in stored(pairs)}  # links hold text: never all zero
    people = _Lazy(lambda aid: People(by_id[aid].text))
    all_facts = _Lazy(lambda aid: analysed_facts(by_id[aid], people[aid]))
    memo = LinkMemo(cache)
    found: list[DriftFinding] = []
    first: set[str] = set()
    for link in provenance.links:
        pair = by_pair.get((link.article, link.source))
        if pair is None or link.source not in by_id:
            continue
        article, source = by_id[link.article], by_id[link.source]
        main = link.article not in first  # links come best source first
        first.add(link.article)
        found += memo.findings(article, source, pair,
                               lambda: link_drift(article, source, pair, people, all_facts, main),  # noqa: B023
                               variant=main)
    memo.save()
    found = [f for f in found if not _supported_elsewhere(f, provenance, all_facts)]
    attributions = attribution_drift(clusters, by_id)
    found = [f for f in found if not _told_twice(f, attributions)] + attributions
    order = {a.id: i for i, a in enumerate(articles)}
    found = sorted(set(found), key=lambda f: (order.get(f.article, 0), RANK[f.severity], f.a_start, f.kind,
                                              order.get(f.source, 0)))
    return tuple(found)


class _Lazy(dict):
    """A value per key, made on first use (an article's names and facts: only the links the
    memo lacks need them)."""

    def __init__(self, make):
        super().__init__()
        self.make = make

    def __missing__(self, key):
        value = self[key] = self.make(key)
        return value


def link_drift(article: Article, source: Article, pair: PairResult, people: dict[str, People],
               all_facts: dict[str, tuple[Fact, ...]], main: bool = True) -> list[DriftFinding]:
    """The findings of one provenance link: in its aligned passages, then titles anywhere
    for the article's ``main`` (largest) source; a secondary source explains only its own
    passages, so its titles are compared there only."""
    in_passages = pair_drift(article, source, pair, people, all_facts[source.id])
    return in_passages + title_drift(article, source, pair, all_facts, in_passages, anywhere=main)


def _supported_elsewhere(finding: DriftFinding, provenance: Provenance,
                         all_facts: dict[str, tuple[Fact, ...]]) -> bool:
    """A title the article gives a person as another of its direct sources gives it: the
    article kept that source's wording, so it changed nothing (a story told with "Chinese
    leader" by its main source and "Chinese Premier" by a minor one). Only titles: that a
    source names a person says nothing of who it put where."""
    if finding.kind != "title":
        return False
    others = [k.source for k in provenance.sources_of(finding.article) if k.source != finding.source]
    if not others:
        return False
    said = next((f for f in all_facts[finding.article] if f.kind == "title" and f.start == finding.a_start), None)
    return said is not None and any(
        f.kind == "title" and same_person(f.key, said.key) and compatible(said.value, f.value)
        for other in others for f in all_facts[other])


def analysed_facts(article: Article, people: People) -> tuple[Fact, ...]:
    """Facts of the analysed sentences (text set aside as boilerplate left out)."""
    return tuple(f for s in article.sentences for f in facts(article.text, s.start, s.end, people))


def title_drift(article: Article, source: Article, pair: PairResult, all_facts: dict[str, tuple[Fact, ...]],
                reported: list[DriftFinding], anywhere: bool = True) -> list[DriftFinding]:
    """A title the article gives a person that no title its direct source gives them
    supports, wherever the two sentences are (a rewrite reworded beyond alignment), or
    (not ``anywhere``) only where the article's title lies in a passage aligned to it."""
    out, seen = [], {f.a_start for f in reported if f.kind == "title"}
    src_titles = [f for f in all_facts[source.id] if f.kind == "title"]
    for fa in (f for f in all_facts[article.id] if f.kind == "title" and f.start not in seen):
        theirs = [f for f in src_titles if same_person(f.key, fa.key)]
        if theirs and not any(compatible(fa.value, f.value) for f in theirs):
            word = bisect_right(article.words.ends, fa.start)
            index = next((i for i, p in enumerate(pair.passages) if p.a_start <= word < p.a_end), None)
            if index is None and not anywhere:
                continue
            out.append(_finding(article, source, Change("title", theirs[0], fa, subject=fa.key), index))
            seen.add(fa.start)
    return out


def pair_drift(article: Article, source: Article, pair: PairResult, people: dict[str, People],
               src_all: tuple[Fact, ...]) -> list[DriftFinding]:
    out = []
    for index, passage in enumerate(pair.passages):
        art = side(article, passage.a_start, passage.a_end, people[article.id])
        src = side(source, passage.s_start, passage.s_end, people[source.id])
        for change in compare_passage(passage, art, src, src_all):
            out.append(_finding(article, source, change, index))
    return out


def _finding(article: Article, source: Article, change: Change, index: int | None) -> DriftFinding:
    fa, fs = change.article, change.source
    return DriftFinding(
        article=article.id, source=source.id, kind=change.kind,
        source_text=source.text[fs.start:fs.end] if fs else None,
        article_text=article.text[fa.start:fa.end], a_start=fa.start, a_end=fa.end,
        s_start=fs.start if fs else None, s_end=fs.end if fs else None, passage=index,
        severity=SEVERITY[change.kind], subject=change.subject)


def _told_twice(finding: DriftFinding, attributions: list[DriftFinding]) -> bool:
    """A swapped speaker already reported as attribution drift of the same quote."""
    return finding.kind == "person" and any(
        a.article == finding.article and same_person(a.article_text, finding.article_text)
        and same_person(a.source_text, finding.source_text or "") for a in attributions)


def _speaker_name(speaker: str | None) -> bool:
    return bool(speaker) and bool(re.fullmatch(r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3}", speaker))


def attribution_drift(clusters: tuple[QuoteCluster, ...], by_id: dict[str, Article]) -> list[DriftFinding]:
    """A quote an article gives to another named speaker than its origin does."""
    out = []
    for cluster in clusters:
        origin = cluster.occurrence(cluster.origin)
        if not _speaker_name(origin.speaker or cluster.speaker):
            continue
        said_by = origin.speaker or cluster.speaker
        for occ in cluster.found:
            if occ.article == cluster.origin or occ.status not in ATTRIBUTED or not _speaker_name(occ.speaker):
                continue
            if same_person(occ.speaker, said_by) or occ.start is None:
                continue
            out.append(DriftFinding(
                article=occ.article, source=cluster.origin, kind="attribution", source_text=said_by,
                article_text=occ.speaker, a_start=occ.start, a_end=occ.end, s_start=origin.start,
                s_end=origin.end, passage=None, severity="high", subject=occ.text))
    return out
