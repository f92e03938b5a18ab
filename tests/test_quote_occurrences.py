"""Quote clusters store their occurrences sparsely: the plain ``absent`` ones are implied
by the article order, yet every consumer still sees one occurrence per article (report.json
lists them all, byte for byte as json.dumps writes the materialised form)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from generator import report, report_rows
from generator.model import QuoteCluster, QuoteOccurrence
from generator.quotes import cluster, cluster_quotes, extract_quotes
from generator.quotes.match import QuoteWords
from generator.quotes.memo import Narratives
from generator.site.stories import _scoped_quotes

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from synth import generate  # noqa: E402

QUOTED = QuoteOccurrence("a", "verbatim", "the words", 100.0, 4, 13, speaker="Ann")
PARAPHRASED = QuoteOccurrence("c", "absent", None, None, paraphrase="In other words.")


def test_only_the_occurrences_that_say_something_are_stored():
    dense = (QUOTED, QuoteOccurrence.absent("b"), PARAPHRASED, QuoteOccurrence.absent("d"))
    made = QuoteCluster.of("q1", "the words", "Ann", "a", dense)
    assert made.found == (QUOTED, PARAPHRASED)  # an absent one with a paraphrase is kept
    assert made.articles == ("a", "b", "c", "d")
    assert made.occurrences == dense
    assert list(made.by_article()) == [("a", QUOTED), ("b", None), ("c", PARAPHRASED), ("d", None)]


def test_an_absent_occurrence_is_made_on_demand():
    made = QuoteCluster("q1", "the words", "Ann", "a", (QUOTED,), ("a", "b"))
    assert made.occurrence("a") is QUOTED
    assert made.occurrence("b") == QuoteOccurrence("b", "absent", None, None, None, None)
    assert made.occurrences[1].status == "absent" and made.occurrences[1].text is None


def _synthetic_clusters() -> tuple[list, tuple[QuoteCluster, ...]]:
    articles = list(generate(60, seed=3).articles)
    quotes = {a.id: extract_quotes(a) for a in articles}
    return articles, cluster_quotes(articles, quotes, [a.id for a in articles])


def test_report_json_lists_every_article_as_the_materialised_clusters_did():
    articles, clusters = _synthetic_clusters()
    ids = [a.id for a in articles]
    assert all(c.articles is clusters[0].articles for c in clusters)  # one shared order
    assert sum(len(c.found) for c in clusters) < len(clusters) * len(ids) / 10
    data = {"schema": "x", "quotes": report_rows.QuoteRows(list(clusters))}
    written = "".join(report.report_json_chunks(data))
    # What report.json held when every cluster kept one occurrence object per article.
    dense = []
    for c in clusters:
        stored = {o.article: o for o in c.found}
        occurrences = [stored.get(aid, QuoteOccurrence(aid, "absent", None, None)) for aid in ids]
        dense.append({"id": c.id, "text": c.text, "speaker": c.speaker, "origin": c.origin,
                      "occurrences": [{"article": o.article, "status": o.status, "text": o.text, "score": o.score,
                                       "speaker": o.speaker, "paraphrase": o.paraphrase} for o in occurrences]})
    assert written == json.dumps({"schema": "x", "quotes": dense}, ensure_ascii=False, indent=2) + "\n"
    statuses = {o["status"] for q in dense for o in q["occurrences"]}
    assert {"verbatim", "absent"} <= statuses


def test_quotes_csv_rows_are_the_stored_occurrences():
    _, clusters = _synthetic_clusters()
    data = {"quotes": report_rows.QuoteRows(list(clusters))}
    rows = "".join(report.quotes_csv_chunks(data)).splitlines()[1:]
    assert len(rows) == sum(1 for c in clusters for o in c.occurrences if o.status != "absent")


def test_a_story_keeps_its_articles_occurrences_and_order():
    made = QuoteCluster("q1", "the words", "Ann", "a", (QUOTED, PARAPHRASED), ("a", "b", "c", "d"))
    other = QuoteCluster("q2", "more", None, "d", (), made.articles)
    [scoped] = _scoped_quotes((made, other), {"a", "b"})  # "q2" began outside the story
    assert scoped.articles == ("a", "b")
    assert scoped.found == (QUOTED,)
    assert scoped.occurrences == (QUOTED, QuoteOccurrence.absent("b"))


def test_the_searches_build_one_narrative_per_article(monkeypatch):
    articles = list(generate(6, seed=3).articles)
    narratives = Narratives({a.id: a for a in articles}, {a.id: extract_quotes(a) for a in articles})
    built = []
    real = Narratives.build
    monkeypatch.setattr(Narratives, "build", lambda self, aid: built.append(aid) or real(self, aid))
    words = QuoteWords.of(extract_quotes(articles[0])[0])
    builders = [cluster._Builder(words, b"k", articles[0].id)] * 3
    todo = [(k, ci, a.id) for k, a in enumerate(articles) for ci in range(3)]  # article order
    found = cluster._search_rows((todo, builders, narratives), range(len(todo)))
    assert len(found) == len(todo)
    assert built == [a.id for a in articles]
