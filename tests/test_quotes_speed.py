"""The quote-clustering shortcuts for large sets change no result: the partial-ratio bound
never skips a match, and clusters are the same with and without it."""

from __future__ import annotations

import random
import sys
from pathlib import Path

from rapidfuzz import fuzz

from generator.quotes import cluster_quotes, extract_quotes
from generator.quotes import match

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from synth import generate  # noqa: E402

WORDS = "the said minister court police we will not accept this decision recognized recognised".split()


def _text(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def test_partial_bound_is_an_upper_bound_of_the_partial_ratio():
    rng = random.Random(7)
    for _ in range(3000):
        a, b = _text(rng, rng.randint(1, 40)), _text(rng, rng.randint(1, 40))
        if rng.random() < 0.3:  # an excerpt, a near-copy
            words = b.split()
            a = " ".join(words[rng.randrange(len(words)):])
        bound = match.partial_bound(fuzz.ratio(a, b), len(a), len(b))
        assert fuzz.partial_ratio(a, b) <= bound + 1e-6
        assert fuzz.partial_ratio(b, a) <= bound + 1e-6


def _clusters(monkeypatch, bounded: bool):
    data = generate(60, seed=3)
    articles = list(data.articles)
    quotes = {a.id: extract_quotes(a) for a in articles}
    if not bounded:
        monkeypatch.setattr(match, "partial_bound", lambda *args: 100.0)
    return cluster_quotes(articles, quotes, [a.id for a in articles])


def test_clusters_are_the_same_without_the_bound(monkeypatch):
    fast = _clusters(monkeypatch, True)
    slow = _clusters(monkeypatch, False)
    assert fast == slow
    assert len(fast) > 10
    assert all(len(c.occurrences) == 60 for c in fast)
    assert {o.status for c in fast for o in c.occurrences} >= {"verbatim", "absent"}
