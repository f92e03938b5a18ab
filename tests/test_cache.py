"""The build cache: hits, misses, invalidation by content, corrupted entries ignored."""

from __future__ import annotations

import pickle
import sys
from dataclasses import replace
from pathlib import Path

from generator import compare
from generator.cache import Cache, analysis_code, cached
from generator.segment import article_from_text

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from synth import generate  # noqa: E402


def _candidates_with(articles, k):
    """Ordered pairs involving article k that compare_all aligns (share a 5-word shingle)."""
    a = compare.prepared(articles[k])
    return sum(2 for j, s in enumerate(articles) if j != k and a.shingles & compare.prepared(s).shingles)


def test_second_run_reuses_every_pair(tmp_path):
    articles = list(generate(15, seed=2).articles)
    cache = Cache(tmp_path)
    fresh = compare.compare_all(articles)
    assert compare.compare_all(articles, cache=cache) == fresh
    assert compare.LAST_STATS.reused == 0 and compare.LAST_STATS.computed > 0
    computed = compare.LAST_STATS.computed
    assert compare.compare_all(articles, cache=cache) == fresh
    assert compare.LAST_STATS == compare.CompareStats(computed=0, reused=computed)


def test_articles_read_back_from_the_cache_hit_the_pair_cache(tmp_path):
    articles = list(generate(12, seed=2).articles)
    cache = Cache(tmp_path)
    fresh = compare.compare_all(articles, cache=cache)
    # The build's second run gets its articles from the cache: unpickled, strings shared.
    assert compare.compare_all([pickle.loads(pickle.dumps(a)) for a in articles], cache=cache) == fresh
    assert compare.LAST_STATS.computed == 0 and compare.LAST_STATS.reused > 0


def test_editing_one_article_recomputes_only_its_pairs(tmp_path):
    articles = list(generate(15, seed=2).articles)
    cache = Cache(tmp_path)
    compare.compare_all(articles, cache=cache)
    k = 7
    edited = article_from_text(articles[k].id, articles[k].text.replace(" the ", " a ", 3), order=k)
    articles[k] = edited
    result = compare.compare_all(articles, cache=cache)
    stats = compare.LAST_STATS
    assert result == compare.compare_all(articles)
    assert stats.computed == _candidates_with(articles, k) > 0


def test_adding_and_removing_an_article(tmp_path):
    articles = list(generate(16, seed=4).articles)
    cache = Cache(tmp_path)
    compare.compare_all(articles[:15], cache=cache)
    result, stats = compare.compare_all(articles, cache=cache), compare.LAST_STATS
    assert result == compare.compare_all(articles)
    assert stats.computed == _candidates_with(articles, 15)
    fewer = articles[:3] + articles[4:]
    result, stats = compare.compare_all(fewer, cache=cache), compare.LAST_STATS
    assert result == compare.compare_all(fewer)
    assert stats.computed == 0


def test_corrupted_entries_are_ignored(tmp_path):
    articles = list(generate(12, seed=2).articles)
    cache = Cache(tmp_path)
    fresh = compare.compare_all(articles, cache=cache)
    files = [p for p in tmp_path.rglob("*.pkl")]
    assert files
    for n, path in enumerate(files):
        path.write_bytes(b"not a pickle" if n % 2 else path.read_bytes()[:10])
    assert compare.compare_all(articles, cache=cache) == fresh
    assert compare.LAST_STATS.reused == 0


def test_cached_value_keyed_by_content(tmp_path):
    cache = Cache(tmp_path)
    calls = []
    compute = lambda: calls.append(1) or "value"  # noqa: E731
    assert cached(cache, "x", "k1", compute) == "value"
    assert cached(cache, "x", "k1", compute) == "value"
    assert cached(cache, "x", "k2", compute) == "value"
    assert len(calls) == 2
    assert not list(tmp_path.rglob(".tmp-*"))


def test_build_twice_with_cache_gives_identical_site(tmp_path):
    from generator.build import build

    root = tmp_path / "site"
    (root / "content").mkdir(parents=True)
    (root / "site.yml").write_text('semantic: "off"\n', encoding="utf-8")
    for article in generate(10, seed=6).articles:
        (root / "content" / f"{article.id}.txt").write_text(f"Title {article.id}\n\n{article.text}\n")
    build(root, tmp_path / "a", jobs=1)
    assert (root / ".wiretrace-cache").is_dir()
    build(root, tmp_path / "b", jobs=1)
    files = lambda out: {str(p.relative_to(out)): p.read_bytes() for p in out.rglob("*") if p.is_file()}  # noqa: E731
    assert files(tmp_path / "a") == files(tmp_path / "b")


def test_the_cache_folder_changes_with_the_analysis_code_only(tmp_path):
    """A result computed by other analysis code is never read back: the folder's name holds a
    digest of the analysis modules, not of the page-writing ones."""
    package = tmp_path / "generator"
    (package / "readers").mkdir(parents=True)
    (package / "site").mkdir()
    (package / "readers" / "plain.py").write_text("WORD = r'\\w+'\n")
    (package / "site" / "page.py").write_text("TITLE = 'a'\n")
    before = analysis_code(package)
    (package / "site" / "page.py").write_text("TITLE = 'b'\n")
    assert analysis_code(package) == before
    (package / "readers" / "plain.py").write_text("WORD = r'[^\\W\\d]+'\n")
    assert analysis_code(package) != before
    assert Cache(tmp_path / "c").root.name.endswith(analysis_code())
