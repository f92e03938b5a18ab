"""The report site: findings, derivation graph layout, escaping, themes, sitemap, data links."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from generator.build import build
from generator.site.finding_parts import LEADS
from generator.site.overview import graph
from generator.site.findings import Link
from support import sea_wall_pair

WIRE, COPY = sea_wall_pair("2025-01-01", "2025-01-02")


@pytest.fixture(scope="module")
def tiny(tmp_path_factory) -> tuple[Path, object]:
    from support import make_site

    root = make_site(tmp_path_factory.mktemp("tiny") / "site", {"a.md": WIRE, "b.md": COPY},
                     "title: Tiny\nbase_url: https://example.org/r/\n")
    analysis, _ = build(root, root / "public")
    return root / "public", analysis


def test_findings_tell_the_story_in_order(tiny):
    out, _ = tiny
    page = (out / "index.html").read_text(encoding="utf-8")
    items = re.findall(r'<li class="finding finding-(\w+)">(.*?)</li>', page, re.S)
    kinds = [k for k, _ in items]
    assert kinds[0] == "origin"
    text = [re.sub(r"<[^>]+>", "", body) for _, body in items]
    assert "First published:" in text[0] and "Harbour council backs the new sea wall" in text[0]
    assert "1 January 2025" in text[0]
    assert "copied" in kinds, kinds
    copied = text[kinds.index("copied")]
    assert "Sea wall approved" in html.unescape(copied) and "not credited" in copied
    assert "credit" in kinds
    assert "altered" in kinds and "“reach the market square”" not in text[kinds.index("altered")]


def test_findings_link_to_existing_pages(tiny):
    out, _ = tiny
    page = (out / "index.html").read_text(encoding="utf-8")
    block = page[page.index('<ul class="findings">'):page.index("</ul>", page.index('<ul class="findings">'))]
    links = re.findall(r'href="([^"]+)"', block)
    assert any(link.startswith("pairs/") for link in links)
    for link in links:
        assert (out / link).is_file(), link


def test_every_finding_kind_has_a_lead():
    from generator.site.finding_parts import Finding, Part

    for kind in LEADS:
        assert Finding(kind, (Part("x"),)).text.startswith(LEADS[kind])


def test_graph_is_layered_by_publication_order_and_labels_do_not_collide(demo_site):
    from generator.build import analyse, load_site
    from generator.progress import Progress

    root = Path(__file__).resolve().parent.parent
    config, articles, _ = load_site(root)
    analysis = analyse(articles, config, Progress(enabled=False), None)
    links = [Link(s.article, s.source, s.share, s.credited, s.reuse, "partially derived")
             for s in analysis.provenance.links]
    g = graph(analysis.articles, links, {})
    ys = [n.y for n in g.nodes]
    assert ys == sorted(ys) and len(set(ys)) == len(ys)
    assert [n.article.id for n in g.nodes] == [a.id for a in analysis.articles]
    boxes = [(e.label_x - 16, e.label_y - 12, e.label_x + 16, e.label_y + 2) for e in g.edges]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], (a, b)
    for e in g.edges:  # arcs run downwards, from the earlier article to the later one
        assert e.source.y < e.target.y
        assert 0 < e.label_x < e.source.x
    assert all(0 < n.x < g.width and 0 < n.y < g.height for n in g.nodes)


def test_article_text_is_escaped_everywhere(site):
    root = site({"evil.md": "---\ntitle: <script>alert('t')</script>\noutlet: <b>Bold</b>\n---\n"
                            "Text with <img src=x onerror=alert(1)> and \"<i>a quote</i> here\" said Eve.\n",
                 "plain.txt": "Another <script>x()</script> article\n\nAbout something else entirely.\n"})
    build(root, root / "public")
    for page in (root / "public").rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "<script>alert" not in text and "<img src=x" not in text and "<b>Bold" not in text, page
        assert "<script>x()" not in text, page
    assert "&lt;script&gt;alert" in (root / "public/index.html").read_text(encoding="utf-8")


def test_sitemap_lists_pages_with_base_url(tiny):
    out, _ = tiny
    sitemap = (out / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert "https://example.org/r/index.html" in locs
    assert "https://example.org/r/quotes.html" in locs
    assert not any(loc.endswith("404.html") for loc in locs)
    assert all((out / loc.removeprefix("https://example.org/r/")).is_file() for loc in locs)


def test_no_sitemap_without_base_url(demo_site):
    assert not (demo_site / "sitemap.xml").exists()


def test_data_files_are_linked_from_the_overview(demo_site):
    page = (demo_site / "index.html").read_text(encoding="utf-8")
    for name in ("report.json", "pairs.csv", "quotes.csv"):
        assert f'href="{name}"' in page and (demo_site / name).is_file()


def test_site_templates_override_builtin_ones(site):
    root = site({"a.md": WIRE, "b.md": COPY})
    (root / "templates/static").mkdir(parents=True)
    (root / "templates/404.html").write_text('{% extends "base.html" %}{% block main %}<p>Lost at sea.</p>'
                                             "{% endblock %}", encoding="utf-8")
    (root / "templates/static/extra.css").write_text("body{}", encoding="utf-8")
    build(root, root / "public")
    assert "Lost at sea." in (root / "public/404.html").read_text(encoding="utf-8")
    assert (root / "public/static/extra.css").is_file()
    assert (root / "public/static/style.css").is_file()  # built-ins still there
    assert "Key findings" in (root / "public/index.html").read_text(encoding="utf-8")


def test_404_page_links_from_the_site_root_when_base_url_is_known(tiny, demo_site):
    out, _ = tiny
    page = (out / "404.html").read_text(encoding="utf-8")
    assert 'href="https://example.org/r/index.html"' in page
    # Its style is inline, so that it loads nothing, from any depth.
    for html in (page, (demo_site / "404.html").read_text(encoding="utf-8")):
        assert "<style>" in html and ".site-header" in html and 'rel="stylesheet"' not in html


def test_matrix_cells_above_the_diagonal_are_not_called_derived(demo_site):
    from generator.site.overview import LATER_SOURCE

    html = (demo_site / "index.html").read_text(encoding="utf-8")
    rows = html.split('<th scope="row">')[1:]
    first_row = rows[0].split("</tr>")[0]
    assert "derived" not in first_row and LATER_SOURCE.split(";")[0] in first_row
    last_row = rows[-1].split("</tr>")[0]
    assert LATER_SOURCE not in last_row


def test_quote_table_files_transliterations_of_one_name_together():
    from generator.model import QuoteCluster
    from generator.site.quotes import speaker_names

    def cluster(n, speaker):
        return QuoteCluster(f"q{n}", f"words {n}", speaker, "a", ())

    clusters = (cluster(1, "Sergey Lavrov"), cluster(2, "Sergey Lavrov"), cluster(3, "Sergei Lavrov"),
                cluster(4, "John Smith"), cluster(5, "Jane Smith"), cluster(6, "Wang Yi"), cluster(7, None))
    assert speaker_names(clusters) == {"Sergey Lavrov": "Sergey Lavrov", "Sergei Lavrov": "Sergey Lavrov",
                                       "John Smith": "John Smith", "Jane Smith": "Jane Smith",
                                       "Wang Yi": "Wang Yi"}
