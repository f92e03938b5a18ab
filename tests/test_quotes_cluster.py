"""Clusters and statuses, on the readable cases of tests/fixtures/quotes/clusters.txt."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.model import EditOp, Metadata, Quote
from generator.quotes import cluster_quotes, extract_quotes
from generator.segment import article_from_text

FIXTURE = Path(__file__).parent / "fixtures" / "quotes" / "clusters.txt"


def _edit(text: str) -> EditOp:
    op, _, change = text.partition(" ")
    source, _, article = change.partition("→")
    return EditOp(op, article.strip(), source.strip())


def _expected(block: str) -> list[tuple]:
    clusters = []
    for line in filter(None, (x.strip() for x in block.split("\n"))):
        if line.startswith("cluster:"):
            text, origin = line[len("cluster:"):].strip().split(" @ ")
            clusters.append((text, origin, []))
            continue
        aid, _, rest = line.partition(": ")
        status, *more = rest.split(" @ ")
        text = more[0] if more else None
        edits = tuple(_edit(e) for e in more[1].split(", ")) if len(more) > 1 else ()
        clusters[-1][2].append((aid, status, text, edits))
    return clusters


def load_cases(path: Path) -> list[tuple[str, list[tuple[str, str]], list[tuple]]]:
    lines = [line for line in path.read_text(encoding="utf-8").split("\n") if not line.startswith("#")]
    cases = []
    for block in "\n".join(lines).split("=== ")[1:]:
        name, _, rest = block.partition("\n")
        parts = rest.split("--- ")[1:]
        articles = [tuple(p.partition("\n")[::2]) for p in parts if not p.startswith("expect")]
        expect = next(p for p in parts if p.startswith("expect")).partition("\n")[2]
        cases.append((name, [(a.strip(), t.strip()) for a, t in articles], _expected(expect)))
    return cases


CASES = load_cases(FIXTURE)


def run(articles: list[tuple[str, str]], order: list[str] | None = None):
    built = [article_from_text(aid, text, Metadata(), order=i) for i, (aid, text) in enumerate(articles)]
    quotes = {a.id: extract_quotes(a) for a in built}
    return built, cluster_quotes(built, quotes, order or [a.id for a in built])


@pytest.mark.parametrize(("name", "articles", "expected"), CASES, ids=[c[0] for c in CASES])
def test_fixture_case(name, articles, expected):
    built, clusters = run(articles)
    got = [(c.text, c.origin, [(o.article, o.status, o.text, o.edits) for o in c.occurrences])
           for c in clusters]
    assert got == expected
    texts = {a.id: a.text for a in built}
    for cluster in clusters:
        assert [o.article for o in cluster.occurrences] == [aid for aid, _ in articles]
        for o in cluster.occurrences:
            if o.text is not None:
                assert texts[o.article][o.start : o.end] == o.text


def test_origin_follows_publication_order_not_list_order():
    articles = [("late", "“We are ready to talk,” said Sergey Lavrov."),
                ("early", "“We are ready to talk,” Sergey Lavrov said.")]
    _, clusters = run(articles, order=["early", "late"])
    assert [(c.origin, [o.article for o in c.occurrences]) for c in clusters] == [("early", ["early", "late"])]


def test_cluster_ids_are_stable_and_distinct():
    case = next(c for c in CASES if c[0].startswith("a quote first seen"))
    ids = [c.id for c in run(case[1])[1]]
    assert ids == [c.id for c in run(case[1])[1]]
    assert len(set(ids)) == len(ids) and all(i.startswith("q-") for i in ids)


def test_speaker_comes_from_the_origin():
    _, clusters = run([("a", "“We are ready to talk,” said Sergey Lavrov."),
                       ("b", "Lavrov: “We are ready to talk.”")])
    assert clusters[0].speaker == "Sergey Lavrov"
    assert [o.speaker for o in clusters[0].occurrences] == ["Sergey Lavrov", "Lavrov"]


def test_articles_without_quotes_get_absent_occurrences():
    _, clusters = run([("a", "“We are ready to talk,” said Sergey Lavrov."), ("b", "Nothing to see.")])
    assert clusters[0].occurrences[1].status == "absent"
    assert clusters[0].occurrences[1].text is None and clusters[0].occurrences[1].score is None


def test_unknown_ids_in_order_are_skipped():
    built = [article_from_text("a", "“We are ready to talk,” said Sergey Lavrov.")]
    quote = Quote("a", 1, 20, built[0].text[1:20], "Sergey Lavrov")
    (cluster,) = cluster_quotes(built, {"a": (quote,)}, ["a", "b"])
    assert cluster.origin == "a" and [o.article for o in cluster.occurrences] == ["a"]


def _three_articles() -> list:
    said = '"We will rebuild the harbour wall before the winter storms arrive," the mayor said.'
    return [article_from_text(f"a{k}", f"Paragraph {k} of the harbour story.\n\n{said}", Metadata(), order=k)
            for k in range(3)]


def test_neighbours_limit_matching_to_articles_compared_with_each_other():
    articles = _three_articles()
    quotes = {a.id: extract_quotes(a) for a in articles}
    order = [a.id for a in articles]
    everyone = {a: {b for b in order if b != a} for a in order}
    exhaustive = cluster_quotes(articles, quotes, order)
    assert cluster_quotes(articles, quotes, order, neighbours=everyone) == exhaustive
    assert len(exhaustive) == 1

    # a2 was never compared with a0 or a1 (a pruned set): its quote starts its own cluster.
    apart = {"a0": {"a1"}, "a1": {"a0"}, "a2": set()}
    clusters = cluster_quotes(articles, quotes, order, neighbours=apart)
    assert [c.origin for c in clusters] == ["a0", "a2"]
    assert {o.article for o in clusters[0].occurrences if o.status == "verbatim"} == {"a0", "a1"}
