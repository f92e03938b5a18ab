"""Semantic stage (optional): paraphrase detection with sentence embeddings.

    paraphraser(config, progress) -> Paraphraser | None   # None: detection is off
    Paraphraser.pairs(articles, pairs) -> pairs with paraphrase passages and shares
    Paraphraser.quotes(articles, clusters) -> clusters with QuoteOccurrence.paraphrase set
    Paraphraser.article_vectors(articles) -> article id -> unit vector (stories by meaning)

``site.yml`` ``semantic``: ``off`` never loads the model, ``auto`` uses it when the extra
``wiretrace[semantic]`` is installed, ``on`` is an error (exit 1) when it is not.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from ..config import CONFIG_FILE, Config
from ..errors import BuildError, Problem
from ..model import Article, PairResult, QuoteCluster
from ..progress import Progress
from .align import (
    DEFAULT,
    SemanticSettings,
    SourceTexts,
    candidates,
    choose,
    joins,
    plan,
    related,
    with_paraphrase,
)
from .articles import article_vectors
from .encoder import Embeddings, Encoder, LazyModel, installed
from .quotes import paraphrased_quotes

CACHE_DIR = ".wiretrace-cache"

__all__ = ["Paraphraser", "SemanticSettings", "paraphraser"]


def paraphraser(config: Config, progress: Progress, encoder: Encoder | None = None) -> Paraphraser | None:
    """The stage for this build, or None when paraphrase detection is off."""
    if config.semantic == "off":
        return None
    if encoder is None:
        if not installed():
            if config.semantic == "auto":
                return None
            raise BuildError([Problem(CONFIG_FILE, (
                "semantic: on, but paraphrase detection is not installed: run pip install "
                "'wiretrace[semantic]', or set semantic: auto or off in site.yml"))])
        encoder = LazyModel()
    return Paraphraser(Embeddings(encoder, config.site_dir / CACHE_DIR), progress)


class Paraphraser:
    """One build's paraphrase detection: the model and the embedding cache."""

    def __init__(self, embeddings: Embeddings, progress: Progress, settings: SemanticSettings = DEFAULT):
        self.embeddings = embeddings
        self.progress = progress
        self.settings = settings

    def pairs(self, articles: Sequence[Article], pairs: Sequence[PairResult]) -> list[PairResult]:
        """Every pair with the paraphrase passages found in what lexical alignment left."""
        by_id = {a.id: a for a in articles}
        sources = {a.id: SourceTexts(a) for a in articles}
        # Every sentence once, in one batch; a pair whose sentences are nowhere near each
        # other is left as it is (``related``, exact), the others are planned.
        self.embeddings.add([t for a in articles for t in sources[a.id].single])
        vectors = {a.id: self.embeddings.matrix(sources[a.id].single) for a in articles}
        plans, result = {}, list(pairs)
        for n, p in enumerate(pairs):
            a, s = vectors[p.article], vectors[p.source]
            if related(a, s, self.settings):
                plans[n] = plan(p, by_id[p.article], by_id[p.source], self.settings, (a @ s.T).max(axis=1))
        # Then, batched in a fixed order: the units' texts, and the joined texts (a merge
        # or a split) worth comparing.
        self.embeddings.add([t for pl in plans.values() for t in pl.texts_a])
        found = {n: joins(pl, sources[pl.pair.source], self.embeddings, self.settings) for n, pl in plans.items()}
        self.embeddings.add([t for n, pl in plans.items() for t in found[n].texts(pl, sources[pl.pair.source])])
        for n in self.progress.iter(list(plans), "paraphrase"):
            pl, src = plans[n], sources[plans[n].pair.source]
            chosen = choose(candidates(pl, src, self.embeddings, self.settings, found[n]))
            result[n] = with_paraphrase(pl, chosen, src, len(by_id[pl.pair.article].words))
        return result

    def quotes(self, articles: Sequence[Article], clusters: Sequence[QuoteCluster]) -> tuple[QuoteCluster, ...]:
        result = paraphrased_quotes(clusters, {a.id: a for a in articles}, self.embeddings)
        self.save()
        return result

    def article_vectors(self, articles: Sequence[Article]) -> dict[str, np.ndarray]:
        return article_vectors(articles, self.embeddings)

    def save(self) -> None:
        try:
            self.embeddings.save()
        except OSError as exc:  # a read-only site folder: the build goes on, uncached
            self.progress.log(f"warning: embedding cache not written: {exc}")


def cache_path(site_dir: Path) -> Path:
    return site_dir / CACHE_DIR
