"""Drift findings remembered by link content (generator/drift/memo.py): a rebuild reuses the
findings of every unchanged link, and a changed article recomputes exactly its links."""

from __future__ import annotations

from dataclasses import replace

import pytest

from generator import drift
from generator.build import load_site
from generator.cache import Cache
from generator.compare import compare_all
from generator.provenance import provenance
from generator.segment import article_from_text
from support import ROOT


@pytest.fixture(scope="module")
def demo():
    """The demo's articles (publication order), pair table and provenance."""
    _, articles, _ = load_site(ROOT)
    pairs = compare_all(articles)
    prov = provenance(articles, pairs)
    by_id = {a.id: a for a in articles}
    return [by_id[i] for i in prov.order], pairs, prov


def _counted(monkeypatch) -> list:
    """Replaces ``drift.link_drift`` by a wrapper recording each link it computes."""
    calls, real = [], drift.link_drift
    monkeypatch.setattr(drift, "link_drift", lambda a, s, *rest: calls.append((a.id, s.id)) or real(a, s, *rest))
    return calls


def test_a_rebuild_reuses_every_link(tmp_path, demo, monkeypatch):
    articles, pairs, prov = demo
    fresh = drift.find_drift(articles, pairs, (), prov)
    assert fresh  # the demo has drift: the memo has something to remember
    calls = _counted(monkeypatch)
    cache = Cache(tmp_path)
    assert drift.find_drift(articles, pairs, (), prov, cache) == fresh
    first = len(calls)
    assert first == sum(1 for link in prov.links if pairs.get(link.article, link.source))
    assert drift.find_drift(articles, pairs, (), prov, cache) == fresh
    assert len(calls) == first  # nothing computed again


def test_an_edited_article_recomputes_exactly_its_links(tmp_path, demo, monkeypatch):
    articles, pairs, prov = demo
    cache = Cache(tmp_path)
    drift.find_drift(articles, pairs, (), prov, cache)
    edited_id = next(link.source for link in prov.links)
    k = next(i for i, a in enumerate(articles) if a.id == edited_id)
    old = articles[k]
    new = article_from_text(old.id, old.text.replace(" the ", " a ", 2), order=old.order)
    new = replace(new, meta=old.meta)
    changed = articles[:k] + [new] + articles[k + 1:]
    new_pairs = compare_all(changed)
    expected = drift.find_drift(changed, new_pairs, (), prov)
    calls = _counted(monkeypatch)
    assert drift.find_drift(changed, new_pairs, (), prov, cache) == expected
    involved = [(link.article, link.source) for link in prov.links if edited_id in (link.article, link.source)
                and new_pairs.get(link.article, link.source)]
    assert 0 < len(involved) < len(prov.links)
    assert calls == involved


def test_the_memo_key_covers_every_line_of_the_fact_rules(monkeypatch):
    """A change anywhere in drift/facts.py (a number rule, not only the ``facts`` function the
    package re-exports under the module's name) must start a fresh memo: stale findings such
    as 'has “thousand” where the source has “hundred”' for 'thousands' outlived their fix."""
    import inspect
    import sys

    from generator.drift import memo

    module = sys.modules["generator.drift.facts"]
    before = memo._code()
    real = inspect.getsource
    monkeypatch.setattr(inspect, "getsource", lambda obj: real(obj) + ("\n# changed" if obj is module else ""))
    assert memo._code() != before
