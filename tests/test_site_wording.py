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
    from generator.site.findings import _Namer, _quote_findings

    articles = (article_from_text("a", "One text.", order=0), article_from_text("b", "Another text.", order=1))
    [finding] = _quote_findings(clusters, articles, _Namer(articles))
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
