"""Pages whose inputs are unchanged are kept from the previous build (hard-linked, not
rendered again), and the site is still byte for byte what a fresh build writes."""

from __future__ import annotations

import json
from pathlib import Path

from support import assert_same_tree, synthetic_site

import generator.render as render_module
from generator.build import build


def _inodes(out: Path) -> dict[str, int]:
    return {str(p.relative_to(out)): p.stat().st_ino for p in out.rglob("*.html")}


def _rendered(monkeypatch) -> list[str]:
    """Paths of the pages the next builds render (the rest are kept)."""
    real, paths = render_module._render, []

    def counting(env, page):
        paths.append(page.path)
        return real(env, page)

    monkeypatch.setattr(render_module, "_render", counting)
    return paths


def _built(tmp_path: Path) -> tuple[Path, Path]:
    """A 12-article synthetic site and its first build's output folder."""
    site = synthetic_site(tmp_path / "site", 12, seed=7)
    build(site, tmp_path / "out", jobs=1)
    return site, tmp_path / "out"


def _assert_fresh(site: Path, out: Path, tmp_path: Path) -> None:
    """The incrementally rebuilt ``out`` is byte for byte what a fresh build writes."""
    build(site, tmp_path / "fresh", jobs=1)
    assert_same_tree(out, tmp_path / "fresh")


def test_an_unchanged_build_renders_no_page(tmp_path, monkeypatch):
    """The site-wide pages (front page, quote table, 404), whose context is made up front,
    are keyed by it like the others (they were rendered on every build)."""
    site, out = _built(tmp_path)
    before = _inodes(out)
    rendered = _rendered(monkeypatch)
    build(site, out, jobs=1)
    assert rendered == []
    assert _inodes(out) == before
    _assert_fresh(site, out, tmp_path)


def test_after_an_edit_only_changed_pages_are_rendered_and_the_site_is_fresh(tmp_path, monkeypatch):
    site, out = _built(tmp_path)
    pages = sorted(p for p in _inodes(out) if p.startswith("pairs/"))
    edited = max((site / "content").iterdir())
    edited.write_text(edited.read_text(encoding="utf-8").replace("\n\n", "\n\nA new first line.\n\n", 1),
                      encoding="utf-8")
    (out / pages[0]).write_text("edited by hand", encoding="utf-8")  # a file not as recorded
    rendered = _rendered(monkeypatch)
    build(site, out, jobs=1)
    assert pages[0] in rendered
    assert 0 < len([p for p in rendered if p.startswith("pairs/")]) < len(pages)
    _assert_fresh(site, out, tmp_path)


def test_adding_a_newer_unrelated_article_keeps_the_existing_article_pages(tmp_path, monkeypatch):
    site, out = _built(tmp_path)
    pairs = json.loads((out / "report.json").read_text(encoding="utf-8"))["pairs"]
    sharing = {a: sum(1 for p in pairs if p["article"] == a and p["reuse"] > 0) for a in {p["article"] for p in pairs}}
    # Only an article that shared text with every other one changes: it gains an unrelated one.
    changes = {f"articles/{a}.html" for a, n in sharing.items() if n == len(sharing) - 1}
    (site / "content" / "zz-other-story.md").write_text(
        "---\ntitle: Orchard\npublished: 2024-03-01\n---\n\nThe village orchard society counted forty "
        "varieties of apple at its autumn show, a record for the valley.\n", encoding="utf-8")
    rendered = _rendered(monkeypatch)
    build(site, out, jobs=1)
    assert {p for p in rendered if p.startswith("articles/")} == changes | {"articles/zz-other-story.html"}
    _assert_fresh(site, out, tmp_path)
