"""Paraphrase detection: alignment logic with a stub encoder (fast), then the real model
(run when the extra ``wiretrace[semantic]`` is installed, skipped otherwise)."""

from __future__ import annotations

import json
import zlib

import jsonschema
import numpy as np
import pytest

from support import ROOT, SCHEMA

from generator import semantic
from generator.build import build
from generator.compare import compare_pair
from generator.config import Config
from generator.errors import BuildError
from generator.model import QuoteCluster, QuoteOccurrence
from generator.progress import Progress
from generator.segment import article_from_text
from generator.semantic.align import SemanticSettings, units
from generator.semantic import encoder as encoder_module
from generator.semantic.encoder import Embeddings, LazyModel
from generator.text import WORD_RE

# Words the stub treats as meaning the same; everything else is its own meaning.
SYNONYMS = {"pointless": "futile", "useless": "futile", "talks": "meeting", "met": "meeting",
            "held": "meeting", "chinese": "china", "capital": "beijing", "russian": "russia",
            "minister": "diplomat", "tuesday": "tuesday", "envoy": "diplomat", "gatherings": "conferences",
            "ignore": "exclude", "disregard": "exclude", "agreed": "concurred", "both": "two"}
IGNORED = {"the", "a", "an", "of", "in", "on", "that", "and", "to", "with", "was", "were", "are", "is",
           "their", "they", "its", "it", "s", "by", "for", "as", "had", "have"}


class StubEncoder:
    """Bag of meanings hashed into 512 dimensions: synonyms share a dimension, so a
    reworded sentence is close and a sentence on the same subject with other claims is not."""

    name = "stub"

    def __init__(self):
        self.calls: list[list[str]] = []

    def encode(self, texts):
        self.calls.append(list(texts))
        rows = np.zeros((len(texts), 512))
        for r, text in enumerate(texts):
            for word in WORD_RE.findall(text.casefold()):
                if word not in IGNORED:
                    rows[r, zlib.crc32(SYNONYMS.get(word, word).encode()) % 512] += 1
        norms = np.linalg.norm(rows, axis=1, keepdims=True)
        return rows / np.where(norms == 0, 1, norms)


SOURCE = ("Xi met Lavrov in Beijing on Tuesday. "
          "Both ministers agreed that conferences which ignore Moscow are futile. "
          "The weather was cold and wet across northern China all week. "
          "Lavrov will travel to Mongolia next and then fly home to Moscow.")


def paraphrase_pair(article_text: str, source_text: str = SOURCE, settings=SemanticSettings(threshold=0.75)):
    article = article_from_text("a", article_text)
    source = article_from_text("s", source_text, order=1)
    lexical = compare_pair(article, source)
    stage = semantic.Paraphraser(Embeddings(StubEncoder()), Progress(enabled=False), settings)
    return article, stage.pairs([article, source], [lexical])[0]


def passage_text(article, p):
    return article.text[article.words.starts[p.a_start]:article.words.ends[p.a_end - 1]]


def test_a_reworded_sentence_is_a_paraphrase_passage_with_its_cosine_as_score():
    article, pair = paraphrase_pair("Both envoys concurred that gatherings which disregard Moscow are pointless. "
                                    "A new bridge opened in the south of the country on Friday afternoon.")
    [p] = pair.passages
    assert p.kind == "paraphrase" and p.verbatim_words == 0
    assert passage_text(article, p) == "Both envoys concurred that gatherings which disregard Moscow are pointless"
    assert 75 <= p.score <= 100 and p.score == round(p.score, 2)
    assert pair.paraphrase == round((p.a_end - p.a_start) / len(article.words), 4)
    assert pair.reuse == round(pair.verbatim + pair.edited + pair.paraphrase, 4) <= 1


def test_a_sentence_on_the_same_subject_that_says_something_else_is_not_a_paraphrase():
    _, pair = paraphrase_pair("Xi and Lavrov disagreed about Moscow and conferences on Tuesday, officials said privately.")
    assert pair.paraphrase == 0 and not pair.passages


def test_words_aligned_lexically_are_never_counted_again():
    text = ("Both ministers agreed that conferences which ignore Moscow are futile, a spokesman said today. "
            "Held talks with Lavrov in the Chinese capital on Tuesday, Xi did.")
    article, pair = paraphrase_pair(text)
    kinds = [p.kind for p in pair.passages]
    assert "paraphrase" in kinds and kinds.count("paraphrase") == 1
    covered = [i for p in pair.passages for i in range(p.a_start, p.a_end)]
    assert len(covered) == len(set(covered))
    assert pair.reuse == round(pair.verbatim + pair.edited + pair.paraphrase, 4)


def test_a_merged_sentence_is_aligned_to_both_source_sentences():
    source = "Xi met Lavrov in Beijing. The two leaders discussed trade routes through Siberia."
    article, pair = paraphrase_pair(
        "Chinese leader Xi held talks with Lavrov in the capital and discussed trade routes through Siberia.",
        source, SemanticSettings(threshold=0.75, member_min=0.3))
    [p] = pair.passages
    assert p.kind == "paraphrase"
    assert (p.s_start, p.s_end) == (0, 13)  # both source sentences


def test_a_split_sentence_maps_both_parts_to_the_one_source_sentence():
    source = "Xi met Lavrov in Beijing on Tuesday and both agreed that conferences which ignore Moscow are futile."
    article, pair = paraphrase_pair("Xi held talks with Lavrov in the capital on Tuesday. "
                                    "Two ministers concurred: gatherings which disregard Moscow are pointless.",
                                    source, SemanticSettings(threshold=0.75, member_min=0.3))
    assert [p.kind for p in pair.passages] == ["paraphrase", "paraphrase"]
    assert {(p.s_start, p.s_end) for p in pair.passages} == {(0, 17)}  # the whole source sentence


def test_each_source_sentence_is_used_once_unless_a_sentence_was_split():
    text = ("Both envoys concurred that gatherings which disregard Moscow are pointless. "
            "A new bridge opened in the south of the country on Friday afternoon. "
            "Both envoys concurred that gatherings which disregard Moscow are useless.")
    _, pair = paraphrase_pair(text)
    assert [p.kind for p in pair.passages] == ["paraphrase"]


def test_units_are_unaligned_runs_inside_sentences_encoded_as_the_clauses_they_cover():
    article = article_from_text("a", "One two three four, five six seven eight. Nine ten eleven twelve thirteen fourteen.")
    covered = np.zeros(len(article.words), dtype=bool)
    covered[2:4] = True
    found = units(article, covered, SemanticSettings(min_words=3, min_content=1))
    assert [(u.start, u.end, u.text) for u in found] == [
        (4, 8, "five six seven eight"), (8, 14, "Nine ten eleven twelve thirteen fourteen")]
    covered[2:5] = False
    covered[:3] = True  # the run starts inside the first clause: its clauses, not its own edges
    [first, _] = units(article, covered, SemanticSettings(min_words=3, min_content=1, whole_sentence=0.9))
    assert (first.start, first.end, first.text) == (3, 8, "five six seven eight")


def test_a_run_inside_one_long_clause_keeps_its_own_edges():
    article = article_from_text("a", "One two three four five six seven eight nine ten eleven twelve.")
    covered = np.zeros(len(article.words), dtype=bool)
    covered[:3] = covered[8:] = True
    [unit] = units(article, covered, SemanticSettings(min_words=3, min_content=1))
    assert unit.text == "four five six seven eight" and not unit.whole


def test_results_are_deterministic_whatever_the_cache_held():
    text = "Both envoys concurred that gatherings which disregard Moscow are pointless. Xi held talks in the capital."
    first = paraphrase_pair(text)[1]
    article, source = article_from_text("a", text), article_from_text("s", SOURCE, order=1)
    emb = Embeddings(StubEncoder())
    emb.add(["Lavrov will travel to Mongolia next and then fly home to Moscow.", "unrelated"])
    stage = semantic.Paraphraser(emb, Progress(enabled=False), SemanticSettings(threshold=0.75))
    assert stage.pairs([article, source], [compare_pair(article, source)])[0] == first


def test_each_text_is_encoded_once_in_one_batch_and_cached_on_disk(tmp_path):
    encoder = StubEncoder()
    emb = Embeddings(encoder, tmp_path / "cache")
    emb.add(["one sentence", "two sentences", "one sentence"])
    emb.matrix(["one sentence"])
    assert encoder.calls == [["one sentence", "two sentences"]]
    emb.save()
    again = Embeddings(StubEncoder(), tmp_path / "cache")
    assert np.array_equal(again.matrix(["two sentences"]), emb.matrix(["two sentences"]))
    assert again.encoder.calls == []
    (tmp_path / "cache" / "embeddings-stub.npz").write_bytes(b"broken")
    assert Embeddings(StubEncoder(), tmp_path / "cache").vectors == {}


def _futile_quote(origin, articles):
    """The quote "are futile" of ``origin``, absent from the other ``articles``, before and
    after the paraphrase stage (stub encoder)."""
    start = origin.text.index("are futile")
    cluster = QuoteCluster.of("q-1", "are futile", "Lavrov", origin.id, tuple(
        QuoteOccurrence(a.id, "verbatim", "are futile", 100.0, start, start + 10) if a is origin
        else QuoteOccurrence(a.id, "absent", None, None) for a in articles))
    stage = semantic.Paraphraser(Embeddings(StubEncoder()), Progress(enabled=False))
    [result] = stage.quotes(articles, [cluster])
    return cluster, result


def test_a_quote_whose_meaning_survives_gets_the_sentence_that_renders_it():
    origin = article_from_text("o", "Xi met Lavrov on Tuesday. Both agreed that such conferences \"are futile\", Lavrov said.")
    other = article_from_text("x", "Xi met Lavrov on Tuesday. Both agreed that such conferences are pointless. "
                                   "Lavrov flew on to Mongolia.", order=1)
    topical = article_from_text("y", "Xi met Lavrov on Tuesday. Both agreed that such conferences matter a lot.", order=2)
    cluster, result = _futile_quote(origin, [origin, other, topical])
    occurrence = result.occurrences[1]
    assert occurrence.status == "absent"
    assert occurrence.paraphrase == "Both agreed that such conferences are pointless"
    assert result.occurrences[0] == cluster.occurrences[0]
    assert result.occurrences[2].paraphrase is None  # same subject, the quote's claim is not there


def test_an_article_published_before_the_quote_is_never_said_to_paraphrase_it():
    earlier = article_from_text("e", "Xi met Lavrov on Tuesday. Both agreed that such conferences are pointless.")
    origin = article_from_text("o", "Xi met Lavrov on Tuesday. Both agreed that such conferences \"are futile\", "
                                    "Lavrov said.", order=1)
    later = article_from_text("x", "Both agreed that such conferences are pointless. Lavrov flew on.", order=2)
    _, result = _futile_quote(origin, [earlier, origin, later])
    assert result.occurrence("e").paraphrase is None  # the same sentence, but before the quote existed
    assert result.occurrence("x").paraphrase == "Both agreed that such conferences are pointless"


def test_semantic_off_never_loads_the_model(monkeypatch):
    monkeypatch.setattr(semantic, "LazyModel", lambda: pytest.fail("model made"))
    assert semantic.paraphraser(Config(semantic="off"), Progress(enabled=False)) is None


def test_semantic_on_without_the_extra_is_an_error_naming_site_yml(monkeypatch):
    monkeypatch.setattr(semantic, "installed", lambda: False)
    assert semantic.paraphraser(Config(semantic="auto"), Progress(enabled=False)) is None
    with pytest.raises(BuildError) as err:
        semantic.paraphraser(Config(semantic="on"), Progress(enabled=False))
    message = str(err.value)
    assert message.startswith("site.yml") and "wiretrace[semantic]" in message and "semantic: auto or off" in message


def test_the_model_is_loaded_only_for_texts_not_in_the_cache(monkeypatch):
    monkeypatch.setattr(encoder_module, "load_model", lambda: pytest.fail("model loaded"))
    emb = Embeddings(LazyModel())
    emb.vectors[encoder_module.text_key("cached")] = np.ones(3) / np.sqrt(3)
    assert emb.matrix(["cached"]).shape == (1, 3)


TINY = {
    "a.md": "---\ntitle: Wire\npublished: 2024-04-09\n---\n\nXi met Lavrov in Beijing on Tuesday. "
            "Both ministers agreed that conferences which ignore Moscow are futile.\n",
    "b.md": "---\ntitle: Rewrite\npublished: 2024-04-10\n---\n\nChinese leader Xi held talks with the Russian "
            "envoy in the capital on Tuesday. Both envoys concurred that gatherings which disregard Moscow "
            "are pointless.\n",
}


def test_a_build_with_a_stub_encoder_reports_paraphrase(site, monkeypatch):
    monkeypatch.setattr(semantic, "installed", lambda: True)
    monkeypatch.setattr(semantic, "LazyModel", StubEncoder)
    root = site(TINY, "semantic: on\n")
    analysis, _ = build(root)
    report = json.loads((root / "public" / "report.json").read_text(encoding="utf-8"))
    jsonschema.validate(report, json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert report["semantic"] is True and analysis.semantic
    pair = next(p for p in report["pairs"] if p["article"] == "b")
    assert pair["paraphrase"] > 0.3
    assert pair["reuse"] == round(pair["paraphrase"] + pair["verbatim"] + pair["edited"], 4)
    html = (root / "public" / pair["page"]).read_text(encoding="utf-8")
    assert "m-paraphrase" in html
    assert (root / semantic.CACHE_DIR / "embeddings-stub.npz").is_file()


def test_a_build_with_semantic_off_says_so(site, monkeypatch):
    monkeypatch.setattr(semantic, "LazyModel", lambda: pytest.fail("model made"))
    root = site(TINY, "semantic: off\n")
    build(root)
    report = json.loads((root / "public" / "report.json").read_text(encoding="utf-8"))
    assert report["semantic"] is False
    assert all(p["paraphrase"] == 0 for p in report["pairs"])
    assert "Paraphrase detection was <strong>off</strong>" in (root / "public" / "index.html").read_text(encoding="utf-8")


# ---- the real model -------------------------------------------------------------------

real_model = pytest.mark.skipif(not semantic.installed(), reason="the [semantic] extra is not installed")


@pytest.fixture(scope="module")
def demo_semantic(tmp_path_factory):
    """The demo with semantic on (the repository's content, site.yml with semantic: on)."""
    import shutil

    root = tmp_path_factory.mktemp("demo-semantic")
    shutil.copytree(ROOT / "content", root / "content")
    yml = (ROOT / "site.yml").read_text(encoding="utf-8").replace("semantic: auto", "semantic: on")
    (root / "site.yml").write_text(yml, encoding="utf-8")
    build(root)
    return root / "public"


@real_model
def test_demo_with_the_model_shows_seeds_001_and_002_as_mostly_derived_from_000(demo_semantic):
    report = json.loads((demo_semantic / "report.json").read_text(encoding="utf-8"))
    assert report["semantic"] is True
    pairs = {(p["article"][:3], p["source"][:3]): p for p in report["pairs"]}
    for seed in ("001", "002"):
        pair = pairs[seed, "000"]
        assert pair["reuse"] >= 0.5, pair
        assert pair["paraphrase"] > 0.2
        assert pair["reuse"] == round(pair["verbatim"] + pair["edited"] + pair["paraphrase"], 4)
    index = (demo_semantic / "index.html").read_text(encoding="utf-8")
    assert "Paraphrase detection was <strong>on</strong>" in index


@real_model
def test_demo_with_the_model_is_byte_identical_with_a_warm_cache(demo_semantic, tmp_path):
    site_dir = demo_semantic.parent
    build(site_dir, tmp_path / "again")  # the embedding cache is now warm
    for name in ("report.json", "index.html", "quotes.html"):
        assert (tmp_path / "again" / name).read_bytes() == (demo_semantic / name).read_bytes(), name


@real_model
def test_demo_with_the_model_finds_paraphrased_quotes(demo_semantic):
    html = (demo_semantic / "quotes.html").read_text(encoding="utf-8")
    assert '<span aria-hidden="true">≈</span> paraphrased</span>' in html and 'class="paraphrased">“' in html


def test_a_mostly_unaligned_sentence_is_encoded_whole():
    article = article_from_text("a", "One two three four five six seven eight nine ten. Eleven twelve thirteen fourteen.")
    covered = np.zeros(len(article.words), dtype=bool)
    covered[0:2] = True
    found = units(article, covered, SemanticSettings(min_words=3, min_content=1))
    # The run is words 2..10 of sentence 0, but its text is the whole sentence: the same for
    # every pair, so one embedding serves them all.
    assert [(u.start, u.end, u.text) for u in found] == [
        (2, 10, "One two three four five six seven eight nine ten"), (10, 14, "Eleven twelve thirteen fourteen")]


def test_quote_stretches_depend_on_the_sentence_and_a_length_grid_not_on_each_quote():
    from generator.semantic.quotes import chunks, long_length, windows

    article = article_from_text("a", " ".join(f"word{i}" for i in range(130)) + ".")
    long = windows(article, 0, 130, 66, long=True)
    assert long_length(66) == long_length(62) == 60  # quotes of about one length share stretches
    assert windows(article, 0, 130, 62, long=True) == long
    assert [len(w.split()) for w in long] == [60, 60, 60] and long[-1].endswith("word129")
    assert windows(article, 0, 40, 66, long=True) == (" ".join(f"word{i}" for i in range(40)),)
    spans = chunks(0, 130)
    assert spans[-1][1] == 130 and all(b - a == 12 for a, b in spans)
    # every stretch a short quote is searched in (up to 7 words) lies inside one chunk
    assert all(any(a <= i and i + 7 <= b for a, b in spans) for i in range(0, 124))
    assert len(windows(article, 0, 130, 3)) == sum(131 - k for k in range(2, 6))


def test_a_pair_whose_sentences_are_nowhere_near_is_not_planned_and_would_find_nothing(monkeypatch):
    from generator.semantic.align import DEFAULT, SourceTexts, candidates, plan, related

    article = article_from_text("a", "A new bridge opened in the south of the country on Friday afternoon. "
                                     "Engineers praised its steel arches and long concrete spans.")
    source = article_from_text("s", SOURCE, order=1)
    lexical = compare_pair(article, source)
    emb = Embeddings(StubEncoder())
    a, s = emb.matrix(SourceTexts(article).single), emb.matrix(SourceTexts(source).single)
    assert not related(a, s, DEFAULT)
    # exact: planned anyway, no unit has a candidate
    assert candidates(plan(lexical, article, source, DEFAULT), SourceTexts(source), emb, DEFAULT) == []
    monkeypatch.setattr(semantic, "plan", lambda *args: pytest.fail("unrelated pair planned"))
    stage = semantic.Paraphraser(emb, Progress(enabled=False))
    assert stage.pairs([article, source], [lexical]) == [lexical]
    with pytest.raises(ValueError):
        SemanticSettings(threshold=0.4, member_min=0.5)
