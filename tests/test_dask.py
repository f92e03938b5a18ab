"""--scheduler: the analysis on a Dask cluster gives byte-identical output (issue 9)."""

from __future__ import annotations

import shutil
import sys

import pytest
from click.testing import CliRunner
from support import assert_same_tree, synthetic_site
from synth import generate

from generator import compare
from generator.build import build
from generator.cache import Cache
from generator.cli import main


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("dask.distributed")
    from generator.distributed import close_all

    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                  dashboard_address=":0") as local:
        yield local.scheduler_address
        close_all()  # before the cluster goes


def test_dask_build_is_byte_identical_to_local(tmp_path, cluster):
    site = synthetic_site(tmp_path / "site", 24)
    build(site, tmp_path / "local", jobs=1)
    shutil.rmtree(site / ".wiretrace-cache", ignore_errors=True)
    build(site, tmp_path / "dask", scheduler=cluster)
    assert_same_tree(tmp_path / "local", tmp_path / "dask")


def test_dask_compare_all_matches_and_runs_on_workers(cluster):
    articles = list(generate(30, seed=3).articles)
    assert compare.compare_all(articles, scheduler=cluster) == compare.compare_all(articles, jobs=1)


def test_dask_uses_and_fills_the_pair_cache(cluster, tmp_path):
    articles = list(generate(20, seed=4).articles)
    cache = Cache(tmp_path)
    local = compare.compare_all(articles, jobs=1)
    assert compare.compare_all(articles, scheduler=cluster, cache=cache) == local
    computed = compare.LAST_STATS.computed
    assert computed > 0
    assert compare.compare_all(articles, scheduler=cluster, cache=cache) == local
    assert compare.LAST_STATS == compare.CompareStats(computed=0, reused=computed)


def test_scheduler_in_site_yml(tmp_path, cluster):
    site = synthetic_site(tmp_path / "site", 6, extra_yml=f"scheduler: {cluster}\n")
    result = CliRunner().invoke(main, ["build", str(site), "-q"])
    assert result.exit_code == 0, result.output


def test_unreachable_scheduler_is_a_clear_error(tmp_path):
    pytest.importorskip("dask.distributed")
    site = synthetic_site(tmp_path / "site", 4)
    result = CliRunner().invoke(main, ["build", str(site), "-q", "--scheduler", "tcp://127.0.0.1:9"])
    assert result.exit_code == 1
    assert "--scheduler" in result.output and "cannot reach the Dask scheduler" in result.output
    assert not (site / "public").exists()


def test_missing_dask_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "dask.distributed", None)
    site = synthetic_site(tmp_path / "site", 4)
    result = CliRunner().invoke(main, ["build", str(site), "-q", "--scheduler", "tcp://127.0.0.1:9"])
    assert result.exit_code == 1
    assert "--scheduler" in result.output and "dask is not installed" in result.output


def test_bad_scheduler_in_site_yml_names_the_line(tmp_path):
    site = synthetic_site(tmp_path / "site", 2, extra_yml="scheduler: [1, 2]\n")
    result = CliRunner().invoke(main, ["check", str(site)])
    assert result.exit_code == 1
    assert "site.yml:2: scheduler must be a Dask scheduler address" in result.output


def test_dask_runs_the_comparisons_and_searches_of_quote_matching(cluster, monkeypatch):
    from generator import distributed
    from generator.quotes import cluster_quotes, extract_quotes, match

    articles = list(generate(24, seed=5).articles)
    quotes = {a.id: extract_quotes(a) for a in articles}
    order = [a.id for a in articles]
    local = cluster_quotes(articles, quotes, order, jobs=1)
    sent, compared_here = [], []
    dask_map_rows, compare = distributed.map_rows, match.compare

    def counting(fn, payload, n, address):
        sent.append((fn.__name__, n))
        return dask_map_rows(fn, payload, n, address)

    def compare_here(*args):
        compared_here.append(args)
        return compare(*args)

    monkeypatch.setattr(distributed, "map_rows", counting)
    monkeypatch.setattr(match, "compare", compare_here)
    assert cluster_quotes(articles, quotes, order, scheduler=cluster) == local
    assert dict(sent)["_compare_rows"] > 0 and dict(sent)["_search_rows"] > 0
    assert compared_here == []  # every comparison the sequential pass needed came from the cluster
