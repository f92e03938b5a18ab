"""Publication order, direct sources and credit (generator.provenance)."""

from __future__ import annotations

from dataclasses import replace

from generator.compare import compare_pair
from generator.compare_settings import AlignSettings
from generator.model import Metadata
from generator.provenance import credit, provenance
from generator.segment import article_from_text

P1 = "The city council voted on Thursday to close the old railway bridge to cars after inspectors found deep cracks in two of its supports."
P2 = "Repairs are expected to take at least eighteen months and will cost the city roughly forty million dollars, according to the transport department."
P3 = "Commuters who cross the river every morning will have to use the ferry or a long detour through the industrial district until then."
P4 = "Shop owners near the bridge said they feared losing customers during the busy summer months when tourists usually fill the old town."
P5 = "A petition asking the council to build a temporary footbridge has already collected more than three thousand signatures online."
P6 = "The mayor promised a public meeting next week where engineers will explain the inspection results and answer questions from residents."


def make(article_id, sentences, order, published=None, outlet=None, url=None, credits=()):
    meta = Metadata(published=published, outlet=outlet, url=url)
    article = article_from_text(article_id, " ".join(sentences), meta=meta, order=order)
    return replace(article, credits=tuple(credits))


def analyse(articles):
    pairs = [compare_pair(a, s, AlignSettings()) for a in articles for s in articles if a is not s]
    return provenance(articles, pairs)


def test_chain_copy_is_attributed_to_the_nearest_source():
    a = make("a", [P1, P2, P3], 0, "2024-04-01T08:00:00", "Wire", "https://wire.example/a")
    b = make("b", [P1, P2, P4], 1, "2024-04-01T10:00:00", "Daily", "https://daily.example/b")
    c = make("c", [P1, P2, P4, P6], 2, "2024-04-02", "Weekly")
    result = analyse([c, b, a])
    assert result.order == ("a", "b", "c")
    assert [link.source for link in result.sources_of("c")] == ["b"]
    assert [link.source for link in result.sources_of("b")] == ["a"]
    assert result.sources_of("a") == ()


def test_text_only_an_older_source_has_keeps_it_a_direct_source():
    a = make("a", [P1, P2, P3], 0, "2024-04-01")
    b = make("b", [P1, P2, P4], 1, "2024-04-02")
    c = make("c", [P1, P2, P4, P3], 2, "2024-04-03")
    result = analyse([a, b, c])
    links = {link.source: link for link in result.sources_of("c")}
    assert set(links) == {"a", "b"}
    assert links["a"].share > 0 and links["b"].share > 0
    assert links["a"].share + links["b"].share == 1.0  # every word explained once
    assert all(link.reuse >= link.share for link in links.values())


def test_sources_are_earlier_even_when_they_contain_more():
    early = make("early", [P1, P6], 0, "2024-04-01")
    late = make("late", [P1, P6, P4, P5], 1, "2024-04-05")
    result = analyse([late, early])
    assert result.order == ("early", "late")
    assert result.sources_of("early") == ()
    assert [link.source for link in result.sources_of("late")] == ["early"]


def test_undated_article_placed_after_the_one_it_contains():
    a = make("a", [P1, P2], 0, "2024-04-01")
    z = make("z", [P5, P6], 1, "2024-04-02")
    undated = make("u", [P1, P2, P3, P4], 2)
    result = analyse([undated, a, z])
    assert result.order == ("a", "u", "z")
    assert [link.source for link in result.sources_of("u")] == ["a"]


def test_undated_article_placed_before_the_one_containing_it():
    a = make("a", [P4], 0, "2024-04-01")
    c = make("c", [P1, P2, P3, P5], 1, "2024-04-03")
    undated = make("u", [P1, P2], 2)
    assert analyse([a, c, undated]).order == ("a", "u", "c")


def test_undated_without_evidence_go_last_in_file_order():
    a = make("a", [P1], 5, "2024-04-01")
    x = make("x", [P3], 1)
    y = make("y", [P5], 0)
    assert analyse([x, a, y]).order == ("a", "y", "x")


def test_credit_line_names_the_domain():
    source = make("s", [P1], 0, outlet="CNN", url="https://www.cnn.com/2024/04/09/story")
    article = make("a", [P1], 1, credits=["This post appeared first on cnn.com"])
    assert credit(article, source) == (True, "This post appeared first on cnn.com")


def test_mention_of_the_outlet_in_the_text():
    source = make("s", [P1], 0, outlet="CNN")
    article = make("a", [P2, "Lavrov is in the capital for a two-day visit, as per CNN.", P3], 1)
    assert credit(article, source) == (True, "Lavrov is in the capital for a two-day visit, as per CNN.")
    assert credit(make("b", [P2, "Cnnx and cnn are not the outlet."], 2), source) == (False, None)


def test_uncredited_copy_and_links_carry_credit():
    a = make("a", [P1, P2], 0, "2024-04-01", outlet="The Herald", url="https://herald.example/x")
    b = make("b", [P1, P2, "Details were first reported by the Herald on Monday."], 1, "2024-04-02")
    c = make("c", [P1, P2, P5], 2, "2024-04-02")
    result = analyse([a, b, c])
    (link_b,) = result.sources_of("b")
    assert link_b.credited and link_b.credit_text == "Details were first reported by the Herald on Monday."
    assert not any(link.credited for link in result.sources_of("c"))


def test_deterministic():
    articles = [make("a", [P1, P2, P3], 0, "2024-04-01"), make("b", [P1, P2, P4], 1), make("c", [P2, P4, P5], 2)]
    assert analyse(articles) == analyse(list(articles))


def test_paraphrase_is_no_evidence_of_publication_order():
    a = make("a", [P1, P2, P3, P5], 0, "2024-04-03")
    undated = make("u", [P4], 1)
    pairs = [compare_pair(x, s, AlignSettings()) for x in (a, undated) for s in (a, undated) if x is not s]
    # As if paraphrase detection had found all of u's meaning in a: still no text taken.
    pairs = [replace(p, paraphrase=1.0, reuse=1.0) if p.article == "u" else p for p in pairs]
    assert provenance([a, undated], pairs).order == ("a", "u")
