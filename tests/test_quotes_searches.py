"""Where quote clustering's unquoted searches run: forked workers for a set compared in
full, the building process for a pruned (large) one, whose forked workers would copy much
of it; the clusters are the same either way."""

from __future__ import annotations

import sys
from pathlib import Path

from generator.quotes import cluster, cluster_quotes, extract_quotes

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from synth import generate  # noqa: E402


def _run(monkeypatch, neighbours):
    articles = list(generate(30, seed=3).articles)
    quotes = {a.id: extract_quotes(a) for a in articles}
    asked = []

    def in_process(fn, payload, n, jobs, scheduler=None):
        asked.append(jobs)
        return [fn(payload, range(n))]

    monkeypatch.setattr(cluster, "PARALLEL_MIN_SEARCHES", 0)
    monkeypatch.setattr(cluster, "map_rows", in_process)
    near = {a.id: {b.id for b in articles if b is not a} for a in articles} if neighbours else None
    return asked, cluster_quotes(articles, quotes, [a.id for a in articles], jobs=2, neighbours=near)


def test_searches_of_a_pruned_set_run_in_the_building_process(monkeypatch):
    forked, full = _run(monkeypatch, neighbours=False)
    here, pruned = _run(monkeypatch, neighbours=True)
    assert forked == [2] and here == [1]
    assert pruned == full  # every article its neighbours' neighbour: nothing pruned
