"""The quote-clustering shortcuts for large sets change no result: the partial-ratio bound
and the q-gram and word-count tests never skip a match, clusters are the same with and
without them, and the memo recomputes only the comparisons an added article brings."""

from __future__ import annotations

import random
import sys
from pathlib import Path

from rapidfuzz import fuzz

from generator.cache import Cache
from generator.quotes import (
    cluster,
    cluster_quotes,
    extract_quotes,
    match,
    memo,
    qgrams,
    unquoted,
)

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


def test_qgram_test_never_rules_out_a_reachable_partial_ratio():
    rng = random.Random(11)
    vocabulary = WORDS + ["".join(rng.choice("etaoinshrdlucmw") for _ in range(rng.randint(2, 9)))
                          for _ in range(200)]
    text = lambda n: " ".join(rng.choice(vocabulary) for _ in range(n))  # noqa: E731
    ruled_out = 0
    for _ in range(1500):
        a, b = text(rng.randint(12, 60)), text(rng.randint(12, 200))
        if rng.random() < 0.5:  # an excerpt with edits, long enough for the slow path
            words = b.split()
            start = rng.randrange(len(words))
            piece = words[start:start + rng.randint(12, 60)]
            for _ in range(rng.randint(0, 4)):
                piece[rng.randrange(len(piece))] = rng.choice(vocabulary)
            a = " ".join(piece)
        for cutoff in (85.0, 88.0, 90.0):
            if not qgrams.may_reach(a, b, cutoff):
                ruled_out += 1
                assert fuzz.partial_ratio(a, b) < cutoff
    assert ruled_out > 100  # the test does rule pairs out


def _unbounded(monkeypatch):
    """Every exact prefilter of the matching code turned off."""
    monkeypatch.setattr(match, "partial_bound", lambda *args: 100.0)
    monkeypatch.setattr(match, "partial_possible", lambda *args: True)
    monkeypatch.setattr(unquoted, "partial_possible", lambda *args: True)
    monkeypatch.setattr(unquoted, "window_bound", lambda *args: 10**9)
    monkeypatch.setattr(unquoted, "common_bound", lambda *args: 10**9)


def _with_unquoted_use(articles: list) -> list:
    """The articles and one more that uses the wording of a long quote without the marks
    (the synthetic sets reword the quotes they take unquoted, which is not ``unquoted``)."""
    from generator.model import Metadata
    from generator.segment import article_from_text

    quote = next(q for a in articles for q in extract_quotes(a) if q.speech and len(q.text.split()) >= 8)
    text = f"Officials repeated that {quote.text.strip(' .,')} on Tuesday, and left it there."
    return [*articles, article_from_text("unquoted-use", text, Metadata(), len(articles))]


def test_unquoted_matches_are_the_same_without_the_word_filters(monkeypatch):
    data = generate(60, seed=4)
    articles = _with_unquoted_use(list(data.articles))
    quotes = {a.id: extract_quotes(a) for a in articles}
    order = [a.id for a in articles]
    fast = cluster_quotes(articles, quotes, order)
    _unbounded(monkeypatch)
    slow = cluster_quotes(articles, quotes, order)
    assert fast == slow
    assert any(o.status == "unquoted" for c in fast for o in c.occurrences)


def test_memo_recomputes_only_what_involves_an_added_article(tmp_path, monkeypatch):
    articles = list(generate(40, seed=3).articles)
    quotes = {a.id: extract_quotes(a) for a in articles}
    cache = Cache(tmp_path)
    runs = []
    real = memo.QuoteMemo.save

    def save(self):
        runs.append(self.computed)
        real(self)

    monkeypatch.setattr(memo.QuoteMemo, "save", save)
    fewer = [a for k, a in enumerate(articles) if k != 20]
    cluster_quotes(fewer, quotes, [a.id for a in fewer], cache)
    cold = cluster_quotes(articles, quotes, [a.id for a in articles])
    added = cluster_quotes(articles, quotes, [a.id for a in articles], cache)
    again = cluster_quotes(articles, quotes, [a.id for a in articles], cache)
    assert added == cold == again
    first, with_one, unchanged = runs[0], runs[2], runs[3]
    assert 0 < with_one < first / 5
    assert unchanged == 0


def test_clusters_are_the_same_when_searches_run_in_two_processes(monkeypatch):
    monkeypatch.setattr(cluster, "PARALLEL_MIN_SEARCHES", 0)
    articles = list(generate(40, seed=6).articles)
    quotes = {a.id: extract_quotes(a) for a in articles}
    order = [a.id for a in articles]
    assert cluster_quotes(articles, quotes, order, jobs=2) == cluster_quotes(articles, quotes, order, jobs=1)
