"""Synthetic article sets with known reuse, built from the demo articles' sentences.

Each article (~600 words) is a sequence of sentences, each carrying the id of the sentence
it descends from:
- most articles take a parent among the earlier ones and copy a share of its sentences
  (in order, a third of them with one or two words changed);
- every article uses a couple of "wire facts": demo sentences shared across the story;
- the rest are new: a demo sentence with every content word replaced at random, so its
  shape is real but its wording unique.
The truth for a pair is the share of the article's words in sentences whose origin also
appears in the source.

With ``stories=True`` the set is many stories of 5 to 500 articles each, every story built
the same way from its own pool (the demo sentences with most content words replaced), so
stories share little wording beyond stock phrases; their articles are interleaved in time.

    python bench/synth.py 5   # print a small set
"""

from __future__ import annotations

import json
import math
import random
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from generator.align import STOPWORDS  # noqa: E402
from generator.model import Article  # noqa: E402
from generator.segment import article_from_text  # noqa: E402
from generator.text import WORD_RE  # noqa: E402

CONTENT = Path(__file__).resolve().parents[1] / "content"


@dataclass(frozen=True, slots=True)
class Sentence:
    origin: int
    text: str
    words: int


@dataclass(frozen=True, slots=True)
class SynthSet:
    articles: tuple[Article, ...]
    parents: tuple[int | None, ...]
    """Index of the article each one copied from (None for originals)."""
    sentences: tuple[tuple[Sentence, ...], ...]
    story: tuple[int, ...] = ()
    """Story of each article (all 0 for a one-story set)."""

    def truth(self, article: int, source: int) -> float:
        """Share of ``article``'s words in sentences whose origin ``source`` also has."""
        origins = {s.origin for s in self.sentences[source]}
        own = self.sentences[article]
        return sum(s.words for s in own if s.origin in origins) / sum(s.words for s in own)


def _count(text: str) -> int:
    return len(WORD_RE.findall(text))


def demo_sentences() -> list[str]:
    """Every sentence of the demo articles (seed 000 read from its WordPress JSON)."""
    result = []
    for path in sorted(CONTENT.glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        if raw.lstrip().startswith("{"):
            from selectolax.lexbor import LexborHTMLParser

            html = json.loads(raw)["content"]["rendered"]
            raw = "\n\n".join(p.text().strip() for p in LexborHTMLParser(html).css("p"))
        article = article_from_text(path.stem, raw)
        result += [article.text[s.start : s.end] for s in article.sentences if len(article.text[s.start : s.end].split()) >= 8]
    return result


def _mutate(rng: random.Random, text: str, vocabulary: list[str], rate: float) -> str:
    """Replace each content word with a random vocabulary word with probability ``rate``."""
    out = [
        rng.choice(vocabulary) if w.casefold().strip(".,;:\"'“”’") not in STOPWORDS and rng.random() < rate else w
        for w in text.split()
    ]
    return " ".join(out)


def _edit(rng: random.Random, text: str, vocabulary: list[str]) -> str:
    """One or two word-level edits: a replacement or an insertion."""
    words = text.split()
    for _ in range(rng.randint(1, 2)):
        k = rng.randrange(len(words))
        if rng.random() < 0.5:
            words[k] = rng.choice(vocabulary)
        else:
            words.insert(k, rng.choice(vocabulary))
    return " ".join(words)


def generate(n: int, seed: int = 0, words: int = 600, stories: bool = False) -> SynthSet:
    """``n`` articles of about ``words`` words each, deterministic for a given ``seed``: one
    story, or with ``stories`` many (see ``_story_sizes``), each with its own wording."""
    if stories:
        return _many_stories(n, seed, words)
    rng = random.Random(seed)
    pool = demo_sentences()
    vocabulary = _vocabulary(pool)
    facts = [Sentence(k, s, _count(s)) for k, s in enumerate(pool[:40])]
    sets, parents, _ = _story(rng, n, pool, facts, vocabulary, len(pool), words)
    return _synth_set(sets, parents)


def _vocabulary(pool: list[str]) -> list[str]:
    return sorted({w for s in pool for w in s.split() if w.isalpha() and w.casefold() not in STOPWORDS})


def _story(rng: random.Random, n: int, pool: list[str], facts: list[Sentence], vocabulary: list[str],
           next_origin: int, words: int) -> tuple[list[tuple[Sentence, ...]], list[int | None], int]:
    """The sentences of ``n`` articles of one story and each one's parent (index in it)."""
    sets: list[tuple[Sentence, ...]] = []
    parents: list[int | None] = []
    for k in range(n):
        parent = rng.randrange(k) if k and rng.random() < 0.7 else None
        body: list[Sentence] = []
        if parent is not None:
            rate = rng.choice((0.1, 0.25, 0.5, 0.75))
            for s in sets[parent]:
                if rng.random() < rate:
                    text = _edit(rng, s.text, vocabulary) if rng.random() < 0.33 else s.text
                    body.append(Sentence(s.origin, text, _count(text)))
        body += rng.sample(facts, 2)
        while sum(s.words for s in body) < words:
            text = _mutate(rng, rng.choice(pool), vocabulary, 0.9)
            body.insert(rng.randrange(len(body) + 1), Sentence(next_origin, text, _count(text)))
            next_origin += 1
        sets.append(tuple(body))
        parents.append(parent)
    return sets, parents, next_origin


STORY_SIZES = (5, 500)
"""Smallest and largest story of a many-story set; sizes are log-uniform between them
(many small stories, a few large ones, as in a month of a wire service)."""
STORY_REWORDING = 0.8
"""Share of the demo sentences' content words each story replaces to make its own pool:
what stories share is then stopwords and the odd stock phrase, not facts."""


def _story_sizes(rng: random.Random, n: int) -> list[int]:
    low, high = STORY_SIZES
    sizes: list[int] = []
    while sum(sizes) < n:
        sizes.append(min(n - sum(sizes), round(math.exp(rng.uniform(math.log(low), math.log(high))))))
    return sizes


def _many_stories(n: int, seed: int, words: int) -> SynthSet:
    """Stories generated one by one from their own reworded pools, then interleaved in time
    (each story's articles keep their order, so a parent still comes first)."""
    rng = random.Random(seed)
    base = demo_sentences()
    vocabulary = _vocabulary(base)
    next_origin = 0
    stories = []
    for size in _story_sizes(rng, n):
        pool = [_mutate(rng, s, vocabulary, STORY_REWORDING) for s in base]
        facts = [Sentence(next_origin + k, s, _count(s)) for k, s in enumerate(pool[:40])]
        sets, parents, next_origin = _story(rng, size, pool, facts, vocabulary, next_origin + 40, words)
        stories.append((sets, parents))
    order = [k for k, (sets, _) in enumerate(stories) for _ in sets]
    rng.shuffle(order)
    position: dict[tuple[int, int], int] = {}
    taken = [0] * len(stories)
    for place, story in enumerate(order):
        position[(story, taken[story])] = place
        taken[story] += 1
    all_sets: list[tuple[Sentence, ...]] = [()] * n
    all_parents: list[int | None] = [None] * n
    labels = [0] * n
    for story, (sets, parents) in enumerate(stories):
        for k, (body, parent) in enumerate(zip(sets, parents)):
            place = position[(story, k)]
            all_sets[place], labels[place] = body, story
            all_parents[place] = None if parent is None else position[(story, parent)]
    return _synth_set(all_sets, all_parents, labels)


def _synth_set(sets: list[tuple[Sentence, ...]], parents: list[int | None], stories: list[int] | None = None) -> SynthSet:
    articles = tuple(
        article_from_text(f"synth-{k:05d}", " ".join(s.text for s in body), order=k) for k, body in enumerate(sets)
    )
    return SynthSet(articles, tuple(parents), tuple(sets), tuple(stories or [0] * len(sets)))

if __name__ == "__main__":
    data = generate(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
    for k, article in enumerate(data.articles):
        print(f"{article.id} parent={data.parents[k]} words={len(article.words)}")
        print(article.text[:300], "...\n")
