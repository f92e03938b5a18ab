"""--jobs: any number of worker processes gives byte-identical output."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from generator import compare, render
from generator.build import build
from generator.parallel import map_rows, ranges

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from synth import generate  # noqa: E402


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


def test_compare_all_same_with_one_and_two_jobs(monkeypatch):
    monkeypatch.setattr(compare, "PARALLEL_MIN_PAIRS", 0)
    articles = list(generate(40, seed=3).articles)
    one = compare.compare_all(articles, jobs=1)
    two = compare.compare_all(articles, jobs=2)
    assert one == two
    assert any(r.passages for r in one)


def _site_files(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def _synthetic_site(root: Path, n: int) -> Path:
    (root / "content").mkdir(parents=True)
    (root / "site.yml").write_text('semantic: "off"\n', encoding="utf-8")
    for k, article in enumerate(generate(n, seed=5).articles):
        (root / "content" / f"{article.id}.md").write_text(
            f"---\ntitle: Article {k}\npublished: 2024-01-{1 + k % 28:02d}\n---\n\n{article.text}\n", encoding="utf-8")
    return root


@pytest.mark.parametrize("kind", ["demo", "synthetic"])
def test_build_output_identical_for_jobs_1_and_2(tmp_path, monkeypatch, kind):
    monkeypatch.setattr(compare, "PARALLEL_MIN_PAIRS", 0)
    monkeypatch.setattr(render, "PARALLEL_MIN_PAGES", 0)  # pages rendered by two workers too
    outputs = []
    for jobs in (1, 2):
        site = tmp_path / f"site{jobs}"
        if kind == "demo":
            site.mkdir()
            shutil.copytree(ROOT / "content", site / "content")
            (site / "site.yml").write_text((ROOT / "site.yml").read_text(encoding="utf-8")
                                           + '\nsemantic: "off"\n', encoding="utf-8")
        else:
            _synthetic_site(site, 24)
        build(site, tmp_path / f"out{jobs}", jobs=jobs)
        outputs.append(_site_files(tmp_path / f"out{jobs}"))
    assert outputs[0].keys() == outputs[1].keys()
    assert [k for k in outputs[0] if outputs[0][k] != outputs[1][k]] == []
