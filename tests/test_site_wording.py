"""Words of the pages that must not say more than the figures show (a journalist's review):
a quote only respelled is not 'reworded', a rewrite is not 'copied', a label says why."""

from __future__ import annotations

import re

from generator.model import EditOp, QuoteCluster, QuoteOccurrence


def _altered(cid: str, text: str, *edits: EditOp) -> QuoteCluster:
    return QuoteCluster.of(cid, text, "Ada Brook", "a", (QuoteOccurrence("a", "verbatim", text, 100.0),
                                                         QuoteOccurrence("b", "altered", text, 90.0, edits=edits)))


def _quote_finding(*clusters: QuoteCluster) -> str:
    from generator.segment import article_from_text
    from generator.site.finding_parts import Namer
    from generator.site.quote_findings import quote_findings

    articles = (article_from_text("a", "One text.", order=0), article_from_text("b", "Another text.", order=1))
    [finding] = quote_findings(clusters, articles, Namer(articles))
    return finding.text


def test_quotes_only_respelled_are_not_said_to_be_reworded():
    spelling = _altered("q-1", "recognized by both sides", EditOp("replace", "recognised", "recognized"))
    text = _quote_finding(spelling)
    assert "reworded" not in text and "1 quotation was respelled inside the quotation marks" in text
    words = _altered("q-2", "we will never accept it", EditOp("replace", "may", "will never"))
    text = _quote_finding(spelling, words)
    assert "2 quotations were changed inside the quotation marks (1 only respelled)" in text


def test_demo_front_page_says_its_altered_quotes_were_respelled(demo_site):
    index = re.sub(r"<[^>]+>", "", (demo_site / "index.html").read_text(encoding="utf-8"))
    assert "quotations were reworded" not in index
    assert re.search(r"Quotes altered: \d quotations? (was|were) respelled", index)


def test_a_rewrite_is_not_said_to_be_copied(demo_site):
    """'Mostly copied' only where most of the reused words are verbatim or edited; the demo's
    paraphrased rewrites (87% from CNN, mostly paraphrased) are 'Mostly rewritten', and each
    finding says how its words follow the source: verbatim, edited, paraphrased."""
    import json

    from generator.site.common import percent

    report = json.loads((demo_site / "report.json").read_text(encoding="utf-8"))
    pairs = {p["page"]: p for p in report["pairs"]}
    index = (demo_site / "index.html").read_text(encoding="utf-8")
    findings = index.split('<ul class="findings">', 1)[1].split("</ul>", 1)[0]
    kinds = set()
    for kind, body in re.findall(r'<li class="finding finding-(copied|rewritten)">(.*?)</li>', findings, re.S):
        kinds.add(kind)
        pair = pairs[re.search(r'href="(pairs/[^"]+)"', body).group(1)]
        word_for_word = pair["verbatim"] + pair["edited"]
        assert (word_for_word >= pair["reuse"] / 2) == (kind == "copied"), (kind, pair)
        said = ", ".join(f"{percent(pair[k])} {name}" for k, name in
                         (("verbatim", "verbatim"), ("edited", "edited"), ("paraphrase", "paraphrased")) if pair[k] > 0)
        assert f"({said}; " in body and "word for word" not in body
        if kind == "rewritten":
            assert "of its words follow" in body
    assert kinds == {"copied", "rewritten"} or kinds == {"rewritten"}


def test_two_further_sources_are_joined_by_one_and(demo_site):
    index = re.sub(r"<[^>]+>", "", (demo_site / "index.html").read_text(encoding="utf-8"))
    findings = index.split("Key findings", 1)[1].split("Who took from whom", 1)[0]
    assert re.search(r"\d+% more from [^,]*, and \d+% more from", findings) is None
    assert re.search(r", \d+% more from [^,]* and \d+% more from", findings)  # demo article 5: two further sources


def _pair_page(demo_site, article: str, source: str) -> str:
    [page] = (demo_site / "pairs").glob(f"{article}*--{source}*.html")
    return page.read_text(encoding="utf-8")


def test_a_label_raised_by_paraphrase_says_so(demo_site, demo_report):
    """The demo's rewrite 001 of CNN (000) adds more than the new-word cap but is wholly derived:
    its verdict says the label comes from paraphrase, so it does not contradict the rule."""
    from generator.labels import raised_by_paraphrase
    from generator.model import PairResult

    if not demo_report["semantic"]:
        return
    for p in demo_report["pairs"]:
        if p["label"] is None:
            continue
        pair = PairResult(p["article"], p["source"], p["reuse"], p["verbatim"], p["edited"], p["paraphrase"],
                          p["containment"], vocabulary=p["vocabulary"], new_words=p["new_words"])
        verdict = _pair_page(demo_site, p["article"][:3], p["source"][:3]).split('<p class="verdict">', 1)[1]
        verdict = verdict.split("</p>", 1)[0]
        assert ("The label comes from paraphrase" in verdict) == raised_by_paraphrase(pair), p
    rewrite = _pair_page(demo_site, "001", "000").split('<p class="verdict">', 1)[1].split("</p>", 1)[0]
    assert "The label comes from paraphrase" in rewrite


def test_help_states_the_whole_paraphrase_rule(demo_site):
    from generator.labels import PARAPHRASE_PARTIALLY_MIN_REUSE, PARAPHRASE_WHOLLY_MIN_REUSE

    pages = [(demo_site / "index.html").read_text(encoding="utf-8"), _pair_page(demo_site, "001", "000")]
    for page in pages:
        text = re.sub(r"<[^>]+>", "", page)
        assert (f"{round(100 * PARAPHRASE_PARTIALLY_MIN_REUSE)}% makes it partially derived and "
                f"{round(100 * PARAPHRASE_WHOLLY_MIN_REUSE)}% wholly derived, whatever the article adds") in text


def test_pair_help_of_a_later_article_is_plain_english(demo_site):
    import html

    later = html.unescape(re.sub(r"<[^>]+>", "", _pair_page(demo_site, "000", "001")))
    assert "share of the first words" not in later and "share of the first article's words" in later


def test_a_story_page_says_it_is_a_story(tmp_path):
    """A story is named by its first article's title: its page must not read as that article's
    (and a story of one article is not '1 articles')."""
    from generator.build import build
    from support import synthetic_site

    site = synthetic_site(tmp_path / "site", 60, stories=True)  # it has a story of one article
    build(site, tmp_path / "out", jobs=1)
    pages = sorted((tmp_path / "out" / "stories").glob("*/*.html"))
    assert pages
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert not re.search(r"\b1 articles\b", text), page
        title = re.search(r"<title>([^<]*)</title>", text).group(1)
        assert title.startswith("Story: ") or title.startswith("Quotations · Story: "), (page, title)
        if page.name == "index.html":
            assert re.search(r"<h1>Story: “[^<]+”</h1>", text), page


def test_the_demo_footer_does_not_repeat_the_credit_line(demo_site):
    footer = (demo_site / "index.html").read_text(encoding="utf-8").split('<footer', 1)[1]
    assert footer.count("wiretrace") == 1


def test_the_verdict_ends_with_a_space_before_the_other_direction(demo_site):
    for page in (demo_site / "pairs").glob("*.html"):
        verdict = page.read_text(encoding="utf-8").split('<p class="verdict">', 1)[1].split("</p>", 1)[0]
        assert not re.search(r"[.)]<a ", verdict), page  # 'adds.See the other direction'


def test_an_independent_article_with_nothing_from_earlier_ones_says_so():
    from generator.site.findings import _independent

    assert "more than 0%" not in _independent(0.0, 2, 0.3)
    assert _independent(0.0, 0, 0.0) == ": none of its words lie in passages aligned to an earlier article."
    assert "no earlier article accounts for more than 4% of its words" in _independent(0.04, 0, 0.0)


def test_the_articles_table_says_which_titles_are_opening_words(demo_site, demo_report):
    """Demo 002 has no title in its file: the front page's table says so, as its page does."""
    index = (demo_site / "index.html").read_text(encoding="utf-8")
    table = index.split('<table class="articles', 1)[1].split("</table>", 1)[0]
    rows = {a["id"]: next(r for r in table.split("<tr>") if f'{a["id"]}.html' in r) for a in demo_report["articles"]}
    marked = {i for i, row in rows.items() if "opening words" in row}
    assert marked == {i for i in rows if i.startswith("002")}


def test_mostly_copied_says_why_its_label_is_only_partially_derived():
    """94% copied but 34 content words of its own: the label (new-word cap) is partially
    derived, and the finding says so instead of leaving the matrix to contradict it."""
    from generator.model import PairResult
    from generator.segment import article_from_text
    from generator.site.finding_parts import Namer
    from generator.site.findings import Link, _derivations

    articles = (article_from_text("a", "One text.", order=0), article_from_text("b", "Another text.", order=1))
    capped = PairResult("b", "a", 0.94, 0.9, 0.04, 0.0, 0.8, vocabulary=0.9, new_words=34)
    [finding] = _derivations(articles, {("b", "a"): capped}, [Link("b", "a", 0.94, False, 0.94, "partially derived")], Namer(articles))
    assert finding.lead == "Mostly copied"
    assert finding.text.endswith("It adds 34 content words of its own, so its label is partially derived.")
    within = PairResult("b", "a", 0.94, 0.9, 0.04, 0.0, 0.8, vocabulary=0.9, new_words=5)
    [finding] = _derivations(articles, {("b", "a"): within}, [Link("b", "a", 0.94, False, 0.94, "partially derived")], Namer(articles))
    assert "its label is" not in finding.text


def test_the_stories_table_numbers_articles_as_the_findings_below_it(tmp_path):
    from generator.build import build
    from support import synthetic_site

    site = synthetic_site(tmp_path / "site", 24, stories=True)
    build(site, tmp_path / "out", jobs=1)
    front = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    table = front.split('id="stories-title"', 1)[1].split("</table>", 1)[0]
    links = re.findall(r'<a href="articles/[^"]+"[^>]*>(.*?)</a>', table)
    assert links and all(re.match(r'<span class="n" aria-hidden="true">\d+</span> ', a) for a in links)


def test_a_facts_changed_finding_links_its_source_by_title_alone(demo_site):
    """'(source: ① “title”)', the badge and link inside the brackets, not '① (source: “title”)'
    with the bracket and the word 'source' underlined as part of the link."""
    index = (demo_site / "index.html").read_text(encoding="utf-8")
    drift = re.findall(r'<li class="finding finding-drift[^"]*">(.*?)</li>', index, re.S)
    assert drift
    for body in drift:
        assert "(source: <a " in body and not re.search(r'</span> \(source', body)


def test_an_article_page_shows_each_source_label_beside_its_reuse(demo_site):
    """A phone shows the first columns of the sources table: the label must be among them."""
    page = next((demo_site / "articles").glob("003*.html")).read_text(encoding="utf-8")
    head = page.split('<table class="sources', 1)[1].split("</tr>", 1)[0]
    assert re.findall(r'<th scope="col"[^>]*>([^<]+)</th>', head)[:3] == ["Source", "Reuse", "Label"]


def test_a_pair_labelled_independent_is_not_called_derived_or_uncredited():
    """30% shared, mostly paraphrase, labelled independent (as the matrix and pair page say):
    the finding says the words are shared, not taken, and no credit is said to be missing."""
    from generator.labels import INDEPENDENT, pair_label
    from generator.model import PairResult
    from generator.segment import article_from_text
    from generator.site.finding_parts import Namer
    from generator.site.findings import Link, _credit, _derivations

    articles = (article_from_text("a", "One text.", order=0), article_from_text("b", "Another text.", order=1))
    shared = PairResult("b", "a", 0.30, 0.15, 0.02, 0.13, 0.1, vocabulary=0.35, new_words=189)
    assert pair_label(shared) == INDEPENDENT
    links = [Link("b", "a", 0.30, False, 0.30, pair_label(shared))]
    [finding] = _derivations(articles, {("b", "a"): shared}, links, Namer(articles))
    assert finding.lead == "Shares text" and "derived" not in finding.lead
    assert "30% of its words are shared with" in finding.text and "come from" not in finding.text
    assert "credit" not in finding.text and finding.text.endswith("labelled independent.")
    assert _credit(articles, links, Namer(articles)) == []


def test_the_graph_does_not_say_an_independent_article_took_text_without_credit(site):
    """One sentence of the first article in a longer one of its own: an arc (the sentence is
    shared) but a pair labelled independent, so neither a dashed 'without credit' arc nor a
    'took' in its title."""
    import json

    from generator.build import build

    first = ("The harbour council met on Monday evening to discuss the new ferry timetable for the islands. "
             "Officials said the morning crossings would start an hour earlier from next spring. "
             "Several residents asked about fares, which remain unchanged for children and pensioners. ")
    second = ("Officials said the morning crossings would start an hour earlier from next spring. " +
              "Fishermen at Westbay complained bitterly about quotas, diesel prices, broken winches, rusty "
              "trawlers, shrinking cod stocks and absent inspectors. Tourism operators praised sunny weather, "
              "busy campsites, crowded beaches, lively festivals and generous visitors. Teachers demanded "
              "smaller classes, newer textbooks, better heating and longer holidays before autumn elections. "
              "Farmers inland worried about drought, hungry geese, muddy lanes and a closed creamery. "
              "Nurses asked parliament for safer rosters, fairer pay, quieter wards and modern scanners. ")
    root = site({"a.md": f"---\ntitle: Ferry timetable\npublished: 2025-03-01T08:00:00Z\n---\n{first}\n",
                 "b.md": f"---\ntitle: Island life\npublished: 2025-03-02T08:00:00Z\n---\n{second}\n"})
    build(root, root / "public")
    [pair] = [p for p in json.loads((root / "public" / "report.json").read_text(encoding="utf-8"))["pairs"]
              if p["article"] == "b"]
    assert pair["label"] == "independent" and pair["reuse"] > 0.05, pair
    index = (root / "public" / "index.html").read_text(encoding="utf-8")
    graph = index.split('id="graph"', 1)[1].split("</section>", 1)[0]
    assert 'class="edge independent"' in graph and "uncredited" not in graph
    said = re.findall(r'class="edge[^>]*>\s*<title>(.*?)</title>', graph) + re.findall(r"<li>(.*?)</li>", graph, re.S)
    assert said and all("labelled independent" in s and "credit" not in s and " took " not in s for s in said)
    assert "finding-derived" not in index and "do not credit" not in index


def test_the_matrix_and_findings_keep_word_for_word_for_verbatim_text(demo_site):
    """Edited passages are not word for word and paraphrase does not 'come from' a source as
    words do: the front page says 'copied or closely edited' for verbatim + edited, and a
    finding's share is broken down into verbatim, edited and paraphrased words."""
    index = re.sub(r"<[^>]+>", "", (demo_site / "index.html").read_text(encoding="utf-8"))
    assert "word for word (verbatim or edited" not in index and "aligned word for word" not in index
    assert "copied or closely edited (verbatim or edited passages" in index
    assert not re.search(r"\d+% word for word", index)
    assert re.search(r"\d+% of its words follow [^()]*\([^()]*\) \(\d+% verbatim, \d+% edited, \d+% paraphrased; compare\)",
                     index)


def test_a_pair_page_labelled_independent_does_not_say_took(demo_site, demo_report):
    """The heading of a pair page says 'took from' only where the pair's label is derived."""
    import html

    pages = [p for p in demo_report["pairs"] if p["label"] and p["page"]]
    assert {p["label"] == "independent" for p in pages} == {True, False}  # the demo has both
    for p in pages:
        head = html.unescape((demo_site / p["page"]).read_text(encoding="utf-8").split("<h1>", 1)[1].split("</h1>")[0])
        assert (" took from " in head) == (p["label"] != "independent"), (p["page"], head)


def test_an_article_page_does_not_say_an_independent_source_is_not_credited(demo_site, demo_report):
    """The sources table says 'not credited' only of a source the article is derived from."""
    import html

    checked = set()
    for p in demo_report["pairs"]:
        if not p["label"] or not p["page"]:
            continue
        page = next((demo_site / "articles").glob(f"{p['article']}.html")).read_text(encoding="utf-8")
        row = next(r for r in page.split('<table class="sources', 1)[1].split("</table>", 1)[0].split("<tr")
                   if f"{p['source']}.html" in r)
        cells = html.unescape(re.sub(r"<[^>]+>", "|", row))
        if "yes" in cells:
            checked.add(p["label"] == "independent")
            assert ("credited" in cells) == (p["label"] != "independent"), cells
            assert "owed" not in cells  # whether credit was owed is for the reader to judge
    assert checked == {True, False}  # the demo has a direct source of each kind


def _undated_pair(a_in_b: float, b_in_a: float):
    from generator.model import PairResult
    from generator.segment import article_from_text

    articles = (article_from_text("a", "One text.", order=0), article_from_text("b", "Another text.", order=1))
    pairs = {("a", "b"): PairResult("a", "b", a_in_b, a_in_b, 0.0, 0.0, a_in_b),
             ("b", "a"): PairResult("b", "a", b_in_a, b_in_a, 0.0, 0.0, b_in_a)}
    return articles, pairs


def test_an_undated_origin_says_whether_text_or_file_order_placed_it_first():
    from generator.site.finding_parts import Namer
    from generator.site.findings import _origin

    articles, pairs = _undated_pair(0.9, 0.3)  # a lies in b: placed right before it
    assert "undated, placed first because another article contains its text." in \
        _origin(articles, pairs, [], Namer(articles)).text
    articles, pairs = _undated_pair(0.9, 0.9)  # each lies in the other as much: file order
    text = _origin(articles, pairs, [], Namer(articles)).text
    assert "placed first in file order" in text and "contains its text" not in text


def test_a_pair_page_says_when_neither_article_is_dated():
    from generator.site.pair import PairView

    (a, b), pairs = _undated_pair(0.9, 0.3)
    view = PairView(b, a, pairs[("b", "a")], pairs[("a", "b")], (), (), (), None)
    assert view.order_doubt == "neither is dated: the order is inferred from the text, one contains the other"
    (a, b), pairs = _undated_pair(0.2, 0.2)
    view = PairView(b, a, pairs[("b", "a")], pairs[("a", "b")], (), (), (), None)
    assert view.order_doubt == "neither is dated and neither contains the other's text: the order is a guess"
