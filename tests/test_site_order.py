"""Publication order on the pages: a later article is never shown as a source, and every
page numbers articles as the front page does."""

from __future__ import annotations

import csv
import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from generator.build import build
from support import sea_wall_pair

FIRST = """---
title: Storm closes the mountain pass
outlet: Valley Post
published: 2025-01-01
---
Heavy snow closed the mountain pass on Sunday night and left dozens of lorries stranded at the
border post, where drivers waited for ploughs that could not reach them before the morning.
"""
WIRE, COPY = sea_wall_pair("2025-01-02", "2025-01-03")


@pytest.fixture(scope="module")
def ordered(tmp_path_factory):
    from support import make_site

    root = make_site(tmp_path_factory.mktemp("ordered") / "site",
                     {"c-copy.md": COPY, "b-wire.md": WIRE, "a-first.md": FIRST}, "title: Ordered\n")
    build(root, root / "public")
    return root / "public"


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _sources_table(page: str) -> str:
    return page.split('<table class="sources', 1)[1].split("</table>", 1)[0]


def test_an_earlier_article_takes_nothing_from_a_later_one(ordered):
    page = (ordered / "articles" / "b-wire.html").read_text(encoding="utf-8")
    assert "0% of its words are highlighted below as taken from earlier articles" in _text(page)
    table = _sources_table(page)
    assert "shares text; published later" in table and "derived" not in table
    text = page.split('<div class="article-text">', 1)[1]
    assert 'class="m-verbatim' not in text and 'class="m-edited' not in text  # nothing shown as taken


def test_the_later_copy_shows_what_it_took(ordered):
    page = (ordered / "articles" / "c-copy.html").read_text(encoding="utf-8")
    assert "wholly derived" in _sources_table(page)
    assert "published later" not in _sources_table(page)


def test_pair_page_of_a_later_source_gives_no_verdict(ordered):
    page = _text((ordered / "pairs" / "b-wire--c-copy.html").read_text(encoding="utf-8"))
    assert "Text shared by “Harbour council backs the new sea wall” and the later “Sea wall approved”" in page
    assert "derived" not in page.lower() and "took from" not in page
    page = _text((ordered / "pairs" / "c-copy--b-wire.html").read_text(encoding="utf-8"))
    assert "What “Sea wall approved” took from" in page and "Wholly derived" in page


def test_data_files_claim_no_derivation_from_a_later_article(ordered):
    report = json.loads((ordered / "report.json").read_text(encoding="utf-8"))
    label = {(p["article"], p["source"]): p["label"] for p in report["pairs"]}
    assert label[("b-wire", "c-copy")] is None and label[("c-copy", "b-wire")] == "wholly derived"
    assert label[("a-first", "b-wire")] is None and label[("b-wire", "a-first")] == "independent"
    with (ordered / "pairs.csv").open(encoding="utf-8") as f:
        rows = {(r["article"], r["source"]): r for r in csv.DictReader(f)}
    assert rows[("b-wire", "c-copy")]["label"] == "" and rows[("c-copy", "b-wire")]["label"] == "wholly derived"
    assert rows[("b-wire", "c-copy")]["reuse"] == str(next(
        p["reuse"] for p in report["pairs"] if (p["article"], p["source"]) == ("b-wire", "c-copy")))


def test_an_original_copied_later_is_not_said_to_owe_its_words(ordered):
    index = _text((ordered / "index.html").read_text(encoding="utf-8"))
    finding = re.search(r"Written independently: 2 “Harbour council[^.]*\.[^.]*\.", index)
    assert finding, index
    assert "none of its words lie in passages aligned to an earlier article" in finding.group(0)
    assert "1 later article took text from it" in finding.group(0)


def test_article_pages_use_the_front_page_numbers(ordered):
    page = (ordered / "articles" / "c-copy.html").read_text(encoding="utf-8")
    assert "Article 3 in publication order" in _text(page)
    # The wire is 2 on the front page: its badge and the number over its passages say 2.
    table = _sources_table(page)
    assert re.search(r'<span class="swatch src-1" aria-hidden="true">2</span><a href="[^"]*b-wire', table)
    assert '<span class="pnum" aria-hidden="true">2</span>' in page


def test_graph_list_says_a_second_source_adds_a_further_share(demo_site):
    index = (demo_site / "index.html").read_text(encoding="utf-8")
    rows = [r.split("</tr>")[0] for r in index.split('<th scope="row">')[1:]]
    cells = [re.findall(r'<td class="(?:cell|diag)[^>]*>\s*(?:<a [^>]*>|<span[^>]*>)([^<]*)<', r) for r in rows]
    edges = re.findall(r'<li><span class="n">(\d+)</span> took (a further )?(\S+) of its words from '
                       r'<span class="n">(\d+)</span>(?: \((\S+) shared in all\))?', index)
    further = [e for e in edges if e[1]]
    assert further, edges
    for target, _, share, source, shared in further:
        assert shared == cells[int(target) - 1][int(source) - 1]  # the matrix's figure for the pair
        assert int(share.rstrip("%")) < int(shared.rstrip("%"))
    # Above the diagonal a tooltip says the text is shared, not reused.
    first_row = rows[0]
    assert " reused (" not in first_row and "of its words shared" in first_row


def test_story_pages_number_articles_as_the_front_page_does(tmp_path):
    from support import synthetic_site

    site = synthetic_site(tmp_path / "site", 24, stories=True)
    build(site, tmp_path / "out", jobs=1)
    front = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    number = {href: n for n, href in re.findall(r'<tr><td class="num">(\d+)</td><td><a href="articles/([^"]+)"', front)}
    assert len(number) == 24
    story_pages = sorted((tmp_path / "out" / "stories").glob("*/*.html"))
    assert len(story_pages) >= 4
    checked = 0
    for page in story_pages:
        html = page.read_text(encoding="utf-8")
        # Matrix, quote table and article list headers; graph nodes; the list of articles.
        for href, n in re.findall(r'<a href="\.\./\.\./articles/([^"]+)"[^>]*>(?:<span class="num">)?(\d+)<', html):
            assert number[href] == n, (page.name, href)
            checked += 1
        for n, href in re.findall(r'<td class="num">(\d+)</td><td><a href="\.\./\.\./articles/([^"]+)"', html):
            assert number[href] == n
            checked += 1
    assert checked > 24
    # The stories come first, then every finding; the nav's first link says where it lands.
    assert front.index('id="stories-title"') < front.index('id="findings"')
    assert '#matrix">Stories</a>' in front
    site_wide = front.split('<h2 id="findings">', 1)[1]
    # The note that paraphrase detection was off comes after every finding about the articles.
    kinds = re.findall(r'<li class="finding finding-(\w+)"', site_wide.split('<ul class="findings">')[1].split("</ul>")[0])
    assert kinds[-1] == "note" and kinds.count("note") == 1 and "drift" in kinds, kinds
    stories_table = front.split('<table class="stories">', 1)[1].split("</table>", 1)[0]
    assert "finding-note" not in stories_table


def test_print_shows_link_addresses_and_no_sort_arrows():
    css = (Path(__file__).resolve().parent.parent / "templates" / "static" / "style.css").read_text(encoding="utf-8")
    printed = css.split("@media print {", 1)[1].split("\n}", 1)[0]
    assert "button.sort::after { content: none; }" in printed
    assert 'a[rel~="nofollow"]::after { content: " (" attr(href) ")"' in printed


def test_matrix_says_which_order_is_inferred(demo_site):
    from generator.site.overview import LATER_SOURCE, PROBABLY_LATER_SOURCE

    index = (demo_site / "index.html").read_text(encoding="utf-8")
    report = json.loads((demo_site / "report.json").read_text(encoding="utf-8"))
    undated = sum(1 for a in report["articles"] if not a["published"])
    assert undated and f"{undated} of the {len(report['articles'])} articles have no date" in index
    rows = [r.split("</tr>")[0] for r in index.split('<th scope="row">')[1:]]
    labels = [re.findall(r"<small>([^<]*)</small>", r) for r in rows]
    dated = [bool(a["published"]) for a in report["articles"]]
    for i, row in enumerate(labels):
        for label in row:
            if label.startswith("shared"):
                assert label in (LATER_SOURCE, PROBABLY_LATER_SOURCE)
    # The first row: a dated article is "later" only where the dates tell it (another day, or
    # both with times); the undated ones, and one dated the same day without a time, "probably later".
    first = [label for label in labels[0] if label.startswith("shared")]
    when = [a["published"] or "" for a in report["articles"]]
    told = [d and (w[:10] != when[0][:10] or "T" in w and "T" in when[0]) for d, w in zip(dated[1:], when[1:])]
    assert first == [LATER_SOURCE if t else PROBABLY_LATER_SOURCE for t in told]


def test_figures_are_explained_in_plain_words(demo_site):
    index = (demo_site / "index.html").read_text(encoding="utf-8")
    assert "METER scheme" not in index and "British newspapers reused news-agency copy" in index
    assert re.search(r'<small class="lexical">\d+% copied or edited</small>', index)  # paraphrase is on in the demo
    pair = next((demo_site / "pairs").glob("*.html")).read_text(encoding="utf-8")
    help_text = pair.split("</dl>", 1)[1].split("</header>", 1)[0]
    for term in ("Reuse", "verbatim", "edited", "paraphrase", "Shared 5-word sequences", "Shared vocabulary"):
        assert f"<strong>{term}</strong>" in help_text


def test_quote_findings_prefer_a_changed_word_to_a_respelling():
    from generator.model import EditOp, QuoteCluster, QuoteOccurrence
    from generator.site.quote_findings import _altered_example

    def altered(cid: str, text: str, edit: EditOp):
        occurrence = QuoteOccurrence("b", "altered", text, 90.0, edits=(edit,))
        return QuoteCluster.of(cid, text, "Ada Brook", "a", (QuoteOccurrence("a", "verbatim", text, 100.0),
                                                             occurrence)), occurrence

    spelling = altered("q-1", "recognized by both sides", EditOp("replace", "recognised", "recognized"))
    words = altered("q-2", "we will never accept it", EditOp("replace", "may", "will never"))
    text = "".join(p.text for p in _altered_example([spelling, words]))
    assert "“will never” became “may”" in text and "recognized" not in text
    text = "".join(p.text for p in _altered_example([spelling]))
    assert "“recognized” was only respelled “recognised”" in text


def test_quote_table_shows_a_paraphrase_as_paraphrased_not_absent():
    from generator.model import QuoteCluster, QuoteOccurrence
    from generator.segment import article_from_text
    from generator.site.quotes import quote_rows

    a, b = article_from_text("a", "One text.", order=0), article_from_text("b", "Another text.", order=1)
    cluster = QuoteCluster.of("q-1", "are futile", "Lavrov", "a", (
        QuoteOccurrence("a", "verbatim", "are futile", 100.0),
        QuoteOccurrence("b", "absent", None, None, paraphrase="they serve no purpose")))
    for sparse in (False, True):
        [row] = quote_rows((cluster,), (a, b), sparse)
        cell = next(c for c in row.cells if c.article.id == "b")
        assert cell.label == "paraphrased" and cell.occurrence.status == "absent"


def test_a_later_undated_article_is_probably_later(demo_site):
    report = json.loads((demo_site / "report.json").read_text(encoding="utf-8"))
    first, *others = report["articles"]
    page = (demo_site / first["page"]).read_text(encoding="utf-8")
    rows = _sources_table(page).split("<tr>")[1:]
    for other in others:
        row = next(r for r in rows if f'{other["id"]}.html' in r)
        said = re.search(r"shares text; (probably )?published later", row)
        when, mine = other["published"] or "", first["published"]
        told = bool(when) and (when[:10] != mine[:10] or "T" in when and "T" in mine)  # the dates tell the order
        assert said and bool(said.group(1)) == (not told)


def test_article_page_share_agrees_with_the_front_page(demo_site):
    index = (demo_site / "index.html").read_text(encoding="utf-8")
    explained: dict[int, int] = {}
    for target, share in re.findall(r'<li><span class="n">(\d+)</span> (?:took|shares) (?:a further )?(\d+)% of its words', index):
        explained[int(target)] = explained.get(int(target), 0) + int(share)
    assert len(explained) >= 3
    for page in (demo_site / "articles").glob("*.html"):
        text = _text(page.read_text(encoding="utf-8"))
        number = int(re.search(r"Article (\d+) in publication order", text).group(1))
        said = re.search(r"(\d+)% of its words are highlighted below as taken from earlier articles"
                         r"[^:.]*(?:: (\d+)% from its likely direct sources)?", text)
        direct = int(said.group(2) or said.group(1))
        assert abs(direct - explained.get(number, 0)) <= 1, (number, direct, explained.get(number))


def test_one_story_front_page_keeps_its_findings_first_and_its_matrix(demo_site):
    index = (demo_site / "index.html").read_text(encoding="utf-8")
    assert '#matrix">Matrix</a>' in index and 'id="stories-title"' not in index
    assert index.index('<h2 id="findings">Key findings</h2>') < index.index('id="matrix-title"')


def test_a_title_made_from_the_opening_words_is_said_to_be(site, tmp_path):
    body = ("The harbour council voted on Monday to build a new sea wall along the northern quay before the "
            "winter storms arrive, council leader Ada Brook said.\n\nThe wall will cost four million.\n")
    root = site({"untitled.txt": body, "titled.md": WIRE})
    build(root, tmp_path / "out")
    untitled = (tmp_path / "out" / "articles" / "untitled.html").read_text(encoding="utf-8")
    assert "<h1>The harbour council voted on Monday to build a new sea wall…</h1>" in untitled
    assert "named here by its opening words" in untitled
    titled = (tmp_path / "out" / "articles" / "titled.html").read_text(encoding="utf-8")
    assert "opening words" not in titled


def test_a_same_day_order_without_times_is_not_stated_as_fact(site):
    """A wire stamped 08:00 and a copy dated only that day: the copy is placed second, but the
    pages say 'probably' (the copy may have come first), as they do for an undated article;
    the next day's article is later for certain."""
    from generator.build import build
    from generator.provenance import order_known
    from generator.segment import article_from_text
    from generator.model import Metadata

    def art(published):
        return replace(article_from_text("x", "Text.", order=0), meta=Metadata(published=published))

    assert not order_known(art("2024-04-09T08:00:00Z"), art("2024-04-09"))
    assert not order_known(art("2024-04-09"), art("2024-04-09"))
    assert order_known(art("2024-04-09T08:00:00Z"), art("2024-04-09T09:00:00Z"))
    assert order_known(art("2024-04-09"), art("2024-04-10T01:00:00Z"))
    text = ("The harbour council met on Monday evening to discuss the new ferry timetable for the islands. "
            "Officials said the morning crossings would start an hour earlier from next spring. "
            "Several residents asked about fares, which remain unchanged for children and pensioners.")
    root = site({"wire.md": f"---\ntitle: Wire\npublished: 2024-04-09T08:00:00Z\n---\n{text}\n",
                 "copy.md": f"---\ntitle: Copy\npublished: 2024-04-09\n---\n{text}\n",
                 "next.md": f"---\ntitle: Next day\npublished: 2024-04-10\n---\n{text}\n"})
    build(root, root / "public")
    out = root / "public"
    index = (out / "index.html").read_text(encoding="utf-8")
    first_row = index.split('<th scope="row">', 2)[1].split("</tr>", 1)[0]
    assert re.findall(r"<small>(shared[^<]*)</small>", first_row) == ["shared; column probably later",
                                                                     "shared; column is later"]
    assert "dated the same day and one has no time of day" in index
    origin = re.sub(r"<[^>]+>", "", index.split('finding-origin">', 1)[1].split("</li>", 1)[0])
    assert "on 9 April 2024, probably: 1 other article is dated the same day" in origin
    later = (out / "pairs" / "wire--copy.html").read_text(encoding="utf-8")
    verdict = re.sub(r"<[^>]+>", "", later.split('<p class="verdict">', 1)[1].split("</p>", 1)[0])
    assert "probably published later" in verdict and "cannot be where" not in verdict
    assert "the same day" in verdict
    certain = re.sub(r"<[^>]+>", "", (out / "pairs" / "wire--next.html").read_text(encoding="utf-8"))
    assert "cannot be where the first took its text from" in certain and "probably" not in certain.split("Reuse", 1)[0]


def test_kept_pages_are_made_again_when_the_date_rules_change(monkeypatch):
    """Article and pair pages say 'probably published later' by provenance.order_known: a
    change to provenance.py must change the key under which a previous build's pages are kept."""
    import inspect

    from generator import provenance, rendered, render

    before = rendered.theme_key([], render)
    real = inspect.getsource
    monkeypatch.setattr(inspect, "getsource", lambda obj: real(obj) + ("\n# changed" if obj is provenance else ""))
    assert rendered.theme_key([], render) != before
