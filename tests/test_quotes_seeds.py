"""Quote extraction, attribution and clustering on the five demo articles in content/."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from generator.model import Article, EditOp, Metadata
from generator.quotes import cluster_quotes, extract_quotes
from generator.segment import article_from_text

ROOT = Path(__file__).resolve().parent.parent
SHARED = ["the highest level in history", "oppose a Cold War mentality",
          "recognised by both Russia and Ukraine",
          "equal participation by all parties and where all peace plans are discussed fairly"]


def _local_articles() -> list[Article]:
    """Fallback reader: seed 000 is WordPress JSON, the others plain text."""
    from selectolax.lexbor import LexborHTMLParser

    articles = []
    for order, path in enumerate(sorted((ROOT / "content").glob("*.txt"))):
        raw = path.read_text(encoding="utf-8")
        if order == 0:
            html = json.loads(raw)["content"]["rendered"]
            raw = "\n\n".join(p.text() for p in LexborHTMLParser(html).css("p"))
        articles.append(article_from_text(path.stem.replace("_", "-"), raw, Metadata(), order))
    return articles


@cache
def seeds() -> tuple[Article, ...]:
    try:
        from generator.build import load_site
    except ImportError:
        return tuple(_local_articles())
    return tuple(load_site(ROOT)[1])


def seed(prefix: str) -> Article:
    return next(a for a in seeds() if a.id.startswith(prefix))


def norm(text: str | None) -> str:
    return " ".join(re.findall(r"\w+", (text or "").casefold()))


@cache
def clusters():
    articles = seeds()
    quotes = {a.id: extract_quotes(a) for a in articles}
    return cluster_quotes(articles, quotes, [a.id for a in articles])


def cluster_of(text: str):
    return next(c for c in clusters() if norm(c.text) == norm(text))


def occurrence(cluster, prefix: str):
    return next(o for o in cluster.occurrences if o.article.startswith(prefix))


def test_seed_002_has_no_quotation():
    assert extract_quotes(seed("002")) == ()


def test_seed_003_shares_four_quotes_with_000_all_by_wang_yi():
    found = {norm(q.text): q.speaker for q in extract_quotes(seed("003"))}
    for text in SHARED:
        assert found[norm(text)] == "Wang Yi"
        assert occurrence(cluster_of(text.replace("recognised", "recognized")), "003").status in ("verbatim", "altered")


def test_seed_003_other_speakers():
    by_text = {q.text[:20]: q.speaker for q in extract_quotes(seed("003"))}
    assert by_text["We would like to exp"].endswith("Lavrov")
    assert by_text["We are sincerely ple"].endswith("Lavrov")
    assert by_text["Today's good relatio"] == "Wang Yi"
    assert by_text["no limits"] is None


def test_recognized_recognised_is_altered_with_the_edit():
    cluster = cluster_of("recognized by both Russia and Ukraine")
    assert cluster.origin.startswith("000") and cluster.speaker == "Wang Yi"
    for prefix in ("001", "003"):
        occ = occurrence(cluster, prefix)
        assert occ.status == "altered"
        assert occ.edits == (EditOp("replace", "recognised", "recognized"),)


def test_seed_001_truncated_quote_is_partial():
    (quote,) = [q for q in extract_quotes(seed("001")) if q.truncated]
    assert quote.text == "the highest level in" and quote.speaker == "Wang Yi"
    occ = occurrence(cluster_of("the highest level in history"), "001")
    assert (occ.status, occ.text) == ("partial", "the highest level in")


def test_seed_004_uses_a_quote_without_marks():
    occ = occurrence(cluster_of("recognized by both Russia and Ukraine"), "004")
    assert occ.status == "unquoted" and norm(occ.text) == "recognized by both russia and ukraine"
    assert seed("004").text[occ.start : occ.end] == occ.text


def test_short_quotes_are_never_unquoted():
    for cluster in clusters():
        if len(norm(cluster.text).split()) < 3:
            assert {o.status for o in cluster.occurrences} <= {"verbatim", "absent"}


def test_every_cluster_has_one_occurrence_per_article():
    ids = [a.id for a in seeds()]
    for cluster in clusters():
        assert [o.article for o in cluster.occurrences] == ids
        assert occurrence(cluster, cluster.origin).status == "verbatim"
