"""The build: a flat list of named stages, from the content folder to the written site."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from . import clean as clean_stage
from .cache import Cache, cached, digest
from .compare import compare_all
from .compare_cache import fingerprint
from .compare_settings import split_settings
from .config import Config, load_config
from .drift import DriftFinding, find_drift
from .errors import BuildError, Problem
from .model import Article, Document, QuoteCluster
from .output_guard import output_folder, output_problems
from .pairs import PairTable
from .parallel import default_jobs
from .progress import Progress
from .provenance import Provenance, provenance
from .quotes import cluster_quotes, extract_quotes, resolve_speakers
from .read import read_content
from .render import write_site
from .segment import opening_words, segment
from .semantic import paraphraser
from .site import site_pages
from .stories import Story, stories


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything the site shows, computed from the articles."""

    articles: tuple[Article, ...]
    """In publication order."""
    pairs: PairTable
    """Iterates over every ordered pair (or, when pruned, the listed ones); ``pairs.stored``
    skips the all-zero pairs of a complete table."""
    quotes: tuple[QuoteCluster, ...]
    provenance: Provenance
    semantic: bool
    """Whether paraphrase detection ran."""
    drift: tuple[DriftFinding, ...] = ()
    """What rewrites changed in the facts they took (see generator/drift)."""
    stories: tuple[Story, ...] = ()
    """The corpus cut into stories by shared text and site.yml's pins (generator/stories.py)."""

    @property
    def pairs_complete(self) -> bool:
        """False when candidate pairs were pruned (a large set): unlisted pairs are unknown."""
        return self.pairs.complete


def load_site(site_dir: Path) -> tuple[Config, list[Article], list[Problem]]:
    """Read, clean and segment every article of the site; raise BuildError listing every
    problem if any input is wrong (warnings are returned)."""
    config, problems = load_config(site_dir)
    documents, read_problems = read_content(config)
    articles, clean_problems = prepare(documents, config)
    problems += read_problems + clean_problems
    if any(not p.warning for p in problems):
        raise BuildError(problems)
    return config, articles, problems


def build(site_dir: Path, output: Path | None = None, jobs: int | None = None,
          progress: Progress | None = None, scheduler: str | None = None) -> tuple[Analysis, list[Problem]]:
    """Build the site of ``site_dir`` into ``output``. Raises BuildError, before anything is
    written, if any input has an error. ``scheduler`` (a Dask address) overrides site.yml's."""
    progress = progress or Progress(enabled=False)
    config, articles, problems = load_site(site_dir)
    unsafe = output_problems(config, output)
    if unsafe:
        raise BuildError(problems + unsafe)
    config = replace(config, scheduler=scheduler or config.scheduler)
    analysis = analyse(articles, config, progress, jobs)
    write_site(site_pages(analysis, config), output_folder(config, output), config, progress,
               default_jobs(jobs or config.jobs))
    return analysis, problems


def prepare(documents: list[tuple[str, Document]], config: Config) -> tuple[list[Article], list[Problem]]:
    """Clean and segment every document; an article left with no words is an error."""
    articles, problems = [], []
    cache = Cache.for_site(config.site_dir)
    for order, (article_id, document) in enumerate(documents):
        try:
            article = replace(cached(cache, "articles", digest(article_id, document, config.clean),
                                     lambda: _clean_segment(article_id, document, config)), order=order)
        except Exception as exc:  # a bug or a pathological user rule: name the file, keep going
            problems.append(Problem(document.file, f"cleaning failed ({type(exc).__name__}: {exc}); "
                                                   "check the clean: rules in site.yml or report this file"))
            continue
        if not article.words:
            problems.append(Problem(document.file, "no article text left after cleaning"
                                    + (" (the file holds only boilerplate)" if document.text.strip() else "")))
            continue
        articles.append(_with_title(article))
    return articles, problems


def _clean_segment(article_id: str, document: Document, config: Config) -> Article:
    cleaned = clean_stage.clean(document, config.clean)
    return segment(article_id, document, cleaned.trimmed, cleaned.credits)


def _with_title(article: Article) -> Article:
    """An untitled article is named by the start of its first sentence."""
    if article.meta.title:
        return article
    return replace(article, meta=replace(article.meta, title=opening_words(article)))


def analyse(articles: list[Article], config: Config, progress: Progress, jobs: int | None) -> Analysis:
    """Compare, quotes, provenance: the analysis stages, in order."""
    settings, prune = split_settings(config.compare)
    cache = Cache.for_site(config.site_dir)
    jobs = default_jobs(jobs or config.jobs)
    with progress.stage("compare"):
        pairs = compare_all(articles, settings, jobs, cache, config.scheduler, prune)
    semantic = paraphraser(config, progress)
    if semantic:
        pairs = PairTable.from_results(pairs.ids, semantic.pairs(articles, pairs), pairs.complete)
    prov = provenance(articles, pairs)
    by_id = {a.id: a for a in articles}
    ordered = tuple(by_id[i] for i in prov.order)
    quotes = extract_all(ordered, cache, progress, config.scheduler)
    clusters = cluster_quotes(ordered, quotes, prov.order, cache, jobs, config.scheduler,
                              None if pairs.complete else pairs.neighbours())
    if semantic:
        clusters = semantic.quotes(ordered, clusters)
    drift = find_drift(ordered, pairs, clusters, prov, cache)
    meaning = semantic.article_vectors(ordered) if semantic else None
    story_list = stories(ordered, pairs, config.stories, config.content, meaning=meaning)
    # One name per person among each story's speakers (the whole set's without stories).
    clusters = resolve_speakers(clusters, [s.articles for s in story_list] or [prov.order])
    return Analysis(ordered, pairs, tuple(clusters), prov, drift=drift, semantic=semantic is not None,
                    stories=story_list)


def extract_all(articles: tuple[Article, ...], cache: Cache, progress: Progress,
                scheduler: str | None) -> dict[str, tuple]:
    """Quotes of every article, from the cache or extracted (on the Dask cluster if given)."""
    if not scheduler:
        return {a.id: cached(cache, "quotes", fingerprint(a), lambda: extract_quotes(a))
                for a in progress.iter(articles, "quotes")}
    from .distributed import map_items

    found = {a.id: cache.get("quotes", fingerprint(a)) for a in articles}
    missing = [a for a in articles if found[a.id] is None]
    with progress.stage("quotes"):
        for article, quotes in zip(missing, map_items(extract_quotes, missing, scheduler)):
            cache.put("quotes", fingerprint(article), quotes)
            found[article.id] = quotes
    return found
