"""The pair table: all-zero pairs implicit, report.json listing them lazily, and the
pruning of candidate pairs above ``compare.exact_max`` articles."""

from __future__ import annotations

import json
from dataclasses import replace

import jsonschema
from support import SCHEMA, synthetic_site
from synth import generate

from generator import compare
from generator.build import build
from generator.cache import Cache
from generator.compare import compare_all, compare_pair
from generator.compare_settings import AlignSettings, PruneSettings, split_settings
from generator.config import load_config
from generator.pairs import PairTable, is_zero
from generator.report import pairs_csv_chunks, report_json_chunks
from generator.report_rows import PairRows


def _every_pair(articles):
    return [compare_pair(a, s) for a in articles for s in articles if a is not s]


def test_table_stands_for_every_ordered_pair():
    articles = list(generate(30, seed=7, stories=True).articles)
    table = compare_all(articles)
    explicit = _every_pair(articles)
    assert list(table) == explicit and len(table) == len(explicit)
    stored = list(table.stored)
    assert 0 < len(stored) < len(explicit)  # the zero pairs are not stored
    assert stored == [p for p in explicit if not is_zero(p)]
    assert table.get(articles[0].id, articles[1].id) == explicit[0]
    assert table.get(articles[0].id, articles[0].id) is None
    assert PairTable.from_results(table.ids, explicit) == table


def test_lazy_pair_rows_write_what_json_dumps_writes():
    articles = list(generate(25, seed=3).articles)
    table = compare_all(articles)
    reused = [p for p in table.stored if p.reuse > 0]
    with_page = {(p.article, p.source) for p in reused[:5]} | {(articles[0].id, articles[1].id)}
    position = {a.id: k for k, a in enumerate(articles)}
    data = {"schema": "x", "articles": [{"id": "a"}], "pairs": PairRows(table, with_page, position), "quotes": []}
    plain = {**data, "pairs": list(PairRows(table, with_page, position))}
    assert "".join(report_json_chunks(data)) == json.dumps(plain, ensure_ascii=False, indent=2) + "\n"
    assert "".join(pairs_csv_chunks(data)) == "".join(pairs_csv_chunks(plain))
    assert len(plain["pairs"]) == 25 * 24


def test_pruning_above_the_size_cap_keeps_the_pairs_that_share_text():
    articles = list(generate(40, seed=3).articles)
    exact = compare_all(articles)
    pruned = compare_all(articles, prune=PruneSettings(exact_max=39, rare_df=8, min_rare=2))
    assert exact.complete and not pruned.complete
    kept = {(p.article, p.source): p for p in pruned}
    assert len(kept) == len(pruned) < len(list(exact.stored))
    for pair in exact.stored:
        if pair.containment >= 0.3:  # a large share of shared text holds rare shingles
            assert kept[(pair.article, pair.source)] == pair
    assert all(exact.get(a, s) == p for (a, s), p in kept.items())  # same values where listed
    assert compare.LAST_STATS.computed == len(kept)


def test_report_says_whether_every_pair_is_listed(tmp_path):
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    n = 14
    for name, setting, complete in (("exact", "", True), ("pruned", "compare:\n  exact_max: 10\n", False)):
        site = synthetic_site(tmp_path / name, n, extra_yml=setting, stories=True)
        build(site, tmp_path / f"out-{name}", jobs=1)
        report = json.loads((tmp_path / f"out-{name}" / "report.json").read_text(encoding="utf-8"))
        jsonschema.validate(report, schema)
        assert report["pairs_complete"] is complete
        listed = {(p["article"], p["source"]) for p in report["pairs"]}
        if complete:
            assert len(report["pairs"]) == len(listed) == n * (n - 1)
        else:
            assert 0 < len(listed) < n * (n - 1)
            assert all(p["containment"] > 0 for p in report["pairs"])
        rows = (tmp_path / f"out-{name}" / "pairs.csv").read_text(encoding="utf-8").splitlines()
        assert len(rows) == len(report["pairs"]) + 1


def test_indexes_built_by_the_workers_give_the_same_table(monkeypatch, tmp_path):
    articles = list(generate(30, seed=8, stories=True).articles)
    expected = compare_all(articles)
    monkeypatch.setattr(compare, "PREPARE_AHEAD_MAX", 0)
    monkeypatch.setattr(compare, "WORKER_INDEXES", 3)  # rows keep losing their indexes
    monkeypatch.setattr(compare, "PARALLEL_MIN_PAIRS", 0)
    assert compare_all(articles, jobs=1) == expected
    assert compare_all(articles, jobs=2, cache=Cache(tmp_path)) == expected
    assert compare_all(articles, jobs=2, cache=Cache(tmp_path)) == expected
    assert compare.LAST_STATS.computed == 0


def test_pruning_settings_are_site_yml_compare_keys(tmp_path):
    (tmp_path / "site.yml").write_text("compare:\n  exact_max: 500\n  min_rare: 3\n  rare_df: -2\n"
                                       "  rare_dfs: 1\n", encoding="utf-8")
    config, problems = load_config(tmp_path)
    lines = {p.line: p.message for p in problems}
    assert "compare: rare_df must be a number ≥ 0 like the default 100" in lines[4]
    assert "unknown key 'rare_dfs'" in lines[5] and "exact_max, rare_df, min_rare" in lines[5]
    align, prune = split_settings(config.compare)
    assert prune == PruneSettings(exact_max=500, min_rare=3) and align == AlignSettings()


def test_zero_pair_lines_of_pairs_csv_quote_and_escape_ids_as_the_writer_does():
    # Zero rows are made from each id's cell and a template: ids needing quotes or a
    # formula guard must come out as the csv writer and _cell write them.
    ids = ["=sum(a1)", "a,b", 'say "x"', "-lead", "plain"]
    pair = compare_pair(*generate(2, seed=3).articles)
    stored = [replace(pair, article=ids[4], source=ids[1])]
    table = PairTable.from_results(ids, stored)
    position = {a: k for k, a in enumerate(ids)}
    with_page = {(ids[0], ids[2])}
    data = {"pairs": PairRows(table, with_page, position)}
    text = "".join(pairs_csv_chunks(data))
    assert text == "".join(pairs_csv_chunks({"pairs": list(PairRows(table, with_page, position))}))
    assert "'=sum(a1)" in text and '"a,b"' in text and '"say ""x"""' in text and "'-lead" in text
    assert len(text.splitlines()) == 1 + 5 * 4
