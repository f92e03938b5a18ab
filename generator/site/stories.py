"""Contexts of a mixed corpus: one overview and quote table per story under ``stories/<id>/``.

A story's pages are the site's own templates (index.html, quotes.html) given the analysis
scoped to the story's articles: the pairs among them, the quotes first published in the
story (with one occurrence per story article), their provenance links and drift. Article
and pair pages stay where they are (``articles/``, ``pairs/``), shared by every story;
templates link to them with ``link()``, which is relative to the page's depth.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from ..labels import pair_label
from ..model import QuoteCluster
from ..pairs import stored
from ..provenance import dated, same_day_guess
from ..segment import opening_words
from ..paths import pair_page
from ..stories import Story
from . import overview as overview_page
from .drift import drift_counts, drift_key_findings
from .finding_parts import Finding
from .overview import TOP_SOURCES, Link, findings, graph, matrix, top_sources
from .pairs import pairs_by_key, story_pairs
from .quotes import PARAPHRASED, quote_rows, speaker_names

if TYPE_CHECKING:
    from ..build import Analysis

KEY_FINDINGS = 3
"""Key findings of each story shown on the front page's list of stories."""


@dataclass(frozen=True, slots=True)
class StoryView:
    """A story in the front page's list, or the story a story page is about."""

    id: str
    page: str
    """Its overview, ``stories/<id>/index.html``."""
    title: str
    """The title of its first article."""
    size: int
    """Articles in it."""
    quotes: int
    """Quotations first published in it."""
    findings: tuple[Finding, ...]
    """Its first key findings."""
    pinned: bool
    """Named in site.yml."""


def site_numbers(analysis: Analysis) -> dict[str, int]:
    """Each article's number on every page of the site: its place in publication order."""
    return {a.id: n for n, a in enumerate(analysis.articles, 1)}


def overview_context(analysis: Analysis, worthy: set[tuple[str, str]],
                     numbers: dict[str, int] | None = None) -> dict[str, Any]:
    """What index.html shows of an analysis: findings, matrix, graph (pair pages: ``worthy``);
    articles numbered by ``numbers`` (a story's page: the site-wide ones)."""
    articles = analysis.articles
    numbers = numbers or site_numbers(analysis)
    pairs = pairs_by_key(analysis.pairs, len(articles) <= overview_page.MATRIX_MAX)
    edges = [Link(s.article, s.source, s.share, s.credited, s.reuse, pair_label(pairs[(s.article, s.source)]))
             for s in analysis.provenance.links]
    # Across several stories there is no one first article: each story's row names its own.
    found = findings(articles, pairs, edges, analysis.quotes, analysis.semantic, numbers,
                     origin=len(analysis.stories) < 2) \
        + drift_key_findings(analysis.drift, articles, numbers)
    return {
        "articles": articles,
        "numbers": numbers,
        # Notes about the build (paraphrase detection off) after every finding about the articles.
        "findings": [f for f in found if f.kind != "note"] + [f for f in found if f.kind == "note"],
        "drift_counts": drift_counts(analysis.drift),
        "matrix": matrix(articles, pairs, worthy),
        "top_sources": top_sources(articles, stored(analysis.pairs), worthy, numbers),
        "top_count": TOP_SOURCES,
        "graph": graph(articles, edges, {k: pair_page(*k) for k in worthy}, numbers),
        "quote_count": len(analysis.quotes),
        "undated": sum(1 for a in articles if not dated(a)),
        "same_day": same_day_guess(articles),
        # The file gave no title: the article is named by its opening words (its page says so too).
        # A tuple in article order, not a set: the page key pickles the context.
        "untitled": tuple(a.id for a in articles if a.meta.title == opening_words(a)),
    }


def quotes_context(analysis: Analysis, numbers: dict[str, int] | None = None) -> dict[str, Any]:
    """The quote table; past ``MATRIX_MAX`` articles each row lists only the articles that
    quote or use the quote (a column per article was 261 MB of HTML at N = 1,000)."""
    sparse = len(analysis.articles) > overview_page.MATRIX_MAX
    numbers = numbers or site_numbers(analysis)
    return {"articles": analysis.articles, "numbers": numbers, "paraphrased": PARAPHRASED,
            "rows": quote_rows(analysis.quotes, analysis.articles, sparse, numbers),
            "speakers": speaker_names(analysis.quotes), "sparse": sparse}


def scoped(analysis: Analysis, story: Story) -> Analysis:
    """The analysis of the story's articles only."""
    ids = set(story.articles)
    prov = analysis.provenance
    return replace(
        analysis,
        articles=tuple(a for a in analysis.articles if a.id in ids),
        pairs=story_pairs(analysis.pairs, ids),
        quotes=_scoped_quotes(analysis.quotes, ids),
        provenance=replace(prov, order=tuple(i for i in prov.order if i in ids),
                           links=tuple(k for k in prov.links if k.article in ids and k.source in ids)),
        drift=tuple(d for d in analysis.drift if d.article in ids and d.source in ids),
        stories=(story,),
    )


def _scoped_quotes(clusters: tuple[QuoteCluster, ...], ids: set[str]) -> tuple[QuoteCluster, ...]:
    """The clusters first published among ``ids``, with the occurrences of those articles only."""
    within: dict[int, tuple[str, ...]] = {}  # by id(): the clusters share one article tuple
    result = []
    for c in clusters:
        if c.origin in ids:
            if id(c.articles) not in within:
                within[id(c.articles)] = tuple(a for a in c.articles if a in ids)
            result.append(replace(c, found=tuple(o for o in c.found if o.article in ids),
                                  articles=within[id(c.articles)]))
    return tuple(result)


def story_page(story_id: str, name: str = "index.html") -> str:
    return f"stories/{story_id}/{name}"


def story_contexts(analysis: Analysis, worthy: set[tuple[str, str]]
                   ) -> tuple[tuple[StoryView, ...], list[tuple[str, str, dict[str, Any]]]]:
    """The front page's list of stories and, per story, (path, template, context) of its
    overview and quote table. Nothing when the corpus is one story."""
    if len(analysis.stories) < 2:
        return (), []
    views, pages = [], []
    numbers = site_numbers(analysis)
    for story in analysis.stories:
        part = scoped(analysis, story)
        overview = overview_context(part, worthy, numbers)
        about = tuple(f for f in overview["findings"] if f.kind != "note")  # the note is the site's, not the story's
        view = StoryView(story.id, story_page(story.id), part.articles[0].title, len(part.articles),
                         len(part.quotes), about[:KEY_FINDINGS], story.pinned)
        views.append(view)
        pages.append((story_page(story.id), "index.html", {**overview, "stories": (), "story": view}))
        pages.append((story_page(story.id, "quotes.html"), "quotes.html",
                      {**quotes_context(part, numbers), "story": view}))
    return tuple(views), pages
