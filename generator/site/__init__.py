"""Site stage: turn the analysis into page contexts (view models) for the templates."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar

from ..labels import pair_label
from ..pairs import stored
from ..paths import PAIR_PAGES_PER_ARTICLE, article_page, pair_page, worthy_pairs
from ..report import pairs_csv_pieces, quotes_csv_chunks, report_data, report_json_pieces
from .article import article_view
from .common import SiteInfo, safe_url
from .datafiles import data_inputs
from .drift import drift_rows
from . import overview
from .pair import pair_view
from .pairs import lookup
from .quotes import STATUS_LABELS
from .stories import overview_context, quotes_context, story_contexts

if TYPE_CHECKING:
    from ..build import Analysis
    from ..config import Config


T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Page:
    """One file of the output: a template with its context, or text made in chunks."""

    path: str
    template: str | None = None
    context: dict[str, Any] | None = None
    make: Callable[..., dict[str, Any]] | None = None
    """Builds the context from ``inputs``, only when the page is rendered (not when the
    previous build's file is kept, see generator/rendered.py)."""
    inputs: tuple = ()
    """Everything ``make`` (or ``stream``) reads, pickling the same whenever the page is the
    same (no sets)."""
    stream: Callable[[], Iterable[str]] | None = None
    """Makes the file's text in chunks, written as they come (files too large to hold as one
    string: report.json, the CSVs)."""

    def full_context(self) -> dict[str, Any]:
        return self.context if self.make is None else self.make(*self.inputs)


def _absolute_root(base_url: str | None) -> dict[str, str]:
    """The 404 page is served at any depth: link it from the site's public address if known."""
    url = safe_url(base_url)
    return {"root": url.rstrip("/") + "/"} if url else {}


def _group(items: Iterable[T], key: Callable[[T], str]) -> dict[str, list[T]]:
    """Items by key, in their order: one pass instead of one scan per page."""
    groups: dict[str, list[T]] = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    return groups


def _linked(keys: Iterable[tuple[str, str]], worthy: set[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    """The pairs among ``keys`` that have a page: what one page's template asks of ``worthy``
    (a sorted tuple, so the context pickles the same in every build)."""
    return tuple(sorted(k for k in set(keys) if k in worthy))


def _article_context(common: dict[str, Any], article, own, sources, direct, quoted, numbers, drift,
                     linked: tuple[tuple[str, str], ...], unrelated: bool) -> dict[str, Any]:
    """An article page's context (see ``article_view`` for the arguments)."""
    view = article_view(article, own, sources, direct, quoted, numbers, drift)
    return {**common, "view": view, "worthy": linked, "unrelated": unrelated}


def _pair_context(common: dict[str, Any], pair, reverse, article, source, label, drift,
                  linked: tuple[tuple[str, str], ...]) -> dict[str, Any]:
    """A pair page's context (see ``pair_view`` for the arguments)."""
    return {**common, "view": pair_view(pair, reverse, article, source, label, drift), "worthy": linked}


def _own_numbers(context: dict[str, Any]) -> dict[str, Any]:
    """A story page's context with the site-wide numbers of its own articles only (all its
    templates look up): the whole map is its page key's, and would change it, and render the
    page again, whenever an article is added to any story."""
    numbers = {a.id: context["numbers"][a.id] for a in context["articles"]}
    return {**context, "numbers": numbers}


def _paged_pairs(analysis: Analysis) -> set[tuple[str, str]]:
    """The pairs that get a pair page. Up to ``MATRIX_MAX`` articles: each article's
    ``PAIR_PAGES_PER_ARTICLE`` largest sources. Past it, only what the pages link to: the
    ``TOP_SOURCES`` the front page lists per article and the direct sources (their "what
    changed" rows); every other pair is in report.json and pairs.csv (20,000 pair pages
    at N = 1,000 were most of a build)."""
    pairs = stored(analysis.pairs)
    if len(analysis.articles) <= overview.MATRIX_MAX:
        return worthy_pairs(pairs, PAIR_PAGES_PER_ARTICLE)
    numbers = {a.id: n for n, a in enumerate(analysis.articles)}
    return worthy_pairs(pairs, overview.TOP_SOURCES, numbers, ((s.article, s.source) for s in analysis.provenance.links))


def site_pages(analysis: Analysis, config: Config) -> list[Page]:
    info = SiteInfo(config.title, config.description, config.footer, analysis.semantic, len(analysis.stories) > 1)
    articles = analysis.articles
    by_id = {a.id: a for a in articles}
    number = {a.id: n for n, a in enumerate(articles, 1)}  # site-wide: publication order
    pair_of = lookup(analysis.pairs)
    worthy = _paged_pairs(analysis)
    links = analysis.provenance.links
    data = report_data(analysis, worthy)
    files = data_inputs(data)
    by_article = _group(stored(analysis.pairs), lambda p: p.article)
    links_of = _group(links, lambda link: link.article)
    # An article page shows each quote's id, text and speaker, not the other articles'
    # occurrences: left out, the page's inputs stay the same when an article is added.
    quoted = _group(((replace(c, found=(), articles=()), o) for c in analysis.quotes for o in c.found
                     if o.status != "absent"), lambda co: co[1].article)
    common = {"site": info, "statuses": STATUS_LABELS}
    stories, story_pages = story_contexts(analysis, worthy)
    pages = [
        Page("index.html", "index.html", {**common, **overview_context(analysis, worthy),
                                          "stories": stories, "story": None}),
        Page("quotes.html", "quotes.html", {**common, **quotes_context(analysis)}),
        Page("404.html", "404.html", {**common, **_absolute_root(config.base_url)}),
        Page("report.json", stream=partial(report_json_pieces, data), inputs=files),
        Page("pairs.csv", stream=partial(pairs_csv_pieces, data), inputs=files),
        Page("quotes.csv", stream=partial(quotes_csv_chunks, data), inputs=files),
    ]
    pages += [Page(path, template, {**common, **_own_numbers(context)}) for path, template, context in story_pages]
    for article in articles:
        own = [p for p in by_article.get(article.id, ()) if p.reuse > 0]
        pages.append(Page(article_page(article.id), "article.html", make=_article_context, inputs=(
            common, article, own, {p.source: by_id[p.source] for p in own},
            {s.source: s.credited for s in links_of.get(article.id, ())}, quoted.get(article.id, []),
            {i: number[i] for i in (article.id, *(p.source for p in own))},
            drift_rows(analysis.drift, article.id, by_id, worthy),
            # Whether, not how many, other articles share nothing: a count would change every
            # article page (and re-render it) whenever one article is added.
            _linked(((article.id, p.source) for p in own), worthy), len(own) < len(articles) - 1)))
    for key in sorted(worthy, key=lambda k: (by_id[k[0]].order, by_id[k[1]].order)):
        pair = pair_of(*key)
        pages.append(Page(pair_page(*key), "pair.html", make=_pair_context, inputs=(
            common, pair, pair_of(*key[::-1]), by_id[key[0]], by_id[key[1]],
            pair_label(pair) if number[key[1]] < number[key[0]] else None,
            drift_rows(analysis.drift, key[0], by_id, worthy, key[1]), _linked([key[::-1]], worthy))))
    if config.base_url:
        pages.append(Page("sitemap.xml", "sitemap.xml", {"base_url": config.base_url.rstrip("/") + "/",
                                                         "paths": [p.path for p in pages if p.path.endswith(".html")
                                                                   and p.path != "404.html"]}))
    return pages
