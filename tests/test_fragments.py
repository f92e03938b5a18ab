"""Data files written from keyed fragments (generator/fragments.py, generator/report_fragments.py):
a rebuild copies the unchanged fragments from the previous file, never a stale one, and the
files equal a fresh build's."""

from __future__ import annotations

import re
import shutil

from generator import fragments
from generator.cache import Cache
from generator.build import build
from generator.model import PairResult, QuoteCluster, QuoteOccurrence
from generator.pairs import PairTable
from generator.rendered import Written
from generator.report_fragments import occurrence_runs, pair_runs, runs
from support import assert_same_tree, synthetic_site

DATA_FILES = ("report.json", "pairs.csv", "quotes.csv")


def _write(path, pieces, old=None, spans=None):
    return fragments.write(pieces, path, old, spans or {})


def _made(texts: dict[bytes, str], made: list[bytes]):
    """Fragments of ``texts`` that note in ``made`` the keys whose text was made."""
    return [fragments.Fragment(k, lambda k=k: made.append(k) or texts[k]) for k in texts]


def test_found_fragments_are_copied_the_others_made(tmp_path):
    texts = {b"a": "alpha,", b"b": "βeta,", b"c": "gamma"}
    made: list[bytes] = []
    spans = _write(tmp_path / "old", ["[", *_made(texts, made), "]"])
    assert (tmp_path / "old").read_text(encoding="utf-8") == "[alpha,βeta,gamma]"
    texts2 = {b"a": "alpha,", b"x": "new,", b"c": "gamma"}
    made.clear()
    new_spans = _write(tmp_path / "new", ["{", *_made(texts2, made), "}"], tmp_path / "old", spans)
    assert made == [b"x"]
    assert (tmp_path / "new").read_text(encoding="utf-8") == "{alpha,new,gamma}"
    assert new_spans[b"c"] == (len("{alpha,new,"), len("gamma"))


def test_the_index_is_only_used_for_the_file_it_describes(tmp_path):
    cache, out = Cache(tmp_path / "cache"), tmp_path / "out"
    out.mkdir()
    spans = _write(out / "f.txt", _made({b"a": "one"}, []))
    record = Written.of("key", out / "f.txt")
    fragments.save(cache, out, "f.txt", fragments.Index(record, "theme", spans))
    assert fragments.load(cache, out, "f.txt", "theme", record) == spans
    assert fragments.load(cache, out, "f.txt", "other theme", record) == {}
    (out / "f.txt").unlink()  # replaced (another inode and time): an index for another file
    (out / "f.txt").write_text("two", encoding="utf-8")
    assert fragments.load(cache, out, "f.txt", "theme", record) == {}
    assert fragments.load(cache, out, "f.txt", "theme", Written.of("key", out / "f.txt")) == {}


def _pair(article: str, source: str, reuse: float) -> PairResult:
    return PairResult(article, source, reuse, reuse, 0.0, 0.0, reuse)


def _keys(table: PairTable, with_page=frozenset(), position=None):
    position = position or {a: k for k, a in enumerate(table.ids)}
    return {(i, start): key for i, start, _, _, key in pair_runs(table, set(with_page), position, b"json")}


def test_a_pair_run_key_changes_with_anything_its_rows_show():
    ids = [f"a{k}" for k in range(80)]
    base = PairTable.from_results(ids, [_pair("a1", "a2", 0.5)])
    keys = _keys(base)
    run_of_a2 = next(start for start, end, _ in runs(tuple(ids)) if start <= 2 < end)
    changed = {
        "figure": _keys(PairTable.from_results(ids, [_pair("a1", "a2", 0.6)])),
        "page": _keys(base, {("a1", "a2")}),
        "later": _keys(base, position={**{a: k for k, a in enumerate(ids)}, "a2": -1}),
    }
    for why, other in changed.items():
        differ = {k for k in keys if keys[k] != other[k]}
        assert (1, run_of_a2) in differ, why
        if why != "later":  # a2 moved first in time: the other rows' flags for it, and its own, change too
            assert differ == {(1, run_of_a2)}, why
    # an article added changes one run of each row and no other
    grown = _keys(PairTable.from_results([*ids, "b"], [_pair("a1", "a2", 0.5)]))
    assert sum(keys[k] != grown.get(k) for k in keys) <= len(ids)


def test_an_occurrence_run_key_changes_with_its_occurrences():
    articles = tuple(f"a{k}" for k in range(80))

    def cluster(text):
        return QuoteCluster("q1", "We act.", None, "a3", (QuoteOccurrence("a3", "verbatim", text, 1.0),), articles)

    first, second = list(occurrence_runs(cluster("We act."))), list(occurrence_runs(cluster("We acted.")))
    assert [r[3] for r in first[1:]] == [r[3] for r in second[1:]]
    assert first[0][3] != second[0][3]


def _grown_site(tmp_path, n: int):
    root = synthetic_site(tmp_path / "site", n)
    held = tmp_path / "held"
    held.mkdir()
    for f in sorted((root / "content").iterdir())[-2:]:
        shutil.move(str(f), held / f.name)
    last = sorted(held.iterdir())[-1]  # the newest article of the set
    last.write_text(re.sub(r"published: \S+", "published: 2024-02-01", last.read_text(encoding="utf-8"), count=1),
                    encoding="utf-8")
    return root, held


def test_rebuilds_equal_fresh_builds_and_copy_most_of_the_files(tmp_path, monkeypatch):
    root, held = _grown_site(tmp_path, 40)
    build(root, root / "public", jobs=1)
    made = []
    real = fragments.Fragment.__init__

    def counting(self, key, make):
        real(self, key, lambda: made.append(key) or make())

    monkeypatch.setattr(fragments.Fragment, "__init__", counting)
    for f in sorted(held.iterdir(), reverse=True):  # the newest, then one inside the set
        shutil.move(str(f), root / "content" / f.name)
        made.clear()
        build(root, root / "public", jobs=1)
        assert made, "the rows of the added article are made"
        made_count = len(made)
        shutil.rmtree(tmp_path / "fresh", ignore_errors=True)
        made.clear()
        build(root, tmp_path / "fresh", jobs=1)
        assert made_count < len(made)  # the fresh build made every fragment (at this size runs are few)
        assert_same_tree(root / "public", tmp_path / "fresh")
    # an edited article's figures change: its rows and its sources' rows are made again, right
    edited = sorted((root / "content").iterdir())[3]
    edited.write_text(edited.read_text(encoding="utf-8").replace(". ", ". Quite new words were put here. ", 3),
                      encoding="utf-8")
    build(root, root / "public", jobs=1)
    shutil.rmtree(tmp_path / "fresh")
    build(root, tmp_path / "fresh", jobs=1)
    assert_same_tree(root / "public", tmp_path / "fresh")


def test_a_deleted_cache_or_a_changed_file_only_costs_time(tmp_path):
    root, held = _grown_site(tmp_path, 20)
    build(root, root / "public", jobs=1)
    for f in held.iterdir():
        shutil.move(str(f), root / "content" / f.name)
    report = root / "public" / "report.json"
    text = report.read_text(encoding="utf-8")
    report.unlink()
    report.write_text(text.replace('"article"', '"articlx"'), encoding="utf-8")  # same size, another file
    build(root, root / "public", jobs=1)
    shutil.rmtree(root / ".wiretrace-cache")
    build(root, tmp_path / "fresh", jobs=1)
    assert_same_tree(root / "public", tmp_path / "fresh")
