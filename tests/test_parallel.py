"""--jobs: any number of worker processes gives byte-identical output."""

from __future__ import annotations

import shutil

import pytest
from support import ROOT, assert_same_tree, synthetic_site
from synth import generate

from generator import compare, render
from generator.build import build
from generator.parallel import map_rows, ranges


def _rows(payload, rows):
    return [payload * i for i in rows]


def test_ranges_cover_every_row_once_in_order():
    for n in (0, 1, 7, 100):
        for parts in (1, 3, 16):
            cut = ranges(n, parts)
            assert [i for r in cut for i in r] == list(range(n))
            assert all(len(r) for r in cut)


def test_map_rows_keeps_row_order_across_workers():
    chunks = map_rows(_rows, 3, 50, jobs=2)
    assert [x for c in chunks for x in c] == [3 * i for i in range(50)]


def _worker_pid(payload, rows):
    import os

    return os.getpid()


def test_a_huge_jobs_value_starts_a_few_workers_per_core_not_one_per_range(monkeypatch):
    """``jobs: 100000`` in site.yml forked every worker at once (the fork pool does)."""
    import generator.parallel as parallel

    monkeypatch.setattr(parallel, "default_jobs", lambda jobs: jobs or 1)  # one core
    chunks = map_rows(_worker_pid, None, 200, jobs=50)  # not 100,000: the old code would fork them all
    assert 1 < len(set(chunks)) <= parallel.MAX_JOBS_PER_CORE


def test_compare_all_same_with_one_and_two_jobs(monkeypatch):
    monkeypatch.setattr(compare, "PARALLEL_MIN_PAIRS", 0)
    articles = list(generate(40, seed=3).articles)
    one = compare.compare_all(articles, jobs=1)
    two = compare.compare_all(articles, jobs=2)
    assert one == two
    assert any(r.passages for r in one)


@pytest.mark.parametrize("kind", ["demo", "synthetic"])
def test_build_output_identical_for_jobs_1_and_2(tmp_path, monkeypatch, kind):
    monkeypatch.setattr(compare, "PARALLEL_MIN_PAIRS", 0)
    monkeypatch.setattr(render, "PARALLEL_MIN_PAGES", 0)  # pages rendered by two workers too
    for jobs in (1, 2):
        site = tmp_path / f"site{jobs}"
        if kind == "demo":
            site.mkdir()
            shutil.copytree(ROOT / "content", site / "content")
            (site / "site.yml").write_text((ROOT / "site.yml").read_text(encoding="utf-8")
                                           + '\nsemantic: "off"\n', encoding="utf-8")
        else:
            synthetic_site(site, 24)
        build(site, tmp_path / f"out{jobs}", jobs=jobs)
    assert_same_tree(tmp_path / "out1", tmp_path / "out2")
