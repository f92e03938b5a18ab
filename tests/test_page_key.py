"""A page's key (generator/rendered.py) changes with anything its inputs hold, an article
written as its digest and a pair's passages included, and is the same for equal inputs
however they share their objects (one read back from the cache, one made afresh)."""

from __future__ import annotations

import pickle
import re
from dataclasses import replace

import pytest

from generator.model import EditOp, PairResult, Passage
from generator.rendered import page_key
from generator.segment import article_from_text
from generator.site import Page
from synth import generate


def _context(*inputs) -> dict:
    return {"inputs": inputs}


def _inputs():
    wire, copy = (article_from_text(a.id, a.text, order=k) for k, a in enumerate(generate(2, seed=3).articles))
    passage = Passage(0, 12, 3, 15, "edited", 91.5, 10, (EditOp("replace", "said", "told"),))
    pair = PairResult(copy.id, wire.id, 0.4, 0.3, 0.1, 0.0, 0.5, (passage,), 0.7, 12)
    return copy, [pair], {wire.id: wire}


def _key(inputs) -> str:
    return page_key(Page("articles/x.html", "article.html", make=_context, inputs=inputs), "theme", {})


def test_equal_inputs_key_the_same_however_their_objects_are_shared():
    inputs = _inputs()
    assert _key(inputs) == _key(pickle.loads(pickle.dumps(inputs)))
    assert _key(inputs) == _key(_inputs())


def test_a_change_inside_a_passage_changes_the_key():
    article, (pair,), sources = _inputs()
    (passage,) = pair.passages
    for changed in (replace(passage, score=91.6), replace(passage, edits=(EditOp("replace", "said", "says"),))):
        assert _key((article, [replace(pair, passages=(changed,))], sources)) != _key((article, [pair], sources))


def test_a_change_in_an_article_or_a_source_changes_the_key():
    article, pairs, sources = _inputs()
    (wire,) = sources.values()
    base = _key((article, pairs, sources))
    assert _key((replace(article, meta=replace(article.meta, title="Another title")), pairs, sources)) != base
    assert _key((article, pairs, {wire.id: replace(wire, text=wire.text + " More.")})) != base


def test_a_page_of_a_ready_context_is_keyed_by_it():
    article, pairs, _ = _inputs()

    def key(context):
        return page_key(Page("stories/s/index.html", "index.html", context), "theme", {})

    assert key({"view": article, "rows": pairs}) == key(pickle.loads(pickle.dumps({"view": article, "rows": pairs})))
    assert key({"view": article, "rows": pairs}) != key({"view": article, "rows": pairs[:0]})
    assert key({"view": article, "helper": lambda: 1}) is None  # a function: always rendered


def test_an_added_article_keeps_the_pages_whose_text_is_unchanged(tmp_path):
    from support import synthetic_site
    from generator.build import build

    root = synthetic_site(tmp_path / "site", 8)
    held = sorted((root / "content").iterdir())[-1]
    text = held.read_text(encoding="utf-8")
    held.unlink()
    build(root, root / "public", jobs=1)
    before = {p: p.stat().st_ino for p in (root / "public").rglob("*.html")}
    held.write_text(text, encoding="utf-8")
    build(root, root / "public", jobs=1)
    assert (root / "public" / "404.html").stat().st_ino == before[root / "public" / "404.html"]
    assert (root / "public" / "index.html").stat().st_ino != before[root / "public" / "index.html"]


def test_an_article_added_to_one_story_keeps_the_other_stories_pages(tmp_path):
    from support import synthetic_site
    from generator.build import build

    root = synthetic_site(tmp_path / "site", 40, stories=True)
    held = sorted((root / "content").iterdir())[-1]
    # dated after the others: the site-wide numbers of the other articles stay as they were
    text = re.sub(r"published: \S+", "published: 2024-02-01", held.read_text(encoding="utf-8"), count=1)
    held.unlink()
    build(root, root / "public", jobs=1)
    before = {p: p.stat().st_ino for p in (root / "public" / "stories").rglob("*.html")}
    held.write_text(text, encoding="utf-8")
    build(root, root / "public", jobs=1)
    kept = [p for p, inode in before.items() if p.exists() and p.stat().st_ino == inode]
    assert len(before) > 2 and kept  # the site-wide article numbers of other stories' pages are left out of their keys


@pytest.mark.parametrize("name", ["report", "report_rows", "report_format", "site.finding_parts"])
def test_a_change_to_the_code_that_writes_a_data_file_or_a_finding_changes_the_theme_key(monkeypatch, name):
    """The data files are made by report.py and the modules split from it, and the front
    page's template reads ``Finding.lead`` from site/finding_parts.py: a change to any of
    them must change the key under which a previous build's files are kept."""
    import importlib
    import inspect

    from generator import render, rendered

    module = importlib.import_module(f"generator.{name}")
    before = rendered.theme_key([], render)
    real = inspect.getsource
    monkeypatch.setattr(inspect, "getsource", lambda obj: real(obj) + ("\n# changed" if obj is module else ""))
    assert rendered.theme_key([], render) != before
