"""Compare the facts of one aligned passage pair: what the rewrite changed or added.

Precision first: facts are compared only with facts of the same kind and key that sit in
aligned positions (the same replaced stretch of a word alignment, or a shared neighbouring
word); a fact the rewrite dropped is never reported on its own.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from difflib import SequenceMatcher
from dataclasses import dataclass

from ..model import Article, Passage
from .facts import COMPATIBLE, Fact, People, facts, same_person

STOPWORDS = frozenset("the a an in on at of to for and or by with from as is was his her its their".split())
SWAP_MAX_WORDS = 4
SWAP_CONTEXT = 4
"""Words that must follow a replaced name unchanged for it to count as a swap."""


@dataclass(frozen=True, slots=True)
class Side:
    """One side of a passage pair: the article, its word range and its facts."""

    article: Article
    start: int
    end: int
    facts: tuple[Fact, ...]

    def word_range(self, fact: Fact) -> tuple[int, int]:
        w = self.article.words
        return bisect_right(w.ends, fact.start), bisect_left(w.starts, fact.end)

    def neighbours(self, fact: Fact) -> tuple[str | None, str | None]:
        first, last = self.word_range(fact)
        norm = self.article.words.norm
        prev = norm[first - 1] if first - 1 >= self.start else None
        nxt = norm[last] if last < self.end else None
        return prev, nxt


@dataclass(frozen=True, slots=True)
class Change:
    """A fact of the source (or None, for an addition) and the article's fact."""

    kind: str
    source: Fact | None
    article: Fact
    subject: str | None = None


def side(article: Article, start: int, end: int, people: People) -> Side:
    w = article.words
    if end <= start:
        return Side(article, start, end, ())
    return Side(article, start, end, tuple(facts(article.text, w.starts[start], w.ends[end - 1], people)))


def compare_passage(passage: Passage, art: Side, src: Side, src_all: tuple[Fact, ...]) -> list[Change]:
    """The changes and additions of one passage pair (``src_all``: every fact of the source)."""
    ops = SequenceMatcher(None, src.article.words.norm[src.start:src.end],
                          art.article.words.norm[art.start:art.end], autojunk=False).get_opcodes()
    replaced = [(s1 + src.start, s2 + src.start, a1 + art.start, a2 + art.start)
                for tag, s1, s2, a1, a2 in ops if tag == "replace"]
    anchored = [(s1 + src.start, s2 + src.start, a1 + art.start, a2 + art.start)
                for (tag, s1, s2, a1, a2), after in zip(ops, ops[1:] + [("end", 0, 0, 0, 0)])
                if tag == "replace" and after[0] == "equal" and after[2] - after[1] >= SWAP_CONTEXT]
    changed_a = {(a1 + art.start, a2 + art.start) for tag, _, _, a1, a2 in ops if tag in ("replace", "insert")}
    lexical = passage.kind != "paraphrase"
    changes = _values(art, src, replaced, lexical) + _titles(art, src, src_all) + _swaps(art, src, anchored)
    if lexical:
        seen = {c.article for c in changes}
        changes += [c for c in _added(art, src, src_all, changed_a) if c.article not in seen]
    return changes


def _in(span: tuple[int, int], lo: int, hi: int) -> bool:
    return lo <= span[0] and span[1] <= hi


def _aligned(art: Side, fa: Fact, src: Side, fs: Fact, replaced, lexical: bool) -> bool:
    ra, rs = art.word_range(fa), src.word_range(fs)
    if any(_in(rs, s1, s2) and _in(ra, a1, a2) for s1, s2, a1, a2 in replaced):
        return True
    pa, na = art.neighbours(fa)
    ps, ns = src.neighbours(fs)
    return (pa is not None and pa == ps and pa not in STOPWORDS) or \
        (na is not None and na == ns and na not in STOPWORDS)


def _values(art: Side, src: Side, replaced, lexical: bool) -> list[Change]:
    """Numbers, dates and relative time of one kind and key with no value in common."""
    changes = []
    for kind in ("number", "date", "relative"):
        keys = {f.key for f in art.facts if f.kind == kind} & {f.key for f in src.facts if f.kind == kind}
        for key in sorted(keys):
            fa = [f for f in art.facts if f.kind == kind and f.key == key]
            fs = [f for f in src.facts if f.kind == kind and f.key == key]
            if {f.value for f in fa} & {f.value for f in fs} or (kind == "number" and not key and not lexical):
                continue
            for a in fa:
                match = next((s for s in fs if _aligned(art, a, src, s, replaced, lexical)), None)
                if match is None and lexical and key and len(fa) == len(fs) == 1:
                    match = fs[0]
                if match is not None and not _reanchored(match, a):
                    changes.append(Change("date" if kind == "relative" else kind, match, a))
    return changes


DAY_OFFSET = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}


def _reanchored(source: Fact, article: Fact) -> bool:
    """"today" in a wire story is "yesterday" in the next morning's paper: a shift of one day
    in a day word is the rewrite's later vantage point, not a changed date."""
    if source.kind != "relative" or (source.key, article.key) != ("day", "day"):
        return False
    return abs(DAY_OFFSET[article.value] - DAY_OFFSET[source.value]) <= 1


def compatible(a: str, b: str) -> bool:
    return a == b or frozenset({a, b}) in COMPATIBLE


def _titles(art: Side, src: Side, src_all: tuple[Fact, ...]) -> list[Change]:
    """A title the article gives a person that no title the source gives them supports."""
    changes = []
    for fa in (f for f in art.facts if f.kind == "title"):
        in_passage = [f for f in src.facts if f.kind == "title" and same_person(f.key, fa.key)]
        anywhere = [f for f in src_all if f.kind == "title" and same_person(f.key, fa.key)]
        if not in_passage or any(compatible(fa.value, f.value) for f in anywhere):
            continue
        changes.append(Change("title", in_passage[0], fa, subject=fa.key))
    return changes


def _swaps(art: Side, src: Side, replaced) -> list[Change]:
    """A person put in another's place: in the same replaced words, or under the same title
    (the one named more often than the source names them, the other less often)."""
    a_people = [f for f in art.facts if f.kind == "person"]
    s_people = [f for f in src.facts if f.kind == "person"]

    def count(fact: Fact, facts: list[Fact]) -> int:
        return sum(same_person(fact.key, f.key) for f in facts)

    def swapped(gone: Fact, new: Fact) -> bool:
        return not same_person(gone.key, new.key) and count(gone, a_people) < count(gone, s_people) \
            and count(new, a_people) > count(new, s_people)

    pairs = []
    for s1, s2, a1, a2 in replaced:
        if s2 - s1 <= SWAP_MAX_WORDS and a2 - a1 <= SWAP_MAX_WORDS:
            gone = [f for f in s_people if _in(src.word_range(f), s1, s2)]
            new = [f for f in a_people if _in(art.word_range(f), a1, a2)]
            if len(gone) == 1 and len(new) == 1:
                pairs.append((gone[0], new[0]))
    for ts in (f for f in src.facts if f.kind == "title"):
        for ta in (f for f in art.facts if f.kind == "title" and f.value == ts.value):
            gone = next(f for f in s_people if f.key == ts.key)
            new = next(f for f in a_people if f.key == ta.key)
            if not any(same_person(f.key, new.key) for f in s_people) and \
                    not any(same_person(f.key, gone.key) for f in a_people):
                pairs.append((gone, new))
    seen: set[int] = set()
    changes = []
    for gone, new in pairs:
        if new.start not in seen and swapped(gone, new):
            seen.add(new.start)
            changes.append(Change("person", gone, new, subject=gone.key))
    return changes


def _supported(fact: Fact, src_all: tuple[Fact, ...]) -> bool:
    if fact.kind == "person":
        return any(f.kind == "person" and same_person(f.key, fact.key) for f in src_all)
    return any(f.kind == fact.kind and f.value == fact.value for f in src_all)


def _added(art: Side, src: Side, src_all: tuple[Fact, ...], changed: set[tuple[int, int]]) -> list[Change]:
    """Facts in words the rewrite inserted that the whole source never states."""
    src_dated = any(f.kind in ("date", "relative") for f in src.facts)
    added = []
    for fa in art.facts:
        if fa.kind in ("title", "person") or (fa.kind == "number" and not fa.key) or fa.key == "day":
            continue
        if fa.kind in ("date", "relative") and src_dated:
            continue
        if any(_in(art.word_range(fa), a1, a2) for a1, a2 in changed) and not _supported(fa, src_all):
            added.append(Change("added", None, fa, subject=fa.kind))
    return added
