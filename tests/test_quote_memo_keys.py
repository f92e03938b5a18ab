"""The quote memo serves the next build when that build reads its articles from the cache:
an unpickled article shares its word strings unlike a fresh one, and must key the same."""

from __future__ import annotations

import pickle

from generator.cache import Cache
from generator.quotes import cluster_quotes, extract_quotes
from generator.quotes.memo import QuoteMemo, narrative_key
from generator.segment import article_from_text
from synth import generate


def _articles(n: int):
    return [article_from_text(a.id, a.text, order=k) for k, a in enumerate(generate(n, seed=3).articles)]


def test_narrative_key_is_the_same_for_a_cached_article():
    article = _articles(1)[0]
    quotes = extract_quotes(article)
    again = pickle.loads(pickle.dumps(article))
    assert narrative_key(again, extract_quotes(again)) == narrative_key(article, quotes)


def test_a_cold_builds_memo_serves_a_build_from_cached_articles(tmp_path, monkeypatch):
    computed = []
    save = QuoteMemo.save
    monkeypatch.setattr(QuoteMemo, "save", lambda self: computed.append(self.computed) or save(self))
    cache = Cache(tmp_path)
    fresh = _articles(12)
    order = [a.id for a in fresh]
    clusters = cluster_quotes(fresh, {a.id: extract_quotes(a) for a in fresh}, order, cache)
    cached = [pickle.loads(pickle.dumps(a)) for a in fresh]
    assert cluster_quotes(cached, {a.id: extract_quotes(a) for a in cached}, order, cache) == clusters
    assert computed[0] > 0 and computed[1] == 0
