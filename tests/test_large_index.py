"""Past MATRIX_MAX articles the front page lists each article's top sources instead of the
N × N matrix, and the quote table each quote's articles instead of a column per article
(tested on a tiny one-story site with a small MATRIX_MAX)."""

from __future__ import annotations

import html
import json
import re

from generator.build import build
from generator.site import overview

WIRE = """---
title: Sea wall <update> {day}
outlet: Wire
published: 2025-01-0{day}
---
The harbour council voted on Monday to build a new sea wall along the northern quay before
the winter storms arrive. The wall will cost four million and take two years to finish, and
the fishing fleet will move to the southern basin while the work goes on. {extra}
"""


def _site(site, monkeypatch, limit: int):
    monkeypatch.setattr(overview, "MATRIX_MAX", limit)
    files = {f"a{k}.md": WIRE.format(day=k + 1, extra=f"Reporter number {k} filed this.") for k in range(4)}
    root = site(files)
    analysis, _ = build(root, root / "public")
    return (root / "public" / "index.html").read_text(encoding="utf-8"), analysis


def test_large_set_shows_top_sources_instead_of_the_matrix(site, monkeypatch):
    page, analysis = _site(site, monkeypatch, 3)
    assert 'class="matrix"' not in page and 'class="top-sources"' in page
    assert "4 articles a full matrix would be too large" in page and "pairs.csv" in page
    rows = overview.top_sources(analysis.articles, analysis.pairs, set())
    assert [r.number for r in rows] == [1, 2, 3, 4]
    first = rows[0]
    assert len(first.sources) == 3 and all(s.cell.pair.reuse > 0 for s in first.sources)
    assert [s.cell.pair.reuse for s in first.sources] == sorted((s.cell.pair.reuse for s in first.sources),
                                                               reverse=True)
    assert all(s.cell.label == overview.LATER_SOURCE for s in first.sources)  # all published later
    assert html.escape("Sea wall <update> 1") in page and "<update>" not in page


def test_top_sources_are_capped(site, monkeypatch):
    monkeypatch.setattr(overview, "TOP_SOURCES", 2)
    _, analysis = _site(site, monkeypatch, 3)
    rows = overview.top_sources(analysis.articles, analysis.pairs, set())
    assert max(len(r.sources) for r in rows) == 2


def test_small_set_keeps_the_matrix(site, monkeypatch):
    page, analysis = _site(site, monkeypatch, 150)
    assert 'class="matrix"' in page and 'class="top-sources"' not in page
    assert overview.top_sources(analysis.articles, analysis.pairs, set()) == ()


QUOTED = """---
title: Harbour {day}
published: 2025-02-0{day}
---
The harbour master said: "The northern quay will close for two whole years while the wall goes up."
{extra}
"""


def test_large_set_quote_table_lists_only_the_articles_that_use_each_quote(site, monkeypatch):
    monkeypatch.setattr(overview, "MATRIX_MAX", 3)
    files = {f"q{k}.md": QUOTED.format(day=k + 1, extra="The council met on Monday." if k % 2 else "")
             for k in range(4)}
    files["other.md"] = "---\ntitle: Unrelated\n---\nThe weather stayed mild all week in the valley towns.\n"
    root = site(files)
    analysis, _ = build(root, root / "public")
    page = (root / "public" / "quotes.html").read_text(encoding="utf-8")
    assert 'class="quote-uses"' in page and 'class="status-cell' not in page
    used = {o.article for c in analysis.quotes for o in c.occurrences if o.status != "absent"}
    assert len(used) == 4 and len(analysis.articles) == 5
    assert page.count('</a> <span class="status status-') == sum(
        1 for c in analysis.quotes for o in c.occurrences if o.status != "absent")
    assert 'title="Unrelated">5</a> <span class="status' not in page



def test_large_set_pages_only_the_pairs_its_pages_link(site, monkeypatch):
    """Past MATRIX_MAX a pair page exists for each article's top sources on the front page
    and for its direct sources, no other; report.json and pairs.csv still list every pair."""
    monkeypatch.setattr(overview, "MATRIX_MAX", 3)
    monkeypatch.setattr(overview, "TOP_SOURCES", 1)
    files = {f"a{k}.md": WIRE.format(day=k + 1, extra=f"Reporter number {k} filed this.") for k in range(5)}
    root = site(files)
    analysis, _ = build(root, root / "public")
    rows = overview.top_sources(analysis.articles, analysis.pairs, set())
    expected = {(r.article.id, s.source.id) for r in rows for s in r.sources}
    expected |= {(link.article, link.source) for link in analysis.provenance.links}
    reused = {(p.article, p.source) for p in analysis.pairs.stored if p.reuse > 0}
    assert expected < reused  # some pairs with reuse get no page
    pages = {tuple(f.stem.split("--")) for f in (root / "public" / "pairs").iterdir()}
    assert pages == expected
    report = json.loads((root / "public" / "report.json").read_text(encoding="utf-8"))
    assert len(report["pairs"]) == 5 * 4
    assert {(p["article"], p["source"]) for p in report["pairs"] if p["page"]} == expected
    assert len((root / "public" / "pairs.csv").read_text(encoding="utf-8").splitlines()) == 1 + 5 * 4
    index = (root / "public" / "index.html").read_text(encoding="utf-8")
    linked = set(re.findall(r'href="pairs/([^"]+)--([^"]+)\.html"', index))
    assert linked and linked <= pages
